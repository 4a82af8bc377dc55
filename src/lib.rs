//! The browser shell around `parallax-core`: the message protocol between the page
//! (`app` bin) and the Web Worker (`worker` bin), and the streaming analysis loop the
//! worker runs.
//!
//! Why a worker: the per-document pipeline is CPU-bound and a corpus can be large, so
//! running it on the page's thread would freeze the UI. The worker analyses one file at
//! a time and posts a progress message after each (carrying that file's error, if any,
//! so the page can show it while the other files are still being analysed), then posts
//! the finished [`Analysis`].
//!
//! Why JSON strings over `postMessage`: the protocol types are plain serde types, so the
//! same code is unit-tested natively, and no structured-clone conversion code is needed.
//! Only the input bytes travel as `Uint8Array`s (no copy into a JSON number array).
//!
//! [`analyze_streaming`] must give exactly what [`parallax_core::analyze_corpus`] gives
//! (byte-identical JSON); a native unit test and the WASM test (`tests/wasm.rs`) check
//! that. [`Engine`], the worker's state, gives the same analysis while analysing only the
//! documents it has not seen (cache by name and content hash), and recomputes only the
//! comparison when the user edits issues.
//!
//! The workspace file (`*.parallax.json`) and the share-link fragment are defined here
//! too ([`Workspace`]), natively tested: both are untrusted input, parsed strictly, and
//! never carry an analysis that is trusted (the analysis is always recomputed from the
//! sources).

use base64::Engine as _;
pub mod view_model;

use parallax_core::compare::{CompareOptions, IssueEdit};
use parallax_core::{Analysis, DocAnalysis, FileError, Input, Limits, Options, Progress};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A message from the worker to the page. `Ready`, `Progress` and `Cancelled` travel as
/// JSON strings; `Done` as JSON bytes in a transferred `Uint8Array` ([`WorkerMsg::to_json_bytes`]):
/// the analysis of a thousand articles is tens of megabytes, and a string would be
/// converted to UTF-16 and back on its way.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkerMsg {
    /// The worker has installed its message handler and accepts requests.
    Ready,
    /// Files of request `id` are done, up to `progress.done`; `error` is set when the file
    /// `progress.file` could not be analysed. Sent for every failed file and otherwise at
    /// most every [`PROGRESS_INTERVAL_MS`] (and for the last file): the page re-renders
    /// on each message, and a thousand renders would cost more than the analysis.
    Progress {
        id: u32,
        progress: Progress,
        error: Option<FileError>,
        #[serde(default)]
        cached: bool,
    },
    /// Request `id` was cancelled (by a `Cancel` request or by a newer `Analyze`) after
    /// `done` files; those stay in the worker's cache.
    Cancelled { id: u32, done: usize },
    /// Request `id` is finished.
    Done { id: u32, analysis: Analysis },
    /// A helper worker's documents for a `Chunk` request of job `id` (JSON bytes).
    Chunk { id: u32, results: Vec<ChunkResult> },
    /// The worker finished warming up (see [`Engine::warm_pass`]) after `ms` milliseconds
    /// and `words` words of practice; informational (benchmarks wait for it).
    Warm { ms: u32, words: u64 },
}

/// Shortest time between two progress messages of one request, in milliseconds.
pub const PROGRESS_INTERVAL_MS: f64 = 100.0;

impl WorkerMsg {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("worker message serialises")
    }

    pub fn to_json_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("worker message serialises")
    }

    /// The bytes of `Done { id, analysis }` for a borrowed analysis (what
    /// [`Engine::finish_with`] hands out).
    pub fn done_json_bytes(id: u32, analysis: &Analysis) -> Vec<u8> {
        #[derive(Serialize)]
        struct DoneRef<'a> {
            kind: &'static str,
            id: u32,
            analysis: &'a Analysis,
        }
        serde_json::to_vec(&DoneRef {
            kind: "done",
            id,
            analysis,
        })
        .expect("worker message serialises")
    }
}

/// A request from the page, posted as `[json, Uint8Array, Uint8Array, ...]`: the JSON of
/// this enum, then one byte array per source of an `Analyze` (in order).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Analyse the workspace (cached documents are reused) and compare with `edits`.
    /// Supersedes a running `Analyze`, which stops after its current file.
    Analyze {
        id: u32,
        sources: Vec<SourceSpec>,
        edits: Vec<IssueEdit>,
    },
    /// Recompare the last analysed workspace with new issue edits (no re-analysis).
    Compare { id: u32, edits: Vec<IssueEdit> },
    /// Stop request `id` after its current file; the files already analysed stay cached.
    Cancel { id: u32 },
    /// To a helper worker (from the coordinating worker): analyse these sources of job
    /// `id` (source index and spec; the bytes follow as in `Analyze`).
    Chunk {
        id: u32,
        sources: Vec<(usize, SourceSpec)>,
    },
}

/// One source of an `Analyze` request. `rejected` is set when the page refused the file
/// (too large: read no further than the limit); its bytes are then empty and the error is
/// reported as is.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SourceSpec {
    pub name: String,
    #[serde(default)]
    pub rejected: Option<FileError>,
}

