//! One mounted widget: its shadow-root container, its signals, its source of data (the last one
//! given wins), fetching and refreshing `src`, and the events it sends to its host.

use super::{events, fetch::fetch_text, install_panic_hook, style, timer};
use crate::check::{Checked, Confidential, Diagnostic, Document, Problem, check_with};
use crate::i18n::Lang;
use crate::model::WidgetKind;
use crate::view::{self, Content, Live, Theme};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::{
    AbortController, Element, Event, HtmlElement, ResizeObserver, ResizeObserverEntry,
    ShadowRootInit, ShadowRootMode,
};

/// The shortest refresh interval a host can ask for, so a typo cannot flood its backend.
const MIN_REFRESH_SECONDS: f64 = 5.0;
/// Documents longer than this (bytes of JSON) are drawn a task after they are read.
const LARGE_DOCUMENT: usize = 1 << 20;
/// How long a fetch of `src` may take unless the host says otherwise.
const DEFAULT_TIMEOUT_SECONDS: u32 = 30;
/// The range a host's `timeout` is held to.
const TIMEOUT_SECONDS: (f64, f64) = (1.0, 600.0);
/// How many megabytes (10⁶ bytes) a `src` may send unless the host says otherwise (`max-size`).
const DEFAULT_MAX_MB: f64 = 20.0;
/// The range a host's `max-size` (megabytes) is held to: 1 kB to 500 MB.
const MAX_SIZE_MB: (f64, f64) = (0.001, 500.0);

