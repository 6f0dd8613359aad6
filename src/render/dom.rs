//! The one place where markup reaches the DOM: a scene's drawing, written by [`super::svg`]
//! (every text and attribute value through [`super::escape`]), set into a container. Nothing
//! else in the crate sets HTML.

use crate::scene::Scene;

/// Replaces what `container` holds with the drawing of `scene`. A host whose policy refuses
/// markup set from script (Trusted Types: `require-trusted-types-for 'script'`) makes the
/// assignment throw: the drawing is then missing, said in the console, and the module goes on
/// (an exception through `set_inner_html` would stop it for every widget on the page).
/// Texts from the document carry `data_lang` (see [`super::svg::drawing_in`]).
pub(crate) fn show(container: &web_sys::Element, scene: &Scene, data_lang: Option<&'static str>) {
    set(container, &super::svg::drawing_in(scene, data_lang));
}

/// Replaces what `container` holds with the table view `table` (caption, heads, cells, all
/// through [`super::escape`]); its data text carries `data_lang`.
pub(crate) fn show_table(
    container: &web_sys::Element,
    table: &crate::layout::table::DataTable,
    (lang, data_lang): (crate::i18n::Lang, Option<&'static str>),
    class: &str,
) {
    let mut w = super::Writer::new();
    w.data_lang = data_lang;
    super::html::table_element(&mut w, table, lang, class);
    set(container, &w.out);
}

/// Replaces what `container` holds with `markup`, a part a native renderer wrote
/// (`super::dashboard`). An element in it that had the focus hands it on, so a reader whose
/// focus is there keeps it through new data: a record (`data-fw-select`, a provider's bar) to
/// the same record wherever it is drawn now; a control that names what it does (`data-fw-act`,
/// `data-fw-control`, `data-fw-filter`) to the new control of that name, wherever it now stands
/// (the map's date control goes when two periods are compared with the select after it);
/// anything else (a table's scrollable region) to the element at the same place among the new
/// part's tab stops. Lengths written as `data-fw-width` (percent) become the elements' widths.
pub(crate) fn show_markup(container: &web_sys::Element, markup: &str) {
    use wasm_bindgen::JsCast;
    const STOPS: &str = "[tabindex], button, a[href], select, summary";
    const RECORD: &str = "data-fw-select";
    const NAMES: [&str; 3] = ["data-fw-act", "data-fw-control", "data-fw-filter"];
    let stops = || container.query_selector_all(STOPS).ok();
    let focused = container.query_selector(":focus").ok().flatten();
    let same = focused.as_ref().and_then(|f| {
        let record = || {
            Some(format!(
                "{}{}",
                record_selector(RECORD, &f.get_attribute(RECORD)?),
                record_selector("data-fw-kind", &f.get_attribute("data-fw-kind")?)
            ))
        };
        record().or_else(|| {
            NAMES
                .iter()
                .find_map(|n| Some(record_selector(n, &f.get_attribute(n)?)))
        })
    });
    let at = focused.and_then(|f| {
        let stops = stops()?;
        (0..stops.length()).find(|&i| stops.item(i).is_some_and(|s| s.is_same_node(Some(&f))))
    });
    set(container, markup);
    widths(container);
    let target = same
        .and_then(|selector| container.query_selector(&selector).ok().flatten())
        .or_else(|| at.and_then(|i| stops()?.item(i)?.dyn_into().ok()));
    if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Sets the width of each element of `container` that has a `data-fw-width` (percent): a CSSOM
/// write, which a strict `style-src` allows (a `style` attribute in the markup it would block).
fn widths(container: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(list) = container.query_selector_all("[data-fw-width]") else {
        return;
    };
    for el in
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if let Some(width) = el.get_attribute("data-fw-width") {
            let _ = el.style().set_property("width", &format!("{width}%"));
        }
    }
}

fn set(container: &web_sys::Element, markup: &str) {
    let markup = wasm_bindgen::JsValue::from_str(markup);
    if js_sys::Reflect::set(container, &"innerHTML".into(), &markup).is_err() {
        web_sys::console::warn_1(
            &"foerderweg: the page's policy refuses markup set from script (Trusted Types); the drawing is left out".into(),
        );
    }
}

/// Writes the list `items` (each one element's markup, in order) into `container`, whose element
/// children were written from `shown`: an item whose markup is unchanged keeps its element (and
/// so the focus on it), the others are made from their markup, and the elements of items no
/// longer there are removed. Elements kept stay in place where they can (a list scrolled by a
/// row loses one at one end and gains one at the other, and moves none).
pub(crate) fn patch_list(container: &web_sys::Element, shown: &[String], items: &[String]) {
    let mut elements = Vec::with_capacity(shown.len());
    let mut child = container.first_element_child();
    while let Some(el) = child {
        child = el.next_element_sibling();
        elements.push(el);
    }
    if elements.len() != shown.len() {
        // Not what was written (emptied by a new view): written whole.
        set(container, &items.concat());
        return;
    }
    // Which element each item keeps: the first unused one written from the same markup.
    let mut used = vec![false; shown.len()];
    let kept: Vec<Option<usize>> = items
        .iter()
        .map(|item| {
            let at = (0..shown.len()).find(|&i| !used[i] && shown[i] == *item)?;
            used[at] = true;
            Some(at)
        })
        .collect();
    for (el, used) in elements.iter().zip(&used) {
        if !used {
            el.remove();
        }
    }
    let mut cursor = container.first_element_child();
    for (item, kept) in items.iter().zip(kept) {
        match kept.map(|i| &elements[i]) {
            Some(el) if cursor.as_ref().is_some_and(|c| c.is_same_node(Some(el))) => {
                cursor = el.next_element_sibling();
            }
            Some(el) => {
                let _ = container.insert_before(el, cursor.as_ref().map(|c| c.as_ref()));
            }
            None => {
                let placed = match &cursor {
                    Some(c) => c.insert_adjacent_html("beforebegin", item),
                    None => container.insert_adjacent_html("beforeend", item),
                };
                if placed.is_err() {
                    web_sys::console::warn_1(
                        &"foerderweg: the page's policy refuses markup set from script (Trusted Types); a row is left out".into(),
                    );
                }
            }
        }
    }
}

/// The CSS selector of the record whose attribute `key` is `value` (quoted as CSS wants).
pub(crate) fn record_selector(key: &str, value: &str) -> String {
    format!(
        "[{key}=\"{}\"]",
        value.replace('\\', "\\\\").replace('"', "\\\"")
    )
}
