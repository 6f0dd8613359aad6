//! The embedding contract: custom elements, the `mount()` JS API, fetching `src`, host events
//! and the shadow root. The only module with `#[wasm_bindgen]` exports; everything it shows
//! comes from `check`, `layout` and `view`.

mod elements;
mod events;
mod fetch;
mod geometry;
mod style;
mod timer;
mod widget;

use crate::i18n::Lang;
use crate::model::WidgetKind;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use widget::{Options, Widget};

pub use elements::define_elements;
#[cfg(feature = "map")]
pub use geometry::{load_geometry, set_geometry_base, set_geometry_url};
pub use widget::live_widgets;

/// A mounted widget, returned by [`mount`] (and held by each custom element).
///
/// The widget stays on the page until [`Handle::destroy`] is called: dropping or forgetting
/// the handle in JS does not remove it, as with any DOM node.
#[wasm_bindgen]
#[must_use = "keep the handle to update or destroy the widget"]
pub struct Handle {
    widget: Rc<Widget>,
}

#[wasm_bindgen]
impl Handle {
    /// Replaces the data: an object, or a JSON string. Diagnostics are shown in the widget and
    /// sent in `foerderweg-error`; nothing is thrown.
    pub fn update(&self, data: JsValue) {
        self.widget.set_data(&data);
    }

    /// Sets one option (`lang`, `theme`, `src`, `refresh`, `timeout`, `max-size`); `null` or
    /// `undefined` removes it. Removing `src` aborts its fetch and stops its refresh.
    #[wasm_bindgen(js_name = setOption)]
    pub fn set_option(&self, name: &str, value: Option<String>) {
        self.widget.set_option(name, value.as_deref());
    }

    /// Fetches `src` again now (and a map's geometry, if it failed to load).
    pub fn reload(&self) {
        self.widget.reload();
    }

    /// Holds the `refresh` of `src` until [`Handle::resume`]: no fetch meanwhile. The widget
    /// shows the same as its own "pause updates" button does.
    pub fn pause(&self) {
        self.widget.set_paused(true);
    }

    /// Lets a held `refresh` run again: one fetch now if one fell due meanwhile, the next a
    /// whole interval later (not one per missed interval).
    pub fn resume(&self) {
        self.widget.set_paused(false);
    }

    /// Whether the refresh is held by [`Handle::pause`], the `paused` option or the reader's
    /// own button (the focus or the pointer inside the widget hold it too, but do not count).
    #[wasm_bindgen(getter)]
    pub fn paused(&self) -> bool {
        self.widget.paused()
    }

    /// Removes the widget's DOM, stops fetches and timers and removes its listeners. Calling it
    /// again does nothing.
    pub fn destroy(&self) {
        self.widget.destroy();
    }

    /// `timeline`, `occupancy` or `map`.
    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        self.widget.kind().as_str().to_string()
    }
}

#[wasm_bindgen(typescript_custom_section)]
const MOUNT_OPTIONS: &str = r#"
/** Options of `mount()`: the twins of the elements' attributes (own properties only). */
export interface MountOptions {
    /** Language of the widget; German by default, the document's `lang` when absent. */
    lang?: "de" | "en";
    /** Colour scheme; `auto` follows prefers-color-scheme. */
    theme?: "light" | "dark" | "auto";
    /** URL of the document, fetched with the page's same-origin credentials. */
    src?: string;
    /** Seconds between fetches of `src` (at least 5). */
    refresh?: number | string;
    /** Seconds a fetch of `src` may take (default 30, 1 to 600). */
    timeout?: number | string;
    /** Megabytes a fetch of `src` may read (default 20, 0.001 to 500). */
    maxSize?: number | string;
    /** Starts with the refresh held (as `pause()`). */
    paused?: boolean;
    /** `false`: the refresh runs on while the focus or the pointer is inside the widget. */
    pauseOnFocus?: boolean | string;
    /** Level of the widget's title, 1 to 5 (default 2); its sections are one below. */
    headingLevel?: number | string;
    /** Sensitive timeline records (health, addiction, debt, psychosocial counselling):
     * `generalise` (default) draws them as "vertraulich" without label, `hide` leaves them out,
     * `show` shows them; the strictest of this and the document's `confidential` wins. */
    confidential?: "show" | "generalise" | "hide";
    /** A map compares two periods of its figures: `"2017-Q4 2018-Q1"` (a difference) or
     * `"2017-Q4 2018-Q1 percent"`; the person can change or end it. */
    compare?: string;
}
"#;

