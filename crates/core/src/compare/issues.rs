//! Issues: what the actors take positions on, discovered from the corpus.
//!
//! Every stance claim has a target phrase as written ("cutting off oil supply to North
//! Korea", "the oil embargo", "tougher sanctions"). A target is reduced to the content
//! stems of its first noun phrase (actor names, determiners and intensifiers like
//! "tougher", "further" removed); its *key* is the stem that recurs most often across
//! all targets of the corpus, so "crude oil supplies" and "oil embargo" share the key
//! `oil` while "tough new sanctions on X to block Y" keys on `sanction`. Claims with the
//! same key form an issue, labelled by the most frequent two-word phrase around the key.
//!
//! Targets that *stop* something ("cutting off oil", "oil embargo", "block supplies")
//! carry a reducer flag: an issue whose claims mostly stop something is labelled as a
//! cut-off, and a claim without the flag counts reversed ("concern over oil supplies"
//! opposes supplies = supports the cut-off). Cost is linear in the number of claims.
use crate::model::{DocAnalysis, Span};
use crate::stance::{lexicon, stem, CueKind};
use std::collections::BTreeMap;

/// A claim's target reduced for clustering.
#[derive(Clone, Debug)]
pub struct TargetKey {
    /// Content stems of the target's head phrase, in order, with their surface forms.
    pub words: Vec<(String, String)>,
    /// Whether the target stops/cuts what it names.
    pub reducer: bool,
}

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "or",
    "on",
    "in",
    "for",
    "with",
    "from",
    "by",
    "at",
    "into",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "it",
    "them",
    "they",
    "this",
    "that",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "would",
    "could",
    "should",
    "will",
    "may",
    "might",
    "must",
    "can",
    "not",
    "no",
    "off",
    "up",
    "out",
    "over",
    "about",
    "against",
    "as",
    "such",
    "than",
    "there",
    "which",
    "who",
    "what",
    "how",
    "so",
    "very",
    "much",
    "many",
    "one",
    "two",
    "three",
    "north",
    "south",
    "east",
    "west",
    "country",
    "countries",
    "people",
    "regime",
    "situation",
    "issue",
    "also",
    "make",
    "made",
    "take",
    "taken",
    "put",
    "get",
    "help",
    "participate",
    "both",
    "each",
    "every",
];
const PREP_BREAK: &[&str] = &[
    "to", "on", "from", "for", "with", "by", "in", "at", "against", "into", "over", "between",
    "that", "which", "who",
];

/// Reduces a target to its key words. `mention_spans` are the document's actor mentions
/// (their words are not issue words).
pub fn target_key(body: &str, target: Span, mention_spans: &[Span]) -> TargetKey {
    let lex = lexicon();
    let text = target.text(body);
    let mut words = Vec::new();
    let mut reducer = false;
    let mut saw_content = false;
    let mut last_content_idx: Option<usize> = None;
    let mut idx = 0usize;
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.'))
    {
        let w = w.trim_matches(|c: char| c == '.' || c == '\'' || c == '’' || c == '-');
        // byte offset of the piece within `text` (separators may be multi-byte)
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        if w.is_empty() {
            continue;
        }
        idx += 1;
        let abs = Span::new(target.start + start, target.start + start + w.len());
        let low = w.to_lowercase();
        if saw_content && PREP_BREAK.contains(&low.as_str()) {
            break;
        }
        if mention_spans.iter().any(|m| m.overlaps(abs)) {
            continue;
        }
        let st = stem(&low);
        // "turn the oil tap off", "shut X off"
        let particle_off = low == "off"
            && text[..start].split_whitespace().any(|w| {
                matches!(
                    stem(w).as_str(),
                    "turn" | "shut" | "switch" | "seal" | "clos" | "cut" | "choke"
                )
            });
        let reduce =
            particle_off || lex.is(&st, CueKind::Reducer) || lex.is(&low, CueKind::Reducer);
        if reduce {
            // a reducer governs the key when it precedes it or directly follows it ("oil embargo")
            if !saw_content || last_content_idx.is_some_and(|l| idx <= l + 2) {
                reducer = true;
            }
            continue;
        }
        if STOP.contains(&low.as_str())
            || lex.is(&st, CueKind::Modifier)
            || lex.is(&low, CueKind::Modifier)
            || low.chars().all(|c| c.is_numeric())
        {
            continue;
        }
        if lex.is(&st, CueKind::Verb) || lex.is(&st, CueKind::Report) {
            continue;
        }
        if low.len() < 3 {
            continue;
        }
        saw_content = true;
        last_content_idx = Some(idx);
        words.push((st, low));
    }
    TargetKey { words, reducer }
}

