//! Loading the built-in geometry: fetched from the package's `geo/` folder the first time a
//! map needs it (pages without a map never load it), decoded once, shared by every map on the
//! page through [`view::geometry`]. Hosts whose bundler moves files can point at another
//! folder with `setGeometryBase()`, or hand over the bytes with `loadGeometry()`.

use crate::geo::codec;
use crate::view::{self, GeoSet};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCredentials, RequestInit, Response};

/// How long a geometry file may take to arrive before the maps say it did not load.
const GEOMETRY_TIMEOUT_MS: u32 = 60_000;

#[wasm_bindgen(module = "/js/geometry-url.js")]
extern "C" {
    #[wasm_bindgen(js_name = geometryUrl)]
    fn geometry_url(name: &str) -> Option<String>;
}

/// The two assets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asset {
    Districts,
    Municipalities,
}

impl Asset {
    fn name(self) -> &'static str {
        match self {
            Asset::Districts => "districts",
            Asset::Municipalities => "municipalities",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Asset::Districts => "districts.fwg",
            Asset::Municipalities => "municipalities-14-15.fwg",
        }
    }

    #[cfg(feature = "map")]
    fn parse(name: &str) -> Option<Asset> {
        match name {
            "districts" => Some(Asset::Districts),
            "municipalities" => Some(Asset::Municipalities),
            _ => None,
        }
    }
}

#[derive(Default)]
struct Loader {
    /// Set by `setGeometryBase`.
    base: Option<String>,
    /// Set by the package's loader (`setGeometryUrl`): where each file lies next to it.
    urls: Vec<(&'static str, String)>,
    /// Assets asked for (a fetch is under way or done).
    requested: Vec<&'static str>,
}

thread_local! {
    static LOADER: RefCell<Loader> = RefCell::new(Loader::default());
}

/// Starts loading what a map needs, unless it is loaded or loading.
pub(crate) fn ensure(municipalities: bool) {
    start(Asset::Districts);
    if municipalities {
        start(Asset::Municipalities);
    }
}

fn start(asset: Asset) {
    let first = LOADER.with(|l| {
        let mut l = l.borrow_mut();
        if l.requested.contains(&asset.name()) {
            false
        } else {
            l.requested.push(asset.name());
            true
        }
    });
    if !first {
        return;
    }
    let (base, given) = LOADER.with(|l| {
        let l = l.borrow();
        let given = l
            .urls
            .iter()
            .find(|(n, _)| *n == asset.name())
            .map(|(_, u)| u.clone());
        (l.base.clone(), given)
    });
    let url = match (base, given) {
        (Some(base), _) => format!("{}/{}", base.trim_end_matches('/'), asset.file()),
        (None, Some(url)) => url,
        (None, None) => geometry_url(asset.name()).unwrap_or_default(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        // A server that never answers must not leave the maps waiting for ever.
        let abort = AbortController::new().ok();
        let timer = abort
            .clone()
            .map(|abort| super::timer::timeout(GEOMETRY_TIMEOUT_MS, move || abort.abort()));
        let signal = abort.as_ref().map(AbortController::signal);
        let result = fetch_bytes(&url, signal.as_ref()).await;
        drop(timer);
        match result {
            Ok(bytes) => {
                let _ = install(asset, &bytes);
            }
            Err(_) if signal.as_ref().is_some_and(AbortSignal::aborted) => fail(format!(
                "{url}: no answer within {} s",
                GEOMETRY_TIMEOUT_MS / 1000
            )),
            Err(why) => fail(format!("{url}: {why}")),
        }
    });
}

fn install(asset: Asset, bytes: &[u8]) -> Result<(), String> {
    let atlas = codec::decode(bytes).map_err(|e| e.to_string());
    match atlas {
        Ok(atlas) => {
            let atlas = Some(Arc::new(atlas));
            view::geometry().update(|g: &mut GeoSet| match asset {
                Asset::Districts => g.districts = atlas,
                Asset::Municipalities => g.municipalities = atlas,
            });
            Ok(())
        }
        Err(why) => {
            fail(why.clone());
            Err(why)
        }
    }
}

fn fail(why: String) {
    view::geometry().update(|g| g.failed = Some(why));
}

async fn fetch_bytes(url: &str, signal: Option<&AbortSignal>) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_signal(signal);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or("network error")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| "unreadable")?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| "unreadable")?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why the built-in geometry failed to load, if it did.
pub(crate) fn failure() -> Option<String> {
    view::geometry().with_untracked(|g| g.failed.clone())
}

/// Forgets a failed load, so the next map shown fetches what is missing again; whether there
/// was one to forget.
pub(crate) fn retry() -> bool {
    if failure().is_none() {
        return false;
    }
    let loaded = view::geometry().with_untracked(|g| {
        [
            (Asset::Districts, g.districts.is_some()),
            (Asset::Municipalities, g.municipalities.is_some()),
        ]
    });
    LOADER.with(|l| {
        l.borrow_mut().requested.retain(|name| {
            loaded
                .iter()
                .any(|(asset, is_loaded)| asset.name() == *name && *is_loaded)
        })
    });
    view::geometry().update(|g| g.failed = None);
    true
}

/// Whether the geometry a map needs has arrived (or failed, so waiting is over).
pub(crate) fn settled(municipalities: bool) -> bool {
    view::geometry().with_untracked(|g| {
        g.failed.is_some()
            || (g.districts.is_some() && (!municipalities || g.municipalities.is_some()))
    })
}

/// Sets the folder the geometry files are fetched from (default: `geo/` next to the module).
/// Call it before the first map is shown.
#[cfg(feature = "map")]
#[wasm_bindgen(js_name = setGeometryBase)]
pub fn set_geometry_base(url: &str) {
    LOADER.with(|l| l.borrow_mut().base = Some(url.to_string()));
}

/// Where one geometry file (`"districts"` or `"municipalities"`) is fetched from, unless
/// `setGeometryBase` names a folder. The package's loader calls it with the files next to it.
#[cfg(feature = "map")]
#[wasm_bindgen(js_name = setGeometryUrl)]
pub fn set_geometry_url(name: &str, url: &str) -> Result<(), JsError> {
    let asset = Asset::parse(name).ok_or_else(|| {
        JsError::new(&format!(
            "foerderweg.setGeometryUrl: unknown name {name:?}; use districts or municipalities"
        ))
    })?;
    LOADER.with(|l| {
        let mut l = l.borrow_mut();
        l.urls.retain(|(n, _)| *n != asset.name());
        l.urls.push((asset.name(), url.to_string()));
    });
    Ok(())
}

/// Hands over a geometry file's bytes (`"districts"` or `"municipalities"`), so no fetch is
/// made for it. Throws when the bytes are not a geometry file.
#[cfg(feature = "map")]
#[wasm_bindgen(js_name = loadGeometry)]
pub fn load_geometry(name: &str, bytes: &[u8]) -> Result<(), JsError> {
    let asset = Asset::parse(name).ok_or_else(|| {
        JsError::new(&format!(
            "foerderweg.loadGeometry: unknown name {name:?}; use districts or municipalities"
        ))
    })?;
    LOADER.with(|l| {
        let mut l = l.borrow_mut();
        if !l.requested.contains(&asset.name()) {
            l.requested.push(asset.name());
        }
    });
    install(asset, bytes).map_err(|why| JsError::new(&format!("foerderweg.loadGeometry: {why}")))
}
