//! Parallax analysis core.
//!
//! A pipeline of small stages, each a pure function from plain data to plain data
//! (see [`model`]):
//!
//! ```text
//! Input bytes --ingest--> Decoded --clean--> Cleaned (metadata + body)
//!   --segment--> Segmented (paragraphs, sentences, tokens)
//!   --recognise--> entities + mentions, figures
//!   --attribute--> quotes with speakers
//!   --stance--> stance claims (actor, target phrase, polarity, cue)
//! [DocAnalysis...] --compare--> actors, issues, stances, figure/quote groups, conflicts
//! ```
//!
//! The crate has no web or I/O dependencies: the CLI and the WebAssembly worker are
//! thin shells around [`analyze_corpus`] and [`compare::compare`], and give
//! byte-identical JSON for the same input (no hash-order iteration reaches output).

pub mod attribute;
pub mod clean;
pub mod compare;
pub mod export;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod recognise;
pub mod segment;
pub mod stance;
pub mod text;

pub use model::*;

/// Version string written into every analysis.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Limits enforced on input, with a per-file message when exceeded.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_file_bytes: usize,
    /// Most files in one corpus.
    pub max_files: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_files: 10_000,
        }
    }
}

/// Options for a corpus analysis.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Options {
    pub limits: Limits,
    pub compare: compare::CompareOptions,
}

/// Progress report: `done` of `total` files, and the file just finished.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub file: String,
}

/// Runs the per-document stages on one input.
pub fn analyze_document(input: &Input, limits: &Limits) -> Result<DocAnalysis, FileError> {
    let decoded = ingest::ingest(input, limits)?;
    let cleaned = clean::clean(&decoded);
    if cleaned.body.trim().is_empty() {
        return Err(FileError {
            file: input.name.clone(),
            code: "no_text".into(),
            message: "no article text was found in this file".into(),
        });
    }
    Ok(analyze_cleaned(&input.name, &decoded, cleaned))
}

/// Runs segment .. stance on an already cleaned document.
pub fn analyze_cleaned(file: &str, decoded: &Decoded, cleaned: Cleaned) -> DocAnalysis {
    let body = cleaned.body;
    let seg = segment::segment(&body);
    let gaz = lexicon::gazetteer();
    let (mut entities, mentions) = recognise::actors::recognise(&body, &seg, gaz);
    let figures = recognise::figures::recognise(&body, &seg);
    let quotes = attribute::attribute(&body, &seg, &mut entities, &mentions);
    let claims = stance::claims(&body, &seg, &entities, &mentions, &quotes);
    let words = seg
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    DocAnalysis {
        file: file.to_string(),
        title: cleaned.title,
        author: cleaned.author,
        outlet: cleaned.outlet,
        published: cleaned.published,
        format: Some(decoded.format),
        encoding: Some(decoded.encoding.clone()),
        words,
        furniture: cleaned.furniture,
        paragraphs: seg.paragraphs,
        sentences: seg.sentences,
        entities,
        mentions,
        figures,
        quotes,
        claims,
        body,
    }
}

/// Analyses every input, then compares the documents. Files that fail are reported in
/// `errors`; the others are analysed. `progress` is called after each file.
pub fn analyze_corpus(
    inputs: &[Input],
    opts: &Options,
    mut progress: impl FnMut(&Progress),
) -> Analysis {
    analyze_corpus_streaming(inputs, opts, |p, _| progress(p))
}

/// [`analyze_corpus`], reporting each file's error (if any) through `on_file` as soon as
/// that file is done, so a shell can show it while the other files are analysed.
pub fn analyze_corpus_streaming(
    inputs: &[Input],
    opts: &Options,
    mut on_file: impl FnMut(&Progress, Option<&FileError>),
) -> Analysis {
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let total = inputs.len();
    for (i, input) in inputs.iter().enumerate() {
        if i >= opts.limits.max_files {
            errors.push(FileError {
                file: input.name.clone(),
                code: "too_many_files".into(),
                message: format!(
                    "only the first {} files of a corpus are analysed",
                    opts.limits.max_files
                ),
            });
            continue;
        }
        let progress = Progress {
            done: i + 1,
            total,
            file: input.name.clone(),
        };
        match analyze_document(input, &opts.limits) {
            Ok(d) => {
                documents.push(d);
                on_file(&progress, None);
            }
            Err(e) => {
                on_file(&progress, Some(&e));
                errors.push(e);
            }
        }
    }
    finish(documents, errors, &opts.compare)
}

/// Compares analysed documents and assembles the corpus analysis. Cheap relative to
/// the per-document stages: the app calls it again when the user edits issues.
pub fn finish(
    mut documents: Vec<DocAnalysis>,
    errors: Vec<FileError>,
    copts: &compare::CompareOptions,
) -> Analysis {
    let cmp = compare::compare(&mut documents, copts);
    Analysis {
        version: VERSION.to_string(),
        documents,
        errors,
        stories: cmp.stories,
        actors: cmp.actors,
        issues: cmp.issues,
        stances: cmp.stances,
        figure_groups: cmp.figure_groups,
        quote_groups: cmp.quote_groups,
        conflicts: cmp.conflicts,
        blindspots: cmp.blindspots,
        voice: cmp.voice,
    }
}

/// Serialises an analysis as pretty JSON (the CLI's and the app's export format).
pub fn to_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).expect("analysis serialises")
}
