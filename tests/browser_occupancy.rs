//! `<foerderweg-occupancy>` in headless Chromium: the published Stendal figures in the key
//! figures, the report table and the tooltips; keyboard access to every point and bar;
//! reflow with the container's width; `foerderweg-select` from provider and project bars.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn dashboard(doc: &str, width: Option<u32>) -> HtmlElement {
    let el = element("foerderweg-occupancy");
    if let Some(w) = width {
        el.style()
            .set_property("width", &format!("{w}px"))
            .expect("width");
    }
    set_prop(&el, "data", &json_object(doc));
    attach(&el);
    assert!(
        until(|| shadow_query(&el, ".fw-figures").is_some()).await,
        "the dashboard renders"
    );
    settle().await;
    el
}

#[wasm_bindgen_test]
async fn stendal_shows_the_published_figures() {
    let el = dashboard(OCCUPANCY, Some(900)).await;
    let labels = texts(&el, ".fw-figure__label");
    let values = texts(&el, ".fw-figure__value");
    let pairs: Vec<(&str, &str)> = labels
        .iter()
        .map(String::as_str)
        .zip(values.iter().map(String::as_str))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Einsatzstellen", "113"),
            ("Projekte", "42"),
            ("Träger", "7"),
            ("Besetzt", "111"),
            ("Besetzungsquote", "98,2\u{202f}%"),
            ("Frei", "0"),
            ("Geplante Besetzungen", "2"),
            ("Vorzeitige Beendigungen", "17"),
        ]
    );
    let changes = texts(&el, ".fw-figure--filled .fw-change");
    assert_eq!(changes, ["▲ +3 seit 23.10.2018"]);
    assert_eq!(
        shadow_text(&el, ".fw-summary"),
        "Stand 01.12.2018: 111 von 113 Einsatzstellen besetzt (98,2\u{202f}%), 2 Besetzungen geplant, 17 vorzeitige Beendigungen. 42 Projekte, 7 Träger."
    );
    // The report table, laid out as published: a column per reporting date.
    let heads = texts(&el, ".fw-table--report thead th");
    assert_eq!(
        heads,
        [
            "Stand bis",
            "21.02.2018",
            "08.05.2018",
            "04.07.2018",
            "28.08.2018",
            "23.10.2018",
            "01.12.2018"
        ]
    );
    let rows: Vec<String> = shadow_all(&el, ".fw-table--report tbody tr")
        .iter()
        .map(|tr| {
            let cells = tr.query_selector_all("th, td").expect("cells");
            (0..cells.length())
                .filter_map(|i| cells.item(i)?.text_content())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Profilings 179 241 267 287 296 302",
            "Aufgenommene Teilnehmende 117 146 156 170 177 181",
            "Folgegespräche 39 102 237 368 498 605",
            "Besetzte Einsatzstellen – 85 94 99 108 111",
            "Geplante Besetzungen – 11 2 7 2 2",
            "Vorzeitige Beendigungen – 4 11 16 16 17",
        ]
    );
    let reference = shadow_text(&el, ".fw-chart--slots .fw-reference text");
    assert_eq!(reference, "113 Einsatzstellen");
    el.remove();
}

/// Walks a chart with the arrow keys from its first point; returns every point label reached.
async fn walk(el: &Element, chart: &str) -> Vec<String> {
    let svg = shadow_query(el, &format!(".fw-chart--{chart} .fw-svg")).expect("chart");
    let first =
        shadow_query(el, &format!(".fw-chart--{chart} [tabindex='0']")).expect("one tab stop");
    focus(&first);
    let mut seen = Vec::new();
    let label = |e: &Element| e.get_attribute("aria-label").unwrap_or_default();
    loop {
        // Along the line to its end, then back to its start and down to the next line.
        loop {
            let now = focused(el).expect("a point has focus");
            seen.push(label(&now));
            press(&svg, "ArrowRight");
            sleep(5).await;
            if focused(el).map(|e| label(&e)) == Some(label(&now)) {
                break;
            }
        }
        press(&svg, "Home");
        sleep(5).await;
        let before = focused(el).map(|e| label(&e));
        press(&svg, "ArrowDown");
        sleep(5).await;
        if focused(el).map(|e| label(&e)) == before {
            break;
        }
    }
    seen
}

