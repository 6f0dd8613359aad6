//! The map as a [`Scene`] of typed marks: the neighbours for orientation, the areas (each a
//! named, focusable record with its colour class and tooltip anchor), the borders of the Länder,
//! the outlines of the regions in force, the figures written on the map and the markers. One
//! tab stop: the record named `stop` (else the first); arrows move among the rest.

use super::types::{MapScene, MarkerMark, Unit};
use crate::i18n::Lang;
use crate::scene::symbol::{Shape, path};
use crate::scene::{Anchor, Group, Mark, Pattern, Scene, ring_around};

/// Size of a marker's symbol: squares and circles `2r` across, diamonds and triangles a little
/// larger so that they look as large.
const MARKER_R: f64 = 6.0;
const POINTED_R: f64 = 7.5;

/// The side of the square around a marker that takes its clicks: 24 CSS px at least (WCAG
/// 2.5.8), transparent, under its symbol.
pub(super) const HIT: f64 = 24.0;

/// The legend under a map in a file: space above it, the height of a row, the width of a
/// character of its text.
const LEGEND_GAP: f64 = 12.0;
const LEGEND_ROW: f64 = 20.0;
const LEGEND_CHAR: f64 = 6.6;

/// The data attribute that names a record across redraws (the focus stays on it).
pub const KEY: &str = "data-fw-key";

/// The form of a marker kind: office square, Jobcenter diamond, provider circle, other
/// triangle.
pub(super) fn marker_symbol(kind: &str, x: f64, y: f64) -> String {
    let (shape, r) = marker_form(kind);
    path(shape, x, y, r)
}

/// The symbol and size of a marker of `kind`.
fn marker_form(kind: &str) -> (Shape, f64) {
    match kind {
        "office" => (Shape::Square, MARKER_R),
        "jobcenter" => (Shape::Diamond, POINTED_R),
        "provider" => (Shape::Circle, MARKER_R),
        _ => (Shape::Triangle, POINTED_R),
    }
}

/// Which side of its anchor a tooltip opens to, so it stays on the map.
fn side(x: f64, width: f64) -> &'static str {
    if x < width * 0.3 {
        "start"
    } else if x > width * 0.7 {
        "end"
    } else {
        "middle"
    }
}

impl MapScene {
    /// The map as marks, named `title` (with the day shown), its tab stop on the record whose
    /// [`KEY`] is `stop` (else on the first).
    pub fn marks(&self, title: &str, stop: Option<&str>, lang: Lang) -> Scene {
        let m = lang.texts().map;
        let mut records: Vec<Group> = self.units.iter().map(|u| self.unit(u, lang)).collect();
        records.extend(
            self.markers
                .iter()
                .filter(|mk| mk.visible)
                .map(|mk| self.marker(mk)),
        );
        let at = stop
            .and_then(|key| records.iter().position(|g| g.data[0].1 == key))
            .unwrap_or(0);
        for (i, g) in records.iter_mut().enumerate() {
            g.focusable = Some(i == at);
            g.data.push(("data-fw-mark", i.to_string()));
        }
        let markers = records.split_off(self.units.len());
        let mut marks = Vec::with_capacity(records.len() + markers.len() + 4);
        if !self.context.is_empty() {
            let context = Mark::path(self.context.clone(), "fw-context");
            marks.push(Mark::Group(Group::layer("", vec![context])));
        }
        marks.extend(records.into_iter().map(Mark::Group));
        marks.extend(self.borders());
        marks.extend(markers.into_iter().map(Mark::Group));
        let label = match &self.date {
            Some(d) => format!("{title}, {}: {d}", m.date_label),
            None => title.to_string(),
        };
        Scene {
            width: self.width,
            height: self.height,
            class: "fw-svg fw-map__svg fw-units".into(),
            role: Some(m.drawing.to_string()),
            label,
            label_data: true,
            patterns: self.patterns(),
            marks,
        }
    }

    /// The map with its legend drawn below it, for files and the server (the widget shows the
    /// legend as HTML under the drawing): a swatch filled as the areas and the text of each
    /// class, in rows as wide as the map.
    pub fn marks_with_legend(&self, title: &str, lang: Lang) -> Scene {
        let mut scene = self.marks(title, None, lang);
        if self.legend.is_empty() {
            return scene;
        }
        let top = scene.height + LEGEND_GAP;
        let title = Mark::text(
            0.0,
            top + 12.0,
            self.legend_title.clone(),
            "fw-map-legend__title",
        );
        let mut marks = vec![title];
        let (mut x, mut y) = (0.0, top + 20.0);
        for entry in &self.legend {
            let w = 24.0 + entry.text.chars().count() as f64 * LEGEND_CHAR + 16.0;
            if x > 0.0 && x + w > scene.width {
                (x, y) = (0.0, y + LEGEND_ROW);
            }
            let class = format!("fw-unit {}", entry.class);
            marks.push(Mark::rect(x + 0.5, y + 0.5, 17.0, 13.0, class));
            let text = Mark::text(
                x + 24.0,
                y + 11.0,
                entry.text.clone(),
                "fw-map-legend__text",
            );
            marks.push(text);
            x += w;
        }
        // On a ground of its own: neighbouring districts reach past the map's edge.
        let height = y + LEGEND_ROW - scene.height;
        let ground = Mark::rect(
            0.0,
            scene.height,
            scene.width,
            height,
            "fw-map-legend__ground",
        );
        marks.insert(0, ground);
        scene.height += height;
        scene
            .marks
            .push(Mark::Group(Group::layer("fw-map-legend__marks", marks)));
        scene
    }

