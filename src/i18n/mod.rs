//! Language: the widget's text tables and the German and English formats of numbers, dates and
//! percentages. Pure Rust, no browser.

mod de;
mod en;
mod labels;

pub use labels::Rejected;
use labels::text_table;

use chrono::{Datelike, NaiveDate};

/// A language the widgets speak. German is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German (`de`), the default.
    #[default]
    De,
    /// English (`en`).
    En,
}

impl Lang {
    /// Reads a `lang` attribute or document field: `de`, `en`, or a tag such as `en-GB`.
    /// Anything else is `None`, so the caller can fall back (and say so).
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::parse("DE"), Some(Lang::De));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag, for the `lang` attribute of the widget's root.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    fn separators(self) -> (char, char) {
        match self {
            Lang::De => (',', '.'),
            Lang::En => ('.', ','),
        }
    }

    /// A number with `decimals` digits after the separator and grouped thousands.
    /// Not-finite values are written as a dash, never as `NaN`.
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// assert_eq!(Lang::De.number(1234.5, 1), "1.234,5");
    /// assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
    /// assert_eq!(Lang::De.number(-9250000.0, 0), "−9.250.000");
    /// ```
    pub fn number(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let (decimal_sep, group_sep) = self.separators();
        let fixed = crate::scene::num::decimal(value.abs(), decimals as u32);
        let (int_part, frac_part) = match fixed.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (fixed.as_str(), None),
        };
        let mut out = String::with_capacity(fixed.len() + 4);
        // A value that rounds to zero is written without a sign.
        if value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            out.push('−');
        }
        let digits = int_part.len();
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 {
                out.push(group_sep);
            }
            out.push(ch);
        }
        if let Some(frac) = frac_part {
            out.push(decimal_sep);
            out.push_str(frac);
        }
        out
    }

    /// A whole number with grouped thousands: `1.234` / `1,234`.
    pub fn integer(self, value: i64) -> String {
        self.number(value as f64, 0)
    }

    /// A ratio (0.982) as a percentage with one decimal: `98,2 %` in German (with the narrow
    /// no-break space DIN 5008 asks for), `98.2%` in English.
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// assert_eq!(Lang::De.percent(111.0 / 113.0), "98,2\u{202f}%");
    /// assert_eq!(Lang::En.percent(111.0 / 113.0), "98.2%");
    /// ```
    pub fn percent(self, ratio: f64) -> String {
        let n = self.number(ratio * 100.0, 1);
        match self {
            Lang::De => format!("{n}\u{202f}%"),
            Lang::En => format!("{n}%"),
        }
    }

    /// Euro, without cents: `13.900.000 €` / `€13,900,000`.
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// assert_eq!(Lang::De.euro(570000.0), "570.000\u{a0}€");
    /// assert_eq!(Lang::En.euro(570000.0), "€570,000");
    /// ```
    pub fn euro(self, amount: f64) -> String {
        let n = self.number(amount, 0);
        match self {
            Lang::De => format!("{n}\u{a0}€"),
            Lang::En => format!("€{n}"),
        }
    }

    /// A change with its sign: `+3`, `−2`, `±0`.
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// assert_eq!(Lang::De.signed(1234.0, 0), "+1.234");
    /// assert_eq!(Lang::En.signed(-0.5, 1), "−0.5");
    /// assert_eq!(Lang::De.signed(0.0, 0), "±0");
    /// ```
    pub fn signed(self, delta: f64, decimals: usize) -> String {
        let text = self.number(delta.abs(), decimals);
        let zero = self.number(0.0, decimals);
        if text == zero {
            format!("±{zero}")
        } else if delta > 0.0 {
            format!("+{text}")
        } else {
            format!("−{text}")
        }
    }

    /// A period as people write it: `01.07.2014`, `Jul 2014`, `3. Quartal 2019`, `2019`.
    pub fn period(self, period: crate::model::indicator::Period) -> String {
        use crate::model::indicator::Period;
        match period {
            Period::Day(d) => self.date(d),
            Period::Month(y, m) => {
                let months = self.texts().occ.months;
                format!("{} {y}", months[(m as usize).clamp(1, 12) - 1])
            }
            Period::Quarter(y, q) => fill(self.texts().occ.quarter, &q.to_string(), &y.to_string()),
            Period::Year(y) => y.to_string(),
        }
    }

    /// A date: `01.12.2018` in German, ISO `2018-12-01` in English.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use foerderweg::i18n::Lang;
    /// let d = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap_or_default();
    /// assert_eq!(Lang::De.date(d), "01.12.2018");
    /// assert_eq!(Lang::En.date(d), "2018-12-01");
    /// ```
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::De => format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year()),
            Lang::En => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
        }
    }

    /// "1 Teilnehmende/r" vs "2 Teilnehmende": picks the singular or plural form and writes the
    /// count in this language's number format.
    pub fn count(self, n: usize, forms: (&str, &str)) -> String {
        let word = if n == 1 { forms.0 } else { forms.1 };
        format!("{} {}", self.integer(n as i64), word)
    }
}

