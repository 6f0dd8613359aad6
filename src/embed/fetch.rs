//! Fetching `src`: same-origin credentials, revalidated, abortable, read as a stream up to a
//! size limit, decoded by its declared charset; every failure a [`Problem`] that says what the
//! browser let us know (CORS, a redirect that cannot be followed, a body too large).

use crate::check::Problem;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, ReadableStreamDefaultReader, RequestCache, RequestCredentials, RequestInit,
    RequestMode, RequestRedirect, Response, ResponseType,
};

thread_local! {
    /// Origins the page's Content-Security-Policy refused a connection to (from the
    /// `securitypolicyviolation` events, heard from the first fetch on).
    static BLOCKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts hearing the page's CSP violations (once), so a refused connection can be named.
fn listen_for_csp(window: &web_sys::Window) {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let field = |name: &str| {
            js_sys::Reflect::get(&event, &name.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let directive = field("effectiveDirective");
        let connect = directive == "connect-src" || directive == "default-src";
        if let Some(blocked) = origin(&field("blockedURI")).filter(|_| connect) {
            BLOCKED.with(|b| {
                let mut b = b.borrow_mut();
                if !b.contains(&blocked) {
                    b.push(blocked);
                }
            });
        }
    });
    let _ = window.add_event_listener_with_callback(
        "securitypolicyviolation",
        listener.as_ref().unchecked_ref(),
    );
    // Lives as long as the page.
    listener.forget();
}

/// Whether the page's CSP refused connecting to `url`'s origin.
fn blocked_by_csp(url: &str) -> bool {
    origin(url).is_some_and(|o| BLOCKED.with(|b| b.borrow().contains(&o)))
}

/// What a fetch of `src` gave.
pub(super) struct Answer {
    /// The text, or why there is none.
    pub(super) result: Result<String, Problem>,
    /// Warnings about the text (its charset).
    pub(super) warnings: Vec<Problem>,
    /// Where a redirect led, and whether that is another origin than `src`'s.
    pub(super) redirected: Option<(String, bool)>,
}

impl Answer {
    fn failed(problem: Problem) -> Answer {
        Answer {
            result: Err(problem),
            warnings: Vec::new(),
            redirected: None,
        }
    }
}

/// Fetches `url` as text, at most `limit` bytes of it. Never throws.
///
/// Every fetch revalidates (`cache: "no-cache"`): a static server's ETag or Last-Modified gives
/// a cheap 304, and an edited or deleted file shows at the next refresh instead of the browser
/// answering from its heuristic cache.
pub(super) async fn fetch_text(url: &str, signal: Option<&AbortSignal>, limit: u64) -> Answer {
    let Some(window) = web_sys::window() else {
        return Answer::failed(Problem::Network);
    };
    listen_for_csp(&window);
    let init = request(signal);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()
        .and_then(|r| r.dyn_into::<Response>().ok());
    let Some(response) = response else {
        if signal.is_some_and(AbortSignal::aborted) {
            return Answer::failed(Problem::Network);
        }
        return Answer::failed(diagnose(&window, url, signal).await);
    };
    let redirected = response.redirected().then(|| {
        let to = response.url();
        let cross = origin(&to) != origin(url);
        (to, cross)
    });
    let mut answer = Answer {
        redirected,
        ..Answer::failed(Problem::Network)
    };
    if !response.ok() {
        cancel_body(&response);
        answer.result = Err(Problem::HttpStatus(response.status()));
        return answer;
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        cancel_body(&response);
        answer.result = Err(Problem::TooLarge(limit));
        return answer;
    }
    let charset = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .and_then(|t| charset_of(&t));
    match read_body(&response, limit).await {
        Ok(bytes) => {
            let (text, warning) = decode(bytes, charset.as_deref());
            answer.result = Ok(text);
            answer.warnings.extend(warning);
        }
        Err(problem) => answer.result = Err(problem),
    }
    answer
}

/// GET with the page's same-origin credentials, revalidated, following redirects.
fn request(signal: Option<&AbortSignal>) -> RequestInit {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_cache(RequestCache::NoCache);
    init.set_signal(signal);
    init
}

/// Why a fetch failed, as far as the browser tells. The page's own CSP may have refused it (the
/// browser sends a `securitypolicyviolation` event). Otherwise a second, cheaper look that it
/// cannot refuse: another origin that answers a `no-cors` request is there but does not allow
/// CORS; a URL of this origin that answers with a redirect when not followed redirects
/// somewhere that fails (a loop). Otherwise the source cannot be reached.
async fn diagnose(window: &web_sys::Window, url: &str, signal: Option<&AbortSignal>) -> Problem {
    // The violation event is queued as a task of its own: let it run first.
    super::timer::sleep(0).await;
    let csp = || Problem::Csp(origin(url).unwrap_or_else(|| url.to_string()));
    if blocked_by_csp(url) {
        return csp();
    }
    let init = request(signal);
    let cross = origin(url) != page_origin();
    if cross {
        init.set_mode(RequestMode::NoCors);
    } else {
        init.set_redirect(RequestRedirect::Manual);
    }
    let probe = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()
        .and_then(|r| r.dyn_into::<Response>().ok());
    match probe {
        Some(response) => {
            cancel_body(&response);
            if cross && response.type_() == ResponseType::Opaque {
                Problem::Cors(origin(url).unwrap_or_else(|| url.to_string()))
            } else if response.type_() == ResponseType::Opaqueredirect {
                Problem::Redirect
            } else {
                Problem::Network
            }
        }
        None if blocked_by_csp(url) => csp(),
        None => Problem::Network,
    }
}

/// The origin of `url` (resolved against the page), `None` for one that does not parse.
fn origin(url: &str) -> Option<String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.origin())
}

