//! Parts every widget shares.

pub(crate) mod diagnostics;
