//! The events a widget sends to its host: `foerderweg-ready`, `foerderweg-error`,
//! `foerderweg-select`. All bubble and are `composed`, so they cross the shadow boundary and
//! reach listeners on the element and above it.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Sent when data was drawn; detail `{kind, warnings}`.
pub(super) const READY: &str = "foerderweg-ready";
/// Sent when data could not be drawn; detail `{kind, diagnostics}`.
pub(super) const ERROR: &str = "foerderweg-error";
/// Sent when a mark was activated; detail `{kind, id, type}`.
pub(super) const SELECT: &str = "foerderweg-select";

/// Dispatches `name` with `detail` (a JSON value) from `target`.
pub(super) fn dispatch(target: &EventTarget, name: &str, detail: &serde_json::Value) {
    let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A host listener that throws must not break the widget: the browser reports its
        // exception itself, and dispatch returns normally.
        let _ = target.dispatch_event(&event);
    }
}
