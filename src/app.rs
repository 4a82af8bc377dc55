//! The page component: the workspace (the user's sources, issue edits and view state),
//! file intake (drop files or folders, pickers, the bundled example, workspace files and
//! share links), the worker conversation, and the toolbar (progress + cancel, export,
//! save, share, clear + undo).
//!
//! The workspace is the single source of truth; the analysis is derived from it by the
//! worker, which caches analysed documents by (name, content hash). So adding, replacing
//! or removing one source analyses at most that source, and an issue edit only
//! recompares. Every request gets an id; answers to superseded ids are ignored, so the
//! page always shows the latest workspace.
//!
//! Cancel: the worker analyses one file at a time and looks at its messages in between,
//! so the page asks it to stop; the documents it finished stay in its cache. The sources
//! that were not analysed yet are dropped from the workspace and listed in a notice, and
//! the rest is requested again (all cache hits), so what is shown is always a consistent
//! analysis of exactly the listed sources. A worker that does not answer within
//! [`CANCEL_GRACE_MS`] (stuck in one enormous file) is terminated and replaced.
//!
//! Safety: workspace files, share links and the persisted state are untrusted and go
//! through `parallax_web::Workspace::from_json` (strict); a saved analysis is never
//! trusted, it is recomputed. Article text is only rendered as text nodes.

mod intake;
mod store;
mod views;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Uint8Array};
use parallax_core::compare::IssueEdit;
use parallax_core::{export, Analysis, FileError, Limits};
use parallax_web::{Request, SourceSpec, WorkerMsg, Workspace};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DragEvent, ErrorEvent, File, HtmlInputElement, KeyboardEvent, MessageEvent, Response, Worker,
};
use yew::prelude::*;

/// Where the bundled example corpus lives, relative to the page (works under any sub-path).
const EXAMPLE_DIR: &str = "./examples/korea-oil/";
/// localStorage key remembering that the example was shown once.
const VISITED_KEY: &str = "parallax.visited";
/// File types the picker offers; anything dropped is still passed to the core, which
/// reports unsupported files as per-file errors.
const ACCEPT: &str =
    ".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json";
/// Suffix of saved workspace files.
const WORKSPACE_SUFFIX: &str = ".parallax.json";
/// Share-link fragment prefix.
const SHARE_PREFIX: &str = "#w=";

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    Loading(String),
    Analysing {
        done: usize,
        total: usize,
        file: String,
    },
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

/// One source of the workspace. `rejected` sources (too large) were never read.
#[derive(Clone, Debug)]
pub struct Source {
    name: String,
    bytes: Rc<Vec<u8>>,
    size: u64,
    rejected: Option<FileError>,
}

impl Source {
    /// A source from a name and its bytes. The name is made a valid workspace name (no
    /// path separators or control characters, at most 255 bytes) so the workspace can
    /// always be saved and reopened.
    fn new(name: String, bytes: Vec<u8>) -> Source {
        let name = clean_name(name);
        Source {
            size: bytes.len() as u64,
            name,
            bytes: Rc::new(bytes),
            rejected: None,
        }
    }
}

/// What "Undo" restores.
#[derive(Clone)]
struct Snapshot {
    sources: Vec<Source>,
    edits: Vec<IssueEdit>,
    view: serde_json::Value,
    what: String,
}

pub enum Msg {
    Picked(bool),
    Dropped(Vec<File>),
    DroppedEntries(Vec<web_sys::FileSystemEntry>),
    DragOver(bool),
    LoadExample,
    /// Sources read into memory (or rejected, read no further than the size limit), with a label for the action.
    Add(String, Vec<Source>),
    /// A workspace to open (from a file or link) with a label, replacing the current one.
    Open(String, Workspace),
    /// Startup: the persisted workspace (if any) and a share link (if any).
    Restored(Option<Workspace>, Option<Result<Workspace, String>>),
    LoadFailed(String),
    Worker(WorkerMsg),
    WorkerFailed(String),
    Cancel,
    /// [`CANCEL_GRACE_MS`] after a cancel sent at the given time: replace a silent worker.
    CancelCheck(f64),
    /// The workspace's source list was opened or closed.
    SourceListToggled(bool),
    Remove(String),
    ClearAll,
    Undo,
    // Sent by `views::Results` (UI-CONTRACT.md) once ui-views' component is wired in.
    #[allow(dead_code)]
    IssueEdit(IssueEdit),
    #[allow(dead_code)]
    ResetIssues,
    #[allow(dead_code)]
    View(serde_json::Value),
    Export(&'static str),
    Save,
    Share,
    Shared(String),
    /// The fragment changed in an open page (a share link pasted into the address bar).
    HashChanged,
    /// Save the workspace in IndexedDB if it is still due and no analysis runs.
    PersistNow,
}

/// Files read concurrently when sources are added.
/// Files read at once (each through its stream, see `read_capped`).
const READ_LANES: usize = 8;
/// Workspaces of at least this many sources are saved in IndexedDB only between analyses.
const DEFER_SAVE_SOURCES: usize = 100;

/// How long a cancelled worker may stay silent before it is replaced, in milliseconds.
const CANCEL_GRACE_MS: i32 = 3000;

type Listeners = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(ErrorEvent)>,
);

pub struct App {
    /// `None` when the browser refused to start the worker (e.g. a page opened from file://).
    worker: Option<Worker>,
    _listeners: Option<Listeners>,
    worker_ready: bool,
    /// The worker finished its warm-up practice (`data-warm` on the page, for benchmarks).
    worker_warm: bool,
    /// Requests waiting for the worker to become ready.
    queued: Vec<Array>,
    next_id: u32,
    current: u32,
    phase: Phase,
    label: String,
    live_errors: Vec<FileError>,

