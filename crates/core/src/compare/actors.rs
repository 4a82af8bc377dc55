//! Cross-document actor merging: one corpus actor per real-world actor.
//!
//! Each document names its actors its own way ("Kim Dae-jung" in one source, "Kim Dae Jung"
//! in another; "the U.N. Security Council" and "UNSC"; "Trump" alone where the full name
//! never appears). Entities are merged with a union-find over these links:
//!
//! * the same gazetteer key (countries: ISO code);
//! * the same name key — letters and digits only, case folded, so hyphen, space and case
//!   variants ("Dae-jung" ~ "Dae Jung" ~ "Dae-Jung") coincide — on the name or any alias;
//! * organisations with the same acronym and head word ("UN Security Council" ~ "United
//!   Nations Security Council"), or an acronym alone ("UNSC") naming exactly one of them;
//! * persons with the same surname and a compatible first name (equal, or an initial), and
//!   a lone surname or given name that fits exactly one full name in the corpus.
//!
//! Ambiguous short forms (a surname shared by two different full names) are left alone
//! rather than merged wrongly. Output is deterministic: actors sorted by mention count
//! (descending), then name; members in document order.

use crate::model::{Actor, ActorKind, DocAnalysis, Entity};
use crate::recognise::actors::{acronym, name_key};
use std::collections::{BTreeMap, BTreeSet};

struct Uf(Vec<usize>);

impl Uf {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // smaller index is the root: deterministic
            let (r, c) = if a < b { (a, b) } else { (b, a) };
            self.0[c] = r;
        }
    }
}

fn tokens(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(name_key)
        .filter(|t| !t.is_empty())
        .collect()
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("The ")
        .or_else(|| s.strip_prefix("the "))
        .unwrap_or(s)
}

/// Alias forms that are plain names (not "French President Emmanuel Macron").
fn name_forms(e: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(e.name.as_str()).chain(
        e.aliases
            .iter()
            .map(String::as_str)
            .filter(move |a| !e.titles.iter().any(|t| a.contains(t.as_str()))),
    )
}

