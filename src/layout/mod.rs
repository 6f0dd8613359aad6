//! Pure layout: from checked documents to plain scenes of numbers and strings.

pub mod map;
pub mod occupancy;
pub mod scale;
pub mod table;
pub mod text;
pub mod timeline;

use crate::scene::{Figure, Frame};

/// Everything a widget shows for a document at one width, as a renderer needs it: its
/// drawings and its table views (the print and no-script form shows both).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendering {
    /// Drawings, in the order the widget shows them.
    pub figures: Vec<Figure>,
    /// Table views.
    pub tables: Vec<table::DataTable>,
    /// The widget's own frame: its name, as-of date, source and summary, which head a
    /// rendering that has tables but no drawing (a document of funding lines alone).
    pub frame: Frame,
}