/// Options given to `mount()` (or read from attributes).
#[derive(Clone, Debug, Default)]
pub(crate) struct Options {
    pub(crate) values: Vec<(&'static str, String)>,
}

impl Options {
    /// Reads the known option names from a JS object's own properties (`maxSize` or
    /// `"max-size"`); other keys, and what the object inherits (a script that set
    /// `Object.prototype.src`), are ignored.
    pub(crate) fn from_js(object: &JsValue) -> Options {
        let mut values = Vec::new();
        if let Some(object) = object.dyn_ref::<js_sys::Object>() {
            for name in crate::model::ATTRIBUTES {
                let own = |key: &str| {
                    let key = JsValue::from_str(key);
                    js_sys::Object::has_own(object, &key)
                        .then(|| js_sys::Reflect::get(object, &key).ok())
                        .flatten()
                };
                let value = own(&camel_case(name))
                    .or_else(|| own(name))
                    .unwrap_or(JsValue::UNDEFINED);
                let text = value
                    .as_string()
                    .or_else(|| value.as_f64().map(crate::scene::num::plain))
                    .or_else(|| value.as_bool().map(|b| b.to_string()));
                if let Some(text) = text {
                    values.push((name, text));
                }
            }
        }
        Options { values }
    }
}

/// `max-size` → `maxSize`, the property and option name of an attribute.
fn camel_case(attribute: &str) -> String {
    let mut out = String::with_capacity(attribute.len());
    let mut upper = false;
    for c in attribute.chars() {
        match c {
            '-' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The number an option gives ([`timer::parse_seconds`]); one that is not a number (`5min`,
/// `0x10`) is warned about in the console, since it silently means the default otherwise.
fn number_option(name: &str, value: Option<&str>) -> Option<f64> {
    let value = value.filter(|v| !v.trim().is_empty())?;
    let number = timer::parse_seconds(value);
    if number.is_none() {
        web_sys::console::warn_1(
            &format!("foerderweg: {name}={value:?} is not a number; it is ignored").into(),
        );
    }
    number
}

/// The level of a widget's title from `heading-level`: 1 to 5 (its sections are one level
/// below, so at most h6); anything else is the default, with a warning in the console.
fn heading_level(value: Option<&str>) -> u8 {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return view::TITLE_LEVEL;
    };
    match value.parse::<u8>() {
        Ok(level @ 1..=5) => level,
        _ => {
            web_sys::console::warn_1(
                &format!(
                    "foerderweg: heading-level={value:?} is not a level from 1 to 5; {} is used",
                    view::TITLE_LEVEL
                )
                .into(),
            );
            view::TITLE_LEVEL
        }
    }
}

/// The one fetch of `src` a widget has in flight.
struct Inflight {
    /// Which fetch it is (counted per widget), so the end of an older one leaves it alone.
    id: u64,
    abort: AbortController,
}

#[derive(Default)]
struct State {
    /// Bumped by every new source of data; a fetch whose generation is old is dropped.
    generation: u64,
    src: Option<String>,
    /// The last source given was `src` (so refresh and retry fetch it).
    from_src: bool,
    refresh: Option<Interval>,
    /// Seconds a fetch may take; `None` is [`DEFAULT_TIMEOUT_SECONDS`].
    timeout: Option<u32>,
    /// Bytes a fetch may read; `None` is [`DEFAULT_MAX_MB`].
    max_bytes: Option<u64>,
    /// The fetch under way: at most one per widget.
    inflight: Option<Inflight>,
    /// Fetches started so far (the id of the next one).
    fetches: u64,
    /// Time of the last load that could be drawn.
    good_since: Option<String>,
    /// The refresh interval, while there is one (milliseconds).
    refresh_ms: Option<u32>,
    /// Held by the host (`pause()`, the `paused` attribute) or by the reader (the button).
    paused: bool,
    /// `pause-on-focus="false"`: the refresh runs on while the focus or the pointer is inside.
    no_hold: bool,
    /// A refresh fell due while held: one fetch when it is let go, not one per missed tick.
    missed: bool,
    /// A digest of the last document drawn, so an unchanged refresh says nothing.
    digest: Option<u64>,
    /// "Load again" was pressed: the focus goes to the new content once it is drawn.
    refocus: bool,
    /// The host's level for sensitive timeline records (`confidential`); `None`: not given.
    confidential: Option<Confidential>,
    /// The last document text of a timeline, so that a changed `confidential` is applied to
    /// it again from the host's records (a milder level needs them; the check is the one
    /// place that generalises).
    last_text: Option<Rc<str>>,
    destroyed: bool,
}

thread_local! {
    /// Widgets live until `destroy()`, like DOM nodes, whether or not JS keeps the handle.
    static LIVE: RefCell<Vec<Rc<Widget>>> = const { RefCell::new(Vec::new()) };
}

/// An event listener on the container, by event name, and whether it listens while the event
/// goes down to its target (capture) rather than up from it.
type Listener = (&'static str, bool, Closure<dyn FnMut(Event)>);

pub(crate) struct Widget {
    kind: WidgetKind,
    host: HtmlElement,
    container: HtmlElement,
    content: ArcRwSignal<Content>,
    lang_attr: ArcRwSignal<Option<Lang>>,
    theme: ArcRwSignal<Theme>,
    /// The level of the widget's title (`heading-level`, 1 to 5; its sections one below).
    heading: ArcRwSignal<u8>,
    /// Two periods a map compares (`compare`), as the attribute says them.
    compare: ArcRwSignal<Option<String>>,
    /// Keeps the view's width signal equal to the container's width.
    resize: RefCell<Option<(ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>>,
    state: RefCell<State>,
    view: RefCell<Option<Box<dyn Any>>>,
    /// The live region's messages and the refresh button's state.
    live: Live,
    /// The container's listeners (click, pointer and focus), removed by `destroy()`.
    listeners: RefCell<Vec<Listener>>,
    /// What a server rendered into the element's declarative shadow root: shown until the
    /// widget has drawn the same document, then removed (see [`Widget::take_over`]).
    server: RefCell<Vec<web_sys::Node>>,
}

fn js_error(context: &str, value: JsValue) -> JsError {
    let detail = value.as_string().or_else(|| {
        value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
    });
    JsError::new(&format!(
        "foerderweg: {context}: {}",
        detail.unwrap_or_default()
    ))
}

impl Widget {
    /// Mounts a widget of `kind` into `host`'s open shadow root (attached when missing).
    pub(crate) fn create(
        host: HtmlElement,
        kind: WidgetKind,
        options: Options,
    ) -> Result<Rc<Widget>, JsError> {
        install_panic_hook();
        // A second mount() on the same element replaces the first widget.
        let earlier: Vec<Rc<Widget>> = LIVE.with(|live| {
            live.borrow()
                .iter()
                .filter(|w| w.host == host)
                .cloned()
                .collect()
        });
        for widget in earlier {
            widget.destroy();
        }
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .map_err(|e| js_error("cannot attach a shadow root to this element", e))?,
        };
        style::adopt(&root);
        let document = host
            .owner_document()
            .ok_or_else(|| JsError::new("foerderweg: element has no document"))?;
        let container: HtmlElement = document
            .create_element("div")
            .map_err(|e| js_error("cannot create the container", e))?
            .unchecked_into();
        container.set_class_name("fw-mount");
        // A server-rendered widget (`<template shadowrootmode="open">`): its markup stays in
        // view while the widget draws behind it at the same width, and goes in one step.
        let server = server_rendered(&root);
        if !server.is_empty() {
            let _ = container.class_list().add_1("fw-mount--behind");
        }
        root.append_child(&container)
            .map_err(|e| js_error("cannot append the container", e))?;

        let content = ArcRwSignal::new(Content::default());
        let lang_attr = ArcRwSignal::new(None);
        let theme = ArcRwSignal::new(Theme::default());
        let heading = ArcRwSignal::new(view::TITLE_LEVEL);
        let compare = ArcRwSignal::new(None::<String>);
        let live = Live::default();
        let measured = f64::from(host.client_width());
        let width = ArcRwSignal::new(if measured > 0.0 {
            measured
        } else {
            DEFAULT_WIDTH
        });
        let view = {
            let (content, lang_attr, theme, width, live) = (
                content.clone(),
                lang_attr.clone(),
                theme.clone(),
                width.clone(),
                live.clone(),
            );
            let heading = heading.clone();
            let compare = compare.clone();
            leptos::mount::mount_to(container.clone(), move || {
                // The map's `compare` attribute, read where the map is drawn.
                leptos::prelude::provide_context(view::CompareAttr(compare));
                view::widget_root(kind, content, lang_attr, (theme, heading), width, live)
            })
        };
        // The root section is the box charts must fit (its padding excluded); it exists as soon
        // as `mount_to` returns.
        let measured_box = container
            .first_element_child()
            .unwrap_or_else(|| container.clone().into());
        // Start from the width the observer will report, so the first document is drawn once
        // and not again a frame later at the width inside the root's padding.
        if let Some(inner) = content_width(&measured_box) {
            width.set(inner);
        }
        let resize = observe_width(&measured_box, width.clone());
        let widget = Rc::new(Widget {
            kind,
            host,
            container,
            content,
            lang_attr,
            theme,
            heading,
            compare,
            resize: RefCell::new(resize),
            state: RefCell::new(State::default()),
            view: RefCell::new(Some(Box::new(view))),
            live,
            listeners: RefCell::new(Vec::new()),
            server: RefCell::new(server),
        });
        widget.listen();

        for (name, value) in &options.values {
            widget.set_option(name, Some(value));
        }
        LIVE.with(|live| live.borrow_mut().push(widget.clone()));
        Ok(widget)
    }

    pub(crate) fn kind(&self) -> WidgetKind {
        self.kind
    }

    fn lang(&self) -> Lang {
        view::effective_lang(
            self.lang_attr.get_untracked(),
            &self.content.read_untracked(),
        )
    }

    /// New data from the `data` property, a child script or `update()`: an object or JSON text.
    pub(crate) fn set_data(self: &Rc<Self>, data: &JsValue) {
        if self.state.borrow().destroyed {
            return;
        }
        self.begin_source(false);
        let text = match data.dyn_ref::<js_sys::JsString>() {
            Some(text) => Some(json_text(text)),
            // `JSON.stringify` throws for cycles and BigInt and gives `undefined` for functions.
            None => js_sys::JSON::stringify(data)
                .ok()
                .and_then(|s| s.as_string()),
        };
        let large = text.as_ref().is_some_and(|t| t.len() > LARGE_DOCUMENT);
        let checked = Arc::new(match &text {
            Some(text) => self.check(text),
            None => Checked::failed(Diagnostic::error(self.kind, "", Problem::NotSerialisable)),
        });
        let news = self.news(&checked, text.as_deref());
        if !large {
            self.show(checked, false, false, news);
            return;
        }
        // A large document is drawn in a task of its own after the one that read it, so the
        // page gets a frame between the two instead of one long freeze.
        self.show_later(checked, false, news);
    }

    /// Shows `checked` in a task of its own, unless another source came meanwhile or the
    /// widget was destroyed.
    fn show_later(self: &Rc<Self>, checked: Arc<Checked>, from_src: bool, news: bool) {
        let generation = self.state.borrow().generation;
        let weak = Rc::downgrade(self);
        timer::timeout(0, move || {
            let Some(widget) = weak.upgrade() else { return };
            let current = {
                let state = widget.state.borrow();
                !state.destroyed && state.generation == generation
            };
            if current {
                widget.show(checked, from_src, false, news);
            }
        })
        .forget();
    }

    /// Checks a document text at the host's `confidential` level (the strictest of it and the
    /// document's own wins); a timeline's text is kept for a later change of that level.
    fn check(&self, text: &str) -> Checked {
        let level = {
            let mut state = self.state.borrow_mut();
            if self.kind == WidgetKind::Timeline {
                state.last_text = Some(Rc::from(text));
            }
            state.confidential
        };
        check_with(self.kind, text, level)
    }

    /// `confidential` changed: the last document is checked and drawn again at the new level.
    fn set_confidential(self: &Rc<Self>, value: Option<&str>) {
        let level = value
            .filter(|v| !v.trim().is_empty())
            .map(Confidential::parse);
        let text = {
            let mut state = self.state.borrow_mut();
            if state.confidential == level {
                return;
            }
            state.confidential = level;
            state.last_text.clone()
        };
        let drawn = self
            .content
            .with_untracked(|c| c.checked.as_ref().is_some_and(|c| c.document.is_some()));
        let Some(text) = text.filter(|_| drawn) else {
            return;
        };
        let checked = Arc::new(self.check(&text));
        let from_src = self.state.borrow().from_src;
        // Drawn from scratch, a task later, rather than patched into what is drawn: no element
        // of a milder level may outlive the change. The view state (the open participant, the
        // window) is carried over as for any new document.
        self.content.set(Content::default());
        self.show_later(checked, from_src, false);
    }

    /// A new source of data: the fetch in flight is aborted, and later answers of earlier
    /// fetches are dropped.
    fn begin_source(&self, from_src: bool) -> u64 {
        let mut state = self.state.borrow_mut();
        state.generation += 1;
        state.from_src = from_src;
        if let Some(inflight) = state.inflight.take() {
            inflight.abort.abort();
        }
        state.generation
    }

    pub(crate) fn set_option(self: &Rc<Self>, name: &str, value: Option<&str>) {
        if self.state.borrow().destroyed {
            return;
        }
        match name {
            "lang" => self.lang_attr.set(value.and_then(Lang::parse)),
            "theme" => self.theme.set(value.map(Theme::parse).unwrap_or_default()),
            "heading-level" => self.heading.set(heading_level(value)),
            "confidential" => self.set_confidential(value),
            "compare" => self.compare.set(value.map(str::to_string)),
            "src" => {
                let url = value
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(String::from);
                let has_url = url.is_some();
                let was_shown = {
                    let mut state = self.state.borrow_mut();
                    let had = std::mem::replace(&mut state.src, url).is_some();
                    had && state.from_src
                };
                if has_url {
                    self.fetch_src(false);
                } else if was_shown {
                    // No src any more: a new source state of its own. The fetch in flight is
                    // aborted, its answer and the refresh's are dropped, and what src drew goes.
                    self.begin_source(false);
                    self.content.set(Content::default());
                }
            }
            "refresh" => self.set_refresh(value),
            // The `data` attribute (the element observes it besides its options): JSON text is
            // the document; other text is named, as what a framework wrote for an object.
            "data" => match value.map(|text| crate::check::data_attribute(self.kind, text)) {
                Some(Ok(text)) => self.set_data(&JsValue::from_str(text)),
                Some(Err(refused)) => {
                    self.begin_source(false);
                    self.show(Arc::new(Checked::failed(refused)), false, false, false);
                }
                None => {}
            },
            // A boolean attribute: present (any value but "false") is paused.
            "paused" => self.set_paused(value.is_some_and(|v| v.trim() != "false")),
            "pause-on-focus" => {
                let off = value.is_some_and(|v| matches!(v.trim(), "false" | "off" | "no" | "0"));
                self.state.borrow_mut().no_hold = off;
                if off {
                    self.let_go();
                }
            }
            "timeout" => {
                self.state.borrow_mut().timeout = number_option(name, value)
                    .filter(|s| *s > 0.0)
                    .map(|s| s.clamp(TIMEOUT_SECONDS.0, TIMEOUT_SECONDS.1).round() as u32);
            }
            // Applies from the next fetch on.
            "max-size" | "maxSize" => {
                self.state.borrow_mut().max_bytes = number_option("max-size", value)
                    .filter(|mb| *mb > 0.0)
                    .map(|mb| (mb.clamp(MAX_SIZE_MB.0, MAX_SIZE_MB.1) * 1e6).round() as u64);
            }
            _ => {}
        }
    }

    /// Refreshes every `value` seconds: at least [`MIN_REFRESH_SECONDS`], at most what a browser
    /// can time (about 24.8 days; `1e12` and `Infinity` are that). No number, zero or less: no
    /// refresh.
    fn set_refresh(self: &Rc<Self>, value: Option<&str>) {
        let seconds = number_option("refresh", value).filter(|s| *s > 0.0);
        let interval = seconds.map(|s| {
            let weak = Rc::downgrade(self);
            let ms = timer::millis(s.max(MIN_REFRESH_SECONDS));
            (ms, self.every(ms, weak))
        });
        let paused = {
            let mut state = self.state.borrow_mut();
            state.refresh_ms = interval.as_ref().map(|(ms, _)| *ms);
            // Dropping the old interval cancels it.
            state.refresh = interval.map(|(_, i)| i);
            state.missed = false;
            state.refresh_ms.map(|_| state.paused)
        };
        self.live.refresh.set(paused);
    }

    /// The refresh's timer: every `ms` a fetch, unless the widget is held then.
    fn every(&self, ms: u32, weak: Weak<Widget>) -> Interval {
        timer::interval(ms, move || {
            if let Some(widget) = weak.upgrade() {
                widget.tick();
            }
        })
    }

    /// A refresh falls due: fetched now, or once when the widget is let go.
    fn tick(self: &Rc<Self>) {
        if self.held() {
            self.state.borrow_mut().missed = true;
        } else {
            self.fetch_src(true);
        }
    }

    /// Whether a refresh waits: paused by the host or the reader, or (unless the host said
    /// `pause-on-focus="false"`) the focus or the pointer is inside the widget (WCAG 2.2.2:
    /// figures do not change under someone reading or operating them).
    fn held(&self) -> bool {
        let state = self.state.borrow();
        state.paused || (!state.no_hold && (self.pointer_over() || self.focus_inside()))
    }

    /// The pointer is over the widget: the browser's own hover state (kept right when the
    /// content under a still pointer is drawn again, which boundary events are not).
    fn pointer_over(&self) -> bool {
        self.container.matches(":hover").unwrap_or(false)
    }

    fn focus_inside(&self) -> bool {
        self.host
            .shadow_root()
            .and_then(|root| root.active_element())
            .is_some()
    }

    /// Let go (resumed, the focus or the pointer left): the one refresh that fell due
    /// meanwhile is fetched now, and the next one a whole interval later.
    fn let_go(self: &Rc<Self>) {
        let due = {
            let state = self.state.borrow();
            state.missed && state.refresh_ms.is_some()
        };
        if !due || self.held() {
            return;
        }
        let ms = {
            let mut state = self.state.borrow_mut();
            state.missed = false;
            state.refresh_ms
        };
        if let Some(ms) = ms {
            let interval = self.every(ms, Rc::downgrade(self));
            self.state.borrow_mut().refresh = Some(interval);
        }
        self.fetch_src(true);
    }

    /// Holds (`true`) or resumes the refresh: `pause()`, `resume()`, the `paused` attribute
    /// and the widget's own button.
    pub(crate) fn set_paused(self: &Rc<Self>, paused: bool) {
        let shown = {
            let mut state = self.state.borrow_mut();
            if state.destroyed {
                return;
            }
            state.paused = paused;
            state.refresh_ms.map(|_| paused)
        };
        self.live.refresh.set(shown);
        if !paused {
            self.let_go();
        }
    }

    /// Whether the refresh is held by `pause()`, the attribute or the button.
    pub(crate) fn paused(&self) -> bool {
        self.state.borrow().paused
    }

    /// Listens on the container: clicks (actions and selections), and the pointer and focus
    /// leaving (a held refresh runs once both are gone).
    fn listen(self: &Rc<Self>) {
        let listen = |name: &'static str, capture: bool, f: fn(&Rc<Widget>, &Event)| {
            let weak = Rc::downgrade(self);
            let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                if let Some(widget) = weak.upgrade() {
                    f(&widget, &event);
                }
            });
            let _ = self.container.add_event_listener_with_callback_and_bool(
                name,
                listener.as_ref().unchecked_ref(),
                capture,
            );
            self.listeners.borrow_mut().push((name, capture, listener));
        };
        let on = |name, f| listen(name, false, f);
        // A click is read on its way down, before the view handles it: a provider's bar that
        // opens its projects is drawn again as the first project's bar, and a click read on the
        // way up would name that project.
        listen("click", true, |w, e| w.on_click(e));
        // The focus has moved on (and the hover state is updated) once the event's task is over.
        let later = |w: &Rc<Widget>, _: &Event| {
            let weak = Rc::downgrade(w);
            timer::timeout(0, move || {
                if let Some(widget) = weak.upgrade() {
                    widget.let_go();
                }
            })
            .forget();
        };
        on("pointerleave", later);
        on("focusout", later);
    }

    /// Fetches `src` again now (`reload()`, the retry button), and the map geometry if it
    /// failed to load; a widget drawn from `data` shows that again once the geometry is back.
    pub(crate) fn reload(self: &Rc<Self>) {
        let retried = WidgetKind::Map.built() && super::geometry::retry();
        if self.state.borrow().src.is_some() {
            self.fetch_src(false);
        } else if let Some(checked) = self
            .content
            .with_untracked(|c| c.checked.clone())
            .filter(|_| retried)
        {
            self.show(checked, false, false, false);
        }
    }

    /// Fetches `src`: one fetch at a time. A refresh only runs while `src` is the last source
    /// given, no fetch is in flight (a backend slower than `refresh` is waited for, that tick
    /// skipped) and the element is in a document, and keeps the data on screen when it fails.
    /// Any other fetch is a new source: it aborts the one in flight.
    pub(crate) fn fetch_src(self: &Rc<Self>, is_refresh: bool) {
        let (url, generation, id, signal, abort) = {
            let state = self.state.borrow();
            // A refresh also waits while a mount()ed element is out of the page (removed
            // without destroy(), or parked by a host's router): nobody sees it, and its backend
            // is not polled for it; the first tick after it is back fetches again.
            let idle = !state.from_src || state.inflight.is_some() || !self.host.is_connected();
            if state.destroyed || (is_refresh && idle) {
                return;
            }
            let Some(url) = state.src.clone() else { return };
            drop(state);
            let generation = if is_refresh {
                self.state.borrow().generation
            } else {
                self.begin_source(true)
            };
            let Ok(abort) = AbortController::new() else {
                return;
            };
            let signal = abort.signal();
            let mut state = self.state.borrow_mut();
            state.fetches += 1;
            let id = state.fetches;
            state.inflight = Some(Inflight {
                id,
                abort: abort.clone(),
            });
            (url, generation, id, signal, abort)
        };
        if !is_refresh {
            self.content.update(|c| c.loading = true);
        }
        let weak: Weak<Widget> = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            // A fetch that takes too long is aborted and says so (the body's download too).
            // Read here, a microtask later, so a `timeout` or `max-size` set together with
            // `src` (attributes in any order, or `mount()` options) applies to this fetch.
            let (seconds, limit) = match weak.upgrade() {
                Some(widget) => {
                    let state = widget.state.borrow();
                    (state.timeout, state.max_bytes)
                }
                None => return,
            };
            let seconds = seconds.unwrap_or(DEFAULT_TIMEOUT_SECONDS);
            let limit = limit.unwrap_or((DEFAULT_MAX_MB * 1e6) as u64);
            let timed_out = Rc::new(Cell::new(false));
            let timer = {
                let (timed_out, abort) = (timed_out.clone(), abort.clone());
                timer::timeout(seconds.saturating_mul(1000), move || {
                    timed_out.set(true);
                    abort.abort();
                })
            };
            let answer = fetch_text(&url, Some(&signal), limit).await;
            // Dropping the timer cancels it.
            drop(timer);
            let Some(widget) = weak.upgrade() else { return };
            let current = {
                let mut state = widget.state.borrow_mut();
                if state.inflight.as_ref().is_some_and(|f| f.id == id) {
                    state.inflight = None;
                }
                !state.destroyed && state.generation == generation
            };
            // Aborted by the widget itself (a new source, destroy()): nothing to report.
            if !current || (signal.aborted() && !timed_out.get()) {
                return;
            }
            let result = if timed_out.get() {
                Err(Problem::Timeout(seconds))
            } else {
                answer.result
            };
            let (mut checked, text) = match result {
                Ok(text) => (widget.check(&text), Some(text)),
                Err(problem) => (
                    Checked::failed(Diagnostic::error(widget.kind, "", problem)),
                    None,
                ),
            };
            let news = widget.news(&checked, text.as_deref());
            let kind = widget.kind;
            let mut notes: Vec<Diagnostic> = answer
                .warnings
                .into_iter()
                .map(|p| Diagnostic::warning(kind, "", p))
                .collect();
            // A redirect to another origin is worth a warning always; when what a redirect
            // led to cannot be drawn (a login page after a session ended), it is part of the
            // error.
            if let Some((to, cross)) = answer.redirected {
                if checked.document.is_none() {
                    notes.push(Diagnostic::error(kind, "", Problem::Redirected(to)));
                } else if cross {
                    notes.push(Diagnostic::warning(kind, "", Problem::Redirected(to)));
                }
            }
            checked.diagnostics.splice(0..0, notes);
            widget.show(Arc::new(checked), true, is_refresh, news);
        });
    }

