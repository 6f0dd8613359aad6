//! The one place where markup reaches the DOM: a scene's drawing, written by [`super::svg`]
//! (every text and attribute value through [`super::escape`]), set into a container. Nothing
//! else in the crate sets HTML.

use crate::scene::Scene;

/// Replaces what `container` holds with the drawing of `scene`.
pub(crate) fn show(container: &web_sys::Element, scene: &Scene) {
    container.set_inner_html(&super::svg::drawing(scene));
}
