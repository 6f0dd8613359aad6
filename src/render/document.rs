//! A host's document rendered without a browser: checked, laid out by the widget's own
//! `layout::<widget>::rendering`, and written as one SVG file or one HTML page.
//!
//! This is what the command line tool (`cli/`, `foerderweg-render`), server-side rendering and
//! the golden tests call. The drawing is the widget's scene, so what a file shows is what the
//! widget shows at that width and language.
//!
//! - [`Rendered::svg`]: **one file**, every figure stacked from the top (each with its title,
//!   as-of date, source and attribution, as [`crate::render::svg::figure`] writes it), then every
//!   table view drawn as text, so that a PNG or PDF made from it (the tool does) carries what
//!   the print view of the widget carries (at most 40 rows of a table, 54 characters of a
//!   cell: the page has them whole; a table is as wide as its columns, the file as wide as its
//!   widest part). [`Rendered::svg_files`] gives each figure as a file
//!   of its own.
//! - [`Rendered::html`]: a page of the figures, the table views and the diagnostics as a list.
//!
//! Both carry the CSS of [`crate::render::style`] for exactly the classes they use.

use super::{Writer, html, style, svg};
use crate::check::{self, Diagnostic, Document, Severity};
use crate::i18n::{Lang, fill_named};
use crate::layout;
use crate::layout::Rendering;
use crate::layout::map::Geometry;
use crate::layout::table::DataTable;
use crate::model::WidgetKind;
use crate::scene::{Anchor, Figure, Frame, Group, Mark, Scene};
use chrono::NaiveDate;

/// How to render.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Width of the drawing in CSS pixels (the widget's content width).
    pub width: f64,
    /// Language of every text.
    pub lang: Lang,
    /// The viewer's day, for a timeline whose document names no `today` (default: the day the
    /// renderer runs).
    pub today: Option<NaiveDate>,
    /// The geometry of a map. `None`: natively the built-in districts (and, where a document
    /// names municipalities, the municipalities of Sachsen and Sachsen-Anhalt), decoded once;
    /// in wasm nothing, so a map is not drawn. A document's own geometry always wins.
    pub geometry: Option<Geometry<'a>>,
    /// The host's level for sensitive timeline records (`None`: not given); the strictest of
    /// it and the document's `confidential` field wins ([`check::check_with`]).
    pub confidential: Option<check::Confidential>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            width: 800.0,
            lang: Lang::De,
            today: None,
            geometry: None,
            confidential: None,
        }
    }
}

/// A rendered document.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The widget it was rendered as.
    pub kind: WidgetKind,
    /// The language of its texts.
    pub lang: Lang,
    /// The width it was laid out for.
    pub width: f64,
    /// What the widget shows; `None` when nothing of the document can be drawn.
    pub rendering: Option<Rendering>,
    /// For a dashboard, the widget as it first shows it, part for part
    /// ([`super::dashboard::page`]): what [`Rendered::element`] puts into the shadow root, so
    /// nothing moves when the module takes over.
    pub page: Option<String>,
    /// Every finding of the check (and, for maps, of resolving the keys), errors first.
    pub diagnostics: Vec<Diagnostic>,
}

/// The widget a document is for, read from its `"schema"` (any version: the check names a
/// version it cannot read); for a text that is not JSON, the one schema it names.
///
/// ```
/// use foerderweg::model::WidgetKind;
/// use foerderweg::render::document::kind_of;
/// assert_eq!(kind_of(r#"{"title":"x","schema":"foerderweg/map@1"}"#), Some(WidgetKind::Map));
/// assert_eq!(kind_of(r#"{"schema":"other/map@1"}"#), None);
/// assert_eq!(kind_of("not json"), None);
/// assert_eq!(kind_of(r#"{"schema": "foerderweg/timeline@1", "participants": [,]}"#), Some(WidgetKind::Timeline));
/// ```
pub fn kind_of(json: &str) -> Option<WidgetKind> {
    let Some(value) = check::json_value(json) else {
        // Not JSON: the one schema the text names, so the check can say where it breaks.
        let named: Vec<WidgetKind> = WidgetKind::ALL
            .into_iter()
            .filter(|k| json.contains(&format!("\"{}@", k.schema_name())))
            .collect();
        return (named.len() == 1).then(|| named[0]);
    };
    let schema = value.get("schema")?.as_str()?;
    let name = schema.split('@').next()?;
    WidgetKind::ALL
        .into_iter()
        .find(|k| k.schema_name() == name)
}

