#![cfg(not(target_arch = "wasm32"))]
//! The focus ring is the scene's: every record a keyboard reaches carries the box its ring is
//! drawn on (`Group::ring`), and that box holds what the record draws, so the ring the browser
//! copies from it (`view::parts::marks::ring`) goes around the mark and never across it. An
//! area of a map is ringed along its outline instead.

use chrono::NaiveDate;
use foerderweg::i18n::Lang;
use foerderweg::render::document::{Options, kind_of, render};
use foerderweg::scene::{Group, Mark};
use std::path::PathBuf;

/// The numbers of a path written with absolute commands only (`M`, `L`, `Z`): its points.
/// `None` for a path with other commands (a circle's arcs), whose points are not all written.
fn points(d: &str) -> Option<Vec<(f64, f64)>> {
    if d.chars()
        .any(|c| c.is_ascii_alphabetic() && !matches!(c, 'M' | 'L' | 'Z'))
    {
        return None;
    }
    let numbers: Vec<f64> = d
        .split(['M', 'L', 'Z', ',', ' '])
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    Some(numbers.chunks(2).map(|p| (p[0], p[1])).collect())
}

/// The corners of what `g` draws that its ring must hold: rects and polygon points (the
/// map marker's larger, invisible hit square and texts beside the mark are not the mark).
fn drawn(g: &Group, out: &mut Vec<(f64, f64)>) {
    for m in &g.marks {
        match m {
            Mark::Rect {
                x,
                y,
                width,
                height,
                class,
                ..
            } if !class.contains("fw-pin__hit") => {
                out.extend([(*x, *y), (x + width, y + height)]);
            }
            Mark::Path { d, .. } => out.extend(points(d).unwrap_or_default()),
            Mark::Group(inner) => drawn(inner, out),
            _ => {}
        }
    }
}

/// Every record of the scene a keyboard can reach: in the tab order, or a roving stop the
/// widget moves by its id (`data-fw-select`).
fn reachable<'a>(marks: &'a [Mark], out: &mut Vec<&'a Group>) {
    for m in marks {
        if let Mark::Group(g) = m {
            let roving = g.data.iter().any(|(name, _)| *name == "data-fw-select");
            if g.label.is_some() && (g.focusable.is_some() || roving) {
                out.push(g);
            }
            reachable(&g.marks, out);
        }
    }
}

#[test]
fn every_record_a_keyboard_reaches_has_a_ring_around_its_mark() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/data");
    let mut samples: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    samples.sort();
    let (mut boxes, mut outlines) = (0, 0);
    for path in samples {
        let json = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let kind = kind_of(&json).unwrap();
        let options = Options {
            width: 720.0,
            lang: Lang::De,
            today: NaiveDate::from_ymd_opt(2018, 12, 1),
            geometry: None,
            confidential: None,
        };
        let Some(rendering) = render(kind, &json, &options).rendering else {
            continue;
        };
        for figure in &rendering.figures {
            let mut records = Vec::new();
            reachable(&figure.scene.marks, &mut records);
            for g in records {
                let id = format!("{name}: {:?} {:?}", g.class, g.data.first());
                let area = g
                    .data
                    .iter()
                    .any(|(n, v)| *n == "data-fw-kind" && v == "area");
                let Some([x, y, width, height]) = g.ring else {
                    assert!(area, "{id}: reached by the keyboard, but no ring");
                    outlines += 1;
                    continue;
                };
                assert!(
                    !area,
                    "{id}: an area is ringed along its outline, not a box"
                );
                let mut corners = Vec::new();
                drawn(g, &mut corners);
                assert!(
                    !corners.is_empty() || g.marks.iter().any(|m| matches!(m, Mark::Path { .. })),
                    "{id}: draws nothing"
                );
                for (px, py) in corners {
                    // Coordinates are written to one decimal.
                    assert!(
                        px >= x - 0.05
                            && px <= x + width + 0.05
                            && py >= y - 0.05
                            && py <= y + height + 0.05,
                        "{id}: ({px}, {py}) outside its ring {:?}",
                        [x, y, width, height]
                    );
                }
                // Never so small that a reader cannot see it.
                assert!(
                    width >= 16.0 && height >= 16.0,
                    "{id}: ring {width}×{height}"
                );
                boxes += 1;
            }
        }
    }
    // Phases, markers, chart points and map markers; areas.
    assert!(
        boxes > 100 && outlines > 10,
        "rings {boxes}, outlines {outlines}"
    );
}
