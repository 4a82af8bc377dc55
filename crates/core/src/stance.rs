//! stance: each actor's positions (target phrase, polarity, cue) in one document.
//!
//! News reports stance through a small set of constructions, and this module reads
//! them with shallow rules over the sentence tokens instead of a parser:
//!
//! * a *cue verb* with its complement: "Merkel condemned the tests but urged talks",
//!   "reluctant to support Moon's push for harsher sanctions" (cues chain: each one
//!   multiplies the polarity, so reluctant x support x push-for = oppose);
//! * a *nominal cue* whose possessor is the actor: "Moon's suggestion of cutting off oil";
//! * a *predicate* whose subject is the target: "sanctions are not the solution",
//!   "stopping crude oil supply is unavoidable", "it was imperative to cut off oil";
//!   the actor is then the quote's speaker or the subject of the reporting verb;
//! * evaluation: "calling X a violation" (VADER valence), "without X, it is impossible"
//!   (support X), "impossible to resolve ... with X alone" (oppose X);
//! * contrast: "emphasize talks rather than more sanctions" gives two opposite claims.
//!
//! Negation ("not", "n't", "never", "no") just before a cue flips it. The cue's subject
//! is the nearest preceding actor mention that can be a subject (not a possessive, not
//! the object of a preposition, not inside an earlier target); first-person subjects and
//! cues inside quotes go to the quote's speaker. Cues come from
//! `data/stance/cues.tsv` (seeded, WordNet-expanded; see SOURCE.md there).
use crate::model::{
    Entity, Mention, MentionVia, Polarity, Quote, Segmented, Span, StanceClaim, TokenKind,
};
use crate::text::FastMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    Verb,
    Noun,
    Pred,
    Reducer,
    Negator,
    Report,
    Contrast,
    Modifier,
}

#[derive(Debug)]
struct Cue {
    /// Stems; `*` allows a gap of up to two words.
    words: Vec<String>,
    pol: i8,
    kind: CueKind,
}

/// The stance lexicon: cue phrases indexed by the stem of their first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    cues: Vec<Cue>,
    by_first: FastMap<String, Vec<usize>>,
    evaluative: FastMap<String, i8>,
}

/// Crude English stemmer for matching inflected cue forms: urged/urges/urging -> urg.
pub fn stem(w: &str) -> String {
    let (mut low, mut s) = (String::new(), String::new());
    lower_into(w, &mut low);
    stem_into(&low, &mut s);
    s
}

/// `w` in lower case with the typographic apostrophe as `'` (the form tokens and cue
/// words are compared in), written into `out` (reused across tokens: no allocation
/// once it is long enough).
fn lower_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        // `str::to_lowercase` (not per char: a final sigma lowers differently)
        out.push_str(&w.to_lowercase().replace('’', "'"));
    }
}

/// [`stem`] of a word already passed through [`lower_into`], written into `s`.
fn stem_into(low: &str, s: &mut String) {
    s.clear();
    s.push_str(low);
    // irregular past forms of verbs that take stance or report it
    const IRREGULAR: &[(&str, &str)] = &[
        ("sought", "seek"),
        ("told", "tell"),
        ("said", "say"),
        ("thought", "think"),
        ("held", "hold"),
        ("made", "make"),
        ("took", "take"),
        ("brought", "bring"),
        ("fought", "fight"),
        ("stood", "stand"),
        ("withdrew", "withdraw"),
        ("withdrawn", "withdraw"),
        ("spoke", "speak"),
        ("gave", "give"),
        ("went", "go"),
    ];
    if let Some((_, base)) = IRREGULAR.iter().find(|(f, _)| *f == s.as_str()) {
        s.clear();
        s.push_str(base);
    }
    if let Some(p) = s.find('\'') {
        s.truncate(p);
    }
    if s.len() > 4 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('i');
    } else if s.len() > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        s.pop();
    }
    if s.len() > 5 && s.ends_with("ing") {
        s.truncate(s.len() - 3);
    } else if s.len() > 4 && s.ends_with("ed") {
        s.truncate(s.len() - 2);
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    if s.len() > 3 && s.ends_with('y') {
        s.pop();
        s.push('i');
    }
    let b = s.as_bytes();
    if b.len() > 3
        && b[b.len() - 1].is_ascii_lowercase()
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'e' | b'o')
    {
        s.pop();
    }
    if s.ends_with("iz") {
        s.pop();
        s.push('s');
    }
}

pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut lex = Lexicon::default();
        for line in include_str!("../data/stance/cues.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(kind), Some(pol), Some(phrase)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let kind = match kind {
                "verb" => CueKind::Verb,
                "noun" => CueKind::Noun,
                "pred" => CueKind::Pred,
                "reducer" => CueKind::Reducer,
                "negator" => CueKind::Negator,
                "report" => CueKind::Report,
                "contrast" => CueKind::Contrast,
                "modifier" => CueKind::Modifier,
                _ => continue,
            };
            let words: Vec<String> = phrase
                .split_whitespace()
                .map(|w| if w == "*" { "*".to_string() } else { stem(w) })
                .collect();
            if words.is_empty() {
                continue;
            }
            let i = lex.cues.len();
            lex.by_first.entry(words[0].clone()).or_default().push(i);
            lex.cues.push(Cue {
                words,
                pol: pol.parse().unwrap_or(0),
                kind,
            });
        }
        // Longest phrases first so "rule out" wins over "rule".
        let cues = &lex.cues;
        for v in lex.by_first.values_mut() {
            v.sort_by_key(|&i| (std::cmp::Reverse(cues[i].words.len()), i));
        }
        for line in include_str!("../data/stance/evaluative.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            if let (Some(w), Some(p)) = (f.next(), f.next()) {
                lex.evaluative.insert(w.to_string(), p.parse().unwrap_or(0));
            }
        }
        lex
    })
}

impl Lexicon {
    /// Whether the stemmed word is of the given kind as a one-word cue.
    pub fn is(&self, stem: &str, kind: CueKind) -> bool {
        self.by_first.get(stem).is_some_and(|v| {
            v.iter()
                .any(|&i| self.cues[i].kind == kind && self.cues[i].words.len() == 1)
        })
    }
    pub fn evaluative(&self, word: &str) -> i8 {
        self.evaluative.get(word).copied().unwrap_or(0)
    }
    /// Longest cue of one of `kinds` starting at token `i`: (cue index, end token exclusive).
    fn match_at(&self, toks: &[Tok], i: usize, kinds: &[CueKind]) -> Option<(usize, usize)> {
        let cands = self.by_first.get(&toks[i].stem)?;
        'c: for &ci in cands {
            let cue = &self.cues[ci];
            if !kinds.contains(&cue.kind) {
                continue;
            }
            let mut j = i + 1;
            let mut k = 1;
            while k < cue.words.len() {
                if cue.words[k] == "*" {
                    // gap: up to two words before the next cue word
                    let next = &cue.words[k + 1];
                    let mut found = None;
                    for g in 0..=2 {
                        if j + g < toks.len() && toks[j + g].word && &toks[j + g].stem == next {
                            found = Some(j + g);
                            break;
                        }
                        if j + g < toks.len() && !toks[j + g].word {
                            break;
                        }
                    }
                    match found {
                        Some(p) => {
                            j = p + 1;
                            k += 2;
                        }
                        None => continue 'c,
                    }
                    continue;
                }
                if j >= toks.len() || toks[j].stem != cue.words[k] {
                    continue 'c;
                }
                j += 1;
                k += 1;
            }
            return Some((ci, j));
        }
        None
    }
}