/// Checks `json` as a document of `kind` and lays it out as the widget does.
///
/// ```
/// use foerderweg::model::WidgetKind;
/// use foerderweg::render::document::{Options, render};
/// let r = render(WidgetKind::Timeline, r#"{"schema":"foerderweg/timeline@1"}"#, &Options::default());
/// assert!(r.rendering.is_none());
/// assert!(r.html().contains("„participants“"));
/// ```
pub fn render(kind: WidgetKind, json: &str, options: &Options) -> Rendered {
    let checked = check::check_with(kind, json, options.confidential);
    let mut diagnostics = checked.diagnostics;
    let width = if options.width.is_finite() {
        options.width.clamp(120.0, 20_000.0)
    } else {
        800.0
    };
    let lang = options.lang;
    let mut page = None;
    let rendering = match checked.document {
        Some(Document::Timeline(doc)) if kind.built() => {
            let viewer = options.today.unwrap_or_else(system_today);
            let today = layout::timeline::today(&doc, viewer);
            page = super::timeline::page(&doc, width, today, lang, super::Levels::DEFAULT);
            Some(layout::timeline::rendering(&doc, width, today, lang))
        }
        Some(Document::Occupancy(doc)) if kind.built() => {
            let levels = super::Levels::DEFAULT;
            page = Some(super::dashboard::page(&doc, width, lang, levels));
            Some(layout::occupancy::rendering(&doc, width, lang))
        }
        Some(Document::Map(doc)) if kind.built() => {
            let built_in;
            let geo = match (&checked.host_atlas, options.geometry) {
                (Some(atlas), _) => Some(Geometry {
                    areas: atlas,
                    municipalities: None,
                    host: true,
                }),
                (None, Some(geo)) => Some(geo),
                (None, None) => {
                    built_in = builtin(layout::map::needs_municipalities(&doc));
                    built_in
                }
            };
            match geo {
                Some(geo) => {
                    diagnostics.extend(layout::map::prepare(&doc, geo).diagnostics);
                    Some(layout::map::rendering(&doc, geo, width, lang))
                }
                None => {
                    diagnostics.push(Diagnostic::error(
                        kind,
                        "",
                        check::Problem::GeometryUnavailable("no geometry given".into()),
                    ));
                    None
                }
            }
        }
        _ => None,
    };
    diagnostics.sort_by_key(|d| d.severity);
    Rendered {
        kind,
        lang,
        width,
        rendering,
        page,
        diagnostics,
    }
}

/// The built-in geometry, decoded on first use.
#[cfg(not(target_arch = "wasm32"))]
fn builtin(municipalities: bool) -> Option<Geometry<'static>> {
    use crate::geo::{Atlas, codec};
    use std::sync::OnceLock;
    static DISTRICTS: OnceLock<Option<Atlas>> = OnceLock::new();
    static MUNICIPALITIES: OnceLock<Option<Atlas>> = OnceLock::new();
    let areas = DISTRICTS
        .get_or_init(|| codec::decode(include_bytes!("../../assets/geo/districts.fwg")).ok())
        .as_ref()?;
    let municipalities = municipalities
        .then(|| {
            MUNICIPALITIES
                .get_or_init(|| {
                    codec::decode(include_bytes!("../../assets/geo/municipalities-14-15.fwg")).ok()
                })
                .as_ref()
        })
        .flatten();
    Some(Geometry {
        areas,
        municipalities,
        host: false,
    })
}

#[cfg(target_arch = "wasm32")]
fn builtin(_municipalities: bool) -> Option<Geometry<'static>> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn system_today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn system_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Rows of a table view drawn into a file; the rest is counted in a line under it (the HTML
/// page has them all).
const FILE_ROWS: usize = 40;
/// Height of a table row in a file, and the width of a character at its font size (the
/// widget's label fitting uses the same 6.6 px at 11–12 px).
const ROW: f64 = 18.0;
const CHAR: f64 = 6.6;
/// Space between stacked figures.
const GAP: f64 = 16.0;
/// Characters of a table cell in a file; longer texts end in `…` (the page has them whole).
const CELL_CHARS: usize = 54;

