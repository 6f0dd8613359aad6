//! The one symbol builder: marker shapes that tell kinds apart by form as well as colour
//! (WCAG 1.4.1), as SVG path data centred on a point.

use super::num::push;

/// A marker's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A circle of radius `r`.
    Circle,
    /// A square of side `2r`.
    Square,
    /// A square on its corner, corners `r` from the centre.
    Diamond,
    /// A triangle pointing up: apex `r` above the centre.
    Triangle,
    /// A triangle pointing down.
    TriangleDown,
    /// A flag on a pole of height `2r` (an exit).
    Flag,
    /// A house: a square under a roof, apex `r` above the centre (a home visit).
    House,
    /// A five-pointed star, points `r` from the centre.
    Star,
    /// A plus sign, arms `r` from the centre and `0.7 r` wide.
    Plus,
}

impl Shape {
    /// The shapes charts give their lines in turn.
    pub const CYCLE: [Shape; 4] = [
        Shape::Circle,
        Shape::Square,
        Shape::Diamond,
        Shape::Triangle,
    ];
}

fn at(out: &mut String, cmd: char, x: f64, y: f64) {
    out.push(cmd);
    push(out, x);
    out.push(',');
    push(out, y);
}

/// The box `shape` fills around (`x`, `y`) at size `r`: left, top, right, bottom. Every point of
/// [`path`] lies inside it (a flag's cloth reaches `1.2 r` to the right of its pole).
pub fn extent(shape: Shape, x: f64, y: f64, r: f64) -> [f64; 4] {
    let right = if shape == Shape::Flag { 1.2 * r } else { r };
    [x - r, y - r, x + right, y + r]
}

/// The path of `shape` centred on (`x`, `y`) with size `r`.
pub fn path(shape: Shape, x: f64, y: f64, r: f64) -> String {
    let mut d = String::with_capacity(48);
    match shape {
        Shape::Circle => {
            at(&mut d, 'M', x - r, y);
            for dx in [2.0 * r, -2.0 * r] {
                d.push('a');
                push(&mut d, r);
                d.push(',');
                push(&mut d, r);
                d.push_str(" 0 1,0 ");
                push(&mut d, dx);
                d.push_str(",0");
            }
        }
        Shape::Square => {
            at(&mut d, 'M', x - r, y - r);
            at(&mut d, 'L', x + r, y - r);
            at(&mut d, 'L', x + r, y + r);
            at(&mut d, 'L', x - r, y + r);
        }
        Shape::Diamond => {
            at(&mut d, 'M', x, y - r);
            at(&mut d, 'L', x + r, y);
            at(&mut d, 'L', x, y + r);
            at(&mut d, 'L', x - r, y);
        }
        Shape::Triangle | Shape::TriangleDown => {
            let s = if shape == Shape::Triangle { 1.0 } else { -1.0 };
            at(&mut d, 'M', x, y - s * r);
            at(&mut d, 'L', x + r, y + s * r * 0.77);
            at(&mut d, 'L', x - r, y + s * r * 0.77);
        }
        Shape::Flag => {
            at(&mut d, 'M', x, y + r);
            at(&mut d, 'L', x, y - r);
            at(&mut d, 'L', x + r * 1.2, y - r * 0.55);
            at(&mut d, 'L', x, y - r * 0.1);
        }
        Shape::House => {
            at(&mut d, 'M', x, y - r);
            at(&mut d, 'L', x + r, y - r * 0.1);
            at(&mut d, 'L', x + r * 0.75, y - r * 0.1);
            at(&mut d, 'L', x + r * 0.75, y + r * 0.9);
            at(&mut d, 'L', x - r * 0.75, y + r * 0.9);
            at(&mut d, 'L', x - r * 0.75, y - r * 0.1);
            at(&mut d, 'L', x - r, y - r * 0.1);
        }
        Shape::Star => {
            for k in 0..10 {
                let radius = if k % 2 == 0 { r } else { r * 0.45 };
                let angle = std::f64::consts::PI * (k as f64 / 5.0 - 0.5);
                let cmd = if k == 0 { 'M' } else { 'L' };
                at(
                    &mut d,
                    cmd,
                    x + radius * angle.cos(),
                    y + radius * angle.sin(),
                );
            }
        }
        Shape::Plus => {
            let a = r * 0.35;
            at(&mut d, 'M', x - a, y - r);
            for (dx, dy) in [
                (a, -r),
                (a, -a),
                (r, -a),
                (r, a),
                (a, a),
                (a, r),
                (-a, r),
                (-a, a),
                (-r, a),
                (-r, -a),
                (-a, -a),
            ] {
                at(&mut d, 'L', x + dx, y + dy);
            }
        }
    }
    d.push('Z');
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shapes drawn as polygons (a circle is two arcs).
    const POLYGONS: [Shape; 8] = [
        Shape::Square,
        Shape::Diamond,
        Shape::Triangle,
        Shape::TriangleDown,
        Shape::Flag,
        Shape::House,
        Shape::Star,
        Shape::Plus,
    ];

    /// The numbers of a path, in order, for checking where its points are.
    fn points(d: &str) -> Vec<f64> {
        d.split(|c: char| c.is_ascii_alphabetic() || c == ',' || c == ' ')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }

    #[test]
    fn polygons_stay_inside_their_size() {
        for shape in POLYGONS {
            let p = points(&path(shape, 100.0, 50.0, 6.0));
            for xy in p.chunks(2) {
                assert!(
                    (xy[0] - 100.0).abs() <= 7.25 && (xy[1] - 50.0).abs() <= 6.05,
                    "{shape:?} {p:?}"
                );
            }
        }
    }

    #[test]
    fn every_polygon_lies_inside_its_extent() {
        for shape in POLYGONS {
            let [left, top, right, bottom] = extent(shape, 100.0, 50.0, 6.0);
            let p = points(&path(shape, 100.0, 50.0, 6.0));
            for xy in p.chunks(2) {
                // Written to one decimal: a point may lie 0.05 past the exact figure.
                assert!(
                    xy[0] >= left - 0.05
                        && xy[0] <= right + 0.05
                        && xy[1] >= top - 0.05
                        && xy[1] <= bottom + 0.05,
                    "{shape:?} {xy:?} outside {:?}",
                    [left, top, right, bottom]
                );
            }
        }
        // A circle's arcs reach r from its centre every way.
        assert_eq!(
            extent(Shape::Circle, 10.0, 10.0, 5.0),
            [5.0, 5.0, 15.0, 15.0]
        );
    }

    #[test]
    fn every_shape_differs() {
        let all: Vec<Shape> = std::iter::once(Shape::Circle).chain(POLYGONS).collect();
        let ds: std::collections::HashSet<String> =
            all.iter().map(|&s| path(s, 0.0, 0.0, 5.0)).collect();
        assert_eq!(ds.len(), all.len());
        assert_eq!(
            path(Shape::Circle, 10.0, 10.0, 5.0),
            "M5,10a5,5 0 1,0 10,0a5,5 0 1,0 -10,0Z"
        );
    }
}
