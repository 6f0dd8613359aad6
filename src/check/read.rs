//! Reading the text: the typed pass, and when it fails, the rounds that leave out each record
//! that fails (the innermost list element on its path) and name it.

use super::*;
use crate::geo::Atlas;

/// A document type as [`check`] needs it.
pub(super) trait Wire: DeserializeOwned {
    fn schema(&self) -> &str;
    /// The checks beyond types: ids, date order, sums. Errors name the record to leave out.
    /// Returns the document's own geometry read into shapes (a map's; `None` for the others).
    fn semantic(&mut self, out: &mut Vec<Diagnostic>) -> Option<Arc<Atlas>>;
    /// No record at all is left to draw.
    fn is_empty(&self) -> bool;
    fn into_document(self) -> Document;
}

pub(super) fn check_as<T: Wire>(kind: WidgetKind, text: &str) -> Checked {
    // The typed pass first: for a well-formed document it is the only one. When it fails, the
    // head pass says why in the order a host expects: syntax (with line and column), then the
    // schema; then the records that fail are left out one by one.
    match decode::<T>(kind, text) {
        Ok((mut doc, mut diags)) => {
            let schema = serde_json::Value::String(doc.schema().to_string());
            if let Err(d) = check_schema(kind, Some(&schema)) {
                return Checked::failed(d);
            }
            let host_atlas = doc.semantic(&mut diags);
            if !diags.iter().any(|d| d.severity == Severity::Error) {
                return Checked {
                    document: Some(doc.into_document()),
                    diagnostics: diags,
                    left_out: LeftOut::default(),
                    host_atlas,
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
    match value_of(text) {
        Ok(value) => leave_out::<T>(kind, text, value),
        Err(e) => Checked::failed(from_json_error(kind, String::new(), &e)),
    }
}

/// How many rounds of decoding [`leave_out`] runs before it refuses the document as a whole.
pub(crate) const MAX_ROUNDS: usize = 1000;

/// How many errors of a document are given a line and column (each is a walk through the text).
pub(super) const MAX_LOCATED: usize = 100;

/// Decodes `value` again and again, each time leaving out the record that fails (the innermost
/// list element on the failing path) and naming it in an error, until what is left decodes and
/// passes the semantic checks. A field outside any list is left out alone, unless it is
/// required: then the document is refused.
pub(super) fn leave_out<T: Wire>(
    kind: WidgetKind,
    text: &str,
    value: serde_json::Value,
) -> Checked {
    // The loop is the same for every document type (and compiled once): it sees a decode as an
    // attempt, and the last document decoded in whole waits here.
    let mut last: Option<(T, Option<Arc<Atlas>>)> = None;
    let mut attempt = |value: &serde_json::Value, whole: bool| -> Attempt {
        let (mut doc, mut diags) = decode_value::<T>(kind, value)?;
        if !whole {
            return Ok(Vec::new());
        }
        let atlas = doc.semantic(&mut diags);
        last = Some((doc, atlas));
        Ok(diags)
    };
    let (mut checked, drawn) = leave_out_with(kind, text, value, &mut attempt);
    // A document of which every record was left out is refused, not drawn empty; the errors
    // naming those records say why. A document that only lost a field (a count left out with
    // a warning) is drawn as it would be without it, even when it holds no records.
    let records_left_out = checked.errors().next().is_some();
    match last {
        Some((doc, atlas)) if drawn && (!records_left_out || !doc.is_empty()) => {
            checked.document = Some(doc.into_document());
            checked.host_atlas = atlas;
        }
        _ => {}
    }
    checked
}

/// One decode of a document value: its findings (semantic ones when decoded `whole`, not for a
/// probe of the sweep), or the path and problem of its first failure.
pub(super) type Attempt = Result<Vec<Diagnostic>, (Vec<Seg>, Problem)>;

/// The loop of [`leave_out`], without a document: whether the last attempt passed.
pub(super) fn leave_out_with(
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
            host_atlas: None,
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
                host_atlas: None,
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
pub(super) fn sweep(
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

pub(super) fn check_schema(
    kind: WidgetKind,
    schema: Option<&serde_json::Value>,
) -> Result<(), Diagnostic> {
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
pub(super) fn decode<T: DeserializeOwned>(
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
pub(super) fn decode_value<T: DeserializeOwned>(
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

pub(super) fn ignored_path(path: &serde_ignored::Path) -> String {
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

pub(super) fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// Turns serde_json's error into a problem with position; a missing field's name is added to
/// the path, so the path names the field itself.
pub(super) fn from_json_error(
    kind: WidgetKind,
    mut path: String,
    e: &serde_json::Error,
) -> Diagnostic {
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
pub(super) fn json_problem(e: &serde_json::Error) -> Problem {
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

pub(super) fn data_problem(msg: &str) -> Problem {
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
