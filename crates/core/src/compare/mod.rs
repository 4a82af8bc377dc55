//! compare: merge actors across documents, cluster issues, group figures and quotes,
//! find conflicts and blindspots.
//!
//! This is what a reader of several sources wants to see at once: who takes which side
//! on what (the stance matrix, one cell per document x actor x issue), which numbers
//! and remarks recur and where they disagree, and what only some sources carry.
//!
//! Everything here is near-linear in the corpus: issues are keyed by one stem per claim,
//! figures and quotes are paired only through inverted indexes over rare stems (see
//! [`groups`]), attributes and dates are grouped per actor. Output order is fixed by
//! sorting on stable keys; no hash order reaches the result.
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

pub mod actors;
pub mod groups;
pub mod issues;
pub mod stories;

/// User edits to the discovered issues, applied after clustering.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CompareOptions {
    pub issue_edits: Vec<IssueEdit>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum IssueEdit {
    /// A new issue defined by keywords.
    Add {
        label: String,
        keywords: Vec<String>,
    },
    Rename {
        id: String,
        label: String,
    },
    /// Merge `from` into `into`.
    Merge {
        from: String,
        into: String,
    },
    Delete {
        id: String,
    },
}

#[derive(Clone, Debug, Default)]
pub struct Comparison {
    pub stories: Vec<Story>,
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub stances: Vec<Stance>,
    pub figure_groups: Vec<FigureGroup>,
    pub quote_groups: Vec<QuoteGroup>,
    pub conflicts: Vec<Conflict>,
    pub blindspots: Vec<Blindspot>,
    /// Per document file, quotes per actor (who gets a voice in each source).
    pub voice: BTreeMap<String, BTreeMap<String, usize>>,
}

/// One claim placed in the corpus: document, actor, key.
struct Placed {
    doc: usize,
    claim: usize,
    actor: usize,
    key: issues::TargetKey,
}

