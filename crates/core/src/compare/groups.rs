//! Figure and quote groups: the same measure, the same remark, across sources.
//!
//! Both use blocking so the cost stays near-linear in corpus size: figures are only
//! compared within the same unit class and only when they share a context stem that is
//! rare within that class (an inverted index, with very common stems dropped); quotes are
//! only compared when they share a rare content stem. Pairs found that way are merged
//! with union-find; never all pairs of everything.
use crate::model::*;
use crate::stance::stem;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) struct Dsu(Vec<usize>);
impl Dsu {
    pub fn new(n: usize) -> Dsu {
        Dsu((0..n).collect())
    }
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "on", "in", "for", "with", "from", "by", "at",
    "into", "its", "their", "his", "her", "our", "my", "your", "it", "them", "they", "this",
    "that", "these", "those", "is", "are", "was", "were", "be", "been", "would", "could", "should",
    "will", "may", "might", "must", "can", "not", "no", "has", "have", "had", "i", "we", "he",
    "she", "you", "but", "as", "if", "than", "so", "which", "who", "what", "about", "more", "most",
    "also", "said", "says", "year", "years", "month", "months", "first", "last", "same", "period",
    "this", "per", "percent", "cent", "million", "billion", "thousand", "up", "down", "over",
    "some", "there", "here", "only", "just", "even", "other", "such", "all", "any", "very", "much",
    "many", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "nearly", "about", "around", "roughly", "almost", "than",
];

/// How many ids two sorted, distinct id lists share that `keep` accepts.
fn shared_ids(x: &[u32], y: &[u32], keep: impl Fn(u32) -> bool) -> usize {
    let (mut i, mut j, mut c) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c += keep(x[i]) as usize;
                i += 1;
                j += 1;
            }
        }
    }
    c
}

/// [`STOP`] as a set (looked up for every word of every quote and figure context).
static STOP_SET: std::sync::LazyLock<crate::text::FastSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

/// Content stems of a text, skipping actor mention spans (names say who, not what).
pub(crate) fn content_stems(body: &str, span: Span, mentions: &[Span]) -> Vec<String> {
    let text = span.text(body);
    let mut out = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        // byte offset of the piece within `text` (separators may be multi-byte)
        let s = w.as_ptr() as usize - text.as_ptr() as usize;
        if w.len() < 3 || w.chars().any(|c| c.is_numeric()) {
            continue;
        }
        let abs = Span::new(span.start + s, span.start + s + w.len());
        if mentions.iter().any(|m| m.overlaps(abs)) {
            continue;
        }
        let low = w.to_lowercase();
        if STOP_SET.contains(low.as_str()) {
            continue;
        }
        out.push(stem(&low));
    }
    out
}

/// Unit class used for blocking, and the factor to a common base (per year).
fn unit_class(f: &Figure) -> String {
    let u = f.unit.as_str();
    match u {
        "percent" | "times" => u.to_string(),
        _ => u.to_string(),
    }
}

fn per_factor(per: Option<&str>) -> f64 {
    match per {
        Some("day") => 365.0,
        Some("week") => 52.0,
        Some("month") => 12.0,
        Some("quarter") => 4.0,
        _ => 1.0,
    }
}

/// Stems that make a figure a change ("grew 42.5 percent", "a surge of over 40 percent").
const CHANGE_WORDS: &[&str] = &[
    "surg", "grew", "grow", "rose", "rise", "increas", "jump", "climb", "fell", "fall", "drop",
    "declin", "decreas", "soar", "plung", "doubl", "gain", "slump", "shrank", "shrink",
];

fn change_class(c: &str) -> u8 {
    match c {
        "up" | "down" => 1,
        _ => 0,
    }
}

