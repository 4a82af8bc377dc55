//! The example corpus (`../shared/corpus/korea-oil`) scored by the reference scorer
//! `../shared/eval/score.py` against the hand-made gold analysis. The scorer is the
//! contract, so we run it rather than re-implementing it: this needs `python3`.

use super::{Row, Section};
use parallax_core::{analyze_corpus, Input, Options};
use std::path::Path;
use std::process::Command;

pub fn run(shared: &Path) -> Result<Section, String> {
    let dir = shared.join("corpus/korea-oil");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| Input {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).unwrap_or_default(),
        })
        .collect();
    let analysis = analyze_corpus(&inputs, &Options::default(), |_| {});
    let out = std::env::temp_dir().join(format!("parallax-korea-{}.json", std::process::id()));
    std::fs::write(&out, parallax_core::to_json(&analysis)).map_err(|e| e.to_string())?;
    let res = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(shared.join("eval/gold/korea-oil.json"))
        .arg(&out)
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    let _ = std::fs::remove_file(&out);
    let stdout = String::from_utf8_lossy(&res.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("SCORE"))
        .ok_or("score.py printed no SCORE line")?;
    let goal = |k: &str| match k {
        "meta" => ">= 0.95",
        "body" => "1.00",
        "fig_p" | "fig_r" => ">= 0.95",
        "quote_p" | "quote_r" | "speaker" => ">= 0.90",
        "stance_r" => ">= 0.85",
        "stance_err" => "0",
        "cross" => "1.00",
        _ => "",
    };
    let rows = line
        .split_whitespace()
        .skip(1)
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| Row::new(k, v, &[("goal", goal(k))]))
        .collect();
    Ok(Section {
        title: "Example corpus (korea-oil, shared/eval/score.py)".into(),
        about: "Five real articles on one story; hand-made gold; scored by the reference scorer. No peer has published numbers here; the goals are the project's.".into(),
        rows,
        notes: stdout.lines().filter(|l| !l.starts_with("SCORE")).map(str::to_string).collect(),
    })
}
