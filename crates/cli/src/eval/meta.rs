//! Benchmark: metadata (title, author, date) on PolNeAR's raw article texts against
//! `polnear/metadata.tsv`. The texts are what a reader saves, so a field is scored only
//! where the text carries it: the title always (the first lines), the author when the
//! gold name occurs in the text, the date when a date in the text reads as the gold date.
//! Accuracy = exact match after whitespace/quote/case normalisation (a trailing period on
//! a headline is ignored; a partial date `--MM-DD` matches a gold date with that month-day).

use super::{Row, Section};
use parallax_core::{clean, ingest, text::fold, Input, Limits};
use std::path::Path;

fn norm(s: &str) -> String {
    // Headlines in the texts end with a period, sometimes placed inside a closing quote.
    let mut f = fold(s);
    for q in ["'", "\"", "’", "”"] {
        if f.ends_with(&format!(".{q}")) {
            f.truncate(f.len() - q.len() - 1);
            f.push_str(q);
        }
    }
    f.trim_end_matches(['.', ' ']).to_string()
}

fn words(l: &str) -> usize {
    l.split_whitespace().count()
}

fn date_ok(gold: &str, got: Option<&str>) -> bool {
    match got {
        Some(g) if g == gold => true,
        Some(g) if g.starts_with("--") => gold.len() == 10 && gold[4..] == g[1..],
        _ => false,
    }
}

pub fn run(shared: &Path) -> Result<Section, String> {
    let dir = shared.join("bench/polnear");
    let tsv = std::fs::read_to_string(dir.join("metadata.tsv"))
        .map_err(|e| format!("metadata.tsv: {e}"))?;
    let mut lines = tsv.lines();
    let head: Vec<&str> = lines
        .next()
        .ok_or("metadata.tsv: empty")?
        .split('\t')
        .collect();
    let col = |n: &str| {
        head.iter()
            .position(|h| *h == n)
            .ok_or(format!("metadata.tsv: no column {n}"))
    };
    let (cf, ca, cd, ct) = (
        col("filename")?,
        col("author")?,
        col("publication_date")?,
        col("title")?,
    );
    let (mut t_ok, mut t_n, mut a_ok, mut a_n, mut d_ok, mut d_n, mut files) =
        (0, 0, 0, 0, 0, 0, 0);
    let verbose = std::env::var_os("PARALLAX_EVAL_VERBOSE").is_some();
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() <= ct.max(ca).max(cd) {
            continue;
        }
        let name = format!("{}.txt", f[cf]);
        let path = ["train", "dev"]
            .iter()
            .map(|s| dir.join(s).join("text").join(&name))
            .find(|p| p.exists());
        let Some(path) = path else { continue };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let raw = String::from_utf8_lossy(&bytes).to_string();
        let Ok(d) = ingest::ingest(
            &Input {
                name: name.clone(),
                bytes,
            },
            &Limits::default(),
        ) else {
            continue;
        };
        let c = clean::clean(&d);
        files += 1;
        let gt = f[ct].trim();
        if !gt.is_empty() && gt != "None" {
            t_n += 1;
            let ok = c.title.as_deref().is_some_and(|t| {
                norm(t) == norm(gt)
                    || norm(gt).starts_with(&norm(t)) && norm(t).len() * 10 >= norm(gt).len() * 9
            });
            t_ok += ok as usize;
            if !ok && verbose {
                eprintln!("  title {name}: want {gt:?} got {:?}", c.title);
            }
        }
        let ga = f[ca].trim();
        let ga_name = ga.split(',').next().unwrap_or("").trim();
        // Carried: the name stands in a short line (byline, signature, author note).
        let carried = raw
            .lines()
            .any(|l| words(l) <= 45 && fold(l).contains(&fold(ga_name)) && !l.contains(['"', '“']));
        if !ga_name.is_empty() && ga_name != "None" && ga_name != "NA" && carried {
            a_n += 1;
            let ok = c
                .author
                .as_deref()
                .is_some_and(|a| fold(a) == fold(ga_name) || fold(a) == fold(ga));
            a_ok += ok as usize;
            if !ok && verbose {
                eprintln!("  author {name}: want {ga:?} got {:?}", c.author);
            }
        }
        let gd = f[cd].trim();
        if gd.len() == 10 {
            // Carried: a dateline, or a date before a wire credit "(AP) —" opening the text.
            let carried = raw.lines().take(12).any(|l| {
                let head = l
                    .find(") —")
                    .or_else(|| l.find(") -"))
                    .map_or(l, |i| &l[..i]);
                let head = if head.len() < 80 { head } else { "" };
                parallax_core::clean::date::dateline(l).is_some_and(|x| date_ok(gd, Some(&x.0)))
                    || parallax_core::clean::date::find(head)
                        .is_some_and(|x| date_ok(gd, Some(&x.iso)))
            });
            if carried {
                d_n += 1;
                let ok = date_ok(gd, c.published.as_deref());
                d_ok += ok as usize;
                if !ok && verbose {
                    eprintln!("  date {name}: want {gd:?} got {:?}", c.published);
                }
            }
        }
    }
    let pct = |a: usize, n: usize| {
        if n == 0 {
            "n/a".to_string()
        } else {
            format!("{:.3} ({a}/{n})", a as f64 / n as f64)
        }
    };
    Ok(Section {
        title: "Metadata (PolNeAR texts vs metadata.tsv)".into(),
        about: format!("{files} raw article texts; a field is scored where the text carries it. No published peers."),
        rows: vec![
            Row::new("title accuracy", pct(t_ok, t_n), &[]),
            Row::new("author accuracy", pct(a_ok, a_n), &[]),
            Row::new("date accuracy", pct(d_ok, d_n), &[]),
        ],
        notes: vec![],
    })
}