/// Window of the sentence around a figure: what it measures when `measure` is absent.
fn figure_context(d: &DocAnalysis, f: &Figure, mentions: &[Span]) -> Vec<String> {
    // the recogniser's measure (when any) plus the words around the figure
    let mut v: Vec<String> = f
        .measure
        .as_deref()
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && !STOP_SET.contains(w.to_lowercase().as_str()))
        .map(|w| stem(&w.to_lowercase()))
        .collect();
    let Some(sent) = d.sentences.get(f.sentence) else {
        return v;
    };
    let body = &d.body;
    // up to ~60 bytes either side of the figure, within the sentence
    let lo = crate::text::floor_char(body, f.span.start.saturating_sub(60).max(sent.span.start));
    let hi = crate::text::ceil_char(body, (f.span.end + 60).min(sent.span.end));
    v.extend(content_stems(body, Span::new(lo, f.span.start), mentions));
    v.extend(content_stems(body, Span::new(f.span.end, hi), mentions));
    v
}

pub fn figure_groups(
    docs: &[DocAnalysis],
    mspans: &[Vec<Span>],
) -> (Vec<FigureGroup>, Vec<Conflict>) {
    // items: (doc, figure index)
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut ctx: Vec<BTreeSet<String>> = Vec::new();
    let mut blocks: BTreeMap<(String, u8), Vec<usize>> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        for (fi, f) in d.figures.iter().enumerate() {
            if matches!(f.unit.as_str(), "year" | "date" | "ordinal" | "time") {
                continue;
            }
            let id = items.len();
            items.push((di, fi));
            ctx.push(figure_context(d, f, &mspans[di]).into_iter().collect());
            let moves = change_class(&f.change) == 1
                || ctx[id]
                    .iter()
                    .any(|w| CHANGE_WORDS.iter().any(|c| w.starts_with(c)));
            blocks
                .entry((unit_class(f), moves as u8))
                .or_default()
                .push(id);
        }
    }
    // context stems interned, each figure's as a sorted list of ids
    let mut vocab: crate::text::FastMap<&str, u32> = Default::default();
    let cids: Vec<Vec<u32>> = ctx
        .iter()
        .map(|c| {
            // a BTreeSet iterates in order, but ids follow first sight: sort
            let mut v: Vec<u32> = c
                .iter()
                .map(|s| {
                    let next = vocab.len() as u32;
                    *vocab.entry(s.as_str()).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    let mut dsu = Dsu::new(items.len());
    let mut inv: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    for ids in blocks.values() {
        // inverted index over context stems within the block (lists emptied after it)
        let mut used: Vec<u32> = Vec::new();
        for &id in ids {
            for &s in &cids[id] {
                if inv[s as usize].is_empty() {
                    used.push(s);
                }
                inv[s as usize].push(id);
            }
        }
        let cap = (ids.len() / 2).clamp(4, 100);
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for &s in &used {
            let list = &inv[s as usize];
            if list.len() > cap || list.len() < 2 {
                continue;
            }
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    if items[a].0 != items[b].0 {
                        pairs.push((a, b));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        for (a, b) in pairs {
            let shared = shared_ids(&cids[a], &cids[b], |_| true);
            let small = ctx[a].len().min(ctx[b].len()).max(1);
            if shared >= 1 && shared * 5 >= small {
                let fa = &docs[items[a].0].figures[items[a].1];
                let fb = &docs[items[b].0].figures[items[b].1];
                // comparable magnitudes only (same measure differs by less than 10x)
                let (va, vb) = (
                    fa.value * per_factor(fa.per.as_deref()),
                    fb.value * per_factor(fb.per.as_deref()),
                );
                if va > 0.0 && vb > 0.0 && (va / vb).max(vb / va) < 10.0 {
                    dsu.union(a, b);
                }
            }
        }
        for &s in &used {
            inv[s as usize].clear();
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for id in 0..items.len() {
        groups.entry(dsu.find(id)).or_default().push(id);
    }
    let mut out = Vec::new();
    let mut conflicts = Vec::new();
    for ids in groups.values() {
        let docs_in: BTreeSet<usize> = ids.iter().map(|&i| items[i].0).collect();
        if docs_in.len() < 2 {
            continue;
        }
        let first = &docs[items[ids[0]].0].figures[items[ids[0]].1];
        let members: Vec<GroupMember> = ids
            .iter()
            .map(|&i| {
                let (di, fi) = items[i];
                let f = &docs[di].figures[fi];
                GroupMember {
                    document: docs[di].file.clone(),
                    text: f.text.clone(),
                    span: f.span,
                    index: fi,
                }
            })
            .collect();
        let normalised: Vec<f64> = ids
            .iter()
            .map(|&i| {
                let f = &docs[items[i].0].figures[items[i].1];
                f.value * per_factor(f.per.as_deref())
            })
            .collect();
        let lo = normalised.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = normalised.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let agree = lo > 0.0 && hi / lo <= 1.05;
        let measure = first.measure.clone().unwrap_or_else(|| {
            let mut common: Option<BTreeSet<String>> = None;
            for &i in ids {
                common = Some(match common {
                    None => ctx[i].clone(),
                    Some(c) => c.intersection(&ctx[i]).cloned().collect(),
                });
            }
            common
                .unwrap_or_default()
                .into_iter()
                .collect::<Vec<_>>()
                .join(" ")
        });
        if !agree {
            let mut values = BTreeMap::new();
            for m in &members {
                values
                    .entry(m.document.clone())
                    .or_insert_with(|| m.text.clone());
            }
            let periods: BTreeSet<String> = ids
                .iter()
                .filter_map(|&i| docs[items[i].0].figures[items[i].1].period.clone())
                .collect();
            let note = if periods.len() > 1 {
                " (the sources give different periods)"
            } else {
                ""
            };
            conflicts.push(Conflict {
                kind: "figure".into(),
                actor: None,
                about: measure.clone(),
                message: format!(
                    "sources give different values for {}{}: {}",
                    if measure.is_empty() {
                        "the same measure"
                    } else {
                        &measure
                    },
                    note,
                    values
                        .iter()
                        .map(|(k, v)| format!("{v} ({k})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                values,
            });
        }
        out.push(FigureGroup {
            measure,
            unit: first.unit.clone(),
            per: first.per.clone(),
            members,
            normalised,
            status: if agree {
                "agree".into()
            } else {
                "conflict".into()
            },
        });
    }
    (out, conflicts)
}

/// Quote groups and speaker conflicts. `speaker_of(doc, quote)` gives the corpus speaker name.
pub fn quote_groups(
    docs: &[DocAnalysis],
    mspans: &[Vec<Span>],
) -> (Vec<QuoteGroup>, Vec<Conflict>) {
    let _ = mspans; // names inside a quote are what is said: they count as content here
                    // Every quote, its content stems (interned) and its folded text.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut vocab: crate::text::FastMap<String, u32> = Default::default();
    let mut words: Vec<Vec<u32>> = Vec::new();
    let mut folded: Vec<String> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for (qi, q) in d.quotes.iter().enumerate() {
            items.push((di, qi));
            let mut w: Vec<u32> = content_stems(&d.body, q.span, &[])
                .into_iter()
                .map(|s| {
                    let next = vocab.len() as u32;
                    *vocab.entry(s).or_insert(next)
                })
                .collect();
            w.sort_unstable();
            w.dedup();
            words.push(w);
            folded.push(
                crate::text::fold(&q.text)
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == ' ')
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    }
    let n = items.len();
    // Texts: quotes with the same folded words are one text (reprinted wire copy makes
    // many), linked as "exact" at once; the fuzzy search below runs over distinct texts
    // only, so its cost and its idea of a rare word do not grow with the reprints. A
    // quote without content stems (too short to mean anything alone) stays on its own.
    let mut text_of: Vec<usize> = vec![usize::MAX; n];
    let mut texts: Vec<Vec<usize>> = Vec::new();
    {
        let mut by_text: crate::text::FastMap<&str, usize> = Default::default();
        for i in 0..n {
            if words[i].is_empty() || folded[i].is_empty() {
                text_of[i] = texts.len();
                texts.push(vec![i]);
                continue;
            }
            let next = texts.len();
            let t = *by_text.entry(folded[i].as_str()).or_insert(next);
            if t == next {
                texts.push(Vec::new());
            }
            texts[t].push(i);
            text_of[i] = t;
        }
    }
    // the documents a text occurs in (sorted, distinct)
    let text_docs: Vec<Vec<usize>> = texts
        .iter()
        .map(|m| {
            let mut d: Vec<usize> = m.iter().map(|&i| items[i].0).collect();
            d.dedup(); // items are in document order
            d
        })
        .collect();
    let rep = |t: usize| texts[t][0];
    let nt = texts.len();
    let mut df: Vec<u32> = vec![0; vocab.len()];
    for t in 0..nt {
        for &s in &words[rep(t)] {
            df[s as usize] += 1;
        }
    }
    let cap = (nt / 100).clamp(6, 30) as u32;
    let mut inv: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
    for t in 0..nt {
        for &s in &words[rep(t)] {
            if df[s as usize] <= cap {
                inv[s as usize].push(t as u32);
            }
        }
    }
    let inter = |x: &[u32], y: &[u32], rare_only: bool| {
        shared_ids(x, y, |s| !rare_only || df[s as usize] <= cap)
    };
    // Candidates: each text probes the posting lists of its six rarest stems (prefix
    // filtering), so the work is at most 6 x cap per text: linear in the corpus. Two
    // texts are compared only when they occur in two different documents between them.
    let single_doc = |a: usize, b: usize| {
        let (da, db) = (&text_docs[a], &text_docs[b]);
        da.len() == 1 && db.len() == 1 && da[0] == db[0]
    };
    let mut cands: Vec<(u32, u32)> = Vec::new();
    for a in 0..nt {
        let mut rarest: Vec<(u32, u32)> = words[rep(a)]
            .iter()
            .map(|&s| (df[s as usize], s))
            .filter(|x| x.0 <= cap && x.0 >= 2)
            .collect();
        rarest.sort_unstable();
        for (_, st) in rarest.into_iter().take(6) {
            for &b in &inv[st as usize] {
                let b = b as usize;
                if b != a && !single_doc(a, b) {
                    cands.push((a.min(b) as u32, a.max(b) as u32));
                }
            }
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let mut dsu = Dsu::new(n);
    // relation kinds per link between texts (a text with itself: its reprints)
    let mut relation: BTreeMap<(usize, usize), &'static str> = BTreeMap::new();
    for (t, members) in texts.iter().enumerate() {
        if text_docs[t].len() >= 2 {
            relation.insert((t, t), "exact");
        }
        for &m in &members[1..] {
            dsu.union(members[0], m);
        }
    }
    for &(a, b) in &cands {
        let (a, b) = (a as usize, b as usize);
        let (ra, rb) = (rep(a), rep(b));
        let all = inter(&words[ra], &words[rb], false);
        let small = words[ra].len().min(words[rb].len()).max(1);
        let rel = if all == small {
            let (fa, fb) = (&folded[ra], &folded[rb]);
            if fa.split(' ').count() >= 3
                && fb.split(' ').count() >= 3
                && (fa.contains(fb.as_str()) || fb.contains(fa.as_str()))
            {
                Some("truncated")
            } else {
                None
            }
        } else {
            None
        };
        let rel = rel.or_else(|| {
            let rare = inter(&words[ra], &words[rb], true);
            let qa = &docs[items[ra].0].quotes[items[ra].1];
            let qb = &docs[items[rb].0].quotes[items[rb].1];
            let same_speaker = qa.speaker.is_some() && qa.speaker == qb.speaker;
            let ratio = all as f64 / small as f64;
            // a remark translated or paraphrased differently: the same speaker and a good
            // share of rare content words, or nearly the same words whoever is named
            if (same_speaker && all >= 3 && rare >= 2 && ratio >= 0.25)
                || (all >= 4 && rare >= 3 && ratio >= 0.6)
            {
                Some("paraphrase")
            } else {
                None
            }
        });
        if let Some(r) = rel {
            dsu.union(ra, rb);
            relation.insert((a, b), r);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for id in 0..n {
        groups.entry(dsu.find(id)).or_default().push(id);
    }
    let mut rel_by_root: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    let mut links_by_root: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (&(a, b), r) in &relation {
        let root = dsu.find(rep(a));
        rel_by_root.entry(root).or_default().insert(*r);
        if *r != "paraphrase" {
            links_by_root.entry(root).or_default().push((a, b));
        }
    }
    let mut out = Vec::new();
    let mut conflicts = Vec::new();
    for ids in groups.values() {
        // a group is the same remark in two sources at least
        if ids.len() < 2 || ids.iter().all(|&i| items[i].0 == items[ids[0]].0) {
            continue;
        }
        let root = dsu.find(ids[0]);
        let rels: BTreeSet<&str> = rel_by_root.get(&root).cloned().unwrap_or_default();
        let rel = if rels.contains("paraphrase") {
            "paraphrase"
        } else if rels.contains("truncated") {
            "truncated"
        } else {
            "exact"
        };
        let members: Vec<GroupMember> = ids
            .iter()
            .map(|&i| {
                let (di, qi) = items[i];
                let q = &docs[di].quotes[qi];
                GroupMember {
                    document: docs[di].file.clone(),
                    text: q.text.clone(),
                    span: q.span,
                    index: qi,
                }
            })
            .collect();
        let speakers: Vec<Option<String>> = ids
            .iter()
            .map(|&i| docs[items[i].0].quotes[items[i].1].speaker.clone())
            .collect();
        // Same words, different named speakers: one speaker conflict per group, over the
        // quotes of texts joined by exact or truncated links (a paraphrase may rightly
        // differ): on each link, every quote whose speaker differs from another's there.
        let links = links_by_root
            .get(&root)
            .map(|v| v.as_slice())
            .unwrap_or(&[]);
        let mut linked: BTreeSet<usize> = BTreeSet::new();
        for &(a, b) in links {
            let on_link: Vec<usize> = if a == b {
                texts[a].clone()
            } else {
                texts[a].iter().chain(&texts[b]).copied().collect()
            };
            // per document, the speakers it gives the words to; documents that agree on
            // them (reprints, or one article quoting two people saying the same words in
            // every copy) are one view
            let mut by_doc: BTreeMap<usize, BTreeSet<&String>> = BTreeMap::new();
            for &i in &on_link {
                if let Some(sp) = &docs[items[i].0].quotes[items[i].1].speaker {
                    by_doc.entry(items[i].0).or_default().insert(sp);
                }
            }
            let mut views: BTreeMap<&BTreeSet<&String>, Vec<usize>> = BTreeMap::new();
            for (d, set) in &by_doc {
                let v = views.entry(set).or_default();
                if v.len() < 2 {
                    v.push(*d);
                }
            }
            if views.len() < 2 {
                continue;
            }
            // a quote conflicts when another document does not give these words to its speaker
            for &i in &on_link {
                let d = items[i].0;
                if let Some(sp) = &docs[d].quotes[items[i].1].speaker {
                    if views
                        .iter()
                        .any(|(set, ds)| !set.contains(sp) && ds.iter().any(|&x| x != d))
                    {
                        linked.insert(i);
                    }
                }
            }
        }
        if !linked.is_empty() {
            let mut values = BTreeMap::new();
            let mut shortest: Option<&str> = None;
            for &i in &linked {
                let q = &docs[items[i].0].quotes[items[i].1];
                if let Some(sp) = &q.speaker {
                    values
                        .entry(docs[items[i].0].file.clone())
                        .or_insert_with(|| sp.clone());
                }
                if shortest.is_none_or(|s| q.text.len() < s.len()) {
                    shortest = Some(&q.text);
                }
            }
            let phrase = shortest
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            conflicts.push(Conflict {
                kind: "speaker".into(),
                actor: None,
                about: phrase.clone(),
                message: format!(
                    "the words \u{201c}{}\u{201d} are given to different speakers: {}",
                    phrase,
                    values
                        .iter()
                        .map(|(k, v)| format!("{v} ({k})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                values,
            });
        }
        out.push(QuoteGroup {
            relation: rel.into(),
            speakers,
            members,
        });
    }
    (out, conflicts)
}