#[cfg(test)]
fn compatible_first(a: &str, b: &str) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// Merges the documents' entities into corpus actors. Returns the actors and, per
/// document, a map from entity index to actor index.
pub fn merge_actors(docs: &[DocAnalysis]) -> (Vec<Actor>, Vec<Vec<usize>>) {
    // flat list of (doc, entity)
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for e in 0..doc.entities.len() {
            items.push((d, e));
        }
    }
    let ent = |i: usize| -> &Entity { &docs[items[i].0].entities[items[i].1] };
    let mut uf = Uf((0..items.len()).collect());

    // 1. exact keys: gazetteer key, name keys of the name and plain aliases (same kind)
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..items.len() {
        let e = ent(i);
        let kind = format!("{:?}", e.kind);
        let mut keys: Vec<String> = Vec::new();
        if let Some(k) = &e.key {
            keys.push(k.clone());
        }
        match e.kind {
            ActorKind::Person => {
                // only full (multi-token) names are identifying keys
                for f in name_forms(e) {
                    if tokens(f).len() >= 2 {
                        keys.push(format!("{kind}:{}", name_key(f)));
                    }
                }
            }
            ActorKind::Organisation => {
                for f in name_forms(e) {
                    let f = strip_the(f);
                    keys.push(format!("{kind}:{}", name_key(f)));
                    let toks = tokens(f);
                    let ac = acronym(f);
                    if toks.len() >= 2 && ac.len() >= 2 {
                        keys.push(format!("{kind}:ac:{ac}:{}", toks[toks.len() - 1]));
                    }
                }
            }
            _ => keys.push(format!("{kind}:{}", name_key(&e.name))),
        }
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }

    // Name tokens of every entity, computed once (the passes below only look them up).
    let toks: Vec<Vec<String>> = (0..items.len()).map(|i| tokens(&ent(i).name)).collect();
    let is_org = |i: usize| ent(i).kind == ActorKind::Organisation;
    let is_person = |i: usize| ent(i).kind == ActorKind::Person;

    // 2. persons: same surname, compatible first name. Blocked by surname, then by first
    //    token: equal first tokens are joined through one representative, and an initial
    //    ("j") is joined to every first token starting with it. Union-find only keeps the
    //    partition (roots are component minima), so this equals the pairwise scan.
    let mut by_last: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for i in (0..items.len()).filter(|&i| is_person(i)) {
        let t = &toks[i];
        if t.len() >= 2 {
            by_last.entry(t[t.len() - 1].as_str()).or_default().push(i);
        }
    }
    for group in by_last.values() {
        let mut by_first: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in group {
            match by_first.get(toks[i][0].as_str()) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_first.insert(toks[i][0].as_str(), i);
                }
            }
        }
        for (f, &i) in &by_first {
            if f.len() == 1 {
                for (g, &j) in by_first.range(*f..) {
                    if !g.starts_with(f) {
                        break;
                    }
                    uf.union(i, j);
                }
            }
        }
    }

    // 3. short forms: a one-word person name, an organisation acronym or tail, fitting
    //    exactly one cluster of full names. Candidates come from indexes built once:
    //    person first/last token, organisation acronym, organisation proper token suffix.
    //    Each index entry is narrowed to one member per current cluster after a look-up
    //    (clusters only ever merge), so repeated look-ups stay cheap.
    let mut person_index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut acronym_index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut suffix_index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let t = &toks[i];
        if is_person(i) && t.len() >= 2 {
            person_index.entry(t[0].as_str()).or_default().push(i);
            if t[t.len() - 1] != t[0] {
                person_index
                    .entry(t[t.len() - 1].as_str())
                    .or_default()
                    .push(i);
            }
        } else if is_org(i) {
            let n = strip_the(&ent(i).name);
            if t.len() >= 2 {
                acronym_index.entry(acronym(n)).or_default().push(i);
            }
            let ot = tokens(n);
            for start in 1..ot.len() {
                suffix_index
                    .entry(ot[start..].join(" "))
                    .or_default()
                    .push(i);
            }
        }
    }
    // Distinct roots of the entries under `key`; the entry is narrowed to one per root.
    fn cand_roots<K: Ord + ?Sized>(
        uf: &mut Uf,
        index: &mut BTreeMap<impl std::borrow::Borrow<K> + Ord, Vec<usize>>,
        key: &K,
    ) -> BTreeSet<usize> {
        let mut roots = BTreeSet::new();
        if let Some(list) = index.get_mut(key) {
            list.retain(|&o| roots.insert(uf.find(o)));
        }
        roots
    }
    for i in 0..items.len() {
        let e = ent(i);
        let t = &toks[i];
        let cands: BTreeSet<usize> = match e.kind {
            ActorKind::Person if t.len() == 1 => {
                cand_roots::<str>(&mut uf, &mut person_index, t[0].as_str())
            }
            ActorKind::Organisation => {
                let n = strip_the(&e.name);
                let upper = n
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                    && !n.contains(' ');
                if upper {
                    let ac: String = n.chars().filter(|c| c.is_alphabetic()).collect();
                    cand_roots::<str>(&mut uf, &mut acronym_index, ac.as_str())
                } else if t.len() >= 2 {
                    let tt = tokens(n);
                    if tt.is_empty() {
                        // every organisation with a token has the empty tail
                        (0..items.len())
                            .filter(|&o| is_org(o) && !tokens(strip_the(&ent(o).name)).is_empty())
                            .map(|o| uf.find(o))
                            .collect()
                    } else {
                        cand_roots::<str>(&mut uf, &mut suffix_index, tt.join(" ").as_str())
                    }
                } else {
                    BTreeSet::new()
                }
            }
            _ => BTreeSet::new(),
        };
        let me = uf.find(i);
        let others: Vec<usize> = cands.into_iter().filter(|&r| r != me).collect();
        if others.len() == 1 {
            uf.union(i, others[0]);
        }
    }

    // 4. assemble
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = uf.find(i);
        clusters.entry(r).or_default().push(i);
    }
    // mention counts per (document, entity), one pass over the mentions
    let counts: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| {
            let mut c = vec![0; d.entities.len()];
            for m in &d.mentions {
                if let Some(x) = c.get_mut(m.entity) {
                    *x += 1;
                }
            }
            c
        })
        .collect();
    let mut actors: Vec<(Actor, Vec<usize>)> = Vec::new();
    for members in clusters.values() {
        // kind: majority, ties by the kind order
        let mut kinds: BTreeMap<ActorKind, usize> = BTreeMap::new();
        for &i in members {
            *kinds.entry(ent(i).kind).or_default() += 1;
        }
        let kind = kinds
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| *k)
            .unwrap_or(ActorKind::Other);
        // name: the longest canonical name, then the most frequent, then lexicographic
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in members {
            *names.entry(ent(i).name.as_str()).or_default() += 1;
        }
        let name = names
            .iter()
            .max_by(|a, b| {
                let la = name_key(strip_the(a.0)).len();
                let lb = name_key(strip_the(b.0)).len();
                la.cmp(&lb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
            })
            .map(|(n, _)| n.to_string())
            .unwrap_or_default();
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        let mut titles: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut mentions = 0;
        let mut mem = Vec::new();
        for &i in members {
            let (d, e) = items[i];
            let en = &docs[d].entities[e];
            aliases.insert(en.name.clone());
            aliases.extend(en.aliases.iter().cloned());
            if !en.titles.is_empty() {
                let v = titles.entry(docs[d].file.clone()).or_default();
                for t in &en.titles {
                    if !v.contains(t) {
                        v.push(t.clone());
                    }
                }
            }
            mentions += counts[d][e];
            mem.push((docs[d].file.clone(), e));
        }
        aliases.remove(&name);
        actors.push((
            Actor {
                name,
                kind,
                aliases: aliases.into_iter().collect(),
                titles,
                members: mem,
                mentions,
            },
            members.clone(),
        ));
    }
    actors.sort_by(|a, b| {
        b.0.mentions
            .cmp(&a.0.mentions)
            .then_with(|| a.0.name.cmp(&b.0.name))
            .then_with(|| a.1.cmp(&b.1))
    });
    let mut maps: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| vec![usize::MAX; d.entities.len()])
        .collect();
    for (ai, (_, members)) in actors.iter().enumerate() {
        for &i in members {
            let (d, e) = items[i];
            maps[d][e] = ai;
        }
    }
    (actors.into_iter().map(|(a, _)| a).collect(), maps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(file: &str, ents: &[(&str, ActorKind, &[&str])]) -> DocAnalysis {
        DocAnalysis {
            file: file.into(),
            entities: ents
                .iter()
                .map(|(n, k, al)| Entity {
                    name: n.to_string(),
                    kind: *k,
                    aliases: al.iter().map(|s| s.to_string()).collect(),
                    titles: vec![],
                    key: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn spelling_variants_merge() {
        let docs = vec![
            doc(
                "a",
                &[
                    ("Kim Dae-jung", ActorKind::Person, &[]),
                    ("UN Security Council", ActorKind::Organisation, &[]),
                ],
            ),
            doc(
                "b",
                &[
                    ("Kim Dae Jung", ActorKind::Person, &["Kim"]),
                    (
                        "United Nations Security Council",
                        ActorKind::Organisation,
                        &[],
                    ),
                ],
            ),
            doc(
                "c",
                &[
                    ("Kim Dae-Jung", ActorKind::Person, &[]),
                    ("UNSC", ActorKind::Organisation, &[]),
                ],
            ),
        ];
        let (actors, maps) = merge_actors(&docs);
        assert_eq!(actors.len(), 2, "{actors:?}");
        assert_eq!(maps[0][0], maps[1][0]);
        assert_eq!(maps[0][0], maps[2][0]);
        assert_eq!(maps[0][1], maps[2][1]);
        assert_eq!(actors[maps[0][1]].name, "United Nations Security Council");
        assert_eq!(actors[maps[0][1]].members.len(), 3);
    }

    #[test]
    fn surname_merges_only_when_unambiguous() {
        let docs = vec![
            doc("a", &[("Donald Trump", ActorKind::Person, &[])]),
            doc(
                "b",
                &[
                    ("Trump", ActorKind::Person, &[]),
                    ("Smith", ActorKind::Person, &[]),
                ],
            ),
            doc(
                "c",
                &[
                    ("John Smith", ActorKind::Person, &[]),
                    ("Jane Smith", ActorKind::Person, &[]),
                ],
            ),
        ];
        let (actors, maps) = merge_actors(&docs);
        assert_eq!(maps[0][0], maps[1][0]);
        assert_ne!(maps[1][1], maps[2][0]);
        assert_ne!(maps[2][0], maps[2][1]);
        assert_eq!(actors.len(), 4);
    }

    #[test]
    fn initial_is_compatible() {
        let docs = vec![
            doc("a", &[("J. Smith", ActorKind::Person, &[])]),
            doc("b", &[("John Smith", ActorKind::Person, &[])]),
        ];
        let (actors, _) = merge_actors(&docs);
        assert_eq!(actors.len(), 1);
        assert_eq!(actors[0].name, "John Smith");
    }

    #[test]
    fn countries_by_key_and_order_is_deterministic() {
        let mut a = doc("a", &[("Japan", ActorKind::Country, &["Tokyo"])]);
        a.entities[0].key = Some("country:JP".into());
        let mut b = doc(
            "b",
            &[
                ("Japan", ActorKind::Country, &[]),
                ("Ministry of Defense", ActorKind::Organisation, &[]),
            ],
        );
        b.entities[0].key = Some("country:JP".into());
        let docs = vec![a, b];
        let (x, _) = merge_actors(&docs);
        let (y, _) = merge_actors(&docs);
        assert_eq!(x, y);
        assert_eq!(x.len(), 2);
        assert_eq!(x[0].name, "Japan");
        assert_eq!(
            x[0].members,
            vec![("a".to_string(), 0), ("b".to_string(), 0)]
        );
    }

    /// The original all-pairs formulation, kept as the oracle for the blocked one.
    fn reference_merge(docs: &[DocAnalysis]) -> (Vec<Actor>, Vec<Vec<usize>>) {
        // flat list of (doc, entity)
        let mut items: Vec<(usize, usize)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for e in 0..doc.entities.len() {
                items.push((d, e));
            }
        }
        let ent = |i: usize| -> &Entity { &docs[items[i].0].entities[items[i].1] };
        let mut uf = Uf((0..items.len()).collect());

        // 1. exact keys: gazetteer key, name keys of the name and plain aliases (same kind)
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        for i in 0..items.len() {
            let e = ent(i);
            let kind = format!("{:?}", e.kind);
            let mut keys: Vec<String> = Vec::new();
            if let Some(k) = &e.key {
                keys.push(k.clone());
            }
            match e.kind {
                ActorKind::Person => {
                    // only full (multi-token) names are identifying keys
                    for f in name_forms(e) {
                        if tokens(f).len() >= 2 {
                            keys.push(format!("{kind}:{}", name_key(f)));
                        }
                    }
                }
                ActorKind::Organisation => {
                    for f in name_forms(e) {
                        let f = strip_the(f);
                        keys.push(format!("{kind}:{}", name_key(f)));
                        let toks = tokens(f);
                        let ac = acronym(f);
                        if toks.len() >= 2 && ac.len() >= 2 {
                            keys.push(format!("{kind}:ac:{ac}:{}", toks[toks.len() - 1]));
                        }
                    }
                }
                _ => keys.push(format!("{kind}:{}", name_key(&e.name))),
            }
            for k in keys {
                match by_key.get(&k) {
                    Some(&j) => uf.union(i, j),
                    None => {
                        by_key.insert(k, i);
                    }
                }
            }
        }

        // 2. persons: same surname, compatible first name
        let persons: Vec<usize> = (0..items.len())
            .filter(|&i| ent(i).kind == ActorKind::Person)
            .collect();
        let mut by_last: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in &persons {
            let t = tokens(&ent(i).name);
            if t.len() >= 2 {
                by_last.entry(t[t.len() - 1].clone()).or_default().push(i);
            }
        }
        for group in by_last.values() {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    let (a, b) = (tokens(&ent(i).name), tokens(&ent(j).name));
                    if compatible_first(&a[0], &b[0]) {
                        uf.union(i, j);
                    }
                }
            }
        }

        // 3. short forms: a one-word person name, an organisation acronym or tail, fitting
        //    exactly one cluster of full names.
        let roots = |uf: &mut Uf, pred: &dyn Fn(&Entity) -> bool| -> BTreeSet<usize> {
            (0..items.len())
                .filter(|&i| pred(ent(i)))
                .map(|i| uf.find(i))
                .collect()
        };
        for i in 0..items.len() {
            let e = ent(i);
            let t = tokens(&e.name);
            let cands: BTreeSet<usize> = match e.kind {
                ActorKind::Person if t.len() == 1 => {
                    let k = t[0].clone();
                    roots(&mut uf, &|o: &Entity| {
                        let ot = tokens(&o.name);
                        o.kind == ActorKind::Person
                            && ot.len() >= 2
                            && (ot[0] == k || ot[ot.len() - 1] == k)
                    })
                }
                ActorKind::Organisation => {
                    let n = strip_the(&e.name);
                    let upper = n
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                        && !n.contains(' ');
                    if upper {
                        let ac: String = n.chars().filter(|c| c.is_alphabetic()).collect();
                        roots(&mut uf, &|o: &Entity| {
                            o.kind == ActorKind::Organisation
                                && tokens(&o.name).len() >= 2
                                && acronym(strip_the(&o.name)) == ac
                        })
                    } else if t.len() >= 2 {
                        let tt = tokens(n);
                        roots(&mut uf, &|o: &Entity| {
                            let ot = tokens(strip_the(&o.name));
                            o.kind == ActorKind::Organisation
                                && ot.len() > tt.len()
                                && ot[ot.len() - tt.len()..] == tt[..]
                        })
                    } else {
                        BTreeSet::new()
                    }
                }
                _ => BTreeSet::new(),
            };
            let me = uf.find(i);
            let others: Vec<usize> = cands.into_iter().filter(|&r| r != me).collect();
            if others.len() == 1 {
                uf.union(i, others[0]);
            }
        }

        // 4. assemble
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..items.len() {
            let r = uf.find(i);
            clusters.entry(r).or_default().push(i);
        }
        let mut actors: Vec<(Actor, Vec<usize>)> = Vec::new();
        for members in clusters.values() {
            // kind: majority, ties by the kind order
            let mut kinds: BTreeMap<ActorKind, usize> = BTreeMap::new();
            for &i in members {
                *kinds.entry(ent(i).kind).or_default() += 1;
            }
            let kind = kinds
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(k, _)| *k)
                .unwrap_or(ActorKind::Other);
            // name: the longest canonical name, then the most frequent, then lexicographic
            let mut names: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in members {
                *names.entry(ent(i).name.as_str()).or_default() += 1;
            }
            let name = names
                .iter()
                .max_by(|a, b| {
                    let la = name_key(strip_the(a.0)).len();
                    let lb = name_key(strip_the(b.0)).len();
                    la.cmp(&lb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
                })
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            let mut aliases: BTreeSet<String> = BTreeSet::new();
            let mut titles: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let mut mentions = 0;
            let mut mem = Vec::new();
            for &i in members {
                let (d, e) = items[i];
                let en = &docs[d].entities[e];
                aliases.insert(en.name.clone());
                aliases.extend(en.aliases.iter().cloned());
                if !en.titles.is_empty() {
                    let v = titles.entry(docs[d].file.clone()).or_default();
                    for t in &en.titles {
                        if !v.contains(t) {
                            v.push(t.clone());
                        }
                    }
                }
                mentions += docs[d].mentions.iter().filter(|m| m.entity == e).count();
                mem.push((docs[d].file.clone(), e));
            }
            aliases.remove(&name);
            actors.push((
                Actor {
                    name,
                    kind,
                    aliases: aliases.into_iter().collect(),
                    titles,
                    members: mem,
                    mentions,
                },
                members.clone(),
            ));
        }
        actors.sort_by(|a, b| {
            b.0.mentions
                .cmp(&a.0.mentions)
                .then_with(|| a.0.name.cmp(&b.0.name))
                .then_with(|| a.1.cmp(&b.1))
        });
        let mut maps: Vec<Vec<usize>> = docs
            .iter()
            .map(|d| vec![usize::MAX; d.entities.len()])
            .collect();
        for (ai, (_, members)) in actors.iter().enumerate() {
            for &i in members {
                let (d, e) = items[i];
                maps[d][e] = ai;
            }
        }
        (actors.into_iter().map(|(a, _)| a).collect(), maps)
    }

    #[test]
    fn blocked_merge_equals_all_pairs_reference() {
        let persons = [
            "Kim Dae-jung",
            "Kim Dae Jung",
            "D. Kim",
            "Dae Kim",
            "Kim",
            "Dae",
            "John Smith",
            "J. Smith",
            "Jane Smith",
            "Smith",
            "J Smith",
            "Jo Smith",
            "Moon",
            "Moon Jae",
            "Jae Moon",
            "Lee",
            "Lee Lee",
        ];
        let orgs = [
            "UN Security Council",
            "United Nations Security Council",
            "UNSC",
            "The Security Council",
            "Security Council",
            "Council",
            "the UN",
            "United Nations",
            "UN",
            "Ministry of Defense",
            "Defense Ministry",
            "The Ministry of Defense",
            "NATO",
            "North Atlantic Treaty Organization",
            "Treaty Organization",
        ];
        let mut docs = Vec::new();
        // deterministic pseudo-random subsets, several documents each
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for d in 0..40 {
            let mut ents: Vec<(&str, ActorKind, &[&str])> = Vec::new();
            for _ in 0..6 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if x % 2 == 0 {
                    ents.push((
                        persons[(x >> 8) as usize % persons.len()],
                        ActorKind::Person,
                        &[],
                    ));
                } else {
                    ents.push((
                        orgs[(x >> 8) as usize % orgs.len()],
                        ActorKind::Organisation,
                        &[],
                    ));
                }
            }
            let mut dd = doc(&format!("d{d}"), &ents);
            if d % 3 == 0 {
                dd.entities[0].aliases.push("Kim Dae-jung".into());
            }
            docs.push(dd);
            // compare every prefix: merging order effects show up on small corpora
            assert_eq!(
                merge_actors(&docs),
                reference_merge(&docs),
                "corpus of {} docs",
                docs.len()
            );
        }
    }
}
