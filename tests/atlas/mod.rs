//! The built-in atlases and a checked, prepared map document, for the native map tests.
#![allow(dead_code)] // each test file uses what it needs

use foerderweg::check::{Document, check};
use foerderweg::geo::{Atlas, codec};
use foerderweg::layout::map::{Geometry, Prepared, needs_municipalities, prepare};
use foerderweg::model::WidgetKind;
use foerderweg::model::regions::MapDoc;
use std::sync::{Arc, OnceLock};

/// All 400 districts, decoded once.
pub fn districts() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| codec::decode(include_bytes!("../../assets/geo/districts.fwg")).unwrap())
}

/// The municipalities of Sachsen (14) and Sachsen-Anhalt (15), decoded once.
pub fn municipalities() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        codec::decode(include_bytes!("../../assets/geo/municipalities-14-15.fwg")).unwrap()
    })
}

/// The map document of `text`, which must be drawn.
pub fn doc(text: &str) -> Arc<MapDoc> {
    let checked = check(WidgetKind::Map, text);
    match checked.document {
        Some(Document::Map(d)) => d,
        _ => panic!("not drawn: {:?}", checked.diagnostics),
    }
}

/// `doc` on the built-in geometry.
pub fn prepared(doc: &MapDoc) -> Prepared {
    let geo = Geometry {
        areas: districts(),
        municipalities: needs_municipalities(doc).then(municipalities),
        host: false,
    };
    prepare(doc, geo)
}