#[derive(Debug)]
struct Tok {
    span: Span,
    low: String,
    stem: String,
    word: bool,
}

const BOUNDARY_WORDS: &[&str] = &[
    "but",
    "however",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "after",
    "before",
    "when",
    "since",
    "as",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "if",
    "unless",
    "rather",
    "instead",
    "despite",
    "amid",
    "that",
    "so",
    "saying",
    "said",
    "says",
    "according",
    "until",
    "by",
];
const PREPS: &[&str] = &[
    "of", "to", "on", "from", "in", "at", "for", "into", "about", "over", "against", "toward",
    "towards", "than", "with", "between", "among",
];
const SKIP_LEAD: &[&str] = &[
    "to", "for", "at", "of", "on", "about", "over", "against", "that", "with", "in",
];
/// Time adverbials between a cue and its complement ("sought backing Wednesday for").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "again",
    "also",
    "now",
    "then",
    "instead",
    "repeatedly",
    "publicly",
    "strongly",
];
const FIRST_PERSON: &[&str] = &["i", "we", "(i)", "our", "my"];
const COPULA: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "seem", "seems", "'s",
];

fn is_punct_boundary(t: &Tok) -> bool {
    !t.word && !matches!(t.low.as_str(), "-" | "'" | "&" | "/" | "$" | "%" | ".")
}

/// Like [`is_punct_boundary`], and a full stop unless it closes an abbreviation ("U.N.").
fn is_boundary_at(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.low == "." {
        return !(k > 0 && toks[k - 1].low.contains('.') && toks[k - 1].span.end == t.span.start);
    }
    is_punct_boundary(t)
}

struct Ctx<'a> {
    body: &'a str,
    lex: &'a Lexicon,
    mentions: Vec<&'a Mention>,
    quotes: &'a [Quote],
    entities: &'a [Entity],
    /// demonym/adjective text -> entity (from Demonym mentions), for affiliations.
    demonyms: Vec<(String, usize)>,
    /// Longest mention, in bytes (bounds the start of a mention ending near a position).
    max_len: usize,
    /// Quote indices sorted by start, and the longest quote: the quotes containing a
    /// span start in a bounded window before it.
    quotes_by_start: Vec<usize>,
    max_quote: usize,
    /// Direct (non-indirect) quote spans sorted by start, with the running maximum of
    /// their ends: "inside a direct quote" is one binary search.
    direct: Vec<Span>,
    direct_reach: Vec<usize>,
}

