//! # foerderweg
//!
//! Embeddable web widgets for German labour-market programmes, compiled to WebAssembly with
//! Leptos: a support-plan timeline (`<foerderweg-timeline>`), a slot-occupancy dashboard
//! (`<foerderweg-occupancy>`) and a region map (`<foerderweg-map>`).
//!
//! The data flows one way: host JSON → [`model`] (serde types) → [`check`] (diagnostics with
//! JSON paths) → [`layout`] (plain scenes in pixels) → `view` (thin Leptos components) → the
//! DOM inside a shadow root. `embed` holds the custom elements and the JS API. Everything but
//! `view` and `embed` is plain Rust that `cargo test` runs natively.

#![deny(missing_docs)]

pub mod audit;
pub mod check;
pub mod geo;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod order;
pub mod render;
pub mod scene;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use embed::*;
