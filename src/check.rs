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
use crate::model::occupancy::{OccupancyDoc, TERMINATION_REASONS};
use crate::model::regions::MapDoc;
use crate::model::timeline::TimelineDoc;
use crate::model::{Day, WidgetKind};
use prune::Seg;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::sync::Arc;

mod duplicates;
mod prune;
mod surrogates;
pub use prune::LeftOut;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The record at the path is not drawn (or, when nothing can be drawn, the document).
    Error,
    /// The document is drawn; this part was left out or changed.
    Warning,
}

impl Severity {
    /// `error` or `warning`, for events and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What is wrong, with the details a sentence needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not JSON; the parser's own detail.
    Syntax(String),
    /// The text ends inside a value.
    Eof,
    /// A required field is absent.
    MissingField(String),
    /// A value of another type than expected.
    WrongType {
        /// What the document holds, e.g. `string "abc"`.
        found: String,
        /// What the schema wants, e.g. `u32`.
        expected: String,
    },
    /// A value of the right type outside what is allowed (e.g. a negative count).
    InvalidValue {
        /// What the document holds.
        found: String,
        /// What the schema wants.
        expected: String,
    },
    /// A date that is not `YYYY-MM-DD` or not in the calendar.
    InvalidDate(String),
    /// A field this version does not know (left out).
    UnknownField,
    /// No `schema` field at the top.
    MissingSchema,
    /// The `schema` of another widget's document.
    WrongSchema(String),
    /// The right document type in a version this build cannot read.
    UnsupportedVersion(String),
    /// An end before its start.
    EndBeforeStart {
        /// The end date.
        end: Day,
        /// The start date.
        start: Day,
    },
    /// An id used twice; the path of its first use.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: String,
    },
    /// A kind word this version does not know (drawn as "other").
    UnknownKind(String),
    /// More places filled than there are slots.
    Overfilled {
        /// Filled places.
        filled: u64,
        /// Slots.
        slots: u64,
    },
    /// Filled and planned places together exceed the slots.
    Overplanned {
        /// Filled plus planned.
        taken: u64,
        /// Slots.
        slots: u64,
    },
    /// A figure disagrees with the sum or difference of the others; the given one is shown.
    Mismatch {
        /// The value in the document.
        given: u64,
        /// What the other figures give.
        derived: u64,
    },
    /// A reporting date that appears twice; the path of its first use.
    DuplicateDate {
        /// The date.
        date: Day,
        /// Where it was first used.
        first: String,
    },
    /// `asOf` is before every reporting date, so there are no key figures.
    NoFiguresAsOf(Day),
    /// A dated record outside the participant's known range (first phase to exit).
    OutsideRange {
        /// The date.
        date: Day,
        /// First day of the range.
        from: Day,
        /// Last day of the range.
        to: Day,
    },
    /// `src` answered with an HTTP error status.
    HttpStatus(u16),
    /// `src` could not be fetched at all.
    Network,
    /// `src` did not answer within the widget's `timeout` (seconds).
    Timeout(u32),
    /// `src` sent (or announced) more than the widget's `max-size`, in bytes; reading stopped.
    TooLarge(u64),
    /// `src` declared a charset other than UTF-8 (as declared); the text was decoded with it.
    Charset(String),
    /// `src` sent bytes that are not valid UTF-8; they were replaced by U+FFFD.
    InvalidUtf8,
    /// `src` is on another origin that answers, but does not allow this page to read it (CORS);
    /// its origin.
    Cors(String),
    /// The page's Content-Security-Policy does not allow connecting to `src`'s origin (named).
    Csp(String),
    /// `src` redirects, but the redirect cannot be followed (a loop, or a target that cannot be
    /// reached or read).
    Redirect,
    /// `src` was redirected to this URL (to another origin, or to an answer that is not data).
    Redirected(String),
    /// The `data` property held something JSON cannot represent.
    NotSerialisable,
    /// This build of the module does not draw the widget (see `WidgetKind::built`).
    NotBuilt,
    /// A language the widget does not speak.
    UnknownLang(String),
    /// A key that names no known area (district, municipality, Land or host area).
    UnknownArea(String),
    /// An area in two regions in force at the same time; the area's name and the first
    /// region's path.
    TwoRegions {
        /// Name of the area.
        area: String,
        /// Path of the region it is first in.
        first: String,
    },
    /// A figure keyed by the 2-digit key of a whole Land: it names no district, so it is not
    /// drawn (a Land's figure on each of its districts would misstate them).
    LandKey(String),
    /// A second figure for the same area (keys compared as the map reads them); the first is
    /// shown.
    DuplicateFigure {
        /// The key as the document writes it.
        key: String,
        /// Path of the figure that is shown.
        first: String,
    },
    /// A figure whose key names several of the host's areas and none alone; not drawn.
    ManyAreas(String),
    /// A feature of the host's geometry that cannot be drawn; what is wrong.
    BadGeometry(String),
    /// The built-in geometry could not be loaded; why.
    GeometryUnavailable(String),
    /// Any other parser message.
    Other(String),
    /// More records are broken than the check leaves out one by one; the document is refused.
    TooManyLeftOut(usize),
    /// A `\\uD800`–`\\uDFFF` escape without its other half, read as U+FFFD.
    LoneSurrogate,
    /// A key given twice in one object; the last value is used.
    DuplicateKey {
        /// The key.
        key: String,
        /// The value used (the last), as written.
        used: String,
    },
    /// A phase with the same kind, start and end as an earlier one of the participant.
    SameDates {
        /// Path of the earlier phase.
        first: String,
    },
    /// An exit dated before the first phase starts.
    ExitBeforeStart {
        /// The exit date.
        exit: Day,
        /// The first phase's start.
        start: Day,
    },
    /// A count that is not a whole number ≥ 0 (negative or with a fraction); left out.
    BadCount(String),
    /// A sum of amounts that is too large for a number; left out.
    SumTooLarge,
}

