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
use crate::scene::Frame;
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

/// A map document as the widget holds it: `None` only for the moment the widget turns to
/// another kind of content.
pub(crate) type MapInput = Memo<Option<Arc<MapDoc>>>;

/// The whole map. It outlives its documents: a new document with the same drawable shape is
/// patched into the DOM already drawn (new figures change classes and names, not elements).
pub(crate) fn region_map(doc: MapInput, lang: Lang, width: Signal<f64>) -> impl IntoView {
    let m = lang.texts().map;
    let geo = geometry();
    // Prepared once per document and geometry. Each is new when it is computed again (a new
    // document or geometry), so no deep comparison.
    let prepared = Memo::new_with_compare(
        move |_| {
            let doc = doc.get()?;
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
                    let needs_munis = layout::needs_municipalities(&doc);
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
        },
        |old, new| !matches!((old, new), (Some(None), Some(None))),
    );
    let ready = Memo::new(move |_| prepared.with(Option::is_some));
    let title = Memo::new(move |_| {
        doc.with(|d| d.as_ref().and_then(|d| d.title.clone()))
            .unwrap_or_else(|| lang.texts().map_name.to_string())
    });
    let failed = move || geometry().with(|g| g.failed.clone());
    move || {
        if ready.get() {
            return drawn(doc, prepared, title, lang, width).into_any();
        }
        let status = match failed() {
            Some(why) => view! {
                <p class="fw-status fw-status--error" role="alert">
                    {crate::i18n::fill(lang.texts().diag.geometry_unavailable, &why, "")}
                    " "
                    <button type="button" class="fw-button" data-fw-action="retry">
                        {lang.texts().retry}
                    </button>
                </p>
            }
            .into_any(),
            None => {
                view! { <p class="fw-status" role="status">{m.loading_geometry}</p> }.into_any()
            }
        };
        view! { <h2 class="fw-title">{title}</h2>{status} }.into_any()
    }
}

fn drawn(
    doc: MapInput,
    prepared: Memo<Option<Arc<layout::Prepared>>>,
    title: Memo<String>,
    lang: Lang,
    width: Signal<f64>,
) -> impl IntoView {
    let t = lang.texts();
    let m = t.map;
    let instance = INSTANCE.fetch_add(1, Ordering::Relaxed);
    let nodata_id = format!("fw-nodata-{instance}");
    let suppressed_id = format!("fw-suppressed-{instance}");
    let dates = Memo::new(move |_| {
        prepared.with(|p| p.as_ref().map(|p| p.dates.clone()).unwrap_or_default())
    });
    let initial = Memo::new(move |_| prepared.with(|p| p.as_ref().and_then(|p| p.initial)));
    // The day a person picked, with the change days it was picked among: a new document with
    // the same change days keeps it, one with other days starts again at its own first day.
    let picked = RwSignal::new(None::<(Vec<Day>, Day)>);
    let day = Memo::new(move |_| {
        picked.with(|p| match p {
            Some((among, d)) if dates.with(|ds| ds == among) => Some(*d),
            _ => initial.get(),
        })
    });
    let pick = move |d: Day| picked.set(Some((dates.get_untracked(), d)));
    let zoom = RwSignal::new(None::<String>);
    // The zoom in force: a region the new document no longer has shows the whole map again.
    let zoomed = Memo::new(move |_| {
        let id = zoom.get()?;
        let known = doc.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.regions.iter().any(|r| r.id == id))
        });
        known.then_some(id)
    });
    let show_table = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let shown = RwSignal::new(false);
    let scene = Memo::new(move |previous: Option<&Arc<MapScene>>| {
        let (Some(doc), Some(prepared)) = (doc.get(), prepared.get()) else {
            return previous.cloned().unwrap_or_default();
        };
        let drawing = kept_drawing(&doc, &prepared, zoomed.get().as_deref(), width.get());
        Arc::new(layout::scene_on(&doc, &prepared, &drawing, day.get(), lang))
    });

    // Drawn again only when the change days differ.
    let date_control = move || {
        let dates = dates.get();
        (dates.len() > 1).then(|| date_control(dates, day, pick, lang))
    };

    let zoom_control = move || {
        let s = scene.get();
        let options = s
            .regions
            .iter()
            .filter(|r| r.active)
            .map(|r| {
                let id = r.id.clone();
                let selected = zoomed.get_untracked().as_deref() == Some(id.as_str());
                view! { <option value=id selected=selected>{r.label.clone()}</option> }
            })
            .collect_view();
        doc.with(|d| d.as_ref().is_some_and(|d| !d.regions.is_empty())).then(|| view! {
            <label class="fw-control">
                <span class="fw-control__label">{m.zoom_label}</span>
                <select class="fw-select" data-fw-control="zoom" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    zoom.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=zoomed.get_untracked().is_none()>{m.whole}</option>
                    {options}
                </select>
            </label>
        })
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
        move || {
            let s = scene.get();
            let fill_for = |class: &str| pattern_fill(class, &nodata_fill, &suppressed_fill);
            // One tab stop (moved by `roving` when a mark takes the focus); the marks' focus and
            // hover are handled once on the <svg>, not by four closures on each of hundreds.
            let marks = s.units.len() + s.markers.iter().filter(|mk| mk.visible).count();
            let stop = active.get_untracked().min(marks.saturating_sub(1));
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
                    role="group" aria-label=title.get() aria-roledescription=m.region
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
    // Which tables there are changes with a document, not with the day or the zoom.
    let table_titles = Memo::new(move |_| scene.with(|s| s.table_titles(lang)));
    let export = move || {
        let e = t.export;
        let mut items: Vec<Item> = Vec::new();
        for (i, table) in table_titles.get().into_iter().enumerate() {
            items.push(Item::csv(
                table,
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
            &Frame {
                title: title.get(),
                summary: e.map.to_string(),
                ..Frame::default()
            },
            None,
            lang,
        ));
        items.push(Item::print(lang));
        menu(items, lang)
    };
    let attribution = move || {
        prepared.with(|p| {
            p.as_ref()
                .filter(|p| !p.attribution.is_empty())
                .map(|p| format!("{}: {}", m.geometry_note, p.attribution))
        })
    };
    let source = move || doc.with(|d| d.as_ref().and_then(|d| d.source.clone()));
    let warnings = move || {
        prepared.with(|p| {
            p.as_ref()
                .and_then(|p| geometry_warnings(&p.diagnostics, lang))
        })
    };

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
        {move || attribution().map(|a| view! { <p class="fw-attribution">{a}</p> })}
        {move || source().map(|s| view! { <p class="fw-source">{format!("{}: ", t.source)}{s}</p> })}
        {warnings}
    }
}

/// Earlier and later buttons and a select of the change days.
fn date_control<P: Fn(Day) + Copy + Send + Sync + 'static>(
    dates: Vec<Day>,
    day: Memo<Option<Day>>,
    pick: P,
    lang: Lang,
) -> impl IntoView + use<P> {
    let m = lang.texts().map;
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
                pick(*d);
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
                            pick(Day(d));
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
