//! Keys given twice in one JSON object. A parsed value keeps the last silently, and so does a
//! map; the check says where, and which value is used. Run on the text only when the typed pass
//! has failed (the typed pass finds the repeated keys of maps itself, and refuses those of
//! records, which sends the document here).

use super::prune::{Seg, format, skip_value, skip_ws};
use std::collections::HashSet;

/// Each repeated key: its path and the value written there (the last one is used), cut short.
pub(crate) fn find(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    let b = text.as_bytes();
    walk(text, b, skip_ws(b, 0), &mut path, &mut out);
    out
}

/// Walks the value at `at` (the text is known to be JSON, so nesting is bounded by the
/// parser's limit); returns the index after it.
fn walk(
    text: &str,
    b: &[u8],
    at: usize,
    path: &mut Vec<Seg>,
    out: &mut Vec<(String, String)>,
) -> Option<usize> {
    match b.get(at)? {
        b'{' => {
            let mut keys = HashSet::new();
            let mut i = skip_ws(b, at + 1);
            while b.get(i) != Some(&b'}') {
                let key_end = skip_value(b, i)?;
                let key: String = serde_json::from_str(text.get(i..key_end)?).ok()?;
                i = skip_ws(b, skip_ws(b, key_end) + 1);
                path.push(Seg::Key(key.clone()));
                let end = walk(text, b, i, path, out)?;
                if !keys.insert(key) {
                    let written = text.get(i..end)?;
                    let used: String = written.chars().take(40).collect();
                    out.push((format(path), used));
                }
                path.pop();
                i = skip_ws(b, end);
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
            }
            Some(i + 1)
        }
        b'[' => {
            let mut i = skip_ws(b, at + 1);
            let mut index = 0;
            while b.get(i) != Some(&b']') {
                path.push(Seg::Index(index));
                let end = walk(text, b, i, path, out)?;
                path.pop();
                index += 1;
                i = skip_ws(b, end);
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
            }
            Some(i + 1)
        }
        _ => skip_value(b, at),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn repeated_keys_are_found_with_their_paths() {
        let found = super::find(r#"{"a": [{"x": 1, "x": {"y": 2}}], "b": {"k": 1, "k": "two"}}"#);
        assert_eq!(
            found,
            [
                ("a[0].x".to_string(), r#"{"y": 2}"#.to_string()),
                ("b.k".to_string(), r#""two""#.to_string())
            ]
        );
    }
}
