//! The dashboard rendered natively, as the command line tool and a server do: each chart it
//! shows with its frame (title with the programme, as-of date, source, summary) and its table
//! views, for every occupancy sample in both languages.

use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::occupancy::{self, rendering};
use foerderweg::model::WidgetKind;
use foerderweg::model::occupancy::OccupancyDoc;
use foerderweg::render::svg;
use std::sync::Arc;

const SAMPLES: [&str; 3] = [
    include_str!("../www/data/occupancy-stendal.json"),
    include_str!("../www/data/occupancy-example.json"),
    include_str!("../www/data/occupancy-saalekreis.json"),
];

fn doc(text: &str) -> Arc<OccupancyDoc> {
    match check(WidgetKind::Occupancy, text).document {
        Some(Document::Occupancy(d)) => d,
        other => panic!("not an occupancy document: {other:?}"),
    }
}

#[test]
fn stendal_renders_both_charts_with_their_frames_and_the_report_table() {
    let stendal = doc(SAMPLES[0]);
    let r = rendering(&stendal, 720.0, Lang::De);
    let titles: Vec<&str> = r.figures.iter().map(|f| f.frame.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Profilings und Teilnehmende je Stichtag – Stabilisierung und Teilhabe am Arbeitsleben",
            "Einsatzstellen je Stichtag – Stabilisierung und Teilhabe am Arbeitsleben",
        ]
    );
    let frame = &r.figures[1].frame;
    assert_eq!(frame.as_of.as_deref(), Some("Stand: 01.12.2018"));
    assert!(
        frame
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("Quelle: Zwischenstand zum Landesprogramm")),
        "{:?}",
        frame.source
    );
    assert_eq!(
        frame.summary,
        occupancy::scene(&stendal, Lang::De)
            .summary
            .unwrap_or_default()
    );
    assert!(frame.attribution.is_none());
    // The scene is the one the widget draws at that width, with the legend the widget shows
    // beside it drawn below.
    let charts = occupancy::charts(&stendal, 720.0, Lang::De);
    let drawn = occupancy::drawing(&charts[0], Lang::De);
    let filed = &r.figures[0].scene;
    assert_eq!(filed.marks[..drawn.marks.len()], drawn.marks[..]);
    assert!(filed.height > drawn.height);
    assert_eq!(r.figures[1].scene.records("data-fw-point").len(), 15);
    // No providers are published for Stendal: the key figures and the report table only.
    let tables: Vec<&str> = r.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(tables, ["Kennzahlen", "Entwicklung nach Stichtagen"]);

    let en = rendering(&stendal, 720.0, Lang::En);
    assert_eq!(
        en.figures[0].frame.as_of.as_deref(),
        Some("As of: 2018-12-01")
    );
    assert!(
        en.figures[0]
            .frame
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("Source: "))
    );
}

#[test]
fn the_example_renders_the_bars_and_funding_tables_it_shows() {
    let example = doc(SAMPLES[1]);
    let r = rendering(&example, 480.0, Lang::De);
    assert_eq!(r.figures.len(), 2);
    let tables: Vec<&str> = r.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        tables[..3],
        [
            "Kennzahlen",
            "Entwicklung nach Stichtagen",
            "Belegung nach Trägern"
        ]
    );
}

#[test]
fn every_sample_renders_named_points_without_styles() {
    for text in SAMPLES {
        let d = doc(text);
        for lang in [Lang::De, Lang::En] {
            for width in [320.0, 960.0] {
                let r = rendering(&d, width, lang);
                for f in &r.figures {
                    assert!(!f.frame.title.is_empty() && !f.frame.summary.is_empty());
                    assert_eq!(f.scene.width, width);
                    let points = f.scene.records("data-fw-point");
                    assert!(!points.is_empty());
                    assert!(
                        points
                            .iter()
                            .all(|(_, g)| g.label.is_some() && g.tip.is_some())
                    );
                    let drawn = svg::drawing(&f.scene);
                    assert!(
                        !drawn.contains("style="),
                        "the strict CSP allows no style attribute"
                    );
                    assert_eq!(drawn.matches("tabindex=\"0\"").count(), 1, "one tab stop");
                    let file = svg::figure(&f.scene, &f.frame, "");
                    assert!(file.contains(f.frame.as_of.as_deref().unwrap_or("")));
                }
            }
        }
    }
}

