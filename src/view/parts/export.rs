//! The export menu: each table as CSV, each chart as SVG and PNG, and print. A disclosure
//! (`<details>`) of buttons: Escape or leaving it closes it. The files are made from the same
//! models the widget draws (`DataTable`) or from the drawn chart itself (`js/export.js`).

use super::live::Announcer;
use crate::i18n::{Lang, fill};
use crate::layout::table::{DataTable, file_name};
use crate::render::menu::Kind;
use crate::scene::Frame;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/export.js")]
extern "C" {
    #[wasm_bindgen(js_name = svgMarkup, catch)]
    fn svg_markup(
        svg: &web_sys::Element,
        title: &str,
        desc: &str,
        legend: Option<web_sys::Element>,
        notes: js_sys::Array,
    ) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_name = svgToPng)]
    fn svg_to_png(markup: &str, width: f64, height: f64, scale: f64) -> js_sys::Promise;
    #[wasm_bindgen(catch)]
    fn download(name: &str, content: &JsValue, kind: &str) -> Result<(), JsValue>;
}

/// A table made when asked, so it holds what the view shows at that moment.
pub(crate) type MakeTable = Arc<dyn Fn() -> DataTable + Send + Sync>;

/// What a menu entry does.
#[derive(Clone)]
pub(crate) enum Action {
    /// The table as a CSV file.
    Csv(MakeTable),
    /// The chart found by this selector inside the widget, as SVG (`false`) or PNG (`true`).
    /// `prepare`, if given, is set while the file is made: for a chart drawn only for the
    /// export (all rows of a cohort rather than those scrolled into view).
    Image {
        selector: String,
        legend: Option<String>,
        /// Title, summary, as-of date, source and attribution: the file carries them all.
        frame: Frame,
        png: bool,
        prepare: Option<RwSignal<bool>>,
    },
    /// The browser's print dialog; the widget prints its tables too (see [`printing`]).
    Print,
}

/// An entry of the menu.
#[derive(Clone)]
pub(crate) struct Item {
    pub label: String,
    pub action: Action,
}

impl Item {
    /// The CSV entry of a table, labelled with its title.
    pub fn csv(title: &str, make: MakeTable, lang: Lang) -> Item {
        Item {
            label: fill(lang.texts().export.csv, title, ""),
            action: Action::Csv(make),
        }
    }

    /// The SVG and PNG entries of the chart at `selector`.
    pub fn images(
        selector: &str,
        legend: Option<&str>,
        frame: &Frame,
        prepare: Option<RwSignal<bool>>,
        lang: Lang,
    ) -> [Item; 2] {
        let e = lang.texts().export;
        [(e.svg, false), (e.png, true)].map(|(label, png)| Item {
            label: fill(label, &frame.title, ""),
            action: Action::Image {
                selector: selector.to_string(),
                legend: legend.map(str::to_string),
                frame: frame.clone(),
                png,
                prepare,
            },
        })
    }

    /// The print entry.
    pub fn print(lang: Lang) -> Item {
        Item {
            label: lang.texts().export.print.to_string(),
            action: Action::Print,
        }
    }
}

thread_local! {
    static PRINTING: ArcRwSignal<bool> = {
        let signal = ArcRwSignal::new(false);
        listen_for_print(&signal);
        signal
    };
}

/// True while the page is being printed. Widgets draw their table views then as well, so a
/// printout holds the chart and its figures. One pair of listeners per page, installed with the
/// first widget and never removed (nothing per widget to leak).
pub(crate) fn printing() -> RwSignal<bool> {
    PRINTING.with(|p| RwSignal::from(p.clone()))
}

fn listen_for_print(signal: &ArcRwSignal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, on) in [("beforeprint", true), ("afterprint", false)] {
        let signal = signal.clone();
        let listener = Closure::<dyn Fn()>::new(move || signal.set(on));
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

/// The menu, written as markup (`render::menu`, the same as a server's page) with one listener
/// on its box for the clicks, keys and focus of all its entries. `items` is read when the widget
/// draws.
pub(crate) fn menu(items: Vec<Item>, lang: Lang) -> impl IntoView + use<> {
    let entries: Vec<(Kind, String)> = items
        .iter()
        .map(|item| (kind(&item.action), item.label.clone()))
        .collect();
    // What the menu did is shown beside it and said in the widget's one live region (a
    // region of its own here would be a second one, WCAG 4.1.3).
    let say = super::live::announcer();
    super::written_on(
        move |w, _| {
            let entries: Vec<(Kind, &str)> =
                entries.iter().map(|(k, l)| (*k, l.as_str())).collect();
            crate::render::menu::menu(w, &entries, lang);
        },
        &["click", "keydown", "focusout"],
        Some(Box::new(move |ev| on_event(ev, &items, lang, &say))),
    )
}

/// Where the menu says what it did: its status line and the widget's live region.
#[derive(Clone)]
struct Status {
    line: Option<web_sys::Element>,
    say: Announcer,
}

impl Status {
    fn set(&self, text: String) {
        if let Some(line) = &self.line {
            line.set_text_content(Some(&text));
        }
        self.say.say(text);
    }
}

/// An event in the menu's box: Escape closes the open menu and gives the focus to its button,
/// the focus leaving the menu closes it, a click on an entry (by mouse, Enter or Space) runs it.
fn on_event(ev: &web_sys::Event, items: &[Item], lang: Lang, say: &Announcer) {
    let Some(part) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(details) = part
        .query_selector(".fw-menu")
        .ok()
        .flatten()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDetailsElement>().ok())
    else {
        return;
    };
    match ev.type_().as_str() {
        "keydown" => {
            let escape = ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if escape && details.open() {
                ev.prevent_default();
                ev.stop_propagation();
                close(&details, true);
            }
        }
        "focusout" => {
            let to = ev
                .dyn_ref::<web_sys::FocusEvent>()
                .and_then(|f| f.related_target())
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if to.is_some_and(|to| !details.contains(Some(&to))) {
                close(&details, false);
            }
        }
        "click" => {
            let Some((entry, at)) = super::marked(ev, "data-fw-item") else {
                return;
            };
            let Some(item) = at.parse::<usize>().ok().and_then(|i| items.get(i)) else {
                return;
            };
            let status = Status {
                line: part.query_selector(".fw-menu__status").ok().flatten(),
                say: say.clone(),
            };
            run(&item.action, Some(entry), lang, status);
            close(&details, true);
        }
        _ => {}
    }
}

