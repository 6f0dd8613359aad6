//! The region map: draws the scene of `layout::map`. View state only: the day shown, the zoom,
//! the focused area or marker, the table toggle. The geometry arrives through [`geometry`],
//! which `embed` fills when a map needs it.

use super::parts::export::{Item, menu, printing};
use super::parts::marks::{self, Tip, tip_of};
use super::parts::{marked, move_tab_stop};
use crate::check::Diagnostic;
use crate::geo::Atlas;
use crate::i18n::Lang;
use crate::layout::map::{self as layout, ChangeKind, Comparison, Geometry, MapScene};
use crate::layout::table::DataTable;
use crate::model::common::Day;
use crate::model::indicator::Period;
use crate::model::regions::MapDoc;
use crate::render::map::{Act, Control, Controls, KEYS_HINT, TITLE_ID};
use crate::scene::Frame;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The `compare` attribute of the element (or `mount()` option): two periods and how, as the
/// host wrote them; `embed` provides it.
#[derive(Clone)]
pub(crate) struct CompareAttr(pub ArcRwSignal<Option<String>>);

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

/// The document's own geometry read into shapes (`Checked::host_atlas`), beside the document:
/// `None` for a document drawn on the built-in districts.
pub(crate) type HostAtlas = Memo<Option<Arc<Atlas>>>;

