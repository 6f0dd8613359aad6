//! A line chart of series over reporting dates, from a laid-out [`Chart`]: axes, capacity
//! line, lines with a distinct marker shape each (not colour alone), and a tooltip that follows
//! the mouse or the keyboard. One tab stop per chart; arrow keys move between points.

use super::{marked, move_tab_stop};
use crate::i18n::Lang;
use crate::layout::occupancy::{Chart, next_point};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The marker drawn for the `index`-th line: circle, square, diamond, triangle.
fn marker(index: usize, x: f64, y: f64) -> String {
    let r = 4.5;
    match index % 4 {
        0 => format!(
            "M{:.1},{y:.1}a{r},{r} 0 1,0 {:.1},0a{r},{r} 0 1,0 {:.1},0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
        1 => format!(
            "M{:.1},{:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r,
            y - r,
            2.0 * r,
            2.0 * r,
            -2.0 * r
        ),
        2 => format!(
            "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z",
            y - r - 1.0,
            x + r + 1.0,
            y + r + 1.0,
            x - r - 1.0
        ),
        _ => format!(
            "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
            y - r - 1.0,
            x + r + 1.0,
            y + r,
            x - r - 1.0,
            y + r
        ),
    }
}

/// The legend swatch of the `index`-th line: a short stroke and its marker.
fn swatch(index: usize, key: &'static str) -> impl IntoView {
    view! {
        <svg class="fw-swatch-line" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
            <path class=format!("fw-line fw-line--{key}") d="M1,6H27"></path>
            <path class=format!("fw-marker fw-line--{key}") d=marker(index, 14.0, 6.0)></path>
        </svg>
    }
}

pub(crate) fn series_chart(chart: Chart, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    let Chart {
        id,
        title,
        width,
        height,
        plot,
        x_ticks,
        y_ticks,
        lines,
        reference,
    } = chart;
    let (left, right, top, bottom) = plot;
    let active = RwSignal::new(None::<(usize, usize)>);
    let shown = RwSignal::new(false);
    let lines = std::sync::Arc::new(lines);
    let tooltip = {
        let lines = lines.clone();
        move || {
            let (l, p) = active.get().filter(|_| shown.get())?;
            let point = lines.get(l)?.points.get(p)?;
            // Keep the tooltip inside the chart: anchor it left, centre or right of the point.
            let side = if point.x < width * 0.25 {
                "start"
            } else if point.x > width * 0.75 {
                "end"
            } else {
                "middle"
            };
            Some(view! {
                <div
                    class=format!("fw-tooltip fw-tooltip--{side}")
                    aria-hidden="true"
                    style:left=format!("{:.1}px", point.x)
                    style:top=format!("{:.1}px", point.y)
                >
                    {point.text.clone()}
                </div>
            })
        }
    };
    let on_key = {
        let lines = lines.clone();
        move |ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            if key == "Escape" {
                shown.set(false);
                return;
            }
            let at = active.get_untracked().unwrap_or((0, 0));
            let Some(next) = next_point(&lines, at, &key) else {
                return;
            };
            ev.prevent_default();
            active.set(Some(next));
            shown.set(true);
            let target = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let selector = format!("[data-fw-point='{}-{}']", next.0, next.1);
            if let Some(el) = target.and_then(|t| t.query_selector(&selector).ok().flatten()) {
                if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                    let _ = el.focus();
                }
            }
        }
    };
    let legend = lines
        .iter()
        .enumerate()
        .map(|(i, l)| view! { <li>{swatch(i, l.key)}{l.label}</li> })
        .collect_view();
    let drawn = lines
        .iter()
        .enumerate()
        .map(|(li, line)| {
            let points = line
                .points
                .iter()
                .enumerate()
                .map(|(pi, point)| {
                    let tabindex = if li == 0 && pi == 0 { "0" } else { "-1" };
                    view! {
                        <path
                            class=format!("fw-marker fw-line--{}", line.key)
                            d=marker(li, point.x, point.y)
                            data-fw-point=format!("{li}-{pi}")
                            tabindex=tabindex
                            role="img"
                            aria-label=point.text.clone()
                        ></path>
                    }
                })
                .collect_view();
            view! {
                <g class=format!("fw-series fw-series--{}", line.key)>
                    <path class=format!("fw-line fw-line--{}", line.key) d=line.d.clone()></path>
                    {points}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class=format!("fw-chart fw-chart--{id}")>
            <figcaption class="fw-heading">{title}</figcaption>
            <ul class="fw-legend">{legend}</ul>
            <div class="fw-chart__plot"
                // Focus and hover of the marks, once here rather than on each of hundreds; not on the
                // <svg>, which focus listeners would make a tab stop of its own in Chromium.
                on:focusin=move |ev| {
                    if let Some((mark, at)) = point_of(&ev) {
                        move_tab_stop(&ev, &mark, "data-fw-point");
                        active.set(Some(at));
                        shown.set(true);
                    }
                }
                on:focusout=move |ev| if point_of(&ev).is_some() { shown.set(false) }
                on:mouseover=move |ev| {
                    if let Some((_, at)) = point_of(&ev) {
                        active.set(Some(at));
                        shown.set(true);
                    }
                }
                on:mouseout=move |ev| if point_of(&ev).is_some() { shown.set(false) }
            >
                <svg
                    class="fw-svg"
                    width=format!("{width:.0}")
                    height=format!("{height:.0}")
                    viewBox=format!("0 0 {width:.0} {height:.0}")
                    role="group"
                    aria-label=title
                    aria-roledescription="chart"
                    on:keydown=on_key
                >
                    <g class="fw-axis fw-axis--y" aria-hidden="true">
                        {y_ticks.into_iter().map(|t| view! {
                            <line class="fw-grid-line" x1=format!("{left:.1}") x2=format!("{right:.1}")
                                y1=format!("{:.1}", t.at) y2=format!("{:.1}", t.at)></line>
                            <text class="fw-tick" x=format!("{:.1}", left - 6.0) y=format!("{:.1}", t.at)
                                text-anchor="end" dominant-baseline="middle">{t.label}</text>
                        }).collect_view()}
                    </g>
                    <g class="fw-axis fw-axis--x" aria-hidden="true">
                        <line class="fw-axis-line" x1=format!("{left:.1}") x2=format!("{right:.1}")
                            y1=format!("{bottom:.1}") y2=format!("{bottom:.1}")></line>
                        {x_ticks.into_iter().map(|t| view! {
                            <line class="fw-axis-line" x1=format!("{:.1}", t.at) x2=format!("{:.1}", t.at)
                                y1=format!("{bottom:.1}") y2=format!("{:.1}", bottom + 4.0)></line>
                            <text class="fw-tick" x=format!("{:.1}", t.at) y=format!("{:.1}", bottom + 16.0)
                                text-anchor="middle">{t.label}</text>
                        }).collect_view()}
                    </g>
                    {reference.map(|(y, label)| view! {
                        <g class="fw-reference" aria-hidden="true">
                            <line x1=format!("{left:.1}") x2=format!("{right:.1}")
                                y1=format!("{y:.1}") y2=format!("{y:.1}")></line>
                            <text x=format!("{:.1}", right - 4.0) y=format!("{:.1}", (y - 5.0).max(top + 8.0))
                                text-anchor="end">{label}</text>
                        </g>
                    })}
                    {drawn}
                </svg>
                {tooltip}
            </div>
            <p class="fw-hint">{o.chart_keys}</p>
        </figure>
    }
}

/// The point an event happened on: its element and (line, point).
fn point_of(ev: &web_sys::Event) -> Option<(web_sys::Element, (usize, usize))> {
    let (mark, value) = marked(ev, "data-fw-point")?;
    let (line, point) = value.split_once('-')?;
    Some((mark, (line.parse().ok()?, point.parse().ok()?)))
}
