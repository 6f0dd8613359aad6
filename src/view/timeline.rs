//! The support-plan timeline: one participant in lanes, or a cohort of many in virtualised
//! rows that open the single view. View state only: window, selection, sort, filters, focus.
//! Every drawing is a scene from `layout::timeline`, shown by the one marks renderer; events
//! are delegated to the plot and the list.

use super::parts::export::{Item, menu, printing};
use super::parts::marks;
use super::parts::table::live_table;
use crate::i18n::Lang;
use crate::layout::timeline::{self as layout, CohortSort, Filter, Window, cohort_order};
use crate::model::timeline::TimelineDoc;
use crate::scene::Scene;
use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

use crate::render::timeline::{Act, KEYS_HINT, Menu};

/// Rows drawn beyond the visible ones, above and below.
const OVERSCAN: usize = 6;
/// Rows of the list in view at once.
const VISIBLE_ROWS: usize = 14;
/// Rows of the cohort table view and of its image (the chart view has them all).
const TABLE_ROWS: usize = layout::SHOWN_ROWS;
/// The record attributes that keep the focus: a phase or marker, a cohort row.
const PATH: &str = "data-fw-path";
const SELECT: &str = "data-fw-select";

fn viewer_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
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
    /// The record with the keyboard focus: its attribute and value (a phase's JSON path, a
    /// row's participant id), while the focus is on it.
    focus: Option<(&'static str, String)>,
    /// The cohort's first row in view.
    first: usize,
}

/// Where the focus goes when the view changes (SC 2.4.3): a row opened moves it to the
/// participant's heading; "back" returns it to the row the person came from.
#[derive(Clone, Copy)]
struct Nav {
    /// The participant whose row opened the single view, by id.
    came_from: StoredValue<Option<String>>,
    /// The single view was opened from the list: its heading takes the focus once drawn.
    arriving: StoredValue<bool>,
    /// "Back" was pressed: the list gives the focus to the row of `came_from` once drawn.
    returning: StoredValue<bool>,
}

impl Nav {
    fn new() -> Nav {
        Nav {
            came_from: StoredValue::new(None),
            arriving: StoredValue::new(false),
            returning: StoredValue::new(false),
        }
    }

    /// Takes a flag: true once after it was set.
    fn take(flag: StoredValue<bool>) -> bool {
        flag.try_update_value(std::mem::take).unwrap_or(false)
    }
}

/// The focused record, remembered in the carried state so that the next document's view
/// gives it the focus back.
#[derive(Clone, Copy)]
struct Focus(StoredValue<super::Carried>);

impl Focus {
    fn kept(self, attr: &str) -> Option<String> {
        self.0.with_value(|c| {
            c.timeline
                .as_ref()
                .and_then(|t| t.focus.clone())
                .filter(|(a, _)| *a == attr)
                .map(|(_, v)| v)
        })
    }

    fn set(self, focus: Option<(&'static str, String)>) {
        // Also called from a timer, when the widget may be gone.
        self.0.try_update_value(|c| {
            c.timeline.get_or_insert_with(Carry::default).focus = focus;
        });
    }

    /// The record an event happened on (one with `attr`) took the focus.
    fn taken(self, ev: &web_sys::FocusEvent, attr: &'static str) {
        if let Some((_, value)) = super::parts::marked(ev, attr) {
            self.set(Some((attr, value)));
        }
    }

    /// A record lost the focus: forgotten once the focus is elsewhere while the record is still
    /// drawn (a window that lost the focus keeps it). A record removed by a redraw of the same
    /// view (the cohort's rows drawn again as the list settles after new data) gives the focus
    /// to the record drawn in its place, so it does not fall to the page's `<body>`.
    fn lost(self, ev: &web_sys::FocusEvent, within: web_sys::HtmlElement, attr: &'static str) {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        after_redraw(move || {
            if !within.is_connected() || focus_within(&within) {
                return;
            }
            if target.is_connected() {
                self.set(None);
                return;
            }
            let Some(value) = self.kept(attr) else { return };
            let selector = marks::record_selector(attr, &value);
            // Only while the focus has gone nowhere: a click elsewhere is the reader's choice.
            let nowhere = within
                .owner_document()
                .and_then(|d| d.active_element())
                .is_none_or(|a| a.local_name() == "body");
            if let (true, Ok(Some(record))) = (nowhere, within.query_selector(&selector)) {
                marks::focus_record(&record);
            }
        });
    }

    /// After the first drawing, gives the remembered record inside `container` the focus. The
    /// drawing may come a few frames after the view (the marks are set by an effect): the record
    /// is looked for again for a while (tries 8 × 16 ms), and given up once the reader has put
    /// the focus somewhere.
    fn restore(self, container: NodeRef<html::Div>, attr: &'static str) {
        let Some(value) = self.kept(attr) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let selector = marks::record_selector(attr, &value);
            for attempt in 0..8 {
                gloo_timers::future::TimeoutFuture::new(if attempt == 0 { 0 } else { 16 }).await;
                let Some(el) = container.try_get_untracked().flatten() else {
                    return;
                };
                if focus_within(&el) {
                    return;
                }
                // Only while the focus has gone nowhere (the page's body, or this widget with
                // nothing focused in it): a place the reader chose is theirs.
                let nowhere = match el.owner_document().and_then(|d| d.active_element()) {
                    None => true,
                    Some(a) if a.local_name() == "body" => true,
                    Some(a) => a
                        .shadow_root()
                        .is_some_and(|r| r.contains(Some(&el)) && r.active_element().is_none()),
                };
                if !nowhere {
                    return;
                }
                if let Ok(Some(record)) = el.query_selector(&selector) {
                    marks::focus_record(&record);
                    return;
                }
            }
        });
    }
}

