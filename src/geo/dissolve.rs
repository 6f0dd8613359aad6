//! Dissolving: the outline of a group of shapes without the borders between its members.
//!
//! Every ring edge of every member is counted without its direction; an edge two members share
//! (an inner border) appears twice and cancels. What is left is the outer border, chained into
//! lines. Works for the built-in districts and for a host's GeoJSON whose neighbours share
//! their border points.

use super::{FastHasher, Point, Shape};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

type Edge = (Point, Point);

type PointMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

fn undirected(a: Point, b: Point) -> Edge {
    if a <= b { (a, b) } else { (b, a) }
}

/// The edges of `shapes` that only one of them has: the outer border of their union.
pub fn outer_edges<'a>(shapes: impl IntoIterator<Item = &'a Shape>) -> Vec<Edge> {
    let mut count: PointMap<Edge, u32> = PointMap::default();
    let mut order: Vec<Edge> = Vec::new();
    for shape in shapes {
        for ring in shape.polygons.iter().flat_map(|p| p.rings.iter()) {
            for w in ring.windows(2) {
                if w[0] == w[1] {
                    continue;
                }
                let e = undirected(w[0], w[1]);
                let n = count.entry(e).or_insert(0);
                if *n == 0 {
                    order.push(e);
                }
                *n += 1;
            }
        }
    }
    order
        .into_iter()
        .filter(|e| count.get(e).is_some_and(|n| n % 2 == 1))
        .collect()
}

/// Chains edges into as few lines as it can: closed loops where the border is closed.
pub fn chain(edges: &[Edge]) -> Vec<Vec<Point>> {
    let mut at: PointMap<Point, Vec<usize>> = PointMap::default();
    for (i, (a, b)) in edges.iter().enumerate() {
        at.entry(*a).or_default().push(i);
        at.entry(*b).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut lines = Vec::new();
    for start in 0..edges.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (a, b) = edges[start];
        let mut line = vec![a, b];
        // Walk forward from b, then backward from a, so open chains come out whole.
        for forward in [true, false] {
            loop {
                let end = if forward {
                    line[line.len() - 1]
                } else {
                    line[0]
                };
                let next = at
                    .get(&end)
                    .and_then(|list| list.iter().copied().find(|&i| !used[i]));
                let Some(i) = next else { break };
                used[i] = true;
                let (p, q) = edges[i];
                let other = if p == end { q } else { p };
                if forward {
                    line.push(other);
                } else {
                    line.insert(0, other);
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The outline of `shapes` as lines of points.
pub fn outline<'a>(shapes: impl IntoIterator<Item = &'a Shape>) -> Vec<Vec<Point>> {
    chain(&outer_edges(shapes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::Polygon;

    fn square(key: &str, x: i32, y: i32) -> Shape {
        Shape {
            key: key.into(),
            name: key.into(),
            kind: String::new(),
            polygons: vec![Polygon {
                rings: vec![vec![[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
            }],
        }
    }

    #[test]
    fn two_neighbours_lose_their_shared_edge() {
        let (a, b) = (square("a", 0, 0), square("b", 1, 0));
        let edges = outer_edges([&a, &b]);
        assert_eq!(edges.len(), 6);
        assert!(!edges.contains(&undirected([1, 0], [1, 1])));
        let lines = chain(&edges);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].first(), lines[0].last(), "a closed loop");
        assert_eq!(lines[0].len(), 7);
    }

    #[test]
    fn a_block_of_four_has_no_inner_edge_and_a_hole_stays() {
        let shapes: Vec<_> = [(0, 0), (1, 0), (0, 1), (1, 1)]
            .iter()
            .map(|&(x, y)| square("s", x, y))
            .collect();
        let edges = outer_edges(&shapes);
        assert_eq!(edges.len(), 8);
        for (p, q) in &edges {
            // Every edge left lies on the 2×2 block's border.
            let on_border = |v: &Point| v[0] == 0 || v[0] == 2 || v[1] == 0 || v[1] == 2;
            assert!(on_border(p) && on_border(q));
            assert!(!(p[0] == 1 && q[0] == 1 || p[1] == 1 && q[1] == 1));
        }
        // A ring of eight around an empty middle: outline = outer loop + inner loop.
        let ring: Vec<_> = (0..3)
            .flat_map(|x| (0..3).map(move |y| (x, y)))
            .filter(|&(x, y)| (x, y) != (1, 1))
            .map(|(x, y)| square("r", x, y))
            .collect();
        let lines = outline(&ring);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.first() == l.last()));
    }
}
