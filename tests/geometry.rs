//! The built-in geometry: what `assets/geo/*.fwg` hold, that every polygon is valid, that
//! dissolving leaves no inner edge, and that maps resolve their keys against it.

use foerderweg::check::{Document, check};
use foerderweg::geo::projection::{Conic, Fit, projected};
use foerderweg::geo::{Atlas, BBox, LAENDER, Point, codec, dissolve, ring_area2, ring_contains};
use foerderweg::i18n::Lang;
use foerderweg::layout::map::{Geometry, needs_municipalities, prepare, scene};
use foerderweg::model::WidgetKind;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn districts() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| codec::decode(include_bytes!("../assets/geo/districts.fwg")).unwrap())
}

fn municipalities() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        codec::decode(include_bytes!("../assets/geo/municipalities-14-15.fwg")).unwrap()
    })
}

fn micro(lon: f64, lat: f64) -> Point {
    [(lon * 1e6).round() as i32, (lat * 1e6).round() as i32]
}

#[test]
fn four_hundred_districts_in_sixteen_laender() {
    let atlas = districts();
    assert_eq!(atlas.shapes.len(), 400);
    let keys: HashSet<_> = atlas.shapes.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys.len(), 400, "keys are unique");
    assert!(
        atlas
            .shapes
            .iter()
            .all(|s| s.key.len() == 5 && s.key.bytes().all(|b| b.is_ascii_digit()))
    );
    let mut per_land: HashMap<&str, usize> = HashMap::new();
    for s in &atlas.shapes {
        *per_land.entry(&s.key[..2]).or_default() += 1;
    }
    assert_eq!(per_land.len(), 16);
    assert!(LAENDER.iter().all(|(k, _)| per_land.contains_key(k)));
    assert_eq!(per_land["14"], 13, "Sachsen");
    assert_eq!(per_land["15"], 14, "Sachsen-Anhalt");
    // The mergers after 2016 are applied.
    assert_eq!(atlas.get("03159").unwrap().name, "Göttingen");
    assert!(atlas.get("03152").is_none() && atlas.get("03156").is_none());
    assert!(atlas.get("16056").is_none());
    assert_eq!(atlas.get("15090").unwrap().name, "Stendal");
    assert_eq!(atlas.get("14522").unwrap().name, "Mittelsachsen");
    assert_eq!(
        atlas.attribution,
        "© GeoBasis-DE / BKG 2016, Daten verändert"
    );
}

#[test]
fn towns_lie_in_their_districts() {
    let atlas = districts();
    for (key, lon, lat) in [
        ("15090", 11.858, 52.606), // Stendal
        ("14612", 13.738, 51.050), // Dresden
        ("14713", 12.375, 51.340), // Leipzig
        ("14627", 13.47, 51.163),  // Meißen
        ("16063", 10.32, 50.975),  // Eisenach, now Wartburgkreis
        ("03159", 9.935, 51.534),  // Göttingen
        ("09162", 11.575, 48.137), // München
        ("01001", 9.437, 54.783),  // Flensburg
    ] {
        let p = micro(lon, lat);
        let inside: Vec<_> = atlas
            .shapes
            .iter()
            .filter(|s| s.contains(p))
            .map(|s| s.key.as_str())
            .collect();
        assert_eq!(inside, [key], "({lon}, {lat})");
    }
}

fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let orient = |p: Point, q: Point, r: Point| {
        let v = (i64::from(q[0]) - i64::from(p[0])) * (i64::from(r[1]) - i64::from(p[1]))
            - (i64::from(q[1]) - i64::from(p[1])) * (i64::from(r[0]) - i64::from(p[0]));
        v.signum()
    };
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    o1 * o2 < 0 && o3 * o4 < 0
}

