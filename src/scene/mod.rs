//! A drawing as a list of typed marks: what every renderer draws, alike in the browser, in
//! every export and on the server.
//!
//! Layout computes a [`Scene`] (every coordinate, label fit, symbol shape, class, id and
//! accessible name); [`crate::render`] writes it as SVG, and the browser shows that markup and
//! patches it by id. A renderer maps marks to output and nothing else.

pub mod num;
pub mod symbol;

use std::borrow::Cow;

/// A CSS class list of a mark, made from the enums of its kind (`fw-phase fw-phase--done`).
pub type Class = Cow<'static, str>;

/// Where a text is anchored horizontally.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at `x`.
    #[default]
    Start,
    /// Text is centred on `x`.
    Middle,
    /// Text ends at `x`.
    End,
}

/// A mark.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A rectangle.
    Rect {
        /// Left.
        x: f64,
        /// Top.
        y: f64,
        /// Width (never negative).
        width: f64,
        /// Height (never negative).
        height: f64,
        /// Corner radius (0: square corners).
        rx: f64,
        /// Classes.
        class: Class,
    },
    /// A path (areas, lines, symbols).
    Path {
        /// Path data, written by [`symbol`], `geo::path` or a scale.
        d: String,
        /// Classes.
        class: Class,
    },
    /// A straight line.
    Line {
        /// Start.
        x1: f64,
        /// Start.
        y1: f64,
        /// End.
        x2: f64,
        /// End.
        y2: f64,
        /// Classes.
        class: Class,
    },
    /// A text: always text, never markup.
    Text {
        /// Position.
        x: f64,
        /// Baseline, or the middle when `middle`.
        y: f64,
        /// The text.
        text: String,
        /// Horizontal anchor.
        anchor: Anchor,
        /// `y` is the text's middle instead of its baseline.
        middle: bool,
        /// Text from the document (a name, a label), in the document's language rather than
        /// the widget's: the browser's renderer marks it with the data's `lang`.
        data: bool,
        /// Classes.
        class: Class,
    },
    /// A group of marks: a record of the data (focusable, named, selectable by id) or a layer.
    Group(Group),
}

/// A group of marks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// Classes.
    pub class: Class,
    /// Data attributes that name the record (`("data-fw-path", "participants[0].phases[1]")`):
    /// the ids that selection, focus and the diagnostics use. Names are fixed by the code.
    pub data: Vec<(&'static str, String)>,
    /// The record's accessible name (`role="img"`); `None` hides the group from screen readers
    /// (axes, lanes, decoration: the table view carries their content).
    pub label: Option<String>,
    /// In the tab order (`Some(true)`: `tabindex="0"`; `Some(false)`: focusable by script only,
    /// a roving tab stop).
    pub focusable: Option<bool>,
    /// Where a tooltip for it points, in view units.
    pub tip: Option<(f64, f64)>,
    /// Its marks.
    pub marks: Vec<Mark>,
    /// What kind of record it is, for screen readers (`aria-roledescription`), with a label.
    pub role: Option<String>,
    /// The box its focus ring is drawn on, in view units (see [`ring_around`]); `None` rings
    /// the record along its own outline (an area of a map).
    pub ring: Option<[f64; 4]>,
}

/// Space between a small mark and its focus ring, and the least size of the ring, in view
/// units: a one-day phase or a 12 px marker still gets a ring that can be seen.
const RING_GAP: f64 = 3.0;
const RING_MIN: f64 = 16.0;

/// The focus ring around the box `[left, top, right, bottom]`: `[x, y, width, height]`, set off
/// by [`RING_GAP`] and at least [`RING_MIN`] across, centred on the box.
///
/// ```
/// use foerderweg::scene::ring_around;
/// assert_eq!(ring_around([10.0, 10.0, 110.0, 30.0]), Some([7.0, 7.0, 106.0, 26.0]));
/// assert_eq!(ring_around([50.0, 50.0, 52.0, 52.0]), Some([43.0, 43.0, 16.0, 16.0]));
/// ```
pub fn ring_around([left, top, right, bottom]: [f64; 4]) -> Option<[f64; 4]> {
    if !(left <= right && top <= bottom) {
        return None;
    }
    let width = (right - left + 2.0 * RING_GAP).max(RING_MIN);
    let height = (bottom - top + 2.0 * RING_GAP).max(RING_MIN);
    let (cx, cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
    Some([cx - width / 2.0, cy - height / 2.0, width, height])
}

/// A hatching the marks may fill with (`url(#fw-hatch)`): a pattern, not colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Diagonal lines (planned, not yet done).
    Hatch,
    /// Crossed lines (ended early).
    Cross,
}

