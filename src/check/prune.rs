//! Leaving out broken records: JSON paths as segments, the removal of the innermost record that
//! holds a failing path, and the map from paths in what is left back to the host's paths.
//!
//! A record is an element of a list (a participant, a phase, a project, a reporting date, a
//! district key). When a record is removed, the records after it move up by one; [`LeftOut`]
//! remembers what was removed where, so every diagnostic still names the host's own index.

use serde_json::Value;
use std::collections::BTreeMap;

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Seg {
    /// A field of an object (or a key of a map).
    Key(String),
    /// An element of a list.
    Index(usize),
}

/// `participants[3].phases[1].end`.
pub(crate) fn format(segs: &[Seg]) -> String {
    let mut out = String::new();
    for s in segs {
        match s {
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    out
}

/// The segments of a path written by [`format`] (keys are taken as written between dots).
pub(crate) fn parse(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            segs.push(Seg::Key(key.to_string()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(close) = inner.find(']') else { break };
            match inner[..close].parse() {
                Ok(i) => segs.push(Seg::Index(i)),
                Err(_) => segs.push(Seg::Key(format!("[{}]", &inner[..close]))),
            }
            rest = &inner[close + 1..];
        }
    }
    segs
}

/// What was left out of a document, and how to name paths in what is left by the host's paths.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeftOut {
    /// Per list (by the host's path), the host's indices of its removed elements, ascending.
    removed: BTreeMap<String, Vec<usize>>,
    /// The host's paths of the records and fields left out, in the order they were found.
    pub paths: Vec<String>,
}

impl LeftOut {
    /// Nothing was left out.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The host's path of `path`, a path in the document as checked (where the records after a
    /// left-out one have moved up).
    ///
    /// ```
    /// use foerderweg::check::check;
    /// use foerderweg::model::WidgetKind;
    /// let c = check(WidgetKind::Timeline, r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a"},{"id":"b","label":"B"}]}"#);
    /// assert_eq!(c.left_out.paths, ["participants[0]"]);
    /// assert_eq!(c.left_out.source_path("participants[0].id"), "participants[1].id");
    /// ```
    pub fn source_path(&self, path: &str) -> String {
        if self.removed.is_empty() {
            return path.to_string();
        }
        format(&self.source(&parse(path)))
    }

    /// The host's segments of `segs`.
    pub(crate) fn source(&self, segs: &[Seg]) -> Vec<Seg> {
        if self.removed.is_empty() {
            return segs.to_vec();
        }
        let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
        for s in segs {
            match s {
                Seg::Index(current) => {
                    let mut index = *current;
                    if let Some(gone) = self.removed.get(&format(&out)) {
                        for g in gone {
                            if *g <= index {
                                index += 1;
                            } else {
                                break;
                            }
                        }
                    }
                    out.push(Seg::Index(index));
                }
                Seg::Key(_) => out.push(s.clone()),
            }
        }
        out
    }

    /// Removes from `value` what `segs` fails in: the innermost list element on the path when
    /// `record`, else the field at the end of the path. Returns the host's path of what was
    /// removed, or `None` when the path leads nowhere.
    pub(crate) fn remove(
        &mut self,
        value: &mut Value,
        segs: &[Seg],
        record: bool,
    ) -> Option<String> {
        let end = if record {
            segs.iter().rposition(|s| matches!(s, Seg::Index(_)))? + 1
        } else {
            segs.len()
        };
        let (last, parent) = segs[..end].split_last()?;
        let mut at = &mut *value;
        for s in parent {
            at = match s {
                Seg::Key(k) => at.get_mut(k.as_str())?,
                Seg::Index(i) => at.get_mut(*i)?,
            };
        }
        let source = self.source(&segs[..end]);
        match (last, at) {
            (Seg::Index(i), Value::Array(items)) if *i < items.len() => {
                items.remove(*i);
                let (Some(Seg::Index(host)), list) = (source.last(), format(&source[..end - 1]))
                else {
                    return None;
                };
                let gone = self.removed.entry(list).or_default();
                let at = gone.partition_point(|g| g < host);
                gone.insert(at, *host);
            }
            (Seg::Key(k), Value::Object(fields)) => {
                fields.remove(k.as_str())?;
            }
            _ => return None,
        }
        let path = format(&source);
        self.paths.push(path.clone());
        Some(path)
    }
}

/// Line and column (1-based, columns in characters) where the value at `segs` begins in the JSON
/// `text`, for diagnostics found on the parsed value rather than in the text.
pub(crate) fn locate(text: &str, segs: &[Seg]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut at = skip_ws(b, 0);
    for s in segs {
        match s {
            Seg::Index(want) => {
                if b.get(at) != Some(&b'[') {
                    return None;
                }
                at = skip_ws(b, at + 1);
                for _ in 0..*want {
                    at = skip_ws(b, skip_value(b, at)?);
                    if b.get(at) != Some(&b',') {
                        return None;
                    }
                    at = skip_ws(b, at + 1);
                }
            }
            Seg::Key(want) => {
                if b.get(at) != Some(&b'{') {
                    return None;
                }
                at = skip_ws(b, at + 1);
                loop {
                    let key_end = skip_value(b, at)?;
                    let key: String = serde_json::from_str(text.get(at..key_end)?).ok()?;
                    at = skip_ws(b, key_end);
                    if b.get(at) != Some(&b':') {
                        return None;
                    }
                    at = skip_ws(b, at + 1);
                    if key == *want {
                        break;
                    }
                    at = skip_ws(b, skip_value(b, at)?);
                    if b.get(at) != Some(&b',') {
                        return None;
                    }
                    at = skip_ws(b, at + 1);
                }
            }
        }
    }
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

/// The path of the innermost value whose text holds the byte at `offset` (where serde_json
/// stopped reading when it failed); at a closing bracket, the object or list it closes (a
/// missing field is reported there). The inverse of [`locate`].
pub(crate) fn path_at(text: &str, offset: usize) -> Vec<Seg> {
    let b = text.as_bytes();
    let mut segs = Vec::new();
    let mut at = skip_ws(b, 0);
    while let Some((seg, inner)) = child_at(text, b, at, offset) {
        segs.push(seg);
        at = inner;
    }
    segs
}

/// The member or element of the container at `at` whose text holds `offset`, and where its
/// value starts.
fn child_at(text: &str, b: &[u8], at: usize, offset: usize) -> Option<(Seg, usize)> {
    let open = *b.get(at)?;
    let close = match open {
        b'{' => b'}',
        b'[' => b']',
        _ => return None,
    };
    let mut i = skip_ws(b, at + 1);
    let mut index = 0;
    while i <= offset && b.get(i) != Some(&close) {
        let (seg, value) = if open == b'{' {
            let key_end = skip_value(b, i)?;
            let key: String = serde_json::from_str(text.get(i..key_end)?).ok()?;
            (Seg::Key(key), skip_ws(b, skip_ws(b, key_end) + 1))
        } else {
            (Seg::Index(index), i)
        };
        let end = skip_value(b, value)?;
        if offset < end {
            return Some((seg, value));
        }
        index += 1;
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    None
}

pub(super) fn skip_ws(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        at += 1;
    }
    at
}

/// The index after the JSON value starting at `at` (the text is known to be JSON).
pub(super) fn skip_value(b: &[u8], at: usize) -> Option<usize> {
    match *b.get(at)? {
        b'"' => skip_string(b, at),
        b'{' | b'[' => {
            let (mut depth, mut i) = (0usize, at);
            loop {
                match *b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while !matches!(
                b.get(i),
                None | Some(b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t')
            ) {
                i += 1;
            }
            Some(i)
        }
    }
}

fn skip_string(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_round_trip() {
        let p = "participants[3].phases[1].end";
        assert_eq!(format(&parse(p)), p);
        assert_eq!(
            format(&parse("series[0].earlyTerminationsByReason.health")),
            "series[0].earlyTerminationsByReason.health"
        );
    }

    #[test]
    fn removed_records_keep_the_hosts_indices() {
        let mut v = json!({"a": [0, 1, 2, 3, 4]});
        let mut left = LeftOut::default();
        let at = |i| vec![Seg::Key("a".into()), Seg::Index(i)];
        assert_eq!(left.remove(&mut v, &at(1), true).as_deref(), Some("a[1]"));
        // Now [0, 2, 3, 4]: the current 2 is the host's 3.
        assert_eq!(left.remove(&mut v, &at(2), true).as_deref(), Some("a[3]"));
        assert_eq!(v, json!({"a": [0, 2, 4]}));
        assert_eq!(left.source_path("a[2]"), "a[4]");
        assert_eq!(left.source_path("a[0].x"), "a[0].x");
    }

    #[test]
    fn path_at_is_where_serde_json_stops() {
        use crate::model::timeline::TimelineDoc;
        let cases = [
            (
                r#"{"schema":"x","participants":[{"id":"a","label":"A","phases":[{"kind":"k","start":5}]}]}"#,
                "participants[0].phases[0].start",
            ),
            (
                r#"{"schema":"x","participants":[{"id":"a","label":"A"},{"id":"b"}]}"#,
                "participants[1]",
            ),
            (
                r#"{"schema":"x","participants":[{"id":"a","label":"A","phases":[{"kind":"k","start":"2024-13-01"}]}]}"#,
                "participants[0].phases[0].start",
            ),
            (
                r#"{"schema":"x","participants":{"id":"a"}}"#,
                "participants",
            ),
            (
                r#"{"schema":"x","participants":[{"id":"a","label":"A","events":[{"kind":"k","date":"2024-01-01","label":["x"]}]}]}"#,
                "participants[0].events[0].label",
            ),
        ];
        for (text, want) in cases {
            let e = serde_json::from_str::<TimelineDoc>(text).unwrap_err();
            assert_eq!(e.line(), 1);
            assert_eq!(
                format(&path_at(text, e.column() - 1)),
                want,
                "{e} in {text}"
            );
        }
    }

    #[test]
    fn locate_finds_the_value() {
        let text = "{\"a\": [1, {\"b\": \"x,]\"}, {\"c\": [true, null]}],\n \"d\": 2}";
        let segs = parse("a[2].c[1]");
        assert_eq!(locate(text, &segs), Some((1, 38)));
        assert_eq!(locate(text, &parse("d")), Some((2, 7)));
        assert_eq!(locate(text, &parse("e")), None);
    }
}
