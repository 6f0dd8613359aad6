//! The constructable stylesheet every shadow root adopts: no `<style>` element and no `style`
//! attribute, so a strict `style-src 'self'` policy lets it through.
//!
//! A constructed sheet can only be adopted in the document it was made for, and an element can
//! be moved into another one (an iframe's): so there is one sheet per document, made with that
//! document's own `CSSStyleSheet`, held in a `WeakMap` so a removed iframe's sheet goes with it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, ShadowRoot};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));
/// Marks our sheets, so a root moved between documents drops the other document's one.
const MARK: &str = "__foerderwegSheet";

thread_local! {
    static SHEETS: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// The sheet made for `document` (made on first use); `None` where there is no window to make
/// one with (a document made by `createHTMLDocument`) or the browser cannot.
fn sheet_for(document: &Document) -> Option<CssStyleSheet> {
    SHEETS.with(|sheets| {
        if let Ok(sheet) = sheets.get(document).dyn_into::<CssStyleSheet>() {
            return Some(sheet);
        }
        let window = document.default_view()?;
        let class: js_sys::Function = js_sys::Reflect::get(&window, &"CSSStyleSheet".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let sheet: CssStyleSheet = js_sys::Reflect::construct(&class, &js_sys::Array::new())
            .ok()?
            .unchecked_into();
        sheet.replace_sync(CSS).ok()?;
        let _ = js_sys::Reflect::set(&sheet, &MARK.into(), &JsValue::TRUE);
        sheets.set(document, &sheet);
        Some(sheet)
    })
}

/// Adopts the sheet of `root`'s document into `root` (once; the host's own adopted sheets stay,
/// ours made for another document go). Never throws.
pub(super) fn adopt(root: &ShadowRoot) {
    let Some(sheet) = root.owner_document().and_then(|d| sheet_for(&d)) else {
        return;
    };
    let current = root.adopted_style_sheets();
    if current.includes(&sheet, 0) {
        return;
    }
    let kept: js_sys::Array = current
        .iter()
        .filter(|s| {
            !js_sys::Reflect::get(s, &MARK.into())
                .ok()
                .is_some_and(|m| m.is_truthy())
        })
        .collect();
    kept.push(&sheet);
    let _ = js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &kept);
}
