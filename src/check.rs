//! From the host's JSON text to a checked document and a list of diagnostics.
//!
//! Every diagnostic names a JSON path (`participants[3].phases[1].end`) and, where the parser
//! knows it, a line and column. Problems are kept as data ([`Problem`]) and only turned into
//! sentences by [`Diagnostic::message`], so switching the language needs no new parse.
//! An error leaves out the record it is in (the innermost list element that holds its path: a
//! participant, a phase, a project, a reporting date) and names it; the rest is drawn. Only a
//! document of which nothing can be drawn, or of an unknown schema, is refused as a whole.
//! Warnings say what was changed or is suspect in a record that is drawn.

use crate::i18n::{Lang, fill};
use crate::model::common::{COUNT_EXPECTED, DATE_EXPECTED, Head};
use crate::model::indicator::PERIOD_EXPECTED;
use crate::model::occupancy::{OccupancyDoc, TERMINATION_REASONS};
use crate::model::regions::MapDoc;
use crate::model::timeline::TimelineDoc;
use crate::model::{Day, WidgetKind};
use prune::Seg;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::sync::Arc;

pub mod confidential;
mod diagnostic;
mod duplicates;
mod indicators;
mod map;
mod occupancy;
mod prune;
mod read;
mod records;
mod surrogates;
mod timeline;

pub use confidential::Confidential;
pub use diagnostic::{Diagnostic, Problem, Severity};
use occupancy::*;
pub use prune::LeftOut;
use read::*;
use records::*;
pub use timeline::{EVENT_KINDS, PHASE_KINDS};

/// A checked document of one of the three kinds.
///
/// Shared (`Arc`), so a view that is drawn again (a language switch, a resize) takes the
/// document without copying it.
#[derive(Clone, Debug)]
pub enum Document {
    /// A timeline document.
    Timeline(Arc<TimelineDoc>),
    /// An occupancy document.
    Occupancy(Arc<OccupancyDoc>),
    /// A map document.
    Map(Arc<MapDoc>),
}

/// The outcome of [`check`]: the document when it can be drawn, and every finding.
#[derive(Clone, Debug)]
pub struct Checked {
    /// `Some` when something of it can be drawn: the valid records, without those named in an
    /// error.
    pub document: Option<Document>,
    /// Errors (records left out) first, then warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// What the errors left out, with the map from paths in `document` to the host's paths.
    pub left_out: LeftOut,
    /// A map document's own `geometry`, read into shapes: what it is drawn on instead of the
    /// built-in districts. Held here, next to the document, because the model (what the host
    /// sends) names nothing of the geometry layer above it.
    pub host_atlas: Option<Arc<crate::geo::Atlas>>,
}

