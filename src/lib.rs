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
//! that.

use parallax_core::{Analysis, FileError, Input, Options, Progress};
use serde::{Deserialize, Serialize};

/// A message from the worker to the page, sent as a JSON string.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkerMsg {
    /// The worker has installed its message handler and accepts requests.
    Ready,
    /// One file of request `id` is done; `error` is set when it could not be analysed.
    Progress { id: u32, progress: Progress, error: Option<FileError> },
    /// Request `id` is finished.
    Done { id: u32, analysis: Analysis },
}

impl WorkerMsg {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("worker message serialises")
    }
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
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}/manifest.json")).unwrap()).unwrap();
        let mut inputs: Vec<Input> = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let name = f.as_str().unwrap().to_string();
                Input { bytes: std::fs::read(format!("{dir}/{name}")).unwrap(), name }
            })
            .collect();
        // A file that must fail, to exercise the per-file error path.
        inputs.push(Input { name: "empty.txt".into(), bytes: Vec::new() });
        inputs
    }

    #[test]
    fn streaming_equals_analyze_corpus() {
        let inputs = corpus();
        let opts = Options::default();
        let mut seen = Vec::new();
        let a = analyze_streaming(&inputs, &opts, |p, e| seen.push((p.done, e.map(|e| e.file.clone()))));
        let b = parallax_core::analyze_corpus(&inputs, &opts, |_| {});
        assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
        assert_eq!(seen.len(), inputs.len());
        assert_eq!(seen.last().unwrap(), &(inputs.len(), Some("empty.txt".to_string())));
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

    #[test]
    fn messages_round_trip() {
        let m = WorkerMsg::Progress {
            id: 3,
            progress: Progress { done: 1, total: 2, file: "a.txt".into() },
            error: None,
        };
        let back: WorkerMsg = serde_json::from_str(&m.to_json()).unwrap();
        assert!(matches!(back, WorkerMsg::Progress { id: 3, .. }));
        assert_eq!(WorkerMsg::Ready.to_json(), r#"{"kind":"ready"}"#);
    }

    #[test]
    fn values_format_without_float_noise() {
        assert_eq!(format_value(2300000.0), "2,300,000");
        assert_eq!(format_value(0.1 + 0.2), "0.3");
        assert_eq!(format_value(-1234.5), "-1,234.5");
        assert_eq!(format_value(7.0), "7");
    }
}
