//! The region map: draws the scene of `layout::map`. View state only: the day shown, the zoom,
//! the focused area or marker, the table toggle. The geometry arrives through [`geometry`],
//! which `embed` fills when a map needs it.

use super::parts::export::{Item, menu, printing};
use super::parts::table::data_table;
use super::parts::{marked, move_tab_stop};
use crate::check::Diagnostic;
use crate::geo::Atlas;
use crate::i18n::Lang;
use crate::layout::map::{self as layout, Geometry, MapScene};
use crate::layout::table::DataTable;
use crate::model::common::Day;
use crate::model::regions::MapDoc;
use leptos::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;

/// The built-in geometry as far as it has loaded.
#[derive(Clone, Debug, Default)]
pub(crate) struct GeoSet {
    /// All districts.
    pub districts: Option<Arc<Atlas>>,
    /// Municipalities of Sachsen and Sachsen-Anhalt.
    pub municipalities: Option<Arc<Atlas>>,
    /// Why a load failed.
    pub failed: Option<String>,
}

thread_local! {
    static GEOMETRY: ArcRwSignal<GeoSet> = ArcRwSignal::new(GeoSet::default());
}

/// The page-wide geometry signal (one load serves every map on the page).
pub(crate) fn geometry() -> ArcRwSignal<GeoSet> {
    GEOMETRY.with(Clone::clone)
}

/// Ids of `<pattern>`s must be unique on the page; shadow roots share no ids, but two maps in
/// one root (`mount()` twice into one element) would.
static INSTANCE: AtomicUsize = AtomicUsize::new(0);

/// The area or marker an event happened on, with its index in keyboard order.
fn mark_of(ev: &web_sys::Event) -> Option<(web_sys::Element, usize)> {
    let (mark, value) = marked(ev, "data-fw-mark")?;
    Some((mark, value.parse().ok()?))
}

/// How many drawings (path strings of one geometry, view and width) the page keeps.
const KEPT_DRAWINGS: usize = 6;

type DrawingKey = (u64, Option<String>, u64);

thread_local! {
    /// The latest drawings, newest first: a new document with the same areas and regions (new
    /// figures, a refresh) reuses its paths instead of projecting every point again.
    static DRAWINGS: std::cell::RefCell<Vec<(DrawingKey, Arc<layout::Drawing>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn kept_drawing(
    doc: &MapDoc,
    prepared: &layout::Prepared,
    zoom: Option<&str>,
    width: f64,
) -> Arc<layout::Drawing> {
    let key = (
        prepared.fingerprint,
        zoom.map(str::to_string),
        width.to_bits(),
    );
    DRAWINGS.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some(at) = kept.iter().position(|(k, _)| *k == key) {
            let entry = kept.remove(at);
            let drawing = entry.1.clone();
            kept.insert(0, entry);
            return drawing;
        }
        let drawing = Arc::new(layout::drawing(doc, prepared, zoom, width));
        kept.insert(0, (key, drawing.clone()));
        kept.truncate(KEPT_DRAWINGS);
        drawing
    })
}

/// The whole map for `doc`.
pub(crate) fn region_map(doc: Arc<MapDoc>, lang: Lang, width: Signal<f64>) -> impl IntoView {
    let m = lang.texts().map;
    let geo = geometry();
    let needs_munis = layout::needs_municipalities(&doc);
    // Prepared once per document and geometry.
    let prepared = {
        let doc = doc.clone();
        Memo::new(move |_| {
            let set = geo.get();
            let prepared = match &doc.host_atlas {
                Some(atlas) => layout::prepare(
                    &doc,
                    Geometry {
                        areas: atlas,
                        municipalities: None,
                        host: true,
                    },
                ),
                None => {
                    let districts = set.districts.as_ref()?;
                    if needs_munis && set.municipalities.is_none() && set.failed.is_none() {
                        return None;
                    }
                    layout::prepare(
                        &doc,
                        Geometry {
                            areas: districts,
                            municipalities: set.municipalities.as_deref(),
                            host: false,
                        },
                    )
                }
            };
            Some(Arc::new(prepared))
        })
    };
    let failed = move || geometry().with(|g| g.failed.clone());
    let doc2 = doc.clone();
    let title = doc
        .title
        .clone()
        .unwrap_or_else(|| lang.texts().map_name.to_string());
    move || match prepared.get() {
        Some(p) => drawn(doc2.clone(), p, lang, width).into_any(),
        None => {
            let status = match failed() {
                Some(why) => view! {
                    <p class="fw-status fw-status--error" role="alert">
                        {crate::i18n::fill(lang.texts().diag.geometry_unavailable, &why, "")}
                    </p>
                }
                .into_any(),
                None => {
                    view! { <p class="fw-status" role="status">{m.loading_geometry}</p> }.into_any()
                }
            };
            view! { <h2 class="fw-title">{title.clone()}</h2>{status} }.into_any()
        }
    }
}

