//! `<foerderweg-map>` in headless Chromium with the built-in geometry: the samples render,
//! the date control moves Meißen into the merged region on 01.10.2017, the keyboard reaches
//! every district, and `foerderweg-select` carries the district key.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const MENTORS: &str = include_str!("../www/data/map-mentoren.json");
const REGIO: &str = include_str!("../www/data/map-regio-aktiv.json");

/// The test runner serves no `geo/` folder: hand the files over as a host with a bundler would.
fn geometry() {
    foerderweg::load_geometry("districts", include_bytes!("../assets/geo/districts.fwg"))
        .expect("districts decode");
    foerderweg::load_geometry(
        "municipalities",
        include_bytes!("../assets/geo/municipalities-14-15.fwg"),
    )
    .expect("municipalities decode");
}

async fn map(doc: &str) -> HtmlElement {
    geometry();
    let el = element("foerderweg-map");
    el.style().set_property("width", "800px").expect("width");
    set_prop(&el, "data", &json_object(doc));
    attach(&el);
    assert!(
        until(|| shadow_query(&el, ".fw-units path").is_some()).await,
        "the map draws its areas"
    );
    settle().await;
    el
}

fn all(host: &Element, selector: &str) -> Vec<Element> {
    shadow_all(host, selector)
}

fn area<'a>(areas: &'a [Element], key: &str) -> &'a Element {
    areas
        .iter()
        .find(|a| a.get_attribute("data-fw-select").as_deref() == Some(key))
        .unwrap_or_else(|| panic!("area {key} drawn"))
}

