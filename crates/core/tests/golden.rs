//! Golden-file tests over real text.
//!
//! Each directory under `tests/golden/` holds input articles and `expected.json`, a
//! readable projection of the analysis (metadata, figures, quotes, actors, stances,
//! groups and conflicts). The test fails on any difference and lists the differing
//! paths. After an intended change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test -p parallax-core --test golden` and review the diff.

use parallax_core::{analyze_corpus, Analysis, Input, Options};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

fn projection(a: &Analysis) -> Value {
    let docs: Vec<Value> = a
        .documents
        .iter()
        .map(|d| {
            json!({
                "file": d.file,
                "title": d.title,
                "author": d.author,
                "outlet": d.outlet,
                "published": d.published,
                "paragraphs": d.paragraphs.len(),
                "sentences": d.sentences.len(),
                "furniture": d.furniture.iter().map(|f| format!("{:?}: {}", f.kind, f.text)).collect::<Vec<_>>(),
                "figures": d.figures.iter().map(|f| format!("{} = {} {}{} [{}]", f.text, f.value, f.unit,
                    f.per.as_ref().map(|p| format!("/{p}")).unwrap_or_default(), f.change)).collect::<Vec<_>>(),
                "quotes": d.quotes.iter().map(|q| format!("{:?} {:?} <- {}", q.kind, q.text,
                    q.speaker.as_deref().or(q.speaker_text.as_deref()).unwrap_or("?"))).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "documents": docs,
        "errors": a.errors.iter().map(|e| format!("{}: {}", e.file, e.code)).collect::<Vec<_>>(),
        "stories": a.stories.iter().map(|s| format!("{} [{}]: {}", s.id, s.label, s.documents.join(", "))).collect::<Vec<_>>(),
        "actors": a.actors.iter().map(|x| format!("{:?} {} {:?}", x.kind, x.name, x.aliases)).collect::<Vec<_>>(),
        "issues": a.issues.iter().map(|i| i.label.clone()).collect::<Vec<_>>(),
        "stances": a.stances.iter().map(|s| format!("{} | {} | {} | {:?} ({})", s.document, s.actor, s.issue, s.polarity, s.cue)).collect::<Vec<_>>(),
        "figure_groups": a.figure_groups.iter().map(|g| g.members.iter().map(|m| format!("{}: {}", m.document, m.text)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "quote_groups": a.quote_groups.iter().map(|g| g.members.iter().map(|m| format!("{}: {}", m.document, m.text)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "blindspots": a.blindspots.iter().map(|b| format!("{} {} {:?}: in {} / not in {}", b.story, b.kind, b.what, b.present_in.join(", "), b.missing_from.join(", "))).collect::<Vec<_>>(),
        "conflicts": a.conflicts.iter().map(|c| format!("{} {:?} {}: {:?}", c.kind, c.actor, c.about, c.values)).collect::<Vec<_>>(),
    })
}

fn run_dir(dir: &Path) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().unwrap() != "expected.json")
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| Input {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).unwrap(),
        })
        .collect();
    let got = projection(&analyze_corpus(&inputs, &Options::default(), |_| {}));
    let got_text = serde_json::to_string_pretty(&got).unwrap() + "\n";
    let expected_path = dir.join("expected.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&expected_path, &got_text).unwrap();
        return;
    }
    let want_text = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{} missing: run with UPDATE_GOLDEN=1",
            expected_path.display()
        )
    });
    if want_text != got_text {
        let want: Value = serde_json::from_str(&want_text).unwrap();
        let mut diffs = Vec::new();
        diff("", &want, &got, &mut diffs);
        panic!(
            "golden mismatch in {}:\n{}\n(UPDATE_GOLDEN=1 to accept)",
            dir.display(),
            diffs.join("\n")
        );
    }
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                diff(
                    &format!("{path}.{k}"),
                    v,
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                diff(
                    &format!("{path}[{i}]"),
                    x.get(i).unwrap_or(&Value::Null),
                    y.get(i).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        _ if a != b => out.push(format!("  {path}: expected {a} got {b}")),
        _ => {}
    }
}

#[test]
fn golden_sets() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(golden_root())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for d in dirs {
        run_dir(&d);
    }
}
