//! The one constructable stylesheet every shadow root adopts: no `<style>` element and no
//! `style` attribute, so a strict `style-src 'self'` policy lets it through.

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

const CSS: &str = include_str!("../view/style.css");

thread_local! {
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(CSS).is_ok());
}

/// Adopts the shared sheet into `root` (once; the host's own adopted sheets stay).
pub(super) fn adopt(root: &ShadowRoot) {
    SHEET.with(|sheet| {
        let Some(sheet) = sheet else { return };
        let current = root.adopted_style_sheets();
        if current.includes(sheet, 0) {
            return;
        }
        current.push(sheet);
        root.set_adopted_style_sheets(&JsValue::from(current));
    });
}
