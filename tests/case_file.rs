#![cfg(not(target_arch = "wasm32"))]
//! The printed case file of one participant, as a caseworker files it: a header with the
//! person's label, the as-of date and the day it was printed, and a legend of every symbol and
//! pattern the path uses (each phase kind with its colour and texture, the planned rest, a phase
//! still running, each kind of event, goal and exit), drawn under the path on screen and on
//! paper.

use chrono::NaiveDate;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::timeline::{self as layout, Swatch, Window};
use foerderweg::model::WidgetKind;
use foerderweg::model::timeline::TimelineDoc;
use std::sync::Arc;

fn sample() -> Arc<TimelineDoc> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/timeline-jobperspektive.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    match check(WidgetKind::Timeline, &text).document {
        Some(Document::Timeline(d)) => d,
        _ => panic!("not drawn"),
    }
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn path(doc: &TimelineDoc, lang: Lang) -> layout::Single {
    let today = layout::today(doc, day("2026-12-01"));
    let p = &doc.participants[0];
    let window = Window::fit(&[p], today);
    layout::single(doc, 0, window, layout::plot_for(900.0), today, lang).expect("a path")
}

#[test]
fn the_header_names_the_person_the_as_of_date_and_the_day_printed() {
    let doc = sample();
    let p = &doc.participants[0];
    let fields = layout::case_file(p, day("2018-06-30"), day("2026-12-01"), Lang::De);
    assert_eq!(
        fields,
        [
            ("Person", "Teilnehmer D".to_string()),
            ("Programm", "JobPerspektive Sachsen".to_string()),
            ("Stand", "30.06.2018".to_string()),
            ("Gedruckt am", "01.12.2026".to_string()),
        ]
    );
    let en = layout::case_file(p, day("2018-06-30"), day("2026-12-01"), Lang::En);
    assert_eq!(en[3], ("Printed on", "2026-12-01".to_string()));
}

#[test]
fn the_legend_has_every_symbol_and_pattern_of_the_path() {
    let doc = sample();
    let s = path(&doc, Lang::De);
    let legend = layout::path_legend(&s, Lang::De);
    let texts: Vec<&str> = legend.iter().map(|e| e.text.as_str()).collect();
    // Every phase kind on the path, with its colour and texture.
    for kind in [
        "referral",
        "profiling",
        "recommendation",
        "qualification",
        "internship",
        "followUp",
    ] {
        assert!(
            legend
                .iter()
                .any(|e| e.swatch == Swatch::Phase(kind.to_string())),
            "{kind}: {texts:?}"
        );
    }
    // The follow-up runs past the as-of date, with a planned end after it.
    for look in ["läuft noch", "geplanter Rest"] {
        assert!(texts.contains(&look), "{look}: {texts:?}");
    }
    // Each kind of event, goal and exit.
    for marker in [
        "Förderplangespräch",
        "Ziele (erreicht)",
        "Ziele (aufgegeben)",
    ] {
        assert!(texts.contains(&marker), "{marker}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("Austritt")), "{texts:?}");
    // Each entry once.
    let mut unique = legend.clone();
    unique.dedup();
    assert_eq!(unique.len(), legend.len());
    // The drawing of the path (screen, print, files) carries that legend under it.
    let scene = layout::single_scene(&s, 900.0, "Teilnehmer D", Lang::De);
    let svg = foerderweg::render::svg::drawing(&scene);
    for t in &texts {
        assert!(
            svg.contains(&foerderweg::render::escape(t)),
            "{t} in the drawing"
        );
    }
    // A swatch is no record: the phases the keyboard and the tooltips reach are the path's.
    let phases = svg
        .split("class=\"")
        .skip(1)
        .filter(|rest| {
            let classes = rest.split('"').next().unwrap_or_default();
            classes.split_whitespace().any(|c| c == "fw-phase")
        })
        .count();
    assert_eq!(phases, s.bars.len(), "records of class fw-phase");
}