    sources: Vec<Source>,
    edits: Vec<IssueEdit>,
    view: serde_json::Value,
    analysis: Option<Rc<Analysis>>,
    /// When the worker last sent a message (`Date.now()`), to tell a busy worker from a stuck one.
    last_worker_msg: f64,
    /// The user opened (or closed) the workspace's source list; `None`: open up to 12 sources.
    source_list_open: Option<bool>,
    undo: Option<Snapshot>,
    /// The workspace was restored or set up: changes may now be persisted.
    restored: bool,
    /// The workspace changed and is not saved in IndexedDB yet (see `persist`).
    persist_due: bool,
    /// A `PersistNow` message is on its way.
    persist_scheduled: bool,

    notice: Option<String>,
    /// A non-error message (e.g. "link copied").
    info: Option<String>,
    share_url: Option<String>,
    drag: bool,
    file_input: NodeRef,
    folder_input: NodeRef,
    _hash_listener: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let mut app = App {
            worker: None,
            _listeners: None,
            worker_ready: false,
            worker_warm: false,
            queued: Vec::new(),
            next_id: 1,
            current: 0,
            phase: Phase::Loading("the saved workspace".into()),
            label: String::new(),
            live_errors: Vec::new(),
            sources: Vec::new(),
            edits: Vec::new(),
            view: serde_json::Value::Null,
            analysis: None,
            last_worker_msg: 0.0,
            source_list_open: None,
            undo: None,
            restored: false,
            persist_due: false,
            persist_scheduled: false,
            notice: None,
            info: None,
            share_url: None,
            drag: false,
            file_input: NodeRef::default(),
            folder_input: NodeRef::default(),
            _hash_listener: None,
        };
        let link = ctx.link().clone();
        let on_hash = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            link.send_message(Msg::HashChanged)
        });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        }
        app._hash_listener = Some(on_hash);
        app.spawn_worker(ctx);
        let share = share_fragment();
        ctx.link().send_future(async move {
            let persisted = match store::load().await {
                Ok(Some(json)) => Workspace::from_json(json.as_bytes(), &Limits::default()).ok(),
                _ => None,
            };
            let share = share.map(|s| Workspace::from_share(&s, &Limits::default()));
            Msg::Restored(persisted, share)
        });
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        if matches!(msg, Msg::Worker(_)) {
            self.last_worker_msg = js_sys::Date::now();
        }
        match msg {
            Msg::Picked(folder) => {
                let r = if folder {
                    &self.folder_input
                } else {
                    &self.file_input
                };
                let Some(input) = r.cast::<HtmlInputElement>() else {
                    return false;
                };
                let files = input.files().map(intake::from_list).unwrap_or_default();
                // Reset so picking the same files again fires `change` again.
                input.set_value("");
                self.intake(ctx, files, if folder { "folder" } else { "chosen" });
                true
            }
            Msg::Dropped(files) => {
                self.drag = false;
                self.intake(ctx, files, "dropped");
                true
            }
            Msg::DroppedEntries(entries) => {
                self.drag = false;
                self.phase = Phase::Loading("the dropped folder".into());
                ctx.link()
                    .send_future(async move { Msg::Dropped(intake::walk(entries).await) });
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
                        // The example replaces the workspace (Undo brings the user's back)
                        // rather than mixing into it.
                        Ok(files) => Msg::Open(
                            "Example: oil supplies to North Korea (5 sources)".into(),
                            Workspace {
                                sources: files
                                    .into_iter()
                                    .map(|s| (s.name, s.bytes.as_ref().clone()))
                                    .collect(),
                                ..Workspace::default()
                            },
                        ),
                        Err(e) => {
                            Msg::LoadFailed(format!("The example corpus could not be loaded: {e}"))
                        }
                    }
                });
                true
            }
            Msg::Restored(persisted, share) => {
                self.restored = true;
                if let Some(w) = persisted {
                    if !w.sources.is_empty() {
                        self.set_workspace(w);
                        self.label = "Restored workspace".into();
                    }
                }
                match share {
                    Some(Ok(w)) => {
                        clear_fragment();
                        let n = w.sources.len();
                        if !self.sources.is_empty() {
                            self.undo = Some(self.snapshot("your previous workspace"));
                        }
                        self.set_workspace(w);
                        self.label = format!("Shared workspace ({n} source{})", plural(n));
                    }
                    Some(Err(e)) => {
                        clear_fragment();
                        self.notice = Some(format!(
                            "The share link could not be opened: {e}. Nothing was changed."
                        ));
                    }
                    None => {}
                }
                // The example is shown on a first visit only, never over a persisted or
                // shared workspace, nor over a message about a damaged link.
                let first = first_visit();
                if self.sources.is_empty() {
                    if first && self.notice.is_none() {
                        ctx.link().send_message(Msg::LoadExample);
                    }
                    self.phase = Phase::Idle;
                } else {
                    self.request_analysis(ctx);
                    self.persist();
                }
                true
            }
            Msg::Add(label, new) => {
                if new.is_empty() {
                    self.phase = self.settled();
                    self.notice = Some("No files were given.".into());
                    return true;
                }
                // files of one drop with the same name (from different folders) are all kept
                let names: Vec<String> = new.iter().map(|s| s.name.clone()).collect();
                let unique = parallax_web::unique_names(&names);
                let renamed: Vec<String> = unique
                    .iter()
                    .zip(&names)
                    .filter(|(u, n)| u != n)
                    .map(|(u, _)| u.clone())
                    .collect();
                if !renamed.is_empty() {
                    let shown: Vec<&str> = renamed.iter().take(5).map(String::as_str).collect();
                    self.notice = Some(format!(
                        "{} file{} had the name of another file in the same drop and {} renamed: {}{}.",
                        renamed.len(),
                        plural(renamed.len()),
                        if renamed.len() == 1 { "was" } else { "were" },
                        shown.join(", "),
                        if renamed.len() > shown.len() { ", …" } else { "" }
                    ));
                }
                for (mut s, name) in new.into_iter().zip(unique) {
                    s.name = name;
                    if let Some(e) = s.rejected.as_mut() {
                        e.file = s.name.clone();
                    }
                    match self.sources.iter_mut().find(|x| x.name == s.name) {
                        Some(old) => *old = s,
                        None => self.sources.push(s),
                    }
                }
                self.label = label;
                self.undo = None;
                self.request_analysis(ctx);
                self.persist();
                true
            }
            Msg::Open(label, w) => {
                if !self.sources.is_empty() {
                    self.undo = Some(self.snapshot("the previous workspace"));
                }
                self.set_workspace(w);
                self.label = label;
                self.request_analysis(ctx);
                self.persist();
                true
            }
            Msg::PersistNow => {
                self.persist_scheduled = false;
                if self.persist_due && !matches!(self.phase, Phase::Analysing { .. }) {
                    self.save_now();
                }
                false
            }
            Msg::LoadFailed(e) => {
                self.notice = Some(e);
                self.phase = self.settled();
                true
            }
            Msg::Worker(WorkerMsg::Ready) => {
                self.worker_ready = true;
                for req in std::mem::take(&mut self.queued) {
                    self.post(&req);
                }
                false
            }
            Msg::Worker(WorkerMsg::Warm { .. }) => {
                self.worker_warm = true;
                true
            }
            Msg::Worker(WorkerMsg::Cancelled { .. } | WorkerMsg::Chunk { .. }) => false,
            Msg::Worker(WorkerMsg::Progress {
                id,
                progress,
                error,
                ..
            }) => {
                if id != self.current {
                    return false;
                }
                self.phase = Phase::Analysing {
                    done: progress.done,
                    total: progress.total,
                    file: progress.file,
                };
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
                self.phase = self.settled();
                true
            }
            Msg::Cancel => {
                let Phase::Analysing { done, total, .. } = self.phase.clone() else {
                    return false;
                };
                let id = self.current;
                self.send(&Request::Cancel { id }, &[]);
                let sent = js_sys::Date::now();
                let link = ctx.link().clone();
                let check =
                    Closure::once_into_js(move || link.send_message(Msg::CancelCheck(sent)));
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                        check.unchecked_ref(),
                        CANCEL_GRACE_MS,
                    );
                }
                self.phase = self.settled();
                // Sources are analysed in order: the first `done` are finished.
                let dropped: Vec<String> = self
                    .sources
                    .iter()
                    .skip(done)
                    .map(|s| s.name.clone())
                    .collect();
                self.sources.truncate(done);
                self.live_errors.clear();
                let shown: Vec<&str> = dropped.iter().take(5).map(String::as_str).collect();
                self.notice = Some(format!(
                    "Analysis cancelled after {done} of {total} files. {} file{} not analysed and removed from the workspace: {}{}.",
                    dropped.len(),
                    plural(dropped.len()),
                    shown.join(", "),
                    if dropped.len() > shown.len() { ", …" } else { "" }
                ));
                self.label = format!("Partial workspace after cancel ({done} of {total} files)");
                if self.sources.is_empty() {
                    self.analysis = None;
                    self.phase = Phase::Idle;
                } else {
                    self.request_analysis(ctx);
                }
                self.persist();
                true
            }
            Msg::SourceListToggled(open) => {
                let was = self.source_list_open.unwrap_or(self.sources.len() <= 12);
                self.source_list_open = Some(open);
                was != open
            }
            Msg::CancelCheck(sent) => {
                if self.last_worker_msg >= sent || !matches!(self.phase, Phase::Analysing { .. }) {
                    return false;
                }
                // no word from the worker since the cancel: it is stuck in one file
                self.restart_worker(ctx);
                self.request_analysis(ctx);
                false
            }
            Msg::Remove(name) => {
                let before = self.sources.len();
                self.sources.retain(|s| s.name != name);
                if self.sources.len() == before {
                    return false;
                }
                self.label = format!("Removed {name}");
                self.after_change(ctx);
                true
            }
            Msg::ClearAll => {
                if self.sources.is_empty() {
                    return false;
                }
                self.undo = Some(self.snapshot("the cleared workspace"));
                self.sources.clear();
                self.edits.clear();
                self.view = serde_json::Value::Null;
                self.share_url = None;
                self.label.clear();
                self.after_change(ctx);
                true
            }
            Msg::Undo => {
                let Some(u) = self.undo.take() else {
                    return false;
                };
                self.sources = u.sources;
                self.edits = u.edits;
                self.view = u.view;
                self.label = format!("Restored {}", u.what);
                self.notice = None;
                self.after_change(ctx);
                true
            }
            Msg::IssueEdit(e) => {
                self.edits.push(e);
                self.request_compare(ctx);
                self.persist();
                true
            }
            Msg::ResetIssues => {
                self.edits.clear();
                self.request_compare(ctx);
                self.persist();
                true
            }
            Msg::View(v) => {
                self.view = v;
                self.persist();
                true
            }
            Msg::Export(what) => {
                let Some(a) = &self.analysis else {
                    return false;
                };
                let (name, mime, text) = match what {
                    "json" => (
                        "parallax-analysis.json".to_string(),
                        "application/json",
                        parallax_core::to_json(a),
                    ),
                    "html" => (
                        "parallax-report.html".into(),
                        "text/html",
                        export::html_report(a),
                    ),
                    "md" => (
                        "parallax-report.md".into(),
                        "text/markdown",
                        export::markdown_report(a),
                    ),
                    table => match export::csv_tables(a)
                        .into_iter()
                        .find(|(n, _)| n.strip_suffix(".csv") == Some(table))
                    {
                        Some((n, t)) => (format!("parallax-{n}"), "text/csv", t),
                        None => return false,
                    },
                };
                if let Err(e) = download(&name, mime, &text) {
                    self.notice = Some(format!("The download failed: {e}"));
                    return true;
                }
                false
            }
            Msg::Save => {
                let json = self.workspace().to_json(self.analysis.as_deref());
                if let Err(e) = download("workspace.parallax.json", "application/json", &json) {
                    self.notice = Some(format!("The download failed: {e}"));
                    return true;
                }
                false
            }
            Msg::Share => {
                match self.workspace().to_share() {
                    Some(frag) => {
                        let url = page_url() + SHARE_PREFIX + &frag;
                        self.share_url = Some(url.clone());
                        self.notice = None;
                        if let Some(w) = web_sys::window() {
                            let p = w.navigator().clipboard().write_text(&url);
                            ctx.link().send_future(async move {
                                match JsFuture::from(p).await {
                                    Ok(_) => Msg::Shared("Link copied to the clipboard.".into()),
                                    Err(_) => Msg::Shared("Copy the link below (the clipboard is not available here).".into()),
                                }
                            });
                        }
                    }
                    None => {
                        self.share_url = None;
                        self.info = None;
                        self.notice = Some(
                            "This workspace is too large for a link (over 32 KB compressed). Use \u{201c}Save workspace\u{201d} and share the file instead."
                                .into(),
                        );
                    }
                }
                true
            }
            Msg::HashChanged => {
                let Some(frag) = share_fragment() else {
                    return false;
                };
                clear_fragment();
                match Workspace::from_share(&frag, &Limits::default()) {
                    Ok(w) => {
                        let n = w.sources.len();
                        ctx.link().send_message(Msg::Open(
                            format!("Shared workspace ({n} source{})", plural(n)),
                            w,
                        ));
                        false
                    }
                    Err(e) => {
                        self.notice = Some(format!(
                            "The share link could not be opened: {e}. Nothing was changed."
                        ));
                        true
                    }
                }
            }
            Msg::Shared(text) => {
                self.info = Some(text);
                true
            }
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        if self.persist_due
            && !self.persist_scheduled
            && !matches!(self.phase, Phase::Analysing { .. })
        {
            self.persist_scheduled = true;
            let link = ctx.link().clone();
            let go = Closure::once_into_js(move || link.send_message(Msg::PersistNow));
            if let Some(w) = web_sys::window() {
                let _ =
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), 0);
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        // The pickers are opened synchronously inside the trusted click/key event: browsers
        // only show a file chooser during user activation, and a queued message may run
        // after the event has been handled.
        let click = |r: &NodeRef| {
            let input = r.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(i) = input.cast::<HtmlInputElement>() {
                    i.click();
                }
            })
        };
        let open = click(&self.file_input);
        let open_folder = click(&self.folder_input);
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
            let Some(dt) = e.data_transfer() else {
                return Msg::Dropped(Vec::new());
            };
            // Folders need the entry API; plain file drops (and synthetic drops) use `files`.
            match intake::drop_entries(&dt) {
                Some(entries) if entries.iter().any(|e| e.is_directory()) => {
                    Msg::DroppedEntries(entries)
                }
                _ => Msg::Dropped(dt.files().map(intake::from_list).unwrap_or_default()),
            }
        });
        let busy = matches!(self.phase, Phase::Loading(_) | Phase::Analysing { .. });
        // Folder picker: `webkitdirectory` is not a standard attribute Yew knows, so it is
        // set as a plain attribute.
        html! {
            <div class="page" data-state={self.phase.name()} data-warm={self.worker_warm.to_string()}>
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
                        <button type="button" class="btn" id="choose-folder" onclick={open_folder}>{ "Choose folder…" }</button>
                        <button type="button" class="btn" onclick={link.callback(|_| Msg::LoadExample)} disabled={busy}>
                            { "Load example" }
                        </button>
                    </div>
                </header>
                <main>
                    <input ref={self.file_input.clone()} id="file-input" class="visually-hidden" type="file"
                        multiple=true accept={ACCEPT} tabindex="-1" aria-hidden="true"
                        onchange={link.callback(|_: Event| Msg::Picked(false))} />
                    <input ref={self.folder_input.clone()} id="folder-input" class="visually-hidden" type="file"
                        multiple=true webkitdirectory=true tabindex="-1" aria-hidden="true"
                        onchange={link.callback(|_: Event| Msg::Picked(true))} />
                    <div class={classes!("dropzone", self.drag.then_some("dragging"))}
                        role="button" tabindex="0"
                        aria-label="Add articles: drop .txt, .md or .html files or folders here, or press Enter to choose files"
                        onclick={open} onkeydown={on_key}
                        ondragenter={on_drag_over.clone()} ondragover={on_drag_over}
                        ondragleave={on_drag_leave} ondrop={on_drop}>
                        <strong>{ "Drop articles or folders here" }</strong>
                        <span>{ " — .txt, .md or .html, one article per file, or a saved " }<code>{ ".parallax.json" }</code>{ " workspace — or click to choose files" }</span>
                    </div>
                    { self.toolbar(ctx) }
                    { self.status_view(ctx) }
                    { self.sources_view(ctx) }
                    {
                        match &self.analysis {
                            Some(a) => self.results(ctx, a),
                            None if !busy => html! {
                                <p class="empty">{ "No articles yet. Drop a few versions of the same story, or load the example." }</p>
                            },
                            None => html! {},
                        }
                    }
                </main>
                <footer>
                    { "Runs entirely in your browser: files never leave this page (share links keep the workspace in the part of the URL after #, which browsers do not send). Same results as the command line: " }
                    <code>{ "parallax analyze FILE…" }</code>
                </footer>
            </div>
        }
    }
}

