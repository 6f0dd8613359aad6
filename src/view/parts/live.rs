//! The widget's one live region and its refresh control.
//!
//! Screen readers announce changes of a live region that was in the page before the change;
//! one inserted together with its text (a new `role=status` paragraph) is mostly not read. So
//! each widget has exactly one `role=status` element, drawn with the root and never drawn
//! again, and everything worth saying quietly goes through it: figures updated, data stale,
//! the map's date, the provider opened. Views reach it through [`announcer`].

use crate::i18n::Lang;
use leptos::prelude::*;

/// What `embed` tells the view about messages and `refresh`, apart from [`super::super::Content`]
/// so that a message or a pause does not draw the widget again.
#[derive(Clone)]
pub(crate) struct Live {
    /// The last message, with a count so the same text said twice is said twice.
    pub message: ArcRwSignal<(u32, String)>,
    /// `Some(paused)` while the widget refreshes `src`: its pause/resume button shows.
    pub refresh: ArcRwSignal<Option<bool>>,
}

impl Default for Live {
    fn default() -> Live {
        Live {
            message: ArcRwSignal::new((0, String::new())),
            refresh: ArcRwSignal::new(None),
        }
    }
}

impl Live {
    /// Says `text` in the live region (again if it is the same text as last time).
    pub(crate) fn say(&self, text: impl Into<String>) {
        say(&self.message, text.into());
    }
}

fn say(message: &ArcRwSignal<(u32, String)>, text: String) {
    if text.is_empty() {
        return;
    }
    message.update(|(n, old)| {
        *n = n.wrapping_add(1);
        *old = text;
    });
}

/// A handle views keep to say something in their widget's live region.
#[derive(Clone)]
pub(crate) struct Announcer(Option<ArcRwSignal<(u32, String)>>);

impl Announcer {
    /// Says `text` quietly (`role=status`). Does nothing outside a widget.
    pub(crate) fn say(&self, text: impl Into<String>) {
        if let Some(message) = &self.0 {
            say(message, text.into());
        }
    }
}

/// The announcer of the widget being drawn; call it while building a view, not in an event
/// handler (contexts are read from the reactive owner).
pub(crate) fn announcer() -> Announcer {
    Announcer(use_context::<Live>().map(|live| live.message))
}

/// The bar at the top of every widget: the pause/resume button while `refresh` runs, and the
/// live region. Drawn once with the root; only the button's label and the region's text change.
pub(crate) fn bar(live: Live, lang: Signal<Lang>) -> impl IntoView {
    let refresh = live.refresh.clone();
    let shown = Memo::new(move |_| refresh.with(Option::is_some));
    let refresh = live.refresh.clone();
    let paused = Memo::new(move |_| refresh.with(|r| r.unwrap_or(false)));
    // The text as it is, and with a no-break space on every other message: the same words
    // twice are a change of the region's text, so they are read twice.
    let message = live.message.clone();
    let text = move || {
        message.with(|(n, text)| {
            if n % 2 == 0 {
                text.clone()
            } else {
                format!("{text}\u{a0}")
            }
        })
    };
    let label = move || {
        let t = lang.get().texts();
        if paused.get() {
            t.resume_refresh
        } else {
            t.pause_refresh
        }
    };
    view! {
        <div class="fw-live-bar" class:fw-live-bar--refresh=move || shown.get()>
            <button
                type="button"
                class="fw-button fw-button--small fw-refresh-toggle"
                part="refresh-toggle"
                data-fw-action="toggle-refresh"
                hidden=move || !shown.get()
            >
                {label}
            </button>
            <p class="fw-live" role="status" part="status">{text}</p>
        </div>
    }
}
