//! The one tooltip behaviour of every widget (WCAG 1.4.13, content on hover or focus):
//!
//! - hoverable: leaving a mark hides its tooltip only after [`LINGER_MS`], and not at all while
//!   the pointer is on the tooltip itself, so the pointer can move onto it (to read a long text
//!   under a magnifier);
//! - dismissible: Escape hides it wherever the focus is (a listener on the document while the
//!   widget is drawn), not only when the focus is inside the widget;
//! - persistent: it stays until the pointer or the focus leaves, or Escape;
//! - never in the way: a click on a tooltip goes to what it covers (a neighbouring marker the
//!   pointer reached over it), and the tooltip goes.
//!
//! Each view keeps what its tooltip shows in a [`Hover`] and gives the tooltip's element
//! [`Hover::stay`] and [`Hover::leave`] as its `pointerenter` and `pointerleave`.

use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// How long a tooltip stays after the pointer left its mark: enough to move onto it.
pub(crate) const LINGER_MS: u64 = 400;

/// What a tooltip shows (`None`: hidden), and how it goes.
pub(crate) struct Hover<T: Send + Sync + 'static> {
    tip: RwSignal<Option<T>>,
    /// The hide that leaving a mark scheduled.
    due: StoredValue<Option<TimeoutHandle>>,
    /// The pointer is on the tooltip itself.
    over: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Hover<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Hover<T> {}

impl<T: Clone + Send + Sync + 'static> Hover<T> {
    /// A hidden tooltip that Escape hides from anywhere in the document.
    pub(crate) fn new() -> Hover<T> {
        let hover = Hover {
            tip: RwSignal::new(None),
            due: StoredValue::new(None),
            over: StoredValue::new(false),
        };
        let listener = window_event_listener(ev::keydown, move |e| {
            if e.key() == "Escape" && hover.tip.try_with_untracked(Option::is_some) == Some(true) {
                hover.hide();
            }
        });
        on_cleanup(move || listener.remove());
        hover
    }

    /// What shows now (tracked).
    pub(crate) fn get(&self) -> Option<T> {
        self.tip.get()
    }

    /// Shows `tip` (`None` hides) at once: a mark was hovered or focused.
    pub(crate) fn show(&self, tip: Option<T>) {
        self.cancel();
        self.tip.set(tip);
    }

    /// Hides at once: the focus left, or Escape.
    pub(crate) fn hide(&self) {
        self.cancel();
        self.over.set_value(false);
        self.tip.set(None);
    }

    /// The pointer left a mark or the tooltip: hidden after [`LINGER_MS`], unless the pointer
    /// is on the tooltip or another mark by then.
    pub(crate) fn leave(&self) {
        if self.over.get_value() {
            return;
        }
        self.cancel();
        let tip = self.tip;
        let over = self.over;
        let handle = set_timeout_with_handle(
            move || {
                if over.try_get_value() == Some(false) {
                    tip.try_set(None);
                }
            },
            Duration::from_millis(LINGER_MS),
        )
        .ok();
        self.due.set_value(handle);
    }

    /// A click on the tooltip: it goes, and the click goes to what lay under it where it was
    /// clicked (the tooltip is hoverable, so the pointer may reach a neighbouring mark over it).
    /// The tooltip's `mousedown` is held back ([`Hover::press`]), or the focus leaving the mark
    /// would take the tooltip down before the click.
    pub(crate) fn click_through(&self, ev: &web_sys::MouseEvent) {
        use wasm_bindgen::JsCast;
        let tooltip = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let root = tooltip
            .as_ref()
            .and_then(|t| t.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok());
        if let (Some(tooltip), Some(root)) = (tooltip, root) {
            // Out of the way of hit testing before it is taken down.
            if let Some(el) = tooltip.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("pointer-events", "none");
            }
            let (x, y) = (ev.client_x(), ev.client_y());
            if let Some(under) = root.element_from_point(x as f32, y as f32) {
                // As a click there would have: the record under it takes the focus.
                if let Ok(Some(record)) = under.closest("[tabindex]") {
                    super::marks::focus_record(&record);
                }
                let init = web_sys::MouseEventInit::new();
                init.set_bubbles(true);
                init.set_cancelable(true);
                init.set_composed(true);
                init.set_client_x(x);
                init.set_client_y(y);
                if let Ok(click) =
                    web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init)
                {
                    let _ = under.dispatch_event(&click);
                }
            }
        }
        self.hide();
    }

    /// A button pressed on the tooltip: the focus stays where it is until the click.
    pub(crate) fn press(&self, ev: &web_sys::MouseEvent) {
        ev.prevent_default();
    }

    /// The pointer came onto the tooltip: it stays.
    pub(crate) fn stay(&self) {
        self.cancel();
        self.over.set_value(true);
    }

    /// The pointer left the tooltip.
    pub(crate) fn left(&self) {
        self.over.set_value(false);
        self.leave();
    }

    /// The tooltip itself: `text` at (`x`, `y`) in the plot's pixels, opening to `side`
    /// (`start`, `middle`, `end`), hoverable and clicked through as above; hidden from screen
    /// readers (the mark's name says it).
    pub(crate) fn bubble(
        self,
        (x, y): (f64, f64),
        side: &str,
        text: String,
    ) -> impl IntoView + use<T> {
        use crate::scene::num::px;
        view! {
            <div class=format!("fw-tooltip fw-tooltip--{side}") aria-hidden="true"
                on:mousedown=move |ev| self.press(&ev) on:click=move |ev| self.click_through(&ev)
                on:pointerenter=move |_| self.stay() on:pointerleave=move |_| self.left()
                style:left=px(x) style:top=px(y)>{text}</div>
        }
    }

    fn cancel(&self) {
        if let Some(Some(handle)) = self.due.try_get_value() {
            handle.clear();
            self.due.set_value(None);
        }
    }
}
