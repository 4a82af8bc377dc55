//! The page component: file intake (drop zone, picker, bundled example), the worker
//! conversation, and the state the views render.
//!
//! Every analysis request gets an id. The worker handles requests in order; when the user
//! starts a new analysis before the last one finished, answers to the old id are ignored,
//! so the page always shows the latest corpus.

mod views;

use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use parallax_core::{Analysis, FileError};
use parallax_web::WorkerMsg;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, ErrorEvent, File, HtmlInputElement, KeyboardEvent, MessageEvent, Response, Worker};
use yew::prelude::*;

/// Where the bundled example corpus lives, relative to the page (works under any sub-path).
const EXAMPLE_DIR: &str = "./examples/korea-oil/";
/// localStorage key remembering that the example was shown once.
const VISITED_KEY: &str = "parallax.visited";
/// File types the picker offers; anything dropped is still passed to the core, which
/// reports unsupported files as per-file errors.
const ACCEPT: &str = ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    Loading(String),
    Analysing { done: usize, total: usize, file: String },
    Done,
}

impl Phase {
    fn name(&self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Loading(_) => "loading",
            Phase::Analysing { .. } => "analysing",
            Phase::Done => "done",
        }
    }
}

pub enum Msg {
    Picked,
    Dropped(Vec<File>),
    DragOver(bool),
    LoadExample,
    /// Files read into memory: a label for the corpus and (name, bytes) pairs.
    Inputs(String, Vec<(String, Uint8Array)>),
    LoadFailed(String),
    Worker(WorkerMsg),
    WorkerFailed(String),
    Download,
}

