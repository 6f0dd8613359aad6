//! A plain summary of a document: the facts a widget states before (or besides) its chart, and
//! the records a person can select. Used by every widget until its own view lands, and as the
//! base of each widget's accessible summary.

use crate::check::Document;
use crate::i18n::Lang;

/// How many selectable items a summary lists before "… and N more".
pub const MAX_ITEMS: usize = 100;

/// A summary scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Title of the document (programme or cohort), if any.
    pub title: Option<String>,
    /// Short facts, each a complete phrase ("3 Teilnehmende", "111 von 113 …").
    pub facts: Vec<String>,
    /// Selectable records.
    pub items: Vec<Item>,
    /// Records not listed because of [`MAX_ITEMS`].
    pub more: usize,
    /// Where the figures come from, as the document says.
    pub source: Option<String>,
}

/// A selectable record.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Id sent in `foerderweg-select`.
    pub id: String,
    /// What kind of record (`participant`, `provider`, `region`).
    pub kind: &'static str,
    /// Display label.
    pub label: String,
    /// Second line.
    pub detail: String,
}

/// Builds the summary of `doc` in `lang`.
///
/// ```
/// use foerderweg::check::check;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::summary::summary;
/// use foerderweg::model::WidgetKind;
/// let doc = r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"p1","label":"TN 1"}]}"#;
/// let Some(checked) = check(WidgetKind::Timeline, doc).document else { panic!("renders") };
/// let s = summary(&checked, Lang::De);
/// assert_eq!(s.facts[0], "1 Teilnehmende/r");
/// assert_eq!(s.items[0].id, "p1");
/// ```
pub fn summary(doc: &Document, lang: Lang) -> Summary {
    let t = lang.texts();
    let mut items = Vec::new();
    let (title, facts, source) = match doc {
        Document::Timeline(d) => {
            let phases: usize = d.participants.iter().map(|p| p.phases.len()).sum();
            let events: usize = d.participants.iter().map(|p| p.events.len()).sum();
            let goals: usize = d.participants.iter().map(|p| p.goals.len()).sum();
            for p in &d.participants {
                let detail = format!(
                    "{}, {}",
                    lang.count(p.phases.len(), t.phases),
                    lang.count(p.events.len(), t.events)
                );
                items.push(Item {
                    id: p.id.clone(),
                    kind: "participant",
                    label: p.label.clone(),
                    detail,
                });
            }
            let facts = vec![
                lang.count(d.participants.len(), t.participants),
                lang.count(phases, t.phases),
                lang.count(events, t.events),
                lang.count(goals, t.goals),
            ];
            (d.title.clone(), facts, d.source.clone())
        }
        Document::Occupancy(d) => {
            let projects: Vec<_> = d.providers.iter().flat_map(|p| &p.projects).collect();
            let slots: u64 = projects.iter().map(|p| u64::from(p.slots)).sum();
            let filled: u64 = projects
                .iter()
                .filter_map(|p| p.filled)
                .map(u64::from)
                .sum();
            for p in &d.providers {
                let s: u64 = p.projects.iter().map(|x| u64::from(x.slots)).sum();
                let f: u64 = p
                    .projects
                    .iter()
                    .filter_map(|x| x.filled)
                    .map(u64::from)
                    .sum();
                let detail = format!(
                    "{} / {}",
                    lang.integer(f as i64),
                    lang.count(s as usize, t.slots)
                );
                items.push(Item {
                    id: p.id.clone(),
                    kind: "provider",
                    label: p.label.clone(),
                    detail,
                });
            }
            let mut facts = vec![
                lang.count(d.providers.len(), t.providers),
                lang.count(projects.len(), t.projects),
                lang.count(slots as usize, t.slots),
            ];
            if slots > 0 {
                facts.push(format!(
                    "{} / {} ({})",
                    lang.integer(filled as i64),
                    lang.integer(slots as i64),
                    lang.percent(filled as f64 / slots as f64)
                ));
            }
            facts.push(lang.count(d.series.len(), t.reporting_dates));
            if let Some(day) = d.as_of {
                facts.push(format!("{} {}", t.as_of, lang.date(day.0)));
            }
            (
                Some(d.programme.label.clone()),
                facts,
                d.programme.source.clone(),
            )
        }
        Document::Map(d) => {
            let districts: usize = d.regions.iter().map(|r| r.districts.len()).sum();
            for r in &d.regions {
                let detail = lang.count(r.districts.len(), t.districts);
                items.push(Item {
                    id: r.id.clone(),
                    kind: "region",
                    label: r.label.clone(),
                    detail,
                });
            }
            let facts = vec![
                lang.count(d.regions.len(), t.regions),
                lang.count(districts, t.districts),
                lang.count(d.markers.len(), t.markers),
            ];
            (d.title.clone(), facts, d.source.clone())
        }
    };
    let more = items.len().saturating_sub(MAX_ITEMS);
    items.truncate(MAX_ITEMS);
    Summary {
        title,
        facts,
        items,
        more,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::model::WidgetKind;

    #[test]
    fn occupancy_states_fill_rate() {
        let doc = r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"asOf":"2018-12-01",
          "providers":[{"id":"a","label":"A","projects":[{"id":"x","label":"X","slots":113,"filled":111}]}]}"#;
        let c = check(WidgetKind::Occupancy, doc);
        let s = summary(c.document.as_ref().unwrap(), Lang::De);
        assert!(
            s.facts.contains(&"111 / 113 (98,2\u{202f}%)".to_string()),
            "{:?}",
            s.facts
        );
        assert!(s.facts.contains(&"Stand 01.12.2018".to_string()));
        assert_eq!(s.items[0].detail, "111 / 113 Einsatzstellen");
    }

    #[test]
    fn long_lists_are_cut_and_counted() {
        let people: Vec<String> = (0..250)
            .map(|i| format!(r#"{{"id":"p{i}","label":"TN {i}"}}"#))
            .collect();
        let doc = format!(
            r#"{{"schema":"foerderweg/timeline@1","participants":[{}]}}"#,
            people.join(",")
        );
        let c = check(WidgetKind::Timeline, &doc);
        let s = summary(c.document.as_ref().unwrap(), Lang::En);
        assert_eq!(s.items.len(), MAX_ITEMS);
        assert_eq!(s.more, 150);
        assert_eq!(s.facts[0], "250 participants");
    }
}
