//! The map's parts around its drawing as markup, the same in the widget and wherever else they
//! are written: the day shown, the controls (date, comparison, zoom, table toggle), the legend,
//! the table views and the notes on geometry and source. The widget sets each into a box of its
//! own; one listener for clicks and one for changes on the toolbar read which control acted
//! (`data-fw-act` on a button, `data-fw-control` on a select). The export menu and the drawing's
//! events stay live views.

use super::{Levels, Writer, html};
use crate::i18n::Lang;
use crate::layout::map::{ChangeKind, Comparison, MapScene};
use crate::model::common::Day;
use crate::model::indicator::Period;

/// What a button of the map's toolbar does, as written in its `data-fw-act`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// The change day before the one shown (`◀`).
    Earlier,
    /// The change day after it (`▶`).
    Later,
    /// The table view on or off.
    Table,
}

impl Act {
    const ALL: [Act; 3] = [Act::Earlier, Act::Later, Act::Table];

    /// Its name in `data-fw-act`.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Earlier => "earlier",
            Act::Later => "later",
            Act::Table => "table",
        }
    }

    /// The act a `data-fw-act` names.
    ///
    /// ```
    /// use foerderweg::render::map::Act;
    /// assert_eq!(Act::parse("later"), Some(Act::Later));
    /// assert_eq!(Act::parse("<script>"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// Which select of the map's toolbar changed, as written in its `data-fw-control`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The change day shown (an ISO date).
    Date,
    /// The earlier period compared ("Vergleich"; empty: no comparison).
    Compare,
    /// The later period ("mit").
    CompareTo,
    /// How ("als": `difference` or `percent`).
    CompareKind,
    /// The region zoomed to (its id; empty: the whole map).
    Zoom,
}

impl Control {
    const ALL: [Control; 5] = [
        Control::Date,
        Control::Compare,
        Control::CompareTo,
        Control::CompareKind,
        Control::Zoom,
    ];

    /// Its name in `data-fw-control`.
    pub fn as_str(self) -> &'static str {
        match self {
            Control::Date => "date",
            Control::Compare => "compare",
            Control::CompareTo => "compare-to",
            Control::CompareKind => "compare-kind",
            Control::Zoom => "zoom",
        }
    }

    /// The control a `data-fw-control` names.
    ///
    /// ```
    /// use foerderweg::render::map::Control;
    /// assert_eq!(Control::parse("compare-to"), Some(Control::CompareTo));
    /// assert_eq!(Control::parse(""), None);
    /// ```
    pub fn parse(name: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// The change days, each with its name, and the index of the one shown.
pub type DateChoice = (Vec<(Day, String)>, Option<usize>);

/// The regions in force (id, name) and the id of the one zoomed to.
pub type ZoomChoice = (Vec<(String, String)>, Option<String>);

/// The state of the map's controls, as the widget holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Controls {
    /// The change days with their names, and which one is shown: `None` when there is no day
    /// to pick (one change day, or two periods compared).
    pub dates: Option<DateChoice>,
    /// The periods of the figures and the comparison in force: `None` with fewer than two.
    pub compare: Option<(Vec<Period>, Option<Comparison>)>,
    /// The regions in force (id, name) and the one zoomed to: `None` on a map without regions.
    pub zoom: Option<ZoomChoice>,
    /// The table view is on.
    pub table: bool,
}

