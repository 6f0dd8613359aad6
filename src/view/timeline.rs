//! The support-plan timeline: one participant in lanes, or a cohort of many in virtualised
//! rows that open the single view. View state only: window, selection, sort, filters, focus.

use super::parts::export::{Item, menu, printing};
use super::parts::table::data_table;
use crate::i18n::{Lang, fill, name_of};
use crate::layout::timeline::{
    self as layout, CohortSort, Filter, Marker, Single, Window, cohort_order, cohort_rows,
};
use crate::model::timeline::TimelineDoc;
use crate::scene::Frame;
use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Height of a lane of the single view and of a cohort row, in pixels.
const LANE: f64 = 30.0;
const ROW: f64 = 32.0;
/// Rows drawn beyond the visible ones, above and below.
const OVERSCAN: usize = 6;
/// Rows of the cohort table view (the chart view has them all).
const TABLE_ROWS: usize = 200;

fn viewer_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Left gutter (lane titles, row labels) and right margin for a widget `width` wide.
fn plot_for(width: f64) -> (f64, f64) {
    let gutter = if width < 480.0 { 96.0 } else { 150.0 };
    (gutter, (width - 12.0).max(gutter + 60.0))
}

/// The timeline's view state carried to the next document (see [`super::Carried`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Carry {
    /// The participant open in the single view, by id.
    selected: Option<String>,
    /// The window, unless it was the one that fits everything.
    window: Option<Window>,
    /// The table view is shown.
    table: bool,
    /// Order of the cohort.
    sort: CohortSort,
    /// Filters of the cohort.
    filter: Filter,
}

