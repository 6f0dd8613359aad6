#![cfg(not(target_arch = "wasm32"))]
//! Text from the data is text, never a template: an id, a label, a provider's or a follow-up's
//! name holding `{a}`, `{b}`, `{from}`, `{{` or `}` appears verbatim in the widget's own
//! sentences (summaries, table views, tooltips, diagnostics), never filled by them.

use foerderweg::check::{Document, check};
use foerderweg::geo::codec;
use foerderweg::i18n::Lang;
use foerderweg::layout::map::{Geometry, prepare, scene};
use foerderweg::layout::{occupancy, timeline};
use foerderweg::model::WidgetKind;

/// Every placeholder the text tables use, and braces that are none.
const TRICKY: &str = "{a}{b} {n} {from} {status} {label} {{x}} }{";

fn timeline_doc(label: &str, follow_up: &str) -> foerderweg::model::timeline::TimelineDoc {
    let text = serde_json::json!({
        "schema": "foerderweg/timeline@1",
        "participants": [{
            "id": "p1", "label": label,
            "phases": [{"kind": "profiling", "start": "2018-01-08", "end": "2018-02-01",
                        "provider": label}],
            "exit": {"date": "2018-03-01", "outcome": "other", "followUp": follow_up}
        }]
    })
    .to_string();
    match check(WidgetKind::Timeline, &text).document {
        Some(Document::Timeline(d)) => (*d).clone(),
        other => panic!("not drawn: {other:?}"),
    }
}

#[test]
fn a_participant_label_full_of_placeholders_stays_verbatim_in_the_summary() {
    let doc = timeline_doc(TRICKY, "AGH {b}");
    let p = &doc.participants[0];
    let today = chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
    for lang in [Lang::De, Lang::En] {
        let summary = timeline::single_summary(p, today, lang);
        assert!(
            summary.starts_with(&format!("{TRICKY}, ")),
            "{lang:?}: {summary}"
        );
        // The summary's own placeholders are all filled.
        assert!(!summary.contains("{phases}"), "{summary}");
        assert_eq!(summary.matches("{from}").count(), 1, "{summary}");
    }
}

#[test]
fn a_follow_up_full_of_placeholders_stays_verbatim_in_summary_and_table() {
    let doc = timeline_doc("TN 1", TRICKY);
    let p = &doc.participants[0];
    let today = chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap();
    let summary = timeline::single_summary(p, today, Lang::De);
    assert!(
        summary.contains(&format!("Anschluss: {TRICKY}")),
        "{summary}"
    );
    let shown = timeline::single_table(p, today, Lang::De).shown(Lang::De);
    assert!(
        // Said with the exit's outcome (not under "Träger"), verbatim.
        shown
            .iter()
            .flatten()
            .any(|cell| cell.ends_with(&format!("Anschluss: {TRICKY}"))),
        "{shown:?}"
    );
}

#[test]
fn ids_and_keys_full_of_placeholders_stay_verbatim_in_diagnostics() {
    let text = serde_json::json!({
        "schema": "foerderweg/timeline@1",
        "participants": [
            {"id": "{b}", "label": "A", "phases": []},
            {"id": "{b}", "label": "B", "phases": []}
        ]
    })
    .to_string();
    let checked = check(WidgetKind::Timeline, &text);
    let dup = checked
        .diagnostics
        .iter()
        .find(|d| d.problem.code() == "duplicate-id")
        .expect("a duplicate id is named");
    assert_eq!(
        dup.message(Lang::De),
        "Die Kennung „{b}“ kommt mehrfach vor (zuerst bei participants[0].id)."
    );
    let map = serde_json::json!({
        "schema": "foerderweg/map@1",
        "values": [{"key": TRICKY, "value": 1}],
        "scale": {"kind": "{a}}"}
    })
    .to_string();
    let checked = check(WidgetKind::Map, &map);
    let messages: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert!(
        messages.contains(&"Unknown kind “{a}}”; drawn as “other”.".to_string()),
        "{messages:?}"
    );
    let Some(Document::Map(doc)) = &checked.document else {
        panic!("drawn")
    };
    let atlas = codec::decode(include_bytes!("../assets/geo/districts.fwg")).unwrap();
    let geo = Geometry {
        areas: &atlas,
        municipalities: None,
        host: false,
    };
    let prepared = prepare(doc, geo);
    let unknown = prepared.diagnostics[0].message(Lang::De);
    assert_eq!(
        unknown,
        format!("Kein Gebiet mit dem Schlüssel „{TRICKY}“ bekannt; es wird nicht gezeichnet.")
    );
}

#[test]
fn a_value_label_full_of_placeholders_stays_verbatim_in_the_map_summary() {
    let text = serde_json::json!({
        "schema": "foerderweg/map@1",
        "valueLabel": "{hi} {lo} {what}",
        "values": [{"key": "15090", "value": 1}, {"key": "15086", "value": 5}]
    })
    .to_string();
    let Some(Document::Map(doc)) = check(WidgetKind::Map, &text).document else {
        panic!("drawn")
    };
    let atlas = codec::decode(include_bytes!("../assets/geo/districts.fwg")).unwrap();
    let geo = Geometry {
        areas: &atlas,
        municipalities: None,
        host: false,
    };
    let prepared = prepare(&doc, geo);
    let s = scene(&doc, &prepared, prepared.initial, None, 800.0, Lang::De);
    assert!(
        s.summary.ends_with(" {hi} {lo} {what}: von 1 bis 5."),
        "{}",
        s.summary
    );
}

#[test]
fn a_provider_name_full_of_placeholders_stays_verbatim_in_its_heading() {
    let text = serde_json::json!({
        "schema": "foerderweg/occupancy@1",
        "programme": {"label": "P"},
        "providers": [{"id": "t1", "label": TRICKY,
                       "projects": [{"id": "x", "label": "{a}", "slots": 4, "filled": 2}]}]
    })
    .to_string();
    let Some(Document::Occupancy(doc)) = check(WidgetKind::Occupancy, &text).document else {
        panic!("drawn")
    };
    let bars = occupancy::bars(&doc, Some("t1"), occupancy::BarSort::Document, Lang::De);
    assert_eq!(bars.title, format!("Projekte von {TRICKY}"));
    assert_eq!(bars.table(Lang::De).title, format!("Projekte von {TRICKY}"));
}