text_table! {
/// Every fixed string a widget shows, in one language. A field per string keeps the two tables
/// complete: a missing translation is a compile error, not a blank label.
#[derive(Clone, Debug)]
pub struct Texts {
    /// Accessible name of the timeline widget.
    pub timeline_name: &'static str,
    /// Accessible name of the occupancy widget.
    pub occupancy_name: &'static str,
    /// Accessible name of the map widget.
    pub map_name: &'static str,
    /// Shown while no data has arrived yet.
    pub waiting: &'static str,
    /// Shown while `src` is being fetched.
    pub loading: &'static str,
    /// Heading of the panel that lists errors.
    pub errors_heading: &'static str,
    /// Heading of the list of warnings.
    pub warnings_heading: &'static str,
    /// Heading of the list of records left out of a drawn document (its errors).
    pub left_out_heading: &'static str,
    /// Word before a JSON path.
    pub at_path: &'static str,
    /// "line" in "line 3, column 7".
    pub line: &'static str,
    /// "column".
    pub column: &'static str,
    /// Severity word for an error.
    pub error: &'static str,
    /// Severity word for a warning.
    pub warning: &'static str,
    /// Button that fetches `src` again.
    pub retry: &'static str,
    /// Stale data note, followed by a time.
    pub stale_since: &'static str,
    /// Participant, singular and plural.
    pub participants: (&'static str, &'static str),
    /// Phase, singular and plural.
    pub phases: (&'static str, &'static str),
    /// Event, singular and plural.
    pub events: (&'static str, &'static str),
    /// A sensitive phase or event (generalised or hidden), singular and plural.
    pub confidential_entries: (&'static str, &'static str),
    /// Goal, singular and plural.
    pub goals: (&'static str, &'static str),
    /// Provider, singular and plural.
    pub providers: (&'static str, &'static str),
    /// Project, singular and plural.
    pub projects: (&'static str, &'static str),
    /// Slot, singular and plural.
    pub slots: (&'static str, &'static str),
    /// Reporting date, singular and plural.
    pub reporting_dates: (&'static str, &'static str),
    /// Programme region, singular and plural.
    pub regions: (&'static str, &'static str),
    /// District, singular and plural.
    pub districts: (&'static str, &'static str),
    /// Marker, singular and plural.
    pub markers: (&'static str, &'static str),
    /// "Source" before the document's note on where its figures come from.
    pub source: &'static str,
    /// "as of" before a reporting date.
    pub as_of: &'static str,
    /// "and N more" after a cut list; `{n}` is replaced.
    pub and_more: &'static str,
    /// Note that the full widget view is still being built.
    pub preview_note: &'static str,
    /// Diagnostic texts.
    pub diag: &'static DiagTexts,
    /// Texts of the occupancy dashboard.
    pub occ: &'static OccupancyTexts,
    /// Texts of the timeline.
    pub tl: &'static TimelineTexts,
    /// The region map's texts.
    pub map: &'static MapTexts,
    /// Texts of the export menu.
    pub export: &'static ExportTexts,
    /// Button that holds the widget's `refresh`.
    pub pause_refresh: &'static str,
    /// Button that lets a held `refresh` run again.
    pub resume_refresh: &'static str,
    /// Said in the live region when a refresh brought new figures; `{a}` the time.
    pub figures_updated: &'static str,
}
}

text_table! {
/// Texts of the export menu (files and print).
#[derive(Clone, Debug)]
pub struct ExportTexts {
    /// The menu button.
    pub menu: &'static str,
    /// A table as a CSV file; `{a}` the table's title.
    pub csv: &'static str,
    /// A chart as an SVG file; `{a}` the chart's title.
    pub svg: &'static str,
    /// A chart as a PNG image; `{a}` the chart's title.
    pub png: &'static str,
    /// Print the widget with its tables.
    pub print: &'static str,
    /// Said after a file was offered; `{a}` the file name.
    pub done: &'static str,
    /// The PNG could not be made: the page's Content-Security-Policy blocks `data:` and `blob:` images.
    pub png_failed: &'static str,
    /// The PNG could not be made: the browser could not read the chart as an image.
    pub png_unreadable: &'static str,
    /// The PNG could not be made: the picture is larger than a canvas may be in this browser.
    pub png_too_large: &'static str,
    /// No file could be made of the chart; `{a}` the browser's reason.
    pub image_failed: &'static str,
    /// Title of the timeline chart of one participant; `{a}` the participant.
    pub path_of: &'static str,
    /// Title of the map image.
    pub map: &'static str,
    /// Head of a CSV column beside a figure column that says why a figure is missing or may
    /// change (`unterdrückt`, `vorläufig`); `{a}` the figure column's head.
    pub csv_status: &'static str,
}
}

