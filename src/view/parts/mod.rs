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

/// A heading `depth` levels below the widget's title (0: the title itself), an `h1`…`h6` as
/// the host's `heading-level` puts the widget into its page's outline.
pub(crate) fn heading(
    depth: u8,
) -> leptos::html::HtmlElement<leptos::html::Custom<&'static str>, (), ()> {
    let title = use_context::<TitleLevel>().map_or(super::TITLE_LEVEL, |l| l.0.get_untracked());
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    leptos::html::custom(TAGS[usize::from((title + depth).clamp(1, 6) - 1)])
}