fn drawn(
    doc: Arc<MapDoc>,
    prepared: Arc<layout::Prepared>,
    lang: Lang,
    width: Signal<f64>,
) -> impl IntoView {
    let t = lang.texts();
    let m = t.map;
    let instance = INSTANCE.fetch_add(1, Ordering::Relaxed);
    let nodata_id = format!("fw-nodata-{instance}");
    let suppressed_id = format!("fw-suppressed-{instance}");
    let dates = prepared.dates.clone();
    let day = RwSignal::new(prepared.initial);
    let zoom = RwSignal::new(None::<String>);
    let show_table = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let shown = RwSignal::new(false);
    let scene = {
        let (doc, prepared) = (doc.clone(), prepared.clone());
        Memo::new(move |_| {
            let drawing = kept_drawing(&doc, &prepared, zoom.get().as_deref(), width.get());
            Arc::new(layout::scene_on(&doc, &prepared, &drawing, day.get(), lang))
        })
    };
    let warnings = geometry_warnings(&prepared.diagnostics, lang);
    let title = doc.title.clone().unwrap_or_else(|| t.map_name.to_string());

    let date_control = (dates.len() > 1).then(|| {
        let options = dates.clone();
        let position = {
            let dates = dates.clone();
            move || shown_step(&dates, day.get())
        };
        let step = {
            let dates = dates.clone();
            move |by: isize| {
                let next = match shown_step(&dates, day.get_untracked()) {
                    Some(i) => i.checked_add_signed(by),
                    None if by > 0 => Some(0),
                    None => None,
                };
                if let Some(d) = next.and_then(|i| dates.get(i)) {
                    day.set(Some(*d));
                }
            }
        };
        let step2 = step.clone();
        let (first, last) = (dates.first().copied(), dates.last().copied());
        view! {
            <div class="fw-control fw-map-date">
                <button type="button" class="fw-button" aria-label=m.earlier
                    disabled={move || day.get() <= first} on:click=move |_| step(-1)>
                    <span aria-hidden="true">"◀"</span>
                </button>
                <label>
                    <span class="fw-control__label">{m.date_label}</span>
                    <select class="fw-select" data-fw-control="date"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Ok(d) = value.parse() {
                                day.set(Some(Day(d)));
                            }
                        }
                    >
                        {options.into_iter().enumerate().map(|(i, d)| {
                            let position = position.clone();
                            view! {
                                <option value=d.0.to_string() selected=move || position() == Some(i)>
                                    {lang.date(d.0)}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="fw-button" aria-label=m.later
                    disabled={move || day.get() >= last} on:click=move |_| step2(1)>
                    <span aria-hidden="true">"▶"</span>
                </button>
            </div>
        }
    });

    let zoom_control = {
        let doc = doc.clone();
        move || {
            let s = scene.get();
            let options = s
                .regions
                .iter()
                .filter(|r| r.active)
                .map(|r| {
                    let id = r.id.clone();
                    let selected = zoom.get_untracked().as_deref() == Some(id.as_str());
                    view! { <option value=id selected=selected>{r.label.clone()}</option> }
                })
                .collect_view();
            (!doc.regions.is_empty()).then(|| view! {
                <label class="fw-control">
                    <span class="fw-control__label">{m.zoom_label}</span>
                    <select class="fw-select" data-fw-control="zoom" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        zoom.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=zoom.get_untracked().is_none()>{m.whole}</option>
                        {options}
                    </select>
                </label>
            })
        }
    };

    // Keyboard: one tab stop; arrows move through areas then markers in order.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let s = scene.get_untracked();
        let count = s.units.len() + s.markers.iter().filter(|mk| mk.visible).count();
        if count == 0 {
            return;
        }
        let at = active.get_untracked().min(count - 1);
        let next = match key.as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % count,
            "ArrowLeft" | "ArrowUp" => (at + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            "Escape" => {
                shown.set(false);
                return;
            }
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(el) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init.set_composed(true);
                    if let Ok(click) = web_sys::Event::new_with_event_init_dict("click", &init) {
                        let _ = el.dispatch_event(&click);
                    }
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        active.set(next);
        shown.set(true);
        let svg = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let selector = format!("[data-fw-mark='{next}']");
        if let Some(el) = svg.and_then(|s| s.query_selector(&selector).ok().flatten()) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    };

    let tooltip = move || {
        if !shown.get() {
            return None;
        }
        let s = scene.get();
        let i = active.get();
        let (x, y, text) = match s.units.get(i) {
            Some(u) => (u.anchor.0, u.anchor.1, u.text.clone()),
            None => {
                let mk = s
                    .markers
                    .iter()
                    .filter(|mk| mk.visible)
                    .nth(i - s.units.len())?;
                (mk.x, mk.y - 8.0, mk.text.clone())
            }
        };
        let side = if x < s.width * 0.3 {
            "start"
        } else if x > s.width * 0.7 {
            "end"
        } else {
            "middle"
        };
        Some(view! {
            <div class=format!("fw-tooltip fw-tooltip--{side}") aria-hidden="true"
                style:left=format!("{x:.1}px") style:top=format!("{y:.1}px")>{text}</div>
        })
    };

    let (nodata_fill, suppressed_fill) = (
        format!("url(#{nodata_id})"),
        format!("url(#{suppressed_id})"),
    );
    let svg = {
        let (nodata_id, suppressed_id) = (nodata_id.clone(), suppressed_id.clone());
        let (nodata_fill, suppressed_fill) = (nodata_fill.clone(), suppressed_fill.clone());
        let title = title.clone();
        move || {
            let s = scene.get();
            let fill_for = |class: &str| pattern_fill(class, &nodata_fill, &suppressed_fill);
            // One tab stop (moved by `roving` when a mark takes the focus); the marks' focus and
            // hover are handled once on the <svg>, not by four closures on each of hundreds.
            let stop = active.get_untracked();
            let tabindex = move |i: usize| if i == stop { "0" } else { "-1" };
            let units = s
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    view! {
                        <path class=format!("fw-unit {}", u.class) d=u.d.clone() fill=fill_for(&u.class)
                            fill-rule="evenodd"
                            role="img" aria-label=u.text.clone() tabindex=tabindex(i)
                            data-fw-mark=i.to_string() data-fw-select=u.key.clone() data-fw-kind="area"
                        ></path>
                    }
                })
                .collect_view();
            let first_marker = s.units.len();
            let markers = s
                .markers
                .iter()
                .filter(|mk| mk.visible)
                .enumerate()
                .map(|(j, mk)| {
                    let i = first_marker + j;
                    view! {
                        <g class=format!("fw-pin fw-pin--{}", mk.kind)>
                            <path class="fw-pin__symbol" d=mk.d.clone() role="img" aria-label=mk.text.clone()
                                tabindex=tabindex(i) data-fw-mark=i.to_string()
                                data-fw-select=mk.id.clone() data-fw-kind="marker"
                            ></path>
                            {mk.label_at.map(|(x, y, anchor)| view! {
                                <text class="fw-pin__label" x=format!("{x:.1}") y=format!("{y:.1}")
                                    text-anchor=anchor aria-hidden="true">{mk.label.clone()}</text>
                            })}
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg class="fw-svg fw-map__svg" width=format!("{:.0}", s.width) height=format!("{:.0}", s.height)
                    viewBox=format!("0 0 {:.0} {:.0}", s.width, s.height)
                    role="group" aria-label=title.clone() aria-roledescription=m.region
                    on:keydown=on_key
                >
                    <defs>
                        <pattern id=nodata_id.clone() width="6" height="6" patternUnits="userSpaceOnUse"
                            patternTransform="rotate(45)">
                            <rect class="fw-pattern-bg" width="6" height="6"></rect>
                            <line class="fw-pattern-line" x1="0" y1="0" x2="0" y2="6"></line>
                        </pattern>
                        <pattern id=suppressed_id.clone() width="6" height="6" patternUnits="userSpaceOnUse">
                            <rect class="fw-pattern-bg" width="6" height="6"></rect>
                            <circle class="fw-pattern-dot" cx="3" cy="3" r="1.3"></circle>
                        </pattern>
                    </defs>
                    <path class="fw-context" d=s.context.clone() fill-rule="evenodd" aria-hidden="true"></path>
                    <g class="fw-units">{units}</g>
                    <path class="fw-lands" d=s.lands.clone() aria-hidden="true"></path>
                    <g class="fw-outlines" aria-hidden="true">
                        {s.outlines.iter().map(|(id, d)| view! {
                            <path class="fw-outline" data-fw-region=id.clone() d=d.clone()></path>
                        }).collect_view()}
                    </g>
                    <g class="fw-map-labels" aria-hidden="true">
                        {s.labels.iter().map(|l| view! {
                            <text class="fw-map-label" x=format!("{:.1}", l.x) y=format!("{:.1}", l.y)
                                text-anchor="middle">{l.text.clone()}</text>
                        }).collect_view()}
                    </g>
                    <g class="fw-pins">{markers}</g>
                </svg>
            }
        }
    };

    let legend = move || {
        let s = scene.get();
        let (nodata_fill, suppressed_fill) = (nodata_fill.clone(), suppressed_fill.clone());
        (!s.legend.is_empty()).then(|| view! {
            <div class="fw-map-legend">
                <p class="fw-legend__title">{s.legend_title.clone()}</p>
                <ul class="fw-legend">
                    {s.legend.iter().map(|e| {
                        let fill = pattern_fill(&e.class, &nodata_fill, &suppressed_fill);
                        view! {
                            <li>
                                <svg class="fw-swatch-area" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
                                    <rect class=format!("fw-unit {}", e.class) fill=fill x="0.5" y="0.5" width="17" height="13"></rect>
                                </svg>
                                {e.text.clone()}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    };

    let print = printing();
    let tables = move || (show_table.get() || print.get()).then(|| tables(&scene.get(), lang));
    let export = {
        let e = t.export;
        let mut items: Vec<Item> = Vec::new();
        // Which tables there are does not change with the day or the zoom.
        let first = scene.get_untracked().tables(lang);
        for (i, table) in first.iter().enumerate() {
            items.push(Item::csv(
                &table.title,
                Arc::new(move || {
                    scene
                        .get_untracked()
                        .tables(lang)
                        .into_iter()
                        .nth(i)
                        .unwrap_or_else(|| DataTable::new(String::new(), Vec::new()))
                }),
                lang,
            ));
        }
        items.extend(Item::images(
            ".fw-map__svg",
            Some(".fw-map-legend"),
            &title,
            e.map,
            None,
            lang,
        ));
        items.push(Item::print(lang));
        menu(items, lang)
    };
    let attribution = (!prepared.attribution.is_empty())
        .then(|| format!("{}: {}", m.geometry_note, prepared.attribution));

    view! {
        <header class="fw-head">
            <h2 class="fw-title">{title}</h2>
            {move || scene.get().date.clone().map(|d| view! { <p class="fw-asof">{format!("{}: {d}", m.date_label)}</p> })}
        </header>
        <p class="fw-summary">{move || scene.get().summary.clone()}</p>
        <div class="fw-toolbar">
            {date_control}
            {zoom_control}
            <button type="button" class="fw-button" aria-pressed=move || if show_table.get() { "true" } else { "false" }
                on:click=move |_| show_table.update(|v| *v = !*v)>
                {move || if show_table.get() { m.show_map } else { m.show_table }}
            </button>
            {export}
        </div>
        <figure class="fw-map" hidden=move || show_table.get() && !print.get()>
            <div class="fw-map__plot"
                // Focus and hover of the marks, once here rather than on each of hundreds; not on the
                // <svg>, which focus listeners would make a tab stop of its own in Chromium.
                on:focusin=move |ev| {
                    if let Some((mark, i)) = mark_of(&ev) {
                        move_tab_stop(&ev, &mark, "data-fw-mark");
                        active.set(i);
                        shown.set(true);
                    }
                }
                on:focusout=move |ev| if mark_of(&ev).is_some() { shown.set(false) }
                on:mouseover=move |ev| {
                    if let Some((_, i)) = mark_of(&ev) {
                        active.set(i);
                        shown.set(true);
                    }
                }
                on:mouseout=move |ev| if mark_of(&ev).is_some() { shown.set(false) }
            >
                {svg}
                {tooltip}
            </div>
            <figcaption>
                {legend}
                <p class="fw-hint">{m.keys}</p>
            </figcaption>
        </figure>
        {tables}
        {attribution.map(|a| view! { <p class="fw-attribution">{a}</p> })}
        {doc.source.clone().map(|s| view! { <p class="fw-source">{format!("{}: ", t.source)}{s}</p> })}
        {warnings}
    }
}

/// The change day in force on `day`: the last one on or before it.
fn shown_step(dates: &[Day], day: Option<Day>) -> Option<usize> {
    dates.iter().rposition(|x| Some(*x) <= day)
}

/// The `fill` of an area whose class is drawn with a pattern (no data, suppressed).
fn pattern_fill(class: &str, nodata: &str, suppressed: &str) -> Option<String> {
    match class {
        "fw-nodata" => Some(nodata.to_string()),
        "fw-suppressed" => Some(suppressed.to_string()),
        _ => None,
    }
}

fn tables(s: &MapScene, lang: Lang) -> impl IntoView + use<> {
    let classes = ["fw-table--regions", "fw-table--areas", "fw-table--markers"];
    let tables = s.tables(lang);
    let has_regions = !s.regions.is_empty();
    view! {
        <div class="fw-map-tables">
            {tables.iter().enumerate().map(|(i, t)| {
                let class = classes[(i + usize::from(!has_regions)).min(2)];
                data_table(t, lang, class)
            }).collect_view()}
        </div>
    }
}

/// Warnings found against the geometry (unknown keys, overlapping regions).
fn geometry_warnings(diagnostics: &[Diagnostic], lang: Lang) -> Option<impl IntoView + use<>> {
    let list: Vec<&Diagnostic> = diagnostics.iter().collect();
    (!list.is_empty()).then(|| super::parts::diagnostics::list(&list, lang))
}
