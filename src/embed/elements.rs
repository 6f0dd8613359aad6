//! `<foerderweg-timeline>`, `<foerderweg-occupancy>`, `<foerderweg-map>`.
//!
//! Leptos has no custom-element helper and Rust cannot subclass `HTMLElement`, so the classes
//! are a few lines of JS (`js/elements.js`) that forward the element's life cycle to a
//! [`Handle`] made here. Every decision is taken on the Rust side.

use super::Handle;
use super::widget::{Options, Widget};
use crate::model::ATTRIBUTES;
use crate::model::WidgetKind;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(module = "/js/elements.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(
        tag: &str,
        kind: &str,
        attributes: &js_sys::Array,
        create: &js_sys::Function,
    ) -> String;
}

thread_local! {
    /// Lives as long as the page: the element classes call it for every new element.
    static CREATE: js_sys::Function =
        Closure::<dyn Fn(HtmlElement, String) -> JsValue>::new(create).into_js_value().unchecked_into();
}

fn create(element: HtmlElement, kind: String) -> JsValue {
    let Some(kind) = WidgetKind::parse(&kind) else {
        return JsValue::NULL;
    };
    match Widget::create(element, kind, Options::default()) {
        Ok(widget) => JsValue::from(Handle { widget }),
        Err(error) => {
            web_sys::console::error_1(&JsValue::from(error));
            JsValue::NULL
        }
    }
}

/// Registers the three custom elements, and returns the tags it could not register: another
/// script defined them first, or the page has no custom elements (an empty array when all
/// three are ours).
///
/// Safe to call more than once: tags this module (or another copy of it) defined are left
/// alone without a word. A tag another library took is left to it, with a console warning
/// naming it; nothing is thrown.
#[wasm_bindgen(js_name = defineElements, unchecked_return_type = "string[]")]
pub fn define_elements() -> js_sys::Array {
    let attributes: js_sys::Array = ATTRIBUTES.iter().map(|n| JsValue::from_str(n)).collect();
    let taken = js_sys::Array::new();
    CREATE.with(|create| {
        for kind in WidgetKind::ALL {
            let why = match define_element(kind.tag(), kind.as_str(), &attributes, create).as_str()
            {
                "foreign" => "is already defined by another script; that definition stays",
                "unavailable" => "cannot be defined here (no custom elements); use mount()",
                _ => continue,
            };
            web_sys::console::warn_1(
                &format!(
                    "foerderweg.defineElements: <{}> {why}, and this widget is not available \
                     under the tag",
                    kind.tag()
                )
                .into(),
            );
            taken.push(&JsValue::from_str(kind.tag()));
        }
    });
    taken
}