impl Problem {
    /// A stable, machine-readable code for hosts (`missing-field`, `wrong-type`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Syntax(_) => "syntax",
            Problem::Eof => "eof",
            Problem::MissingField(_) => "missing-field",
            Problem::WrongType { .. } => "wrong-type",
            Problem::InvalidValue { .. } => "invalid-value",
            Problem::InvalidDate(_) => "invalid-date",
            Problem::UnknownField => "unknown-field",
            Problem::MissingSchema => "missing-schema",
            Problem::WrongSchema(_) => "wrong-schema",
            Problem::UnsupportedVersion(_) => "unsupported-version",
            Problem::EndBeforeStart { .. } => "end-before-start",
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::UnknownKind(_) => "unknown-kind",
            Problem::Overfilled { .. } => "overfilled",
            Problem::Overplanned { .. } => "overplanned",
            Problem::Mismatch { .. } => "mismatch",
            Problem::DuplicateDate { .. } => "duplicate-date",
            Problem::NoFiguresAsOf(_) => "no-figures-as-of",
            Problem::OutsideRange { .. } => "outside-range",
            Problem::HttpStatus(_) => "http-status",
            Problem::Network => "network",
            Problem::Timeout(_) => "timeout",
            Problem::TooLarge(_) => "too-large",
            Problem::Charset(_) => "charset",
            Problem::InvalidUtf8 => "invalid-utf8",
            Problem::Cors(_) => "cors",
            Problem::Csp(_) => "csp",
            Problem::Redirect => "redirect",
            Problem::Redirected(_) => "redirected",
            Problem::NotSerialisable => "not-serialisable",
            Problem::NotBuilt => "not-built",
            Problem::UnknownLang(_) => "unknown-lang",
            Problem::UnknownArea(_) => "unknown-area",
            Problem::TwoRegions { .. } => "two-regions",
            Problem::LandKey(_) => "land-key",
            Problem::DuplicateFigure { .. } => "duplicate-figure",
            Problem::ManyAreas(_) => "many-areas",
            Problem::BadGeometry(_) => "bad-geometry",
            Problem::GeometryUnavailable(_) => "geometry-unavailable",
            Problem::Other(_) => "other",
            Problem::TooManyLeftOut(_) => "too-many-left-out",
            Problem::LoneSurrogate => "lone-surrogate",
            Problem::DuplicateKey { .. } => "duplicate-key",
            Problem::SameDates { .. } => "same-dates",
            Problem::ExitBeforeStart { .. } => "exit-before-start",
            Problem::BadCount(_) => "bad-count",
            Problem::SumTooLarge => "sum-too-large",
        }
    }
}

/// One finding about the input, pointing at where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// JSON path, `participants[3].phases[1].end`; empty for the whole document.
    pub path: String,
    /// Line and column (1-based) in the text, where the parser knows them.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub problem: Problem,
    /// The widget the document was meant for (to name the expected schema).
    pub kind: WidgetKind,
}