/// Chooses each target's key: its stem most frequent over all targets (ties: first).
pub fn choose_keys(keys: &[TargetKey]) -> Vec<Option<String>> {
    let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
    for k in keys {
        let mut seen: Vec<&str> = Vec::new();
        for (s, _) in &k.words {
            if !seen.contains(&s.as_str()) {
                seen.push(s);
                *freq.entry(s).or_default() += 1;
            }
        }
    }
    keys.iter()
        .map(|k| {
            let mut best: Option<(&str, usize)> = None;
            for (s, _) in &k.words {
                let f = freq[s.as_str()];
                if best.is_none_or(|(_, bf)| f > bf) {
                    best = Some((s, f));
                }
            }
            best.map(|(s, _)| s.to_string())
        })
        .collect()
}

/// Label for an issue: the most frequent adjacent word pair containing the key (surface
/// form of its most frequent variant), else the key's most frequent surface form; plus
/// "cut-off" when the issue is about stopping something.
pub fn label(key: &str, members: &[&TargetKey], reducer: bool) -> String {
    let mut pairs: BTreeMap<(String, String), (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    let mut single: BTreeMap<String, usize> = BTreeMap::new();
    for k in members {
        for (i, (s, w)) in k.words.iter().enumerate() {
            if s != key {
                continue;
            }
            *single.entry(w.clone()).or_default() += 1;
            // the key with its neighbour on either side: "oil supply", "nuclear program"
            let mut add = |a: usize, b: usize| {
                let (s1, w1) = &k.words[a];
                let (s2, w2) = &k.words[b];
                let e = pairs.entry((s1.clone(), s2.clone())).or_default();
                e.0 += 1;
                *e.1.entry(format!("{w1} {w2}")).or_default() += 1;
            };
            if i + 1 < k.words.len() {
                add(i, i + 1);
            }
            if i > 0 {
                add(i - 1, i);
            }
        }
    }
    let top = |m: &BTreeMap<String, usize>| {
        m.iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(k, _)| k.clone())
    };
    let best_pair = pairs
        .iter()
        .filter(|(_, v)| v.0 >= 2)
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)));
    let mut l = match best_pair {
        Some((_, (_, forms))) => {
            // singular surface for the head: "oil supplies" -> "oil supply"
            let f = top(forms).unwrap_or_default();
            let mut parts: Vec<String> = f.split(' ').map(|s| s.to_string()).collect();
            if let Some(last) = parts.last_mut() {
                let sg = singular(last);
                if members
                    .iter()
                    .any(|k| k.words.iter().any(|(_, w)| *w == sg))
                {
                    *last = sg;
                }
            }
            parts.join(" ")
        }
        None => top(&single).unwrap_or_else(|| key.to_string()),
    };
    if reducer && !l.contains("cut") {
        l.push_str(" cut-off");
    }
    l
}

fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        w.to_string()
    } else if let Some(s) = w.strip_suffix('s') {
        s.to_string()
    } else {
        w.to_string()
    }
}

/// All mention spans of a document (for masking actor names in targets).
pub fn mention_spans(d: &DocAnalysis) -> Vec<Span> {
    let mut v: Vec<Span> = d.mentions.iter().map(|m| m.span).collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(t: &str, mentions: &[&str]) -> TargetKey {
        let ms: Vec<Span> = mentions
            .iter()
            .filter_map(|m| t.find(m).map(|p| Span::new(p, p + m.len())))
            .collect();
        target_key(t, Span::new(0, t.len()), &ms)
    }

    proptest::proptest! {
        #[test]
        fn target_key_any_text(t in "\\PC{0,60}") {
            let k = target_key(&t, Span::new(0, t.len()), &[]);
            for (s, w) in &k.words {
                proptest::prop_assert!(!s.is_empty() || w.is_empty());
            }
        }
    }

    #[test]
    fn reducers_and_heads() {
        let k = key("cutting off oil supply to North Korea", &["North Korea"]);
        assert!(k.reducer);
        assert_eq!(
            k.words.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
            vec!["oil", "suppli"]
        );
        let k = key("the oil embargo", &[]);
        assert!(k.reducer);
        let k = key(
            "Russia's oil supplies to North Korea",
            &["Russia", "North Korea"],
        );
        assert!(!k.reducer);
        let k = key(
            "tough new sanctions on North Korea to block its sources",
            &["North Korea"],
        );
        assert!(!k.reducer);
        assert_eq!(k.words[0].0, "sanction");
    }

    #[test]
    fn keys_follow_corpus_frequency_and_labels_name_them() {
        let ks = vec![
            key("cutting off oil supply", &[]),
            key("stopping crude oil supply", &[]),
            key("the oil embargo", &[]),
            key("tougher sanctions", &[]),
            key("further sanctions", &[]),
        ];
        let keys = choose_keys(&ks);
        assert_eq!(keys[0].as_deref(), Some("oil"));
        assert_eq!(keys[2].as_deref(), Some("oil"));
        assert_eq!(keys[3].as_deref(), Some("sanction"));
        let members: Vec<&TargetKey> = ks[..3].iter().collect();
        assert_eq!(label("oil", &members, true), "oil supply cut-off");
        let members: Vec<&TargetKey> = ks[3..].iter().collect();
        assert_eq!(label("sanction", &members, false), "sanctions");
    }
}
