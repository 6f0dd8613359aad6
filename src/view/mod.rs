//! Leptos components that draw scenes. Thin: no arithmetic, no host element, no events to the
//! host. Selectable marks carry `data-fw-select` (and `data-fw-kind`); buttons that act on the
//! widget carry `data-fw-action`; `embed` listens on the container and does the rest.

mod indicators;
mod map;
mod occupancy;
mod parts;

/// Gives the focus back to a record after its markup was replaced (used by `embed` when it
/// takes over a server-rendered widget).
pub(crate) use parts::marks::refocus;
mod timeline;

use crate::check::{Checked, Document};
use crate::i18n::Lang;
use crate::model::WidgetKind;
use leptos::prelude::*;
use std::sync::Arc;

pub(crate) use map::{CompareAttr, GeoSet, geometry};
pub(crate) use parts::diagnostics::stale_text;
pub(crate) use parts::live::Live;

/// What the widget has to show, set by `embed`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Content {
    /// The last result of parsing and checking, if any data arrived.
    pub checked: Option<Arc<Checked>>,
    /// A fetch of `src` is under way.
    pub loading: bool,
    /// The data shown is from an earlier load; the refresh failed. The time of the good load.
    pub stale_since: Option<String>,
    /// The current data came from `src`, so "load again" makes sense.
    pub can_retry: bool,
}

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub fn parse(value: &str) -> Theme {
        match value.trim() {
            "dark" => Theme::Dark,
            "auto" => Theme::Auto,
            _ => Theme::Light,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// The language the widget speaks: the host's `lang` wins, then the document's, then German.
pub(crate) fn effective_lang(attr: Option<Lang>, content: &Content) -> Lang {
    attr.or_else(|| content.checked.as_ref().and_then(|c| c.document_lang()))
        .unwrap_or_default()
}

fn widget_name(kind: WidgetKind, lang: Lang) -> &'static str {
    let t = lang.texts();
    match kind {
        WidgetKind::Timeline => t.timeline_name,
        WidgetKind::Occupancy => t.occupancy_name,
        WidgetKind::Map => t.map_name,
    }
}

thread_local! {
    /// Counts the host's label changes, so every widget redraws in the new words.
    static LABELS: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// Tells every mounted widget that the text tables changed (`setLabels`); each redraws.
pub(crate) fn labels_changed() {
    LABELS.with(|labels| labels.update(|n| *n = n.wrapping_add(1)));
}

/// What a person set in a widget's view, carried to the next document of the same kind, so
/// that a `refresh`, new data from the host or a language change does not throw them back to
/// the start. Each view reads its part when it is drawn and keeps it up to date.
#[derive(Clone, Debug, Default)]
pub(crate) struct Carried {
    /// The timeline's open participant, window, table toggle, sort and filters.
    pub timeline: Option<timeline::Carry>,
    /// The dashboard's open provider and bar order.
    pub occupancy: Option<occupancy::Carry>,
}

/// The level of a widget's title unless the host sets `heading-level`; sections are one below.
pub(crate) const TITLE_LEVEL: u8 = crate::render::Levels::DEFAULT.title;

/// The root of every widget: theme and language on one element, then the body for the state.
pub(crate) fn widget_root(
    kind: WidgetKind,
    content: ArcRwSignal<Content>,
    lang_attr: ArcRwSignal<Option<Lang>>,
    (theme, heading): (ArcRwSignal<Theme>, ArcRwSignal<u8>),
    width: ArcRwSignal<f64>,
    status: Live,
) -> impl IntoView {
    // Every view of this widget says its short messages through the one live region.
    provide_context(status.clone());
    // Its headings start at the level the host asked for.
    let level: Signal<u8> = heading.into();
    provide_context(parts::TitleLevel(level));
    // A memo, so that new data in the same language does not draw the widget again; the count
    // of label changes is part of it, so `setLabels` does.
    let words = {
        let content = content.clone();
        Memo::new(move |_| {
            let labels = LABELS.with(|labels| labels.get());
            (content.with(|c| effective_lang(lang_attr.get(), c)), labels)
        })
    };
    let lang = Signal::derive(move || words.get().0);
    // The language of the data's texts: the document's `lang`, German without one. Elements
    // that show data text carry it where it is not the widget's (WCAG 3.1.2).
    let data_lang = {
        let content = content.clone();
        Memo::new(move |_| {
            let of_data = content
                .with(|c| c.checked.as_ref().and_then(|c| c.document_lang()))
                .unwrap_or_default();
            (of_data != lang.get()).then(|| of_data.as_str())
        })
    };
    provide_context(parts::DataLang(data_lang.into()));
    let carried = StoredValue::new(Carried::default());
    let shown = {
        let content = content.clone();
        Memo::new(move |_| content.with(drawn_kind))
    };
    let class = move || {
        format!(
            "fw-root fw-{} fw-theme-{}",
            kind.as_str(),
            theme.get().as_str()
        )
    };
    view! {
        <section
            class=class
            part="root"
            lang=move || lang.get().as_str()
            aria-label=move || widget_name(kind, lang.get())
        >
            {parts::live::bar(status, lang)}
            {move || {
                // Headings are made at the level of their moment: a new level draws anew.
                level.track();
                match shown.get() {
                // A map outlives its documents: a new one of the same kind is patched into the
                // drawn DOM (new figures recolour the areas) instead of building it again.
                Some(WidgetKind::Map) if WidgetKind::Map.built() => {
                    let width = width.clone();
                    let host = host_atlas(content.clone());
                    live(
                        content.clone(),
                        lang.get(),
                        |d| match d {
                            Document::Map(d) => Some(d.clone()),
                            _ => None,
                        },
                        move |doc, lang| map::region_map(doc, host, lang, width.into()).into_any(),
                    )
                }
                // So is the timeline: it follows a memo of its document and keeps its focus.
                Some(WidgetKind::Timeline) if WidgetKind::Timeline.built() => live(
                    content.clone(),
                    lang.get(),
                    |d| match d {
                        Document::Timeline(d) => Some(d.clone()),
                        _ => None,
                    },
                    |doc, lang| timeline::timeline(doc, lang, width.clone().into(), carried),
                ),
                // So is the dashboard: it follows a memo of its document and keeps its focus.
                Some(WidgetKind::Occupancy) if WidgetKind::Occupancy.built() => live(
                    content.clone(),
                    lang.get(),
                    |d| match d {
                        Document::Occupancy(d) => Some(d.clone()),
                        _ => None,
                    },
                    |doc, lang| occupancy::occupancy(doc, lang, width.clone().into(), carried),
                ),
                _ => {
                    let (content, width) = (content.clone(), width.clone());
                    let lang = lang.get();
                    (move || body(content.get(), lang, width.clone().into(), carried)).into_any()
                }
            }}}
        </section>
    }
}

/// The kind of the document drawn now, if any.
fn drawn_kind(content: &Content) -> Option<WidgetKind> {
    let document = content.checked.as_ref()?.document.as_ref()?;
    Some(match document {
        Document::Timeline(_) => WidgetKind::Timeline,
        Document::Occupancy(_) => WidgetKind::Occupancy,
        Document::Map(_) => WidgetKind::Map,
    })
}

/// The geometry the document drawn now brings with it (a map's own areas), as a memo beside
/// the document's: equal while it is the same shared atlas.
fn host_atlas(content: ArcRwSignal<Content>) -> Memo<Option<Arc<crate::geo::Atlas>>> {
    Memo::new_with_compare(
        move |_| content.with(|c| c.checked.as_ref().and_then(|c| c.host_atlas.clone())),
        another::<crate::geo::Atlas>,
    )
}

/// The comparison of memos of shared values: changed unless both are the same allocation
/// (a deep comparison of a document would cost more than drawing it again).
fn another<T>(old: Option<&Option<Arc<T>>>, new: Option<&Option<Arc<T>>>) -> bool {
    !matches!((old, new), (Some(Some(a)), Some(Some(b))) if Arc::ptr_eq(a, b))
}

/// A widget drawn once and fed each new document of its kind (`pick`) through a memo (equal
/// when it is the same shared document): a refresh's loading flag does not draw it again.
fn live<T: Send + Sync + 'static>(
    content: ArcRwSignal<Content>,
    lang: Lang,
    pick: fn(&Document) -> Option<Arc<T>>,
    draw: impl FnOnce(Memo<Option<Arc<T>>>, Lang) -> AnyView,
) -> AnyView {
    let checked = {
        let content = content.clone();
        Memo::new_with_compare(
            move |_| content.with(|c| c.checked.clone()),
            another::<Checked>,
        )
    };
    let doc = Memo::new_with_compare(
        move |_| checked.with(|c| c.as_ref().and_then(|c| c.document.as_ref()).and_then(pick)),
        another::<T>,
    );
    let stale = move || {
        content
            .with(|c| c.stale_since.clone())
            .map(|at| parts::diagnostics::stale_note(&at, lang))
    };
    let warnings = move || {
        checked.with(|c| {
            c.as_ref()
                .and_then(|c| parts::diagnostics::warning_list(c, lang))
        })
    };
    view! {
        {stale}
        {draw(doc, lang)}
        {warnings}
    }
    .into_any()
}

fn body(
    content: Content,
    lang: Lang,
    width: Signal<f64>,
    carried: StoredValue<Carried>,
) -> AnyView {
    let t = lang.texts();
    let Some(checked) = content.checked.clone() else {
        let text = if content.loading {
            t.loading
        } else {
            t.waiting
        };
        return view! { <p class="fw-status">{text}</p> }.into_any();
    };
    match &checked.document {
        None => {
            parts::diagnostics::error_panel(checked.clone(), lang, content.can_retry).into_any()
        }
        Some(doc) => {
            // Each arm only in a build that draws its kind (`WidgetKind::built`); check gives
            // no other documents to a build without them.
            let drawn = match doc {
                // Drawn by `live`; here at most for the moment the widget turns to a dashboard.
                Document::Occupancy(d) if WidgetKind::Occupancy.built() => {
                    let d = d.clone();
                    let doc = Memo::new_with_compare(move |_| Some(d.clone()), |_, _| true);
                    occupancy::occupancy(doc, lang, width, carried)
                }
                // Drawn by `live`; here at most for the moment the widget turns to a timeline.
                Document::Timeline(d) if WidgetKind::Timeline.built() => {
                    let d = d.clone();
                    let doc = Memo::new_with_compare(move |_| Some(d.clone()), |_, _| true);
                    timeline::timeline(doc, lang, width, carried)
                }
                // Drawn by `live`; here at most for the moment the widget turns to a map.
                Document::Map(d) if WidgetKind::Map.built() => {
                    let d = d.clone();
                    let doc = Memo::new_with_compare(move |_| Some(d.clone()), |_, _| true);
                    let atlas = checked.host_atlas.clone();
                    let host = Memo::new_with_compare(move |_| atlas.clone(), |_, _| true);
                    map::region_map(doc, host, lang, width).into_any()
                }
                _ => ().into_any(),
            };
            view! {
                {content.stale_since.map(|at| parts::diagnostics::stale_note(&at, lang))}
                {drawn}
                {parts::diagnostics::warning_list(&checked, lang)}
            }
            .into_any()
        }
    }
}
