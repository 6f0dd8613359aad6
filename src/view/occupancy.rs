//! The occupancy dashboard: draws the scene of `layout::occupancy`. Fed a memo of its
//! document, it is built once and patches what changed: each part follows its own memo, the
//! charts are redrawn by the marks renderer, the bars are keyed by id, so a `refresh` keeps the
//! keyboard focus. Local view state only (which provider is open, the sort order).

use super::parts::chart::series_chart;
use super::parts::export::{Item, menu, printing};
use super::parts::table::data_table;
use crate::i18n::Lang;
use crate::layout::occupancy::{self as layout, Bar, BarSort, Bars, Figure, Ranked, Stage};
use crate::layout::table::DataTable;
use crate::model::occupancy::OccupancyDoc;
use crate::scene::{Frame, num};
use leptos::prelude::*;
use std::sync::Arc;

/// The dashboard's view state carried to the next view of it (a new language; see
/// [`super::Carried`]). New data keeps the view itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct Carry {
    /// The provider whose projects are shown, by id.
    open: Option<String>,
    /// The order of the bars.
    sort: BarSort,
}

/// The document shown: the memo's, or the last one it had.
type Doc = Memo<Arc<OccupancyDoc>>;

/// What the export menu offers: (report table title, bars title, funding title, chart frames).
type Offered = (
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<(&'static str, Frame)>,
);

/// The whole dashboard for the documents of `doc`, re-laid out when `width` changes.
pub(crate) fn occupancy(
    doc: Memo<Option<Arc<OccupancyDoc>>>,
    lang: Lang,
    width: Signal<f64>,
    carried: StoredValue<super::Carried>,
) -> AnyView {
    let Some(first) = doc.get_untracked() else {
        return ().into_any();
    };
    let o = lang.texts().occ;
    let carry = carried
        .with_value(|c| c.occupancy.clone())
        .unwrap_or_default();
    let has = |d: &OccupancyDoc, id: &str| d.providers.iter().any(|p| p.id == id);
    let open = RwSignal::new(carry.open.filter(|id| has(&first, id)));
    let doc: Doc = Memo::new_with_compare(
        move |old: Option<&Arc<OccupancyDoc>>| {
            doc.get()
                .or_else(|| old.cloned())
                .unwrap_or_else(|| first.clone())
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    );
    // A provider the new document no longer has: all providers again.
    Effect::new(move |_| {
        let gone = doc.with(|d| open.with_untracked(|o| o.as_ref().is_some_and(|id| !has(d, id))));
        if gone {
            open.set(None);
        }
    });
    let sort = RwSignal::new(carry.sort);
    Effect::new(move |_| {
        let carry = Carry {
            open: open.get(),
            sort: sort.get(),
        };
        carried.update_value(|c| c.occupancy = Some(carry));
    });
    let scene = Memo::new(move |_| doc.with(|d| layout::scene(d, lang)));
    let charts = Memo::new(move |_| doc.with(|d| layout::charts(d, width.get(), lang)));
    let ids = Memo::new(move |_| charts.with(|cs| cs.iter().map(|c| c.id).collect::<Vec<_>>()));
    let has_series = Memo::new(move |_| doc.with(|d| !d.series.is_empty()));
    let has_bars = part(scene, |s| s.has_bars);
    let figures = part(scene, |s| s.figures.clone());
    let table = part(scene, |s| s.table.clone());
    view! {
        <header class="fw-head">
            <h2 class="fw-title">{move || scene.with(|s| s.title.clone())}</h2>
            {move || scene.with(|s| s.subtitle.clone()).map(|s| view! { <p class="fw-subtitle">{s}</p> })}
            {move || scene.with(|s| s.as_of.clone()).map(|s| view! { <p class="fw-asof">{s}</p> })}
            <div class="fw-toolbar fw-head__tools">{export(doc, scene, (open, sort), lang)}</div>
        </header>
        {move || scene.with(|s| s.summary.clone()).map(|s| view! { <p class="fw-summary">{s}</p> })}
        {move || figures.with(|f| f.iter().any(|f| f.value != "–")).then(|| key_figures(figures.get(), lang))}
        <div class="fw-grid">
            <section class="fw-section fw-section--wide" aria-label=o.table_title>
                <For each=move || ids.get() key=|id| *id let:id>
                    {series_chart(id, charts, lang)}
                </For>
                {move || (!has_series.get()).then(|| view! { <p class="fw-note">{o.no_series}</p> })}
                {move || table.with(|t| report_table(t, lang))}
            </section>
            {move || if has_bars.get() {
                provider_bars(doc, lang, (open, sort)).into_any()
            } else {
                view! {
                    <section class="fw-section">
                        <h3 class="fw-heading">{o.providers_title}</h3>
                        <p class="fw-note">{o.no_breakdown}</p>
                    </section>
                }.into_any()
            }}
            {sections(scene, has_series, lang)}
        </div>
        {move || scene.with(|s| s.source.clone()).map(|s| view! { <p class="fw-source">{format!("{}: ", lang.texts().source)}{s}</p> })}
    }
    .into_any()
}

/// A part of the scene as a memo of its own: its view is drawn again only when it changes.
fn part<T>(scene: Memo<layout::Scene>, f: fn(&layout::Scene) -> T) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| scene.with(f))
}