pub struct App {
    /// `None` when the browser refused to start the worker (e.g. a page opened from file://).
    worker: Option<Worker>,
    _listeners: (Closure<dyn FnMut(MessageEvent)>, Closure<dyn FnMut(ErrorEvent)>),
    worker_ready: bool,
    /// A request waiting for the worker to become ready.
    queued: Option<Array>,
    next_id: u32,
    current: u32,
    phase: Phase,
    corpus: String,
    live_errors: Vec<FileError>,
    analysis: Option<Rc<Analysis>>,
    notice: Option<String>,
    drag: bool,
    file_input: NodeRef,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let worker = Worker::new("./worker_loader.js").map_err(js_err);
        let link = ctx.link().clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(s) = e.data().as_string() else { return };
            match serde_json::from_str::<WorkerMsg>(&s) {
                Ok(m) => link.send_message(Msg::Worker(m)),
                Err(err) => link.send_message(Msg::WorkerFailed(format!("unreadable worker message: {err}"))),
            }
        });
        let link = ctx.link().clone();
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            link.send_message(Msg::WorkerFailed(e.message()));
        });
        let (worker, notice) = match worker {
            Ok(w) => {
                w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                (Some(w), None)
            }
            Err(e) => (
                None,
                Some(format!("The analysis worker could not start ({e}). Serve the site over http(s), e.g. with scripts/serve.sh.")),
            ),
        };

        if first_visit() {
            ctx.link().send_message(Msg::LoadExample);
        }
        App {
            worker,
            _listeners: (on_message, on_error),
            worker_ready: false,
            queued: None,
            next_id: 1,
            current: 0,
            phase: Phase::Idle,
            corpus: String::new(),
            live_errors: Vec::new(),
            analysis: None,
            notice,
            drag: false,
            file_input: NodeRef::default(),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Picked => {
                let Some(input) = self.file_input.cast::<HtmlInputElement>() else { return false };
                let files = input.files().map(file_list).unwrap_or_default();
                // Reset so picking the same files again fires `change` again.
                input.set_value("");
                self.read_files(ctx, files, "chosen");
                true
            }
            Msg::Dropped(files) => {
                self.drag = false;
                self.read_files(ctx, files, "dropped");
                true
            }
            Msg::DragOver(on) => {
                let changed = self.drag != on;
                self.drag = on;
                changed
            }
            Msg::LoadExample => {
                self.phase = Phase::Loading("the example corpus".into());
                self.notice = None;
                ctx.link().send_future(async {
                    match load_example().await {
                        Ok(files) => Msg::Inputs("Example: oil supplies to North Korea (5 sources)".into(), files),
                        Err(e) => Msg::LoadFailed(format!("The example corpus could not be loaded: {e}")),
                    }
                });
                true
            }
            Msg::Inputs(label, files) => {
                if self.worker.is_none() {
                    self.phase = if self.analysis.is_some() { Phase::Done } else { Phase::Idle };
                    return true;
                }
                if files.is_empty() {
                    self.phase = if self.analysis.is_some() { Phase::Done } else { Phase::Idle };
                    self.notice = Some("No files were given.".into());
                    return true;
                }
                let id = self.next_id;
                self.next_id += 1;
                self.current = id;
                self.corpus = label;
                self.live_errors.clear();
                self.phase = Phase::Analysing { done: 0, total: files.len(), file: String::new() };
                let req = Array::new();
                req.push(&JsValue::from(id));
                for (name, bytes) in files {
                    let pair = Array::new();
                    pair.push(&JsValue::from_str(&name));
                    pair.push(&bytes);
                    req.push(&pair);
                }
                if self.worker_ready {
                    self.post(&req);
                } else {
                    self.queued = Some(req);
                }
                true
            }
            Msg::LoadFailed(e) => {
                self.notice = Some(e);
                self.phase = if self.analysis.is_some() { Phase::Done } else { Phase::Idle };
                true
            }
            Msg::Worker(WorkerMsg::Ready) => {
                self.worker_ready = true;
                if let Some(req) = self.queued.take() {
                    self.post(&req);
                }
                false
            }
            Msg::Worker(WorkerMsg::Progress { id, progress, error }) => {
                if id != self.current {
                    return false;
                }
                self.phase = Phase::Analysing { done: progress.done, total: progress.total, file: progress.file };
                if let Some(e) = error {
                    self.live_errors.push(e);
                }
                true
            }
            Msg::Worker(WorkerMsg::Done { id, analysis }) => {
                if id != self.current {
                    return false;
                }
                self.live_errors.clear();
                self.analysis = Some(Rc::new(analysis));
                self.phase = Phase::Done;
                true
            }
            Msg::WorkerFailed(e) => {
                web_sys::console::warn_1(&JsValue::from_str(&format!("analysis worker: {e}")));
                self.notice = Some(format!("The analysis worker failed: {e}"));
                self.phase = if self.analysis.is_some() { Phase::Done } else { Phase::Idle };
                true
            }
            Msg::Download => {
                if let Some(a) = &self.analysis {
                    if let Err(e) = download_json(&parallax_core::to_json(a)) {
                        self.notice = Some(format!("The download failed: {e}"));
                        return true;
                    }
                }
                false
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        // The picker is opened synchronously inside the trusted click/key event: browsers
        // only show a file chooser during user activation, and a queued message may run
        // after the event has been handled.
        let open = {
            let input = self.file_input.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(i) = input.cast::<HtmlInputElement>() {
                    i.click();
                }
            })
        };
        let on_key = {
            let input = self.file_input.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    if let Some(i) = input.cast::<HtmlInputElement>() {
                        i.click();
                    }
                }
            })
        };
        let on_drag_over = link.callback(|e: DragEvent| {
            e.prevent_default();
            if let Some(dt) = e.data_transfer() {
                dt.set_drop_effect("copy");
            }
            Msg::DragOver(true)
        });
        let on_drag_leave = link.callback(|_: DragEvent| Msg::DragOver(false));
        let on_drop = link.callback(|e: DragEvent| {
            e.prevent_default();
            let files = e.data_transfer().and_then(|dt| dt.files()).map(file_list).unwrap_or_default();
            Msg::Dropped(files)
        });
        let busy = matches!(self.phase, Phase::Loading(_) | Phase::Analysing { .. });

        html! {
            <div class="page" data-state={self.phase.name()}>
                <header class="topbar">
                    <div class="brand">
                        <img src="./icon.svg" alt="" width="28" height="28" />
                        <div>
                            <h1>{ "Parallax" }</h1>
                            <p class="tagline">{ "How several news sources tell the same story" }</p>
                        </div>
                    </div>
                    <div class="actions">
                        <button type="button" class="btn" onclick={open.clone()}>{ "Choose files…" }</button>
                        <button type="button" class="btn" onclick={link.callback(|_| Msg::LoadExample)} disabled={busy}>
                            { "Load example" }
                        </button>
                        <button type="button" class="btn" onclick={link.callback(|_| Msg::Download)}
                            disabled={self.analysis.is_none()}>{ "Download JSON" }</button>
                    </div>
                </header>
                <main>
                    <input ref={self.file_input.clone()} id="file-input" class="visually-hidden" type="file"
                        multiple=true accept={ACCEPT} tabindex="-1" aria-hidden="true"
                        onchange={link.callback(|_: Event| Msg::Picked)} />
                    <div class={classes!("dropzone", self.drag.then_some("dragging"))}
                        role="button" tabindex="0"
                        aria-label="Add articles: drop .txt, .md or .html files here, or press Enter to choose files"
                        onclick={open} onkeydown={on_key}
                        ondragenter={on_drag_over.clone()} ondragover={on_drag_over}
                        ondragleave={on_drag_leave} ondrop={on_drop}>
                        <strong>{ "Drop articles here" }</strong>
                        <span>{ " — .txt, .md or .html, one article per file — or click to choose files" }</span>
                    </div>
                    { self.status_view() }
                    {
                        match &self.analysis {
                            Some(a) => views::analysis(a),
                            None if !busy => html! {
                                <p class="empty">{ "No articles yet. Drop a few versions of the same story, or load the example." }</p>
                            },
                            None => html! {},
                        }
                    }
                </main>
                <footer>
                    { "Runs entirely in your browser: files never leave this page. Same results as the command line: " }
                    <code>{ "parallax analyze FILE…" }</code>
                </footer>
            </div>
        }
    }
}

