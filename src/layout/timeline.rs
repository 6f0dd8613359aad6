//! The timeline's scenes: the visible time window (zoom, pan, presets), axis ticks that fit the
//! width, one participant's lanes of phases, events, goals and exit, and the cohort's rows,
//! laid out only for the rows on screen. Pure: no browser.

use super::scale::Time;
use super::table::{Cell, Column, DataTable};
use crate::i18n::{Lang, fill, fill_named, isolate, join_isolated, name_of};
use crate::model::timeline::{Participant, Phase, TimelineDoc};
use crate::order::sort_by_cached_key;
use chrono::{Days, Months, NaiveDate};

mod case_file;
mod cohort;
mod figure;
mod single;
mod texture;
mod window;
pub use crate::layout::text::text_width;
pub use case_file::case_file;
pub use cohort::*;
pub use figure::{
    AXIS, COHORT_AXIS, LANE, LabelFit, LegendEntry, ROW, Swatch, cohort_axis, cohort_figure,
    cohort_legend, cohort_legend_entries, dragged, fit_label, legend, list_height, marker_shape,
    path_legend, plot_for, row_at, row_scene, row_top, scroll_to_show, single_scene, slice_offset,
    wheeled,
};
pub use single::*;
pub use texture::Texture;
pub use window::*;

