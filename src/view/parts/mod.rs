//! Parts every widget shares.

pub(crate) mod chart;
pub(crate) mod diagnostics;
pub(crate) mod export;
pub(crate) mod live;
pub(crate) mod marks;
pub(crate) mod table;
pub(crate) mod tooltip;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The `lang` of data text in the widget being drawn: the document's language where it is not
/// the widget's, `None` where they agree (nothing to mark).
#[derive(Clone, Copy)]
pub(crate) struct DataLang(pub Signal<Option<&'static str>>);

/// The `lang` attribute for elements that show text from the data (names, labels, titles):
/// read while building a view (`lang=data_lang()`).
pub(crate) fn data_lang() -> Signal<Option<&'static str>> {
    use_context::<DataLang>().map_or_else(|| Signal::derive(|| None), |d| d.0)
}

/// The mark an event happened on (the nearest element with the attribute `attr`, such as
/// `data-fw-mark`) and the attribute's value. Charts and maps listen once on their `<svg>`
/// instead of with closures on each of hundreds of marks.
pub(crate) fn marked(ev: &web_sys::Event, attr: &str) -> Option<(web_sys::Element, String)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = target.closest(&format!("[{attr}]")).ok()??;
    let value = mark.get_attribute(attr)?;
    Some((mark, value))
}

/// Moves the one tab stop among the `attr` marks inside the event's current target to `mark`
/// (the mark that took the focus), so Tab leaves and re-enters where the reader was.
pub(crate) fn move_tab_stop(ev: &web_sys::Event, mark: &web_sys::Element, attr: &str) {
    let within = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let selector = format!("[{attr}][tabindex='0']");
    if let Some(Ok(Some(old))) = within.map(|w| w.query_selector(&selector)) {
        let _ = old.set_attribute("tabindex", "-1");
    }
    let _ = mark.set_attribute("tabindex", "0");
}

/// The level of the widget's title (`heading-level`); its sections are one level below.
#[derive(Clone, Copy)]
pub(crate) struct TitleLevel(pub Signal<u8>);

/// The heading levels of the widget being drawn (its title's level, as the host set it).
pub(crate) fn levels() -> crate::render::Levels {
    let title = use_context::<TitleLevel>().map_or(super::TITLE_LEVEL, |l| l.0.get_untracked());
    crate::render::Levels { title }
}

/// A part the native renderer writes (`render::dashboard`): `write` fills a writer (whose data
/// texts carry the data's language) and the markup is set into a box that takes no room of its
/// own (`display: contents`), again whenever what `write` reads changes. One view for every such
/// part, instead of a template each.
pub(crate) fn written(
    write: impl Fn(&mut crate::render::Writer, crate::render::Levels) + Send + Sync + 'static,
) -> impl IntoView {
    written_part(Box::new(write), &[], None)
}

/// What writes a part: the writer, and the heading levels of the widget.
pub(crate) type Write = dyn Fn(&mut crate::render::Writer, crate::render::Levels) + Send + Sync;

/// What a written part does with the events it listens for: one handler for all of them, given
/// the event (its `current_target` is the part's box).
pub(crate) type OnEvent = Box<dyn Fn(&web_sys::Event)>;

/// A written part (see [`written`]) whose controls are served by one listener on its box for
/// each of `events`, instead of a closure per control: `on` finds the control from the event's
/// target (by a `data-fw-*` attribute), so markup written again keeps working. The listeners
/// go with the view.
pub(crate) fn written_on(
    write: impl Fn(&mut crate::render::Writer, crate::render::Levels) + Send + Sync + 'static,
    events: &'static [&'static str],
    on: Option<OnEvent>,
) -> impl IntoView {
    written_part(Box::new(write), events, on)
}

/// [`written_on`] without a type parameter: one instance of its memo, effect and view serves
/// every part of every widget (a generic one is compiled again for each part's closure).
fn written_part(
    write: Box<Write>,
    events: &'static [&'static str],
    on: Option<OnEvent>,
) -> impl IntoView {
    let data_lang = data_lang();
    let levels = levels();
    let markup = Memo::new(move |_| {
        let mut w = crate::render::Writer::new();
        w.data_lang = data_lang.get();
        write(&mut w, levels);
        w.out
    });
    let el = NodeRef::<leptos::html::Div>::new();
    // The listeners go with this view, not with a run of the effect that adds them.
    let mut on = on.map(listener).zip(Owner::current());
    Effect::new(move |_| {
        if let Some(el) = el.get() {
            markup.with(|m| crate::render::dom::show_markup(&el, m));
            if let Some((listener, owner)) = on.take() {
                owner.with(|| listen(&el, events, listener));
            }
        }
    });
    view! { <div class="fw-part" node_ref=el></div> }
}

type Listener = wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>;

fn listener(on: OnEvent) -> Listener {
    Listener::new(move |ev: web_sys::Event| on(&ev))
}

/// Adds `listener` to `el` for each of `events`, and removes it when the view that is being
/// built goes (before its closure is freed, so a `focusout` sent while the box leaves the
/// page finds no freed closure).
fn listen(el: &web_sys::Element, events: &'static [&'static str], listener: Listener) {
    for name in events {
        let _ = el.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    let el = el.clone();
    let remove = send_wrapper::SendWrapper::new(move || {
        for name in events {
            let _ = el.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
    });
    on_cleanup(move || remove.take()());
}

/// A heading `depth` levels below the widget's title (0: the title itself), an `h1`…`h6` as
/// the host's `heading-level` puts the widget into its page's outline.
pub(crate) fn heading(
    depth: u8,
) -> leptos::html::HtmlElement<leptos::html::Custom<&'static str>, (), ()> {
    leptos::html::custom(levels().tag(depth))
}
