//! A drawn document with broken records, in headless Chromium: the valid records are drawn, the
//! left-out ones listed with their paths (no error panel), and `foerderweg-ready` carries them;
//! a lone surrogate draws as U+FFFD with a warning whether the data is an object or JSON text.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_cohort_with_one_bad_participant_is_drawn_and_the_bad_one_named() {
    let el = element("foerderweg-timeline");
    let events = Events::on(&document());
    attach(&el);
    let mut doc: serde_json::Value = serde_json::from_str(TIMELINE_COHORT).expect("cohort");
    doc["participants"][57]["label"] = serde_json::json!(null);
    set_prop(&el, "data", &JsValue::from_str(&doc.to_string()));
    assert!(
        until(|| shadow_text(&el, ".fw-count") == "180 von 180 Teilnehmenden").await,
        "{}",
        shadow_text(&el, ".fw-count")
    );
    assert!(shadow_query(&el, ".fw-panel--error").is_none());
    let left_out = shadow_text(&el, ".fw-panel--left-out");
    assert!(
        left_out.contains("Nicht dargestellte Einträge (1)"),
        "{left_out}"
    );
    assert!(left_out.contains("participants[57].label"), "{left_out}");
    assert!(until(|| !events.named("foerderweg-ready").is_empty()).await);
    assert!(events.named("foerderweg-error").is_empty());
    let detail = events.named("foerderweg-ready").remove(0);
    assert!(
        detail.contains(r#""errors":[{"#) && detail.contains("participants[57].label"),
        "{detail}"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn a_lone_surrogate_reads_the_same_as_object_and_as_text() {
    let head = r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"b","label":"B"},{"id":"a","label":"TN "#;
    let tail = r#""}]}"#;
    // JSON text whose label holds half an emoji, as a JS string can.
    let text = js_sys::JsString::from(head)
        .concat(&js_sys::JsString::from_char_code1(0xD83D))
        .concat(&JsValue::from_str(tail));
    // The same document as an object (JSON.stringify writes the half as `\ud83d`).
    let object = json_object(&format!("{head}\\ud83d{tail}"));
    for data in [JsValue::from(text), object] {
        let el = element("foerderweg-timeline");
        attach(&el);
        set_prop(&el, "data", &data);
        assert!(
            until(|| shadow_all(&el, ".fw-row").len() == 2).await,
            "not drawn"
        );
        let labels = texts(&el, ".fw-row");
        assert!(
            labels.iter().any(|l| l.contains("TN \u{fffd}")),
            "{labels:?}"
        );
        assert!(
            shadow_query(&el, "[data-fw-code=lone-surrogate]").is_some(),
            "no warning"
        );
        el.remove();
    }
}
