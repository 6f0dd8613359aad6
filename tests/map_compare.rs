#![cfg(not(target_arch = "wasm32"))]
//! Two periods compared on the map, as a programme coordinator reads it: each area is coloured
//! by the change between them on a diverging scale centred at zero, its written figure carries
//! the sign, the legend names both periods, the summary and the tables say it in words; where
//! no change can be computed (a value in one period only, a suppressed value, 0 as the base of
//! a percentage, figures of two different regions) the area says why and never shows a 0.

mod atlas;
use atlas::{districts, doc, municipalities, prepared};
use foerderweg::i18n::Lang;
use foerderweg::layout::map::{ChangeKind, Comparison, MapScene, scene_compare};
use foerderweg::model::WidgetKind;
use foerderweg::model::indicator::Period;

fn period(p: &str) -> Period {
    Period::parse(p).unwrap_or_else(|| panic!("{p}"))
}

fn compared(text: &str, from: &str, to: &str, kind: ChangeKind, lang: Lang) -> MapScene {
    let d = doc(text);
    let p = prepared(&d);
    let cmp = Comparison {
        from: period(from),
        to: period(to),
        kind,
    };
    scene_compare(&d, &p, &cmp, None, 800.0, lang)
}

/// Regions of Sachsen-Anhalt with figures for two quarters: a rise, a fall, a base of 0, a
/// suppressed figure, a figure in one quarter only, no change, and a district that changed
/// its region between the quarters.
const TWO_QUARTERS: &str = r#"{"schema":"foerderweg/map@1","valueLabel":"Teilnehmende",
 "regions":[
  {"id":"old","label":"Alt","districts":["15090"],"validTo":"2017-08-14"},
  {"id":"new","label":"Neu","districts":["15090","15081"],"validFrom":"2017-08-15"},
  {"id":"up","label":"Börde","districts":["15083"]},
  {"id":"down","label":"Burgenland","districts":["15084"]},
  {"id":"zero","label":"Harz","districts":["15085"]},
  {"id":"secret","label":"Jerichower Land","districts":["15086"]},
  {"id":"late","label":"Mansfeld-Südharz","districts":["15087"]},
  {"id":"same","label":"Saalekreis","districts":["15088"]}],
 "values":[
  {"key":"old","period":"2017-Q3","value":97},
  {"key":"new","period":"2017-Q4","value":412},
  {"key":"up","period":"2017-Q3","value":120},{"key":"up","period":"2017-Q4","value":132},
  {"key":"down","period":"2017-Q3","value":200},{"key":"down","period":"2017-Q4","value":184},
  {"key":"zero","period":"2017-Q3","value":0},{"key":"zero","period":"2017-Q4","value":5},
  {"key":"secret","period":"2017-Q3","suppressed":true},{"key":"secret","period":"2017-Q4","value":40},
  {"key":"late","period":"2017-Q4","value":50},
  {"key":"same","period":"2017-Q3","value":30},{"key":"same","period":"2017-Q4","value":30}]}"#;

fn unit<'a>(s: &'a MapScene, key: &str) -> &'a foerderweg::layout::map::Unit {
    s.units
        .iter()
        .find(|u| u.key == key)
        .unwrap_or_else(|| panic!("{key} not drawn"))
}

/// The palette step of a diverging class (`fw-d0` … `fw-d6`, 3 is no change).
fn step(class: &str) -> usize {
    class
        .strip_prefix("fw-d")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a diverging class: {class}"))
}