pub fn compare(docs: &mut [DocAnalysis], opts: &CompareOptions) -> Comparison {
    let (actors, maps) = actors::merge_actors(docs);
    // quotes carry the corpus actor name
    for (di, d) in docs.iter_mut().enumerate() {
        for q in d.quotes.iter_mut() {
            if let Some(e) = q.speaker_entity {
                if let Some(&a) = maps[di].get(e) {
                    q.speaker = Some(actors[a].name.clone());
                }
            }
        }
    }
    let docs: &[DocAnalysis] = docs;
    let mspans: Vec<Vec<Span>> = docs.iter().map(issues::mention_spans).collect();

    // ---- issues
    let mut placed = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for (ci, c) in d.claims.iter().enumerate() {
            let Some(&a) = maps[di].get(c.entity) else {
                continue;
            };
            let key = issues::target_key(&d.body, c.target_span, &mspans[di]);
            if key.words.is_empty() {
                continue;
            }
            placed.push(Placed {
                doc: di,
                claim: ci,
                actor: a,
                key,
            });
        }
    }
    let keys_only: Vec<issues::TargetKey> = placed.iter().map(|p| p.key.clone()).collect();
    let mut keys = issues::choose_keys(&keys_only);
    // user-defined issues claim their members first
    let mut user: Vec<(String, String, Vec<String>)> = Vec::new(); // (id, label, keyword stems)
    for (n, e) in opts.issue_edits.iter().enumerate() {
        if let IssueEdit::Add { label, keywords } = e {
            let ks: Vec<String> = keywords
                .iter()
                .flat_map(|k| {
                    k.split_whitespace()
                        .map(crate::stance::stem)
                        .collect::<Vec<_>>()
                })
                .collect();
            user.push((format!("user-{}", n + 1), label.clone(), ks));
        }
    }
    let mut issue_of: Vec<Option<String>> = vec![None; placed.len()];
    for (i, p) in placed.iter().enumerate() {
        if let Some((id, _, _)) = user
            .iter()
            .find(|(_, _, ks)| p.key.words.iter().any(|(s, _)| ks.contains(s)))
        {
            issue_of[i] = Some(id.clone());
        } else if let Some(k) = keys[i].take() {
            issue_of[i] = Some(format!("issue-{k}"));
        }
    }
    // discovered issues: at least two claims
    let mut members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, id) in issue_of.iter().enumerate() {
        if let Some(id) = id {
            members.entry(id.clone()).or_default().push(i);
        }
    }
    // discovered issues need two different target phrases (one phrase shared by two
    // coordinated actors is still one remark)
    members.retain(|id, v| {
        let phrases: BTreeSet<(usize, Span)> = v
            .iter()
            .map(|&i| {
                (
                    placed[i].doc,
                    docs[placed[i].doc].claims[placed[i].claim].target_span,
                )
            })
            .collect();
        phrases.len() >= 2 || id.starts_with("user-")
    });
    // each claim keeps the orientation (cut-off or not) of the issue it was found in,
    // so merging issues never flips what an actor said
    let mut orient: Vec<bool> = vec![false; placed.len()];
    for ms in members.values() {
        let red = ms.iter().filter(|&&i| placed[i].key.reducer).count();
        for &i in ms {
            orient[i] = red * 2 > ms.len();
        }
    }
    // merges and deletes
    for e in &opts.issue_edits {
        match e {
            IssueEdit::Merge { from, into } if from != into => {
                if let Some(v) = members.remove(from) {
                    members.entry(into.clone()).or_default().extend(v);
                }
            }
            IssueEdit::Delete { id } => {
                members.remove(id);
            }
            _ => {}
        }
    }
    let mut issue_list = Vec::new();
    let mut issue_label: BTreeMap<String, (String, bool)> = BTreeMap::new();
    for (id, ms) in &members {
        let ks: Vec<&issues::TargetKey> = ms.iter().map(|&i| &placed[i].key).collect();
        let red = ks.iter().filter(|k| k.reducer).count();
        let reducer = red * 2 > ks.len();
        let mut label = if let Some((_, l, _)) = user.iter().find(|(u, _, _)| u == id) {
            l.clone()
        } else {
            issues::label(id.trim_start_matches("issue-"), &ks, reducer)
        };
        for e in &opts.issue_edits {
            if let IssueEdit::Rename { id: rid, label: l } = e {
                if rid == id {
                    label = l.clone();
                }
            }
        }
        let mut phrases: Vec<String> = ms
            .iter()
            .map(|&i| docs[placed[i].doc].claims[placed[i].claim].target.clone())
            .collect();
        phrases.sort();
        phrases.dedup();
        let mut kw: Vec<String> = ms
            .iter()
            .filter_map(|&i| keys_only[i].words.first().map(|_| ()))
            .map(|_| id.trim_start_matches("issue-").to_string())
            .collect();
        if let Some((_, _, uk)) = user.iter().find(|(u, _, _)| u == id) {
            kw = uk.clone();
        }
        kw.sort();
        kw.dedup();
        issue_label.insert(id.clone(), (label.clone(), reducer));
        issue_list.push(Issue {
            id: id.clone(),
            label,
            phrases,
            keywords: kw,
        });
    }

    // ---- stances: one per (document, actor, issue)
    let mut cells: BTreeMap<(usize, usize, String), Vec<(Polarity, usize)>> = BTreeMap::new();
    for (id, ms) in &members {
        for &i in ms {
            let p = &placed[i];
            let c = &docs[p.doc].claims[p.claim];
            let mut pol = c.polarity;
            if p.key.reducer != orient[i] {
                pol = match pol {
                    Polarity::Support => Polarity::Oppose,
                    Polarity::Oppose => Polarity::Support,
                    x => x,
                };
            }
            cells
                .entry((p.doc, p.actor, id.clone()))
                .or_default()
                .push((pol, p.claim));
        }
    }
    let mut stances = Vec::new();
    for ((di, ai, id), v) in &cells {
        let pols: BTreeSet<Polarity> = v.iter().map(|x| x.0).collect();
        let polarity = if pols.len() == 1 {
            *pols.iter().next().unwrap()
        } else {
            Polarity::Mixed
        };
        let c = &docs[*di].claims[v[0].1];
        stances.push(Stance {
            document: docs[*di].file.clone(),
            actor: actors[*ai].name.clone(),
            issue: issue_label[id].0.clone(),
            issue_id: id.clone(),
            polarity,
            evidence: c.evidence.text(&docs[*di].body).to_string(),
            evidence_span: c.evidence,
            cue: c.cue.clone(),
        });
    }

    // ---- groups
    let (figure_groups, mut conflicts) = groups::figure_groups(docs, &mspans);
    let (quote_groups, qconf) = groups::quote_groups(docs, &mspans);
    conflicts.extend(qconf);
    conflicts.extend(attribute_conflicts(docs, &actors, &mspans));
    // ---- stories, and what differs among the sources of one story
    let stories = stories::stories(docs, &actors, &maps, &mspans);
    let story_of: BTreeMap<&str, usize> = stories
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.documents.iter().map(move |f| (f.as_str(), si)))
        .collect();
    for s in &stories {
        let members: Vec<&DocAnalysis> = docs
            .iter()
            .filter(|d| story_of[d.file.as_str()] == story_of[s.documents[0].as_str()])
            .collect();
        conflicts.extend(date_conflicts(&members));
    }
    let blindspots = blindspots(&stories, &story_of, &actors, &figure_groups, &quote_groups);

    // ---- voice share
    let mut voice: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for d in docs {
        let e = voice.entry(d.file.clone()).or_default();
        for q in &d.quotes {
            let name = q.speaker.clone().unwrap_or_else(|| {
                if q.anonymous {
                    "(anonymous)".into()
                } else {
                    "(unknown)".into()
                }
            });
            *e.entry(name).or_default() += 1;
        }
    }

    Comparison {
        stories,
        actors,
        issues: issue_list,
        stances,
        figure_groups,
        quote_groups,
        conflicts,
        blindspots,
        voice,
    }
}

