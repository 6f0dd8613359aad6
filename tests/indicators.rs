#![cfg(not(target_arch = "wasm32"))]
//! Key figures over time (`indicators` of `foerderweg/occupancy@1.1`), as a reader of the
//! dashboard meets them: in the cards, the charts with their legends, the report table, the
//! CSV and the rendered files. A withheld value is never a 0 and never "no data"; its number,
//! if a document sends one anyway, appears nowhere.

use chrono::NaiveDate;
use foerderweg::audit::audit;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::occupancy::{self, indicators};
use foerderweg::model::WidgetKind;
use foerderweg::model::occupancy::OccupancyDoc;
use foerderweg::render::document::{Options, render};
use std::sync::Arc;

const OCC: WidgetKind = WidgetKind::Occupancy;

fn doc(text: &str) -> Arc<OccupancyDoc> {
    let checked = check(OCC, text);
    match checked.document {
        Some(Document::Occupancy(d)) => d,
        _ => panic!("not drawn: {:?}", checked.diagnostics),
    }
}

fn codes(text: &str) -> Vec<(String, String, &'static str)> {
    check(OCC, text)
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.severity.as_str().to_string(),
                d.path.clone(),
                d.problem.code(),
            )
        })
        .collect()
}

/// Everything a reader gets of a document: the native page and files in both languages, and
/// every table as CSV.
fn every_output(text: &str) -> String {
    let mut out = String::new();
    for lang in [Lang::De, Lang::En] {
        let options = Options {
            width: 640.0,
            lang,
            today: NaiveDate::from_ymd_opt(2025, 1, 1),
            geometry: None,
            confidential: None,
        };
        let r = render(OCC, text, &options);
        out.push_str(&r.html());
        for svg in r.svg_files() {
            out.push_str(&svg);
        }
        for table in occupancy::tables(&doc(text), lang) {
            out.push_str(&table.csv(lang));
        }
    }
    out
}

const STATES: &str = r#"{"schema":"foerderweg/occupancy@1.1","programme":{"label":"P"},
  "indicators":[{"id":"a","label":"Teilnehmende","unit":"persons","values":[
    {"period":"2022-Q4","value":38},
    {"period":"2023-Q1","value":40},
    {"period":"2023-Q2","status":"suppressed","value":4711},
    {"period":"2023-Q3","status":"noData"},
    {"period":"2023-Q4","value":48},
    {"period":"2024-Q1","value":52,"status":"provisional"}]}]}"#;

