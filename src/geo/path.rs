//! SVG path data from projected rings: one decimal, relative steps, repeated points dropped.
//! Built once per shape and view, not per frame.

use super::Point;
use super::projection::{Conic, Fit};
use crate::scene::num::{push_tenths, tenths};

/// Appends one line of points (`M…l…`), closed with `Z` when `close`. Lines that round to a
/// single point are left out.
pub fn push_line(
    out: &mut String,
    points: &[Point],
    conic: &Conic,
    fit: &Fit,
    close: bool,
) -> bool {
    let mut steps: Vec<(i64, i64)> = Vec::with_capacity(points.len());
    for &p in points {
        let (x, y) = fit.apply(conic.point(p));
        let q = (tenths(x), tenths(y));
        if steps.last() != Some(&q) {
            steps.push(q);
        }
    }
    if close && steps.len() > 1 && steps.first() == steps.last() {
        steps.pop();
    }
    if steps.len() < 2 {
        return false;
    }
    let mut last = steps[0];
    out.push('M');
    push_tenths(out, last.0);
    out.push(' ');
    push_tenths(out, last.1);
    out.push('l');
    for (i, &(x, y)) in steps.iter().enumerate().skip(1) {
        let (dx, dy) = (x - last.0, y - last.1);
        if i > 1 && dx >= 0 {
            out.push(' ');
        }
        push_tenths(out, dx);
        if dy >= 0 {
            out.push(' ');
        }
        push_tenths(out, dy);
        last = (x, y);
    }
    if close {
        out.push('Z');
    }
    true
}

/// The path of closed rings (a shape's polygons, drawn with `fill-rule: evenodd`).
pub fn rings<'a>(
    rings: impl IntoIterator<Item = &'a Vec<Point>>,
    conic: &Conic,
    fit: &Fit,
) -> String {
    let mut out = String::new();
    for ring in rings {
        push_line(&mut out, ring, conic, fit, true);
    }
    out
}

/// The path of open or closed lines (a dissolved outline).
pub fn lines(lines: &[Vec<Point>], conic: &Conic, fit: &Fit) -> String {
    let mut out = String::new();
    for line in lines {
        let closed = line.len() > 2 && line.first() == line.last();
        push_line(&mut out, line, conic, fit, closed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_with_one_decimal() {
        // An identity-like fit: scale the projection so that the numbers are easy to read.
        let conic = Conic::germany();
        let fit = Fit::new([-0.1, -0.1, 0.1, 0.1], 200.0, 200.0, 0.0);
        let origin = [10_500_000, 51_000_000];
        let d = rings(
            [&vec![
                origin,
                [10_600_000, 51_000_000],
                [10_600_000, 51_100_000],
                origin,
            ]],
            &conic,
            &fit,
        );
        assert!(d.starts_with("M100 100l"), "{d}");
        assert!(d.ends_with('Z'));
        // Relative steps add up to a closed ring within rounding.
        let body = &d[d.find('l').unwrap() + 1..d.len() - 1];
        let numbers: Vec<f64> = body
            .replace('-', " -")
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(numbers.len(), 4, "two steps: {d}");
        assert!(numbers.iter().all(|n| (n * 10.0).fract() == 0.0));
    }

    #[test]
    fn a_line_that_rounds_to_a_point_is_left_out() {
        let conic = Conic::germany();
        let fit = Fit::new([-1.0, -1.0, 1.0, 1.0], 10.0, 10.0, 0.0);
        let p = [10_500_000, 51_000_000];
        let q = [10_500_001, 51_000_001];
        assert_eq!(rings([&vec![p, q, p, p]], &conic, &fit), "");
    }
}
