//! The embedding contract in a real browser (headless Chromium through wasm-bindgen-test):
//! the three elements, the three ways data arrives, diagnostics, events, independence of
//! widgets on one page, `destroy()` and the `lang` attribute.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use foerderweg::{define_elements, live_widgets, mount};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn each_element_registers_and_renders_its_document() {
    define_elements();
    define_elements(); // idempotent: a second call must not throw
    let registry = js_sys::Reflect::get(
        &web_sys::window().expect("window"),
        &"customElements".into(),
    )
    .expect("customElements");
    let get: js_sys::Function = js_sys::Reflect::get(&registry, &"get".into())
        .expect("get")
        .unchecked_into();
    for (tag, doc, title) in [
        ("foerderweg-timeline", TIMELINE, "Kohorte Stendal 2018"),
        (
            "foerderweg-occupancy",
            OCCUPANCY,
            "Stabilisierung und Teilhabe am Arbeitsleben",
        ),
        ("foerderweg-map", MAP, "JobPerspektive Sachsen"),
    ] {
        assert!(
            !get.call1(&registry, &tag.into())
                .expect("get")
                .is_undefined(),
            "{tag} is registered"
        );
        let el = element(tag);
        set_prop(&el, "data", &json_object(doc));
        attach(&el);
        assert!(
            until(|| shadow_text(&el, ".fw-root").contains(title)).await,
            "{tag} shows {title}"
        );
        let root = shadow_query(&el, ".fw-root").expect("root");
        assert_eq!(
            root.get_attribute("lang").as_deref(),
            Some("de"),
            "{tag} speaks German by default"
        );
        assert!(
            shadow_query(&el, ".fw-panel--error").is_none(),
            "{tag}: no error panel for the sample"
        );
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn script_child_then_property_then_src_the_last_one_wins() {
    let el = element("foerderweg-timeline");
    let script = document().create_element("script").expect("script");
    script
        .set_attribute("type", "application/json")
        .expect("type");
    script.set_text_content(Some(&titled("Aus dem Skript")));
    el.append_child(&script).expect("append script");
    attach(&el);
    assert!(
        until(|| shadow_text(&el, ".fw-title") == "Aus dem Skript").await,
        "child script is read"
    );

    set_prop(
        &el,
        "data",
        &JsValue::from_str(&titled("Aus der Eigenschaft")),
    );
    assert!(
        until(|| shadow_text(&el, ".fw-title") == "Aus der Eigenschaft").await,
        "data property wins"
    );

    el.set_attribute("src", &data_url(&titled("Aus der Quelle")))
        .expect("src");
    assert!(
        until(|| shadow_text(&el, ".fw-title") == "Aus der Quelle").await,
        "src wins"
    );

    // The script changes later: it is the newest source now.
    script.set_text_content(Some(&titled("Skript geändert")));
    assert!(
        until(|| shadow_text(&el, ".fw-title") == "Skript geändert").await,
        "changed script wins"
    );

    // A fetch answer that arrives after newer data must not overwrite it.
    el.set_attribute("src", &data_url(&titled("Verspätete Quelle")))
        .expect("src");
    set_prop(&el, "data", &json_object(&titled("Neueste Daten")));
    sleep(300).await;
    assert_eq!(shadow_text(&el, ".fw-title"), "Neueste Daten");
    el.remove();
}

#[wasm_bindgen_test]
async fn a_src_that_answers_404_or_html_gives_a_diagnostic() {
    let el = element("foerderweg-occupancy");
    let events = Events::on(&el);
    el.set_attribute("src", "/no-such-file-foerderweg.json")
        .expect("src");
    attach(&el);
    assert!(
        until(|| shadow_query(&el, ".fw-panel--error").is_some()).await,
        "404 shows the panel"
    );
    assert!(
        shadow_text(&el, ".fw-panel--error").contains("HTTP-Status 404"),
        "{}",
        shadow_text(&el, ".fw-panel")
    );
    assert!(
        shadow_query(&el, "[data-fw-action=retry]").is_some(),
        "a src failure offers to load again"
    );
    assert!(until(|| !events.named("foerderweg-error").is_empty()).await);
    assert!(events.named("foerderweg-error")[0].contains("\"code\":\"http-status\""));

    el.set_attribute("src", "data:text/html,<html><body>Anmeldung</body></html>")
        .expect("src");
    assert!(until(|| shadow_text(&el, ".fw-panel--error").contains("Kein gültiges JSON")).await);
    el.remove();
}

#[wasm_bindgen_test]
async fn bad_json_shows_position_and_path_and_fires_error() {
    let el = element("foerderweg-timeline");
    let events = Events::on(&document());
    attach(&el);
    set_prop(
        &el,
        "data",
        &JsValue::from_str("{\n  \"schema\": \"foerderweg/timeline@1\",\n  \"participants\": [}"),
    );
    assert!(until(|| shadow_query(&el, ".fw-panel--error").is_some()).await);
    let panel = shadow_query(&el, ".fw-panel--error").expect("panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        shadow_text(&el, ".fw-diag__path").contains("Zeile 3, Spalte 20"),
        "{}",
        shadow_text(&el, ".fw-panel")
    );
    assert!(
        until(|| !events.named("foerderweg-error").is_empty()).await,
        "the error reaches the document"
    );
    let detail = events.named("foerderweg-error").remove(0);
    assert!(
        detail.contains("\"line\":3") && detail.contains("\"kind\":\"timeline\""),
        "{detail}"
    );

    let wrong = r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a","label":"A","phases":[{"kind":"profiling","start":20180101}]}]}"#;
    set_prop(&el, "data", &JsValue::from_str(wrong));
    assert!(
        until(|| shadow_text(&el, ".fw-diag__path").contains("participants[0].phases[0].start"))
            .await
    );

    let future = r#"{"schema":"foerderweg/timeline@2","participants":[]}"#;
    set_prop(&el, "data", &json_object(future));
    assert!(until(|| shadow_query(&el, "[data-fw-code=unsupported-version]").is_some()).await);

    // Data JS cannot turn into JSON (a cycle) is a diagnostic too, not a throw or a panic.
    let cyclic = js_sys::Object::new();
    set_prop(&cyclic, "self", &cyclic);
    set_prop(&el, "data", &cyclic);
    assert!(until(|| shadow_query(&el, "[data-fw-code=not-serialisable]").is_some()).await);
    el.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_a_page_are_independent() {
    let good = element("foerderweg-occupancy");
    let bad = element("foerderweg-occupancy");
    attach(&good);
    attach(&bad);
    set_prop(&good, "data", &json_object(OCCUPANCY));
    set_prop(&bad, "data", &JsValue::from_str("{ nicht json"));
    assert!(until(|| shadow_query(&bad, ".fw-panel--error").is_some()).await);
    assert!(until(|| shadow_text(&good, ".fw-title").contains("Stabilisierung")).await);
    assert!(shadow_query(&good, ".fw-panel--error").is_none());
    // The good one still takes new data after its neighbour failed.
    set_prop(
        &good,
        "data",
        &JsValue::from_str(&OCCUPANCY.replace("Stabilisierung und", "Stabil und")),
    );
    assert!(until(|| shadow_text(&good, ".fw-title").starts_with("Stabil und")).await);
    good.remove();
    bad.remove();
}

#[wasm_bindgen_test]
async fn selecting_a_mark_sends_a_composed_event_to_the_page() {
    let el = element("foerderweg-timeline");
    let events = Events::on(&document());
    set_prop(&el, "data", &json_object(TIMELINE));
    attach(&el);
    assert!(until(|| shadow_query(&el, "[data-fw-select]").is_some()).await);
    let mark: HtmlElement = shadow_query(&el, "[data-fw-select='TN-0002']")
        .expect("mark")
        .unchecked_into();
    mark.click();
    let selected = events.named("foerderweg-select");
    assert_eq!(selected.len(), 1);
    assert!(
        selected[0].contains("\"id\":\"TN-0002\""),
        "{}",
        selected[0]
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn destroy_removes_the_dom_and_the_listeners() {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    attach(&host);
    // Elements that earlier tests removed are taken down once their task's microtasks ran
    // (a moved element is kept): count after that.
    sleep(0).await;
    let before = live_widgets();
    let handle = mount(
        host.clone(),
        "timeline",
        JsValue::from_str(TIMELINE),
        JsValue::UNDEFINED,
    )
    .map_err(JsValue::from)
    .expect("mount");
    assert_eq!(live_widgets(), before + 1);
    assert!(until(|| shadow_query(&host, "[data-fw-select]").is_some()).await);
    let mark: HtmlElement = shadow_query(&host, "[data-fw-select]")
        .expect("mark")
        .unchecked_into();
    let events = Events::on(&host);

    handle.destroy();
    handle.destroy(); // twice is harmless
    assert_eq!(live_widgets(), before);
    let root = host.shadow_root().expect("shadow root stays");
    assert_eq!(
        root.child_element_count(),
        0,
        "nothing of the widget is left"
    );
    mark.click();
    handle.update(JsValue::from_str(TIMELINE));
    sleep(100).await;
    assert!(
        events.seen.borrow().is_empty(),
        "a destroyed widget sends nothing"
    );
    assert_eq!(
        root.child_element_count(),
        0,
        "update after destroy draws nothing"
    );

    // Removing an element from the page destroys its widget as well.
    let el = element("foerderweg-map");
    attach(&el);
    assert_eq!(live_widgets(), before + 1);
    el.remove();
    sleep(0).await;
    assert_eq!(live_widgets(), before);
    host.remove();
}

#[wasm_bindgen_test]
fn mount_rejects_an_unknown_kind_with_an_exception() {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    let result = mount(host, "pie", JsValue::NULL, JsValue::UNDEFINED);
    assert!(result.is_err());
}

#[wasm_bindgen_test]
async fn lang_en_switches_the_text_and_back() {
    let el = element("foerderweg-occupancy");
    el.set_attribute("lang", "en").expect("lang");
    attach(&el);
    assert!(until(|| shadow_text(&el, ".fw-status") == "No data yet.").await);
    set_prop(&el, "data", &json_object(OCCUPANCY));
    assert!(until(|| shadow_text(&el, ".fw-asof") == "as of 2018-12-01").await);
    assert!(
        shadow_text(&el, ".fw-figures").contains("Fill rate98.2%"),
        "{}",
        shadow_text(&el, ".fw-figures")
    );
    assert_eq!(
        shadow_query(&el, ".fw-root")
            .and_then(|r| r.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );

    el.set_attribute("lang", "de").expect("lang");
    assert!(until(|| shadow_text(&el, ".fw-asof") == "Stand 01.12.2018").await);
    assert!(shadow_text(&el, ".fw-figures").contains("Besetzungsquote98,2\u{202f}%"));
    el.remove();
}

#[wasm_bindgen_test]
async fn styles_come_from_one_adopted_sheet() {
    let a = element("foerderweg-map");
    let b = element("foerderweg-timeline");
    attach(&a);
    attach(&b);
    let sheets = |el: &HtmlElement| el.shadow_root().expect("root").adopted_style_sheets();
    assert_eq!(sheets(&a).length(), 1);
    assert!(
        js_sys::Object::is(&sheets(&a).get(0), &sheets(&b).get(0)),
        "one sheet shared by all widgets"
    );
    assert!(
        shadow_query(&a, "style").is_none(),
        "no <style> element, so a strict CSP works"
    );
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
async fn markup_in_the_data_stays_text() {
    let evil = r#"<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"#;
    let escaped = serde_json::to_string(evil).expect("json string");
    let timeline = format!(
        r#"{{"schema":"foerderweg/timeline@1","title":{escaped},"participants":[{{"id":"a","label":{escaped},
            "phases":[{{"kind":"profiling","label":{escaped},"provider":{escaped},"start":"2018-01-01"}}]}}]}}"#
    );
    let occupancy = format!(
        r#"{{"schema":"foerderweg/occupancy@1","programme":{{"label":{escaped},"source":{escaped}}},
            "providers":[{{"id":"t","label":{escaped},"projects":[{{"id":"p","label":{escaped},"slots":3,"filled":1}}]}}]}}"#
    );
    for (tag, doc) in [
        ("foerderweg-timeline", timeline),
        ("foerderweg-occupancy", occupancy),
    ] {
        let el = element(tag);
        attach(&el);
        set_prop(&el, "data", &JsValue::from_str(&doc));
        assert!(
            until(|| shadow_text(&el, ".fw-root").contains("<img src=x")).await,
            "{tag} shows the text"
        );
        assert!(
            shadow_query(&el, "img").is_none() && shadow_query(&el, ".fw-root script").is_none(),
            "{tag}: no element"
        );
        sleep(50).await;
        let pwned = js_sys::Reflect::get(&web_sys::window().expect("window"), &"__pwned".into())
            .expect("get");
        assert!(pwned.is_undefined(), "{tag}: nothing ran");
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn odd_documents_give_diagnostics_and_the_module_keeps_working() {
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let odd = [
        deep.as_str(),
        "",
        "null",
        "[]",
        r#"{"schema":null}"#,
        r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"providers":[{"id":"t","label":"T","projects":[{"id":"p","label":"P","slots":4294967296}]}]}"#,
        r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"series":[{"date":"2018-01-01","filled":1e400}]}"#,
        r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a","label":"A","phases":[{"kind":"profiling","start":"0001-01-01","end":"9999-12-31"}]}]}"#,
        r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"series":[{"date":"0001-01-01","profilings":1},{"date":"9999-12-31","profilings":4294967295}]}"#,
    ];
    for (i, text) in odd.iter().enumerate() {
        for tag in [
            "foerderweg-timeline",
            "foerderweg-occupancy",
            "foerderweg-map",
        ] {
            let el = element(tag);
            attach(&el);
            set_prop(&el, "data", &JsValue::from_str(text));
            // Either drawn or explained; never a blank box.
            let settled = until(|| {
                shadow_query(&el, ".fw-panel--error").is_some()
                    || shadow_query(&el, ".fw-title, .fw-figures, .fw-single, .fw-row").is_some()
            })
            .await;
            assert!(settled, "document {i} in {tag} neither drawn nor explained");
            el.remove();
        }
    }
    // The module still works: a fresh widget renders.
    let el = element("foerderweg-occupancy");
    attach(&el);
    set_prop(&el, "data", &json_object(OCCUPANCY));
    assert!(until(|| shadow_query(&el, ".fw-figures").is_some()).await);
    el.remove();
}

