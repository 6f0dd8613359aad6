#![cfg(not(target_arch = "wasm32"))]
//! One bad record leaves out that record, not the document: every valid record is drawn, every
//! broken one is named with its path (one error per cause), for type errors in decoding and for
//! semantic errors alike, in all three widgets. The document is refused only when nothing of it
//! can be drawn or its schema is unknown.

use foerderweg::audit::audit;
use foerderweg::check::{Checked, Document, Severity, check};
use foerderweg::i18n::Lang;
use foerderweg::model::WidgetKind;
use serde_json::{Value, json};

fn cohort() -> Value {
    let text = include_str!("../www/data/timeline-stendal-cohort.json");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("cohort: {e}"))
}

fn errors(c: &Checked) -> Vec<(String, &'static str)> {
    c.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.path.clone(), d.problem.code()))
        .collect()
}

fn participants(c: &Checked) -> Vec<String> {
    match &c.document {
        Some(Document::Timeline(d)) => d.participants.iter().map(|p| p.id.clone()).collect(),
        other => panic!("no timeline drawn: {other:?} {:?}", c.diagnostics),
    }
}

/// The bad date leaves out its phase (the innermost record that holds it): all 181 participants
/// are drawn, 180 of them whole, and participant 57 without that one phase, which is named.
#[test]
fn the_cohort_with_one_bad_date_draws_the_other_180() {
    let mut doc = cohort();
    let bad_id = doc["participants"][57]["id"].clone();
    let phases = doc["participants"][57]["phases"]
        .as_array()
        .map_or(0, Vec::len);
    doc["participants"][57]["phases"][1]["start"] = json!("2018-02-30");
    let c = check(WidgetKind::Timeline, &doc.to_string());
    let Some(Document::Timeline(d)) = &c.document else {
        panic!("not drawn: {:?}", c.diagnostics)
    };
    assert_eq!(d.participants.len(), 181);
    let whole = cohort();
    let unchanged = d
        .participants
        .iter()
        .zip(whole["participants"].as_array().into_iter().flatten())
        .filter(|(p, raw)| raw["phases"].as_array().map_or(0, Vec::len) == p.phases.len())
        .count();
    assert_eq!(unchanged, 180);
    let p57 = &d.participants[57];
    assert_eq!(json!(p57.id), bad_id);
    assert_eq!(p57.phases.len(), phases - 1);
    assert_eq!(
        errors(&c),
        [(
            "participants[57].phases[1].start".to_string(),
            "invalid-date"
        )]
    );
    assert!(c.diagnostics[0].position.is_some());
    let a = audit(WidgetKind::Timeline, &doc.to_string(), None, None, Lang::De);
    assert!(!a.refused);
    assert_eq!(a.lost(), Vec::<String>::new());
    assert_eq!(a.tallies[0].shown, 181);
    assert_eq!(a.tallies[1].named, 1, "{:?}", a.tallies);
}

/// A participant whose own field is broken is the record left out: the other 180 are drawn.
#[test]
fn the_cohort_with_one_broken_participant_draws_180() {
    let mut doc = cohort();
    let bad_id = doc["participants"][57]["id"].clone();
    doc["participants"][57]["label"] = json!(null);
    let c = check(WidgetKind::Timeline, &doc.to_string());
    let ids = participants(&c);
    assert_eq!(ids.len(), 180);
    assert!(!ids.iter().any(|id| json!(id) == bad_id));
    assert_eq!(
        errors(&c),
        [("participants[57].label".to_string(), "wrong-type")]
    );
    let a = audit(WidgetKind::Timeline, &doc.to_string(), None, None, Lang::De);
    assert_eq!(a.lost(), Vec::<String>::new());
    assert_eq!((a.tallies[0].shown, a.tallies[0].named), (180, 1));
}

