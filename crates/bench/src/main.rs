//! `parallax-bench`: how fast and how big the Parallax pipeline is.
//!
//! ```text
//! cargo run --release -p parallax-bench -- [--write docs/benchmarks.md] [--quick]
//! ```
//!
//! It measures, natively on one thread:
//!
//! * **words per second** of the whole per-document pipeline
//!   ([`parallax_core::analyze_document`]) and of every stage on its own (ingest, clean,
//!   segment, actors, figures, attribute, stance: called in `analyze_cleaned` order, each
//!   on the outputs of the ones before), over corpora of real articles repeated to 1 MB
//!   and 10 MB, and over a single 1 MB document (which exposes work that grows faster
//!   than the document inside a stage);
//! * **peak memory**: the heap high-water mark of each phase above the heap live when it
//!   started (a counting global allocator) and the process's `VmHWM`;
//! * **corpus scaling**: the time to analyse and then compare 100, 1,000 and 5,000
//!   articles, with the per-article cost of each so that linear and quadratic growth of
//!   the comparison are told apart at a glance;
//! * **wasm size**: raw, gzip and brotli sizes of `dist/*.wasm` when a web build exists,
//!   and browser numbers read from `tests/e2e/output/browser-bench.json` when the
//!   end-to-end run has produced it.
//!
//! Why a plain binary and not criterion: the quantities are throughput over a
//! corpus (seconds, not nanoseconds), a median of a few runs is stable enough, and the
//! output is a Markdown report, not a statistical comparison with a baseline.
//!
//! Words are counted on the input text, independently of the segmenter: a word is a
//! whitespace-separated run containing a letter or digit. So words/s stays comparable
//! while the stages change, and with peers that count the same way.

mod alloc;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

use parallax_core::{self as core, Input, Limits};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const MB: usize = 1_000_000;

/// Goals from the issue "Speed and size".
const GOAL_NATIVE_WPS: f64 = 500_000.0;
const GOAL_BROWSER_WPS: f64 = 250_000.0;
const GOAL_BROWSER_1000_MS: f64 = 3_000.0;
const GOAL_WASM_BROTLI: usize = 1_500_000;
const GOAL_FIRST_ANALYSIS_MS: f64 = 1_000.0;

struct Args {
    write: Option<PathBuf>,
    runs: usize,
    quick: bool,
    profile: bool,
    profile_one: bool,
    native: bool,
    dump: Option<PathBuf>,
    cold: bool,
    budget: f64,
    root: PathBuf,
    shared: PathBuf,
}

fn usage() -> ! {
    eprintln!(
        "usage: parallax-bench [--write FILE.md] [--runs N] [--quick] [--profile] [--profile-one] [--native] [--dump FILE] [--cold] [--root DIR] [--shared DIR]\n\
         \n  --write FILE   also write the Markdown report to FILE (e.g. docs/benchmarks.md)\
         \n  --runs N       runs per measurement, the median is reported (default 5)\
         \n  --quick        1 MB corpus and 100/1,000 articles only, 3 runs\
         \n  --budget S     skip a scaling size whose projected time (all runs) exceeds S seconds (default 300)\
         \n  --profile      run the full pipeline over the 1 MB corpus a few times and exit (for callgrind/perf;\
         \n                 after a warm-up: --toggle-collect=parallax_bench::run_pipeline counts the steady state)\
         \n  --profile-one  the same over the one 1 MB document (the super-linearity check)\
         \n  --native       only the native per-document pipeline (1 MB corpus, 10 MB unless --quick, one 1 MB document), printed; no cold start, memory, scaling\
         \n  --dump FILE    write every source article's and the one 1 MB document's analysis as JSON lines to FILE and exit (byte-identity check across changes)\
         \n  --cold         measure the cold start (first analysis of the example articles) and exit\
         \n  --root DIR     repository root (default: found from the crate's manifest dir)\
         \n  --shared DIR   shared data dir with corpus/korea-oil and bench/polnear (default ROOT/../shared, or $PARALLAX_SHARED)"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let default_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut a = Args {
        write: None,
        runs: 5,
        quick: false,
        profile: false,
        profile_one: false,
        native: false,
        dump: None,
        cold: false,
        budget: 300.0,
        root: default_root,
        shared: PathBuf::new(),
    };
    let mut shared = std::env::var_os("PARALLAX_SHARED").map(PathBuf::from);
    let mut runs_given = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--write" => a.write = Some(it.next().unwrap_or_else(|| usage()).into()),
            "--runs" => {
                a.runs = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage());
                runs_given = true;
            }
            "--quick" => a.quick = true,
            "--budget" => {
                a.budget = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--profile" => a.profile = true,
            "--profile-one" => a.profile_one = true,
            "--native" => a.native = true,
            "--dump" => a.dump = Some(it.next().unwrap_or_else(|| usage()).into()),
            "--cold" => a.cold = true,
            "--root" => a.root = it.next().unwrap_or_else(|| usage()).into(),
            "--shared" => shared = Some(it.next().unwrap_or_else(|| usage()).into()),
            "-h" | "--help" => usage(),
            // `cargo bench` passes --bench; ignore it.
            "--bench" => {}
            _ => usage(),
        }
    }
    if a.quick && !runs_given {
        a.runs = 3;
    }
    a.root = a.root.canonicalize().unwrap_or(a.root);
    a.shared = shared.unwrap_or_else(|| a.root.join("../shared"));
    a
}

// ------------------------------------------------------------------ corpus

struct Article {
    name: String,
    bytes: Vec<u8>,
}

fn read_dir_txt(dir: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        if let Ok(bytes) = std::fs::read(&p) {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push(Article { name, bytes });
        }
    }
    out
}

fn load_articles(shared: &Path) -> Vec<Article> {
    let mut v = read_dir_txt(&shared.join("corpus/korea-oil"));
    v.extend(read_dir_txt(&shared.join("bench/polnear/dev/text")));
    v
}

