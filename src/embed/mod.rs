//! The embedding contract: custom elements, the `mount()` JS API, fetching `src`, host events
//! and the shadow root. The only module with `#[wasm_bindgen]` exports; everything it shows
//! comes from `check`, `layout` and `view`.

mod elements;
mod events;
mod fetch;
mod geometry;
mod style;
mod widget;

use crate::model::WidgetKind;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use widget::{Options, Widget};

pub use elements::define_elements;
pub use geometry::{load_geometry, set_geometry_base};
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

    /// Sets one option (`lang`, `theme`, `src`, `refresh`); `null` or `undefined` removes it.
    #[wasm_bindgen(js_name = setOption)]
    pub fn set_option(&self, name: &str, value: Option<String>) {
        self.widget.set_option(name, value.as_deref());
    }

    /// Fetches `src` again now.
    pub fn reload(&self) {
        self.widget.fetch_src(false);
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

/// Mounts a widget into `element` (inside an open shadow root) without custom elements.
///
/// `kind` is `timeline`, `occupancy` or `map`; `data` an object, a JSON string, or `null` (then
/// `options.src` is fetched); `options` may hold `lang`, `theme`, `src` and `refresh`.
/// Throws only for an unknown `kind`: problems with the data are shown in the widget.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    kind: &str,
    data: JsValue,
    options: JsValue,
) -> Result<Handle, JsError> {
    let kind = WidgetKind::parse(kind).ok_or_else(|| {
        JsError::new(&format!(
            "foerderweg.mount: unknown kind {kind:?}; use timeline, occupancy or map"
        ))
    })?;
    let widget = Widget::create(element, kind, Options::from_js(&options))?;
    if !data.is_null() && !data.is_undefined() {
        widget.set_data(&data);
    }
    Ok(Handle { widget })
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
