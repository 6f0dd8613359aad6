#![cfg(not(target_arch = "wasm32"))]
//! The demo's sample documents in `www/data/` are the ones the tests load: each must check
//! without errors and without warnings, so what the gallery shows is what is tested.

use foerderweg::check::check;
use foerderweg::model::WidgetKind;
use std::path::Path;

fn sample(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_clean(kind: WidgetKind, name: &str) {
    let checked = check(kind, &sample(name));
    let messages: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.path, d.message(Default::default())))
        .collect();
    assert!(
        checked.document.is_some(),
        "{name} does not render: {messages:?}"
    );
    assert!(messages.is_empty(), "{name} has diagnostics: {messages:?}");
}

#[test]
fn stendal_occupancy_sample_checks_clean() {
    assert_clean(WidgetKind::Occupancy, "occupancy-stendal.json");
}

#[test]
fn timeline_sample_checks_clean() {
    assert_clean(WidgetKind::Timeline, "timeline-sample.json");
}

#[test]
fn sachsen_map_sample_checks_clean() {
    assert_clean(WidgetKind::Map, "map-sachsen.json");
}

#[test]
fn every_sample_file_is_covered() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data");
    for entry in std::fs::read_dir(dir).expect("www/data exists") {
        let name = entry
            .expect("readable entry")
            .file_name()
            .into_string()
            .expect("utf-8 name");
        let kind = match name.split('-').next() {
            Some("timeline") => WidgetKind::Timeline,
            Some("occupancy") => WidgetKind::Occupancy,
            Some("map") => WidgetKind::Map,
            _ if name.starts_with("bad-") => continue,
            _ => panic!("{name}: sample names start with timeline-, occupancy-, map- or bad-"),
        };
        assert_clean(kind, &name);
    }
}

#[test]
fn the_generated_stendal_cohort_matches_the_published_counts() {
    use foerderweg::check::Document;
    use foerderweg::layout::timeline::participant_status;
    let Some(Document::Timeline(doc)) = check(
        WidgetKind::Timeline,
        &sample("timeline-stendal-cohort.json"),
    )
    .document
    else {
        panic!("the cohort renders");
    };
    let today = doc.today.expect("a fixed today").0;
    let in_work = |p: &&foerderweg::model::timeline::Participant| {
        p.phases
            .iter()
            .any(|ph| ph.kind == "workOpportunity" && ph.start.0 <= today && ph.end.is_none())
    };
    let planned = |p: &&foerderweg::model::timeline::Participant| {
        p.phases
            .iter()
            .any(|ph| ph.kind == "workOpportunity" && ph.start.0 > today)
    };
    let talks: usize = doc
        .participants
        .iter()
        .map(|p| {
            p.events
                .iter()
                .filter(|e| e.kind == "followUpProfiling")
                .count()
        })
        .sum();
    assert_eq!(doc.participants.len(), 181, "admitted by 01.12.2018");
    assert_eq!(
        doc.participants.iter().filter(in_work).count(),
        111,
        "slots filled"
    );
    assert_eq!(
        doc.participants
            .iter()
            .filter(|p| participant_status(p, today) == "terminated")
            .count(),
        17
    );
    assert_eq!(
        doc.participants.iter().filter(planned).count(),
        2,
        "planned placements"
    );
    assert_eq!(talks, 605, "follow-up talks");
}