text_table! {
/// Texts of the support-plan timeline.
#[derive(Clone, Debug)]
pub struct TimelineTexts {
    /// An open phase.
    pub ongoing: &'static str,
    /// The today line.
    pub today: &'static str,
    /// Duration in days; `{a}` the number.
    pub days: &'static str,
    /// Duration of one day.
    pub one_day: &'static str,
    /// Duration in weeks; `{a}` the number.
    pub weeks: &'static str,
    /// Planned end; `{a}` the date.
    pub planned_until: &'static str,
    /// An end after the planned end; `{a}` days.
    pub ended_late: &'static str,
    /// Lane of single-day events.
    pub events_lane: &'static str,
    /// Lane of goals.
    pub goals_lane: &'static str,
    /// Lane of the exit.
    pub exit_lane: &'static str,
    /// Exit marker; `{a}` the outcome.
    pub exit: &'static str,
    /// Reason; `{a}`.
    pub reason: &'static str,
    /// Follow-up; `{a}`.
    pub follow_up: &'static str,
    /// A goal's due date; `{a}`.
    pub due: &'static str,
    /// Button.
    pub zoom_in: &'static str,
    /// Button.
    pub zoom_out: &'static str,
    /// Button: pan left.
    pub earlier: &'static str,
    /// Button: pan right.
    pub later: &'static str,
    /// Button: show everything (Home).
    pub fit: &'static str,
    /// Preset.
    pub three_months: &'static str,
    /// Preset.
    pub one_year: &'static str,
    /// What a timeline drawing is, for screen readers (`aria-roledescription`).
    pub drawing: &'static str,
    /// Keyboard help.
    pub keys: &'static str,
    /// Toggle to the table view.
    pub show_table: &'static str,
    /// Toggle back to the chart.
    pub show_chart: &'static str,
    /// Column head: what.
    pub what: &'static str,
    /// Column head: kind.
    pub kind: &'static str,
    /// Column head: from.
    pub from: &'static str,
    /// Column head: to.
    pub to: &'static str,
    /// Column head: planned end.
    pub planned_end: &'static str,
    /// Column head: provider.
    pub provider: &'static str,
    /// Column head: status.
    pub status: &'static str,
    /// Column head: participant.
    pub participant: &'static str,
    /// Sort menu label.
    pub sort_by: &'static str,
    /// Sort key.
    pub sort_start: &'static str,
    /// Sort key.
    pub sort_status: &'static str,
    /// Sort key.
    pub sort_provider: &'static str,
    /// Sort key.
    pub sort_exit: &'static str,
    /// Filter label.
    pub filter_status: &'static str,
    /// Filter label.
    pub filter_provider: &'static str,
    /// Filter label.
    pub filter_programme: &'static str,
    /// Filter label.
    pub filter_kind: &'static str,
    /// Filter value: no filter.
    pub all: &'static str,
    /// How many rows are shown; `{a}` of `{b}`.
    pub shown: &'static str,
    /// Button back to the cohort.
    pub back: &'static str,
    /// Accessible name of the cohort list.
    pub cohort: &'static str,
    /// No participants match.
    pub none: &'static str,
    /// A hidden sensitive event.
    pub hidden: &'static str,
    /// Sensitive entries left out: `{a}` ("2 vertrauliche Einträge").
    pub withheld: &'static str,
    /// The participant's paragraph: `{label}`, `{status}`, `{phases}` (counted), `{from}`.
    pub summary_single: &'static str,
    /// The phase under way: `{phase}`, `{since}`.
    pub summary_current: &'static str,
    /// Goals reached: `{goals}` (counted), `{achieved}`.
    pub summary_goals: &'static str,
    /// The cohort's paragraph: `{participants}`, `{from}`, `{to}`, `{providers}` (", 7 Träger"
    /// or nothing), `{today}`, `{statuses}` ("120 aktiv, 21 abgebrochen").
    pub summary_cohort: &'static str,
    /// Names of phase kinds by key.
    pub phase_kinds: &'static [(&'static str, &'static str)],
    /// Names of event kinds by key.
    pub event_kinds: &'static [(&'static str, &'static str)],
    /// Names of statuses by key.
    pub statuses: &'static [(&'static str, &'static str)],
    /// Names of outcomes by key.
    pub outcomes: &'static [(&'static str, &'static str)],
    /// The phases of a cohort row, in its name and as the table's column.
    pub phases_column: &'static str,
    /// The printed case file's header: the person's label.
    pub case_person: &'static str,
    /// The header: the programme.
    pub case_programme: &'static str,
    /// The header: the day the path is as of.
    pub case_as_of: &'static str,
    /// The header: the day it was printed.
    pub case_printed: &'static str,
    /// Legend: the hatched planned rest of a phase.
    pub legend_rest: &'static str,
    /// Legend: the arrow of a phase still running.
    pub legend_open: &'static str,
    /// Legend: a phase not begun (dashed outline).
    pub legend_planned: &'static str,
    /// Legend: a phase ended early (crossed, ✕).
    pub legend_terminated: &'static str,
}
}