/// The timeline's state, made once and fed each new document: the participant open (by id),
/// the window, the views and the cohort's order and filters. Every field is a reactive handle,
/// so the state is `Copy` and each part of the view takes what it needs.
#[derive(Clone, Copy)]
struct State {
    /// The document now; the last one while the widget turns to another kind.
    doc: Memo<Arc<TimelineDoc>>,
    lang: Lang,
    width: Signal<f64>,
    today: Memo<NaiveDate>,
    /// The document has one participant: no list to return to.
    single_only: Memo<bool>,
    /// The participant open, by id; `selected` is their place in the document now.
    chosen: RwSignal<Option<String>>,
    selected: Memo<Option<usize>>,
    /// The window that shows everyone (Home in the list).
    fit_all: Memo<Window>,
    window: RwSignal<Window>,
    /// The table view is shown.
    table: RwSignal<bool>,
    /// The cohort's first row in view, order and filters.
    first: RwSignal<usize>,
    sort: RwSignal<CohortSort>,
    filter: RwSignal<Filter>,
    /// An image is being exported (the table view draws its chart off-screen meanwhile).
    exporting: RwSignal<bool>,
    printing: RwSignal<bool>,
    nav: Nav,
    focus: Focus,
}

impl State {
    /// The state for the document of `docm`, starting from what `carried` kept of the last one.
    fn new(
        docm: Memo<Option<Arc<TimelineDoc>>>,
        lang: Lang,
        width: Signal<f64>,
        carried: StoredValue<super::Carried>,
    ) -> Option<State> {
        let first_doc = docm.get_untracked()?;
        let doc = Memo::new_with_compare(
            move |before: Option<&Arc<TimelineDoc>>| {
                docm.get()
                    .or_else(|| before.cloned())
                    .unwrap_or_else(|| first_doc.clone())
            },
            |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
        );
        let viewer = viewer_today();
        let today = Memo::new(move |_| doc.with(|d| layout::today(d, viewer)));
        let carry = carried
            .with_value(|c| c.timeline.clone())
            .unwrap_or_default();
        let single_only = Memo::new(move |_| doc.with(|d| d.participants.len() == 1));
        let chosen = RwSignal::new(carry.selected.clone());
        let selected = Memo::new(move |_| {
            if single_only.get() {
                return Some(0usize);
            }
            chosen.with(|id| {
                let id = id.as_deref()?;
                doc.with(|d| d.participants.iter().position(|p| p.id == id))
            })
        });
        let fit_all = Memo::new(move |_| {
            doc.with(|d| {
                let all: Vec<_> = d.participants.iter().collect();
                Window::fit(&all, today.get())
            })
        });
        // The window fitted to a participant who is gone does not fit anything: fit all again.
        let lost = carry.selected.is_some() && selected.get_untracked().is_none();
        let window = RwSignal::new(
            carry
                .window
                .filter(|_| !lost)
                .unwrap_or_else(|| fit_all.get_untracked()),
        );
        if lost {
            chosen.set(None);
        }
        let state = State {
            doc,
            lang,
            width,
            today,
            single_only,
            chosen,
            selected,
            fit_all,
            window,
            table: RwSignal::new(carry.table),
            first: RwSignal::new(carry.first),
            sort: RwSignal::new(carry.sort),
            filter: RwSignal::new(carry.filter.kept_for(&doc.get_untracked())),
            exporting: RwSignal::new(false),
            printing: printing(),
            nav: Nav::new(),
            focus: Focus(carried),
        };
        state.follow_documents();
        state.carry_in(carried);
        Some(state)
    }

    /// What a new document changes: a participant it no longer has closes, the window that
    /// showed everyone shows everyone of it too, and a filter on a provider or programme it no
    /// longer has is let go.
    fn follow_documents(self) {
        let State {
            doc,
            chosen,
            selected,
            fit_all,
            window,
            filter,
            ..
        } = self;
        Effect::new(move |_| {
            if selected.get().is_none() && chosen.with_untracked(Option::is_some) {
                chosen.set(None);
                window.set(fit_all.get_untracked());
            }
        });
        Effect::new(move |before: Option<Window>| {
            let now = fit_all.get();
            if let Some(before) = before
                && before != now
                && window.get_untracked() == before
            {
                window.set(now);
            }
            now
        });
        Effect::new(move |_| {
            let kept = doc.with(|d| filter.get_untracked().kept_for(d));
            if filter.with_untracked(|f| *f != kept) {
                filter.set(kept);
            }
        });
    }

