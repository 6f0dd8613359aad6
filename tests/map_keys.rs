#![cfg(not(target_arch = "wasm32"))]
//! Map keys as hosts send them: a figure keyed by a 12-digit ARS, with spaces, by a Land's key,
//! twice for one area or for a district drawn as its municipalities reaches the area it names
//! (its colour, tooltip, table view and CSV), or is named in a warning with its path.

use foerderweg::check::{Diagnostic, Document, check};
use foerderweg::geo::{Atlas, codec};
use foerderweg::i18n::Lang;
use foerderweg::layout::map::{Geometry, MapScene, Unit, needs_municipalities, prepare, scene};
use foerderweg::layout::table::Cell;
use foerderweg::model::WidgetKind;
use std::sync::OnceLock;

fn districts() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| codec::decode(include_bytes!("../assets/geo/districts.fwg")).unwrap())
}

fn municipalities() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        codec::decode(include_bytes!("../assets/geo/municipalities-14-15.fwg")).unwrap()
    })
}

/// The scene a widget shows for `body` (the values, regions, … of a map document), with every
/// warning of the check and of resolving the keys.
fn map(body: &str) -> (MapScene, Vec<Diagnostic>) {
    let text = format!(r#"{{"schema":"foerderweg/map@1",{body}}}"#);
    let checked = check(WidgetKind::Map, &text);
    let Some(Document::Map(doc)) = &checked.document else {
        panic!("not drawn: {:?}", checked.diagnostics)
    };
    let (areas, host) = match &checked.host_atlas {
        Some(atlas) => (&**atlas, true),
        None => (districts(), false),
    };
    let geo = Geometry {
        areas,
        municipalities: (needs_municipalities(doc)).then(municipalities),
        host,
    };
    let prepared = prepare(doc, geo);
    let scene = scene(doc, &prepared, prepared.initial, None, 800.0, Lang::De);
    let mut diagnostics = checked.diagnostics.clone();
    diagnostics.extend(prepared.diagnostics.iter().cloned());
    (scene, diagnostics)
}

fn unit<'a>(scene: &'a MapScene, key: &str) -> &'a Unit {
    scene
        .units
        .iter()
        .find(|u| u.key == key)
        .unwrap_or_else(|| panic!("{key} not drawn"))
}

fn found(diagnostics: &[Diagnostic]) -> Vec<(&str, &'static str)> {
    diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.problem.code()))
        .collect()
}

/// The areas table's CSV as the export writes it.
fn areas_csv(scene: &MapScene) -> String {
    let tables = scene.tables(Lang::De);
    tables
        .iter()
        .find(|t| t.title == Lang::De.texts().map.areas_title)
        .map(|t| t.csv(Lang::De))
        .unwrap_or_default()
}