/// The funnel, the reasons for early termination, the exits and the funding.
fn sections(scene: Memo<layout::Scene>, has_series: Memo<bool>, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    let stages = part(scene, |s| s.funnel.clone());
    let reasons = part(scene, |s| s.reasons.clone());
    let exits = part(scene, |s| s.exits.clone());
    let funding = part(scene, |s| s.funding.clone());
    view! {
        {move || (!stages.with(Vec::is_empty)).then(|| funnel(stages.get(), lang))}
        {move || has_series.get().then(|| view! {
            <section class="fw-section">
                <h3 class="fw-heading">{o.reasons_title}</h3>
                {match reasons.get() {
                    Some(r) => ranked(r).into_any(),
                    None => view! { <p class="fw-note">{o.no_reasons}</p> }.into_any(),
                }}
            </section>
        })}
        {move || exits.get().map(|r| view! {
            <section class="fw-section">
                <h3 class="fw-heading">{o.exits_title}</h3>
                {ranked(r)}
            </section>
        })}
        {move || funding.get().map(|table| view! {
            <section class="fw-section">
                <h3 class="fw-heading">{o.funding_title}</h3>
                {data_table(&table, lang, "fw-table--funding")}
            </section>
        })}
    }
}

/// The export menu: each table as CSV (as shown when asked), each chart as SVG and PNG with
/// its frame, print. Drawn again only when what it offers changes.
fn export(
    doc: Doc,
    scene: Memo<layout::Scene>,
    (open, sort): (RwSignal<Option<String>>, RwSignal<BarSort>),
    lang: Lang,
) -> impl IntoView {
    let offered = Memo::new(move |_| -> Offered {
        doc.with(|d| {
            let s = scene.get();
            let frames = layout::charts(d, 640.0, lang)
                .iter()
                .map(|c| (c.id, layout::frame(d, c.title, lang)))
                .collect();
            (
                (s.table.columns.len() > 1).then(|| s.table.title.clone()),
                s.has_bars
                    .then(|| layout::bars(d, None, BarSort::Size, lang).title),
                s.funding.as_ref().map(|f| f.title.clone()),
                frames,
            )
        })
    });
    move || {
        let (report, bars, funding, frames) = offered.get();
        let mut items = Vec::new();
        if let Some(title) = report {
            items.push(Item::csv(
                &title,
                Arc::new(move || scene.with_untracked(|s| s.table.clone())),
                lang,
            ));
        }
        if let Some(title) = bars {
            let table = move || {
                let (open, sort) = (open.get_untracked(), sort.get_untracked());
                doc.with_untracked(|d| layout::bars(d, open.as_deref(), sort, lang).table(lang))
            };
            items.push(Item::csv(&title, Arc::new(table), lang));
        }
        if let Some(title) = funding {
            let table = move || {
                scene.with_untracked(|s| {
                    s.funding
                        .clone()
                        .unwrap_or_else(|| DataTable::new("", vec![]))
                })
            };
            items.push(Item::csv(&title, Arc::new(table), lang));
        }
        for (id, frame) in &frames {
            items.extend(Item::images(
                &format!(".fw-chart--{id} .fw-chart__plot svg"),
                Some(&format!(".fw-chart--{id} .fw-legend")),
                frame,
                None,
                lang,
            ));
        }
        items.push(Item::print(lang));
        menu(items, lang)
    }
}

