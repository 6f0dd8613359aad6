//! The occupancy dashboard: draws the scene of `layout::occupancy`. Fed a memo of its
//! document, it is built once and patches what changed (Leptos rebuilds a part's view in place
//! when its scene changes; the marks renderer redraws the charts and refocuses by id), so a
//! `refresh` keeps the keyboard focus. Local view state only (which provider is open, the sort order).

use super::parts::chart::series_chart;
use super::parts::export::{Item, menu, printing};
use super::parts::{written, written_on};
use crate::i18n::Lang;
use crate::layout::occupancy::{self as layout, BarSort, Bars};
use crate::layout::table::DataTable;
use crate::model::occupancy::OccupancyDoc;
use crate::render::{dashboard, html};
use crate::scene::Frame;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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

/// What the export menu offers: (report table title, bars title, funding title, chart frames,
/// key-figure table titles).
type Offered = (
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<(String, Frame)>,
    Vec<String>,
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
    // The key figures as the period filter and the provider drilled down to leave them.
    let range: super::indicators::Range = RwSignal::new((None, None));
    let shown: Doc = Memo::new_with_compare(
        move |_| {
            let (from, to) = range.get();
            let filter = layout::indicators::Filter {
                from,
                to,
                provider: open.get(),
            };
            filter.apply(&doc.get())
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
    );
    let scene = Memo::new(move |_| doc.with(|d| layout::scene(d, lang)));
    let charts = Memo::new(move |_| doc.with(|d| layout::charts(d, width.get(), lang)));
    let has_series = Memo::new(move |_| doc.with(|d| !d.series.is_empty()));
    let has_bars = Memo::new(move |_| scene.with(|s| s.has_bars));
    // Only what has data is shown: a document of key figures or funding alone gets no empty
    // series and providers sections; one of slots alone keeps its notes.
    let classic = Memo::new(move |_| doc.with(|d| d.indicators.is_empty() && d.funding.is_empty()));
    view! {
        <header class="fw-head">
            {written(move |w, l| scene.with(|s| dashboard::head_text(w, s, l)))}
            <div class="fw-toolbar fw-head__tools">{export((doc, shown), scene, (open, sort), lang)}</div>
        </header>
        {written(move |w, l| scene.with(|s| dashboard::overview(w, s, lang, l)))}
        <div class="fw-grid">
            {super::indicators::section((doc, shown), range, width, lang)}
            {move || (has_series.get() || classic.get()).then(|| view! {
                <section class="fw-section fw-section--wide" aria-label=o.table_title>
                    {layout::CHART_IDS.map(|id| series_chart(id, charts, lang))}
                    {move || (!has_series.get()).then(|| view! { <p class="fw-note">{o.no_series}</p> })}
                    {written(move |w, _| scene.with(|s| if s.table.columns.len() > 1 {
                        html::table(w, &s.table, lang, "fw-table--report");
                    }))}
                </section>
            })}
            {move || if has_bars.get() {
                provider_bars(doc, lang, (open, sort)).into_any()
            } else if classic.get() {
                written(move |w, l| dashboard::note_section(w, o.providers_title, o.no_breakdown, l)).into_any()
            } else {
                ().into_any()
            }}
            {written(move |w, l| scene.with(|s| dashboard::sections(w, s, has_series.get(), lang, l)))}
        </div>
        {written(move |w, _| scene.with(|s| dashboard::source(w, s, lang)))}
    }
    .into_any()
}

/// The export menu: each table as CSV (as shown when asked), each chart as SVG and PNG with
/// its frame, print. Drawn again only when what it offers changes.
fn export(
    (doc, shown): (Doc, Doc),
    scene: Memo<layout::Scene>,
    (open, sort): (RwSignal<Option<String>>, RwSignal<BarSort>),
    lang: Lang,
) -> impl IntoView {
    let offered = Memo::new(move |_| -> Offered {
        let filtered = shown.get();
        doc.with(|d| {
            let s = scene.get();
            let frames = layout::charts(d, 640.0, lang)
                .iter()
                .map(|c| (c.id.clone(), layout::frame(d, &c.title, lang)))
                .chain(
                    layout::indicators::figures(&filtered, 640.0, lang)
                        .into_iter()
                        .map(|(id, f)| (id, f.frame)),
                )
                .collect();
            (
                (s.table.columns.len() > 1).then(|| s.table.title.clone()),
                s.has_bars
                    .then(|| layout::bars(d, None, BarSort::Size, lang).title),
                s.funding.as_ref().map(|f| f.title.clone()),
                frames,
                // The report tables, which the widget shows as table views (the cards are a table in
                // files only).
                layout::indicators::report(&filtered, lang)
                    .into_iter()
                    .map(|t| t.title)
                    .collect(),
            )
        })
    });
    move || {
        let (report, bars, funding, frames, indicator_tables) = offered.get();
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
        for (i, title) in indicator_tables.iter().enumerate() {
            let table = move || {
                shown
                    .with_untracked(|d| layout::indicators::report(d, lang).into_iter().nth(i))
                    .unwrap_or_else(|| DataTable::new("", Vec::new()))
            };
            items.push(Item::csv(title, Arc::new(table), lang));
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

/// Bars by provider; activating a provider opens its projects. The heading, order, way back,
/// legend and bars are markup (`render::dashboard`) written again with new figures, and the
/// focus stays on its bar (`render::dom::show_markup` gives it back by record); one listener
/// each for clicks and changes serves them all.
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
    let list = NodeRef::<leptos::html::Section>::new();
    // Opening a provider (or going back to all) is said in the widget's live region: the
    // focus stays on the bar, and the list under it changed.
    let say = super::parts::live::announcer();
    Effect::new(move |before: Option<Option<String>>| {
        let now = open.get();
        if before.is_some_and(|b| b != now) {
            say.say(bars.with_untracked(|b| b.title.clone()));
        }
        now
    });
    view! {
        <section class="fw-section fw-bars" node_ref=list>
            {written_on(
                move |w, levels| bars.with(|b| {
                    dashboard::bars_head(w, b, sort.get(), lang, levels);
                    dashboard::bar_list(w, b, lang);
                }),
                &["click", "change"],
                Some(Box::new(move |ev| on_bars(ev, bars, (open, sort), list))),
            )}
            <details class="fw-table-view" aria-label=o.as_table prop:open=move || table_open.get()
                on:toggle=move |ev| table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{o.as_table}</summary>
                {written(move |w, _| bars.with(|b| html::table(w, &b.table(lang), lang, "fw-table--bars")))}
            </details>
        </section>
    }
}

/// Back to all providers: the focus goes to the bar of the provider whose projects were open
/// (the button pressed is gone with them), once the bars are drawn again.
fn back(open: RwSignal<Option<String>>, list: NodeRef<leptos::html::Section>) {
    let Some(from) = open.get_untracked() else {
        return;
    };
    open.set(None);
    // As soon as the providers are drawn again (the reactive system has run), not a frame
    // later: the focus must not rest on the page's body meanwhile.
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        // The dashboard may have been taken down (a new language) meanwhile.
        let Some(list) = list.try_get_untracked().flatten() else {
            return;
        };
        let selector = format!(
            ".fw-bar{}",
            super::parts::marks::record_selector("data-fw-select", &from)
        );
        if let Some(bar) = list
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = bar.focus();
        }
    });
}