/// The timeline's "today": the document's, else the viewer's.
pub fn today(doc: &TimelineDoc, viewer: NaiveDate) -> NaiveDate {
    doc.today.map_or(viewer, |d| d.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn doc(text: &str) -> TimelineDoc {
        match check(WidgetKind::Timeline, text).document {
            Some(Document::Timeline(doc)) => std::sync::Arc::unwrap_or_clone(doc),
            other => panic!("{other:?}"),
        }
    }

    fn sample() -> TimelineDoc {
        doc(include_str!("../../www/data/timeline-sample.json"))
    }

    #[test]
    fn ticks_cross_year_ends_and_leap_days() {
        let w = Window::new(d(2019, 12, 20), d(2020, 3, 10));
        let t = ticks(w, (0.0, 800.0), Lang::En);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        // The eleven days of December 2019 before the first tick are named by their year.
        assert_eq!(labels, ["2019", "Jan 2020", "Feb", "Mar"]);
        assert_eq!(t[0].at, 0.0);
        assert!(t[1].major && !t[2].major);
        // February 2020 has 29 days: March 1 is 29 days after February 1.
        let per_day = 800.0 / w.days() as f64;
        assert!(((t[3].at - t[2].at) - 29.0 * per_day).abs() < 1e-9);
        // Narrower: quarters, half years, then years.
        let long = Window::new(d(2016, 1, 1), d(2019, 12, 31));
        let quarters = ticks(long, (0.0, 1400.0), Lang::De);
        assert!(
            quarters.iter().all(|t| t.label.starts_with('Q')),
            "{quarters:?}"
        );
        let halves = ticks(long, (0.0, 1000.0), Lang::De);
        assert_eq!(
            halves.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            [
                "Jan 2016", "Jul", "Jan 2017", "Jul", "Jan 2018", "Jul", "Jan 2019", "Jul"
            ]
        );
        let years = ticks(long, (0.0, 300.0), Lang::De);
        assert_eq!(
            years.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["2016", "2017", "2018", "2019"]
        );
        // A label too close to the right edge is dropped, its line kept.
        let edge = ticks(
            Window::new(d(2018, 1, 10), d(2018, 4, 2)),
            (0.0, 300.0),
            Lang::De,
        );
        assert_eq!(edge.last().map(|t| t.label.as_str()), Some(""));
    }

    #[test]
    fn a_zero_length_window_is_widened() {
        let w = Window::new(d(2018, 3, 1), d(2018, 3, 1));
        assert_eq!(w.days(), 7);
        assert!(w.from < d(2018, 3, 1) && w.to > d(2018, 3, 1));
        let z = w.zoom(0.1, 0.5);
        assert_eq!(z.days(), 7, "zoom stops at a week");
        let all = Window::new(d(1900, 1, 1), d(2100, 1, 1));
        assert!(all.days() <= MAX_DAYS);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_pan_moves() {
        let w = Window::new(d(2018, 1, 1), d(2018, 12, 31));
        let z = w.zoom(0.5, 0.0);
        assert_eq!(z.from, w.from);
        assert_eq!(z.days(), 182);
        let p = w.pan(0.5);
        assert_eq!(p.from, d(2018, 7, 2));
        assert_eq!(p.days(), w.days());
        let q = Window::around_today(d(2018, 12, 1), 3);
        assert!(q.from < d(2018, 9, 1) + Days::new(20) && q.to > d(2018, 12, 1));
    }

    #[test]
    fn one_day_open_and_planned_phases() {
        let tl = sample();
        let today = today(&tl, d(2030, 1, 1));
        assert_eq!(today, d(2018, 12, 1));
        let w = Window::fit(&tl.participants.iter().collect::<Vec<_>>(), today);
        let s = single(&tl, 0, w, (100.0, 900.0), today, Lang::De).expect("participant 0");
        // The referral is one day: still a visible bar.
        let referral = &s.bars[0];
        assert!(referral.x1 - referral.x0 >= 2.0);
        assert!(referral.text.contains("1 Tag"), "{}", referral.text);
        // The work opportunity is open: it runs to today and its planned rest is hatched.
        let work = s
            .bars
            .iter()
            .find(|b| b.path.ends_with("phases[2]"))
            .expect("work opportunity");
        assert!(work.open);
        let today_x = s.today.expect("today inside");
        assert!((work.x1 - today_x).abs() < 1e-9);
        let (a, b) = work.planned.expect("planned rest");
        assert!((a - today_x).abs() < 1e-9 && b > a);
        assert!(
            work.text.contains("laufend") && work.text.contains("geplant bis 31.12.2018"),
            "{}",
            work.text
        );
        // Profiling ended a week late.
        let profiling = s
            .bars
            .iter()
            .find(|b| b.path.ends_with("phases[1]"))
            .expect("profiling");
        assert!(
            profiling.text.contains("7 Tage länger als geplant"),
            "{}",
            profiling.text
        );
        assert_eq!(
            s.lanes[..3],
            [
                "Zuweisung".to_string(),
                "Profiling".into(),
                "Arbeitsgelegenheit".into()
            ]
        );
        assert!(
            s.markers
                .iter()
                .any(|m| m.class == "goal" && m.kind == "achieved")
        );
    }

    #[test]
    fn a_phase_not_yet_begun_is_planned_in_chart_table_and_cohort() {
        let tl = doc(
            r#"{"schema":"foerderweg/timeline@1","today":"2018-06-01","participants":[
              {"id":"a","label":"A","phases":[
                {"kind":"profiling","start":"2018-05-01","end":"2018-05-20"},
                {"kind":"workOpportunity","start":"2018-07-01","plannedEnd":"2018-12-31"}]},
              {"id":"b","label":"B","phases":[]}]}"#,
        );
        let today = d(2018, 6, 1);
        let w = Window::new(d(2018, 4, 1), d(2019, 1, 31));
        let s = single(&tl, 0, w, (100.0, 900.0), today, Lang::De).expect("participant");
        let in_chart: Vec<&str> = s.bars.iter().map(|b| b.status.as_class()).collect();
        assert_eq!(in_chart, ["completed", "planned"]);
        let table = single_table(&tl.participants[0], today, Lang::De);
        let in_table: Vec<String> = table
            .rows
            .iter()
            .map(|r| r.cells.last().expect("status").display(Lang::De))
            .collect();
        assert_eq!(in_table, ["abgeschlossen", "geplant"]);
        let rows = cohort_rows(&tl, &[0], 0..1, w, (0.0, 600.0), today, Lang::De);
        let in_cohort: Vec<String> = rows[0]
            .bars
            .iter()
            .map(|b| b.3.as_class().to_string())
            .collect();
        assert_eq!(in_cohort, ["completed", "planned"]);
    }

    #[test]
    fn exit_with_reason_and_status() {
        let tl = sample();
        let today = d(2018, 12, 1);
        let w = Window::fit(&tl.participants.iter().collect::<Vec<_>>(), today);
        let s = single(&tl, 1, w, (0.0, 800.0), today, Lang::En).expect("participant 1");
        let exit = s.markers.iter().find(|m| m.class == "exit").expect("exit");
        assert_eq!(
            exit.text,
            "Exit: Early termination · 2018-07-20 · Reason: Confidential · Follow-up: Erneutes Profiling nach Genesung"
        );
        assert_eq!(participant_status(&tl.participants[1], today), "terminated");
        assert_eq!(participant_status(&tl.participants[0], today), "active");
        assert_eq!(participant_status(&tl.participants[2], today), "exited");
    }

    #[test]
    fn a_filter_keeps_only_what_the_next_document_offers() {
        let tl = doc(r#"{"schema":"foerderweg/timeline@1","participants":[
              {"id":"a","label":"A","programme":"Stendal","phases":[
                {"kind":"profiling","provider":"Träger B","start":"2018-01-01"}]}]}"#);
        let set = |provider: &str, programme: &str, kind: &str| Filter {
            status: Some("active".into()),
            provider: Some(provider.into()),
            programme: Some(programme.into()),
            kind: Some(kind.into()),
        };
        assert_eq!(
            set("Träger B", "Stendal", "profiling").kept_for(&tl),
            set("Träger B", "Stendal", "profiling")
        );
        assert_eq!(
            set("Träger X", "Stendal", "placement").kept_for(&tl),
            Filter {
                status: Some("active".into()),
                programme: Some("Stendal".into()),
                ..Filter::default()
            }
        );
        assert_eq!(Filter::default().kept_for(&tl), Filter::default());
    }

    #[test]
    fn the_filter_menus_list_each_name_and_kind_once_in_order() {
        let tl = doc(r#"{"schema":"foerderweg/timeline@1","participants":[
              {"id":"a","label":"A","programme":"Stendal","phases":[
                {"kind":"profiling","provider":"Träger B","start":"2018-01-01"},
                {"kind":"workOpportunity","provider":"Träger B","start":"2018-02-01"},
                {"kind":"somethingNew","provider":"Träger A","start":"2018-03-01"}]},
              {"id":"b","label":"B","programme":"JobPerspektive","phases":[
                {"kind":"profiling","provider":"Träger A","start":"2018-01-05"}]},
              {"id":"c","label":"C","programme":"Stendal","phases":[]}]}"#);
        let (providers, programmes, kinds) = choices(&tl);
        assert_eq!(providers, ["Träger A", "Träger B"]);
        assert_eq!(programmes, ["JobPerspektive", "Stendal"]);
        // In the order of PHASE_KINDS; an unknown kind is offered as "other".
        assert_eq!(kinds, ["profiling", "workOpportunity", "other"]);
    }

    #[test]
    fn cohort_sorts_filters_and_lays_out_only_visible_rows() {
        let mut text = String::from(
            r#"{"schema":"foerderweg/timeline@1","today":"2020-01-01","participants":["#,
        );
        for i in 0..10_000 {
            if i > 0 {
                text.push(',');
            }
            let start = d(2018, 1, 1) + Days::new((i * 7 % 700) as u64);
            let provider = ["A", "B", "C"][i % 3];
            let exit = if i % 5 == 0 {
                format!(
                    r#","exit":{{"date":"{}","outcome":"employment"}}"#,
                    start + Days::new(200)
                )
            } else {
                String::new()
            };
            text.push_str(&format!(
                r#"{{"id":"p{i}","label":"TN {i}","phases":[{{"kind":"workOpportunity","provider":"{provider}","start":"{start}","plannedEnd":"{}"}}]{exit}}}"#,
                start + Days::new(180)
            ));
        }
        text.push_str("]}");
        let tl = doc(&text);
        let today = d(2020, 1, 1);
        let order = cohort_order(&tl, CohortSort::Start, &Filter::default(), today);
        assert_eq!(order.len(), 10_000);
        let starts: Vec<_> = order
            .iter()
            .map(|i| first_start(&tl.participants[*i]))
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        let filter = Filter {
            provider: Some("B".into()),
            ..Filter::default()
        };
        assert_eq!(
            cohort_order(&tl, CohortSort::Start, &filter, today).len(),
            3_333
        );
        let exited = Filter {
            status: Some("exited".into()),
            ..Filter::default()
        };
        // Every fifth has an exit 200 days after its start; those after "today" are still in.
        let gone = tl
            .participants
            .iter()
            .filter(|p| p.exit.as_ref().is_some_and(|e| e.date.0 <= today))
            .count();
        assert!(gone > 1_000 && gone < 2_000);
        assert_eq!(
            cohort_order(&tl, CohortSort::Exit, &exited, today).len(),
            gone
        );
        let w = Window::new(d(2018, 1, 1), d(2020, 1, 1));
        let rows = cohort_rows(&tl, &order, 9_990..10_030, w, (0.0, 600.0), today, Lang::De);
        assert_eq!(rows.len(), 10, "only the rows that exist past 9,990");
        assert_eq!(rows[0].position, 9_990);
        assert!(
            cohort_rows(
                &tl,
                &order,
                20_000..20_040,
                w,
                (0.0, 600.0),
                today,
                Lang::De
            )
            .is_empty()
        );
    }
}

