#![cfg(not(target_arch = "wasm32"))]
//! Who counts as a provider (Träger): the organisations that run the participants' projects,
//! not the offices (Jobcenter, Regionalbüro) that refer, profile, recommend and agree the
//! follow-up, although a document names both in a phase's `provider`.

use chrono::NaiveDate;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::timeline::cohort_summary;
use foerderweg::model::WidgetKind;
use foerderweg::model::timeline::TimelineDoc;

fn doc(text: &str) -> TimelineDoc {
    match check(WidgetKind::Timeline, text).document {
        Some(Document::Timeline(doc)) => std::sync::Arc::unwrap_or_clone(doc),
        other => panic!("{other:?}"),
    }
}

fn today(doc: &TimelineDoc) -> NaiveDate {
    doc.today.map(|d| d.0).unwrap()
}

#[test]
fn the_cohort_summary_counts_the_providers_not_the_jobcenters() {
    // 181 participants profiled in three Jobcenters, placed at seven providers.
    let stendal = doc(include_str!("../www/data/timeline-stendal-cohort.json"));
    let summary = cohort_summary(&stendal, today(&stendal), Lang::De);
    assert!(summary.contains(", 7 Träger."), "{summary}");
    let summary = cohort_summary(&stendal, today(&stendal), Lang::En);
    assert!(summary.contains(", 7 providers."), "{summary}");
    // A Jobcenter that profiles and counsels is an office; Träger 5 runs the placement.
    let path = doc(include_str!("../www/data/timeline-stendal-path.json"));
    let summary = cohort_summary(&path, today(&path), Lang::En);
    assert!(summary.contains(", 1 provider."), "{summary}");
    // Three participants profiled in three Jobcenters, placed at Träger 1, 2 and 4.
    let sample = doc(include_str!("../www/data/timeline-sample.json"));
    let summary = cohort_summary(&sample, today(&sample), Lang::De);
    assert!(summary.contains(", 3 Träger."), "{summary}");
}

#[test]
fn a_provider_that_also_profiles_or_counsels_stays_a_provider() {
    let text = serde_json::json!({
        "schema": "foerderweg/timeline@1",
        "today": "2019-06-01",
        "participants": [
            {"id": "a", "label": "A", "phases": [
                {"kind": "profiling", "provider": "Jobcenter Stendal", "start": "2019-01-07", "end": "2019-01-20"},
                {"kind": "profiling", "provider": "Träger X", "start": "2019-01-21", "end": "2019-01-30"},
                {"kind": "placement", "provider": "Träger X", "start": "2019-02-01"}]},
            {"id": "b", "label": "B", "phases": [
                {"kind": "referral", "provider": "Jobcenter Havelberg", "start": "2019-01-07", "end": "2019-01-07"},
                {"kind": "counselling", "provider": "Schuldnerberatung Y", "start": "2019-02-01"},
                {"kind": "followUp", "provider": "Jobcenter Havelberg", "start": "2019-05-01"}]}
        ]
    })
    .to_string();
    let d = doc(&text);
    let summary = cohort_summary(&d, today(&d), Lang::En);
    assert!(summary.contains(", 2 providers."), "{summary}");
}