/// The map's controls in the toolbar: earlier and later buttons around a select of the change
/// days; selects of two periods to compare and of how; the select of the region to zoom to;
/// the table toggle. Each select has its choice `selected` in the markup, so a select written
/// again shows what was chosen.
pub fn controls(w: &mut Writer, c: &Controls, lang: Lang) {
    let m = lang.texts().map;
    if let Some((days, at)) = &c.dates {
        w.open("div")
            .attr("class", "fw-control fw-map-date")
            .close_tag();
        // At either end a button stays in the tab order (the focus is not lost to the page
        // when it reaches the end): `aria-disabled`, and its name says why.
        let first = at.is_none_or(|i| i == 0);
        step_button(w, Act::Earlier, first, [m.earlier, m.at_first], "◀");
        w.open("label").close_tag();
        w.element("span", "fw-control__label", m.date_label);
        select(w, Control::Date);
        for (i, (day, name)) in days.iter().enumerate() {
            option(w, &Period::Day(day.0).wire(), *at == Some(i), false, name);
        }
        w.end("select").end("label");
        let last = at.is_none_or(|i| i + 1 >= days.len());
        step_button(w, Act::Later, last, [m.later, m.at_last], "▶");
        w.end("div");
    }
    if let Some((periods, on)) = &c.compare {
        w.open("div")
            .attr("class", "fw-control fw-map-compare")
            .close_tag();
        labelled(w, m.compare_label, Control::Compare);
        option(w, "", on.is_none(), false, m.compare_none);
        for p in periods {
            let chosen = on.is_some_and(|c| c.from == *p);
            option(w, &p.wire(), chosen, false, &lang.period(*p));
        }
        w.end("select").end("label");
        if let Some(on) = on {
            labelled(w, m.compare_with, Control::CompareTo);
            for p in periods.iter().filter(|p| **p != on.from) {
                option(w, &p.wire(), on.to == *p, false, &lang.period(*p));
            }
            w.end("select").end("label");
            labelled(w, m.compare_as, Control::CompareKind);
            for (kind, name) in [
                (ChangeKind::Difference, m.difference),
                (ChangeKind::Percent, m.percent),
            ] {
                option(w, kind.as_str(), on.kind == kind, false, name);
            }
            w.end("select").end("label");
        }
        w.end("div");
    }
    if let Some((regions, zoomed)) = &c.zoom {
        w.open("label").attr("class", "fw-control").close_tag();
        w.element("span", "fw-control__label", m.zoom_label);
        select(w, Control::Zoom);
        option(w, "", zoomed.is_none(), false, m.whole);
        for (id, label) in regions {
            option(w, id, zoomed.as_deref() == Some(id), true, label);
        }
        w.end("select").end("label");
    }
    w.open("button")
        .attr("type", "button")
        .attr("class", "fw-button")
        .attr("data-fw-act", Act::Table.as_str())
        .attr("aria-pressed", if c.table { "true" } else { "false" })
        .close_tag()
        .text(m.show_table)
        .end("button");
}

/// `◀` or `▶`: named `names[0]`, or `names[1]` (and `aria-disabled`) at the end it moves to.
fn step_button(w: &mut Writer, act: Act, at_end: bool, names: [&str; 2], glyph: &str) {
    w.open("button")
        .attr("type", "button")
        .attr("class", "fw-button")
        .attr("data-fw-act", act.as_str())
        .attr("aria-label", names[usize::from(at_end)]);
    if at_end {
        w.attr("aria-disabled", "true");
    }
    w.close_tag();
    w.open("span").attr("aria-hidden", "true").close_tag();
    w.text(glyph).end("span").end("button");
}

/// `<label><span>name</span><select …>`: options and both ends follow.
fn labelled(w: &mut Writer, name: &str, control: Control) {
    w.open("label").close_tag();
    w.element("span", "fw-control__label", name);
    select(w, control);
}

fn select(w: &mut Writer, control: Control) {
    w.open("select")
        .attr("class", "fw-select")
        .attr("data-fw-control", control.as_str())
        .close_tag();
}

/// An option; `data` marks its text as the document's (its language).
fn option(w: &mut Writer, value: &str, selected: bool, data: bool, text: &str) {
    w.open("option").attr("value", value);
    if selected {
        w.attr("selected", "");
    }
    if let Some(l) = w.data_lang.filter(|_| data) {
        w.attr("lang", l);
    }
    w.close_tag().text(text).end("option");
}

/// The id of the map's title, which names its figure (`aria-labelledby`).
pub const TITLE_ID: &str = "fw-map-title";

