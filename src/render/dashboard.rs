//! The dashboard's parts as markup, the same in the browser and on the server: its head, the key
//! figures, the funnel, the ranked lists, the sections of notes and tables, and (on the server)
//! the charts with their legends. The widget sets each part into a box of its own and keeps
//! only its controls (the export menu, the provider bars, the period filter, the charts' events)
//! as live views; a server writes [`page`], so a dashboard it rendered stands where the live one
//! will stand, part for part.
//!
//! No `style` attribute: a bar's length is the `width` of a rectangle in a small SVG.

use super::Levels;
use super::html::heading;
use super::{Writer, html, svg};
use crate::i18n::Lang;
use crate::layout::occupancy::indicators::{self, Card};
use crate::layout::occupancy::{self as layout, Change, Chart, Figure, Ranked, Scene, Stage};
use crate::model::occupancy::OccupancyDoc;

/// The title, the region and period, and the as-of date (the export menu stands beside them).
pub fn head_text(w: &mut Writer, board: &Scene, levels: Levels) {
    let (subtitle, as_of) = (board.subtitle.as_deref(), board.as_of.as_deref());
    html::head(w, levels, Some(&board.title), [subtitle, as_of]);
}

/// The summary and the key figures' cards.
pub fn overview(w: &mut Writer, board: &Scene, lang: Lang, levels: Levels) {
    if let Some(s) = &board.summary {
        w.element("p", "fw-summary", s);
    }
    if board.figures.iter().any(|f| f.value != "–") {
        key_figures(w, &board.figures, lang, levels);
    }
}

fn key_figures(w: &mut Writer, figures: &[Figure], lang: Lang, levels: Levels) {
    let o = lang.texts().occ;
    heading(w, levels, 1, "fw-visually-hidden", o.key_figures, false);
    w.open("dl").attr("class", "fw-figures").close_tag();
    for f in figures {
        w.open("div")
            .attr("class", &format!("fw-figure fw-figure--{}", f.key))
            .close_tag();
        w.element("dt", "fw-figure__label", f.label);
        w.element("dd", "fw-figure__value", &f.value);
        if let Some(c) = &f.change {
            change(w, c);
        }
        w.end("div");
    }
    w.end("dl");
}

/// A change of a figure: its arrow (hidden from screen readers: the words say it) and words.
fn change(w: &mut Writer, c: &Change) {
    w.open("dd")
        .attr(
            "class",
            &format!("fw-change fw-change--{}", c.trend.as_str()),
        )
        .close_tag();
    w.open("span").attr("aria-hidden", "true").close_tag();
    w.text(c.trend.arrow()).text(" ").end("span");
    w.text(&c.text).end("dd");
}

/// The cards of the key figures over time: name, latest value and period, changes, target.
pub fn cards(w: &mut Writer, cards: &[Card], lang: Lang) {
    let o = lang.texts().occ;
    w.open("dl")
        .attr("class", "fw-figures fw-figures--indicators")
        .close_tag();
    for c in cards {
        let class = if c.provisional {
            "fw-figure fw-figure--indicator fw-figure--provisional"
        } else {
            "fw-figure fw-figure--indicator"
        };
        w.open("div").attr("class", class).close_tag();
        w.open("dt").attr("class", "fw-figure__label");
        if let Some(l) = w.data_lang {
            w.attr("lang", l);
        }
        w.close_tag().text(&c.label).end("dt");
        w.open("dd")
            .attr("class", "fw-figure__value")
            .close_tag()
            .text(&c.value);
        if c.provisional {
            w.element("span", "fw-figure__note", o.provisional);
        }
        w.end("dd");
        w.element("dd", "fw-figure__period", &c.period);
        for ch in [&c.previous, &c.year].into_iter().flatten() {
            change(w, ch);
        }
        if let Some(t) = &c.target {
            w.element("dd", "fw-figure__target", t);
        }
        w.end("div");
    }
    w.end("dl");
}

