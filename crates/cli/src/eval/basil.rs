//! Benchmark: BASIL (see ../shared/bench/README.md): same-story triplets from Fox News,
//! The New York Times and HuffPost, annotated with each article's feeling toward its
//! main entities (`author_feeling_<Entity>`: pos / neu / neg).
//!
//! For each article and main entity we derive Parallax's polarity toward the entity from
//! what the pipeline extracted: stance claims whose target names the entity (support
//! +2, oppose -2) plus the evaluative (VADER) words in sentences that name it, averaged
//! per such sentence. The score is mapped to pos/neu/neg with a fixed margin. Scored as
//! macro-F1 over the three classes against the annotators' article-level label; the
//! majority-class baseline (always the most frequent label) is printed beside it, and a
//! second view uses the majority polarity of the annotated spans aimed at the entity.
//! No peer has published this measure.

use super::{Row, Section};
use parallax_core::{analyze_document, Input, Limits, Polarity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
}

fn collapse(v: &str) -> Option<&'static str> {
    match v {
        "pos" | "str-pos" | "positive" => Some("pos"),
        "neg" | "str-neg" | "negative" => Some("neg"),
        "neu" | "neutral" => Some("neu"),
        _ => None,
    }
}

/// Macro-F1 over pos/neu/neg.
fn macro_f1(pairs: &[(&str, &str)]) -> f64 {
    let mut f = 0.0;
    for c in ["pos", "neu", "neg"] {
        let tp = pairs.iter().filter(|(g, p)| *g == c && *p == c).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| *g != c && *p == c).count() as f64;
        let fnn = pairs.iter().filter(|(g, p)| *g == c && *p != c).count() as f64;
        let pr = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let rc = if tp + fnn > 0.0 { tp / (tp + fnn) } else { 0.0 };
        f += if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        };
    }
    f / 3.0
}

fn majority<'a>(golds: &[&'a str]) -> &'a str {
    let mut c: BTreeMap<&str, usize> = BTreeMap::new();
    for g in golds {
        *c.entry(g).or_default() += 1;
    }
    c.into_iter()
        .max_by_key(|x| x.1)
        .map(|x| x.0)
        .unwrap_or("neu")
}

/// Parallax's polarity toward `entity` in one analysed article.
fn predict(d: &parallax_core::DocAnalysis, entity: &str) -> &'static str {
    let last = entity
        .split_whitespace()
        .last()
        .unwrap_or(entity)
        .to_lowercase();
    let lex = parallax_core::stance::lexicon();
    let mut score = 0.0f64;
    for c in &d.claims {
        if c.target.to_lowercase().contains(&last) {
            score += match c.polarity {
                Polarity::Support => 2.0,
                Polarity::Oppose => -2.0,
                _ => 0.0,
            };
        }
    }
    let mut sents = 0usize;
    let mut val = 0i64;
    for s in &d.sentences {
        let t = s.span.text(&d.body).to_lowercase();
        if !t.contains(&last) {
            continue;
        }
        sents += 1;
        for w in t.split(|c: char| !c.is_alphabetic()) {
            val += lex.evaluative(w) as i64;
        }
    }
    if sents > 0 {
        score += val as f64 / sents as f64;
    }
    if score > 0.6 {
        "pos"
    } else if score < -0.6 {
        "neg"
    } else {
        "neu"
    }
}

