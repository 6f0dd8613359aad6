//! The timeline's parts, written alike in the browser and on the server: its toolbar (whose
//! buttons name what they do in `data-fw-act`, read by one listener in the widget) and the whole
//! widget as it first shows one participant ([`page`]), for a server that renders it.

use super::{Levels, Writer, html};
use crate::i18n::Lang;
use crate::layout::timeline::{self as layout, Window};
use crate::model::timeline::TimelineDoc;
use chrono::NaiveDate;

/// The id of the line that tells the keys; the drawing names it as its description.
pub const KEYS_HINT: &str = "fw-keys";

/// What a toolbar button does, as written in its `data-fw-act`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Back from one participant to the cohort.
    Back,
    /// Zoom out (`−`).
    ZoomOut,
    /// Zoom in (`+`).
    ZoomIn,
    /// Move the window a quarter to the past.
    Earlier,
    /// Move it a quarter to the future.
    Later,
    /// Three months around today.
    Months3,
    /// A year around today.
    Year,
    /// Everything (the participant open, or everyone).
    Fit,
    /// The table view on or off.
    Table,
}

impl Act {
    const ALL: [Act; 9] = [
        Act::Back,
        Act::ZoomOut,
        Act::ZoomIn,
        Act::Earlier,
        Act::Later,
        Act::Months3,
        Act::Year,
        Act::Fit,
        Act::Table,
    ];

    /// Its name in `data-fw-act`.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Back => "back",
            Act::ZoomOut => "zoom-out",
            Act::ZoomIn => "zoom-in",
            Act::Earlier => "earlier",
            Act::Later => "later",
            Act::Months3 => "months-3",
            Act::Year => "year",
            Act::Fit => "fit",
            Act::Table => "table",
        }
    }

    /// The act a `data-fw-act` names.
    ///
    /// ```
    /// use foerderweg::render::timeline::Act;
    /// assert_eq!(Act::parse("zoom-in"), Some(Act::ZoomIn));
    /// assert_eq!(Act::parse("<script>"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// The window after this act, for the acts that move it (`fit` is the window that shows
    /// everything in view, `today` the day the timeline is as of).
    pub fn moved(self, window: Window, fit: Window, today: NaiveDate) -> Option<Window> {
        Some(match self {
            Act::ZoomOut => window.zoom(1.5, 0.5),
            Act::ZoomIn => window.zoom(1.0 / 1.5, 0.5),
            Act::Earlier => window.pan(-0.25),
            Act::Later => window.pan(0.25),
            Act::Months3 => Window::around_today(today, 3),
            Act::Year => Window::around_today(today, 12),
            Act::Fit => fit,
            Act::Back | Act::Table => return None,
        })
    }
}

/// The toolbar's buttons: back (shown with one participant open from a cohort), the window's
/// zoom and pan, and the table view's toggle (`table`: it is on). The export menu follows them
/// in the widget.
pub fn toolbar(w: &mut Writer, lang: Lang, back: bool, table: bool) {
    let t = lang.texts().tl;
    w.open("button")
        .attr("type", "button")
        .attr("class", "fw-button fw-button--quiet")
        .attr("data-fw-act", Act::Back.as_str());
    if !back {
        w.attr("hidden", "");
    }
    w.close_tag();
    w.open("span").attr("aria-hidden", "true").close_tag();
    w.text("← ").end("span").text(t.back).end("button");
    w.open("span").attr("class", "fw-zoom").close_tag();
    for (act, name, text) in [
        (Act::ZoomOut, Some(t.zoom_out), "−"),
        (Act::ZoomIn, Some(t.zoom_in), "+"),
        (Act::Earlier, Some(t.earlier), "←"),
        (Act::Later, Some(t.later), "→"),
        (Act::Months3, None, t.three_months),
        (Act::Year, None, t.one_year),
        (Act::Fit, None, t.fit),
    ] {
        w.open("button")
            .attr("type", "button")
            .attr("class", "fw-button fw-button--small")
            .attr("data-fw-act", act.as_str());
        if let Some(name) = name {
            w.attr("aria-label", name).attr("title", name);
        }
        w.close_tag().text(text).end("button");
    }
    w.end("span");
    w.open("button")
        .attr("type", "button")
        .attr("class", "fw-button fw-button--quiet")
        .attr("data-fw-act", Act::Table.as_str())
        .attr("aria-pressed", if table { "true" } else { "false" })
        .close_tag()
        .text(t.show_table)
        .end("button");
}

/// The participant's heading over the single view: the name and, where given, the programme.
pub fn participant_heading(label: &str, programme: Option<&str>) -> String {
    match programme {
        Some(p) => format!("{label} · {p}"),
        None => label.to_string(),
    }
}

/// The head's line under the title: the day the timeline is as of.
pub fn as_of(today: NaiveDate, lang: Lang) -> String {
    format!("{} {}", lang.texts().tl.today, lang.date(today))
}

