#![cfg(not(target_arch = "wasm32"))]
//! Sensitive events stay private: a document with health, addiction, debt and psychosocial
//! counselling (and a kind the host names itself) is rendered in every native output, and none
//! of their labels, notes or providers may appear in any of them.

use foerderweg::i18n::Lang;
use foerderweg::model::WidgetKind;
use foerderweg::render::document::{Options, render};

/// Words that would tell what the sensitive records are. Each is unique in the document.
const SECRETS: &[&str] = &[
    "GEHEIM-Gesundheit",
    "GEHEIM-Sucht",
    "GEHEIM-Schulden",
    "GEHEIM-Psychosozial",
    "GEHEIM-Hauskind",
    "GEHEIM-Phase",
    "GEHEIM-Traeger",
    "GEHEIM-Projekt",
    "psychotherapy",
    "Gesundheitliche Gründe",
    "Health",
    // The names of the fixed kinds, in both languages.
    "Schuldnerberatung",
    "Suchtberatung",
    "Gesundheitsberatung",
    "Psychosoziale",
    "Debt counselling",
    "Addiction counselling",
    "Health counselling",
    "Psychosocial",
];

/// The document: one participant with every sensitive kind as an event and as a phase (drawn as
/// a path), or with a second one (drawn as a cohort).
pub fn document(level: Option<&str>) -> String {
    with(level, false)
}

fn with(level: Option<&str>, cohort: bool) -> String {
    let mut doc = serde_json::json!({
        "schema": "foerderweg/timeline@1",
        "today": "2019-06-30",
        "title": "Vertraulichkeitsprobe",
        "confidentialKinds": ["psychotherapy"],
        "participants": [
            {
                "id": "a", "label": "TN 0001",
                "phases": [
                    {"kind": "profiling", "label": "Profiling", "start": "2019-01-07", "end": "2019-01-25"},
                    {"kind": "debtCounselling", "label": "GEHEIM-Phase", "provider": "GEHEIM-Traeger",
                     "project": "GEHEIM-Projekt", "start": "2019-02-01", "plannedEnd": "2019-05-31"},
                    {"kind": "qualification", "label": "Lager", "provider": "Träger 1", "start": "2019-03-01"}
                ],
                "events": [
                    {"kind": "review", "date": "2019-02-11", "label": "Förderplangespräch"},
                    {"kind": "healthCounselling", "date": "2019-02-12", "label": "GEHEIM-Gesundheit"},
                    {"kind": "addictionCounselling", "date": "2019-02-13", "label": "GEHEIM-Sucht"},
                    {"kind": "debtCounselling", "date": "2019-02-14", "label": "GEHEIM-Schulden"},
                    {"kind": "psychosocialCounselling", "date": "2019-02-15", "label": "GEHEIM-Psychosozial"},
                    {"kind": "psychotherapy", "date": "2019-02-16", "label": "GEHEIM-Hauskind"},
                    {"kind": "healthCounselling", "date": "2019-02-17"}
                ],
                "exit": {"date": "2019-06-01", "outcome": "earlyTermination", "reason": "health"}
            },
            {
                "id": "b", "label": "TN 0002",
                "phases": [{"kind": "referral", "start": "2019-01-02", "end": "2019-01-02"}]
            }
        ]
    });
    if !cohort && let Some(list) = doc["participants"].as_array_mut() {
        list.truncate(1);
    }
    if let Some(level) = level {
        doc["confidential"] = serde_json::json!(level);
    }
    doc.to_string()
}

/// Every native output of `json`, in both languages, at two widths: the SVG file, each figure's
/// SVG, the HTML page, the CSV of every table view and the diagnostics' messages.
fn outputs(json: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in [Lang::De, Lang::En] {
        for width in [360.0, 960.0] {
            let options = Options {
                width,
                lang,
                ..Options::default()
            };
            let r = render(WidgetKind::Timeline, json, &options);
            let at = format!("{lang:?} {width}");
            out.push((format!("{at} svg"), r.svg().unwrap_or_default()));
            for (i, f) in r.svg_files().into_iter().enumerate() {
                out.push((format!("{at} svg file {i}"), f));
            }
            out.push((format!("{at} html"), r.html()));
            for (i, t) in r.rendering.iter().flat_map(|r| &r.tables).enumerate() {
                out.push((format!("{at} csv {i}"), t.csv(lang)));
            }
            for d in &r.diagnostics {
                out.push((format!("{at} diagnostic {}", d.path), d.message(lang)));
            }
        }
    }
    out
}

/// The secrets found in any output of the document at `level`, as a path and as a cohort.
fn leaks(level: Option<&str>) -> Vec<String> {
    let mut found = Vec::new();
    let both = [with(level, false), with(level, true)];
    for (name, text) in both.iter().flat_map(|json| outputs(json)) {
        for s in SECRETS {
            if text.contains(s) {
                found.push(format!("{name}: {s}"));
            }
        }
    }
    found
}

#[test]
fn generalised_records_reveal_nothing_in_any_native_output() {
    let json = document(Some("generalise"));
    let found = leaks(Some("generalise"));
    assert!(found.is_empty(), "leaked:\n{}", found.join("\n"));
    // Drawn as "vertraulich", and counted.
    let r = render(WidgetKind::Timeline, &json, &Options::default());
    let html = r.html();
    assert!(html.contains("vertraulich"), "{html}");
    assert!(html.contains("7 vertrauliche Einträge"), "{html}");
    let en = render(
        WidgetKind::Timeline,
        &json,
        &Options {
            lang: Lang::En,
            ..Options::default()
        },
    );
    assert!(en.html().contains("7 confidential entries"));
}

#[test]
fn hidden_records_are_left_out_and_counted() {
    let json = document(Some("hide"));
    let found = leaks(Some("hide"));
    assert!(found.is_empty(), "leaked:\n{}", found.join("\n"));
    let r = render(WidgetKind::Timeline, &json, &Options::default());
    let html = r.html();
    assert!(
        html.contains("7 vertrauliche Einträge ausgeblendet"),
        "{html}"
    );
    assert!(html.contains("Förderplangespräch") && html.contains("Lager"));
}

#[test]
fn sensitive_records_are_generalised_unless_the_host_shows_them() {
    // The default protects: a document that says nothing is generalised.
    assert_eq!(leaks(None), Vec::<String>::new());
    // A caseworker's portal may show them: the labels are then there.
    let shown = document(Some("show"));
    let r = render(WidgetKind::Timeline, &shown, &Options::default());
    assert!(r.html().contains("GEHEIM-Schulden"));
}

#[test]
fn the_strictest_of_host_and_document_wins() {
    let options = |level| Options {
        confidential: Some(level),
        ..Options::default()
    };
    use foerderweg::check::Confidential::*;
    // The document asks to show, the host to hide: hidden.
    let r = render(
        WidgetKind::Timeline,
        &document(Some("show")),
        &options(Hide),
    );
    assert!(r.html().contains("ausgeblendet"));
    assert!(!r.html().contains("GEHEIM-Schulden"));
    // The host asks to show, the document to generalise: generalised.
    let r = render(
        WidgetKind::Timeline,
        &document(Some("generalise")),
        &options(Show),
    );
    assert!(!r.html().contains("GEHEIM-Schulden"));
    // Both show: shown.
    let r = render(
        WidgetKind::Timeline,
        &document(Some("show")),
        &options(Show),
    );
    assert!(r.html().contains("GEHEIM-Schulden"));
}