/// Mounts a widget into `element` (inside an open shadow root) without custom elements.
///
/// `kind` is `timeline`, `occupancy` or `map`; `data` an object, a JSON string, or `null` (then
/// `options.src` is fetched); `options` may hold `lang`, `theme`, `src`, `refresh`, `timeout`,
/// `maxSize`, `paused`, `pauseOnFocus`, `headingLevel`, `confidential` and `compare` as its own properties (what it inherits, say from `Object.prototype`, is
/// ignored). A second `mount()` on the same element replaces the first widget: that one is
/// destroyed, and its handle does nothing any more.
/// Throws only for an unknown `kind`, or an element that cannot have an open shadow root (an
/// `<input>`, or one with a closed root of its own): problems with the data are shown in the
/// widget.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    kind: &str,
    data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions | null | undefined")] options: JsValue,
) -> Result<Handle, JsError> {
    let kind = WidgetKind::parse(kind).ok_or_else(|| {
        JsError::new(&format!(
            "foerderweg.mount: unknown kind {kind:?}; use timeline, occupancy or map"
        ))
    })?;
    if !kind.built() {
        return Err(JsError::new(&format!(
            "foerderweg.mount: this module is built without the {} widget; import the \
             package's foerderweg.js, which loads the module each widget needs",
            kind.as_str()
        )));
    }
    let widget = Widget::create(element, kind, Options::from_js(&options))?;
    if !data.is_null() && !data.is_undefined() {
        widget.set_data(&data);
    }
    Ok(Handle { widget })
}

/// Replaces labels of one language for every widget on the page, mounted or still to come.
///
/// `labels` maps keys such as `tl.show_table` or `participants.one` to texts (see the README for
/// the keys, or [`label_keys`]); keys not named keep their built-in text, and a new call for the
/// same language replaces the previous one (`{}` or `null` restores the built-in texts). Texts
/// are shown as text, never as HTML. Returns the keys that were not applied, each as
/// `{key, reason}`, and warns about them in the console; the other keys apply anyway.
/// Throws only for a language other than `de` or `en`.
#[wasm_bindgen(js_name = setLabels)]
pub fn set_labels(lang: &str, labels: JsValue) -> Result<js_sys::Array, JsError> {
    let language = Lang::parse(lang).ok_or_else(|| {
        JsError::new(&format!(
            "foerderweg.setLabels: unknown language {lang:?}; use de or en"
        ))
    })?;
    let text = if labels.is_null() || labels.is_undefined() {
        Some("{}".to_string())
    } else {
        js_sys::JSON::stringify(&labels)
            .ok()
            .and_then(|s| s.as_string())
    };
    let map = text
        .and_then(|t| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&t).ok())
        .ok_or_else(|| {
            JsError::new("foerderweg.setLabels: labels must be an object of key → text")
        })?;
    let rejected = language.set_labels(&map);
    crate::view::labels_changed();
    let out = js_sys::Array::new();
    for r in rejected {
        web_sys::console::warn_1(
            &format!(
                "foerderweg.setLabels({lang}): {:?} not applied: {}",
                r.key, r.reason
            )
            .into(),
        );
        let item = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&item, &"key".into(), &r.key.into());
        let _ = js_sys::Reflect::set(&item, &"reason".into(), &r.reason.into());
        out.push(&item);
    }
    Ok(out)
}

/// Every label key of a language with its current text (the host's labels included), as an
/// object in table order: the keys [`set_labels`] takes.
#[wasm_bindgen(js_name = labelKeys)]
pub fn label_keys(lang: &str) -> Result<js_sys::Object, JsError> {
    let language = Lang::parse(lang).ok_or_else(|| {
        JsError::new(&format!(
            "foerderweg.labelKeys: unknown language {lang:?}; use de or en"
        ))
    })?;
    let out = js_sys::Object::new();
    for (key, text) in language.label_keys() {
        let _ = js_sys::Reflect::set(&out, &key.into(), &text.into());
    }
    Ok(out)
}

/// Bytes of this module's WebAssembly memory (the package's loader sums them over its modules).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            f64::from(
                m.buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length(),
            )
        })
        .unwrap_or(0.0)
}

/// Writes panics to the console with their message. A panic is a bug: the module cannot run
/// on after one, so it must not happen, but when it does the host should see why.
fn install_panic_hook() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("foerderweg: internal error: {info}").into());
        }));
    });
}