    /// Keeps the view state in `carried` for the view the next document is drawn in.
    fn carry_in(self, carried: StoredValue<super::Carried>) {
        let s = self;
        Effect::new(move |_| {
            let selected = s
                .selected
                .get()
                .and_then(|i| s.doc.with(|d| d.participants.get(i).map(|p| p.id.clone())));
            let (window, table, sort, filter, first) = (
                Some(s.window.get()).filter(|w| *w != s.fit_all.get()),
                s.table.get(),
                s.sort.get(),
                s.filter.get(),
                s.first.get(),
            );
            carried.update_value(|c| {
                let focus = c.timeline.take().and_then(|t| t.focus);
                c.timeline = Some(Carry {
                    selected,
                    window,
                    table,
                    sort,
                    filter,
                    focus,
                    first,
                });
            });
        });
    }

    /// The window that shows everything in view: the participant open, or everyone.
    fn fit(self) -> Window {
        let at = self.selected.get_untracked();
        self.doc
            .with_untracked(|d| match at.and_then(|i| d.participants.get(i)) {
                Some(p) => Window::fit(&[p], self.today.get_untracked()),
                None => self.fit_all.get_untracked(),
            })
    }

    /// Opens the participant at `index` from the list, fitted; their heading takes the focus.
    fn open(self, index: usize) {
        let Some((id, fitted)) = self.doc.with_untracked(|d| {
            let p = d.participants.get(index)?;
            Some((p.id.clone(), Window::fit(&[p], self.today.get_untracked())))
        }) else {
            return;
        };
        self.nav.came_from.set_value(Some(id.clone()));
        self.nav.arriving.set_value(true);
        self.chosen.set(Some(id));
        self.window.set(fitted);
    }

    /// What a toolbar button asks for.
    fn act(self, act: Act) {
        match act {
            Act::Back => {
                self.nav.returning.set_value(true);
                self.chosen.set(None);
                self.window.set(self.fit_all.get_untracked());
            }
            Act::Table => self.table.update(|v| *v = !*v),
            act => {
                let (window, today) = (self.window.get_untracked(), self.today.get_untracked());
                if let Some(w) = act.moved(window, self.fit(), today) {
                    self.window.set(w);
                }
            }
        }
    }

    /// What both views share.
    fn view(self) -> View {
        View {
            window: self.window,
            today: self.today,
            lang: self.lang,
            width: self.width,
            focus: self.focus,
            nav: self.nav,
        }
    }
}

/// The timeline, drawn once and fed each new document through `docm`: the header, summary,
/// toolbar, list and single view follow it in place, so a refresh or new data from the host
/// keeps the open participant, the window, the filters, the scroll position and the keyboard
/// focus (a cohort row that did not change keeps its element).
pub(crate) fn timeline(
    docm: Memo<Option<Arc<TimelineDoc>>>,
    lang: Lang,
    width: Signal<f64>,
    carried: StoredValue<super::Carried>,
) -> AnyView {
    let Some(s) = State::new(docm, lang, width, carried) else {
        return ().into_any();
    };
    let State {
        doc,
        today,
        selected,
        ..
    } = s;
    let summary = move || {
        doc.with(
            |d| match selected.get().and_then(|i| d.participants.get(i)) {
                Some(p) => layout::single_summary(p, today.get(), lang),
                None => layout::cohort_summary(d, today.get(), lang),
            },
        )
    };
    let title = Memo::new(move |_| doc.with(|d| d.title.clone()));
    let source = Memo::new(move |_| doc.with(|d| d.source.clone()));
    // Drawn again only when the view changes (a participant opened or closed, the table
    // toggled, print): new data flows into the drawn view.
    let opened = Memo::new(move |_| selected.get().is_some());
    let body = move || {
        let (as_table, printing) = (s.table.get(), s.printing.get());
        if opened.get() {
            single_body(s, as_table, printing)
        } else {
            let cohort = Cohort {
                fit_all: s.fit_all,
                as_table,
                printing,
                sort: s.sort,
                filter: s.filter,
                exporting: s.exporting,
                first: s.first,
            };
            cohort_view(doc, s.view(), cohort, move |index| s.open(index)).into_any()
        }
    };
    view! {
        <header class="fw-head">
            {super::parts::written(move |w, levels| {
                let as_of = crate::render::timeline::as_of(today.get(), lang);
                title.with(|title| crate::render::html::head(w, levels, title.as_deref(), [None, Some(&as_of)]));
            })}
        </header>
        {super::parts::written(move |w, _| { w.element("p", "fw-summary", &summary()); })}
        <div class="fw-toolbar" role="toolbar" aria-label=lang.texts().timeline_name
            on:click=move |ev: web_sys::MouseEvent| {
                if let Some(act) = super::parts::marked(&ev, "data-fw-act").and_then(|(_, a)| Act::parse(&a)) {
                    s.act(act);
                }
            }>
            {super::parts::written(move |w, _| {
                let back = !s.single_only.get() && selected.get().is_some();
                crate::render::timeline::toolbar(w, lang, back, s.table.get());
            })}
            {export_menu(doc, selected, s.window, today, lang, (s.sort, s.filter, s.exporting))}
        </div>
        {body}
        <p class="fw-hint" id=KEYS_HINT>{lang.texts().tl.keys}</p>
        {super::parts::written(move |w, _| source.with(|src| crate::render::html::source(w, src.as_deref(), lang)))}
    }
    .into_any()
}