#[wasm_bindgen_test]
async fn keyboard_reaches_every_point_and_tooltips_tell_the_figures() {
    let el = dashboard(OCCUPANCY, Some(900)).await;
    for chart in ["people", "slots"] {
        let stops = shadow_all(&el, &format!(".fw-chart--{chart} [tabindex='0']"));
        assert_eq!(stops.len(), 1, "{chart}: one tab stop per chart");
        let all: Vec<String> = shadow_all(&el, &format!(".fw-chart--{chart} [data-fw-point]"))
            .iter()
            .map(|e| e.get_attribute("aria-label").unwrap_or_default())
            .collect();
        let reached = walk(&el, chart).await;
        assert_eq!(reached, all, "{chart}: every point, line by line");
    }
    assert_eq!(
        shadow_all(&el, ".fw-chart--people [data-fw-point]").len(),
        18
    );
    assert_eq!(
        shadow_all(&el, ".fw-chart--slots [data-fw-point]").len(),
        15
    );

    // The tooltip follows the focus and says what the table says.
    let first = shadow_query(&el, ".fw-chart--people [data-fw-point='0-0']").expect("first point");
    focus(&first);
    assert!(
        until(
            || shadow_text(&el, ".fw-chart--people .fw-tooltip") == "Profilings am 21.02.2018: 179"
        )
        .await
    );
    let svg = shadow_query(&el, ".fw-chart--people .fw-svg").expect("svg");
    press(&svg, "End");
    assert!(
        until(|| shadow_text(&el, ".fw-chart--people .fw-tooltip")
            == "Profilings am 01.12.2018: 302 (+6 seit 23.10.2018)")
        .await,
        "{}",
        shadow_text(&el, ".fw-chart--people .fw-tooltip")
    );
    press(&svg, "ArrowDown");
    press(&svg, "ArrowDown");
    assert!(
        until(|| shadow_text(&el, ".fw-chart--people .fw-tooltip")
            == "Folgegespräche am 01.12.2018: 605 (+107 seit 23.10.2018)")
        .await
    );
    press(&svg, "Escape");
    assert!(
        until(|| shadow_query(&el, ".fw-tooltip").is_none()).await,
        "Escape closes the tooltip"
    );
    el.remove();
}

fn columns(el: &Element, selector: &str) -> usize {
    let node = shadow_query(el, selector).expect("element");
    let style = web_sys::window()
        .expect("window")
        .get_computed_style(&node)
        .ok()
        .flatten()
        .expect("style");
    style
        .get_property_value("grid-template-columns")
        .unwrap_or_default()
        .split_whitespace()
        .count()
}

#[wasm_bindgen_test]
async fn the_layout_reflows_with_the_container_width() {
    let el = dashboard(OCCUPANCY_EXAMPLE, Some(320)).await;
    for (width, grid_columns) in [(320, 1), (768, 1), (1400, 2)] {
        el.style()
            .set_property("width", &format!("{width}px"))
            .expect("width");
        // The root's padding is 0.75rem on each side.
        let inner = (width - 24).to_string();
        let fits = until(|| {
            shadow_query(&el, ".fw-chart--people .fw-svg")
                .and_then(|s| s.get_attribute("width"))
                .as_deref()
                == Some(&inner)
        })
        .await;
        let drawn =
            shadow_query(&el, ".fw-chart--people .fw-svg").and_then(|s| s.get_attribute("width"));
        assert!(
            fits,
            "{width}: chart drawn for the container's width, not {drawn:?}"
        );
        assert_eq!(
            columns(&el, ".fw-grid"),
            grid_columns,
            "{width}: sections side by side or stacked"
        );
        let root = shadow_query(&el, ".fw-root").expect("root");
        assert!(
            root.scroll_width() <= root.client_width() + 1,
            "{width}: nothing sticks out"
        );
    }
    el.remove();
}

#[wasm_bindgen_test]
async fn bars_are_buttons_that_select_providers_then_projects() {
    let el = dashboard(OCCUPANCY_EXAMPLE, Some(900)).await;
    let events = Events::on(&document());
    let bars = shadow_all(&el, ".fw-bar");
    assert_eq!(bars.len(), 4);
    assert!(
        bars.iter()
            .all(|b| b.tag_name() == "BUTTON" && b.get_attribute("tabindex").is_none())
    );
    assert_eq!(
        bars.iter()
            .filter_map(|b| b.get_attribute("data-fw-select"))
            .collect::<Vec<_>>(),
        ["t1", "t4", "t2", "t3"],
        "largest provider first"
    );
    bars[0].unchecked_ref::<HtmlElement>().click();
    let selected = events.named("foerderweg-select");
    assert_eq!(selected.len(), 1);
    assert!(
        selected[0].contains("\"id\":\"t1\"") && selected[0].contains("\"type\":\"provider\""),
        "{}",
        selected[0]
    );
    assert!(
        until(|| shadow_text(&el, ".fw-bars .fw-heading") == "Projekte von Bildungswerk Altmark")
            .await
    );
    let projects = shadow_all(&el, ".fw-bar");
    assert_eq!(projects.len(), 3);
    let id = projects[0].get_attribute("data-fw-select").expect("id");
    projects[0].unchecked_ref::<HtmlElement>().click();
    let selected = events.named("foerderweg-select");
    assert!(
        selected[1].contains(&format!("\"id\":\"{id}\""))
            && selected[1].contains("\"type\":\"project\"")
    );

    let back: HtmlElement = shadow_query(&el, ".fw-button--quiet")
        .expect("back")
        .unchecked_into();
    back.click();
    assert!(
        until(|| shadow_all(&el, ".fw-bar").len() == 4).await,
        "back to all providers"
    );
    el.remove();
}

