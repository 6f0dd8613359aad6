//! The occupancy dashboard: draws the scene of `layout::occupancy`. Local view state only
//! (which provider is open, the sort order, the focused chart point).

use super::parts::chart::series_chart;
use super::parts::export::{Item, menu, printing};
use super::parts::table::data_table;
use crate::i18n::Lang;
use crate::layout::occupancy::{self as layout, BarSort, Bars, Figure, Ranked, Scene};
use crate::layout::table::DataTable;
use crate::model::occupancy::OccupancyDoc;
use crate::scene::Frame;
use leptos::prelude::*;
use std::sync::Arc;

/// The dashboard's view state carried to the next document (see [`super::Carried`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Carry {
    /// The provider whose projects are shown, by id.
    open: Option<String>,
    /// The order of the bars.
    sort: BarSort,
}

/// The whole dashboard for `doc`, re-laid out when `width` changes.
pub(crate) fn occupancy(
    doc: Arc<OccupancyDoc>,
    lang: Lang,
    width: Signal<f64>,
    carried: StoredValue<super::Carried>,
) -> impl IntoView {
    let o = lang.texts().occ;
    let carry = carried
        .with_value(|c| c.occupancy.clone())
        .unwrap_or_default();
    // A provider the new document no longer has: all providers again.
    let open = RwSignal::new(
        carry
            .open
            .filter(|id| doc.providers.iter().any(|p| p.id == *id)),
    );
    let sort = RwSignal::new(carry.sort);
    Effect::new(move |_| {
        let carry = Carry {
            open: open.get(),
            sort: sort.get(),
        };
        carried.update_value(|c| c.occupancy = Some(carry));
    });
    let scene = layout::scene(&doc, lang);
    let Scene {
        title,
        subtitle,
        as_of,
        summary,
        figures,
        has_bars,
        table,
        funnel,
        reasons,
        exits,
        funding,
        source,
    } = scene;
    let charts = {
        let doc = doc.clone();
        move || {
            layout::charts(&doc, width.get(), lang)
                .into_iter()
                .map(|chart| series_chart(chart, lang))
                .collect_view()
        }
    };
    let has_series = !doc.series.is_empty();
    let export = {
        let mut items = Vec::new();
        if table.columns.len() > 1 {
            let kept = table.clone();
            items.push(Item::csv(
                &table.title,
                Arc::new(move || kept.clone()),
                lang,
            ));
        }
        if has_bars {
            let doc = doc.clone();
            let title = layout::bars(&doc, None, BarSort::Size, lang).title;
            items.push(Item::csv(
                &title,
                Arc::new(move || {
                    layout::bars(
                        &doc,
                        open.get_untracked().as_deref(),
                        sort.get_untracked(),
                        lang,
                    )
                    .table(lang)
                }),
                lang,
            ));
        }
        if let Some(f) = &funding {
            let kept = f.clone();
            items.push(Item::csv(&f.title, Arc::new(move || kept.clone()), lang));
        }
        for chart in layout::charts(&doc, 640.0, lang) {
            items.extend(Item::images(
                &format!(".fw-chart--{} .fw-chart__plot svg", chart.id),
                Some(&format!(".fw-chart--{} .fw-legend", chart.id)),
                &Frame {
                    title: chart.title.to_string(),
                    ..Frame::default()
                },
                None,
                lang,
            ));
        }
        items.push(Item::print(lang));
        menu(items, lang)
    };
    let any_figure = figures.iter().any(|f| f.value != "–");
    let no_series = (!has_series).then(|| view! { <p class="fw-note">{o.no_series}</p> });
    view! {
        <header class="fw-head">
            <h2 class="fw-title">{title}</h2>
            {subtitle.map(|s| view! { <p class="fw-subtitle">{s}</p> })}
            {as_of.map(|s| view! { <p class="fw-asof">{s}</p> })}
            <div class="fw-toolbar fw-head__tools">{export}</div>
        </header>
        {summary.map(|s| view! { <p class="fw-summary">{s}</p> })}
        {any_figure.then(|| key_figures(figures, lang))}
        <div class="fw-grid">
            <section class="fw-section fw-section--wide" aria-label=o.table_title>
                {charts}
                {no_series}
                {report_table(&table, lang)}
            </section>
            {has_bars.then(|| provider_bars(doc.clone(), lang, (open, sort)))}
            {(!has_bars).then(|| view! {
                <section class="fw-section">
                    <h3 class="fw-heading">{o.providers_title}</h3>
                    <p class="fw-note">{o.no_breakdown}</p>
                </section>
            })}
            {(!funnel.is_empty()).then(|| view! {
                <section class="fw-section">
                    <h3 class="fw-heading">{o.funnel_title}</h3>
                    <ol class="fw-funnel">
                        {funnel.into_iter().map(|stage| view! {
                            <li class="fw-funnel__stage">
                                <span class="fw-funnel__label">{stage.label}</span>
                                <span class="fw-funnel__track">
                                    <span class="fw-funnel__bar" style:width=format!("{:.2}%", stage.percent)></span>
                                </span>
                                <span class="fw-funnel__value">{stage.value}</span>
                                {stage.share.map(|s| view! { <span class="fw-funnel__share">{s}</span> })}
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            })}
            {has_series.then(|| view! {
                <section class="fw-section">
                    <h3 class="fw-heading">{o.reasons_title}</h3>
                    {match reasons {
                        Some(r) => ranked(r).into_any(),
                        None => view! { <p class="fw-note">{o.no_reasons}</p> }.into_any(),
                    }}
                </section>
            })}
            {exits.map(|r| view! {
                <section class="fw-section">
                    <h3 class="fw-heading">{o.exits_title}</h3>
                    {ranked(r)}
                </section>
            })}
            {funding.clone().map(|table| view! {
                <section class="fw-section">
                    <h3 class="fw-heading">{o.funding_title}</h3>
                    {data_table(&table, lang, "fw-table--funding")}
                </section>
            })}
        </div>
        {source.map(|s| view! { <p class="fw-source">{format!("{}: ", lang.texts().source)}{s}</p> })}
    }
}

fn key_figures(figures: Vec<Figure>, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    view! {
        <h3 class="fw-visually-hidden">{o.key_figures}</h3>
        <dl class="fw-figures">
            {figures.into_iter().map(|f| view! {
                <div class=format!("fw-figure fw-figure--{}", f.key)>
                    <dt class="fw-figure__label">{f.label}</dt>
                    <dd class="fw-figure__value">{f.value}</dd>
                    {f.change.map(|c| view! {
                        <dd class=format!("fw-change fw-change--{}", c.trend.as_str())>
                            <span aria-hidden="true">{c.trend.arrow()}" "</span>
                            {c.text}
                        </dd>
                    })}
                </div>
            }).collect_view()}
        </dl>
    }
}

fn report_table(table: &DataTable, lang: Lang) -> Option<impl IntoView + use<>> {
    (table.columns.len() > 1).then(|| data_table(table, lang, "fw-table--report"))
}

fn ranked(r: Ranked) -> impl IntoView {
    view! {
        <ol class="fw-ranked">
            {r.rows.into_iter().map(|(label, value, pct)| view! {
                <li class="fw-ranked__row">
                    <span class="fw-ranked__label">{label}</span>
                    <span class="fw-ranked__track">
                        <span class="fw-ranked__bar" style:width=format!("{pct:.2}%")></span>
                    </span>
                    <span class="fw-ranked__value">{value}</span>
                </li>
            }).collect_view()}
        </ol>
    }
}

/// Bars by provider; activating a provider opens its projects.
fn provider_bars(
    doc: Arc<OccupancyDoc>,
    lang: Lang,
    (open, sort): (RwSignal<Option<String>>, RwSignal<BarSort>),
) -> impl IntoView {
    let o = lang.texts().occ;
    // Open while the page prints, so the printout has the figures.
    let table_open = RwSignal::new(false);
    let print = printing();
    Effect::new(move |_| {
        if print.get() {
            table_open.set(true);
        }
    });
    let bars = Memo::new(move |_| layout::bars(&doc, open.get().as_deref(), sort.get(), lang));
    let legend = [
        ("filled", o.filled),
        ("planned", o.planned),
        ("vacant", o.vacant),
    ];
    view! {
        <section class="fw-section fw-bars">
            <h3 class="fw-heading">{move || bars.with(|b| b.title.clone())}</h3>
            <div class="fw-toolbar">
                <label class="fw-field">
                    <span>{o.sort_by}" "</span>
                    <select
                        class="fw-select"
                        on:change=move |ev| sort.set(BarSort::parse(&event_target_value(&ev)))
                    >
                        {BarSort::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=move || sort.get() == s>{s.label(lang)}</option>
                        }).collect_view()}
                    </select>
                </label>
                {move || open.get().is_some().then(|| view! {
                    <button type="button" class="fw-button fw-button--quiet" on:click=move |_| open.set(None)>
                        <span aria-hidden="true">"← "</span>{o.back}
                    </button>
                })}
            </div>
            <ul class="fw-legend" aria-hidden="true">
                {legend.into_iter().map(|(class, label)| view! {
                    <li><span class=format!("fw-swatch fw-seg--{class}")></span>{label}</li>
                }).collect_view()}
            </ul>
            <ul class="fw-bar-list">
                {move || bars.with(|b| bar_rows(b, open, lang))}
            </ul>
            <details class="fw-table-view" prop:open=move || table_open.get()
                on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{o.as_table}</summary>
                {move || bars.with(|b| bar_table(b, lang))}
            </details>
        </section>
    }
}

fn bar_rows(bars: &Bars, open: RwSignal<Option<String>>, lang: Lang) -> impl IntoView + use<> {
    let o = lang.texts().occ;
    bars.bars
        .iter()
        .map(|bar| {
            let id = bar.id.clone();
            let drills = bar.drills;
            view! {
                <li>
                    <button
                        type="button"
                        class="fw-bar"
                        data-fw-select=bar.id.clone()
                        data-fw-kind=bar.kind
                        title=drills.then_some(o.open_projects)
                        on:click=move |_| if drills { open.set(Some(id.clone())) }
                    >
                        <span class="fw-bar__label">{bar.label.clone()}</span>
                        <span class="fw-bar__track">
                            {bar.segments.iter().map(|s| view! {
                                <span class=format!("fw-seg fw-seg--{}", s.class) style:width=format!("{:.2}%", s.percent)></span>
                            }).collect_view()}
                        </span>
                        <span class="fw-bar__figures" aria-hidden="true">{bar.short.clone()}</span>
                        <span class="fw-visually-hidden">{format!(": {}", bar.figures)}</span>
                    </button>
                </li>
            }
        })
        .collect_view()
}

fn bar_table(bars: &Bars, lang: Lang) -> impl IntoView + use<> {
    data_table(&bars.table(lang), lang, "fw-table--bars")
}