/// FNV-1a, 64 bit: the content key of the document cache (not a security boundary: a
/// collision only means a stale analysis for a file with the same name).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// The worker's state: analysed documents by (file name, content hash) and the last
/// workspace, so that adding, removing or replacing one source analyses only that source,
/// and an issue edit only recompares.
#[derive(Default)]
pub struct Engine {
    cache: BTreeMap<(String, u64), DocAnalysis>,
    /// The last workspace: per source, the cache key or the error.
    last: Vec<Result<(String, u64), FileError>>,
    /// The issue edits of the last workspace.
    last_edits: Vec<IssueEdit>,
    /// A few sources of the last workspace, the material of [`Engine::warm_pass`].
    sample: Vec<(SourceSpec, Vec<u8>)>,
    limits: Limits,
}

/// Most sources kept as warm-up material.
const SAMPLE_SOURCES: usize = 8;
/// Most bytes of warm-up material (a source is kept whole or not at all).
const SAMPLE_BYTES: usize = 64 * 1024;

/// An analysis in progress. The worker runs it a file at a time ([`Engine::step`]) and
/// looks at its messages in between, so that a cancel or a newer request is seen
/// without stopping the worker (and losing its cache). Files may also be handed out
/// ([`Job::take`]) to helper workers and their documents accepted in any order
/// ([`Engine::accept`]); progress counts the sources done *in order* (the leading run of
/// finished sources), so that "the first `done` sources are analysed" stays true.
pub struct Job {
    sources: Vec<(SourceSpec, Vec<u8>)>,
    edits: Vec<IssueEdit>,
    /// Per source: its cache key or its error, once done.
    results: Vec<Option<Result<(String, u64), FileError>>>,
    /// Per source: handed out (to this worker's own loop or a helper).
    taken: Vec<bool>,
    /// Sources done in order (all of `results[..prefix]` are set).
    prefix: usize,
    /// First source that may not be taken yet.
    cursor: usize,
    /// Sources finished from the cache.
    cached: usize,
}

/// What one [`Engine::step`] did.
pub struct Step {
    pub progress: Progress,
    pub error: Option<FileError>,
    /// The document came from the cache.
    pub cached: bool,
}

impl Job {
    /// Puts sources handed to a helper that failed back in line.
    pub fn untake(&mut self, indices: &[usize]) {
        for &i in indices {
            if self.results[i].is_none() {
                self.taken[i] = false;
                self.cursor = self.cursor.min(i);
            }
        }
    }

    pub fn new(sources: Vec<(SourceSpec, Vec<u8>)>, edits: Vec<IssueEdit>) -> Job {
        let n = sources.len();
        Job {
            sources,
            edits,
            results: vec![None; n],
            taken: vec![false; n],
            prefix: 0,
            cursor: 0,
            cached: 0,
        }
    }

    /// Sources done in order (the page may keep the first `done()` sources on cancel).
    pub fn done(&self) -> usize {
        self.prefix
    }

    pub fn total(&self) -> usize {
        self.sources.len()
    }

    pub fn is_finished(&self) -> bool {
        self.prefix >= self.sources.len()
    }

    /// Up to `n` sources not yet handed out, in order: their indices.
    pub fn take(&mut self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        while out.len() < n && self.cursor < self.sources.len() {
            let i = self.cursor;
            self.cursor += 1;
            if !self.taken[i] {
                self.taken[i] = true;
                out.push(i);
            }
        }
        out
    }

    /// Like [`Job::take`], but stops before the sources exceed `max_bytes` in total
    /// (always at least one source when any is left).
    pub fn take_bytes(&mut self, n: usize, max_bytes: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut bytes = 0;
        while out.len() < n && self.cursor < self.sources.len() {
            let i = self.cursor;
            if self.taken[i] {
                self.cursor += 1;
                continue;
            }
            let len = self.sources[i].1.len();
            if !out.is_empty() && bytes + len > max_bytes {
                break;
            }
            self.cursor += 1;
            self.taken[i] = true;
            bytes += len;
            out.push(i);
        }
        out
    }

    /// Source `i`: its spec and bytes.
    pub fn source(&self, i: usize) -> &(SourceSpec, Vec<u8>) {
        &self.sources[i]
    }

    /// Progress as the page sees it: sources done in order, the last of them named.
    pub fn progress(&self) -> Progress {
        let file = self
            .prefix
            .checked_sub(1)
            .map(|i| self.sources[i].0.name.clone())
            .unwrap_or_default();
        Progress {
            done: self.prefix,
            total: self.sources.len(),
            file,
        }
    }

    fn set(&mut self, i: usize, r: Result<(String, u64), FileError>) {
        if self.results[i].is_none() {
            self.results[i] = Some(r);
        }
        while self.prefix < self.results.len() && self.results[self.prefix].is_some() {
            self.prefix += 1;
        }
    }
}

/// A document analysed by a helper worker (or its error), for source `index` of a job.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChunkResult {
    pub index: usize,
    pub hash: u64,
    pub result: Result<DocAnalysis, FileError>,
}

/// Analyses sources for a helper worker: what [`Engine::step`] does for one source, without
/// the cache (the coordinating worker owns it).
pub fn analyze_chunk(
    sources: &[(usize, SourceSpec, Vec<u8>)],
    limits: &Limits,
) -> Vec<ChunkResult> {
    sources
        .iter()
        .map(|(index, spec, bytes)| {
            let result = match &spec.rejected {
                Some(e) => Err(e.clone()),
                None => parallax_core::analyze_document(
                    &Input {
                        name: spec.name.clone(),
                        bytes: bytes.clone(),
                    },
                    limits,
                ),
            };
            ChunkResult {
                index: *index,
                hash: content_hash(bytes),
                result,
            }
        })
        .collect()
}