/// The whole timeline of a document of one participant as the widget first shows it at
/// `width`, for a server to put into the element's shadow root: head, summary, toolbar, the
/// participant's path, the key hint and the source. Its controls keep their place unseen
/// (`fw-pending`) until the module takes over. `None` for a cohort (the widget's list is the
/// module's; the server writes the cohort's figure and table instead).
pub fn page(
    doc: &TimelineDoc,
    width: f64,
    today: NaiveDate,
    lang: Lang,
    levels: Levels,
) -> Option<String> {
    let [p] = doc.participants.as_slice() else {
        return None;
    };
    let window = Window::fit(&[p], today);
    let scene = layout::single(doc, 0, window, layout::plot_for(width), today, lang)
        .map(|s| layout::single_scene(&s, width, &p.label, lang))?;
    let mut w = Writer::new();
    w.open("section")
        .attr("class", "fw-root fw-timeline fw-theme-light fw-rendered")
        .attr("lang", lang.as_str())
        .attr("aria-label", lang.texts().timeline_name)
        .close_tag();
    w.open("header").attr("class", "fw-head").close_tag();
    html::head(
        &mut w,
        levels,
        doc.title.as_deref(),
        [None, Some(&as_of(today, lang))],
    );
    w.end("header");
    w.element("p", "fw-summary", &layout::single_summary(p, today, lang));
    w.open("div")
        .attr("class", "fw-toolbar fw-pending")
        .attr("aria-hidden", "true")
        .close_tag();
    toolbar(&mut w, lang, false, false);
    w.open("span").attr("class", "fw-menu").close_tag();
    w.element(
        "span",
        "fw-button fw-menu__button",
        lang.texts().export.menu,
    );
    w.end("span").end("div");
    let name = participant_heading(&p.label, p.programme.as_deref());
    w.open("section")
        .attr("class", "fw-single")
        .attr("aria-label", &p.label)
        .close_tag();
    html::heading(&mut w, levels, 1, "fw-heading", &name, true);
    w.open("div").attr("class", "fw-plot").close_tag();
    w.open("div").attr("class", "fw-plot__marks").close_tag();
    w.out
        .push_str(&super::svg::drawing_described(&scene, KEYS_HINT));
    w.end("div").end("div");
    // The table view for a reader without script; the module shows its own on request.
    w.open("noscript").close_tag();
    html::table(
        &mut w,
        &layout::single_table(p, today, lang),
        lang,
        "fw-table--timeline",
    );
    w.end("noscript").end("section");
    w.open("p")
        .attr("class", "fw-hint fw-pending")
        .attr("id", KEYS_HINT)
        .close_tag()
        .text(lang.texts().tl.keys)
        .end("p");
    html::source(&mut w, doc.source.as_deref(), lang);
    w.end("section");
    Some(w.out)
}

/// A cohort row of the list: a list item (where it stands among all `total` rows, since only a
/// slice is drawn) holding the button that opens the participant, named by the row's sentence,
/// with its label and its drawing `width` wide. Out of the tab order: the widget gives its one
/// tab stop to a row. The label is the document's text (its language where it is not the
/// widget's, `w.data_lang`).
pub fn row(w: &mut Writer, r: &layout::Row, width: f64, total: usize) {
    let (position, setsize) = ((r.position + 1).to_string(), total.to_string());
    w.open("div")
        .attr("role", "listitem")
        .attr("class", "fw-row-item")
        .attr("aria-posinset", &position)
        .attr("aria-setsize", &setsize)
        .close_tag();
    w.open("button")
        .attr("type", "button")
        .attr("class", &format!("fw-row fw-row--{}", r.status))
        .attr("data-fw-select", &r.id)
        .attr("data-fw-kind", "participant")
        .attr("data-fw-row", &r.position.to_string())
        .attr("data-fw-index", &r.index.to_string())
        .attr("tabindex", "-1")
        .attr("aria-label", &r.text)
        .close_tag();
    w.open("span")
        .attr("class", "fw-row__label")
        .attr("aria-hidden", "true");
    if let Some(lang) = w.data_lang {
        w.attr("lang", lang);
    }
    w.close_tag().text(&r.label).end("span");
    w.open("span")
        .attr("class", "fw-drawing")
        .attr("aria-hidden", "true")
        .close_tag();
    let drawing = super::svg::drawing_in(&layout::row_scene(r, width), w.data_lang);
    w.out.push_str(&drawing);
    w.end("span").end("button").end("div");
}

/// The head of a printed case file (`layout::timeline::case_file`): each field's name and value.
pub fn case_file(w: &mut Writer, fields: &[(&str, String)]) {
    w.open("dl").attr("class", "fw-casefile").close_tag();
    for (name, value) in fields {
        w.open("div").close_tag();
        w.open("dt").close_tag().text(name).end("dt");
        w.open("dd").close_tag().text(value).end("dd");
        w.end("div");
    }
    w.end("dl");
}