#[test]
fn every_broken_record_is_named_and_the_rest_drawn() {
    let mut doc = cohort();
    doc["participants"][3]["label"] = json!(42);
    doc["participants"][10]["events"][0]["date"] = json!("morgen");
    doc["participants"][11]["phases"][0]["end"] = json!("2000-01-01");
    doc["participants"][20]["id"] = doc["participants"][19]["id"].clone();
    doc["participants"][30]["exit"] = json!({ "date": "2019-01-01" });
    let c = check(WidgetKind::Timeline, &doc.to_string());
    let mut found = errors(&c);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "participants[10].events[0].date".to_string(),
                "invalid-date"
            ),
            (
                "participants[11].phases[0].end".to_string(),
                "end-before-start"
            ),
            ("participants[20].id".to_string(), "duplicate-id"),
            ("participants[30].exit.outcome".to_string(), "missing-field"),
            ("participants[3].label".to_string(), "wrong-type"),
        ]
    );
    // Records are left out at the innermost list that holds the failing path: the event and the
    // phase, the participants whose own fields are broken.
    let ids = participants(&c);
    assert_eq!(ids.len(), 178);
    let Some(Document::Timeline(d)) = &c.document else {
        unreachable!()
    };
    let raw = &doc["participants"];
    let p10 = d.participants.iter().find(|p| json!(p.id) == raw[10]["id"]);
    assert_eq!(
        p10.map(|p| p.events.len()),
        raw[10]["events"].as_array().map(|e| e.len() - 1)
    );
    let a = audit(WidgetKind::Timeline, &doc.to_string(), None, None, Lang::En);
    assert_eq!(a.lost(), Vec::<String>::new());
}

#[test]
fn a_broken_required_top_level_field_or_nothing_left_refuses() {
    let broken = check(
        WidgetKind::Timeline,
        r#"{"schema":"foerderweg/timeline@1","participants":7}"#,
    );
    assert!(broken.document.is_none());
    let all_bad = check(
        WidgetKind::Timeline,
        r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a"}]}"#,
    );
    assert!(all_bad.document.is_none());
    assert_eq!(
        errors(&all_bad),
        [("participants[0].label".to_string(), "missing-field")]
    );
    let label = check(
        WidgetKind::Occupancy,
        r#"{"schema":"foerderweg/occupancy@1","programme":{"label":3},"series":[{"date":"2018-01-01"}]}"#,
    );
    assert!(label.document.is_none());
    assert_eq!(
        errors(&label),
        [("programme.label".to_string(), "wrong-type")]
    );
}

#[test]
fn a_broken_optional_top_level_field_is_left_out_alone() {
    let c = check(
        WidgetKind::Timeline,
        r#"{"schema":"foerderweg/timeline@1","today":"heute","participants":[{"id":"a","label":"A"}]}"#,
    );
    assert_eq!(participants(&c), ["a"]);
    assert_eq!(errors(&c), [("today".to_string(), "invalid-date")]);
}

#[test]
fn occupancy_leaves_out_providers_projects_points_and_funding_lines() {
    let text = r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P","start":"2018-01-01","end":"2017-01-01"},
      "providers":[
        {"id":"t1","label":"T1","projects":[{"id":"a","label":"A","slots":"viele"},{"id":"b","label":"B","slots":3,"filled":4},{"id":"c","label":"C","slots":5,"filled":2}]},
        {"id":"t2","label":7},
        {"id":"t3","label":"T3"}],
      "series":[{"date":"2018-05-08","filled":3},{"date":"2018-05-08","filled":4},{"date":"08.05.2018"},{"date":"2018-07-04","filled":5}],
      "funding":[{"source":"ESF","amount":-5},{"source":"Land","amount":100}]}"#;
    let c = check(WidgetKind::Occupancy, text);
    let Some(Document::Occupancy(d)) = &c.document else {
        panic!("not drawn: {:?}", c.diagnostics)
    };
    let providers: Vec<_> = d.providers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(providers, ["t1", "t3"]);
    let projects: Vec<_> = d.providers[0]
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(projects, ["c"]);
    assert_eq!(d.series.len(), 2);
    assert_eq!(d.funding.len(), 1);
    let mut found = errors(&c);
    found.sort();
    assert_eq!(
        found,
        [
            ("funding[0].amount".to_string(), "invalid-value"),
            ("programme.end".to_string(), "end-before-start"),
            ("providers[0].projects[0].slots".to_string(), "wrong-type"),
            ("providers[0].projects[1].filled".to_string(), "overfilled"),
            ("providers[1].label".to_string(), "wrong-type"),
            ("series[1].date".to_string(), "duplicate-date"),
            ("series[2].date".to_string(), "invalid-date"),
        ]
    );
    let a = audit(WidgetKind::Occupancy, text, None, None, Lang::De);
    assert_eq!(a.lost(), Vec::<String>::new());
}

