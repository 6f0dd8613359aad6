//! The server-rendered demo page (www/examples/server-rendered.html): widgets rendered natively
//! into declarative shadow roots with their documents as inline JSON. This test writes the page
//! from the samples and fails when the committed page differs (`UPDATE_GOLDENS=1` rewrites it),
//! so the page always shows what the crate renders today. tests/e2e/server-rendered.test.mjs
//! opens it with script off and on.

use chrono::NaiveDate;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout;
use foerderweg::model::WidgetKind;
use foerderweg::render::Levels;
use foerderweg::render::html::{rendering_fragment, server_element};
use foerderweg::render::{dashboard, timeline};

const WIDTH: f64 = 720.0;

fn element(kind: WidgetKind, sample: &str) -> String {
    let path = format!("{}/www/data/{sample}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let checked = check(kind, &text);
    let lang = Lang::De;
    let fragment = match checked.document.expect("the sample is drawable") {
        Document::Timeline(doc) => {
            let today = doc
                .today
                .map(|d| d.0)
                .unwrap_or(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
            // One participant as the widget shows them (`render::timeline::page`); a cohort
            // as its figure and table.
            timeline::page(&doc, WIDTH, today, lang, Levels { title: 2 }).unwrap_or_else(|| {
                rendering_fragment(&layout::timeline::rendering(&doc, WIDTH, today, lang), lang)
            })
        }
        // The dashboard as the widget shows it, part for part, so nothing moves when the
        // module takes over.
        Document::Occupancy(doc) => dashboard::page(&doc, WIDTH, lang, Levels { title: 2 }),
        Document::Map(_) => unreachable!("the page shows no map: its geometry is fetched"),
    };
    server_element(kind.tag(), &fragment, text.trim(), "/pkg/foerderweg.css")
}

fn page() -> String {
    format!(
        r#"<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy"
        content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:">
  <title>foerderweg – auf dem Server gezeichnet</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="../css/site.css">
  <script type="module" src="/pkg/foerderweg.js"></script>
</head>
<body>
  <main>
    <h1>Auf dem Server gezeichnet</h1>
    <p>Diese Widgets hat der Server gezeichnet (<code>render::html::server_element</code>): Diagramm und
       Tabellen stehen in einem deklarativen Shadow Root, das Dokument als JSON daneben. Ohne Skript
       bleiben sie so stehen; mit Skript übernimmt das Modul sie ohne zweiten Abruf.
       Erzeugt von <code>UPDATE_GOLDENS=1 cargo test --test server_rendered</code>.</p>
    <section>
      <h2>Belegung</h2>
      {occupancy}
    </section>
    <section>
      <h2>Förderweg</h2>
      {timeline}
    </section>
  </main>
</body>
</html>
"#,
        occupancy = element(WidgetKind::Occupancy, "occupancy-stendal.json"),
        timeline = element(WidgetKind::Timeline, "timeline-stendal-path.json"),
    )
}

#[test]
fn the_demo_page_is_what_the_crate_renders() {
    let path = format!(
        "{}/www/examples/server-rendered.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let now = page();
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == now,
        "{path} is not what the crate renders now; rewrite it with UPDATE_GOLDENS=1 cargo test --test server_rendered"
    );
}

#[test]
fn the_page_holds_no_style_attribute_and_one_script_per_widget() {
    let now = page();
    assert!(
        !now.contains(" style="),
        "a strict CSP blocks style attributes"
    );
    assert_eq!(now.matches("<template shadowrootmode=\"open\">").count(), 2);
    assert_eq!(now.matches("<script type=\"application/json\">").count(), 2);
}

/// The dashboard of `json` as a server writes it.
fn dashboard_page(json: &str, lang: Lang) -> String {
    match check(WidgetKind::Occupancy, json).document {
        Some(Document::Occupancy(doc)) => dashboard::page(&doc, WIDTH, lang, Levels { title: 3 }),
        other => panic!("not a dashboard: {other:?}"),
    }
}

#[test]
fn the_server_writes_the_dashboards_parts_in_the_order_the_widget_shows_them() {
    let path = format!(
        "{}/www/data/occupancy-stendal.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = dashboard_page(&std::fs::read_to_string(path).unwrap(), Lang::De);
    // Where each part the reader meets first begins: the title (at the level asked for), the
    // as-of date, the summary, the key figures, the first chart, its table, the funnel, the
    // source.
    let parts = [
        "<h3 class=\"fw-title\">Stabilisierung und Teilhabe am Arbeitsleben</h3>",
        "<p class=\"fw-asof\">Stand 01.12.2018</p>",
        "<p class=\"fw-summary\">Stand 01.12.2018: 111 von 113 Einsatzstellen",
        "<dt class=\"fw-figure__label\">Einsatzstellen</dt><dd class=\"fw-figure__value\">113</dd>",
        "<figcaption class=\"fw-heading\" id=\"fw-title-people\">Profilings und Teilnehmende",
        "<caption>Entwicklung nach Stichtagen</caption>",
        "<h4 class=\"fw-heading\">Vom Profiling zur Einsatzstelle</h4>",
        "<p class=\"fw-source\">Quelle: Zwischenstand",
    ];
    let at: Vec<Option<usize>> = parts.iter().map(|p| html.find(p)).collect();
    for (part, at) in parts.iter().zip(&at) {
        assert!(at.is_some(), "missing: {part}");
    }
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {at:?}");
    // A funnel stage's bar is a rectangle as long as its share of the first stage.
    assert!(
        html.contains(r#"<rect class="fw-funnel__bar" height="4" width="59.9"/>"#),
        "{html}"
    );
    assert!(
        !html.contains(" style="),
        "a strict CSP blocks style attributes"
    );
}

#[test]
fn text_from_the_data_stays_text_in_the_servers_dashboard() {
    let hostile = "<img src=x onerror=alert(1)>";
    let json = serde_json::json!({
        "schema": "foerderweg/occupancy@1",
        "programme": {"label": hostile, "region": hostile, "source": hostile},
        "asOf": "2018-12-01",
        "series": [{"date": "2018-12-01", "profilings": 3, "admitted": 2}],
        "providers": [{"id": "t1", "label": hostile, "projects": [
            {"id": "p1", "label": hostile, "slots": 4, "filled": 2}
        ]}]
    })
    .to_string();
    let html = dashboard_page(&json, Lang::En);
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}

/// The timeline of `json` as a server writes it (`None`: a cohort, written as its figure).
fn timeline_page(json: &str, lang: Lang) -> Option<String> {
    match check(WidgetKind::Timeline, json).document {
        Some(Document::Timeline(doc)) => {
            let today = layout::timeline::today(&doc, NaiveDate::from_ymd_opt(2018, 12, 1)?);
            timeline::page(&doc, WIDTH, today, lang, Levels { title: 3 })
        }
        other => panic!("not a timeline: {other:?}"),
    }
}

#[test]
fn the_server_writes_one_participants_timeline_in_the_order_the_widget_shows_it() {
    let path = format!(
        "{}/www/data/timeline-stendal-path.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = timeline_page(&std::fs::read_to_string(path).unwrap(), Lang::De).unwrap();
    // The title (at the level asked for), the as-of date, the summary, the toolbar (unseen
    // until the module takes over), the participant's heading one level below, the path
    // described by the key hint, the table for a reader without script, the hint, the source.
    let parts = [
        "<h3 class=\"fw-title\">Stabilisierung und Teilhabe",
        "<p class=\"fw-asof\">Heute 01.12.2018</p>",
        "<p class=\"fw-summary\">Teilnehmerin E, abgebrochen",
        "<div class=\"fw-toolbar fw-pending\" aria-hidden=\"true\">",
        "data-fw-act=\"zoom-in\" aria-label=\"Vergrößern\"",
        "<h4 class=\"fw-heading\">Teilnehmerin E",
        "aria-describedby=\"fw-keys\"",
        "<noscript><div class=\"fw-table-wrap\"",
        "<p class=\"fw-hint fw-pending\" id=\"fw-keys\">",
        "<p class=\"fw-source\">Quelle: ",
    ];
    let at: Vec<Option<usize>> = parts.iter().map(|p| html.find(p)).collect();
    for (part, at) in parts.iter().zip(&at) {
        assert!(at.is_some(), "missing: {part}\n{html}");
    }
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {at:?}");
    // Every phase is a record the keyboard will reach once the module runs.
    assert_eq!(html.matches("class=\"fw-phase ").count(), 4, "{html}");
    assert!(
        !html.contains(" style="),
        "a strict CSP blocks style attributes"
    );
}

#[test]
fn text_from_the_data_stays_text_in_the_servers_timeline() {
    let hostile = "<img src=x onerror=alert(1)></noscript><script>alert(2)</script>";
    let json = serde_json::json!({
        "schema": "foerderweg/timeline@1",
        "title": hostile,
        "source": hostile,
        "today": "2018-12-01",
        "participants": [{"id": "p1", "label": hostile, "programme": hostile, "phases": [
            {"kind": "coaching", "label": hostile, "start": "2018-01-01", "end": "2018-06-30"}
        ]}]
    })
    .to_string();
    let html = timeline_page(&json, Lang::En).expect("one participant");
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );
    assert_eq!(html.matches("</noscript>").count(), 1, "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    // A cohort keeps the figure the server wrote before: no page of its own.
    let two = json.replacen(
        "\"participants\":[",
        "\"participants\":[{\"id\":\"p0\",\"label\":\"A\",\"phases\":[]},",
        1,
    );
    assert!(timeline_page(&two, Lang::En).is_none());
}