impl Engine {
    /// Number of cached documents (tests, diagnostics).
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// What source `i` of a job is without analysing it: an error (over the file limit,
    /// refused by the page), `Ok(Ok(key))` for a cache hit, `Ok(Err(key))` when it must be
    /// analysed.
    fn known(
        &self,
        i: usize,
        spec: &SourceSpec,
        bytes: &[u8],
    ) -> Result<Result<(String, u64), (String, u64)>, FileError> {
        if i >= self.limits.max_files {
            return Err(FileError {
                file: spec.name.clone(),
                code: "too_many_files".into(),
                message: format!(
                    "only the first {} files of a corpus are analysed",
                    self.limits.max_files
                ),
            });
        }
        if let Some(e) = &spec.rejected {
            return Err(e.clone());
        }
        let key = (spec.name.clone(), content_hash(bytes));
        Ok(if self.cache.contains_key(&key) {
            Ok(key)
        } else {
            Err(key)
        })
    }

    /// Settles, without analysing anything, every source of `job` that needs no analysis:
    /// cache hits, sources the page rejected, sources over the file limit. Returns the
    /// errors among them (in order), for the page's live error list.
    pub fn settle_known(&mut self, job: &mut Job) -> Vec<FileError> {
        let mut errors = Vec::new();
        for i in 0..job.sources.len() {
            if job.taken[i] {
                continue;
            }
            let (spec, bytes) = &job.sources[i];
            let r = match self.known(i, spec, bytes) {
                Err(e) => Err(e),
                Ok(Ok(key)) => {
                    job.cached += 1;
                    Ok(key)
                }
                Ok(Err(_)) => continue,
            };
            if let Err(e) = &r {
                errors.push(e.clone());
            }
            job.taken[i] = true;
            job.set(i, r);
        }
        errors
    }

    /// Takes a helper's document for source `r.index` of `job` (or, when `job` is `None`
    /// or another request's, only caches it: a cancelled request's work is not lost).
    pub fn accept(
        &mut self,
        job: Option<&mut Job>,
        name: &str,
        r: ChunkResult,
    ) -> Option<FileError> {
        let key = (name.to_string(), r.hash);
        let res = match r.result {
            Ok(doc) => {
                self.cache.insert(key.clone(), doc);
                Ok(key)
            }
            Err(e) => Err(e),
        };
        let err = res.as_ref().err().cloned();
        if let Some(job) = job {
            job.set(r.index, res);
        }
        err
    }

    /// Analyses the next source of `job` that was not handed out (from the cache when it
    /// was seen before); `None` when none is left.
    pub fn step(&mut self, job: &mut Job) -> Option<Step> {
        let i = *job.take(1).first()?;
        let (spec, bytes) = &job.sources[i];
        let r = match self.known(i, spec, bytes) {
            Err(e) => Err(e),
            Ok(Ok(key)) => {
                job.cached += 1;
                let progress = Progress {
                    done: i + 1,
                    total: job.sources.len(),
                    file: spec.name.clone(),
                };
                job.set(i, Ok(key));
                return Some(Step {
                    progress,
                    error: None,
                    cached: true,
                });
            }
            Ok(Err(key)) => {
                let input = Input {
                    name: spec.name.clone(),
                    bytes: bytes.clone(),
                };
                match parallax_core::analyze_document(&input, &self.limits) {
                    Ok(doc) => {
                        self.cache.insert(key.clone(), doc);
                        Ok(key)
                    }
                    Err(e) => Err(e),
                }
            }
        };
        let progress = Progress {
            done: i + 1,
            total: job.sources.len(),
            file: spec.name.clone(),
        };
        let error = r.as_ref().err().cloned();
        job.set(i, r);
        Some(Step {
            progress,
            error,
            cached: false,
        })
    }

    /// Ends a finished `job`: it becomes the current workspace, the cache keeps what the
    /// previous and the current workspace use (so Undo is instant), and the comparison is
    /// computed.
    pub fn finish(&mut self, job: Job) -> Analysis {
        self.settle(job);
        self.compare(&self.last_edits)
    }

    /// [`Engine::finish`], handing the analysis to `f` (the worker encodes it) without
    /// copying the documents (see [`Engine::compare_with`]).
    pub fn finish_with<R>(&mut self, job: Job, f: impl FnOnce(&Analysis) -> R) -> R {
        self.settle(job);
        let edits = self.last_edits.clone();
        self.compare_with(&edits, f)
    }

    /// A finished `job` becomes the current workspace.
    fn settle(&mut self, job: Job) {
        assert!(job.is_finished(), "finish called on an unfinished job");
        let last: Vec<Result<(String, u64), FileError>> = job
            .results
            .into_iter()
            .map(|r| r.expect("finished"))
            .collect();
        let keep: BTreeSet<(String, u64)> = self
            .last
            .iter()
            .chain(last.iter())
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect();
        self.cache.retain(|k, _| keep.contains(k));
        self.last = last;
        let mut sample = Vec::new();
        let mut bytes = 0;
        for (spec, b) in job.sources {
            if sample.len() >= SAMPLE_SOURCES {
                break;
            }
            if spec.rejected.is_none() && !b.is_empty() && bytes + b.len() <= SAMPLE_BYTES {
                bytes += b.len();
                sample.push((spec, b));
            }
        }
        if !sample.is_empty() {
            self.sample = sample;
        }
        self.last_edits = job.edits;
    }

