//! Helpers of the browser tests: waiting, elements, shadow-DOM queries, recorded events.
#![allow(dead_code)]

use foerderweg::define_elements;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, Document, Element, HtmlElement};

pub const TIMELINE: &str = include_str!("../../www/data/timeline-sample.json");
pub const OCCUPANCY: &str = include_str!("../../www/data/occupancy-stendal.json");
pub const OCCUPANCY_EXAMPLE: &str = include_str!("../../www/data/occupancy-example.json");
pub const TIMELINE_JPS: &str = include_str!("../../www/data/timeline-jobperspektive.json");
pub const TIMELINE_PATH: &str = include_str!("../../www/data/timeline-stendal-path.json");
pub const TIMELINE_COHORT: &str = include_str!("../../www/data/timeline-stendal-cohort.json");
pub const MAP: &str = include_str!("../../www/data/map-sachsen.json");

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Waits `ms` milliseconds (lets fetches, microtasks and Leptos' effects run).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// Waits until a freshly drawn widget has taken its measured width: the width from the
/// ResizeObserver is applied in the next animation frame, and a chart may redraw once then.
/// Tests that hold on to elements (a keyboard walk) start after this.
pub async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("window")
                .request_animation_frame(&resolve);
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("frame");
    }
    sleep(30).await;
}

/// Polls `probe` until it is true (up to 5 s); returns whether it became true.
pub async fn until(mut probe: impl FnMut() -> bool) -> bool {
    for _ in 0..250 {
        if probe() {
            return true;
        }
        sleep(20).await;
    }
    probe()
}

pub fn element(tag: &str) -> HtmlElement {
    define_elements();
    let el: HtmlElement = document()
        .create_element(tag)
        .expect("create")
        .unchecked_into();
    el
}

pub fn attach(el: &HtmlElement) {
    document()
        .body()
        .expect("body")
        .append_child(el)
        .expect("append");
}

pub fn shadow_query(host: &Element, selector: &str) -> Option<Element> {
    host.shadow_root()?.query_selector(selector).ok().flatten()
}

pub fn shadow_text(host: &Element, selector: &str) -> String {
    shadow_query(host, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn set_prop(target: &JsValue, name: &str, value: &JsValue) {
    js_sys::Reflect::set(target, &JsValue::from_str(name), value).expect("set property");
}

pub fn json_object(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("valid JSON")
}

pub fn data_url(text: &str) -> String {
    format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// A timeline document whose title is `title`.
pub fn titled(title: &str) -> String {
    format!(r#"{{"schema":"foerderweg/timeline@1","title":"{title}","participants":[]}}"#)
}

/// Records the foerderweg events that reach `target` (as `(name, detail as JSON text)`).
pub struct Events {
    pub seen: Rc<RefCell<Vec<(String, String)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Events {
    pub fn on(target: &web_sys::EventTarget) -> Events {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        for name in ["foerderweg-ready", "foerderweg-error", "foerderweg-select"] {
            let seen = seen.clone();
            let listener =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let detail = event
                        .dyn_ref::<CustomEvent>()
                        .map(|e| {
                            js_sys::JSON::stringify(&e.detail())
                                .ok()
                                .and_then(|s| s.as_string())
                        })
                        .flatten()
                        .unwrap_or_default();
                    seen.borrow_mut().push((event.type_(), detail));
                });
            target
                .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                .expect("listen");
            listeners.push(listener);
        }
        Events {
            seen,
            _listeners: listeners,
        }
    }

    pub fn named(&self, name: &str) -> Vec<String> {
        self.seen
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
}

pub fn shadow_all(host: &Element, selector: &str) -> Vec<Element> {
    let Some(list) = host
        .shadow_root()
        .and_then(|r| r.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

pub fn texts(host: &Element, selector: &str) -> Vec<String> {
    shadow_all(host, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

/// The element focused inside `host`'s shadow root.
pub fn focused(host: &Element) -> Option<Element> {
    host.shadow_root()?.active_element()
}

/// Calls `focus()` on any element (HTML or SVG).
pub fn focus(el: &Element) {
    let f: js_sys::Function = js_sys::Reflect::get(el, &"focus".into())
        .expect("focus")
        .unchecked_into();
    f.call0(el).expect("focus()");
}

/// Sends a `keydown` of `key` to `target`, as a keyboard would (bubbling, composed).
pub fn press(target: &Element, key: &str) {
    let init = js_sys::Object::new();
    for (name, value) in [
        ("key", JsValue::from_str(key)),
        ("bubbles", true.into()),
        ("composed", true.into()),
    ] {
        js_sys::Reflect::set(&init, &name.into(), &value).expect("init");
    }
    let window = web_sys::window().expect("window");
    let class: js_sys::Function = js_sys::Reflect::get(&window, &"KeyboardEvent".into())
        .expect("KeyboardEvent")
        .unchecked_into();
    let args = js_sys::Array::of2(&"keydown".into(), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&class, &args)
        .expect("new KeyboardEvent")
        .unchecked_into();
    target.dispatch_event(&event).expect("dispatch");
}

/// Chooses `value` in the `<select>` `select` and sends its `change`, as a reader's choice does
/// (the event bubbles: the widget listens on the menus' container).
pub fn choose(select: &Element, value: &str) {
    js_sys::Reflect::set(select, &"value".into(), &value.into()).expect("value");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
    select.dispatch_event(&event).expect("change");
}
