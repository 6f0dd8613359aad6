#![cfg(not(target_arch = "wasm32"))]
//! The map over time, as a programme coordinator reads it: figures for periods move with the
//! date control together with the regions in force; offices that closed leave the map on the
//! day after; the summary speaks of the day shown; the first step "bis …" says it stands for
//! all the time up to the first change; figures written on the map never sit under a marker.

mod atlas;
use atlas::{doc, prepared};
use foerderweg::check::check;
use foerderweg::i18n::Lang;
use foerderweg::layout::map::{MapScene, Prepared, scene};
use foerderweg::model::WidgetKind;
use foerderweg::model::common::Day;
use foerderweg::model::regions::MapDoc;

fn on(doc: &MapDoc, p: &Prepared, day: &str, width: f64) -> MapScene {
    let day = Day(day.parse().unwrap_or_else(|e| panic!("{day}: {e}")));
    scene(doc, p, Some(day), None, width, Lang::De)
}

fn sachsen() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/map-sachsen.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Two regions one after the other, a region for all time, figures by quarter, and an office
/// that closed.
const OVER_TIME: &str = r#"{"schema":"foerderweg/map@1","valueLabel":"Teilnehmende",
 "regions":[
  {"id":"old","label":"Alt","districts":["15090"],"validTo":"2017-08-14"},
  {"id":"new","label":"Neu","districts":["15090","15081"],"validFrom":"2017-08-15"},
  {"id":"always","label":"Immer","districts":["15083"]}],
 "values":[
  {"key":"old","period":"2017-Q3","value":97},
  {"key":"new","period":"2017-Q3","value":150},
  {"key":"new","period":"2017-Q4","value":412},
  {"key":"always","period":"2017-Q3","value":120},
  {"key":"always","period":"2017-Q4","value":130}],
 "markers":[
  {"id":"o1","kind":"office","label":"Büro Alt","lon":11.86,"lat":52.6,"validTo":"2017-08-14"},
  {"id":"o2","kind":"office","label":"Büro Neu","lon":11.86,"lat":52.6,"validFrom":"2017-08-15"}]}"#;

fn figure_of<'a>(scene: &'a MapScene, key: &str) -> &'a str {
    scene
        .units
        .iter()
        .find(|u| u.key == key)
        .map(|u| u.value.as_str())
        .unwrap_or_else(|| panic!("{key} not drawn"))
}

#[test]
fn the_date_moves_figures_and_regions_together() {
    let d = doc(OVER_TIME);
    let p = prepared(&d);
    // The change days: the quarters' first days and the day after the old region ends.
    let days: Vec<String> = p.dates.iter().map(|d| d.0.to_string()).collect();
    assert_eq!(days, ["2017-07-01", "2017-08-15", "2017-10-01"], "{days:?}");
    let july = on(&d, &p, "2017-07-01", 800.0);
    assert_eq!(
        figure_of(&july, "15090"),
        "97",
        "the old region's Q3 figure"
    );
    assert_eq!(figure_of(&july, "15083"), "120");
    let august = on(&d, &p, "2017-08-15", 800.0);
    assert_eq!(
        figure_of(&august, "15090"),
        "150",
        "the new region's Q3 figure"
    );
    assert_eq!(figure_of(&august, "15081"), "150");
    let october = on(&d, &p, "2017-10-01", 800.0);
    assert_eq!(figure_of(&october, "15090"), "412");
    assert_eq!(figure_of(&october, "15083"), "130");
    // One colour scale for all dates: the same class for the same figure on every day.
    let class = |s: &MapScene, key: &str| {
        s.units
            .iter()
            .find(|u| u.key == key)
            .map(|u| u.class.clone())
    };
    assert_ne!(class(&july, "15090"), class(&october, "15090"));
    // The summary's range is that of the figures shown on the day.
    assert!(
        october.summary.contains("von 130 bis 412"),
        "{}",
        october.summary
    );
    assert!(july.summary.contains("von 97 bis 120"), "{}", july.summary);
}

#[test]
fn a_table_has_a_column_per_period() {
    let d = doc(OVER_TIME);
    let p = prepared(&d);
    let s = on(&d, &p, "2017-10-01", 800.0);
    assert_eq!(s.periods, ["3. Quartal 2017", "4. Quartal 2017"]);
    let tables = s.tables(Lang::De);
    let regions = &tables[0];
    let heads: Vec<&str> = regions.columns.iter().map(|c| c.label.as_str()).collect();
    // Short heads: the period alone, not the figure's name again in every column.
    assert_eq!(
        heads[heads.len() - 2..],
        ["3. Quartal 2017", "4. Quartal 2017"],
        "{heads:?}"
    );
    let row = |label: &str| -> Vec<String> {
        regions
            .rows
            .iter()
            .find(|r| r.cells[0].display(Lang::De) == label)
            .map(|r| r.cells.iter().map(|c| c.display(Lang::De)).collect())
            .unwrap_or_else(|| panic!("{label}"))
    };
    let old = row("Alt");
    // No figure for a region in a period it did not exist in: an empty cell.
    assert_eq!(&old[old.len() - 2..], ["97", ""]);
    let new = row("Neu");
    assert_eq!(&new[new.len() - 2..], ["150", "412"]);
    let csv = regions.csv(Lang::De);
    assert!(csv.contains(";4. Quartal 2017"), "{csv}");
}