impl Diagnostic {
    /// An error at `path`.
    pub fn error(kind: WidgetKind, path: impl Into<String>, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            position: None,
            problem,
            kind,
        }
    }

    /// A warning at `path`.
    pub fn warning(kind: WidgetKind, path: impl Into<String>, problem: Problem) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            path: path.into(),
            position: None,
            problem,
            kind,
        }
    }

    /// The sentence, in `lang`.
    ///
    /// ```
    /// use foerderweg::check::{check, Problem};
    /// use foerderweg::i18n::Lang;
    /// use foerderweg::model::WidgetKind;
    /// let c = check(WidgetKind::Timeline, r#"{"schema":"foerderweg/timeline@1"}"#);
    /// let d = &c.diagnostics[0];
    /// assert_eq!(d.problem, Problem::MissingField("participants".into()));
    /// assert_eq!(d.message(Lang::De), "Pflichtfeld „participants“ fehlt.");
    /// assert_eq!(d.message(Lang::En), "Required field “participants” is missing.");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts().diag;
        match &self.problem {
            Problem::Syntax(detail) => fill(t.syntax, &describe(lang, detail), ""),
            Problem::Eof => t.eof.to_string(),
            Problem::MissingField(f) => fill(t.missing_field, f, ""),
            Problem::WrongType { found, expected } => fill(
                t.wrong_type,
                &describe(lang, found),
                &describe(lang, expected),
            ),
            Problem::InvalidValue { found, expected } => fill(
                t.invalid_value,
                &describe(lang, found),
                &describe(lang, expected),
            ),
            Problem::InvalidDate(text) => fill(t.invalid_date, text, ""),
            Problem::UnknownField => t.unknown_field.to_string(),
            Problem::MissingSchema => fill(t.missing_schema, self.kind.schema_id(), ""),
            Problem::WrongSchema(found) => fill(t.wrong_schema, found, self.kind.schema_id()),
            Problem::UnsupportedVersion(found) => {
                fill(t.unsupported_version, found, self.kind.schema_id())
            }
            Problem::EndBeforeStart { end, start } => {
                fill(t.end_before_start, &lang.date(end.0), &lang.date(start.0))
            }
            Problem::DuplicateId { id, first } => fill(t.duplicate_id, id, first),
            Problem::UnknownKind(k) => fill(t.unknown_kind, k, ""),
            Problem::Overfilled { filled, slots } => fill(
                t.overfilled,
                &lang.integer(*filled as i64),
                &lang.integer(*slots as i64),
            ),
            Problem::Overplanned { taken, slots } => fill(
                t.overplanned,
                &lang.integer(*taken as i64),
                &lang.integer(*slots as i64),
            ),
            Problem::Mismatch { given, derived } => fill(
                t.mismatch,
                &lang.integer(*given as i64),
                &lang.integer(*derived as i64),
            ),
            Problem::DuplicateDate { date, first } => {
                fill(t.duplicate_date, &lang.date(date.0), first)
            }
            Problem::NoFiguresAsOf(day) => fill(t.no_figures_as_of, &lang.date(day.0), ""),
            Problem::OutsideRange { date, from, to } => fill(
                t.outside_range,
                &lang.date(date.0),
                &format!("{}–{}", lang.date(from.0), lang.date(to.0)),
            ),
            Problem::HttpStatus(s) => fill(t.http_status, &s.to_string(), ""),
            Problem::Network => t.network.to_string(),
            Problem::Timeout(s) => fill(t.timeout, &lang.integer(i64::from(*s)), ""),
            Problem::TooLarge(bytes) => fill(t.too_large, &megabytes(lang, *bytes), ""),
            Problem::Charset(charset) => fill(t.charset, charset, ""),
            Problem::InvalidUtf8 => t.invalid_utf8.to_string(),
            Problem::Cors(origin) => fill(t.cors, origin, ""),
            Problem::Csp(origin) => fill(t.csp, origin, ""),
            Problem::Redirect => t.redirect.to_string(),
            Problem::Redirected(url) => fill(t.redirected, url, ""),
            Problem::NotSerialisable => t.not_serialisable.to_string(),
            Problem::NotBuilt => t.not_built.to_string(),
            Problem::UnknownLang(l) => fill(t.unknown_lang, l, ""),
            Problem::UnknownArea(k) => fill(t.unknown_area, k, ""),
            Problem::TwoRegions { area, first } => fill(t.two_regions, area, first),
            Problem::LandKey(k) => fill(t.land_key, k, crate::geo::land_name(k).unwrap_or(k)),
            Problem::DuplicateFigure { key, first } => fill(t.duplicate_figure, key, first),
            Problem::ManyAreas(k) => fill(t.many_areas, k, ""),
            Problem::BadGeometry(what) => fill(t.bad_geometry, what, ""),
            Problem::GeometryUnavailable(why) => fill(t.geometry_unavailable, why, ""),
            Problem::Other(detail) => fill(t.other, &describe(lang, detail), ""),
            Problem::TooManyLeftOut(n) => fill(t.too_many_left_out, &lang.integer(*n as i64), ""),
            Problem::LoneSurrogate => t.lone_surrogate.to_string(),
            Problem::DuplicateKey { key, used } => fill(t.duplicate_key, key, used),
            Problem::SameDates { first } => fill(t.same_dates, first, ""),
            Problem::ExitBeforeStart { exit, start } => {
                fill(t.exit_before_start, &lang.date(exit.0), &lang.date(start.0))
            }
            Problem::BadCount(n) => fill(t.bad_count, n, ""),
            Problem::SumTooLarge => t.sum_too_large.to_string(),
        }
    }

    /// The diagnostic as a JSON object for the `foerderweg-error` event's detail.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let (line, column) = match self.position {
            Some((l, c)) => (serde_json::json!(l), serde_json::json!(c)),
            None => (serde_json::Value::Null, serde_json::Value::Null),
        };
        serde_json::json!({
            "severity": self.severity.as_str(),
            "code": self.problem.code(),
            "path": self.path,
            "line": line,
            "column": column,
            "message": self.message(lang),
        })
    }
}

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
}

impl Checked {
    /// A result made of one diagnostic alone (a failed fetch, say).
    pub fn failed(diagnostic: Diagnostic) -> Checked {
        Checked {
            document: None,
            diagnostics: vec![diagnostic],
            left_out: LeftOut::default(),
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
    // Each arm only in a build that draws its kind, so that a module of one widget holds the
    // reading of one document type.
    match kind {
        WidgetKind::Timeline if kind.built() => check_as::<TimelineDoc>(kind, text),
        WidgetKind::Occupancy if kind.built() => check_as::<OccupancyDoc>(kind, text),
        WidgetKind::Map if kind.built() => check_as::<MapDoc>(kind, text),
        _ => Checked::failed(Diagnostic::error(kind, "", Problem::NotBuilt)),
    }
}

/// The text as a JSON value, read as [`check`] reads it (lone surrogates as U+FFFD).
pub(crate) fn json_value(text: &str) -> Option<serde_json::Value> {
    match surrogates::mend(text) {
        Some((mended, _)) => serde_json::from_str(&mended).ok(),
        None => serde_json::from_str(text).ok(),
    }
}

/// A document type as [`check`] needs it.
trait Wire: DeserializeOwned {
    fn schema(&self) -> &str;
    /// The checks beyond types: ids, date order, sums. Errors name the record to leave out.
    fn semantic(&mut self, out: &mut Vec<Diagnostic>);
    /// No record at all is left to draw.
    fn is_empty(&self) -> bool;
    fn into_document(self) -> Document;
}

impl Wire for TimelineDoc {
    fn schema(&self) -> &str {
        &self.schema
    }
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) {
        semantic_timeline(self, out);
    }
    fn is_empty(&self) -> bool {
        self.participants.is_empty()
    }
    fn into_document(self) -> Document {
        Document::Timeline(Arc::new(self))
    }
}

impl Wire for OccupancyDoc {
    fn schema(&self) -> &str {
        &self.schema
    }
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) {
        semantic_occupancy(self, out);
    }
    fn is_empty(&self) -> bool {
        self.providers.is_empty() && self.series.is_empty() && self.funding.is_empty()
    }
    fn into_document(self) -> Document {
        Document::Occupancy(Arc::new(self))
    }
}