pub fn run(shared: &Path) -> Result<Section, String> {
    let root = shared.join("bench/basil");
    let mut arts = Vec::new();
    files(&root.join("articles"), &mut arts);
    arts.sort();
    if arts.is_empty() {
        return Err(format!(
            "no articles under {}",
            root.join("articles").display()
        ));
    }
    let mut pairs: Vec<(&'static str, &'static str)> = Vec::new();
    let mut span_pairs: Vec<(&'static str, &'static str)> = Vec::new();
    let mut per_source: BTreeMap<String, Vec<(&'static str, &'static str)>> = BTreeMap::new();
    let mut failed = 0usize;
    let mut story_docs: Vec<(String, parallax_core::DocAnalysis)> = Vec::new();
    for p in &arts {
        let a: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?;
        let rel = p.strip_prefix(root.join("articles")).unwrap();
        let ann_path = root.join("annotations").join(rel.with_file_name(format!(
            "{}_ann.json",
            p.file_stem().unwrap().to_string_lossy()
        )));
        let Ok(ann) = std::fs::read_to_string(&ann_path) else {
            continue;
        };
        let ann: serde_json::Value = serde_json::from_str(&ann).map_err(|e| e.to_string())?;
        let mut text = String::new();
        if let Some(t) = a["title"].as_str() {
            text.push_str(t);
            text.push_str("\n\n");
        }
        for para in a["body-paragraphs"].as_array().into_iter().flatten() {
            for s in para.as_array().into_iter().flatten() {
                text.push_str(s.as_str().unwrap_or(""));
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        let input = Input {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: text.into_bytes(),
        };
        // a panic in one stage must not hide the whole benchmark: count it and go on
        let res = std::panic::catch_unwind(|| analyze_document(&input, &Limits::default()));
        let Ok(Ok(doc)) = res else {
            failed += 1;
            continue;
        };
        let source = a["source"].as_str().unwrap_or("?").to_lowercase();
        let story = p
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .rsplit_once('_')
            .map(|x| x.0.to_string())
            .unwrap_or_default();
        story_docs.push((story, doc.clone()));
        for e in a["main-entities"].as_array().into_iter().flatten() {
            let Some(name) = e.as_str() else { continue };
            let key = format!("author_feeling_{}", name.replace(' ', "_"));
            let pred = predict(&doc, name);
            if let Some(g) = ann["article-level-annotations"][&key]
                .as_str()
                .and_then(collapse)
            {
                pairs.push((g, pred));
                per_source
                    .entry(source.clone())
                    .or_default()
                    .push((g, pred));
            }
            // span view: majority polarity of annotated spans aimed at the entity
            let tgt = name.replace(' ', "_");
            let (mut pos, mut neg) = (0, 0);
            for sp in ann["phrase-level-annotations"]
                .as_array()
                .into_iter()
                .flatten()
            {
                if sp["target"].as_str() == Some(tgt.as_str()) {
                    match sp["polarity"].as_str() {
                        Some("pos") => pos += 1,
                        Some("neg") => neg += 1,
                        _ => {}
                    }
                }
            }
            let g = if pos > neg {
                "pos"
            } else if neg > pos {
                "neg"
            } else {
                "neu"
            };
            span_pairs.push((g, pred));
        }
    }
    if pairs.is_empty() {
        return Err("no annotated article/entity pairs".into());
    }
    let base = |ps: &[(&'static str, &'static str)]| {
        let golds: Vec<&str> = ps.iter().map(|x| x.0).collect();
        let m = majority(&golds);
        let bp: Vec<(&str, &str)> = ps.iter().map(|x| (x.0, m)).collect();
        (macro_f1(&bp), m)
    };
    let (b1, m1) = base(&pairs);
    let (b2, m2) = base(&span_pairs);
    let f = |x: f64| format!("{:.3}", x);
    let acc = pairs.iter().filter(|(g, p)| g == p).count() as f64 / pairs.len() as f64;
    let mut rows = vec![
        Row::new(
            "entity polarity macro-F1 (author_feeling)",
            f(macro_f1(&pairs)),
            &[("majority class", &format!("{} ({m1})", f(b1)))],
        ),
        Row::new("entity polarity accuracy (author_feeling)", f(acc), &[]),
        Row::new(
            "entity polarity macro-F1 (span majority)",
            f(macro_f1(&span_pairs)),
            &[("majority class", &format!("{} ({m2})", f(b2)))],
        ),
    ];
    for (src, ps) in &per_source {
        rows.push(Row::new(&format!("macro-F1 {src}"), f(macro_f1(ps)), &[]));
    }
    // same-story grouping: pairwise precision / recall / F1 of the stories
    let gold: Vec<&str> = story_docs.iter().map(|x| x.0.as_str()).collect();
    let docs: Vec<parallax_core::DocAnalysis> = story_docs.iter().map(|x| x.1.clone()).collect();
    let analysis = parallax_core::finish(docs.clone(), Vec::new(), &Default::default());
    let mut story_of = vec![0usize; docs.len()];
    for (si, st) in analysis.stories.iter().enumerate() {
        for f in &st.documents {
            if let Some(i) = docs.iter().position(|d| &d.file == f) {
                story_of[i] = si;
            }
        }
    }
    let (sp, sr, sf) = pair_scores(&gold, &story_of);
    rows.push(Row::new(
        "same-story pairs P / R / F1",
        format!("{} / {} / {}", f(sp), f(sr), f(sf)),
        &[],
    ));
    rows.push(Row::new(
        "stories found / gold stories",
        format!(
            "{} / {}",
            analysis.stories.len(),
            gold.iter().collect::<std::collections::BTreeSet<_>>().len()
        ),
        &[],
    ));
    let sims = parallax_core::compare::stories::similar_pairs(&docs, 0.0);
    let mut sweep = Vec::new();
    for t in [0.1, 0.15, 0.2, 0.25, 0.3, 0.4] {
        let comp = components(
            docs.len(),
            sims.iter().filter(|x| x.2 >= t).map(|x| (x.0, x.1)),
        );
        let (_, _, f1) = pair_scores(&gold, &comp);
        sweep.push(format!("{t}: {}", f(f1)));
    }
    Ok(Section {
        title: "BASIL entity polarity (same story, three outlets)".into(),
        about: "Per article and main entity: Parallax's polarity toward the entity (stance claims aimed at it plus evaluative words around it) vs the annotators' article-level feeling; macro-F1 over pos/neu/neg. No peer has published this; the majority-class baseline is shown.".into(),
        rows,
        notes: vec![
            format!("{} article/entity pairs; {} articles failed to analyse", pairs.len(), failed),
            format!(
                "Same-story grouping (`compare::stories`, threshold {}): all {} articles analysed as one corpus; pairs of articles put in one story vs BASIL's triplets. Pairwise F1 by cosine threshold: {}.",
                parallax_core::compare::stories::THRESHOLD,
                gold.len(),
                sweep.join(", ")
            ),
        ],
    })
}

/// Connected components of `n` items under `edges` (union-find); the component index of each item.
fn components(n: usize, edges: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut p: Vec<usize> = (0..n).collect();
    for (a, b) in edges {
        let (ra, rb) = (find(&mut p, a), find(&mut p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    (0..n).map(|i| find(&mut p, i)).collect()
}

/// Pairwise precision, recall and F1 of a clustering against gold labels.
fn pair_scores<G: PartialEq, P: PartialEq>(gold: &[G], pred: &[P]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            match (gold[i] == gold[j], pred[i] == pred[j]) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fnn += 1,
                _ => {}
            }
        }
    }
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fnn > 0 {
        tp as f64 / (tp + fnn) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
