//! Lone surrogates: `\uD83D` without its other half, as a string cut inside an emoji reads once
//! `JSON.stringify` has escaped it. serde_json refuses them; the check reads them as U+FFFD
//! (as a browser does with the same text) and says where.

/// The text with every lone surrogate escape inside a string replaced by `\uFFFD` (the same
/// length, so lines and columns still hold), and the line and column of each; `None` when
/// there is none.
///
/// `["TN \ud83d", "\ud83d\ude00"]` becomes `["TN \uFFFD", "\ud83d\ude00"]`, with the place
/// (1, 6); the unit test below holds more.
pub(crate) fn mend(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let b = text.as_bytes();
    let mut lone = Vec::new();
    let (mut i, mut in_string) = (0, false);
    while i < b.len() {
        match (b[i], in_string) {
            (b'"', _) => in_string = !in_string,
            (b'\\', true) => {
                let unit = |at: usize| -> Option<u16> {
                    let hex = text.get(at + 2..at + 6)?;
                    (b.get(at + 1) == Some(&b'u') && hex.bytes().all(|c| c.is_ascii_hexdigit()))
                        .then(|| u16::from_str_radix(hex, 16).ok())
                        .flatten()
                };
                match unit(i) {
                    Some(0xD800..=0xDBFF) if matches!(unit(i + 6), Some(0xDC00..=0xDFFF)) => {
                        i += 12;
                        continue;
                    }
                    Some(0xD800..=0xDFFF) => {
                        lone.push(i);
                        i += 6;
                        continue;
                    }
                    _ => i += 1,
                }
            }
            _ => {}
        }
        i += 1;
    }
    if lone.is_empty() {
        return None;
    }
    let mut out = b.to_vec();
    let mut places = Vec::with_capacity(lone.len());
    for at in lone {
        out[at..at + 6].copy_from_slice(b"\\uFFFD");
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        places.push((line, column));
    }
    // Only ASCII was written over ASCII.
    String::from_utf8(out).ok().map(|t| (t, places))
}

#[cfg(test)]
mod tests {
    use super::mend;

    #[test]
    fn lone_halves_are_mended_pairs_and_escaped_backslashes_kept() {
        let Some((text, at)) = mend(r#"["TN \ud83d", "\ud83d\ude00", "\\ud83d", "\uDE00x"]"#)
        else {
            panic!("nothing mended")
        };
        assert_eq!(
            text,
            r#"["TN \uFFFD", "\ud83d\ude00", "\\ud83d", "\uFFFDx"]"#
        );
        assert_eq!(at, [(1, 6), (1, 43)]);
        assert_eq!(mend(r#"{"a": "\ud83d\ude00"}"#), None);
    }
}
