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

/// Space between a small mark and its ring, and the least size of the ring, in view units: a
/// one-day phase or a 12 px marker still gets a ring that can be seen.
const RING_GAP: f64 = 3.0;
const RING_MIN: f64 = 16.0;

/// The focus ring of every mark of every drawing, in one place: drawn over the whole drawing
/// (last in the `<svg>`, so no area, outline or neighbour covers it), two bands of the text and
/// the ground colour (one of the two reaches 3:1 on any fill). An area is ringed along its own
/// outline; any other mark by a rectangle around it, offset and at least [`RING_MIN`] across.
/// Shown for the keyboard focus only (`:focus-visible`); removed when the focus leaves.
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
    let band = |d: Option<&str>, rect: Option<(f64, f64, f64, f64)>, class: &str| {
        let el = if let Some(d) = d {
            let el = doc.create_element_ns(Some(SVG_NS), "path").ok()?;
            el.set_attribute("d", d).ok()?;
            el
        } else {
            let (x, y, w, h) = rect?;
            let el = doc.create_element_ns(Some(SVG_NS), "rect").ok()?;
            for (name, v) in [("x", x), ("y", y), ("width", w), ("height", h), ("rx", 3.0)] {
                el.set_attribute(name, &crate::scene::num::fmt(v)).ok()?;
            }
            el
        };
        el.set_attribute("class", class).ok()?;
        group.append_child(&el).ok()
    };
    let shapes = record
        .query_selector_all("path, rect, circle, polygon, line")
        .ok();
    let shapes: Vec<web_sys::Element> = shapes
        .map(|l| {
            (0..l.length())
                .filter_map(|i| l.item(i)?.dyn_into::<web_sys::Element>().ok())
                .filter(|e| !e.class_list().contains("fw-pin__hit"))
                .collect()
        })
        .unwrap_or_default();
    if record.get_attribute("data-fw-kind").as_deref() == Some("area") {
        for shape in &shapes {
            let Some(d) = shape.get_attribute("d") else {
                continue;
            };
            band(Some(&d), None, "fw-ring__halo");
            band(Some(&d), None, "fw-ring__line");
        }
    } else {
        // The marks' box in view units (the drawing may be scaled to its container).
        let frame = svg.get_bounding_client_rect();
        let width: f64 = svg
            .get_attribute("width")
            .and_then(|w| crate::scene::num::parse(&w))
            .unwrap_or(frame.width());
        let scale = if frame.width() > 0.0 {
            width / frame.width()
        } else {
            1.0
        };
        let mut bounds: Option<(f64, f64, f64, f64)> = None;
        for shape in &shapes {
            let r = shape.get_bounding_client_rect();
            let (x0, y0) = (r.left() - frame.left(), r.top() - frame.top());
            let (x1, y1) = (x0 + r.width(), y0 + r.height());
            bounds = Some(match bounds {
                None => (x0, y0, x1, y1),
                Some((a, b, c, d)) => (a.min(x0), b.min(y0), c.max(x1), d.max(y1)),
            });
        }
        let Some((x0, y0, x1, y1)) = bounds else {
            return;
        };
        let (x0, y0, x1, y1) = (x0 * scale, y0 * scale, x1 * scale, y1 * scale);
        let w = (x1 - x0 + 2.0 * RING_GAP).max(RING_MIN);
        let h = (y1 - y0 + 2.0 * RING_GAP).max(RING_MIN);
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let rect = Some((cx - w / 2.0, cy - h / 2.0, w, h));
        band(None, rect, "fw-ring__halo");
        band(None, rect, "fw-ring__line");
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
