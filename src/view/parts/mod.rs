//! Parts every widget shares.

pub(crate) mod chart;
pub(crate) mod diagnostics;
pub(crate) mod export;
pub(crate) mod marks;
pub(crate) mod table;

use wasm_bindgen::JsCast;

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
