//! `<foerderweg-timeline>` in headless Chromium: the samples render in lanes and rows; every
//! phase and marker is in the tab order with a tooltip; sort and filter change the rows; a
//! cohort of 10,000 keeps the DOM bounded; rows select and open; `lang` switches labels.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The most elements a cohort may put into its shadow root, whatever its size: the rows on
/// screen plus overscan, times the nodes of a row, plus the toolbar.
const NODE_BOUND: u32 = 600;

async fn widget(doc: &str, lang: Option<&str>, ready: &str) -> HtmlElement {
    let el = element("foerderweg-timeline");
    el.style().set_property("width", "900px").expect("width");
    if let Some(lang) = lang {
        el.set_attribute("lang", lang).expect("lang");
    }
    set_prop(&el, "data", &JsValue::from_str(doc));
    attach(&el);
    assert!(
        until(|| shadow_query(&el, ready).is_some()).await,
        "{ready} appears"
    );
    settle().await;
    el
}

fn nodes(el: &Element) -> u32 {
    el.shadow_root()
        .and_then(|r| r.query_selector_all("*").ok())
        .map_or(0, |l| l.length())
}

#[wasm_bindgen_test]
async fn a_single_path_shows_lanes_phases_and_markers() {
    let el = widget(TIMELINE_JPS, None, ".fw-single").await;
    let lanes = texts(&el, ".fw-lane__title");
    assert_eq!(
        lanes,
        [
            "Zuweisung",
            "Profiling",
            "Qualifizierungsempfehlung",
            "Praktikum",
            "Qualifizierung",
            "Anschlussmaßnahme",
            "Termine",
            "Ziele",
            "Austritt"
        ]
    );
    assert_eq!(shadow_all(&el, ".fw-phase").len(), 6);
    assert_eq!(shadow_all(&el, ".fw-mark").len(), 4 + 3 + 1);
    // The follow-up measure is open on "today" (30.06.2018) and planned until October.
    let open = shadow_query(&el, "[data-fw-path='participants[0].phases[5]']").expect("follow-up");
    let label = open.get_attribute("aria-label").unwrap_or_default();
    assert!(
        label.contains("laufend") && label.contains("geplant bis 31.10.2018"),
        "{label}"
    );
    assert!(
        shadow_query(
            &el,
            "[data-fw-path='participants[0].phases[5]'] .fw-phase__planned"
        )
        .is_some()
    );
    let exit = shadow_query(&el, ".fw-mark--exit")
        .and_then(|e| e.get_attribute("aria-label"))
        .unwrap_or_default();
    assert_eq!(
        exit,
        "Austritt: Beschäftigung · 20.04.2018 · Anschluss: Eingliederungszuschuss, mit dem Jobcenter abgestimmt"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn every_phase_and_marker_is_in_the_tab_order_with_a_tooltip() {
    let el = widget(TIMELINE_PATH, None, ".fw-single").await;
    let items = shadow_all(&el, ".fw-phase, .fw-mark");
    assert_eq!(items.len(), 4 + 5 + 2 + 1);
    for item in &items {
        assert_eq!(item.get_attribute("tabindex").as_deref(), Some("0"));
        focus(item);
        let expected = item.get_attribute("aria-label").unwrap_or_default();
        assert!(
            until(|| shadow_text(&el, ".fw-tooltip") == expected).await,
            "tooltip of {expected}"
        );
    }
    let plot = shadow_query(&el, ".fw-plot").expect("plot");
    press(&items[0], "Escape");
    assert!(
        until(|| shadow_query(&el, ".fw-tooltip").is_none()).await,
        "Escape closes it"
    );
    // Zoom in with "+": fewer days, so finer ticks.
    let before = texts(&el, ".fw-tick");
    press(&plot, "+");
    press(&plot, "+");
    assert!(
        until(|| texts(&el, ".fw-tick") != before).await,
        "the axis re-fits"
    );
    press(&plot, "Home");
    assert!(
        until(|| texts(&el, ".fw-tick") == before).await,
        "Home fits everything again"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn sort_and_filter_change_the_rows_and_a_row_opens_its_path() {
    let el = widget(TIMELINE_COHORT, None, ".fw-row").await;
    let events = Events::on(&document());
    assert_eq!(shadow_text(&el, ".fw-count"), "181 von 181 Teilnehmenden");
    let status =
        shadow_query(&el, ".fw-filters label:nth-of-type(2) select").expect("status filter");
    choose(&status, "terminated");
    assert!(until(|| shadow_text(&el, ".fw-count") == "17 von 181 Teilnehmenden").await);
    assert_eq!(shadow_all(&el, ".fw-row").len(), 17);
    assert!(
        shadow_all(&el, ".fw-row")
            .iter()
            .all(|r| r.class_name().contains("fw-row--terminated"))
    );

    // Exit dates of the rows, as sortable text (YYYYMMDD).
    let exits = || -> Vec<String> {
        shadow_all(&el, ".fw-row")
            .iter()
            .filter_map(|r| r.get_attribute("aria-label"))
            .filter_map(|l| {
                l.split("Austritt ")
                    .nth(1)
                    .map(|d| d[6..10].to_string() + &d[3..5] + &d[0..2])
            })
            .collect()
    };
    let by_start = exits();
    let sort = shadow_query(&el, ".fw-filters label:nth-of-type(1) select").expect("sort");
    choose(&sort, "exit");
    assert!(
        until(|| exits() != by_start).await,
        "sorting by exit reorders the rows"
    );
    let by_exit = exits();
    let mut sorted = by_exit.clone();
    sorted.sort();
    assert_eq!(by_exit, sorted);
    assert_eq!(by_exit.len(), 17);

    let row: HtmlElement = shadow_query(&el, ".fw-row").expect("row").unchecked_into();
    let id = row.get_attribute("data-fw-select").expect("id");
    row.click();
    let selected = events.named("foerderweg-select");
    assert_eq!(selected.len(), 1);
    assert!(
        selected[0].contains(&format!("\"id\":\"{id}\""))
            && selected[0].contains("\"type\":\"participant\"")
    );
    assert!(
        until(|| shadow_query(&el, ".fw-single").is_some()).await,
        "the row opens the single view"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn ten_thousand_participants_keep_the_dom_bounded() {
    let mut doc =
        String::from(r#"{"schema":"foerderweg/timeline@1","today":"2020-01-01","participants":["#);
    for i in 0..10_000u32 {
        if i > 0 {
            doc.push(',');
        }
        let month = 1 + i % 12;
        doc.push_str(&format!(
            r#"{{"id":"p{i}","label":"TN {i:05}","phases":[{{"kind":"profiling","start":"2018-{month:02}-01","end":"2018-{month:02}-20"}},{{"kind":"workOpportunity","start":"2018-{month:02}-25","plannedEnd":"2019-{month:02}-25"}}]}}"#
        ));
    }
    doc.push_str("]}");
    let el = widget(&doc, None, ".fw-row").await;
    assert_eq!(
        shadow_text(&el, ".fw-count"),
        "10.000 von 10.000 Teilnehmenden"
    );
    let at_top = nodes(&el);
    assert!(at_top < NODE_BOUND, "{at_top} nodes at the top");
    let list = shadow_query(&el, ".fw-cohort").expect("list");
    list.set_scroll_top(32 * 5_000);
    list.dispatch_event(&web_sys::Event::new("scroll").expect("event"))
        .expect("scroll");
    assert!(
        until(|| shadow_query(&el, ".fw-row")
            .and_then(|r| r.get_attribute("data-fw-row"))
            .is_some_and(|r| r.parse::<usize>().unwrap_or(0) > 4_900))
        .await,
        "rows follow the scroll position"
    );
    let scrolled = nodes(&el);
    assert!(scrolled < NODE_BOUND, "{scrolled} nodes after scrolling");
    el.remove();
}

#[wasm_bindgen_test]
async fn lang_switches_the_labels() {
    let el = widget(TIMELINE_PATH, Some("en"), ".fw-single").await;
    assert!(texts(&el, ".fw-lane__title").contains(&"Work opportunity".to_string()));
    assert_eq!(shadow_text(&el, ".fw-asof"), "Today 2018-12-01");
    el.set_attribute("lang", "de").expect("lang");
    assert!(
        until(|| texts(&el, ".fw-lane__title").contains(&"Arbeitsgelegenheit".to_string())).await
    );
    assert_eq!(shadow_text(&el, ".fw-asof"), "Heute 01.12.2018");
    el.remove();
}

#[wasm_bindgen_test]
async fn host_labels_replace_texts_in_mounted_and_new_widgets() {
    let el = widget(TIMELINE_PATH, Some("de"), ".fw-single").await;
    let labels = json_object(
        r#"{"timeline_name": "Teilnahmeverlauf", "tl.phase_kinds.workOpportunity": "AGH <b>x</b>",
            "tl.show_table": "Tabelle zeigen", "tl.nope": "x", "diag.http_status": "ohne Platzhalter"}"#,
    );
    let rejected = foerderweg::set_labels("de", labels).map(|a| a.length());
    // Read what the user sees, then restore the page's labels before asserting, so a failure
    // here does not leak into the next test.
    let redrawn = until(|| {
        texts(&el, ".fw-lane__title")
            .iter()
            .any(|t| t.starts_with("AGH"))
    })
    .await;
    let lanes = texts(&el, ".fw-lane__title");
    let name = shadow_query(&el, ".fw-root").and_then(|r| r.get_attribute("aria-label"));
    let button = texts(&el, ".fw-toolbar button");
    let bold = shadow_all(&el, "b").len();
    let second = widget(TIMELINE_PATH, Some("de"), ".fw-single").await;
    let second_name = shadow_query(&second, ".fw-root").and_then(|r| r.get_attribute("aria-label"));
    let english = widget(TIMELINE_PATH, Some("en"), ".fw-single").await;
    let english_name =
        shadow_query(&english, ".fw-root").and_then(|r| r.get_attribute("aria-label"));
    let restored = foerderweg::set_labels("de", JsValue::NULL).map(|a| a.length());
    let back =
        until(|| texts(&el, ".fw-lane__title").contains(&"Arbeitsgelegenheit".to_string())).await;
    let unknown_lang = foerderweg::set_labels("fr", json_object("{}")).is_err();
    for e in [&el, &second, &english] {
        e.remove();
    }

    assert_eq!(
        rejected.ok(),
        Some(2),
        "tl.nope and the placeholder-less diag.http_status"
    );
    assert!(redrawn, "the mounted widget redraws: {lanes:?}");
    assert!(
        lanes.contains(&"AGH <b>x</b>".to_string()),
        "as text: {lanes:?}"
    );
    assert_eq!(bold, 0, "a label is never HTML");
    assert_eq!(name.as_deref(), Some("Teilnahmeverlauf"));
    assert!(button.contains(&"Tabelle zeigen".to_string()), "{button:?}");
    assert_eq!(
        second_name.as_deref(),
        Some("Teilnahmeverlauf"),
        "a new widget too"
    );
    assert_eq!(
        english_name.as_deref(),
        Some("Support-plan timeline"),
        "English untouched"
    );
    assert_eq!(restored.ok(), Some(0));
    assert!(back, "null restores the built-in texts");
    assert!(unknown_lang);
}

#[wasm_bindgen_test]
async fn a_summary_states_the_path_and_the_cohort() {
    let el = widget(TIMELINE_JPS, None, ".fw-single").await;
    let single = shadow_text(&el, ".fw-summary");
    assert!(
        single.starts_with("Teilnehmer D, ausgetreten: 6 Phasen, Beginn ")
            && single.contains("Austritt: Beschäftigung, 20.04.2018.")
            && single.contains("Anschluss: Eingliederungszuschuss"),
        "{single}"
    );
    el.remove();
    let el = widget(TIMELINE_COHORT, None, ".fw-cohort").await;
    let cohort = shadow_text(&el, ".fw-summary");
    let rows = shadow_all(&el, ".fw-row").len();
    assert!(
        cohort.starts_with("181 Teilnehmende mit Beginn zwischen"),
        "{cohort}"
    );
    assert!(cohort.contains("Stand 01.12.2018: "), "{cohort}");
    assert!(rows > 0);
    el.remove();
}

/// New data (a `refresh`, the host's `data`) keeps what a person set: the participant open,
/// and behind it the cohort's filter and order, shown in their menus.
#[wasm_bindgen_test]
async fn new_data_keeps_the_open_participant_the_filter_and_the_order() {
    let el = widget(TIMELINE_COHORT, None, ".fw-row").await;
    let choose = |nth: usize, value: &str| {
        let select = shadow_query(&el, &format!(".fw-filters label:nth-of-type({nth}) select"))
            .expect("menu");
        choose(&select, value);
    };
    choose(2, "terminated");
    assert!(until(|| shadow_text(&el, ".fw-count") == "17 von 181 Teilnehmenden").await);
    choose(1, "exit");
    settle().await;
    let row: HtmlElement = shadow_query(&el, ".fw-row").expect("row").unchecked_into();
    let label = row.get_attribute("aria-label").expect("name");
    row.click();
    assert!(until(|| shadow_query(&el, ".fw-single").is_some()).await);
    let heading = shadow_text(&el, ".fw-single .fw-heading");
    assert!(label.starts_with(heading.split(" · ").next().expect("name")));

    // The same document again, as a refresh brings it: a new object, drawn anew.
    set_prop(&el, "data", &json_object(TIMELINE_COHORT));
    settle().await;
    settle().await;
    assert_eq!(
        shadow_text(&el, ".fw-single .fw-heading"),
        heading,
        "the same participant stays open"
    );
    let back: HtmlElement = shadow_query(&el, ".fw-toolbar .fw-button--quiet")
        .expect("back")
        .unchecked_into();
    back.click();
    assert!(until(|| shadow_query(&el, ".fw-row").is_some()).await);
    assert_eq!(shadow_text(&el, ".fw-count"), "17 von 181 Teilnehmenden");
    let value = |nth: usize| {
        let select = shadow_query(&el, &format!(".fw-filters label:nth-of-type({nth}) select"))
            .expect("menu");
        js_sys::Reflect::get(&select, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    assert_eq!(
        value(1),
        "exit",
        "the order's menu shows the order in force"
    );
    assert_eq!(
        value(2),
        "terminated",
        "the filter's menu shows the filter in force"
    );
    el.remove();
}

/// The record of the element focused inside `host` (`attr` on it), and whether the page's
/// focus is inside `host` at all (not fallen to `<body>`).
fn focused_record(host: &HtmlElement, attr: &str) -> (Option<String>, bool) {
    let record = focused(host).and_then(|f| f.get_attribute(attr));
    let inside = document()
        .active_element()
        .is_some_and(|a| a.is_same_node(Some(host)));
    (record, inside)
}

/// A refresh (the same document anew, with a changed title and an extra event) keeps the
/// keyboard focus on the phase that had it.
#[wasm_bindgen_test]
async fn the_focus_stays_on_its_phase_when_new_data_arrives() {
    let el = widget(TIMELINE_JPS, None, ".fw-phase").await;
    let path = "participants[0].phases[2]";
    let phase = shadow_query(&el, &format!("[data-fw-path='{path}']")).expect("phase");
    focus(&phase);
    assert_eq!(
        focused_record(&el, "data-fw-path"),
        (Some(path.to_string()), true)
    );
    let refreshed = TIMELINE_JPS
        .replacen("ein Verlauf", "ein Verlauf, neu geladen", 1)
        .replacen(
            r#""events": ["#,
            r#""events": [{ "kind": "homeVisit", "date": "2018-06-20", "label": "Hausbesuch" },"#,
            1,
        );
    assert_ne!(refreshed, TIMELINE_JPS);
    set_prop(&el, "data", &json_object(&refreshed));
    assert!(
        until(|| shadow_text(&el, ".fw-title").contains("neu geladen")).await,
        "the new document is drawn"
    );
    settle().await;
    let kept = focused_record(&el, "data-fw-path");
    el.remove();
    assert_eq!(kept, (Some(path.to_string()), true), "the same phase");
}

/// A refresh of a cohort keeps the focus on the participant's row.
#[wasm_bindgen_test]
async fn the_focus_stays_on_its_row_when_new_data_arrives() {
    let el = widget(TIMELINE_COHORT, None, ".fw-row").await;
    let row = shadow_all(&el, ".fw-row").get(2).cloned().expect("row");
    let id = row.get_attribute("data-fw-select").expect("id");
    focus(&row);
    assert_eq!(
        focused_record(&el, "data-fw-select"),
        (Some(id.clone()), true)
    );
    let refreshed = TIMELINE_COHORT.replacen("erzeugte Kohorte", "neu geladene Kohorte", 1);
    set_prop(&el, "data", &json_object(&refreshed));
    assert!(
        until(|| shadow_text(&el, ".fw-title").contains("neu geladene")).await,
        "the new document is drawn"
    );
    settle().await;
    let kept = focused_record(&el, "data-fw-select");
    el.remove();
    assert_eq!(kept, (Some(id), true), "the same participant's row");
}

/// Zooming with the keyboard draws the scene anew and keeps the focus on its phase.
#[wasm_bindgen_test]
async fn the_focus_stays_on_its_phase_when_the_window_zooms() {
    let el = widget(TIMELINE_JPS, None, ".fw-phase").await;
    let path = "participants[0].phases[3]";
    let phase = shadow_query(&el, &format!("[data-fw-path='{path}']")).expect("phase");
    focus(&phase);
    let before = texts(&el, ".fw-tick");
    press(&phase, "-");
    assert!(
        until(|| texts(&el, ".fw-tick") != before).await,
        "the window zooms out"
    );
    settle().await;
    let kept = focused_record(&el, "data-fw-path");
    let tooltip = shadow_text(&el, ".fw-tooltip");
    let label = shadow_query(&el, &format!("[data-fw-path='{path}']"))
        .and_then(|p| p.get_attribute("aria-label"))
        .unwrap_or_default();
    el.remove();
    assert_eq!(kept, (Some(path.to_string()), true));
    assert_eq!(tooltip, label, "its tooltip, at its new place");
}