/// One participant: on paper their case file's head, the path (unless the table view is on) or,
/// while an image is exported from the table view, the path drawn off-screen for it, and the
/// table view.
fn single_body(s: State, as_table: bool, printing: bool) -> AnyView {
    let State {
        doc,
        selected,
        today,
        lang,
        exporting,
        ..
    } = s;
    let rows = Signal::derive(move || {
        let at = selected.get()?;
        doc.with(|d| {
            d.participants
                .get(at)
                .map(|p| layout::single_table(p, today.get(), lang))
        })
    });
    let chart = (!as_table || printing).then(|| single_view(doc, selected, s.view()));
    let for_export = move || {
        (as_table && !printing && exporting.get()).then(|| {
            view! {
                <div class="fw-export-figure" aria-hidden="true">
                    {single_view(doc, selected, s.view())}
                </div>
            }
        })
    };
    // On paper the path heads a case file: the person, the day it is as of, the day it was
    // printed.
    let case_file = printing.then(|| {
        super::parts::written(move |w, _| {
            let fields = selected.get().and_then(|at| {
                doc.with(|d| {
                    d.participants
                        .get(at)
                        .map(|p| layout::case_file(p, today.get(), viewer_today(), lang))
                })
            });
            crate::render::timeline::case_file(w, &fields.unwrap_or_default());
        })
    });
    view! {
        {case_file}
        {chart}
        {for_export}
        {(as_table || printing).then(|| live_table(rows, lang, "fw-table--timeline"))}
    }
    .into_any()
}

/// The export menu: the table as CSV, the drawing as SVG and PNG framed like every rendering
/// (`layout::frame`), and print; for the participant open or the cohort in its order.
fn export_menu(
    doc: Memo<Arc<TimelineDoc>>,
    selected: Memo<Option<usize>>,
    window: RwSignal<Window>,
    today: Memo<NaiveDate>,
    lang: Lang,
    (sort, filter, exporting): (RwSignal<CohortSort>, RwSignal<Filter>, RwSignal<bool>),
) -> impl IntoView {
    let t = lang.texts().tl;
    // The menu is made again when what it names changes, not for each new document: the
    // tables are made from the document of the moment they are asked for.
    let frame =
        Memo::new(move |_| doc.with(|d| layout::frame(d, selected.get(), today.get(), lang)));
    let label = Memo::new(move |_| {
        let at = selected.get()?;
        doc.with(|d| d.participants.get(at).map(|p| p.label.clone()))
    });
    move || {
        let frame = frame.get();
        let mut items = match label.get() {
            Some(label) => {
                let table = Arc::new(move || {
                    let at = selected.get_untracked();
                    doc.with_untracked(|d| {
                        let p = at.and_then(|i| d.participants.get(i));
                        p.map(|p| layout::single_table(p, today.get_untracked(), lang))
                    })
                    .unwrap_or_else(|| {
                        layout::cohort_table(
                            &doc.get_untracked(),
                            &[],
                            window.get_untracked(),
                            today.get_untracked(),
                            lang,
                        )
                    })
                });
                let mut items = vec![Item::csv(&label, table, lang)];
                // In the table view the chart is drawn off-screen while it is exported.
                items.extend(Item::images(
                    "svg.fw-timeline",
                    None,
                    &frame,
                    Some(exporting),
                    lang,
                ));
                items
            }
            None => {
                let mut items = vec![Item::csv(
                    t.cohort,
                    Arc::new(move || {
                        doc.with_untracked(|d| {
                            let today = today.get_untracked();
                            let order = cohort_order(
                                d,
                                sort.get_untracked(),
                                &filter.get_untracked(),
                                today,
                            );
                            layout::cohort_table(d, &order, window.get_untracked(), today, lang)
                        })
                    }),
                    lang,
                )];
                items.extend(Item::images(
                    "svg.fw-cohort-figure",
                    None,
                    &frame,
                    Some(exporting),
                    lang,
                ));
                items
            }
        };
        items.push(Item::print(lang));
        menu(items, lang)
    }
}

/// What both views share: the window, the day, the words, the width and the kept focus.
#[derive(Clone, Copy)]
struct View {
    window: RwSignal<Window>,
    today: Memo<NaiveDate>,
    lang: Lang,
    width: Signal<f64>,
    focus: Focus,
    nav: Nav,
}