/// Closed, at least a triangle, a real area, no edge crossing another of the same ring, holes
/// inside their outer ring.
fn assert_valid(atlas: &Atlas) {
    for shape in &atlas.shapes {
        assert!(!shape.polygons.is_empty(), "{} has no polygon", shape.key);
        for polygon in &shape.polygons {
            for (r, ring) in polygon.rings.iter().enumerate() {
                assert!(ring.len() >= 4, "{} ring {r} too short", shape.key);
                assert_eq!(ring.first(), ring.last(), "{} ring {r} open", shape.key);
                assert!(
                    ring_area2(ring).abs() > 0.0,
                    "{} ring {r} has no area",
                    shape.key
                );
                let n = ring.len() - 1;
                for i in 0..n {
                    for j in i + 2..n {
                        if i == 0 && j == n - 1 {
                            continue;
                        }
                        assert!(
                            !segments_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]),
                            "{} ring {r} crosses itself at {i}/{j}",
                            shape.key
                        );
                    }
                }
                if r > 0 {
                    assert!(
                        ring.iter().any(|&p| ring_contains(&polygon.rings[0], p)),
                        "{} hole {r} outside its polygon",
                        shape.key
                    );
                }
            }
        }
    }
}

#[test]
fn every_polygon_is_valid() {
    assert_valid(districts());
    assert_valid(municipalities());
}

#[test]
fn municipalities_of_sachsen_and_sachsen_anhalt() {
    let m = municipalities();
    assert!(
        m.shapes
            .iter()
            .all(|s| s.key.len() == 8 && (s.key.starts_with("14") || s.key.starts_with("15")))
    );
    // Every municipality lies in a district of the same key prefix.
    let d = districts();
    for s in m.shapes.iter().step_by(7) {
        assert!(d.get(&s.key[..5]).is_some(), "{} has no district", s.key);
    }
    assert!(m.with_prefix("14522").any(|s| s.name == "Döbeln"));
}

#[test]
fn a_dissolved_region_has_no_inner_edges() {
    let atlas = districts();
    let region: Vec<_> = ["14612", "14628", "14627"]
        .iter()
        .map(|k| atlas.get(k).unwrap())
        .collect();
    let outer: HashSet<_> = dissolve::outer_edges(region.iter().copied())
        .into_iter()
        .collect();
    // An edge of one member that another member also has is an inner border: none is left.
    let edges_of = |s: &foerderweg::geo::Shape| -> HashSet<(Point, Point)> {
        s.polygons
            .iter()
            .flat_map(|p| p.rings.iter())
            .flat_map(|r| {
                r.windows(2).map(|w| {
                    if w[0] <= w[1] {
                        (w[0], w[1])
                    } else {
                        (w[1], w[0])
                    }
                })
            })
            .collect()
    };
    let sets: Vec<_> = region.iter().map(|s| edges_of(s)).collect();
    let shared: HashSet<_> = sets[0]
        .intersection(&sets[1])
        .chain(sets[0].intersection(&sets[2]))
        .chain(sets[1].intersection(&sets[2]))
        .copied()
        .collect();
    assert!(
        shared.len() > 20,
        "the three districts share borders ({})",
        shared.len()
    );
    assert!(outer.is_disjoint(&shared));
    // The outline closes: every point is the end of an even number of outline edges.
    let mut degree: HashMap<Point, usize> = HashMap::new();
    for (a, b) in &outer {
        *degree.entry(*a).or_default() += 1;
        *degree.entry(*b).or_default() += 1;
    }
    assert!(degree.values().all(|d| d % 2 == 0));
    let lines = dissolve::chain(&outer.into_iter().collect::<Vec<_>>());
    assert!(lines.iter().all(|l| l.first() == l.last()));
}

#[test]
fn the_view_fits_the_laender_in_focus() {
    let atlas = districts();
    let conic = Conic::germany();
    let focus = atlas
        .with_prefix("14")
        .chain(atlas.with_prefix("15"))
        .filter_map(|s| s.bbox())
        .reduce(BBox::union)
        .unwrap();
    let b = projected(&conic, focus);
    let fit = Fit::new(b, 800.0, 1000.0, 16.0);
    // Sachsen and Sachsen-Anhalt together are taller than wide in this projection? No: about
    // as tall as wide; either way every point of both lies in the view.
    for s in atlas.with_prefix("14").chain(atlas.with_prefix("15")) {
        for &p in s.points() {
            let (x, y) = fit.apply(conic.point(p));
            assert!((15.9..=fit.width - 15.9).contains(&x), "{} x {x}", s.key);
            assert!((15.9..=fit.height - 15.9).contains(&y), "{} y {y}", s.key);
        }
    }
    // North is up: Stendal above Chemnitz, Dresden right of Leipzig.
    let at = |lon, lat| fit.apply(conic.project(lon, lat));
    assert!(at(11.858, 52.606).1 < at(12.92, 50.83).1);
    assert!(at(13.738, 51.05).0 > at(12.375, 51.34).0);
}