#[test]
fn a_figure_keyed_by_a_12_digit_ars_colours_its_district() {
    let (scene, diagnostics) = map(r#""values":[{"key":"150900000000","value":412}]"#);
    let stendal = unit(&scene, "15090");
    assert_eq!(stendal.figure, Cell::Number(412.0, 0));
    assert!(stendal.text.ends_with("Wert: 412"), "{}", stendal.text);
    assert!(stendal.class.starts_with("fw-c"), "{}", stendal.class);
    assert!(
        areas_csv(&scene).ends_with("\r\nStendal;15090;keiner Programmregion zugeordnet;412\r\n"),
        "{}",
        areas_csv(&scene)
    );
    assert_eq!(scene.labels.len(), 1, "the figure is written on the map");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn a_figure_keyed_with_spaces_colours_its_district() {
    let (scene, diagnostics) =
        map(r#""values":[{"key":" 15090 ","value":412},{"key":"15086\t","suppressed":true}]"#);
    assert_eq!(unit(&scene, "15090").figure, Cell::Number(412.0, 0));
    assert_eq!(unit(&scene, "15086").figure, Cell::Suppressed);
    assert_eq!(unit(&scene, "15086").class, "fw-suppressed");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn a_region_figure_keyed_with_spaces_reaches_its_region() {
    let (scene, _) = map(
        r#""regions":[{"id":"nord","label":"Nord","districts":["15090"]}],
           "values":[{"key":"nord ","value":7}]"#,
    );
    assert_eq!(unit(&scene, "15090").figure, Cell::Number(7.0, 0));
    assert_eq!(scene.regions[0].value, Cell::Number(7.0, 0));
}

#[test]
fn a_municipality_figure_keyed_by_its_ars_colours_the_municipality() {
    let (scene, diagnostics) = map(
        r#""regions":[{"id":"a","label":"A","districts":["14628010"]}],
           "values":[{"key":"146280000010","value":3}]"#,
    );
    assert_eq!(unit(&scene, "14628010").figure, Cell::Number(3.0, 0));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn a_district_figure_reaches_the_municipalities_it_is_drawn_as() {
    // A region names one municipality of 14628, so that district is drawn as its
    // municipalities; the district's own figure colours those without one of their own and is
    // written once.
    let (scene, diagnostics) = map(
        r#""regions":[{"id":"a","label":"A","districts":["14628010"]}],
           "values":[{"key":"14628","value":5},{"key":"14628020","value":9}]"#,
    );
    let parts: Vec<&Unit> = scene
        .units
        .iter()
        .filter(|u| u.key.starts_with("14628"))
        .collect();
    assert!(parts.len() > 2, "{}", parts.len());
    for u in &parts {
        let own = if u.key == "14628020" { 9.0 } else { 5.0 };
        assert_eq!(u.figure, Cell::Number(own, 0), "{}", u.key);
    }
    let fives = scene.labels.iter().filter(|l| l.text == "5").count();
    assert!(fives <= 1, "the district's figure is written {fives} times");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn a_land_key_is_a_warning_with_its_path() {
    let (scene, diagnostics) = map(
        r#""values":[{"key":"15090","value":1},{"key":"15","value":2000},{"key":"99","value":3}]"#,
    );
    assert_eq!(
        found(&diagnostics),
        [
            ("values[1].key", "land-key"),
            ("values[2].key", "unknown-area")
        ]
    );
    let land = diagnostics
        .iter()
        .find(|d| d.problem.code() == "land-key")
        .unwrap();
    assert_eq!(
        land.message(Lang::De),
        "„15“ ist der Schlüssel eines ganzen Landes (Sachsen-Anhalt), nicht eines Kreises; sein Wert wird nicht eingezeichnet."
    );
    assert_eq!(
        land.message(Lang::En),
        "“15” is the key of a whole Land (Sachsen-Anhalt), not of a district; its figure is not drawn."
    );
    // The Land's figure is not drawn on any of its districts.
    assert!(
        scene
            .units
            .iter()
            .all(|u| u.figure != Cell::Number(2000.0, 0))
    );
    assert_eq!(unit(&scene, "15090").figure, Cell::Number(1.0, 0));
}

#[test]
fn a_second_figure_for_one_area_is_a_warning_naming_the_one_used() {
    let (scene, diagnostics) = map(
        r#""values":[{"key":"15090","value":1},{"key":"150900000000","value":2},
                     {"key":" 15090","suppressed":true}]"#,
    );
    assert_eq!(
        found(&diagnostics),
        [
            ("values[1].key", "duplicate-figure"),
            ("values[2].key", "duplicate-figure")
        ]
    );
    assert_eq!(
        diagnostics[0].message(Lang::De),
        "Für dieses Gebiet („150900000000“) gibt es schon einen Wert bei values[0]; gezeigt wird jener."
    );
    assert_eq!(
        diagnostics[0].message(Lang::En),
        "This area (“150900000000”) already has a figure at values[0]; that one is shown."
    );
    assert_eq!(unit(&scene, "15090").figure, Cell::Number(1.0, 0));
}

#[test]
fn a_host_key_naming_several_areas_is_a_warning_for_its_figure() {
    let square = |x: i32| {
        format!(
            "[[[{x},50],[{x}.5,50],[{x}.5,50.5],[{x},50.5],[{x},50]]]",
            x = x
        )
    };
    let feature = |id: &str, x: i32| {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{id}"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#,
            square(x)
        )
    };
    let body = format!(
        r#""geometry":{{"idProperty":"id","data":{{"type":"FeatureCollection","features":[{},{}]}}}},
           "values":[{{"key":" A1 ","value":4}},{{"key":"A","value":8}}]"#,
        feature("A1", 10),
        feature("A2", 12)
    );
    let (scene, diagnostics) = map(&body);
    assert_eq!(unit(&scene, "A1").figure, Cell::Number(4.0, 0));
    assert_eq!(found(&diagnostics), [("values[1].key", "many-areas")]);
}

#[test]
fn kinds_are_read_trimmed_and_an_unknown_one_is_named() {
    // "equal " is the equal-interval scale, not an unknown kind drawn as quantiles.
    let (scene, diagnostics) = map(r#""scale":{"kind":"equal ","classes":2},
           "values":[{"key":"15090","value":1},{"key":"15082","value":6},{"key":"15081","value":10}],
           "markers":[{"id":"a","kind":" office","label":"Büro","lon":11.86,"lat":52.6},
                      {"id":"b","kind":"Beratungsstelle","label":"B","lon":11.7,"lat":52.5}]"#);
    let legend: Vec<&str> = scene.legend.iter().map(|e| e.text.as_str()).collect();
    // The break 5.5 between 1 and 10 is written as the whole figures are, without changing a
    // class: 6 is "über 5", as the legend says (it said "über 6" of 6).
    assert_eq!(legend, ["bis 5", "über 5"]);
    assert_eq!(unit(&scene, "15082").class, unit(&scene, "15081").class);
    assert_ne!(unit(&scene, "15082").class, unit(&scene, "15090").class);
    assert_eq!(found(&diagnostics), [("markers[1].kind", "unknown-kind")]);
    assert_eq!(scene.markers[0].kind, "office");
}

#[test]
fn a_key_that_lost_its_leading_zero_in_a_spreadsheet_is_still_read() {
    // Spreadsheets store keys as numbers: 01001 Flensburg becomes 1001, 09162 München 9162, the
    // AGS 01001000 becomes 1001000 and the ARS 091620000000 becomes 91620000000.
    let (scene, diagnostics) = map(r#""regions":[{"id":"s","label":"S","districts":["9162"]}],
           "values":[{"key":"1001","value":4},{"key":"91620000000","value":8},{"key":"1","value":9}]"#);
    assert_eq!(unit(&scene, "01001").figure, Cell::Number(4.0, 0));
    assert_eq!(unit(&scene, "09162").figure, Cell::Number(8.0, 0));
    assert_eq!(found(&diagnostics), [("values[2].key", "land-key")]);
}