/// Which of the cohort's menus a `<select>` is, as written in its `data-fw-filter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// The order of the rows.
    Sort,
    /// The participant's status.
    Status,
    /// A provider of any phase.
    Provider,
    /// The programme.
    Programme,
    /// A kind of phase.
    Kind,
}

impl Menu {
    const ALL: [Menu; 5] = [
        Menu::Sort,
        Menu::Status,
        Menu::Provider,
        Menu::Programme,
        Menu::Kind,
    ];

    /// Its name in `data-fw-filter`.
    pub fn as_str(self) -> &'static str {
        match self {
            Menu::Sort => "sort",
            Menu::Status => "status",
            Menu::Provider => "provider",
            Menu::Programme => "programme",
            Menu::Kind => "kind",
        }
    }

    /// The menu a `data-fw-filter` names.
    pub fn parse(name: &str) -> Option<Menu> {
        Menu::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// `filter` with this menu's choice set to `value` (`""`: all); the sort menu sets no
    /// filter.
    ///
    /// ```
    /// use foerderweg::layout::timeline::Filter;
    /// use foerderweg::render::timeline::Menu;
    /// let f = Menu::Provider.chosen(Filter::default(), "Träger 1");
    /// assert_eq!(f.provider.as_deref(), Some("Träger 1"));
    /// assert_eq!(Menu::Provider.chosen(f, "").provider, None);
    /// ```
    pub fn chosen(self, mut filter: layout::Filter, value: &str) -> layout::Filter {
        let value = (!value.is_empty()).then(|| value.to_string());
        match self {
            Menu::Status => filter.status = value,
            Menu::Provider => filter.provider = value,
            Menu::Programme => filter.programme = value,
            Menu::Kind => filter.kind = value,
            Menu::Sort => {}
        }
        filter
    }
}

/// Names from the data as options: each its own value and text.
fn named(names: &[String]) -> Vec<(&str, &str)> {
    names.iter().map(|x| (x.as_str(), x.as_str())).collect()
}

/// One labelled `<select>`: its options as (value, text), the one chosen `selected`; `data`
/// says the texts are the document's (providers, programmes).
fn select(
    w: &mut Writer,
    menu: Menu,
    label: &str,
    options: &[(&str, &str)],
    chosen: &str,
    data: bool,
) {
    w.open("label").attr("class", "fw-field").close_tag();
    w.open("span").close_tag().text(label).text(" ").end("span");
    w.open("select")
        .attr("class", "fw-select")
        .attr("data-fw-filter", menu.as_str())
        .close_tag();
    for (value, text) in options {
        w.open("option").attr("value", value);
        if *value == chosen {
            w.attr("selected", "");
        }
        if let Some(lang) = w.data_lang.filter(|_| data && !value.is_empty()) {
            w.attr("lang", lang);
        }
        w.close_tag().text(text).end("option");
    }
    w.end("select").end("label");
}

/// The cohort's menus: its order, then a filter each on status, provider (where the data names
/// any), programme (where it names more than one) and kind of phase, with `filter` and `sort`
/// chosen.
pub fn filters(
    w: &mut Writer,
    (providers, programmes, kinds): &layout::Choices,
    sort: layout::CohortSort,
    filter: &layout::Filter,
    lang: Lang,
) {
    let t = lang.texts().tl;
    let sorts: Vec<(&str, &str)> = layout::CohortSort::ALL
        .iter()
        .map(|s| (s.as_str(), s.label(lang)))
        .collect();
    select(w, Menu::Sort, t.sort_by, &sorts, sort.as_str(), false);
    let all = ("", t.all);
    let menu = |w: &mut Writer,
                menu: Menu,
                label: &str,
                options: Vec<(&str, &str)>,
                chosen: &Option<String>,
                data: bool| {
        let options: Vec<(&str, &str)> = std::iter::once(all).chain(options).collect();
        select(
            w,
            menu,
            label,
            &options,
            chosen.as_deref().unwrap_or(""),
            data,
        );
    };
    let statuses = ["active", "waiting", "exited", "terminated"]
        .into_iter()
        .map(|s| (s, crate::i18n::name_of(t.statuses, s)))
        .collect();
    menu(
        w,
        Menu::Status,
        t.filter_status,
        statuses,
        &filter.status,
        false,
    );
    if !providers.is_empty() {
        menu(
            w,
            Menu::Provider,
            t.filter_provider,
            named(providers),
            &filter.provider,
            true,
        );
    }
    if programmes.len() > 1 {
        menu(
            w,
            Menu::Programme,
            t.filter_programme,
            named(programmes),
            &filter.programme,
            true,
        );
    }
    let kinds = kinds
        .iter()
        .map(|k| (*k, crate::i18n::name_of(t.phase_kinds, k)))
        .collect();
    menu(w, Menu::Kind, t.filter_kind, kinds, &filter.kind, false);
}
