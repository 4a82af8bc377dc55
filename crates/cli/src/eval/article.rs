//! Benchmark: article extraction (scrapinghub/article-extraction-benchmark, 181 saved
//! pages). Main text is extracted by the product's own path (ingest -> clean) and
//! scored as the benchmark scores its peers: `\w+` tokens, word 4-gram shingles
//! counted with multiplicity, per-page tp/fp/fn normalised by their sum, precision and
//! recall averaged over pages, F1 from the two means.

use super::{Row, Section};
use flate2::read::GzDecoder;
use parallax_core::{clean, ingest, Input, Limits};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

fn tokens(s: &str) -> Vec<&str> {
    // `\w+` in Python's Unicode sense: letters, digits, marks and underscore.
    s.split(|c: char| !(c.is_alphanumeric() || c == '_' || unicode_mark(c)))
        .filter(|t| !t.is_empty())
        .collect()
}

fn unicode_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn shingles(s: &str) -> BTreeMap<String, usize> {
    let t = tokens(s);
    let mut m = BTreeMap::new();
    let n = 4;
    let last = if t.len() >= n { t.len() - n + 1 } else { 1 };
    for i in 0..last {
        let sh = t[i..(i + n).min(t.len())].join(" ");
        if !sh.is_empty() {
            *m.entry(sh).or_insert(0) += 1;
        }
    }
    m
}

/// (precision, recall) of one page.
pub fn page_pr(truth: &str, pred: &str) -> (f64, f64) {
    let (a, b) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &tc) in &a {
        let pc = b.get(k).copied().unwrap_or(0);
        tp += tc.min(pc);
        fn_ += tc.saturating_sub(pc);
    }
    for (k, &pc) in &b {
        fp += pc.saturating_sub(a.get(k).copied().unwrap_or(0));
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 {
        return (1.0, 1.0);
    }
    let (tp, fp, fn_) = (tp as f64 / s, fp as f64 / s, fn_ as f64 / s);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    (p, r)
}

/// The extracted main text of one saved page, as the product produces it.
pub fn extract(name: &str, bytes: Vec<u8>) -> String {
    let input = Input {
        name: name.to_string(),
        bytes,
    };
    match ingest::ingest(&input, &Limits::default()) {
        Ok(d) => {
            let c = clean::clean(&d);
            c.body
        }
        Err(_) => String::new(),
    }
}

pub fn run(shared: &Path) -> Result<Section, String> {
    let dir = shared.join("bench/article-extraction");
    let gt: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json"))
            .map_err(|e| format!("ground-truth.json: {e}"))?,
    )
    .map_err(|e| e.to_string())?;
    let gt = gt.as_object().ok_or("ground-truth.json: not an object")?;
    let (mut ps, mut rs) = (0.0, 0.0);
    let mut n = 0usize;
    let mut worst: Vec<(f64, String)> = Vec::new();
    for (id, v) in gt {
        let truth = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut raw = Vec::new();
        let f = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        GzDecoder::new(f)
            .read_to_end(&mut raw)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let pred = extract(&format!("{id}.html"), raw);
        let (p, r) = page_pr(truth, &pred);
        ps += p;
        rs += r;
        n += 1;
        worst.push((
            2.0 * p * r / (p + r).max(1e-9),
            format!("{id} P={p:.2} R={r:.2}"),
        ));
    }
    if n == 0 {
        return Err("no pages".into());
    }
    let (p, r) = (ps / n as f64, rs / n as f64);
    let f1 = 2.0 * p * r / (p + r);
    worst.sort_by(|a, b| {
        a.0.partial_cmp(&b.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    if std::env::var_os("PARALLAX_EVAL_VERBOSE").is_some() {
        for (_, w) in &worst {
            eprintln!("  worst: {w}");
        }
    }
    Ok(Section {
        title: "Article extraction (scrapinghub article-extraction-benchmark)".into(),
        about: format!("Main text of {n} saved news pages; word 4-gram shingle precision/recall averaged per page."),
        rows: vec![
            Row::new(
                "F1",
                format!("{f1:.3}"),
                &[("rs_trafilatura", "0.970"), ("trafilatura", "0.958"), ("readability.js", "0.947"), ("dom_smoothie 0.14", "0.865"), ("html-text", "0.665")],
            ),
            Row::new("precision", format!("{p:.3}"), &[("dom_smoothie 0.14", "0.785")]),
            Row::new("recall", format!("{r:.3}"), &[("dom_smoothie 0.14", "0.963")]),
        ],
        notes: vec![],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_metric() {
        assert_eq!(page_pr("a b c d e", "a b c d e"), (1.0, 1.0));
        let (p, r) = page_pr("a b c d e", "a b c d");
        assert!(p == 1.0 && r == 0.5);
    }
}