pub(crate) fn timeline(
    doc: Arc<TimelineDoc>,
    lang: Lang,
    width: Signal<f64>,
    carried: StoredValue<super::Carried>,
) -> impl IntoView {
    let t = lang.texts().tl;
    let today = layout::today(&doc, viewer_today());
    let carry = carried
        .with_value(|c| c.timeline.clone())
        .unwrap_or_default();
    let single_only = doc.participants.len() == 1;
    let kept = carry
        .selected
        .as_deref()
        .and_then(|id| doc.participants.iter().position(|p| p.id == id));
    let selected = RwSignal::new(if single_only { Some(0usize) } else { kept });
    let all: Vec<_> = doc.participants.iter().collect();
    let fit_all = Window::fit(&all, today);
    // The window fitted to a participant who is gone does not fit anything: fit all again.
    let lost = carry.selected.is_some() && kept.is_none() && !single_only;
    let window = RwSignal::new(carry.window.filter(|_| !lost).unwrap_or(fit_all));
    let table = RwSignal::new(carry.table);
    let fit = {
        let doc = doc.clone();
        move || match selected
            .get_untracked()
            .and_then(|i| doc.participants.get(i))
        {
            Some(p) => Window::fit(&[p], today),
            None => fit_all,
        }
    };
    let open = {
        let fit = fit.clone();
        move |index: usize| {
            selected.set(Some(index));
            window.set(fit());
        }
    };
    let title = doc.title.clone();
    let source = doc.source.clone();
    let printing = printing();
    let exporting = RwSignal::new(false);
    let sort = RwSignal::new(carry.sort);
    let filter = RwSignal::new(carry.filter.kept_for(&doc));
    {
        let doc = doc.clone();
        Effect::new(move |_| {
            let carry = Carry {
                selected: selected
                    .get()
                    .and_then(|i| doc.participants.get(i))
                    .map(|p| p.id.clone()),
                window: Some(window.get()).filter(|w| *w != fit_all),
                table: table.get(),
                sort: sort.get(),
                filter: filter.get(),
            };
            carried.update_value(|c| c.timeline = Some(carry));
        });
    }
    let export = {
        let doc = doc.clone();
        move || {
            let e = lang.texts().export;
            let mut items = match selected.get().and_then(|i| doc.participants.get(i)) {
                // A participant's table does not change with the view: made once.
                Some(p) => {
                    let table = layout::single_table(p, today, lang);
                    let mut items =
                        vec![Item::csv(&p.label, Arc::new(move || table.clone()), lang)];
                    // In the table view the chart is drawn off-screen while it is exported.
                    items.extend(Item::images(
                        "svg.fw-timeline",
                        None,
                        &Frame {
                            title: fill(e.path_of, &p.label, ""),
                            ..Frame::default()
                        },
                        Some(exporting),
                        lang,
                    ));
                    items
                }
                None => {
                    let doc = doc.clone();
                    let mut items = vec![Item::csv(
                        t.cohort,
                        Arc::new(move || {
                            let order = cohort_order(
                                &doc,
                                sort.get_untracked(),
                                &filter.get_untracked(),
                                today,
                            );
                            layout::cohort_table(&doc, &order, window.get_untracked(), today, lang)
                        }),
                        lang,
                    )];
                    items.extend(Item::images(
                        "svg.fw-cohort-figure",
                        None,
                        &Frame {
                            title: t.cohort.to_string(),
                            ..Frame::default()
                        },
                        Some(exporting),
                        lang,
                    ));
                    items
                }
            };
            items.push(Item::print(lang));
            menu(items, lang)
        }
    };
    let body = {
        let doc = doc.clone();
        move || {
            let doc = doc.clone();
            // In print, the chart and its table.
            let printing = printing.get();
            match (selected.get(), table.get()) {
                (Some(i), as_table) => {
                    let table = doc.participants.get(i).map(|p| {
                        data_table(
                            &layout::single_table(p, today, lang),
                            lang,
                            "fw-table--timeline",
                        )
                    });
                    let chart = (!as_table || printing).then(|| {
                        single_view(doc.clone(), i, window, today, lang, width).into_any()
                    });
                    // An image asked for in the table view: the chart, drawn off-screen for it.
                    let for_export = move || {
                        (as_table && !printing && exporting.get()).then(|| {
                            view! {
                                <div class="fw-export-figure" aria-hidden="true">
                                    {single_view(doc.clone(), i, window, today, lang, width)}
                                </div>
                            }
                        })
                    };
                    view! {
                        {chart}
                        {for_export}
                        {(as_table || printing).then_some(table)}
                    }
                    .into_any()
                }
                (None, as_table) => cohort_view(
                    doc,
                    window,
                    fit_all,
                    today,
                    lang,
                    width,
                    as_table,
                    printing,
                    (sort, filter, exporting),
                    open.clone(),
                )
                .into_any(),
            }
        }
    };
    let summary = {
        let doc = doc.clone();
        move || match selected.get().and_then(|i| doc.participants.get(i)) {
            Some(p) => layout::single_summary(p, today, lang),
            None => layout::cohort_summary(&doc, today, lang),
        }
    };
    view! {
        <header class="fw-head">
            {title.map(|s| view! { <h2 class="fw-title">{s}</h2> })}
            <p class="fw-asof">{format!("{} {}", t.today, lang.date(today))}</p>
        </header>
        <p class="fw-summary">{summary}</p>
        <div class="fw-toolbar" role="toolbar" aria-label=lang.texts().timeline_name>
            {(!single_only).then(|| view! {
                <button type="button" class="fw-button fw-button--quiet" hidden=move || selected.get().is_none()
                    on:click=move |_| { selected.set(None); window.set(fit_all); }>
                    <span aria-hidden="true">"← "</span>{t.back}
                </button>
            })}
            {zoom_buttons(window, fit, today, lang)}
            <button type="button" class="fw-button fw-button--quiet" aria-pressed=move || table.get().to_string()
                on:click=move |_| table.update(|v| *v = !*v)>
                {move || if table.get() { t.show_chart } else { t.show_table }}
            </button>
            {export}
        </div>
        {body}
        <p class="fw-hint">{t.keys}</p>
        {source.map(|s| view! { <p class="fw-source">{format!("{}: ", lang.texts().source)}{s}</p> })}
    }
}

fn zoom_buttons(
    window: RwSignal<Window>,
    fit: impl Fn() -> Window + Clone + Send + Sync + 'static,
    today: NaiveDate,
    lang: Lang,
) -> impl IntoView {
    let t = lang.texts().tl;
    let fit2 = fit.clone();
    view! {
        <span class="fw-zoom">
            <button type="button" class="fw-button fw-button--small" aria-label=t.zoom_out title=t.zoom_out
                on:click=move |_| window.update(|w| *w = w.zoom(1.5, 0.5))>"−"</button>
            <button type="button" class="fw-button fw-button--small" aria-label=t.zoom_in title=t.zoom_in
                on:click=move |_| window.update(|w| *w = w.zoom(1.0 / 1.5, 0.5))>"+"</button>
            <button type="button" class="fw-button fw-button--small" aria-label=t.earlier title=t.earlier
                on:click=move |_| window.update(|w| *w = w.pan(-0.25))>"←"</button>
            <button type="button" class="fw-button fw-button--small" aria-label=t.later title=t.later
                on:click=move |_| window.update(|w| *w = w.pan(0.25))>"→"</button>
            <button type="button" class="fw-button fw-button--small"
                on:click=move |_| window.set(Window::around_today(today, 3))>{t.three_months}</button>
            <button type="button" class="fw-button fw-button--small"
                on:click=move |_| window.set(Window::around_today(today, 12))>{t.one_year}</button>
            <button type="button" class="fw-button fw-button--small" on:click=move |_| window.set(fit2())>{t.fit}</button>
        </span>
    }
}