impl Wire for MapDoc {
    fn schema(&self) -> &str {
        &self.schema
    }
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) {
        semantic_map(self, out);
    }
    fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.values.is_empty() && self.markers.is_empty()
    }
    fn into_document(self) -> Document {
        Document::Map(Arc::new(self))
    }
}

fn check_as<T: Wire>(kind: WidgetKind, text: &str) -> Checked {
    // The typed pass first: for a well-formed document it is the only one. When it fails, the
    // head pass says why in the order a host expects: syntax (with line and column), then the
    // schema; then the records that fail are left out one by one.
    match decode::<T>(kind, text) {
        Ok((mut doc, mut diags)) => {
            let schema = serde_json::Value::String(doc.schema().to_string());
            if let Err(d) = check_schema(kind, Some(&schema)) {
                return Checked::failed(d);
            }
            doc.semantic(&mut diags);
            if !diags.iter().any(|d| d.severity == Severity::Error) {
                return Checked {
                    document: Some(doc.into_document()),
                    diagnostics: diags,
                    left_out: LeftOut::default(),
                };
            }
        }
        Err(_) => {
            if let Some((mended, places)) = surrogates::mend(text) {
                let mut checked = check_as::<T>(kind, &mended);
                let warnings = places.into_iter().map(|at| Diagnostic {
                    position: Some(at),
                    ..Diagnostic::warning(kind, "", Problem::LoneSurrogate)
                });
                let errors = checked.errors().count();
                checked.diagnostics.splice(errors..errors, warnings);
                return checked;
            }
            let head: Head = match serde_json::from_str(text) {
                Ok(h) => h,
                Err(e) => return Checked::failed(from_json_error(kind, String::new(), &e)),
            };
            if let Err(d) = check_schema(kind, head.schema.as_ref()) {
                return Checked::failed(d);
            }
        }
    }
    match serde_json::from_str(text) {
        Ok(value) => leave_out::<T>(kind, text, value),
        Err(e) => Checked::failed(from_json_error(kind, String::new(), &e)),
    }
}

/// How many rounds of decoding [`leave_out`] runs before it refuses the document as a whole.
const MAX_ROUNDS: usize = 1000;

/// How many errors of a document are given a line and column (each is a walk through the text).
const MAX_LOCATED: usize = 100;

/// Decodes `value` again and again, each time leaving out the record that fails (the innermost
/// list element on the failing path) and naming it in an error, until what is left decodes and
/// passes the semantic checks. A field outside any list is left out alone, unless it is
/// required: then the document is refused.
fn leave_out<T: Wire>(kind: WidgetKind, text: &str, value: serde_json::Value) -> Checked {
    // The loop is the same for every document type (and compiled once): it sees a decode as an
    // attempt, and the last document decoded in whole waits here.
    let mut last: Option<T> = None;
    let mut attempt = |value: &serde_json::Value, whole: bool| -> Attempt {
        let (mut doc, mut diags) = decode_value::<T>(kind, value)?;
        if !whole {
            return Ok(Vec::new());
        }
        doc.semantic(&mut diags);
        last = Some(doc);
        Ok(diags)
    };
    let (mut checked, drawn) = leave_out_with(kind, text, value, &mut attempt);
    // A document of which every record was left out is refused, not drawn empty; the errors
    // naming those records say why. A document that only lost a field (a count left out with
    // a warning) is drawn as it would be without it, even when it holds no records.
    let records_left_out = checked.errors().next().is_some();
    match last {
        Some(doc) if drawn && (!records_left_out || !doc.is_empty()) => {
            checked.document = Some(doc.into_document());
        }
        _ => {}
    }
    checked
}

/// One decode of a document value: its findings (semantic ones when decoded `whole`, not for a
/// probe of the sweep), or the path and problem of its first failure.
type Attempt = Result<Vec<Diagnostic>, (Vec<Seg>, Problem)>;

