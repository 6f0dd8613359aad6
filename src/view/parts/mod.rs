//! Parts every widget shares.

pub(crate) mod chart;
pub(crate) mod diagnostics;
pub(crate) mod export;
pub(crate) mod table;