text_table! {
/// Texts of the region map.
#[derive(Clone, Debug)]
pub struct MapTexts {
    /// Singular and plural of "area" (district or municipality).
    pub area_forms: (&'static str, &'static str),
    /// A programme region (tooltip, table).
    pub region: &'static str,
    /// Heading of the region table.
    pub regions_title: &'static str,
    /// Heading of the area table.
    pub areas_title: &'static str,
    /// Column: office.
    pub office: &'static str,
    /// Column: validity.
    pub valid: &'static str,
    /// Column: area name.
    pub area: &'static str,
    /// Column: official key.
    pub key: &'static str,
    /// Default legend title and column of the figure.
    pub value: &'static str,
    /// Column: areas of a region.
    pub areas: &'static str,
    /// Column: in force on the day shown.
    pub in_force: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// An open validity end.
    pub open: &'static str,
    /// Valid without dates.
    pub always: &'static str,
    /// No figure.
    pub no_data: &'static str,
    /// A withheld figure, short.
    pub suppressed: &'static str,
    /// A withheld figure, legend.
    pub suppressed_long: &'static str,
    /// Not in a region on the day shown.
    pub no_region: &'static str,
    /// Label of the date control.
    pub date_label: &'static str,
    /// Button: previous change of the assignment.
    pub earlier: &'static str,
    /// Button: next change.
    pub later: &'static str,
    /// Label of the zoom control.
    pub zoom_label: &'static str,
    /// Zoom option: the whole view.
    pub whole: &'static str,
    /// Button: show the tables.
    pub show_table: &'static str,
    /// Button: show the map.
    pub show_map: &'static str,
    /// Keyboard hint under the map.
    pub keys: &'static str,
    /// Legend: up to `{a}`.
    pub up_to: &'static str,
    /// Legend: over `{a}` up to `{b}`.
    pub over_up_to: &'static str,
    /// Legend: over `{a}`.
    pub over: &'static str,
    /// Summary: `{areas}`, `{regions}`.
    pub summary: &'static str,
    /// Summary on a day: `{areas}`, `{regions}`, `{date}`.
    pub summary_dated: &'static str,
    /// Summary: `{a}` markers.
    pub summary_markers: &'static str,
    /// Summary: `{what}` is counted, from `{lo}` to `{hi}`.
    pub summary_values: &'static str,
    /// While the geometry loads.
    pub loading_geometry: &'static str,
    /// Heading of the marker list.
    pub markers_title: &'static str,
    /// Column: kind of marker.
    pub kind: &'static str,
    /// Attribution prefix.
    pub geometry_note: &'static str,
    /// Names of marker kinds (`office`, `provider`, `jobcenter`, `other`).
    pub marker_kinds: &'static [(&'static str, &'static str)],
    /// What the drawing is, for screen readers (`aria-roledescription`).
    pub drawing: &'static str,
    /// Head of the table column of figures without a period, beside those of periods.
    pub no_period: &'static str,
    /// The first date step when it stands for all the time up to it; `{a}` the date.
    pub until: &'static str,
    /// The earlier button when the first change day is shown: its name says why it does nothing.
    pub at_first: &'static str,
    /// The later button when the last change day is shown.
    pub at_last: &'static str,
    /// The label of the select of the period a comparison starts from.
    pub compare_label: &'static str,
    /// Its first option: the map shows the figures of the day, not a change.
    pub compare_none: &'static str,
    /// The label of the select of the period compared with.
    pub compare_with: &'static str,
    /// The label of the select of how a change is given.
    pub compare_as: &'static str,
    /// A change as a difference of figures.
    pub difference: &'static str,
    /// A change in percent of the first figure.
    pub percent: &'static str,
    /// Table column and tooltip: the change between the two periods.
    pub change: &'static str,
    /// The same, in percent.
    pub change_percent: &'static str,
    /// Legend title of a comparison: `{what}` the figure, `{from}` and `{to}` the periods.
    pub change_title: &'static str,
    /// The same, for a change in percent.
    pub change_title_percent: &'static str,
    /// An area whose change cannot be given (with the reason in brackets after it).
    pub no_comparison: &'static str,
    /// Why: neither period has a figure.
    pub why_neither: &'static str,
    /// Why: one period has a figure, the other none.
    pub why_only_one: &'static str,
    /// Why: a figure is suppressed.
    pub why_suppressed: &'static str,
    /// Why: a change in percent of a first figure of 0.
    pub why_zero_base: &'static str,
    /// Why: the figures are of two different regions (the area changed its region).
    pub why_other_region: &'static str,
    /// Legend: no change.
    pub unchanged: &'static str,
    /// Legend: over `{a}` to under `{b}`.
    pub over_below: &'static str,
    /// Legend: from `{a}` to under `{b}`.
    pub from_below: &'static str,
    /// Legend: `{a}` and more.
    pub at_least: &'static str,
    /// Summary of a comparison: `{what}`, `{from}`, `{to}`, and the number of figures (of a
    /// region or an area) `{up}` (counted in `figure_forms`), `{down}`, `{same}` and `{none}`
    /// (no comparison possible).
    pub compare_summary: &'static str,
    /// Singular and plural of "figure" (of a region or an area), in the comparison's summary.
    pub figure_forms: (&'static str, &'static str),
}
}