#[test]
fn each_area_shows_its_change_with_its_sign() {
    let s = compared(
        TWO_QUARTERS,
        "2017-Q3",
        "2017-Q4",
        ChangeKind::Difference,
        Lang::De,
    );
    assert_eq!(unit(&s, "15083").value, "+12");
    assert_eq!(unit(&s, "15084").value, "−16");
    assert_eq!(unit(&s, "15085").value, "+5", "a difference from 0 is one");
    assert_eq!(unit(&s, "15088").value, "0");
    // Rises above the middle, falls below it, no change in it.
    assert!(step(&unit(&s, "15083").class) > 3);
    assert!(step(&unit(&s, "15085").class) > 3);
    assert!(step(&unit(&s, "15084").class) < 3);
    assert_eq!(step(&unit(&s, "15088").class), 3);
    // The tooltip and accessible name say both figures and the change.
    let text = &unit(&s, "15083").text;
    for part in [
        "3. Quartal 2017: 120",
        "4. Quartal 2017: 132",
        "Veränderung: +12",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    // What is written on the map is a signed change (or 0), never a figure of one period.
    let written: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
    assert!(
        written.contains(&"+12") && written.contains(&"−16"),
        "{written:?}"
    );
    for w in &written {
        assert!(
            w.starts_with('+') || w.starts_with('−') || *w == "0",
            "{written:?}"
        );
    }
}

#[test]
fn a_percentage_change_and_its_base_of_zero() {
    let s = compared(
        TWO_QUARTERS,
        "2017-Q3",
        "2017-Q4",
        ChangeKind::Percent,
        Lang::De,
    );
    assert_eq!(unit(&s, "15083").value, "+10,0\u{202f}%");
    assert_eq!(unit(&s, "15084").value, "−8,0\u{202f}%");
    let zero = unit(&s, "15085");
    assert_eq!(zero.class, "fw-nocompare");
    assert!(
        zero.value.contains("kein Vergleich möglich") && zero.value.contains("Ausgangswert 0"),
        "{}",
        zero.value
    );
}

#[test]
fn no_change_is_made_up_where_there_is_none() {
    let s = compared(
        TWO_QUARTERS,
        "2017-Q3",
        "2017-Q4",
        ChangeKind::Difference,
        Lang::De,
    );
    for (key, why) in [
        ("15086", "Wert unterdrückt"),
        ("15087", "Wert nur in einem Zeitraum"),
        // Stendal belonged to "Alt" in the third quarter and to "Neu" in the fourth: two
        // regions' figures are no change of one.
        ("15090", "Programmregion geändert"),
        ("15081", "Wert nur in einem Zeitraum"),
    ] {
        let u = unit(&s, key);
        assert_eq!(u.class, "fw-nocompare", "{key}");
        assert_eq!(
            u.value,
            format!("kein Vergleich möglich ({why})"),
            "{key}: {}",
            u.text
        );
        assert!(u.text.contains(&u.value), "{}", u.text);
    }
    // Nothing that has no change is written on the map.
    assert!(
        s.labels.iter().all(|l| !l.text.contains("kein")),
        "{:?}",
        s.labels
    );
    assert!(
        s.legend
            .iter()
            .any(|e| e.class == "fw-nocompare" && e.text == "kein Vergleich möglich"),
        "{:?}",
        s.legend
    );
}

#[test]
fn the_scale_diverges_around_zero_and_the_legend_names_both_periods() {
    let s = compared(
        TWO_QUARTERS,
        "2017-Q3",
        "2017-Q4",
        ChangeKind::Difference,
        Lang::De,
    );
    assert_eq!(
        s.legend_title,
        "Veränderung Teilnehmende: 3. Quartal 2017 → 4. Quartal 2017"
    );
    let classes: Vec<&str> = s.legend.iter().map(|e| e.class.as_str()).collect();
    assert_eq!(
        classes,
        [
            "fw-d0",
            "fw-d1",
            "fw-d2",
            "fw-d3",
            "fw-d4",
            "fw-d5",
            "fw-d6",
            "fw-nocompare"
        ]
    );
    let texts: Vec<&str> = s.legend.iter().map(|e| e.text.as_str()).collect();
    // Symmetric stops: the largest change (16) is inside the scale on either side.
    assert_eq!(
        texts[..7],
        [
            "bis −20",
            "über −20 bis −10",
            "über −10 bis unter 0",
            "unverändert",
            "über 0 bis unter +10",
            "+10 bis unter +20",
            "+20 und mehr",
        ],
        "{texts:?}"
    );
    // A fall and a rise of the same size sit on mirrored steps.
    let mirrored = r#"{"schema":"foerderweg/map@1","values":[
      {"key":"15083","period":"2017","value":100},{"key":"15083","period":"2018","value":130},
      {"key":"15084","period":"2017","value":100},{"key":"15084","period":"2018","value":70}]}"#;
    let m = compared(mirrored, "2017", "2018", ChangeKind::Difference, Lang::De);
    assert_eq!(
        step(&unit(&m, "15083").class) + step(&unit(&m, "15084").class),
        6
    );
}