impl App {
    /// The results area. When ui-views' `views::Results` (UI-CONTRACT.md) is merged, the
    /// body becomes (the page keeps the view state as JSON so it can persist and share it
    /// without knowing its fields):
    ///
    /// ```ignore
    /// let link = ctx.link();
    /// let view: views::ViewState = serde_json::from_value(self.view.clone()).unwrap_or_default();
    /// html! {
    ///     <views::Results analysis={a.clone()} view={view}
    ///         on_view={link.callback(|v: views::ViewState| Msg::View(serde_json::to_value(v).unwrap_or_default()))}
    ///         issue_edits={self.edits.clone()}
    ///         on_issue_edit={link.callback(Msg::IssueEdit)}
    ///         on_reset_issues={link.callback(|_| Msg::ResetIssues)}
    ///         on_remove_source={link.callback(Msg::Remove)} />
    /// }
    /// ```
    fn results(&self, ctx: &Context<Self>, a: &Rc<Analysis>) -> Html {
        let link = ctx.link();
        let view: views::ViewState = serde_json::from_value(self.view.clone()).unwrap_or_default();
        html! {
            <views::Results analysis={a.clone()} view={view}
                on_view={link.callback(|v: views::ViewState| Msg::View(serde_json::to_value(v).unwrap_or_default()))}
                issue_edits={self.edits.clone()}
                on_issue_edit={link.callback(Msg::IssueEdit)}
                on_reset_issues={link.callback(|_| Msg::ResetIssues)}
                on_remove_source={link.callback(Msg::Remove)} />
        }
    }

