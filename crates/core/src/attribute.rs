//! attribute: quotes and their speakers.
//!
//! News text reports speech in two ways, and both matter for comparing sources:
//! *direct* quotes (the words between quote marks, possibly only a few of them inside
//! a reporting sentence, which we call *partial*) and *indirect* quotes ("X said
//! (that) CLAUSE", "according to X, CLAUSE"). A comparison needs both the content and
//! who said it, so every quote carries a speaker resolved to a document entity.
//!
//! The approach is deliberately shallow and rule based, because it has to run in the
//! browser on any English news text at hundreds of thousands of words per second and
//! stay explainable (every quote keeps its cue and speaker phrase with spans):
//!
//! 1. **Quote marks** are paired per paragraph with a small state machine that knows
//!    typographic and straight double quotes, the double prime, `''`/```` `` ```` pairs,
//!    a closing curly mark misused as an opener, nested double quotes, and single
//!    quotes when they cannot be apostrophes (opening after a space, closing before a
//!    non-letter, a plural possessive `s’` only as a last resort). A quote that does
//!    not close runs to the end of its paragraph; if the next paragraph opens with a
//!    quote mark it continues the same speaker's quote (the newspaper convention for
//!    multi-paragraph quotes). A quote is *direct* when it stands at a clause boundary,
//!    *partial* when it is embedded in the reporter's sentence; one- or two-word
//!    partial quotes with no cue in reach are scare quotes and dropped, and a
//!    title-case phrase in marks inside running text ("appeared on “Meet the Press”")
//!    is a name, not a quote (in a title-case headline it stays a quote).
//! 2. **Cues** come from a lexicon derived from the PolNeAR train split (the annotated
//!    `Cue` spans, `data/quotes/cues.txt`, see `SOURCE.md` there), so the verbs and
//!    phrases are those reporters really use, weighted by frequency. Forms that are
//!    nouns or rarely report anything on their own are filtered by small lists here.
//! 3. **Indirect quotes** are found per clause: "NP CUE [that|whether] CLAUSE",
//!    "CLAUSE, NP CUE.", "CLAUSE, CUE NP.", "X, NP CUE, Y" (parenthetical), "according
//!    to NP, CLAUSE" (with a nested "Y said that" taking precedence), participial
//!    "..., saying that CLAUSE", told/asked with an addressee, and, for other lexicon
//!    verbs, the complement after a recognisable subject ("X urged Y to Z"). A reported
//!    clause ends where a contrasting clause or a new attribution starts.
//! 4. **Speakers** are the noun phrase next to the cue: before it ("Officials said",
//!    "Ann Lee, a professor at X, said"), after it ("said a professor at ..."), after
//!    "according to", the antecedent of "who said", the dash line after a quote, a
//!    paragraph ending "X said:", or the subject of the clause for participial cues.
//!    The phrase is then resolved: mentions overlapping it, entity names, aliases and
//!    surnames (a new one-word name is expanded to its fullest form in the document),
//!    pronouns to the most recent compatible entity ("she" passes over a person the
//!    given-name data, "Mr." or a "-woman" title marks as a man), role nouns ("the spokesman") to
//!    an entity with that title or to the name that follows the title earlier in the
//!    text, statements to their issuing body, possessives ("Lee's briefing") to the
//!    owner, and indefinite or plural source phrases ("a government official",
//!    "U.S. officials") are kept as anonymous sources. A quote with no cue inherits
//!    the speaker of the quote just before it (same or previous paragraphs).
//!
//! 5. **A learned tagger** ([`tagger`], trained on PolNeAR train) then labels each
//!    paragraph's tokens as content, cue or source. Where it finds a content of two or
//!    more words that no rule quote covers (a partial quote inside it does not count: the
//!    report around "an “artful smear”" is kept beside it), in a sentence with a tagged
//!    cue, and a speaker phrase (the rules' phrase for that cue, else the tagged source,
//!    else the clause subject), it becomes an indirect quote: "X criticized Y's plan",
//!    "accused X of ...", "polls show ...". Its quotes never change the rules' ones (their
//!    speakers are not used for later pronouns); reports with no speaker found are left
//!    out.
//!
//! When no entity matches a named speaker, a new [`Entity`] is pushed so that every
//! named speaker has a canonical name. The work per document is linear: lookups that
//! could grow with the document (capitalised-word positions, resolved names) are
//! indexed once.
//!
//! Measured by `parallax eval polnear` (PolNeAR dev, all attribution types) and the
//! example corpus scorer; see `crates/cli/src/eval/polnear.rs` for the definitions.

use crate::lexicon::Sex;
use crate::model::{ActorKind, Entity, Mention, MentionVia, Quote, QuoteKind, Segmented, Span};
use crate::text::FastMap;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

// ------------------------------------------------------------------ lexicon

/// The cue lexicon: lower-case form -> frequency in PolNeAR train.
struct Cues {
    /// The annotated forms (`data/quotes/cues.txt`): what the tagger's features read.
    single: FastMap<String, u32>,
    /// `single` and the inflections of its verbs that PolNeAR's annotators did not happen
    /// to mark (`data/quotes/cue_forms.txt`), with the weight of their attested sibling:
    /// what the rules read, through [`Cues::freq`].
    all: FastMap<String, u32>,
}

impl Cues {
    /// A form's weight for the rules (0 when not a cue form).
    fn freq(&self, w: &str) -> u32 {
        self.all.get(w).copied().unwrap_or(0)
    }
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut single = FastMap::default();
    for line in include_str!("../data/quotes/cues.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((n, form)) = line.split_once('\t') else {
            continue;
        };
        let n: u32 = n.parse().unwrap_or(0);
        // multi-word cues ("according to", "was quoted as saying") are matched by rule
        if !form.contains(' ') {
            single.insert(form.to_string(), n);
        }
    }
    // the same verbs' other inflections ("warns" for "warned"), weighted as the attested
    // form they were derived from
    let mut all = single.clone();
    for line in include_str!("../data/quotes/cue_forms.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((form, sibling)) = line.split_once('\t') else {
            continue;
        };
        // a form of a verb the rules set aside ("puts" of "put") is set aside with it
        if NOT_CUE.contains(&sibling) || NOT_VERB.contains(&sibling) {
            continue;
        }
        if let Some(&n) = single.get(sibling) {
            all.entry(form.to_string()).or_insert(n);
        }
    }
    Cues { single, all }
});

/// Cue words that are reporting verbs strong enough to introduce a clause without
/// "that" (frequency in the train lexicon at least this).
const STRONG: u32 = 20;
/// Minimum frequency for a cue word to count at all.
const WEAK: u32 = 4;

/// Words that the lexicon lists (or derives) as cues but are too ambiguous on their own
/// (nouns, copulas, prepositions that annotators marked as part of a cue).
const NOT_CUE: &[&str] = &[
    // participles that are prepositions ("including", "concerning")
    "including",
    "concerning",
    "regarding",
    "following",
    "in",
    "for",
    "show",
    "shows",
    "showed",
    "showing",
    "see",
    "sees",
    "saw",
    "want",
    "wants",
    "wanted",
    "support",
    "supporting",
    "supports",
    "supported",
    "seemed",
    "seem",
    "seems",
    "seemingly",
    "appears",
    "appeared",
    "appear",
    "is",
    "was",
    "be",
    "according",
    "statement",
    "poll",
    "report",
    "interview",
    "speech",
    "data",
    "sought",
    "seeking",
    "seeks",
    "made",
    "make",
    "get",
    "got",
    "put",
    "found",
    "find",
    "finds",
    "led",
    "came",
    "went",
    "set",
    "view",
    "views",
    "viewed",
    "comments",
    "comment",
    "remarks",
    "calls",
    "call",
    "endorsed",
    "endorses",
    "pushed",
    "push",
    "voted",
    "vote",
    "hope",
    "hoped",
    "hopes",
    "hoping",
    "feel",
    "felt",
    "agree",
    "agreed",
    "agrees",
    "need",
    "needs",
    "took",
    "take",
    "gave",
    "give",
    "ask",
    "declined",
    "referring",
    "looks",
    "look",
    "looked",
    "like",
    "liked",
    "loved",
    "plans",
    "plan",
    "decided",
    "decide",
    "decision",
    "know",
    "knew",
    "knows",
    "known",
    "understand",
    "fear",
    "fears",
    "fearing",
    "would",
    "criticism",
    "complaints",
    "questions",
    "question",
    "advice",
    "allegations",
    "concerns",
    "suggestion",
    "refusal",
    "counts",
    "supporter",
    "supporters",
    "features",
    "includes",
    "included",
    "listed",
    "lists",
    "titled",
    "named",
    "read",
    "reads",
    "passed",
    "signed",
    "cast",
    "filed",
    "used",
    "covered",
    "provided",
    "presented",
    "plot",
    "blocks",
    "letting",
    "watched",
    "willing",
    "mean",
    "sense",
    "favor",
    "favored",
    "oppose",
    "opposed",
    "opposes",
    "backing",
    "backed",
    "praised",
    "praises",
    "thanked",
    "welcomed",
    "applauded",
    "attacked",
    "attacking",
    "attacks",
    "knocked",
    "eviscerated",
    "rattled",
    "tackles",
    "ruled",
    "voided",
    "ordered",
    "allowed",
    "allows",
    "appointed",
    "nominated",
    "adopted",
    "restricting",
    "remember",
    "remembered",
    "pressed",
    "determined",
    "expect",
    "expected",
    "expecting",
    "prefer",
    "preferred",
    "prefers",
    "worried",
    "worries",
    "envision",
    "sounded",
    "sued",
    "issued",
    "released",
    "published",
    "unveiled",
    "delivered",
    "exposed",
    "identified",
    "invoked",
    "referencing",
    "referenced",
    "underplays",
    "projected",
    "promoting",
    "satirizing",
    "chanted",
    "chanting",
    "recited",
    "quotes",
    "talked",
    "spoke",
    "outline",
    "outlined",
    "considered",
    "consider",
    "considers",
    "considering",
    "discussed",
    "discussing",
    "raised",
    "offered",
    "offers",
    "offering",
    "accept",
    "demands",
    "retweeted",
    "shared",
    "posted",
    "emailed",
    "ignored",
    "loved",
    "counts",
    "tell",
    "write",
    "written",
];

fn cue_weight(w: &str) -> u32 {
    // Called for every token: the lexicon lookup first, the linear NOT_CUE scan only for
    // the few tokens that are in the lexicon.
    match CUES.freq(w) {
        n if n > 0 && !NOT_CUE.contains(&w) => n,
        _ => 0,
    }
}

/// Capitalised sentence openers that are not part of a name.
const LEADING: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "then",
    "meanwhile",
    "however",
    "still",
    "also",
    "now",
    "later",
    "instead",
    "moreover",
    "furthermore",
    "separately",
    "indeed",
    "thus",
    "there",
    "here",
    "when",
    "while",
    "if",
    "as",
    "in",
    "on",
    "at",
    "more",
    "most",
    "less",
    "much",
    "such",
    "what",
    "even",
    "only",
    "just",
    "every",
    "each",
];
/// Plural heads of unnamed sources ("officials said", "U.S. officials said").
const ANON_PLURALS: &[&str] = &[
    "officials",
    "sources",
    "lawmakers",
    "analysts",
    "experts",
    "critics",
    "observers",
    "diplomats",
    "residents",
    "witnesses",
    "economists",
    "investigators",
    "prosecutors",
    "authorities",
    "researchers",
    "scientists",
    "activists",
    "protesters",
    "aides",
    "advisers",
    "advisors",
    "insiders",
    "people",
    "observers",
    "strategists",
    "insiders",
    "executives",
    "spokesmen",
    "spokespeople",
    "reports",
    "media",
    "members",
    "leaders",
    "voters",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const ANON_DET: &[&str] = &[
    "a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "other",
    "most", "few", "numerous",
];
const DEF_DET: &[&str] = &[
    "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
];
/// Adverbs and auxiliaries allowed between a subject and its cue verb.
const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "are",
    "later",
    "then",
    "previously",
    "recently",
    "reportedly",
    "once",
    "further",
    "again",
    "repeatedly",
    "earlier",
    "would",
    "will",
    "had",
    "already",
    "publicly",
    "privately",
    "separately",
    "however",
    "frequently",
    "often",
    "always",
    "never",
    "not",
    "quickly",
    "flatly",
    "openly",
    "here",
    "there",
    "today",
    "yesterday",
    "privately",
    "recently",
];
/// Words that end a noun phrase when walking back from a cue.
const NP_STOP: &[&str] = &[
    "that", "and", "but", "or", "which", "who", "whom", "when", "while", "because", "as", "if",
    "after", "before", "where", "since", "so", "than", "what", "why", "how", "though", "although",
    "whether", "said", "says", "told", "to", "be", "been", "being", "not", "would", "will",
    "could", "should", "can", "may", "might", "must", "did", "do", "does",
];
/// Title words: a name follows the last of them in a capitalised run.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "foreign",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "general",
    "gen",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "professor",
    "prof",
    "king",
    "queen",
    "pope",
    "presidential",
    "press",
    "officer",
    "ambassador",
    "envoy",
    "leader",
    "premier",
    "mayor",
    "judge",
    "justice",
    "speaker",
    "adviser",
    "advisor",
    "analyst",
    "researcher",
    "economist",
    "commander",
    "admiral",
    "colonel",
    "lt",
    "captain",
    "sgt",
    "candidate",
    "nominee",
    "deputy",
    "representative",
    "congressman",
    "congresswoman",
    "attorney",
    "ceo",
    "founder",
    "executive",
    "manager",
    "head",
    "official",
    "lawmaker",
    "legislator",
    "emperor",
    "prince",
    "princess",
    "sheikh",
    "lord",
    "sir",
    "dame",
    "councillor",
    "councilman",
    "commissioner",
    "superintendent",
    "sheriff",
    "inspector",
    "editor",
    "correspondent",
    "reporter",
    "columnist",
    "host",
    "coach",
    "dean",
    "provost",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "reverend",
    "rev",
    "former",
    "acting",
    "interim",
    "senior",
    "associate",
    "assistant",
];
const ORG_WORDS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "office",
    "council",
    "committee",
    "party",
    "government",
    "bank",
    "university",
    "institute",
    "association",
    "union",
    "commission",
    "organization",
    "organisation",
    "company",
    "corp",
    "inc",
    "news",
    "times",
    "post",
    "journal",
    "network",
    "foundation",
    "center",
    "centre",
    "service",
    "court",
    "congress",
    "senate",
    "house",
    "administration",
    "campaign",
    "group",
    "fund",
    "board",
    "bureau",
    "authority",
    "police",
    "army",
    "navy",
    "forces",
    "command",
    "embassy",
    "parliament",
    "assembly",
    "federation",
    "league",
    "society",
    "agency",
    "press",
    "cabinet",
    "secretariat",
    "ltd",
    "llc",
    "co",
    "corporation",
    "school",
    "college",
    "hospital",
    "club",
    "coalition",
    "alliance",
    "front",
    "movement",
    "institution",
    "staff",
    "team",
    "media",
    "television",
    "radio",
    "channel",
    "magazine",
    "daily",
    "herald",
];
/// Role nouns resolved to an organisation or country rather than a person.
const ORG_ROLES: &[&str] = &[
    "ministry",
    "government",
    "department",
    "agency",
    "office",
    "company",
    "administration",
    "council",
    "committee",
    "campaign",
    "party",
    "country",
    "state",
    "embassy",
    "white",
    "military",
    "army",
    "police",
    "court",
    "bank",
    "group",
    "union",
    "organization",
    "organisation",
    "regime",
    "firm",
    "board",
    "commission",
];
/// Document-like speakers: resolved to the body that issued them.
const DOC_NOUNS: &[&str] = &[
    "statement",
    "report",
    "release",
    "letter",
    "communique",
    "memo",
    "document",
    "study",
    "survey",
    "poll",
    "filing",
    "notice",
    "announcement",
    "data",
    "figures",
    "records",
    "analysis",
    "estimates",
    "tally",
    "count",
    "numbers",
    "research",
    "documents",
    "filings",
    "statistics",
];
const PARTICIPLE_CUES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "telling",
    "describing",
    "calling",
    "arguing",
    "warning",
    "insisting",
    "stressing",
    "explaining",
    "claiming",
    "asserting",
    "suggesting",
    "stating",
    "declaring",
    "acknowledging",
    "admitting",
    "vowing",
    "promising",
    "pointing",
    "emphasizing",
    "emphasising",
    "urging",
    "writing",
    "asking",
    "questioning",
    "predicting",
    "cautioning",
    "recalling",
    "complaining",
    "conceding",
    "charging",
    "maintaining",
];
/// Reporting verbs that introduce a clause without "that".
const CLAUSE_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "noted",
    "notes",
    "reported",
    "reports",
    "announced",
    "argued",
    "argues",
    "suggested",
    "suggests",
    "explained",
    "declared",
    "acknowledged",
    "insisted",
    "insists",
    "warned",
    "claimed",
    "claims",
    "stated",
    "states",
    "replied",
    "responded",
    "tweeted",
    "asserted",
    "maintained",
    "reiterated",
    "stressed",
    "confirmed",
    "predicted",
    "conceded",
    "admitted",
    "recalled",
    "continued",
    "concluded",
    "estimated",
    "believes",
    "believe",
    "thinks",
    "think",
    "thought",
    "believed",
    "estimates",
    "contends",
    "contended",
    "emphasized",
    "emphasised",
    "observed",
    "remarked",
    "countered",
    "testified",
    "revealed",
    "indicated",
    "promised",
    "vowed",
    "pledged",
    "hinted",
    "signaled",
    "signalled",
    "cautioned",
];
/// Cues that take an addressee object before the reported clause.
const OBJECT_CUES: &[&str] = &[
    "told", "tells", "tell", "telling", "assured", "warned", "informed", "reminded", "asked",
    "urged", "briefed",
];

