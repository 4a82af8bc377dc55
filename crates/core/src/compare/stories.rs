//! stories: which documents tell the same story.
//!
//! Why: a user may drop a folder holding several stories (a week of coverage, a
//! thousand saved articles). What a source *leaves out* (blindspots) and when it is
//! *dated* far from the others only mean something among the sources that cover the
//! same story: a quote from an article on an election is not missing from an article on
//! oil sanctions. Without stories, every claim of every article is "missing" from every
//! other article, and that list grows with the square of the corpus.
//!
//! How: each document is a sparse vector of terms, the corpus actors it names (weight
//! grows with the log of their mentions) and the content stems of its title and lead
//! (the first [`LEAD_SENTENCES`] sentences, where news writing puts who, what, where),
//! weighted by a smoothed inverse document frequency (with [`BACKGROUND_DOCS`]). Two documents are the same story
//! when the cosine of their vectors reaches [`THRESHOLD`]; stories are the connected
//! components (union-find) of that relation.
//!
//! Near-linear: candidate pairs come only from an inverted index over terms, and a term
//! carried by more than a capped number of documents (a tenth of the corpus, at least
//! [`MIN_CAP`]) is left out of the candidate search and of the dot products (its idf is
//! small anyway), so each document meets a bounded number of others. The threshold was
//! chosen on BASIL's same-story triplets (`parallax eval basil` prints the pairwise
//! precision, recall and F1).
use super::groups::content_stems;
use crate::model::*;
use std::collections::{BTreeMap, HashMap};

/// Sentences of the body read as the lead.
pub const LEAD_SENTENCES: usize = 6;
/// Cosine similarity at or above which two documents are the same story.
pub const THRESHOLD: f64 = 0.2;
/// Unrelated documents the idf assumes besides the corpus. The idf is estimated from the
/// corpus itself, and in a corpus of five articles on one story the terms they share
/// would otherwise weigh almost nothing beside each article's own; with this background
/// a term in all five still weighs two thirds of a term in one.
pub const BACKGROUND_DOCS: usize = 100;
/// Documents a term may occur in and still propose candidate pairs (lower bound of the cap).
pub const MIN_CAP: usize = 50;

