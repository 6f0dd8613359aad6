#![cfg(not(target_arch = "wasm32"))]
//! The CSV export of a table view: no field a spreadsheet would evaluate, whether it comes from
//! the data, a host's label or a figure.

use foerderweg::check::{Document, check};
use foerderweg::geo::codec;
use foerderweg::i18n::Lang;
use foerderweg::layout::map::{Geometry, prepare, scene};
use foerderweg::model::WidgetKind;

#[test]
fn a_host_label_for_a_suppressed_map_cell_is_defused_in_the_csv() {
    let labels = serde_json::json!({ "map.suppressed": "=1+1", "map.no_region": "+region" });
    assert!(Lang::De.set_labels(labels.as_object().unwrap()).is_empty());
    let text = serde_json::json!({
        "schema": "foerderweg/map@1",
        "valueLabel": "-Teilnehmende",
        "values": [{"key": "15090", "suppressed": true}, {"key": "15086", "value": -3}]
    })
    .to_string();
    let Some(Document::Map(doc)) = check(WidgetKind::Map, &text).document else {
        panic!("drawn")
    };
    let atlas = codec::decode(include_bytes!("../assets/geo/districts.fwg")).unwrap();
    let geo = Geometry {
        areas: &atlas,
        municipalities: None,
        host: false,
    };
    let prepared = prepare(&doc, geo);
    let s = scene(&doc, &prepared, prepared.initial, None, 800.0, Lang::De);
    let tables = s.tables(Lang::De);
    let csv = tables.last().unwrap().csv(Lang::De);
    Lang::De.set_labels(&serde_json::Map::new());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "\u{feff}Gebiet;Schlüssel;Programmregion;'-Teilnehmende;'-Teilnehmende (Status)",
            "Jerichower Land;15086;'+region;-3;",
            "Stendal;15090;'+region;;'=1+1",
            ""
        ]
    );
}
