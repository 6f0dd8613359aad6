//! The data table that follows a signal: a `layout::table::DataTable`, the same model the CSV
//! export writes, as the markup the native renderer writes (`render::html::table_element`), set
//! into a scrollable region named by its caption that stays while its cells are set again. No
//! template per cell: one string, one assignment, the same bytes as a server-rendered or
//! exported table. Tables that need no region of their own are written whole as parts
//! (`render::html::table` through `parts::written`).

use crate::i18n::Lang;
use crate::layout::table::DataTable;
use leptos::prelude::*;

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
