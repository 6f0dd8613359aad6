//! The one renderer of marks in the browser: a scene's markup (`render::svg::drawing`, the same
//! the exports, the server and the golden tests write) set into a container, replaced when the
//! scene changes, with the focus kept on the record that had it.
//!
//! Events are delegated: a widget listens once on the container and finds the record with
//! [`super::marked`]. Tooltips read the record's name (`aria-label`) and its anchor
//! (`data-fw-x`, `data-fw-y`) from the markup.

use crate::scene::Scene;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a tooltip shows: its anchor in view units and its text.
pub(crate) type Tip = (f64, f64, String);

/// The tooltip of the record an event happened on.
pub(crate) fn tip_of(ev: &web_sys::Event) -> Option<Tip> {
    let (mark, text) = super::marked(ev, "data-fw-x").and_then(|(m, _)| {
        let label = m.get_attribute("aria-label")?;
        Some((m, label))
    })?;
    let x = mark.get_attribute("data-fw-x")?.parse().ok()?;
    let y = mark.get_attribute("data-fw-y")?.parse().ok()?;
    Some((x, y, text))
}

/// The value of `key` on the focused record inside `container`, if the focus is there.
fn focused_record(container: &web_sys::Element, key: &str) -> Option<String> {
    let focused = container.query_selector(":focus").ok()??;
    let record = focused.closest(&format!("[{key}]")).ok()??;
    record.get_attribute(key)
}

/// Gives the focus back after a redraw: to the record with the same `key` value, else to the
/// container, so it never falls to the page's `<body>`.
pub(crate) fn refocus(container: &web_sys::HtmlElement, key: &str, value: &str) {
    let selector = format!(
        "[{key}=\"{}\"]",
        value.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let target = container.query_selector(&selector).ok().flatten();
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    // Records are SVG elements (an `<svg>` `<g>` is no HtmlElement), controls HTML ones.
    let focused = match &target {
        Some(el) => match el.dyn_ref::<web_sys::SvgElement>() {
            Some(svg) => svg.focus_with_options(&options).is_ok(),
            None => el
                .dyn_ref::<web_sys::HtmlElement>()
                .is_some_and(|h| h.focus_with_options(&options).is_ok()),
        },
        None => false,
    };
    if !focused {
        let _ = container.focus_with_options(&options);
    }
}

/// Sets the drawing of `scene` into `container`, keeping the focus on the record named by the
/// data attribute `key` (`data-fw-path`, `data-fw-key`, …).
/// Texts of the document carry `data_lang`, where it differs from the widget's language.
pub(crate) fn draw_into(
    container: &web_sys::HtmlElement,
    scene: &Scene,
    key: &str,
    data_lang: Option<&'static str>,
) {
    let kept = focused_record(container, key);
    crate::render::dom::show(container, scene, data_lang);
    if let Some(value) = kept {
        refocus(container, key, &value);
    }
}

/// A container that draws `scene` and redraws it when it changes. `key` names the data
/// attribute whose record keeps the focus across redraws.
pub(crate) fn plot(
    scene: Signal<Scene>,
    key: &'static str,
    class: &'static str,
) -> (NodeRef<leptos::html::Div>, impl IntoView) {
    let container = NodeRef::<leptos::html::Div>::new();
    let data_lang = super::data_lang();
    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        let data_lang = data_lang.get();
        scene.with(|s| draw_into(&el, s, key, data_lang));
    });
    (
        container,
        view! { <div class=class node_ref=container tabindex="-1"></div> },
    )
}
