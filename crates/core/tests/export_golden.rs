//! Golden test of the exports (`parallax_core::export`) over the example corpus in
//! `tests/golden/korea-oil/`: the CSV tables and both reports are compared byte for byte
//! with `tests/golden/korea-oil/export/`. After an intended change (in the exports or in
//! the pipeline), regenerate with `UPDATE_GOLDEN=1 cargo test -p parallax-core --test export_golden`
//! and review the diff. Structural checks (every CSV row has the header's column count,
//! the HTML has no script) run on the fresh output too, so they hold after regeneration.

use parallax_core::{analyze_corpus, export, Input, Options};
use std::path::{Path, PathBuf};

fn set_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/korea-oil")
}

fn analysis() -> parallax_core::Analysis {
    let dir = set_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| Input {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).unwrap(),
        })
        .collect();
    analyze_corpus(&inputs, &Options::default(), |_| {})
}

/// Splits RFC 4180 CSV into records of fields (quoted fields may hold line breaks).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV does not end with a complete record"
    );
    rows
}

#[test]
fn exports_match_golden() {
    let a = analysis();
    let mut files: Vec<(String, String)> = export::csv_tables(&a)
        .into_iter()
        .map(|(n, s)| (n.to_string(), s))
        .collect();
    files.push(("report.md".into(), export::markdown_report(&a)));
    files.push(("report.html".into(), export::html_report(&a)));

    for (name, text) in &files {
        if let Some(stem) = name.strip_suffix(".csv") {
            let rows = parse_csv(text);
            assert!(!rows.is_empty(), "{name} has no header");
            for (i, r) in rows.iter().enumerate() {
                assert_eq!(
                    r.len(),
                    rows[0].len(),
                    "{name} row {i} has {} fields",
                    r.len()
                );
            }
            let data = rows.len() - 1;
            let want = match stem {
                "sources" => a.documents.len() + a.errors.len(),
                "stances" => a.stances.len(),
                "figures" => a.documents.iter().map(|d| d.figures.len()).sum(),
                "quotes" => a.documents.iter().map(|d| d.quotes.len()).sum(),
                "figure_groups" => a.figure_groups.iter().map(|g| g.members.len()).sum(),
                "quote_groups" => a.quote_groups.iter().map(|g| g.members.len()).sum(),
                "differences" => {
                    a.conflicts.iter().map(|c| c.values.len()).sum::<usize>() + a.blindspots.len()
                }
                _ => panic!("unexpected table {name}"),
            };
            assert_eq!(data, want, "{name}: rows");
        }
    }
    let html = &files.iter().find(|(n, _)| n == "report.html").unwrap().1;
    assert!(!html.to_ascii_lowercase().contains("<script"));
    for d in &a.documents {
        assert!(
            html.contains(&export::html_escape(&d.file)),
            "report lacks {}",
            d.file
        );
    }

    let out = set_dir().join("export");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&out).unwrap();
        for (name, text) in &files {
            std::fs::write(out.join(name), text).unwrap();
        }
        return;
    }
    let mut bad = Vec::new();
    for (name, text) in &files {
        let want = std::fs::read_to_string(out.join(name)).unwrap_or_else(|_| {
            panic!("{}/{name} missing: run with UPDATE_GOLDEN=1", out.display())
        });
        if &want != text {
            let line = want
                .lines()
                .zip(text.lines())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            bad.push(format!("{name}: first difference at line {}", line + 1));
        }
    }
    assert!(
        bad.is_empty(),
        "export golden mismatch (UPDATE_GOLDEN=1 to accept):\n{}",
        bad.join("\n")
    );
}