// ------------------------------------------------------------------ tokens

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
    /// Inside a direct quote's marks (or is a mark).
    quoted: bool,
    /// All ASCII: its lower-case form is a slice of [`Body::low`].
    ascii: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenises `text[range]` into words (letters/digits with inner apostrophes, hyphens
/// and dots) and single punctuation characters.
fn tokenize(body: &str, range: Span, out: &mut Vec<Tok>) {
    let s = &body[range.start..range.end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut ascii = c.is_ascii();
            loop {
                let rest = &s[end..];
                let mut ch = rest.chars();
                match ch.next() {
                    Some(n) if is_word_char(n) => {
                        end += n.len_utf8();
                        ascii &= n.is_ascii();
                        it.next();
                    }
                    Some(n @ ('\'' | '’' | '‘' | '-' | '.' | '‐'))
                        if ch.next().is_some_and(is_word_char) =>
                    {
                        end += n.len_utf8();
                        ascii &= n.is_ascii();
                        it.next();
                    }
                    _ => break,
                }
            }
            out.push(Tok {
                start: range.start + i,
                end: range.start + end,
                word: true,
                quoted: false,
                ascii,
            });
        } else {
            out.push(Tok {
                start: range.start + i,
                end: range.start + i + c.len_utf8(),
                word: false,
                quoted: false,
                ascii: c.is_ascii(),
            });
        }
    }
}

/// The document text as the rules read it: the text, and a copy with its ASCII letters
/// lower-cased. Lower-casing ASCII keeps every byte offset, so a token's lower-case form
/// is a slice of the copy at the token's own span.
#[derive(Clone, Copy)]
pub(crate) struct Body<'a> {
    text: &'a str,
    low: &'a str,
}

impl<'a> Body<'a> {
    /// `low` must be `text.to_ascii_lowercase()`.
    fn new(text: &'a str, low: &'a str) -> Self {
        debug_assert_eq!(text.len(), low.len());
        Body { text, low }
    }
}

impl std::ops::Deref for Body<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.text
    }
}

/// A token's lower-case form, with typographic apostrophes made straight. The rules ask
/// for it hundreds of times per paragraph: an ASCII token's (nearly all) is borrowed from
/// the lower-cased copy of the text, not built.
#[inline]
fn lower<'a>(body: Body<'a>, t: &Tok) -> Cow<'a, str> {
    if t.ascii {
        return Cow::Borrowed(&body.low[t.start..t.end]);
    }
    Cow::Owned(
        body.text[t.start..t.end]
            .to_lowercase()
            .replace(['’', '‘'], "'"),
    )
}

/// Whether the words of `toks` are written as a title: every word starts with a capital
/// or a digit, except the short function words titles leave in lower case (never the
/// first).
fn is_title_case(body: Body<'_>, toks: &[Tok]) -> bool {
    let mut words = toks.iter().filter(|t| t.word);
    let Some(first) = words.next() else {
        return false;
    };
    let first_ok =
        is_title_word(body, first) && !MINOR_TITLE_WORDS.contains(&&body[first.start..first.end]);
    first_ok && words.all(|t| is_title_word(body, t))
}

/// Short function words English titles leave in lower case.
const MINOR_TITLE_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "vs", "via", "per", "into", "onto", "upon",
];

/// A word a title would write as it is written here: capitalised, a number, or a minor
/// function word.
fn is_title_word(body: Body<'_>, t: &Tok) -> bool {
    let w = &body[t.start..t.end];
    let c = w.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_numeric() || MINOR_TITLE_WORDS.contains(&w)
}

/// The word before a contraction ("she's" -> "she"; [`lower`] has already made `’` `'`).
fn contraction_stem(lw: &str) -> &str {
    lw.split('\'').next().unwrap_or("")
}

/// Whether word `t` can open a reported clause as (the start of) its subject: a capital,
/// a pronoun, a determiner, also before a contraction ("she's", "the", "an").
fn opens_clause(body: Body<'_>, t: &Tok) -> bool {
    let full = lower(body, t);
    let lw = contraction_stem(&full);
    is_cap(body, t) || PRONOUNS.contains(&lw) || DEF_DET.contains(&lw) || ANON_DET.contains(&lw)
}

fn is_cap(body: Body<'_>, t: &Tok) -> bool {
    t.word
        && body[t.start..t.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
}

// ------------------------------------------------------------------ quote marks

#[derive(Clone, Debug)]
struct Marked {
    /// Byte offset of the opening mark.
    open: usize,
    /// Content span (without the marks), trimmed.
    content: Span,
    /// Byte offset just after the closing mark, or the paragraph end.
    close_end: usize,
    closed: bool,
    para: usize,
    /// Continues an unclosed quote of the previous paragraph.
    continuation: bool,
}

fn is_opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | ',' | '/'),
    }
}

/// Finds the direct quotes of one paragraph.
fn scan_marks(body: Body<'_>, para: Span, pi: usize, out: &mut Vec<Marked>) {
    let text = &body[para.start..para.end];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Offsets of the closing double marks, to count those after a point by binary
    // search (counting by a scan per opener was quadratic).
    let closers: Vec<usize> = text.match_indices('”').map(|(i, _)| i).collect();
    // (open offset, content start, is single)
    let mut open: Option<(usize, usize, bool)> = None;
    // an ambiguous closing single mark ("the countries’ leaders"), used if no better one follows
    let mut fallback: Option<(usize, usize)> = None;
    // nesting depth of double quotes inside an open double quote
    let mut depth = 0usize;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let mut after = i + c.len_utf8();
        // two apostrophes or backticks stand for a double quote mark ('' ... '', `` ... '')
        let c = if (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`')) {
            k += 1;
            after += 1;
            if c == '`' {
                '“'
            } else {
                '"'
            }
        } else {
            c
        };
        let next = chars.get(k + 1).map(|x| x.1);
        match open {
            None => {
                let dbl_open = matches!(c, '“' | '„' | '«')
                    || (matches!(c, '"' | '″' | '”')
                        && is_opening_context(prev)
                        && next.is_some_and(|n| !n.is_whitespace()));
                let sgl_open = matches!(c, '‘' | '\'')
                    && is_opening_context(prev)
                    && next.is_some_and(|n| n.is_alphabetic() || n == '…')
                    // 'n' ('rock 'n' roll), 'em, 'tis
                    && !text[after..].starts_with("n'")
                    && !text[after..].starts_with("em ");
                if dbl_open {
                    open = Some((i, after, false));
                } else if sgl_open {
                    open = Some((i, after, true));
                }
            }
            Some((o, cs, single)) => {
                let closes = if single {
                    let cand = matches!(c, '’' | '\'') && next.is_none_or(|n| !n.is_alphanumeric());
                    // plural possessive "the countries' leaders": s' followed by a lower-case word
                    let possessive = prev == Some('s')
                        && next.is_some_and(char::is_whitespace)
                        && text[after..]
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_lowercase());
                    if cand && possessive && fallback.is_none() {
                        fallback = Some((i, after));
                    }
                    cand && !possessive
                } else if c == '“' && is_opening_context(prev) {
                    // an opener inside an open quote: nested if enough closers follow,
                    // else a stray mark
                    if closers.len() - closers.partition_point(|&x| x < after) >= 2 {
                        depth += 1;
                    }
                    k += 1;
                    continue;
                } else if matches!(c, '”' | '"' | '″' | '»' | '“') && depth > 0 {
                    depth -= 1;
                    k += 1;
                    continue;
                } else {
                    matches!(c, '”' | '"' | '″' | '»' | '“')
                };
                // a new double opener while a single is open: the single was an apostrophe
                if single && matches!(c, '“') {
                    open = Some((i, after, false));
                    fallback = None;
                } else if closes {
                    push_marked(body, para, pi, o, cs, i, after, true, out);
                    open = None;
                    fallback = None;
                    depth = 0;
                } else if !single && c == '“' {
                    // unclosed quote followed by a new opener: close the old one here
                    push_marked(body, para, pi, o, cs, i, i, false, out);
                    open = Some((i, after, false));
                }
            }
        }
        k += 1;
    }
    if let Some((o, cs, single)) = open {
        if !single {
            push_marked(body, para, pi, o, cs, text.len(), text.len(), false, out);
        } else if let Some((i, after)) = fallback {
            push_marked(body, para, pi, o, cs, i, after, true, out);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn push_marked(
    body: Body<'_>,
    para: Span,
    pi: usize,
    o: usize,
    cs: usize,
    ce: usize,
    close_end: usize,
    closed: bool,
    out: &mut Vec<Marked>,
) {
    let (mut s, mut e) = (para.start + cs, para.start + ce);
    let t = &body[s..e];
    s += t.len() - t.trim_start().len();
    e -= t.len() - t.trim_end().len();
    if s >= e || !body[s..e].chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(Marked {
        open: para.start + o,
        content: Span::new(s, e),
        close_end: para.start + close_end,
        closed,
        para: pi,
        continuation: false,
    });
}

// ------------------------------------------------------------------ speakers

/// A resolved speaker.
#[derive(Clone, Debug, Default)]
struct Who {
    speaker: Option<String>,
    text: Option<String>,
    span: Option<Span>,
    entity: Option<usize>,
    anonymous: bool,
}

struct Ctx<'a> {
    body: Body<'a>,
    /// Capitalised words (ASCII-lower-cased) -> their byte offsets, built on first use.
    cap_index: std::cell::OnceCell<BTreeMap<String, Vec<usize>>>,
    mentions: &'a [Mention],
    entities: &'a mut Vec<Entity>,
    mentions_sorted: bool,
    /// Longest mention span, in bytes: bounds the backward walk for overlaps.
    max_mention_len: usize,
    /// Names already resolved by `find_entity` (name as written, organisation?) -> entity.
    found: BTreeMap<(String, bool), usize>,
    /// Speakers resolved so far: (position, entity).
    recent: Vec<(usize, usize)>,
    /// The most recent issuer of a statement.
    issuer: Option<usize>,
}

/// A person's sex as the document and the name data tell it: a one-sex given name, or
/// "Mr." / "Ms." / "Mrs." before a form of the name, or a "-woman" title
/// ("congresswoman"). `None` when nothing says, or the signs disagree.
fn entity_sex(e: &Entity) -> Option<Sex> {
    if e.kind != ActorKind::Person {
        return None;
    }
    let mut male = false;
    let mut female = false;
    let first = e.name.split_whitespace().next().unwrap_or("");
    match crate::lexicon::gazetteer().given_name_sex(first) {
        Some(Sex::Male) => male = true,
        Some(Sex::Female) => female = true,
        None => {}
    }
    for form in e.aliases.iter().chain(&e.titles) {
        for w in form.split_whitespace() {
            let w = w.trim_end_matches('.').to_lowercase();
            match w.as_str() {
                "mr" => male = true,
                "ms" | "mrs" | "miss" => female = true,
                _ if w.ends_with("woman") || w.ends_with("women") => female = true,
                _ => {}
            }
        }
    }
    match (male, female) {
        (true, false) => Some(Sex::Male),
        (false, true) => Some(Sex::Female),
        _ => None,
    }
}

/// Capitalised words that are not names on their own.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "democratic",
    "republican",
    "american",
    "americans",
    "russian",
    "chinese",
    "british",
    "french",
    "german",
    "european",
    "u.s",
    "us",
    "uk",
    "u.k",
    "perhaps",
    "talk",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twenty",
    "thirty",
    "hundreds",
    "thousands",
    "millions",
    "first",
    "last",
    "next",
    "new",
    "hours",
    "days",
    "weeks",
    "minutes",
    "months",
    "years",
    "having",
    "being",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "a",
    "an",
    "the",
    "mr",
    "mrs",
    "ms",
    "dr",
    "god",
    "lord",
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "no",
    "yes",
    "oh",
    "ok",
];

fn plausible_single_name(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    !NOT_NAMES.contains(&w)
        && !LEADING.contains(&w)
        && !w.contains(|c: char| c.is_ascii_digit())
        && !w.split('-').any(|p| NOT_NAMES.contains(&p))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A capitalised name word that is not a title: "Anna", "Hae-won", "O'Neil".
fn is_name_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !TITLES.contains(&w.to_lowercase().as_str())
        && !ORG_WORDS.contains(&w.to_lowercase().as_str())
}

/// Up to `max` name words directly at the start of `s` (after one space), joined by
/// spaces; a trailing possessive is dropped.
fn cap_run(s: &str, max: usize) -> String {
    let mut out: Vec<&str> = Vec::new();
    let Some(mut rest) = s.strip_prefix(' ') else {
        return String::new();
    };
    while out.len() < max {
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        let raw = &rest[..end];
        let w = raw.trim_end_matches([',', '.', ';', ':', ')', '”', '"', '‘', '’', '\'']);
        let w = ["'s", "’s", "‘s"]
            .iter()
            .find_map(|suf| w.strip_suffix(suf))
            .unwrap_or(w);
        if !is_name_word(w) {
            break;
        }
        out.push(w);
        if w.len() != raw.len() || end == rest.len() {
            break;
        }
        // Skip the whitespace character, which may be wider than one byte (U+00A0).
        let ws = rest[end..].chars().next().map_or(0, char::len_utf8);
        rest = &rest[end + ws..];
    }
    out.join(" ")
}

/// Offsets of every capitalised word of `body`, by ASCII-lower-cased word (words as
/// the tokenizer sees them: letters/digits with inner apostrophes and hyphens).
fn cap_index(body: Body<'_>) -> BTreeMap<String, Vec<usize>> {
    let mut toks = Vec::new();
    tokenize(&body, Span::new(0, body.len()), &mut toks);
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for t in toks.iter().filter(|t| is_cap(body, t)) {
        out.entry(body.low[t.start..t.end].to_string())
            .or_default()
            .push(t.start);
    }
    out
}

