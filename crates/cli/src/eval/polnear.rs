//! Benchmark: PolNeAR dev (`../shared/bench/polnear/dev`, see `../shared/bench/README.md`).
//!
//! PolNeAR annotates every attribution in 2016 US campaign news as brat standoff:
//! `Source`, `Cue` and `Content` spans joined by an `E` relation. We run the per-document
//! stages on each article text as it is (the texts are already clean prose; the brat
//! offsets are character offsets into it) and compare our quotes with the gold contents.
//!
//! Definitions (ours; no extractor has published PolNeAR scores):
//! - One annotator per article: the annotation file whose name sorts first.
//! - Span texts are compared after trimming whitespace, quote marks and edge
//!   punctuation. `overlap = shared characters / max(len gold, len predicted)`, so 0.3
//!   is "clearly the same content" and 0.8 "nearly the same boundaries". Each gold
//!   content is matched greedily to the unused prediction with the highest overlap.
//! - A gold content is *direct* when it begins with a double quote mark (or one stands
//!   right before it); every other attribution is *indirect*. Our `direct` and
//!   `partial` quotes are direct. Per-kind precision counts our quotes of that kind,
//!   per-kind recall the gold contents of that kind; a match across kinds counts for
//!   the content scores but for neither per-kind score's numerator on the other side.
//! - Contents split by the cue (`“A,” she said. “B.”`) are brat fragments: a prediction
//!   matches by its best overlap with the whole content or with any one fragment. An
//!   unmatched prediction lying (>= 80 %) inside a matched content (the other fragment,
//!   a partial quote inside a reported clause) is part of that attribution and counts
//!   neither as a hit nor as an extra.
//! - Speaker accuracy, on matched quotes whose gold has a Source: correct when our
//!   speaker phrase overlaps the gold Source span, or when the last word of the gold
//!   Source equals the last word of our canonical speaker or of our speaker phrase
//!   (a pronoun resolved to the person, a later surname). A gold Source that is a relative
//!   pronoun ("Sanders, who cites ...") is matched by our phrase for its antecedent, the
//!   phrase ending right before it (at most a comma and spaces between).

use super::{Row, Section};
use parallax_core::model::{QuoteKind, Span};
use parallax_core::{attribute, lexicon, recognise, segment};
use std::collections::BTreeMap;
use std::path::Path;

pub(crate) struct Gold {
    pub(crate) content: Span,
    /// The fragments of a discontinuous content (`“A,” she said, “B”`).
    pub(crate) frags: Vec<Span>,
    pub(crate) direct: bool,
    pub(crate) source: Option<Span>,
    pub(crate) cue: Option<Span>,
}

/// Parses one brat file into attributions (byte spans into `text`).
pub(crate) fn parse_ann(ann: &str, text: &str) -> Vec<Gold> {
    // char offset -> byte offset
    let mut c2b: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    c2b.push(text.len());
    let conv = |c: usize| c2b.get(c).copied().unwrap_or(text.len());
    let mut spans: BTreeMap<String, (Span, Vec<Span>)> = BTreeMap::new();
    let mut rels = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(def)) = (parts.next(), parts.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut it = def.splitn(2, ' ');
            let _label = it.next();
            let Some(offs) = it.next() else { continue };
            let mut lo = usize::MAX;
            let mut hi = 0;
            let mut frags = Vec::new();
            for frag in offs.split(';') {
                let mut n = frag
                    .split_whitespace()
                    .filter_map(|x| x.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (n.next(), n.next()) {
                    lo = lo.min(a);
                    hi = hi.max(b);
                    if a < b {
                        frags.push(Span::new(conv(a), conv(b)));
                    }
                }
            }
            if lo < hi {
                spans.insert(id.to_string(), (Span::new(conv(lo), conv(hi)), frags));
            }
        } else if id.starts_with('E') {
            rels.push(def.to_string());
        }
    }
    let mut out = Vec::new();
    for r in rels {
        let mut content = None;
        let mut source = None;
        let mut cue = None;
        for arg in r.split_whitespace() {
            if let Some((role, t)) = arg.split_once(':') {
                match role {
                    "Content" => content = spans.get(t).cloned(),
                    "Source" => source = spans.get(t).map(|x| x.0),
                    "Cue" => cue = spans.get(t).map(|x| x.0),
                    _ => {}
                }
            }
        }
        let Some((c, frags)) = content else { continue };
        let ct = c.text(text);
        let before = text[..c.start].trim_end_matches(' ').chars().last();
        let direct =
            ct.trim_start().starts_with(['“', '"', '”']) || matches!(before, Some('“' | '"'));
        out.push(Gold {
            content: c,
            frags,
            direct,
            source,
            cue,
        });
    }
    out
}