/// Into a provider's projects: the bar pressed is gone with the other providers, so the focus
/// goes to the way back.
fn drill(open: RwSignal<Option<String>>, id: String, list: NodeRef<leptos::html::Section>) {
    open.set(Some(id));
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        let button = list
            .try_get_untracked()
            .flatten()
            .and_then(|s| {
                s.query_selector(".fw-toolbar .fw-button--quiet")
                    .ok()
                    .flatten()
            })
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    });
}

/// An event in the bars' section: a new order chosen, the way back pressed, or a bar clicked
/// (by mouse, Enter or Space), which opens a provider's projects. The selection itself goes to
/// the host from `embed`, which listens on the whole widget.
fn on_bars(
    ev: &web_sys::Event,
    bars: Memo<Bars>,
    (open, sort): (RwSignal<Option<String>>, RwSignal<BarSort>),
    list: NodeRef<leptos::html::Section>,
) {
    if ev.type_() == "change" {
        sort.set(BarSort::parse(&event_target_value(ev)));
        return;
    }
    if super::parts::marked(ev, "data-fw-back").is_some() {
        back(open, list);
        return;
    }
    let Some((_, id)) = super::parts::marked(ev, "data-fw-select") else {
        return;
    };
    let drills = bars.with_untracked(|b| b.bars.iter().any(|bar| bar.id == id && bar.drills));
    if drills {
        drill(open, id, list);
    }
}