fn word_set(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

impl Ctx<'_> {
    fn kind_ok(&self, e: usize, person: bool) -> bool {
        let k = self.entities[e].kind;
        if person {
            k == ActorKind::Person
        } else {
            matches!(
                k,
                ActorKind::Country | ActorKind::Organisation | ActorKind::Group
            )
        }
    }

    /// Most recent entity of the wanted kind mentioned (or speaking) before `pos`.
    fn recent_entity(&self, pos: usize, person: bool, title: Option<&str>) -> Option<usize> {
        self.recent_entity_of(pos, person, title, None)
    }

    /// [`Ctx::recent_entity`] for a pronoun that names a sex ("she"): a person known to be
    /// of the other sex is passed over.
    fn recent_entity_of(
        &self,
        pos: usize,
        person: bool,
        title: Option<&str>,
        sex: Option<Sex>,
    ) -> Option<usize> {
        // whether an entity fits, decided once per entity (the walk back may pass the same
        // entities' mentions many times, and the title test builds word sets)
        let fit: std::cell::RefCell<Vec<u8>> =
            std::cell::RefCell::new(vec![0; self.entities.len()]);
        let ok = |e: usize| {
            if e >= self.entities.len() {
                return false;
            }
            let known = fit.borrow()[e];
            if known != 0 {
                return known == 1;
            }
            let yes = self.kind_ok(e, person)
                && sex.is_none_or(|x| entity_sex(&self.entities[e]).is_none_or(|y| x == y))
                && title.is_none_or(|t| {
                    self.entities[e]
                        .titles
                        .iter()
                        .any(|x| word_set(x).iter().any(|w| w == t))
                });
            fit.borrow_mut()[e] = if yes { 1 } else { 2 };
            yes
        };
        // mentions come in text order (checked once in `attribute`): the nearest
        // compatible one before `pos` is found walking backwards
        let m = if self.mentions_sorted {
            let pp = self.mentions.partition_point(|m| m.span.start < pos);
            self.mentions[..pp]
                .iter()
                .rev()
                .filter(|m| m.span.end <= pos)
                .find(|m| ok(m.entity))
                .map(|m| (m.span.start, m.entity))
        } else {
            self.mentions
                .iter()
                .filter(|m| m.span.end <= pos && ok(m.entity))
                .map(|m| (m.span.start, m.entity))
                .max_by_key(|x| x.0)
        };
        let r = self
            .recent
            .iter()
            .rev()
            .filter(|&&(p, _)| p <= pos)
            .find(|&&(_, e)| ok(e))
            .copied();
        match (m, r) {
            (Some(m), Some(r)) => Some(if r.0 >= m.0 { r.1 } else { m.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }

    fn who(&self, e: usize, text: &str, span: Span) -> Who {
        Who {
            speaker: Some(self.entities[e].name.clone()),
            text: Some(text.to_string()),
            span: Some(span),
            entity: Some(e),
            anonymous: false,
        }
    }

    /// Resolves a speaker noun phrase (tokens `toks[a..b]`) to a speaker.
    fn resolve(&mut self, toks: &[Tok], a: usize, b: usize) -> Who {
        if a >= b {
            return Who::default();
        }
        let body = self.body;
        // trim punctuation at both ends
        let (mut a, mut b) = (a, b);
        while a < b && (!toks[a].word || (b - a > 1 && LEADING.contains(&&*lower(body, &toks[a]))))
        {
            a += 1;
        }
        while b > a && !toks[b - 1].word {
            b -= 1;
        }
        if a >= b {
            return Who::default();
        }
        let span = Span::new(toks[a].start, toks[b - 1].end);
        let text = span.text(&body).to_string();
        let words: Vec<Cow<str>> = toks[a..b]
            .iter()
            .filter(|t| t.word)
            .map(|t| lower(body, t))
            .collect();
        let first = &*words[0];
        // possessive "Lee's briefing" -> Lee (not "Lee's spokesman, Ann Kim": the name
        // in apposition speaks)
        let apposition = toks[a..b]
            .iter()
            .any(|t| !t.word && &body[t.start..t.end] == ",");
        if let Some(k) = toks[a..b].iter().position(|t| {
            !apposition
                && t.word
                && (lower(body, t).ends_with("'s") || lower(body, t).ends_with("s'"))
        }) {
            let t = toks[a + k];
            if is_cap(body, &t) && k + 1 < b - a {
                let tw = &body[t.start..t.end];
                let stem = ["'s", "’s", "‘s", "'", "’"]
                    .iter()
                    .find_map(|suf| tw.strip_suffix(suf))
                    .unwrap_or(tw);
                let name_end = t.start + stem.len();
                let mut sub: Vec<Tok> = toks[a..a + k].to_vec();
                sub.push(Tok {
                    start: t.start,
                    end: name_end.max(t.start + 1),
                    word: true,
                    quoted: false,
                    ascii: body[t.start..name_end.max(t.start + 1)].is_ascii(),
                });
                let n = sub.len();
                let w = self.resolve(&sub, 0, n);
                return Who {
                    text: Some(text),
                    span: Some(span),
                    ..w
                };
            }
        }
        // pronouns
        if words.len() == 1 && PRONOUNS.contains(&first) {
            let person = matches!(first, "he" | "she" | "i");
            let sex = match first {
                "he" => Some(Sex::Male),
                "she" => Some(Sex::Female),
                _ => None,
            };
            let e = self
                .recent_entity_of(span.start, person, None, sex)
                .or_else(|| {
                    if first == "they" {
                        self.recent_entity(span.start, true, None)
                    } else {
                        None
                    }
                });
            return match e {
                Some(e) => self.who(e, &text, span),
                None => Who {
                    text: Some(text),
                    span: Some(span),
                    ..Who::default()
                },
            };
        }
        // documents: "the statement", "a statement from the ministry"
        if let Some(di) = words.iter().position(|w| DOC_NOUNS.contains(&&**w)) {
            if let Some(fi) = toks[a..b]
                .iter()
                .position(|t| t.word && matches!(&*lower(body, t), "from" | "by" | "of"))
            {
                if fi > di {
                    let w = self.resolve(toks, a + fi + 1, b);
                    if w.speaker.is_some() {
                        if let Some(e) = w.entity {
                            self.issuer = Some(e);
                        }
                        return Who {
                            text: Some(text),
                            span: Some(span),
                            ..w
                        };
                    }
                }
            }
            if DEF_DET.contains(&first) {
                if let Some(e) = self.issuer {
                    return self.who(e, &text, span);
                }
            }
            return Who {
                text: Some(text),
                span: Some(span),
                anonymous: true,
                ..Who::default()
            };
        }
        // a mention inside the phrase
        let mut hit: Option<&Mention> = None;
        // Sorted mentions: only those starting within the longest mention's length
        // before the phrase can overlap it (a scan of all mentions per phrase was
        // quadratic); kept in text order, as the choice below depends on it.
        let near: &[Mention] = if self.mentions_sorted {
            let hi = self.mentions.partition_point(|m| m.span.start < span.end);
            let lo = self.mentions[..hi]
                .partition_point(|m| m.span.start + self.max_mention_len < span.start);
            &self.mentions[lo..hi]
        } else {
            self.mentions
        };
        for m in near
            .iter()
            .filter(|m| m.span.overlaps(span) && m.entity < self.entities.len())
        {
            let better = match hit {
                None => true,
                Some(h) => {
                    (m.via == MentionVia::Name && h.via != MentionVia::Name)
                        || (m.via == h.via && m.span.start > h.span.start)
                }
            };
            if better {
                hit = Some(m);
            }
        }
        let caps: Vec<usize> = (a..b)
            .filter(|&i| {
                is_cap(body, &toks[i])
                    && !(i == a
                        && (ANON_DET.iter().chain(DEF_DET).chain(LEADING).any(|d| *d == lower(body, &toks[i]))
                            // sentence-initial participles: "Having announced ...", "Boasting ..."
                            || (lower(body, &toks[i]).ends_with("ing") && b - a > 1)))
            })
            .collect();
        // anonymous: indefinite or bare plural common noun phrase
        let anon = ANON_DET.contains(&first)
            || words.last().is_some_and(|w| ANON_PLURALS.contains(&&**w))
            || (caps.is_empty()
                && !DEF_DET.contains(&first)
                && words.last().is_some_and(|w| w.ends_with('s'))
                && !PRONOUNS.contains(&first));
        if anon {
            return Who {
                text: Some(text),
                span: Some(span),
                anonymous: true,
                ..Who::default()
            };
        }
        // a country naming where a person is from ("the Ohio senator", "the Russian
        // president") is not the speaker: the role is, resolved like any role noun below
        let head_title =
            words.last().is_some_and(|w| TITLES.contains(&&**w)) && !is_cap(body, &toks[b - 1]);
        let place_modifier = head_title
            && hit.is_some_and(|m| {
                m.span.end < toks[b - 1].start && self.entities[m.entity].kind == ActorKind::Country
            });
        if let Some(m) = hit.filter(|_| !place_modifier) {
            let e = m.entity;
            return self.who(e, &text, span);
        }
        // names: the capitalised run after the last title word
        let mut run: Vec<usize> = Vec::new();
        for &i in caps.iter().filter(|_| !place_modifier) {
            if run
                .last()
                .is_some_and(|&l| i != l + 1 && !(i == l + 2 && lower(body, &toks[l + 1]) == "of"))
            {
                run.clear();
            }
            if run.last().is_some_and(|&l| i == l + 2) {
                run.push(i - 1);
            }
            run.push(i);
        }
        if !run.is_empty() {
            let is_org = run
                .iter()
                .any(|&i| ORG_WORDS.contains(&&*lower(body, &toks[i])));
            let mut from = 0;
            if !is_org {
                for (k, &i) in run.iter().enumerate() {
                    if TITLES.contains(&lower(body, &toks[i]).trim_end_matches('.')) {
                        from = k + 1;
                    }
                }
            }
            // a lone sentence-initial capital before common nouns ("Commercial satellite
            // images") is not a name; nor is one between a determiner and a role noun
            // ("the Ohio senator": where the senator is from)
            let lone_initial = run.len() - from == 1
                && (run[from] == a
                    || (head_title && run[from] == a + 1 && DEF_DET.contains(&first)))
                && b - a > 1
                && !is_cap(body, &toks[b - 1]);
            if from < run.len()
                && !lone_initial
                && (run.len() - from > 1 || plausible_single_name(&lower(body, &toks[run[from]])))
            {
                let ns = toks[run[from]].start;
                let ne = toks[*run.last().unwrap()].end;
                let name = body[ns..ne].to_string();
                let e = self.find_entity(&name, is_org);
                return self.who(e, &text, span);
            }
        }
        // role nouns: "the spokesman", "the president"
        let head = &**words.last().unwrap();
        let person = !ORG_ROLES.contains(&head);
        if DEF_DET.contains(&first) && person {
            if let Some(name) = self.name_after_role(head, span.start) {
                let e = self.find_entity(&name, false);
                return self.who(e, &text, span);
            }
        }
        if DEF_DET.contains(&first) || caps.len() == b - a {
            let e = self
                .recent_entity(span.start, person, Some(head))
                .or_else(|| {
                    if person {
                        None
                    } else {
                        self.recent_entity(span.start, false, None)
                    }
                });
            if let Some(e) = e {
                return self.who(e, &text, span);
            }
        }
        // no person of that role known: the country speaks through its office holder
        if let Some(m) = hit {
            return self.who(m.entity, &text, span);
        }
        Who {
            text: Some(text),
            span: Some(span),
            ..Who::default()
        }
    }

    /// The name that follows the last use of `role` as a title before `pos`
    /// ("... presidential spokesman Ann Lee said" -> "Ann Lee" for "the spokesman").
    fn name_after_role(&self, role: &str, pos: usize) -> Option<String> {
        let lb = &self.body.low[..pos];
        let mut end = lb.len();
        // the nearest few uses only: keeps long documents linear
        let mut tries = 0;
        while let Some(i) = lb[..end].rfind(role) {
            end = i;
            tries += 1;
            if tries > 16 {
                break;
            }
            let j = i + role.len();
            let bounded = (i == 0 || !lb[..i].ends_with(|c: char| c.is_alphanumeric()))
                && lb[j..].starts_with(' ');
            if !bounded {
                continue;
            }
            let words = cap_run(&self.body[j..pos], 4);
            if !words.is_empty() {
                return Some(words);
            }
        }
        None
    }

    /// The fullest form of a one-word person name used in the document ("Park" ->
    /// "Park Hae-won", "Weber" -> "Anna Weber"): the longest run of capitalised
    /// non-title words around any occurrence.
    fn full_name(&self, word: &str) -> String {
        let lw = word.to_ascii_lowercase();
        let mut best = word.to_string();
        let index = self.cap_index.get_or_init(|| cap_index(self.body));
        for &i in index.get(&lw).map_or(&[][..], |v| v.as_slice()) {
            let j = i + lw.len();
            if j > self.body.len() || !self.body.is_char_boundary(j) {
                continue;
            }
            let left_ok = i == 0 || !self.body.low[..i].ends_with(|c: char| c.is_alphanumeric());
            let right_ok = !self.body.low[j..].starts_with(|c: char| c.is_alphanumeric());
            if !left_ok || !right_ok || !self.body[i..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            // preceding capitalised non-title word(s), directly adjacent
            let mut start = i;
            let head = &self.body[..i];
            if let Some(prev) = head.strip_suffix(' ') {
                let w = prev.rsplit(' ').next().unwrap_or("");
                if is_name_word(w) {
                    start = i - 1 - w.len();
                }
            }
            let tail = cap_run(&self.body[j..], 2);
            let cand = format!(
                "{}{}{}",
                &self.body[start..i],
                word,
                if tail.is_empty() {
                    String::new()
                } else {
                    format!(" {tail}")
                }
            );
            let n = cand.split(' ').count();
            if n <= 3 && n > best.split(' ').count() {
                best = cand;
            }
        }
        best
    }

    /// The entity named `name` (full name, alias or surname), pushed if new.
    fn find_entity(&mut self, name: &str, org: bool) -> usize {
        let key = (name.to_string(), org);
        if let Some(&i) = self.found.get(&key) {
            return i;
        }
        let i = self.find_entity_uncached(name, org);
        self.found.insert(key, i);
        i
    }

    fn find_entity_uncached(&mut self, name: &str, org: bool) -> usize {
        let full;
        let name = if !org && !name.contains(' ') {
            full = self.full_name(name);
            full.as_str()
        } else {
            name
        };
        let low = name.to_lowercase();
        let last = low.split_whitespace().last().unwrap_or("").to_string();
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in self.entities.iter().enumerate() {
            let score = if e.name.to_lowercase() == low
                || e.aliases.iter().any(|a| a.to_lowercase() == low)
            {
                3
            } else if e.kind == ActorKind::Person
                && (e.name.to_lowercase().split_whitespace().last() == Some(low.as_str())
                    || (low.split_whitespace().count() > 1
                        && e.name.to_lowercase().split_whitespace().last() == Some(last.as_str())
                        && e.name.split_whitespace().count() == 1))
            {
                2
            } else if e.name.to_lowercase().split_whitespace().next() == Some(low.as_str())
                && e.kind == ActorKind::Person
                && !org
            {
                1
            } else {
                0
            };
            if score > 0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        if let Some((_, i)) = best {
            // a fuller name for an entity we pushed under its surname
            if self.entities[i].name.split_whitespace().count() < name.split_whitespace().count()
                && self.entities[i].kind == ActorKind::Person
                && !org
            {
                let old = std::mem::replace(&mut self.entities[i].name, name.to_string());
                if !self.entities[i].aliases.contains(&old) {
                    self.entities[i].aliases.push(old);
                }
            }
            return i;
        }
        let kind = if org {
            ActorKind::Organisation
        } else {
            ActorKind::Person
        };
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            titles: Vec::new(),
            key: None,
        });
        self.entities.len() - 1
    }
}

// ------------------------------------------------------------------ cue finding

#[derive(Clone, Copy, Debug)]
struct Cue {
    /// Token range of the cue.
    a: usize,
    b: usize,
    weight: u32,
    according: bool,
}

/// Finds the cue at token `i` (multi-word cues first).
fn cue_at(body: Body<'_>, toks: &[Tok], i: usize) -> Option<Cue> {
    let t = toks[i];
    if !t.word || t.quoted {
        return None;
    }
    let w = lower(body, &t);
    if w == "according" && toks.get(i + 1).is_some_and(|n| lower(body, n) == "to") {
        return Some(Cue {
            a: i,
            b: i + 2,
            weight: 400,
            according: true,
        });
    }
    if w == "quoted" && i >= 1 && matches!(&*lower(body, &toks[i - 1]), "was" | "were" | "is") {
        // "was quoted as saying"
        let mut b = i + 1;
        if toks.get(b).is_some_and(|n| lower(body, n) == "as") {
            b += 1;
            if toks.get(b).is_some_and(|n| lower(body, n) == "saying") {
                b += 1;
            }
        }
        return Some(Cue {
            a: i - 1,
            b,
            weight: 100,
            according: false,
        });
    }
    let weight = cue_weight(&w);
    if weight < WEAK {
        return None;
    }
    // reporting verbs are lower case in running text; "Show", "Plan" are parts of names
    // (but "Lee Says Talks Failed": a title-case headline)
    if is_cap(body, &t) && i > 0 && toks[i - 1].word {
        let headline = is_cap(body, &toks[i - 1])
            && toks.get(i + 1).is_some_and(|n| is_cap(body, n))
            && CLAUSE_CUES.contains(&&*w)
            && weight >= STRONG;
        if !headline {
            return None;
        }
    }
    // a verb, not a noun: "the said", "his remarks" are rare for these forms; reject
    // forms directly after a determiner
    if i > 0
        && matches!(
            &*lower(body, &toks[i - 1]),
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
    {
        return None;
    }
    Some(Cue {
        a: i,
        b: i + 1,
        weight,
        according: false,
    })
}

/// The speaker phrase for a cue: token range. A phrase does not run back over an
/// adverbial before its determiner ("On Thursday the senator said": "the senator").
fn speaker_np(
    body: Body<'_>,
    toks: &[Tok],
    cue: &Cue,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize)> {
    let (a, b) = speaker_np_raw(body, toks, cue, lo, hi)?;
    let det = (a + 1..b.saturating_sub(1)).find(|&k| {
        toks[k].word
            && !toks[k].quoted
            && matches!(&*lower(body, &toks[k]), "the" | "a" | "an")
            && toks[k - 1].word
            // a day or time word before it ("Thursday the", "later the"); not a verb of a
            // relative clause ("panel that monitors the implementation")
            && (is_cap(body, &toks[k - 1])
                || matches!(
                    &*lower(body, &toks[k - 1]),
                    "then" | "later" | "meanwhile" | "now" | "also" | "yesterday" | "today"
                ))
            && !toks[a..k].iter().any(|t| {
                matches!(&*lower(body, t), "that" | "who" | "which" | "whose")
            })
    });
    Some((det.unwrap_or(a), b))
}

fn speaker_np_raw(
    body: Body<'_>,
    toks: &[Tok],
    cue: &Cue,
    lo: usize,
    hi: usize,
) -> Option<(usize, usize)> {
    if cue.according {
        return np_after(body, toks, cue.b, hi);
    }
    let w = lower(body, &toks[cue.a]);
    if PARTICIPLE_CUES.contains(&&*w) {
        return clause_subject(body, toks, lo, cue.a);
    }
    // walk back over adverbs/auxiliaries
    let mut j = cue.a;
    // and over a parenthesis after the subject: "Sen. Ann Lee (D-Ore.) said"
    if j > lo + 1 && !toks[j - 1].word && &body[toks[j - 1].start..toks[j - 1].end] == ")" {
        let mut o = j - 1;
        while o > lo && o + 8 > j && &body[toks[o].start..toks[o].end] != "(" {
            o -= 1;
        }
        if &body[toks[o].start..toks[o].end] == "(" && o > lo && toks[o - 1].word {
            if let Some((a, _)) = speaker_np(
                body,
                toks,
                &Cue {
                    a: o,
                    b: o + 1,
                    ..*cue
                },
                lo,
                hi,
            ) {
                return Some((a, o));
            }
        }
    }
    while j > lo
        && toks[j - 1].word
        && !toks[j - 1].quoted
        && SKIP_BEFORE_CUE.contains(&&*lower(body, &toks[j - 1]))
    {
        j -= 1;
    }
    let before_is_np =
        j > lo && toks[j - 1].word && !toks[j - 1].quoted && is_np_head(body, &toks[j - 1]);
    if j > lo && toks[j - 1].word && PRONOUNS.contains(&&*lower(body, &toks[j - 1])) {
        return Some((j - 1, j));
    }
    // "..., who said": the antecedent before the relative pronoun
    if j > lo + 1 && toks[j - 1].word && matches!(&*lower(body, &toks[j - 1]), "who" | "which") {
        let mut e = j - 1;
        if e > lo && !toks[e - 1].word && &body[toks[e - 1].start..toks[e - 1].end] == "," {
            e -= 1;
        }
        return np_ending_at(body, toks, e, lo, false);
    }
    if j > lo + 1
        && toks[j - 1].word
        && lower(body, &toks[j - 1]) == "and"
        && CLAUSE_CUES.contains(&&*w)
    {
        // "Machado promised ... and said she would": the clause subject
        return clause_subject(body, toks, lo, j - 1);
    }
    if j > lo && toks[j - 1].word && !toks[j - 1].quoted && !before_is_np {
        // "he was stiffed said", "to harshly punish vowed": no subject here
        return None;
    }
    // `,” Jan Novak, a lawyer for the family, said`: the subject right after the quote
    if j > lo && !toks[j - 1].word && &body[toks[j - 1].start..toks[j - 1].end] == "," {
        let mut q = j - 1;
        while q > lo && !toks[q - 1].quoted && q + 40 > j {
            q -= 1;
        }
        let at_start = q == lo || (q > lo && toks[q - 1].quoted);
        // the subject is the first comma-separated chunk that looks like a noun phrase
        // (a name or a short phrase with no verb or preposition), followed by its
        // appositive(s): "Alarmed by the unrest, Sen. Ann Lee (D-Ore.), the minority
        // leader, said"; "The plan is possible by its resources, said ..." has none
        let mut st = q;
        let mut first = true;
        while st + 1 < j {
            let ok_start = (!first || at_start) && toks[st].word && !toks[st].quoted && {
                let lw = lower(body, &toks[st]);
                is_cap(body, &toks[st]) || DEF_DET.contains(&&*lw) || ANON_DET.contains(&&*lw)
            };
            let mut e = st;
            while e < j
                && (toks[e].word || matches!(&body[toks[e].start..toks[e].end], "." | "’" | "'"))
            {
                e += 1;
            }
            if ok_start {
                // "Sen. Ann Lee (D-Ore.), a member of ..., said"
                let mut f = e;
                if f < j && &body[toks[f].start..toks[f].end] == "(" {
                    if let Some(c) =
                        (f + 1..j.min(f + 10)).find(|&x| &body[toks[x].start..toks[x].end] == ")")
                    {
                        f = c + 1;
                    }
                }
                let e_ok = f + 1 < j && !toks[f].word && &body[toks[f].start..toks[f].end] == ",";
                let name_like = e - st <= 8
                    && toks[st..e].iter().enumerate().all(|(n, t)| {
                        if !t.word || is_cap(body, t) {
                            return true;
                        }
                        let lw = lower(body, t);
                        let verbish =
                            lw.ends_with("ed") || lw.ends_with("ing") || lw.ends_with("ly");
                        (n == 0 || !verbish)
                            && !NP_STOP.contains(&&*lw)
                            && !SKIP_BEFORE_CUE.contains(&&*lw)
                            && !matches!(
                                &*lw,
                                "in" | "on"
                                    | "at"
                                    | "by"
                                    | "with"
                                    | "for"
                                    | "from"
                                    | "during"
                                    | "about"
                                    | "into"
                                    | "over"
                                    | "under"
                                    | "is"
                                    | "are"
                                    | "was"
                                    | "were"
                            )
                    });
                if e > st && e_ok && name_like && is_np_head(body, &toks[e - 1]) {
                    // a role then the name in apposition ("The ministry's spokesman, Ann
                    // Lee, said"): the phrase takes the name, which is who speaks
                    let name = (!is_cap(body, &toks[e - 1]))
                        .then(|| apposed_name(body, toks, f, j))
                        .flatten()
                        .filter(|&n| n + 1 == j && &body[toks[n].start..toks[n].end] == ",");
                    return Some((st, name.unwrap_or(e)));
                }
            }
            // the next chunk
            let Some(nc) =
                (e..j).find(|&x| !toks[x].word && &body[toks[x].start..toks[x].end] == ",")
            else {
                break;
            };
            st = nc + 1;
            first = false;
        }
    }
    if before_is_np {
        let mut s = j;
        while s > lo && s + 10 > j {
            let t = toks[s - 1];
            if t.quoted {
                break;
            }
            if !t.word {
                // keep inner hyphens/periods of abbreviations and the possessive mark
                let c = &body[t.start..t.end];
                if matches!(c, "." | "’" | "'") && s >= 2 && toks[s - 2].word {
                    s -= 1;
                    continue;
                }
                break;
            }
            let lw = lower(body, &t);
            if matches!(&*lw, "that" | "who" | "which")
                && s >= 2
                && s < j
                && toks[s - 2].word
                && !toks[s - 2].quoted
                && !matches!(
                    &*lower(body, &toks[s - 2]),
                    "said" | "says" | "told" | "and" | "but"
                )
            {
                // a relative clause inside the subject: "a panel that monitors sanctions said"
                s -= 1;
                continue;
            }
            if NP_STOP.contains(&&*lw) {
                break;
            }
            // ", with Trump tweeting ...": "with" opens the phrase, it is not part of it
            if lw == "with" && s >= 2 && !toks[s - 2].word {
                break;
            }
            if cue_weight(&lw) >= STRONG {
                break;
            }
            s -= 1;
        }
        // a leading preposition phrase ("On Tuesday the ministry") is cut at the last determiner/capital after it
        return Some((s, j));
    }
    // inverted: "..., said Maria Lopez, a professor"
    let mut k = cue.b;
    // skip a tense auxiliary ("said" is never inverted with "has", but "added" etc. are)
    if k < hi && toks[k].word && matches!(&*lower(body, &toks[k]), "on" | "in" | "at") {
        return None;
    }
    // an inverted subject is a noun phrase: not "that ...", "he was", "of the", "Tuesday"
    if k < hi && toks[k].word && {
        let lw = lower(body, &toks[k]);
        matches!(
            &*lw,
            "that"
                | "this"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "of"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
                | "about"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "if"
        ) || (is_cap(body, &toks[k])
            && NOT_NAMES.contains(&&*lw)
            && !matches!(&*lw, "the" | "a" | "an" | "mr" | "mrs" | "ms" | "dr"))
    } {
        return None;
    }
    if k < hi && toks[k].word && !toks[k].quoted {
        let s = k;
        while k < hi && k < s + 10 {
            let t = toks[k];
            if t.quoted || (!t.word && !matches!(&body[t.start..t.end], "." | "’" | "'" | "-")) {
                break;
            }
            if t.word
                && k > s
                && matches!(
                    &*lower(body, &t),
                    "on" | "in"
                        | "at"
                        | "who"
                        | "which"
                        | "that"
                        | "during"
                        | "after"
                        | "when"
                        | "told"
                        | "to"
                        | "while"
                )
            {
                break;
            }
            k += 1;
        }
        while k > s && !toks[k - 1].word {
            k -= 1;
        }
        // "said the ministry's spokesman, Ann Lee": the name in apposition to a role
        if k > s && k < hi && !is_cap(body, &toks[k - 1]) {
            if let Some(e) = apposed_name(body, toks, k, hi) {
                return Some((s, e));
            }
        }
        if k > s {
            return Some((s, k));
        }
    }
    None
}

/// A name of two to four capitalised words after the comma at `comma`, ended by
/// punctuation or by `hi` ("spokesman, Ann Lee, said"): the token index where it ends.
fn apposed_name(body: Body<'_>, toks: &[Tok], comma: usize, hi: usize) -> Option<usize> {
    if &body[toks[comma].start..toks[comma].end] != "," {
        return None;
    }
    let e = (comma + 1..hi).find(|&x| !toks[x].word).unwrap_or(hi);
    let closed = e == hi || matches!(&body[toks[e].start..toks[e].end], "," | "." | ";");
    (closed
        && (2..=4).contains(&(e - comma - 1))
        && toks[comma + 1..e]
            .iter()
            .all(|t| !t.quoted && is_cap(body, t)))
    .then_some(e)
}

fn np_after(body: Body<'_>, toks: &[Tok], from: usize, hi: usize) -> Option<(usize, usize)> {
    let mut k = from;
    let s = from;
    while k < hi && k < s + 12 {
        let t = toks[k];
        // brackets and slashes inside a name: "the [South] Korea Trade Agency", "CNN/ORC"
        if t.quoted
            || (!t.word
                && !matches!(
                    &body[t.start..t.end],
                    "." | "’" | "'" | "-" | "[" | "]" | "/" | "&"
                ))
        {
            break;
        }
        if t.word
            && k > s
            && matches!(
                &*lower(body, &t),
                "that" | "who" | "which" | "when" | "on" | "in" | "at" | "during"
            )
        {
            break;
        }
        k += 1;
    }
    while k > s && !toks[k - 1].word {
        k -= 1;
    }
    (k > s).then_some((s, k))
}

/// The subject of the clause that a participial cue hangs on: the first noun phrase
/// of the clause (skipping a leading adverbial phrase ended by a comma).
fn clause_subject(body: Body<'_>, toks: &[Tok], lo: usize, cue: usize) -> Option<(usize, usize)> {
    // "..., with Donald Trump saying ...": a participle's own subject after "with"
    if lower(body, &toks[cue]).ends_with("ing") {
        let with = (lo..cue)
            .rev()
            .take(7)
            .take_while(|&k| {
                toks[k].word && !toks[k].quoted
                    || matches!(&body[toks[k].start..toks[k].end], "." | "’" | "'")
            })
            .find(|&k| toks[k].word && lower(body, &toks[k]) == "with");
        if let Some(w) = with.filter(|&w| {
            w + 1 < cue
                && (w == lo || !toks[w - 1].word)
                && is_np_head(body, &toks[cue - 1])
                && names_someone(body, toks, (w + 1, cue))
        }) {
            return Some((w + 1, cue));
        }
    }
    // clause start: after the last comma-separated adverbial that precedes a capital/pronoun
    let mut starts = vec![lo];
    for i in lo..cue {
        if !toks[i].word
            && matches!(&body[toks[i].start..toks[i].end], "," | "—" | "–")
            && !toks[i].quoted
        {
            starts.push(i + 1);
        }
    }
    for &s in &starts {
        let mut k = s;
        while k < cue && !toks[k].word {
            k += 1;
        }
        if k >= cue || toks[k].quoted {
            continue;
        }
        // "But the court ...", "And she ..."
        if k + 1 < cue
            && toks[k + 1].word
            && matches!(
                &*lower(body, &toks[k]),
                "but" | "and" | "yet" | "so" | "still" | "then" | "now"
            )
        {
            k += 1;
        }
        let w = lower(body, &toks[k]);
        if PRONOUNS.contains(&&*w) {
            return Some((k, k + 1));
        }
        if is_cap(body, &toks[k]) || DEF_DET.contains(&&*w) {
            let lw = &*w;
            // adverbial openers: "Speaking at ...", "On Tuesday", "In addition"
            if lw.ends_with("ing")
                || LEADING.contains(&lw)
                || matches!(
                    lw,
                    "on" | "in"
                        | "at"
                        | "after"
                        | "following"
                        | "during"
                        | "while"
                        | "when"
                        | "although"
                        | "as"
                        | "with"
                        | "for"
                        | "since"
                        | "but"
                        | "and"
                        | "meanwhile"
                        | "however"
                        | "earlier"
                        | "later"
                        | "still"
                        | "yet"
                )
            {
                continue;
            }
            let mut e = k + 1;
            loop {
                if e < cue
                    && toks[e].word
                    && !toks[e].quoted
                    && (is_cap(body, &toks[e])
                        || (DEF_DET.contains(&lw) && e < k + 4 && !cue_like(body, &toks[e])))
                {
                    e += 1;
                } else if e + 1 < cue
                    && !toks[e].word
                    && &body[toks[e].start..toks[e].end] == "."
                    && is_cap(body, &toks[e + 1])
                {
                    // "Sen. Ann Lee"
                    e += 1;
                } else {
                    break;
                }
            }
            // "Sen. Ann Lee (D-Ore.) defended ...": the verb after the parenthesis
            let mut v = e;
            if v < cue && &body[toks[v].start..toks[v].end] == "(" {
                if let Some(c) =
                    (v + 1..cue.min(v + 10)).find(|&j| &body[toks[j].start..toks[j].end] == ")")
                {
                    v = c + 1;
                }
            }
            // "The minister, however, has ...": a sentence adverb between commas
            if v + 2 < cue
                && &body[toks[v].start..toks[v].end] == ","
                && toks[v + 1].word
                && matches!(
                    &*lower(body, &toks[v + 1]),
                    "however" | "meanwhile" | "though" | "too" | "also" | "instead" | "nonetheless"
                )
                && &body[toks[v + 2].start..toks[v + 2].end] == ","
            {
                v += 3;
            }
            // a subject is followed by its verb, not by a list comma or a conjunction
            let followed_by_verb = v < cue
                && toks[v].word
                && !matches!(&*lower(body, &toks[v]), "and" | "or" | "of" | "nor");
            if !followed_by_verb {
                continue;
            }
            return Some((k, e));
        }
    }
    None
}

/// Whether the period token `i` belongs to an abbreviation ("Mr.", "U.S.", "J.") or
/// is followed by a lower-case word, so does not end a sentence.
fn is_abbrev_dot(body: Body<'_>, toks: &[Tok], i: usize) -> bool {
    if &body[toks[i].start..toks[i].end] != "."
        || i == 0
        || !toks[i - 1].word
        || toks[i - 1].end != toks[i].start
    {
        return false;
    }
    let w = lower(body, &toks[i - 1]);
    let initial = w.chars().count() == 1 && is_cap(body, &toks[i - 1]);
    let next_lower = toks
        .get(i + 1)
        .is_some_and(|n| n.word && body[n.start..].starts_with(|c: char| c.is_lowercase()));
    // "U.S." at a sentence end is followed by a capital; only title abbreviations are safe then
    let title = matches!(
        &*w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "capt"
            | "prof"
            | "rev"
            | "st"
    );
    // "(D-Ore.)": the party-and-state label of US politicians; ", R-N.Y., said": a dot
    // before a comma is an abbreviation's
    let before_paren = toks
        .get(i + 1)
        .is_some_and(|n| matches!(&body[n.start..n.end], ")" | "," | ":"));
    // (a dot before a lower-case word never ends a sentence, abbreviation or not)
    title || initial || next_lower || before_paren
}

/// Whether a word can end a subject noun phrase: a capitalised word, a pronoun, or a
/// common noun (not an auxiliary, a negated verb, a past participle or an adverb).
fn is_np_head(body: Body<'_>, t: &Tok) -> bool {
    let w = lower(body, t);
    if NP_STOP.contains(&&*w) || SKIP_BEFORE_CUE.contains(&&*w) || LEADING.contains(&&*w) {
        return false;
    }
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if is_cap(body, t) || PRONOUNS.contains(&&*w) {
        return true;
    }
    let verbish = w.ends_with("n't")
        || w.ends_with("ed")
        || w.ends_with("ly")
        || w.ends_with("ing")
        || matches!(
            &*w,
            "perhaps"
                | "maybe"
                | "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "were"
                | "are"
                | "do"
                | "did"
                | "does"
                | "also"
                | "then"
                | "too"
                | "it's"
                | "there"
                | "here"
                | "now"
                | "back"
                | "out"
                | "up"
                | "down"
                | "off"
                | "him"
                | "her"
                | "them"
                | "me"
                | "us"
                | "this"
                | "all"
                | "for"
                | "of"
                | "in"
                | "on"
                | "at"
                | "with"
                | "by"
                | "from"
                | "about"
                | "into"
                | "over"
                | "under"
                | "than"
                | "a"
                | "an"
                | "the"
                | "very"
                | "just"
                | "only"
        );
    !verbish || matches!(&*w, "united" | "red" | "board" | "bed" | "head")
}

fn cue_like(body: Body<'_>, t: &Tok) -> bool {
    let w = lower(body, t);
    cue_weight(&w) >= WEAK || SKIP_BEFORE_CUE.contains(&&*w)
}

// ------------------------------------------------------------------ main

/// Longest run of tokens searched at once for indirect quotes (see `attribute`).
const MAX_CLAUSE: usize = 150;

/// How far (in tokens) from a direct quote's marks its cue and speaker are looked for.
const CUE_WINDOW: usize = 80;

/// Extracts direct, partial and indirect quotes with their speakers. May push new
/// entities for named speakers the recogniser did not find.
pub fn attribute(
    body: &str,
    seg: &Segmented,
    entities: &mut Vec<Entity>,
    mentions: &[Mention],
) -> Vec<Quote> {
    let low = body.to_ascii_lowercase();
    let body = Body::new(body, &low);
    let marked = all_marks(body, seg);
    let mut ctx = Ctx {
        body,
        cap_index: std::cell::OnceCell::new(),
        found: BTreeMap::new(),
        mentions_sorted: mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        max_mention_len: mentions.iter().map(|m| m.span.len()).max().unwrap_or(0),
        mentions,
        entities,
        recent: Vec::new(),
        issuer: None,
    };
    let mut quotes: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, Who)> = None; // (paragraph, who)
    let mut colon_speaker: Option<(usize, Who)> = None; // (paragraph ending "X said:", who)
    let mut mk = 0;
    let mut toks: Vec<Tok> = Vec::new();
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        if p.end > body.len() || !body.is_char_boundary(p.start) || !body.is_char_boundary(p.end) {
            continue;
        }
        let pm_start = mk;
        while mk < marked.len() && marked[mk].para == pi {
            mk += 1;
        }
        let pmarks = &marked[pm_start..mk];
        para_tokens(body, *p, pmarks, &mut toks);
        // clause boundaries outside quotes: sentence-final punctuation
        // and a closing quote mark after a full stop, before a capital (`“... ongoing.” He said`)
        let bounds: Vec<usize> = (0..toks.len())
            .filter(|&i| {
                let t = &body[toks[i].start..toks[i].end];
                !toks[i].word
                    && ((!toks[i].quoted
                        && matches!(t, "." | "?" | "!" | ";")
                        && !is_abbrev_dot(body, &toks, i))
                        || (matches!(t, "”" | "\"")
                            && i > 0
                            && matches!(
                                &body[toks[i - 1].start..toks[i - 1].end],
                                "." | "?" | "!"
                            )
                            && toks
                                .get(i + 1)
                                .is_some_and(|n| !n.quoted && is_cap(body, n))))
            })
            .collect();
        // statements issued: "X said in a statement", "a statement from X" handled in resolve
        let para_q = quotes.len();
        // ---- direct quotes
        for m in pmarks {
            let qa = toks.partition_point(|t| t.start < m.open);
            let qb = toks.partition_point(|t| t.end <= m.close_end);
            // `bounds` is ascending: binary searches, not scans (quadratic with many marks).
            let clause_lo = match bounds.partition_point(|&b| b < qa) {
                0 => 0,
                k => bounds[k - 1] + 1,
            };
            let hi = bounds
                .get(bounds.partition_point(|&b| b < qb))
                .map_or(toks.len(), |b| *b);
            // A speaker's cue is near its quote: the search stays within CUE_WINDOW tokens
            // of the marks, so a paragraph of thousands of quotes in one unpunctuated
            // "sentence" is not searched whole for each of them.
            let (lo, hi) = (
                clause_lo.max(qa.saturating_sub(CUE_WINDOW)),
                hi.min(qb + CUE_WINDOW),
            );
            let content_words = body[m.content.start..m.content.end]
                .split_whitespace()
                .count();
            let pre = body[p.start..m.open].trim_end().chars().last();
            let is_direct = pre.is_none_or(|c| {
                matches!(
                    c,
                    ':' | ',' | '.' | '?' | '!' | '—' | '–' | '-' | ')' | '”' | '"'
                )
            }) && (content_words >= 3
                || body[..m.content.end].ends_with(['.', '?', '!', ',']));
            // A direct quote's cue follows it closely (`,” the spokesman said`) or
            // precedes it (`Lee said: “`); a partial quote's cue is the verb of the
            // reporting clause around it, usually before.
            let near = (qb + 12).min(hi);
            let order: Vec<usize> = if is_direct {
                (qb..near).chain((lo..qa).rev()).chain(near..hi).collect()
            } else {
                (lo..qa).rev().chain(qb..hi).collect()
            };
            let mut found: Option<(Cue, (usize, usize))> = None;
            // `“...” ― Name`: a dash and a name right after the closing mark
            if qb + 1 < toks.len()
                && m.closed
                && !toks[qb].word
                && matches!(&body[toks[qb].start..toks[qb].end], "―" | "—" | "–" | "-")
                && is_cap(body, &toks[qb + 1])
            {
                let mut e = qb + 1;
                while e < toks.len()
                    && e < qb + 6
                    && (is_cap(body, &toks[e]) || matches!(&body[toks[e].start..toks[e].end], "."))
                {
                    e += 1;
                }
                let dash = Cue {
                    a: qb,
                    b: qb + 1,
                    weight: 0,
                    according: false,
                };
                found = Some((dash, (qb + 1, e)));
            }
            for i in order {
                if found.is_some() {
                    break;
                }
                let Some(c) = cue_at(body, &toks, i) else {
                    continue;
                };
                if let Some(np) = speaker_np(body, &toks, &c, lo, hi) {
                    // a partial quote's speaker is not between its cue and the quote:
                    // in "X said the days when ... had “a unifying story” are gone" the
                    // words after "said" are the report, not an inverted speaker
                    if !is_direct && c.b <= np.0 && np.1 <= qa {
                        continue;
                    }
                    found = Some((c, np));
                    break;
                }
            }
            // a cue ending the previous clause with a colon: He said: "..."
            if found.is_none() && clause_lo > 0 {
                let plo = match bounds.partition_point(|&b| b + 1 < clause_lo) {
                    0 => 0,
                    k => bounds[k - 1] + 1,
                };
                let plo = plo.max(qa.saturating_sub(CUE_WINDOW));
                let ends_colon = qa > 0
                    && !toks[qa - 1].word
                    && &body[toks[qa - 1].start..toks[qa - 1].end] == ":";
                if ends_colon {
                    for i in (plo..qa).rev() {
                        if let Some(c) = cue_at(body, &toks, i) {
                            if let Some(np) = speaker_np(body, &toks, &c, plo, qa) {
                                found = Some((c, np));
                                break;
                            }
                        }
                    }
                }
            }
            let kind = if is_direct || m.continuation {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            // A title-case phrase in quote marks inside running text is a name ("appeared
            // on “Meet the Press”", "the “Stop Trump” movement"), not words someone said.
            // In a title-case headline it is a quote ("Senator Calls Plan ‘Troubling’").
            if kind == QuoteKind::Partial
                && toks[qa..qb].iter().filter(|t| t.word).count() >= 2
                && is_title_case(body, &toks[qa..qb])
            {
                let (clo, chi) = sentence_range(&bounds, toks.len(), qa);
                let running = toks[clo..qa.max(clo)]
                    .iter()
                    .chain(&toks[qb.min(chi)..chi])
                    .any(|t| t.word && !t.quoted && !is_title_word(body, t));
                if running {
                    continue;
                }
            }
            let mut who = Who::default();
            let mut cue_s = None;
            let mut inherited = false;
            if let Some((c, (a, b))) = found {
                who = ctx.resolve(&toks, a, b);
                cue_s = Some(Span::new(toks[c.a].start, toks[c.b - 1].end));
            } else if m.continuation || kind == QuoteKind::Direct {
                let at_para_start = qa == 0;
                if let (true, Some((cp, w))) = (at_para_start, &colon_speaker) {
                    // `Lee said:` closing the previous paragraph introduces this one
                    if *cp + 1 == pi {
                        who = w.clone();
                    }
                }
                if who.text.is_none() {
                    if let Some((lp, w)) = &last_speaker {
                        if pi <= lp + 2 || m.continuation {
                            who = w.clone();
                            inherited = !m.continuation;
                        }
                    }
                }
            } else if content_words <= 2 {
                continue; // a scare quote with no speaker
            } else {
                // partial quote without cue: the clause subject
                if let Some((a, b)) = clause_subject(body, &toks, lo, qa.max(lo)) {
                    who = ctx.resolve(&toks, a, b);
                }
            }
            if let Some(e) = who.entity {
                ctx.recent.push((m.open, e));
            }
            // a speaker carried over from an earlier quote does not renew the carry-over:
            // quotes paragraphs apart with no cue of their own (a newsletter's excerpts of
            // other outlets) are not all the last-named speaker's
            if (who.speaker.is_some() || who.anonymous) && !inherited {
                last_speaker = Some((pi, who.clone()));
            }
            quotes.push(make_quote(body, m.content, kind, &who, cue_s));
        }
        // ---- headline and transcript attributions: "Lee: No deal without guarantees"
        if let Some(q) = headline(&mut ctx, &toks, &bounds) {
            if let Some(e) = q.speaker_entity {
                ctx.recent.push((q.span.start, e));
            }
            quotes.push(q);
        }
        // ---- indirect quotes, per clause outside direct quotes
        let mut clause_lo = 0;
        let mut ends: Vec<usize> = bounds.clone();
        ends.push(toks.len());
        // The paragraph's direct quotes, by start, and the longest: a clause looks only
        // at those that can overlap it (all of them per clause was quadratic).
        let mut direct_all: Vec<Span> = quotes[para_q..]
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.span)
            .collect();
        direct_all.sort_unstable();
        let longest = direct_all.iter().map(|d| d.len()).max().unwrap_or(0);
        // A "clause" of more than MAX_CLAUSE tokens (text without sentence punctuation)
        // is searched in pieces, so the cue search stays linear in the paragraph.
        let mut pieces: Vec<(usize, usize)> = Vec::with_capacity(ends.len());
        for &hi in &ends {
            let lo = clause_lo;
            clause_lo = hi + 1;
            let mut a = lo;
            while hi > a + MAX_CLAUSE {
                pieces.push((a, a + MAX_CLAUSE));
                a += MAX_CLAUSE;
            }
            pieces.push((a, hi));
        }
        for (lo, hi) in pieces {
            if hi <= lo + 3 {
                continue;
            }
            // clauses with a direct quote: only reports outside the quote count
            let direct_spans: Vec<Span> = if (lo..hi).any(|i| toks[i].quoted) {
                let (cs, ce) = (toks[lo].start, toks[hi - 1].end);
                let upto = direct_all.partition_point(|d| d.start < ce);
                direct_all[..upto]
                    .iter()
                    .rev()
                    .take_while(|d| d.start + longest > cs)
                    .filter(|d| d.end > cs)
                    .copied()
                    .collect()
            } else {
                Vec::new()
            };
            // several attributions per clause ("X said A, and Y added that B"; nested
            // reports): continue after each cue
            let mut l = lo;
            while l + 3 < hi {
                let Some(q) = indirect(&mut ctx, &toks, lo, l, hi) else {
                    break;
                };
                let next = q
                    .cue_span
                    .map_or(hi, |c| toks.partition_point(|t| t.start < c.end));
                // "X criticized A and said B": the verb coordinated before the cue reports
                // too, with its complement up to the "and"
                let cs = q
                    .cue_span
                    .map_or(hi, |c| toks.partition_point(|t| t.start < c.start));
                let mut first: Option<Quote> = None;
                if cs > l + 4 && cs < hi && lower(body, &toks[cs - 1]) == "and" {
                    if let Some(p) = indirect(&mut ctx, &toks, lo, l, cs - 1) {
                        if p.span.end <= q.span.start || p.span.start >= q.span.end {
                            first = Some(p);
                        }
                    }
                }
                let in_direct: usize = direct_spans
                    .iter()
                    .map(|d| {
                        q.span
                            .end
                            .min(d.end)
                            .saturating_sub(q.span.start.max(d.start))
                    })
                    .sum();
                if let Some(p) = first {
                    if let Some(e) = p.speaker_entity {
                        ctx.recent.push((p.span.start, e));
                    }
                    quotes.push(p);
                }
                if 2 * in_direct < q.span.len() {
                    if let Some(e) = q.speaker_entity {
                        ctx.recent.push((q.span.start, e));
                    }
                    quotes.push(q);
                }
                if next <= l {
                    break;
                }
                l = next;
            }
        }
        // ---- learned tagger: attributions the rules did not find
        if let Some(m) = tagger::model() {
            learned(&mut ctx, m, &toks, &bounds, para_q, &mut quotes);
        }
        // a paragraph ending in "X said:" introduces a quote in the next paragraph
        if toks
            .last()
            .is_some_and(|t| !t.quoted && &body[t.start..t.end] == ":")
        {
            let n = toks.len() - 1;
            let clo = bounds.iter().rev().find(|&&b| b < n).map_or(0, |b| b + 1);
            for i in (clo..n).rev() {
                if let Some(c) = cue_at(body, &toks, i) {
                    if let Some((a, b)) = speaker_np(body, &toks, &c, clo, n) {
                        let w = ctx.resolve(&toks, a, b);
                        if let Some(e) = w.entity {
                            ctx.recent.push((toks[a].start, e));
                        }
                        colon_speaker = Some((pi, w));
                        break;
                    }
                }
            }
        }
    }
    quotes.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.span.end.cmp(&b.span.end))
    });
    quotes
}

