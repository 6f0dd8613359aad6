//! The dashboard's key figures over time: their cards, a chart per measure (drawn by the one
//! chart view) and the report tables. Everything is computed by `layout::occupancy::indicators`;
//! this is the markup around it, shown only when the document has measures.

use super::parts::chart::series_chart;
use super::parts::table::data_table;
use crate::i18n::Lang;
use crate::layout::occupancy::indicators::{self as layout, Card};
use crate::model::occupancy::OccupancyDoc;
use leptos::prelude::*;
use std::sync::Arc;

/// The key-figure section of `doc` at `width`.
pub(crate) fn section(
    doc: Memo<Arc<OccupancyDoc>>,
    width: Signal<f64>,
    lang: Lang,
) -> impl IntoView {
    let o = lang.texts().occ;
    let cards = Memo::new(move |_| doc.with(|d| layout::cards(d, lang)));
    let charts = Memo::new(move |_| doc.with(|d| layout::charts(d, width.get(), lang)));
    // The charts are built again only when the set of measures changes, not on each new
    // width or figure (their drawings are patched), so the focus stays on a point.
    let ids =
        Memo::new(move |_| charts.with(|cs| cs.iter().map(|c| c.id.clone()).collect::<Vec<_>>()));
    let tables = Memo::new(move |_| doc.with(|d| layout::report(d, lang)));
    move || {
        (!cards.with(Vec::is_empty)).then(|| {
            view! {
                <section class="fw-section fw-section--wide fw-indicators">
                    <h3 class="fw-heading">{o.indicators_title}</h3>
                    {move || cards_list(cards.get(), lang)}
                    {move || ids.get().into_iter().map(|id| series_chart(id, charts, lang)).collect_view()}
                    {move || tables.with(|ts| {
                        ts.iter().map(|t| data_table(t, lang, "fw-table--indicators")).collect_view()
                    })}
                </section>
            }
        })
    }
}

/// One card a measure: its name, latest value and period, changes and target.
fn cards_list(cards: Vec<Card>, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    view! {
        <dl class="fw-figures fw-figures--indicators">
            {cards.into_iter().map(|c| view! {
                <div class="fw-figure fw-figure--indicator" class:fw-figure--provisional=c.provisional>
                    <dt class="fw-figure__label">{c.label}</dt>
                    <dd class="fw-figure__value">
                        {c.value}
                        {c.provisional.then(|| view! { <span class="fw-figure__note">{o.provisional}</span> })}
                    </dd>
                    <dd class="fw-figure__period">{c.period}</dd>
                    {[c.previous, c.year].into_iter().flatten().map(|ch| view! {
                        <dd class=format!("fw-change fw-change--{}", ch.trend.as_str())>
                            <span aria-hidden="true">{ch.trend.arrow()}" "</span>
                            {ch.text}
                        </dd>
                    }).collect_view()}
                    {c.target.map(|t| view! { <dd class="fw-figure__target">{t}</dd> })}
                </div>
            }).collect_view()}
        </dl>
    }
}