#[test]
fn the_summary_and_the_tables_say_it_in_words() {
    let s = compared(
        TWO_QUARTERS,
        "2017-Q3",
        "2017-Q4",
        ChangeKind::Difference,
        Lang::De,
    );
    assert!(
        s.summary.contains(
            "Teilnehmende von 3. Quartal 2017 zu 4. Quartal 2017: 2 Werte gestiegen, \
             1 gesunken, 1 unverändert; kein Vergleich möglich bei 3."
        ),
        "{}",
        s.summary
    );
    assert!(
        s.summary.contains("Veränderung: von −16 bis +12."),
        "{}",
        s.summary
    );
    let tables = s.tables(Lang::De);
    let areas = tables
        .iter()
        .find(|t| t.title == "Gebiete")
        .expect("areas table");
    let heads: Vec<&str> = areas.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        heads,
        [
            "Gebiet",
            "Schlüssel",
            "Programmregion",
            "3. Quartal 2017",
            "4. Quartal 2017",
            "Veränderung"
        ]
    );
    let row = |key: &str| -> Vec<String> {
        areas
            .rows
            .iter()
            .find(|r| r.cells[1].display(Lang::De) == key)
            .unwrap_or_else(|| panic!("{key}"))
            .cells[3..]
            .iter()
            .map(|c| c.display(Lang::De))
            .collect()
    };
    assert_eq!(row("15083"), ["120", "132", "+12"]);
    assert_eq!(
        row("15086"),
        [
            "unterdrückt",
            "40",
            "kein Vergleich möglich (Wert unterdrückt)"
        ]
    );
    // The CSV holds the change as a number a spreadsheet reads, and nothing for no change.
    let change = |key: &str| {
        areas
            .rows
            .iter()
            .find(|r| r.cells[1].display(Lang::De) == key)
            .map(|r| r.cells[5].csv(Lang::De))
    };
    assert_eq!(change("15084").as_deref(), Some("-16"));
    assert_eq!(change("15083").as_deref(), Some("12"));
    assert_eq!(change("15086").as_deref(), Some(""));
    let regions = tables
        .iter()
        .find(|t| t.title == "Programmregionen")
        .expect("regions table");
    let last = regions.columns.last().map(|c| c.label.as_str());
    assert_eq!(last, Some("Veränderung"));
}

#[test]
fn in_english() {
    let s = compared(
        TWO_QUARTERS,
        "2017-Q3",
        "2017-Q4",
        ChangeKind::Percent,
        Lang::En,
    );
    assert_eq!(unit(&s, "15084").value, "−8.0%");
    assert_eq!(
        unit(&s, "15085").value,
        "no comparison possible (base value 0)"
    );
    assert_eq!(
        s.legend_title,
        "Change in Teilnehmende (%): Q3 2017 → Q4 2017"
    );
    assert!(
        s.summary
            .contains("Teilnehmende from Q3 2017 to Q4 2017: 1 figure up, 1 down"),
        "{}",
        s.summary
    );
}

#[test]
fn the_sample_compares_quarters_of_one_region_only() {
    let sachsen = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/map-sachsen.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    // Dresden's region: 405 in the fourth quarter of 2017, 412 in the first of 2018.
    let s = compared(
        &sachsen,
        "2017-Q4",
        "2018-Q1",
        ChangeKind::Difference,
        Lang::De,
    );
    assert_eq!(unit(&s, "14612").value, "+7");
    assert!(unit(&s, "14523").value.contains("Wert unterdrückt"));
    // In the third quarter Dresden belonged to another region: no change to show.
    let s = compared(
        &sachsen,
        "2017-Q3",
        "2018-Q1",
        ChangeKind::Difference,
        Lang::De,
    );
    assert!(
        unit(&s, "14612").value.contains("Programmregion geändert"),
        "{}",
        unit(&s, "14612").value
    );
    assert_eq!(unit(&s, "14713").value, "−5", "Leipzig: 376 → 371");
}

#[test]
fn a_comparison_is_read_from_two_periods() {
    let c = Comparison::parse(" 2017-Q3  2018-Q1 ", ChangeKind::Percent);
    assert_eq!(
        c,
        Some(Comparison {
            from: period("2017-Q3"),
            to: period("2018-Q1"),
            kind: ChangeKind::Percent
        })
    );
    assert_eq!(Comparison::parse("2017-Q3", ChangeKind::Difference), None);
    assert_eq!(
        Comparison::parse("2017-Q3 morgen", ChangeKind::Difference),
        None
    );
    // The attribute may say how.
    assert_eq!(
        Comparison::parse("2017-Q3 2018-Q1 percent", ChangeKind::Difference).map(|c| c.kind),
        Some(ChangeKind::Percent)
    );
    assert_eq!(
        Comparison::parse("2017-Q3 2018-Q1 sometimes", ChangeKind::Difference),
        None
    );
}

#[test]
fn the_audit_compares_every_area_of_a_document_with_periods() {
    // What the fuzz target and the property tests check for any document: compared, every
    // area is drawn with a change or says why there is none.
    for (text, lang) in [(TWO_QUARTERS.to_string(), Lang::De), (sachsen(), Lang::En)] {
        let a = foerderweg::audit::audit(
            WidgetKind::Map,
            &text,
            Some(districts()),
            Some(municipalities()),
            lang,
        );
        let t = a
            .tallies
            .iter()
            .find(|t| t.what == "values[] compared")
            .expect("a comparison tally");
        assert!(t.given > 0 && t.shown == t.given, "{a:?}");
        assert!(a.lost().is_empty(), "{:?}", a.lost());
    }
}

fn sachsen() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/map-sachsen.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
}
