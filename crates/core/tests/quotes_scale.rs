//! Attribution stays linear on long input: one document made of many PolNeAR train
//! articles must not take much longer per byte than the articles one by one.
//! Skipped when the benchmark is not beside the repo. No timing is asserted; the
//! test prints both rates (run with --nocapture) and checks the outputs agree in size.
use parallax_core::{attribute, segment};
use std::path::Path;
use std::time::Instant;

#[test]
fn long_document_scales() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/polnear/train/text");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut names: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .take(120)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let t0 = Instant::now();
    let mut n_single = 0;
    for t in &texts {
        let seg = segment::segment(t);
        n_single += attribute::attribute(t, &seg, &mut Vec::new(), &[]).len();
    }
    let single = t0.elapsed();
    let big = texts.join("\n");
    let seg = segment::segment(&big);
    let t1 = Instant::now();
    let n_big = attribute::attribute(&big, &seg, &mut Vec::new(), &[]).len();
    let joined = t1.elapsed();
    eprintln!("{} bytes: per-article {:?} (with segment), one document {:?}; quotes {n_single} vs {n_big}", big.len(), single, joined);
    assert!(n_big * 10 >= n_single * 9 && n_big * 10 <= n_single * 11);
}
