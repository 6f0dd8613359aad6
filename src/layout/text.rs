//! The room a text needs, estimated without a browser: the one measure every label fit of the
//! layout uses (axis labels, phase labels, lane titles, event notes).

/// The room a label needs: `text` at `size` px (`bold` or not) of the system font, about
/// 0.6 em a character (0.66 em bold), plus the text spacing a reader may apply (WCAG 1.4.12:
/// letter spacing 0.12 em, word spacing 0.16 em). Every label of the timeline and every date
/// label of a chart is fitted with it, so a reader's spacing does not make labels collide: the
/// layout cannot see a reader's style sheet, so it always leaves the room.
///
/// ```
/// use foerderweg::layout::text::text_width;
/// assert!((text_width("Profiling", 11.0, false) - 9.0 * 11.0 * 0.72).abs() < 1e-9);
/// assert!(text_width("Jan 2019", 11.0, false) > text_width("Jan2019", 11.0, false));
/// ```
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let (chars, spaces) = text.chars().fold((0usize, 0usize), |(c, s), ch| {
        (c + 1, s + usize::from(ch.is_whitespace()))
    });
    let glyph = if bold { 0.66 } else { 0.6 };
    size * (chars as f64 * (glyph + 0.12) + spaces as f64 * 0.16)
}