/// The cohort's own state.
#[derive(Clone, Copy)]
struct Cohort {
    /// The window that shows everyone (Home).
    fit_all: Memo<Window>,
    as_table: bool,
    printing: bool,
    sort: RwSignal<CohortSort>,
    filter: RwSignal<Filter>,
    exporting: RwSignal<bool>,
    /// First row in view.
    first: RwSignal<usize>,
}

/// A `<span>` showing `scene` through the marks renderer, redrawn when it changes; hidden from
/// screen readers (its container names it).
fn drawing(scene: Signal<Scene>, class: &'static str) -> impl IntoView {
    let node = NodeRef::<html::Span>::new();
    let data_lang = super::parts::data_lang();
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let data_lang = data_lang.get();
        scene.with(|s| marks::draw_into(&el, s, PATH, None, data_lang));
    });
    view! { <span class=class aria-hidden="true" node_ref=node></span> }
}

/// Ctrl (or ⌘) and the wheel zoom the window of `target`, as a pinch on a touchpad does; the
/// wheel alone scrolls the page past the chart (a non-passive native listener, which holds the
/// page still only while it zooms).
fn wheel_zoom(target: NodeRef<html::Div>, window: RwSignal<Window>) {
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let el: web_sys::HtmlElement = el.into();
        let wheel = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::WheelEvent)>::new(
            move |ev: web_sys::WheelEvent| {
                if ev.delta_y() == 0.0 || !(ev.ctrl_key() || ev.meta_key()) {
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
                let x = f64::from(ev.client_x());
                window.update(|w| {
                    *w = layout::wheeled(*w, ev.delta_y(), x, rect.left(), rect.width())
                });
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

/// The element an event listener sits on.
fn listener(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    ev.current_target()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// One participant in lanes: the scene of `layout::single_scene` in the marks renderer, with
/// one set of listeners on the plot for tooltips, keys, dragging and the kept focus.
fn single_view(
    doc: Memo<Arc<TimelineDoc>>,
    selected: Memo<Option<usize>>,
    v: View,
) -> impl IntoView {
    let View {
        window,
        today,
        lang,
        width,
        focus,
        nav,
    } = v;
    let active = super::parts::tooltip::Hover::<marks::Tip>::new();
    // Opened from the list: the participant's heading takes the focus (not the page's body).
    let heading = NodeRef::<html::Custom<&'static str>>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get()
            && Nav::take(nav.arriving)
        {
            let _ = h.focus();
        }
    });
    let plot_ref = NodeRef::<html::Div>::new();
    wheel_zoom(plot_ref, window);
    let drag = StoredValue::new(None::<(f64, Window)>);
    let fit = move || {
        let at = selected.get_untracked();
        doc.with_untracked(|d| {
            at.and_then(|i| d.participants.get(i))
                .map_or(window.get_untracked(), |p| {
                    Window::fit(&[p], today.get_untracked())
                })
        })
    };
    let names = Memo::new(move |_| {
        let at = selected.get();
        doc.with(|d| {
            let p = at.and_then(|i| d.participants.get(i));
            (
                p.map(|p| p.label.clone()).unwrap_or_default(),
                p.and_then(|p| p.programme.clone()),
            )
        })
    });
    let label = move || names.with(|(label, _)| label.clone());
    let scene = Memo::new(move |_| {
        let d = doc.get();
        let Some(index) = selected.get() else {
            return Scene::default();
        };
        let width = width.get();
        let plot = layout::plot_for(width);
        let name = names.with(|(name, _)| name.clone());
        layout::single(&d, index, window.get(), plot, today.get(), lang)
            .map(|s| layout::single_scene(&s, width, &name, lang))
            .unwrap_or_default()
    });
    let (marks_ref, plot) =
        marks::plot(scene.into(), PATH, "fw-plot__marks", Some(KEYS_HINT.into()));
    focus.restore(marks_ref, PATH);
    view! {
        <section class="fw-single" aria-label=label>
            {super::parts::heading(1).attr("class", "fw-heading").attr("tabindex", "-1").node_ref(heading).child(move || names.with(|(label, programme)| crate::render::timeline::participant_heading(label, programme.as_deref())))}
            <div
                class="fw-plot"
                node_ref=plot_ref
                tabindex="-1"
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        active.hide();
                    } else if window_key(&ev.key(), window, &fit) {
                        // The scene is drawn anew; the renderer keeps the focus on the record.
                        ev.prevent_default();
                    }
                }
                on:focusin=move |ev: web_sys::FocusEvent| {
                    focus.taken(&ev, PATH);
                    active.show(marks::tip_of(&ev));
                }
                on:focusout=move |ev: web_sys::FocusEvent| {
                    active.hide();
                    if let Some(plot) = listener(&ev) {
                        focus.lost(&ev, plot, PATH);
                    }
                }
                on:mouseover=move |ev: web_sys::MouseEvent| {
                    if let Some(tip) = marks::tip_of(&ev) {
                        active.show(Some(tip));
                    }
                }
                on:mouseout=move |_| active.leave()
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if let Some(start) = window.try_get_untracked() {
                        drag.set_value(Some((f64::from(ev.client_x()), start)));
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    if let Some((from, start)) = drag.try_get_value().flatten() {
                        let to = f64::from(ev.client_x());
                        if let Some(w) = layout::dragged(start, from, to, width.get_untracked()) {
                            window.set(w);
                        }
                    }
                }
                on:pointerup=move |_| drag.set_value(None)
                on:pointerleave=move |_| drag.set_value(None)
            >
                {plot}
                {move || active.get().map(|(x, y, text)| active.bubble((x, y), "middle", text))}
            </div>
        </section>
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

/// Runs `f` after the current redraw (a zero-delay timer, freed once it ran).
fn after_redraw(f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        f();
    });
}