/// Closes the menu, with the focus on its button if `focus_button`.
fn close(details: &web_sys::HtmlDetailsElement, focus_button: bool) {
    details.set_open(false);
    if focus_button {
        let button = details.query_selector("summary").ok().flatten();
        if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = b.focus();
        }
    }
}

fn kind(action: &Action) -> Kind {
    match action {
        Action::Csv(_) => Kind::Csv,
        Action::Image { png: false, .. } => Kind::Svg,
        Action::Image { png: true, .. } => Kind::Png,
        Action::Print => Kind::Print,
    }
}

fn run(action: &Action, anchor: Option<web_sys::Element>, lang: Lang, status: Status) {
    let e = lang.texts().export;
    let offered = |name: &str| status.set(fill(e.done, name, ""));
    match action {
        Action::Csv(make) => {
            let table = make();
            let name = file_name(&table.title, "csv");
            if download(
                &name,
                &JsValue::from_str(&table.csv(lang)),
                "text/csv;charset=utf-8",
            )
            .is_ok()
            {
                offered(&name);
            }
        }
        Action::Image {
            selector,
            legend,
            frame,
            png,
            prepare,
        } => {
            let Some(root) = anchor.and_then(|a| a.closest(".fw-root").ok().flatten()) else {
                return;
            };
            let (selector, legend, frame, png, prepare) = (
                selector.clone(),
                legend.clone(),
                frame.clone(),
                *png,
                *prepare,
            );
            let status = status.clone();
            let make = move || {
                image(
                    &root,
                    (&selector, legend.as_deref()),
                    &frame,
                    png,
                    lang,
                    &status,
                );
                if let Some(p) = prepare {
                    p.set(false);
                }
            };
            match prepare {
                // Drawn when the reactive system has run, before the next frame.
                Some(p) => {
                    p.set(true);
                    request_animation_frame(make);
                }
                None => make(),
            }
        }
        Action::Print => {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
    }
}

fn image(
    root: &web_sys::Element,
    (selector, legend): (&str, Option<&str>),
    frame: &Frame,
    png: bool,
    lang: Lang,
    status: &Status,
) {
    let e = lang.texts().export;
    let Some(svg) = root.query_selector(selector).ok().flatten() else {
        status.set(fill(e.image_failed, selector, ""));
        return;
    };
    let legend = legend.and_then(|l| root.query_selector(l).ok().flatten());
    let title = frame.title.as_str();
    let notes: js_sys::Array = frame.footer().into_iter().map(JsValue::from_str).collect();
    let parts = match svg_markup(&svg, title, &frame.summary, legend, notes) {
        Ok(parts) => parts,
        Err(error) => {
            status.set(fill(e.image_failed, &js_reason(&error), ""));
            return;
        }
    };
    let markup = parts.get(0).as_string().unwrap_or_default();
    let (width, height) = (
        parts.get(1).as_f64().unwrap_or(1.0),
        parts.get(2).as_f64().unwrap_or(1.0),
    );
    if !png {
        let name = file_name(title, "svg");
        if download(&name, &JsValue::from_str(&markup), "image/svg+xml").is_ok() {
            status.set(fill(e.done, &name, ""));
        }
        return;
    }
    let name = file_name(title, "png");
    let promise = svg_to_png(&markup, width, height, 2.0);
    let status = status.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // A menu drawn again meanwhile (new data while the PNG was made): its old status line is
        // gone from the page; the live region still says that the file came.
        match JsFuture::from(promise).await {
            Ok(blob) => match download(&name, &blob, "image/png") {
                Ok(()) => status.set(fill(e.done, &name, "")),
                Err(error) => status.set(fill(e.image_failed, &js_reason(&error), "")),
            },
            Err(error) => {
                let reason = js_reason(&error);
                status.set(match reason.as_str() {
                    "csp" => e.png_failed.to_string(),
                    "image" => e.png_unreadable.to_string(),
                    "canvas" => e.png_too_large.to_string(),
                    _ => fill(e.image_failed, &reason, ""),
                });
            }
        }
    });
}

/// What a JS exception says: an Error's message, or the value as text.
fn js_reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}
