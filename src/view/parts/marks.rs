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
    let x = crate::scene::num::parse(&mark.get_attribute("data-fw-x")?)?;
    let y = crate::scene::num::parse(&mark.get_attribute("data-fw-y")?)?;
    Some((x, y, text))
}

/// The value of `key` on the focused record inside `container`, if the focus is there.
fn focused_record(container: &web_sys::Element, key: &str) -> Option<String> {
    let focused = container.query_selector(":focus").ok()??;
    let record = focused.closest(&format!("[{key}]")).ok()??;
    record.get_attribute(key)
}

/// Gives the focus back after a redraw: to the record with the same `key` value; when the new
/// document no longer has it (a reporting date gone), to the drawing's tab stop, so the reader
/// stays on a record of the same drawing; else to the container, so it never falls to the
/// page's `<body>`.
pub(crate) fn refocus(container: &web_sys::HtmlElement, key: &str, value: &str) {
    let target = container
        .query_selector(&record_selector(key, value))
        .ok()
        .flatten()
        .or_else(|| {
            container
                .query_selector(&format!("[{key}][tabindex=\"0\"]"))
                .ok()
                .flatten()
        });
    if !target.as_ref().is_some_and(focus_record) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = container.focus_with_options(&options);
    }
}

pub(crate) use crate::render::dom::record_selector;

/// Focuses a record without scrolling; whether it took the focus. Records are SVG elements
/// (an `<svg>` `<g>` is no HtmlElement), controls HTML ones.
pub(crate) fn focus_record(el: &web_sys::Element) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    match el.dyn_ref::<web_sys::SvgElement>() {
        Some(svg) => svg.focus_with_options(&options).is_ok(),
        None => el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.focus_with_options(&options).is_ok()),
    }
}

/// Sets the drawing of `scene` into `container`, keeping the focus on the record named by the
/// data attribute `key` (`data-fw-path`, `data-fw-key`, …); `hint` is the id of the line that
/// tells the keys, which describes the drawing. Texts of the document carry `data_lang`, where
/// it differs from the widget's language.
pub(crate) fn draw_into(
    container: &web_sys::HtmlElement,
    scene: &Scene,
    key: &str,
    hint: Option<&str>,
    data_lang: Option<&'static str>,
) {
    let kept = focused_record(container, key);
    crate::render::dom::show(container, scene, data_lang);
    if let (Some(hint), Some(svg)) = (hint, container.first_element_child()) {
        let _ = svg.set_attribute("aria-describedby", hint);
    }
    if let Some(value) = kept {
        refocus(container, key, &value);
    }
    ring(container);
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The focus ring of every mark of every drawing, in one place: drawn over the whole drawing
/// (no neighbouring mark covers it), as a line on a wider line of the ground colour (one of the
/// two reaches 3:1 on any fill). Where it goes is the scene's (`Group::ring`, written as
/// `data-fw-ring-*`); an area is ringed along its own outline.
pub(crate) fn ring(container: &web_sys::Element) {
    if let Ok(old) = container.query_selector_all(".fw-ring") {
        for i in 0..old.length() {
            if let Some(node) = old.item(i)
                && let Some(parent) = node.parent_node()
            {
                let _ = parent.remove_child(&node);
            }
        }
    }
    let Some(record) = container.query_selector(":focus-visible").ok().flatten() else {
        return;
    };
    let Some(svg) = record.closest("svg").ok().flatten() else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(group) = doc.create_element_ns(Some(SVG_NS), "g") else {
        return;
    };
    let _ = group.set_attribute("class", "fw-ring");
    let _ = group.set_attribute("aria-hidden", "true");
    // The ring's shape, copied from the record: its outline or the box the scene gave it.
    let outline: Vec<String> = if record.get_attribute("data-fw-kind").as_deref() == Some("area") {
        record
            .query_selector_all("path")
            .map(|l| {
                (0..l.length())
                    .filter_map(|i| {
                        l.item(i)?
                            .dyn_into::<web_sys::Element>()
                            .ok()?
                            .get_attribute("d")
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let frame: Vec<(&str, String)> = ["x", "y", "width", "height"]
        .into_iter()
        .filter_map(|name| Some((name, record.get_attribute(&format!("data-fw-ring-{name}"))?)))
        .collect();
    for class in ["fw-ring__halo", "fw-ring__line"] {
        let made = if !outline.is_empty() {
            outline.iter().try_for_each(|d| {
                let el = doc.create_element_ns(Some(SVG_NS), "path").ok()?;
                el.set_attribute("d", d).ok()?;
                el.set_attribute("class", class).ok()?;
                group.append_child(&el).ok().map(drop)
            })
        } else if frame.len() == 4 {
            (|| {
                let el = doc.create_element_ns(Some(SVG_NS), "rect").ok()?;
                for (name, value) in &frame {
                    el.set_attribute(name, value).ok()?;
                }
                el.set_attribute("rx", "3").ok()?;
                el.set_attribute("class", class).ok()?;
                group.append_child(&el).ok().map(drop)
            })()
        } else {
            None
        };
        if made.is_none() {
            return;
        }
    }
    let _ = svg.append_child(&group);
}

/// A container that draws `scene` and redraws it when it changes. `key` names the data
/// attribute whose record keeps the focus across redraws; `hint` is the id of the key hint
/// that describes the drawing. The focus ring follows the focus ([`ring`]).
pub(crate) fn plot(
    scene: Signal<Scene>,
    key: &'static str,
    class: &'static str,
    hint: Option<String>,
) -> (NodeRef<leptos::html::Div>, impl IntoView) {
    let container = NodeRef::<leptos::html::Div>::new();
    let data_lang = super::data_lang();
    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        let data_lang = data_lang.get();
        scene.with(|s| draw_into(&el, s, key, hint.as_deref(), data_lang));
    });
    // From the event, not the node ref: a focus leaving a drawing that is being taken down
    // (a new language) arrives after the view's reactive values are gone.
    let follow = move |ev: web_sys::FocusEvent| {
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            ring(&el);
        }
    };
    (
        container,
        view! { <div class=class node_ref=container tabindex="-1" on:focusin=follow on:focusout=follow></div> },
    )
}