    /// Whether a drawable document (JSON `text`) brings other figures than the one drawn
    /// before it (the first one is no news: it is what the widget shows, not a change).
    fn news(&self, checked: &Checked, text: Option<&str>) -> bool {
        use std::hash::{Hash, Hasher};
        let Some(text) = text.filter(|_| checked.document.is_some()) else {
            return false;
        };
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        let digest = hasher.finish();
        let before = self.state.borrow_mut().digest.replace(digest);
        before.is_some_and(|b| b != digest)
    }

    /// Puts a check result on screen and tells the host; `news`: say in the live region that
    /// the figures changed.
    fn show(self: &Rc<Self>, checked: Arc<Checked>, from_src: bool, is_refresh: bool, news: bool) {
        if let Some(needs) = builtin_geometry(&checked) {
            super::geometry::ensure(needs);
        }
        let drawable = checked.document.is_some();
        let keep_old = !drawable
            && is_refresh
            && self
                .content
                .with_untracked(|c| c.checked.as_ref().is_some_and(|old| old.document.is_some()));
        let lang = self.lang();
        if keep_old {
            let since = self.state.borrow().good_since.clone();
            let turned_stale = self.content.with_untracked(|c| c.stale_since.is_none());
            self.content.update(|c| {
                c.loading = false;
                c.stale_since = since.clone();
            });
            // Said once when the data turn stale, not at every failed refresh after that.
            if let Some(since) = since.filter(|_| turned_stale) {
                self.live.say(view::stale_text(&since, lang));
            }
        } else {
            if drawable {
                let now = clock_time();
                if news {
                    let t = lang.texts();
                    self.live
                        .say(crate::i18n::fill(t.figures_updated, &now, ""));
                }
                self.state.borrow_mut().good_since = Some(now);
            }
            self.content.set(Content {
                checked: Some(checked.clone()),
                loading: false,
                stale_since: None,
                can_retry: from_src,
            });
        }
        self.announce(checked);
    }