#[test]
fn unknown_keys_are_warnings_with_their_paths() {
    let doc = r#"{"schema":"foerderweg/map@1","focus":["14","99"],
      "regions":[{"id":"a","label":"A","districts":["14612","14999","Dresden"]},
                 {"id":"b","label":"B","districts":["14612"]}],
      "values":[{"key":"a","value":3},{"key":"15090","value":1},{"key":"x","value":2}]}"#;
    let checked = check(WidgetKind::Map, doc);
    let Some(Document::Map(doc)) = checked.document else {
        panic!("draws")
    };
    let geo = Geometry {
        areas: districts(),
        municipalities: None,
        host: false,
    };
    let prepared = prepare(&doc, geo);
    let found: Vec<_> = prepared
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), d.problem.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("focus[1]", "unknown-area"),
            ("regions[0].districts[1]", "unknown-area"),
            ("regions[0].districts[2]", "unknown-area"),
            ("values[2].key", "unknown-area"),
            ("regions[1].districts", "two-regions"),
        ]
    );
    assert_eq!(
        prepared.diagnostics[4].message(Lang::De),
        "„Dresden“ gehört zur selben Zeit auch zu regions[0]; gezeichnet wird die erste Zuordnung."
    );
    // Sachsen's 13 districts and Stendal (it has a figure) are drawn.
    assert_eq!(prepared.units.len(), 14);
}

#[test]
fn the_sample_regions_change_on_the_first_of_october_2017() {
    let text = std::fs::read_to_string("www/data/map-sachsen.json").unwrap();
    let checked = check(WidgetKind::Map, &text);
    let Some(Document::Map(doc)) = checked.document else {
        panic!("draws")
    };
    let munis = needs_municipalities(&doc).then(municipalities);
    let geo = Geometry {
        areas: districts(),
        municipalities: munis,
        host: false,
    };
    let prepared = prepare(&doc, geo);
    assert!(
        prepared.diagnostics.is_empty(),
        "{:?}",
        prepared.diagnostics
    );
    let day = |s: &str| Some(foerderweg::model::common::Day(s.parse().unwrap()));
    let region_of = |d: &str, key: &str| {
        let s = scene(&doc, &prepared, day(d), None, 800.0, Lang::De);
        s.units
            .iter()
            .find(|u| u.key == key)
            .unwrap()
            .region
            .clone()
    };
    assert_eq!(region_of("2017-09-30", "14627").as_deref(), Some("mei"));
    assert_eq!(
        region_of("2017-10-01", "14627").as_deref(),
        Some("dd-soe-mei")
    );
    assert!(
        prepared
            .dates
            .iter()
            .any(|d| d.0.to_string() == "2017-10-01")
    );
    // Outlines: one per region in force, and the merged region's has no border inside.
    let s = scene(&doc, &prepared, day("2018-01-01"), None, 800.0, Lang::De);
    let ids: Vec<_> = s.outlines.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&"dd-soe-mei") && !ids.contains(&"mei"));
}

#[test]
fn every_map_sample_resolves_without_warnings() {
    let mut seen = 0;
    for entry in std::fs::read_dir("www/data").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("map-") {
            continue;
        }
        seen += 1;
        let checked = check(WidgetKind::Map, &std::fs::read_to_string(&path).unwrap());
        let Some(Document::Map(doc)) = checked.document else {
            panic!("{name} draws")
        };
        let munis = needs_municipalities(&doc).then(municipalities);
        let prepared = prepare(
            &doc,
            Geometry {
                areas: districts(),
                municipalities: munis,
                host: false,
            },
        );
        assert!(
            prepared.diagnostics.is_empty(),
            "{name}: {:?}",
            prepared.diagnostics
        );
        for day in prepared.dates.iter().copied().map(Some).chain([None]) {
            let s = scene(&doc, &prepared, day, None, 720.0, Lang::En);
            assert!(
                !s.units.is_empty() && s.units.iter().all(|u| !u.d.is_empty()),
                "{name}"
            );
            assert!(s.width == 720.0 && s.height > 100.0);
            // The export menu names the tables without making them.
            let titles: Vec<String> = s.tables(Lang::En).into_iter().map(|t| t.title).collect();
            assert_eq!(s.table_titles(Lang::En), titles, "{name}");
        }
    }
    assert!(seen >= 3);
}