    /// Stops the worker (and whatever it is analysing) and starts a fresh one (with an
    /// empty cache).
    fn restart_worker(&mut self, ctx: &Context<Self>) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.spawn_worker(ctx);
    }

    fn spawn_worker(&mut self, ctx: &Context<Self>) {
        self.worker_ready = false;
        self.worker_warm = false;
        self.queued.clear();
        // the worker `boot.js` started at page load, on the first call; a new one after
        let early = take_early_worker();
        let worker = match &early {
            Some((w, _, _)) => Ok(w.clone()),
            None => Worker::new("./worker_loader.js").map_err(js_err),
        };
        let link = ctx.link().clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            // small messages are JSON strings, the finished analysis JSON bytes
            let parsed = match data.as_string() {
                Some(s) => serde_json::from_str::<WorkerMsg>(&s),
                None => match data.dyn_into::<Uint8Array>() {
                    Ok(bytes) => serde_json::from_slice::<WorkerMsg>(&bytes.to_vec()),
                    Err(_) => return,
                },
            };
            match parsed {
                Ok(m) => link.send_message(Msg::Worker(m)),
                Err(err) => link.send_message(Msg::WorkerFailed(format!(
                    "unreadable worker message: {err}"
                ))),
            }
        });
        let link = ctx.link().clone();
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            link.send_message(Msg::WorkerFailed(e.message()));
        });
        match worker {
            Ok(w) => {
                w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                // what the early worker said before the page listened, in order
                if let Some((_, messages, errors)) = early {
                    let f: &js_sys::Function = on_message.as_ref().unchecked_ref();
                    for m in messages.iter() {
                        let _ = f.call1(&JsValue::NULL, &m);
                    }
                    let f: &js_sys::Function = on_error.as_ref().unchecked_ref();
                    for e in errors.iter() {
                        let _ = f.call1(&JsValue::NULL, &e);
                    }
                }
                self.worker = Some(w);
            }
            Err(e) => {
                self.notice = Some(format!(
                    "The analysis worker could not start ({e}). Serve the site over http(s), e.g. with scripts/serve.sh."
                ));
            }
        }
        self._listeners = Some((on_message, on_error));
    }

    fn post(&self, req: &Array) {
        let Some(worker) = &self.worker else { return };
        if let Err(e) = worker.post_message(req) {
            web_sys::console::warn_2(
                &JsValue::from_str("posting to the analysis worker failed"),
                &e,
            );
        }
    }

    fn send(&mut self, req: &Request, bytes: &[Rc<Vec<u8>>]) {
        let arr = Array::new();
        arr.push(&JsValue::from_str(
            &serde_json::to_string(req).expect("request serialises"),
        ));
        for b in bytes {
            arr.push(&Uint8Array::from(b.as_slice()));
        }
        if self.worker_ready {
            self.post(&arr);
        } else {
            self.queued.push(arr);
        }
    }

    fn request_analysis(&mut self, ctx: &Context<Self>) {
        // The worker handles one request at a time: a running analysis that this request
        // supersedes would delay it, so the worker is replaced (finished documents kept).
        if matches!(self.phase, Phase::Analysing { .. }) && self.worker.is_some() {
            self.restart_worker(ctx);
        }
        if self.worker.is_none() {
            self.phase = self.settled();
            return;
        }
        if self.sources.is_empty() {
            self.analysis = None;
            self.phase = Phase::Idle;
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.current = id;
        self.live_errors.clear();
        self.phase = Phase::Analysing {
            done: 0,
            total: self.sources.len(),
            file: String::new(),
        };
        let specs = self
            .sources
            .iter()
            .map(|s| SourceSpec {
                name: s.name.clone(),
                rejected: s.rejected.clone(),
            })
            .collect();
        let bytes: Vec<Rc<Vec<u8>>> = self.sources.iter().map(|s| s.bytes.clone()).collect();
        self.send(
            &Request::Analyze {
                id,
                sources: specs,
                edits: self.edits.clone(),
            },
            &bytes,
        );
    }

    fn request_compare(&mut self, ctx: &Context<Self>) {
        if self.analysis.is_none() || matches!(self.phase, Phase::Analysing { .. }) {
            // The running analysis does not know the new edits: start over (cached docs).
            self.request_analysis(ctx);
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.current = id;
        self.send(
            &Request::Compare {
                id,
                edits: self.edits.clone(),
            },
            &[],
        );
    }

    /// After sources changed by remove / clear / undo.
    fn after_change(&mut self, ctx: &Context<Self>) {
        self.share_url = None;
        self.request_analysis(ctx);
        self.persist();
    }

    fn settled(&self) -> Phase {
        if self.analysis.is_some() {
            Phase::Done
        } else {
            Phase::Idle
        }
    }

    fn snapshot(&self, what: &str) -> Snapshot {
        Snapshot {
            sources: self.sources.clone(),
            edits: self.edits.clone(),
            view: self.view.clone(),
            what: what.into(),
        }
    }

    fn workspace(&self) -> Workspace {
        Workspace {
            sources: self
                .sources
                .iter()
                .filter(|s| s.rejected.is_none())
                .map(|s| (s.name.clone(), s.bytes.as_ref().clone()))
                .collect(),
            issue_edits: self.edits.clone(),
            view: self.view.clone(),
        }
    }

    fn set_workspace(&mut self, w: Workspace) {
        self.sources = w
            .sources
            .into_iter()
            .map(|(n, b)| Source::new(n, b))
            .collect();
        self.edits = w.issue_edits;
        self.view = w.view;
        self.share_url = None;
    }

    /// Stores the workspace in IndexedDB (fire and forget; a failure is logged).
    /// Saves the workspace in IndexedDB, at once for a small workspace. A large one (the
    /// save is the workspace as JSON, every source's text included, then the IndexedDB
    /// write: for a thousand files a few hundred milliseconds of the page's thread and of
    /// the browser's, which the analysis would otherwise share) is saved once the page has
    /// rendered and no analysis runs (see `rendered`).
    fn persist(&mut self) {
        self.persist_due = true;
        if self.sources.len() < DEFER_SAVE_SOURCES {
            self.save_now();
        }
    }

    /// Saves the workspace in IndexedDB now.
    fn save_now(&mut self) {
        self.persist_due = false;
        if !self.restored {
            return;
        }
        let json = self.workspace().to_json(None);
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = store::save(json).await {
                web_sys::console::warn_2(
                    &JsValue::from_str("saving the workspace in IndexedDB failed"),
                    &e,
                );
            }
        });
    }

    /// Takes files from a drop or a picker: a workspace file is opened; other files are
    /// size-checked (without reading) and read.
    fn intake(&mut self, ctx: &Context<Self>, files: Vec<File>, how: &'static str) {
        if files.is_empty() {
            self.phase = self.settled();
            return;
        }
        self.notice = None;
        let limits = Limits::default();
        if let Some(ws) = files
            .iter()
            .find(|f| f.name().ends_with(WORKSPACE_SUFFIX))
            .cloned()
        {
            if files.len() > 1 {
                self.notice = Some(format!(
                    "Opening the workspace {}; the other files were ignored.",
                    ws.name()
                ));
            }
            self.phase = Phase::Loading(ws.name());
            let name = ws.name();
            ctx.link().send_future(async move {
                if ws.size() > parallax_web::MAX_WORKSPACE_BYTES as f64 {
                    return Msg::LoadFailed(format!(
                        "{name}: the workspace file is too large. Nothing was changed."
                    ));
                }
                let bytes = match JsFuture::from(ws.array_buffer()).await {
                    Ok(buf) => Uint8Array::new(&buf).to_vec(),
                    Err(e) => {
                        return Msg::LoadFailed(format!(
                            "{name} could not be read ({}). Nothing was changed.",
                            js_err(e)
                        ))
                    }
                };
                match Workspace::from_json(&bytes, &limits) {
                    Ok(w) => Msg::Open(format!("Workspace {name}"), w),
                    Err(e) => Msg::LoadFailed(format!("{name}: {e}. Nothing was changed.")),
                }
            });
            return;
        }
        let n = files.len();
        self.phase = Phase::Loading(format!("{n} file{}", plural(n)));
        ctx.link().send_future(async move {
            let max = limits.max_file_bytes;
            let n = files.len();
            let files = Rc::new(files);
            let read: Rc<RefCell<Vec<Option<Result<Vec<u8>, bool>>>>> =
                Rc::new(RefCell::new(vec![None; n]));
            // READ_LANES files at a time, each lane reading its files one after another
            let lanes = Array::new();
            for lane in 0..READ_LANES.min(n) {
                let (files, read) = (files.clone(), read.clone());
                lanes.push(&wasm_bindgen_futures::future_to_promise(async move {
                    for i in (lane..files.len()).step_by(READ_LANES) {
                        let r = read_capped(&files[i], max).await;
                        read.borrow_mut()[i] = Some(r);
                    }
                    Ok(JsValue::UNDEFINED)
                }));
            }
            let _ = JsFuture::from(js_sys::Promise::all(&lanes)).await;
            let read = std::mem::take(&mut *read.borrow_mut());
            let mut out = Vec::with_capacity(n);
            for (f, r) in files.iter().zip(read) {
                let name = f.name();
                match r {
                    Some(Ok(bytes)) => out.push(Source::new(name, bytes)),
                    // over the limit: read no further; its size (one look) for the message
                    Some(Err(true)) => {
                        let size = f.size() as u64;
                        let name = clean_name(name);
                        let e = parallax_core::ingest::too_large(&name, size, &limits);
                        out.push(Source {
                            name,
                            bytes: Rc::new(Vec::new()),
                            size,
                            rejected: Some(e),
                        });
                    }
                    // An unreadable file goes on empty: the core reports it as a per-file error.
                    _ => out.push(Source::new(name, Vec::new())),
                }
            }
            let label = format!("{} {how} file{}", out.len(), plural(out.len()));
            Msg::Add(label, out)
        });
    }

    fn toolbar(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let has = self.analysis.is_some() && !matches!(self.phase, Phase::Analysing { .. });
        let export = |what: &'static str, label: &'static str| {
            html! {
                <button type="button" class="btn small" data-export={what} disabled={!has}
                    onclick={link.callback(move |_| Msg::Export(what))}>{ label }</button>
            }
        };
        html! {
            <div class="workspace-toolbar" role="toolbar" aria-label="Workspace">
                <details class="export-menu">
                    <summary class="btn">{ "Export" }</summary>
                    <div class="export-items">
                        { export("json", "Analysis (JSON)") }
                        { export("html", "Report (HTML)") }
                        { export("md", "Report (Markdown)") }
                        { export("sources", "Sources (CSV)") }
                        { export("stances", "Stances (CSV)") }
                        { export("figures", "Figures (CSV)") }
                        { export("figure_groups", "Figure groups (CSV)") }
                        { export("quotes", "Quotes (CSV)") }
                        { export("quote_groups", "Quote groups (CSV)") }
                        { export("differences", "Conflicts and blindspots (CSV)") }
                    </div>
                </details>
                <button type="button" class="btn" id="save-workspace" disabled={self.sources.is_empty()}
                    onclick={link.callback(|_| Msg::Save)}>{ "Save workspace" }</button>
                <button type="button" class="btn" id="share-link" disabled={self.sources.is_empty()}
                    onclick={link.callback(|_| Msg::Share)}>{ "Share link" }</button>
                <button type="button" class="btn" id="clear-all" disabled={self.sources.is_empty()}
                    onclick={link.callback(|_| Msg::ClearAll)}>{ "Clear all" }</button>
                if let Some(u) = &self.undo {
                    <button type="button" class="btn" id="undo" onclick={link.callback(|_| Msg::Undo)}>
                        { format!("Undo: restore {} ({} source{})", u.what, u.sources.len(), plural(u.sources.len())) }
                    </button>
                }
                if let Some(url) = &self.share_url {
                    <label class="share-url">
                        <span>{ "Share link: " }</span>
                        <input id="share-url" type="text" readonly=true value={url.clone()}
                            onfocus={Callback::from(|e: FocusEvent| {
                                if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) { i.select(); }
                            })} />
                    </label>
                }
            </div>
        }
    }

    fn sources_view(&self, ctx: &Context<Self>) -> Html {
        if self.sources.is_empty() {
            return html! {};
        }
        let link = ctx.link();
        let open = self.source_list_open.unwrap_or(self.sources.len() <= 12);
        html! {
            <details class="workspace-sources" open={open}
                ontoggle={link.callback(|e: web_sys::Event| {
                    let open = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                    Msg::SourceListToggled(open)
                })}>
                <summary>{ format!("Workspace: {} source{}", self.sources.len(), plural(self.sources.len())) }</summary>
                <ul>
                    // a closed list is not rendered: a thousand rows cost every render
                    { for self.sources.iter().take(if open { usize::MAX } else { 0 }).map(|s| {
                        let name = s.name.clone();
                        html! {
                            <li data-name={s.name.clone()}>
                                <span class="name">{ &s.name }</span>
                                <span class="muted">{ format!(" {}", human_size(s.size)) }</span>
                                if let Some(e) = &s.rejected { <span class="rejected">{ format!(" — not read: {}", e.message) }</span> }
                                <button type="button" class="btn small remove" aria-label={format!("Remove {}", s.name)}
                                    onclick={link.callback(move |_| Msg::Remove(name.clone()))}>{ "Remove" }</button>
                            </li>
                        }
                    }) }
                </ul>
            </details>
        }
    }

    fn status_view(&self, ctx: &Context<Self>) -> Html {
        let notice = self
            .notice
            .as_ref()
            .map(|n| html! { <p class="notice" role="status">{ n }</p> });
        let info = self
            .share_url
            .as_ref()
            .and(self.info.as_ref())
            .map(|n| html! { <p class="info">{ n }</p> });
        let status = match &self.phase {
            Phase::Idle => html! {},
            Phase::Loading(what) => html! {
                <div class="status">
                    <span>{ format!("Reading {what}…") }</span>
                    <progress aria-label="Reading files"></progress>
                </div>
            },
            Phase::Analysing { done, total, file } => html! {
                <div class="status analysing">
                    <span class="progress-text">
                        { format!("Analysing {done} of {total} files") }
                        if !file.is_empty() { <span class="muted">{ format!(" — {file}") }</span> }
                    </span>
                    <progress max={total.to_string()} value={done.to_string()} aria-label="Analysis progress"></progress>
                    <button type="button" class="btn" id="cancel" onclick={ctx.link().callback(|_| Msg::Cancel)}>{ "Cancel" }</button>
                </div>
            },
            Phase::Done => html! {
                <div class="status done">
                    <span>{ format!("{} — {} source{}", self.label, self.sources.len(), plural(self.sources.len())) }</span>
                </div>
            },
        };
        let live = (!self.live_errors.is_empty() && self.phase != Phase::Done)
            .then(|| views::errors(&self.live_errors));

        html! {
            <div aria-live="polite" class="status-area">
                { for notice }
                { for info }
                { status }
                { for live }
            </div>
        }
    }
}

