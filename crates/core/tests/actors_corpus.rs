//! Actor recognition on the example corpus, measured against the reference analysis
//! (`shared/eval/gold/korea-oil.json`, per-document `actors` lists). Skipped when the shared
//! folder is not beside the repository.

use parallax_core::compare::actors::merge_actors;
use parallax_core::recognise::actors::name_key;
use parallax_core::{analyze_document, ActorKind, Input, Limits};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("eval/gold/korea-oil.json").exists().then_some(p)
}

/// A gold actor is found when an entity has its name key, or (persons) its last name
/// token, or (organisations) the gold name ends the entity's name.
fn found(gold: &str, ents: &[parallax_core::Entity]) -> bool {
    let g = name_key(gold);
    let gl = gold
        .split_whitespace()
        .last()
        .map(name_key)
        .unwrap_or_default();
    ents.iter().any(|e| {
        std::iter::once(&e.name).chain(e.aliases.iter()).any(|n| {
            let k = name_key(n);
            k == g
                || k.ends_with(&g)
                || (e.kind == ActorKind::Person
                    && gold.contains(' ')
                    && n.split_whitespace().last().map(name_key) == Some(gl.clone()))
        })
    })
}

#[test]
fn corpus_actor_recall_and_merge() {
    let Some(sh) = shared() else { return };
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(sh.join("eval/gold/korea-oil.json")).unwrap(),
    )
    .unwrap();
    let mut docs = Vec::new();
    let (mut hit, mut n) = (0, 0);
    for gd in gold["documents"].as_array().unwrap() {
        let file = gd["file"].as_str().unwrap();
        let bytes = std::fs::read(sh.join("corpus/korea-oil").join(file)).unwrap();
        let d = analyze_document(
            &Input {
                name: file.into(),
                bytes,
            },
            &Limits::default(),
        )
        .unwrap();
        for a in gd["actors"].as_array().into_iter().flatten() {
            let a = a.as_str().unwrap();
            n += 1;
            if found(a, &d.entities) {
                hit += 1;
            } else {
                eprintln!("{file}: missing actor {a:?}");
            }
        }
        docs.push(d);
    }
    eprintln!("actor recall {hit}/{n}");
    assert!(hit * 100 >= n * 85, "actor recall {hit}/{n} below 85%");
    // Cross-document: every person actor that several documents name is one corpus actor.
    let (actors, maps) = merge_actors(&docs);
    for (d, m) in maps.iter().enumerate() {
        assert_eq!(m.len(), docs[d].entities.len());
        assert!(m.iter().all(|&a| a < actors.len()));
    }
    let mut keys: Vec<String> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| name_key(&a.name))
        .collect();
    keys.sort();
    let before = keys.len();
    keys.dedup();
    assert_eq!(
        before,
        keys.len(),
        "a person split across actors: {actors:#?}"
    );
}