/// Articles repeated in order until the corpus reaches `target` bytes.
fn corpus_bytes(articles: &[Article], target: usize) -> Vec<Input> {
    let mut out = Vec::new();
    let mut total = 0;
    for (i, a) in articles.iter().cycle().enumerate() {
        if total >= target {
            break;
        }
        total += a.bytes.len();
        out.push(Input {
            name: format!("{i:05}-{}", a.name),
            bytes: a.bytes.clone(),
        });
    }
    out
}

/// `n` articles, repeated in order.
fn corpus_count(articles: &[Article], n: usize) -> Vec<Input> {
    articles
        .iter()
        .cycle()
        .take(n)
        .enumerate()
        .map(|(i, a)| Input {
            name: format!("{i:05}-{}", a.name),
            bytes: a.bytes.clone(),
        })
        .collect()
}

/// Articles joined (blank line between) into one document of at least `target` bytes.
fn one_document(articles: &[Article], target: usize) -> Input {
    let mut bytes = Vec::with_capacity(target + 16 * 1024);
    for a in articles.iter().cycle() {
        if bytes.len() >= target {
            break;
        }
        bytes.extend_from_slice(&a.bytes);
        bytes.extend_from_slice(b"\n\n");
    }
    Input {
        name: "one-document.txt".into(),
        bytes,
    }
}

fn count_words(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn corpus_words(inputs: &[Input]) -> usize {
    inputs.iter().map(|i| count_words(&i.bytes)).sum()
}

fn corpus_size(inputs: &[Input]) -> usize {
    inputs.iter().map(|i| i.bytes.len()).sum()
}

// ------------------------------------------------------------------ measuring

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// The whole per-document pipeline over every input, results dropped as they come.
fn run_pipeline(inputs: &[Input], limits: &Limits) -> (Duration, usize) {
    let mut ok = 0;
    let t = Instant::now();
    for input in inputs {
        if let Ok(d) = core::analyze_document(black_box(input), limits) {
            ok += 1;
            black_box(d);
        }
    }
    (t.elapsed(), ok)
}

const STAGES: [&str; 7] = [
    "ingest",
    "clean",
    "segment",
    "actors",
    "figures",
    "attribute",
    "stance",
];

/// Time per stage over every input, each stage fed the outputs of the ones before
/// (the order of `analyze_cleaned`).
fn run_stages(inputs: &[Input], limits: &Limits) -> [Duration; 7] {
    let mut t = [Duration::ZERO; 7];
    let gaz = core::lexicon::gazetteer();
    for input in inputs {
        let s = Instant::now();
        let decoded = core::ingest::ingest(black_box(input), limits);
        t[0] += s.elapsed();
        let Ok(decoded) = decoded else { continue };

        let s = Instant::now();
        let cleaned = core::clean::clean(&decoded);
        t[1] += s.elapsed();
        if cleaned.body.trim().is_empty() {
            continue;
        }
        let body = cleaned.body.as_str();

        let s = Instant::now();
        let seg = core::segment::segment(body);
        t[2] += s.elapsed();

        let s = Instant::now();
        let (mut entities, mentions) = core::recognise::actors::recognise(body, &seg, gaz);
        t[3] += s.elapsed();

        let s = Instant::now();
        let figures = core::recognise::figures::recognise(body, &seg);
        t[4] += s.elapsed();

        let s = Instant::now();
        let quotes = core::attribute::attribute(body, &seg, &mut entities, &mentions);
        t[5] += s.elapsed();

        let s = Instant::now();
        let claims = core::stance::claims(body, &seg, &entities, &mentions, &quotes);
        t[6] += s.elapsed();

        black_box((figures, claims, quotes, entities, mentions, seg));
    }
    t
}

struct PipelineResult {
    label: String,
    docs: usize,
    bytes: usize,
    words: usize,
    full: Duration,
    stages: Option<[Duration; 7]>,
    peak_heap: usize,
}

impl PipelineResult {
    fn wps(&self, d: Duration) -> f64 {
        self.words as f64 / secs(d).max(1e-9)
    }
}

fn measure_pipeline(
    label: &str,
    inputs: &[Input],
    runs: usize,
    with_stages: bool,
) -> PipelineResult {
    let limits = Limits::default();
    let words = corpus_words(inputs);
    let bytes = corpus_size(inputs);
    // Warm up: lazily built regexes and lexicons are built outside the timed runs.
    let (_, docs) = run_pipeline(&inputs[..inputs.len().min(8)], &limits);
    let _ = docs;
    let base = alloc::reset_peak();
    let mut full = Vec::new();
    let mut docs = 0;
    for _ in 0..runs {
        let (d, ok) = run_pipeline(inputs, &limits);
        full.push(d);
        docs = ok;
    }
    let peak_heap = alloc::peak().saturating_sub(base);
    let stages = with_stages.then(|| {
        let mut per: Vec<[Duration; 7]> = (0..runs).map(|_| run_stages(inputs, &limits)).collect();
        let mut out = [Duration::ZERO; 7];
        for (i, o) in out.iter_mut().enumerate() {
            *o = median(per.iter_mut().map(|r| r[i]).collect());
        }
        out
    });
    let r = PipelineResult {
        label: label.to_string(),
        docs,
        bytes,
        words,
        full: median(full),
        stages,
        peak_heap,
    };
    eprintln!(
        "  {label}: {} docs, {:.2} MB, {} words, full pipeline {:.3} s = {:.0} words/s",
        r.docs,
        bytes as f64 / MB as f64,
        words,
        secs(r.full),
        r.wps(r.full)
    );
    r
}

struct ScaleResult {
    n: usize,
    ok: usize,
    words: usize,
    analyse: Duration,
    compare: Duration,
    peak_heap: usize,
}

fn measure_scaling(articles: &[Article], n: usize, runs: usize) -> ScaleResult {
    let inputs = corpus_count(articles, n);
    let words = corpus_words(&inputs);
    let opts = core::Options::default();
    let mut an = Vec::new();
    let mut cmp = Vec::new();
    let mut ok = 0;
    let base = alloc::reset_peak();
    for _ in 0..runs {
        // analyze_corpus, split in its two halves so each can be timed.
        let t = Instant::now();
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        for input in &inputs {
            match core::analyze_document(input, &opts.limits) {
                Ok(d) => documents.push(d),
                Err(e) => errors.push(e),
            }
        }
        an.push(t.elapsed());
        ok = documents.len();
        let t = Instant::now();
        let analysis = core::finish(documents, errors, &opts.compare);
        cmp.push(t.elapsed());
        black_box(&analysis);
        drop(analysis);
    }
    let peak_heap = alloc::peak().saturating_sub(base);
    let r = ScaleResult {
        n,
        ok,
        words,
        analyse: median(an),
        compare: median(cmp),
        peak_heap,
    };
    eprintln!(
        "  {n} articles: analyse {:.3} s, compare {:.3} s",
        secs(r.analyse),
        secs(r.compare)
    );
    r
}

// ------------------------------------------------------------------ cold start

/// What the first analysis of a process pays: the gazetteer and lexicons are parsed and
/// the regexes compiled on first use. The browser pays it on the first analysis after a
/// page load, so it bounds "first analysis visible" from below.
struct ColdStart {
    docs: usize,
    words: usize,
    gazetteer: Duration,
    stance_lexicon: Duration,
    first: Duration,
    warm: Duration,
}

/// Must run before anything else touches the core.
fn measure_cold(articles: &[Article]) -> ColdStart {
    let inputs: Vec<Input> = articles
        .iter()
        .take(5)
        .map(|a| Input {
            name: a.name.clone(),
            bytes: a.bytes.clone(),
        })
        .collect();
    let opts = core::Options::default();
    let t = Instant::now();
    black_box(core::lexicon::gazetteer());
    let gazetteer = t.elapsed();
    let t = Instant::now();
    black_box(core::stance::lexicon());
    let stance_lexicon = t.elapsed();
    let t = Instant::now();
    black_box(core::analyze_corpus(&inputs, &opts, |_| {}));
    let first = t.elapsed();
    let warm = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                black_box(core::analyze_corpus(&inputs, &opts, |_| {}));
                t.elapsed()
            })
            .collect(),
    );
    let c = ColdStart {
        docs: inputs.len(),
        words: corpus_words(&inputs),
        gazetteer,
        stance_lexicon,
        first,
        warm,
    };
    eprintln!(
        "cold start: gazetteer {:.1} ms, stance lexicon {:.1} ms, first analysis {:.1} ms, warm {:.1} ms",
        secs(c.gazetteer) * 1e3,
        secs(c.stance_lexicon) * 1e3,
        secs(c.first) * 1e3,
        secs(c.warm) * 1e3
    );
    c
}

