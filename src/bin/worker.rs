//! The Web Worker that runs the analysis core off the page's thread.
//!
//! Protocol (see `parallax_web::Request` and `parallax_web::WorkerMsg`): the page posts
//! `[request_json, Uint8Array...]` (one byte array per source of an `analyze` request);
//! the worker answers `ready` once, then per `analyze` some `progress` messages and a
//! final `done` (or `cancelled`), per `compare` one `done`. Small messages are JSON
//! strings; `done` is JSON bytes in a transferred `Uint8Array`.
//!
//! The worker keeps an [`parallax_web::Engine`]: documents it analysed are reused until
//! their source goes away, so an added file or an issue edit costs only that file or the
//! comparison.
//!
//! Why requests run as an async loop: an analysis goes one file at a time and, every
//! [`SLICE_MS`] of work, yields to the worker's event loop (through a `MessageChannel`,
//! which unlike `setTimeout` has no 4 ms clamp), so that a `cancel` or a newer `analyze`
//! from the page is seen between two files. Cancelling therefore keeps the worker and
//! everything it has analysed; the page only terminates the worker when it does not
//! answer (one enormous file).
//!
//! Built by Trunk with `data-type="worker"` and the `no-modules` wasm-bindgen target; the
//! generated `worker_loader.js` is the script the page starts.

/// Longest stretch of analysis between two looks at the message queue, in milliseconds.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const SLICE_MS: f64 = 40.0;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::SLICE_MS;
    use js_sys::{Array, Function, Promise, Uint8Array};
    use parallax_web::{Engine, Job, Request, SourceSpec, WorkerMsg, PROGRESS_INTERVAL_MS};
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

    /// A request with its source bytes copied out of the message.
    enum Task {
        Analyze { id: u32, job: Job },
        Compare { id: u32, edits: Vec<parallax_core::compare::IssueEdit> },
    }

    #[derive(Default)]
    struct State {
        engine: Engine,
        queue: VecDeque<Task>,
        /// A task is being run by the async loop.
        running: bool,
        /// Ids of requests to stop (a `cancel`, or an `analyze` superseded by a newer one).
        cancelled: Vec<u32>,
        /// Id of the `analyze` being run, if any.
        current: Option<u32>,
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(m: &WorkerMsg) {
        let _ = scope().post_message(&JsValue::from_str(&m.to_json()));
    }

    /// Posts a (large) message as JSON bytes, transferring the buffer instead of copying it.
    fn post_bytes(m: &WorkerMsg) {
        let bytes = m.to_json_bytes();
        let arr = Uint8Array::new_with_length(bytes.len() as u32);
        arr.copy_from(&bytes);
        drop(bytes);
        let transfer = Array::of1(&arr.buffer());
        if let Err(e) = scope().post_message_with_transfer(&arr, &transfer) {
            web_sys::console::warn_2(&JsValue::from_str("worker: posting the result failed"), &e);
        }
    }

    fn now() -> f64 {
        js_sys::Date::now()
    }

    thread_local! {
        /// One channel for every yield, and the resolver of the pending one.
        static YIELD: (MessageChannel, Rc<RefCell<Option<Function>>>) = {
            let ch = MessageChannel::new().expect("MessageChannel");
            let pending: Rc<RefCell<Option<Function>>> = Rc::default();
            let p = pending.clone();
            let on = Closure::<dyn FnMut()>::new(move || {
                if let Some(resolve) = p.borrow_mut().take() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
            ch.port1().set_onmessage(Some(on.as_ref().unchecked_ref()));
            on.forget();
            (ch, pending)
        };
    }

    /// Lets the worker's event loop run (deliver queued messages) and resumes.
    async fn yield_now() {
        let promise = Promise::new(&mut |resolve, _| {
            YIELD.with(|(ch, pending)| {
                *pending.borrow_mut() = Some(resolve);
                let _ = ch.port2().post_message(&JsValue::NULL);
            });
        });
        let _ = JsFuture::from(promise).await;
    }

    async fn run(state: Rc<RefCell<State>>) {
        loop {
            let Some(task) = state.borrow_mut().queue.pop_front() else { break };
            match task {
                Task::Compare { id, edits } => {
                    let analysis = state.borrow().engine.compare(&edits);
                    post_bytes(&WorkerMsg::Done { id, analysis });
                }
                Task::Analyze { id, mut job } => {
                    state.borrow_mut().current = Some(id);
                    let mut slice_start = now();
                    let mut last_post = f64::NEG_INFINITY;
                    let mut stopped = false;
                    loop {
                        if state.borrow().cancelled.contains(&id) {
                            stopped = true;
                            break;
                        }
                        let step = state.borrow_mut().engine.step(&mut job);
                        let Some(step) = step else { break };
                        let t = now();
                        let last = step.progress.done == step.progress.total;
                        if step.error.is_some() || last || t - last_post >= PROGRESS_INTERVAL_MS {
                            last_post = t;
                            post(&WorkerMsg::Progress { id, progress: step.progress, error: step.error, cached: step.cached });
                        }
                        if t - slice_start >= SLICE_MS {
                            yield_now().await;
                            slice_start = now();
                        }
                    }
                    let mut st = state.borrow_mut();
                    st.current = None;
                    st.cancelled.retain(|&c| c != id);
                    if stopped {
                        post(&WorkerMsg::Cancelled { id, done: job.done() });
                    } else {
                        let analysis = st.engine.finish(job);
                        drop(st);
                        post_bytes(&WorkerMsg::Done { id, analysis });
                    }
                }
            }
            // let messages that arrived meanwhile in before the next task
            yield_now().await;
        }
        state.borrow_mut().running = false;
    }

    pub fn main() {
        let state: Rc<RefCell<State>> = Rc::default();
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
            let mut st = state.borrow_mut();
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
                    // a newer workspace supersedes any analysis still running or queued
                    if let Some(cur) = st.current {
                        st.cancelled.push(cur);
                    }
                    let queued: Vec<u32> =
                        st.queue.iter().filter_map(|t| if let Task::Analyze { id, .. } = t { Some(*id) } else { None }).collect();
                    st.cancelled.extend(queued);
                    st.queue.push_back(Task::Analyze { id, job: Job::new(inputs, edits) });
                }
                Request::Compare { id, edits } => st.queue.push_back(Task::Compare { id, edits }),
                Request::Cancel { id } => st.cancelled.push(id),
            }
            if !st.running {
                st.running = true;
                drop(st);
                wasm_bindgen_futures::spawn_local(run(state.clone()));
            }
        });
        scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        post(&WorkerMsg::Ready);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    web::main();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the Parallax worker runs in a browser: build the web app with `trunk build` (see README.md)");
    std::process::exit(2);
}