    /// An area: its path in a record named by its key, coloured by its class; an area of a
    /// programme region says so (`aria-roledescription`).
    fn unit(&self, u: &Unit, lang: Lang) -> Group {
        Group {
            class: format!("fw-unit {}", u.class).into(),
            data: vec![
                (KEY, u.key.clone()),
                ("data-fw-select", u.key.clone()),
                ("data-fw-kind", "area".into()),
                ("data-fw-side", side(u.anchor.0, self.width).into()),
            ],
            label: Some(u.text.clone()),
            focusable: None,
            tip: Some(u.anchor),
            marks: vec![Mark::path(u.d.clone(), "fw-unit__area")],
            // Ringed along its outline.
            ring: None,
            role: u
                .region
                .is_some()
                .then(|| lang.texts().map.region.to_string()),
        }
    }

    /// A marker: the square that takes its clicks, its symbol and, where it fits, its label.
    fn marker(&self, mk: &MarkerMark) -> Group {
        let hit = Mark::rect(mk.x - HIT / 2.0, mk.y - HIT / 2.0, HIT, HIT, "fw-pin__hit");
        let mut marks = vec![hit, Mark::path(mk.d.clone(), "fw-pin__symbol")];
        if let Some((x, y, anchor)) = mk.label_at {
            let anchor = match anchor {
                "end" => Anchor::End,
                "middle" => Anchor::Middle,
                _ => Anchor::Start,
            };
            let label = Mark::text(x, y, mk.label.clone(), "fw-pin__label").data();
            marks.push(label.anchored(anchor));
        }
        Group {
            class: format!("fw-pin fw-pin--{}", mk.kind).into(),
            data: vec![
                (KEY, format!("marker:{}", mk.id)),
                ("data-fw-select", mk.id.clone()),
                ("data-fw-kind", "marker".into()),
                ("data-fw-side", side(mk.x, self.width).into()),
            ],
            label: Some(mk.text.clone()),
            focusable: None,
            tip: Some((mk.x, mk.y - 8.0)),
            marks,
            role: None,
            ring: {
                let (shape, r) = marker_form(mk.kind);
                ring_around(crate::scene::symbol::extent(shape, mk.x, mk.y, r))
            },
        }
    }

    /// Länder borders, region outlines and the figures: drawn over the areas, hidden from
    /// screen readers (the areas' names and the tables say it).
    fn borders(&self) -> Vec<Mark> {
        let mut out = Vec::new();
        if !self.lands.is_empty() {
            let lands = Mark::path(self.lands.clone(), "fw-lands");
            out.push(Mark::Group(Group::layer("", vec![lands])));
        }
        let outlines = self
            .outlines
            .iter()
            .map(|(id, d)| {
                Mark::Group(Group {
                    class: "fw-outline".into(),
                    data: vec![("data-fw-region", id.clone())],
                    // A line on a wider one of the ground's colour: one of the two reaches
                    // 3:1 on any fill it crosses.
                    marks: vec![
                        Mark::path(d.clone(), "fw-outline__halo"),
                        Mark::path(d.clone(), "fw-outline__line"),
                    ],
                    ..Group::default()
                })
            })
            .collect();
        out.push(Mark::Group(Group::layer("fw-outlines", outlines)));
        let labels = self
            .labels
            .iter()
            .map(|l| {
                Mark::text(l.x, l.y, l.text.clone(), "fw-map-label")
                    .data()
                    .anchored(Anchor::Middle)
            })
            .collect();
        out.push(Mark::Group(Group::layer("fw-map-labels", labels)));
        out
    }

    /// The patterns the areas use: hatching for no data (or no comparison), crossed lines for suppressed figures.
    fn patterns(&self) -> Vec<Pattern> {
        let uses = |class: &str| {
            self.units.iter().any(|u| u.class == class)
                || self.legend.iter().any(|e| e.class == class)
        };
        let mut out = Vec::new();
        // No data, and no comparison possible, are hatched.
        if uses("fw-nodata") || uses("fw-nocompare") {
            out.push(Pattern::Hatch);
        }
        if uses("fw-suppressed") {
            out.push(Pattern::Cross);
        }
        out
    }
}