/// The cohort's order and filter menus, with the count of those shown.
fn filters(
    choices: Memo<layout::Choices>,
    (order, total): (Memo<Arc<Vec<usize>>>, Memo<usize>),
    sort: RwSignal<CohortSort>,
    filter: RwSignal<Filter>,
    lang: Lang,
) -> impl IntoView + use<> {
    let t = lang.texts().tl;
    // How many rows a filter leaves, said in the widget's one live region when it changes.
    let count = move || {
        crate::i18n::fill(
            t.shown,
            &lang.integer(order.get().len() as i64),
            &lang.integer(total.get() as i64),
        )
    };
    let say = super::parts::live::announcer();
    Effect::new(move |before: Option<String>| {
        let now = count();
        if before.is_some_and(|b| b != now) {
            say.say(now.clone());
        }
        now
    });
    // The menus are written again only when their choices change (with what is chosen then),
    // so a select keeps the focus through new data; the browser keeps the choice made.
    let changed = move |ev: web_sys::Event| {
        let Some((select, name)) = super::parts::marked(&ev, "data-fw-filter") else {
            return;
        };
        let (Some(menu), Some(value)) = (
            Menu::parse(&name),
            js_sys::Reflect::get(&select, &"value".into())
                .ok()
                .and_then(|v| v.as_string()),
        ) else {
            return;
        };
        match menu {
            Menu::Sort => sort.set(CohortSort::parse(&value)),
            menu => filter.update(|f| *f = menu.chosen(std::mem::take(f), &value)),
        }
    };
    view! {
        <div class="fw-toolbar fw-filters" on:change=changed>
            {super::parts::written(move |w, _| choices.with(|c| {
                crate::render::timeline::filters(w, c, sort.get_untracked(), &filter.get_untracked(), lang);
            }))}
            <span class="fw-count">{count}</span>
        </div>
    }
}

/// The cohort's table view in its order, the first [`TABLE_ROWS`] rows and a note on the rest.
fn cohort_table_view(
    doc: Memo<Arc<TimelineDoc>>,
    order: Memo<Arc<Vec<usize>>>,
    window: RwSignal<Window>,
    today: Memo<NaiveDate>,
    lang: Lang,
) -> impl IntoView {
    let table = Signal::derive(move || {
        let order = order.get();
        let shown = order.len().min(TABLE_ROWS);
        doc.with(|d| {
            Some(layout::cohort_table(
                d,
                &order[..shown],
                window.get(),
                today.get(),
                lang,
            ))
        })
    });
    let more = move || order.with(|o| o.len().saturating_sub(TABLE_ROWS));
    view! {
        {live_table(table, lang, "fw-table--cohort")}
        {move || (more() > 0).then(|| view! { <p class="fw-more">{crate::i18n::fill_named(lang.texts().and_more, &[("n", &lang.integer(more() as i64))])}</p> })}
    }
}

/// All rows (up to the table's limit) in one figure, drawn off-screen only while an image is
/// exported.
fn export_figure(
    doc: Memo<Arc<TimelineDoc>>,
    order: Memo<Arc<Vec<usize>>>,
    v: View,
    exporting: RwSignal<bool>,
) -> impl IntoView {
    move || {
        exporting.get().then(|| {
            let order = order.get_untracked();
            let shown = order.len().min(TABLE_ROWS);
            let scene = doc.with_untracked(|d| {
                layout::cohort_figure(
                    d,
                    &order[..shown],
                    v.window.get_untracked(),
                    v.today.get_untracked(),
                    v.lang,
                    v.width.get_untracked(),
                )
            });
            view! {
                <div class="fw-export-figure" aria-hidden="true">
                    {drawing(Signal::derive(move || scene.clone()), "fw-drawing")}
                </div>
            }
        })
    }
}

/// The cohort's list: a virtualised slice of rows in the cohort's order, with one tab stop.
#[derive(Clone, Copy)]
struct List {
    doc: Memo<Arc<TimelineDoc>>,
    v: View,
    order: Memo<Arc<Vec<usize>>>,
    /// The first row in view.
    first: RwSignal<usize>,
    /// The row that holds the one Tab stop: the one last focused while it is drawn, so Tab
    /// leaves the list forward from there (Chromium sends Tab from a `tabindex=-1` element in a
    /// shadow root back to the root's start).
    current: RwSignal<usize>,
    list_ref: NodeRef<html::Div>,
    /// Home shows the whole cohort.
    fit_all: Memo<Window>,
}