/// Keys that move the window: `+`/`-` zoom, arrows pan, Home fits. Returns whether it acted.
fn window_key(key: &str, window: RwSignal<Window>, fit: &dyn Fn() -> Window) -> bool {
    match key {
        "+" | "=" => window.update(|w| *w = w.zoom(1.0 / 1.5, 0.5)),
        "-" | "_" => window.update(|w| *w = w.zoom(1.5, 0.5)),
        "ArrowLeft" => window.update(|w| *w = w.pan(-0.1)),
        "ArrowRight" => window.update(|w| *w = w.pan(0.1)),
        "Home" => window.set(fit()),
        _ => return false,
    }
    true
}

/// Wheel zooms and dragging pans the window of `target` (a non-passive native listener, so
/// the page does not scroll while zooming).
fn wheel_and_drag(target: NodeRef<html::Div>, window: RwSignal<Window>) {
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let el: web_sys::HtmlElement = el.into();
        let wheel = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::WheelEvent)>::new(
            move |ev: web_sys::WheelEvent| {
                if ev.delta_y() == 0.0 {
                    return;
                }
                ev.prevent_default();
                // The element from the event, not captured: the closure must not keep the
                // view's DOM alive.
                let Some(element) = ev
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                let rect = element.get_bounding_client_rect();
                let anchor = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0);
                let factor = if ev.delta_y() > 0.0 { 1.2 } else { 1.0 / 1.2 };
                window.update(|w| *w = w.zoom(factor, anchor));
            },
        );
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            wheel.as_ref().unchecked_ref(),
            &options,
        );
        // Removed with the view: the listener and its closure go when the single view does
        // (`on_cleanup` needs `Send`; the wrapper is only ever touched on this thread).
        let held = send_wrapper::SendWrapper::new((el, wheel));
        on_cleanup(move || {
            let (el, wheel) = held.take();
            let _ = el.remove_event_listener_with_callback("wheel", wheel.as_ref().unchecked_ref());
        });
    });
}

fn single_view(
    doc: Arc<TimelineDoc>,
    index: usize,
    window: RwSignal<Window>,
    today: NaiveDate,
    lang: Lang,
    width: Signal<f64>,
) -> impl IntoView {
    let active = RwSignal::new(None::<(f64, f64, String)>);
    let plot_ref = NodeRef::<html::Div>::new();
    wheel_and_drag(plot_ref, window);
    let drag = StoredValue::new(None::<(f64, Window)>);
    let fit = {
        let doc = doc.clone();
        move || {
            doc.participants
                .get(index)
                .map_or(window.get_untracked(), |p| Window::fit(&[p], today))
        }
    };
    let scene = {
        let doc = doc.clone();
        move || {
            layout::single(
                &doc,
                index,
                window.get(),
                plot_for(width.get()),
                today,
                lang,
            )
        }
    };
    let label = doc
        .participants
        .get(index)
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let programme = doc
        .participants
        .get(index)
        .and_then(|p| p.programme.clone());
    view! {
        <section class="fw-single" aria-label=label.clone()>
            <h3 class="fw-heading">{label.clone()}{programme.map(|p| format!(" · {p}"))}</h3>
            <div
                class="fw-plot"
                node_ref=plot_ref
                tabindex="-1"
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        active.set(None);
                    } else if window_key(&ev.key(), window, &fit) {
                        ev.prevent_default();
                        // The scene is drawn anew: give the focus back to the same record (or
                        // to the plot when it left the window), so the keys keep working.
                        let path = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|t| t.get_attribute("data-fw-path"));
                        refocus(plot_ref, path);
                    }
                }
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if let Some(start) = window.try_get_untracked() {
                        drag.set_value(Some((f64::from(ev.client_x()), start)));
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    if let Some((x0, start)) = drag.try_get_value().flatten() {
                        let dx = f64::from(ev.client_x()) - x0;
                        let (left, right) = plot_for(width.get_untracked());
                        if dx.abs() > 3.0 {
                            window.set(start.pan(-dx / (right - left).max(1.0)));
                        }
                    }
                }
                on:pointerup=move |_| drag.set_value(None)
                on:pointerleave=move |_| drag.set_value(None)
            >
                {move || scene().map(|s| draw_single(s, active, width.get(), lang))}
                {move || active.get().map(|(x, y, text)| view! {
                    <div class="fw-tooltip fw-tooltip--middle" aria-hidden="true"
                        style:left=format!("{x:.1}px") style:top=format!("{y:.1}px")>{text}</div>
                })}
            </div>
        </section>
    }
}

