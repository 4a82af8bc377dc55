//! WASM == native: runs `parallax-core` inside a browser (a dedicated Web Worker in
//! headless Chromium, where the app runs it) on the bundled example corpus and checks
//! that the JSON is byte-identical to what the native CLI wrote.
//!
//! Run by `scripts/test.sh`, which first writes the native JSON to
//! `target/wasm-test/native.json` with
//! `parallax analyze www/examples/korea-oil/*.txt --json`, then runs
//! `cargo test -p parallax-web --target wasm32-unknown-unknown --test wasm` with
//! `wasm-bindgen-test-runner` and chromedriver.
#![cfg(target_arch = "wasm32")]

use parallax_core::{Input, Options};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

macro_rules! example {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../www/examples/korea-oil/", $name)) as &[u8])),*]
    };
}

const FILES: &[(&str, &[u8])] = example!(
    "000_94fada769f3b2f7f.txt",
    "001_5e4ceafd121b25c4.txt",
    "002_c0b78deaa73c8e23.txt",
    "003_1c82bf6f21a669f3.txt",
    "004_db0d157b9f312f2e.txt",
);
const MANIFEST: &str = include_str!("../www/examples/korea-oil/manifest.json");
/// The CLI's output, less the newline it ends stdout with.
const NATIVE_OUT: &str = include_str!("../target/wasm-test/native.json");

fn native() -> &'static str {
    NATIVE_OUT.strip_suffix('\n').unwrap_or(NATIVE_OUT)
}

fn inputs() -> Vec<Input> {
    FILES
        .iter()
        .map(|(n, b)| Input {
            name: n.to_string(),
            bytes: b.to_vec(),
        })
        .collect()
}

#[wasm_bindgen_test]
fn test_covers_the_whole_example_corpus() {
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).unwrap();
    let listed: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let ours: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        listed, ours,
        "update FILES in tests/wasm.rs to match the example manifest"
    );
}

#[wasm_bindgen_test]
fn analyze_corpus_json_equals_native() {
    let a = parallax_core::analyze_corpus(&inputs(), &Options::default(), |_| {});
    assert_eq!(a.documents.len(), FILES.len());
    let json = parallax_core::to_json(&a);
    let native = native();
    assert!(
        json == native,
        "WASM JSON differs from native JSON (first difference at byte {})",
        json.bytes()
            .zip(native.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(json.len().min(native.len()))
    );
}

#[wasm_bindgen_test]
fn worker_streaming_path_json_equals_native() {
    let mut progress = Vec::new();
    let a = parallax_web::analyze_streaming(&inputs(), &Options::default(), |p, e| {
        progress.push((p.done, p.total, e.is_some()))
    });
    assert_eq!(
        progress,
        (1..=FILES.len())
            .map(|i| (i, FILES.len(), false))
            .collect::<Vec<_>>()
    );
    assert!(
        parallax_core::to_json(&a) == native(),
        "worker path JSON differs from native JSON"
    );
}

#[wasm_bindgen_test]
fn worker_messages_survive_the_json_round_trip() {
    let a = parallax_web::analyze_streaming(&inputs(), &Options::default(), |_, _| {});
    let msg = parallax_web::WorkerMsg::Done { id: 7, analysis: a };
    let back: parallax_web::WorkerMsg = serde_json::from_slice(&msg.to_json_bytes()).unwrap();
    match back {
        parallax_web::WorkerMsg::Done { id, analysis } => {
            assert_eq!(id, 7);
            assert_eq!(analysis.documents.len(), FILES.len());
        }
        _ => panic!("wrong message kind"),
    }
}

#[wasm_bindgen_test]
fn worker_engine_json_equals_native_and_recompares() {
    use parallax_web::{Engine, SourceSpec};
    let sources: Vec<(SourceSpec, Vec<u8>)> = inputs()
        .into_iter()
        .map(|i| {
            (
                SourceSpec {
                    name: i.name,
                    rejected: None,
                },
                i.bytes,
            )
        })
        .collect();
    let mut engine = Engine::default();
    let a = engine.analyze(&sources, &[], |_, _, _| {});
    assert!(
        parallax_core::to_json(&a) == native(),
        "engine path JSON differs from native JSON"
    );
    // A second run is served from the cache and still equals native.
    let mut cached = 0;
    let b = engine.analyze(&sources, &[], |_, _, c| cached += c as usize);
    assert_eq!(cached, FILES.len());
    assert!(parallax_core::to_json(&b) == native());
    assert!(parallax_core::to_json(&engine.compare(&[])) == native());
}