    /// The warm-up material: a few sources (at most 8, 64 KB) of the last workspace
    /// (before any, [`practice_material`] is used).
    pub fn sample(&self) -> &[(SourceSpec, Vec<u8>)] {
        &self.sample
    }

    /// One round of practice, whose results are thrown away: every source of the sample
    /// analysed again (not cached), compared and the result encoded as the worker would
    /// send it. Returns the words analysed (0: nothing to practise on).
    ///
    /// Why: a browser runs new WebAssembly code first on a baseline compiler and
    /// optimises each function only once it has run enough. Without practice, the first
    /// large drop runs at about half speed until the hot code is optimised (measured:
    /// 1,000 articles 2.6 s on a fresh worker, 1.1 s once warm), while the page sits idle
    /// showing the example. The worker therefore practises on the example between
    /// requests, for a bounded time, and stops as soon as a request comes in. Nothing it
    /// does is visible: the cache, the workspace and every answer are unchanged.
    pub fn warm_pass(&self) -> u64 {
        let mut words = 0u64;
        let builtin;
        let material = if self.sample.is_empty() {
            builtin = practice_material();
            &builtin
        } else {
            &self.sample
        };
        let mut docs = Vec::new();
        for (spec, bytes) in material {
            let input = Input {
                name: spec.name.clone(),
                bytes: bytes.clone(),
            };
            if let Ok(doc) = parallax_core::analyze_document(&input, &self.limits) {
                words += doc.words as u64;
                docs.push(doc);
            }
        }
        let analysis = parallax_core::finish(
            docs,
            Vec::new(),
            &CompareOptions {
                issue_edits: self.last_edits.clone(),
            },
        );
        std::hint::black_box(WorkerMsg::Done { id: 0, analysis }.to_json_bytes());
        words
    }

    /// Analyses `sources` (pairs of spec and bytes) in order, like
    /// [`parallax_core::analyze_corpus`] (same documents, errors and order), reusing cached
    /// documents. `on_file(progress, error, cached)` is called after each source.
    pub fn analyze(
        &mut self,
        sources: &[(SourceSpec, Vec<u8>)],
        edits: &[IssueEdit],
        mut on_file: impl FnMut(&Progress, Option<&FileError>, bool),
    ) -> Analysis {
        let mut job = Job::new(sources.to_vec(), edits.to_vec());
        while let Some(s) = self.step(&mut job) {
            on_file(&s.progress, s.error.as_ref(), s.cached);
        }
        self.finish(job)
    }

    /// [`Engine::compare`], handing the analysis to `f`: the cached documents are moved
    /// into the comparison and back, not copied (a thousand articles are tens of
    /// megabytes). The comparison writes the corpus speaker names into the quotes; they
    /// are put back as analysed, so the cache is as before.
    pub fn compare_with<R>(&mut self, edits: &[IssueEdit], f: impl FnOnce(&Analysis) -> R) -> R {
        let mut docs = Vec::new();
        let mut keys: Vec<Option<(String, u64)>> = Vec::new();
        let mut errors = Vec::new();
        for r in &self.last {
            match r {
                Ok(k) => match self.cache.remove(k) {
                    Some(d) => {
                        keys.push(Some(k.clone()));
                        docs.push(d);
                    }
                    None => {
                        // the same source twice: its document is out already
                        let at = keys
                            .iter()
                            .position(|x| x.as_ref() == Some(k))
                            .expect("cached");
                        docs.push(docs[at].clone());
                        keys.push(None);
                    }
                },
                Err(e) => errors.push(e.clone()),
            }
        }
        let speakers: Vec<Vec<Option<String>>> = docs
            .iter()
            .map(|d| d.quotes.iter().map(|q| q.speaker.clone()).collect())
            .collect();
        let analysis = parallax_core::finish(
            docs,
            errors,
            &CompareOptions {
                issue_edits: edits.to_vec(),
            },
        );
        let out = f(&analysis);
        for ((mut d, k), sp) in analysis.documents.into_iter().zip(keys).zip(speakers) {
            if let Some(k) = k {
                for (q, s) in d.quotes.iter_mut().zip(sp) {
                    q.speaker = s;
                }
                self.cache.insert(k, d);
            }
        }
        out
    }

    /// Compares the last analysed workspace with `edits`.
    pub fn compare(&self, edits: &[IssueEdit]) -> Analysis {
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        for r in &self.last {
            match r {
                Ok(k) => docs.push(self.cache[k].clone()),
                Err(e) => errors.push(e.clone()),
            }
        }
        parallax_core::finish(
            docs,
            errors,
            &CompareOptions {
                issue_edits: edits.to_vec(),
            },
        )
    }
}

/// What the worker practises on before it has seen a workspace (a returning user whose
/// workspace is empty, so nothing is analysed on page load): the bundled example
/// articles (`www/examples/korea-oil`, 17 KB), compiled in.
pub fn practice_material() -> Vec<(SourceSpec, Vec<u8>)> {
    macro_rules! ex {
        ($f:literal) => {
            (
                SourceSpec {
                    name: $f.into(),
                    rejected: None,
                },
                include_bytes!(concat!("../www/examples/korea-oil/", $f)).to_vec(),
            )
        };
    }
    vec![
        ex!("000_94fada769f3b2f7f.txt"),
        ex!("001_5e4ceafd121b25c4.txt"),
        ex!("002_c0b78deaa73c8e23.txt"),
        ex!("003_1c82bf6f21a669f3.txt"),
        ex!("004_db0d157b9f312f2e.txt"),
    ]
}