#[test]
fn suppressed_no_data_and_provisional_are_told_apart_everywhere() {
    let d = doc(STATES);
    // The check says the withheld value carried a number, which is not shown.
    assert_eq!(
        codes(STATES),
        vec![(
            "warning".into(),
            "indicators[0].values[2].value".into(),
            "number-withheld"
        )]
    );
    let lang = Lang::De;
    // The table: a figure, the word for withheld, a dash for no data, the figure and the word.
    let report = &indicators::report(&d, lang)[0];
    let shown: Vec<String> = report.rows[0]
        .cells
        .iter()
        .map(|c| c.display(lang))
        .collect();
    assert_eq!(
        shown,
        [
            "Teilnehmende",
            "Personen",
            "38",
            "40",
            "unterdrückt",
            "–",
            "48",
            "52 (vorläufig)"
        ]
    );
    let csv = report.csv(lang);
    // Figure columns hold figures; why one is withheld or may change is in a status column.
    assert!(
        csv.contains(";38;40;;unterdrückt;;48;52;vorläufig\r\n"),
        "{csv}"
    );
    // The chart: a withheld point on the axis with its own marker, no point for no data, a
    // hollow provisional point reached by a dashed line; the legend names both.
    let m = &indicators::measures(&d, lang)[0];
    let chart = indicators::chart(m, 0, 640.0, lang).unwrap_or_else(|| panic!("a chart"));
    let kinds: Vec<_> = chart.lines[0].points.iter().map(|p| p.kind).collect();
    use occupancy::PointKind::*;
    assert_eq!(kinds, [Shown, Shown, Suppressed, Shown, Provisional]);
    let line = &chart.lines[0];
    assert_eq!(
        line.points[2].y, chart.plot.3,
        "withheld is drawn on the axis"
    );
    assert!(line.points[2].text.contains("unterdrückt"));
    // Solid from the first figure to the second; broken around the withheld one and the gap;
    // dashed from the last figure to the provisional one.
    let at = |p: &foerderweg::layout::occupancy::Point| {
        format!(
            "{},{}",
            foerderweg::scene::num::fmt(p.x),
            foerderweg::scene::num::fmt(p.y)
        )
    };
    let p = &line.points;
    assert_eq!(line.d, format!("M{}L{}", at(&p[0]), at(&p[1])));
    assert_eq!(line.dashed, format!("M{}L{}", at(&p[3]), at(&p[4])));
    assert_eq!(chart.states, [Suppressed, Provisional]);
    let svg = foerderweg::render::svg::drawing(&occupancy::drawing_with_legend(&chart, lang));
    for needle in [
        "fw-marker--suppressed",
        "fw-marker--provisional",
        "fw-line--provisional",
        "Wert unterdrückt (Geheimhaltung)",
        "vorläufig",
    ] {
        assert!(svg.contains(needle), "{needle} in the drawing");
    }
    // The card: the latest figure, provisional, and its change since the last figure before.
    let card = &indicators::cards(&d, lang)[0];
    assert_eq!((card.value.as_str(), card.provisional), ("52", true));
    assert!(
        card.name
            .starts_with("Teilnehmende: 52 (1. Quartal 2024, vorläufig)"),
        "{}",
        card.name
    );
    assert_eq!(card.period, "1. Quartal 2024");
    assert_eq!(
        card.previous.as_ref().map(|c| c.text.as_str()),
        Some("+4 (+8,3\u{a0}%) gegenüber 4. Quartal 2023")
    );
    assert_eq!(
        card.year.as_ref().map(|c| c.text.as_str()),
        Some("+12 (+30,0\u{a0}%) gegenüber 1. Quartal 2023")
    );
    // The withheld number is nowhere: not in a page, a file, a table or a CSV.
    let all = every_output(STATES);
    assert!(!all.contains("4711") && !all.contains("4.711") && !all.contains("4,711"));
    assert!(all.contains("unterdrückt") && all.contains("suppressed"));
    let audit = audit(OCC, STATES, None, None, Lang::De);
    assert_eq!(audit.lost(), Vec::<String>::new());
}

#[test]
fn the_saalekreis_sample_shows_its_published_figures_and_no_empty_section() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/occupancy-saalekreis.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let d = doc(&text);
    let lang = Lang::De;
    let report = indicators::report(&d, lang);
    let cells: Vec<String> = report
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.display(lang)))
        })
        .collect();
    for figure in ["15.654", "10.309", "2.100"] {
        assert!(cells.iter().any(|c| c == figure), "{figure} in {cells:?}");
    }
    let cards = indicators::cards(&d, lang);
    assert_eq!(cards[0].value, "10.309");
    assert_eq!(cards[0].period, "Jul 2019");
    // Jul 2014 is the period before, five years earlier: not "a year before".
    assert!(
        cards[0]
            .previous
            .as_ref()
            .is_some_and(|c| c.text.contains("−5.345"))
    );
    assert!(cards[0].year.is_none());
    // The dashboard of key figures and funding alone: no row of dashes, no "no series" line.
    let scene = occupancy::scene(&d, lang);
    assert!(scene.figures.is_empty(), "{:?}", scene.figures);
    let page = every_output(&text);
    assert!(
        !page.contains(lang.texts().occ.no_series),
        "no empty section"
    );
    assert!(page.contains("13.900.000"));
    assert_eq!(
        audit(OCC, &text, None, None, lang).lost(),
        Vec::<String>::new()
    );
}

