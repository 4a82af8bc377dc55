//! Actor mentions against PolNeAR dev sources: how many annotated source phrases that
//! contain a capitalised word overlap a recognised mention (a recall proxy for speaker
//! resolution), and throughput. Skipped when the benchmark is not beside the repository.

use parallax_core::lexicon::gazetteer;
use parallax_core::recognise::actors::recognise;
use parallax_core::segment::segment;
use std::path::PathBuf;

#[test]
fn polnear_dev_source_coverage() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/polnear/dev");
    if !dir.exists() {
        return;
    }
    let (mut n, mut hit, mut ents, mut docs) = (0usize, 0usize, 0usize, 0usize);
    let mut files: Vec<_> = std::fs::read_dir(dir.join("attributions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut seen = std::collections::BTreeSet::new();
    let (mut elapsed, mut words) = (std::time::Duration::ZERO, 0usize);
    for ann in files {
        let stem = ann.file_stem().unwrap().to_string_lossy().to_string();
        let base = stem
            .rsplit_once('_')
            .map(|x| x.0.to_string())
            .unwrap_or(stem.clone());
        if !seen.insert(base.clone()) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{base}.txt"))) else {
            continue;
        };
        let seg = segment(&text);
        let t0 = std::time::Instant::now();
        let (es, ms) = recognise(&text, &seg, gazetteer());
        elapsed += t0.elapsed();
        words += text.split_whitespace().count();
        ents += es.len();
        docs += 1;
        // brat offsets are in characters
        let cb: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        for line in std::fs::read_to_string(&ann).unwrap().lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 || !f[1].starts_with("Source ") {
                continue;
            }
            let nums: Vec<usize> = f[1]
                .split(|c: char| c == ' ' || c == ';')
                .filter_map(|x| x.parse().ok())
                .collect();
            if nums.len() < 2 || nums[1] >= cb.len() {
                continue;
            }
            let (s, e) = (cb[nums[0]], cb[nums[nums.len() - 1]]);
            let t = f[2];
            if !t
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
                || t.split_whitespace().count() > 8
            {
                continue;
            }
            n += 1;
            if ms.iter().any(|m| m.span.start < e && s < m.span.end) {
                hit += 1;
            } else if std::env::var("SHOW").is_ok() {
                eprintln!("miss: {t:?}");
            }
        }
    }
    eprintln!("polnear dev: {docs} docs, {ents} entities, capitalised sources covered {hit}/{n}");
    // informational only (no timed assertion): recogniser throughput
    eprintln!(
        "recognise: {words} words in {elapsed:?} ({:.0} words/s)",
        words as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    assert!(n == 0 || hit * 100 >= n * 50, "source coverage {hit}/{n}");
}