#[wasm_bindgen_test]
async fn a_second_mount_on_one_element_replaces_the_first() {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    attach(&host);
    // Elements that earlier tests removed are taken down once their task's microtasks ran
    // (a moved element is kept): count after that.
    sleep(0).await;
    let before = live_widgets();
    let first = mount(
        host.clone(),
        "timeline",
        JsValue::from_str(&titled("Erste")),
        JsValue::UNDEFINED,
    )
    .map_err(JsValue::from)
    .expect("mount");
    let second = mount(
        host.clone(),
        "timeline",
        JsValue::from_str(&titled("Zweite")),
        JsValue::UNDEFINED,
    )
    .map_err(JsValue::from)
    .expect("mount again");
    first.update(JsValue::from_str(&titled("Erste, später"))); // the replaced handle does nothing
    sleep(100).await;
    assert_eq!(live_widgets(), before + 1, "one widget on the element");
    assert_eq!(texts(&host, ".fw-title"), ["Zweite"]);
    assert_eq!(shadow_all(&host, ".fw-mount").len(), 1);
    second.destroy();
    assert_eq!(live_widgets(), before);
    host.remove();
}

#[wasm_bindgen_test]
async fn mount_reads_only_the_options_own_properties() {
    let prototype = js_sys::Object::get_prototype_of(&js_sys::Object::new().into());
    let polluted = data_url(&titled("Vom Prototyp"));
    set_prop(&prototype, "src", &JsValue::from_str(&polluted));
    set_prop(&prototype, "lang", &JsValue::from_str("en"));
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    attach(&host);
    let handle = mount(
        host.clone(),
        "timeline",
        JsValue::NULL,
        js_sys::Object::new().into(),
    )
    .map_err(JsValue::from);
    for name in ["src", "lang"] {
        js_sys::Reflect::delete_property(&prototype, &name.into()).expect("delete");
    }
    let handle = handle.expect("mount");
    sleep(300).await;
    assert_eq!(
        shadow_text(&host, ".fw-status"),
        "Noch keine Daten.",
        "neither the prototype's src nor its lang applies"
    );
    handle.destroy();
    host.remove();
}