/// The loop of [`leave_out`], without a document: whether the last attempt passed.
fn leave_out_with(
    kind: WidgetKind,
    text: &str,
    mut value: serde_json::Value,
    attempt: &mut dyn FnMut(&serde_json::Value, bool) -> Attempt,
) -> (Checked, bool) {
    let mut left = LeftOut::default();
    let mut found: Vec<Diagnostic> = Vec::new();
    // The parsed value keeps the last of a repeated key; say so where it happens.
    let repeated: Vec<Diagnostic> = duplicates::find(text)
        .into_iter()
        .map(|(path, used)| {
            let key = prune::parse(&path)
                .last()
                .map_or(String::new(), |s| prune::format(std::slice::from_ref(s)));
            Diagnostic::warning(kind, path, Problem::DuplicateKey { key, used })
        })
        .collect();
    let refuse = |mut found: Vec<Diagnostic>, left: LeftOut| {
        crate::order::sort_by(&mut found, |a, b| a.severity.cmp(&b.severity));
        let checked = Checked {
            document: None,
            diagnostics: found,
            left_out: left,
        };
        (checked, false)
    };
    let error = |left: &LeftOut, segs: &[Seg], problem: Problem, located: usize| {
        let host = left.source(segs);
        let mut d = Diagnostic::error(kind, prune::format(&host), problem);
        if located < MAX_LOCATED {
            d.position = prune::locate(text, &host)
                .or_else(|| prune::locate(text, &host[..host.len().saturating_sub(1)]));
        }
        d
    };
    for _ in 0..MAX_ROUNDS {
        let mut diags = match attempt(&value, true) {
            Ok(diags) => diags,
            Err((segs, problem)) => {
                // With the first failure of every later record of the same top-level list, so
                // a document with many broken records takes few rounds.
                let mut failures = match segs.iter().any(|s| matches!(s, Seg::Index(_))) {
                    true => sweep(&mut value, &segs, attempt),
                    false => Vec::new(),
                };
                failures.insert(0, (segs, problem));
                let mut removals: Vec<(Vec<Seg>, bool)> = Vec::new();
                let mut batch = Vec::new();
                for (n, (segs, problem)) in failures.into_iter().enumerate() {
                    let in_record = segs.iter().any(|s| matches!(s, Seg::Index(_)));
                    let mut d = error(&left, &segs, problem, found.len() + n);
                    let seen = left.paths.contains(&d.path);
                    match (&d.problem, seen) {
                        (Problem::BadCount(_), false) => {
                            // The figure alone is left out; its record is drawn.
                            d.severity = Severity::Warning;
                            removals.push((segs, false));
                            batch.push(d);
                        }
                        (Problem::MissingField(_), true) => {
                            // A required figure left out before: its record goes too (or,
                            // outside every record, the document), named by that finding.
                            for f in found.iter_mut().filter(|f| f.path == d.path) {
                                f.severity = Severity::Error;
                            }
                            if !in_record {
                                found.extend(batch);
                                return refuse(found, left);
                            }
                            removals.push((segs, true));
                        }
                        (Problem::MissingField(_), false) if !in_record => {
                            // A required field outside every record.
                            found.extend(batch);
                            found.push(d);
                            return refuse(found, left);
                        }
                        _ => {
                            removals.push((segs, in_record));
                            batch.push(d);
                        }
                    }
                }
                // The last first, so the indices of the others still hold.
                for (segs, record) in removals.iter().rev() {
                    if left.remove(&mut value, segs, *record).is_none() {
                        found.extend(batch);
                        return refuse(found, left);
                    }
                }
                found.extend(batch);
                continue;
            }
        };
        if !diags.iter().any(|d| d.severity == Severity::Error) {
            for d in &mut diags {
                d.path = left.source_path(&d.path);
            }
            found.extend(repeated);
            found.extend(diags);
            crate::order::sort_by(&mut found, |a, b| a.severity.cmp(&b.severity));
            let checked = Checked {
                document: None,
                diagnostics: found,
                left_out: left,
            };
            return (checked, true);
        }
        // Every record with a semantic error goes; the last first, so the indices of the
        // others still hold. The warnings come again in the round that passes.
        let mut records: Vec<(Vec<Seg>, bool)> = Vec::new();
        for mut d in diags.into_iter().filter(|d| d.severity == Severity::Error) {
            let mut segs = prune::parse(&d.path);
            let in_record = match segs.iter().rposition(|s| matches!(s, Seg::Index(_))) {
                Some(at) => {
                    segs.truncate(at + 1);
                    true
                }
                None => false,
            };
            d.path = left.source_path(&d.path);
            found.push(d);
            records.push((segs, in_record));
        }
        crate::order::sort_by(&mut records, |a, b| a.cmp(b));
        records.dedup();
        for (segs, in_record) in records.into_iter().rev() {
            if left.remove(&mut value, &segs, in_record).is_none() {
                return refuse(found, left);
            }
        }
    }
    let count = left.paths.len();
    found.push(Diagnostic::error(kind, "", Problem::TooManyLeftOut(count)));
    refuse(found, left)
}

/// The first failure in each element after the one `first` fails in, of the top-level list
/// `first` starts with: each is decoded in a document with that element alone in its list and
/// the other top-level lists empty, so the sweep costs about one decode of the document.
/// Ordered by index; paths as in the whole document.
fn sweep(
    value: &mut serde_json::Value,
    first: &[Seg],
    attempt: &mut dyn FnMut(&serde_json::Value, bool) -> Attempt,
) -> Vec<(Vec<Seg>, Problem)> {
    use serde_json::Value;
    let (Some(Seg::Key(key)), Some(Seg::Index(from))) = (first.first(), first.get(1)) else {
        return Vec::new();
    };
    let mut saved: Vec<(String, Value)> = match value.as_object_mut() {
        Some(fields) => fields
            .iter_mut()
            .filter(|(_, v)| v.is_array())
            .map(|(k, v)| (k.clone(), std::mem::replace(v, Value::Array(Vec::new()))))
            .collect(),
        None => return Vec::new(),
    };
    let mut failures = Vec::new();
    let list = saved.iter_mut().find(|(k, _)| k == key);
    if let Some(items) = list.and_then(|(_, v)| v.as_array_mut()) {
        for (j, item) in items.iter_mut().enumerate().skip(from + 1) {
            value[key.as_str()] = Value::Array(vec![std::mem::take(item)]);
            if let Err((mut segs, problem)) = attempt(value, false)
                && segs.first() == first.first()
                && segs.get(1) == Some(&Seg::Index(0))
            {
                segs[1] = Seg::Index(j);
                failures.push((segs, problem));
            }
            if let Some(alone) = value.get_mut(key.as_str()).and_then(Value::as_array_mut) {
                *item = alone.pop().unwrap_or_default();
            }
        }
    }
    for (k, v) in saved {
        value[k.as_str()] = v;
    }
    failures
}

