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
    let el = NodeRef::<leptos::html::Div>::new();
    let title = table.title.clone();
    let table = table.clone();
    // Data text in a widget of another language carries the data's `lang`.
    let data_lang = super::data_lang();
    Effect::new(move |_| {
        let of_data = data_lang.get();
        if let Some(el) = el.get() {
            crate::render::dom::show_table(&el, &table, (lang, of_data), class);
        }
    });
    view! { <div class="fw-table-wrap" role="region" tabindex="0" aria-label=title node_ref=el></div> }
}
