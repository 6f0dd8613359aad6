//! Nothing lost: runs a document through the whole pure pipeline of its widget (check, layout,
//! table views, summaries, CSV) and counts, per kind of record, how many the input holds and how
//! many the widget shows or names in a diagnostic. Used by the property tests and the fuzz
//! targets; pure, no browser.

use crate::check::{Document, Severity, check};
use crate::geo::{Atlas, Key, Target, figure_target};
use crate::i18n::Lang;
use crate::layout::table::Cell;
use crate::layout::{map, occupancy, timeline};
use crate::model::WidgetKind;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::HashMap;

/// One kind of record: how many the input holds, and how many are shown or named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// The records' place in the document, e.g. `participants[].phases[]`.
    pub what: &'static str,
    /// How many the input holds.
    pub given: usize,
    /// How many the widget shows (a row, a column, a mark).
    pub shown: usize,
    /// How many it does not show but names in a diagnostic with their path.
    pub named: usize,
    /// How many it leaves out on purpose and counts as hidden: sensitive timeline records at
    /// `confidential="hide"` (the summary says how many).
    pub hidden: usize,
}

impl Tally {
    /// A kind of record whose records are all shown or all missing, none named.
    fn new(what: &'static str, given: usize, shown: usize) -> Tally {
        Tally {
            what,
            given,
            shown,
            named: 0,
            hidden: 0,
        }
    }
}

/// What became of a document's records.
#[derive(Clone, Debug, PartialEq)]
pub struct Audit {
    /// The document was refused as a whole, with at least one error that says why.
    pub refused: bool,
    /// Per kind of record (empty when refused).
    pub tallies: Vec<Tally>,
}

impl Audit {
    /// The kinds of record where some were neither shown nor named, as
    /// `participants[].phases[]: 3 given, 2 shown, 0 named`.
    pub fn lost(&self) -> Vec<String> {
        self.tallies
            .iter()
            .filter(|t| t.shown + t.named + t.hidden != t.given)
            .map(|t| {
                format!(
                    "{}: {} given, {} shown, {} named, {} hidden",
                    t.what, t.given, t.shown, t.named, t.hidden
                )
            })
            .collect()
    }
}

/// Runs `text` through everything the widget of `kind` would compute for it, in `lang`.
/// `districts` and `municipalities` are the built-in geometry a map is drawn on (a map without
/// them is checked only). Never panics, whatever `text` holds.
///
/// ```
/// use foerderweg::audit::audit;
/// use foerderweg::i18n::Lang;
/// use foerderweg::model::WidgetKind;
/// let doc = r#"{"schema":"foerderweg/timeline@1","participants":[
///   {"id":"a","label":"A","phases":[{"kind":"profiling","start":"2018-01-08"}]}]}"#;
/// let a = audit(WidgetKind::Timeline, doc, None, None, Lang::De);
/// assert!(!a.refused && a.lost().is_empty());
/// assert_eq!(a.tallies[1].shown, 1); // the phase
/// let broken = audit(WidgetKind::Timeline, "{", None, None, Lang::De);
/// assert!(broken.refused);
/// ```
pub fn audit(
    kind: WidgetKind,
    text: &str,
    districts: Option<&Atlas>,
    municipalities: Option<&Atlas>,
    lang: Lang,
) -> Audit {
    let checked = check(kind, text);
    let Some(document) = &checked.document else {
        let said_why = checked
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        return Audit {
            refused: said_why,
            tallies: Vec::new(),
        };
    };
    // The document parsed, so the text is JSON.
    let raw: Value = crate::check::json_value(text).unwrap_or(Value::Null);
    let mut tallies = match document {
        Document::Timeline(doc) => timeline_tallies(doc, &raw, lang),
        Document::Occupancy(doc) => occupancy_tallies(doc, &raw, lang),
        Document::Map(doc) => map_tallies(doc, &raw, districts, municipalities, &checked, lang),
    };
    // Records left out by an error are named by it, and so is everything inside them.
    let left_out = left_out_counts(&raw, &checked);
    for t in &mut tallies {
        t.named += left_out.get(t.what).copied().unwrap_or(0);
    }
    Audit {
        refused: false,
        tallies,
    }
}