impl Checked {
    /// A result made of one diagnostic alone (a failed fetch, say).
    pub fn failed(diagnostic: Diagnostic) -> Checked {
        Checked {
            document: None,
            diagnostics: vec![diagnostic],
            left_out: LeftOut::default(),
            host_atlas: None,
        }
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// The document's own preferred language, if it names one.
    pub fn document_lang(&self) -> Option<Lang> {
        let tag = match self.document.as_ref()? {
            Document::Timeline(d) => d.lang.as_deref(),
            Document::Occupancy(d) => d.lang.as_deref(),
            Document::Map(d) => d.lang.as_deref(),
        };
        tag.and_then(Lang::parse)
    }
}

/// Reads the text of an element's `data` attribute: a document is a JSON object, so text that
/// does not begin with `{` is no document. That is what a framework writes for an object set on
/// an element it does not know yet (`"[object Object]"`), and is named, never taken for "no
/// data". Text that begins with `{` is checked as any document is.
///
/// ```
/// use foerderweg::check::{data_attribute, Problem};
/// use foerderweg::model::WidgetKind;
/// let refused = data_attribute(WidgetKind::Map, "[object Object]").unwrap_err();
/// assert_eq!(refused.problem, Problem::DataAttribute("[object Object]".into()));
/// assert_eq!(refused.problem.code(), "data-attribute");
/// assert_eq!(data_attribute(WidgetKind::Map, " {\"schema\": 1}"), Ok(" {\"schema\": 1}"));
/// ```
pub fn data_attribute(kind: WidgetKind, text: &str) -> Result<&str, Diagnostic> {
    if text.trim_start().starts_with('{') {
        return Ok(text);
    }
    const SHOWN: usize = 40;
    let mut start: String = text.trim().chars().take(SHOWN).collect();
    if text.trim().chars().nth(SHOWN).is_some() {
        start.push('…');
    }
    Err(Diagnostic::error(kind, "", Problem::DataAttribute(start)))
}

/// Parses and checks a document for the widget `kind`.
///
/// ```
/// use foerderweg::check::{check, Problem};
/// use foerderweg::model::WidgetKind;
/// let c = check(WidgetKind::Timeline, "{\n  \"schema\": \"foerderweg/timeline@1\",\n  \"participants\": [,]\n}");
/// assert!(c.document.is_none());
/// assert_eq!(c.diagnostics[0].position, Some((3, 20)));
/// ```
pub fn check(kind: WidgetKind, text: &str) -> Checked {
    check_with(kind, text, None)
}

/// [`check`], with the host's level for sensitive records (the element's `confidential`
/// attribute or `mount()` option; `None`: not given). The strictest of it and the document's
/// own `confidential` field is applied to the checked document before anything else sees it
/// ([`confidential::apply`]); when neither says, [`Confidential::DEFAULT`].
///
/// ```
/// use foerderweg::check::{check_with, Confidential, Document};
/// use foerderweg::model::WidgetKind;
/// let text = r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a","label":"A",
///   "events":[{"kind":"debtCounselling","date":"2018-01-08","label":"Schuldnerberatung Stendal"}]}]}"#;
/// let Some(Document::Timeline(doc)) = check_with(WidgetKind::Timeline, text, None).document else { panic!() };
/// assert_eq!(doc.participants[0].events[0].kind, "confidential");
/// assert_eq!(doc.participants[0].events[0].label, None);
/// let Some(Document::Timeline(doc)) = check_with(WidgetKind::Timeline, text, Some(Confidential::Hide)).document else { panic!() };
/// assert!(doc.participants[0].events.is_empty());
/// assert_eq!((doc.participants[0].confidential, doc.participants[0].hidden()), (1, 1));
/// ```
pub fn check_with(kind: WidgetKind, text: &str, host: Option<Confidential>) -> Checked {
    let mut checked = check_unprotected(kind, text);
    if let Some(Document::Timeline(doc)) = &mut checked.document {
        let doc = Arc::make_mut(doc);
        let own = confidential::document_level(doc, &mut checked.diagnostics);
        confidential::apply(doc, Confidential::strictest([own, host]));
    }
    checked
}

fn check_unprotected(kind: WidgetKind, text: &str) -> Checked {
    // Each arm only in a build that draws its kind, so that a module of one widget holds the
    // reading of one document type.
    match kind {
        WidgetKind::Timeline if kind.built() => check_as::<TimelineDoc>(kind, text),
        WidgetKind::Occupancy if kind.built() => check_as::<OccupancyDoc>(kind, text),
        WidgetKind::Map if kind.built() => check_as::<MapDoc>(kind, text),
        _ => Checked::failed(Diagnostic::error(kind, "", Problem::NotBuilt)),
    }
}

/// The text as a JSON value, read as [`check`] reads it (lone surrogates as U+FFFD, numbers
/// beyond a double's range as text, see [`value_of`]).
pub(crate) fn json_value(text: &str) -> Option<serde_json::Value> {
    match surrogates::mend(text) {
        Some((mended, _)) => value_of(&mended).ok(),
        None => value_of(text).ok(),
    }
}

/// The text as a JSON value. `1e999` is JSON, but beyond a double's range, where serde_json
/// refuses the whole text: such a number is read as the string of its digits instead, so that
/// the record holding it fails alone (a figure that is text), named with its path, and an
/// unknown field holding it is ignored as the typed pass ignores it.
pub(crate) fn value_of(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    let mut mended: Option<String> = None;
    for _ in 0..read::MAX_ROUNDS {
        let current = mended.as_deref().unwrap_or(text);
        let e = match serde_json::from_str(current) {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        let quoted = e
            .to_string()
            .starts_with("number out of range")
            .then(|| quote_number(current, e.line(), e.column()))
            .flatten();
        match quoted {
            Some(next) => mended = Some(next),
            None => return Err(e),
        }
    }
    serde_json::from_str(mended.as_deref().unwrap_or(text))
}

/// `text` with the number that ends at `line`, `column` (serde_json's place, in bytes) written
/// as a string.
fn quote_number(text: &str, line: usize, column: usize) -> Option<String> {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let b = text.as_bytes();
    let at = (start_of_line + column).min(b.len());
    let is_number = |c: u8| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E');
    let start = (0..at).rev().take_while(|&i| is_number(b[i])).last()?;
    let end = (start..b.len())
        .find(|&i| !is_number(b[i]))
        .unwrap_or(b.len());
    Some(format!(
        "{}\"{}\"{}",
        &text[..start],
        &text[start..end],
        &text[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_beyond_a_double_are_read_as_text() {
        for (text, want) in [
            ("{\"a\":1e999}", serde_json::json!({"a": "1e999"})),
            (
                "{\"a\": [1, -2E+400 ],\n \"b\":\n  3e999}",
                serde_json::json!({"a": [1, "-2E+400"], "b": "3e999"}),
            ),
        ] {
            assert_eq!(value_of(text).unwrap(), want, "{text}");
        }
        assert!(
            value_of("{\"a\":1e999").is_err(),
            "other errors stay errors"
        );
    }

    #[test]
    fn a_figure_beyond_a_double_leaves_out_its_record_alone() {
        let text = r#"{"schema":"foerderweg/map@1","values":[
            {"key":"15090","value":1e999},
            {"key":"15086","value":7}],
            "note":1e999}"#;
        let c = check(WidgetKind::Map, text);
        let Some(Document::Map(doc)) = &c.document else {
            panic!("{:?}", c.diagnostics)
        };
        assert_eq!(doc.values.len(), 1);
        let errors: Vec<_> = c.errors().map(|d| d.path.as_str()).collect();
        assert_eq!(errors, ["values[0].value"]);
    }

    const T: WidgetKind = WidgetKind::Timeline;

    fn timeline(body: &str) -> Checked {
        check(
            T,
            &format!(r#"{{"schema":"foerderweg/timeline@1",{body}}}"#),
        )
    }

    #[test]
    fn a_minimal_document_passes() {
        let c = timeline(r#""participants":[]"#);
        assert!(c.document.is_some());
        assert!(c.diagnostics.is_empty());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let c = check(
            T,
            "{\n \"schema\": \"foerderweg/timeline@1\",\n \"participants\": [}\n}",
        );
        let d = &c.diagnostics[0];
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.problem.code(), "syntax");
        assert_eq!(d.position, Some((3, 19)));
        assert_eq!(d.message(Lang::De), "Kein gültiges JSON: Wert erwartet");
    }

    /// The typed pass runs first now; what follows a complete document must still be an error
    /// with its place, and a wrong schema must still win over type errors.
    #[test]
    fn text_after_the_document_and_the_schema_gate_keep_their_order() {
        let c = check(
            T,
            "{\"schema\":\"foerderweg/timeline@1\",\"participants\":[]}\n xyz",
        );
        assert!(c.document.is_none());
        assert_eq!(c.diagnostics[0].problem.code(), "syntax");
        assert_eq!(c.diagnostics[0].position, Some((2, 2)));
        let wrong = check(T, r#"{"schema":"foerderweg/map@1","participants":7}"#);
        assert_eq!(
            wrong.diagnostics[0].problem,
            Problem::WrongSchema("foerderweg/map@1".into())
        );
        let decodes = check(T, r#"{"schema":"foerderweg/map@1","participants":[]}"#);
        assert_eq!(decodes.diagnostics.len(), 1);
        assert_eq!(
            decodes.diagnostics[0].problem,
            Problem::WrongSchema("foerderweg/map@1".into())
        );
        let typed = timeline(r#""participants":[{"id":"a","label":"A","phases":7}]"#);
        assert_eq!(typed.diagnostics[0].path, "participants[0].phases");
    }

    #[test]
    fn truncated_text_is_eof() {
        let c = check(T, r#"{"schema":"foerderweg/timeline@1","participants":["#);
        assert_eq!(c.diagnostics[0].problem, Problem::Eof);
    }

    #[test]
    fn empty_text_is_eof_not_panic() {
        assert_eq!(check(T, "").diagnostics[0].problem, Problem::Eof);
        assert_eq!(check(T, "null").diagnostics[0].problem.code(), "wrong-type");
    }

    #[test]
    fn a_missing_field_names_its_full_path() {
        let c = timeline(
            r#""participants":[{"id":"a","label":"A","phases":[{"kind":"profiling","start":"2018-01-02"},{"kind":"placement"}]}]"#,
        );
        let d = &c.diagnostics[0];
        assert_eq!(d.path, "participants[0].phases[1].start");
        assert_eq!(d.problem, Problem::MissingField("start".into()));
        assert!(d.position.is_some());
    }

    #[test]
    fn a_wrong_type_names_found_and_expected_in_german() {
        let c = timeline(r#""participants":[{"id":"a","label":"A","phases":"none"}]"#);
        let d = &c.diagnostics[0];
        assert_eq!(d.path, "participants[0].phases");
        assert_eq!(
            d.message(Lang::De),
            "Falscher Typ: Text \"none\" gefunden, eine Liste erwartet."
        );
        assert_eq!(
            d.message(Lang::En),
            "Wrong type: found text \"none\", expected a list."
        );
    }

    #[test]
    fn impossible_dates_are_invalid_dates() {
        let c = timeline(
            r#""participants":[{"id":"a","label":"A","phases":[{"kind":"profiling","start":"2018-02-30"}]}]"#,
        );
        let d = &c.diagnostics[0];
        assert_eq!(d.path, "participants[0].phases[0].start");
        assert_eq!(d.problem, Problem::InvalidDate("2018-02-30".into()));
        assert_eq!(
            d.message(Lang::De),
            "„2018-02-30“ ist kein gültiges Datum (erwartet JJJJ-MM-TT)."
        );
    }

    #[test]
    fn schema_gate() {
        let missing = check(T, r#"{"participants":[]}"#);
        assert_eq!(missing.diagnostics[0].problem, Problem::MissingSchema);
        let other = check(T, r#"{"schema":"foerderweg/map@1","participants":[]}"#);
        assert_eq!(
            other.diagnostics[0].problem,
            Problem::WrongSchema("foerderweg/map@1".into())
        );
        let newer = check(T, r#"{"schema":"foerderweg/timeline@2","participants":[]}"#);
        assert_eq!(newer.diagnostics[0].problem.code(), "unsupported-version");
        let minor = check(
            T,
            r#"{"schema":"foerderweg/timeline@1.3","participants":[]}"#,
        );
        assert!(minor.document.is_some());
        let number = check(T, r#"{"schema":1}"#);
        assert_eq!(number.diagnostics[0].path, "schema");
        assert_eq!(number.diagnostics[0].problem.code(), "wrong-type");
    }

    #[test]
    fn unknown_fields_are_warnings_with_paths() {
        let c = timeline(
            r#""participants":[{"id":"a","label":"A","colour":"red","phases":[{"kind":"other","start":"2018-01-01","x":1}]}],"extra":true"#,
        );
        assert!(c.document.is_some());
        let paths: Vec<_> = c.warnings().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "participants[0].colour",
                "participants[0].phases[0].x",
                "extra"
            ]
        );
    }

    #[test]
    fn semantic_errors_leave_out_their_record() {
        let c = timeline(
            r#""participants":[{"id":"a","label":"A","phases":[{"kind":"placement","start":"2018-05-02","end":"2018-05-01"}]},{"id":"a","label":"B"}]"#,
        );
        let Some(Document::Timeline(doc)) = &c.document else {
            panic!("not drawn: {:?}", c.diagnostics)
        };
        assert_eq!(doc.participants.len(), 1);
        assert!(doc.participants[0].phases.is_empty());
        let codes: Vec<_> = c
            .errors()
            .map(|d| (d.problem.code(), d.path.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("end-before-start", "participants[0].phases[0].end"),
                ("duplicate-id", "participants[1].id")
            ]
        );
        assert_eq!(
            c.diagnostics[0].message(Lang::De),
            "Das Ende (01.05.2018) liegt vor dem Beginn (02.05.2018)."
        );
        // The first place of a duplicate id is formatted only now, and still named.
        assert!(
            c.diagnostics[1]
                .message(Lang::En)
                .contains("participants[0].id")
        );
    }

    #[test]
    fn unknown_kinds_warn_but_render() {
        let c = timeline(
            r#""participants":[{"id":"a","label":"A","phases":[{"kind":"sabbatical","start":"2018-05-02"}],"events":[{"kind":"party","date":"2018-06-01"}]}]"#,
        );
        assert!(c.document.is_some());
        let paths: Vec<_> = c.warnings().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "participants[0].phases[0].kind",
                "participants[0].events[0].kind"
            ]
        );
    }

    #[test]
    fn filled_above_slots_is_an_error_with_path() {
        let c = check(
            WidgetKind::Occupancy,
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"providers":[{"id":"t","label":"T","projects":[{"id":"p","label":"P","slots":3,"filled":4}]}]}"#,
        );
        let d = c.errors().next().unwrap();
        assert_eq!(d.path, "providers[0].projects[0].filled");
        assert_eq!(
            d.message(Lang::En),
            "4 filled places are more than the 3 slots there are."
        );
        assert_eq!(
            d.message(Lang::De),
            "4 besetzte Plätze sind mehr als die 3 vorhandenen Einsatzstellen."
        );
    }

    #[test]
    fn negative_counts_are_left_out_with_a_warning() {
        let c = check(
            WidgetKind::Occupancy,
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"series":[{"date":"2018-01-01","profilings":-3}]}"#,
        );
        assert!(c.document.is_some(), "the reporting date is drawn");
        let d = &c.diagnostics[0];
        assert_eq!(d.path, "series[0].profilings");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(
            d.message(Lang::De),
            "-3 ist keine ganze Zahl ≥ 0; die Angabe wird nicht gezeigt."
        );
    }

    #[test]
    fn diagnostics_serialise_for_the_error_event() {
        let c = check(T, "{");
        let v = c.diagnostics[0].to_json(Lang::En);
        assert_eq!(v["severity"], "error");
        assert_eq!(v["code"], "eof");
        assert_eq!(v["line"], 1);
    }

    fn occupancy(body: &str) -> Checked {
        check(
            WidgetKind::Occupancy,
            &format!(r#"{{"schema":"foerderweg/occupancy@1","programme":{{"label":"P"}},{body}}}"#),
        )
    }

    fn codes(c: &Checked) -> Vec<(String, &'static str)> {
        c.diagnostics
            .iter()
            .map(|d| (d.path.clone(), d.problem.code()))
            .collect()
    }

    #[test]
    fn inconsistent_occupancy_figures_are_warnings_with_paths() {
        let c = occupancy(
            r#""providers":[{"id":"t","label":"T","projects":[
                {"id":"a","label":"A","slots":10,"filled":8,"planned":1,"vacant":3},
                {"id":"b","label":"B","slots":5,"filled":4,"planned":2}]}],
               "series":[{"date":"2018-12-01","filled":13,"earlyTerminations":5,
                          "earlyTerminationsByReason":{"health":2,"moonPhase":1}}]"#,
        );
        assert!(c.document.is_some(), "warnings do not stop the render");
        assert_eq!(
            codes(&c),
            [
                ("providers[0].projects[0].vacant".to_string(), "mismatch"),
                (
                    "providers[0].projects[1].planned".to_string(),
                    "overplanned"
                ),
                (
                    "series[0].earlyTerminationsByReason.moonPhase".to_string(),
                    "unknown-kind"
                ),
                ("series[0].earlyTerminations".to_string(), "mismatch"),
                ("series[0].filled".to_string(), "mismatch"),
            ]
        );
        let vacant = &c.diagnostics[0];
        assert_eq!(
            vacant.message(Lang::De),
            "Angegeben ist 3, aus den übrigen Zahlen ergibt sich 1; angezeigt wird der angegebene Wert."
        );
    }

    #[test]
    fn series_filled_above_the_programme_slots_leaves_out_the_point() {
        let c = check(
            WidgetKind::Occupancy,
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P","slots":113},
                "series":[{"date":"2018-12-01","filled":111},{"date":"2019-01-01","filled":114}]}"#,
        );
        let Some(Document::Occupancy(doc)) = &c.document else {
            panic!("not drawn: {:?}", c.diagnostics)
        };
        assert_eq!(doc.series.len(), 1, "the other reporting date is drawn");
        assert_eq!(codes(&c), [("series[1].filled".to_string(), "overfilled")]);
    }

    #[test]
    fn a_reporting_date_twice_is_an_error_naming_both() {
        let c = occupancy(r#""series":[{"date":"2018-05-08"},{"date":"2018-05-08"}]"#);
        assert_eq!(
            codes(&c),
            [("series[1].date".to_string(), "duplicate-date")]
        );
        assert_eq!(
            c.diagnostics[0].message(Lang::En),
            "The reporting date 2018-05-08 appears more than once (first at series[0].date)."
        );
    }

    #[test]
    fn as_of_before_every_reporting_date_is_a_warning() {
        let c = occupancy(r#""asOf":"2017-01-01","series":[{"date":"2018-05-08","filled":3}]"#);
        assert_eq!(codes(&c), [("asOf".to_string(), "no-figures-as-of")]);
        let c = occupancy(r#""funding":[{"source":"ESF","amount":-5}]"#);
        assert_eq!(
            codes(&c),
            [("funding[0].amount".to_string(), "invalid-value")]
        );
        assert_eq!(
            c.diagnostics[0].message(Lang::De),
            "Ungültiger Wert: -5 gefunden, ein Betrag ≥ 0 erwartet."
        );
    }

    #[test]
    fn an_event_outside_the_path_is_a_warning_with_its_path() {
        let c = check(
            WidgetKind::Timeline,
            r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a","label":"A",
                "phases":[{"kind":"profiling","start":"2018-02-01","end":"2018-03-01"}],
                "events":[{"kind":"review","date":"2018-02-10"},{"kind":"review","date":"2017-12-24"}],
                "exit":{"date":"2018-06-30","outcome":"employment"}}]}"#,
        );
        assert!(c.document.is_some());
        assert_eq!(
            codes(&c),
            [(
                "participants[0].events[1].date".to_string(),
                "outside-range"
            )]
        );
        assert_eq!(
            c.diagnostics[0].message(Lang::De),
            "Der Termin am 24.12.2017 liegt außerhalb des Verlaufs (01.02.2018–30.06.2018); er wird trotzdem gezeigt."
        );
    }
}