/// Runs of one kind in a tag sequence: `(first, end)` token ranges (the tagger works
/// right to left, so a run is its `B-` tag, the last token, and the `I-` tags before it).
fn tag_runs(tags: &[u8], b: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = tags.len();
    while i > 0 {
        if tags[i - 1] == b {
            let mut s = i - 1;
            while s > 0 && tags[s - 1] == b + 1 {
                s -= 1;
            }
            out.push((s, i));
            i = s;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

/// Auxiliary and modal verbs: a tagged source made of them and function words ("be" of "It
/// should be noted that ...") names nobody.
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
];
/// Adverbs of time, frequency and degree, and the "contrary" of "Contrary to ...": a
/// tagged source of them alone ("never", "later") names nobody.
const ADVERBS: &[&str] = &[
    "never",
    "not",
    "then",
    "later",
    "sometimes",
    "also",
    "still",
    "even",
    "just",
    "now",
    "often",
    "already",
    "again",
    "ever",
    "soon",
    "once",
    "always",
    "nearly",
    "almost",
    "contrary",
];
/// Pronouns, determiners and wh-words: a content made of these alone is no report.
const FUNCTION_WORDS: &[&str] = &[
    "that", "what", "this", "these", "those", "which", "who", "whom", "it", "its", "him", "her",
    "them", "they", "he", "she", "we", "us", "i", "me", "you", "there", "here", "so", "today",
    "the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "as", "and", "or", "but", "if",
    "whether", "how", "why", "when", "where", "one", "all", "some", "any", "more", "much", "many",
    "his", "their", "our", "my", "your",
];

/// The token range of the clause (between sentence bounds) containing token `i`.
fn sentence_range(bounds: &[usize], n: usize, i: usize) -> (usize, usize) {
    let k = bounds.partition_point(|&b| b < i);
    let lo = if k == 0 { 0 } else { bounds[k - 1] + 1 };
    let hi = bounds.get(k).map_or(n, |&b| b);
    (lo, hi)
}

/// Adds the contents the learned tagger finds in a paragraph where the rules found no
/// quote, each with the cue and source the tagger marks in its sentence.
fn learned(
    ctx: &mut Ctx,
    m: &tagger::Model,
    toks: &[Tok],
    bounds: &[usize],
    para_q: usize,
    quotes: &mut Vec<Quote>,
) {
    if toks.len() < 3 {
        return;
    }
    let body = ctx.body;
    let seq = tagger::features(body, toks, false);
    if !seq.any_cue() {
        return;
    }
    let tags = tagger::decode(m, &seq);
    let contents = tag_runs(&tags, 1);
    if contents.is_empty() {
        return;
    }
    let cues = tag_runs(&tags, 3);
    let sources = tag_runs(&tags, 5);
    let sentence = |i: usize| bounds.partition_point(|&b| b < i);
    let gap = |a: (usize, usize), b: (usize, usize)| -> usize {
        if a.1 <= b.0 {
            b.0 - a.1
        } else {
            a.0.saturating_sub(b.1)
        }
    };
    let existing: Vec<Span> = quotes[para_q..].iter().map(|q| q.span).collect();
    let partials: Vec<Span> = quotes[para_q..]
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .map(|q| q.span)
        .collect();
    for (a, mut b) in contents {
        let mut a = a;
        while a < b && !toks[a].word && !toks[a].quoted {
            a += 1;
        }
        // a second report inside ("... and adding that ...", "..., saying ...") ends it
        if let Some(k) = (a + 2..b).find(|&k| {
            toks[k].word
                && !toks[k].quoted
                && PARTICIPLE_CUES.contains(&&*lower(body, &toks[k]))
                && comma_or_and_before(body, toks, k, a)
        }) {
            b = k - 1;
        }
        while b > a && !toks[b - 1].word && !toks[b - 1].quoted {
            b -= 1;
        }
        if a >= b || !toks[a..b].iter().any(|t| t.word) {
            continue;
        }
        // a content of function words only ("that", "what", "him") is a fragment of
        // one the tagger split, not a report
        if toks[a..b]
            .iter()
            .all(|t| !t.word || FUNCTION_WORDS.contains(&&*lower(body, t)))
        {
            continue;
        }
        // one word ("endorsed Trump") is an attribution, but as a quote it says nothing
        // to compare and often is a fragment; the stance stage reads such verbs itself
        if toks[a..b].iter().filter(|t| t.word).count() < 2 {
            continue;
        }
        let span = Span::new(toks[a].start, toks[b - 1].end);
        // a partial quote inside the content is a word of the report, not another one
        // ("accuses X of an “artful smear” regarding ...")
        let clash = existing.iter().any(|e| {
            if partials.contains(e) && span.start <= e.start && e.end <= span.end {
                return false;
            }
            let shared = e.end.min(span.end).saturating_sub(e.start.max(span.start));
            10 * shared >= 3 * span.len().min(e.len())
        });
        if clash {
            continue;
        }
        let sa = sentence(a);
        let cue = cues
            .iter()
            .filter(|c| sentence(c.0) == sa)
            .min_by_key(|c| gap(**c, (a, b)))
            .copied();
        let Some(cue) = cue else { continue };
        // "said during a panel", "said at a session": a speech verb and the preposition of
        // its circumstance (tagged as the cue's or the content's first word); what follows
        // is where it was said, not what
        let circumstance =
            |k: usize| matches!(&*lower(body, &toks[k]), "during" | "at" | "in" | "on");
        if CLAUSE_CUES.contains(&&*lower(body, &toks[cue.0]))
            && ((cue.0 + 1..cue.1).any(circumstance) || (cue.1 == a && circumstance(a)))
        {
            continue;
        }
        let src = sources
            .iter()
            .filter(|s| sentence(s.0) == sa && (s.1 <= a || s.0 >= b))
            .min_by_key(|s| gap(**s, cue))
            .copied();
        // the speaker phrase the rules find for a cue in the run, else the tagged source
        let (lo, hi) = sentence_range(bounds, toks.len(), cue.0);
        let ruled = (cue.0..cue.1).find_map(|i| {
            let c = cue_at(body, toks, i)?;
            speaker_np(body, toks, &c, lo, hi).filter(|&(x, y)| y <= a || x >= b)
        });
        // the subject of the cue's clause: in a relative clause ("the senator, who condemned
        // the tests but urged talks") the relative pronoun's antecedent
        let subject = || {
            (lo..cue.0)
                .rev()
                .find(|&k| {
                    toks[k].word
                        && !toks[k].quoted
                        && matches!(&*lower(body, &toks[k]), "who" | "which")
                })
                .and_then(|k| tidy_source(body, toks, (k, k + 1), k + 1, lo))
                .or_else(|| clause_subject(body, toks, lo, cue.0))
                .filter(|&(x, y)| y <= a || x >= b)
        };
        // "..., saying that ...": a participle's subject is its main clause's
        let participle =
            comma_before(body, toks, cue.0, lo) && lower(body, &toks[cue.0]).ends_with("ing");
        let src = (if participle { subject() } else { None })
            .or(ruled)
            .or_else(|| {
                // a source after the content, when the cue opens the content ("... even
                // China seems to be having second thoughts, and ... in the Security
                // Council"), gives way to the cue's own subject
                let after = src.is_some_and(|s| cue.1 <= a && s.0 >= b);
                after
                    .then(|| np_ending_at(body, toks, cue.0, lo, true).or_else(subject))
                    .flatten()
            })
            .or_else(|| {
                src.and_then(|s| tidy_source(body, toks, s, cue.0, lo))
                    .filter(|&s| names_someone(body, toks, s))
            })
            // an infinitival cue ("refused to") or one the tagger left without a source:
            // the subject of its clause
            .or_else(subject);
        // a report nobody is found to make is left out: it cannot be compared across
        // sources, and a guessed speaker would mislead
        let Some((x, y)) = src else { continue };
        // a speaker inside a content the rules found, with the cue outside it, is a word
        // of what someone else said ("Nearly 40 percent ... have come from women, according
        // to X, the most ..."); with the cue inside too it is a nested report
        let inside =
            |p: usize, q: usize, e: &Span| e.start <= toks[p].start && toks[q - 1].end <= e.end;
        if existing
            .iter()
            .any(|e| inside(x, y, e) && !inside(cue.0, cue.1, e))
        {
            continue;
        }
        if !names_someone(body, toks, (x, y)) {
            continue;
        }
        if impersonal(body, toks, (x, y), cue.0) {
            continue;
        }
        // (not pushed to `ctx.recent`: the tagger adds quotes, it never changes whom the
        // rules' pronouns resolve to)
        let who = ctx.resolve(toks, x, y);
        let cue_span = Span::new(toks[cue.0].start, toks[cue.1 - 1].end);
        quotes.push(make_quote(
            body,
            span,
            QuoteKind::Indirect,
            &who,
            Some(cue_span),
        ));
    }
}

/// The noun phrase (up to six words) ending before token `e`, walking back to `lo` or
/// to a word that ends a phrase ([`NP_STOP`]; with `at_preposition`, also a lower-case
/// preposition: "reluctance from Senator Doe" gives "Senator Doe"). `None` unless its
/// last word can head a phrase.
fn np_ending_at(
    body: Body<'_>,
    toks: &[Tok],
    e: usize,
    lo: usize,
    at_preposition: bool,
) -> Option<(usize, usize)> {
    let mut s = e;
    while s > lo
        && toks[s - 1].word
        && !toks[s - 1].quoted
        && s + 6 > e
        && !NP_STOP.contains(&&*lower(body, &toks[s - 1]))
        && !(at_preposition
            && matches!(
                &body[toks[s - 1].start..toks[s - 1].end],
                "from" | "with" | "by" | "for" | "at" | "in" | "on" | "against" | "about"
            ))
    {
        s -= 1;
    }
    (s < e && is_np_head(body, &toks[e - 1])).then_some((s, e))
}

/// Whether a tagged source `(x, y)` can name a speaker: not when it is only function
/// words, auxiliaries or adverbs ("An" of "An oil embargo may ...", "be" of "It should be
/// noted that ...", "never"). Pronouns do name someone.
fn names_someone(body: Body<'_>, toks: &[Tok], (x, y): (usize, usize)) -> bool {
    !toks[x..y].iter().all(|t| {
        let lw = lower(body, t);
        !t.word
            || (FUNCTION_WORDS.contains(&&*lw)
                || AUXILIARIES.contains(&&*lw)
                || ADVERBS.contains(&&*lw)
                || (lw.len() > 4 && lw.ends_with("ly") && !is_cap(body, t)))
                && !PRONOUNS.contains(&&*lw)
    })
}

/// Whether `(x, y)` before the cue at `c` is the placeholder subject of an impersonal
/// passive ("It should be noted that ...", "It was reported that ..."): no one is the
/// speaker, and "it" is not a pronoun for someone.
fn impersonal(body: Body<'_>, toks: &[Tok], (x, y): (usize, usize), c: usize) -> bool {
    let be = |k: usize| {
        matches!(
            &*lower(body, &toks[k]),
            "be" | "been" | "being" | "is" | "was" | "are" | "were"
        )
    };
    // the form of "be" before the cue, or opening it (a tagged cue "was reported")
    y == x + 1
        && c > x
        && matches!(&*lower(body, &toks[x]), "it" | "there")
        && ((c > x + 1 && be(c - 1)) || (c < toks.len() && be(c)))
}

/// Whether a comma ends the text just before token `k` (at or after `lo`): `,` or a
/// comma inside closing marks (`“... spring,” referring to ...`).
fn comma_before(body: Body<'_>, toks: &[Tok], k: usize, lo: usize) -> bool {
    comma_index_before(body, toks, k, lo).is_some()
}

/// [`comma_before`], or "and" right before token `k`: where a participial report starts
/// ("..., saying ...", "dismissing them as useless and adding that ...").
fn comma_or_and_before(body: Body<'_>, toks: &[Tok], k: usize, lo: usize) -> bool {
    comma_before(body, toks, k, lo)
        || (k > lo && toks[k - 1].word && lower(body, &toks[k - 1]) == "and")
}

/// The comma of [`comma_before`]: `k - 1`, or `k - 2` inside closing marks. A clause that
/// ends there (`Trump's plan may be “strategic,” said Lee`) ends before it.
fn comma_index_before(body: Body<'_>, toks: &[Tok], k: usize, lo: usize) -> Option<usize> {
    let t = |i: usize| &body[toks[i].start..toks[i].end];
    if k <= lo || toks[k - 1].word {
        return None;
    }
    if t(k - 1) == "," {
        Some(k - 1)
    } else if k > lo + 1 && matches!(t(k - 1), "”" | "\"" | "’") && t(k - 2) == "," {
        Some(k - 2)
    } else {
        None
    }
}

/// A tagged source `(x, y)` made fit to name a speaker: conjunctions and punctuation at
/// its edges dropped, a relative pronoun replaced by its antecedent ("the senator, however,
/// who urged ..."). `None` when nothing nominal is left, or when a conjunction stands
/// between the source and the cue (`cue`): "who condemned the tests but urged ..." tags
/// the first verb's object next to the second verb, and that object said nothing.
fn tidy_source(
    body: Body<'_>,
    toks: &[Tok],
    (mut x, mut y): (usize, usize),
    cue: usize,
    lo: usize,
) -> Option<(usize, usize)> {
    let edge =
        |t: &Tok| !t.word || matches!(&*lower(body, t), "and" | "but" | "or" | "yet" | "however");
    if y <= cue
        && (y..cue).any(|i| {
            toks[i].word && matches!(&*lower(body, &toks[i]), "and" | "but" | "or" | "yet")
        })
    {
        return None;
    }
    if y <= cue && y > x && matches!(&*lower(body, &toks[y - 1]), "and" | "but" | "or" | "yet") {
        return None;
    }
    while x < y && edge(&toks[x]) {
        x += 1;
    }
    while y > x && edge(&toks[y - 1]) {
        y -= 1;
    }
    if x >= y {
        return None;
    }
    if y == x + 1 && matches!(&*lower(body, &toks[x]), "who" | "which") {
        // the antecedent: back over commas and sentence adverbs to a noun phrase
        let mut e = x;
        while e > lo && (edge(&toks[e - 1]) || LEADING.contains(&&*lower(body, &toks[e - 1]))) {
            e -= 1;
        }
        return np_ending_at(body, toks, e, lo, true);
    }
    if toks[x..y].iter().all(|t| {
        !t.word
            || FUNCTION_WORDS.contains(&&*lower(body, t)) && !PRONOUNS.contains(&&*lower(body, t))
    }) {
        return None;
    }
    Some((x, y))
}

/// The quote marks of every paragraph, continuations flagged.
fn all_marks(body: Body<'_>, seg: &Segmented) -> Vec<Marked> {
    let mut marked: Vec<Marked> = Vec::new();
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        if p.end > body.len() || !body.is_char_boundary(p.start) || !body.is_char_boundary(p.end) {
            continue;
        }
        let before = marked.len();
        scan_marks(body, *p, pi, &mut marked);
        // continuation of an unclosed quote from the previous paragraph
        if before > 0 && marked.len() > before {
            let prev = &marked[before - 1];
            let first = &marked[before];
            let p_text = p.text(&body);
            if !prev.closed
                && prev.para + 1 == pi
                && first.open == p.start + (p_text.len() - p_text.trim_start().len())
            {
                marked[before].continuation = true;
            }
        }
    }
    marked
}

/// Tokenises paragraph `p` into `toks` (cleared first) and flags the quoted tokens.
fn para_tokens(body: Body<'_>, p: Span, pmarks: &[Marked], toks: &mut Vec<Tok>) {
    toks.clear();
    tokenize(&body, p, toks);
    // A token is quoted when a mark opening at or before it closes after it: the
    // largest `close_end` among marks opened so far (a sweep, not a scan of every
    // mark per token, which was quadratic on text with thousands of quote marks).
    let mut spans: Vec<(usize, usize)> = pmarks.iter().map(|m| (m.open, m.close_end)).collect();
    spans.sort_unstable();
    let mut reach = Vec::with_capacity(spans.len());
    let mut far = 0usize;
    for &(_, close_end) in &spans {
        far = far.max(close_end);
        reach.push(far);
    }
    for t in toks.iter_mut() {
        let k = spans.partition_point(|&(open, _)| open <= t.start);
        t.quoted = k > 0 && t.end <= reach[k - 1];
    }
}

/// The role of an annotated span, for training the tagger.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Content,
    Cue,
    Source,
}