fn funnel(stages: Vec<Stage>, lang: Lang) -> impl IntoView {
    let o = lang.texts().occ;
    view! {
        <section class="fw-section">
            <h3 class="fw-heading">{o.funnel_title}</h3>
            <ol class="fw-funnel">
                {stages.into_iter().map(|stage| view! {
                    <li class="fw-funnel__stage">
                        <span class="fw-funnel__label">{stage.label}</span>
                        <span class="fw-funnel__track">
                            <span class="fw-funnel__bar" style:width=percent(stage.percent)></span>
                        </span>
                        <span class="fw-funnel__value">{stage.value}</span>
                        {stage.share.map(|s| view! { <span class="fw-funnel__share">{s}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// A width in percent as CSS (a CSSOM write: no `style` attribute, so a strict CSP allows it).
fn percent(value: f64) -> String {
    format!("{}%", num::fmt(value))
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
                        <span class="fw-ranked__bar" style:width=percent(pct)></span>
                    </span>
                    <span class="fw-ranked__value">{value}</span>
                </li>
            }).collect_view()}
        </ol>
    }
}

/// Bars by provider; activating a provider opens its projects. Keyed by id, so new figures
/// patch the bars in place and a focused bar keeps the focus.
fn provider_bars(
    doc: Doc,
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
    let bars =
        Memo::new(move |_| doc.with(|d| layout::bars(d, open.get().as_deref(), sort.get(), lang)));
    let keys = move || {
        bars.with(|b| {
            b.bars
                .iter()
                .map(|bar| (bar.kind, bar.id.clone()))
                .collect::<Vec<_>>()
        })
    };
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
                <For each=keys key=|k| k.clone() let:key>
                    {bar_row(key.1, bars, open, lang)}
                </For>
            </ul>
            <details class="fw-table-view" prop:open=move || table_open.get()
                on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{o.as_table}</summary>
                {move || bars.with(|b| bar_table(b, lang))}
            </details>
        </section>
    }
}

/// One bar, found by `id` in `bars` each time they change: the button stays, its figures follow.
fn bar_row(
    id: String,
    bars: Memo<Bars>,
    open: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let o = lang.texts().occ;
    let bar = {
        let id = id.clone();
        Memo::new(move |_| bars.with(|b| b.bars.iter().find(|x| x.id == id).cloned()))
    };
    let text = move |f: fn(&Bar) -> String| move || bar.with(|b| b.as_ref().map(f));
    let drills = move || bar.with(|b| b.as_ref().is_some_and(|b| b.drills));
    let segment = move |i: usize| {
        let class = move || {
            bar.with(|b| {
                let class = b
                    .as_ref()
                    .and_then(|b| b.segments.get(i))
                    .map_or("", |s| s.class);
                format!("fw-seg fw-seg--{class}")
            })
        };
        let width = move || {
            bar.with(|b| {
                percent(
                    b.as_ref()
                        .and_then(|b| b.segments.get(i))
                        .map_or(0.0, |s| s.percent),
                )
            })
        };
        view! { <span class=class style:width=width></span> }
    };
    view! {
        <li>
            <button
                type="button"
                class="fw-bar"
                data-fw-select=id.clone()
                data-fw-kind=move || bar.with(|b| b.as_ref().map(|b| b.kind))
                title=move || drills().then_some(o.open_projects)
                on:click=move |_| if drills() { open.set(Some(id.clone())) }
            >
                <span class="fw-bar__label">{text(|b| b.label.clone())}</span>
                <span class="fw-bar__track">{(0..3).map(segment).collect_view()}</span>
                <span class="fw-bar__figures" aria-hidden="true">{text(|b| b.short.clone())}</span>
                <span class="fw-visually-hidden">{text(|b| format!(": {}", b.figures))}</span>
            </button>
        </li>
    }
}

fn bar_table(bars: &Bars, lang: Lang) -> impl IntoView + use<> {
    data_table(&bars.table(lang), lang, "fw-table--bars")
}