/// After a redraw, focuses the record at `path` inside `plot`, or the plot itself.
fn refocus(plot: NodeRef<html::Div>, path: Option<String>) {
    after_redraw(move || {
        // The view may be gone by now (a new document, language or labels).
        let Some(plot) = plot.try_get_untracked().flatten() else {
            return;
        };
        let plot: web_sys::HtmlElement = plot.into();
        let found = path
            .and_then(|p| {
                plot.query_selector(&format!("[data-fw-path='{p}']"))
                    .ok()
                    .flatten()
            })
            .and_then(|el| {
                js_sys::Reflect::get(&el, &"focus".into())
                    .ok()
                    .map(|f| (el, f))
            });
        match found {
            Some((el, focus)) => {
                let _ = focus.unchecked_into::<js_sys::Function>().call0(&el);
            }
            None => {
                let _ = plot.focus();
            }
        }
    });
}

/// Runs `f` after the current redraw (a zero-delay timer, freed once it ran).
/// Focuses the cohort row at `position` inside `list`; false if it is not drawn.
fn focus_at(list: &web_sys::HtmlElement, position: usize) -> bool {
    match list.query_selector(&format!("[data-fw-row='{position}']")) {
        Ok(Some(el)) => el
            .dyn_into::<web_sys::HtmlElement>()
            .is_ok_and(|el| el.focus().is_ok()),
        _ => false,
    }
}

/// Whether the focus is on `el` or inside it (in its shadow root or the document).
fn focus_within(el: &web_sys::HtmlElement) -> bool {
    let active = match el.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(root) => root.active_element(),
        Err(_) => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element()),
    };
    active.is_some_and(|a| el.contains(Some(&a)))
}

fn after_redraw(f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        f();
    });
}

fn marker_shape(m: &Marker, y: f64) -> String {
    let x = m.x;
    match m.class {
        "goal" => format!(
            "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z",
            y - 7.0,
            x + 7.0,
            y + 7.0,
            x - 7.0
        ),
        "exit" => format!(
            "M{x:.1},{:.1}V{:.1}M{x:.1},{:.1}L{:.1},{:.1}L{x:.1},{:.1}Z",
            y - 9.0,
            y + 9.0,
            y - 9.0,
            x + 11.0,
            y - 5.0,
            y - 1.0
        ),
        // Events differ by shape as well as colour (colour-vision deficiencies).
        _ => match m.kind.as_str() {
            "review" => format!("M{:.1},{:.1}h10v10h-10Z", x - 5.0, y - 5.0),
            "followUpProfiling" | "profiling" => format!(
                "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
                y - 6.5,
                x + 6.5,
                y + 5.0,
                x - 6.5,
                y + 5.0
            ),
            "earlyTermination" => format!(
                "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
                y + 6.5,
                x + 6.5,
                y - 5.0,
                x - 6.5,
                y - 5.0
            ),
            _ => format!("M{:.1},{y:.1}a5,5 0 1,0 10,0a5,5 0 1,0 -10,0Z", x - 5.0),
        },
    }
}

fn goal_icon(kind: &str) -> &'static str {
    match kind {
        "achieved" => "✓",
        "dropped" => "✕",
        _ => "",
    }
}