impl App {
    fn post(&self, req: &Array) {
        let Some(worker) = &self.worker else { return };
        if let Err(e) = worker.post_message(req) {
            web_sys::console::warn_2(&JsValue::from_str("posting to the analysis worker failed"), &e);
        }
    }

    fn read_files(&mut self, ctx: &Context<Self>, files: Vec<File>, how: &'static str) {
        if files.is_empty() {
            return;
        }
        self.notice = None;
        let n = files.len();
        self.phase = Phase::Loading(format!("{n} file{}", if n == 1 { "" } else { "s" }));
        ctx.link().send_future(async move {
            let mut out = Vec::with_capacity(files.len());
            for f in files {
                // An unreadable file goes on empty: the core reports it as a per-file error.
                let bytes = match JsFuture::from(f.array_buffer()).await {
                    Ok(buf) => Uint8Array::new(&buf),
                    Err(_) => Uint8Array::new_with_length(0),
                };
                out.push((f.name(), bytes));
            }
            let label = format!("{} {how} file{}", out.len(), if out.len() == 1 { "" } else { "s" });
            Msg::Inputs(label, out)
        });
    }

    fn status_view(&self) -> Html {
        let notice = self.notice.as_ref().map(|n| html! { <p class="notice" role="alert">{ n }</p> });
        let status = match &self.phase {
            Phase::Idle => html! {},
            Phase::Loading(what) => html! {
                <div class="status">
                    <span>{ format!("Reading {what}…") }</span>
                    <progress aria-label="Reading files"></progress>
                </div>
            },
            Phase::Analysing { done, total, file } => html! {
                <div class="status">
                    <span>
                        { format!("Analysing {}: {done} of {total} files", self.corpus) }
                        if !file.is_empty() { <span class="muted">{ format!(" — last: {file}") }</span> }
                    </span>
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Analysis progress"></progress>
                </div>
            },
            Phase::Done => html! {
                <div class="status done">
                    <span>{ &self.corpus }</span>
                </div>
            },
        };
        let live = (!self.live_errors.is_empty() && self.phase != Phase::Done).then(|| views::errors(&self.live_errors));

        html! {
            <div aria-live="polite" class="status-area">
                { for notice }
                { status }
                { for live }
            </div>
        }
    }
}

fn file_list(list: web_sys::FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn first_visit() -> bool {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    match storage {
        Some(s) => {
            let seen = s.get_item(VISITED_KEY).ok().flatten().is_some();
            let _ = s.set_item(VISITED_KEY, "1");
            !seen
        }
        None => true,
    }
}

fn js_err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "unknown error".into())
}

async fn fetch_bytes(url: &str) -> Result<Uint8Array, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp: Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(js_err)?.unchecked_into();
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(js_err)?).await.map_err(js_err)?;
    Ok(Uint8Array::new(&buf))
}

#[derive(serde::Deserialize)]
struct Manifest {
    files: Vec<String>,
}

async fn load_example() -> Result<Vec<(String, Uint8Array)>, String> {
    let manifest = fetch_bytes(&format!("{EXAMPLE_DIR}manifest.json")).await?.to_vec();
    let manifest: Manifest = serde_json::from_slice(&manifest).map_err(|e| format!("manifest.json: {e}"))?;
    let mut out = Vec::with_capacity(manifest.files.len());
    for name in manifest.files {
        let bytes = fetch_bytes(&format!("{EXAMPLE_DIR}{name}")).await?;
        out.push((name, bytes));
    }
    Ok(out)
}

fn download_json(json: &str) -> Result<(), String> {
    let parts = Array::of1(&JsValue::from_str(json));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(js_err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_err)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(js_err)?.unchecked_into();
    a.set_href(&url);
    a.set_download("parallax-analysis.json");
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
