//! Parts every widget shares.

pub(crate) mod chart;
pub(crate) mod diagnostics;
