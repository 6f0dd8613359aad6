//! What a check finds: problems as data, diagnostics with their JSON path and place, and
//! their sentences in the widget's language.

use super::*;

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
    /// The `data` attribute holds text that is no JSON document (the start of it): a
    /// framework wrote an object as `"[object Object]"`, or a host put other text there.
    DataAttribute(String),
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
    /// A key-figure preset this version does not know.
    UnknownPreset(String),
    /// A period given twice for one measure and group; the path of its first use.
    DuplicatePeriod {
        /// The period as written.
        period: String,
        /// Where it was first used.
        first: String,
    },
    /// A value for a group its measure's breakdown does not name.
    UnknownGroup(String),
    /// A value marked suppressed or no data that carries a number (which is not shown).
    NumberWithheld,
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
            Problem::DataAttribute(_) => "data-attribute",
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
            Problem::UnknownPreset(_) => "unknown-preset",
            Problem::DuplicatePeriod { .. } => "duplicate-period",
            Problem::UnknownGroup(_) => "unknown-group",
            Problem::NumberWithheld => "number-withheld",
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
            Problem::DataAttribute(text) => fill(t.data_attribute, text, ""),
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
            Problem::UnknownPreset(id) => fill(t.unknown_preset, id, ""),
            Problem::DuplicatePeriod { period, first } => fill(t.duplicate_period, period, first),
            Problem::UnknownGroup(g) => fill(t.unknown_group, g, ""),
            Problem::NumberWithheld => t.number_withheld.to_string(),
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

/// A byte count in megabytes (10⁶ bytes) with at most three decimals: `20`, `0,001`.
pub(super) fn megabytes(lang: Lang, bytes: u64) -> String {
    let text = lang.number(bytes as f64 / 1e6, 3);
    let sep = if lang.number(0.5, 1).contains(',') {
        ','
    } else {
        '.'
    };
    text.trim_end_matches('0').trim_end_matches(sep).to_string()
}

/// Serde's English words for types, in the widget's language.
pub(super) fn describe(lang: Lang, raw: &str) -> String {
    const WORDS: &[(&str, &str, &str)] = &[
        (DATE_EXPECTED, "ein Datum JJJJ-MM-TT", "a date YYYY-MM-DD"),
        (
            PERIOD_EXPECTED,
            "einen Zeitraum JJJJ-MM-TT, JJJJ-MM, JJJJ-Qn oder JJJJ",
            "a period YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY",
        ),
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
        (
            super::indicators::NON_NEGATIVE,
            "eine Zahl ≥ 0",
            "a number ≥ 0",
        ),
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