/// Term of a document vector: a corpus actor or a content stem.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Term {
    Actor(usize),
    Stem(String),
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups `docs` into stories. `maps[d][e]` is the corpus actor of entity `e` of document
/// `d` (from [`super::actors::merge_actors`]); `actors` names them for the labels. Stories
/// are ordered by their first document; documents inside a story keep corpus order.
pub fn stories(
    docs: &[DocAnalysis],
    actors: &[Actor],
    maps: &[Vec<usize>],
    mspans: &[Vec<Span>],
) -> Vec<Story> {
    let n = docs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (di, dj, _) in pairs(docs, maps, mspans, THRESHOLD) {
        let (a, b) = (find(&mut parent, di), find(&mut parent, dj));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    // components, ordered by first document
    let mut comp: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for di in 0..n {
        let r = find(&mut parent, di);
        comp.entry(r).or_default().push(di);
    }
    let mut out: Vec<Story> = comp
        .into_values()
        .map(|members| Story {
            id: String::new(),
            label: label(docs, actors, maps, &members),
            documents: members.iter().map(|&i| docs[i].file.clone()).collect(),
        })
        .collect();
    out.sort_by_key(|s| docs.iter().position(|d| d.file == s.documents[0]));
    for (i, s) in out.iter_mut().enumerate() {
        s.id = format!("story-{}", i + 1);
    }
    out
}

/// Document pairs `(i, j, cosine)` with `i < j` and cosine at least `min_cos`, as the
/// story clustering sees them (for evaluation: `parallax eval basil` sweeps thresholds).
pub fn similar_pairs(docs: &[DocAnalysis], min_cos: f64) -> Vec<(usize, usize, f64)> {
    let (_, maps) = super::actors::merge_actors(docs);
    let mspans: Vec<Vec<Span>> = docs.iter().map(super::issues::mention_spans).collect();
    pairs(docs, &maps, &mspans, min_cos)
}

fn pairs(
    docs: &[DocAnalysis],
    maps: &[Vec<usize>],
    mspans: &[Vec<Span>],
    min_cos: f64,
) -> Vec<(usize, usize, f64)> {
    let n = docs.len();
    // term frequencies per document
    let mut tfs: Vec<BTreeMap<Term, f64>> = Vec::with_capacity(n);
    for (di, d) in docs.iter().enumerate() {
        let mut tf: BTreeMap<Term, f64> = BTreeMap::new();
        for m in &d.mentions {
            if let Some(&a) = maps[di].get(m.entity) {
                *tf.entry(Term::Actor(a)).or_default() += 1.0;
            }
        }
        if let Some(t) = &d.title {
            for s in content_stems(t, Span::new(0, t.len()), &[]) {
                *tf.entry(Term::Stem(s)).or_default() += 1.0;
            }
        }
        if let (Some(first), Some(last)) = (
            d.sentences.first(),
            d.sentences.iter().take(LEAD_SENTENCES).last(),
        ) {
            let lead = Span::new(first.span.start, last.span.end);
            for s in content_stems(&d.body, lead, &mspans[di]) {
                *tf.entry(Term::Stem(s)).or_default() += 1.0;
            }
        }
        for v in tf.values_mut() {
            *v = 1.0 + v.ln();
        }
        tfs.push(tf);
    }
    // document frequencies; ids for the terms kept
    let mut df: HashMap<&Term, usize> = HashMap::new();
    for tf in &tfs {
        for t in tf.keys() {
            *df.entry(t).or_default() += 1;
        }
    }
    let cap = (n / 10).max(MIN_CAP);
    let mut ids: HashMap<&Term, usize> = HashMap::new();
    // per document: (term id, weight), sorted by term id; and its norm
    let mut vecs: Vec<Vec<(usize, f64)>> = Vec::with_capacity(n);
    let mut norms = Vec::with_capacity(n);
    for tf in &tfs {
        let mut v = Vec::with_capacity(tf.len());
        for (t, w) in tf {
            let f = df[t];
            if f > cap {
                continue;
            }
            let idf = (1.0 + (n + BACKGROUND_DOCS) as f64 / f as f64).ln();
            let next = ids.len();
            let id = *ids.entry(t).or_insert(next);
            v.push((id, w * idf));
        }
        v.sort_by_key(|x| x.0);
        norms.push(v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt());
        vecs.push(v);
    }
    // inverted index, then accumulate dot products with later documents only
    let mut postings: Vec<Vec<(usize, f64)>> = vec![Vec::new(); ids.len()];
    for (di, v) in vecs.iter().enumerate() {
        for &(t, w) in v {
            postings[t].push((di, w));
        }
    }
    let mut out = Vec::new();
    // dense accumulator over the later documents, and the ones touched (in first-touch
    // order, sorted before use): no hashing per posting
    let mut acc: Vec<f64> = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    for (di, v) in vecs.iter().enumerate() {
        if norms[di] == 0.0 {
            continue;
        }
        for &(t, w) in v {
            let list = &postings[t];
            // postings are in document order: skip to the later documents
            let from = list.partition_point(|&(dj, _)| dj <= di);
            for &(dj, wj) in &list[from..] {
                if acc[dj] == 0.0 {
                    touched.push(dj);
                }
                acc[dj] += w * wj;
            }
        }
        touched.sort_unstable();
        for &dj in &touched {
            let cos = acc[dj] / (norms[di] * norms[dj]);
            if cos >= min_cos {
                out.push((di, dj, cos));
            }
            acc[dj] = 0.0;
        }
        touched.clear();
    }
    out
}

/// The story's label: the actors named by most of its documents (then by mentions), at
/// most three; the first document's title when no actor is named.
fn label(docs: &[DocAnalysis], actors: &[Actor], maps: &[Vec<usize>], members: &[usize]) -> String {
    let mut count: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // actor -> (documents, mentions)
    for &di in members {
        let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
        for m in &docs[di].mentions {
            if let Some(&a) = maps[di].get(m.entity) {
                *seen.entry(a).or_default() += 1;
            }
        }
        for (a, k) in seen {
            let e = count.entry(a).or_default();
            e.0 += 1;
            e.1 += k;
        }
    }
    let mut ranked: Vec<(usize, (usize, usize))> = count.into_iter().collect();
    ranked.sort_by(|a, b| (b.1).cmp(&a.1).then(a.0.cmp(&b.0)));
    let names: Vec<&str> = ranked
        .iter()
        .take(3)
        .map(|(a, _)| actors[*a].name.as_str())
        .collect();
    if names.is_empty() {
        docs[members[0]]
            .title
            .clone()
            .unwrap_or_else(|| docs[members[0]].file.clone())
    } else {
        names.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze_corpus, Input, Options};

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    const PORT_A: &str = "Dock workers strike at Rotterdam port\n\nDock workers at the port of Rotterdam walked out on Monday over wages, halting container traffic. The union FNV said the strike would last until the port authority raised its offer. Shipping companies diverted vessels to Antwerp.";
    const PORT_B: &str = "Rotterdam port halted as dockers strike\n\nContainer traffic at Rotterdam stopped on Monday when dock workers began a strike over pay. The FNV union said the port authority's offer was too low. Several shipping companies sent their vessels to Antwerp instead.";
    const MATCH: &str = "Late goal gives Celtic cup win over Hibernian\n\nCeltic beat Hibernian 2-1 in the Scottish Cup final at Hampden Park on Saturday. The winning goal came in stoppage time from a corner. The manager praised his players for their patience.";

    #[test]
    fn same_story_documents_are_grouped_and_others_kept_apart() {
        let inputs = [
            input("a.txt", PORT_A),
            input("m.txt", MATCH),
            input("b.txt", PORT_B),
        ];
        let a = analyze_corpus(&inputs, &Options::default(), |_| {});
        let docs: Vec<Vec<&str>> = a
            .stories
            .iter()
            .map(|s| s.documents.iter().map(|d| d.as_str()).collect())
            .collect();
        assert_eq!(docs, vec![vec!["a.txt", "b.txt"], vec!["m.txt"]]);
        assert_eq!(a.stories[0].id, "story-1");
        // blindspots only compare sources of one story
        for b in &a.blindspots {
            assert!(
                !b.missing_from.contains(&"m.txt".to_string()) || b.story == "story-2",
                "{b:?}"
            );
            assert!(
                b.story != "story-2",
                "a one-document story has no blindspot: {b:?}"
            );
        }
    }

    #[test]
    fn identical_documents_are_one_story_in_a_large_corpus() {
        // 60 copies of three stories: each story's copies together, stories apart
        let mut inputs = Vec::new();
        for i in 0..60 {
            let text = [PORT_A, MATCH, "Heavy rain floods villages in Bavaria\n\nRivers in Bavaria burst their banks after two days of heavy rain, flooding villages and forcing hundreds of residents to leave their homes. Firefighters used boats to reach people trapped in houses."][i % 3];
            inputs.push(input(&format!("{i:03}.txt"), text));
        }
        let a = analyze_corpus(&inputs, &Options::default(), |_| {});
        assert_eq!(a.stories.len(), 3);
        for s in &a.stories {
            assert_eq!(s.documents.len(), 20);
        }
        // every copy carries everything its story carries: nothing is missing
        assert!(a.blindspots.is_empty(), "{:?}", a.blindspots.first());
    }
}