impl Rendered {
    /// Whether an error left out records (or the whole document).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The figures, then the table views as figures of text (what [`Rendered::svg`] stacks).
    fn sheets(&self) -> Vec<Figure> {
        let Some(r) = &self.rendering else {
            return Vec::new();
        };
        let width = r
            .figures
            .iter()
            .map(|f| f.scene.width)
            .fold(self.width, f64::max);
        // A drawing of no size still carries its frame, at the width asked for.
        let sized = |f: &Figure| {
            let mut f = f.clone();
            if f.scene.width.is_nan() || f.scene.width <= 0.0 {
                f.scene.width = self.width;
            }
            f
        };
        r.figures
            .iter()
            .filter(|f| f.scene.width > 0.0 || !f.frame.title.is_empty())
            .map(sized)
            .chain(r.tables.iter().map(|t| table_figure(t, self.lang, width)))
            .collect()
    }

    /// One SVG file: every figure, then every table view, stacked; `None` when there is nothing
    /// to draw.
    pub fn svg(&self) -> Option<String> {
        let sheets = self.sheets();
        let files: Vec<String> = sheets
            .iter()
            .map(|f| svg::figure(&f.scene, &f.frame, ""))
            .collect();
        match files.len() {
            0 => None,
            1 => {
                let css = style::native(&files[0]);
                Some(svg::figure(&sheets[0].scene, &sheets[0].frame, &css))
            }
            _ => Some(stack(&sheets, &files)),
        }
    }

    /// Each figure as a file of its own (no table views).
    pub fn svg_files(&self) -> Vec<String> {
        self.rendering
            .iter()
            .flat_map(|r| &r.figures)
            .map(|f| {
                let css = style::native(&svg::figure(&f.scene, &f.frame, ""));
                svg::figure(&f.scene, &f.frame, &css)
            })
            .collect()
    }

    /// The widget's element as a server writes it into a page: the figures and tables in a
    /// declarative shadow root styled by the package's stylesheet at `stylesheet`, and `json`
    /// (the document this was rendered from) inline, which the module takes over without a
    /// fetch ([`html::server_element`]). `None` when nothing of the document can be drawn.
    ///
    /// ```
    /// use foerderweg::model::WidgetKind;
    /// use foerderweg::render::document::{Options, render};
    /// let json = std::fs::read_to_string("www/data/occupancy-stendal.json").unwrap();
    /// let r = render(WidgetKind::Occupancy, &json, &Options::default());
    /// let el = r.element(&json, "/pkg/foerderweg.css").unwrap();
    /// assert!(el.starts_with("<foerderweg-occupancy><template shadowrootmode=\"open\">"));
    /// assert!(el.ends_with("</script></foerderweg-occupancy>"));
    /// ```
    pub fn element(&self, json: &str, stylesheet: &str) -> Option<String> {
        let rendering = self.rendering.as_ref()?;
        let fragment = match &self.page {
            Some(page) => page.clone(),
            None => html::rendering_fragment(rendering, self.lang),
        };
        Some(html::server_element(
            self.kind.tag(),
            &fragment,
            json.trim(),
            stylesheet,
        ))
    }

    /// A whole HTML page: the figures, the table views and the diagnostics as a list.
    pub fn html(&self) -> String {
        let mut body = Writer::new();
        body.open("div")
            .attr("class", "fw-root fw-rendered")
            .attr("lang", self.lang.as_str())
            .close_tag();
        let title = self.title();
        if let Some(r) = &self.rendering {
            html::rendering_into(&mut body, r, self.lang);
        }
        super::diagnostics::listed(
            &mut body,
            &self.diagnostics,
            self.lang,
            self.rendering.is_some(),
        );
        body.end("div");

        let mut w = Writer::new();
        w.out.push_str("<!doctype html>");
        w.open("html").attr("lang", self.lang.as_str()).close_tag();
        w.open("meta").attr("charset", "utf-8").close_tag();
        w.open("meta")
            .attr("name", "viewport")
            .attr("content", "width=device-width, initial-scale=1")
            .close_tag();
        w.element("title", "", &title);
        // The crate's own stylesheet, not data; `</` cannot occur in it (tested in `style`).
        w.out.push_str("<style>");
        w.out.push_str(&style::native(&body.out));
        w.out.push_str("</style>");
        w.open("body").close_tag();
        w.out.push_str(&body.out);
        w.end("body").end("html");
        w.out
    }