/// Per kind of record (`participants[].phases[]`), how many the errors left out, counting the
/// records inside a left-out one. Each left-out path is named by an error diagnostic.
fn left_out_counts(raw: &Value, checked: &crate::check::Checked) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let paths = &checked.left_out.paths;
    for path in paths {
        let inside_another = paths.iter().any(|p| p != path && within(path, p));
        let named = checked
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && within(&d.path, path));
        if inside_another || !named {
            continue;
        }
        let Some(value) = raw.pointer(&pointer(path)) else {
            continue;
        };
        count_records(&blank_indices(path), value, &mut counts);
    }
    counts
}

/// `path` is `record` or a path inside it.
fn within(path: &str, record: &str) -> bool {
    path.strip_prefix(record)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// `participants[3].phases[1]` as the JSON pointer `/participants/3/phases/1`.
fn pointer(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.') {
        let (key, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push('/');
            out.push_str(&key.replace('~', "~0").replace('/', "~1"));
        }
        for index in rest.split(['[', ']']).filter(|s| !s.is_empty()) {
            out.push('/');
            out.push_str(index);
        }
    }
    out
}

/// `participants[3].phases[1]` as the kind of record `participants[].phases[]`.
fn blank_indices(path: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

fn count_records(what: &str, value: &Value, counts: &mut HashMap<String, usize>) {
    if value.is_null() {
        return;
    }
    *counts.entry(what.to_string()).or_default() += 1;
    if let Value::Object(fields) = value {
        for (key, child) in fields {
            match child {
                Value::Array(items) => {
                    let inner = format!("{what}.{key}[]");
                    for item in items {
                        *counts.entry(inner.clone()).or_default() += usize::from(item.is_null());
                        count_records(&inner, item, counts);
                    }
                }
                _ => count_records(&format!("{what}.{key}"), child, counts),
            }
        }
    }
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn timeline_tallies(
    doc: &crate::model::timeline::TimelineDoc,
    raw: &Value,
    lang: Lang,
) -> Vec<Tally> {
    let viewer = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let today = timeline::today(doc, viewer);
    let raw_participants = array(raw, "participants");
    let all: Vec<_> = doc.participants.iter().collect();
    let window = timeline::Window::fit(&all, today);
    let order =
        timeline::cohort_order(doc, timeline::CohortSort::Start, &Default::default(), today);
    let cohort = timeline::cohort_table(doc, &order, window, today, lang);
    let _ = cohort.csv(lang);
    let _ = timeline::cohort_summary(doc, today, lang);
    let mut tallies = vec![Tally::new(
        "participants[]",
        raw_participants.len(),
        cohort.rows.len(),
    )];
    let parts: [(&'static str, &str); 4] = [
        ("participants[].phases[]", "phases"),
        ("participants[].events[]", "events"),
        ("participants[].goals[]", "goals"),
        ("participants[].exit", "exit"),
    ];
    let mut given = [0usize; 4];
    let mut shown = [0usize; 4];
    let mut hidden = [0usize; 4];
    for raw_p in raw_participants {
        for (k, (_, key)) in parts.iter().enumerate() {
            // A list given as something else holds no records: the error that names the
            // field (and leaves out its participant) says so. An exit is one record.
            given[k] += match raw_p.get(key) {
                Some(Value::Array(items)) => items.len(),
                Some(Value::Null) | None => 0,
                Some(_) => usize::from(*key == "exit"),
            };
        }
    }
    for (i, p) in doc.participants.iter().enumerate() {
        // The table view holds one row per phase, event, goal and exit, in that order; the
        // chart draws the same records where their dates fall.
        let rows = timeline::single_table(p, today, lang).rows.len();
        let counts = [
            p.phases.len(),
            p.events.len(),
            p.goals.len(),
            usize::from(p.exit.is_some()),
        ];
        let in_model: usize = counts.iter().sum();
        for k in 0..4 {
            shown[k] += if rows == in_model { counts[k] } else { 0 };
        }
        // Hidden on purpose, and counted where the summary says so.
        let summary = timeline::single_summary(p, today, lang);
        let said = timeline::confidential_note(p.confidential, p.hidden(), lang)
            .is_some_and(|note| summary.contains(&note));
        if said {
            hidden[0] += p.hidden_phases;
            hidden[1] += p.hidden_events;
        }
        let fit = timeline::Window::fit(&[p], today);
        let _ = timeline::single(doc, i, fit, (120.0, 900.0), today, lang);
    }
    for (k, (what, _)) in parts.iter().enumerate() {
        tallies.push(Tally {
            hidden: hidden[k],
            ..Tally::new(what, given[k], shown[k])
        });
    }
    tallies
}

fn occupancy_tallies(
    doc: &crate::model::occupancy::OccupancyDoc,
    raw: &Value,
    lang: Lang,
) -> Vec<Tally> {
    let scene = occupancy::scene(doc, lang);
    let _ = scene.table.csv(lang);
    let _ = occupancy::charts(doc, 800.0, lang);
    let providers = occupancy::bars(doc, None, occupancy::BarSort::Size, lang);
    let providers_shown = if doc.providers.is_empty() {
        0
    } else {
        providers.table(lang).rows.len()
    };
    let projects_shown: usize = doc
        .providers
        .iter()
        .map(|p| {
            if p.projects.is_empty() {
                0
            } else {
                occupancy::bars(doc, Some(&p.id), occupancy::BarSort::Document, lang)
                    .table(lang)
                    .rows
                    .len()
            }
        })
        .sum();
    let raw_projects: usize = array(raw, "providers")
        .iter()
        .map(|p| array(p, "projects").len())
        .sum();
    let funding_shown = scene.funding.as_ref().map_or(0, |t| t.rows.len());
    let (measures_shown, values_shown) = indicators_shown(doc, lang);
    vec![
        Tally::new(
            "providers[]",
            array(raw, "providers").len(),
            providers_shown,
        ),
        Tally::new("providers[].projects[]", raw_projects, projects_shown),
        // One column a reporting date, after the stub.
        Tally::new(
            "series[]",
            array(raw, "series").len(),
            scene.table.columns.len().saturating_sub(1),
        ),
        Tally::new("funding[]", array(raw, "funding").len(), funding_shown),
        Tally::new(
            "indicators[]",
            array(raw, "indicators").len(),
            measures_shown,
        ),
        Tally::new(
            "indicators[].values[]",
            array(raw, "indicators")
                .iter()
                .map(|m| array(m, "values").len())
                .sum(),
            values_shown,
        ),
    ]
}

/// The key figures shown: (measures with a card, values with a cell of the report tables at
/// their row and period). A value withheld or without data still has its cell, which says so.
fn indicators_shown(doc: &crate::model::occupancy::OccupancyDoc, lang: Lang) -> (usize, usize) {
    use occupancy::indicators::{self as ind, period_label};
    let t = lang.texts().occ;
    let cards = ind::cards(doc, lang);
    let mut places: std::collections::HashSet<(String, String)> = Default::default();
    for table in ind::report(doc, lang) {
        let normal = table.columns.get(1).is_some_and(|c| c.label == t.unit);
        for row in &table.rows {
            let head = row
                .cells
                .first()
                .map(|c| c.display(lang))
                .unwrap_or_default();
            if normal {
                let unit = row
                    .cells
                    .get(1)
                    .map(|c| c.display(lang))
                    .unwrap_or_default();
                for column in table.columns.iter().skip(2) {
                    places.insert((format!("{head} ({unit})"), column.label.clone()));
                }
            } else {
                for column in table.columns.iter().skip(1) {
                    places.insert((column.label.clone(), head.clone()));
                }
            }
        }
    }
    let (mut measures, mut values) = (0, 0);
    for m in ind::measures(doc, lang) {
        // Totals derived from other measures are not in the document.
        if !doc
            .indicators
            .iter()
            .any(|i| std::ptr::eq(i, &*m.indicator))
        {
            continue;
        }
        let unit = crate::i18n::name_of(t.units, ind::unit_key(m.unit));
        let row_of = |group: Option<&str>| {
            let label = match group.and_then(|g| {
                m.indicator
                    .breakdown
                    .as_ref()?
                    .groups
                    .iter()
                    .find(|x| x.key == g)
            }) {
                Some(g) => format!("{} – {}", m.label, g.label),
                None => m.label.clone(),
            };
            format!("{label} ({unit})")
        };
        // A measure is shown by its card (one without values has no row in the report).
        measures += usize::from(
            cards
                .iter()
                .any(|c| c.id == m.indicator.id && c.label == m.label),
        );
        values += m
            .indicator
            .values
            .iter()
            .filter(|v| {
                places.contains(&(row_of(v.group.as_deref()), period_label(v.period, lang)))
            })
            .count();
    }
    (measures, values)
}

fn map_tallies(
    doc: &crate::model::regions::MapDoc,
    raw: &Value,
    districts: Option<&Atlas>,
    municipalities: Option<&Atlas>,
    checked: &crate::check::Checked,
    lang: Lang,
) -> Vec<Tally> {
    let diagnostics = &checked.diagnostics;
    let areas = match (&checked.host_atlas, districts) {
        (Some(atlas), _) => Some((&**atlas, None, true)),
        (None, Some(d)) => Some((d, municipalities, false)),
        (None, None) => None,
    };
    let Some((areas, municipalities, host)) = areas else {
        return Vec::new();
    };
    let prepared = map::prepare(
        doc,
        map::Geometry {
            areas,
            municipalities,
            host,
        },
    );
    // Named by the check or by resolving the keys against the geometry, at or below `path`
    // (a path in the document as checked, which the host's paths name after a left-out record).
    let layout_paths: Vec<String> = prepared
        .diagnostics
        .iter()
        .map(|d| checked.left_out.source_path(&d.path))
        .collect();
    let named = |path: &str| {
        let path = checked.left_out.source_path(path);
        let below = format!("{path}.");
        let at = |p: &str| p == path || p.starts_with(&below);
        diagnostics.iter().any(|d| at(&d.path)) || layout_paths.iter().any(|p| at(p))
    };
    let scene = map::scene(doc, &prepared, prepared.initial, None, 800.0, lang);
    let tables = scene.tables(lang);
    for t in &tables {
        let _ = t.csv(lang);
    }
    // Keys that reach the map: drawn as an area, or as the districts of a Land or the
    // municipalities of a district; read as the map reads them (trimmed, 12-digit ARS forms).
    let drawn = |raw: &str| {
        let key = match Key::parse(raw) {
            Key::Land(k) | Key::District(k) | Key::Municipality(k) | Key::Other(k) => k,
        };
        !key.is_empty() && prepared.units.iter().any(|u| u.key.starts_with(&key))
    };
    let mut tallies = vec![Tally::new(
        "regions[]",
        array(raw, "regions").len(),
        scene.regions.len(),
    )];
    // Given as the host wrote them: the keys of a left-out region count among the named.
    let raw_keys = array(raw, "regions")
        .iter()
        .map(|r| array(r, "districts").len());
    let mut keys = Tally::new("regions[].districts[]", raw_keys.sum(), 0);
    for (i, r) in doc.regions.iter().enumerate() {
        for (j, key) in r.districts.iter().enumerate() {
            if drawn(key) {
                keys.shown += 1;
            } else if named(&format!("regions[{i}].districts[{j}]")) {
                keys.named += 1;
            }
        }
    }
    tallies.push(keys);
    // A figure is shown only where it is drawn: some area of the map (or its region's row)
    // carries exactly this figure, found through the key as the map reads it; a figure of a
    // period in that period's column of the tables.
    let m = lang.texts().map;
    let periods = map::periods(doc);
    let mut values = Tally::new("values[]", array(raw, "values").len(), 0);
    for (i, v) in doc.values.iter().enumerate() {
        let column = periods.iter().position(|q| *q == v.period);
        let unit_cell = |u: &map::Unit| match column {
            Some(c) => u.by_period.get(c).cloned(),
            None => Some(u.figure.clone()),
        };
        let region_cell = |r: &map::RegionRow| match column {
            Some(c) => r.by_period.get(c).cloned(),
            None => Some(r.value.clone()),
        };
        let carries = |cell: &Cell| match cell {
            _ if v.suppressed => *cell == Cell::Suppressed,
            Cell::Number(x, _) => v
                .value
                .is_some_and(|y| y.is_finite() && x.total_cmp(&y).is_eq()),
            Cell::Absent(t) => !v.value.is_some_and(f64::is_finite) && t == m.no_data,
            _ => false,
        };
        let drawn = match figure_target(doc, &v.key) {
            Target::Region(id) => {
                scene.units.iter().any(|u| {
                    u.region.as_deref().map(str::trim) == Some(&id)
                        && unit_cell(u).is_some_and(|c| carries(&c))
                }) || scene
                    .regions
                    .iter()
                    .any(|r| r.id.trim() == id && region_cell(r).is_some_and(|c| carries(&c)))
            }
            Target::Area(key) => scene.units.iter().any(|u| {
                let of_key = u.key == key
                    || (!host && key.len() == 5 && u.key.len() == 8 && u.key.starts_with(&key));
                of_key && unit_cell(u).is_some_and(|c| carries(&c))
            }),
            Target::Land(_) => false,
        };
        if drawn {
            values.shown += 1;
        } else if named(&format!("values[{i}]")) {
            values.named += 1;
        }
    }
    tallies.push(values);
    if let Some(t) = compared_areas(doc, &prepared, &periods, scene.units.len(), lang) {
        tallies.push(t);
    }
    let marker_rows = tables
        .iter()
        .find(|t| t.title == lang.texts().map.markers_title)
        .map_or(0, |t| t.rows.len());
    tallies.push(Tally::new(
        "markers[]",
        array(raw, "markers").len(),
        marker_rows,
    ));
    tallies
}

/// Two periods compared (the first and the last, as a difference and in percent): every area
/// of the map is drawn with a change (a written, signed figure on a diverging step) or says
/// that no comparison is possible; a table row each. `None` with fewer than two periods.
fn compared_areas(
    doc: &crate::model::regions::MapDoc,
    prepared: &map::Prepared,
    periods: &[Option<crate::model::indicator::Period>],
    areas: usize,
    lang: Lang,
) -> Option<Tally> {
    let dated: Vec<_> = periods.iter().flatten().copied().collect();
    let (from, to) = (*dated.first()?, *dated.last()?);
    if from == to {
        return None;
    }
    let none = lang.texts().map.no_comparison;
    let mut shown = areas;
    for kind in [map::ChangeKind::Difference, map::ChangeKind::Percent] {
        let cmp = map::Comparison { from, to, kind };
        let scene = map::scene_compare(doc, prepared, &cmp, None, 800.0, lang);
        let told = |u: &map::Unit| match &u.figure {
            Cell::Change { by, .. } => by.is_finite() && u.class.starts_with("fw-d"),
            Cell::Absent(why) => why.starts_with(none) && u.class == "fw-nocompare",
            _ => false,
        };
        let rows = scene
            .tables(lang)
            .iter()
            .find(|t| t.title == lang.texts().map.areas_title)
            .map_or(0, |t| t.rows.len());
        shown = shown
            .min(scene.units.iter().filter(|u| told(u)).count())
            .min(rows);
    }
    Some(Tally::new("values[] compared", areas, shown))
}