// ------------------------------------------------------------------ wasm and browser

struct WasmSize {
    file: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn gzip_len(data: &[u8]) -> usize {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("in-memory write");
    e.finish().expect("in-memory write").len()
}

fn brotli_len(data: &[u8]) -> usize {
    use std::io::Write;
    let mut w = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    w.write_all(data).expect("in-memory write");
    w.into_inner().len()
}

fn wasm_sizes(root: &Path) -> Vec<WasmSize> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(root.join("dist")) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    paths.sort();
    for p in paths {
        if let Ok(data) = std::fs::read(&p) {
            out.push(WasmSize {
                file: p.file_name().unwrap().to_string_lossy().into_owned(),
                raw: data.len(),
                gzip: gzip_len(&data),
                brotli: brotli_len(&data),
            });
        }
    }
    out
}

/// The first number found at one of the dotted `paths`.
fn find_num(v: &serde_json::Value, paths: &[&str]) -> Option<f64> {
    paths.iter().find_map(|p| {
        p.split('.')
            .try_fold(v, |v, k| v.get(k))
            .and_then(|v| v.as_f64())
    })
}

// ------------------------------------------------------------------ machine notes

fn cpu_model() -> String {
    let s = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    s.lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string())
}

fn logical_cpus() -> usize {
    let s = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let n = s.lines().filter(|l| l.starts_with("processor")).count();
    if n > 0 {
        n
    } else {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    }
}

fn command_line(cmd: &str, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Today's date (UTC) as `YYYY-MM-DD HH:MM UTC`, from the civil-from-days algorithm.
fn utc_now() -> String {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (t / 86_400) as i64;
    let rem = t % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60
    )
}

// ------------------------------------------------------------------ formatting

fn fmt_int(n: f64) -> String {
    let s = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn fmt_bytes(n: usize) -> String {
    if n >= MB {
        format!("{:.2} MB", n as f64 / MB as f64)
    } else {
        format!("{:.1} KB", n as f64 / 1000.0)
    }
}

fn ok_mark(pass: bool) -> &'static str {
    if pass {
        "met"
    } else {
        "**not met**"
    }
}

// ------------------------------------------------------------------ main