/// Training material for the learned tagger (`parallax train-tagger`): per paragraph,
/// its token features and gold tags painted from annotated spans (each a list of
/// fragments); where spans nest, the shorter wins.
#[doc(hidden)]
pub fn tagger_examples(
    body: &str,
    seg: &Segmented,
    spans: &[(Role, Vec<Span>)],
) -> Vec<tagger::Example> {
    let low = body.to_ascii_lowercase();
    let body = Body::new(body, &low);
    let marked = all_marks(body, seg);
    let mut order: Vec<usize> = (0..spans.len()).collect();
    let len = |k: usize| spans[k].1.iter().map(|s| s.len()).sum::<usize>();
    order.sort_by_key(|&k| std::cmp::Reverse(len(k)));
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut mk = 0;
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        if p.end > body.len() || !body.is_char_boundary(p.start) || !body.is_char_boundary(p.end) {
            continue;
        }
        let pm_start = mk;
        while mk < marked.len() && marked[mk].para == pi {
            mk += 1;
        }
        para_tokens(body, *p, &marked[pm_start..mk], &mut toks);
        if toks.is_empty() {
            continue;
        }
        // (role, span id) per token
        let mut paint: Vec<Option<(Role, usize)>> = vec![None; toks.len()];
        for &k in &order {
            for f in &spans[k].1 {
                if f.end <= p.start || f.start >= p.end {
                    continue;
                }
                let a = toks.partition_point(|t| t.start < f.start);
                let b = toks.partition_point(|t| t.end <= f.end);
                for x in paint.iter_mut().take(b).skip(a) {
                    *x = Some((spans[k].0, k));
                }
            }
        }
        let gold: Vec<u8> = (0..toks.len())
            .map(|i| match paint[i] {
                None => 0,
                Some((r, id)) => {
                    let base = match r {
                        Role::Content => 1,
                        Role::Cue => 3,
                        Role::Source => 5,
                    };
                    // tagged right to left: `B-` is a run's last token
                    let cont = paint
                        .get(i + 1)
                        .is_some_and(|x| x.is_some_and(|(_, j)| j == id));
                    base + cont as u8
                }
            })
            .collect();
        out.push(tagger::Example {
            seq: tagger::features(body, &toks, true),
            gold,
        });
    }
    out
}

