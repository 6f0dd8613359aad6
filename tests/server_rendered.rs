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
use foerderweg::render::html::{rendering_fragment, server_element};

const WIDTH: f64 = 720.0;

fn element(kind: WidgetKind, sample: &str) -> String {
    let path = format!("{}/www/data/{sample}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let checked = check(kind, &text);
    let lang = Lang::De;
    let rendering = match checked.document.expect("the sample is drawable") {
        Document::Timeline(doc) => {
            let today = doc
                .today
                .map(|d| d.0)
                .unwrap_or(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
            layout::timeline::rendering(&doc, WIDTH, today, lang)
        }
        Document::Occupancy(doc) => layout::occupancy::rendering(&doc, WIDTH, lang),
        Document::Map(_) => unreachable!("the page shows no map: its geometry is fetched"),
    };
    server_element(
        kind.tag(),
        &rendering_fragment(&rendering, lang),
        text.trim(),
        "/pkg/foerderweg.css",
    )
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
