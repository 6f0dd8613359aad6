//! The data table: every table view draws a `layout::table::DataTable` here, the same model the
//! CSV export writes.

use crate::i18n::Lang;
use crate::layout::table::{Cell, DataTable};
use leptos::prelude::*;

/// The table in a focusable, scrollable region named by its caption.
pub(crate) fn data_table(
    table: &DataTable,
    lang: Lang,
    class: &'static str,
) -> impl IntoView + use<> {
    let numeric: Vec<bool> = table.columns.iter().map(|c| c.numeric).collect();
    let data: Vec<bool> = table.columns.iter().map(|c| c.data).collect();
    let of_data = super::data_lang();
    // A closing row's stub is the widget's own word ("Gesamt"), not data.
    let cells = move |cells: &[Cell], foot: bool| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let num = numeric.get(i).copied().unwrap_or(false);
                let text = c.display(lang);
                let data_text = !foot && matches!(c, Cell::Text(_)) && data.get(i).copied().unwrap_or(false);
                let lang_attr = move || data_text.then(|| of_data.get()).flatten();
                if i == 0 {
                    return view! { <th scope="row" lang=lang_attr>{text}</th> }.into_any();
                }
                let bar = match c {
                    Cell::Share(r) if r.is_finite() => Some(view! {
                        <span class="fw-share">
                            <span class="fw-share__bar" style:width=format!("{:.2}%", (r * 100.0).clamp(0.0, 100.0))></span>
                        </span>
                    }),
                    _ => None,
                };
                view! { <td class:fw-num=num lang=lang_attr>{bar}{text}</td> }.into_any()
            })
            .collect_view()
    };
    view! {
        <div class="fw-table-wrap" role="region" tabindex="0" aria-label=table.title.clone()>
            <table class=format!("fw-table {class}")>
                <caption>{table.title.clone()}</caption>
                <thead><tr>
                    {table.columns.iter().map(|c| view! {
                        <th scope="col" class:fw-num=c.numeric>{c.label.clone()}</th>
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {table.rows.iter().map(|r| view! {
                        <tr class:fw-inactive=r.dimmed>{cells(&r.cells, false)}</tr>
                    }).collect_view()}
                </tbody>
                {table.foot.as_ref().map(|f| view! { <tfoot><tr>{cells(f, true)}</tr></tfoot> })}
            </table>
        </div>
    }
}