/// One drawing: the chart or map itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Width in view units (CSS pixels at scale 1).
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Classes of the drawing (`fw-svg fw-timeline`).
    pub class: Class,
    /// What kind of drawing it is, for screen readers (`aria-roledescription`).
    pub role: Option<String>,
    /// The drawing's accessible name.
    pub label: String,
    /// The name is text from the document (a map's title): in the document's language.
    pub label_data: bool,
    /// The patterns its marks use.
    pub patterns: Vec<Pattern>,
    /// Marks, in drawing (and keyboard) order.
    pub marks: Vec<Mark>,
}

/// What every export and rendering carries around the drawing: title, as-of date, source and,
/// for maps, the licence's attribution.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Title (the document's, or the widget's name).
    pub title: String,
    /// "Stand: 31.12.2024", formatted in the widget's language, if the document has a date.
    pub as_of: Option<String>,
    /// "Quelle: …", if the document names one.
    pub source: Option<String>,
    /// The attribution the geometry's licence requires ("© GeoBasis-DE / BKG (2024)").
    pub attribution: Option<String>,
    /// A summary for screen readers and the page.
    pub summary: String,
}

impl Frame {
    /// The lines under a drawing: as-of date, source, attribution, those that exist.
    pub fn footer(&self) -> Vec<&str> {
        [&self.as_of, &self.source, &self.attribution]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// Shorthands for layout code.
impl Mark {
    /// A rectangle; a negative size is drawn from the other side.
    pub fn rect(x: f64, y: f64, width: f64, height: f64, class: impl Into<Class>) -> Mark {
        Mark::Rect {
            x: x.min(x + width),
            y: y.min(y + height),
            width: width.abs(),
            height: height.abs(),
            rx: 0.0,
            class: class.into(),
        }
    }

    /// A path.
    pub fn path(d: String, class: impl Into<Class>) -> Mark {
        Mark::Path {
            d,
            class: class.into(),
        }
    }

    /// A line.
    pub fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: impl Into<Class>) -> Mark {
        Mark::Line {
            x1,
            y1,
            x2,
            y2,
            class: class.into(),
        }
    }

    /// A text on a baseline, starting at `x`.
    pub fn text(x: f64, y: f64, text: impl Into<String>, class: impl Into<Class>) -> Mark {
        Mark::Text {
            x,
            y,
            text: text.into(),
            anchor: Anchor::Start,
            middle: false,
            data: false,
            class: class.into(),
        }
    }

    /// The same text, marked as text from the document (see `Mark::Text::data`).
    pub fn data(self) -> Mark {
        match self {
            Mark::Text {
                x,
                y,
                text,
                anchor,
                middle,
                class,
                ..
            } => Mark::Text {
                x,
                y,
                text,
                anchor,
                middle,
                data: true,
                class,
            },
            other => other,
        }
    }

    /// The same text anchored otherwise.
    pub fn anchored(self, to: Anchor) -> Mark {
        match self {
            Mark::Text {
                x,
                y,
                text,
                middle,
                data,
                class,
                ..
            } => Mark::Text {
                x,
                y,
                text,
                anchor: to,
                middle,
                data,
                class,
            },
            other => other,
        }
    }

    /// The same text with `y` as its middle.
    pub fn centred(self) -> Mark {
        match self {
            Mark::Text {
                x,
                y,
                text,
                anchor,
                data,
                class,
                ..
            } => Mark::Text {
                x,
                y,
                text,
                anchor,
                middle: true,
                data,
                class,
            },
            other => other,
        }
    }

    /// Every text of this mark and its children, in order (what a reader of the drawing sees).
    pub fn texts<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Mark::Text { text, .. } => out.push(text),
            Mark::Group(g) => g.marks.iter().for_each(|m| m.texts(out)),
            _ => {}
        }
    }
}

impl Group {
    /// A layer hidden from screen readers.
    pub fn layer(class: impl Into<Class>, marks: Vec<Mark>) -> Group {
        Group {
            class: class.into(),
            marks,
            ..Group::default()
        }
    }
}

impl Scene {
    /// Every group with a data attribute `name`, depth first: (value, group).
    pub fn records(&self, name: &str) -> Vec<(&str, &Group)> {
        fn walk<'a>(marks: &'a [Mark], name: &str, out: &mut Vec<(&'a str, &'a Group)>) {
            for m in marks {
                if let Mark::Group(g) = m {
                    if let Some((_, v)) = g.data.iter().find(|(n, _)| *n == name) {
                        out.push((v, g));
                    }
                    walk(&g.marks, name, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.marks, name, &mut out);
        out
    }
}

/// A drawing with what frames it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    /// The drawing.
    pub scene: Scene,
    /// Its title, as-of date, source, attribution and summary.
    pub frame: Frame,
}