fn make_quote(body: Body<'_>, span: Span, kind: QuoteKind, who: &Who, cue: Option<Span>) -> Quote {
    Quote {
        text: span.text(&body).to_string(),
        span,
        kind,
        speaker: who.speaker.clone(),
        speaker_text: who.text.clone(),
        speaker_span: who.span,
        speaker_entity: who.entity,
        anonymous: who.anonymous,
        cue: cue.map(|c| c.text(&body).to_string()),
        cue_span: cue,
    }
}

/// Longest bare subject looked for, in words ("presumptive Republican presidential
/// nominee Donald Trump was": six before the verb).
const BARE_SUBJECT_WORDS: usize = 8;

/// Whether `toks[k..]` starts with a bare noun-phrase subject followed by a finite
/// verb ("economic stagnation is", "candidates are becoming", "allies wanted"); the
/// subject runs over words only, no punctuation.
fn bare_subject(body: Body<'_>, toks: &[Tok], k: usize, hi: usize) -> bool {
    const FINITE: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should",
        "can", "may", "might", "must", "do", "does", "did", "wanted", "want", "wants", "need",
        "needs", "remain", "remains",
    ];
    const NOT_SUBJ: &[&str] = &[
        "in", "on", "at", "to", "of", "for", "about", "during", "after", "before", "with", "by",
        "from", "when", "while", "so", "yes", "nothing", "little", "much", "goodbye", "through",
        "over", "into", "as", "because", "and", "or", "but", "not", "only", "just", "also",
        "still", "even", "instead",
    ];
    let w0 = lower(body, &toks[k]);
    if NOT_SUBJ.contains(&&*w0) || w0.ends_with("ly") {
        return false;
    }
    (k + 1..(k + BARE_SUBJECT_WORDS).min(hi))
        .take_while(|&j| toks[j].word)
        .any(|j| FINITE.contains(&&*lower(body, &toks[j])))
}