impl Ctx<'_> {
    /// The mentions starting in `lo..=hi`, in order (mentions are sorted by start): a
    /// scan whose test bounds the start to that range sees the same mentions in the same
    /// order as a scan over all of them. (Scans over the whole document per cue made
    /// this stage quadratic in the document's length.)
    fn window(&self, lo: usize, hi: usize) -> &[&Mention] {
        let a = self.mentions.partition_point(|m| m.span.start < lo);
        let b = self.mentions.partition_point(|m| m.span.start <= hi);
        &self.mentions[a..b.max(a)]
    }
    /// The mentions that may end at or after `lo` and start at or before `hi`.
    fn window_ending(&self, lo: usize, hi: usize) -> &[&Mention] {
        self.window(lo.saturating_sub(self.max_len), hi)
    }
    /// The innermost quote containing `sp` (the first such in `quotes` order on a tie).
    fn quote_at(&self, sp: Span) -> Option<&Quote> {
        let lo = sp.start.saturating_sub(self.max_quote);
        let a = self
            .quotes_by_start
            .partition_point(|&i| self.quotes[i].span.start < lo);
        let b = self
            .quotes_by_start
            .partition_point(|&i| self.quotes[i].span.start <= sp.start);
        self.quotes_by_start[a..b.max(a)]
            .iter()
            .copied()
            .filter(|&i| self.quotes[i].span.contains(sp))
            .min_by_key(|&i| (self.quotes[i].span.len(), i))
            .map(|i| &self.quotes[i])
    }
    /// Whether a direct (non-indirect) quote contains `sp`.
    fn in_direct_quote(&self, sp: Span) -> bool {
        let k = self.direct.partition_point(|q| q.start <= sp.start);
        k > 0 && self.direct_reach[k - 1] >= sp.end
    }
    fn possessive(&self, m: &Mention) -> bool {
        let rest = &self.body[m.span.end..];
        rest.starts_with("'s")
            || rest.starts_with("’s")
            || rest.starts_with("' ")
            || rest.starts_with("’ ")
    }
    fn word_before(&self, toks: &[Tok], pos: usize) -> Option<usize> {
        toks.iter().rposition(|t| t.span.end <= pos)
    }
    /// Spans set off by dashes or parentheses before `pos` ("Russia and China — both
    /// permanent members — have criticized"): their mentions are not subjects.
    fn parentheticals(&self, toks: &[Tok], sent: Span, pos: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let mut open: Option<usize> = None;
        for t in toks
            .iter()
            .filter(|t| t.span.start >= sent.start && t.span.end <= pos)
        {
            match t.low.as_str() {
                "—" | "–" | "--" => match open {
                    Some(o) => {
                        out.push(Span::new(o, t.span.end));
                        open = None;
                    }
                    None => open = Some(t.span.start),
                },
                "(" => open = Some(t.span.start),
                ")" => {
                    if let Some(o) = open.take() {
                        out.push(Span::new(o, t.span.end));
                    }
                }
                _ => {}
            }
        }
        out
    }
    fn admissible(&self, m: &Mention, sent: Span, skip: &[Span], in_quote: Option<Span>) -> bool {
        if m.span.start < sent.start || skip.iter().any(|s| s.contains(m.span)) {
            return false;
        }
        match in_quote {
            Some(q) => q.contains(m.span),
            None => !self.in_direct_quote(m.span),
        }
    }
    /// The actor(s) doing what the cue at `cue_start` says: the nearest preceding mention
    /// that can be a subject, with "A and B" coordination.
    fn subject(
        &self,
        toks: &[Tok],
        sent: Span,
        cue_start: usize,
        skip: &[Span],
        in_quote: Option<Span>,
    ) -> Vec<usize> {
        let mut skip: Vec<Span> = skip.to_vec();
        skip.extend(self.parentheticals(toks, sent, cue_start));
        // a new clause ("..., but Trump would like") starts the subject search afresh
        if let Some(b) = toks.iter().rev().find(|t| {
            t.span.end <= cue_start
                && t.span.start >= sent.start
                && matches!(
                    t.low.as_str(),
                    "but" | ";" | "whereas" | "although" | "though"
                )
        }) {
            if b.span.start > sent.start
                && self
                    .window(b.span.end, cue_start)
                    .iter()
                    .any(|m| m.span.start >= b.span.end && m.span.end <= cue_start)
            {
                skip.push(Span::new(sent.start, b.span.start));
            }
        }
        let cue_ti = toks
            .iter()
            .position(|t| t.span.start >= cue_start)
            .unwrap_or(toks.len());
        // ", calling ...": a participle after a comma belongs to the main clause subject
        let participle = cue_ti > 0
            && cue_ti < toks.len()
            && toks[cue_ti - 1].low == ","
            && toks[cue_ti].low.ends_with("ing");
        let mut best: Option<&Mention> = None;
        if participle {
            // (admissible mentions start in the sentence)
            best = self
                .window(sent.start, cue_start)
                .iter()
                .find(|m| {
                    m.span.end <= cue_start
                        && self.admissible(m, sent, &skip, in_quote)
                        && self.eligible(toks, m)
                })
                .copied();
        }
        if best.is_none() {
            for m in self.window(sent.start, cue_start).iter().rev() {
                if m.span.end > cue_start || !self.admissible(m, sent, &skip, in_quote) {
                    continue;
                }
                // directly before the cue (adverbs, "who", commas between): its subject,
                // even after a preposition ("with Merkel effectively ruling out")
                let gap_ok = toks
                    .iter()
                    .filter(|t| t.span.start >= m.span.end && t.span.end <= cue_start)
                    .all(|t| {
                        t.low.ends_with("ly")
                            || matches!(
                                t.low.as_str(),
                                "," | "who"
                                    | "however"
                                    | "also"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "was"
                                    | "is"
                                    | "were"
                                    | "are"
                                    | "will"
                                    | "would"
                                    | "may"
                                    | "might"
                                    | "could"
                                    | "did"
                                    | "does"
                                    | "do"
                                    | "not"
                                    | "then"
                                    | "later"
                            )
                    });
                if (!gap_ok || self.possessive(m)) && !self.eligible(toks, m) {
                    continue;
                }
                best = Some(m);
                break;
            }
        }
        let Some(m) = best else { return Vec::new() };
        let mut out = vec![m.entity];
        // coordination: "Russia and China", "The United States and South Korea"
        let mut cur = m.span.start;
        loop {
            let Some(ti) = self.word_before(toks, cur) else {
                break;
            };
            if toks[ti].low != "and" {
                break;
            }
            let prev = self
                .window(sent.start, toks[ti].span.start)
                .iter()
                .rev()
                .find(|x| {
                    x.span.end <= toks[ti].span.start
                        && x.span.end + 2 >= toks[ti].span.start
                        && x.span.start >= sent.start
                });
            match prev {
                Some(p) if !self.possessive(p) => {
                    if !out.contains(&p.entity) {
                        out.push(p.entity);
                    }
                    cur = p.span.start;
                }
                _ => break,
            }
        }
        out
    }
    fn eligible(&self, toks: &[Tok], m: &Mention) -> bool {
        if self.possessive(m) {
            return false;
        }
        let low = m.text.to_lowercase();
        if m.via == MentionVia::Demonym && !low.ends_with('s') {
            return false;
        }
        if m.via == MentionVia::Pronoun && low == "it" {
            return false;
        }
        if let Some(ti) = self.word_before(toks, m.span.start) {
            if PREPS.contains(&toks[ti].low.as_str()) {
                return false;
            }
        }
        true
    }
    /// The subject of the reporting verb governing position `pos`, if any ("Merkel
    /// reiterated that ...", "China said ...").
    fn reporter(&self, toks: &[Tok], sent: Span, pos: usize, in_quote: Option<Span>) -> Vec<usize> {
        let Some(last) = self.word_before(toks, pos) else {
            return Vec::new();
        };
        for ti in (0..=last).rev() {
            if toks[ti].span.start < sent.start
                || in_quote.is_some_and(|q| toks[ti].span.start < q.start)
            {
                break;
            }
            if self.lex.is(&toks[ti].low, CueKind::Negator) {
                continue;
            }
            if self.lex.is(&toks[ti].stem, CueKind::Report)
                || self.lex.is(&toks[ti].low, CueKind::Report)
            {
                let s = self.subject(toks, sent, toks[ti].span.start, &[], in_quote);
                if !s.is_empty() {
                    return s;
                }
                // "according to X", "said X": the mention right after the verb
                if let Some(m) = self.window(toks[ti].span.end, pos).iter().find(|m| {
                    m.span.start >= toks[ti].span.end
                        && m.span.end <= pos
                        && m.span.start < toks[ti].span.end + 20
                        && in_quote.is_none_or(|q| q.contains(m.span))
                }) {
                    return vec![m.entity];
                }
            }
        }
        Vec::new()
    }
    /// Entities a person speaks for: a demonym/country named in their title
    /// ("Russian President" -> Russia).
    fn affiliations(&self, e: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let Some(ent) = self.entities.get(e) else {
            return out;
        };
        let titles: Vec<String> = ent.titles.iter().map(|t| t.to_lowercase()).collect();
        for (ci, c) in self.entities.iter().enumerate() {
            if ci == e || c.kind != crate::model::ActorKind::Country {
                continue;
            }
            let mut names: Vec<String> = vec![c.name.to_lowercase()];
            names.extend(c.aliases.iter().map(|a| a.to_lowercase()));
            names.extend(
                self.demonyms
                    .iter()
                    .filter(|(_, de)| *de == ci)
                    .map(|(d, _)| d.clone()),
            );
            // "Russian President" names Russia: a title word sharing all but the
            // country name's last letter ("Russia"/"Russian", "China"/"Chinese")
            let hit = titles.iter().any(|t| {
                names.iter().any(|n| {
                    if n.chars().count() < 4 {
                        return false;
                    }
                    let stemlen = if n.chars().count() >= 5 {
                        n.len() - n.chars().last().map(|c| c.len_utf8()).unwrap_or(1)
                    } else {
                        n.len()
                    };
                    let pre = &n[..stemlen];
                    t.match_indices(pre).any(|(p, _)| {
                        p == 0 || !t[..p].chars().last().is_some_and(|c| c.is_alphanumeric())
                    })
                })
            });
            if hit && !out.contains(&ci) {
                out.push(ci);
            }
        }
        out
    }
}

/// Extracts stance claims from one document.
pub fn claims(
    body: &str,
    seg: &Segmented,
    entities: &[Entity],
    mentions: &[Mention],
    quotes: &[Quote],
) -> Vec<StanceClaim> {
    let lex = lexicon();
    let mut ms: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.entity < entities.len())
        .collect();
    ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut demonyms: Vec<(String, usize)> = Vec::new();
    for m in &ms {
        if m.via == MentionVia::Demonym {
            let d = m.text.to_lowercase();
            if !demonyms.iter().any(|(x, _)| *x == d) {
                demonyms.push((d, m.entity));
            }
        }
    }
    let max_len = ms.iter().map(|m| m.span.len()).max().unwrap_or(0);
    let mut quotes_by_start: Vec<usize> = (0..quotes.len()).collect();
    quotes_by_start.sort_by_key(|&i| (quotes[i].span.start, i));
    let max_quote = quotes.iter().map(|q| q.span.len()).max().unwrap_or(0);
    let mut direct: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind != crate::model::QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    direct.sort_by_key(|q| q.start);
    let direct_reach: Vec<usize> = direct
        .iter()
        .scan(0usize, |r, q| {
            *r = (*r).max(q.end);
            Some(*r)
        })
        .collect();
    let ctx = Ctx {
        body,
        lex,
        mentions: ms,
        quotes,
        entities,
        demonyms,
        max_len,
        quotes_by_start,
        max_quote,
        direct,
        direct_reach,
    };
    let mut out = Vec::new();
    let mut ti = 0;
    // Tokens of the current sentence; their strings are reused from sentence to sentence
    // (a fresh lower-case and stem string per token was most of this stage's time).
    let mut toks: Vec<Tok> = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        let start = ti;
        while ti < seg.tokens.len() && seg.tokens[ti].sentence == si {
            ti += 1;
        }
        let n = ti - start;
        while toks.len() < n {
            toks.push(Tok {
                span: Span::new(0, 0),
                low: String::new(),
                stem: String::new(),
                word: false,
            });
        }
        for (t, tok) in seg.tokens[start..ti].iter().zip(toks.iter_mut()) {
            lower_into(t.span.text(body), &mut tok.low);
            stem_into(&tok.low, &mut tok.stem);
            tok.span = t.span;
            tok.word = t.kind != TokenKind::Punct;
        }
        sentence_claims(&ctx, &toks[..n], s.span, &mut out);
    }
    out.sort_by_key(|c| (c.cue_span.start, c.target_span.start, c.entity));
    out.dedup_by(|a, b| {
        a.entity == b.entity && a.target_span == b.target_span && a.polarity == b.polarity
    });
    out
}

