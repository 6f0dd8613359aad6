//! The dashboard's key figures over time: a period filter, their cards, a chart per measure
//! (drawn by the one chart view) and the report tables. Everything is computed by
//! `layout::occupancy::indicators` from the document as the filter leaves it; this is the
//! markup around it, shown only when the document has measures.

use super::parts::chart::series_chart;
use crate::i18n::Lang;
use crate::layout::occupancy::indicators as layout;
use crate::model::occupancy::OccupancyDoc;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
                    {super::parts::written(move |w, _| cards.with(|c| crate::render::dashboard::cards(w, c, lang)))}
                    {move || ids.get().into_iter().map(|id| series_chart(id, charts, lang)).collect_view()}
                    {super::parts::written(move |w, _| tables.with(|ts| {
                        for t in ts {
                            crate::render::html::table(w, t, lang, "fw-table--indicators");
                        }
                    }))}
                </section>
            }
        })
    }
}

/// From and to: every period the document has, both ends open by default. Markup
/// (`render::dashboard::period_filter`) with one listener for the changes of both selects.
fn filter(all: Memo<Arc<OccupancyDoc>>, range: Range, lang: Lang) -> impl IntoView {
    let periods = Memo::new(move |_| all.with(|d| layout::periods(d, lang)));
    super::parts::written_on(
        move |w, _| {
            periods.with(|ps| crate::render::dashboard::period_filter(w, ps, range.get(), lang))
        },
        &["change"],
        Some(Box::new(move |ev| {
            let end = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute("data-fw-end"));
            let day = crate::model::Day::parse(&event_target_value(ev)).map(|d| d.0);
            match end.as_deref() {
                Some("from") => range.update(|r| r.0 = day),
                Some("to") => range.update(|r| r.1 = day),
                _ => {}
            }
        })),
    )
}