fn words_in(toks: &[Tok], a: usize, b: usize) -> usize {
    toks[a.min(b)..b].iter().filter(|t| t.word).count()
}

/// An indirect quote in the clause `toks[lo..hi]`.
fn indirect(ctx: &mut Ctx, toks: &[Tok], clo: usize, lo: usize, hi: usize) -> Option<Quote> {
    let body = ctx.body;
    let comma = |i: usize| !toks[i].word && &body[toks[i].start..toks[i].end] == ",";
    // "according to" frames the whole clause: try it before the verbs inside
    let acc = (lo..hi).find(|&i| lower(body, &toks[i]) == "according" && !toks[i].quoted);
    let order = acc.into_iter().chain((lo..hi).filter(|&i| Some(i) != acc));
    for i in order {
        let Some(c) = cue_at(body, toks, i) else {
            continue;
        };
        let w = lower(body, &toks[c.a]);
        if PARTICIPLE_CUES.contains(&&*w) {
            // "..., saying that CLAUSE" / "..., adding the talks failed": the clause
            // subject speaks
            let mut k = c.b;
            // "telling reporters that ...": the addressee before "that"
            if matches!(
                &*w,
                "telling" | "reminding" | "assuring" | "warning" | "informing" | "urging"
            ) {
                if let Some(t) = (c.b..(c.b + 5).min(hi))
                    .take_while(|&j| toks[j].word)
                    .find(|&j| {
                        toks[j].word
                            && body[toks[j].start..toks[j].end].eq_ignore_ascii_case("that")
                    })
                {
                    k = t;
                }
            }
            let that = toks.get(k).is_some_and(|t| lower(body, t) == "that");
            if that {
                k += 1;
            }
            // `,`, `,”` or "and" before the participle
            let after_break = comma_or_and_before(body, toks, c.a, lo);
            let clause_like = that
                || (matches!(
                    &*w,
                    "saying"
                        | "adding"
                        | "noting"
                        | "arguing"
                        | "warning"
                        | "insisting"
                        | "claiming"
                        | "stressing"
                        | "explaining"
                        | "asserting"
                ) && k < hi
                    && opens_clause(body, &toks[k]));
            if after_break && clause_like && words_in(toks, k, hi) >= 4 {
                if let Some((a, b)) = clause_subject(body, toks, clo, c.a) {
                    let who = ctx.resolve(toks, a, b);
                    return Some(content_quote(body, toks, k, hi, &who, &c));
                }
                // `“...,” he said, adding that ...`: the speaker phrase of the cue before
                if let Some((a, b)) = (clo..c.a).rev().find_map(|i| {
                    let pc = cue_at(body, toks, i)?;
                    if !CLAUSE_CUES.contains(&&*lower(body, &toks[pc.a])) {
                        return None;
                    }
                    speaker_np(body, toks, &pc, clo, c.a)
                }) {
                    let who = ctx.resolve(toks, a, b);
                    return Some(content_quote(body, toks, k, hi, &who, &c));
                }
                // `“...,” said Lee, adding that ...`: the speaker of the quote in this clause
                if let Some(&(_, e)) = ctx.recent.last().filter(|&&(p, e)| {
                    p >= toks[clo].start && p < toks[c.a].start && e < ctx.entities.len()
                }) {
                    let who = Who {
                        speaker: Some(ctx.entities[e].name.clone()),
                        entity: Some(e),
                        ..Who::default()
                    };
                    return Some(content_quote(body, toks, k, hi, &who, &c));
                }
            }
            continue;
        }
        if c.according {
            // "According to X, CLAUSE" (at the clause start; X may be long: "an online
            // University of Texas/Texas Tribune poll out Thursday") or "CLAUSE(,)
            // according to X(, but ...)"
            let head = toks[lo..c.a].iter().all(|t| {
                !t.word
                    || matches!(
                        &*lower(body, t),
                        "but" | "and" | "yet" | "so" | "also" | "still"
                    )
            });
            let first_comma = (c.b..hi.min(c.b + 40)).find(|&k| comma(k) && !toks[k].quoted);
            let (a, b, cs, ce) = if let (true, Some(fc)) = (head, first_comma) {
                let Some((a, b)) = np_after(body, toks, c.b, fc) else {
                    continue;
                };
                if words_in(toks, fc + 1, hi) < 4 {
                    continue;
                }
                (a, b, fc + 1, hi)
            } else {
                let Some((a, b)) = np_after(body, toks, c.b, hi) else {
                    continue;
                };
                if !head && words_in(toks, lo, c.a) >= 4 {
                    (a, b, lo, if comma(c.a - 1) { c.a - 1 } else { c.a })
                } else if b < hi && comma(b) && words_in(toks, b + 1, hi) >= 4 {
                    (a, b, b + 1, hi)
                } else {
                    continue;
                }
            };
            // nested: "According to X, Y reiterated that CLAUSE" is Y's claim as X reports it
            if cs > c.b {
                if let Some(inner) = indirect(ctx, toks, clo.min(cs), cs, ce) {
                    if inner
                        .cue
                        .as_deref()
                        .is_some_and(|c| !c.eq_ignore_ascii_case("according to"))
                    {
                        return Some(inner);
                    }
                }
            }
            let who = ctx.resolve(toks, a, b);
            return Some(content_quote(body, toks, cs, ce, &who, &c));
        }
        // verbs that report speech or thought and take a bare clause ("said the talks
        // failed"); other cues need "that"
        let strong = c.weight >= STRONG && CLAUSE_CUES.contains(&&*w);
        // CLAUSE, NP CUE.  /  CLAUSE, CUE NP.
        let np = speaker_np(body, toks, &c, lo, hi).or_else(|| {
            // "X tweeted a photo and said ...": the subject before an earlier cue
            (c.a > clo + 1
                && c.a >= lo
                && toks[c.a - 1].word
                && lower(body, &toks[c.a - 1]) == "and"
                && CLAUSE_CUES.contains(&&*w))
            .then(|| clause_subject(body, toks, clo, c.a - 1))
            .flatten()
        });
        // questions: "X asked whether ...", "When asked if ..." (a passive has no subject)
        if matches!(
            &*w,
            "asked" | "asks" | "ask" | "wondered" | "wonders" | "questioned"
        ) {
            let lim = (c.b + 5).min(hi);
            if let Some(k) = (c.b..lim).find(|&k| {
                matches!(
                    &*lower(body, &toks[k]),
                    "whether" | "if" | "how" | "what" | "which" | "whom" | "why" | "when" | "where"
                )
            }) {
                let object_ok = toks[c.b..k].iter().all(|t| t.word);
                // "Asked whether X, Lee said ...": the question ends at the comma
                let end = if c.a == lo || c.a == clo {
                    (k..hi).find(|&j| comma(j) && !toks[j].quoted).unwrap_or(hi)
                } else {
                    hi
                };
                if object_ok
                    && words_in(toks, k, end) >= 3
                    && (np.is_none_or(|(_, b)| b <= c.a) || k == c.b)
                {
                    let who = match np.filter(|&(_, b)| b <= c.a) {
                        Some((a, b)) => ctx.resolve(toks, a, b),
                        None => Who::default(),
                    };
                    return Some(content_quote(body, toks, k, end, &who, &c));
                }
            }
        }
        let Some((a, b)) = np else { continue };
        if b <= c.a && impersonal(body, toks, (a, b), c.a) {
            continue;
        }
        if b <= c.a {
            // subject before the cue
            let comma_at = comma_index_before(body, toks, a, lo);
            let has_comma_before = a > lo && comma(a - 1);
            let mut k = c.b;
            // "in a statement", "on Tuesday", "in an interview" after a final cue
            // "..., a diplomat told Reuters last week.": the addressee before the adverbial
            let mut tk = c.b;
            if OBJECT_CUES.contains(&&*w) {
                while tk < hi
                    && tk < c.b + 3
                    && toks[tk].word
                    && (is_cap(body, &toks[tk])
                        || matches!(
                            &*lower(body, &toks[tk]),
                            "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them"
                        ))
                {
                    tk += 1;
                }
            }
            let tail_ok = |k: usize| {
                k >= hi
                    || hi - k <= 10
                        && toks[k..hi].iter().all(|t| {
                            (t.word && !body[t.start..t.end].eq_ignore_ascii_case("that"))
                                || matches!(&body[t.start..t.end], "." | "’" | "'" | "-")
                        })
                        && (matches!(
                            &*lower(body, &toks[k]),
                            "on" | "in"
                                | "at"
                                | "during"
                                | "last"
                                | "this"
                                | "yesterday"
                                | "today"
                                | "tonight"
                                | "earlier"
                                | "later"
                                | "monday"
                                | "tuesday"
                                | "wednesday"
                                | "thursday"
                                | "friday"
                                | "saturday"
                                | "sunday"
                                | "recently"
                                | "privately"
                                | "publicly"
                                | "afterward"
                                | "afterwards"
                                | "after"
                                | "before"
                                | "while"
                                | "when"
                                | "via"
                                | "through"
                                | "by"
                        ) || toks[k..hi].iter().all(|t| !t.word || is_cap(body, t)))
            };
            if let Some(e) =
                comma_at.filter(|&e| strong && tail_ok(tk) && words_in(toks, lo, e) >= 4)
            {
                let who = ctx.resolve(toks, a, b);
                if who.speaker.is_none()
                    && !who.anonymous
                    && who
                        .text
                        .as_deref()
                        .is_some_and(|t| t.split_whitespace().count() > 6)
                {
                    continue;
                }
                return Some(content_quote(body, toks, lo, e, &who, &c));
            }
            // parenthetical: "All of this, he acknowledges, could be undone"
            if has_comma_before
                && c.b < hi
                && comma(c.b)
                && words_in(toks, lo, a - 1) >= 2
                && words_in(toks, c.b + 1, hi) >= 3
            {
                let who = ctx.resolve(toks, a, b);
                return Some(content_quote(body, toks, lo, hi, &who, &c));
            }
            // NP CUE [object] [that|whether|how ...] CLAUSE
            let asks = matches!(
                &*w,
                "asked"
                    | "asks"
                    | "ask"
                    | "wondered"
                    | "wonders"
                    | "questioned"
                    | "explained"
                    | "explains"
                    | "described"
                    | "revealed"
                    | "know"
                    | "knows"
                    | "told"
                    | "tells"
            );
            let wh = |k: usize| {
                k < hi && {
                    let lw = lower(body, &toks[k]);
                    lw == "whether"
                        || (asks
                            && matches!(
                                &*lw,
                                "if" | "how" | "why" | "what" | "when" | "where" | "who"
                            ))
                }
            };
            if wh(k) && words_in(toks, k, hi) >= 3 {
                let who = ctx.resolve(toks, a, b);
                return Some(content_quote(body, toks, k, hi, &who, &c));
            }
            if OBJECT_CUES.contains(&&*w) {
                let mut j = k;
                let lim = (k + 9).min(hi);
                let that = (k..lim).find(|&j| lower(body, &toks[j]) == "that");
                let whw = (k..lim).find(|&j| {
                    matches!(
                        &*lower(body, &toks[j]),
                        "how" | "why" | "whether" | "what" | "if"
                    )
                });
                if let Some(t) = that {
                    j = t + 1;
                } else if let Some(t) = whw {
                    j = t;
                } else if w.starts_with("tol") || w.starts_with("tel") {
                    // skip one short object phrase
                    while j < lim && toks[j].word && (j == k || is_cap(body, &toks[j])) {
                        j += 1;
                    }
                } else {
                    continue;
                }
                k = j;
            } else if toks.get(k).is_some_and(|t| lower(body, t) == "that") {
                k += 1;
            } else if !strong {
                continue;
            } else {
                // skip a short adverbial ("on Tuesday", "in a statement") then an optional "that"
                let mut that_seen = false;
                if k < hi
                    && matches!(
                        &*lower(body, &toks[k]),
                        "on" | "in"
                            | "at"
                            | "last"
                            | "this"
                            | "earlier"
                            | "later"
                            | "during"
                            | "after"
                            | "before"
                            | "recently"
                            | "previously"
                            | "repeatedly"
                            | "publicly"
                            | "privately"
                            | "again"
                            | "today"
                            | "yesterday"
                            | "tonight"
                            | "through"
                            | "via"
                    )
                {
                    let lim = (k + 14).min(hi);
                    let mut j = k;
                    // (over a possessive's or abbreviation's marks: "in Saturday’s
                    // paper", "on the U.S. network")
                    while j < lim
                        && !toks[j].quoted
                        && (toks[j].word
                            || matches!(&body[toks[j].start..toks[j].end], "’" | "'" | "." | "-"))
                        && lower(body, &toks[j]) != "that"
                    {
                        j += 1;
                    }
                    if j < hi && (lower(body, &toks[j]) == "that" || comma(j)) {
                        k = j + 1;
                    }
                    that_seen = j < hi && lower(body, &toks[j]) == "that";
                    // "said on television, adding that ...": the participle reports next
                    if k < hi && PARTICIPLE_CUES.contains(&&*lower(body, &toks[k])) {
                        continue;
                    }
                }
                let that = that_seen || (k < hi && lower(body, &toks[k]) == "that");
                if k < hi && lower(body, &toks[k]) == "that" {
                    k += 1;
                }
                // "He added, the talks ..."
                if k == c.b && k + 1 < hi && comma(k) {
                    k += 1;
                }
                // a bare clause needs a subject: a determiner, a capital, a pronoun, a
                // number ("that" is enough: "noted in a column that anger is ...")
                let ok = k < hi
                    && toks[k].word
                    && (that
                        || opens_clause(body, &toks[k])
                        || matches!(
                            contraction_stem(&lower(body, &toks[k])),
                            "there" | "no" | "if" | "any" | "all" | "both" | "more"
                        )
                        // "said economic growth is ...": a bare plural or mass-noun subject
                        // after the commonest verbs, when a verb follows within a few words
                        || (c.weight >= 200 && bare_subject(body, toks, k, hi)));
                if !ok {
                    continue;
                }
            }
            if words_in(toks, k, hi) < 4 {
                continue;
            }
            let who = ctx.resolve(toks, a, b);
            if who.speaker.is_none()
                && !who.anonymous
                && who
                    .text
                    .as_deref()
                    .is_some_and(|t| t.split_whitespace().count() > 6)
            {
                continue;
            }
            return Some(content_quote(body, toks, k, hi, &who, &c));
        } else {
            // inverted at clause end: "CLAUSE, said NP", the phrase ending the clause
            // or followed by punctuation (an apposition) or a short adverbial; in
            // "X, the author of ..., said the days when ... are gone" it is the report's
            // subject
            let np_ends = b >= hi || !toks[b].word || words_in(toks, b, hi) <= 3;
            if let Some(e) = comma_index_before(body, toks, c.a, lo) {
                if strong && np_ends && words_in(toks, lo, e) >= 4 {
                    let who = ctx.resolve(toks, a, b);
                    return Some(content_quote(body, toks, lo, e, &who, &c));
                }
            }
        }
    }
    if let Some(q) = evidence(ctx, toks, lo, hi) {
        return Some(q);
    }
    // Second pass: attributions whose content is a complement rather than a clause
    // ("X called for Y", "X urged Y to Z", "X cited Y"), for any verb the lexicon
    // knows as a cue, when a subject precedes it.
    for i in lo..hi {
        let t = toks[i];
        if !t.word || t.quoted {
            continue;
        }
        let w = lower(body, &t);
        if is_cap(body, &t) {
            continue;
        }
        let n = CUES.freq(&w);
        let progressive =
            i > lo && matches!(&*lower(body, &toks[i - 1]), "is" | "are" | "was" | "were");
        let n = if w.ends_with("ing") && progressive {
            // "is demanding", "was questioning": the lexicon's base forms
            let stem = &w[..w.len() - 3];
            [
                format!("{stem}s"),
                format!("{stem}es"),
                format!("{stem}ed"),
                format!("{stem}d"),
            ]
            .iter()
            .filter_map(|f| CUES.single.get(f.as_str()).copied())
            .max()
            .unwrap_or(0)
            .max(n)
        } else {
            n
        };
        // clause-taking verbs were tried in the first pass: what follows them without a
        // clause is circumstance ("said in a press conference"), not content
        if n < COMPLEMENT_MIN
            || NOT_VERB.contains(&&*w)
            || matches!(&*w, "told" | "tells" | "tell")
            || (w.ends_with("ing") && !progressive)
        {
            continue;
        }
        let c = Cue {
            a: i,
            b: i + 1,
            weight: n,
            according: false,
        };
        let mut j = i;
        while j > lo && toks[j - 1].word && SKIP_BEFORE_CUE.contains(&&*lower(body, &toks[j - 1])) {
            j -= 1;
        }
        if !(j > lo && toks[j - 1].word && is_np_head(body, &toks[j - 1])) {
            continue;
        }
        let Some((a, b)) = speaker_np(body, toks, &c, lo, hi) else {
            continue;
        };
        if b > c.a {
            continue;
        }
        let mut k = c.b;
        // phrasal particles: "called for", "pointed to", "called on"
        if k < hi
            && matches!(
                &*lower(body, &toks[k]),
                "for" | "to" | "on" | "out" | "that"
            )
        {
            // "said on MSNBC", "wrote on Twitter": where, not what
            if lower(body, &toks[k]) == "on"
                && matches!(
                    &*w,
                    "said" | "says" | "say" | "added" | "adds" | "wrote" | "writes" | "stated"
                )
            {
                continue;
            }
            k += 1;
        }
        if words_in(toks, k, hi) < 3
            || k >= hi
            || !toks[k].word
            || (k < hi
                && matches!(
                    &*lower(body, &toks[k]),
                    "in" | "at"
                        | "during"
                        | "according"
                        | "after"
                        | "before"
                        | "while"
                        | "when"
                        | "as"
                        | "with"
                ))
        {
            continue;
        }
        let who = ctx.resolve(toks, a, b);
        // a complement attribution needs a recognisable source
        if who.speaker.is_none() && !who.anonymous {
            continue;
        }
        return Some(content_quote(body, toks, k, hi, &who, &c));
    }
    seeming(body, toks, lo, hi)
}