/// The whole map. It outlives its documents: a new document with the same drawable shape is
/// patched into the DOM already drawn (new figures change classes and names, not elements).
pub(crate) fn region_map(
    doc: MapInput,
    host: HostAtlas,
    lang: Lang,
    width: Signal<f64>,
) -> impl IntoView {
    let geo = geometry();
    // Prepared once per document and geometry. Each is new when it is computed again (a new
    // document or geometry), so no deep comparison.
    let prepared = Memo::new_with_compare(
        move |_| {
            let doc = doc.get()?;
            let set = geo.get();
            let prepared = match &host.get() {
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
    move || {
        if ready.get() {
            return drawn(doc, prepared, title, lang, width).into_any();
        }
        super::parts::written(move |w, levels| {
            let failed = geometry().with(|g| g.failed.clone());
            title.with(|t| crate::render::map::status(w, levels, t, failed.as_deref(), lang));
        })
        .into_any()
    }
}

/// What the map shows: the day and the zoom a person chose, and the scene of them.
#[derive(Clone, Copy)]
struct Shown {
    dates: Memo<Vec<Day>>,
    day: Memo<Option<Day>>,
    /// The day a person picked, with the change days it was picked among.
    picked: RwSignal<Option<(Vec<Day>, Day)>>,
    zoom: RwSignal<Option<String>>,
    /// The zoom in force.
    zoomed: Memo<Option<String>>,
    /// The periods a person picked to compare (from, to) and how.
    compare: RwSignal<(Option<Period>, Option<Period>, ChangeKind)>,
    /// The comparison in force: both periods are the document's.
    comparison: Memo<Option<Comparison>>,
    scene: Memo<Arc<MapScene>>,
}

impl Shown {
    fn new(
        doc: MapInput,
        prepared: Memo<Option<Arc<layout::Prepared>>>,
        width: Signal<f64>,
        lang: Lang,
    ) -> Shown {
        let dates = Memo::new(move |_| {
            prepared.with(|p| p.as_ref().map(|p| p.dates.clone()).unwrap_or_default())
        });
        let initial = Memo::new(move |_| prepared.with(|p| p.as_ref().and_then(|p| p.initial)));
        // A new document with the same change days keeps the day picked, one with other days
        // starts again at its own first day.
        let picked = RwSignal::new(None::<(Vec<Day>, Day)>);
        let day = Memo::new(move |_| {
            picked.with(|p| match p {
                Some((among, d)) if dates.with(|ds| ds == among) => Some(*d),
                _ => initial.get(),
            })
        });
        let zoom = RwSignal::new(None::<String>);
        // A region the new document no longer has shows the whole map again.
        let zoomed = Memo::new(move |_| {
            let id = zoom.get()?;
            let known = doc.with(|d| {
                d.as_ref()
                    .is_some_and(|d| d.regions.iter().any(|r| r.id == id))
            });
            known.then_some(id)
        });
        let compare = RwSignal::new((None::<Period>, None::<Period>, ChangeKind::Difference));
        // The host's `compare` attribute sets the comparison whenever it changes (an empty one
        // ends it); the person may change it with the controls.
        if let Some(CompareAttr(attr)) = use_context::<CompareAttr>() {
            Effect::new(move |_| {
                let asked = attr.get();
                let cmp = asked
                    .as_deref()
                    .and_then(|t| Comparison::parse(t, ChangeKind::Difference));
                compare.set(match cmp {
                    Some(c) => (Some(c.from), Some(c.to), c.kind),
                    None => (None, None, ChangeKind::Difference),
                });
            });
        }
        let comparison = Memo::new(move |_| {
            let periods = doc.with(|d| d.as_ref().map(|d| periods_of(d)).unwrap_or_default());
            compare.with(|&(from, to, kind)| layout::compared(&periods, from, to, kind))
        });
        let scene = Memo::new(move |previous: Option<&Arc<MapScene>>| {
            let (Some(doc), Some(prepared)) = (doc.get(), prepared.get()) else {
                return previous.cloned().unwrap_or_default();
            };
            let drawing = kept_drawing(&doc, &prepared, zoomed.get().as_deref(), width.get());
            Arc::new(match comparison.get() {
                Some(cmp) => layout::scene_compared(&doc, &prepared, &drawing, &cmp, lang),
                None => layout::scene_on(&doc, &prepared, &drawing, day.get(), lang),
            })
        });
        Shown {
            dates,
            day,
            picked,
            zoom,
            zoomed,
            compare,
            comparison,
            scene,
        }
    }

    fn pick(self, d: Day) {
        self.picked.set(Some((self.dates.get_untracked(), d)));
    }

    /// One change day earlier (`by` −1) or later (+1), where there is one.
    fn step(self, by: isize) {
        let dates = self.dates.get_untracked();
        let next = match shown_step(&dates, self.day.get_untracked()) {
            Some(i) => i.checked_add_signed(by),
            None if by > 0 => Some(0),
            None => None,
        };
        if let Some(d) = next.and_then(|i| dates.get(i)) {
            self.pick(*d);
        }
    }

    /// A select of the toolbar changed to `value`.
    fn choose(self, control: Control, value: String) {
        match control {
            Control::Date => {
                if let Some(d) = Day::parse(&value) {
                    self.pick(d);
                }
            }
            Control::Compare => self.compare.update(|c| c.0 = Period::parse(&value)),
            Control::CompareTo => self.compare.update(|c| c.1 = Period::parse(&value)),
            Control::CompareKind => self.compare.update(|c| c.2 = ChangeKind::parse(&value)),
            Control::Zoom => self.zoom.set((!value.is_empty()).then_some(value)),
        }
    }

    /// The state of the toolbar's controls, with the table view `table` on or off.
    fn controls(
        self,
        doc: &MapDoc,
        prepared: Option<&layout::Prepared>,
        table: bool,
        lang: Lang,
    ) -> Controls {
        let dates = self.dates.get();
        let comparison = self.comparison.get();
        // A comparison shows the regions of its later period: no day to pick meanwhile.
        let days = (dates.len() > 1 && comparison.is_none()).then(|| {
            let at = shown_step(&dates, self.day.get());
            // Each step as the map names it ("bis 14.08.2017" for the time up to the first).
            let named = dates
                .iter()
                .map(|d| {
                    let name = prepared.map_or_else(|| lang.date(d.0), |p| p.date_label(*d, lang));
                    (*d, name)
                })
                .collect();
            (named, at)
        });
        let periods = periods_of(doc);
        let compare = (periods.len() > 1).then_some((periods, comparison));
        let zoom = (!doc.regions.is_empty()).then(|| {
            let regions = self.scene.with(|s| {
                s.regions
                    .iter()
                    .filter(|r| r.active)
                    .map(|r| (r.id.clone(), r.label.clone()))
                    .collect()
            });
            (regions, self.zoomed.get())
        });
        Controls {
            dates: days,
            compare,
            zoom,
            table,
        }
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
    let shown = Shown::new(doc, prepared, width, lang);
    let scene = shown.scene;
    let show_table = RwSignal::new(false);
    // A new day shown (picked, or a new document's) is said in the widget's live region.
    let say = super::parts::live::announcer();
    Effect::new(move |before: Option<Option<String>>| {
        let date = scene.with(|s| s.date.clone());
        if let (Some(before), Some(now)) = (before, &date)
            && before.as_ref() != Some(now)
        {
            say.say(format!("{}: {now}", m.date_label));
        }
        date
    });
    let frame = Memo::new(move |_| {
        let (Some(doc), Some(prepared)) = (doc.get(), prepared.get()) else {
            return Frame::default();
        };
        scene.with(|s| layout::frame(&doc, &prepared, s, lang))
    });
    let print = printing();
    let tables = move || {
        (show_table.get() || print.get()).then(|| {
            super::parts::written(move |w, _| {
                scene.with(|s| crate::render::map::tables(w, s, lang))
            })
        })
    };
    // Which tables there are changes with a document, not with the day or the zoom.
    let table_titles = Memo::new(move |_| scene.with(|s| s.table_titles(lang)));
    let export = move || export_menu(scene, table_titles.get(), &frame.get(), lang);
    let notes = super::parts::written(move |w, _| {
        let source = doc.with(|d| d.as_ref().and_then(|d| d.source.clone()));
        prepared.with(|p| {
            let attribution = p.as_ref().map(|p| p.attribution.as_str());
            crate::render::map::notes(w, attribution, source.as_deref(), lang);
        })
    });
    let warnings = move || {
        prepared.with(|p| {
            p.as_ref()
                .and_then(|p| geometry_warnings(&p.diagnostics, lang))
        })
    };

    let controls = super::parts::written(move |w, _| {
        let table = show_table.get();
        let c = doc.with(|d| {
            let d = d.as_ref()?;
            Some(prepared.with(|p| shown.controls(d, p.as_deref(), table, lang)))
        });
        crate::render::map::controls(w, &c.unwrap_or_default(), lang);
    });

    view! {
        {super::parts::written(move |w, levels| title.with(|t| scene.with(|s| crate::render::map::head(w, levels, t, s, lang))))}
        <div class="fw-toolbar"
            on:click=move |ev: web_sys::MouseEvent| match marked(&ev, "data-fw-act").and_then(|(_, a)| Act::parse(&a)) {
                Some(Act::Earlier) => shown.step(-1),
                Some(Act::Later) => shown.step(1),
                Some(Act::Table) => show_table.update(|v| *v = !*v),
                None => {}
            }
            on:change=move |ev: web_sys::Event| {
                if let Some(control) = marked(&ev, "data-fw-control").and_then(|(_, c)| Control::parse(&c)) {
                    shown.choose(control, event_target_value(&ev));
                }
            }>
            {controls}
            {export}
        </div>
        <figure class="fw-map" aria-labelledby=TITLE_ID hidden=move || show_table.get() && !print.get()>
            {plot(scene, title, lang)}
            <figcaption>
                {super::parts::written(move |w, _| scene.with(|s| crate::render::map::caption(w, s, lang)))}
            </figcaption>
        </figure>
        {tables}
        {notes}
        {warnings}
    }
}

/// The map's drawing (the scene's markup, drawn again when it changes, the focus kept on the
/// record with the same key) and its tooltip. Keys, focus and hover are listened to once here
/// rather than on each of hundreds of records.
fn plot(scene: Memo<Arc<MapScene>>, title: Memo<String>, lang: Lang) -> impl IntoView {
    // The record that holds the one tab stop: kept when the map is drawn again.
    let stop = RwSignal::new(None::<String>);
    let marks = Memo::new(move |_| {
        let stop = stop.get_untracked();
        scene.with(|s| s.marks(&title.get(), stop.as_deref(), lang))
    });
    let (_, drawing) = marks::plot(
        marks.into(),
        layout::KEY,
        "fw-map__drawing",
        Some(KEYS_HINT.into()),
    );
    let tip = super::parts::tooltip::Hover::<(Tip, String)>::new();
    let show_tip = move |ev: &web_sys::Event| {
        let side = marked(ev, "data-fw-side").map(|(_, s)| s);
        tip.show(tip_of(ev).zip(side));
    };
    view! {
        <div class="fw-map__plot"
            on:keydown=move |ev| on_key(&ev, &tip)
            on:focusin=move |ev| {
                if let Some((mark, key)) = marked(&ev, layout::KEY) {
                    move_tab_stop(&ev, &mark, "data-fw-mark");
                    stop.set(Some(key));
                    show_tip(&ev);
                }
            }
            on:focusout=move |ev| if mark_of(&ev).is_some() { tip.hide() }
            on:mouseover=move |ev| if mark_of(&ev).is_some() { show_tip(&ev) }
            on:mouseout=move |ev| if mark_of(&ev).is_some() { tip.leave() }
        >
            {drawing}
            {move || tip.get().map(|((x, y, text), side)| tip.bubble((x, y), &side, text))}
        </div>
    }
}

/// Keyboard on the map: one tab stop; arrows, Home and End move through the areas, then the
/// markers, in the scene's order; Enter and Space select; Escape hides the tooltip.
fn on_key(ev: &web_sys::KeyboardEvent, tip: &super::parts::tooltip::Hover<(Tip, String)>) {
    let Some(plot) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let count = plot
        .query_selector_all("[data-fw-mark]")
        .map_or(0, |l| l.length() as usize);
    if count == 0 {
        return;
    }
    let at = mark_of(ev).map_or(0, |(_, i)| i.min(count - 1));
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1) % count,
        "ArrowLeft" | "ArrowUp" => (at + count - 1) % count,
        "Home" => 0,
        "End" => count - 1,
        "Escape" => {
            tip.hide();
            return;
        }
        "Enter" | " " => {
            ev.prevent_default();
            select(ev);
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    let selector = format!("[data-fw-mark='{next}']");
    if let Some(Ok(el)) = plot
        .query_selector(&selector)
        .ok()
        .flatten()
        .map(|e| e.dyn_into::<web_sys::SvgElement>())
    {
        let _ = el.focus();
    }
}

/// A click on the record the key was pressed on: `embed` sends `foerderweg-select` for it.
fn select(ev: &web_sys::KeyboardEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(click) = web_sys::Event::new_with_event_init_dict("click", &init) {
        let _ = el.dispatch_event(&click);
    }
}

/// The periods of a document's figures, in order.
fn periods_of(doc: &MapDoc) -> Vec<Period> {
    layout::periods(doc).into_iter().flatten().collect()
}

/// The export menu: each table as CSV, the map as SVG and PNG with its `frame`, print.
fn export_menu(
    scene: Memo<Arc<MapScene>>,
    titles: Vec<&'static str>,
    frame: &Frame,
    lang: Lang,
) -> impl IntoView + use<> {
    let mut items: Vec<Item> = Vec::new();
    for (i, table) in titles.into_iter().enumerate() {
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
        frame,
        None,
        lang,
    ));
    items.push(Item::print(lang));
    menu(items, lang)
}

/// The change day in force on `day`: the last one on or before it.
fn shown_step(dates: &[Day], day: Option<Day>) -> Option<usize> {
    dates.iter().rposition(|x| Some(*x) <= day)
}

/// Warnings found against the geometry (unknown keys, overlapping regions).
fn geometry_warnings(diagnostics: &[Diagnostic], lang: Lang) -> Option<impl IntoView + use<>> {
    let list: Vec<&Diagnostic> = diagnostics.iter().collect();
    (!list.is_empty()).then(|| super::parts::diagnostics::list(&list, lang))
}