/// A map whose figures change keeps its drawing (the paths are not built again): the kept
/// drawing must give exactly the scene a fresh one gives, and a change of regions or areas must
/// not find the old one.
#[test]
fn a_drawing_is_kept_only_while_the_areas_and_regions_stay() {
    use foerderweg::layout::map::{drawing, scene_on};
    let map = |regions: &str, a: u32, b: u32| {
        let text = format!(
            r#"{{"schema":"foerderweg/map@1","focus":["14"],"regions":[{regions}],
            "values":[{{"key":"r1","value":{a}}},{{"key":"r2","value":{b}}}]}}"#
        );
        match check(WidgetKind::Map, &text).document {
            Some(Document::Map(d)) => d,
            _ => panic!("map does not check"),
        }
    };
    let geometry = || Geometry {
        areas: districts(),
        municipalities: None,
        host: false,
    };
    let two = r#"{"id":"r1","label":"Nord","districts":["14730","14729"]},
                 {"id":"r2","label":"Süd","districts":["14522","14523"]}"#;
    let moved = r#"{"id":"r1","label":"Nord","districts":["14730"]},
                   {"id":"r2","label":"Süd","districts":["14522","14523","14729"]}"#;
    let (first, figures, regrouped) = (map(two, 3, 9), map(two, 12, 1), map(moved, 3, 9));
    let (p1, p2, p3) = (
        prepare(&first, geometry()),
        prepare(&figures, geometry()),
        prepare(&regrouped, geometry()),
    );
    assert_eq!(p1.fingerprint, p2.fingerprint, "new figures, same drawing");
    assert_ne!(
        p1.fingerprint, p3.fingerprint,
        "a district changed its region"
    );
    let kept = drawing(&first, &p1, None, 700.0);
    let again = scene_on(&figures, &p2, &kept, p2.initial, Lang::De);
    assert_eq!(
        again,
        scene(&figures, &p2, p2.initial, None, 700.0, Lang::De)
    );
    // The figures did change what is shown.
    let before = scene(&first, &p1, p1.initial, None, 700.0, Lang::De);
    assert_ne!(
        before.units.iter().map(|u| &u.class).collect::<Vec<_>>(),
        again.units.iter().map(|u| &u.class).collect::<Vec<_>>()
    );
    let focus_all = r#"{"schema":"foerderweg/map@1","focus":["14","15"],"regions":[]}"#;
    let Some(Document::Map(wider)) = check(WidgetKind::Map, focus_all).document else {
        panic!("map does not check");
    };
    assert_ne!(prepare(&wider, geometry()).fingerprint, p1.fingerprint);
}

/// A sample of `www/data` prepared on the built-in geometry, as the widget shows it first.
fn sample(
    file: &str,
) -> (
    std::sync::Arc<foerderweg::model::regions::MapDoc>,
    foerderweg::layout::map::Prepared,
) {
    let text = std::fs::read_to_string(format!("www/data/{file}")).unwrap();
    let Some(Document::Map(doc)) = check(WidgetKind::Map, &text).document else {
        panic!("{file} does not check");
    };
    let geo = Geometry {
        areas: districts(),
        municipalities: needs_municipalities(&doc).then(municipalities),
        host: false,
    };
    let prepared = prepare(&doc, geo);
    (doc, prepared)
}

