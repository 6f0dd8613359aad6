//! Pure layout: from checked documents to plain scenes of numbers and strings.

pub mod summary;