impl List {
    /// The rows of the slice drawn: those in view and [`OVERSCAN`] either side.
    fn rows(self) -> Vec<layout::Row> {
        let View {
            window,
            today,
            lang,
            width,
            ..
        } = self.v;
        let order = self.order.get();
        let start = self.first.get().saturating_sub(OVERSCAN);
        self.doc.with(|d| {
            layout::cohort_rows(
                d,
                &order,
                start..start + VISIBLE_ROWS + 2 * OVERSCAN,
                window.get(),
                layout::plot_for(width.get()),
                today.get(),
                lang,
            )
        })
    }

    /// The row with the Tab stop: the last one focused while it is drawn, else the first in view.
    fn tab_stop(self) -> usize {
        let (c, f) = (self.current.get(), self.first.get());
        let start = f.saturating_sub(OVERSCAN);
        let end = (start + VISIBLE_ROWS + 2 * OVERSCAN).min(self.order.with(|o| o.len()));
        if (start..end).contains(&c) { c } else { f }
    }

    /// Writes the slice's rows into `slice` as the native renderer writes them: a row whose
    /// markup did not change keeps its element (and the focus) while the list scrolls or new
    /// data comes; then gives the tab stop to its row.
    fn write_rows(self, slice_ref: NodeRef<html::Div>) {
        let written = StoredValue::new(Vec::<String>::new());
        let data_lang = super::parts::data_lang();
        let (width, order) = (self.v.width, self.order);
        // Made again when the rows change, not when the tab stop moves (each arrow key).
        let items = Memo::new(move |_| {
            let (width, total, data_lang) = (width.get(), order.with(|o| o.len()), data_lang.get());
            self.rows()
                .iter()
                .map(|r| {
                    let mut w = crate::render::Writer::new();
                    w.data_lang = data_lang;
                    crate::render::timeline::row(&mut w, r, width, total);
                    w.out
                })
                .collect::<Vec<String>>()
        });
        Effect::new(move |_| {
            let Some(slice) = slice_ref.get() else { return };
            items.with(|items| {
                written.update_value(|shown| {
                    if shown != items {
                        crate::render::dom::patch_list(&slice, shown, items);
                        shown.clone_from(items);
                    }
                })
            });
            let stop = self.tab_stop().to_string();
            let mut item = slice.first_element_child();
            while let Some(el) = item {
                if let Ok(Some(button)) = el.query_selector("button") {
                    let at = button
                        .get_attribute("data-fw-row")
                        .is_some_and(|r| r == stop);
                    let _ = button.set_attribute("tabindex", if at { "0" } else { "-1" });
                }
                item = el.next_element_sibling();
            }
        });
    }

    /// Scrolls the row at `position` into view and gives it the focus: at once if it is drawn
    /// (keys typed quickly are not lost) and `at_once`, else when it has been drawn.
    fn show_row(self, list: web_sys::HtmlElement, position: usize, at_once: bool) {
        let (scroll, height) = (
            f64::from(list.scroll_top()),
            f64::from(list.client_height()),
        );
        if let Some(to) = layout::scroll_to_show(position, scroll, height) {
            list.set_scroll_top(to as i32);
        }
        self.first.set(layout::row_at(f64::from(list.scroll_top())));
        self.current.set(position);
        if !(at_once && focus_at(&list, position)) {
            after_redraw(move || {
                focus_at(&list, position);
            });
        }
    }

    /// Once the list is drawn, it shows the rows where they were, and its row gets the focus
    /// back; back from a participant, their row gets it (or, where the filter no longer shows
    /// them, the first row in view), scrolled into view wherever the list was.
    fn arrive(self) {
        let List {
            doc,
            v,
            order,
            first,
            list_ref,
            ..
        } = self;
        let came_back = move || {
            let id = v.nav.came_from.get_value()?;
            doc.with_untracked(|d| {
                order.with_untracked(|o| {
                    o.iter()
                        .position(|&i| d.participants.get(i).is_some_and(|p| p.id == id))
                })
            })
        };
        Effect::new(move |done: Option<()>| {
            if let (None, Some(list)) = (done, list_ref.get()) {
                list.set_scroll_top(layout::row_top(first.get_untracked()) as i32);
                if Nav::take(v.nav.returning) {
                    // The slice is drawn before the row is focused.
                    let position = came_back().unwrap_or_else(|| first.get_untracked());
                    self.show_row(list.into(), position, false);
                } else {
                    v.focus.restore(list_ref, SELECT);
                }
            }
        });
    }

    /// A scroll of the list: the slice is drawn anew, and a row that had the focus gets it
    /// back (the browser scrolls a focused row into view, which lands here).
    fn scrolled(self, target: web_sys::HtmlElement) {
        let now = layout::row_at(f64::from(target.scroll_top()));
        // A scroll event may arrive after a redraw removed the list.
        let Some(was) = self.first.try_get_untracked() else {
            return;
        };
        if now != was {
            let refocus = focus_within(&target).then(|| self.current.get_untracked());
            self.first.set(now);
            if let Some(position) = refocus {
                after_redraw(move || {
                    focus_at(&target, position);
                });
            }
        }
    }

