//! End-to-end tests of the `parallax` binary: `analyze --json` on the example corpus
//! (scored by the reference scorer when `../shared` is beside the repository), and the
//! streaming `extract --jsonl` contract (one output line per record, errors per record).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/golden/korea-oil"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn analyze_json_has_the_contract_fields() {
    let out = Command::new(bin())
        .arg("analyze")
        .args(example_files())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for d in docs {
        for k in [
            "file",
            "title",
            "author",
            "outlet",
            "published",
            "body",
            "figures",
            "quotes",
        ] {
            assert!(d.get(k).is_some(), "document lacks {k}");
        }
        assert!(!d["body"].as_str().unwrap().is_empty());
    }
    for k in [
        "actors",
        "stances",
        "figure_groups",
        "quote_groups",
        "conflicts",
    ] {
        assert!(v[k].is_array(), "analysis lacks {k}");
    }
}

/// The acceptance thresholds, scored by `../shared/eval/score.py`.
#[test]
fn example_corpus_scores_at_least_the_thresholds() {
    let shared = repo().join("../shared");
    let scorer = shared.join("eval/score.py");
    if !scorer.exists() {
        eprintln!("../shared not beside the repository: skipped");
        return;
    }
    let out = Command::new(bin())
        .arg("analyze")
        .args(example_files())
        .arg("--json")
        .output()
        .unwrap();
    let path = std::env::temp_dir().join(format!("parallax-cli-test-{}.json", std::process::id()));
    std::fs::write(&path, &out.stdout).unwrap();
    let res = Command::new("python3")
        .arg(&scorer)
        .arg(shared.join("eval/gold/korea-oil.json"))
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8_lossy(&res.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("SCORE"))
        .expect("SCORE line");
    let get = |k: &str| -> f64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
            .unwrap()
            .parse()
            .unwrap()
    };
    for (k, min) in [
        ("meta", 0.8),
        ("body", 0.9),
        ("fig_p", 0.8),
        ("fig_r", 0.8),
        ("quote_p", 0.8),
        ("quote_r", 0.8),
        ("speaker", 0.7),
        ("stance_r", 0.85),
        ("cross", 1.0),
    ] {
        assert!(get(k) >= min, "{k} = {} < {min}: {line}", get(k));
    }
    assert_eq!(get("stance_err"), 0.0, "{line}");
}

#[test]
fn extract_jsonl_streams_one_line_per_record() {
    let mut child = Command::new(bin())
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read_to_string(&example_files()[0]).unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{}", serde_json::json!({"id": "a", "text": text})).unwrap();
        writeln!(stdin, "not json").unwrap();
        writeln!(stdin, "{}", serde_json::json!({"id": 7, "text": ""})).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["document"]["title"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert_eq!(lines[1]["error"]["code"], "bad_record");
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["error"]["code"], "empty");
    assert!(
        !out.status.success(),
        "a bad record makes the exit status non-zero"
    );
}

#[test]
fn unreadable_files_are_reported_and_the_rest_analysed() {
    let dir = std::env::temp_dir().join(format!("parallax-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let good = example_files()[1].clone();
    let out = Command::new(bin())
        .arg("analyze")
        .arg(&dir)
        .arg(&good)
        .arg("--json")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    let codes: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["empty", "binary"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty.txt") && stderr.contains("image.png"),
        "{stderr}"
    );
}