/// "Stand: 01.12.2018" / "As of 2018-12-01": the day a timeline shows as today.
fn as_of(today: NaiveDate, lang: Lang) -> String {
    let word = lang.texts().as_of;
    let mut chars = word.chars();
    let word: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    match lang {
        Lang::De => format!("{word}: {}", lang.date(today)),
        Lang::En => format!("{word} {}", lang.date(today)),
    }
}

/// What frames the timeline's drawing of participant `index` (or of the cohort, `None`) in
/// every export and rendering: the title the widget shows (the document's; for one of many
/// participants, their path), "Stand: …", "Quelle: …" and the summary.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::frame;
/// use foerderweg::model::timeline::TimelineDoc;
/// let doc: TimelineDoc = serde_json::from_str(r#"{"schema":"foerderweg/timeline@1",
///   "title":"Kohorte","source":"Jobcenter","participants":[
///   {"id":"a","label":"A"},{"id":"b","label":"B"}]}"#).unwrap_or_else(|e| panic!("{e}"));
/// let today = NaiveDate::from_ymd_opt(2018, 12, 1).unwrap_or_default();
/// let f = frame(&doc, Some(1), today, Lang::De);
/// assert_eq!((f.title.as_str(), f.as_of.as_deref()), ("Verlauf B", Some("Stand: 01.12.2018")));
/// assert_eq!(f.source.as_deref(), Some("Quelle: Jobcenter"));
/// assert_eq!(frame(&doc, None, today, Lang::En).title, "Kohorte");
/// ```
pub fn frame(
    doc: &TimelineDoc,
    index: Option<usize>,
    today: NaiveDate,
    lang: Lang,
) -> crate::scene::Frame {
    let texts = lang.texts();
    let one = index.and_then(|i| doc.participants.get(i));
    let title = match one {
        Some(p) if doc.participants.len() > 1 || doc.title.is_none() => {
            fill(texts.export.path_of, &p.label, "")
        }
        _ => doc
            .title
            .clone()
            .unwrap_or_else(|| texts.tl.cohort.to_string()),
    };
    crate::scene::Frame {
        title,
        as_of: Some(as_of(today, lang)),
        source: doc
            .source
            .as_ref()
            .map(|s| format!("{}: {s}", texts.source)),
        attribution: None,
        summary: match one {
            Some(p) => single_summary(p, today, lang),
            None => cohort_summary(doc, today, lang),
        },
    }
}

