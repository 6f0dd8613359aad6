//! Checks every document type shares: ids given twice, ends before starts.

use super::*;

/// Records ids and reports each one seen before.
pub(super) struct UniqueIds<'a, P> {
    /// Each id seen, with where it was first (formatted only when it comes again).
    seen: HashMap<&'a str, P>,
    path: fn(&P) -> String,
}

impl<'a, P> UniqueIds<'a, P> {
    /// `path` turns a place into the JSON path of its id; it runs only for duplicates, so a
    /// document with 10,000 participants does not format 10,000 paths that name nothing.
    pub(super) fn new(path: fn(&P) -> String) -> Self {
        UniqueIds {
            seen: HashMap::new(),
            path,
        }
    }

    pub(super) fn note(&mut self, kind: WidgetKind, id: &'a str, at: P, out: &mut Vec<Diagnostic>) {
        if let Some(first) = self.seen.get(id) {
            let problem = Problem::DuplicateId {
                id: id.to_string(),
                first: (self.path)(first),
            };
            out.push(Diagnostic::error(kind, (self.path)(&at), problem));
        } else {
            self.seen.insert(id, at);
        }
    }
}

pub(super) fn end_before_start(
    kind: WidgetKind,
    start: Day,
    end: Option<Day>,
    path: impl FnOnce() -> String,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(end) = end.filter(|e| *e < start) {
        out.push(Diagnostic::error(
            kind,
            path(),
            Problem::EndBeforeStart { end, start },
        ));
    }
}
