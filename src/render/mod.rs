//! Scenes as markup: SVG for the drawing, HTML for the figure with its table views and summary.
//!
//! Used for exports, server-side rendering, golden tests and, in the browser, for the drawing
//! itself (the view sets this markup once and patches it by id), so every place shows the same
//! marks. Everything that comes from the data reaches the markup through [`escape`] and nowhere
//! else; names of elements and attributes are fixed by this module.

pub mod dashboard;
pub mod diagnostics;
pub mod document;
#[cfg(target_arch = "wasm32")]
pub(crate) mod dom;
pub mod html;
pub mod map;
pub mod menu;
pub mod style;
pub mod svg;
pub mod timeline;

/// Text or an attribute value as markup: `&`, `<`, `>`, `"` and `'` as entities, and the
/// characters XML 1.0 allows nowhere (C0 controls but tab, line feed and carriage return;
/// U+FFFE and U+FFFF) left out, so a file with a spreadsheet's vertical tab still opens.
///
/// ```
/// use foerderweg::render::escape;
/// assert_eq!(escape("<b>\"Träger\" & 'Co'</b>\u{b}"), "&lt;b&gt;&quot;Träger&quot; &amp; &#39;Co&#39;&lt;/b&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` escaped as [`escape`] does.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// Heading levels: the widget's title at `title`, its sections one below. The host sets
/// `title` (`heading-level`); the tags stay within `h1`…`h6`.
#[derive(Clone, Copy, Debug)]
pub struct Levels {
    /// The level of the widget's title.
    pub title: u8,
}

impl Levels {
    /// A widget's title is an `h2` unless the host sets `heading-level`.
    pub const DEFAULT: Levels = Levels { title: 2 };

    /// The tag of a heading `depth` levels below the title.
    pub fn tag(self, depth: u8) -> &'static str {
        const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        TAGS[usize::from(self.title.saturating_add(depth).clamp(1, 6) - 1)]
    }
}

/// A markup writer: elements with attributes whose names are fixed by the code and whose values
/// pass [`push_escaped`].
pub struct Writer {
    /// The markup written so far.
    pub out: String,
    /// The `lang` given to texts from the document (`Mark::Text::data`), where it is not the
    /// language of the text around them; `None` marks nothing.
    pub data_lang: Option<&'static str>,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Writer {
        Writer {
            out: String::with_capacity(4096),
            data_lang: None,
        }
    }

    /// `<name` (attributes follow, then [`Writer::close_tag`] or [`Writer::end_empty`]).
    pub fn open(&mut self, name: &'static str) -> &mut Writer {
        self.out.push('<');
        self.out.push_str(name);
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Writer {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// ` name="12.5"`: a coordinate.
    pub fn num(&mut self, name: &'static str, value: f64) -> &mut Writer {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        crate::scene::num::push(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// `>`.
    pub fn close_tag(&mut self) -> &mut Writer {
        self.out.push('>');
        self
    }

    /// `/>` (SVG) — HTML writes void elements with [`Writer::close_tag`].
    pub fn end_empty(&mut self) -> &mut Writer {
        self.out.push_str("/>");
        self
    }

    /// `</name>`.
    pub fn end(&mut self, name: &'static str) -> &mut Writer {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Writer {
        push_escaped(&mut self.out, text);
        self
    }

    /// `<name attrs…>text</name>` with a class.
    pub fn element(&mut self, name: &'static str, class: &str, text: &str) -> &mut Writer {
        self.open(name);
        if !class.is_empty() {
            self.attr("class", class);
        }
        self.close_tag().text(text).end(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_of_the_text_is_markup() {
        for s in [
            "<script>x</script>",
            "\"><img src=x onerror=1>",
            "a'b",
            "&amp;",
            "]]>",
            "\u{0}\u{1f}\u{fffe}",
        ] {
            let e = escape(s);
            assert!(!e.contains(['<', '>', '"', '\'']), "{e}");
            assert!(
                !e.chars()
                    .any(|c| (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r')
            );
            assert_eq!(
                e.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&"),
                s.chars()
                    .filter(|&c| (c as u32) >= 0x20 && c != '\u{fffe}')
                    .collect::<String>()
            );
        }
    }
}
