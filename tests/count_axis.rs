//! The count axis of the dashboard's charts, read as a reader reads it: its labels (as the
//! chart's scene draws them, ending left of the axis) stay on the chart, with the room a
//! reader's text spacing takes ([`text_width`], the measure every label fit uses).

use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::occupancy::{Chart, charts, drawing, indicators};
use foerderweg::layout::text::text_width;
use foerderweg::model::WidgetKind;
use foerderweg::model::occupancy::OccupancyDoc;
use foerderweg::scene::{Anchor, Mark};
use std::sync::Arc;

const SAMPLES: [&str; 5] = [
    include_str!("../www/data/occupancy-stendal.json"),
    include_str!("../www/data/occupancy-example.json"),
    include_str!("../www/data/occupancy-saalekreis.json"),
    include_str!("../www/data/occupancy-mentoren.json"),
    include_str!("../www/data/occupancy-regio-aktiv.json"),
];

fn doc(text: &str) -> Arc<OccupancyDoc> {
    match check(WidgetKind::Occupancy, text).document {
        Some(Document::Occupancy(d)) => d,
        other => panic!("not an occupancy document: {other:?}"),
    }
}

/// The labels of the count axis as drawn: left and right end of each, and its text.
fn count_labels(chart: &Chart) -> Vec<(f64, f64, String)> {
    let mut out = Vec::new();
    for mark in &drawing(chart, Lang::De).marks {
        let Mark::Group(g) = mark else { continue };
        if !g.class.contains("fw-axis--y") {
            continue;
        }
        for m in &g.marks {
            if let Mark::Text {
                x, text, anchor, ..
            } = m
            {
                let w = text_width(text, 11.0, false);
                let start = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - w / 2.0,
                    Anchor::End => x - w,
                };
                out.push((start, start + w, text.clone()));
            }
        }
    }
    out
}

fn assert_on_the_chart(chart: &Chart, what: &str) {
    let labels = count_labels(chart);
    assert!(!labels.is_empty(), "{what}: no count labels");
    for (start, end, text) in &labels {
        assert!(
            *start >= 0.0 && *end <= chart.plot.0,
            "{what}, {} px: \"{text}\" runs from {start:.1} to {end:.1}, the axis is at {}",
            chart.width,
            chart.plot.0
        );
    }
}

#[test]
fn every_samples_count_labels_stay_on_the_chart() {
    for text in SAMPLES {
        let d = doc(text);
        for width in [240.0, 360.0, 960.0] {
            let all = charts(&d, width, Lang::De)
                .into_iter()
                .chain(indicators::charts(&d, width, Lang::De));
            for chart in all {
                assert_on_the_chart(&chart, &chart.id);
            }
        }
    }
}

#[test]
fn five_digit_counts_stay_on_the_chart() {
    // A Jobcenter's benefit recipients: 15.654 profilings on a reporting date.
    let d = doc(
        r#"{"schema": "foerderweg/occupancy@1", "programme": {"label": "Test"},
        "series": [{"date": "2014-07-31", "profilings": 15654, "admitted": 900},
                   {"date": "2019-07-31", "profilings": 10309, "admitted": 1200}]}"#,
    );
    for chart in charts(&d, 360.0, Lang::De) {
        assert_on_the_chart(&chart, &chart.id);
    }
}