/// Reads a file through its stream, stopping as soon as it holds more than `max` bytes
/// (`Err(true)`: too large; at most `max` bytes and a chunk are ever held); `Err(false)`
/// when it cannot be read. Why a stream and not `File.size` first: the size is a
/// synchronous look at the file (~0.3 ms each in Chromium, 0.3 s for a thousand files,
/// on the page's thread), and reading the whole file at once would hold a huge one in memory.
async fn read_capped(f: &File, max: usize) -> Result<Vec<u8>, bool> {
    let reader: web_sys::ReadableStreamDefaultReader = f.stream().get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let r = JsFuture::from(reader.read()).await.map_err(|_| false)?;
        let done = js_sys::Reflect::get(&r, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&r, &JsValue::from_str("value")).map_err(|_| false)?;
        let chunk = Uint8Array::new(&value);
        let len = chunk.length() as usize;
        if out.len() + len > max {
            let _ = reader.cancel();
            return Err(true);
        }
        let at = out.len();
        out.resize(at + len, 0);
        chunk.copy_to(&mut out[at..]);
    }
}

fn clean_name(name: String) -> String {
    if parallax_web::valid_source_name(&name) {
        return name;
    }
    let mut out: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    while out.len() > 255 {
        out.pop();
    }
    if out.is_empty() || out == "." || out == ".." {
        out = format!("unnamed{out}");
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn human_size(n: u64) -> String {
    match n {
        n if n >= 1 << 20 => format!("{:.1} MB", n as f64 / (1u64 << 20) as f64),
        n if n >= 1 << 10 => format!("{:.1} KB", n as f64 / 1024.0),
        n => format!("{n} B"),
    }
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

/// The share fragment's value, if the page was opened with `#w=...`.
fn share_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix(SHARE_PREFIX).map(str::to_string)
}

/// Removes the fragment (so a reload shows the persisted workspace, not the link's again).
fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&page_url()));
        }
    }
}

