//! The data table: every table view draws a `layout::table::DataTable`, the same model the
//! CSV export writes, as the markup the native renderer writes (`render::html::table_element`),
//! set into a scrollable region named by its caption. No template per cell: one string, one
//! assignment, the same bytes as a server-rendered or exported table.

use crate::i18n::Lang;
use crate::layout::table::DataTable;
use leptos::prelude::*;

/// The table in a focusable, scrollable region named by its caption.
pub(crate) fn data_table(
    table: &DataTable,
    lang: Lang,
    class: &'static str,
) -> impl IntoView + use<> {
    live_table(Signal::stored(Some(table.clone())), lang, class)
}

/// A table that follows `table`: its cells are set again when it changes, in the same region,
/// so a reader whose focus is on the region keeps it through new data.
pub(crate) fn live_table(
    table: Signal<Option<DataTable>>,
    lang: Lang,
    class: &'static str,
) -> impl IntoView + use<> {
    let el = NodeRef::<leptos::html::Div>::new();
    // Data text in a widget of another language carries the data's `lang`.
    let data_lang = super::data_lang();
    Effect::new(move |_| {
        let of_data = data_lang.get();
        if let Some(el) = el.get() {
            table.with(|t| {
                if let Some(t) = t {
                    crate::render::dom::show_table(&el, t, (lang, of_data), class);
                }
            });
        }
    });
    let title = move || table.with(|t| t.as_ref().map(|t| t.title.clone()));
    view! { <div class="fw-table-wrap" role="region" tabindex="0" aria-label=title node_ref=el></div> }
}