text_table! {
/// Texts of the occupancy dashboard.
#[derive(Clone, Debug)]
pub struct OccupancyTexts {
    /// Key figure: slots in total.
    pub slots: &'static str,
    /// Key figure: projects in total.
    pub projects: &'static str,
    /// Key figure: providers (Träger) in total.
    pub providers: &'static str,
    /// Key figure and series: filled slots.
    pub filled: &'static str,
    /// Key figure: share of slots filled.
    pub fill_rate: &'static str,
    /// Key figure and bar segment: neither filled nor planned.
    pub vacant: &'static str,
    /// Key figure and series: planned placements.
    pub planned: &'static str,
    /// Key figure and series: early terminations.
    pub early: &'static str,
    /// Series: profilings.
    pub profilings: &'static str,
    /// Series: participants admitted.
    pub admitted: &'static str,
    /// Series: follow-up talks.
    pub follow_up_talks: &'static str,
    /// Series: slots filled.
    pub filled_slots: &'static str,
    /// Reference line; `{a}` is the number of slots.
    pub capacity: &'static str,
    /// Change since the previous reporting date; `{a}` is that date.
    pub since: &'static str,
    /// No change since the previous reporting date.
    pub unchanged: &'static str,
    /// Unit of a change of the fill rate.
    pub points: &'static str,
    /// Heading of the key figures.
    pub key_figures: &'static str,
    /// Title of the chart of people.
    pub people_chart: &'static str,
    /// Title of the chart of slots.
    pub slots_chart: &'static str,
    /// What a chart is, for screen readers (`aria-roledescription`).
    pub chart_role: &'static str,
    /// How to use a chart by keyboard.
    pub chart_keys: &'static str,
    /// A point; `{a}` series, `{b}` date.
    pub tooltip: &'static str,
    /// Heading of the table of the series.
    pub table_title: &'static str,
    /// Top-left cell of that table.
    pub table_stub: &'static str,
    /// Opens the table view of a chart.
    pub as_table: &'static str,
    /// Heading of the bars by provider.
    pub providers_title: &'static str,
    /// Heading of one provider's projects; `{a}` its name.
    pub projects_of: &'static str,
    /// Button back from a provider's projects.
    pub back: &'static str,
    /// Label of the sort order.
    pub sort_by: &'static str,
    /// Sort by number of slots.
    pub sort_size: &'static str,
    /// Sort by fill rate.
    pub sort_rate: &'static str,
    /// Keep the order of the data.
    pub sort_document: &'static str,
    /// When the data has no providers.
    pub no_breakdown: &'static str,
    /// Figures of a bar; `{filled}`, `{slots}`, `{rate}`, `{planned}`, `{vacant}`.
    pub bar_figures: &'static str,
    /// Hint on a provider bar.
    pub open_projects: &'static str,
    /// Column head: name.
    pub name: &'static str,
    /// Heading of the funnel.
    pub funnel_title: &'static str,
    /// A stage's share of the one before; `{a}` percent, `{b}` previous stage.
    pub share_of: &'static str,
    /// Heading of the reasons for early termination.
    pub reasons_title: &'static str,
    /// When the data has no reasons.
    pub no_reasons: &'static str,
    /// Heading of exits by outcome.
    pub exits_title: &'static str,
    /// Heading of the funding lines.
    pub funding_title: &'static str,
    /// Sum of the funding lines.
    pub funding_total: &'static str,
    /// Column head: period.
    pub period: &'static str,
    /// Column head: amount.
    pub amount: &'static str,
    /// Column head: share.
    pub share: &'static str,
    /// One-paragraph summary; `{date}`, `{filled}`, `{slots}`, `{rate}`, `{planned}`, `{early}`.
    pub summary: &'static str,
    /// When there are no reporting dates.
    pub no_series: &'static str,
    /// Names of known reasons by their key.
    pub reasons: &'static [(&'static str, &'static str)],
    /// Names of known outcomes by their key.
    pub outcomes: &'static [(&'static str, &'static str)],
    /// Names of known funding sources by their key.
    pub funding_sources: &'static [(&'static str, &'static str)],
    /// Short month names, January first.
    pub months: [&'static str; 12],
    /// Heading of the report table of the key figures over time.
    pub indicators_title: &'static str,
    /// Column head: the measure.
    pub measure: &'static str,
    /// Column head: the unit.
    pub unit: &'static str,
    /// Label of the first period shown.
    pub period_from: &'static str,
    /// Label of the last period shown.
    pub period_to: &'static str,
    /// The choice of no limit at that end.
    pub period_open: &'static str,
    /// Heading of the table of the key figures' latest values.
    pub latest_title: &'static str,
    /// Column head: the latest value.
    pub latest_value: &'static str,
    /// Column head: the change since the period before.
    pub change_previous: &'static str,
    /// Column head: the change since a year before.
    pub change_year: &'static str,
    /// Column head: the target.
    pub target_head: &'static str,
    /// A value that was not collected or published.
    pub no_data: &'static str,
    /// A published value that may still change.
    pub provisional: &'static str,
    /// A quarter: `{a}` its number, `{b}` the year.
    pub quarter: &'static str,
    /// Change since an earlier period; `{a}` the period.
    pub compared_with: &'static str,
    /// The target of a measure; `{a}` the target.
    pub target: &'static str,
    /// How far a measure is from its target; `{a}` the distance.
    pub to_target: &'static str,
    /// A measure that has reached its target.
    pub target_reached: &'static str,
    /// The end of a summary that names only the first key figures; `{a}` how many more.
    pub more_measures: &'static str,
    /// What a report table's periods are, by grain (`day`, `month`, `quarter`, `year`,
    /// `mixed`), after its title where a document has several.
    pub grains: &'static [(&'static str, &'static str)],
    /// Names of the units by their key (`persons`, `euro`, `percent`, `ratio`, `cases`).
    pub units: &'static [(&'static str, &'static str)],
}
}

text_table! {
/// The sentences of diagnostics. `{a}`, `{b}` are replaced by the details.
#[derive(Clone, Debug)]
pub struct DiagTexts {
    /// The text is not JSON at all; `{a}` is the parser's detail.
    pub syntax: &'static str,
    /// The document ends too early.
    pub eof: &'static str,
    /// A required field is missing; `{a}` is the field.
    pub missing_field: &'static str,
    /// A value has the wrong type; `{a}` found, `{b}` expected.
    pub wrong_type: &'static str,
    /// A value is of the right type but not allowed; `{a}` found, `{b}` expected.
    pub invalid_value: &'static str,
    /// A field the widget does not know; it is left out.
    pub unknown_field: &'static str,
    /// No `schema` field.
    pub missing_schema: &'static str,
    /// `schema` names a document this widget does not read; `{a}` found, `{b}` expected.
    pub wrong_schema: &'static str,
    /// `schema` names a newer version; `{a}` found, `{b}` expected.
    pub unsupported_version: &'static str,
    /// A date that is not `YYYY-MM-DD` or does not exist; `{a}` is the text.
    pub invalid_date: &'static str,
    /// An end before its start; `{a}` end, `{b}` start.
    pub end_before_start: &'static str,
    /// An id used twice; `{a}` is the id, `{b}` the path of its first use.
    pub duplicate_id: &'static str,
    /// A kind the widget does not know; drawn as "other". `{a}` kind.
    pub unknown_kind: &'static str,
    /// More filled than slots; `{a}` filled, `{b}` slots.
    pub overfilled: &'static str,
    /// Filled plus planned exceed the slots; `{a}` the sum, `{b}` slots.
    pub overplanned: &'static str,
    /// A figure disagrees with the others; `{a}` given, `{b}` derived.
    pub mismatch: &'static str,
    /// A reporting date twice; `{a}` the date, `{b}` the path of its first use.
    pub duplicate_date: &'static str,
    /// `asOf` before all reporting dates; `{a}` the date.
    pub no_figures_as_of: &'static str,
    /// An event outside the participant's path; `{a}` its date, `{b}` the range.
    pub outside_range: &'static str,
    /// `src` answered with an HTTP error; `{a}` is the status.
    pub http_status: &'static str,
    /// `src` could not be reached.
    pub network: &'static str,
    /// `src` did not answer in time: `{a}` seconds.
    pub timeout: &'static str,
    /// `src` sent more than the size limit; `{a}` the limit in MB.
    pub too_large: &'static str,
    /// `src` declared a charset other than UTF-8; `{a}` the charset.
    pub charset: &'static str,
    /// `src` sent bytes that are not UTF-8.
    pub invalid_utf8: &'static str,
    /// `src` on another origin does not allow CORS; `{a}` its origin.
    pub cors: &'static str,
    /// The page's CSP does not allow connecting to `src`; `{a}` its origin.
    pub csp: &'static str,
    /// `src` redirects, and the redirect cannot be followed.
    pub redirect: &'static str,
    /// `src` was redirected; `{a}` where to.
    pub redirected: &'static str,
    /// The `data` property was something JSON cannot hold.
    pub not_serialisable: &'static str,
    /// The `data` attribute holds no JSON document; `{a}` is the start of its text.
    pub data_attribute: &'static str,
    /// This build of the module does not hold the widget.
    pub not_built: &'static str,
    /// A `lang` value the widget does not speak; `{a}` is the value.
    pub unknown_lang: &'static str,
    /// A key names no known area; `{a}` the key.
    pub unknown_area: &'static str,
    /// An area in two regions at once; `{a}` its name, `{b}` the first region's path.
    pub two_regions: &'static str,
    /// A figure keyed by a Land's key; `{a}` the key, `{b}` the Land.
    pub land_key: &'static str,
    /// A second figure for one area; `{a}` its key, `{b}` the path of the first.
    pub duplicate_figure: &'static str,
    /// A figure whose (host) key names several areas; `{a}` the key.
    pub many_areas: &'static str,
    /// A host feature cannot be drawn; `{a}` what is wrong.
    pub bad_geometry: &'static str,
    /// The built-in geometry did not load; `{a}` why.
    pub geometry_unavailable: &'static str,
    /// Anything else, with the parser's detail in `{a}`.
    pub other: &'static str,
    /// More than `{a}` records are broken: the document is refused.
    pub too_many_left_out: &'static str,
    /// A lone surrogate escape (half of an emoji) was read as U+FFFD.
    pub lone_surrogate: &'static str,
    /// A key twice in one object; `{a}` the key, `{b}` the value used (the last).
    pub duplicate_key: &'static str,
    /// A phase with the same kind and dates as another; `{a}` the other's path.
    pub same_dates: &'static str,
    /// An exit before the first phase; `{a}` the exit, `{b}` the first phase's start.
    pub exit_before_start: &'static str,
    /// A count that is not a whole number ≥ 0 (left out); `{a}` the number.
    pub bad_count: &'static str,
    /// A sum too large to show; it is left out.
    pub sum_too_large: &'static str,
    /// A preset id this version does not know; `{a}` is the id.
    pub unknown_preset: &'static str,
    /// A period given twice for the same measure (and group); `{a}` the period, `{b}` the path
    /// of its first use.
    pub duplicate_period: &'static str,
    /// A value for a group the measure's breakdown does not name; `{a}` the group.
    pub unknown_group: &'static str,
    /// A suppressed or missing value that carries a number anyway (not shown).
    pub number_withheld: &'static str,
}
}

/// Fills named placeholders (`{filled}`, …) in a text-table sentence: the one sentence filler of
/// every widget. One pass over the template: each `{name}` of `values` is replaced by its value
/// ([isolate]d), and what was inserted is never read again, so data holding `{b}` or `{from}`
/// stays text. Braces that name no value stay as they are.
///
/// ```
/// use foerderweg::i18n::fill_named;
/// assert_eq!(fill_named("{x} von {y}", &[("x", "1"), ("y", "2")]), "1 von 2");
/// assert_eq!(fill_named("{x} von {y}", &[("x", "{y}"), ("y", "2")]), "{y} von 2");
/// ```
pub fn fill_named(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, value)) => {
                out.push_str(&isolate(value));
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The display name of `key` in a table of `(key, name)` pairs; the key itself when unknown.
pub fn name_of<'a>(table: &'a [(&'a str, &'a str)], key: &'a str) -> &'a str {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, name)| name)
}

