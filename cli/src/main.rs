//! `foerderweg-render`: a foerderweg document as SVG, HTML, PNG or PDF, drawn by the crate's
//! own layout and renderer (`foerderweg::render::document`), so a file shows what the widget
//! shows. PNG is drawn by resvg, PDF written by svg2pdf, both from the same SVG.

use foerderweg::check::{Confidential, Diagnostic, Severity};
use foerderweg::i18n::Lang;
use foerderweg::model::WidgetKind;
use foerderweg::render::document::{self, Options, Rendered};
use resvg::{tiny_skia, usvg};
use std::io::{Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
foerderweg-render: draw a foerderweg document (timeline, occupancy dashboard or region map)
as SVG, HTML, PNG or PDF, as the widget draws it.

Usage: foerderweg-render DOC.json [options]
       foerderweg-render - [options] < DOC.json

Options:
  --kind timeline|occupancy|map   the widget (default: read from the document's \"schema\")
  --width PX                      width of the drawing in CSS pixels (default 800)
  --lang de|en                    language (default: the document's \"lang\", else de)
  --today YYYY-MM-DD              the viewer's day for a timeline whose document names no
                                  \"today\" (default: the current date)
  --confidential show|generalise|hide
                                  sensitive timeline records (health, addiction, debt,
                                  psychosocial counselling): the strictest of this and the
                                  document's \"confidential\" wins (default: generalise)
  --format svg|html|png|pdf|element
                                  output format (default: from the -o file's extension, else
                                  svg); element: the widget's element for a page, drawn in a
                                  declarative shadow root, with the document inline
  --stylesheet URL                where the page serves the package's foerderweg.css, linked
                                  from the element's shadow root (default /pkg/foerderweg.css)
  --scale N                       pixels per CSS pixel in a PNG (default 1)
  -o, --out FILE                  write to FILE (default: standard output)
  -h, --help                      this text

What is written: SVG, PNG and PDF hold every figure (title above; as-of date, source and, for
maps, the attribution below), then every table view drawn as text (at most 40 rows each); the
HTML page holds the figures, all rows of the table views and the diagnostics as a list.
Diagnostics also go to standard error, one a line.

Exit status: 0 drawn; 1 drawn, but errors in the data left records out (see standard error);
2 nothing drawable, or bad arguments, or the file could not be read or written.

Fonts: PNG and PDF need a font for their text. The tool loads the system's fonts and draws
the stylesheet's sans-serif with Liberation Sans (Arial's metrics, which the layout's label
fitting assumes), else DejaVu Sans, else the first sans font it finds. On Debian/Ubuntu:
  apt-get install fonts-liberation     (or fonts-dejavu-core, which Chromium already pulls in)
Without any font, text is left out of PNG and PDF and a warning says so.
";

/// Exit statuses.
const DRAWN_WITH_ERRORS: u8 = 1;
const NOT_DRAWN: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Svg,
    Html,
    Png,
    Pdf,
    Element,
}

impl Format {
    fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "html" | "htm" => Some(Format::Html),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            "element" => Some(Format::Element),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Args {
    input: String,
    kind: Option<WidgetKind>,
    width: f64,
    lang: Option<Lang>,
    today: Option<chrono::NaiveDate>,
    confidential: Option<Confidential>,
    format: Format,
    scale: f32,
    out: Option<String>,
    stylesheet: String,
}

/// Reads the arguments; `Err` holds what to say (the help text for `--help`).
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut args = args.into_iter();
    let mut input = None;
    let (mut kind, mut width, mut lang, mut today) = (None, 800.0, None, None);
    let (mut format, mut scale, mut out) = (None, 1.0f32, None);
    let mut confidential = None;
    let mut stylesheet = "/pkg/foerderweg.css".to_string();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Err(HELP.to_string()),
            "--kind" => {
                let v = value("timeline, occupancy or map")?;
                kind = Some(WidgetKind::parse(&v).ok_or(format!("unknown --kind {v:?}"))?);
            }
            "--width" => {
                let v = value("a width in pixels")?;
                width = v
                    .parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite() && (120.0..=20_000.0).contains(w))
                    .ok_or(format!(
                        "--width {v:?}: a number of pixels from 120 to 20000"
                    ))?;
            }
            "--lang" => {
                let v = value("de or en")?;
                lang = Some(Lang::parse(&v).ok_or(format!("unknown --lang {v:?}"))?);
            }
            "--today" => {
                let v = value("a date YYYY-MM-DD")?;
                today = Some(
                    v.parse::<chrono::NaiveDate>()
                        .map_err(|_| format!("--today {v:?}: a date YYYY-MM-DD"))?,
                );
            }
            "--confidential" => {
                let v = value("show, generalise or hide")?;
                if !Confidential::known(&v) {
                    return Err(format!("unknown --confidential {v:?}"));
                }
                confidential = Some(Confidential::parse(&v));
            }
            "--stylesheet" => stylesheet = value("a URL")?,
            "--format" => {
                let v = value("svg, html, png, pdf or element")?;
                format = Some(Format::parse(&v).ok_or(format!("unknown --format {v:?}"))?);
            }
            "--scale" => {
                let v = value("a factor")?;
                scale = v
                    .parse::<f32>()
                    .ok()
                    .filter(|s| s.is_finite() && (0.1..=8.0).contains(s))
                    .ok_or(format!("--scale {v:?}: a factor from 0.1 to 8"))?;
            }
            "-o" | "--out" => out = Some(value("a file name")?),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ if input.is_none() => input = Some(arg),
            _ => return Err(format!("one document at a time ({arg:?} is a second)")),
        }
    }
    let input = input.ok_or("no document given (a file name, or - for standard input)")?;
    let format = format
        .or_else(|| {
            out.as_deref()
                .and_then(|o| o.rsplit_once('.'))
                .and_then(|(_, ext)| Format::parse(ext))
        })
        .unwrap_or(Format::Svg);
    Ok(Args {
        input,
        kind,
        width,
        lang,
        today,
        confidential,
        format,
        scale,
        out,
        stylesheet,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(help) if help == HELP => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("foerderweg-render: {message}\n(foerderweg-render --help says more)");
            return ExitCode::from(NOT_DRAWN);
        }
    };
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("foerderweg-render: {message}");
            ExitCode::from(NOT_DRAWN)
        }
    }
}