/// The page's URL without fragment.
fn page_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

fn js_err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".into())
}

/// The worker `www/boot.js` started before the page's module loaded, with the messages
/// and errors it sent until now (taken once: later calls get `None`).
fn take_early_worker() -> Option<(Worker, Array, Array)> {
    let global = js_sys::global();
    let key = JsValue::from_str("parallaxEarlyWorker");
    let early = js_sys::Reflect::get(&global, &key).ok()?;
    if early.is_undefined() || early.is_null() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let get = |k: &str| js_sys::Reflect::get(&early, &JsValue::from_str(k)).ok();
    // (not `dyn_into`: an `instanceof Worker` check fails where a page script has wrapped
    // the constructor, and the object is the one `boot.js` made)
    let worker: Worker = get("worker").filter(JsValue::is_object)?.unchecked_into();
    let messages: Array = get("messages")?.dyn_into().ok()?;
    let errors: Array = get("errors")?.dyn_into().ok()?;
    Some((worker, messages, errors))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    fetched_bytes(url, JsFuture::from(window.fetch_with_str(url))).await
}

/// The body of a fetch already started (`fetch` is the promise `window.fetch` gave).
async fn fetched_bytes(url: &str, fetch: JsFuture) -> Result<Vec<u8>, String> {
    let resp: Response = fetch.await.map_err(js_err)?.unchecked_into();
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(js_err)?)
        .await
        .map_err(js_err)?;
    Ok(Uint8Array::new(&buf).to_vec())
}

#[derive(serde::Deserialize)]
struct Manifest {
    files: Vec<String>,
}

async fn load_example() -> Result<Vec<Source>, String> {
    let manifest = fetch_bytes(&format!("{EXAMPLE_DIR}manifest.json")).await?;
    let manifest: Manifest =
        serde_json::from_slice(&manifest).map_err(|e| format!("manifest.json: {e}"))?;
    // all requests at once (the browser runs them in parallel), then read in order
    let window = web_sys::window().ok_or("no window")?;
    let pending: Vec<(String, String, JsFuture)> = manifest
        .files
        .into_iter()
        .map(|name| {
            let url = format!("{EXAMPLE_DIR}{name}");
            let fetch = JsFuture::from(window.fetch_with_str(&url));
            (name, url, fetch)
        })
        .collect();
    let mut out = Vec::with_capacity(pending.len());
    for (name, url, fetch) in pending {
        let bytes = fetched_bytes(&url, fetch).await?;
        out.push(Source::new(name, bytes));
    }
    Ok(out)
}

/// Downloads `text` as a file through a Blob object URL and an `<a download>` click
/// (allowed by the page's CSP: no network request is made).
fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(js_err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_err)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(js_err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
