//! A chart of series over reporting dates: its scene (`layout::occupancy::drawing`) drawn by the
//! one marks renderer, a legend, and a tooltip that follows the mouse or the keyboard. One tab
//! stop per chart; arrow keys move between points. Events are delegated to the plot, so a
//! redraw (new data, a new width) keeps them, and the focus stays on the same point.

use super::marks;
use super::{marked, move_tab_stop};
use crate::i18n::Lang;
use crate::layout::occupancy::{self as layout, Chart, Tip, next_point, parse_point};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The attribute naming a point, the key that keeps the focus across redraws.
const POINT: &str = "data-fw-point";

/// The point an event happened on (its element and where it is), and its tooltip.
fn point_of(
    ev: &web_sys::Event,
    chart: Memo<Option<Chart>>,
) -> Option<(web_sys::Element, (usize, usize), Option<Tip>)> {
    let (mark, id) = marked(ev, POINT)?;
    let at = parse_point(&id)?;
    let tip = chart.with_untracked(|c| layout::tip(c.as_ref()?, at));
    Some((mark, at, tip))
}

/// The chart `id` of `charts`, drawn while the document has its series.
pub(crate) fn series_chart(
    id: impl Into<String>,
    charts: Memo<Vec<Chart>>,
    lang: Lang,
) -> impl IntoView {
    let id: Arc<str> = id.into().into();
    let chart = {
        let id = id.clone();
        Memo::new(move |_| charts.with(|cs| cs.iter().find(|c| *c.id == *id).cloned()))
    };
    let present = Memo::new(move |_| chart.with(Option::is_some));
    move || present.get().then(|| figure(id.clone(), chart, lang))
}

fn figure(id: Arc<str>, chart: Memo<Option<Chart>>, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    let scene = Memo::new(move |_| {
        chart.with(|c| {
            c.as_ref()
                .map(|c| layout::drawing(c, lang))
                .unwrap_or_default()
        })
    });
    let (_, plot) = marks::plot(
        scene.into(),
        POINT,
        "fw-chart__svg",
        Some(format!("fw-keys-{id}")),
    );
    let at = RwSignal::new(None::<(usize, usize)>);
    let tip = super::tooltip::Hover::<Tip>::new();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Escape" {
            tip.hide();
            return;
        }
        let from = at.get_untracked().unwrap_or((0, 0));
        let Some(next) = chart.with_untracked(|c| next_point(&c.as_ref()?.lines, from, &key))
        else {
            return;
        };
        ev.prevent_default();
        let plot = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let selector = format!("[{POINT}='{}']", layout::point_id(next.0, next.1));
        if let Some(el) = plot.and_then(|p| p.query_selector(&selector).ok().flatten()) {
            // Focusing it runs `focusin` below: tab stop and tooltip follow.
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    };
    let tooltip = move || {
        tip.get()
            .map(|Tip { x, y, text, side }| tip.bubble((x, y), side, text))
    };
    let title = move || chart.with(|c| c.as_ref().map(|c| c.title.clone()));
    view! {
        <figure class=format!("fw-chart fw-chart--{id}") aria-labelledby=format!("fw-title-{id}")>
            <figcaption class="fw-heading" id=format!("fw-title-{id}")>{title}</figcaption>
            {super::written(move |w, _| chart.with(|c| {
                if let Some(c) = c {
                    crate::render::dashboard::legend(w, c, lang);
                }
            }))}
            <div class="fw-chart__plot"
                // Once here rather than on each of hundreds of marks, and on a container the
                // redraws keep; not on the <svg>, which focus listeners would make a tab stop.
                on:focusin=move |ev| {
                    if let Some((mark, point, shown)) = point_of(&ev, chart) {
                        move_tab_stop(&ev, &mark, POINT);
                        at.set(Some(point));
                        tip.show(shown);
                    }
                }
                on:focusout=move |ev| if marked(&ev, POINT).is_some() { tip.hide() }
                on:mouseover=move |ev| {
                    if let Some((_, _, Some(shown))) = point_of(&ev, chart) {
                        tip.show(Some(shown));
                    }
                }
                on:mouseout=move |ev| if marked(&ev, POINT).is_some() { tip.leave() }
                on:keydown=on_key
            >
                {plot}
                {tooltip}
            </div>
            <p class="fw-hint" id=format!("fw-keys-{id}")>{o.chart_keys}</p>
        </figure>
    }
}