/// The map as a scene of marks: one record per area and visible marker, named, in keyboard
/// order, with one tab stop, a tooltip anchor on the map and the colour class of the area; the
/// markers' forms come from the one symbol builder; outlines name their region.
#[test]
fn the_map_is_a_scene_of_named_records_with_one_tab_stop() {
    use foerderweg::scene::symbol::{Shape, path};
    use foerderweg::scene::{Mark, Pattern};
    let (doc, prepared) = sample("map-sachsen.json");
    let s = scene(&doc, &prepared, prepared.initial, None, 800.0, Lang::De);
    let marks = s.marks("Regionen", None, Lang::De);
    assert_eq!(marks.label, "Regionen, Stand der Zuordnung: 01.01.2018");
    assert_eq!(marks.role.as_deref(), Some("Karte"));
    let records = marks.records("data-fw-key");
    let visible = s.markers.iter().filter(|m| m.visible).count();
    assert_eq!(records.len(), s.units.len() + visible);
    assert_eq!(
        records
            .iter()
            .filter(|(_, g)| g.focusable == Some(true))
            .count(),
        1
    );
    assert_eq!(
        records[0].1.focusable,
        Some(true),
        "the first holds the tab stop"
    );
    for (i, ((key, g), unit)) in records.iter().zip(&s.units).enumerate() {
        assert_eq!(*key, unit.key);
        assert_eq!(g.class, format!("fw-unit {}", unit.class));
        assert_eq!(g.label.as_deref(), Some(unit.text.as_str()));
        assert!(g.data.contains(&("data-fw-mark", i.to_string())));
        assert!(g.data.contains(&("data-fw-select", unit.key.clone())));
        let (x, y) = g.tip.expect("a tooltip anchor");
        assert!(x >= 0.0 && x <= marks.width && y >= 0.0 && y <= marks.height);
        assert!(matches!(&g.marks[..], [Mark::Path { d, .. }] if *d == unit.d));
    }
    // Offices are squares of the one symbol builder, at their place.
    let office = s.markers.iter().find(|m| m.kind == "office").unwrap();
    let (_, g) = records
        .iter()
        .find(|(k, _)| *k == format!("marker:{}", office.id))
        .unwrap();
    assert!(
        matches!(&g.marks[1], Mark::Path { d, class } if *d == path(Shape::Square, office.x, office.y, 6.0) && class == "fw-pin__symbol")
    );
    assert_eq!(g.class, "fw-pin fw-pin--office");
    // A suppressed figure (Bautzen) is crossed, not coloured.
    assert!(marks.patterns.contains(&Pattern::Cross));
    let svg = foerderweg::render::svg::drawing(&marks);
    assert!(
        svg.contains(r#"<g class="fw-outline" data-fw-region="dd-soe-mei" aria-hidden="true">"#),
        "outline of the merged region"
    );
    assert!(svg.contains("fw-lands") && svg.contains("fw-context"));
    assert!(!svg.contains("style="));
    // Another record keeps the tab stop when the map is drawn again.
    let kept = s.marks("Regionen", Some("14612"), Lang::De);
    let stops: Vec<&str> = kept
        .records("data-fw-key")
        .into_iter()
        .filter(|(_, g)| g.focusable == Some(true))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(stops, ["14612"]);
}

/// Issue 23: the drawing is a "Karte", its areas of a region are each a "Programmregion"
/// (findings 16); every marker has a 24 × 24 px square under its symbol that takes its clicks
/// (17); each region outline is a line on a band of the ground (11).
#[test]
fn markers_have_a_24_px_target_and_outlines_a_halo() {
    use foerderweg::scene::Mark;
    let (doc, prepared) = sample("map-sachsen.json");
    let s = scene(&doc, &prepared, prepared.initial, None, 800.0, Lang::De);
    let marks = s.marks("Regionen", None, Lang::De);
    assert_eq!(marks.role.as_deref(), Some("Karte"));
    let records = marks.records("data-fw-key");
    let areas: Vec<_> = records
        .iter()
        .filter(|(_, g)| g.data.contains(&("data-fw-kind", "area".into())))
        .collect();
    assert!(!areas.is_empty());
    for ((_, g), unit) in areas.iter().zip(&s.units) {
        let want = unit.region.is_some().then_some("Programmregion");
        assert_eq!(g.role.as_deref(), want, "{}", unit.name);
    }
    let visible: Vec<_> = s.markers.iter().filter(|m| m.visible).collect();
    assert!(visible.len() >= 3);
    for mk in visible {
        let (_, g) = records
            .iter()
            .find(|(k, _)| *k == format!("marker:{}", mk.id))
            .expect("a record per marker");
        let hit = g.marks.iter().find_map(|m| match m {
            Mark::Rect {
                x,
                y,
                width,
                height,
                class,
                ..
            } if class == "fw-pin__hit" => Some((*x, *y, *width, *height)),
            _ => None,
        });
        let (x, y, w, h) = hit.unwrap_or_else(|| panic!("marker {} has no hit area", mk.id));
        assert!(w >= 24.0 && h >= 24.0, "marker {}: {w} × {h}", mk.id);
        assert!((x + w / 2.0 - mk.x).abs() < 1e-9 && (y + h / 2.0 - mk.y).abs() < 1e-9);
        assert!(
            matches!(&g.marks[0], Mark::Rect { class, .. } if class == "fw-pin__hit"),
            "under the symbol"
        );
    }
    let svg = foerderweg::render::svg::drawing(&marks);
    assert!(svg.contains(r#"aria-roledescription="Karte""#));
    assert!(svg.contains(r#"aria-roledescription="Programmregion""#));
    let outlines = svg.matches(r#"class="fw-outline""#).count();
    assert!(outlines > 0);
    assert_eq!(svg.matches(r#"class="fw-outline__halo""#).count(), outlines);
    assert_eq!(svg.matches(r#"class="fw-outline__line""#).count(), outlines);
}

/// What the native renderer and the CLI draw: the map of the first day with the frame the
/// licence demands (the attribution), its title, the day shown and the source; and its tables.
#[test]
fn a_rendering_of_the_map_carries_title_day_source_and_attribution() {
    use foerderweg::layout::map::rendering;
    let text = std::fs::read_to_string("www/data/map-sachsen.json").unwrap();
    let Some(Document::Map(doc)) = check(WidgetKind::Map, &text).document else {
        panic!("map-sachsen does not check");
    };
    let geo = Geometry {
        areas: districts(),
        municipalities: Some(municipalities()),
        host: false,
    };
    let r = rendering(&doc, geo, 720.0, Lang::De);
    assert_eq!(r.figures.len(), 1);
    let f = &r.figures[0];
    assert_eq!(f.frame.title, "JobPerspektive Sachsen: Programmregionen");
    assert_eq!(
        f.frame.as_of.as_deref(),
        Some("Stand der Zuordnung: 01.01.2018")
    );
    assert!(
        f.frame
            .source
            .as_deref()
            .is_some_and(|s| s.starts_with("Quelle: Zuordnungen nach"))
    );
    assert_eq!(
        f.frame.attribution.as_deref(),
        Some("Kartengrundlage: © GeoBasis-DE / BKG 2016, Daten verändert")
    );
    assert!(!f.frame.summary.is_empty());
    assert!(f.scene.width > 700.0 && !f.scene.marks.is_empty());
    // The legend travels with the map, below it.
    let legend: Vec<&str> = {
        let mut texts = Vec::new();
        f.scene.marks.iter().for_each(|m| m.texts(&mut texts));
        texts
    };
    assert!(
        legend.contains(&"Wert unterdrückt (Geheimhaltung)"),
        "{legend:?}"
    );
    assert!(
        legend.contains(&"Teilnehmende (Beispielwerte)"),
        "{legend:?}"
    );
    let map = scene(&doc, &prepare(&doc, geo), doc.date, None, 720.0, Lang::De);
    assert!(f.scene.height > map.height + 40.0);
    let file = foerderweg::render::svg::figure(&f.scene, &f.frame, "");
    for part in [
        ">JobPerspektive Sachsen: Programmregionen<",
        ">Stand der Zuordnung: 01.01.2018<",
        "© GeoBasis-DE / BKG 2016",
    ] {
        assert!(file.contains(part), "{part}");
    }
    let titles: Vec<&str> = r.tables.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    // In English too.
    let en = rendering(&doc, geo, 720.0, Lang::En);
    let frame = &en.figures[0].frame;
    assert_eq!(frame.as_of.as_deref(), Some("Assignment as of: 2018-01-01"));
    assert!(
        frame
            .attribution
            .as_deref()
            .is_some_and(|a| a.starts_with("Map data: © GeoBasis-DE / BKG"))
    );
}