#[wasm_bindgen_test]
async fn the_samples_render_with_legend_table_and_attribution() {
    for (doc, title, areas) in [
        (MAP, "JobPerspektive Sachsen: Programmregionen", 65),
        (
            MENTORS,
            "Arbeitsmarktmentoren für Geflüchtete in Sachsen",
            65,
        ),
        (
            REGIO,
            "REGIO AKTIV in Sachsen-Anhalt: Förderbereiche je Landkreis",
            14,
        ),
    ] {
        let el = map(doc).await;
        assert_eq!(shadow_text(&el, ".fw-title"), title);
        assert_eq!(all(&el, ".fw-units .fw-unit").len(), areas, "{title}");
        // Every area has a path and an accessible name with its key.
        for a in all(&el, ".fw-units .fw-unit") {
            let key = a.get_attribute("data-fw-select").expect("key");
            let shape = a.query_selector("path").ok().flatten().expect("a path");
            assert!(shape.get_attribute("d").is_some_and(|d| d.starts_with('M')));
            assert!(
                a.get_attribute("aria-label")
                    .is_some_and(|l| l.contains(&key))
            );
        }
        assert!(!all(&el, ".fw-outline").is_empty(), "region outlines");
        assert!(!all(&el, ".fw-map-legend li").is_empty(), "a legend");
        assert!(
            shadow_text(&el, ".fw-attribution")
                .contains("© GeoBasis-DE / BKG 2016, Daten verändert")
        );
        assert!(
            shadow_query(&el, ".fw-panel").is_none(),
            "{title}: no diagnostics"
        );
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn the_date_control_moves_meissen_into_the_merged_region() {
    let el = map(MAP).await;
    let meissen = |el: &HtmlElement| {
        all(el, ".fw-units .fw-unit")
            .iter()
            .find(|a| a.get_attribute("data-fw-select").as_deref() == Some("14627"))
            .and_then(|a| a.get_attribute("aria-label"))
            .unwrap_or_default()
    };
    assert!(
        meissen(&el)
            .contains("Programmregion: Dresden / Sächsische Schweiz-Osterzgebirge / Meißen"),
        "{}",
        meissen(&el)
    );
    // Two steps back (the fourth quarter's figures, then the assignment before 01.10.2017).
    // The controls are written again with each day: each click finds the button anew.
    let earlier =
        |el: &HtmlElement| shadow_query(el, ".fw-map-date button").expect("earlier button");
    earlier(&el).unchecked_ref::<HtmlElement>().click();
    assert!(until(|| shadow_text(&el, ".fw-asof") == "Stand der Zuordnung: 01.10.2017").await);
    earlier(&el).unchecked_ref::<HtmlElement>().click();
    assert!(
        until(|| meissen(&el).contains("Programmregion: Meißen ·")).await,
        "{}",
        meissen(&el)
    );
    assert_eq!(
        shadow_text(&el, ".fw-asof"),
        "Stand der Zuordnung: 15.08.2017"
    );
    // Before 15.08.2017 the former Landkreis Döbeln is a region of its own (municipalities).
    let select = shadow_query(&el, "[data-fw-control='date']").expect("date select");
    choose(&select, "2017-07-01");
    let doebeln = |el: &HtmlElement| {
        all(el, ".fw-units .fw-unit")
            .iter()
            .find(|a| a.get_attribute("data-fw-select").as_deref() == Some("14522080"))
            .and_then(|a| a.get_attribute("aria-label"))
            .unwrap_or_default()
    };
    assert!(
        until(|| doebeln(&el).contains("Ehemaliger Landkreis Döbeln")).await,
        "{}",
        doebeln(&el)
    );
    // And forward again to the merged region.
    let select = shadow_query(&el, "[data-fw-control='date']").expect("date select");
    choose(&select, "2017-10-01");
    assert!(until(|| meissen(&el).contains("Sächsische Schweiz-Osterzgebirge / Meißen")).await);
    let outlines: Vec<_> = all(&el, ".fw-outline")
        .iter()
        .filter_map(|o| o.get_attribute("data-fw-region"))
        .collect();
    assert!(outlines.contains(&"dd-soe-mei".to_string()) && !outlines.contains(&"mei".to_string()));
    el.remove();
}

fn focused_key(el: &HtmlElement) -> Option<String> {
    el.shadow_root()?
        .active_element()?
        .get_attribute("data-fw-select")
}

#[wasm_bindgen_test]
async fn the_keyboard_reaches_every_district_and_selects_it() {
    let el = map(REGIO).await;
    let areas = all(&el, ".fw-units .fw-unit");
    assert_eq!(areas.len(), 14);
    // One tab stop: only the first area is in the tab order.
    let stops: Vec<_> = areas
        .iter()
        .filter(|a| a.get_attribute("tabindex").as_deref() == Some("0"))
        .collect();
    assert_eq!(stops.len(), 1);
    focus(stops[0]);
    let mut reached = std::collections::BTreeSet::new();
    reached.insert(focused_key(&el).expect("focused"));
    let svg = shadow_query(&el, ".fw-map__svg").expect("svg");
    for _ in 0..areas.len() + 5 {
        let target = el
            .shadow_root()
            .and_then(|r| r.active_element())
            .unwrap_or(svg.clone());
        press(&target, "ArrowRight");
        sleep(5).await;
        if let Some(k) = focused_key(&el) {
            reached.insert(k);
        }
    }
    let districts: std::collections::BTreeSet<_> = areas
        .iter()
        .filter_map(|a| a.get_attribute("data-fw-select"))
        .collect();
    assert!(districts.is_subset(&reached), "reached {reached:?}");
    // Markers follow the areas in the same order.
    assert!(reached.contains("jc-stendal"));
    // A tooltip names what has focus.
    assert!(!shadow_text(&el, ".fw-tooltip").is_empty());

    // Enter on Stendal sends its district key.
    let events = Events::on(&el);
    let stendal = area(&areas, "15090");
    focus(stendal);
    press(stendal, "Enter");
    assert!(
        until(|| !events.named("foerderweg-select").is_empty()).await,
        "a select event"
    );
    let detail: serde_json::Value =
        serde_json::from_str(&events.named("foerderweg-select")[0]).expect("detail");
    assert_eq!(detail["kind"], "map");
    assert_eq!(detail["type"], "area");
    assert_eq!(detail["id"], "15090");
    el.remove();
}

#[wasm_bindgen_test]
async fn the_table_view_lists_every_area_with_its_region_and_figure() {
    let el = map(MAP).await;
    let toggle = all(&el, ".fw-toolbar button")
        .into_iter()
        .last()
        .expect("table button");
    toggle.unchecked_ref::<HtmlElement>().click();
    assert!(until(|| shadow_query(&el, ".fw-table--areas").is_some()).await);
    let rows = all(&el, ".fw-table--areas tbody tr");
    assert_eq!(rows.len(), 65);
    let dresden = rows
        .iter()
        .find(|r| r.text_content().unwrap_or_default().contains("14612"))
        .and_then(|r| r.text_content())
        .unwrap_or_default();
    assert_eq!(
        dresden,
        // A figure per quarter: the region Dresden belonged to at each quarter's start.
        "Dresden14612Dresden / Sächsische Schweiz-Osterzgebirge / Meißen318405412"
    );
    let suppressed = rows
        .iter()
        .find(|r| r.text_content().unwrap_or_default().contains("14523"))
        .and_then(|r| r.text_content())
        .unwrap_or_default();
    assert!(suppressed.ends_with("unterdrückt"), "{suppressed}");
    assert_eq!(all(&el, ".fw-table--regions tbody tr").len(), 10);
    el.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_key_is_listed_and_the_rest_is_drawn() {
    let doc = r#"{"schema":"foerderweg/map@1","regions":[{"id":"a","label":"A","districts":["15090","15999"]}]}"#;
    let el = map(doc).await;
    assert_eq!(all(&el, ".fw-units .fw-unit").len(), 1);
    assert!(
        until(|| shadow_text(&el, ".fw-panel--warning").contains("15999")).await,
        "the unknown key is named"
    );
    assert!(shadow_text(&el, ".fw-panel--warning").contains("regions[0].districts[1]"));
    el.remove();
}

/// New figures for the same regions (a refresh) recolour the areas and rename them; a person
/// on an area keeps the focus there, with the one tab stop, and reads its new figure.
#[wasm_bindgen_test]
async fn new_figures_recolour_the_drawn_areas_and_keep_the_focus() {
    let el = map(REGIO).await;
    let before = all(&el, ".fw-units .fw-unit");
    let dessau = area(&before, "15001").clone();
    let old_class = dessau.get_attribute("class").expect("class");
    focus(&dessau);
    assert_eq!(focused_key(&el).as_deref(), Some("15001"));
    let mut doc: serde_json::Value = serde_json::from_str(REGIO).expect("sample");
    for v in doc["values"].as_array_mut().expect("values") {
        let figure = if v["key"] == "regio-15001" { 4321 } else { 1 };
        v["value"] = figure.into();
    }
    doc["title"] = "Neue Zahlen".into();
    set_prop(&el, "data", &json_object(&doc.to_string()));
    assert!(
        until(|| shadow_text(&el, ".fw-title") == "Neue Zahlen").await,
        "the new document is shown"
    );
    settle().await;
    let after = all(&el, ".fw-units .fw-unit");
    assert_eq!(after.len(), before.len());
    let now = area(&after, "15001").clone();
    let label = now.get_attribute("aria-label").expect("name");
    assert!(label.contains("4.321"), "the new figure is named: {label}");
    assert_ne!(now.get_attribute("class").expect("class"), old_class);
    assert_eq!(
        focused(&el).as_ref(),
        Some(&now),
        "the focus stays on Dessau"
    );
    let stops: Vec<_> = after
        .iter()
        .filter(|a| a.get_attribute("tabindex").as_deref() == Some("0"))
        .filter_map(|a| a.get_attribute("data-fw-select"))
        .collect();
    assert_eq!(stops, ["15001"], "the tab stop stays with it");
    // The next area is one arrow away, as before the refresh.
    press(&now, "ArrowRight");
    assert!(
        until(|| focused_key(&el).is_some_and(|k| k != "15001")).await,
        "the arrows go on from the focused area"
    );
    el.remove();
}