/// Every figure of the programme is drawn: Stendal publishes 42 projects with 113 slots at 7
/// providers without listing them one by one, and its `projectCount` and `providerCount` are
/// key figures, part of the summary and of the key figures' table (and so of the CSV and of a
/// server-rendered page).
#[test]
fn stendal_shows_its_count_of_projects_and_providers() {
    let stendal = doc(SAMPLES[0]);
    for (lang, projects, providers) in [
        (Lang::De, "Projekte", "Träger"),
        (Lang::En, "Projects", "Providers"),
    ] {
        let scene = occupancy::scene(&stendal, lang);
        let figure = |key: &str| {
            scene
                .figures
                .iter()
                .find(|f| f.key == key)
                .map(|f| (f.label, f.value.as_str()))
        };
        assert_eq!(
            figure("projects"),
            Some((projects, "42")),
            "{:?}",
            scene.figures
        );
        assert_eq!(
            figure("providers"),
            Some((providers, "7")),
            "{:?}",
            scene.figures
        );
        let summary = scene.summary.clone().unwrap_or_default();
        assert!(
            summary.contains(&format!("42 {}", projects.to_lowercase()))
                || summary.contains(&format!("42 {projects}")),
            "{summary}"
        );
        let r = rendering(&stendal, 960.0, lang);
        let csv: Vec<String> = r.tables.iter().map(|t| t.csv(lang)).collect();
        let sep = if lang == Lang::De { ';' } else { ',' };
        for line in [format!("{projects}{sep}42"), format!("{providers}{sep}7")] {
            assert!(
                csv.iter().any(|c| c.split("\r\n").any(|l| l == line)),
                "{line:?} in no CSV: {csv:?}"
            );
        }
    }
}

#[test]
fn each_provider_bar_is_a_button_named_by_its_figures_with_its_segments_lengths() {
    for text in SAMPLES {
        let d = doc(text);
        let bars = occupancy::bars(&d, None, occupancy::BarSort::Size, Lang::De);
        let mut w = foerderweg::render::Writer::new();
        foerderweg::render::dashboard::bar_list(&mut w, &bars, Lang::De);
        let html = w.out;
        assert!(
            !html.contains("style="),
            "no style attribute (a strict CSP blocks it)"
        );
        assert_eq!(
            html.matches("<button type=\"button\" class=\"fw-bar\"")
                .count(),
            bars.bars.len()
        );
        for bar in &bars.bars {
            let select = format!(
                "data-fw-select=\"{}\" data-fw-kind=\"{}\"",
                foerderweg::render::escape(&bar.id),
                bar.kind
            );
            assert_eq!(html.matches(&select).count(), 1, "{select}");
            let named = format!(
                "{}</span>",
                foerderweg::render::escape(&format!(": {}", bar.figures))
            );
            assert!(html.contains(&named), "{named} in {html}");
            for s in &bar.segments {
                assert!(html.contains(&format!("fw-seg fw-seg--{}", s.class)));
            }
        }
    }
}

#[test]
fn a_providers_name_in_a_bar_is_text() {
    let hostile = "<img src=x onerror=alert(1)>";
    let text = SAMPLES[1].replacen(
        "\"label\": \"Bildungswerk",
        &format!("\"label\": \"{hostile}Bildungswerk"),
        1,
    );
    let d = doc(&text);
    let bars = occupancy::bars(&d, None, occupancy::BarSort::Size, Lang::De);
    assert!(
        bars.bars.iter().any(|b| b.label.contains(hostile)),
        "{bars:?}"
    );
    let mut w = foerderweg::render::Writer::new();
    foerderweg::render::dashboard::bar_list(&mut w, &bars, Lang::De);
    assert!(!w.out.contains("<img"), "{}", w.out);
    assert!(w.out.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_bars_head_offers_each_order_with_the_chosen_one_selected_and_the_way_back_when_drilled() {
    use foerderweg::layout::occupancy::BarSort;
    use foerderweg::render::{Levels, Writer, dashboard::bars_head};
    let d = doc(SAMPLES[1]);
    let all = occupancy::bars(&d, None, BarSort::FillRate, Lang::En);
    let mut w = Writer::new();
    bars_head(&mut w, &all, BarSort::FillRate, Lang::En, Levels::DEFAULT);
    assert!(
        w.out
            .starts_with(&format!("<h3 class=\"fw-heading\">{}</h3>", all.title)),
        "{}",
        w.out
    );
    for s in BarSort::ALL {
        let selected = if s == BarSort::FillRate {
            " selected=\"\""
        } else {
            ""
        };
        let option = format!(
            "<option value=\"{}\"{selected}>{}</option>",
            s.as_str(),
            s.label(Lang::En)
        );
        assert!(w.out.contains(&option), "{option} in {}", w.out);
    }
    assert!(
        !w.out.contains("data-fw-back"),
        "no way back from all providers"
    );
    let id = all
        .bars
        .iter()
        .find(|b| b.drills)
        .map(|b| b.id.clone())
        .expect("a provider with projects");
    let one = occupancy::bars(&d, Some(&id), BarSort::Size, Lang::En);
    let mut w = Writer::new();
    bars_head(&mut w, &one, BarSort::Size, Lang::En, Levels::DEFAULT);
    assert_eq!(w.out.matches("data-fw-back").count(), 1, "{}", w.out);
}