#[test]
fn presets_bring_their_official_names_in_both_languages() {
    let text = r#"{"schema":"foerderweg/occupancy@1.1","programme":{"label":"P"},"indicators":[
      {"id":"k2","preset":"sgb2/K2","values":[{"period":"2023","value":22.9}]},
      {"id":"u","preset":"esf+/EECO02","values":[{"period":"2023","value":120},{"period":"2024","value":140}]},
      {"id":"i","preset":"esf+/EECO04","values":[{"period":"2023","value":30},{"period":"2024","status":"suppressed"}]},
      {"id":"e","preset":"esf+/EECO05","values":[{"period":"2023","value":10},{"period":"2024","value":12}]}]}"#;
    assert_eq!(codes(text), Vec::new());
    let d = doc(text);
    let names = |lang| -> Vec<String> {
        indicators::measures(&d, lang)
            .into_iter()
            .map(|m| m.label)
            .collect()
    };
    assert_eq!(
        names(Lang::De),
        [
            "Integrationsquote",
            "Arbeitslose, auch Langzeitarbeitslose",
            "Nichterwerbstätige",
            "Erwerbstätige, auch Selbstständige",
            "Gesamtzahl der Teilnehmer"
        ]
    );
    assert_eq!(names(Lang::En)[0], "Integration rate");
    assert_eq!(names(Lang::En)[4], "Total number of participants");
    // The total is derived as the regulation says, and only where every part has a figure:
    // beside a withheld part it would give that part away.
    let total = &indicators::measures(&d, Lang::De)[4];
    let values: Vec<_> = total
        .indicator
        .values
        .iter()
        .map(|v| (v.value, v.status))
        .collect();
    use foerderweg::model::indicator::Status;
    assert_eq!(
        values,
        [(Some(160.0), Status::Final), (None, Status::NoData)]
    );
    // A rate is a percentage and changes by points.
    let k2 = &indicators::cards(&d, Lang::De)[0];
    assert_eq!(k2.value, "22,9\u{202f}%");
    assert_eq!(
        audit(OCC, text, None, None, Lang::En).lost(),
        Vec::<String>::new()
    );
}

#[test]
fn broken_measures_and_values_are_named_and_the_rest_is_drawn() {
    let text = r#"{"schema":"foerderweg/occupancy@1.1","programme":{"label":"P"},"indicators":[
      {"id":"a","values":[{"period":"2023","value":1}]},
      {"id":"b","preset":"sgb2/K9","values":[{"period":"2023","value":1}]},
      {"id":"c","preset":"sgb2/K9","label":"Eigene","unit":"cases","values":[{"period":"2023","value":1}]},
      {"id":"d","label":"D","unit":"persons",
       "breakdown":{"dimension":"gender","groups":[{"key":"f","label":"Frauen"}]},
       "values":[{"period":"2023-13","value":1},{"period":"2023-07","value":2},
                 {"period":"2023-07","value":3},{"period":"2023-08","group":"x","value":4},
                 {"period":"2023-08","group":"f","value":5},{"period":"2023-09","value":-1}]},
      {"id":"d","label":"Zweimal","unit":"persons","values":[]}]}"#;
    let found = codes(text);
    let expect = [
        ("error", "indicators[0]", "missing-field"),
        ("error", "indicators[1].preset", "unknown-preset"),
        ("warning", "indicators[2].preset", "unknown-preset"),
        ("error", "indicators[3].values[0].period", "invalid-value"),
        (
            "error",
            "indicators[3].values[2].period",
            "duplicate-period",
        ),
        ("error", "indicators[3].values[3].group", "unknown-group"),
        ("error", "indicators[3].values[5].value", "invalid-value"),
        ("error", "indicators[4].id", "duplicate-id"),
    ];
    for (severity, path, code) in expect {
        assert!(
            found
                .iter()
                .any(|(s, p, c)| s == severity && p == path && *c == code),
            "{severity} {path} {code} in {found:?}"
        );
    }
    let d = doc(text);
    let ids: Vec<&str> = d.indicators.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["c", "d"]);
    let values: Vec<Option<f64>> = d.indicators[1].values.iter().map(|v| v.value).collect();
    assert_eq!(values, [Some(2.0), Some(5.0)]);
    assert_eq!(
        audit(OCC, text, None, None, Lang::De).lost(),
        Vec::<String>::new()
    );
}

#[test]
fn an_occupancy_1_document_reads_as_before() {
    let text = r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},
      "series":[{"date":"2018-12-01","filled":3}]}"#;
    assert_eq!(codes(text), Vec::new());
    assert!(doc(text).indicators.is_empty());
    assert!(indicators::report(&doc(text), Lang::De).is_empty());
}