/// The formal office in a title, without the place it is of: "South Korean President" ->
/// "President". Leading words that are themselves actor mentions in the document
/// (demonyms, country names) are dropped.
fn office(title: &str, place_words: &BTreeSet<String>) -> String {
    let ws: Vec<&str> = title.split_whitespace().collect();
    let mut i = 0;
    while i < ws.len()
        && (place_words.contains(&ws[i].to_lowercase())
            || ws[i].ends_with("'s")
            || ws[i].ends_with("’s"))
    {
        i += 1;
    }
    ws[i..].join(" ")
}

/// An actor's formal title differing between sources ("President" vs "Prime Minister").
fn attribute_conflicts(
    docs: &[DocAnalysis],
    actors: &[Actor],
    _mspans: &[Vec<Span>],
) -> Vec<Conflict> {
    let mut place_words: BTreeSet<String> = BTreeSet::new();
    for d in docs {
        for m in &d.mentions {
            if matches!(
                m.via,
                MentionVia::Demonym | MentionVia::Name | MentionVia::Alias
            ) {
                if let Some(e) = d.entities.get(m.entity) {
                    if e.kind != ActorKind::Person {
                        for w in m.text.split_whitespace() {
                            place_words.insert(w.to_lowercase());
                        }
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for a in actors {
        if a.kind != ActorKind::Person || a.titles.len() < 2 {
            continue;
        }
        let mut per_doc: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (doc, ts) in &a.titles {
            for t in ts {
                let o = office(t, &place_words);
                // formal offices are capitalised ("President", "Prime Minister")
                if o.chars().next().is_some_and(|c| c.is_uppercase()) && !o.is_empty() {
                    per_doc.entry(doc.clone()).or_default().insert(o);
                }
            }
        }
        if per_doc.len() < 2 {
            continue;
        }
        let all: BTreeSet<&String> = per_doc.values().flatten().collect();
        // conflict when some source shares no office with another
        // (distinct sets only: a non-empty set is never disjoint from itself, so this is
        // the same test and stays small when many sources use the same titles)
        let docs_v: Vec<&BTreeSet<String>> = per_doc
            .values()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let disjoint = docs_v
            .iter()
            .enumerate()
            .any(|(i, x)| docs_v[i + 1..].iter().any(|y| x.is_disjoint(y)));
        if all.len() > 1 && disjoint {
            let values: BTreeMap<String, String> = per_doc
                .iter()
                .map(|(k, v)| (k.clone(), v.iter().cloned().collect::<Vec<_>>().join(", ")))
                .collect();
            out.push(Conflict {
                kind: "attribute".into(),
                actor: Some(a.name.clone()),
                about: "title".into(),
                message: format!(
                    "sources give {} different titles: {}",
                    a.name,
                    values
                        .iter()
                        .map(|(k, v)| format!("{v} ({k})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                values,
            });
        }
    }
    out
}

/// Days since an epoch for an ISO date (month-day only dates use year 0).
fn day_number(s: &str) -> Option<(bool, i64)> {
    let (has_year, rest) = if let Some(r) = s.strip_prefix("--") {
        (false, format!("0000-{r}"))
    } else {
        (true, s.to_string())
    };
    let p: Vec<&str> = rest.split('-').collect();
    if p.len() < 3 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (
        p[0].parse().ok()?,
        p[1].parse().ok()?,
        p[2].get(..2)?.parse().ok()?,
    );
    Some((has_year, y * 372 + (m - 1) * 31 + (d - 1)))
}

/// Documents dated far from the others: likely about another event or time.
fn date_conflicts(docs: &[&DocAnalysis]) -> Vec<Conflict> {
    let dated: Vec<(&DocAnalysis, bool, i64)> = docs
        .iter()
        .copied()
        .filter_map(|d| {
            d.published
                .as_deref()
                .and_then(day_number)
                .map(|(y, n)| (d, y, n))
        })
        .collect();
    if dated.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    // compare on month-day when any date lacks a year
    let any_no_year = dated.iter().any(|x| !x.1);
    let key = |n: i64| if any_no_year { n % 372 } else { n };
    let mut vals: Vec<i64> = dated.iter().map(|x| key(x.2)).collect();
    vals.sort();
    let median = vals[vals.len() / 2];
    let far: Vec<&(&DocAnalysis, bool, i64)> = dated
        .iter()
        .filter(|x| (key(x.2) - median).abs() > 30)
        .collect();
    if !far.is_empty() && far.len() * 2 < dated.len() + 1 {
        let values: BTreeMap<String, String> = dated
            .iter()
            .map(|(d, _, _)| (d.file.clone(), d.published.clone().unwrap_or_default()))
            .collect();
        out.push(Conflict {
            kind: "date".into(),
            actor: None,
            about: "published".into(),
            message: format!("{} dated more than a month from the others; it may report a different event or moment", far.iter().map(|x| x.0.file.as_str()).collect::<Vec<_>>().join(", ")),
            values,
        });
    }
    out
}

/// A story of more sources than this reports only what at least a quarter of them
/// carry: among hundreds of sources, that one source has a detail the others lack is the
/// rule, not a finding, and listing every such detail with every source that lacks it
/// would grow with the square of the story.
const SMALL_STORY: usize = 24;

fn blindspots(
    stories: &[Story],
    story_of: &BTreeMap<&str, usize>,
    actors: &[Actor],
    figs: &[FigureGroup],
    quotes: &[QuoteGroup],
) -> Vec<Blindspot> {
    let mut out = Vec::new();
    // per story: the documents of the story that carry the item
    let mut add =
        |kind: &str, what: &str, files: &mut dyn Iterator<Item = &str>, min_present: usize| {
            let mut by_story: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
            for f in files {
                if let Some(&si) = story_of.get(f) {
                    by_story.entry(si).or_default().insert(f);
                }
            }
            for (si, present) in by_story {
                let story = &stories[si];
                let n = story.documents.len();
                let p = present.len();
                if n < 2 || p >= n || (p < min_present && n > 3) || (n > SMALL_STORY && p * 4 < n) {
                    continue;
                }
                out.push(Blindspot {
                    kind: kind.into(),
                    what: what.into(),
                    story: story.id.clone(),
                    present_in: story
                        .documents
                        .iter()
                        .filter(|f| present.contains(f.as_str()))
                        .cloned()
                        .collect(),
                    missing_from: story
                        .documents
                        .iter()
                        .filter(|f| !present.contains(f.as_str()))
                        .cloned()
                        .collect(),
                });
            }
        };
    // actors most sources name but some leave out (the 200 most mentioned, so the list
    // stays readable and linear for large corpora); in a story of three or fewer sources
    // an actor named by one source is already a difference
    let mut cand: Vec<&Actor> = actors.iter().filter(|a| a.mentions >= 3).collect();
    cand.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    for a in cand.into_iter().take(200) {
        add(
            "actor",
            &a.name,
            &mut a.members.iter().map(|(f, _)| f.as_str()),
            2,
        );
    }
    for g in figs {
        add(
            "figure",
            &g.members[0].text,
            &mut g.members.iter().map(|m| m.document.as_str()),
            1,
        );
    }
    for g in quotes {
        let what: String = g.members[0].text.chars().take(80).collect();
        add(
            "quote",
            &what,
            &mut g.members.iter().map(|m| m.document.as_str()),
            1,
        );
    }
    out
}
