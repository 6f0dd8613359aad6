//! The tool as a user calls it: the files it writes and its exit status.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tool(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foerderweg-render"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tool runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_sample_becomes_svg_html_png_and_pdf() {
    let doc = "www/data/occupancy-example.json";
    let svg = tool(&[doc, "--width", "480", "--lang", "en"], None);
    assert_eq!(svg.status.code(), Some(0), "{}", stderr(&svg));
    let text = String::from_utf8(svg.stdout).unwrap();
    assert!(
        text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{text}"
    );
    assert!(
        text.contains("Slots") || text.contains("slots"),
        "English texts: {text}"
    );

    let html = tool(&[doc, "--format", "html"], None);
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    assert!(
        String::from_utf8(html.stdout)
            .unwrap()
            .starts_with("<!doctype html><html lang=\"de\">")
    );

    let png = tool(&[doc, "--format", "png", "--scale", "2"], None);
    assert_eq!(png.status.code(), Some(0), "{}", stderr(&png));
    assert_eq!(&png.stdout[..8], b"\x89PNG\r\n\x1a\n");
    // 2 pixels per CSS pixel of an 800 px wide drawing.
    assert_eq!(
        u32::from_be_bytes(png.stdout[16..20].try_into().unwrap()),
        1600
    );

    let pdf = tool(&[doc, "--format", "pdf"], None);
    assert_eq!(pdf.status.code(), Some(0), "{}", stderr(&pdf));
    assert!(pdf.stdout.starts_with(b"%PDF-"));
}

#[test]
fn the_output_file_names_the_format() {
    let dir = std::env::temp_dir().join(format!("fw-render-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("map.png");
    let o = tool(
        &["www/data/map-regio-aktiv.json", "-o", out.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn records_left_out_are_named_on_stderr_and_exit_1() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../www/data/occupancy-example.json"
    ))
    .unwrap();
    let doc = sample.replacen("\"slots\": 10,", "\"slots\": \"viele\",", 1);
    assert_ne!(doc, sample);
    let o = tool(&["-", "--lang", "en"], Some(&doc));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("<stdin>:") && err.contains(": error: "),
        "{err}"
    );
    assert!(err.contains("(providers[0].projects[2].slots)"), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("Werkstatt am Hafen"));
}

#[test]
fn nothing_drawable_or_bad_arguments_exit_2() {
    let o = tool(
        &["-"],
        Some(r#"{"schema": "foerderweg/timeline@1", "participants": [,]}"#),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("<stdin>:1:"), "{}", stderr(&o));
    let o = tool(&["-"], Some(r#"{"participants": []}"#));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--kind"), "{}", stderr(&o));
    let o = tool(&["www/data/map-sachsen.json", "--width", "abc"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = tool(&["does-not-exist.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("does-not-exist.json"), "{}", stderr(&o));
    let o = tool(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("fonts-dejavu-core"));
}

#[test]
fn the_png_has_its_text_drawn_in_a_system_font() {
    let o = tool(
        &["www/data/occupancy-example.json", "--format", "png"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("no font"), "{}", stderr(&o));
    let png = resvg::tiny_skia::Pixmap::decode_png(&o.stdout).unwrap();
    // The title line (28 px) holds dark pixels: its text was drawn.
    let width = png.width() as usize;
    let dark = png.pixels()[..width * 28]
        .iter()
        .filter(|p| p.alpha() > 0 && p.red() < 100 && p.green() < 100)
        .count();
    assert!(dark > 200, "{dark} dark pixels in the title line");
}

#[test]
fn element_is_the_widget_for_a_page_with_its_document_inline() {
    let doc = "www/data/occupancy-stendal.json";
    let out = tool(
        &[
            doc,
            "--format",
            "element",
            "--width",
            "720",
            "--stylesheet",
            "/assets/foerderweg.css",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "<foerderweg-occupancy><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/assets/foerderweg.css\">"
        ),
        "{text}"
    );
    assert!(text.contains("<svg"), "the chart is drawn: {text}");
    // The document inline, as the module reads it (every `<` escaped).
    let script = text
        .split("<script type=\"application/json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("an inline document");
    let inline: serde_json::Value = serde_json::from_str(script).expect("JSON");
    let path = format!("{}/../{doc}", env!("CARGO_MANIFEST_DIR"));
    let sent: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(inline, sent);
    assert!(text.ends_with("</script></foerderweg-occupancy>"), "{text}");
}