fn run(args: &Args) -> Result<u8, String> {
    let json = read(&args.input)?;
    let kind = args
        .kind
        .or_else(|| document::kind_of(&json))
        .ok_or("the document names no foerderweg schema; say which widget with --kind")?;
    let lang = args
        .lang
        .or_else(|| document_lang(&json))
        .unwrap_or_default();
    let options = Options {
        width: args.width,
        lang,
        today: args.today,
        geometry: None,
        confidential: args.confidential,
    };
    let rendered = document::render(kind, &json, &options);
    report(&args.input, &rendered);
    let bytes = match args.format {
        Format::Html => rendered.html().into_bytes(),
        Format::Element => rendered
            .element(&json, &args.stylesheet)
            .ok_or("nothing of the document can be drawn")?
            .into_bytes(),
        format => {
            let svg = rendered
                .svg()
                .ok_or("nothing of the document can be drawn")?;
            match format {
                Format::Svg => svg.into_bytes(),
                Format::Png => png(&svg, args.scale)?,
                _ => pdf(&svg)?,
            }
        }
    };
    write(args.out.as_deref(), &bytes)?;
    Ok(if rendered.rendering.is_none() {
        NOT_DRAWN
    } else if rendered.has_errors() {
        DRAWN_WITH_ERRORS
    } else {
        0
    })
}

fn read(input: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if input == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(input).map(|b| bytes = b)
    };
    result.map_err(|e| format!("{input}: {e}"))?;
    // As the widget reads a `src` that is not UTF-8: replaced, not refused.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn write(out: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match out {
        None | Some("-") => std::io::stdout()
            .lock()
            .write_all(bytes)
            .map_err(|e| format!("standard output: {e}")),
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("{path}: {e}")),
    }
}

