//! Corpus actors: document entities merged across sources.
//!
//! Placeholder merging on identical `Entity.name`; the actors helper replaces this file
//! with alias/gazetteer-aware merging of the same signature.
use crate::model::{Actor, DocAnalysis};
use std::collections::BTreeMap;

/// Corpus actors and, per document, a map from entity index to actor index.
pub fn merge_actors(docs: &[DocAnalysis]) -> (Vec<Actor>, Vec<Vec<usize>>) {
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut maps = Vec::with_capacity(docs.len());
    for d in docs {
        let mut map = Vec::with_capacity(d.entities.len());
        for (ei, e) in d.entities.iter().enumerate() {
            let ai = *by_name.entry(e.name.clone()).or_insert_with(|| {
                actors.push(Actor { name: e.name.clone(), kind: e.kind, aliases: Vec::new(), titles: BTreeMap::new(), members: Vec::new(), mentions: 0 });
                actors.len() - 1
            });
            let a = &mut actors[ai];
            for al in &e.aliases {
                if !a.aliases.contains(al) && *al != a.name {
                    a.aliases.push(al.clone());
                }
            }
            if !e.titles.is_empty() {
                a.titles.entry(d.file.clone()).or_default().extend(e.titles.iter().cloned());
            }
            a.members.push((d.file.clone(), ei));
            a.mentions += d.mentions.iter().filter(|m| m.entity == ei).count();
            map.push(ai);
        }
        maps.push(map);
    }
    (actors, maps)
}
