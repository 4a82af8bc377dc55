//! `parallax`: the command-line shell around `parallax-core`.
//!
//! - `parallax analyze FILE... [--json] [--csv DIR] [--report FILE.html|FILE.md]`: full
//!   analysis (per document + comparison), optionally exported as one CSV per table and
//!   as a report (`parallax_core::export`, the same bytes the web app downloads).
//! - `parallax extract --jsonl`: streaming, one `{"id","text"}` record per input line
//!   to one document analysis per output line, constant memory (GNU parallel, Spark's
//!   `RDD.pipe`).
//! - `parallax eval ...`: scores Parallax on the benchmarks in `../shared`.

use clap::{Parser, Subcommand};
use parallax_core::{analyze_corpus, Input, Options};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod eval;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "How several news sources tell the same story"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse and compare article files (txt, md, html); prints the analysis.
    Analyze {
        /// Files or directories (directories are read non-recursively, sorted).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the full analysis JSON (default: a short text summary).
        #[arg(long)]
        json: bool,
        /// Write the JSON here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write one CSV per table (sources, stances, figures, figure_groups, quotes,
        /// quote_groups, differences) into this directory (created if missing).
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// Also write a self-contained report: HTML if the name ends in .html/.htm,
        /// otherwise Markdown.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Streaming extraction: reads JSONL records {"id","text"} on stdin, writes one
    /// document analysis per line on stdout.
    Extract {
        /// Read and write JSON Lines (the only mode).
        #[arg(long)]
        jsonl: bool,
    },
    /// Score Parallax on the benchmarks in ../shared and print our numbers beside the peers'.
    Eval(eval::EvalArgs),
    /// Train the learned attribution tagger on PolNeAR train and write its weights.
    TrainTagger(eval::train::TrainArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Analyze {
            files,
            json,
            output,
            csv,
            report,
        } => analyze(files, json, output, csv, report),
        Cmd::Extract { .. } => extract(),
        Cmd::Eval(args) => eval::run(args),
        Cmd::TrainTagger(args) => eval::train::run(args),
    }
}

fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{}: {e}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(p.clone());
        }
    }
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Input { name, bytes })
        })
        .collect()
}

fn analyze(
    files: Vec<PathBuf>,
    json: bool,
    output: Option<PathBuf>,
    csv: Option<PathBuf>,
    report: Option<PathBuf>,
) -> ExitCode {
    let inputs = match collect_inputs(&files) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("parallax: {e}");
            return ExitCode::from(2);
        }
    };
    let a = analyze_corpus(&inputs, &Options::default(), |p| {
        if !json || output.is_some() {
            eprintln!("[{}/{}] {}", p.done, p.total, p.file);
        }
    });
    for e in &a.errors {
        eprintln!("parallax: {}: {}", e.file, e.message);
    }
    if let Err(e) = write_exports(&a, csv.as_deref(), report.as_deref()) {
        eprintln!("parallax: {e}");
        return ExitCode::from(2);
    }
    let text = if json {
        parallax_core::to_json(&a)
    } else {
        summary(&a)
    };
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, text + "\n") {
                eprintln!("parallax: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
        None => println!("{text}"),
    }
    if a.documents.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_exports(
    a: &parallax_core::Analysis,
    csv: Option<&std::path::Path>,
    report: Option<&std::path::Path>,
) -> Result<(), String> {
    use parallax_core::export;
    if let Some(dir) = csv {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (name, text) in export::csv_tables(a) {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if let Some(path) = report {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let text = if ext == "html" || ext == "htm" {
            export::html_report(a)
        } else {
            export::markdown_report(a)
        };
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn summary(a: &parallax_core::Analysis) -> String {
    let mut s = String::new();
    for d in &a.documents {
        s += &format!(
            "{}\n  title: {}\n  outlet: {}  author: {}  date: {}\n  {} words, {} figures, {} quotes, {} actors\n",
            d.file,
            d.title.as_deref().unwrap_or("-"),
            d.outlet.as_deref().unwrap_or("-"),
            d.author.as_deref().unwrap_or("-"),
            d.published.as_deref().unwrap_or("-"),
            d.words,
            d.figures.len(),
            d.quotes.len(),
            d.entities.len()
        );
    }
    s += &format!(
        "{} actors, {} issues, {} stances, {} figure groups, {} quote groups, {} conflicts",
        a.actors.len(),
        a.issues.len(),
        a.stances.len(),
        a.figure_groups.len(),
        a.quote_groups.len(),
        a.conflicts.len()
    );
    s
}

#[derive(serde::Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
}

fn extract() -> ExitCode {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let limits = parallax_core::Limits::default();
    let mut failed = false;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("parallax: stdin: {e}");
                return ExitCode::from(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let value = match serde_json::from_str::<Record>(&line) {
            Ok(rec) => {
                let name = match &rec.id {
                    serde_json::Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                let input = Input {
                    name,
                    bytes: rec.text.into_bytes(),
                };
                match parallax_core::analyze_document(&input, &limits) {
                    Ok(doc) => serde_json::json!({"id": rec.id, "document": doc}),
                    Err(e) => serde_json::json!({"id": rec.id, "error": e}),
                }
            }
            Err(e) => {
                failed = true;
                serde_json::json!({"line": n + 1, "error": {"code": "bad_record", "message": format!("expected {{\"id\",\"text\"}}: {e}")}})
            }
        };
        if serde_json::to_writer(&mut out, &value).is_err() || out.write_all(b"\n").is_err() {
            return ExitCode::SUCCESS; // downstream closed the pipe
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