/// The document's own `lang`, as the widget takes it when the host sets none.
fn document_lang(json: &str) -> Option<Lang> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    Lang::parse(value.get("lang")?.as_str()?)
}

/// Every diagnostic on standard error: `DOC.json:3:20: error: … (at participants[0].end)`.
fn report(input: &str, rendered: &Rendered) {
    let name = if input == "-" { "<stdin>" } else { input };
    let mut err = std::io::stderr().lock();
    for d in &rendered.diagnostics {
        let _ = writeln!(err, "{}", line(name, d, rendered.lang));
    }
}

fn line(name: &str, d: &Diagnostic, lang: Lang) -> String {
    let position = d
        .position
        .map(|(l, c)| format!("{l}:{c}:"))
        .unwrap_or_default();
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let path = if d.path.is_empty() {
        String::new()
    } else {
        format!(" ({})", d.path)
    };
    format!("{name}:{position} {severity}: {}{path}", d.message(lang))
}

/// The fonts: the system's, with the stylesheet's `sans-serif` drawn by a family that exists.
fn options() -> usvg::Options<'static> {
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    db.load_system_fonts();
    let has = |name: &str| {
        db.faces()
            .any(|f| f.families.iter().any(|(family, _)| family == name))
    };
    let family = ["Liberation Sans", "DejaVu Sans"]
        .into_iter()
        .find(|name| has(name))
        .map(str::to_string)
        .or_else(|| {
            db.faces()
                .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
                .find(|n| n.contains("Sans"))
        })
        .or_else(|| {
            db.faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(n, _)| n.clone())
        });
    match family {
        Some(family) => {
            db.set_sans_serif_family(family.clone());
            options.font_family = family;
        }
        None => eprintln!(
            "foerderweg-render: warning: no font found, text is left out \
             (apt-get install fonts-liberation or fonts-dejavu-core)"
        ),
    }
    options
}

fn tree(svg: &str) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, &options()).map_err(|e| format!("the SVG could not be read: {e}"))
}

fn png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("the drawing has no size")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or("the drawing is too large for a PNG")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("the PNG could not be written: {e}"))
}

fn pdf(svg: &str) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| format!("the PDF could not be written: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Args, String> {
        parse_args(line.split_whitespace().map(str::to_string))
    }

    #[test]
    fn the_format_follows_the_output_file_unless_given() {
        assert_eq!(args("d.json -o x.PNG").unwrap().format, Format::Png);
        assert_eq!(
            args("d.json --format pdf -o x.png").unwrap().format,
            Format::Pdf
        );
        assert_eq!(args("d.json").unwrap().format, Format::Svg);
        assert_eq!(args("d.json --format=html").unwrap().format, Format::Html);
    }

    #[test]
    fn bad_arguments_say_what_is_wrong() {
        assert!(args("").unwrap_err().contains("no document"));
        assert!(args("d.json --width 10").unwrap_err().contains("--width"));
        assert!(args("d.json --kind chart").unwrap_err().contains("--kind"));
        assert!(
            args("d.json --today 2018-13-01")
                .unwrap_err()
                .contains("--today")
        );
        assert!(args("d.json --lang").unwrap_err().contains("needs"));
        assert!(args("a.json b.json").unwrap_err().contains("second"));
        assert_eq!(args("--help").unwrap_err(), HELP);
    }

    #[test]
    fn a_diagnostic_line_names_file_position_and_path() {
        let mut d = Diagnostic::error(
            WidgetKind::Timeline,
            "participants[0]",
            foerderweg::check::Problem::Eof,
        );
        d.position = Some((3, 20));
        let text = line("doc.json", &d, Lang::En);
        assert!(text.starts_with("doc.json:3:20: error: "), "{text}");
        assert!(text.ends_with(" (participants[0])"), "{text}");
    }
}