/// The map's title (from the document, or "Karte"), with the id that names the figure when
/// `id`.
fn title(w: &mut Writer, levels: Levels, text: &str, id: bool) {
    let tag = levels.tag(0);
    w.open(tag).attr("class", "fw-title");
    if id {
        w.attr("id", TITLE_ID);
    }
    if let Some(l) = w.data_lang {
        w.attr("lang", l);
    }
    w.close_tag().text(text).end(tag);
}

/// The map before its geometry is there: the title and a status, that it loads or why it could
/// not be loaded (`failed`) with a button that loads it again (`data-fw-action="retry"`).
pub fn status(w: &mut Writer, levels: Levels, text: &str, failed: Option<&str>, lang: Lang) {
    let t = lang.texts();
    title(w, levels, text, false);
    match failed {
        Some(why) => {
            w.open("p")
                .attr("class", "fw-status fw-status--error")
                .attr("role", "alert")
                .close_tag();
            w.text(&crate::i18n::fill(t.diag.geometry_unavailable, why, ""));
            w.text(" ").open("button");
            w.attr("type", "button")
                .attr("class", "fw-button")
                .attr("data-fw-action", "retry")
                .close_tag()
                .text(t.retry)
                .end("button")
                .end("p");
        }
        None => {
            w.element("p", "fw-status", t.map.loading_geometry);
        }
    }
}

/// The map's head: its title, the day it shows (`Stand der Zuordnung: 15.08.2017`) when it
/// shows one, then the summary under the head.
pub fn head(w: &mut Writer, levels: Levels, text: &str, scene: &MapScene, lang: Lang) {
    w.open("header").attr("class", "fw-head").close_tag();
    title(w, levels, text, true);
    if let Some(d) = &scene.date {
        w.element(
            "p",
            "fw-asof",
            &format!("{}: {d}", lang.texts().map.date_label),
        );
    }
    w.end("header");
    w.element("p", "fw-summary", &scene.summary);
}

/// The id of the line that tells the map's keys: it describes the drawing.
pub const KEYS_HINT: &str = "fw-keys";

/// The figure's caption: the legend, then the line that tells the keys.
pub fn caption(w: &mut Writer, scene: &MapScene, lang: Lang) {
    legend(w, scene);
    w.open("p")
        .attr("class", "fw-hint")
        .attr("id", KEYS_HINT)
        .close_tag()
        .text(lang.texts().map.keys)
        .end("p");
}

/// The legend: its title (from the document) and a swatch for each class.
pub fn legend(w: &mut Writer, scene: &MapScene) {
    if scene.legend.is_empty() {
        return;
    }
    w.open("div").attr("class", "fw-map-legend").close_tag();
    w.open("p").attr("class", "fw-legend__title");
    if let Some(l) = w.data_lang {
        w.attr("lang", l);
    }
    w.close_tag().text(&scene.legend_title).end("p");
    w.open("ul").attr("class", "fw-legend").close_tag();
    for e in &scene.legend {
        w.open("li").close_tag();
        w.open("svg")
            .attr("class", "fw-swatch-area")
            .attr("width", "18")
            .attr("height", "14")
            .attr("viewBox", "0 0 18 14")
            .attr("aria-hidden", "true")
            .close_tag();
        w.open("rect")
            .attr("class", &format!("fw-unit {}", e.class))
            .attr("x", "0.5")
            .attr("y", "0.5")
            .attr("width", "17")
            .attr("height", "13")
            .end_empty();
        w.end("svg").text(&e.text).end("li");
    }
    w.end("ul").end("div");
}

/// The table views: regions (when there are any), areas, markers.
pub fn tables(w: &mut Writer, scene: &MapScene, lang: Lang) {
    let classes = ["fw-table--regions", "fw-table--areas", "fw-table--markers"];
    let skip = usize::from(scene.regions.is_empty());
    w.open("div").attr("class", "fw-map-tables").close_tag();
    for (i, t) in scene.tables(lang).iter().enumerate() {
        html::table(w, t, lang, classes[(i + skip).min(2)]);
    }
    w.end("div");
}