/// Analyses `inputs` like [`parallax_core::analyze_corpus`], but reports each file's
/// error through `on_file` as soon as that file is done.
pub fn analyze_streaming(
    inputs: &[Input],
    opts: &Options,
    on_file: impl FnMut(&Progress, Option<&FileError>),
) -> Analysis {
    parallax_core::analyze_corpus_streaming(inputs, opts, on_file)
}

/// The format tag of a saved workspace file.
pub const WORKSPACE_FORMAT: &str = "parallax-workspace";
/// The only version this build reads and writes.
pub const WORKSPACE_VERSION: u32 = 1;
/// Largest workspace file (or decompressed share link) accepted, in bytes.
pub const MAX_WORKSPACE_BYTES: usize = 64 * 1024 * 1024;
/// Longest share-link fragment offered; beyond it the user is told to save a file.
pub const MAX_SHARE_CHARS: usize = 32 * 1024;

/// A source as saved: its name and its bytes, base64 (standard alphabet, padded).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSource {
    pub name: String,
    pub base64: String,
}

/// A workspace file (`*.parallax.json`), also the content of a share link and of the
/// browser's persisted state. `analysis` may be written for people reading the file; it is
/// ignored on reading (recomputed from the sources, so a tampered analysis cannot inject
/// anything). `view` is the views' serialised `ViewState` (opaque here).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFile {
    pub format: String,
    pub version: u32,
    pub sources: Vec<SavedSource>,
    #[serde(default)]
    pub issue_edits: Vec<IssueEdit>,
    #[serde(default)]
    pub view: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<serde_json::Value>,
}

/// A validated workspace: sources with their bytes, issue edits, view state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    pub sources: Vec<(String, Vec<u8>)>,
    pub issue_edits: Vec<IssueEdit>,
    pub view: serde_json::Value,
}

/// Whether `name` is acceptable as a source name: a plain file name (no path separator,
/// no control character, not `.`/`..`), at most 255 bytes.
pub fn valid_source_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control())
}

impl Workspace {
    /// The workspace file's JSON; `analysis` is included when given.
    pub fn to_json(&self, analysis: Option<&Analysis>) -> String {
        let file = WorkspaceFile {
            format: WORKSPACE_FORMAT.into(),
            version: WORKSPACE_VERSION,
            sources: self
                .sources
                .iter()
                .map(|(n, b)| SavedSource {
                    name: n.clone(),
                    base64: base64::engine::general_purpose::STANDARD.encode(b),
                })
                .collect(),
            issue_edits: self.issue_edits.clone(),
            view: self.view.clone(),
            analysis: analysis.and_then(|a| serde_json::to_value(a).ok()),
        };
        serde_json::to_string(&file).expect("workspace serialises")
    }

    /// Parses and validates a workspace file. Every problem is an error with a reason;
    /// nothing partial is returned.
    pub fn from_json(bytes: &[u8], limits: &Limits) -> Result<Workspace, String> {
        if bytes.len() > MAX_WORKSPACE_BYTES {
            return Err(format!(
                "the workspace file is larger than {} MB",
                MAX_WORKSPACE_BYTES / (1024 * 1024)
            ));
        }
        let file: WorkspaceFile = serde_json::from_slice(bytes)
            .map_err(|e| format!("not a Parallax workspace file ({e})"))?;
        if file.format != WORKSPACE_FORMAT {
            return Err(format!(
                "not a Parallax workspace file (format is {:?})",
                file.format
            ));
        }
        if file.version != WORKSPACE_VERSION {
            return Err(format!(
                "unsupported workspace version {} (this version reads {WORKSPACE_VERSION})",
                file.version
            ));
        }
        if file.sources.len() > limits.max_files {
            return Err(format!(
                "the workspace has {} sources; at most {} are allowed",
                file.sources.len(),
                limits.max_files
            ));
        }
        let mut seen = BTreeSet::new();
        let mut sources = Vec::with_capacity(file.sources.len());
        for s in file.sources {
            if !valid_source_name(&s.name) {
                return Err(format!("invalid source name {:?}", s.name));
            }
            if !seen.insert(s.name.clone()) {
                return Err(format!("the source name {:?} appears twice", s.name));
            }
            if s.base64.len() / 4 * 3 > limits.max_file_bytes + 3 {
                return Err(format!("{}: larger than the per-file limit", s.name));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(s.base64.as_bytes())
                .map_err(|e| format!("{}: invalid base64 ({e})", s.name))?;
            if bytes.len() > limits.max_file_bytes {
                return Err(format!("{}: larger than the per-file limit", s.name));
            }
            sources.push((s.name, bytes));
        }
        let view = match file.view {
            v @ (serde_json::Value::Object(_) | serde_json::Value::Null) => v,
            _ => return Err("the view state is not an object".into()),
        };
        Ok(Workspace {
            sources,
            issue_edits: file.issue_edits,
            view,
        })
    }

    /// The share-link fragment value (after `#w=`): the workspace JSON (without analysis),
    /// deflated and base64url-encoded. `None` when it would exceed [`MAX_SHARE_CHARS`].
    pub fn to_share(&self) -> Option<String> {
        let json = self.to_json(None);
        let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
        let s = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed);
        (s.len() <= MAX_SHARE_CHARS).then_some(s)
    }

