#![cfg(not(target_arch = "wasm32"))]
//! The cohort's rows as the widget writes them (`render::timeline::row`): what a screen reader
//! and a keyboard meet in each, and the data's text kept as text.

use chrono::NaiveDate;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::timeline::{self as layout, CohortSort, Filter, Window};
use foerderweg::model::WidgetKind;
use foerderweg::render::Writer;
use foerderweg::render::timeline::row;

/// The first 20 rows of `json`'s cohort, and how many rows there are in all.
fn rows(json: &str, lang: Lang, data_lang: Option<&'static str>) -> (Vec<String>, usize) {
    let Some(Document::Timeline(doc)) = check(WidgetKind::Timeline, json).document else {
        panic!("not a timeline");
    };
    let today = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap();
    let order = layout::cohort_order(&doc, CohortSort::Start, &Filter::default(), today);
    let all: Vec<_> = doc.participants.iter().collect();
    let window = Window::fit(&all, today);
    let plot = layout::plot_for(720.0);
    let rows = layout::cohort_rows(&doc, &order, 0..20, window, plot, today, lang)
        .iter()
        .map(|r| {
            let mut w = Writer::new();
            w.data_lang = data_lang;
            row(&mut w, r, 720.0, order.len());
            w.out
        })
        .collect();
    (rows, order.len())
}

#[test]
fn a_row_is_a_list_item_holding_the_button_that_opens_its_participant() {
    let path = format!(
        "{}/www/data/timeline-stendal-cohort.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let (rows, total) = rows(&std::fs::read_to_string(path).unwrap(), Lang::De, None);
    assert!(rows.len() == 20 && total > 100, "{total}");
    for (at, r) in rows.iter().enumerate() {
        // Where it stands among all rows (only a slice is drawn), and which row it is.
        assert!(
            r.starts_with(&format!(
                "<div role=\"listitem\" class=\"fw-row-item\" aria-posinset=\"{}\" aria-setsize=\"{total}\">",
                at + 1
            )),
            "{r}"
        );
        assert!(r.contains(&format!("data-fw-row=\"{at}\"")), "{r}");
        // Named by its sentence; its label and drawing hidden (the name says them); out of the
        // tab order until the widget gives it the list's one tab stop.
        assert!(
            r.contains("<button type=\"button\" class=\"fw-row fw-row--"),
            "{r}"
        );
        assert!(r.contains("tabindex=\"-1\" aria-label=\""), "{r}");
        assert!(
            r.contains("<span class=\"fw-row__label\" aria-hidden=\"true\">"),
            "{r}"
        );
        assert!(
            r.contains("<span class=\"fw-drawing\" aria-hidden=\"true\"><svg"),
            "{r}"
        );
        assert!(
            !r.contains(" style="),
            "a strict CSP blocks style attributes: {r}"
        );
    }
}

#[test]
fn a_rows_text_from_the_data_stays_text() {
    let hostile = "<img src=x onerror=alert(1)>";
    let json = serde_json::json!({
        "schema": "foerderweg/timeline@1",
        "lang": "de",
        "participants": [
            {"id": hostile, "label": hostile, "phases": [
                {"kind": "coaching", "start": "2018-01-01", "end": "2018-06-30"}
            ]},
            {"id": "p2", "label": "B", "phases": []}
        ]
    })
    .to_string();
    let (rows, _) = rows(&json, Lang::En, Some("de"));
    let first = &rows[0];
    assert!(!first.contains("<img"), "{first}");
    assert!(
        first.contains("data-fw-select=\"&lt;img src=x onerror=alert(1)&gt;\""),
        "{first}"
    );
    // The label is the document's German, inside an English widget.
    assert!(
        first.contains("<span class=\"fw-row__label\" aria-hidden=\"true\" lang=\"de\">&lt;img"),
        "{first}"
    );
}

#[test]
fn the_cohorts_menus_show_what_is_chosen_and_keep_the_datas_names_as_text() {
    use foerderweg::render::timeline::{Menu, filters};
    let hostile = "<b>Träger</b> & \"Co\"".to_string();
    let choices = (
        vec![hostile.clone()],
        vec!["A".to_string()],
        vec!["profiling"],
    );
    let filter = Menu::Provider.chosen(Filter::default(), &hostile);
    let mut w = Writer::new();
    w.data_lang = Some("de");
    filters(&mut w, &choices, CohortSort::Start, &filter, Lang::En);
    let html = w.out;
    // Order, status, provider and kind; no programme menu for a single programme.
    for menu in ["sort", "status", "provider", "kind"] {
        assert!(
            html.contains(&format!("data-fw-filter=\"{menu}\"")),
            "{menu}: {html}"
        );
    }
    assert!(!html.contains("data-fw-filter=\"programme\""), "{html}");
    // The provider chosen is the option selected, its name text in the data's language.
    assert!(
        html.contains(
            "<option value=\"&lt;b&gt;Träger&lt;/b&gt; &amp; &quot;Co&quot;\" selected=\"\" lang=\"de\">&lt;b&gt;Träger&lt;/b&gt; &amp; &quot;Co&quot;</option>"
        ),
        "{html}"
    );
    assert!(!html.contains("<b>"), "{html}");
    // A menu's "all" is the widget's word, chosen where nothing is.
    assert!(
        html.contains("data-fw-filter=\"status\"><option value=\"\" selected=\"\">"),
        "{html}"
    );
    assert_eq!(Menu::parse("kind"), Some(Menu::Kind));
    assert_eq!(Menu::parse("<kind>"), None);
}