    /// `foerderweg-ready` or `foerderweg-error`, sent once the DOM shows the new state.
    fn announce(self: &Rc<Self>, checked: Arc<Checked>) {
        let host = self.host.clone();
        let kind = self.kind;
        let lang = self.lang();
        let generation = self.state.borrow().generation;
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            // A map is ready once its geometry is drawn too (at most a minute of waiting; the
            // geometry's own fetch gives up then as well).
            let mut settled = true;
            if let Some(needs) = builtin_geometry(&checked) {
                settled = false;
                for _ in 0..1300 {
                    if super::geometry::settled(needs) {
                        settled = true;
                        break;
                    }
                    timer::sleep(50).await;
                }
            }
            leptos::task::tick().await;
            let Some(widget) = weak.upgrade() else { return };
            {
                let state = widget.state.borrow();
                if state.destroyed || state.generation != generation {
                    return;
                }
            }
            widget.take_over();
            widget.refocus_after_retry();
            let list = |items: Vec<&Diagnostic>| -> Vec<serde_json::Value> {
                items.into_iter().map(|d| d.to_json(lang)).collect()
            };
            // A map whose built-in geometry failed to load is not drawn: an error, with why.
            let geometry_failed = builtin_geometry(&checked)
                .and_then(|_| {
                    super::geometry::failure().or_else(|| (!settled).then(|| "timeout".into()))
                })
                .map(|why| Diagnostic::error(kind, "", Problem::GeometryUnavailable(why)));
            if let Some(failed) = geometry_failed {
                let mut diagnostics = vec![failed.to_json(lang)];
                diagnostics.extend(checked.diagnostics.iter().map(|d| d.to_json(lang)));
                let detail = serde_json::json!({
                    "kind": kind.as_str(),
                    "diagnostics": diagnostics,
                });
                events::dispatch(&host, events::ERROR, &detail);
            } else if checked.document.is_some() {
                // Drawn, perhaps without some records: `errors` names those left out.
                let mut warnings = list(checked.warnings().collect());
                warnings.extend(geometry_warnings(&checked).iter().map(|d| {
                    let mut d = d.clone();
                    d.path = checked.left_out.source_path(&d.path);
                    d.to_json(lang)
                }));
                let detail = serde_json::json!({
                    "kind": kind.as_str(),
                    "warnings": warnings,
                    "errors": list(checked.errors().collect()),
                });
                events::dispatch(&host, events::READY, &detail);
            } else {
                let detail = serde_json::json!({
                    "kind": kind.as_str(),
                    "diagnostics": list(checked.diagnostics.iter().collect()),
                });
                events::dispatch(&host, events::ERROR, &detail);
            }
        });
    }

    /// Replaces what the server rendered with the drawn widget, in one step (no frame shows
    /// both or neither), keeping the keyboard focus on the record it was on.
    fn take_over(&self) {
        let server = std::mem::take(&mut *self.server.borrow_mut());
        if server.is_empty() {
            return;
        }
        let focused = self
            .host
            .shadow_root()
            .and_then(|root| root.active_element())
            .and_then(|el| record_of(&el));
        for node in &server {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
        let _ = self.container.class_list().remove_1("fw-mount--behind");
        // The same refocusing as after a redraw: records are SVG `<g>`s, not HTML elements.
        if let Some((name, value)) = focused {
            crate::view::refocus(&self.container, &name, &value);
        }
    }

    /// After "Load again": the button is gone with the content it was in, and the focus with it
    /// (to the page's `<body>`). It goes to the new content's first control instead (a "Load
    /// again" button again, if the new load failed too).
    fn refocus_after_retry(&self) {
        if !std::mem::take(&mut self.state.borrow_mut().refocus) || self.focus_inside() {
            return;
        }
        let document_focus = self.host.owner_document().and_then(|d| d.active_element());
        let elsewhere = document_focus.is_some_and(|el| {
            &el != AsRef::<Element>::as_ref(&self.host)
                && el.local_name() != "body"
                && !self.host.contains(Some(&el))
        });
        if elsewhere {
            // The reader moved on meanwhile: leave the focus where they put it.
            return;
        }
        let controls = |selector: &str| {
            let list = self.container.query_selector_all(selector).ok()?;
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into::<Element>().ok())
                .find(|el| el.closest(".fw-live-bar").ok().flatten().is_none())
        };
        let first = controls("[data-fw-action='retry']").or_else(|| {
            controls("button:not([hidden]), a[href], select, input, summary, [tabindex='0']")
        });
        let target = first.or_else(|| {
            // Nothing to operate: the widget's region itself, so the reader stays in it.
            let root = self.container.first_element_child()?;
            let _ = root.set_attribute("tabindex", "-1");
            Some(root)
        });
        if let Some(el) = target {
            if let Some(el) = el.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    }

    /// Clicks inside the widget: selections go to the host, actions to the widget.
    fn on_click(self: &Rc<Self>, event: &Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Ok(Some(mark)) = target.closest("[data-fw-select], [data-fw-action]") else {
            return;
        };
        if let Some(action) = mark.get_attribute("data-fw-action") {
            match action.as_str() {
                "retry" => {
                    self.state.borrow_mut().refocus = true;
                    self.reload();
                }
                "toggle-refresh" => self.set_paused(!self.paused()),
                _ => {}
            }
            return;
        }
        if let Some(id) = mark.get_attribute("data-fw-select") {
            let detail = serde_json::json!({
                "kind": self.kind.as_str(),
                "type": mark.get_attribute("data-fw-kind"),
                "id": id,
            });
            events::dispatch(&self.host, events::SELECT, &detail);
        }
    }

    /// Removes the DOM, listeners, timers and fetches. Safe to call twice.
    pub(crate) fn destroy(&self) {
        let (refresh, inflight) = {
            let mut state = self.state.borrow_mut();
            if state.destroyed {
                return;
            }
            state.destroyed = true;
            (state.refresh.take(), state.inflight.take())
        };
        drop(refresh);
        if let Some(inflight) = inflight {
            inflight.abort.abort();
        }
        for (name, capture, listener) in self.listeners.borrow_mut().drain(..) {
            let _ = self.container.remove_event_listener_with_callback_and_bool(
                name,
                listener.as_ref().unchecked_ref(),
                capture,
            );
        }
        if let Some((observer, _callback)) = self.resize.borrow_mut().take() {
            observer.disconnect();
        }
        // Dropping the mount handle unmounts the view and disposes its reactive owner.
        let view = self.view.borrow_mut().take();
        drop(view);
        self.container.remove();
        let me: *const Widget = self;
        LIVE.with(|live| {
            live.borrow_mut()
                .retain(|w| !std::ptr::eq(Rc::as_ptr(w), me))
        });
    }
}