    /// Reads a share-link fragment value, with the same validation as a workspace file.
    pub fn from_share(s: &str, limits: &Limits) -> Result<Workspace, String> {
        if s.len() > 4 * MAX_SHARE_CHARS {
            return Err("the share link is too long".into());
        }
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s.trim().as_bytes())
            .map_err(|_| "the share link is damaged (not base64url)".to_string())?;
        let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_WORKSPACE_BYTES)
            .map_err(|_| "the share link is damaged (cannot be decompressed)".to_string())?;
        Workspace::from_json(&json, limits)
    }
}

/// Names for one batch of added files: a name that occurs again in the batch (files of
/// the same name in different folders of one drop) becomes `stem (2).ext`, `stem (3).ext`,
/// ..., never equal to another name of the batch, so no file of a drop replaces another
/// (re-dropping a file later still replaces it: that is a separate batch).
pub fn unique_names(names: &[String]) -> Vec<String> {
    let mut taken: BTreeSet<String> = names.iter().cloned().collect();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    names
        .iter()
        .map(|n| {
            if seen.insert(n.as_str()) {
                return n.clone();
            }
            let (stem, ext) = match n.rfind('.') {
                Some(i) if i > 0 => (&n[..i], &n[i..]),
                _ => (n.as_str(), ""),
            };
            let mut k = 2;
            loop {
                let candidate = format!("{stem} ({k}){ext}");
                if taken.insert(candidate.clone()) {
                    return candidate;
                }
                k += 1;
            }
        })
        .collect()
}

/// Formats a figure value without float noise: integers without decimals, others with
/// at most six significant decimals.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return group_thousands(&format!("{}", v as i64));
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s.split_once('.') {
        Some((int, frac)) => format!("{}.{}", group_thousands(int), frac),
        None => group_thousands(s),
    }
}