#[test]
fn an_office_that_closed_leaves_the_map_the_day_after() {
    let d = doc(OVER_TIME);
    let p = prepared(&d);
    let names = |s: &MapScene| {
        s.markers
            .iter()
            .filter(|m| m.visible)
            .map(|m| m.label.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&on(&d, &p, "2017-08-14", 800.0)), ["Büro Alt"]);
    assert_eq!(names(&on(&d, &p, "2017-08-15", 800.0)), ["Büro Neu"]);
    let s = on(&d, &p, "2017-08-15", 800.0);
    assert!(s.summary.contains("1 Standort"), "{}", s.summary);
    // Both are listed in the table, with when they were open.
    let markers = s
        .tables(Lang::De)
        .pop()
        .unwrap_or_else(|| panic!("no tables"));
    let rows: Vec<Vec<String>> = markers
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.display(Lang::De)).collect())
        .collect();
    let closed: Vec<String> = ["Büro Alt", "Regionalbüro", "offen – 14.08.2017", "nein"]
        .map(String::from)
        .to_vec();
    assert!(rows.contains(&closed), "{rows:?}");
}

#[test]
fn the_first_step_before_any_change_reads_until() {
    // The sample without periods: its first step is the time before the regions changed.
    let mut raw: serde_json::Value = serde_json::from_str(&sachsen()).unwrap_or_default();
    raw["values"] = serde_json::json!([]);
    let d = doc(&raw.to_string());
    let p = prepared(&d);
    let first = p.dates[0];
    assert_eq!(p.date_label(first, Lang::De), "bis 14.08.2017");
    assert_eq!(p.date_label(first, Lang::En), "until 2017-08-14");
    assert_eq!(p.date_label(p.dates[1], Lang::De), "15.08.2017");
    let s = scene(&d, &p, Some(first), None, 800.0, Lang::De);
    assert_eq!(s.date.as_deref(), Some("bis 14.08.2017"));
}

#[test]
fn the_summary_speaks_of_the_regions_in_force_on_the_day() {
    let d = doc(&sachsen());
    let p = prepared(&d);
    let s = scene(&d, &p, p.initial, None, 800.0, Lang::De);
    // Meißen's 97 belongs to a region that ended on 30.09.2017.
    assert!(!s.summary.contains("97"), "{}", s.summary);
}

#[test]
fn no_figure_is_written_under_a_marker_at_any_width_or_date() {
    let d = doc(&sachsen());
    let p = prepared(&d);
    let mut checked = 0;
    for width in [320.0, 360.0, 375.0, 480.0, 640.0, 800.0, 960.0, 1200.0] {
        for day in p.dates.iter().copied() {
            let s = scene(&d, &p, Some(day), None, width, Lang::De);
            for l in &s.labels {
                let w = l.text.chars().count() as f64 * 7.5 / 2.0;
                let label = [l.x - w, l.y - 11.0, l.x + w, l.y + 2.0];
                for m in s.markers.iter().filter(|m| m.visible) {
                    let pin = [m.x - 7.0, m.y - 7.0, m.x + 7.0, m.y + 7.0];
                    let apart = label[2] <= pin[0]
                        || pin[2] <= label[0]
                        || label[3] <= pin[1]
                        || pin[3] <= label[1];
                    assert!(
                        apart,
                        "at {width} px on {day:?}: \"{}\" under {}",
                        l.text, m.label
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn one_area_may_have_a_figure_per_period_but_not_two_in_one() {
    let text = |second: &str| {
        format!(
            r#"{{"schema":"foerderweg/map@1","values":[{{"key":"15090","period":"2017-Q3","value":1}},{{"key":"15090","period":"{second}","value":2}}]}}"#
        )
    };
    let codes = |t: &str| -> Vec<&'static str> {
        check(WidgetKind::Map, t)
            .diagnostics
            .iter()
            .map(|d| d.problem.code())
            .collect()
    };
    assert!(!codes(&text("2017-Q4")).contains(&"duplicate-figure"));
    let twice = check(WidgetKind::Map, &text("2017-Q3"));
    assert!(
        twice.diagnostics.iter().any(|d| d.path == "values[1].key"),
        "{:?}",
        twice.diagnostics
    );
}

#[test]
fn no_marker_label_covers_another_markers_target() {
    for name in ["map-sachsen", "map-mentoren", "map-regio-aktiv"] {
        let text = std::fs::read_to_string(format!(
            "{}/www/data/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let d = doc(&text);
        let p = prepared(&d);
        let days: Vec<Option<Day>> = if p.dates.is_empty() {
            vec![p.initial]
        } else {
            p.dates.iter().copied().map(Some).collect()
        };
        for width in [320.0, 360.0, 375.0, 480.0, 640.0, 800.0, 960.0, 1200.0] {
            for &day in &days {
                let s = scene(&d, &p, day, None, width, Lang::De);
                let drawn: Vec<_> = s.markers.iter().filter(|m| m.visible).collect();
                for m in &drawn {
                    let Some((x, y, anchor)) = m.label_at else {
                        continue;
                    };
                    let w = m.label.chars().count() as f64 * 6.6;
                    let (l, r) = match anchor {
                        "start" => (x, x + w),
                        "end" => (x - w, x),
                        _ => (x - w / 2.0, x + w / 2.0),
                    };
                    let label = [l, y - 10.0, r, y + 2.0];
                    for other in drawn.iter().filter(|o| o.id != m.id) {
                        let pin = [
                            other.x - 12.0,
                            other.y - 12.0,
                            other.x + 12.0,
                            other.y + 12.0,
                        ];
                        let apart = label[2] <= pin[0]
                            || pin[2] <= label[0]
                            || label[3] <= pin[1]
                            || pin[3] <= label[1];
                        assert!(
                            apart,
                            "{name} at {width} px on {day:?}: the label of {} covers {}",
                            m.label, other.label
                        );
                    }
                }
            }
        }
    }
}
