#![cfg(not(target_arch = "wasm32"))]
//! The axes of the dashboard's charts, read as a reader reads them, with the room a reader's
//! text spacing takes ([`text_width`], the measure every label fit uses):
//!
//! - the date axis: the labels under it (centred on their ticks) never run into each other or
//!   off the chart, the first one names its year, and every year named is one the chart shows
//!   (the timeline's axis is held to the same in `nothing_lost.rs`; both come from one
//!   algorithm);
//! - the count axis: its labels (ending left of the axis) stay on the chart.

use chrono::{Datelike, Months, NaiveDate};
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::occupancy::{Chart, charts, drawing, indicators};
use foerderweg::layout::text::text_width;
use foerderweg::model::WidgetKind;
use foerderweg::model::occupancy::OccupancyDoc;
use foerderweg::scene::{Anchor, Mark};
use std::sync::Arc;

fn doc(text: &str) -> Arc<OccupancyDoc> {
    match check(WidgetKind::Occupancy, text).document {
        Some(Document::Occupancy(d)) => d,
        other => panic!("not an occupancy document: {other:?}"),
    }
}

/// The labels of the axis whose class has `axis` (`fw-axis--x`, `fw-axis--y`) as drawn: left
/// and right end of each, and its text.
fn labels(chart: &Chart, axis: &str) -> Vec<(f64, f64, String)> {
    let mut out = Vec::new();
    for mark in &drawing(chart, Lang::De).marks {
        let Mark::Group(g) = mark else { continue };
        if !g.class.contains(axis) {
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

/// The labels under the date axis.
fn date_labels(chart: &Chart) -> Vec<(f64, f64, String)> {
    labels(chart, "fw-axis--x")
}

/// The labels of the count axis.
fn count_labels(chart: &Chart) -> Vec<(f64, f64, String)> {
    labels(chart, "fw-axis--y")
}

/// A dashboard of `months` monthly reporting dates from `first`.
fn monthly(first: NaiveDate, months: u32) -> Arc<OccupancyDoc> {
    let series: Vec<String> = (0..months)
        .filter_map(|m| first.checked_add_months(Months::new(m)))
        .enumerate()
        .map(|(i, d)| {
            format!(
                r#"{{"date": "{d}", "profilings": {}, "admitted": {}, "filled": {}}}"#,
                100 + 7 * i,
                60 + 5 * i,
                40 + 3 * i
            )
        })
        .collect();
    doc(&format!(
        r#"{{"schema": "foerderweg/occupancy@1", "programme": {{"label": "Test"}},
            "series": [{}]}}"#,
        series.join(",")
    ))
}

/// The four-digit years a label names.
fn years(label: &str) -> Vec<i32> {
    label
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .collect()
}

fn assert_readable(chart: &Chart, first: NaiveDate, last: NaiveDate, what: &str) {
    let labels = date_labels(chart);
    let what = format!("{what}, {} px: {labels:?}", chart.width);
    let Some((_, _, head)) = labels.first() else {
        panic!("no date label: {what}");
    };
    assert!(
        !years(head).is_empty(),
        "the first label has no year: {what}"
    );
    for (start, end, _) in &labels {
        assert!(
            *start >= 0.0 && *end <= chart.width,
            "a label runs off the chart: {what}"
        );
    }
    for pair in labels.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "labels overlap: {what}");
    }
    // The year that holds at least half of what the chart shows is named.
    let named: Vec<i32> = labels.iter().flat_map(|(_, _, l)| years(l)).collect();
    for year in first.year()..=last.year() {
        let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            continue;
        };
        let inside = (b.min(last) - a.max(first)).num_days() + 1;
        if inside * 2 >= (last - first).num_days() {
            assert!(named.contains(&year), "{year} not named: {what}");
        }
    }
    for (_, _, label) in &labels {
        for year in years(label) {
            assert!(
                (first.year()..=last.year()).contains(&year),
                "{year} is not shown: {what}"
            );
        }
    }
}

#[test]
fn a_narrow_chart_of_two_years_reads_clean() {
    let first = NaiveDate::from_ymd_opt(2018, 2, 15).unwrap_or_default();
    let d = monthly(first, 24);
    let last = first + Months::new(23);
    for chart in charts(&d, 300.0, Lang::De) {
        assert_readable(&chart, first, last, &chart.id);
    }
}

#[test]
fn every_width_and_span_of_monthly_figures_reads_clean() {
    for start_month in [1, 2, 7, 11, 12] {
        let first = NaiveDate::from_ymd_opt(2017, start_month, 15).unwrap_or_default();
        for months in [2, 5, 13, 24, 37, 61, 121] {
            let d = monthly(first, months);
            let last = first + Months::new(months - 1);
            for width in [240.0, 300.0, 375.0, 480.0, 640.0, 960.0, 1400.0] {
                for chart in charts(&d, width, Lang::De) {
                    assert_readable(&chart, first, last, &format!("{first} + {months} months"));
                }
            }
        }
    }
}

#[test]
fn a_chart_mostly_in_one_year_names_it() {
    // February 2018 to June 2019 on a phone: eleven of the seventeen figures are of 2018. The
    // axis used to say only "Jan 2019", leaving the reader to guess the year of most points.
    let first = NaiveDate::from_ymd_opt(2018, 2, 15).unwrap_or_default();
    let d = monthly(first, 17);
    for chart in charts(&d, 240.0, Lang::De) {
        let labels = date_labels(&chart);
        let named: Vec<i32> = labels.iter().flat_map(|(_, _, l)| years(l)).collect();
        assert!(named.contains(&2018), "{}: {labels:?}", chart.id);
    }
}

// The count axis.

const SAMPLES: [&str; 5] = [
    include_str!("../www/data/occupancy-stendal.json"),
    include_str!("../www/data/occupancy-example.json"),
    include_str!("../www/data/occupancy-saalekreis.json"),
    include_str!("../www/data/occupancy-mentoren.json"),
    include_str!("../www/data/occupancy-regio-aktiv.json"),
];

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
