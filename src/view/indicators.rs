//! The dashboard's key figures over time: a period filter, their cards, a chart per measure
//! (drawn by the one chart view) and the report tables. Everything is computed by
//! `layout::occupancy::indicators` from the document as the filter leaves it; this is the
//! markup around it, shown only when the document has measures.

use super::parts::chart::series_chart;
use super::parts::table::data_table;
use crate::i18n::Lang;
use crate::layout::occupancy::indicators::{self as layout, Card};
use crate::model::occupancy::OccupancyDoc;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

/// The range of days the reader chose (first, last), kept across new documents.
pub(crate) type Range = RwSignal<(Option<NaiveDate>, Option<NaiveDate>)>;

/// The key-figure section at `width`: `all` is the document, `doc` what the filter (`range`
/// and the provider drilled down to) leaves of it.
pub(crate) fn section(
    (all, doc): (Memo<Arc<OccupancyDoc>>, Memo<Arc<OccupancyDoc>>),
    range: Range,
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
    let any = Memo::new(move |_| all.with(|d| !d.indicators.is_empty()));
    move || {
        any.get().then(|| {
            view! {
                <section class="fw-section fw-section--wide fw-indicators">
                    {super::parts::heading(1).attr("class", "fw-heading").child(o.indicators_title)}
                    {filter(all, range, lang)}
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

/// From and to: every period the document has, both ends open by default.
fn filter(all: Memo<Arc<OccupancyDoc>>, range: Range, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    let periods = Memo::new(move |_| all.with(|d| layout::periods(d, lang)));
    let day = |v: String| crate::model::Day::parse(&v).map(|d| d.0);
    let options = move |first: bool| {
        let chosen = range.with(|r| if first { r.0 } else { r.1 });
        periods.with(|ps| {
            ps.iter()
                .map(|(a, b, label)| {
                    let d = if first { *a } else { *b };
                    let value = crate::i18n::Lang::En.date(d);
                    view! { <option value=value selected=chosen == Some(d)>{label.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="fw-toolbar fw-filter">
            <label>{o.period_from}" "
                <select on:change=move |ev| range.update(|r| r.0 = day(event_target_value(&ev)))>
                    <option value="" selected=move || range.with(|r| r.0.is_none())>{o.period_open}</option>
                    {move || options(true)}
                </select>
            </label>
            <label>{o.period_to}" "
                <select on:change=move |ev| range.update(|r| r.1 = day(event_target_value(&ev)))>
                    <option value="" selected=move || range.with(|r| r.1.is_none())>{o.period_open}</option>
                    {move || options(false)}
                </select>
            </label>
        </div>
    }
}