/// Heads of noun phrases for evidence that "shows" or "found" something.
const EVIDENCE: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "records",
    "analysis",
    "figures",
    "numbers",
    "research",
    "results",
    "review",
    "investigation",
    "audit",
    "documents",
    "filings",
    "estimates",
    "census",
    "tally",
    "count",
    "evidence",
    "experience",
    "researchers",
    "investigators",
    "scientists",
    "economists",
    "analysts",
    "auditors",
    "inspector",
    "calculations",
    "statistics",
    "projections",
];
const SHOW_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "find",
    "suggests",
    "suggested",
    "suggest",
    "indicates",
    "indicated",
    "indicate",
    "reveals",
    "revealed",
    "concluded",
    "concludes",
    "estimated",
    "estimates",
    "predicts",
    "predicted",
];

/// "A poll shows (that) CLAUSE", "the study found that CLAUSE", "CLAUSE, records show."
fn evidence(ctx: &mut Ctx, toks: &[Tok], lo: usize, hi: usize) -> Option<Quote> {
    let body = ctx.body;
    let comma = |i: usize| !toks[i].word && &body[toks[i].start..toks[i].end] == ",";
    for i in lo + 1..hi {
        let t = toks[i];
        if !t.word
            || t.quoted
            || !SHOW_VERBS
                .iter()
                .any(|v| body[t.start..t.end].eq_ignore_ascii_case(v))
        {
            continue;
        }
        let mut j = i;
        while j > lo && toks[j - 1].word && SKIP_BEFORE_CUE.contains(&&*lower(body, &toks[j - 1])) {
            j -= 1;
        }
        if j == lo
            || !toks[j - 1].word
            || toks[j - 1].quoted
            || !EVIDENCE.contains(&&*lower(body, &toks[j - 1]))
        {
            continue;
        }
        // the evidence phrase: back to a comma, a clause word or ten tokens
        let mut s = j - 1;
        while s > lo && s + 10 > j {
            let p = toks[s - 1];
            if p.quoted || (!p.word && !matches!(&body[p.start..p.end], "." | "’" | "'" | "-")) {
                break;
            }
            if p.word
                && NP_STOP
                    .iter()
                    .any(|w| body[p.start..p.end].eq_ignore_ascii_case(w))
            {
                break;
            }
            s -= 1;
        }
        let c = Cue {
            a: i,
            b: i + 1,
            weight: 1,
            according: false,
        };
        let that = toks
            .get(i + 1)
            .is_some_and(|n| i + 1 < hi && body[n.start..n.end].eq_ignore_ascii_case("that"));
        let (cs, ce) = if that && words_in(toks, i + 2, hi) >= 3 {
            (i + 2, hi)
        } else if s > lo
            && comma(s - 1)
            && words_in(toks, lo, s - 1) >= 4
            && words_in(toks, i + 1, hi) <= 4
        {
            (lo, s - 1)
        } else if i + 1 < hi && toks[i + 1].word && words_in(toks, i + 1, hi) >= 4 && {
            let n = &toks[i + 1];
            let lw = lower(body, n);
            DEF_DET.contains(&&*lw)
                || ANON_DET.contains(&&*lw)
                || PRONOUNS.contains(&&*lw)
                || is_cap(body, n)
                || bare_subject(body, toks, i + 1, hi)
        } {
            (i + 1, hi)
        } else {
            continue;
        };
        let who = ctx.resolve(toks, s, j);
        return Some(content_quote(body, toks, cs, ce, &who, &c));
    }
    None
}

/// "X is expected to ...": the whole clause is an attributed expectation with no named
/// source. (PolNeAR also annotates "X seems/appears to ..." this way, but those are the
/// reporter's own hedges; as speakerless quotes they only add noise to a comparison.)
fn seeming(body: Body<'_>, toks: &[Tok], lo: usize, hi: usize) -> Option<Quote> {
    for i in lo + 1..hi.saturating_sub(2) {
        let t = toks[i];
        if !t.word || t.quoted {
            continue;
        }
        let w = &body[t.start..t.end];
        let next = &body[toks[i + 1].start..toks[i + 1].end];
        let ok = if w.eq_ignore_ascii_case("expected") {
            next.eq_ignore_ascii_case("to")
                && (i - lo >= 2)
                && ["is", "are", "was", "were", "widely", "also", "now", "still"]
                    .iter()
                    .any(|v| body[toks[i - 1].start..toks[i - 1].end].eq_ignore_ascii_case(v))
        } else {
            false
        };
        if !ok || words_in(toks, lo, hi) < 4 || (lo..i).any(|k| toks[k].quoted) {
            continue;
        }
        let c = Cue {
            a: i,
            b: i + 1,
            weight: 1,
            according: false,
        };
        return Some(content_quote(body, toks, lo, hi, &Who::default(), &c));
    }
    None
}

/// First words of a paragraph-initial "Label:" that is not a speaker.
const NOT_HEADLINE_SPEAKER: &[&str] = &[
    "related",
    "update",
    "updated",
    "updates",
    "photo",
    "photos",
    "video",
    "videos",
    "note",
    "editor",
    "editor's",
    "editors",
    "correction",
    "corrections",
    "source",
    "sources",
    "read",
    "watch",
    "see",
    "also",
    "more",
    "subscribe",
    "click",
    "follow",
    "sign",
    "listen",
    "advertisement",
    "share",
    "tags",
    "filed",
    "topics",
    "contact",
    "email",
    "phone",
    "web",
    "website",
    "credit",
    "credits",
    "image",
    "images",
    "caption",
    "warning",
    "spoiler",
    "disclaimer",
    "transcript",
    "background",
    "q",
    "a",
    "question",
    "answer",
    "bottom",
    "summary",
    "why",
    "what",
    "how",
    "when",
    "where",
    "who",
    "step",
    "part",
    "chapter",
    "breaking",
    "exclusive",
    "live",
    "analysis",
    "opinion",
    "commentary",
    "the",
    "this",
    "that",
    "here",
    "there",
    "it",
    "in",
    "on",
    "at",
    "for",
    "by",
    "from",
    "with",
    "and",
    "but",
    "or",
    "if",
    "so",
    "now",
    "then",
    "today",
    "tonight",
    "yesterday",
    "day",
    "week",
    "update",
    "latest",
    "location",
    "date",
    "time",
    "where",
    "title",
    "subject",
    "re",
    "fw",
    "fwd",
    "ps",
    "p.s",
    "edit",
    "posted",
    "published",
    "written",
    "reporting",
    "additional",
    "top",
    "first",
    "second",
    "third",
    "next",
    "previous",
    "map",
    "chart",
    "graphic",
    "table",
    "figure",
    "fig",
    "example",
    "examples",
    "definition",
    "key",
    "total",
    "price",
    "cost",
    "free",
    "download",
    "buy",
    "get",
    "join",
    "donate",
    "support",
    "name",
    "address",
    "tel",
    "fax",
];

/// A paragraph opening with a short capitalised source and a colon, then text that is
/// not in quote marks: the headline convention "Lee: No deal without guarantees" and
/// transcript lines "JANE DOE: We asked the minister ...". The content runs to the end
/// of the first sentence, or of the paragraph for an all-capitals transcript speaker.
fn headline(ctx: &mut Ctx, toks: &[Tok], bounds: &[usize]) -> Option<Quote> {
    let body = ctx.body;
    let ci = (1..toks.len().min(9)).find(|&i| !toks[i].word)?;
    if &body[toks[ci].start..toks[ci].end] != ":" || toks[ci].quoted || ci + 1 >= toks.len() {
        return None;
    }
    let first = &toks[0];
    if !is_cap(body, first) || NOT_HEADLINE_SPEAKER.contains(&&*lower(body, first)) {
        return None;
    }
    let label = &toks[..ci];
    let caps = label.iter().filter(|t| is_cap(body, t)).count();
    if label.iter().any(|t| {
        body[t.start..t.end].contains(|c: char| c.is_ascii_digit())
            || cue_weight(&lower(body, t)) >= WEAK
    }) || 2 * caps < label.len()
    {
        return None;
    }
    let next = &toks[ci + 1];
    if !next.word || next.quoted {
        return None;
    }
    let shout = label
        .iter()
        .all(|t| !body[t.start..t.end].chars().any(char::is_lowercase));
    let end = if shout {
        toks.len()
    } else {
        bounds
            .iter()
            .copied()
            .find(|&b| b > ci)
            .unwrap_or(toks.len())
    };
    // a list of names ("Iowa: Ann Lee, Tom Baker, ...") is not a statement
    let commas = toks[ci + 1..end]
        .iter()
        .filter(|t| !t.word && &body[t.start..t.end] == ",")
        .count();
    if words_in(toks, ci + 1, end) < 3 || commas >= 3 {
        return None;
    }
    let who = ctx.resolve(toks, 0, ci);
    let c = Cue {
        a: ci,
        b: ci + 1,
        weight: 1,
        according: false,
    };
    Some(content_quote(body, toks, ci + 1, end, &who, &c))
}

/// Lexicon frequency for a cue verb with a complement (second pass of `indirect`).
const COMPLEMENT_MIN: u32 = 10;
/// Lexicon forms that are not verbs or do not report anything on their own.
const NOT_VERB: &[&str] = &[
    "in",
    "for",
    "is",
    "was",
    "be",
    "would",
    "according",
    "statement",
    "poll",
    "report",
    "interview",
    "speech",
    "data",
    "criticism",
    "complaints",
    "questions",
    "question",
    "advice",
    "allegations",
    "concerns",
    "suggestion",
    "refusal",
    "decision",
    "view",
    "views",
    "comments",
    "remarks",
    "supporter",
    "supporters",
    "features",
    "counts",
    "plot",
    "sense",
    "willing",
    "seemingly",
    "titled",
    "named",
    "read",
    "reads",
    "made",
    "put",
    "gave",
    "set",
    "led",
    "came",
    "went",
    "took",
    "get",
    "got",
    "make",
    "take",
    "give",
    "look",
    "looks",
    "looked",
    "seemed",
    "seems",
    "seem",
    "appears",
    "appeared",
    "appear",
    "passed",
    "cast",
    "used",
    "included",
    "includes",
    "listed",
    "lists",
    "known",
    "mean",
    "like",
    "liked",
    "loved",
];

fn content_quote(body: Body<'_>, toks: &[Tok], a: usize, b: usize, who: &Who, c: &Cue) -> Quote {
    let (mut a, mut b) = (a, b);
    while a < b && !toks[a].word {
        a += 1;
    }
    // a reported clause after its cue ends where a contrasting clause or a new
    // attribution starts: "..., though she acknowledged ...", "... and said ..."
    if a > c.a {
        for k in a + 2..b {
            let lw = lower(body, &toks[k]);
            let after_comma = comma_before(body, toks, k, a);
            let contrast = after_comma
                && (matches!(
                    &*lw,
                    "but" | "though" | "although" | "while" | "whereas"
                ) && !toks.get(k + 1).is_some_and(|n| lower(body, n) == "that")
                // (", but that ...": a second complement of the same report)
                    || (c.weight > 0
                    && (PARTICIPLE_CUES.contains(&&*lw)
                        || matches!(
                            &*lw,
                            "citing" | "referring" | "echoing" | "repeating" | "accusing"
                                | "blaming" | "criticizing" | "criticising" | "dismissing"
                                | "defending" | "rejecting" | "denying"
                        ))));
            // "said he was being sarcastic, which raised concerns ...": a relative clause
            // closing the sentence is the reporter's comment on the report (one closed
            // by a comma is inside it: "said the bill, which passed, would fail")
            let comment = after_comma
                && matches!(&*lw, "which")
                && !(k + 1..b).any(|j| !toks[j].word && &body[toks[j].start..toks[j].end] == ",");
            let coord_cue = lw == "and"
                && toks.get(k + 1).is_some_and(|n| {
                    let nw = lower(body, n);
                    n.word
                        && k + 1 < b
                        && !is_cap(body, n)
                        && (CLAUSE_CUES.contains(&&*nw)
                            || (!NOT_VERB.contains(&&*nw)
                                && (nw.ends_with('s') || nw.ends_with("ed"))
                                && CUES.freq(&nw) >= COMPLEMENT_MIN))
                });
            if (contrast || coord_cue || comment) && !toks[k].quoted {
                // (a closing mark after the comma stays with the content)
                b = if after_comma && !toks[k - 1].quoted {
                    k - 1
                } else {
                    k
                };
                break;
            }
        }
    }
    while b > a
        && !toks[b - 1].word
        && !matches!(
            &body[toks[b - 1].start..toks[b - 1].end],
            ")" | "”" | "\"" | "’"
        )
    {
        b -= 1;
    }
    let span = if a < b {
        Span::new(toks[a].start, toks[b - 1].end)
    } else {
        Span::new(
            toks[a.min(toks.len() - 1)].start,
            toks[a.min(toks.len() - 1)].start,
        )
    };
    let cue = Span::new(toks[c.a].start, toks[c.b - 1].end);
    make_quote(body, span, QuoteKind::Indirect, who, Some(cue))
}

#[doc(hidden)]
pub mod tagger;
#[cfg(test)]
mod tests;