/// The period filter of the key figures: from and to, each a select of every period the
/// document has (`periods`, as `indicators::periods` gives them) and an open end; `range` is the
/// first and last day chosen. The selects are told apart by `data-fw-end` (`from`, `to`).
pub fn period_filter(
    w: &mut Writer,
    periods: &[(chrono::NaiveDate, chrono::NaiveDate, String)],
    range: (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    lang: Lang,
) {
    let o = lang.texts().occ;
    w.open("div")
        .attr("class", "fw-toolbar fw-filter")
        .close_tag();
    for (end, label, chosen) in [
        ("from", o.period_from, range.0),
        ("to", o.period_to, range.1),
    ] {
        w.open("label").close_tag().text(label).text(" ");
        w.open("select").attr("data-fw-end", end).close_tag();
        w.open("option").attr("value", "");
        if chosen.is_none() {
            w.attr("selected", "");
        }
        w.close_tag().text(o.period_open).end("option");
        for (first, last, name) in periods {
            let day = if end == "from" { *first } else { *last };
            w.open("option").attr("value", &Lang::En.date(day));
            if chosen == Some(day) {
                w.attr("selected", "");
            }
            w.close_tag().text(name).end("option");
        }
        w.end("select").end("label");
    }
    w.end("div");
}

/// A bar `percent` long (0–100) in its track: a rectangle in an SVG, so it prints and needs no
/// `style` attribute.
fn meter(w: &mut Writer, track: &'static str, bar: &'static str, percent: f64) {
    w.open("span").attr("class", track).close_tag();
    w.open("svg")
        .attr("class", "fw-meter")
        .attr("viewBox", "0 0 100 4")
        .attr("preserveAspectRatio", "none")
        .attr("aria-hidden", "true")
        .close_tag();
    w.open("rect").attr("class", bar).attr("height", "4");
    let percent = if percent.is_finite() { percent } else { 0.0 };
    w.num("width", percent.clamp(0.0, 100.0))
        .end_empty()
        .end("svg")
        .end("span");
}

/// A section with a heading `depth` 1 below the title.
fn section_head(w: &mut Writer, class: &str, title: &str, levels: Levels) {
    w.open("section").attr("class", class).close_tag();
    heading(w, levels, 1, "fw-heading", title, false);
}

fn funnel(w: &mut Writer, stages: &[Stage], lang: Lang, levels: Levels) {
    section_head(w, "fw-section", lang.texts().occ.funnel_title, levels);
    w.open("ol").attr("class", "fw-funnel").close_tag();
    for s in stages {
        w.open("li").attr("class", "fw-funnel__stage").close_tag();
        w.element("span", "fw-funnel__label", s.label);
        meter(w, "fw-funnel__track", "fw-funnel__bar", s.percent);
        w.element("span", "fw-funnel__value", &s.value);
        if let Some(share) = &s.share {
            w.element("span", "fw-funnel__share", share);
        }
        w.end("li");
    }
    w.end("ol").end("section");
}

fn ranked(w: &mut Writer, r: &Ranked) {
    w.open("ol").attr("class", "fw-ranked").close_tag();
    for (label, value, percent) in &r.rows {
        w.open("li").attr("class", "fw-ranked__row").close_tag();
        w.element("span", "fw-ranked__label", label);
        meter(w, "fw-ranked__track", "fw-ranked__bar", *percent);
        w.element("span", "fw-ranked__value", value);
        w.end("li");
    }
    w.end("ol");
}

/// A section of a heading and a note (no data for it).
pub fn note_section(w: &mut Writer, title: &str, note: &str, levels: Levels) {
    section_head(w, "fw-section", title, levels);
    w.element("p", "fw-note", note).end("section");
}

/// The funnel, the reasons for early termination (when the document has series), the exits
/// and the funding, each a section of the dashboard's grid.
pub fn sections(w: &mut Writer, board: &Scene, has_series: bool, lang: Lang, levels: Levels) {
    let o = lang.texts().occ;
    if !board.funnel.is_empty() {
        funnel(w, &board.funnel, lang, levels);
    }
    if has_series {
        match &board.reasons {
            Some(r) => {
                section_head(w, "fw-section", o.reasons_title, levels);
                ranked(w, r);
                w.end("section");
            }
            None => note_section(w, o.reasons_title, o.no_reasons, levels),
        }
    }
    if let Some(r) = &board.exits {
        section_head(w, "fw-section", o.exits_title, levels);
        ranked(w, r);
        w.end("section");
    }
    if let Some(t) = &board.funding {
        section_head(w, "fw-section", o.funding_title, levels);
        html::table(w, t, lang, "fw-table--funding");
        w.end("section");
    }
}

/// Where the figures come from.
pub fn source(w: &mut Writer, board: &Scene, lang: Lang) {
    html::source(w, board.source.as_deref(), lang);
}

/// The head of the bars' section: its heading, the order of the bars (a select), the way back
/// to all providers while one provider's projects are shown (`data-fw-back`), and the legend.
pub fn bars_head(
    w: &mut Writer,
    bars: &layout::Bars,
    sort: layout::BarSort,
    lang: Lang,
    levels: Levels,
) {
    let o = lang.texts().occ;
    heading(w, levels, 1, "fw-heading", &bars.title, false);
    w.open("div").attr("class", "fw-toolbar").close_tag();
    w.open("label").attr("class", "fw-field").close_tag();
    w.open("span")
        .close_tag()
        .text(o.sort_by)
        .text(" ")
        .end("span");
    w.open("select").attr("class", "fw-select").close_tag();
    for s in layout::BarSort::ALL {
        w.open("option").attr("value", s.as_str());
        if s == sort {
            w.attr("selected", "");
        }
        w.close_tag().text(s.label(lang)).end("option");
    }
    w.end("select").end("label");
    if bars.provider.is_some() {
        w.open("button")
            .attr("type", "button")
            .attr("class", "fw-button fw-button--quiet")
            .attr("data-fw-back", "")
            .close_tag();
        w.open("span").attr("aria-hidden", "true").close_tag();
        w.text("← ").end("span").text(o.back).end("button");
    }
    w.end("div");
    w.open("ul")
        .attr("class", "fw-legend")
        .attr("aria-hidden", "true")
        .close_tag();
    for (class, label) in [
        ("filled", o.filled),
        ("planned", o.planned),
        ("vacant", o.vacant),
    ] {
        w.open("li").close_tag().open("span");
        w.attr("class", &format!("fw-swatch fw-seg--{class}"))
            .close_tag()
            .end("span");
        w.text(label).end("li");
    }
    w.end("ul");
}

/// The list of provider (or project) bars: each a button named by its label and figures, its
/// track of segments (filled, planned, vacant). A segment's length is `data-fw-width` (percent),
/// which the widget sets as the segment's width through the CSSOM (`render::dom`): a `style`
/// attribute would be blocked by a strict `style-src`.
pub fn bar_list(w: &mut Writer, bars: &layout::Bars, lang: Lang) {
    let o = lang.texts().occ;
    w.open("ul").attr("class", "fw-bar-list").close_tag();
    for bar in &bars.bars {
        w.open("li").close_tag().open("button");
        w.attr("type", "button").attr("class", "fw-bar");
        w.attr("data-fw-select", &bar.id)
            .attr("data-fw-kind", bar.kind);
        if bar.drills {
            w.attr("title", o.open_projects);
        }
        w.close_tag().open("span").attr("class", "fw-bar__label");
        if let Some(l) = w.data_lang {
            w.attr("lang", l);
        }
        w.close_tag().text(&bar.label).end("span");
        w.open("span").attr("class", "fw-bar__track").close_tag();
        for s in &bar.segments {
            w.open("span")
                .attr("class", &format!("fw-seg fw-seg--{}", s.class));
            let percent = if s.percent.is_finite() {
                s.percent
            } else {
                0.0
            };
            w.num("data-fw-width", percent.clamp(0.0, 100.0))
                .close_tag()
                .end("span");
        }
        w.end("span");
        w.open("span")
            .attr("class", "fw-bar__figures")
            .attr("aria-hidden", "true")
            .close_tag()
            .text(&bar.short)
            .end("span");
        w.open("span")
            .attr("class", "fw-visually-hidden")
            .close_tag();
        w.text(": ").text(&bar.figures).end("span");
        w.end("button").end("li");
    }
    w.end("ul");
}

/// A small drawing beside a legend's words, hidden from screen readers (the words say it).
fn swatch(w: &mut Writer, scene: &crate::scene::Scene) {
    w.open("span")
        .attr("class", "fw-swatch-box")
        .attr("aria-hidden", "true")
        .close_tag();
    w.out.push_str(&svg::drawing(scene));
    w.end("span");
}

/// A chart's legend: each line's swatch and label, then the kinds of points that are not plain
/// figures (provisional, withheld).
pub fn legend(w: &mut Writer, chart: &Chart, lang: Lang) {
    w.open("ul").attr("class", "fw-legend").close_tag();
    for (i, l) in chart.lines.iter().enumerate() {
        w.open("li").close_tag();
        swatch(w, &layout::swatch(i, &l.key));
        w.text(&l.label).end("li");
    }
    for k in &chart.states {
        w.open("li").close_tag();
        swatch(w, &k.swatch());
        w.text(k.legend(lang)).end("li");
    }
    w.end("ul");
}

/// A chart as the widget shows it before its events are bound: caption, legend, drawing and
/// the line of keys (kept in its place, unseen until the module binds the keys).
fn chart(w: &mut Writer, chart: &Chart, lang: Lang) {
    let id = &chart.id;
    let caption = format!("fw-title-{id}");
    w.open("figure")
        .attr("class", &format!("fw-chart fw-chart--{id}"))
        .attr("aria-labelledby", &caption)
        .close_tag();
    w.open("figcaption")
        .attr("class", "fw-heading")
        .attr("id", &caption);
    if let Some(l) = w.data_lang.filter(|_| chart.title_from_data) {
        w.attr("lang", l);
    }
    w.close_tag().text(&chart.title).end("figcaption");
    legend(w, chart, lang);
    w.open("div").attr("class", "fw-chart__plot").close_tag();
    w.open("div").attr("class", "fw-chart__svg").close_tag();
    w.out
        .push_str(&svg::drawing_in(&layout::drawing(chart, lang), w.data_lang));
    w.end("div").end("div");
    w.element("p", "fw-hint fw-pending", lang.texts().occ.chart_keys);
    w.end("figure");
}

/// The whole dashboard for `doc` at `width`, as the widget first shows it (all providers, bars
/// by size, every period): what a server puts into the element's shadow root. Controls that
/// need the module keep their place, unseen, so nothing moves when it takes over.
pub fn page(doc: &OccupancyDoc, width: f64, lang: Lang, levels: Levels) -> String {
    let o = lang.texts().occ;
    let board = layout::scene(doc, lang);
    let mut w = Writer::new();
    w.open("section")
        .attr("class", "fw-root fw-occupancy fw-theme-light fw-rendered")
        .attr("lang", lang.as_str())
        .attr("aria-label", lang.texts().occupancy_name)
        .close_tag();
    w.open("header").attr("class", "fw-head").close_tag();
    head_text(&mut w, &board, levels);
    w.open("div")
        .attr("class", "fw-toolbar fw-head__tools fw-pending")
        .close_tag();
    // The export menu's button as the widget writes it (its entries come with the module).
    super::menu::menu(&mut w, &[], lang);
    w.end("div").end("header");
    overview(&mut w, &board, lang, levels);
    w.open("div").attr("class", "fw-grid").close_tag();
    if !doc.indicators.is_empty() {
        section_head(
            &mut w,
            "fw-section fw-section--wide fw-indicators",
            o.indicators_title,
            levels,
        );
        cards(&mut w, &indicators::cards(doc, lang), lang);
        for c in indicators::charts(doc, width, lang) {
            chart(&mut w, &c, lang);
        }
        for t in indicators::report(doc, lang) {
            html::table(&mut w, &t, lang, "fw-table--indicators");
        }
        w.end("section");
    }
    let has_series = !doc.series.is_empty();
    if has_series || (doc.indicators.is_empty() && doc.funding.is_empty()) {
        w.open("section")
            .attr("class", "fw-section fw-section--wide")
            .attr("aria-label", o.table_title)
            .close_tag();
        for c in layout::charts(doc, width, lang) {
            chart(&mut w, &c, lang);
        }
        if !has_series {
            w.element("p", "fw-note", o.no_series);
        }
        if board.table.columns.len() > 1 {
            html::table(&mut w, &board.table, lang, "fw-table--report");
        }
        w.end("section");
    }
    if board.has_bars {
        let bars = layout::bars(doc, None, layout::BarSort::Size, lang);
        section_head(&mut w, "fw-section fw-bars", &bars.title, levels);
        html::table(&mut w, &bars.table(lang), lang, "fw-table--bars");
        w.end("section");
    } else if doc.indicators.is_empty() && doc.funding.is_empty() {
        note_section(&mut w, o.providers_title, o.no_breakdown, levels);
    }
    sections(&mut w, &board, has_series, lang, levels);
    w.end("div");
    source(&mut w, &board, lang);
    w.end("section");
    w.out
}