fn negated_before(toks: &[Tok], i: usize, lex: &Lexicon) -> bool {
    let lo = i.saturating_sub(3);
    for j in (lo..i).rev() {
        if is_punct_boundary(&toks[j]) {
            return false;
        }
        let l = toks[j].low.as_str();
        if l.ends_with("n't") || (lex.is(l, CueKind::Negator) && l != "without") {
            return true;
        }
    }
    false
}

/// End (exclusive token) of a target starting at `j`.
fn target_end(toks: &[Tok], j: usize, lex: &Lexicon) -> usize {
    let mut k = j;
    while k < toks.len() && k < j + 14 {
        let t = &toks[k];
        if is_boundary_at(toks, k) && !(t.low == "(" || t.low == ")") {
            break;
        }
        if k > j
            && (BOUNDARY_WORDS.contains(&t.low.as_str())
                || matches!(
                    t.low.as_str(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "would"
                        | "will"
                        | "could"
                        | "may"
                        | "might"
                        | "can"
                        | "should"
                        | "must"
                ))
        {
            break;
        }
        if k > j
            && (t.low == "and" || t.low == "or")
            && k + 1 < toks.len()
            && lex.match_at(toks, k + 1, &[CueKind::Verb]).is_some()
        {
            break;
        }
        k += 1;
    }
    k
}

fn pol_of(p: i8) -> Polarity {
    if p > 0 {
        Polarity::Support
    } else {
        Polarity::Oppose
    }
}

fn span_of(toks: &[Tok], a: usize, b: usize) -> Span {
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}

#[allow(clippy::too_many_arguments)]
fn push(
    ctx: &Ctx,
    out: &mut Vec<StanceClaim>,
    actors: &[usize],
    toks: &[Tok],
    ts: usize,
    te: usize,
    pol: i8,
    cue: Span,
    sent: Span,
    negated: bool,
) {
    if ts >= te {
        return;
    }
    let target = span_of(toks, ts, te);
    for &e in actors {
        out.push(StanceClaim {
            entity: e,
            target: target.text(ctx.body).to_string(),
            target_span: target,
            polarity: pol_of(pol),
            cue: cue.text(ctx.body).to_string(),
            cue_span: cue,
            evidence: sent,
            negated,
        });
    }
}

fn sentence_claims(ctx: &Ctx, toks: &[Tok], sent: Span, out: &mut Vec<StanceClaim>) {
    let lex = ctx.lex;
    let mut targets: Vec<Span> = Vec::new();
    let mut last_actors: Vec<usize> = Vec::new();
    let mut i = 0;
    let n = toks.len();
    while i < n {
        if !toks[i].word {
            i += 1;
            continue;
        }
        // "without X, ... impossible/cannot" -> support X
        if toks[i].low == "without" {
            let te = target_end(toks, i + 1, lex);
            let rest = &toks[te.min(n)..];
            if te > i + 1
                && rest
                    .iter()
                    .any(|t| t.low == "impossible" || t.low == "cannot" || t.low == "can't")
            {
                let cue = span_of(toks, i, i + 1);
                let actors = pred_actors(ctx, toks, sent, toks[i].span.start, cue);
                if !actors.is_empty() {
                    last_actors = actors.clone();
                }
                push(ctx, out, &actors, toks, i + 1, te, 1, cue, sent, false);
                targets.push(span_of(toks, i + 1, te));
                i = te;
                continue;
            }
        }
        // "impossible to resolve ... with X alone" -> oppose X
        if toks[i].low == "impossible" {
            if let Some(w) = (i + 1..n.min(i + 14)).find(|&k| toks[k].low == "with") {
                if let Some(a) = (w + 1..n.min(w + 8)).find(|&k| toks[k].low == "alone") {
                    let cue = span_of(toks, i, i + 1);
                    let actors = pred_actors(ctx, toks, sent, toks[i].span.start, cue);
                    if !actors.is_empty() {
                        last_actors = actors.clone();
                    }
                    push(ctx, out, &actors, toks, w + 1, a, -1, cue, sent, false);
                    targets.push(span_of(toks, i, a));
                    i = a + 1;
                    continue;
                }
            }
        }
        // "calling/describing X a/as <negative>" -> oppose X
        if matches!(
            toks[i].stem.as_str(),
            "call" | "describ" | "label" | "brand"
        ) && i + 1 < n
            && !matches!(toks[i + 1].low.as_str(), "for" | "on" | "to")
        {
            let mut found = None;
            for k in i + 2..n.min(i + 12) {
                if is_punct_boundary(&toks[k]) && toks[k].low != "“" && toks[k].low != "\"" {
                    break;
                }
                if matches!(toks[k].low.as_str(), "a" | "an" | "as") {
                    for m in k + 1..n.min(k + 4) {
                        let v = lex.evaluative(&toks[m].low);
                        if v != 0 {
                            found = Some((k, v));
                            break;
                        }
                    }
                    break;
                }
            }
            if let Some((k, v)) = found {
                let cue = span_of(toks, i, i + 1);
                let in_q = ctx.quote_at(cue).map(|q| q.span);
                let participle = i > 0 && toks[i - 1].low == "," && toks[i].low.ends_with("ing");
                let mut actors = if participle && !last_actors.is_empty() {
                    last_actors.clone()
                } else {
                    ctx.subject(toks, sent, toks[i].span.start, &targets, in_q)
                };
                if actors.is_empty() {
                    actors = pred_actors(ctx, toks, sent, toks[i].span.start, cue);
                }
                push(ctx, out, &actors, toks, i + 1, k, v, cue, sent, false);
                targets.push(span_of(toks, i + 1, k));
                i = k;
                continue;
            }
        }
        // sponsor of a proposal supports its content: "a resolution drafted by the U.S.
        // includes restrictions on ...", "a bill proposed by X would ban ..."
        if matches!(
            toks[i].stem.as_str(),
            "draft" | "propos" | "sponsor" | "submit" | "introduc" | "author" | "tabl"
        ) && i + 1 < n
            && toks[i + 1].low == "by"
        {
            let by_end = toks[i + 1].span.end;
            let agents: Vec<usize> = ctx
                .window(by_end + 1, by_end + 6)
                .iter()
                .filter(|m| m.span.start > by_end && m.span.start <= by_end + 6)
                .map(|m| m.entity)
                .collect();
            if let Some(a0) = agents.first() {
                let m_end = ctx
                    .window(by_end + 1, usize::MAX)
                    .iter()
                    .filter(|m| m.entity == *a0 && m.span.start > by_end)
                    .map(|m| m.span.end)
                    .next()
                    .unwrap_or(by_end);
                let k0 = toks.iter().position(|t| t.span.start >= m_end).unwrap_or(n);
                let mut k = k0;
                while k < n
                    && k < k0 + 4
                    && !matches!(
                        toks[k].low.as_str(),
                        "includes"
                            | "include"
                            | "included"
                            | "including"
                            | "would"
                            | "calls"
                            | "seeks"
                            | "aims"
                    )
                {
                    k += 1;
                }
                if k < n && k < k0 + 4 {
                    let mut ts = k + 1;
                    while ts < n && matches!(toks[ts].low.as_str(), "for" | "to" | "a" | "an") {
                        ts += 1;
                    }
                    let te = target_end(toks, ts, lex);
                    let cue = span_of(toks, i, i + 2);
                    push(ctx, out, &[*a0], toks, ts, te, 1, cue, sent, false);
                    if ts < te {
                        targets.push(span_of(toks, ts, te));
                    }
                    i = te.max(i + 1);
                    continue;
                }
            }
        }
        let Some((ci, end)) = lex.match_at(toks, i, &[CueKind::Verb, CueKind::Noun, CueKind::Pred])
        else {
            i += 1;
            continue;
        };
        let cue_def = &lex.cues[ci];
        let cue = span_of(toks, i, end);
        let negated = cue_def.kind != CueKind::Pred && negated_before(toks, i, lex);
        let mut pol = if negated { -cue_def.pol } else { cue_def.pol };
        match cue_def.kind {
            CueKind::Pred => {
                // Predicate cue: "X is useless", "it was imperative to VP".
                let neg =
                    negated_before(toks, i, lex) && !toks[i..end].iter().any(|t| t.low == "not");
                if neg {
                    pol = -pol;
                }
                let (ts, te) = pred_target(toks, i, end, lex);
                let actors = pred_actors(ctx, toks, sent, cue.start, cue);
                if !actors.is_empty() {
                    last_actors = actors.clone();
                }
                if ts < te {
                    push(ctx, out, &actors, toks, ts, te, pol, cue, sent, neg);
                    targets.push(span_of(toks, ts, te));
                }
                i = end;
            }
            CueKind::Noun => {
                // Possessor is the actor: "Moon's push for harsher sanctions".
                let poss = if i > 0 {
                    ctx.window_ending(toks[i].span.start.saturating_sub(6), toks[i].span.start)
                        .iter()
                        .rev()
                        .find(|m| {
                            m.span.end <= toks[i].span.start
                                && toks[i].span.start <= m.span.end + 6
                                && ctx.possessive(m)
                        })
                        .copied()
                } else {
                    None
                };
                let (p2, ts) = follow(ctx, toks, end, pol, &mut Vec::new());
                let te = target_end(toks, ts, lex);
                // No possessor: the subject of the light verb ("Kim expressed concern over").
                let actors = match poss {
                    Some(m) => vec![m.entity],
                    None => {
                        let in_q = ctx.quote_at(cue).map(|q| q.span);
                        let mut a = ctx.subject(toks, sent, cue.start, &targets, in_q);
                        if a.is_empty() {
                            if let Some(q) = ctx.quote_at(cue) {
                                a = q.speaker_entity.into_iter().collect();
                            }
                        }
                        a
                    }
                };
                if !actors.is_empty() {
                    push(ctx, out, &actors, toks, ts, te, p2, cue, sent, negated);
                    if ts < te {
                        targets.push(span_of(toks, ts, te));
                    }
                }
                i = ts.max(end);
            }
            _ => {
                let single = end == i + 1;
                let prev = if i > 0 { toks[i - 1].low.as_str() } else { "" };
                let next = if end < n { toks[end].low.as_str() } else { "" };
                // noun uses ("has veto power", "a block") and phrasal verbs ("pull back on",
                // "something back from") are not stance cues
                let base_form = !toks[i].low.ends_with("ed")
                    && !toks[i].low.ends_with("ing")
                    && !toks[i].low.ends_with('s');
                if single
                    && ((base_form
                        && matches!(
                            prev,
                            "has"
                                | "have"
                                | "had"
                                | "a"
                                | "an"
                                | "the"
                                | "its"
                                | "their"
                                | "his"
                                | "her"
                        ))
                        || matches!(
                            next,
                            "on" | "from" | "off" | "down" | "away" | "out" | "up" | "into"
                        ))
                {
                    i = end;
                    continue;
                }
                // reduced relative: "a UN resolution calling for ..." (the noun is the agent)
                if toks[i].low.ends_with("ing")
                    && i > 0
                    && toks[i - 1].word
                    && !toks[i - 1].low.ends_with("ly")
                    && !matches!(
                        prev,
                        "and"
                            | "or"
                            | "but"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "be"
                            | "been"
                            | "by"
                            | "of"
                            | "in"
                            | "for"
                            | "from"
                            | "about"
                            | "on"
                            | "without"
                            | "while"
                            | "after"
                            | "before"
                            | "when"
                            | "not"
                            | "also"
                            | "still"
                    )
                    && !ctx
                        .window_ending(toks[i].span.start.saturating_sub(2), toks[i].span.start)
                        .iter()
                        .any(|m| {
                            m.span.end <= toks[i].span.start && m.span.end + 2 >= toks[i].span.start
                        })
                {
                    i = end;
                    continue;
                }
                let in_q = ctx.quote_at(cue).map(|q| q.span);
                // passive: "Russian oil will be blocked by the United States and South Korea"
                if matches!(
                    prev,
                    "be" | "been" | "being" | "is" | "are" | "was" | "were"
                ) && toks[i].low.ends_with("ed")
                {
                    if next == "by" {
                        let after: Vec<&Mention> = ctx
                            .window(toks[end].span.start + 1, toks[end].span.end + 59)
                            .iter()
                            .filter(|m| {
                                m.span.start > toks[end].span.start
                                    && m.span.start < toks[end].span.end + 60
                                    && m.span.end <= sent.end
                            })
                            .copied()
                            .collect();
                        let mut actors: Vec<usize> = Vec::new();
                        let mut last_end = toks[end].span.end;
                        for m in after {
                            let between = &ctx.body[last_end..m.span.start];
                            if actors.is_empty()
                                || between.trim().trim_start_matches("the").trim() == "and"
                                || between.trim() == "and the"
                            {
                                if !actors.contains(&m.entity) {
                                    actors.push(m.entity);
                                }
                                last_end = m.span.end;
                            } else {
                                break;
                            }
                        }
                        // the subject before the auxiliaries is the target
                        let mut c = i - 1;
                        while c > 0
                            && matches!(
                                toks[c - 1].low.as_str(),
                                "will"
                                    | "would"
                                    | "be"
                                    | "been"
                                    | "has"
                                    | "have"
                                    | "had"
                                    | "is"
                                    | "are"
                                    | "was"
                                    | "were"
                                    | "could"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "should"
                                    | "not"
                            )
                        {
                            c -= 1;
                        }
                        let mut st = c;
                        while st > 0
                            && !is_boundary_at(toks, st - 1)
                            && c - st < 10
                            && !matches!(
                                toks[st - 1].low.as_str(),
                                "that" | "which" | "because" | "if" | "as" | "while" | "but"
                            )
                        {
                            st -= 1;
                        }
                        if !actors.is_empty() && st < c {
                            push(ctx, out, &actors, toks, st, c, pol, cue, sent, negated);
                            targets.push(span_of(toks, st, c));
                        }
                    }
                    i = end;
                    continue;
                }
                // "... and has been at the forefront of blocking": a verb phrase joined to
                // the previous clause keeps that clause's subject
                let mut joined = false;
                {
                    let mut k = i;
                    while k > 0 {
                        let t = &toks[k - 1];
                        if ctx
                            .window_ending(t.span.end, t.span.start)
                            .iter()
                            .any(|m| m.span.contains(t.span))
                            || is_boundary_at(toks, k - 1) && t.low != ","
                        {
                            break;
                        }
                        if matches!(t.low.as_str(), "and" | "but") {
                            let nxt = toks.get(k).map(|x| x.low.as_str()).unwrap_or("");
                            if k == i
                                || matches!(
                                    nxt,
                                    "has"
                                        | "have"
                                        | "had"
                                        | "is"
                                        | "was"
                                        | "will"
                                        | "would"
                                        | "also"
                                        | "then"
                                        | "later"
                                        | "could"
                                        | "can"
                                        | "may"
                                )
                            {
                                joined = true;
                            }
                            break;
                        }
                        k -= 1;
                    }
                }
                let participle = prev == "," && toks[i].low.ends_with("ing");
                let mut actors = if (joined || participle) && !last_actors.is_empty() {
                    last_actors.clone()
                } else if joined {
                    ctx.subject(toks, sent, toks[i].span.start, &targets, in_q)
                        .into_iter()
                        .next()
                        .map(|_| {
                            let first = ctx.window(sent.start, cue.start).iter().find(|m| {
                                m.span.start >= sent.start
                                    && m.span.end <= cue.start
                                    && ctx.admissible(m, sent, &targets, in_q)
                                    && ctx.eligible(toks, m)
                            });
                            first.map(|m| vec![m.entity]).unwrap_or_default()
                        })
                        .unwrap_or_default()
                } else {
                    ctx.subject(toks, sent, cue.start, &targets, in_q)
                };
                // First person inside a quote, or no subject: the quote's speaker.
                if let Some(q) = ctx.quote_at(cue) {
                    let fp = toks.iter().any(|t| {
                        t.span.start >= q.span.start
                            && t.span.end <= cue.start
                            && FIRST_PERSON.contains(&t.low.as_str())
                    });
                    let subj_after_fp = actors.first().map(|&e| {
                        let ms = ctx
                            .window(0, cue.start)
                            .iter()
                            .rev()
                            .find(|m| m.entity == e && m.span.end <= cue.start)
                            .map(|m| m.span.start)
                            .unwrap_or(0);
                        !toks.iter().any(|t| {
                            t.span.start > ms
                                && t.span.end <= cue.start
                                && FIRST_PERSON.contains(&t.low.as_str())
                        })
                    });
                    if actors.is_empty() || (fp && subj_after_fp != Some(true)) {
                        actors = q.speaker_entity.into_iter().collect();
                    }
                }
                if actors.is_empty() {
                    actors = ctx.reporter(toks, sent, cue.start, None);
                }
                // A leader reporting what their state does: "Merkel told Macron that Germany
                // is unwilling ..." -> Merkel too.
                if actors.len() == 1 {
                    let subj_pos = ctx
                        .window(sent.start, cue.start)
                        .iter()
                        .rev()
                        .find(|m| {
                            m.entity == actors[0]
                                && m.span.end <= cue.start
                                && m.span.start >= sent.start
                        })
                        .map(|m| m.span.start)
                        .unwrap_or(cue.start);
                    for r in ctx.reporter(toks, sent, subj_pos, None) {
                        if r != actors[0]
                            && ctx
                                .entities
                                .get(r)
                                .is_some_and(|e| e.kind == crate::model::ActorKind::Person)
                            && ctx.affiliations(r).contains(&actors[0])
                        {
                            actors.push(r);
                        }
                    }
                }
                if !actors.is_empty() {
                    last_actors = actors.clone();
                }
                let mut nested = Vec::new();
                let (p2, ts) = follow(ctx, toks, end, pol, &mut nested);
                let te = target_end(toks, ts, lex);
                if ts < te && !actors.is_empty() {
                    push(ctx, out, &actors, toks, ts, te, p2, cue, sent, negated);
                }
                // nested possessor claims ("rejected Moon's suggestion of X" -> Moon supports X)
                for (e, p) in nested {
                    push(ctx, out, &[e], toks, ts, te, p, cue, sent, false);
                }
                if ts < te {
                    targets.push(span_of(toks, ts, te));
                    // contrast: "... rather than more sanctions"
                    if te + 1 < n {
                        if let Some((cc, cend)) = lex.match_at(toks, te, &[CueKind::Contrast]) {
                            let _ = cc;
                            let ce = target_end(toks, cend, lex);
                            push(ctx, out, &actors, toks, cend, ce, -p2, cue, sent, negated);
                            targets.push(span_of(
                                toks,
                                cend.min(ce.saturating_sub(1)),
                                ce.max(cend + 1).min(n),
                            ));
                        }
                    }
                }
                // chained cues were consumed; "condemned X but urged Y" is found by the
                // next iteration.
                i = ts.max(end);
            }
        }
    }
}

/// Walks a cue's complement: skips linking words and objects ("urged Merkel and Xi to"),
/// multiplies in chained cues ("reluctant to support"), and returns the polarity toward
/// and the first token of the final target. Possessors of nominal cues met on the way are
/// returned in `nested` with their own polarity.
fn follow(
    ctx: &Ctx,
    toks: &[Tok],
    mut j: usize,
    mut pol: i8,
    nested: &mut Vec<(usize, i8)>,
) -> (i8, usize) {
    let lex = ctx.lex;
    let n = toks.len();
    for _ in 0..6 {
        while j < n
            && (SKIP_LEAD.contains(&toks[j].low.as_str())
                || TIME_WORDS.contains(&toks[j].low.as_str()))
            && toks[j].word
        {
            j += 1;
        }
        if j >= n {
            break;
        }
        // "oppose and condemn X"
        if (toks[j].low == "and" || toks[j].low == "or") && j + 1 < n {
            if let Some((_, e)) = lex.match_at(toks, j + 1, &[CueKind::Verb]) {
                j = e;
                continue;
            }
        }
        // adverbs ending in -ly before a chained cue
        if toks[j].low.ends_with("ly")
            && j + 1 < n
            && lex
                .match_at(toks, j + 1, &[CueKind::Verb, CueKind::Noun])
                .is_some()
        {
            j += 1;
            continue;
        }
        if let Some((ci, e)) = lex.match_at(toks, j, &[CueKind::Verb, CueKind::Noun]) {
            pol *= lex.cues[ci].pol;
            j = e;
            continue;
        }
        // determiner + nominal cue: "the idea of", "a call for"
        if matches!(
            toks[j].low.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        ) && j + 1 < n
        {
            if let Some((ci, e)) = lex.match_at(toks, j + 1, &[CueKind::Noun]) {
                pol *= lex.cues[ci].pol;
                j = e;
                continue;
            }
        }
        // possessor + nominal cue: "Moon's suggestion of"
        if let Some(m) = ctx
            .window(toks[j].span.start, toks[j].span.start)
            .iter()
            .find(|m| m.span.start == toks[j].span.start && ctx.possessive(m))
        {
            let k = toks
                .iter()
                .position(|t| t.span.start > m.span.end + 1)
                .unwrap_or(n);
            if k < n {
                if let Some((ci, e)) = lex.match_at(toks, k, &[CueKind::Noun]) {
                    nested.push((m.entity, lex.cues[ci].pol));
                    pol *= lex.cues[ci].pol;
                    j = e;
                    continue;
                }
            }
        }
        // object then "to VP": "urged Merkel and Chinese President Xi Jinping to support"
        if !ctx
            .window(toks[j].span.start, toks[j].span.start)
            .is_empty()
        {
            let mut k = j;
            while k < n && k < j + 8 && toks[k].low != "to" && !is_punct_boundary(&toks[k]) {
                k += 1;
            }
            if k < n && toks[k].low == "to" && k > j {
                j = k + 1;
                continue;
            }
        }
        break;
    }
    (pol, j.min(n))
}

/// Target of a predicate cue: the infinitive after "it is X to", else the clause subject.
fn pred_target(toks: &[Tok], i: usize, end: usize, lex: &Lexicon) -> (usize, usize) {
    let n = toks.len();
    // "it was imperative to (at least) cut off oil supplies"
    if end < n && toks[end].low == "to" {
        let mut j = end + 1;
        while j < n && (toks[j].low == "at" || toks[j].low == "least") {
            j += 1;
        }
        return (j, target_end(toks, j, lex));
    }
    // passive-modal cues ending in a preposition: "should be dealt with X"
    if matches!(toks[end - 1].low.as_str(), "with" | "through" | "by") {
        let mut j = end;
        while j < n && !toks[j].word {
            j += 1;
        }
        let mut k = j;
        while k < n && k < j + 10 && (toks[k].word || matches!(toks[k].low.as_str(), "-" | "'")) {
            k += 1;
        }
        return (j, k);
    }
    // subject: back over the copula (and "not", adverbs) to the clause start
    let mut c = i;
    while c > 0 && (toks[c - 1].low == "not" || toks[c - 1].low.ends_with("ly")) {
        c -= 1;
    }
    if c == 0
        || !(COPULA.contains(&toks[c - 1].low.as_str())
            || matches!(toks[c - 1].low.as_str(), "must" | "should"))
    {
        if !toks[i].low.starts_with("must") && !toks[i].low.starts_with("should") {
            return (0, 0);
        }
    }
    let stop = if COPULA.contains(&toks[c.saturating_sub(1)].low.as_str()) {
        c - 1
    } else {
        c
    };
    let mut s = stop;
    while s > 0 {
        let t = &toks[s - 1];
        if is_punct_boundary(t)
            || t.low == "that"
            || t.low == "as"
            || t.low == "if"
            || t.low == "because"
            || t.low == "“"
            || lex.is(&t.stem, CueKind::Report)
            || (t.low == "view" || t.low == "it")
        {
            break;
        }
        s -= 1;
        if stop - s > 12 {
            return (0, 0);
        }
    }
    if s < stop
        && !matches!(
            toks[s].low.as_str(),
            "it" | "this" | "that" | "they" | "them"
        )
    {
        (s, stop)
    } else {
        (0, 0)
    }
}

/// Actor of a predicate/evaluative cue: the quote's speaker, else the reporter.
fn pred_actors(ctx: &Ctx, toks: &[Tok], sent: Span, pos: usize, cue: Span) -> Vec<usize> {
    if let Some(q) = ctx.quote_at(cue) {
        // a reporting clause inside the quote ("the president asked ..., noting it was imperative")
        let inner = ctx.reporter(toks, sent, pos, Some(q.span));
        if !inner.is_empty() {
            return inner;
        }
        if let Some(e) = q.speaker_entity {
            return vec![e];
        }
    }
    ctx.reporter(toks, sent, pos, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, QuoteKind};

    fn ent(name: &str, kind: ActorKind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: vec![],
            titles: vec![],
            key: None,
        }
    }

    /// Builds a document with entities found by exact surface forms.
    fn run(
        body: &str,
        names: &[(&str, &[&str], ActorKind)],
        quotes: Vec<Quote>,
    ) -> Vec<(String, String, Polarity)> {
        let seg = crate::segment::segment(body);
        let mut entities = Vec::new();
        let mut mentions = Vec::new();
        for (i, (name, forms, kind)) in names.iter().enumerate() {
            entities.push(ent(name, *kind));
            for f in forms.iter() {
                for (p, _) in body.match_indices(f) {
                    let via = if f.ends_with("an") || f.ends_with("ese") {
                        MentionVia::Demonym
                    } else {
                        MentionVia::Name
                    };
                    mentions.push(Mention {
                        span: Span::new(p, p + f.len()),
                        text: f.to_string(),
                        entity: i,
                        via,
                    });
                }
            }
        }
        claims(body, &seg, &entities, &mentions, &quotes)
            .into_iter()
            .map(|c| (entities[c.entity].name.clone(), c.target, c.polarity))
            .collect()
    }

    const P: ActorKind = ActorKind::Person;
    const C: ActorKind = ActorKind::Country;

    #[test]
    fn stems() {
        assert_eq!(stem("urged"), stem("urge"));
        assert_eq!(stem("urging"), stem("urges"));
        assert_eq!(stem("vetoed"), stem("veto"));
        assert_eq!(stem("supplies"), stem("supply"));
        assert_eq!(stem("criticized"), stem("criticise"));
        assert_eq!(stem("ruling"), stem("rule"));
        assert_ne!(stem("support"), stem("supply"));
    }

    #[test]
    fn concessive_gives_two_claims() {
        let r = run(
            "The minister condemned the tests but urged diplomatic talks.",
            &[("Ann Lee", &["The minister"], P)],
            vec![],
        );
        assert!(
            r.contains(&("Ann Lee".into(), "the tests".into(), Polarity::Oppose)),
            "{r:?}"
        );
        assert!(
            r.contains(&(
                "Ann Lee".into(),
                "diplomatic talks".into(),
                Polarity::Support
            )),
            "{r:?}"
        );
    }

    #[test]
    fn chained_cues_multiply() {
        let r = run(
            "But Lee was reluctant to support Kim's push for harsher sanctions.",
            &[("Ann Lee", &["Lee"], P), ("Bo Kim", &["Kim"], P)],
            vec![],
        );
        assert!(
            r.contains(&(
                "Ann Lee".into(),
                "harsher sanctions".into(),
                Polarity::Oppose
            )),
            "{r:?}"
        );
        assert!(
            r.contains(&(
                "Bo Kim".into(),
                "harsher sanctions".into(),
                Polarity::Support
            )),
            "{r:?}"
        );
    }

    #[test]
    fn object_then_infinitive() {
        let r = run(
            "Kim urged Lee and Tan to support tougher tariffs on steel.",
            &[
                ("Bo Kim", &["Kim"], P),
                ("Ann Lee", &["Lee"], P),
                ("Jo Tan", &["Tan"], P),
            ],
            vec![],
        );
        assert_eq!(
            r,
            vec![(
                "Bo Kim".into(),
                "tougher tariffs on steel".into(),
                Polarity::Support
            )]
        );
    }

    #[test]
    fn negation_flips() {
        let r = run(
            "Lee did not support the embargo.",
            &[("Ann Lee", &["Lee"], P)],
            vec![],
        );
        assert_eq!(
            r,
            vec![("Ann Lee".into(), "the embargo".into(), Polarity::Oppose)]
        );
    }

    #[test]
    fn predicate_with_reporter() {
        let r = run(
            "Lee reiterated his view that tariffs are not the solution.",
            &[("Ann Lee", &["Lee"], P)],
            vec![],
        );
        assert_eq!(
            r,
            vec![("Ann Lee".into(), "tariffs".into(), Polarity::Oppose)]
        );
    }

    #[test]
    fn quote_speaker_carries_stance() {
        let body = "\u{201c}We oppose and condemn the blockade of the port.\u{201d}";
        let q = Quote {
            text: "We oppose and condemn the blockade of the port.".into(),
            span: Span::new(3, body.len() - 3),
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_text: None,
            speaker_span: None,
            speaker_entity: Some(0),
            anonymous: false,
            cue: None,
            cue_span: None,
        };
        let r = run(body, &[("Ann Lee", &["Lee"], P)], vec![q]);
        assert_eq!(
            r,
            vec![(
                "Ann Lee".into(),
                "the blockade of the port".into(),
                Polarity::Oppose
            )]
        );
    }

    #[test]
    fn coordinated_subjects_and_contrast() {
        let r = run(
            "Norway and Chile appear to emphasize diplomatic outreach rather than more tariffs.",
            &[("Norway", &["Norway"], C), ("Chile", &["Chile"], C)],
            vec![],
        );
        assert!(
            r.contains(&("Chile".into(), "more tariffs".into(), Polarity::Oppose)),
            "{r:?}"
        );
        assert!(
            r.contains(&("Norway".into(), "more tariffs".into(), Polarity::Oppose)),
            "{r:?}"
        );
        assert!(
            r.contains(&(
                "Norway".into(),
                "diplomatic outreach".into(),
                Polarity::Support
            )),
            "{r:?}"
        );
    }

    #[test]
    fn impossible_with_alone_and_without() {
        let r = run(
            "Lee maintained it was impossible to end the crisis with tariffs and pressure alone.",
            &[("Ann Lee", &["Lee"], P)],
            vec![],
        );
        assert_eq!(
            r,
            vec![(
                "Ann Lee".into(),
                "tariffs and pressure".into(),
                Polarity::Oppose
            )]
        );
        let r = run(
            "Lee said that without direct negotiations, it is impossible to make progress.",
            &[("Ann Lee", &["Lee"], P)],
            vec![],
        );
        assert_eq!(
            r,
            vec![(
                "Ann Lee".into(),
                "direct negotiations".into(),
                Polarity::Support
            )]
        );
    }

    #[test]
    fn possessor_of_noun_cue() {
        let r = run(
            "Lee effectively rejected Kim's suggestion of cutting off gas supply to the city.",
            &[("Ann Lee", &["Lee"], P), ("Bo Kim", &["Kim"], P)],
            vec![],
        );
        assert!(
            r.contains(&(
                "Ann Lee".into(),
                "cutting off gas supply to the city".into(),
                Polarity::Oppose
            )),
            "{r:?}"
        );
        assert!(
            r.contains(&(
                "Bo Kim".into(),
                "cutting off gas supply to the city".into(),
                Polarity::Support
            )),
            "{r:?}"
        );
    }

    #[test]
    fn no_actor_no_claim() {
        let r = run(
            "Sanctions have done little to alter behaviour.",
            &[("Ann Lee", &["Lee"], P)],
            vec![],
        );
        assert!(r.is_empty());
    }
    #[test]
    fn passive_with_agent() {
        let r = run(
            "Gas exports to the city will be blocked by Norway and Chile.",
            &[("Norway", &["Norway"], C), ("Chile", &["Chile"], C)],
            vec![],
        );
        assert!(
            r.contains(&(
                "Norway".into(),
                "Gas exports to the city".into(),
                Polarity::Oppose
            )),
            "{r:?}"
        );
        assert!(
            r.contains(&(
                "Chile".into(),
                "Gas exports to the city".into(),
                Polarity::Oppose
            )),
            "{r:?}"
        );
    }

    #[test]
    fn sponsor_supports_its_proposal() {
        let r = run(
            "A draft resolution drafted by Norway includes restrictions on gas exports.",
            &[("Norway", &["Norway"], C)],
            vec![],
        );
        assert_eq!(
            r,
            vec![(
                "Norway".into(),
                "restrictions on gas exports".into(),
                Polarity::Support
            )]
        );
    }

    #[test]
    fn parenthetical_and_participle_subjects() {
        let r = run("Norway and Chile \u{2014} both members of the Council \u{2014} have criticized the tests.", &[("Norway", &["Norway"], C), ("Chile", &["Chile"], C), ("Council", &["Council"], ActorKind::Organisation)], vec![]);
        assert!(r.iter().all(|x| x.0 != "Council"), "{r:?}");
        assert!(
            r.contains(&("Norway".into(), "the tests".into(), Polarity::Oppose)),
            "{r:?}"
        );
        let r = run(
            "Lee rejected the levy on fuel, calling Kim's plan a disaster.",
            &[("Ann Lee", &["Lee"], P), ("Bo Kim", &["Kim"], P)],
            vec![],
        );
        assert!(
            r.contains(&("Ann Lee".into(), "Kim's plan".into(), Polarity::Oppose)),
            "{r:?}"
        );
    }

    #[test]
    fn noun_uses_and_phrasal_verbs_are_not_cues() {
        let r = run(
            "Norway has veto power in the council.",
            &[("Norway", &["Norway"], C)],
            vec![],
        );
        assert!(r.is_empty(), "{r:?}");
        let r = run(
            "Chile wants Norway to pull back on its plans.",
            &[("Norway", &["Norway"], C), ("Chile", &["Chile"], C)],
            vec![],
        );
        assert!(
            r.iter()
                .all(|x| x.2 != Polarity::Support || x.1 != "its plans"),
            "{r:?}"
        );
    }

    #[test]
    fn leader_speaks_for_state() {
        let body = "Russian President Ivan Petrov told reporters that Russia is unwilling to join new tariffs.";
        let seg = crate::segment::segment(body);
        let entities = vec![
            Entity {
                name: "Ivan Petrov".into(),
                kind: P,
                aliases: vec![],
                titles: vec!["Russian President".into()],
                key: None,
            },
            ent("Russia", C),
        ];
        let p1 = body.find("Ivan Petrov").unwrap();
        let p2 = body.find("Russia is").unwrap();
        let mentions = vec![
            Mention {
                span: Span::new(p1, p1 + 11),
                text: "Ivan Petrov".into(),
                entity: 0,
                via: MentionVia::Name,
            },
            Mention {
                span: Span::new(p2, p2 + 6),
                text: "Russia".into(),
                entity: 1,
                via: MentionVia::Name,
            },
        ];
        let r: Vec<usize> = claims(body, &seg, &entities, &mentions, &[])
            .iter()
            .filter(|c| c.polarity == Polarity::Oppose)
            .map(|c| c.entity)
            .collect();
        assert!(r.contains(&0) && r.contains(&1), "{r:?}");
    }
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Any text, mentions on every capitalised word: claims never panic and carry
        /// spans inside the body, on char boundaries, with the target inside its sentence.
        #[test]
        fn claims_spans_valid(words in proptest::collection::vec("(Lee|Kim|urged|rejected|not|to|support|the|sanctions|but|and|reluctant|,|\\.|is|useless|by|was|blocked|without|impossible|with|alone|calling|a|disaster|[a-z]{1,6})", 0..40)) {
            let body = words.join(" ");
            let seg = crate::segment::segment(&body);
            let entities = vec![ent("Ann Lee", P), ent("Bo Kim", P)];
            let mut mentions = Vec::new();
            for (name, e) in [("Lee", 0usize), ("Kim", 1)] {
                for (p, _) in body.match_indices(name) {
                    mentions.push(Mention { span: Span::new(p, p + name.len()), text: name.into(), entity: e, via: MentionVia::Name });
                }
            }
            for c in claims(&body, &seg, &entities, &mentions, &[]) {
                proptest::prop_assert!(c.target_span.end <= body.len() && c.cue_span.end <= body.len());
                proptest::prop_assert!(body.is_char_boundary(c.target_span.start) && body.is_char_boundary(c.target_span.end));
                proptest::prop_assert!(c.evidence.contains(c.target_span) || c.target_span.is_empty(), "{:?}", c);
                proptest::prop_assert!(c.entity < entities.len());
            }
        }
    }
}