/// Where the geometry comes from (the licence's attribution) and where the figures do.
pub fn notes(w: &mut Writer, attribution: Option<&str>, source: Option<&str>, lang: Lang) {
    let t = lang.texts();
    if let Some(a) = attribution.filter(|a| !a.is_empty()) {
        w.element(
            "p",
            "fw-attribution",
            &format!("{}: {a}", t.map.geometry_note),
        );
    }
    html::source(w, source, lang);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(m: u32, d: u32) -> Day {
        Day(NaiveDate::from_ymd_opt(2017, m, d).unwrap_or_default())
    }

    fn written(c: &Controls) -> String {
        let mut w = Writer::new();
        controls(&mut w, c, Lang::De);
        w.out
    }

    #[test]
    fn each_select_shows_its_choice_when_written_again() {
        let days = vec![
            (day(7, 1), "bis 14.08.2017".into()),
            (day(8, 15), "15.08.2017".into()),
        ];
        let (q3, q4) = (Period::Quarter(2017, 3), Period::Quarter(2017, 4));
        let on = Comparison {
            from: q3,
            to: q4,
            kind: ChangeKind::Percent,
        };
        let html = written(&Controls {
            dates: Some((days, Some(1))),
            compare: Some((vec![q3, q4], Some(on))),
            zoom: Some((
                vec![("a".into(), "A".into()), ("b".into(), "B".into())],
                Some("b".into()),
            )),
            table: true,
        });
        for chosen in [
            r#"<option value="2017-08-15" selected="">15.08.2017</option>"#,
            r#"data-fw-control="compare"><option value="">kein Vergleich</option><option value="2017-Q3" selected="">"#,
            r#"data-fw-control="compare-to"><option value="2017-Q4" selected="">"#,
            r#"<option value="percent" selected="">Prozent</option>"#,
            r#"<option value="b" selected="">B</option>"#,
            r#"data-fw-act="table" aria-pressed="true""#,
        ] {
            assert!(html.contains(chosen), "{chosen} in {html}");
        }
        assert_eq!(html.matches(" selected=\"\"").count(), 5, "{html}");
        // At the last day, "later" says so and stays in the tab order; "earlier" is free.
        assert!(html.contains(r#"data-fw-act="later" aria-label="Spätere Zuordnung (die späteste ist schon gezeigt)" aria-disabled="true""#), "{html}");
        assert!(
            html.contains(r#"data-fw-act="earlier" aria-label="Frühere Zuordnung"><span"#),
            "{html}"
        );
    }

    #[test]
    fn no_comparison_and_no_regions_leave_their_controls_out() {
        let html = written(&Controls {
            dates: None,
            compare: Some((vec![Period::Year(2017), Period::Year(2018)], None)),
            zoom: None,
            table: false,
        });
        assert!(
            html.contains(r#"<option value="" selected="">kein Vergleich</option>"#),
            "{html}"
        );
        for absent in [
            "fw-map-date",
            "compare-to",
            "compare-kind",
            "data-fw-control=\"zoom\"",
        ] {
            assert!(!html.contains(absent), "{absent} in {html}");
        }
    }

    #[test]
    fn region_names_are_text() {
        let mut w = Writer::new();
        w.data_lang = Some("en");
        let hostile = "<img src=x onerror=alert(1)>\"";
        let c = Controls {
            zoom: Some((vec![("\"><x".into(), hostile.into())], None)),
            ..Controls::default()
        };
        controls(&mut w, &c, Lang::De);
        assert!(
            !w.out.contains("<img") && !w.out.contains("\"><x"),
            "{}",
            w.out
        );
        assert!(
            w.out
                .contains(r#"<option value="&quot;&gt;&lt;x" lang="en">&lt;img"#),
            "{}",
            w.out
        );
    }
}
