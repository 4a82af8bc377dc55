//! `parallax analyze --csv DIR --report FILE`: the exports the CLI writes are exactly the
//! core's (`parallax_core::export`) for the analysis it prints with `--json`, so the CLI
//! and the web app give the same files.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_parallax"))
}

fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/korea-oil");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("parallax-cli-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn csv_and_reports_equal_the_core_exports_of_the_json() {
    let dir = tmp("all");
    let csv = dir.join("tables");
    let out = Command::new(bin())
        .arg("analyze")
        .args(example_files())
        .arg("--json")
        .arg("--csv")
        .arg(&csv)
        .arg("--report")
        .arg(dir.join("report.html"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: parallax_core::Analysis = serde_json::from_slice(&out.stdout).unwrap();
    for (name, text) in parallax_core::export::csv_tables(&a) {
        let got = std::fs::read_to_string(csv.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got, text, "{name}");
    }
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert_eq!(html, parallax_core::export::html_report(&a));
    assert!(html.starts_with("<!DOCTYPE html>"));

    let md = dir.join("report.md");
    let out = Command::new(bin())
        .arg("analyze")
        .args(example_files())
        .arg("--report")
        .arg(&md)
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = std::fs::read_to_string(md).unwrap();
    assert_eq!(md, parallax_core::export::markdown_report(&a));
    assert!(md.contains("## Stance matrix"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unwritable_export_path_fails_with_a_message() {
    let dir = tmp("bad");
    let blocker = dir.join("file");
    std::fs::write(&blocker, "x").unwrap();
    let out = Command::new(bin())
        .arg("analyze")
        .args(example_files())
        .arg("--csv")
        .arg(blocker.join("sub"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("parallax:"));
    let _ = std::fs::remove_dir_all(&dir);
}