    /// Keys on the list: the arrows, Page Up/Down, Home and End move between rows; the
    /// window's keys move the window.
    fn key(self, ev: &web_sys::KeyboardEvent) {
        let fit = move || self.fit_all.get_untracked();
        let row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.get_attribute("data-fw-row"))
            .and_then(|r| r.parse::<usize>().ok());
        let Some(row) = row else {
            let _ = window_key(&ev.key(), self.v.window, &fit);
            return;
        };
        let count = self.order.with_untracked(|o| o.len());
        match layout::next_row(&ev.key(), ev.ctrl_key(), row, count, VISIBLE_ROWS) {
            Some(next) => {
                ev.prevent_default();
                if let Some(list) = self.list_ref.try_get_untracked().flatten() {
                    self.show_row(list.into(), next, true);
                }
            }
            None => {
                if window_key(&ev.key(), self.v.window, &fit) {
                    ev.prevent_default();
                }
            }
        }
    }
}

/// The list of the cohort's rows, each a button that opens its participant (`open`); events
/// are delegated to the list.
fn cohort_list(l: List, open: impl Fn(usize) + Send + Sync + 'static) -> impl IntoView {
    let slice_ref = NodeRef::<html::Div>::new();
    l.write_rows(slice_ref);
    l.arrive();
    let (focus, current, first, order) = (l.v.focus, l.current, l.first, l.order);
    view! {
        <div
            class="fw-cohort"
            node_ref=l.list_ref
            role="list"
            aria-label=l.v.lang.texts().tl.cohort
            on:scroll=move |ev| l.scrolled(event_target(&ev))
            on:focusin=move |ev: web_sys::FocusEvent| {
                focus.taken(&ev, SELECT);
                if let Some(position) = super::parts::marked(&ev, "data-fw-row").and_then(|(_, p)| p.parse::<usize>().ok())
                    && current.get_untracked() != position
                {
                    current.set(position);
                }
            }
            on:click=move |ev: web_sys::MouseEvent| {
                if let Some(index) = super::parts::marked(&ev, "data-fw-index").and_then(|(_, i)| i.parse::<usize>().ok()) {
                    open(index);
                }
            }
            on:focusout=move |ev: web_sys::FocusEvent| {
                if let Some(list) = listener(&ev) {
                    focus.lost(&ev, list, SELECT);
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| l.key(&ev)
        >
            <div class="fw-cohort__space" style:height=move || layout::list_height(order.get().len())>
                <div class="fw-cohort__slice" node_ref=slice_ref
                    style:transform=move || layout::slice_offset(first.get().saturating_sub(OVERSCAN))>
                </div>
            </div>
        </div>
    }
}

/// The cohort: its filters, then the list with its axis and legend (or the table view), and
/// the figure an image export draws off-screen.
fn cohort_view(
    doc: Memo<Arc<TimelineDoc>>,
    v: View,
    c: Cohort,
    open: impl Fn(usize) + Send + Sync + 'static,
) -> impl IntoView {
    let View {
        window,
        today,
        lang,
        width,
        ..
    } = v;
    let Cohort {
        fit_all,
        as_table,
        printing,
        sort,
        filter,
        exporting,
        first,
    } = c;
    let order = Memo::new(move |_| {
        doc.with(|d| Arc::new(cohort_order(d, sort.get(), &filter.get(), today.get())))
    });
    let table_view = cohort_table_view(doc, order, window, today, lang);
    let figure = export_figure(doc, order, v, exporting);
    let axis = Signal::derive(move || layout::cohort_axis(window.get(), width.get(), lang));
    let legend = Signal::derive(move || doc.with(|d| layout::cohort_legend(d, width.get(), lang)));
    // The menus are made again only when their choices change, so a select keeps the focus
    // through new data.
    let choices = Memo::new(move |_| doc.with(|d| layout::choices(d)));
    let everyone = Memo::new(move |_| doc.with(|d| d.participants.len()));
    let list = List {
        doc,
        v,
        order,
        first,
        current: RwSignal::new(first.get_untracked()),
        list_ref: NodeRef::new(),
        fit_all,
    };
    let none = lang.texts().tl.none;
    view! {
        {filters(choices, (order, everyone), sort, filter, lang)}
        {if as_table {
            ().into_any()
        } else {
            view! {
                <div class="fw-cohort-axis" aria-hidden="true">{drawing(axis, "fw-drawing")}</div>
                {cohort_list(list, open)}
                {move || order.get().is_empty().then(|| view! { <p class="fw-note">{none}</p> })}
                // What the rows' colours, textures and flags stand for (the rows' names say it
                // in words).
                <div class="fw-tl-legend-box" aria-hidden="true">{drawing(legend, "fw-drawing")}</div>
            }
            .into_any()
        }}
        {(as_table || printing).then_some(table_view)}
        {figure}
    }
}
