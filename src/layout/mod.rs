//! Pure layout: from checked documents to plain scenes of numbers and strings.

pub mod map;
pub mod occupancy;
pub mod scale;
pub mod table;
pub mod timeline;