fn draw_single(
    s: Single,
    active: RwSignal<Option<(f64, f64, String)>>,
    width: f64,
    lang: Lang,
) -> impl IntoView {
    let t = lang.texts().tl;
    let left = s.plot.0;
    let axis = 22.0;
    let height = axis + s.lanes.len() as f64 * LANE + 8.0;
    let lane_y = move |lane: usize| axis + lane as f64 * LANE;
    let show = move |x: f64, y: f64, text: String| active.set(Some((x, y, text)));
    view! {
        <svg class="fw-svg fw-timeline" width=format!("{width:.0}") height=format!("{height:.0}")
            viewBox=format!("0 0 {width:.0} {height:.0}") role="group" aria-roledescription="timeline">
            <defs>
                <pattern id="fw-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <line x1="0" y1="0" x2="0" y2="6" class="fw-hatch-line"></line>
                </pattern>
                <pattern id="fw-cross" width="9" height="9" patternUnits="userSpaceOnUse">
                    <path d="M0,0L9,9M9,0L0,9" class="fw-cross-line"></path>
                </pattern>
            </defs>
            <g aria-hidden="true">
                {s.lanes.iter().enumerate().map(|(i, name)| view! {
                    <rect class=if i % 2 == 0 { "fw-lane fw-lane--even" } else { "fw-lane" } x="0" y=format!("{:.1}", lane_y(i))
                        width=format!("{width:.0}") height=format!("{LANE:.0}")></rect>
                    <text class="fw-lane__title" x="4" y=format!("{:.1}", lane_y(i) + LANE / 2.0) dominant-baseline="middle">{name.clone()}</text>
                }).collect_view()}
                {s.ticks.iter().map(|tk| view! {
                    <line class=if tk.major { "fw-tick-line fw-tick-line--major" } else { "fw-tick-line" }
                        x1=format!("{:.1}", tk.x) x2=format!("{:.1}", tk.x) y1="16" y2=format!("{height:.0}")></line>
                    <text class="fw-tick" x=format!("{:.1}", tk.x + 3.0) y="12">{tk.label.clone()}</text>
                }).collect_view()}
                <line class="fw-axis-line" x1=format!("{left:.1}") x2=format!("{left:.1}") y1="16" y2=format!("{height:.0}")></line>
            </g>
            {s.today.map(|x| view! {
                <g class="fw-today" aria-hidden="true">
                    <line x1=format!("{x:.1}") x2=format!("{x:.1}") y1="16" y2=format!("{height:.0}")></line>
                    <text x=format!("{:.1}", x + 3.0) y=format!("{:.1}", height - 4.0)>{t.today}</text>
                </g>
            })}
            {s.bars.into_iter().map(|b| {
                let y = lane_y(b.lane) + 6.0;
                let h = LANE - 12.0;
                let text = b.text.clone();
                let (tx, ty) = ((b.x0 + b.x1) / 2.0, y);
                let text2 = text.clone();
                // The label goes inside the bar when it fits (not over a pattern), else after the
                // bar (or its planned rest), else before it.
                let label_width = b.label.chars().count() as f64 * 6.6 + 8.0;
                let fits = (b.x1 - b.x0) > label_width && b.status != layout::PhaseStatus::Terminated;
                let after = b.planned.map_or(b.x1, |(_, z)| z.max(b.x1)) + 10.0;
                // Where it fits nowhere, it is left out: the tooltip, the accessible name and the
                // table view carry it.
                let place = if fits {
                    Some((b.x0 + 4.0, "start"))
                } else if after + label_width < width {
                    Some((after, "start"))
                } else if b.x0 - 6.0 - label_width >= left {
                    Some((b.x0 - 6.0, "end"))
                } else {
                    None
                };
                view! {
                    <g class=format!("fw-phase fw-phase--{} fw-kind--{}", b.status.as_class(), b.kind) tabindex="0" role="img" aria-label=text.clone()
                        data-fw-path=b.path.clone()
                        on:focus=move |_| show(tx, ty, text.clone())
                        on:blur=move |_| active.set(None)
                        on:mouseenter=move |_| show(tx, ty, text2.clone())
                        on:mouseleave=move |_| active.set(None)>
                        {b.planned.map(|(a, z)| view! {
                            <rect class="fw-phase__planned" x=format!("{a:.1}") y=format!("{y:.1}")
                                width=format!("{:.1}", (z - a).max(1.0)) height=format!("{h:.1}")></rect>
                        })}
                        <rect class="fw-phase__bar" x=format!("{:.1}", b.x0) y=format!("{y:.1}")
                            width=format!("{:.1}", (b.x1 - b.x0).max(2.0)) height=format!("{h:.1}") rx="3"></rect>
                        {(b.status == layout::PhaseStatus::Terminated).then(|| view! {
                            <rect class="fw-phase__cross" x=format!("{:.1}", b.x0) y=format!("{y:.1}")
                                width=format!("{:.1}", (b.x1 - b.x0).max(2.0)) height=format!("{h:.1}")></rect>
                        })}
                        {b.open.then(|| view! {
                            <path class="fw-phase__open" d=format!("M{:.1},{:.1}l7,{:.1}l-7,{:.1}Z", b.x1, y, h / 2.0, h / 2.0)></path>
                        })}
                        {(b.status == layout::PhaseStatus::Terminated).then(|| view! {
                            <text class="fw-phase__end" x=format!("{:.1}", b.x1 + 1.0) y=format!("{:.1}", y + h / 2.0)
                                dominant-baseline="middle" aria-hidden="true">"✕"</text>
                        })}
                        {place.map(|(label_x, anchor)| view! {
                            <text class=if fits { "fw-phase__label fw-phase__label--in" } else { "fw-phase__label" }
                                x=format!("{label_x:.1}") y=format!("{:.1}", y + h / 2.0) text-anchor=anchor
                                dominant-baseline="middle" aria-hidden="true">{b.label.clone()}</text>
                        })}
                    </g>
                }
            }).collect_view()}
            {s.markers.into_iter().map(|m| {
                let y = lane_y(m.lane) + LANE / 2.0;
                let text = m.text.clone();
                let text2 = text.clone();
                let (mx, my) = (m.x, y - 6.0);
                let icon = if m.class == "goal" && !m.crowded { goal_icon(&m.kind) } else { "" };
                view! {
                    <g class=format!("fw-mark fw-mark--{} fw-mark--{}", m.class, m.kind) tabindex="0" role="img"
                        aria-label=text.clone() data-fw-path=m.path.clone()
                        on:focus=move |_| show(mx, my, text.clone())
                        on:blur=move |_| active.set(None)
                        on:mouseenter=move |_| show(mx, my, text2.clone())
                        on:mouseleave=move |_| active.set(None)>
                        <path d=marker_shape(&m, y)></path>
                        <text class="fw-mark__icon" x=format!("{:.1}", m.x) y=format!("{:.1}", y + 1.0)
                            text-anchor="middle" dominant-baseline="middle" aria-hidden="true">{icon}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// A filter menu showing `current` (a menu drawn again, for the table view or a new document,
/// shows the filter in force).
fn select_menu(
    label: &'static str,
    options: Vec<(String, String)>,
    current: Option<String>,
    set: impl Fn(Option<String>) + 'static,
    lang: Lang,
) -> impl IntoView {
    let t = lang.texts().tl;
    view! {
        <label class="fw-field">
            <span>{label}" "</span>
            <select class="fw-select" on:change=move |ev| {
                let v = event_target_value(&ev);
                set((!v.is_empty()).then_some(v));
            }>
                <option value="" selected=current.is_none()>{t.all}</option>
                {options.into_iter().map(|(v, l)| {
                    let on = current.as_deref() == Some(v.as_str());
                    view! { <option value=v selected=on>{l}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

fn cohort_view(
    doc: Arc<TimelineDoc>,
    window: RwSignal<Window>,
    fit_all: Window,
    today: NaiveDate,
    lang: Lang,
    width: Signal<f64>,
    as_table: bool,
    printing: bool,
    (sort, filter, exporting): (RwSignal<CohortSort>, RwSignal<Filter>, RwSignal<bool>),
    open: impl Fn(usize) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let t = lang.texts().tl;
    let order = {
        let doc = doc.clone();
        Memo::new(move |_| Arc::new(cohort_order(&doc, sort.get(), &filter.get(), today)))
    };
    let first = RwSignal::new(0usize);
    // The row that holds the one Tab stop: the one last focused while it is drawn, so Tab
    // leaves the list forward from there (Chromium sends Tab from a `tabindex=-1` element in a
    // shadow root back to the root's start).
    let current = RwSignal::new(0usize);
    let list_ref = NodeRef::<html::Div>::new();
    let (providers, programmes, kinds) = layout::choices(&doc);
    let statuses: Vec<(String, String)> = ["active", "waiting", "exited", "terminated"]
        .into_iter()
        .map(|s| (s.to_string(), name_of(t.statuses, s).to_string()))
        .collect();
    let pairs = |v: Vec<String>| v.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>();
    let kind_pairs = kinds
        .into_iter()
        .map(|k| (k.to_string(), name_of(t.phase_kinds, k).to_string()))
        .collect();
    let total = doc.participants.len();
    let visible_rows = 14usize;
    // Home shows the whole cohort: the window computed once when the widget was drawn.
    let fit = move || fit_all;
    let rows = {
        let doc = doc.clone();
        move || {
            let (left, right) = plot_for(width.get());
            let order = order.get();
            let start = first.get().saturating_sub(OVERSCAN);
            cohort_rows(
                &doc,
                &order,
                start,
                visible_rows + 2 * OVERSCAN,
                window.get(),
                (left, right),
                today,
                lang,
            )
        }
    };
    // The row with the Tab stop: the last one focused while it is drawn, else the first in view.
    let tab_stop = Memo::new(move |_| {
        let (c, f) = (current.get(), first.get());
        let start = f.saturating_sub(OVERSCAN);
        let end = (start + visible_rows + 2 * OVERSCAN).min(order.with(|o| o.len()));
        if (start..end).contains(&c) { c } else { f }
    });
    let focus_row = move |position: usize| {
        let Some(list) = list_ref.try_get_untracked().flatten() else {
            return;
        };
        let list: web_sys::HtmlElement = list.into();
        let top = position as f64 * ROW;
        let (scroll, height) = (
            f64::from(list.scroll_top()),
            f64::from(list.client_height()),
        );
        if top < scroll {
            list.set_scroll_top(top as i32);
        } else if top + ROW > scroll + height {
            list.set_scroll_top((top + ROW - height) as i32);
        }
        first.set((f64::from(list.scroll_top()) / ROW) as usize);
        current.set(position);
        // A row already drawn takes the focus at once (keys typed quickly are not lost); one
        // scrolled in takes it when it has been drawn.
        if !focus_at(&list, position) {
            after_redraw(move || {
                focus_at(&list, position);
            });
        }
    };
    let table_view = {
        let doc = doc.clone();
        move || {
            let order = order.get();
            let shown = order.len().min(TABLE_ROWS);
            let table = layout::cohort_table(&doc, &order[..shown], window.get(), today, lang);
            let more = order.len() - shown;
            view! {
                {data_table(&table, lang, "fw-table--cohort")}
                {(more > 0).then(|| view! { <p class="fw-more">{crate::i18n::fill_named(lang.texts().and_more, &[("n", &lang.integer(more as i64))])}</p> })}
            }
        }
    };
    // All rows (up to the table's limit) in one chart, drawn only while an image is exported.
    let figure = {
        let doc = doc.clone();
        move || {
            exporting.get().then(|| {
                let order = order.get_untracked();
                let shown = order.len().min(TABLE_ROWS);
                cohort_figure(
                    &doc,
                    &order[..shown],
                    window.get_untracked(),
                    today,
                    lang,
                    width.get_untracked(),
                )
            })
        }
    };
    let open_row = open.clone();
    let now = filter.get_untracked();
    view! {
        <div class="fw-toolbar fw-filters">
            <label class="fw-field">
                <span>{t.sort_by}" "</span>
                <select class="fw-select" on:change=move |ev| sort.set(CohortSort::parse(&event_target_value(&ev)))>
                    {CohortSort::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=sort.get_untracked() == s>{s.label(lang)}</option>
                    }).collect_view()}
                </select>
            </label>
            {select_menu(t.filter_status, statuses, now.status, move |v| filter.update(|f| f.status = v), lang)}
            {(!providers.is_empty()).then(|| select_menu(t.filter_provider, pairs(providers), now.provider, move |v| filter.update(|f| f.provider = v), lang))}
            {(programmes.len() > 1).then(|| select_menu(t.filter_programme, pairs(programmes), now.programme, move |v| filter.update(|f| f.programme = v), lang))}
            {select_menu(t.filter_kind, kind_pairs, now.kind, move |v| filter.update(|f| f.kind = v), lang)}
            <span class="fw-count" role="status">{move || crate::i18n::fill(t.shown, &lang.integer(order.get().len() as i64), &lang.integer(total as i64))}</span>
        </div>
        {if as_table {
            ().into_any()
        } else {
            view! {
                <div class="fw-cohort-axis" aria-hidden="true">
                    {move || {
                        let w = width.get();
                        let (left, right) = plot_for(w);
                        view! {
                            <svg class="fw-svg" width=format!("{w:.0}") height="18" viewBox=format!("0 0 {w:.0} 18")>
                                {layout::ticks(window.get(), (left, right), lang).into_iter().map(|tk| view! {
                                    <text class="fw-tick" x=format!("{:.1}", tk.x + 3.0) y="13">{tk.label}</text>
                                    <line class="fw-tick-line" x1=format!("{:.1}", tk.x) x2=format!("{:.1}", tk.x) y1="0" y2="18"></line>
                                }).collect_view()}
                            </svg>
                        }
                    }}
                </div>
                <div
                    class="fw-cohort"
                    node_ref=list_ref
                    role="list"
                    aria-label=t.cohort
                    on:scroll=move |ev| {
                        let target: web_sys::HtmlElement = event_target(&ev);
                        let now = (f64::from(target.scroll_top()) / ROW) as usize;
                        // A scroll event may arrive after a redraw removed the list.
                        let Some(was) = first.try_get_untracked() else { return };
                        if now != was {
                            // The slice is drawn anew; a row that had the focus gets it back
                            // (the browser scrolls a focused row into view, which lands here).
                            let refocus = focus_within(&target).then(|| (target.clone(), current.get_untracked()));
                            first.set(now);
                            if let Some((list, position)) = refocus {
                                after_redraw(move || {
                                    focus_at(&list, position);
                                });
                            }
                        }
                    }
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        let Some(row) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|t| t.get_attribute("data-fw-row")).and_then(|r| r.parse::<usize>().ok()) else {
                            let _ = window_key(&ev.key(), window, &fit);
                            return;
                        };
                        let last = order.get_untracked().len().saturating_sub(1);
                        let next = match ev.key().as_str() {
                            "ArrowDown" => (row + 1).min(last),
                            "ArrowUp" => row.saturating_sub(1),
                            "PageDown" => (row + visible_rows).min(last),
                            "PageUp" => row.saturating_sub(visible_rows),
                            "End" => last,
                            "Home" if ev.ctrl_key() => 0,
                            key => {
                                if window_key(key, window, &fit) {
                                    ev.prevent_default();
                                }
                                return;
                            }
                        };
                        ev.prevent_default();
                        focus_row(next);
                    }
                >
                    <div class="fw-cohort__space" style:height=move || format!("{:.0}px", order.get().len() as f64 * ROW)>
                        // Rows are keyed by position and drawing: a row that stays in the slice
                        // keeps its element (and the focus) while the list scrolls.
                        <div class="fw-cohort__slice"
                            style:transform=move || format!("translateY({:.0}px)", first.get().saturating_sub(OVERSCAN) as f64 * ROW)>
                            <For
                                each=rows
                                key=|r| format!("{}|{}|{}|{:?}|{:?}", r.position, r.id, r.status, r.bars, r.exit)
                                children=move |r| {
                                    let (index, position) = (r.index, r.position);
                                    let open_row = open_row.clone();
                                    let w = width.get_untracked();
                                    view! {
                                        <button type="button" role="listitem" class=format!("fw-row fw-row--{}", r.status)
                                            data-fw-select=r.id.clone() data-fw-kind="participant" data-fw-row=r.position.to_string()
                                            tabindex=move || if tab_stop.get() == position { "0" } else { "-1" }
                                            aria-label=r.text.clone()
                                            on:focus=move |_| if current.get_untracked() != position { current.set(position) }
                                            on:click=move |_| open_row(index)>
                                            <span class="fw-row__label" aria-hidden="true">{r.label.clone()}</span>
                                            <svg class="fw-row__bars" width=format!("{w:.0}") height=format!("{ROW:.0}") aria-hidden="true">
                                                {r.bars.into_iter().map(|(x0, x1, kind, status)| view! {
                                                    <rect class=format!("fw-row__bar fw-kind--{kind} fw-phase--{}", status.as_class()) x=format!("{x0:.1}") y="9"
                                                        width=format!("{:.1}", (x1 - x0).max(2.0)) height="14" rx="2"></rect>
                                                }).collect_view()}
                                                {r.exit.map(|(x, outcome)| view! {
                                                    <path class=format!("fw-row__exit fw-mark--{outcome}")
                                                        d=format!("M{x:.1},6V26M{x:.1},6L{:.1},10L{x:.1},14Z", x + 8.0)></path>
                                                })}
                                            </svg>
                                        </button>
                                    }
                                }
                            />
                        </div>
                    </div>
                </div>
                {move || order.get().is_empty().then(|| view! { <p class="fw-note">{t.none}</p> })}
            }
            .into_any()
        }}
        {(as_table || printing).then_some(table_view)}
        {figure}
    }
}

/// The cohort as one chart: an axis, then a row per participant with its label, for the image
/// export (the chart view draws only the rows in view).
fn cohort_figure(
    doc: &TimelineDoc,
    order: &[usize],
    window: Window,
    today: NaiveDate,
    lang: Lang,
    width: f64,
) -> impl IntoView + use<> {
    let w = if width.is_finite() {
        width.max(320.0)
    } else {
        640.0
    };
    let (left, right) = plot_for(w);
    let rows = cohort_rows(
        doc,
        order,
        0,
        order.len(),
        window,
        (left, right),
        today,
        lang,
    );
    let height = 18.0 + rows.len() as f64 * ROW;
    view! {
        <div class="fw-export-figure" aria-hidden="true">
            <svg class="fw-svg fw-cohort-figure" width=format!("{w:.0}") height=format!("{height:.0}")
                viewBox=format!("0 0 {w:.0} {height:.0}")>
                {layout::ticks(window, (left, right), lang).into_iter().map(|tk| view! {
                    <text class="fw-tick" x=format!("{:.1}", tk.x + 3.0) y="13">{tk.label}</text>
                    <line class="fw-tick-line" x1=format!("{:.1}", tk.x) x2=format!("{:.1}", tk.x) y1="0" y2=format!("{height:.0}")></line>
                }).collect_view()}
                {rows.into_iter().enumerate().map(|(k, r)| {
                    let y = 18.0 + k as f64 * ROW;
                    view! {
                        <g class=format!("fw-row--{}", r.status)>
                            <text class="fw-row__label" x="4" y=format!("{:.1}", y + 20.0)>{r.label}</text>
                            {r.bars.into_iter().map(|(x0, x1, kind, status)| view! {
                                <rect class=format!("fw-row__bar fw-kind--{kind} fw-phase--{}", status.as_class()) x=format!("{x0:.1}")
                                    y=format!("{:.1}", y + 9.0) width=format!("{:.1}", (x1 - x0).max(2.0)) height="14" rx="2"></rect>
                            }).collect_view()}
                            {r.exit.map(|(x, outcome)| view! {
                                <path class=format!("fw-row__exit fw-mark--{outcome}")
                                    d=format!("M{x:.1},{:.1}V{:.1}M{x:.1},{:.1}L{:.1},{:.1}L{x:.1},{:.1}Z", y + 6.0, y + 26.0, y + 6.0, x + 8.0, y + 10.0, y + 14.0)></path>
                            })}
                        </g>
                    }
                }).collect_view()}
            </svg>
        </div>
    }
}