    /// The first figure's title, else the widget's name.
    fn title(&self) -> String {
        self.rendering
            .iter()
            .flat_map(|r| &r.figures)
            .map(|f| f.frame.title.clone())
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| {
                let t = self.lang.texts();
                match self.kind {
                    WidgetKind::Timeline => t.timeline_name,
                    WidgetKind::Occupancy => t.occupancy_name,
                    WidgetKind::Map => t.map_name,
                }
                .to_string()
            })
    }
}

/// Several files as one: each nested at its height, the CSS once, for the classes of all.
fn stack(sheets: &[Figure], files: &[String]) -> String {
    let css = style::native(&files.concat());
    let width = sheets.iter().map(|f| f.scene.width).fold(0.0, f64::max);
    let mut w = Writer::new();
    let mut y = 0.0;
    let mut inner = String::new();
    for (i, f) in sheets.iter().enumerate() {
        let file = svg::figure(&f.scene, &f.frame, if i == 0 { &css } else { "" });
        let height = file_height(&file);
        // Nested at its place: `<svg y="…" …`.
        inner.push_str("<svg y=\"");
        crate::scene::num::push(&mut inner, y);
        inner.push('"');
        inner.push_str(&file["<svg".len()..]);
        y += height + GAP;
    }
    let height = (y - GAP).max(0.0);
    let mut view = String::from("0 0 ");
    crate::scene::num::push(&mut view, width);
    view.push(' ');
    crate::scene::num::push(&mut view, height);
    w.open("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .num("width", width)
        .num("height", height)
        .attr("viewBox", &view)
        .attr("class", "fw-file fw-stack")
        .close_tag();
    if let Some(title) = sheets
        .iter()
        .map(|f| &f.frame.title)
        .find(|t| !t.is_empty())
    {
        w.element("title", "", title);
    }
    w.open("rect")
        .attr("class", "fw-file__paper")
        .attr("x", "0")
        .attr("y", "0")
        .num("width", width)
        .num("height", height)
        .end_empty();
    w.out.push_str(&inner);
    w.end("svg");
    w.out
}

/// The `height` of a file [`svg::figure`] wrote.
fn file_height(file: &str) -> f64 {
    file.split_once(" height=\"")
        .and_then(|(_, rest)| rest.split('"').next())
        .and_then(crate::scene::num::parse)
        .unwrap_or(0.0)
}

/// `text`, or its first characters and `…` when it is longer than a cell of a file.
fn clip(text: &str) -> String {
    if text.chars().count() <= CELL_CHARS {
        return text.to_string();
    }
    let mut out: String = text.chars().take(CELL_CHARS - 1).collect();
    out.push('…');
    out
}

/// A table view as a figure: its caption as the title, a row of column labels, the rows
/// (at most [`FILE_ROWS`]) and its foot, in columns as wide as their longest text.
fn table_figure(table: &DataTable, lang: Lang, min_width: f64) -> Figure {
    let head: Vec<String> = table.columns.iter().map(|c| c.label.clone()).collect();
    let shown = table.shown(lang);
    let body_rows = table.rows.len();
    let cut = body_rows.saturating_sub(FILE_ROWS);
    let mut rows: Vec<(&Vec<String>, &'static str)> = shown
        .iter()
        .zip(&table.rows)
        .take(FILE_ROWS)
        .map(|(cells, row)| {
            let class = if row.dimmed {
                "fw-file-table__cell fw-file-table__cell--dimmed"
            } else {
                "fw-file-table__cell"
            };
            (cells, class)
        })
        .collect();
    if table.foot.is_some()
        && let Some(foot) = shown.last()
    {
        rows.push((foot, "fw-file-table__foot"));
    }
    let columns = head.len().max(1);
    let widths: Vec<f64> = (0..columns)
        .map(|i| {
            let longest = std::iter::once(&head)
                .chain(rows.iter().map(|(r, _)| *r))
                .filter_map(|r| r.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0);
            longest.min(CELL_CHARS) as f64 * CHAR + 16.0
        })
        .collect();
    let width = widths.iter().sum::<f64>().max(min_width);
    let mut marks = Vec::new();
    let line = |marks: &mut Vec<Mark>, cells: &[String], y: f64, class: &'static str| {
        let mut x = 0.0;
        for (i, text) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0.0);
            let text = &clip(text);
            let numeric = table.columns.get(i).is_some_and(|c| c.numeric);
            let mark = if numeric {
                Mark::text(x + w - 8.0, y, text.clone(), class).anchored(Anchor::End)
            } else {
                Mark::text(x, y, text.clone(), class)
            };
            marks.push(mark);
            x += w;
        }
    };
    line(&mut marks, &head, 13.0, "fw-file-table__head");
    marks.push(Mark::line(0.0, ROW, width, ROW, "fw-file-table__rule"));
    let mut y = ROW;
    for (cells, class) in &rows {
        line(&mut marks, cells, y + 13.0, class);
        y += ROW;
    }
    if cut > 0 {
        let more = fill_named(lang.texts().and_more, &[("n", &lang.integer(cut as i64))]);
        marks.push(Mark::text(0.0, y + 13.0, more, "fw-file-table__cell"));
        y += ROW;
    }
    Figure {
        scene: Scene {
            width,
            height: y + 4.0,
            class: "fw-file-table".into(),
            role: None,
            label: table.title.clone(),
            label_data: false,
            patterns: Vec::new(),
            marks: vec![Mark::Group(Group::layer("fw-file-table__rows", marks))],
        },
        frame: Frame {
            title: table.title.clone(),
            ..Frame::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMELINE: &str = include_str!("../../www/data/timeline-sample.json");
    const OCCUPANCY: &str = include_str!("../../www/data/occupancy-example.json");
    const MAP: &str = include_str!("../../www/data/map-sachsen.json");

    fn options(lang: Lang) -> Options<'static> {
        Options {
            width: 640.0,
            lang,
            today: NaiveDate::from_ymd_opt(2018, 12, 1),
            geometry: None,
            confidential: None,
        }
    }

    #[test]
    fn every_sample_kind_is_read_from_its_schema() {
        assert_eq!(kind_of(TIMELINE), Some(WidgetKind::Timeline));
        assert_eq!(kind_of(OCCUPANCY), Some(WidgetKind::Occupancy));
        assert_eq!(kind_of(MAP), Some(WidgetKind::Map));
    }

    #[test]
    fn a_sample_gives_a_file_and_a_page_with_its_tables() {
        for (kind, json) in [
            (WidgetKind::Timeline, TIMELINE),
            (WidgetKind::Occupancy, OCCUPANCY),
            (WidgetKind::Map, MAP),
        ] {
            let r = render(kind, json, &options(Lang::En));
            let rendering = r.rendering.as_ref().expect("drawn");
            assert!(!r.has_errors(), "{kind:?}: {:?}", r.diagnostics);
            let page = r.html();
            assert!(
                page.starts_with("<!doctype html><html lang=\"en\">"),
                "{page}"
            );
            for t in &rendering.tables {
                assert!(
                    page.contains(&crate::render::escape(&t.title)),
                    "{}",
                    t.title
                );
            }
            assert!(!page.contains("style="), "{kind:?}");
            assert!(!page.contains("var("), "{kind:?}");
            if let Some(svg) = r.svg() {
                assert!(
                    svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
                    "{svg}"
                );
                assert_eq!(svg.matches("<style>").count(), 1, "{kind:?}");
                assert!(!svg.contains("var("));
                assert!(svg.contains("<title>"), "{kind:?}");
                // Well-formed enough: every element opened is closed.
                assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
            }
        }
    }

    #[test]
    fn a_table_view_is_drawn_as_text_in_the_file() {
        let r = render(WidgetKind::Occupancy, OCCUPANCY, &options(Lang::De));
        let table = &r.rendering.as_ref().unwrap().tables[0];
        let svg = r.svg().unwrap();
        assert!(svg.contains(&crate::render::escape(&table.title)), "{svg}");
        let first = table.shown(Lang::De)[0][0].clone();
        assert!(
            svg.contains(&format!(">{}</text>", crate::render::escape(&first))),
            "{svg}"
        );
        assert!(svg.contains(".fw-file-table__head{"), "{svg}");
    }

    #[test]
    fn a_row_the_table_view_dims_is_dimmed_in_the_file() {
        let mut t = DataTable::new("Regionen", vec![layout::table::Column::text("Name")]);
        t.push(vec![layout::table::Cell::text("gilt")]);
        t.push(vec![layout::table::Cell::text("galt")]);
        t.rows[1].dimmed = true;
        let f = table_figure(&t, Lang::De, 300.0);
        let file = svg::figure(&f.scene, &f.frame, "");
        assert!(
            file.contains(r#"class="fw-file-table__cell">gilt<"#),
            "{file}"
        );
        assert!(
            file.contains(r#"class="fw-file-table__cell fw-file-table__cell--dimmed">galt<"#),
            "{file}"
        );
        let css = style::native(&file);
        assert!(
            css.contains(".fw-file-table__cell--dimmed{fill:#4a5560}"),
            "{css}"
        );
    }

    #[test]
    fn a_long_table_is_cut_in_the_file_and_whole_on_the_page() {
        let mut t = DataTable::new("Lang", vec![layout::table::Column::text("Name")]);
        for i in 0..55 {
            t.push(vec![layout::table::Cell::text(format!("Zeile {i}"))]);
        }
        let f = table_figure(&t, Lang::De, 300.0);
        let mut texts = Vec::new();
        f.scene.marks.iter().for_each(|m| m.texts(&mut texts));
        assert!(texts.contains(&"Zeile 39") && !texts.contains(&"Zeile 40"));
        assert_eq!(texts.last(), Some(&"… und 15 weitere"));
        let long = "Altmittweida, Augustusburg, Bobritzsch-Hilbersdorf, Brand-Erbisdorf";
        assert_eq!(clip(long).chars().count(), CELL_CHARS);
        assert!(clip(long).ends_with(", B…"), "{}", clip(long));
        assert_eq!(clip("Meißen"), "Meißen");
    }

    #[test]
    fn a_drawing_of_no_size_keeps_its_frame_at_the_width_asked_for() {
        let r = Rendered {
            kind: WidgetKind::Timeline,
            lang: Lang::De,
            width: 500.0,
            page: None,
            rendering: Some(Rendering {
                figures: vec![Figure {
                    scene: Scene::default(),
                    frame: Frame {
                        title: "Verlauf".into(),
                        ..Frame::default()
                    },
                }],
                tables: Vec::new(),
                frame: Frame::default(),
            }),
            diagnostics: Vec::new(),
        };
        let svg = r.svg().unwrap();
        assert!(svg.contains(r#"width="500" height="28""#), "{svg}");
    }

    #[test]
    fn a_refused_document_lists_why_on_the_page_and_gives_no_file() {
        let r = render(WidgetKind::Map, "{\"schema\": 1", &options(Lang::De));
        assert!(r.rendering.is_none() && r.has_errors());
        assert!(r.svg().is_none());
        let page = r.html();
        assert!(page.contains("fw-panel--error"), "{page}");
        assert!(page.contains(&crate::render::escape(&r.diagnostics[0].message(Lang::De))));
    }

    #[test]
    fn data_reaches_the_page_as_text() {
        let json = TIMELINE.replacen("\"title\": \"", "\"title\": \"<script>x</script>", 1);
        let r = render(WidgetKind::Timeline, &json, &options(Lang::De));
        let page = r.html();
        assert!(!page.contains("<script>"), "{page}");
        if let Some(svg) = r.svg() {
            assert!(!svg.contains("<script>"));
        }
    }

    #[test]
    fn map_keys_that_name_nothing_are_named_as_in_the_widget() {
        let json = MAP.replacen(
            "\"values\": [",
            "\"values\": [{\"key\": \"99999\", \"value\": 1},",
            1,
        );
        assert_ne!(json, MAP, "the sample has values");
        let r = render(WidgetKind::Map, &json, &options(Lang::En));
        assert!(
            r.diagnostics
                .iter()
                .any(|d| matches!(&d.problem, check::Problem::UnknownArea(k) if k == "99999")),
            "{:?}",
            r.diagnostics
        );
    }
}
