//! The occupancy document's checks beyond types.

use super::*;

impl Wire for OccupancyDoc {
    fn schema(&self) -> &str {
        &self.schema
    }
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) -> Option<Arc<crate::geo::Atlas>> {
        semantic_occupancy(self, out);
        None
    }
    fn is_empty(&self) -> bool {
        self.providers.is_empty()
            && self.series.is_empty()
            && self.funding.is_empty()
            && self.indicators.is_empty()
    }
    fn into_document(self) -> Document {
        Document::Occupancy(Arc::new(self))
    }
}

/// What a funding amount must be.
pub(super) const AMOUNT_EXPECTED: &str = "an amount ≥ 0";

pub(super) fn semantic_occupancy(doc: &OccupancyDoc, out: &mut Vec<Diagnostic>) {
    super::indicators::semantic_indicators(&doc.indicators, out);
    let kind = WidgetKind::Occupancy;
    let mismatch = |given: u32, derived: u64, path: String, out: &mut Vec<Diagnostic>| {
        if u64::from(given) != derived {
            let problem = Problem::Mismatch {
                given: u64::from(given),
                derived,
            };
            out.push(Diagnostic::warning(kind, path, problem));
        }
    };
    // Providers and projects are told apart by the `type` of `foerderweg-select`: an id is
    // unique among the providers, and among all projects of the document.
    let mut provider_ids = UniqueIds::new(|i: &usize| format!("providers[{i}].id"));
    let mut project_ids =
        UniqueIds::new(|&(i, j): &(usize, usize)| format!("providers[{i}].projects[{j}].id"));
    let (mut slots_sum, mut filled_sum, mut all_filled, mut project_count) =
        (0u64, 0u64, true, 0u64);
    for (i, pr) in doc.providers.iter().enumerate() {
        provider_ids.note(kind, &pr.id, i, out);
        for (j, pj) in pr.projects.iter().enumerate() {
            let at = format!("providers[{i}].projects[{j}]");
            project_ids.note(kind, &pj.id, (i, j), out);
            project_count += 1;
            slots_sum += u64::from(pj.slots);
            filled_sum += u64::from(pj.filled.unwrap_or(0));
            all_filled &= pj.filled.is_some();
            let slots = u64::from(pj.slots);
            match pj.filled.map(u64::from) {
                Some(filled) if filled > slots => {
                    let problem = Problem::Overfilled { filled, slots };
                    out.push(Diagnostic::error(kind, format!("{at}.filled"), problem));
                }
                Some(filled) => {
                    let taken = filled + u64::from(pj.planned.unwrap_or(0));
                    if taken > slots {
                        let problem = Problem::Overplanned { taken, slots };
                        out.push(Diagnostic::warning(kind, format!("{at}.planned"), problem));
                    }
                    if let (Some(given), Some(derived)) = (pj.vacant, pj.derived_vacant()) {
                        mismatch(given, u64::from(derived), format!("{at}.vacant"), out);
                    }
                }
                None => {}
            }
        }
    }
    let programme = &doc.programme;
    if project_count > 0 {
        if let Some(given) = programme.slots {
            mismatch(given, slots_sum, "programme.slots".into(), out);
        }
        if let Some(given) = programme.project_count {
            mismatch(given, project_count, "programme.projectCount".into(), out);
        }
    }
    if let Some(given) = programme
        .provider_count
        .filter(|_| !doc.providers.is_empty())
    {
        mismatch(
            given,
            doc.providers.len() as u64,
            "programme.providerCount".into(),
            out,
        );
    }
    if let (Some(start), end) = (programme.start, programme.end) {
        end_before_start(kind, start, end, || "programme.end".to_string(), out);
    }

    let total_slots = programme
        .slots
        .map(u64::from)
        .or((project_count > 0).then_some(slots_sum));
    let mut dates: HashMap<Day, String> = HashMap::new();
    for (i, point) in doc.series.iter().enumerate() {
        let at = format!("series[{i}]");
        if let Some(first) = dates.get(&point.date) {
            let problem = Problem::DuplicateDate {
                date: point.date,
                first: first.clone(),
            };
            out.push(Diagnostic::error(kind, format!("{at}.date"), problem));
        } else {
            dates.insert(point.date, format!("{at}.date"));
        }
        if let (Some(filled), Some(slots)) = (point.filled.map(u64::from), total_slots)
            && filled > slots
        {
            let problem = Problem::Overfilled { filled, slots };
            out.push(Diagnostic::error(kind, format!("{at}.filled"), problem));
        }
        let maps = [
            (
                "earlyTerminationsByReason",
                &point.early_terminations_by_reason,
            ),
            ("exitsByOutcome", &point.exits_by_outcome),
        ];
        for (field, counts) in maps {
            for key in counts.duplicates() {
                let used = counts.get(key).map_or(String::new(), u32::to_string);
                out.push(Diagnostic::warning(
                    kind,
                    format!("{at}.{field}.{key}"),
                    Problem::DuplicateKey {
                        key: key.clone(),
                        used,
                    },
                ));
            }
        }
        let reasons = &point.early_terminations_by_reason;
        for key in reasons
            .keys()
            .filter(|k| !TERMINATION_REASONS.contains(&k.as_str()))
        {
            let path = format!("{at}.earlyTerminationsByReason.{key}");
            out.push(Diagnostic::warning(
                kind,
                path,
                Problem::UnknownKind(key.clone()),
            ));
        }
        if let (Some(total), false) = (point.early_terminations, reasons.is_empty()) {
            let sum = reasons.values().map(|v| u64::from(*v)).sum();
            mismatch(total, sum, format!("{at}.earlyTerminations"), out);
        }
    }
    match (doc.as_of_point(), doc.as_of) {
        (Some(i), _) => {
            if let (Some(filled), true) = (doc.series[i].filled, all_filled && project_count > 0) {
                mismatch(filled, filled_sum, format!("series[{i}].filled"), out);
            }
        }
        (None, Some(day)) if !doc.series.is_empty() => {
            out.push(Diagnostic::warning(
                kind,
                "asOf",
                Problem::NoFiguresAsOf(day),
            ));
        }
        _ => {}
    }
    let sum: f64 = doc
        .funding
        .iter()
        .map(|f| f.amount)
        .filter(|a| a.is_finite())
        .sum();
    if !sum.is_finite() {
        out.push(Diagnostic::warning(kind, "funding", Problem::SumTooLarge));
    }
    for (i, line) in doc.funding.iter().enumerate() {
        if !(line.amount.is_finite() && line.amount >= 0.0) {
            let problem = Problem::InvalidValue {
                found: crate::scene::num::plain(line.amount),
                expected: AMOUNT_EXPECTED.into(),
            };
            out.push(Diagnostic::error(
                kind,
                format!("funding[{i}].amount"),
                problem,
            ));
        }
        if let Some(start) = line.start {
            end_before_start(kind, start, line.end, || format!("funding[{i}].end"), out);
        }
    }
}
