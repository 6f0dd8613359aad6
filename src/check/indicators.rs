//! The key figures' checks beyond types: ids, presets, periods, groups, withheld numbers.

use super::*;
use crate::model::indicator::{Indicator, Status, Unit};

/// What a value of people, cases or euro must be.
pub(super) const NON_NEGATIVE: &str = "a number ≥ 0";
use crate::model::presets;

pub(super) fn semantic_indicators(indicators: &[Indicator], out: &mut Vec<Diagnostic>) {
    let kind = WidgetKind::Occupancy;
    let mut ids = UniqueIds::new(|i: &usize| format!("indicators[{i}].id"));
    for (i, m) in indicators.iter().enumerate() {
        let at = format!("indicators[{i}]");
        ids.note(kind, &m.id, i, out);
        match m.preset.as_deref().map(|id| (id, presets::preset(id))) {
            None => {
                for (field, missing) in [("label", m.label.is_none()), ("unit", m.unit.is_none())] {
                    if missing {
                        let problem = Problem::MissingField(field.into());
                        out.push(Diagnostic::error(kind, at.clone(), problem));
                    }
                }
            }
            Some((id, None)) => {
                // Drawn under its own label and unit if it has them; left out otherwise.
                let problem = Problem::UnknownPreset(id.to_string());
                let path = format!("{at}.preset");
                out.push(if m.label.is_some() && m.unit.is_some() {
                    Diagnostic::warning(kind, path, problem)
                } else {
                    Diagnostic::error(kind, path, problem)
                });
            }
            Some((_, Some(_))) => {}
        }
        // People, cases and amounts are never below zero; rates and changes may be.
        let counted = matches!(m.unit_of(), Some(Unit::Persons | Unit::Cases | Unit::Euro));
        let groups: Vec<&str> = m
            .breakdown
            .iter()
            .flat_map(|b| b.groups.iter().map(|g| g.key.as_str()))
            .collect();
        if let Some(b) = &m.breakdown {
            let mut keys = UniqueIds::new(|&(i, j): &(usize, usize)| {
                format!("indicators[{i}].breakdown.groups[{j}].key")
            });
            for (j, g) in b.groups.iter().enumerate() {
                keys.note(kind, &g.key, (i, j), out);
            }
        }
        let mut periods: HashMap<(crate::model::indicator::Period, Option<&str>), usize> =
            HashMap::new();
        for (j, v) in m.values.iter().enumerate() {
            let here = format!("{at}.values[{j}]");
            if let Some(g) = v.group.as_deref().filter(|g| !groups.contains(g)) {
                let problem = Problem::UnknownGroup(g.to_string());
                out.push(Diagnostic::error(kind, format!("{here}.group"), problem));
                continue;
            }
            if let Some(n) = v.value.filter(|n| counted && *n < 0.0) {
                let problem = Problem::InvalidValue {
                    found: crate::scene::num::plain(n),
                    expected: NON_NEGATIVE.into(),
                };
                out.push(Diagnostic::error(kind, format!("{here}.value"), problem));
                continue;
            }
            if let Some(first) = periods.insert((v.period, v.group.as_deref()), j) {
                // The first stays; this one is left out.
                periods.insert((v.period, v.group.as_deref()), first);
                let problem = Problem::DuplicatePeriod {
                    period: v.period.wire(),
                    first: format!("{at}.values[{first}].period"),
                };
                out.push(Diagnostic::error(kind, format!("{here}.period"), problem));
            }
            if matches!(v.status, Status::Suppressed | Status::NoData) && v.value.is_some() {
                out.push(Diagnostic::warning(
                    kind,
                    format!("{here}.value"),
                    Problem::NumberWithheld,
                ));
            }
        }
    }
}