/// The nodes a server rendered into `root` (a declarative shadow root holds a `.fw-rendered`
/// figure and the stylesheet link that styles it before the module loads); none otherwise.
fn server_rendered(root: &web_sys::ShadowRoot) -> Vec<web_sys::Node> {
    let rendered = root.query_selector(".fw-rendered").ok().flatten().is_some();
    if !rendered {
        return Vec::new();
    }
    let nodes = root.child_nodes();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter(|n| {
            n.dyn_ref::<Element>()
                .is_none_or(|e| !e.class_list().contains("fw-mount"))
        })
        .collect()
}

/// The data attribute that names the record `el` belongs to (`data-fw-path`, `data-fw-key`,
/// `data-fw-point`), and its value.
fn record_of(el: &Element) -> Option<(String, String)> {
    let mut at = Some(el.clone());
    while let Some(el) = at {
        for name in ["data-fw-path", "data-fw-key", "data-fw-point", "data-fw-id"] {
            if let Some(value) = el.get_attribute(name) {
                return Some((name.to_string(), value));
            }
        }
        at = el.parent_element();
    }
    None
}

/// For a map drawn on the built-in geometry: whether it needs the municipalities too.
fn builtin_geometry(checked: &Checked) -> Option<bool> {
    match &checked.document {
        Some(Document::Map(doc)) if WidgetKind::Map.built() && checked.host_atlas.is_none() => {
            Some(crate::layout::map::needs_municipalities(doc))
        }
        _ => None,
    }
}

