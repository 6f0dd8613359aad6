#![cfg(not(target_arch = "wasm32"))]
//! Every column of every table view (and so of every CSV) holds what its head says: a date
//! column dates or nothing, a figure column figures a spreadsheet reads (or nothing, or the
//! word for a withheld figure), the "Träger" column providers. Checked for every sample in
//! `www/data`, in both languages, for the table of every view (each participant's too).

use chrono::NaiveDate;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::table::{Cell, DataTable};
use foerderweg::layout::timeline::single_table;
use foerderweg::model::WidgetKind;
use foerderweg::render::document::{Options, kind_of, render};
use std::path::PathBuf;

fn samples() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/data");
    let mut out: Vec<(String, String)> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Every table a reader can open for `json`, with the sample's name.
fn tables(name: &str, json: &str, lang: Lang) -> Vec<(String, DataTable)> {
    let kind = kind_of(json).unwrap();
    let options = Options {
        width: 960.0,
        lang,
        today: NaiveDate::from_ymd_opt(2018, 12, 1),
        geometry: None,
        confidential: None,
    };
    let r = render(kind, json, &options);
    let mut out: Vec<(String, DataTable)> = r
        .rendering
        .unwrap_or_else(|| panic!("{name}: not drawn"))
        .tables
        .into_iter()
        .map(|t| (format!("{name}: {}", t.title), t))
        .collect();
    if let Some(Document::Timeline(doc)) = check(WidgetKind::Timeline, json).document {
        let today = doc
            .today
            .map(|d| d.0)
            .or(NaiveDate::from_ymd_opt(2018, 12, 1))
            .unwrap();
        for p in &doc.participants {
            out.push((format!("{name}: {}", p.label), single_table(p, today, lang)));
        }
    }
    out
}

fn is_date(field: &str, lang: Lang) -> bool {
    let format = match lang {
        Lang::De => "%d.%m.%Y",
        Lang::En => "%Y-%m-%d",
    };
    NaiveDate::parse_from_str(field, format).is_ok()
}

fn is_number(field: &str, lang: Lang) -> bool {
    let s = field.strip_suffix('%').unwrap_or(field);
    let s = match lang {
        Lang::De => s.replace(',', "."),
        Lang::En => s.to_string(),
    };
    s.parse::<f64>().is_ok()
}

#[test]
fn every_date_and_figure_column_holds_dates_and_figures_or_nothing() {
    let mut wrong = Vec::new();
    for (name, json) in samples() {
        for lang in [Lang::De, Lang::En] {
            for (title, table) in tables(&name, &json, lang) {
                let suppressed = lang.texts().map.suppressed;
                for (c, column) in table.columns.iter().enumerate() {
                    let cells: Vec<&Cell> =
                        table.rows.iter().filter_map(|r| r.cells.get(c)).collect();
                    let dates = column.date || cells.iter().any(|x| matches!(x, Cell::Date(_)));
                    for cell in cells {
                        let field = cell.csv(lang);
                        let fine = if dates {
                            field.is_empty() || is_date(&field, lang)
                        } else if column.numeric {
                            field.is_empty() || field == suppressed || is_number(&field, lang)
                        } else {
                            true
                        };
                        if !fine {
                            wrong.push(format!("{title} / {}: {field:?}", column.label));
                        }
                    }
                    assert!(
                        !dates || column.date,
                        "{title}: the column {:?} holds dates but is not one of dates",
                        column.label
                    );
                }
            }
        }
    }
    wrong.dedup();
    assert_eq!(
        wrong,
        Vec::<String>::new(),
        "words in date or figure columns"
    );
}

fn sample(name: &str) -> String {
    samples()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, json)| json)
        .unwrap()
}

#[test]
fn the_provider_column_holds_providers_and_the_follow_up_is_said_with_the_exit() {
    for (name, follow_up) in [
        (
            "timeline-jobperspektive",
            "Eingliederungszuschuss, mit dem Jobcenter abgestimmt",
        ),
        ("timeline-stendal-path", "Erneutes Profiling nach Genesung"),
    ] {
        for lang in [Lang::De, Lang::En] {
            let provider = lang.texts().tl.provider;
            let (_, table) = tables(name, &sample(name), lang).pop().unwrap();
            let column = table
                .columns
                .iter()
                .position(|c| c.label == provider)
                .unwrap();
            let shown = table.shown(lang);
            let under_provider: Vec<&String> = shown.iter().map(|r| &r[column]).collect();
            assert!(
                !under_provider.iter().any(|s| s.contains(follow_up)),
                "{name}: the follow-up under {provider:?}: {under_provider:?}"
            );
            let exit = shown
                .iter()
                .find(|r| r[0] == lang.texts().tl.exit_lane)
                .unwrap();
            assert!(
                exit.iter().any(|s| s.contains(follow_up)),
                "{name}: the follow-up is not in the exit's row: {exit:?}"
            );
        }
    }
}

#[test]
fn the_cohort_table_says_each_thing_under_its_own_head() {
    let name = "timeline-stendal-cohort";
    for lang in [Lang::De, Lang::En] {
        let t = lang.texts().tl;
        let (_, table) = tables(name, &sample(name), lang)
            .into_iter()
            .find(|(_, t)| t.title == lang.texts().tl.cohort)
            .unwrap();
        let heads: Vec<&str> = table.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            heads,
            [
                t.participant,
                t.status,
                t.sort_start,
                t.phases_column,
                t.exit_lane
            ]
        );
        let shown = table.shown(lang);
        let statuses: Vec<&str> = t.statuses.iter().map(|(_, name)| *name).collect();
        for row in &shown {
            // The status in words (with the outcome of an exit): no label, no date.
            assert!(
                statuses.iter().any(|s| row[1].starts_with(s)) && !row[1].contains(&row[0]),
                "{row:?}"
            );
            assert!(!row[1].chars().any(|c| c.is_ascii_digit()), "{row:?}");
        }
        assert!(table.columns[2].date && table.columns[4].date);
    }
}
