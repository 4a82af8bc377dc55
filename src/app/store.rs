//! Persistence of the workspace across reloads, in IndexedDB.
//!
//! Why IndexedDB and not localStorage: a workspace holds the sources' bytes (up to many
//! megabytes); localStorage is limited to a few megabytes of UTF-16 and is synchronous
//! (it would block the page while writing). The value stored is the workspace file's JSON
//! (`parallax_web::Workspace::to_json`), so reading it back goes through the same strict
//! validation as a file the user drops. A small hand-written wrapper over `web_sys`
//! (a dozen calls) keeps the .wasm free of another crate.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DB: &str = "parallax";
const STORE: &str = "workspace";
const KEY: &str = "current";

/// Resolves with the request's result once it succeeds, rejects with its error.
async fn wait(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let p = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let e = r
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::from_str("IndexedDB error"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(p).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()?
        .ok_or("IndexedDB is not available")?;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB, 1)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(req) = e
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
        else {
            return;
        };
        if let Ok(db) = req
            .result()
            .and_then(|r| r.dyn_into::<IdbDatabase>().map_err(JsValue::from))
        {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = wait(&req).await?;
    drop(upgrade);
    db.dyn_into::<IdbDatabase>().map_err(JsValue::from)
}

/// The persisted workspace JSON, if any.
pub async fn load() -> Result<Option<String>, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
    let v = wait(&tx.object_store(STORE)?.get(&JsValue::from_str(KEY))?).await?;
    db.close();
    Ok(v.as_string())
}

/// Stores the workspace JSON (replacing the previous one).
pub async fn save(json: String) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    wait(
        &tx.object_store(STORE)?
            .put_with_key(&JsValue::from_str(&json), &JsValue::from_str(KEY))?,
    )
    .await?;
    db.close();
    Ok(())
}