/// New data (a `refresh` every few seconds on a live dashboard) keeps the provider a person
/// opened and the order of the bars.
#[wasm_bindgen_test]
async fn new_data_keeps_the_open_provider_and_the_order() {
    let el = dashboard(OCCUPANCY_EXAMPLE, Some(900)).await;
    shadow_all(&el, ".fw-bar")[0]
        .unchecked_ref::<HtmlElement>()
        .click();
    let heading = "Projekte von Bildungswerk Altmark";
    assert!(until(|| shadow_text(&el, ".fw-bars .fw-heading") == heading).await);
    let sort = shadow_query(&el, ".fw-bars select").expect("order");
    let other = js_sys::Reflect::get(&sort, &"options".into())
        .ok()
        .and_then(|o| js_sys::Reflect::get(&o, &1.into()).ok())
        .and_then(|o| js_sys::Reflect::get(&o, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .expect("a second order");
    choose(&sort, &other);
    settle().await;

    set_prop(&el, "data", &json_object(OCCUPANCY_EXAMPLE));
    settle().await;
    settle().await;
    assert_eq!(shadow_text(&el, ".fw-bars .fw-heading"), heading);
    let sort = shadow_query(&el, ".fw-bars select").expect("order");
    assert_eq!(
        js_sys::Reflect::get(&sort, &"value".into())
            .ok()
            .and_then(|v| v.as_string()),
        Some(other)
    );
    // In another language the provider is still open (carried to the new view); back to all
    // providers, and new data keeps that too rather than opening the carried one again.
    el.set_attribute("lang", "en").expect("lang");
    assert!(
        until(|| shadow_text(&el, ".fw-bars .fw-heading") == "Projects of Bildungswerk Altmark")
            .await
    );
    shadow_query(&el, ".fw-button--quiet")
        .expect("back")
        .unchecked_ref::<HtmlElement>()
        .click();
    assert!(until(|| shadow_all(&el, ".fw-bar").len() == 4).await);
    set_prop(&el, "data", &json_object(&refreshed()));
    settle().await;
    settle().await;
    assert_eq!(
        shadow_text(&el, ".fw-bars .fw-heading"),
        "Occupancy by provider"
    );
    el.remove();
}

/// The example with one figure of a chart and one of a provider changed, as a `refresh` brings.
fn refreshed() -> String {
    let changed = OCCUPANCY_EXAMPLE
        .replacen("\"profilings\": 104", "\"profilings\": 107", 1)
        .replacen(
            "\"slots\": 10,\n          \"filled\": 5,\n          \"planned\": 2",
            "\"slots\": 10,\n          \"filled\": 6,\n          \"planned\": 2",
            1,
        );
    assert_eq!(
        changed.len(),
        OCCUPANCY_EXAMPLE.len(),
        "two figures changed in place"
    );
    assert_ne!(changed, OCCUPANCY_EXAMPLE);
    changed
}

/// Where the keyboard focus is: the record inside the widget, and that the page's focus is
/// on the widget (not fallen to `<body>`).
fn focus_on(el: &Element, attr: &str) -> Option<String> {
    let host = document().active_element()?;
    assert!(
        host.is_same_node(Some(el)),
        "the focus is on {}",
        host.tag_name()
    );
    focused(el)?.get_attribute(attr)
}

/// A `refresh` gives the dashboard new figures while a keyboard user is on a chart point or a
/// provider bar: the focus stays on the same record, which shows the new figure.
#[wasm_bindgen_test]
async fn new_data_keeps_the_keyboard_focus_on_its_record() {
    let el = dashboard(OCCUPANCY_EXAMPLE, Some(900)).await;
    let point = shadow_query(&el, ".fw-chart--people [data-fw-point='0-4']").expect("a point");
    focus(&point);
    settle().await;
    assert_eq!(focus_on(&el, "data-fw-point").as_deref(), Some("0-4"));
    set_prop(&el, "data", &json_object(&refreshed()));
    settle().await;
    settle().await;
    assert_eq!(
        focus_on(&el, "data-fw-point").as_deref(),
        Some("0-4"),
        "the point keeps the focus"
    );
    let label = focused(&el).and_then(|e| e.get_attribute("aria-label"));
    assert!(
        label.as_deref().is_some_and(|l| l.contains(": 107")),
        "{label:?}"
    );
    assert!(
        shadow_text(&el, ".fw-chart--people .fw-tooltip").contains(": 107"),
        "the tooltip tells the new figure"
    );

    let bar = shadow_query(&el, ".fw-bar[data-fw-select='t2']").expect("a provider bar");
    focus(&bar);
    settle().await;
    assert_eq!(focus_on(&el, "data-fw-select").as_deref(), Some("t2"));
    set_prop(&el, "data", &json_object(OCCUPANCY_EXAMPLE));
    settle().await;
    settle().await;
    assert_eq!(
        focus_on(&el, "data-fw-select").as_deref(),
        Some("t2"),
        "the bar keeps the focus"
    );
    el.remove();
}
