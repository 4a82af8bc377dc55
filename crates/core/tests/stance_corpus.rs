//! Stance matrix on the example corpus (tests/golden/korea-oil): the positions a careful
//! reader finds, by document, actor and issue keyword, and no contradicting cell.
use parallax_core::{analyze_corpus, Input, Options, Polarity};
use std::path::Path;

fn analysis() -> parallax_core::Analysis {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/korea-oil");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
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

#[test]
fn stance_matrix_on_example_corpus() {
    let a = analysis();
    let want: &[(&str, &str, &str, Polarity)] = &[
        ("000", "Putin", "sanction", Polarity::Oppose),
        ("000", "Putin", "oil", Polarity::Oppose),
        ("000", "Putin", "diploma", Polarity::Support),
        ("000", "Moon", "oil", Polarity::Support),
        ("000", "Moon", "sanction", Polarity::Support),
        ("000", "China", "sanction", Polarity::Oppose),
        ("001", "Putin", "sanction", Polarity::Oppose),
        ("001", "Putin", "oil", Polarity::Oppose),
        ("001", "Putin", "nuclear", Polarity::Oppose),
        ("001", "Moon", "oil", Polarity::Support),
        ("001", "Lavrov", "diploma", Polarity::Support),
        ("002", "Russia", "sanction", Polarity::Oppose),
        ("003", "United States", "oil", Polarity::Support),
        ("003", "South Korea", "oil", Polarity::Support),
        ("004", "Putin", "sanction", Polarity::Oppose),
        ("004", "Putin", "oil", Polarity::Oppose),
    ];
    let mut missing = Vec::new();
    for (doc, actor, kw, pol) in want {
        let got: Vec<Polarity> = a
            .stances
            .iter()
            .filter(|s| {
                s.document.starts_with(doc)
                    && s.actor.contains(actor)
                    && s.issue.to_lowercase().contains(kw)
            })
            .map(|s| s.polarity)
            .collect();
        if got != vec![*pol] {
            missing.push(format!("{doc} {actor} {kw}: want {pol:?} got {got:?}"));
        }
    }
    assert!(missing.len() <= 2, "stances off:\n{}", missing.join("\n"));
    // every issue label names its key word; output is deterministic
    assert!(a.issues.iter().any(|i| i.label.contains("oil")));
    assert!(a.issues.iter().any(|i| i.label.contains("sanction")));
    let b = analysis();
    assert_eq!(parallax_core::to_json(&a), parallax_core::to_json(&b));
}

#[test]
fn cross_source_links_on_example_corpus() {
    let a = analysis();
    let together = |groups: &[Vec<(String, String)>], x: (&str, &str), y: (&str, &str)| {
        groups.iter().any(|g| {
            g.iter().any(|(d, t)| d.starts_with(x.0) && t.contains(x.1))
                && g.iter().any(|(d, t)| d.starts_with(y.0) && t.contains(y.1))
        })
    };
    let fg: Vec<Vec<(String, String)>> = a
        .figure_groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| (m.document.clone(), m.text.clone()))
                .collect()
        })
        .collect();
    let qg: Vec<Vec<(String, String)>> = a
        .quote_groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| (m.document.clone(), m.text.clone()))
                .collect()
        })
        .collect();
    assert!(
        together(&fg, ("001", "70 percent"), ("002", "71.9 percent")),
        "{fg:?}"
    );
    assert!(
        together(
            &qg,
            ("000", "cutting off oil supplies"),
            ("001", "We oppose and condemn")
        ),
        "{qg:?}"
    );
    assert!(a
        .conflicts
        .iter()
        .any(|c| c.kind == "speaker" && c.about.contains("political and diplomatic tools")));
    assert!(a.conflicts.iter().any(|c| c.kind == "attribute"
        && c.actor.as_deref().is_some_and(|x| x.contains("Moon"))
        && c.values.values().any(|v| v.contains("Prime Minister"))));
}