/// Trims whitespace, quote marks and edge punctuation; returns the byte span.
fn core(text: &str, s: Span) -> Span {
    let t = s.text(text);
    let junk = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '“' | '”' | '"' | '‘' | '’' | '\'' | ',' | '.' | ':' | ';' | '—' | '–'
            )
    };
    let a = t.len() - t.trim_start_matches(junk).len();
    let tt = t.trim_start_matches(junk);
    let b = a + tt.trim_end_matches(junk).len();
    Span::new(s.start + a, s.start + b.max(a))
}

fn overlap(a: Span, b: Span) -> f64 {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let m = a.len().max(b.len());
    if m == 0 {
        0.0
    } else {
        shared as f64 / m as f64
    }
}

fn last_word(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .last()
        .unwrap_or("")
        .to_lowercase()
        .trim_end_matches("s'")
        .to_string()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp_gold: usize,
    tp_pred: usize,
    gold: usize,
    pred: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp_pred as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp_gold as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

fn fmt3(c: &Counts) -> String {
    let (p, r, f) = c.prf();
    format!("{p:.1} / {r:.1} / {f:.1}")
}

/// Every article's annotation files (`ARTICLE_ANNOTATOR.ann`), in name order.
fn annotations_by_article(adir: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut files: Vec<String> = std::fs::read_dir(adir)
        .map_err(|e| format!("{}: {e}", adir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    files.sort();
    let mut by_article: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in files {
        let stem = f.trim_end_matches(".ann");
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        by_article.entry(article).or_default().push(f);
    }
    Ok(by_article)
}

/// One annotator per article: article name -> the annotation file whose name sorts first.
pub(crate) fn choose_annotations(adir: &Path) -> Result<BTreeMap<String, String>, String> {
    Ok(annotations_by_article(adir)?
        .into_iter()
        .filter_map(|(a, files)| files.into_iter().next().map(|f| (a, f)))
        .collect())
}

/// The outcome of matching one article's predicted contents against its gold ones.
struct Matched {
    /// Per gold attribution: the overlap and index of the prediction it matched.
    best: Vec<Option<(f64, usize)>>,
    /// Per prediction: matched, or absorbed into a matched content.
    used: Vec<bool>,
}

/// Matches predicted contents (`(span, indirect)`) to gold ones at overlap `th` and adds
/// the article's counts to `c` ([all, direct, indirect]); see the module docs.
fn match_contents(
    text: &str,
    gold: &[Gold],
    pred: &[(Span, bool)],
    th: f64,
    c: &mut [Counts; 3],
) -> Matched {
    let mut used = vec![false; pred.len()];
    let mut bests = Vec::with_capacity(gold.len());
    c[0].gold += gold.len();
    c[0].pred += pred.len();
    for g in gold {
        c[if g.direct { 1 } else { 2 }].gold += 1;
    }
    for &(_, ind) in pred {
        c[if ind { 2 } else { 1 }].pred += 1;
    }
    let mut matched_hulls: Vec<Span> = Vec::new();
    for g in gold {
        let gc = core(text, g.content);
        let mut best: Option<(f64, usize)> = None;
        for (i, &(span, _)) in pred.iter().enumerate() {
            if used[i] {
                continue;
            }
            let qc = core(text, span);
            let o = g
                .frags
                .iter()
                .map(|f| overlap(core(text, *f), qc))
                .fold(overlap(gc, qc), f64::max);
            if o >= th && best.is_none_or(|(bo, _)| o > bo) {
                best = Some((o, i));
            }
        }
        bests.push(best);
        let Some((_, i)) = best else { continue };
        used[i] = true;
        matched_hulls.push(g.content);
        let gk = if g.direct { 1 } else { 2 };
        let pk = if pred[i].1 { 2 } else { 1 };
        c[0].tp_gold += 1;
        c[0].tp_pred += 1;
        c[gk].tp_gold += 1;
        c[pk].tp_pred += 1;
    }
    // a prediction inside a matched attribution's content (a partial quote inside a
    // reported clause, the second half of an interrupted quote) is part of it
    for (i, &(span, ind)) in pred.iter().enumerate() {
        if !used[i]
            && matched_hulls.iter().any(|h| {
                5 * span.end.min(h.end).saturating_sub(span.start.max(h.start)) >= 4 * span.len()
            })
        {
            used[i] = true;
            c[0].pred -= 1;
            c[if ind { 2 } else { 1 }].pred -= 1;
        }
    }
    Matched { best: bests, used }
}

/// Human agreement under the same metric: on every article that several annotators
/// marked (train and dev), each annotator's attributions scored against each other's.
/// This is the ceiling the content scores can be read against. Returns the counts at
/// [0.3, 0.8], the speaker agreement (ok, n) and the number of articles and pairs.
fn agreement(base: &Path) -> Result<([[Counts; 3]; 2], (usize, usize), usize, usize), String> {
    let mut counts = [[Counts::default(); 3]; 2];
    let mut spk = (0, 0);
    let (mut articles, mut pairs) = (0, 0);
    for split in ["train", "dev"] {
        let dir = base.join(split);
        let adir = dir.join("attributions");
        let by_article = annotations_by_article(&adir)?;
        for (article, anns) in by_article.iter().filter(|(_, a)| a.len() > 1) {
            let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))
            else {
                continue;
            };
            let mut all = Vec::new();
            for f in anns {
                let ann = std::fs::read_to_string(adir.join(f)).map_err(|e| e.to_string())?;
                all.push(parse_ann(&ann, &text));
            }
            articles += 1;
            for (a, gold) in all.iter().enumerate() {
                for (b, other) in all.iter().enumerate() {
                    if a == b {
                        continue;
                    }
                    pairs += 1;
                    let pred: Vec<(Span, bool)> =
                        other.iter().map(|o| (o.content, !o.direct)).collect();
                    for (ti, th) in [0.3, 0.8].into_iter().enumerate() {
                        let m = match_contents(&text, gold, &pred, th, &mut counts[ti]);
                        if ti > 0 {
                            continue;
                        }
                        for (g, best) in gold.iter().zip(&m.best) {
                            let (Some(src), Some((_, i))) = (g.source, best) else {
                                continue;
                            };
                            spk.1 += 1;
                            spk.0 += other[*i].source.is_some_and(|s| {
                                s.overlaps(src)
                                    || last_word(s.text(&text)) == last_word(src.text(&text))
                            }) as usize;
                        }
                    }
                }
            }
        }
    }
    Ok((counts, spk, articles, pairs))
}

pub fn run(shared: &Path) -> Result<Section, String> {
    // PARALLAX_POLNEAR_SPLIT=train scores the train split instead (for error analysis
    // without looking at dev)
    let split = std::env::var("PARALLAX_POLNEAR_SPLIT").unwrap_or_else(|_| "dev".into());
    let dir = shared.join("bench/polnear").join(&split);
    let adir = dir.join("attributions");
    let mut chosen = choose_annotations(&adir)?;
    // PARALLAX_POLNEAR_HOLDOUT=1 (with the train split) scores only the tenth of train
    // that `parallax train-tagger --holdout` leaves out
    if std::env::var_os("PARALLAX_POLNEAR_HOLDOUT").is_some() {
        chosen = chosen
            .into_iter()
            .enumerate()
            .filter(|(i, _)| super::train::held_out(*i))
            .map(|(_, x)| x)
            .collect();
    }
    let thresholds = [0.3, 0.8];
    // [threshold][all, direct, indirect]
    let mut counts = [[Counts::default(); 3]; 2];
    let mut spk = [(0usize, 0usize); 3]; // at 0.3: (ok, n) for all, direct, indirect
    let mut docs = 0;
    for (article, ann_file) in &chosen {
        let text_path = dir.join("text").join(format!("{article}.txt"));
        let Ok(text) = std::fs::read_to_string(&text_path) else {
            continue;
        };
        let ann = std::fs::read_to_string(adir.join(ann_file)).map_err(|e| e.to_string())?;
        let gold = parse_ann(&ann, &text);
        docs += 1;
        let seg = segment::segment(&text);
        let (mut entities, mentions) =
            recognise::actors::recognise(&text, &seg, lexicon::gazetteer());
        let quotes = attribute::attribute(&text, &seg, &mut entities, &mentions);
        for (ti, &th) in thresholds.iter().enumerate() {
            let debug = std::env::var_os("PARALLAX_DEBUG").is_some();
            let pred: Vec<(Span, bool)> = quotes
                .iter()
                .map(|q| (q.span, q.kind == QuoteKind::Indirect))
                .collect();
            let m = match_contents(&text, &gold, &pred, th, &mut counts[ti]);
            let used = &m.used;
            for (g, best) in gold.iter().zip(&m.best) {
                let Some((o, i)) = *best else {
                    if ti == 0 && debug {
                        let ctx_start = text[..g.content.start].rfind('\n').map_or(0, |x| x + 1);
                        eprintln!(
                            "MISS {} [{}] {:?} | src {:?}",
                            if g.direct { "D" } else { "I" },
                            g.cue.map_or("", |s| s.text(&text)),
                            core(&text, g.content).text(&text),
                            g.source.map(|s| s.text(&text))
                        );
                        if std::env::var("PARALLAX_DEBUG").as_deref() == Ok("2") {
                            let pe = text[g.content.end..]
                                .find('\n')
                                .map_or(text.len(), |x| g.content.end + x);
                            eprintln!("   para {:?}", &text[ctx_start..pe]);
                            for q in quotes.iter().filter(|q| q.span.overlaps(g.content)) {
                                eprintln!(
                                    "   near {:?} {:?} cue {:?} spk {:?}",
                                    q.kind, q.text, q.cue, q.speaker_text
                                );
                            }
                        }
                    }
                    continue;
                };
                if ti == 0 && debug && o < 0.8 {
                    eprintln!(
                        "LOOSE {:?}\n   ours {:?}",
                        core(&text, g.content).text(&text),
                        core(&text, quotes[i].span).text(&text)
                    );
                }
                let q = &quotes[i];
                let gk = if g.direct { 1 } else { 2 };
                if ti == 0 {
                    if let Some(src) = g.source {
                        let st = src.text(&text);
                        // a relative pronoun ("Sanders, who cites ...") names its
                        // antecedent, which ends right before it
                        let relative = matches!(
                            st.to_lowercase().as_str(),
                            "who" | "which" | "that" | "whom"
                        );
                        let ok = q.speaker_span.is_some_and(|s| {
                            s.overlaps(src)
                                || relative
                                    && s.end <= src.start
                                    && text[s.end..src.start]
                                        .chars()
                                        .all(|c| c == ',' || c.is_whitespace())
                                    && src.start - s.end <= 3
                        }) || q
                            .speaker
                            .as_deref()
                            .is_some_and(|s| !s.is_empty() && last_word(s) == last_word(st))
                            || q.speaker_text
                                .as_deref()
                                .is_some_and(|s| !s.is_empty() && last_word(s) == last_word(st));
                        if debug && !ok {
                            eprintln!(
                                "SPK want {:?} got {:?} / {:?} cue {:?} | {:?}",
                                st,
                                q.speaker,
                                q.speaker_text,
                                q.cue,
                                q.text.chars().take(80).collect::<String>()
                            );
                        }
                        for k in [0, gk] {
                            spk[k].1 += 1;
                            spk[k].0 += ok as usize;
                        }
                    }
                }
            }
            if ti == 0 && std::env::var_os("PARALLAX_DEBUG").is_some() {
                for (i, q) in quotes.iter().enumerate() {
                    if !used[i] {
                        eprintln!(
                            "EXTRA {:?} {:?} | {:?} cue {:?}",
                            q.kind, &q.text, q.speaker_text, q.cue
                        );
                    }
                }
            }
        }
    }
    let pct = |(ok, n): (usize, usize)| {
        if n == 0 {
            "-".to_string()
        } else {
            format!("{:.1} ({ok}/{n})", 100.0 * ok as f64 / n as f64)
        }
    };
    let ggt = [
        ("GenderGapTracker (other data)", "84.6 / 82.7 / 83.7"),
        ("citron F1, PARC 3.0", "83.2"),
    ];
    let mut rows = vec![
        Row::new("content P/R/F1, overlap >= 0.3", fmt3(&counts[0][0]), &ggt),
        Row::new("content P/R/F1, overlap >= 0.8", fmt3(&counts[1][0]), &[]),
        Row::new("direct P/R/F1 (0.3)", fmt3(&counts[0][1]), &[]),
        Row::new("direct P/R/F1 (0.8)", fmt3(&counts[1][1]), &[]),
        Row::new("indirect P/R/F1 (0.3)", fmt3(&counts[0][2]), &[]),
        Row::new("indirect P/R/F1 (0.8)", fmt3(&counts[1][2]), &[]),
        Row::new(
            "speaker accuracy (matched, 0.3)",
            pct(spk[0]),
            &[("GenderGapTracker (other data)", "86.5")],
        ),
        Row::new("speaker accuracy, direct", pct(spk[1]), &[]),
        Row::new("speaker accuracy, indirect", pct(spk[2]), &[]),
    ];
    let mut notes = vec![];
    if let Ok((h, hs, articles, pairs)) = agreement(&shared.join("bench/polnear")) {
        if pairs > 0 {
            let human = "PolNeAR annotators, each other";
            // rows: content 0.3, content 0.8, direct 0.3, direct 0.8, indirect 0.3,
            // indirect 0.8, speaker
            for (k, v) in [
                (0, fmt3(&h[0][0])),
                (1, fmt3(&h[1][0])),
                (2, fmt3(&h[0][1])),
                (3, fmt3(&h[1][1])),
                (4, fmt3(&h[0][2])),
                (5, fmt3(&h[1][2])),
                (6, pct(hs)),
            ] {
                rows[k].peers.insert(0, (human.to_string(), v));
            }
            notes.push(format!(
                "\"{human}\" is human agreement under the same metric: on the {articles} articles \
                 (train and dev) that several annotators marked, each annotator scored as a prediction \
                 against each other one as gold ({pairs} ordered pairs). It is the ceiling the scores \
                 above can be read against."
            ));
        }
    }
    Ok(Section {
        title: format!("PolNeAR {split} (attributions in political news)"),
        about: format!(
            "{docs} articles, one annotator each; every annotated attribution (Source/Cue/Content) counts, including \
             cues like \"reports\" or \"poll shows\". Overlap = shared chars / longer span; greedy best match. \
             Peer figures are on other data sets and only indicative."
        ),
        rows,
        notes,
    })
}