#[test]
fn map_leaves_out_regions_values_and_markers() {
    let text = r#"{"schema":"foerderweg/map@1",
      "regions":[{"id":"r1","label":"R1","districts":["14612"]},{"id":"r1","label":"R1b","districts":["14628"]},{"id":"r3","label":"R3","districts":"14625"}],
      "values":[{"key":"14612","value":"viel"},{"key":"14628","value":3}],
      "markers":[{"id":"m","kind":"office","label":"M","lon":"13","lat":51},{"id":"n","kind":"office","label":"N","lon":13,"lat":51}]}"#;
    let c = check(WidgetKind::Map, text);
    let Some(Document::Map(d)) = &c.document else {
        panic!("not drawn: {:?}", c.diagnostics)
    };
    assert_eq!(d.regions.len(), 1);
    assert_eq!(d.values.len(), 1);
    assert_eq!(d.markers.len(), 1);
    let mut found = errors(&c);
    found.sort();
    assert_eq!(
        found,
        [
            ("markers[0].lon".to_string(), "wrong-type"),
            ("regions[1].id".to_string(), "duplicate-id"),
            ("regions[2].districts".to_string(), "wrong-type"),
            ("values[0].value".to_string(), "wrong-type"),
        ]
    );
}

/// Unknown fields after a left-out record keep the paths of the host's document.
#[test]
fn paths_after_a_left_out_record_are_the_hosts() {
    let c = check(
        WidgetKind::Timeline,
        r#"{"schema":"foerderweg/timeline@1","participants":[
          {"id":"a","label":1},{"id":"b","label":"B","phases":[{"kind":"x","start":"bad"},{"kind":"sabbatical","start":"2018-01-01","colour":1}]}]}"#,
    );
    let paths: Vec<_> = c
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.problem.code()))
        .collect();
    assert_eq!(
        paths,
        [
            ("participants[0].label", "wrong-type"),
            ("participants[1].phases[0].start", "invalid-date"),
            ("participants[1].phases[1].colour", "unknown-field"),
            ("participants[1].phases[1].kind", "unknown-kind"),
        ]
    );
}

/// A string cut inside an emoji (a lone surrogate escape, as `JSON.stringify` writes it) is
/// read as U+FFFD with a warning at its place, not a refusal of the whole document.
#[test]
fn a_lone_surrogate_is_replaced_and_named() {
    let text = "{\"schema\":\"foerderweg/timeline@1\",\"participants\":[\n{\"id\":\"a\",\"label\":\"TN \\ud83d\"},{\"id\":\"b\",\"label\":\"\\ude00 \\ud83d\\ude00 \\\\ud83d\"}]}";
    let c = check(WidgetKind::Timeline, text);
    let Some(Document::Timeline(d)) = &c.document else {
        panic!("not drawn: {:?}", c.diagnostics)
    };
    assert_eq!(d.participants[0].label, "TN \u{fffd}");
    assert_eq!(d.participants[1].label, "\u{fffd} 😀 \\ud83d");
    let found: Vec<_> = c
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.problem.code(), d.position))
        .collect();
    assert_eq!(
        found,
        [
            (Severity::Warning, "lone-surrogate", Some((2, 23))),
            (Severity::Warning, "lone-surrogate", Some((2, 51))),
        ]
    );
    assert_eq!(
        c.diagnostics[0].message(Lang::De),
        "Ein unvollständiges Zeichen (etwa ein halbes Emoji) wird als „\u{fffd}“ gezeigt."
    );
}

/// Many broken records are left out in few rounds (each round sweeps the whole list): 1,500 of
/// 3,000 participants broken, more than the rounds the check allows, still draws the other 1,500.
#[test]
fn many_broken_records_are_all_left_out() {
    let list: Vec<Value> = (0..3000)
        .map(|i| {
            let label = if i % 2 == 0 { json!(i) } else { json!(format!("TN {i}")) };
            json!({ "id": format!("p{i}"), "label": label,
                    "phases": [{ "kind": "profiling", "start": if i % 3 == 0 { "2018-13-01" } else { "2018-01-02" } }] })
        })
        .collect();
    let doc = json!({ "schema": "foerderweg/timeline@1", "participants": list });
    let c = check(WidgetKind::Timeline, &doc.to_string());
    let ids = participants(&c);
    assert_eq!(ids.len(), 1500);
    let found = errors(&c);
    // Every even participant for its label; every odd one that is a multiple of 3 for its date.
    assert_eq!(found.len(), 1500 + 500);
    assert_eq!(
        found[0],
        ("participants[0].label".to_string(), "wrong-type")
    );
    assert!(found.contains(&(
        "participants[3].phases[0].start".to_string(),
        "invalid-date"
    )));
    let a = audit(WidgetKind::Timeline, &doc.to_string(), None, None, Lang::De);
    assert_eq!(a.lost(), Vec::<String>::new());
}
