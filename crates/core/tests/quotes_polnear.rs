//! Real-text check of quote attribution on PolNeAR dev (../shared/bench/polnear/dev):
//! direct quotes (gold contents that begin with a double quote mark) must be found
//! with content overlap >= 0.5 in at least 93 % of cases, and 93 % of our direct quotes
//! must overlap an annotated content (fragment). Skipped when the benchmark is not beside the repo.
use parallax_core::{attribute, lexicon, recognise, segment, QuoteKind, Span};
use std::path::Path;

fn overlap(a: Span, b: Span) -> f64 {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    shared as f64 / a.len().max(b.len()).max(1) as f64
}

#[test]
fn polnear_dev_direct_quotes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/polnear/dev");
    let Ok(rd) = std::fs::read_dir(dir.join("attributions")) else {
        eprintln!("PolNeAR dev not found; skipped");
        return;
    };
    let mut anns: Vec<_> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    anns.sort();
    let mut seen = std::collections::BTreeSet::new();
    let (mut gold_n, mut found, mut pred_n, mut pred_hit) = (0, 0, 0, 0);
    for ann in anns {
        let art = ann
            .trim_end_matches(".ann")
            .rsplit_once('_')
            .unwrap()
            .0
            .to_string();
        if !seen.insert(art.clone()) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{art}.txt"))) else {
            continue;
        };
        let a = std::fs::read_to_string(dir.join("attributions").join(&ann)).unwrap();
        let c2b: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut contents = Vec::new();
        for line in a.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 || !f[1].starts_with("Content ") {
                continue;
            }
            let nums: Vec<usize> = f[1][8..]
                .split([' ', ';'])
                .filter_map(|x| x.parse().ok())
                .collect();
            // discontinuous contents: one span per fragment
            for pair in nums.chunks(2).filter(|p| p.len() == 2 && p[0] < p[1]) {
                contents.push(Span::new(
                    c2b[pair[0].min(c2b.len() - 1)],
                    c2b[pair[1].min(c2b.len() - 1)],
                ));
            }
        }
        let seg = segment::segment(&text);
        let (mut ents, ments) = recognise::actors::recognise(&text, &seg, lexicon::gazetteer());
        let quotes = attribute::attribute(&text, &seg, &mut ents, &ments);
        for q in &quotes {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert_eq!(&text[q.span.start..q.span.end], q.text);
        }
        for g in &contents {
            if !g.text(&text).starts_with(['“', '"']) {
                continue;
            }
            gold_n += 1;
            if quotes
                .iter()
                .any(|q| q.kind != QuoteKind::Indirect && overlap(*g, q.span) >= 0.5)
            {
                found += 1;
            }
        }
        for q in quotes.iter().filter(|q| q.kind == QuoteKind::Direct) {
            pred_n += 1;
            if contents.iter().any(|g| g.overlaps(q.span)) {
                pred_hit += 1;
            } else if std::env::var_os("QDBG").is_some() {
                eprintln!("{art}: {:?}", &q.text[..q.text.len().min(80)]);
            }
        }
    }
    assert!(gold_n > 100, "too few gold direct quotes: {gold_n}");
    let r = found as f64 / gold_n as f64;
    let p = pred_hit as f64 / pred_n as f64;
    eprintln!(
        "direct recall {r:.3} ({found}/{gold_n}), direct in gold {p:.3} ({pred_hit}/{pred_n})"
    );
    assert!(r >= 0.93, "direct recall {r:.3}");
    assert!(p >= 0.93, "direct precision {p:.3}");
}
