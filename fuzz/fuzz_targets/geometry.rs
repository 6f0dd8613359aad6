// Any bytes as a geometry file (the `.fwg` codec): decoding never panics, and what decodes can
// be projected, fitted, drawn as SVG paths and dissolved into outlines.
#![no_main]
use foerderweg::geo::projection::{Conic, Fit, projected};
use foerderweg::geo::{BBox, codec, dissolve, path};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(atlas) = codec::decode(data) else { return };
    let conic = Conic::germany();
    let points = atlas.shapes.iter().flat_map(|s| s.polygons.iter().flat_map(|p| p.rings.iter().flatten()));
    let Some(bbox) = BBox::of(points) else { return };
    let fit = Fit::new(projected(&conic, bbox), 640.0, 900.0, 8.0);
    for shape in &atlas.shapes {
        let _ = path::rings(shape.polygons.iter().flat_map(|p| &p.rings), &conic, &fit);
    }
    let outline = dissolve::outline(&atlas.shapes);
    let _ = path::lines(&outline, &conic, &fit);
});
