//! Every timer of the widgets, held to what browsers accept.
//!
//! `setTimeout` and `setInterval` take a signed 32-bit delay: anything above 2³¹ − 1 ms (about
//! 24.8 days) wraps, and a negative delay runs at once, again and again. gloo's `Timeout` and
//! `Interval` take a `u32` and pass it on as an `i32`, so a `refresh` of 25 days used to hammer
//! the backend with a request a few milliseconds apart. All timers go through here.

use gloo_timers::callback::{Interval, Timeout};

/// The longest delay a browser times as asked: 2³¹ − 1 ms.
pub(super) const MAX_DELAY_MS: u32 = i32::MAX as u32;

/// `seconds` as a delay in milliseconds, held to `0..=MAX_DELAY_MS` (NaN is 0).
pub(super) fn millis(seconds: f64) -> u32 {
    if seconds.is_nan() || seconds <= 0.0 {
        return 0;
    }
    (seconds * 1000.0).min(f64::from(MAX_DELAY_MS)) as u32
}

/// Seconds given by a host (an attribute, a property, a `mount()` option): a decimal number,
/// blanks around it allowed. `"1e400"` and `"Infinity"` are the longest delay; `"NaN"`, `""`,
/// `"0x10"` and `"5abc"` are no number at all.
pub(super) fn parse_seconds(value: &str) -> Option<f64> {
    let seconds = crate::scene::num::parse(value.trim())?;
    (!seconds.is_nan()).then_some(seconds)
}

/// Runs `callback` once after `ms` (held to [`MAX_DELAY_MS`]); dropping the handle cancels it.
pub(super) fn timeout(ms: u32, callback: impl FnOnce() + 'static) -> Timeout {
    Timeout::new(ms.min(MAX_DELAY_MS), callback)
}

/// Runs `callback` every `ms` (held to [`MAX_DELAY_MS`]); dropping the handle cancels it.
pub(super) fn interval(ms: u32, callback: impl FnMut() + 'static) -> Interval {
    Interval::new(ms.min(MAX_DELAY_MS), callback)
}

/// Waits `ms` (held to [`MAX_DELAY_MS`]).
pub(super) async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms.min(MAX_DELAY_MS)).await;
}
