//! The Web Worker that runs the analysis core off the page's thread.
//!
//! Protocol (see `parallax_web::WorkerMsg`): the page posts
//! `[id, [name, Uint8Array], [name, Uint8Array], ...]`; the worker answers with JSON
//! strings: `ready` once, then per request one `progress` per file and a final `done`.
//! Requests are handled one at a time, in order; the page ignores answers to requests it
//! has superseded (by `id`).
//!
//! Built by Trunk with `data-type="worker"` and the `no-modules` wasm-bindgen target; the
//! generated `worker_loader.js` is the script the page starts.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Uint8Array};
    use parallax_core::{Input, Options};
    use parallax_web::{analyze_streaming, WorkerMsg};
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
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Ok(req) = e.data().dyn_into::<Array>() else { return };
        let id = req.get(0).as_f64().unwrap_or(0.0) as u32;
        let inputs: Vec<Input> = (1..req.length())
            .filter_map(|i| {
                let pair: Array = req.get(i).dyn_into().ok()?;
                let name = pair.get(0).as_string()?;
                let bytes = Uint8Array::new(&pair.get(1)).to_vec();
                Some(Input { name, bytes })
            })
            .collect();
        let analysis = analyze_streaming(&inputs, &Options::default(), |p, err| {
            post2(&WorkerMsg::Progress { id, progress: p.clone(), error: err.cloned() });
        });
        post2(&WorkerMsg::Done { id, analysis });
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