/// The most rows a cohort's table view and figure show (the chart view scrolls through all).
pub const SHOWN_ROWS: usize = 200;

/// Everything the timeline shows for `doc` at `width` on `today`, as a renderer needs it: the
/// single view for one participant, the cohort (its first [`SHOWN_ROWS`] by start) for more,
/// each with its frame and table view, in the window that fits everyone.
pub fn rendering(
    doc: &TimelineDoc,
    width: f64,
    today: NaiveDate,
    lang: Lang,
) -> crate::layout::Rendering {
    let all: Vec<_> = doc.participants.iter().collect();
    let window = Window::fit(&all, today);
    let (scene, table, index) = match doc.participants.as_slice() {
        [p] => {
            let scene = single(doc, 0, window, plot_for(width), today, lang)
                .map(|s| single_scene(&s, width, &p.label, lang))
                .unwrap_or_default();
            (scene, single_table(p, today, lang), Some(0))
        }
        _ => {
            let order = cohort_order(doc, CohortSort::Start, &Filter::default(), today);
            let shown = &order[..order.len().min(SHOWN_ROWS)];
            (
                cohort_figure(doc, shown, window, today, lang, width),
                cohort_table(doc, shown, window, today, lang),
                None,
            )
        }
    };
    let frame = frame(doc, index, today, lang);
    crate::layout::Rendering {
        figures: vec![crate::scene::Figure {
            scene,
            frame: frame.clone(),
        }],
        tables: vec![table],
        frame,
    }
}