/// What a map's keys give against its geometry (unknown keys, overlapping regions).
/// A JS string of JSON text as Rust text, a lone surrogate written as its `\\uXXXX` escape
/// (wasm-bindgen's conversion would replace it by U+FFFD silently): check then reads it as
/// U+FFFD with a warning, as it does for the same document given as an object.
fn json_text(text: &js_sys::JsString) -> String {
    if text.is_valid_utf16() {
        return String::from(text);
    }
    let mut out = String::with_capacity(text.length() as usize);
    for c in char::decode_utf16(text.iter()) {
        match c {
            Ok(c) => out.push(c),
            Err(e) => out.push_str(&format!("\\u{:04X}", e.unpaired_surrogate())),
        }
    }
    out
}

fn geometry_warnings(checked: &Checked) -> Vec<Diagnostic> {
    use crate::layout::map::{Geometry, prepare};
    let Some(Document::Map(doc)) = checked
        .document
        .as_ref()
        .filter(|_| WidgetKind::Map.built())
    else {
        return Vec::new();
    };
    if let Some(atlas) = &checked.host_atlas {
        return prepare(
            doc,
            Geometry {
                areas: atlas,
                municipalities: None,
                host: true,
            },
        )
        .diagnostics;
    }
    view::geometry().with_untracked(|g| match &g.districts {
        Some(districts) => {
            prepare(
                doc,
                Geometry {
                    areas: districts,
                    municipalities: g.municipalities.as_deref(),
                    host: false,
                },
            )
            .diagnostics
        }
        None => Vec::new(),
    })
}

