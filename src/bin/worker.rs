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
//! Why helpers: documents are analysed independently, so the worker (the coordinator,
//! which owns the cache and compares) starts `hardwareConcurrency - 1` helper workers
//! (at most [`MAX_HELPERS`]; the same script, told apart by the worker name) and hands
//! them chunks of up to [`CHUNK`] sources or [`CHUNK_BYTES`], [`IN_FLIGHT`] chunks each so a helper never waits
//! for the coordinator to look at its messages. A helper answers a document at a time, as
//! JSON bytes; the coordinator caches them and counts progress over the sources done in
//! order. A helper only analyses: it has no cache and never compares. The result does not
//! depend on who analysed what (tested natively: documents accepted out of order give the
//! same JSON). Helpers start after the first request (on page load, the example, which
//! must not wait for them) and are warmed up with a short text, so their first chunk does
//! not pay for building lexicons and regexes.
//!
//! Built by Trunk with `data-type="worker"` and the `no-modules` wasm-bindgen target; the
//! generated `worker_loader.js` is the script the page starts.

/// Longest stretch of analysis between two looks at the message queue, in milliseconds.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const SLICE_MS: f64 = 15.0;
/// Sources per chunk handed to a helper.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const CHUNK: usize = 6;
/// Most source bytes per chunk (a chunk has at least one source): long articles go one
/// by one, so a helper never sits on much of the work that the page's progress waits for.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks a helper holds at once.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const IN_FLIGHT: usize = 2;
/// Most helper workers started.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const MAX_HELPERS: usize = 3;
/// Words of warm-up practice after the first request (see `Engine::warm_pass`): about
/// what the optimising compiler needs to have seen the hot code (measured: a fresh
/// worker's first 1,000 articles take 2.6 s after 8 articles of practice, 2.1-2.5 s after
/// 100, 1.1 s after 300, as fast as a worker that has analysed thousands).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const WARM_WORDS: u64 = 250_000;
/// Without a request this long after `ready`, the worker warms up on its own.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const WARM_IDLE_MS: i32 = 1000;
/// Longest warm-up, in milliseconds of wall time, however far it got.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const WARM_MAX_MS: f64 = 4000.0;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::{
        CHUNK, CHUNK_BYTES, IN_FLIGHT, MAX_HELPERS, SLICE_MS, WARM_IDLE_MS, WARM_MAX_MS, WARM_WORDS,
    };
    use js_sys::{Array, Function, Promise, Uint8Array};
    use parallax_web::{
        analyze_chunk, ChunkResult, Engine, Job, Request, SourceSpec, WorkerMsg,
        PROGRESS_INTERVAL_MS,
    };
    use std::cell::RefCell;
    use std::collections::{BTreeMap, VecDeque};
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, Worker, WorkerOptions,
    };

    const HELPER_NAME: &str = "parallax-helper";

    /// A request with its source bytes copied out of the message.
    enum Task {
        Analyze {
            id: u32,
            job: Job,
        },
        Compare {
            id: u32,
            edits: Vec<parallax_core::compare::IssueEdit>,
        },
        /// Warm up now: no request came within [`WARM_IDLE_MS`] of `ready`.
        Warm,
    }

    struct Helper {
        worker: Worker,
        ready: bool,
        dead: bool,
        /// Chunks it holds: (job id, source indices).
        chunks: Vec<(u32, Vec<usize>)>,
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
        helpers: Vec<Helper>,
        /// Helper answers not looked at yet: (helper, job id, results).
        inbox: VecDeque<(usize, u32, Vec<ChunkResult>)>,
        /// Helpers that failed, with the chunks they held.
        failed: Vec<(usize, Vec<(u32, Vec<usize>)>)>,
        /// Source names of chunks out with helpers, by (job id, index).
        names: BTreeMap<(u32, usize), String>,
        /// Resolves the promise the loop sleeps on while only helpers have work.
        wake: Option<Function>,
        /// Helpers were started (after the first task, see `run`).
        spawned: bool,
        /// The warm-up ran (or was cut short by a request; it is not resumed).
        warmed: bool,
    }

    impl State {
        fn wake(&mut self) {
            if let Some(f) = self.wake.take() {
                let _ = f.call0(&JsValue::NULL);
            }
        }
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(m: &WorkerMsg) {
        let _ = scope().post_message(&JsValue::from_str(&m.to_json()));
    }

    /// Posts a (large) message as JSON bytes, transferring the buffer instead of copying it.
    fn post_bytes(m: &WorkerMsg) {
        post_json_bytes(m.to_json_bytes());
    }

    /// Posts JSON bytes, transferring the buffer.
    fn post_json_bytes(bytes: Vec<u8>) {
        let arr = Uint8Array::new_with_length(bytes.len() as u32);
        arr.copy_from(&bytes);
        drop(bytes);
        let transfer = Array::of1(&arr.buffer());
        if let Err(e) = scope().post_message_with_transfer(&arr, &transfer) {
            web_sys::console::warn_2(&JsValue::from_str("worker: posting a result failed"), &e);
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

    /// Sleeps until a helper answers or the page sends something (unless one already did).
    async fn wait(state: &Rc<RefCell<State>>, id: u32) {
        let promise = {
            let mut st = state.borrow_mut();
            if !st.inbox.is_empty() || !st.failed.is_empty() || st.cancelled.contains(&id) {
                return;
            }
            let mut slot = None;
            let p = Promise::new(&mut |resolve, _| slot = Some(resolve));
            st.wake = slot;
            p
        };
        let _ = JsFuture::from(promise).await;
    }

    /// Sends a chunk of `job` to helper `h`.
    fn send_chunk(st: &mut State, h: usize, id: u32, job: &Job, indices: Vec<usize>) {
        let specs: Vec<(usize, SourceSpec)> = indices
            .iter()
            .map(|&i| (i, job.source(i).0.clone()))
            .collect();
        let msg = Array::new();
        msg.push(&JsValue::from_str(
            &serde_json::to_string(&Request::Chunk { id, sources: specs })
                .expect("request serialises"),
        ));
        for &i in &indices {
            msg.push(&Uint8Array::from(job.source(i).1.as_slice()));
            st.names.insert((id, i), job.source(i).0.name.clone());
        }
        if st.helpers[h].worker.post_message(&msg).is_ok() {
            st.helpers[h].chunks.push((id, indices));
        } else {
            st.helpers[h].dead = true;
            st.failed.push((h, vec![(id, indices)]));
        }
    }

    /// Takes in what helpers sent: their documents (cached; settled in `job` when it is
    /// theirs) and the chunks of helpers that died (back in line). Posts errors.
    fn drain(st: &mut State, id: u32, job: &mut Job) {
        while let Some((h, jid, results)) = st.inbox.pop_front() {
            // helpers answer a document at a time: a chunk is done when all its sources are back
            for r in &results {
                let chunks = &mut st.helpers[h].chunks;
                if let Some(pos) = chunks
                    .iter()
                    .position(|(j, ix)| *j == jid && ix.contains(&r.index))
                {
                    chunks[pos].1.retain(|&i| i != r.index);
                    if chunks[pos].1.is_empty() {
                        chunks.remove(pos);
                    }
                }
            }
            for r in results {
                let name = st.names.remove(&(jid, r.index)).unwrap_or_default();
                let mine = jid == id;
                if let Some(error) =
                    st.engine
                        .accept(if mine { Some(&mut *job) } else { None }, &name, r)
                {
                    if mine {
                        post(&WorkerMsg::Progress {
                            id,
                            progress: job.progress(),
                            error: Some(error),
                            cached: false,
                        });
                    }
                }
            }
        }
        for (_, chunks) in std::mem::take(&mut st.failed) {
            for (jid, indices) in chunks {
                if jid == id {
                    job.untake(&indices);
                }
                for i in indices {
                    st.names.remove(&(jid, i));
                }
            }
        }
    }

    async fn analyze(state: &Rc<RefCell<State>>, id: u32, mut job: Job) {
        state.borrow_mut().current = Some(id);
        for e in state.borrow_mut().engine.settle_known(&mut job) {
            post(&WorkerMsg::Progress {
                id,
                progress: job.progress(),
                error: Some(e),
                cached: true,
            });
        }
        let mut slice_start = now();
        let mut last_post = f64::NEG_INFINITY;
        let mut stopped = false;
        loop {
            {
                let mut st = state.borrow_mut();
                if st.cancelled.contains(&id) {
                    stopped = true;
                    break;
                }
                drain(&mut st, id, &mut job);
                for h in 0..st.helpers.len() {
                    let hp = &st.helpers[h];
                    if !hp.ready || hp.dead {
                        continue;
                    }
                    for _ in hp.chunks.len()..IN_FLIGHT {
                        let indices = job.take_bytes(CHUNK, CHUNK_BYTES);
                        if indices.is_empty() {
                            break;
                        }
                        send_chunk(&mut st, h, id, &job, indices);
                    }
                }
            }
            let step = state.borrow_mut().engine.step(&mut job);
            match step {
                Some(s) => {
                    if let Some(error) = s.error {
                        post(&WorkerMsg::Progress {
                            id,
                            progress: job.progress(),
                            error: Some(error),
                            cached: false,
                        });
                    }
                }
                None if job.is_finished() => break,
                None => {
                    // only helpers have work left
                    wait(state, id).await;
                    slice_start = now();
                }
            }
            let t = now();
            if t - last_post >= PROGRESS_INTERVAL_MS {
                last_post = t;
                post(&WorkerMsg::Progress {
                    id,
                    progress: job.progress(),
                    error: None,
                    cached: false,
                });
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
            post(&WorkerMsg::Cancelled {
                id,
                done: job.done(),
            });
        } else {
            post(&WorkerMsg::Progress {
                id,
                progress: job.progress(),
                error: None,
                cached: false,
            });
            let bytes = st
                .engine
                .finish_with(job, |a| WorkerMsg::done_json_bytes(id, a));
            drop(st);
            post_json_bytes(bytes);
        }
    }

    async fn run(state: Rc<RefCell<State>>) {
        loop {
            let Some(task) = state.borrow_mut().queue.pop_front() else {
                break;
            };
            match task {
                Task::Compare { id, edits } => {
                    let bytes = state
                        .borrow_mut()
                        .engine
                        .compare_with(&edits, |a| WorkerMsg::done_json_bytes(id, a));
                    post_json_bytes(bytes);
                }
                Task::Analyze { id, job } => analyze(&state, id, job).await,
                Task::Warm => {
                    if !state.borrow().spawned {
                        state.borrow_mut().spawned = true;
                        spawn_helpers(&state);
                    }
                    if !state.borrow().warmed {
                        state.borrow_mut().warmed = true;
                        warm_up(&state).await;
                    }
                    continue;
                }
            }
            // Helpers start once the first task is done: on page load that is the example,
            // which must show as soon as possible, and the helpers' start-up and warm-up
            // would compete with it for the cores.
            if !state.borrow().spawned {
                state.borrow_mut().spawned = true;
                spawn_helpers(&state);
            }
            // let messages that arrived meanwhile in before the next task
            yield_now().await;
            if state.borrow().queue.is_empty() && !state.borrow().warmed {
                state.borrow_mut().warmed = true;
                warm_up(&state).await;
            }
        }
        state.borrow_mut().running = false;
    }

    /// Practises on the last workspace's sample until [`WARM_WORDS`] words or
    /// [`WARM_MAX_MS`], a pass at a time with a look at the message queue after each;
    /// stops for good at the first request. Helpers need no practice of their own: the
    /// browser shares one module's compiled (and optimised) code between the workers of
    /// a page.
    async fn warm_up(state: &Rc<RefCell<State>>) {
        let start = now();
        let mut words = 0u64;
        loop {
            if !state.borrow().queue.is_empty() {
                return;
            }
            let w = state.borrow().engine.warm_pass();
            words += w;
            if w == 0 || words >= WARM_WORDS || now() - start >= WARM_MAX_MS {
                break;
            }
            yield_now().await;
        }
        post(&WorkerMsg::Warm {
            ms: (now() - start) as u32,
            words,
        });
    }

    /// The source bytes that follow the request JSON in a message.
    fn bytes_of(msg: &Array, n: usize) -> Vec<Vec<u8>> {
        (0..n)
            .map(|i| {
                let v = msg.get(i as u32 + 1);
                if v.is_undefined() {
                    Vec::new()
                } else {
                    Uint8Array::new(&v).to_vec()
                }
            })
            .collect()
    }

    fn parse(e: &MessageEvent) -> Option<(Request, Array)> {
        let msg = e.data().dyn_into::<Array>().ok()?;
        let json = msg.get(0).as_string()?;
        match serde_json::from_str(&json) {
            Ok(r) => Some((r, msg)),
            Err(err) => {
                web_sys::console::warn_1(&JsValue::from_str(&format!(
                    "worker: bad request: {err}"
                )));
                None
            }
        }
    }

    /// A helper: analyses the chunks it is sent, nothing else.
    fn helper_main() {
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some((Request::Chunk { id, sources }, msg)) = parse(&e) else {
                return;
            };
            let bytes = bytes_of(&msg, sources.len());
            let inputs: Vec<(usize, SourceSpec, Vec<u8>)> = sources
                .into_iter()
                .zip(bytes)
                .map(|((i, spec), b)| (i, spec, b))
                .collect();
            // one message per document, so progress moves as each is done
            for input in inputs {
                let results = analyze_chunk(
                    std::slice::from_ref(&input),
                    &parallax_core::Limits::default(),
                );
                post_bytes(&WorkerMsg::Chunk { id, results });
            }
        });
        scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        post(&WorkerMsg::Ready);
    }

    /// A short text that runs every stage, so a helper builds its lexicons and regexes
    /// before its first real chunk.
    const WARM_UP: &str = "Prices rise as talks stall\n\nThe minister said on Monday that fuel prices rose 12 percent \
        to $3.5 billion last year. \"We will not accept these terms,\" she told reporters in Geneva, \
        adding that the government opposed new sanctions.";

    fn spawn_helpers(state: &Rc<RefCell<State>>) {
        let cores = scope().navigator().hardware_concurrency() as usize;
        let n = cores.saturating_sub(1).min(MAX_HELPERS);
        let url = scope().location().href();
        for h in 0..n {
            let opts = WorkerOptions::new();
            opts.set_name(HELPER_NAME);
            let Ok(worker) = Worker::new_with_options(&url, &opts) else {
                return;
            };
            let st = state.clone();
            let on_msg = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                let msg = match data.as_string() {
                    Some(s) => serde_json::from_str::<WorkerMsg>(&s),
                    None => match data.dyn_into::<Uint8Array>() {
                        Ok(b) => serde_json::from_slice::<WorkerMsg>(&b.to_vec()),
                        Err(_) => return,
                    },
                };
                let mut s = st.borrow_mut();
                match msg {
                    Ok(WorkerMsg::Ready) => {
                        s.helpers[h].ready = true;
                        // warm up (job id 0 is never a request's)
                        let warm = Array::new();
                        let spec = SourceSpec {
                            name: "warm-up.txt".into(),
                            rejected: None,
                        };
                        warm.push(&JsValue::from_str(
                            &serde_json::to_string(&Request::Chunk {
                                id: 0,
                                sources: vec![(0, spec)],
                            })
                            .unwrap(),
                        ));
                        warm.push(&Uint8Array::from(WARM_UP.as_bytes()));
                        if s.helpers[h].worker.post_message(&warm).is_ok() {
                            s.helpers[h].chunks.push((0, vec![0]));
                        }
                    }
                    Ok(WorkerMsg::Chunk { id: 0, .. }) => {
                        s.helpers[h].chunks.retain(|c| c.0 != 0);
                        s.wake();
                    }
                    Ok(WorkerMsg::Chunk { id, results }) => {
                        s.inbox.push_back((h, id, results));
                        s.wake();
                    }
                    _ => {}
                }
            });
            let st = state.clone();
            let on_err =
                Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                    e.prevent_default();
                    web_sys::console::warn_1(&JsValue::from_str(&format!(
                        "worker: a helper failed: {}",
                        e.message()
                    )));
                    let mut s = st.borrow_mut();
                    s.helpers[h].dead = true;
                    let chunks = std::mem::take(&mut s.helpers[h].chunks);
                    s.failed.push((h, chunks));
                    s.helpers[h].worker.terminate();
                    s.wake();
                });
            worker.set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_err.as_ref().unchecked_ref()));
            on_msg.forget();
            on_err.forget();
            state.borrow_mut().helpers.push(Helper {
                worker,
                ready: false,
                dead: false,
                chunks: Vec::new(),
            });
        }
    }

    pub fn main() {
        if scope().name() == HELPER_NAME {
            helper_main();
            return;
        }
        let state: Rc<RefCell<State>> = Rc::default();
        let st = state.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some((req, msg)) = parse(&e) else { return };
            let state = &st;
            let mut st = state.borrow_mut();
            match req {
                Request::Analyze { id, sources, edits } => {
                    let bytes = bytes_of(&msg, sources.len());
                    let inputs: Vec<(SourceSpec, Vec<u8>)> =
                        sources.into_iter().zip(bytes).collect();
                    // a newer workspace supersedes any analysis still running or queued
                    if let Some(cur) = st.current {
                        st.cancelled.push(cur);
                    }
                    let queued: Vec<u32> = st
                        .queue
                        .iter()
                        .filter_map(|t| {
                            if let Task::Analyze { id, .. } = t {
                                Some(*id)
                            } else {
                                None
                            }
                        })
                        .collect();
                    st.cancelled.extend(queued);
                    st.queue.push_back(Task::Analyze {
                        id,
                        job: Job::new(inputs, edits),
                    });
                }
                Request::Compare { id, edits } => st.queue.push_back(Task::Compare { id, edits }),
                Request::Cancel { id } => st.cancelled.push(id),
                Request::Chunk { .. } => return,
            }
            st.wake();
            if !st.running {
                st.running = true;
                drop(st);
                wasm_bindgen_futures::spawn_local(run(state.clone()));
            }
        });
        scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        post(&WorkerMsg::Ready);
        // No request soon after `ready` (an empty workspace on page load): warm up anyway,
        // on the bundled example, so the user's first drop is fast too.
        let st = state.clone();
        let idle = Closure::once_into_js(move || {
            let mut s = st.borrow_mut();
            if s.running || s.warmed || s.spawned || !s.queue.is_empty() {
                return;
            }
            s.queue.push_back(Task::Warm);
            s.running = true;
            drop(s);
            wasm_bindgen_futures::spawn_local(run(st.clone()));
        });
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(
            idle.unchecked_ref(),
            WARM_IDLE_MS,
        );
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