fn check_schema(kind: WidgetKind, schema: Option<&serde_json::Value>) -> Result<(), Diagnostic> {
    let text = match schema {
        None | Some(serde_json::Value::Null) => {
            return Err(Diagnostic::error(kind, "schema", Problem::MissingSchema));
        }
        Some(serde_json::Value::String(s)) => s.as_str(),
        Some(other) => {
            let found = match other {
                serde_json::Value::Bool(b) => format!("boolean `{b}`"),
                serde_json::Value::Number(n) => format!("number `{n}`"),
                serde_json::Value::Array(_) => "sequence".to_string(),
                _ => "map".to_string(),
            };
            let expected = "a string".to_string();
            return Err(Diagnostic::error(
                kind,
                "schema",
                Problem::WrongType { found, expected },
            ));
        }
    };
    let (name, version) = text.split_once('@').unwrap_or((text, ""));
    if name != kind.schema_name() {
        return Err(Diagnostic::error(
            kind,
            "schema",
            Problem::WrongSchema(text.to_string()),
        ));
    }
    // Minor versions (`@1.2`) only add optional fields, which this build warns about.
    let major = version.split('.').next().unwrap_or("");
    if major != "1" {
        return Err(Diagnostic::error(
            kind,
            "schema",
            Problem::UnsupportedVersion(text.to_string()),
        ));
    }
    Ok(())
}

/// The typed document with warnings for unknown fields, read from the text in one pass without
/// tracking where the reader is (that costs an allocation per key); serde_json's error when it
/// fails.
fn decode<T: DeserializeOwned>(
    kind: WidgetKind,
    text: &str,
) -> Result<(T, Vec<Diagnostic>), serde_json::Error> {
    let mut unknown = Vec::new();
    let mut note_unknown = |path: serde_ignored::Path| {
        unknown.push(Diagnostic::warning(
            kind,
            ignored_path(&path),
            Problem::UnknownField,
        ));
    };
    let mut json = serde_json::Deserializer::from_str(text);
    let doc = T::deserialize(serde_ignored::Deserializer::new(
        &mut json,
        &mut note_unknown,
    ))?;
    // Trailing text after the document is a syntax error, which the head pass reports.
    json.end()?;
    Ok((doc, unknown))
}

/// The typed document read from a parsed value, or the path of its first failure: the failing
/// field, or for a missing one the field that is missing.
///
/// The value is written out compactly and read by the same typed reader as the text (one
/// reader of each document type in the module, not a second one for values); the failure's
/// place is found in that text from the column serde_json reports.
fn decode_value<T: DeserializeOwned>(
    kind: WidgetKind,
    value: &serde_json::Value,
) -> Result<(T, Vec<Diagnostic>), (Vec<Seg>, Problem)> {
    let text = value.to_string();
    decode::<T>(kind, &text).map_err(|e| {
        // A compact text is one line; its columns count bytes from 1.
        let mut segs = prune::path_at(&text, e.column().saturating_sub(1));
        let problem = json_problem(&e);
        if let Problem::MissingField(field) = &problem {
            segs.push(Seg::Key(field.clone()));
        }
        (segs, problem)
    })
}

fn ignored_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => {
            let mut out = ignored_path(parent);
            push_key(&mut out, key);
            out
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } => ignored_path(parent),
        Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// Turns serde_json's error into a problem with position; a missing field's name is added to
/// the path, so the path names the field itself.
fn from_json_error(kind: WidgetKind, mut path: String, e: &serde_json::Error) -> Diagnostic {
    let position = (e.line() > 0).then(|| (e.line(), e.column()));
    let problem = json_problem(e);
    if let Problem::MissingField(field) = &problem {
        push_key(&mut path, field);
    }
    Diagnostic {
        severity: Severity::Error,
        path,
        position,
        problem,
        kind,
    }
}

/// serde_json's error as a problem, without its position.
fn json_problem(e: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    match e.classify() {
        Category::Eof => Problem::Eof,
        Category::Syntax | Category::Io => Problem::Syntax(msg),
        Category::Data => data_problem(&msg),
    }
}

fn data_problem(msg: &str) -> Problem {
    if let Some(rest) = msg.strip_prefix("missing field `") {
        return Problem::MissingField(rest.trim_end_matches('`').to_string());
    }
    let split = |rest: &str| -> (String, String) {
        match rest.rsplit_once(", expected ") {
            Some((f, x)) => (f.to_string(), x.to_string()),
            None => (rest.to_string(), String::new()),
        }
    };
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = split(rest);
        return Problem::WrongType { found, expected };
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = split(rest);
        if expected == COUNT_EXPECTED {
            let number = found.split_once(' ').map_or(found.as_str(), |(_, n)| n);
            return Problem::BadCount(number.trim_matches('`').to_string());
        }
        if expected == DATE_EXPECTED {
            let text = found
                .strip_prefix("string \"")
                .and_then(|s| s.strip_suffix('"'));
            return Problem::InvalidDate(text.unwrap_or(&found).to_string());
        }
        return Problem::InvalidValue { found, expected };
    }
    Problem::Other(msg.to_string())
}

/// A byte count in megabytes (10⁶ bytes) with at most three decimals: `20`, `0,001`.
fn megabytes(lang: Lang, bytes: u64) -> String {
    let text = lang.number(bytes as f64 / 1e6, 3);
    let sep = if lang.number(0.5, 1).contains(',') {
        ','
    } else {
        '.'
    };
    text.trim_end_matches('0').trim_end_matches(sep).to_string()
}