fn main() {
    let args = parse_args();
    let articles = load_articles(&args.shared);
    if articles.is_empty() {
        eprintln!(
            "parallax-bench: no articles found under {} (corpus/korea-oil/*.txt, bench/polnear/dev/text/*.txt); use --shared DIR",
            args.shared.display()
        );
        std::process::exit(1);
    }
    eprintln!(
        "parallax-bench: {} source articles from {}",
        articles.len(),
        args.shared.display()
    );

    if let Some(path) = &args.dump {
        let limits = Limits::default();
        let mut out = String::new();
        let mut inputs: Vec<Input> = articles
            .iter()
            .map(|a| Input {
                name: a.name.clone(),
                bytes: a.bytes.clone(),
            })
            .collect();
        inputs.push(one_document(&articles, MB));
        for input in &inputs {
            match core::analyze_document(input, &limits) {
                Ok(d) => out.push_str(&serde_json::to_string(&d).expect("serialises")),
                Err(e) => out.push_str(&serde_json::to_string(&e).expect("serialises")),
            }
            out.push('\n');
        }
        std::fs::write(path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        eprintln!("  wrote {} analyses to {}", inputs.len(), path.display());
        return;
    }

    if args.profile || args.profile_one {
        let inputs = if args.profile_one {
            vec![one_document(&articles, MB)]
        } else {
            corpus_bytes(&articles, MB)
        };
        let limits = Limits::default();
        // Warm-up outside `run_pipeline` (regexes and tables built on first use), so
        // `valgrind --tool=callgrind --toggle-collect=parallax_bench::run_pipeline`
        // counts only the steady state.
        for a in &articles {
            black_box(
                core::analyze_document(
                    &Input {
                        name: a.name.clone(),
                        bytes: a.bytes.clone(),
                    },
                    &limits,
                )
                .ok(),
            );
        }
        for _ in 0..args.runs.min(3) {
            let (d, ok) = run_pipeline(&inputs, &limits);
            eprintln!("  profile run: {ok} docs in {:.3} s", secs(d));
        }
        return;
    }

    let cold = if args.native {
        None
    } else {
        Some(measure_cold(&articles))
    };
    if args.cold {
        return;
    }
    let runs = args.runs;
    eprintln!("per-document pipeline ({runs} runs, median):");
    let mut pipes = Vec::new();
    let c1 = corpus_bytes(&articles, MB);
    pipes.push(measure_pipeline("1 MB corpus", &c1, runs, true));
    drop(c1);
    if !args.quick {
        let c10 = corpus_bytes(&articles, 10 * MB);
        pipes.push(measure_pipeline("10 MB corpus", &c10, runs.min(3), true));
        drop(c10);
    }
    let one = [one_document(&articles, MB)];
    pipes.push(measure_pipeline(
        "one 1 MB document",
        &one,
        runs.min(3),
        true,
    ));
    if args.native {
        for p in &pipes {
            let st = p.stages.expect("stages measured");
            let line: Vec<String> = STAGES
                .iter()
                .zip(st.iter())
                .map(|(n, d)| format!("{n} {}", fmt_int(p.wps(*d))))
                .collect();
            eprintln!(
                "  {}: full {} words/s; {}",
                p.label,
                fmt_int(p.wps(p.full)),
                line.join(", ")
            );
        }
        return;
    }

    // Peak memory of a whole corpus analysis that keeps every document (what the CLI
    // and the app do).
    // 1 MB: a quadratic comparison over the 10 MB corpus's 2,000 documents can take minutes.
    let mem_corpus = corpus_bytes(&articles, MB);
    let mem_bytes = corpus_size(&mem_corpus);
    alloc::reset_hwm();
    let base = alloc::reset_peak();
    let analysis = core::analyze_corpus(&mem_corpus, &core::Options::default(), |_| {});
    let corpus_peak = alloc::peak().saturating_sub(base);
    let corpus_docs = analysis.documents.len();
    drop(analysis);
    let hwm = alloc::proc_status_bytes("VmHWM");
    drop(mem_corpus);

    eprintln!("corpus scaling:");
    let sizes: &[usize] = if args.quick {
        &[100, 1000]
    } else {
        &[100, 1000, 5000]
    };
    // A comparison that grows quadratically can take hours at 5,000 articles: a size
    // is skipped (and its projection reported) when the previous one, extrapolated
    // (analysis linearly, comparison quadratically), would exceed the time budget.
    let mut scale: Vec<ScaleResult> = Vec::new();
    let mut skipped: Vec<(usize, f64)> = Vec::new();
    for &n in sizes {
        let runs_n = if n >= 5000 { runs.min(3) } else { runs };
        if let Some(prev) = scale.last() {
            let k = n as f64 / prev.n as f64;
            let projected = secs(prev.analyse) * k + secs(prev.compare) * k * k;
            if projected * runs_n as f64 > args.budget {
                eprintln!("  {n} articles: skipped, projected {projected:.0} s per run");
                skipped.push((n, projected));
                continue;
            }
        }
        scale.push(measure_scaling(&articles, n, runs_n));
    }

    let wasm = wasm_sizes(&args.root);
    let browser_path = args.root.join("tests/e2e/output/browser-bench.json");
    let browser: Option<serde_json::Value> = std::fs::read_to_string(&browser_path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok());

    let report = render(
        &args,
        &articles,
        cold.as_ref().expect("cold start measured"),
        &pipes,
        corpus_peak,
        corpus_docs,
        mem_bytes,
        hwm,
        &scale,
        &skipped,
        &wasm,
        browser.as_ref(),
    );
    print!("{report}");
    if let Some(path) = &args.write {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        std::fs::write(path, &report).unwrap_or_else(|e| {
            eprintln!("parallax-bench: cannot write {}: {e}", path.display());
            std::process::exit(1)
        });
        eprintln!("wrote {}", path.display());
    }
}

/// The browser section, from `tests/e2e/output/browser-bench.json` (scripts/browser-bench.mjs).
fn render_browser(w: &mut String, b: &serde_json::Value, native_wps: Option<f64>) {
    let num = |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_f64());
    let ms = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{:.0} ms", x));
    let mem = |x: Option<f64>| x.map_or("-".to_string(), |x| fmt_bytes(x as usize));
    let _ = writeln!(
        w,
        "Measured by `scripts/browser-bench.mjs` in headless {} ({}): the release build in `dist/`, the worker \
         (`worker_loader.js`) driven from a blank same-origin page with the protocol messages of `src/lib.rs`. \
         Median of {} runs, each in a fresh browser context and worker that first analyses 8 articles untimed and then \
         practises until it says it is warm (`Engine::warm_pass` in `src/lib.rs`: the browser optimises WebAssembly code \
         only once it has run enough, and the app's worker practises on the example while it is on screen){}; the timed \
         requests follow. A cold worker and the cold start are below.\n",
        b.get("browser").and_then(|v| v.as_str()).unwrap_or("Chromium"),
        b.get("date").and_then(|v| v.as_str()).unwrap_or("date unknown"),
        num(b, "runs").unwrap_or(1.0),
        b.get("warm_up")
            .map(|w| format!(
                " (median {} of practice, {} words)",
                ms(num(w, "ms")),
                num(w, "words").map_or("-".into(), fmt_int)
            ))
            .unwrap_or_default()
    );
    if let Some(f) = num(b, "first_analysis_ms") {
        let _ = writeln!(
            w,
            "**First analysis on page load**: {:.0} ms from navigation start until the example corpus's analysis is on \
             screen (first visit, nothing cached; includes fetching and compiling both .wasm files and the cold start).\n",
            f
        );
    }
    if let Some(c) = b.get("cold_start") {
        let _ = writeln!(
            w,
            "**Worker cold start**: {} from `new Worker` to its `ready` message (fetching and compiling the .wasm); the first \
             request, the {} example articles, takes {} (lexicons parsed, regexes compiled, code still on the baseline \
             WebAssembly tier); the same request again takes {}.\n",
            ms(num(c, "worker_ready_ms")),
            num(c, "documents").map_or("-".into(), fmt_int),
            ms(num(c, "first_request_ms")),
            ms(num(c, "warm_request_ms"))
        );
    }
    if let Some(c) = b.get("corpora").and_then(|c| c.as_object()) {
        let _ = writeln!(w, "Per-document pipeline in the worker (from posting a request to its last per-file progress message; `total` adds the comparison, the JSON encoding of the analysis and its transfer to the page):\n");
        let _ = writeln!(w, "| Corpus | Documents | Words | Requests | Pipeline | Words/s | vs native | Total | Worker memory (peak) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (k, v) in c {
            let wps = num(v, "words_per_second");
            let ratio = match (wps, native_wps) {
                (Some(b), Some(n)) if n > 0.0 => format!("{:.2} x", b / n),
                _ => "-".into(),
            };
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                k.replace("MB", " MB"),
                num(v, "documents").map_or("-".into(), fmt_int),
                num(v, "words").map_or("-".into(), fmt_int),
                num(v, "requests").map_or("-".into(), fmt_int),
                ms(num(v, "pipeline_ms")),
                wps.map_or("-".into(), fmt_int),
                ratio,
                ms(num(v, "total_ms")),
                mem(num(v, "wasm_memory_bytes"))
            );
        }
        let _ = writeln!(w, "\n`vs native`: browser words/s over the native 1 MB corpus figure above. The 10 MB corpus is posted as ten 1 MB requests to one worker.\n");
    }
    if let Some(sc) = b.get("scaling").and_then(|c| c.as_object()) {
        let helpers = num(b, "hardware_concurrency").map(|c| format!(" The worker used {} helper worker(s) (`navigator.hardwareConcurrency` = {}, helpers = cores - 1, at most 3).", (c as usize).saturating_sub(1).min(3), c as usize)).unwrap_or_default();
        let _ = writeln!(w, "Analyse + compare in the browser (one request; `compare` includes the JSON encoding and transfer of the result).{helpers}\n");
        let _ = writeln!(w, "| Articles | Words | Analyse | Compare + transfer | Total | Per article | Worker memory (peak) |\n|---:|---:|---:|---:|---:|---:|---:|");
        let mut rows: Vec<(usize, &serde_json::Value)> = sc
            .iter()
            .filter_map(|(k, v)| Some((k.parse().ok()?, v)))
            .collect();
        rows.sort_by_key(|r| r.0);
        for (n, v) in rows {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | {} |",
                fmt_int(n as f64),
                num(v, "words").map_or("-".into(), fmt_int),
                ms(num(v, "analyse_ms")),
                ms(num(v, "compare_and_transfer_ms")),
                ms(num(v, "total_ms")),
                num(v, "per_article_ms").map_or("-".into(), |x| format!("{x:.2} ms")),
                mem(num(v, "wasm_memory_bytes"))
            );
        }
        if let Some(c) = b.get("scaling_cold").and_then(|c| c.get("1000")) {
            let _ = writeln!(
                w,
                "\nThe same 1,000 articles on a **cold worker** (the timed request right after the first 8 articles, \
                 before the warm-up has run; what a drop within a second of opening the page gets): analyse {}, \
                 compare + transfer {}, total {}.",
                ms(num(c, "analyse_ms")),
                ms(num(c, "compare_and_transfer_ms")),
                ms(num(c, "total_ms"))
            );
        }
        let _ = writeln!(w);
    }
    if let Some(app) = b.get("app") {
        let runs: Vec<String> = app
            .get("runs_ms")
            .and_then(|r| r.as_array())
            .map(|r| {
                r.iter()
                    .filter_map(|x| x.as_f64())
                    .map(|x| format!("{:.2} s", x / 1000.0))
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "**The whole app** (`scripts/app-bench.mjs`): {} files (the same repeated articles) given to the page's file picker until the Sources view lists them, in a fresh page whose worker has warmed up{}: median {} (runs: {}); from the input's `change` event (the browser has made the File objects; Playwright's own hand-over of the files is left out) median {}. This adds reading the files on the page (through their streams, eight at a time, a file over the size limit read no further than the limit), the workspace bookkeeping, parsing the analysis on the page and rendering, to the worker's own time above.\n",
            num(app, "n").map_or("-".into(), fmt_int),
            if app.get("waited_for_warm_up").and_then(|v| v.as_bool()) == Some(false) { " (not waited for)" } else { "" },
            ms(num(app, "median_ms")),
            runs.join(", "),
            ms(num(app, "from_change_median_ms"))
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn render(
    args: &Args,
    articles: &[Article],
    cold: &ColdStart,
    pipes: &[PipelineResult],
    corpus_peak: usize,
    corpus_docs: usize,
    mem_bytes: usize,
    hwm: Option<usize>,
    scale: &[ScaleResult],
    skipped: &[(usize, f64)],
    wasm: &[WasmSize],
    browser: Option<&serde_json::Value>,
) -> String {
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(w, "# Benchmarks\n");
    let _ = writeln!(
        w,
        "Generated by `scripts/bench.sh` (`cargo run --release -p parallax-bench -- --write docs/benchmarks.md`{}); \
         do not edit by hand. Method and caveats are at the end.\n",
        if args.quick { " --quick" } else { "" }
    );

    // Machine.
    let _ = writeln!(w, "## Machine\n");
    let _ = writeln!(w, "| | |\n|---|---|");
    let _ = writeln!(w, "| Date | {} |", utc_now());
    let _ = writeln!(w, "| CPU | {} |", cpu_model());
    let _ = writeln!(
        w,
        "| Logical CPUs | {} (the bench uses one thread) |",
        logical_cpus()
    );
    let _ = writeln!(
        w,
        "| rustc | {} |",
        command_line("rustc", &["-V"]).unwrap_or_else(|| "unknown".into())
    );
    let _ = writeln!(
        w,
        "| Profile | release ({}) |",
        if cfg!(debug_assertions) {
            "debug assertions ON: numbers are not representative"
        } else {
            "lto, codegen-units = 1"
        }
    );
    if let Some(c) = command_line(
        "git",
        &[
            "-C",
            &args.root.to_string_lossy(),
            "rev-parse",
            "--short",
            "HEAD",
        ],
    ) {
        let _ = writeln!(w, "| Commit | {c} |");
    }
    let chromium = browser
        .and_then(|b| {
            b.get("browser")
                .and_then(|v| v.as_str())
                .map(str::to_string)
        })
        .or_else(|| command_line("chromium", &["--version"]))
        .unwrap_or_else(|| "not found".into());
    let _ = writeln!(w, "| Chromium (browser rows) | {chromium} |");
    let _ = writeln!(
        w,
        "| Runs | median of {} (10 MB corpus, one-document and 5,000 articles: at most 3) |",
        args.runs
    );
    let _ = writeln!(
        w,
        "| Source articles | {} (corpus/korea-oil + polnear dev), repeated |\n",
        articles.len()
    );

    // Goals.
    let native = pipes.first().map(|p| p.wps(p.full));
    let browser_wps = browser.and_then(|b| {
        find_num(
            b,
            &[
                "words_per_second",
                "words_per_sec",
                "chromium.words_per_second",
                "pipeline.words_per_second",
            ],
        )
    });
    let browser_1000 = browser.and_then(|b| {
        find_num(
            b,
            &[
                "analyze_compare_1000_ms",
                "articles_1000_ms",
                "analyze_compare_ms.1000",
                "scaling.1000.total_ms",
            ],
        )
    });
    let brotli_total: usize = wasm.iter().map(|x| x.brotli).sum();
    let native_1000 = scale
        .iter()
        .find(|s| s.n == 1000)
        .map(|s| secs(s.analyse + s.compare) * 1000.0);
    let _ = writeln!(w, "## Goals\n");
    let _ = writeln!(
        w,
        "| Goal | Target | Measured | Status |\n|---|---|---|---|"
    );
    if let Some(n) = native {
        let _ = writeln!(
            w,
            "| Full per-document pipeline, native, one core | >= {} words/s | {} words/s | {} |",
            fmt_int(GOAL_NATIVE_WPS),
            fmt_int(n),
            ok_mark(n >= GOAL_NATIVE_WPS)
        );
    }
    match browser_wps {
        Some(b) => {
            let _ = writeln!(
                w,
                "| Full pipeline in Chromium | >= {} words/s | {} words/s | {} |",
                fmt_int(GOAL_BROWSER_WPS),
                fmt_int(b),
                ok_mark(b >= GOAL_BROWSER_WPS)
            );
        }
        None => {
            let _ = writeln!(w, "| Full pipeline in Chromium | >= {} words/s | not measured (no browser-bench.json) | - |", fmt_int(GOAL_BROWSER_WPS));
        }
    }
    match browser_1000 {
        Some(ms) => {
            let _ = writeln!(w, "| 1,000 articles analysed + compared, browser (worker after its warm-up, from a blank page) | < 3 s | {:.2} s | {} |", ms / 1000.0, ok_mark(ms < GOAL_BROWSER_1000_MS));
        }
        None => {
            let native_note = native_1000
                .map(|ms| format!(" (native: {:.2} s)", ms / 1000.0))
                .unwrap_or_default();
            let _ = writeln!(w, "| 1,000 articles analysed + compared, browser | < 3 s | not measured{native_note} | - |");
        }
    }
    if let Some(ms) = browser.and_then(|b| find_num(b, &["app.median_ms"])) {
        let _ = writeln!(w, "| 1,000 files given to the app until its Sources view lists them | < 3 s | {:.2} s | {} |", ms / 1000.0, ok_mark(ms < GOAL_BROWSER_1000_MS));
    }
    if let Some(ms) = browser.and_then(|b| find_num(b, &["scaling_cold.1000.total_ms"])) {
        let _ = writeln!(w, "| 1,000 articles, browser, cold worker (no warm-up yet; reported, not a goal row) | < 3 s | {:.2} s | {} |", ms / 1000.0, ok_mark(ms < GOAL_BROWSER_1000_MS));
    }
    match browser.and_then(|b| find_num(b, &["first_analysis_ms"])) {
        Some(ms) => {
            let _ = writeln!(
                w,
                "| First analysis of the example visible after page load | < 1 s | {:.2} s | {} |",
                ms / 1000.0,
                ok_mark(ms < GOAL_FIRST_ANALYSIS_MS)
            );
        }
        None => {
            let _ = writeln!(w, "| First analysis of the example visible after page load | < 1 s | not measured | - |");
        }
    }
    if wasm.is_empty() {
        let _ = writeln!(w, "| Total wasm, brotli | <= 1.5 MB | no dist/*.wasm | - |");
    } else {
        let _ = writeln!(
            w,
            "| Total wasm, brotli | <= 1.5 MB | {} | {} |",
            fmt_bytes(brotli_total),
            ok_mark(brotli_total <= GOAL_WASM_BROTLI)
        );
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "Peers (their published figures, other hardware): wink-nlp 240-360k words/s, compromise 15k words/s, spaCy 5k words/s.\n");

    // Pipeline.
    let _ = writeln!(w, "## Per-document pipeline, native, one core\n");
    let _ = writeln!(w, "| Corpus | Documents | Size | Words | Time | Words/s | Peak heap above input |\n|---|---:|---:|---:|---:|---:|---:|");
    for p in pipes {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {:.3} s | {} | {} |",
            p.label,
            fmt_int(p.docs as f64),
            fmt_bytes(p.bytes),
            fmt_int(p.words as f64),
            secs(p.full),
            fmt_int(p.wps(p.full)),
            fmt_bytes(p.peak_heap)
        );
    }
    let _ = writeln!(w);

    // Stages.
    let _ = writeln!(w, "### Per stage\n");
    let _ = writeln!(w, "Words/s of each stage alone over the corpus (its input words divided by the time spent in that stage); share of the sum of the stages.\n");
    let mut head = String::from("| Stage |");
    let mut sep = String::from("|---|");
    for p in pipes.iter().filter(|p| p.stages.is_some()) {
        let _ = write!(head, " {} words/s | {} share |", p.label, p.label);
        sep.push_str("---:|---:|");
    }
    let _ = writeln!(w, "{head}\n{sep}");
    for (i, stage) in STAGES.iter().enumerate() {
        let mut row = format!("| {stage} |");
        for p in pipes.iter() {
            let Some(st) = &p.stages else { continue };
            let total: Duration = st.iter().sum();
            let _ = write!(
                row,
                " {} | {:.1}% |",
                fmt_int(p.wps(st[i])),
                100.0 * secs(st[i]) / secs(total).max(1e-12)
            );
        }
        let _ = writeln!(w, "{row}");
    }
    let mut row = String::from("| sum of stages |");
    for p in pipes.iter() {
        let Some(st) = &p.stages else { continue };
        let total: Duration = st.iter().sum();
        let _ = write!(row, " {} | 100% |", fmt_int(p.wps(total)));
    }
    let _ = writeln!(w, "{row}\n");
    if let Some(hot) = pipes.first().and_then(|p| p.stages.as_ref()) {
        let (i, _) = hot.iter().enumerate().max_by_key(|(_, d)| **d).unwrap();
        let _ = writeln!(w, "Slowest stage on the 1 MB corpus: **{}**.\n", STAGES[i]);
    }

    // Cold start.
    let _ = writeln!(w, "## Cold start\n");
    let _ = writeln!(
        w,
        "The first analysis in a process parses the gazetteer and lexicons and compiles the regexes \
         (each on first use); the browser pays this on the first analysis after a page load. \
         Measured natively on the {} example articles ({} words), before anything else ran.\n",
        cold.docs,
        fmt_int(cold.words as f64)
    );
    let _ = writeln!(w, "| Step | Time |\n|---|---:|");
    let _ = writeln!(
        w,
        "| Gazetteer (countries, organisations, names) | {:.1} ms |",
        secs(cold.gazetteer) * 1e3
    );
    let _ = writeln!(
        w,
        "| Stance lexicon | {:.1} ms |",
        secs(cold.stance_lexicon) * 1e3
    );
    let _ = writeln!(w, "| First `analyze_corpus` (regexes and the remaining tables built on first use) | {:.1} ms |", secs(cold.first) * 1e3);
    let _ = writeln!(
        w,
        "| The same analysis again, warm (median of 5) | {:.1} ms |",
        secs(cold.warm) * 1e3
    );
    let _ = writeln!(
        w,
        "| Cold-start overhead | {:.1} ms |\n",
        secs((cold.gazetteer + cold.stance_lexicon + cold.first).saturating_sub(cold.warm)) * 1e3
    );

    // Memory.
    let _ = writeln!(w, "## Peak memory\n");
    let _ = writeln!(w, "| What | Peak |\n|---|---:|");
    for p in pipes {
        let _ = writeln!(
            w,
            "| Heap above the input, {}, one document at a time | {} |",
            p.label,
            fmt_bytes(p.peak_heap)
        );
    }
    let _ = writeln!(
        w,
        "| Heap above the input for `analyze_corpus` over {} ({} documents, all kept) | {} ({:.1} x input) |",
        fmt_bytes(mem_bytes),
        fmt_int(corpus_docs as f64),
        fmt_bytes(corpus_peak),
        corpus_peak as f64 / mem_bytes.max(1) as f64
    );
    if let Some(h) = hwm {
        let _ = writeln!(
            w,
            "| Process peak resident set (VmHWM) after that analysis, input included | {} |",
            fmt_bytes(h)
        );
    }
    let _ = writeln!(w);

    // Scaling.
    let _ = writeln!(w, "## Corpus scaling: analyse + compare\n");
    let _ = writeln!(
        w,
        "`analyze_corpus` split into its halves: every `analyze_document`, then `finish` (compare). \
         Per-article cost should stay flat for linear growth; a compare cost per article that grows \
         with the number of articles means quadratic (pairwise) work.\n"
    );
    let _ = writeln!(w, "| Articles | Analysed | Words | Analyse | Compare | Total | Analyse words/s | Analyse per article | Compare per article | Compare per article vs first row | Peak heap |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let first_cmp = scale.first().map(|s| secs(s.compare) / s.n as f64);
    for s in scale {
        let cpa = secs(s.compare) / s.n as f64;
        let growth = match first_cmp {
            Some(f) if f > 0.0 => format!("{:.1} x", cpa / f),
            _ => "-".into(),
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {:.3} s | {:.3} s | {:.3} s | {} | {:.1} µs | {:.1} µs | {} | {} |",
            fmt_int(s.n as f64),
            fmt_int(s.ok as f64),
            fmt_int(s.words as f64),
            secs(s.analyse),
            secs(s.compare),
            secs(s.analyse + s.compare),
            fmt_int(s.words as f64 / secs(s.analyse).max(1e-9)),
            secs(s.analyse) * 1e6 / s.n as f64,
            cpa * 1e6,
            growth,
            fmt_bytes(s.peak_heap)
        );
    }
    for (n, p) in skipped {
        let _ = writeln!(
            w,
            "| {} | skipped: projected {:.0} s per run (budget {:.0} s) | | | | | | | | | |",
            fmt_int(*n as f64),
            p,
            args.budget
        );
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "### How the comparison is blocked\n");
    let _ = writeln!(
        w,
        "Comparing every document, actor, figure or quote with every other grows with the square of the corpus; \
         `compare` never does. Candidates are found through keys, and only candidates are scored:\n\n\
         - **Actors** (`compare/actors.rs`): union-find over exact keys in one map (gazetteer key such as a country's \
           ISO code; case- and hyphen-folded full names and aliases; acronym + head word for organisations). Persons are \
           grouped by surname, and first names are compared only inside one surname's group; a lone surname or given \
           name is looked up in that index. No all-pairs scan over entities.\n\
         - **Figures** (`compare/groups.rs`): split into blocks by unit class (money, percent, count, ... and whether \
           the sentence describes a change); inside a block an inverted index over context stems; a stem shared by more \
           than a capped number of figures (half the block, at most 100) is too common to mean \"the same measure\" and \
           yields no pairs. Only pairs that share a rare stem are scored (shared stems, comparable magnitude).\n\
         - **Quotes**: content stems with their document frequency; each quote probes the posting lists of its six \
           rarest stems (prefix filtering, lists capped at 6-30 entries), so candidates per quote are bounded and the \
           total is linear in the number of quotes.\n\
         - **Issues, stances, conflicts, blindspots**: keyed maps (one key stem per claim; per actor; per issue), \
           linear in the number of claims.\n\n\
         The corpus here repeats its {} source articles, so every story occurs many times: the worst case for these \
         indexes (every key has many members). The per-article compare cost above staying near the first row is the \
         check that no quadratic step remains.\n",
        articles.len()
    );

    // Browser and wasm.
    let _ = writeln!(w, "## Browser and wasm size\n");
    if wasm.is_empty() {
        let _ = writeln!(
            w,
            "No `dist/*.wasm` found: build the web app (`trunk build --release`) and rerun.\n"
        );
    } else {
        let _ = writeln!(
            w,
            "| File | Raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|"
        );
        for x in wasm {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} |",
                x.file,
                fmt_bytes(x.raw),
                fmt_bytes(x.gzip),
                fmt_bytes(x.brotli)
            );
        }
        let (r, g): (usize, usize) = (
            wasm.iter().map(|x| x.raw).sum(),
            wasm.iter().map(|x| x.gzip).sum(),
        );
        let _ = writeln!(
            w,
            "| **total** | {} | {} | {} |\n",
            fmt_bytes(r),
            fmt_bytes(g),
            fmt_bytes(brotli_total)
        );
    }
    match browser {
        Some(b) => render_browser(w, b, pipes.first().map(|p| p.wps(p.full))),
        None => {
            let _ = writeln!(
                w,
                "No `tests/e2e/output/browser-bench.json` yet: build the web app (`trunk build --release --offline`) and \
                 run `node scripts/browser-bench.mjs` (or `scripts/bench.sh`, which runs it when `dist/` exists).\n"
            );
        }
    }

    // Method.
    let _ = writeln!(w, "## Method\n");
    let _ = writeln!(
        w,
        "- Corpus: the example articles (`corpus/korea-oil`) and the PolNeAR dev articles, as plain text, \
           repeated in order to the target size; each repetition is a separate input file (one-document row: \
           all joined by blank lines into a single input).\n\
         - Words: whitespace-separated runs containing a letter or digit, counted on the input, so that \
           words/s does not depend on the segmenter.\n\
         - Full pipeline = `analyze_document` (ingest .. stance, plus assembling the `DocAnalysis`). Per stage: \
           the stage functions called in `analyze_cleaned` order, each timed on its own.\n\
         - Lazily built regexes and lexicons are built in a warm-up run before timing.\n\
         - Memory: a counting global allocator (peak live heap in a phase minus the heap live when it began), and \
           `VmHWM` from `/proc/self/status`.\n\
         - The repeated articles make the comparison see many identical documents, a heavier case for \
           quote/figure grouping than a typical corpus of one story.\n\
         - Single thread, no pinning (`BENCH_CPU=N scripts/bench.sh` pins with taskset); other processes on the \
           machine add noise (medians reduce it).\n\
         - Profiling: `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release -p parallax-bench`, then \
           `valgrind --tool=callgrind --toggle-collect=parallax_bench::run_pipeline target/release/parallax-bench --profile --runs 1` and \
           `callgrind_annotate --inclusive=yes callgrind.out.*` (the `--profile` mode runs only the full pipeline \
           over the 1 MB corpus, after a warm-up the toggle leaves out, so the count is the steady state; \
           `--profile-one` does the same on the one 1 MB document). Instruction counts are far less noisy than \
           times on a shared machine. `--native` prints the native tables alone, and `--dump FILE` writes every \
           article's analysis as JSON lines, to check that a speed-up leaves the output byte-identical."
    );
    o
}