fn group_thousands(int: &str) -> String {
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Input> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/korea-oil");
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}/manifest.json")).unwrap())
                .unwrap();
        let mut inputs: Vec<Input> = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let name = f.as_str().unwrap().to_string();
                Input {
                    bytes: std::fs::read(format!("{dir}/{name}")).unwrap(),
                    name,
                }
            })
            .collect();
        // A file that must fail, to exercise the per-file error path.
        inputs.push(Input {
            name: "empty.txt".into(),
            bytes: Vec::new(),
        });
        inputs
    }

    #[test]
    fn streaming_equals_analyze_corpus() {
        let inputs = corpus();
        let opts = Options::default();
        let mut seen = Vec::new();
        let a = analyze_streaming(&inputs, &opts, |p, e| {
            seen.push((p.done, e.map(|e| e.file.clone())))
        });
        let b = parallax_core::analyze_corpus(&inputs, &opts, |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
        assert_eq!(seen.len(), inputs.len());
        assert_eq!(
            seen.last().unwrap(),
            &(inputs.len(), Some("empty.txt".to_string()))
        );
        assert_eq!(a.documents.len(), 5);
    }

    #[test]
    fn too_many_files_is_reported_per_file() {
        let inputs = corpus();
        let mut opts = Options::default();
        opts.limits.max_files = 2;
        let a = analyze_streaming(&inputs, &opts, |_, _| {});
        let b = parallax_core::analyze_corpus(&inputs, &opts, |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
        assert_eq!(a.documents.len(), 2);
    }

    fn specs(inputs: &[Input]) -> Vec<(SourceSpec, Vec<u8>)> {
        inputs
            .iter()
            .map(|i| {
                (
                    SourceSpec {
                        name: i.name.clone(),
                        rejected: None,
                    },
                    i.bytes.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn engine_equals_analyze_corpus_and_reuses_the_cache() {
        let inputs = corpus();
        let mut engine = Engine::default();
        let mut fresh = 0;
        let a = engine.analyze(&specs(&inputs), &[], |_, e, cached| {
            assert!(!cached);
            fresh += e.is_none() as usize;
        });
        let b = parallax_core::analyze_corpus(&inputs, &Options::default(), |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
        assert_eq!(fresh, 5);

        // Replace one source, remove another: only the replaced one is analysed again.
        let mut changed = inputs.clone();
        changed.remove(1);
        changed[0]
            .bytes
            .extend_from_slice(b"\n\nA new closing paragraph was added by the editors today.");
        let mut analysed = Vec::new();
        let a = engine.analyze(&specs(&changed), &[], |p, _, cached| {
            if !cached {
                analysed.push(p.file.clone())
            }
        });
        let b = parallax_core::analyze_corpus(&changed, &Options::default(), |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
        assert_eq!(analysed, [changed[0].name.clone(), "empty.txt".to_string()]);
    }

    #[test]
    fn warm_up_practice_changes_nothing() {
        let inputs = corpus();
        let mut engine = Engine::default();
        // before a workspace: the bundled example, analysed and thrown away
        assert!(engine.warm_pass() > 2000);
        assert_eq!(engine.cached(), 0);
        let edits = vec![IssueEdit::Add {
            label: "Fuel".into(),
            keywords: vec!["oil".into()],
        }];
        let a = engine.analyze(&specs(&inputs), &edits, |_, _, _| {});
        let cached = engine.cached();
        // the sample: the first sources, never the empty file that failed
        assert_eq!(engine.sample().len(), 5);
        assert!(engine
            .sample()
            .iter()
            .all(|(s, b)| s.name != "empty.txt" && !b.is_empty()));
        let words: usize = a.documents.iter().map(|d| d.words).sum();
        assert_eq!(engine.warm_pass(), words as u64);
        assert_eq!(engine.cached(), cached);
        assert_eq!(
            parallax_core::to_json(&engine.compare(&edits)),
            parallax_core::to_json(&a)
        );
    }

    #[test]
    fn compare_with_moves_the_documents_and_puts_them_back() {
        let inputs = corpus();
        let mut engine = Engine::default();
        let mut twice = specs(&inputs);
        twice.push(twice[0].clone()); // the same source twice
        let job = Job::new(twice.clone(), vec![]);
        let mut job = job;
        while engine.step(&mut job).is_some() {}
        let via = engine.finish_with(job, parallax_core::to_json);
        assert_eq!(
            engine.compare_with(&[], |a| WorkerMsg::done_json_bytes(7, a)),
            WorkerMsg::Done {
                id: 7,
                analysis: engine.compare(&[])
            }
            .to_json_bytes()
        );
        let copied = engine.compare(&[]);
        assert_eq!(via, parallax_core::to_json(&copied));
        assert_eq!(copied.documents.len(), 6);
        // the cache is as before: speakers as analysed, every document still there
        let cached = engine.cached();
        let again = engine.compare_with(&[], parallax_core::to_json);
        assert_eq!(again, via);
        assert_eq!(engine.cached(), cached);
        let fresh: Vec<DocAnalysis> = inputs[..5]
            .iter()
            .map(|i| parallax_core::analyze_document(i, &Limits::default()).unwrap())
            .collect();
        for d in &fresh {
            let key = (
                d.file.clone(),
                content_hash(&inputs.iter().find(|i| i.name == d.file).unwrap().bytes),
            );
            assert_eq!(
                serde_json::to_string(&engine.cache[&key]).unwrap(),
                serde_json::to_string(d).unwrap()
            );
        }
    }

    #[test]
    fn engine_compare_applies_issue_edits_like_finish() {
        let inputs = corpus();
        let mut engine = Engine::default();
        engine.analyze(&specs(&inputs), &[], |_, _, _| {});
        let edits = vec![IssueEdit::Add {
            label: "Fuel".into(),
            keywords: vec!["oil".into()],
        }];
        let a = engine.compare(&edits);
        let mut opts = Options::default();
        opts.compare.issue_edits = edits;
        let b = parallax_core::analyze_corpus(&inputs, &opts, |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
    }

    #[test]
    fn documents_accepted_out_of_order_give_the_same_analysis() {
        // as the worker does with helpers: some sources analysed elsewhere, in any order
        let inputs = corpus();
        let mut engine = Engine::default();
        let mut job = Job::new(specs(&inputs), Vec::new());
        assert!(engine.settle_known(&mut job).is_empty());
        let handed = job.take_bytes(3, 1); // to a "helper": one source, it is over 1 byte
        assert_eq!(handed, [0]);
        let handed = [handed, job.take(1)].concat();
        assert_eq!(handed, [0, 1]);
        let chunk: Vec<(usize, SourceSpec, Vec<u8>)> = handed
            .iter()
            .map(|&i| (i, job.source(i).0.clone(), job.source(i).1.clone()))
            .collect();
        let mut results = analyze_chunk(&chunk, &Limits::default());
        // the worker's own loop goes on meanwhile
        while engine.step(&mut job).is_some() {}
        assert_eq!(job.done(), 0, "sources 0 and 1 are still out");
        let second = results.pop().unwrap();
        let name = job.source(second.index).0.name.clone();
        engine.accept(Some(&mut job), &name, second);
        assert_eq!(job.done(), 0);
        let first = results.pop().unwrap();
        let name = job.source(first.index).0.name.clone();
        engine.accept(Some(&mut job), &name, first);
        assert!(job.is_finished());
        assert_eq!(job.progress().done, inputs.len());
        let a = engine.finish(job);
        let b = parallax_core::analyze_corpus(&inputs, &Options::default(), |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
        // a second job finds everything in the cache
        let mut again = Job::new(specs(&inputs), Vec::new());
        assert!(engine.settle_known(&mut again).is_empty());
        assert_eq!(
            again.done(),
            inputs.len() - 1,
            "empty.txt is analysed again (errors are not cached)"
        );
        let last = engine.step(&mut again).unwrap();
        assert!(last.error.is_some() && engine.step(&mut again).is_none());
        assert!(again.is_finished());
    }

    #[test]
    fn a_cancelled_job_keeps_what_it_analysed() {
        let inputs = corpus();
        let mut engine = Engine::default();
        let mut job = Job::new(specs(&inputs), Vec::new());
        engine.step(&mut job);
        engine.step(&mut job);
        assert_eq!(job.done(), 2);
        drop(job); // cancelled: never finished
        assert_eq!(engine.cached(), 2);
        let mut fresh = Vec::new();
        let a = engine.analyze(&specs(&inputs), &[], |p, e, cached| {
            if !cached && e.is_none() {
                fresh.push(p.done)
            }
        });
        assert_eq!(fresh, [3, 4, 5]);
        let b = parallax_core::analyze_corpus(&inputs, &Options::default(), |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
    }

    #[test]
    fn rejected_sources_are_reported_unread() {
        let mut engine = Engine::default();
        let e = parallax_core::ingest::too_large("big.txt", 200 << 20, &Limits::default());
        let a = engine.analyze(
            &[(
                SourceSpec {
                    name: "big.txt".into(),
                    rejected: Some(e),
                },
                vec![],
            )],
            &[],
            |_, _, _| {},
        );
        assert_eq!(a.errors[0].code, "too_large");
    }

    fn ws() -> Workspace {
        Workspace {
            sources: vec![
                ("a.txt".into(), b"Hello \xff bytes".to_vec()),
                ("b.md".into(), b"# Title".to_vec()),
            ],
            issue_edits: vec![IssueEdit::Rename {
                id: "i1".into(),
                label: "X".into(),
            }],
            view: serde_json::json!({"tab": "figures"}),
        }
    }

    #[test]
    fn workspace_file_and_share_link_round_trip() {
        let w = ws();
        let l = Limits::default();
        assert_eq!(
            Workspace::from_json(w.to_json(None).as_bytes(), &l).unwrap(),
            w
        );
        // A saved analysis is accepted but ignored.
        let with = w.to_json(Some(&Analysis::default()));
        assert!(with.contains("\"analysis\""));
        assert_eq!(Workspace::from_json(with.as_bytes(), &l).unwrap(), w);
        let share = w.to_share().unwrap();
        assert!(share
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(Workspace::from_share(&share, &l).unwrap(), w);
    }

    #[test]
    fn bad_workspace_files_are_rejected_with_a_reason() {
        let l = Limits::default();
        let good: serde_json::Value = serde_json::from_str(&ws().to_json(None)).unwrap();
        let bad = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = good.clone();
            f(&mut v);
            Workspace::from_json(v.to_string().as_bytes(), &l).unwrap_err()
        };
        assert!(bad(&|v| v["format"] = "other".into()).contains("format"));
        assert!(bad(&|v| v["version"] = 2.into()).contains("version"));
        assert!(bad(&|v| v["sources"][0]["base64"] = "***".into()).contains("base64"));
        assert!(bad(&|v| v["sources"][0]["name"] = "../x".into()).contains("name"));
        assert!(bad(&|v| v["sources"][1]["name"] = "a.txt".into()).contains("twice"));
        assert!(bad(&|v| v["sources"][0]["extra"] = 1.into()).contains("not a Parallax"));
        assert!(bad(&|v| v["view"] = 3.into()).contains("view"));
        assert!(
            bad(&|v| v["issue_edits"] = serde_json::json!([{"nope": 1}]))
                .contains("not a Parallax")
        );
        assert!(Workspace::from_json(b"{", &l).is_err());
        assert!(Workspace::from_share("!!!", &l).is_err());
        assert!(Workspace::from_share("AAAA", &l).is_err());
        let mut small = Limits::default();
        small.max_file_bytes = 3;
        assert!(Workspace::from_json(ws().to_json(None).as_bytes(), &small)
            .unwrap_err()
            .contains("limit"));
    }

    #[test]
    fn oversized_share_links_are_refused() {
        // Incompressible content: pseudo-random bytes.
        let mut x: u64 = 1;
        let bytes: Vec<u8> = (0..40_000)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                (x >> 33) as u8
            })
            .collect();
        let w = Workspace {
            sources: vec![("r.txt".into(), bytes)],
            ..Default::default()
        };
        assert!(w.to_share().is_none());
    }

    #[test]
    fn messages_round_trip() {
        let m = WorkerMsg::Progress {
            id: 3,
            progress: Progress {
                done: 1,
                total: 2,
                file: "a.txt".into(),
            },
            error: None,
            cached: false,
        };
        let back: WorkerMsg = serde_json::from_str(&m.to_json()).unwrap();
        assert!(matches!(back, WorkerMsg::Progress { id: 3, .. }));
        assert_eq!(WorkerMsg::Ready.to_json(), r#"{"kind":"ready"}"#);
        let done = WorkerMsg::Done {
            id: 4,
            analysis: Analysis::default(),
        };
        let back: WorkerMsg = serde_json::from_slice(&done.to_json_bytes()).unwrap();
        assert!(matches!(back, WorkerMsg::Done { id: 4, .. }));
    }

    #[test]
    fn same_names_in_one_batch_are_kept_apart() {
        let names: Vec<String> = ["a.txt", "b.txt", "a.txt", "a (2).txt", "a.txt", "README"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let got = unique_names(&names);
        assert_eq!(
            got,
            [
                "a.txt",
                "b.txt",
                "a (3).txt",
                "a (2).txt",
                "a (4).txt",
                "README"
            ]
        );
        let twice: Vec<String> = vec!["README".into(), "README".into()];
        assert_eq!(unique_names(&twice), ["README", "README (2)"]);
    }

    #[test]
    fn values_format_without_float_noise() {
        assert_eq!(format_value(2300000.0), "2,300,000");
        assert_eq!(format_value(0.1 + 0.2), "0.3");
        assert_eq!(format_value(-1234.5), "-1,234.5");
        assert_eq!(format_value(7.0), "7");
    }
}