/// Serde's English words for types, in the widget's language.
fn describe(lang: Lang, raw: &str) -> String {
    const WORDS: &[(&str, &str, &str)] = &[
        (DATE_EXPECTED, "ein Datum JJJJ-MM-TT", "a date YYYY-MM-DD"),
        ("a string", "Text", "text"),
        ("a sequence", "eine Liste", "a list"),
        ("sequence", "eine Liste", "a list"),
        ("a map", "ein Objekt", "an object"),
        ("map", "ein Objekt", "an object"),
        ("a boolean", "wahr/falsch", "true/false"),
        (COUNT_EXPECTED, "eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        ("u8", "eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        ("u16", "eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        ("u32", "eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        ("u64", "eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        ("usize", "eine ganze Zahl ≥ 0", "a whole number ≥ 0"),
        ("i32", "eine ganze Zahl", "a whole number"),
        ("i64", "eine ganze Zahl", "a whole number"),
        ("f64", "eine Zahl", "a number"),
        (AMOUNT_EXPECTED, "ein Betrag ≥ 0", "an amount ≥ 0"),
        ("null", "null", "null"),
        ("unit value", "null", "null"),
    ];
    if let Some((_, de, en)) = WORDS.iter().find(|(w, _, _)| *w == raw) {
        return match lang {
            Lang::De => de.to_string(),
            Lang::En => en.to_string(),
        };
    }
    if let Some(name) = raw.strip_prefix("struct ") {
        let _ = name;
        return match lang {
            Lang::De => "ein Objekt".to_string(),
            Lang::En => "an object".to_string(),
        };
    }
    // "string \"abc\"", "integer `5`", "floating point `1.5`", "boolean `true`".
    const PREFIXES: &[(&str, &str, &str)] = &[
        ("string ", "Text ", "text "),
        ("integer ", "Zahl ", "number "),
        ("floating point ", "Zahl ", "number "),
        ("number ", "Zahl ", "number "),
        ("boolean ", "Wahrheitswert ", "boolean "),
    ];
    for (prefix, de, en) in PREFIXES {
        if let Some(rest) = raw.strip_prefix(prefix) {
            let word = if lang == Lang::De { de } else { en };
            return format!("{word}{}", rest.replace('`', ""));
        }
    }
    if lang == Lang::De {
        // serde_json's syntax messages, the common ones.
        const SYNTAX: &[(&str, &str)] = &[
            ("expected value", "Wert erwartet"),
            ("expected `,` or `]`", "„,“ oder „]“ erwartet"),
            ("expected `,` or `}`", "„,“ oder „}“ erwartet"),
            ("expected `:`", "„:“ erwartet"),
            (
                "key must be a string",
                "Schlüssel muss Text in Anführungszeichen sein",
            ),
            ("trailing comma", "überzähliges Komma"),
            ("trailing characters", "Zeichen nach dem Ende des Dokuments"),
            ("EOF while parsing a string", "Text nicht abgeschlossen"),
            ("invalid escape", "ungültige Escape-Sequenz"),
            ("invalid number", "ungültige Zahl"),
            (
                "control character (\\u0000-\\u001F) found while parsing a string",
                "Steuerzeichen in Text",
            ),
            (
                "expected ident",
                "Schlüsselwort erwartet (true, false, null)",
            ),
            ("recursion limit exceeded", "zu tief verschachtelt"),
            ("number out of range", "Zahl außerhalb des Bereichs"),
        ];
        if let Some((_, de)) = SYNTAX.iter().find(|(en, _)| *en == raw) {
            return de.to_string();
        }
    }
    raw.to_string()
}

/// The phase kinds this version draws in their own lane.
pub const PHASE_KINDS: &[&str] = &[
    "referral",
    "profiling",
    "recommendation",
    "placement",
    "workOpportunity",
    "internship",
    "qualification",
    "counselling",
    "followUp",
    "other",
];

/// The event kinds this version draws with their own marker.
pub const EVENT_KINDS: &[&str] = &[
    "recommendation",
    "review",
    "followUpProfiling",
    "homeVisit",
    "debtCounselling",
    "addictionCounselling",
    "healthCounselling",
    "counselling",
    "earlyTermination",
    "other",
];

/// Records ids and reports each one seen before.
struct UniqueIds<'a, P> {
    /// Each id seen, with where it was first (formatted only when it comes again).
    seen: HashMap<&'a str, P>,
    path: fn(&P) -> String,
}

impl<'a, P> UniqueIds<'a, P> {
    /// `path` turns a place into the JSON path of its id; it runs only for duplicates, so a
    /// document with 10,000 participants does not format 10,000 paths that name nothing.
    fn new(path: fn(&P) -> String) -> Self {
        UniqueIds {
            seen: HashMap::new(),
            path,
        }
    }

    fn note(&mut self, kind: WidgetKind, id: &'a str, at: P, out: &mut Vec<Diagnostic>) {
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

fn end_before_start(
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

fn semantic_timeline(doc: &TimelineDoc, out: &mut Vec<Diagnostic>) {
    let kind = WidgetKind::Timeline;
    // Paths are formatted only for what they name: a large cohort has few findings.
    let mut ids = UniqueIds::new(|i: &usize| format!("participants[{i}].id"));
    for (i, p) in doc.participants.iter().enumerate() {
        ids.note(kind, &p.id, i, out);
        // Phases of one lane with the same dates are drawn on top of each other. A participant
        // has a handful of phases: comparing with the earlier ones needs no allocation.
        fn lane(kind: &str) -> &str {
            if PHASE_KINDS.contains(&kind) {
                kind
            } else {
                "other"
            }
        }
        let dates = |ph: &crate::model::timeline::Phase| (ph.start, ph.end, ph.planned_end);
        for (j, ph) in p.phases.iter().enumerate() {
            let first = p.phases[..j]
                .iter()
                .position(|e| lane(&e.kind) == lane(&ph.kind) && dates(e) == dates(ph));
            if let Some(first) = first {
                out.push(Diagnostic::warning(
                    kind,
                    format!("participants[{i}].phases[{j}]"),
                    Problem::SameDates {
                        first: format!("participants[{i}].phases[{first}]"),
                    },
                ));
            }
        }
        for (j, ph) in p.phases.iter().enumerate() {
            let ph_at = || format!("participants[{i}].phases[{j}]");
            end_before_start(kind, ph.start, ph.end, || format!("{}.end", ph_at()), out);
            end_before_start(
                kind,
                ph.start,
                ph.planned_end,
                || format!("{}.plannedEnd", ph_at()),
                out,
            );
            if !PHASE_KINDS.contains(&ph.kind.as_str()) {
                out.push(Diagnostic::warning(
                    kind,
                    format!("{}.kind", ph_at()),
                    Problem::UnknownKind(ph.kind.clone()),
                ));
            }
        }
        // The known range: the first phase start to the exit; without an exit the
        // participant is still in the programme and later events are expected.
        let from = p.phases.iter().map(|ph| ph.start).min();
        let to = p.exit.as_ref().map(|e| e.date);
        if let (Some(start), Some(exit)) = (from, to.filter(|t| from.is_some_and(|f| *t < f))) {
            out.push(Diagnostic::warning(
                kind,
                format!("participants[{i}].exit.date"),
                Problem::ExitBeforeStart { exit, start },
            ));
        }
        for (j, ev) in p.events.iter().enumerate() {
            let outside = from.is_some_and(|f| ev.date < f) || to.is_some_and(|t| ev.date > t);
            if let (true, Some(f)) = (outside, from) {
                let problem = Problem::OutsideRange {
                    date: ev.date,
                    from: f,
                    to: to.unwrap_or(ev.date),
                };
                out.push(Diagnostic::warning(
                    kind,
                    format!("participants[{i}].events[{j}].date"),
                    problem,
                ));
            }
            if !EVENT_KINDS.contains(&ev.kind.as_str()) {
                let path = format!("participants[{i}].events[{j}].kind");
                out.push(Diagnostic::warning(
                    kind,
                    path,
                    Problem::UnknownKind(ev.kind.clone()),
                ));
            }
        }
    }
}

/// What a funding amount must be.
const AMOUNT_EXPECTED: &str = "an amount ≥ 0";

fn semantic_occupancy(doc: &OccupancyDoc, out: &mut Vec<Diagnostic>) {
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
                found: line.amount.to_string(),
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

fn semantic_map(doc: &mut MapDoc, out: &mut Vec<Diagnostic>) {
    let kind = WidgetKind::Map;
    if let Some(g) = &doc.geometry {
        let (atlas, issues) = crate::geo::geojson::read(
            &g.data,
            &g.id_property,
            g.name_property.as_deref(),
            "geometry.data",
        );
        for (path, issue) in issues {
            use crate::geo::geojson::Issue;
            let what = match issue {
                Issue::NotACollection => "not a GeoJSON FeatureCollection".to_string(),
                Issue::NoId => format!("no value in the id property \"{}\"", g.id_property),
                Issue::NotAPolygon(t) => {
                    format!("geometry type \"{t}\" is not Polygon or MultiPolygon")
                }
                Issue::BadRing => {
                    "a ring with fewer than four positions or a position out of range".to_string()
                }
                Issue::DuplicateId(first) => format!("the same id as {first}"),
            };
            out.push(Diagnostic::warning(kind, path, Problem::BadGeometry(what)));
        }
        doc.host_atlas = Some(Arc::new(atlas));
    }
    let mut region_ids = UniqueIds::new(String::clone);
    for (i, r) in doc.regions.iter().enumerate() {
        region_ids.note(kind, &r.id, format!("regions[{i}].id"), out);
    }
    // Kinds are read trimmed, as the layout reads them.
    let scale_kind = doc.scale.as_ref().and_then(|s| s.kind.as_deref());
    if let Some(k) = scale_kind.filter(|k| !matches!(k.trim(), "quantile" | "equal" | "breaks")) {
        out.push(Diagnostic::warning(
            kind,
            "scale.kind",
            Problem::UnknownKind(k.to_string()),
        ));
    }
    for (i, m) in doc.markers.iter().enumerate() {
        if !matches!(m.kind.trim(), "office" | "provider" | "jobcenter") {
            out.push(Diagnostic::warning(
                kind,
                format!("markers[{i}].kind"),
                Problem::UnknownKind(m.kind.clone()),
            ));
        }
    }
    for (i, r) in doc.regions.iter().enumerate() {
        if let Some(from) = r.valid_from {
            end_before_start(
                kind,
                from,
                r.valid_to,
                || format!("regions[{i}].validTo"),
                out,
            );
        }
    }
    let mut ids = UniqueIds::new(String::clone);
    for (i, m) in doc.markers.iter().enumerate() {
        ids.note(kind, &m.id, format!("markers[{i}].id"), out);
    }
    map_figure_keys(doc, out);
}

/// Figures keyed by a Land, and second figures for one area or region (keys read as the map
/// reads them, [`crate::geo::figure_target`]): warnings with their paths; the first is shown.
fn map_figure_keys(doc: &MapDoc, out: &mut Vec<Diagnostic>) {
    use crate::geo::{Target, figure_target};
    let kind = WidgetKind::Map;
    let mut first: HashMap<Target, usize> = HashMap::new();
    for (i, v) in doc.values.iter().enumerate() {
        let target = figure_target(doc, &v.key);
        let path = format!("values[{i}].key");
        if let Target::Land(k) = &target {
            out.push(Diagnostic::warning(kind, path, Problem::LandKey(k.clone())));
        } else if let Some(j) = first.get(&target) {
            let problem = Problem::DuplicateFigure {
                key: v.key.clone(),
                first: format!("values[{j}]"),
            };
            out.push(Diagnostic::warning(kind, path, problem));
        } else {
            first.insert(target, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
