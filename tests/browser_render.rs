//! The widget in the browser draws the same markup as the native renderer: what a server
//! renders (`render::html::server_element`), a file exports and the goldens hold is what a
//! visitor sees, mark for mark. Compared as DOM trees (`isEqualNode`), since the browser writes
//! its own serialisation.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout;
use foerderweg::model::WidgetKind;
use foerderweg::render::svg::drawing;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn drawn(tag: &str, doc: &str, selector: &str) -> (HtmlElement, Element) {
    let el = element(tag);
    el.style().set_property("width", "900px").expect("width");
    set_prop(&el, "data", &JsValue::from_str(doc));
    attach(&el);
    assert!(
        until(|| shadow_query(&el, selector).is_some()).await,
        "{selector} appears"
    );
    settle().await;
    let svg = shadow_query(&el, selector).expect("drawn");
    (el, svg)
}

/// `markup` as an element of the page's document.
fn parsed(markup: &str) -> Element {
    let holder = document().create_element("div").unwrap();
    holder.set_inner_html(markup);
    holder.first_element_child().expect("one element")
}

fn width_of(svg: &Element) -> f64 {
    svg.get_attribute("width")
        .and_then(|w| w.parse().ok())
        .expect("a width")
}

#[wasm_bindgen_test]
async fn a_timeline_path_is_the_native_rendering_at_its_width() {
    let (el, svg) = drawn("foerderweg-timeline", TIMELINE_PATH, "svg.fw-timeline").await;
    let Some(Document::Timeline(doc)) = check(WidgetKind::Timeline, TIMELINE_PATH).document else {
        panic!("the sample checks")
    };
    let today = doc.today.expect("the sample names its day").0;
    let native = layout::timeline::rendering(&doc, width_of(&svg), today, Lang::De);
    let expected = parsed(&drawing(&native.figures[0].scene));
    // The widget links its drawing to the key hint beside it (which a file has not); the rest
    // must be the same, node for node.
    assert_eq!(
        svg.get_attribute("aria-describedby").as_deref(),
        Some("fw-keys")
    );
    let svg = svg
        .clone_node_with_deep(true)
        .unwrap()
        .unchecked_into::<Element>();
    svg.remove_attribute("aria-describedby").unwrap();
    assert!(
        expected.is_equal_node(Some(&svg)),
        "browser:\n{}\nnative:\n{}",
        svg.outer_html(),
        expected.outer_html()
    );
    // And the comparison sees a difference where there is one: the drawing 40 px narrower.
    let narrower = layout::timeline::rendering(&doc, width_of(&svg) - 40.0, today, Lang::De);
    assert!(!parsed(&drawing(&narrower.figures[0].scene)).is_equal_node(Some(&svg)));
    el.remove();
}

/// The first element of `root` that `selector` finds.
fn first(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is there"))
}

#[wasm_bindgen_test]
async fn a_dashboard_is_the_native_page_part_for_part() {
    let chart = ".fw-chart--people .fw-chart__svg svg";
    for doc in [OCCUPANCY, OCCUPANCY_EXAMPLE] {
        let (el, svg) = drawn("foerderweg-occupancy", doc, chart).await;
        let Some(Document::Occupancy(d)) = check(WidgetKind::Occupancy, doc).document else {
            panic!("the sample checks")
        };
        let levels = foerderweg::render::Levels { title: 2 };
        let page = parsed(&foerderweg::render::dashboard::page(
            &d,
            width_of(&svg),
            Lang::De,
            levels,
        ));
        let live = shadow_query(&el, ".fw-root").expect("the widget's root");
        // The parts the reader meets, node for node: the title, the key figures, the first
        // chart's legend, the funnel and the source; and the drawing itself but for its link
        // to the key hint.
        for part in [
            ".fw-head .fw-title",
            ".fw-head .fw-asof",
            ".fw-summary",
            ".fw-figures",
            ".fw-chart--people .fw-legend",
            ".fw-funnel",
            ".fw-source",
        ] {
            let (mine, theirs) = (first(&live, part), first(&page, part));
            assert!(
                mine.is_equal_node(Some(&theirs)),
                "{part}:\nbrowser:\n{}\nnative:\n{}",
                mine.outer_html(),
                theirs.outer_html()
            );
        }
        let svg = svg
            .clone_node_with_deep(true)
            .unwrap()
            .unchecked_into::<Element>();
        svg.remove_attribute("aria-describedby").unwrap();
        let native = first(&page, chart);
        assert!(
            native.is_equal_node(Some(&svg)),
            "browser:\n{}\nnative:\n{}",
            svg.outer_html(),
            native.outer_html()
        );
        el.remove();
    }
}