/// Fills `{a}` and `{b}` in a text-table sentence, in one pass ([fill_named]).
///
/// ```
/// assert_eq!(foerderweg::i18n::fill("„{a}“ bei {b}", "{b}", "x[0]"), "„{b}“ bei x[0]");
/// ```
pub fn fill(template: &str, a: &str, b: &str) -> String {
    fill_named(template, &[("a", a), ("b", b)])
}

/// Data texts joined by `separator`, each [isolate]d.
///
/// ```
/// assert_eq!(foerderweg::i18n::join_isolated(["SBH Nord", "Stendal"], ", "), "SBH Nord, Stendal");
/// ```
pub fn join_isolated<'a>(parts: impl IntoIterator<Item = &'a str>, separator: &str) -> String {
    parts
        .into_iter()
        .map(isolate)
        .collect::<Vec<_>>()
        .join(separator)
}

/// Text from the data, made safe to set into a sentence of the widget's own: if it holds
/// right-to-left letters or directional controls, it is wrapped in an isolate (U+2068 … U+2069,
/// its own isolate controls removed), so that an override such as U+202E in a name cannot turn
/// the widget's words after it around. Other text is returned as it is.
///
/// ```
/// use foerderweg::i18n::isolate;
/// assert_eq!(isolate("Stendal"), "Stendal");
/// assert_eq!(isolate("\u{202e}evil"), "\u{2068}\u{202e}evil\u{2069}");
/// assert_eq!(isolate("a\u{2069}\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
/// ```
pub fn isolate(text: &str) -> std::borrow::Cow<'_, str> {
    let directional = |c: char| {
        matches!(c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200f}' | '\u{061c}'
            | '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}'
            | '\u{10800}'..='\u{10fff}' | '\u{1e800}'..='\u{1efff}')
    };
    if !text.chars().any(directional) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push('\u{2068}');
    out.extend(
        text.chars()
            .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')),
    );
    out.push('\u{2069}');
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_and_round() {
        assert_eq!(Lang::De.number(0.0, 0), "0");
        assert_eq!(Lang::De.number(999.0, 0), "999");
        assert_eq!(Lang::De.number(1000.0, 0), "1.000");
        assert_eq!(Lang::En.number(15654.0, 0), "15,654");
        assert_eq!(Lang::De.number(0.049, 1), "0,0");
        assert_eq!(Lang::De.number(-0.04, 1), "0,0");
        assert_eq!(Lang::De.number(f64::NAN, 1), "–");
        assert_eq!(Lang::En.number(f64::INFINITY, 0), "–");
        assert_eq!(Lang::En.number(1234567.891, 2), "1,234,567.89");
    }

    #[test]
    fn percentages_follow_each_language() {
        assert_eq!(Lang::De.percent(1.0), "100,0\u{202f}%");
        assert_eq!(Lang::En.percent(0.0), "0.0%");
    }

    #[test]
    fn dates_are_zero_padded() {
        let d = NaiveDate::from_ymd_opt(2018, 2, 21).unwrap();
        assert_eq!(Lang::De.date(d), "21.02.2018");
        assert_eq!(Lang::En.date(d), "2018-02-21");
    }

    #[test]
    fn counts_pick_singular_and_plural() {
        let t = Lang::De.texts();
        assert_eq!(Lang::De.count(1, t.participants), "1 Teilnehmende/r");
        assert_eq!(Lang::De.count(1810, t.participants), "1.810 Teilnehmende");
        assert_eq!(Lang::En.count(1, Lang::En.texts().slots), "1 slot");
    }

    #[test]
    fn data_texts_are_never_filled_as_templates() {
        // A value holding a later placeholder stays as it is.
        assert_eq!(fill("{a} von {b}", "{b}", "X"), "{b} von X");
        assert_eq!(fill("„{a}“", "{a}{b}", ""), "„{a}{b}“");
        assert_eq!(
            fill_named("{x}-{y}", &[("x", "{y}"), ("y", "{x}")]),
            "{y}-{x}"
        );
        assert_eq!(
            fill_named(
                "{label}: {from}",
                &[("label", "{from} {n}"), ("from", "01.02.2018")]
            ),
            "{from} {n}: 01.02.2018"
        );
        // Braces that are no placeholder, in the data or the template, stay.
        assert_eq!(fill("„{a}“ {b}", "{{", "}"), "„{{“ }");
        assert_eq!(fill("{a}", "}{a}{", ""), "}{a}{");
        assert_eq!(fill_named("{x} {z} {} { {", &[("x", "1")]), "1 {z} {} { {");
        assert_eq!(fill("{{a}}", "1", ""), "{1}");
        // A placeholder used twice is filled twice; data is still isolated.
        assert_eq!(fill("{a}/{a}", "1", ""), "1/1");
        assert_eq!(fill("{a}", "\u{202e}x", ""), "\u{2068}\u{202e}x\u{2069}");
        // Text after the last placeholder, and multi-byte text around it.
        assert_eq!(fill("ü{a}ß{b}€", "ä", "ö"), "üäßö€");
    }

    #[test]
    fn both_tables_fill_every_placeholder_they_use() {
        for lang in [Lang::De, Lang::En] {
            let d = lang.texts().diag;
            assert!(d.wrong_type.contains("{a}") && d.wrong_type.contains("{b}"));
            assert!(d.duplicate_id.contains("{a}") && d.duplicate_id.contains("{b}"));
            assert!(d.http_status.contains("{a}"));
            assert!(lang.texts().and_more.contains("{n}"));
        }
    }
}
