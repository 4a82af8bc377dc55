//! The Web Worker that runs the analysis core off the page's thread.
//!
//! Protocol (see `parallax_web::Request` and `parallax_web::WorkerMsg`): the page posts
//! `[request_json, Uint8Array...]` (one byte array per source of an `analyze` request);
//! the worker answers with JSON strings: `ready` once, then per `analyze` one `progress`
//! per file and a final `done`, per `compare` one `done`. The worker keeps an
//! [`parallax_web::Engine`]: documents it analysed are reused until their source goes away,
//! so an added file or an issue edit costs only that file or the comparison.
//!
//! Cancelling is done by the page terminating this worker (a running analysis cannot be
//! interrupted from inside); the page then starts a fresh one and seeds its cache with
//! the documents it received in `progress` messages.
//!
//! Built by Trunk with `data-type="worker"` and the `no-modules` wasm-bindgen target; the
//! generated `worker_loader.js` is the script the page starts.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Uint8Array};
    use parallax_web::{Engine, Request, SourceSpec, WorkerMsg};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |m: &WorkerMsg| {
            let _ = scope.post_message(&JsValue::from_str(&m.to_json()));
        }
    };
    let post2 = post.clone();
    let engine = Rc::new(RefCell::new(Engine::default()));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Ok(msg) = e.data().dyn_into::<Array>() else { return };
        let Some(json) = msg.get(0).as_string() else { return };
        let req: Request = match serde_json::from_str(&json) {
            Ok(r) => r,
            Err(err) => {
                web_sys::console::warn_1(&JsValue::from_str(&format!("worker: bad request: {err}")));
                return;
            }
        };
        let mut engine = engine.borrow_mut();
        match req {
            Request::Analyze { id, sources, edits } => {
                let inputs: Vec<(SourceSpec, Vec<u8>)> = sources
                    .into_iter()
                    .enumerate()
                    .map(|(i, spec)| {
                        let v = msg.get(i as u32 + 1);
                        let bytes = if v.is_undefined() { Vec::new() } else { Uint8Array::new(&v).to_vec() };
                        (spec, bytes)
                    })
                    .collect();
                let analysis = engine.analyze(&inputs, &edits, |p, err, cached, doc| {
                    post2(&WorkerMsg::Progress {
                        id,
                        progress: p.clone(),
                        error: err.cloned(),
                        cached,
                        doc: doc.map(|(h, d)| (h, d.clone())),
                    });
                });
                post2(&WorkerMsg::Done { id, analysis });
            }
            Request::Compare { id, edits } => {
                let analysis = engine.compare(&edits);
                post2(&WorkerMsg::Done { id, analysis });
            }
            Request::Seed { docs } => engine.seed(docs),
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&WorkerMsg::Ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the Parallax worker runs in a browser: build the web app with `trunk build` (see README.md)");
    std::process::exit(2);
}