#[test]
fn the_period_filter_and_the_provider_change_cards_charts_and_tables_together() {
    let text = r#"{"schema":"foerderweg/occupancy@1.1","programme":{"label":"P"},
      "providers":[{"id":"t1","label":"Träger 1","projects":[]},{"id":"t2","label":"Träger 2","projects":[]}],
      "indicators":[
        {"id":"placed","label":"Vermittelte","unit":"persons",
         "breakdown":{"dimension":"provider","groups":[{"key":"t1","label":"Träger 1"},{"key":"t2","label":"Träger 2"}]},
         "values":[{"period":"2023","value":30},{"period":"2024","value":36},{"period":"2025","value":41},
                   {"period":"2023","group":"t1","value":10},{"period":"2024","group":"t1","value":16},{"period":"2025","group":"t1","value":12},
                   {"period":"2023","group":"t2","value":20},{"period":"2024","group":"t2","value":20},{"period":"2025","group":"t2","value":29}]},
        {"id":"rate","preset":"sgb2/K2","values":[{"period":"2023","value":22.0},{"period":"2025","value":24.0}]}]}"#;
    let d = doc(text);
    let lang = Lang::De;
    let day = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    let offered: Vec<String> = indicators::periods(&d, lang)
        .into_iter()
        .map(|p| p.2)
        .collect();
    assert_eq!(offered, ["2023", "2024", "2025"]);
    let view = |filter: &indicators::Filter| {
        let shown = filter.apply(&d);
        let cards: Vec<String> = indicators::cards(&shown, lang)
            .into_iter()
            .map(|c| c.name)
            .collect();
        let charts: Vec<usize> = indicators::charts(&shown, 640.0, lang)
            .iter()
            .map(|c| c.lines.iter().map(|l| l.points.len()).sum())
            .collect();
        let heads: Vec<Vec<String>> = indicators::report(&shown, lang)
            .iter()
            .map(|t| t.columns.iter().map(|c| c.label.clone()).collect())
            .collect();
        (cards, charts, heads)
    };
    // Everything: both measures, the providers as lines of the first chart.
    let (cards, charts, heads) = view(&indicators::Filter::default());
    assert_eq!(cards.len(), 2);
    assert_eq!(charts, [9, 2]);
    assert_eq!(heads, [["Kennzahl", "Einheit", "2023", "2024", "2025"]]);
    // 2024–2025: the card compares 2025 with 2024, the charts and the table lose 2023.
    let range = indicators::Filter {
        from: day(2024, 1, 1),
        to: day(2025, 12, 31),
        provider: None,
    };
    let (cards, charts, heads) = view(&range);
    assert!(
        cards[0].starts_with("Vermittelte: 41 (2025), +5 (+13,9\u{a0}%) gegenüber 2024"),
        "{}",
        cards[0]
    );
    assert_eq!(charts, [6]); // the rate has one period left: a figure, not a course
    assert_eq!(heads, [["Kennzahl", "Einheit", "2024", "2025"]]);
    // Träger 1 opened: its own figures; the programme's rate is not the provider's.
    let provider = indicators::Filter {
        provider: Some("t1".into()),
        ..range.clone()
    };
    let (cards, charts, heads) = view(&provider);
    assert_eq!(cards.len(), 1);
    assert!(
        cards[0].starts_with("Vermittelte: 12 (2025), −4 (−25,0\u{a0}%) gegenüber 2024"),
        "{}",
        cards[0]
    );
    assert_eq!(charts, [2]);
    assert_eq!(heads, [["Kennzahl", "Einheit", "2024", "2025"]]);
}

#[test]
fn a_summary_of_many_key_figures_names_the_first_and_counts_the_rest() {
    let measures: Vec<String> = (1..=12)
        .map(|i| {
            format!(
                r#"{{"id":"m{i}","label":"Kennzahl {i}","unit":"persons","values":[{{"period":"2024-11","value":{i}}},{{"period":"2024-12","value":{}}}]}}"#,
                i + 1
            )
        })
        .collect();
    let text = format!(
        r#"{{"schema":"foerderweg/occupancy@1.1","programme":{{"id":"p","label":"P"}},"indicators":[{}]}}"#,
        measures.join(",")
    );
    for (lang, more) in [
        (Lang::De, "und 9 weitere Kennzahlen"),
        (Lang::En, "and 9 more key figures"),
    ] {
        let summary = occupancy::scene(&doc(&text), lang)
            .summary
            .unwrap_or_default();
        assert!(summary.contains("Kennzahl 3:"), "{summary}");
        assert!(!summary.contains("Kennzahl 4:"), "{summary}");
        assert!(summary.contains(more), "{summary}");
    }
}