/// The width charts are laid out for before the container has been measured (or when it is
/// hidden and measures 0).
const DEFAULT_WIDTH: f64 = 640.0;

/// `element`'s content width in whole pixels (as a `ResizeObserver` reports it), if laid out.
fn content_width(element: &Element) -> Option<f64> {
    let style = web_sys::window()?.get_computed_style(element).ok()??;
    let px = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| crate::scene::num::parse(v.trim_end_matches("px").trim()))
            .unwrap_or(0.0)
    };
    let outer = element.get_bounding_client_rect().width();
    let inner = (outer
        - px("padding-left")
        - px("padding-right")
        - px("border-left-width")
        - px("border-right-width"))
    .floor();
    (inner >= 1.0).then_some(inner)
}

/// Keeps `width` equal to `target`'s content width, in whole pixels, so charts reflow with
/// the container (not the window). Hidden containers (width 0) keep the last width.
fn observe_width(
    target: &Element,
    width: ArcRwSignal<f64>,
) -> Option<(ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)> {
    // The new width is applied in the next animation frame, not inside the observer's
    // callback: a redraw there that changes the height again makes the browser report a
    // "ResizeObserver loop" error to the host page's `onerror`. One frame per burst of resizes.
    let pending: Rc<Cell<Option<f64>>> = Rc::new(Cell::new(None));
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>().ok() else {
            return;
        };
        let measured = entry.content_rect().width().floor();
        if measured < 1.0 {
            return;
        }
        if pending.replace(Some(measured)).is_some() {
            return;
        }
        let (due, width) = (pending.clone(), width.clone());
        let apply = Closure::once_into_js(move || {
            if let Some(measured) = due.take() {
                if (measured - width.get_untracked()).abs() >= 1.0 {
                    width.set(measured);
                }
            }
        });
        let scheduled =
            web_sys::window().and_then(|w| w.request_animation_frame(apply.unchecked_ref()).ok());
        if scheduled.is_none() {
            pending.set(None);
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(target);
    Some((observer, callback))
}

/// The local time of day, `14:05:09`, for the stale-data note.
fn clock_time() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// How many widgets are mounted on this page (for lifecycle tests and hosts' diagnostics).
#[wasm_bindgen(js_name = liveWidgets)]
pub fn live_widgets() -> usize {
    LIVE.with(|live| live.borrow().len())
}
