//! Fetching `src`: same-origin credentials, abortable, every failure a [`Problem`].

use crate::check::Problem;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, Response};

/// Fetches `url` as text. A non-2xx status or a network failure is a problem, never a throw.
pub(super) async fn fetch_text(url: &str, signal: Option<&AbortSignal>) -> Result<String, Problem> {
    let window = web_sys::window().ok_or(Problem::Network)?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_signal(signal);
    let promise = window.fetch_with_str_and_init(url, &init);
    let response: Response = JsFuture::from(promise)
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or(Problem::Network)?;
    if !response.ok() {
        return Err(Problem::HttpStatus(response.status()));
    }
    let text = response.text().map_err(|_| Problem::Network)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(Problem::Network)
}