fn page_origin() -> Option<String> {
    web_sys::window().and_then(|w| w.location().origin().ok())
}

/// Tells the server we do not want the rest of the body.
fn cancel_body(response: &Response) {
    if let Some(body) = response.body() {
        let _ = body.cancel();
    }
}

/// Reads the body chunk by chunk, and stops (cancelling the download) as soon as it would pass
/// `limit` bytes: a gzip bomb never reaches the wasm memory, which cannot shrink again. The
/// chunks wait on the JS side and are copied once, into a buffer of the exact size.
async fn read_body(response: &Response, limit: u64) -> Result<Vec<u8>, Problem> {
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let chunks = js_sys::Array::new();
    let mut total: u64 = 0;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Problem::Network)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let Some(value) = js_sys::Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        else {
            continue;
        };
        total += u64::from(value.length());
        if total > limit {
            let _ = reader.cancel();
            return Err(Problem::TooLarge(limit));
        }
        chunks.push(&value);
    }
    let mut bytes = vec![0; usize::try_from(total).map_err(|_| Problem::TooLarge(limit))?];
    let mut at = 0;
    for chunk in chunks.iter() {
        let chunk: js_sys::Uint8Array = chunk.unchecked_into();
        let end = at + chunk.length() as usize;
        chunk.copy_to(&mut bytes[at..end]);
        at = end;
    }
    Ok(bytes)
}

/// The `charset` parameter of a Content-Type, as declared, unquoted.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The text of `bytes`: UTF-8 (a leading BOM dropped), or the declared charset when it is
/// another one the browser knows, with a warning, since JSON must be UTF-8 (RFC 8259). Bytes
/// that are not UTF-8 are replaced by U+FFFD and warned about, not drawn as mojibake unsaid.
fn decode(bytes: Vec<u8>, charset: Option<&str>) -> (String, Option<Problem>) {
    let utf8 = charset.is_none_or(|c| {
        let c = c.to_ascii_lowercase();
        c == "utf-8" || c == "utf8" || c == "unicode-1-1-utf-8"
    });
    if !utf8 {
        let label = charset.unwrap_or_default();
        if let Some(text) = web_sys::TextDecoder::new_with_label(label)
            .ok()
            .and_then(|d| d.decode_with_u8_array(&bytes).ok())
        {
            return (text, Some(Problem::Charset(label.to_string())));
        }
    }
    let mut bytes = bytes;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => (
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Some(Problem::InvalidUtf8),
        ),
    }
}