#[cfg(test)]
mod rendering_tests {
    use super::*;
    use crate::check::{Document, check};
    use crate::model::WidgetKind;

    fn doc(text: &str) -> TimelineDoc {
        match check(WidgetKind::Timeline, text).document {
            Some(Document::Timeline(doc)) => std::sync::Arc::unwrap_or_clone(doc),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_participant_renders_the_single_view_framed_with_its_table() {
        let tl = doc(include_str!("../../www/data/timeline-jobperspektive.json"));
        let day = today(&tl, NaiveDate::default());
        let r = rendering(&tl, 900.0, day, Lang::De);
        let [figure] = r.figures.as_slice() else {
            panic!("{:?}", r.figures.len())
        };
        assert_eq!(figure.scene.class, "fw-svg fw-timeline");
        assert_eq!(figure.scene.width, 900.0);
        assert_eq!(figure.scene.records("data-fw-path").len(), 6 + 4 + 3 + 1);
        let f = &figure.frame;
        assert_eq!(
            f.title,
            "JobPerspektive Sachsen: ein Verlauf (fiktive Person)"
        );
        assert_eq!(f.as_of.as_deref(), Some("Stand: 30.06.2018"));
        assert!(
            f.source
                .as_deref()
                .is_some_and(|s| s.starts_with("Quelle: Ablauf nach")),
            "{:?}",
            f.source
        );
        assert_eq!(
            f.summary,
            single_summary(&tl.participants[0], day, Lang::De)
        );
        assert_eq!(r.tables.len(), 1);
        assert_eq!(r.tables[0].rows.len(), 6 + 4 + 3 + 1);
        // The file shows what the widget shows: the drawing's markup names every record.
        let svg = crate::render::svg::figure(&figure.scene, f, "");
        assert!(
            svg.contains("data-fw-path=\"participants[0].exit\""),
            "{svg}"
        );
        assert!(svg.contains("Stand: 30.06.2018"));
    }

    #[test]
    fn a_cohort_renders_its_figure_and_table_in_english() {
        let tl = doc(include_str!("../../www/data/timeline-stendal-cohort.json"));
        let day = today(&tl, NaiveDate::default());
        let r = rendering(&tl, 700.0, day, Lang::En);
        let figure = &r.figures[0];
        assert_eq!(figure.scene.class, "fw-svg fw-cohort-figure");
        let rows = figure.scene.records("data-fw-path").len();
        assert_eq!(rows, tl.participants.len().min(SHOWN_ROWS));
        assert_eq!(r.tables[0].rows.len(), rows);
        assert_eq!(figure.frame.as_of.as_deref(), Some("As of 2018-12-01"));
        assert_eq!(figure.frame.title, tl.title.clone().unwrap_or_default());
        assert_eq!(figure.frame.summary, cohort_summary(&tl, day, Lang::En));
        assert!(
            figure
                .frame
                .source
                .as_deref()
                .is_some_and(|s| s.starts_with("Source: "))
        );
    }
}
