//! Actor recognition and within-document alias merging.
//!
//! News names its actors in a few regular ways, and this module reads exactly those:
//!
//! * **Countries** come from the gazetteer (one Aho-Corasick pass over the body): names,
//!   codes ("U.S.", "DPRK", "N. Korea"), capitals standing for the state ("Moscow said"),
//!   and demonyms only where they stand for the state ("the Russian government", "the
//!   Russians"), not as plain adjectives ("Russian oil"). A bare code like "US" or "NK"
//!   counts only when the same country is also named another way in the document.
//! * **Capitalised runs** (words starting upper case, joined by spaces and "of") are split
//!   into a title and a name: "French President Emmanuel Macron" gives the title "French
//!   President" (the run up to its last role noun) and the name "Emmanuel Macron". A run
//!   ending in an organisation noun ("Ministry", "Council", "University", "Times") is an
//!   organisation; a run preceded by a lower-case role ("spokesman Lu Kang", "chief press
//!   officer ...") is a person; so is a run that starts with a known given name, that has
//!   the hyphenated given name of Korean/Chinese romanisation ("Geun-hye", "Dae-jung"), or
//!   that is the subject of a reporting verb.
//! * **Aliases** are merged after all names are known, so a surname may come before or
//!   after the full name: "Macron" joins "Emmanuel Macron"; "Kim Dae Jung" and "Kim Dae-jung"
//!   share a key (letters only, case folded); "Security Council" joins "UN Security
//!   Council" and "UNSC" joins it by acronym.
//! * **Named organisations** come from the gazetteer too (WordNet's named organisations
//!   with their acronyms: "United Nations" ~ "UN" ~ "U.N."), and a government organ named
//!   after its state ("the Russian Foreign Ministry") stands for the state (a metonym).
//! * **Role nouns** referring back ("the spokesman", "the president") link to the most
//!   recent person carrying that title; with a country ("the French president") the title
//!   must name the same country. "The North"/"the South" is the one country of the
//!   document named with that word, if there is exactly one.
//! * **Appositives** give titles: "Zhang Wei, a professor at ..." -> "professor".
//!
//! Words at the start of a sentence are capitalised whatever they are, so function words,
//! months and weekdays are stripped from runs, and a lone unknown capitalised word becomes
//! an actor only as the subject of a reporting verb.
//!
//! Output order: entities by first mention; mentions sorted by `span.start`
//! (see [`entity_at`] and [`mentions_in`] for lookups by position).

use crate::lexicon::{CountryForm, Gazetteer};
use crate::model::{ActorKind, Entity, Mention, MentionVia, Segmented, Span};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The mention covering byte offset `pos`, if any (mentions must be sorted by start, as
/// [`recognise`] returns them).
pub fn entity_at(mentions: &[Mention], pos: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| m.span.start <= pos);
    mentions[..i]
        .iter()
        .rev()
        .take(4)
        .find(|m| m.span.start <= pos && pos < m.span.end)
}

/// The mentions lying inside `span` (mentions sorted by start).
pub fn mentions_in(mentions: &[Mention], span: Span) -> &[Mention] {
    let a = mentions.partition_point(|m| m.span.start < span.start);
    let b = mentions.partition_point(|m| m.span.start < span.end);
    let b = b.max(a);
    let mut e = a;
    while e < b && mentions[e].span.end <= span.end {
        e += 1;
    }
    &mentions[a..e]
}

// ------------------------------------------------------------------ closed word classes

/// Function words and sentence adverbs that are capitalised only by position.
const FUNCTION: &[&str] = &[
    "A",
    "About",
    "Above",
    "Across",
    "After",
    "Again",
    "Against",
    "Ago",
    "All",
    "Already",
    "Also",
    "Although",
    "Amid",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Being",
    "Besides",
    "Between",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Finally",
    "First",
    "For",
    "From",
    "Further",
    "Furthermore",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "Hers",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Including",
    "Indeed",
    "Instead",
    "Into",
    "Is",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Let",
    "Like",
    "Many",
    "May",
    "Meanwhile",
    "Might",
    "More",
    "Moreover",
    "Most",
    "Much",
    "Must",
    "My",
    "Neither",
    "Never",
    "Nevertheless",
    "Next",
    "No",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "Per",
    "Perhaps",
    "Rather",
    "Regardless",
    "Second",
    "Several",
    "Shall",
    "She",
    "Should",
    "Similarly",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "Than",
    "That",
    "The",
    "Their",
    "Them",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Through",
    "Thus",
    "To",
    "Today",
    "Tomorrow",
    "Tonight",
    "Too",
    "Toward",
    "Towards",
    "Two",
    "Under",
    "Unless",
    "Unlike",
    "Until",
    "Upon",
    "Us",
    "Very",
    "Via",
    "Was",
    "We",
    "Were",
    "What",
    "Whatever",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Whom",
    "Whose",
    "Why",
    "Will",
    "With",
    "Within",
    "Without",
    "Would",
    "Yesterday",
    "Yet",
    "You",
    "Your",
    "According",
    "Following",
    "Asked",
    "Speaking",
    "Meanwhile",
    "Overall",
    "Currently",
    "Recently",
    "Additionally",
    "Ultimately",
    "Nonetheless",
    "Otherwise",
    "Throughout",
    "Whereas",
    "Beyond",
    "Below",
    "Near",
    "Oh",
    "Yes",
    "Please",
    "Thank",
    "Thanks",
    "Dear",
    "Sunday's",
    "Read",
    "See",
    "Click",
    "Photo",
    "Source",
    "Related",
    "Editor",
];

const MONTHS_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
];

/// Honorifics and abbreviated ranks written before names.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt",
    "Adm", "Sgt", "Maj", "Cmdr", "Amb", "Pres", "Sir", "Dame", "Lord", "Lady", "Rev", "Fr", "Sec",
    "Gov.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Capt.",
    "Adm.", "Sgt.", "Maj.", "Rev.", "Sec.",
];

/// Reporting verbs: a lone capitalised word before one is an actor ("Reuters reported").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "reported",
    "reports",
    "announced",
    "announces",
    "asked",
    "asks",
    "warned",
    "warns",
    "argued",
    "argues",
    "claimed",
    "claims",
    "explained",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "urged",
    "urges",
    "stressed",
    "stresses",
    "suggested",
    "believes",
    "believed",
    "thinks",
    "thought",
    "denied",
    "denies",
    "confirmed",
    "confirms",
    "rejected",
    "rejects",
    "called",
    "calls",
    "agreed",
    "agrees",
    "responded",
    "replied",
    "declared",
    "emphasized",
    "emphasised",
    "acknowledged",
    "admitted",
    "predicted",
    "estimated",
    "expects",
    "expected",
    "described",
    "reiterated",
    "refuted",
    "quoted",
    "cited",
];

/// Nouns after a demonym that make it stand for the state ("the Russian government").
const STATE_NOUNS: &[&str] = &[
    "government",
    "governments",
    "authorities",
    "administration",
    "leadership",
    "regime",
    "side",
    "state",
    "officials",
    "delegation",
    "diplomats",
    "military",
    "army",
    "forces",
    "navy",
    "ministry",
    "embassy",
    "parliament",
    "presidency",
    "cabinet",
    "foreign",
    "defense",
    "defence",
];

/// The role noun an abbreviated rank stands for ("Sen." -> "senator"), so "the senator"
/// refers back to "Sen. Jane Doe".
fn expand_abbrev(w: &str) -> &'static str {
    match w.trim_end_matches('.') {
        "Sen" => "senator",
        "Rep" => "representative",
        "Gov" => "governor",
        "Gen" => "general",
        "Sec" => "secretary",
        "Pres" => "president",
        "Prof" => "professor",
        "Dr" => "doctor",
        "Amb" => "ambassador",
        "Adm" => "admiral",
        "Col" => "colonel",
        "Capt" => "captain",
        "Lt" => "lieutenant",
        "Sgt" => "sergeant",
        "Maj" => "major",
        "Rev" => "reverend",
        _ => "",
    }
}

/// Word lists as hash sets (checked for most words of a document; membership only, so
/// no iteration order reaches output).
fn set_of(words: &'static [&'static str]) -> crate::text::FastSet<&'static str> {
    words.iter().copied().collect()
}
static FUNCTION_SET: LazyLock<crate::text::FastSet<&'static str>> =
    LazyLock::new(|| set_of(FUNCTION));
static REPORTING_SET: LazyLock<crate::text::FastSet<&'static str>> =
    LazyLock::new(|| set_of(REPORTING));
static MONTHS_DAYS_SET: LazyLock<crate::text::FastSet<&'static str>> =
    LazyLock::new(|| set_of(MONTHS_DAYS));
static HONORIFICS_SET: LazyLock<crate::text::FastSet<&'static str>> =
    LazyLock::new(|| set_of(HONORIFICS));

fn is_function(w: &str) -> bool {
    FUNCTION_SET.contains(w)
}
/// `is_function(&capitalise(w))` without allocating for short ASCII words.
fn is_function_capitalised(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_ascii() && !b.is_empty() && b.len() <= 32 {
        let mut buf = [0u8; 32];
        buf[..b.len()].copy_from_slice(b);
        buf[0] = buf[0].to_ascii_uppercase();
        return std::str::from_utf8(&buf[..b.len()]).is_ok_and(is_function);
    }
    is_function(&capitalise(w))
}
fn is_month_day(w: &str) -> bool {
    MONTHS_DAYS_SET.contains(w.trim_end_matches('.'))
}
fn is_honorific(w: &str) -> bool {
    HONORIFICS_SET.contains(w)
}

// ------------------------------------------------------------------ words

#[derive(Clone, Debug)]
struct Word<'a> {
    span: Span,
    /// Text without a possessive ending.
    text: &'a str,
    /// Followed by "'s" / "’s" (excluded from `span`).
    poss: bool,
    cap: bool,
    /// All upper case letters (acronym or shouting).
    upper: bool,
    sentence: usize,
    /// First word of its sentence, or after an opening quote, colon or dash.
    initial: bool,
    /// Only spaces between this word and the next (runs may continue).
    joined: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits the sentences into words: letters/digits with inner hyphens, dots and
/// apostrophes ("Geun-hye", "U.S.", "O'Neil"); a trailing dot is kept on abbreviations
/// ("U.S.", "N.", "Mr."), a possessive is split off.
fn words<'a>(body: &'a str, seg: &Segmented) -> Vec<Word<'a>> {
    // about one word per word token (the vector of large items is not regrown)
    let mut out: Vec<Word<'a>> = Vec::with_capacity(
        seg.tokens
            .iter()
            .filter(|t| t.kind != crate::model::TokenKind::Punct)
            .count(),
    );
    for (si, s) in seg.sentences.iter().enumerate() {
        let text = s.span.text(body);
        let base = s.span.start;
        let mut it = text.char_indices().peekable();
        let mut first = true;
        let mut prev_open = false;
        while let Some((i, c)) = it.next() {
            if !is_word_char(c) {
                if !c.is_whitespace() {
                    // punctuation ends a run; opening quotes/colons make the next word initial
                    if let Some(w) = out.last_mut() {
                        if w.sentence == si {
                            w.joined = false;
                        }
                    }
                    prev_open = matches!(
                        c,
                        '"' | '\u{201C}'
                            | '\u{2018}'
                            | ':'
                            | '('
                            | '['
                            | '\u{2014}'
                            | '\u{2013}'
                            | '\''
                    );
                }
                continue;
            }
            let mut end = i + c.len_utf8();
            loop {
                let rest = &text[end..];
                let mut ch = rest.chars();
                match (ch.next(), ch.next()) {
                    (Some(a), _) if is_word_char(a) => end += a.len_utf8(),
                    (
                        Some(p @ ('-' | '.' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')),
                        Some(b),
                    ) if is_word_char(b) => {
                        // "’s" at the end of a word is a possessive, not part of it
                        if (p == '\'' || p == '\u{2019}')
                            && (b == 's' || b == 'S')
                            && !rest[p.len_utf8() + 1..].starts_with(is_word_char)
                        {
                            break;
                        }
                        end += p.len_utf8() + b.len_utf8();
                    }
                    _ => break,
                }
            }
            // consume the inner chars we just measured
            while let Some(&(j, _)) = it.peek() {
                if j < end {
                    it.next();
                } else {
                    break;
                }
            }
            let raw = &text[i..end];
            // abbreviation dot: "U.S." "N." "Mr."
            let mut wend = end;
            if text[end..].starts_with('.') {
                let single_cap = raw.chars().count() == 1 && c.is_uppercase();
                let dotted = raw.contains('.');
                if single_cap || dotted || is_honorific(raw) || MONTHS_DAYS_SET.contains(raw) {
                    wend = end + 1;
                    it.next();
                }
            }
            let mut poss = false;
            let after = &text[wend..];
            for p in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
                if after.starts_with(p) && !after[p.len()..].starts_with(is_word_char) {
                    poss = true;
                    // skip the possessive ending so "s" is not read as a word
                    while let Some(&(j, _)) = it.peek() {
                        if j < wend + p.len() {
                            it.next();
                        } else {
                            break;
                        }
                    }
                }
            }
            let wtext = &text[i..wend];
            let cap = c.is_uppercase();
            let (mut letters, mut all_upper) = (0usize, true);
            for c in wtext.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                all_upper &= c.is_uppercase();
            }
            let upper = letters >= 2 && all_upper;
            if let Some(w) = out.last_mut() {
                if w.sentence == si && w.joined {
                    // only whitespace between?
                    let gap = &body[w.span.end..base + i];
                    let gap = if w.poss {
                        gap.trim_start_matches(['\'', '\u{2019}', 's', 'S'])
                    } else {
                        gap
                    };
                    w.joined = !w.poss
                        && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
                        && !gap.is_empty();
                }
            }
            out.push(Word {
                span: Span::new(base + i, base + wend),
                text: wtext,
                poss,
                cap,
                upper,
                sentence: si,
                initial: first || prev_open,
                joined: true,
            });
            first = false;
            prev_open = false;
        }
        if let Some(w) = out.last_mut() {
            w.joined = false;
        }
    }
    // A sentence splitter may break after an abbreviation ("the U.S. Energy Information
    // Administration", "Mr. Kim"): rejoin across such a boundary when only spaces follow.
    for i in 1..out.len() {
        let (p, n) = (&out[i - 1], &out[i]);
        if p.sentence != n.sentence && p.text.ends_with('.') && n.cap {
            let gap = &body[p.span.end..n.span.start];
            if !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
                out[i - 1].joined = true;
                out[i].initial = false;
            }
        }
    }
    out
}

// ------------------------------------------------------------------ raw candidates

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Cand {
    /// A country via a gazetteer form.
    Country {
        country: usize,
        via: MentionViaOrd,
    },
    /// A person name (possibly one token) with the title written before it.
    Person {
        name: String,
        title: Option<String>,
    },
    Org {
        name: String,
    },
    /// A named organisation from the gazetteer (index into `Gazetteer::orgs`).
    Named {
        org: usize,
        name: String,
    },
    /// A lone capitalised token to resolve against the other names.
    Single {
        name: String,
        reporting: bool,
    },
    /// A multi-word capitalised run to resolve against organisations ("Security Council").
    Partial {
        name: String,
    },
    /// "the spokesman": a role noun referring back; `qual` is the country the phrase names
    /// ("the Russian president").
    Role {
        noun: String,
        qual: Option<usize>,
    },
    /// "the North" / "the South": the one country of the document named with that word.
    Compass {
        word: String,
    },
}

/// `MentionVia` with an order (for the derived `Ord` of `Cand`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MentionViaOrd {
    Name,
    Alias,
    Metonym,
    Demonym,
}

impl MentionViaOrd {
    fn via(self) -> MentionVia {
        match self {
            MentionViaOrd::Name => MentionVia::Name,
            MentionViaOrd::Alias => MentionVia::Alias,
            MentionViaOrd::Metonym => MentionVia::Metonym,
            MentionViaOrd::Demonym => MentionVia::Demonym,
        }
    }
}

#[derive(Clone, Debug)]
struct Raw {
    span: Span,
    cand: Cand,
}

/// Letters and digits only, lower case: "Dae-Jung" ~ "dae jung" ~ "DaeJung".
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Name tokens for alias matching: split on spaces (hyphenated parts stay together but
/// are keyed without the hyphen).
fn name_tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(name_key)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Acronym of an organisation name: upper-case tokens whole (dots dropped), other
/// capitalised tokens by initial; "of", "the", "and", "for" skipped.
/// "UN Security Council", "U.N. Security Council", "United Nations Security Council" -> "UNSC".
pub fn acronym(name: &str) -> String {
    let mut out = String::new();
    for t in name.split_whitespace() {
        let letters: String = t.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty() {
            continue;
        }
        if letters.chars().all(|c| c.is_uppercase()) && letters.chars().count() >= 2 {
            out.push_str(&letters);
        } else if t.chars().next().is_some_and(char::is_uppercase) {
            // hyphenated capitalised parts count each: "Trade-Investment" -> TI
            for part in t.split('-') {
                if let Some(c) = part.chars().next().filter(|c| c.is_uppercase()) {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn is_hyphen_given(w: &str) -> bool {
    // Romanised Korean/Chinese given names: "Geun-hye", "Dae-jung", "Moo-hyun", "Geun-Hye".
    let mut parts = w.split(['-', '\u{2010}', '\u{2011}']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let short =
        |p: &str| (1..=5).contains(&p.chars().count()) && p.chars().all(|c| c.is_alphabetic());
    a.chars().next().is_some_and(char::is_uppercase)
        && a.chars().skip(1).all(char::is_lowercase)
        && short(a)
        && short(b)
        && b.chars().skip(1).all(char::is_lowercase)
}

/// Name-like token: capitalised, letters (with inner hyphen/apostrophe), not an acronym.
fn name_like(w: &Word, gaz: &Gazetteer) -> bool {
    // "Korean-flagged", "Russian-made", "US-led": a long lower-case tail is a compound adjective
    let compound = w
        .text
        .split('-')
        .skip(1)
        .any(|p| p.chars().count() > 4 && p.chars().all(char::is_lowercase));
    !compound
        && w.cap
        && !w.upper
        && w.text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}' || c == '.')
        && !w.text.ends_with('.')
        && !is_function(w.text)
        && !is_month_day(w.text)
        && !gaz.is_org_head(w.text)
        && !gaz.is_title(w.text)
}

struct Ctx<'a, 'g> {
    body: &'a str,
    w: Vec<Word<'a>>,
    gaz: &'g Gazetteer,
    /// Per word: a country gazetteer match starting here (end word index exclusive, pattern).
    country_at: Vec<Option<(usize, usize)>>,
    /// Words covered by a country match.
    in_country: Vec<bool>,
    /// Per word: a named-organisation match starting here.
    org_at: Vec<Option<(usize, usize)>>,
    shouting: Vec<bool>,
}

impl<'a, 'g> Ctx<'a, 'g> {
    fn text(&self, a: usize, b: usize) -> &'a str {
        &self.body[self.w[a].span.start..self.w[b - 1].span.end]
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.w[a].span.start, self.w[b - 1].span.end)
    }
    fn lower_next(&self, i: usize) -> Option<&Word<'a>> {
        self.w
            .get(i)
            .filter(|n| n.sentence == self.w[i - 1].sentence)
    }
    fn reporting_after(&self, end: usize) -> bool {
        // "X said", "X, a professor at Y, said" is left to the quotes stage
        match self.w.get(end) {
            Some(n) if n.sentence == self.w[end - 1].sentence => REPORTING_SET.contains(n.text),
            _ => false,
        }
    }
    fn according_before(&self, a: usize) -> bool {
        a >= 2
            && self.w[a - 1].text == "to"
            && self.w[a - 2].text.eq_ignore_ascii_case("according")
            && self.w[a - 2].sentence == self.w[a].sentence
    }
    fn title_before(&self, a: usize) -> Option<(usize, String)> {
        // lower-case role chain ending right before the run: "spokesman Lu Kang",
        // "Tokyo's chief cabinet secretary Kato Ryo".
        if a == 0 {
            return None;
        }
        let p = &self.w[a - 1];
        if p.sentence != self.w[a].sentence || !p.joined || p.cap || !self.gaz.is_title(p.text) {
            return None;
        }
        let mut s = a - 1;
        while s > 0 && s + 4 > a {
            let q = &self.w[s - 1];
            if q.sentence != p.sentence
                || !q.joined
                || q.poss
                || is_function_capitalised(q.text)
                || q.text.chars().any(|c| c.is_numeric())
            {
                break;
            }
            s -= 1;
        }
        Some((s, self.text(s, a).to_string()))
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Runs of capitalised words (joined by spaces, "of"/"the" inside), as word ranges.
fn runs(cx: &Ctx) -> Vec<(usize, usize)> {
    let w = &cx.w;
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if !w[i].cap || cx.shouting[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut prev = i;
        while j < w.len() && w[prev].joined && !w[prev].poss {
            let n = &w[j];
            if n.cap && !is_month_day(n.text) {
                prev = j;
                j += 1;
                continue;
            }
            // "Ministry of Foreign Affairs", "Secretary of State", "Bank of the Philippine Islands"
            if (n.text == "of" || (n.text == "for" && cx.gaz.is_org_head(w[prev].text))) && n.joined
            {
                let mut k = j + 1;
                if k < w.len() && w[k].text == "the" && w[k].joined {
                    k += 1;
                }
                if k < w.len() && w[k].cap && w[k].sentence == n.sentence {
                    prev = k;
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        out.push((i, prev + 1));
        i = prev + 1;
    }
    out
}

fn classify(cx: &Ctx, a0: usize, b: usize, out: &mut Vec<Raw>) {
    let w = &cx.w;
    let gaz = cx.gaz;
    let mut a = a0;
    // Strip leading function words, months, lone initials and unknown sentence-initial
    // words ("Following", "Speaking") — a known given name, title, country or org noun stays.
    while a < b {
        let t = w[a].text;
        let strip = is_function(t)
            || is_month_day(t)
            || (w[a].initial
                && !gaz.is_given_name(t)
                && !gaz.is_title(t)
                && !is_honorific(t)
                && cx.country_at[a].is_none()
                && !w[a].upper
                && (t.ends_with("ing") || t.ends_with("ly") || t.ends_with("ed")));
        if !strip {
            break;
        }
        // "The New York Times" keeps "The" when it is mid-sentence and heads an organisation
        if t == "The" && !w[a].initial && gaz.is_org_head(w[b - 1].text) && b - a >= 3 {
            break;
        }
        a += 1;
    }
    // trailing months/weekdays ("Lee on Wednesday" never joins, but "Lee Wednesday" may)
    let mut b = b;
    while b > a && (is_month_day(w[b - 1].text) || w[b - 1].text == "of" || w[b - 1].text == "the")
    {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let n = b - a;
    let last = &w[b - 1];

    // "(UN) Security Council": a bracketed acronym right before belongs to the name.
    let bracket = a > 0
        && w[a - 1].upper
        && cx.body[..w[a - 1].span.start].ends_with('(')
        && cx.body[w[a - 1].span.end..w[a].span.start].trim() == ")";
    // A named organisation covering the whole run ("United Nations", "NATO", "U.N.").
    if let Some((e, pid)) = cx.org_at[a] {
        if e == b {
            let oi = gaz.patterns[pid].country;
            let (sa, name) = if bracket {
                (a - 1, format!("{} {}", w[a - 1].text, cx.text(a, b)))
            } else {
                (a, cx.text(a, b).to_string())
            };
            out.push(Raw {
                span: cx.span(sa, b),
                cand: Cand::Named { org: oi, name },
            });
            return;
        }
    }
    // A country form covering the whole run.
    if let Some((e, pid)) = cx.country_at[a] {
        if e == b {
            let p = gaz.patterns[pid];
            match p.form {
                CountryForm::Name => out.push(Raw {
                    span: cx.span(a, b),
                    cand: Cand::Country {
                        country: p.country,
                        via: MentionViaOrd::Name,
                    },
                }),
                CountryForm::Code => out.push(Raw {
                    span: cx.span(a, b),
                    cand: Cand::Country {
                        country: p.country,
                        via: MentionViaOrd::Alias,
                    },
                }),
                CountryForm::Capital => out.push(Raw {
                    span: cx.span(a, b),
                    cand: Cand::Country {
                        country: p.country,
                        via: MentionViaOrd::Metonym,
                    },
                }),
                CountryForm::Organisation => {}
                CountryForm::Demonym | CountryForm::DemonymPlural => {
                    let next = cx.lower_next(b).map(|n| n.text);
                    let state = next.is_some_and(|t| STATE_NOUNS.contains(&t)) && !w[b - 1].poss;
                    let plural_the = p.form == CountryForm::DemonymPlural
                        && a > 0
                        && w[a - 1].text.eq_ignore_ascii_case("the");
                    if state || plural_the {
                        out.push(Raw {
                            span: cx.span(a, b),
                            cand: Cand::Country {
                                country: p.country,
                                via: MentionViaOrd::Demonym,
                            },
                        });
                    } else if let Some(nt) = next {
                        // "Russian president" (lower-case role after a demonym): a role mention
                        if gaz.is_title(nt) && !cx.w[b].cap {
                            push_role(cx, a, b + 1, out);
                        }
                    }
                }
            }
            return;
        }
    }

    // Organisation: the run ends in an organisation noun, or one comes before "of".
    let org_head_at = (a..b)
        .rev()
        .find(|&k| w[k].cap && gaz.is_org_head(w[k].text) && !gaz.is_title(w[k].text));
    if let Some(k) = org_head_at {
        let ends_here = k == b - 1;
        let before_of = k + 1 < b && w[k + 1].text == "of";
        if (ends_here || before_of) && (n >= 2 || w[a].upper) {
            // A title inside ("Foreign Minister of ...") makes it a person's title, not an org.
            let title_inside = (a..k).any(|t| w[t].cap && gaz.is_title(w[t].text));
            // "the South Korean Ministry of Foreign Affairs", "the Russian Foreign Ministry",
            // "the Chinese Government": a government organ named after its state speaks for
            // the state (as event coding treats it), so it is a metonym of the country.
            if !title_inside && matches!(w[k].text, "Ministry" | "Government") {
                if let Some((e, pid)) = cx.country_at[a] {
                    let p = gaz.patterns[pid];
                    if e <= k
                        && matches!(
                            p.form,
                            CountryForm::Name | CountryForm::Code | CountryForm::Demonym
                        )
                    {
                        out.push(Raw {
                            span: cx.span(a, b),
                            cand: Cand::Country {
                                country: p.country,
                                via: MentionViaOrd::Metonym,
                            },
                        });
                        return;
                    }
                }
            }
            if !title_inside {
                // "(UN) Security Council": a bracketed acronym right before belongs to the name
                let mut name = cx.text(a, b).to_string();
                let mut sa = a;
                if bracket {
                    name = format!("{} {}", w[a - 1].text, name);
                    sa = a - 1;
                }
                out.push(Raw {
                    span: cx.span(sa, b),
                    cand: Cand::Org { name },
                });
                return;
            }
        }
    }

    // Title + name: up to the last role noun (or honorific) is title, the rest is the name.
    let title_end = {
        let mut te = None;
        let mut k = a;
        while k < b {
            let t = w[k].text;
            if (gaz.is_title(t) || is_honorific(t)) && w[k].cap {
                let mut e = k + 1;
                // "Secretary of State John Kerry", "Minister of Foreign Affairs Wang
                // Yi": "of ..." belongs to the title, the last two or three words are the name
                if e + 2 < b && w[e].text == "of" {
                    let three = b >= e + 4 && gaz.is_given_name(w[b - 3].text);
                    e = if three { b - 3 } else { b - 2 };
                }
                if e < b {
                    te = Some(e);
                }
            }
            k += 1;
        }
        te
    };
    if let Some(te) = title_end {
        let name_ok = (te..b)
            .all(|k| name_like(&w[k], gaz) || (w[k].text.len() <= 2 && w[k].text.ends_with('.')));
        if name_ok && b - te <= 4 {
            let title = cx.text(a, te).to_string();
            let name = cx.text(te, b).to_string();
            out.push(Raw {
                span: cx.span(a, b),
                cand: Cand::Person {
                    name,
                    title: Some(title),
                },
            });
            return;
        }
    }
    // A title run with nothing after it ("the President said") is a role mention.
    if (a..b).all(|k| {
        gaz.is_title(w[k].text)
            || cx.in_country[k]
            || w[k].text == "of"
            || w[k].text == "Prime"
            || w[k].text == "Foreign"
            || w[k].text == "Vice"
    }) && gaz.is_title(last.text)
    {
        push_role(cx, a, b, out);
        return;
    }

    let all_name = (a..b).all(|k| {
        name_like(&w[k], gaz) || (k > a && w[k].text.len() <= 2 && w[k].text.ends_with('.'))
    });
    // lower-case role before the run
    if all_name && n <= 4 {
        if let Some((s, title)) = cx.title_before(a) {
            let name = cx.text(a, b).to_string();
            out.push(Raw {
                span: cx.span(s, b),
                cand: Cand::Person {
                    name,
                    title: Some(title),
                },
            });
            return;
        }
    }
    if all_name && (2..=4).contains(&n) {
        // "North Carolina", "West Bank": compass words head place names, not given names
        let given = gaz.is_given_name(w[a].text)
            && !cx.in_country[a]
            && !matches!(w[a].text, "North" | "South" | "East" | "West");
        let hyphen = (a + 1..b).any(|k| is_hyphen_given(w[k].text));
        let reporting = cx.reporting_after(b) || cx.according_before(a) || appositive_title(cx, b);
        let no_country = (a..b).all(|k| !cx.in_country[k]);
        // reporting alone: "Zhang Wei said" is a person, "Radio Free Asia reported" is not
        if no_country && (given || hyphen || (reporting && n == 2)) {
            let title = appositive(cx, b);
            out.push(Raw {
                span: cx.span(a, b),
                cand: Cand::Person {
                    name: cx.text(a, b).to_string(),
                    title,
                },
            });
            return;
        }
    }
    if n == 1 {
        let t = w[a].text;
        // "the North" is read by `lower_roles`
        if matches!(t, "North" | "South") && a > 0 && w[a - 1].text.eq_ignore_ascii_case("the") {
            return;
        }
        if w[a].upper && t.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            out.push(Raw {
                span: cx.span(a, b),
                cand: Cand::Single {
                    name: t.to_string(),
                    reporting: false,
                },
            });
            return;
        }
        if name_like(&w[a], gaz) {
            let reporting = cx.reporting_after(b) || cx.according_before(a);
            out.push(Raw {
                span: cx.span(a, b),
                cand: Cand::Single {
                    name: t.to_string(),
                    reporting,
                },
            });
        }
        return;
    }
    // Unclassified multi-word run cited as a source ("according to Voice of America",
    // "Radio Free Asia reported"): an organisation.
    if (cx.according_before(a) || cx.reporting_after(b))
        && (a..b).all(|k| !cx.in_country[k] || w[k].text == "of" || k > a)
        && !cx.in_country[a]
    {
        out.push(Raw {
            span: cx.span(a, b),
            cand: Cand::Org {
                name: cx.text(a, b).to_string(),
            },
        });
        return;
    }
    // Otherwise it may be a shortened organisation ("Security Council").
    out.push(Raw {
        span: cx.span(a, b),
        cand: Cand::Partial {
            name: cx.text(a, b).to_string(),
        },
    });
    // and country forms inside it are still mentions ("Brazil Russia India" lists are split by commas anyway)
}

/// "Zhang Wei, a professor at ..." / "Zhang Wei, the ministry's spokesman": an appositive
/// with a role noun right after the name.
fn appositive_title(cx: &Ctx, b: usize) -> bool {
    appositive(cx, b).is_some()
}

/// The role words of an appositive after a name: "Zhang Wei, a professor at ..." -> "professor",
/// "Lee, the ministry's chief spokesman," -> "ministry's chief spokesman".
fn appositive(cx: &Ctx, b: usize) -> Option<String> {
    let w = &cx.w;
    if b == 0 || b >= w.len() || w[b - 1].joined || w[b - 1].poss {
        return None;
    }
    let after = &cx.body[w[b - 1].span.end..w[b].span.start];
    if after.trim() != "," {
        return None;
    }
    let s = w[b].sentence;
    let det = w[b].text;
    let start = if matches!(det, "a" | "an" | "the") {
        b + 1
    } else {
        b
    };
    if !matches!(
        det,
        "a" | "an" | "the" | "chief" | "head" | "director" | "former" | "senior"
    ) {
        return None;
    }
    let k = (start..(b + 6).min(w.len()))
        .take_while(|&k| w[k].sentence == s)
        .find(|&k| !w[k].cap && cx.gaz.is_title(w[k].text))?;
    // only role words in between: no verbs or clauses ("a man who ...")
    if (start..k).any(|j| !w[j].joined || is_function_capitalised(w[j].text)) {
        return None;
    }
    Some(cx.text(start, k + 1).to_string())
}

fn push_role(cx: &Ctx, a: usize, b: usize, out: &mut Vec<Raw>) {
    let w = &cx.w;
    // only definite references ("the president", "the Russian president") refer back
    if a == 0 || !w[a - 1].text.eq_ignore_ascii_case("the") || w[a - 1].sentence != w[a].sentence {
        return;
    }
    let noun = w[b - 1].text.to_lowercase();
    out.push(Raw {
        span: cx.span(a - 1, b),
        cand: Cand::Role {
            noun,
            qual: qualifier(cx, a, b - 1),
        },
    });
}

/// The country a role phrase names ("the Russian president" -> the country index of "Russian").
fn qualifier(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    (a..b).find_map(|k| cx.country_at[k].map(|(_, pid)| cx.gaz.patterns[pid].country))
}

/// Lower-case "the spokesman" / "the president" not followed by a name; "the North".
fn lower_roles(cx: &Ctx, out: &mut Vec<Raw>) {
    let w = &cx.w;
    for i in 1..w.len() {
        let t = &w[i];
        if matches!(t.text, "North" | "South")
            && w[i - 1].text.eq_ignore_ascii_case("the")
            && w[i - 1].joined
            && w[i - 1].sentence == t.sentence
            && !cx.shouting[i]
        {
            let next_cap = t.joined && w.get(i + 1).is_some_and(|n| n.cap);
            if !next_cap {
                out.push(Raw {
                    span: t.span,
                    cand: Cand::Compass {
                        word: t.text.to_string(),
                    },
                });
            }
        }
    }
    for i in 1..w.len() {
        let t = &w[i];
        if t.cap || !cx.gaz.is_title(t.text) || w[i - 1].sentence != t.sentence {
            continue;
        }
        // followed by a capitalised name: handled as a title chain
        if t.joined && w.get(i + 1).is_some_and(|n| n.cap) {
            continue;
        }
        // "the spokesman", "the foreign minister", "the ministry's spokesman"
        let mut s = i;
        while s > 0
            && s + 3 > i
            && w[s - 1].sentence == t.sentence
            && !w[s - 1].cap
            && w[s - 1].joined
            && !is_function_capitalised(w[s - 1].text)
        {
            s -= 1;
        }
        if s > 0
            && w[s - 1].text.eq_ignore_ascii_case("the")
            && w[s - 1].joined
            && w[s - 1].sentence == t.sentence
        {
            out.push(Raw {
                span: cx.span(s - 1, i + 1),
                cand: Cand::Role {
                    noun: t.text.to_lowercase(),
                    qual: qualifier(cx, s, i),
                },
            });
        }
    }
}

// ------------------------------------------------------------------ clustering

#[derive(Debug)]
struct Ent {
    name: String,
    kind: ActorKind,
    key: Option<String>,
    forms: Vec<String>,
    titles: Vec<String>,
    /// Name tokens (keys) for surname matching.
    tokens: Vec<String>,
}

impl Ent {
    fn add_form(&mut self, f: &str) {
        if !self.forms.iter().any(|x| x == f) {
            self.forms.push(f.to_string());
        }
    }
    fn add_title(&mut self, t: &str) {
        let t = t.trim();
        if !t.is_empty() && !self.titles.iter().any(|x| x == t) {
            self.titles.push(t.to_string());
        }
    }
}

/// Finds the actors of one document: entities (ordered by first mention) and their
/// mentions (sorted by `span.start`).
pub fn recognise(body: &str, seg: &Segmented, gaz: &Gazetteer) -> (Vec<Entity>, Vec<Mention>) {
    let w = words(body, seg);
    if w.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // Headlines in capitals: every word looks like a name; only the gazetteer reads them.
    let mut sent_words: Vec<(usize, usize)> = vec![(0, 0); seg.sentences.len()];
    for x in &w {
        let e = &mut sent_words[x.sentence];
        e.0 += 1;
        if x.upper {
            e.1 += 1;
        }
    }
    let shouting: Vec<bool> = w
        .iter()
        .map(|x| sent_words[x.sentence])
        .map(|(n, u)| n >= 3 && u * 2 > n)
        .collect();

    // Country forms: one automaton pass, kept only on word boundaries.
    let mut country_at = vec![None; w.len()];
    let mut in_country = vec![false; w.len()];
    let mut org_at = vec![None; w.len()];
    let mut premod = std::collections::BTreeSet::new();
    for m in gaz.matcher.find_iter(body) {
        let (s, e) = (m.start(), m.end());
        if body[..s]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '.')
            || body[e..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '-')
        {
            continue;
        }
        let wi = w.partition_point(|x| x.span.start < s);
        if wi >= w.len() || w[wi].span.start != s {
            continue;
        }
        let mut wj = wi;
        while wj < w.len() && w[wj].span.end <= e {
            wj += 1;
        }
        if wj == wi || w[wj - 1].span.end != e {
            // the match ends inside a word ("U.S" of a longer token): not a whole-word form
            continue;
        }
        // a bare code used as a premodifier ("US Secretary of State", "UK Foreign Office")
        // shows the document uses it as the country's code
        if wj < w.len()
            && w[wj - 1].joined
            && w[wj].cap
            && !w[wj].upper
            && !shouting[wi]
            && gaz.patterns[m.pattern().as_usize()].form != CountryForm::Organisation
            && (2..=3).contains(&(e - s))
            && body[s..e].chars().all(|c| c.is_ascii_uppercase())
        {
            // a code that is also an English word ("US", "IT", "ME") needs a role or
            // organisation noun after it: "US Secretary of State", "US Department"
            let word = crate::lexicon::CODE_WORDS.contains(&&body[s..e]);
            if !word || gaz.is_title(w[wj].text) || gaz.is_org_head(w[wj].text) {
                premod.insert(gaz.patterns[m.pattern().as_usize()].country);
            }
        }
        if gaz.patterns[m.pattern().as_usize()].form == CountryForm::Organisation {
            org_at[wi] = Some((wj, m.pattern().as_usize()));
            continue;
        }
        country_at[wi] = Some((wj, m.pattern().as_usize()));
        for f in in_country.iter_mut().take(wj).skip(wi) {
            *f = true;
        }
    }
    let cx = Ctx {
        body,
        w,
        gaz,
        country_at,
        in_country,
        org_at,
        shouting,
    };

    let mut raws: Vec<Raw> = Vec::new();
    for (a, b) in runs(&cx) {
        classify(&cx, a, b, &mut raws);
    }
    // Country forms inside capitals headlines and inside runs not classified as a whole
    // (e.g. "Brazil Russia" without commas) are still country mentions.
    // (sorted by start with the running maximum of the ends: one binary search per form)
    let mut covered: Vec<Span> = raws.iter().map(|r| r.span).collect();
    covered.sort_by_key(|c| c.start);
    let reach: Vec<usize> = covered
        .iter()
        .scan(0usize, |m, c| {
            *m = (*m).max(c.end);
            Some(*m)
        })
        .collect();
    for i in 0..cx.w.len() {
        if let Some((e, pid)) = cx.country_at[i] {
            let sp = cx.span(i, e);
            // a covered span overlaps `sp` iff it starts before `sp` ends and ends after `sp` starts
            let k = covered.partition_point(|c| c.start < sp.end);
            if k > 0 && reach[k - 1] > sp.start {
                continue;
            }
            let p = gaz.patterns[pid];
            let via = match p.form {
                CountryForm::Name => MentionViaOrd::Name,
                CountryForm::Code => MentionViaOrd::Alias,
                _ => continue,
            };
            raws.push(Raw {
                span: sp,
                cand: Cand::Country {
                    country: p.country,
                    via,
                },
            });
        }
    }
    // Country forms at the start of a title or organisation run are mentions too only
    // when the run is a person ("Chinese President Xi") - no: that is a title. Skip.
    lower_roles(&cx, &mut raws);
    raws.sort_by(|x, y| {
        x.span
            .start
            .cmp(&y.span.start)
            .then(y.span.end.cmp(&x.span.end))
    });
    // drop raws nested in an earlier longer one
    let mut kept: Vec<Raw> = Vec::new();
    for r in raws {
        if kept.last().is_some_and(|k: &Raw| k.span.overlaps(r.span)) {
            continue;
        }
        kept.push(r);
    }
    resolve(&cx, kept, premod)
}

fn resolve(
    cx: &Ctx,
    raws: Vec<Raw>,
    premod: std::collections::BTreeSet<usize>,
) -> (Vec<Entity>, Vec<Mention>) {
    let gaz = cx.gaz;
    let body = cx.body;
    let mut ents: Vec<Ent> = Vec::new();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    // mention: (span, entity, via)
    let mut ms: Vec<(Span, usize, MentionVia)> = Vec::new();
    // bare codes ("US", "NK") need another form of the same country in the document
    let mut named_countries = premod;
    for r in &raws {
        if let Cand::Country { country, .. } = r.cand {
            let t = r.span.text(body);
            if !is_bare_code(t) {
                named_countries.insert(country);
            }
        }
    }

    // Pass 1: full names (countries, multi-word persons, organisations).
    for r in &raws {
        match &r.cand {
            Cand::Country { country, via } => {
                let t = r.span.text(body);
                if is_bare_code(t) && !named_countries.contains(country) {
                    continue;
                }
                let c = &gaz.countries[*country];
                let key = c.key();
                let e = *by_key.entry(key.clone()).or_insert_with(|| {
                    ents.push(Ent {
                        name: c.name.clone(),
                        kind: ActorKind::Country,
                        key: Some(key.clone()),
                        forms: vec![],
                        titles: vec![],
                        tokens: vec![],
                    });
                    ents.len() - 1
                });
                if t != c.name {
                    ents[e].add_form(t);
                }
                ms.push((r.span, e, via.via()));
            }
            Cand::Person { name, title, .. } if name.split_whitespace().count() >= 2 => {
                let key = format!("person:{}", name_key(name));
                let e = *by_key.entry(key).or_insert_with(|| {
                    ents.push(Ent {
                        name: name.clone(),
                        kind: ActorKind::Person,
                        key: None,
                        forms: vec![],
                        titles: vec![],
                        tokens: name_tokens(name),
                    });
                    ents.len() - 1
                });
                if ents[e].name != *name {
                    // prefer the better-cased spelling seen first; keep the other as alias
                    ents[e].add_form(name);
                }
                if let Some(t) = title {
                    ents[e].add_title(t);
                    let full = r.span.text(body);
                    if full != name {
                        ents[e].add_form(full);
                    }
                }
                ms.push((r.span, e, MentionVia::Name));
            }
            Cand::Org { name } => {
                let e = org_entity(&mut ents, &mut by_key, name);
                ms.push((r.span, e, MentionVia::Name));
            }
            Cand::Named { org, name } => {
                let forms = &gaz.orgs[*org];
                let t = name.as_str();
                // "UN" of a document that also says "UN Security Council" is the UN, a
                // different actor: the key keeps them apart.
                let key = gaz.org_key(*org);
                let e = *by_key.entry(key.clone()).or_insert_with(|| {
                    ents.push(Ent {
                        name: t.to_string(),
                        kind: ActorKind::Organisation,
                        key: Some(key.clone()),
                        forms: vec![],
                        titles: vec![],
                        tokens: name_tokens(&forms[0]),
                    });
                    ents.len() - 1
                });
                // the name is the longest form the document uses
                if name_key(t).len() > name_key(&ents[e].name).len() {
                    let old = std::mem::replace(&mut ents[e].name, t.to_string());
                    ents[e].add_form(&old);
                } else if t != ents[e].name {
                    ents[e].add_form(t);
                }
                let via = if t
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                {
                    MentionVia::Alias
                } else {
                    MentionVia::Name
                };
                ms.push((r.span, e, via));
            }
            _ => {}
        }
    }
    // Pass 2: short forms resolve against the full names anywhere in the document;
    // titled one-word names ("President Obama") first, so a bare "Obama said" finds them.
    // The lookups are indexed (a long document has thousands of names and mentions): the
    // organisations' acronyms and name tails are those of pass 1 (pass 2 adds no
    // multi-word organisation and renames none), and the person mentions by first and
    // last name are kept up to date as mentions are added.
    let mut surnames = Surnames::default();
    for m in &ms {
        surnames.note(&ents, m.0.start, m.1);
    }
    let orgs = OrgIndex::new(&ents);
    let mut order: Vec<&Raw> = raws
        .iter()
        .filter(|r| matches!(r.cand, Cand::Person { .. }))
        .collect();
    order.extend(
        raws.iter()
            .filter(|r| !matches!(r.cand, Cand::Person { .. })),
    );
    for r in order {
        match &r.cand {
            Cand::Person { name, title } if name.split_whitespace().count() < 2 => {
                let e = match surnames.find(name, r.span.start) {
                    Some(e) => e,
                    None => {
                        let key = format!("person:{}", name_key(name));
                        *by_key.entry(key).or_insert_with(|| {
                            ents.push(Ent {
                                name: name.clone(),
                                kind: ActorKind::Person,
                                key: None,
                                forms: vec![],
                                titles: vec![],
                                tokens: name_tokens(name),
                            });
                            ents.len() - 1
                        })
                    }
                };
                if let Some(t) = title {
                    ents[e].add_title(t);
                }
                let via = if ents[e].name == *name {
                    MentionVia::Name
                } else {
                    MentionVia::Alias
                };
                ents[e].add_form(r.span.text(body));
                if name != &ents[e].name {
                    ents[e].add_form(name);
                }
                ms.push((r.span, e, via));
                surnames.note(&ents, r.span.start, e);
            }
            Cand::Single { name, reporting } => {
                let t = name.as_str();
                let upper = t
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                let found = if upper {
                    orgs.short(t)
                } else {
                    surnames.find(t, r.span.start)
                };
                let found =
                    found.or_else(|| by_key.get(&format!("person:{}", name_key(t))).copied());
                if let Some(e) = found {
                    ents[e].add_form(t);
                    let via = if ents[e].name == t {
                        MentionVia::Name
                    } else {
                        MentionVia::Alias
                    };
                    ms.push((r.span, e, via));
                    surnames.note(&ents, r.span.start, e);
                } else if *reporting
                    || (upper && r.span.start >= 4 && body[..r.span.start].ends_with("the "))
                {
                    // "Reuters reported", "according to Yonhap", "the FBI": a cited source
                    let kind = if gaz.is_given_name(t) {
                        ActorKind::Person
                    } else {
                        ActorKind::Organisation
                    };
                    let key = format!(
                        "{}:{}",
                        if kind == ActorKind::Person {
                            "person"
                        } else {
                            "org"
                        },
                        name_key(t)
                    );
                    let e = *by_key.entry(key).or_insert_with(|| {
                        ents.push(Ent {
                            name: t.to_string(),
                            kind,
                            key: None,
                            forms: vec![],
                            titles: vec![],
                            tokens: name_tokens(t),
                        });
                        ents.len() - 1
                    });
                    ms.push((r.span, e, MentionVia::Name));
                    surnames.note(&ents, r.span.start, e);
                } else if let Some(&e) = by_key
                    .get(&format!("org:{}", name_key(t)))
                    .or_else(|| by_key.get(&format!("person:{}", name_key(t))))
                {
                    ms.push((r.span, e, MentionVia::Name));
                    surnames.note(&ents, r.span.start, e);
                }
            }
            Cand::Partial { name } => {
                if let Some(e) = orgs.suffix(name) {
                    ents[e].add_form(name);
                    ms.push((r.span, e, MentionVia::Alias));
                    surnames.note(&ents, r.span.start, e);
                }
            }
            _ => {}
        }
    }
    // Single tokens before a reporting verb that were created in pass 2 after an earlier
    // unresolved use: resolve again so "Reuters ... Reuters said" both count.
    // (Cheap: only Single candidates without a mention yet.)
    let have: std::collections::BTreeSet<usize> = ms.iter().map(|m| m.0.start).collect();
    for r in &raws {
        if let Cand::Single { name, .. } = &r.cand {
            if have.contains(&r.span.start) {
                continue;
            }
            let k = name_key(name);
            if let Some(&e) = by_key
                .get(&format!("org:{k}"))
                .or_else(|| by_key.get(&format!("person:{k}")))
            {
                ms.push((r.span, e, MentionVia::Name));
            }
        }
    }
    // Shortened organisation names seen as organisations on their own ("the Security
    // Council adjourned") join the longer name they end ("UN Security Council"): the
    // first organisation (by index) still having a longer name with that tail. A merged
    // organisation's tokens are cleared, so it is no longer a target; its mentions move
    // (through any later merge of the target too) after the loop.
    let mut tails: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (j, e) in ents.iter().enumerate() {
        if e.kind == ActorKind::Organisation {
            for s in 1..e.tokens.len().saturating_sub(1) {
                tails.entry(e.tokens[s..].to_vec()).or_default().push(j);
            }
        }
    }
    let mut moved: Vec<Option<usize>> = vec![None; ents.len()];
    for i in 0..ents.len() {
        if ents[i].kind != ActorKind::Organisation || ents[i].tokens.len() < 2 {
            continue;
        }
        let target = tails.get(&ents[i].tokens).and_then(|js| {
            js.iter()
                .copied()
                .find(|&j| j != i && ents[j].tokens.len() > ents[i].tokens.len())
        });
        if let Some(j) = target {
            let forms = std::mem::take(&mut ents[i].forms);
            let name = ents[i].name.clone();
            ents[j].add_form(&name);
            for f in forms {
                ents[j].add_form(&f);
            }
            ents[i].tokens.clear();
            moved[i] = Some(j);
        }
    }
    if moved.iter().any(Option::is_some) {
        for m in ms.iter_mut() {
            let mut e = m.1;
            while let Some(j) = moved[e] {
                e = j;
            }
            if e != m.1 {
                m.1 = e;
                m.2 = MentionVia::Alias;
            }
        }
    }
    // "the North": exactly one country of the document is named with the word (and
    // mentioned: the answer per word does not change in this loop).
    let mut mentioned = vec![false; ents.len()];
    for m in &ms {
        mentioned[m.1] = true;
    }
    let mut compass: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    for r in &raws {
        if let Cand::Compass { word } = &r.cand {
            let found = *compass.entry(word.as_str()).or_insert_with(|| {
                let prefix = format!("{word} ");
                let cands: Vec<usize> = (0..ents.len())
                    .filter(|&e| {
                        ents[e].kind == ActorKind::Country
                            && ents[e].name.starts_with(&prefix)
                            && mentioned[e]
                    })
                    .collect();
                if let [e] = cands[..] {
                    Some(e)
                } else {
                    None
                }
            });
            if let Some(e) = found {
                let form = format!("the {word}");
                ents[e].add_form(&form);
                ms.push((r.span, e, MentionVia::Alias));
            }
        }
    }
    // Pass 3: role nouns refer back to the latest person with that title. Titles do not
    // change here: per role (noun, country) the mentions of the fitting persons are listed
    // once, and each role finds the latest one before it by binary search.
    ms.sort_by_key(|m| (m.0.start, m.0.end));
    let mut roles: Vec<(Span, usize, MentionVia)> = Vec::new();
    let mut fitting: BTreeMap<(&str, Option<usize>), Vec<(usize, usize)>> = BTreeMap::new();
    for r in &raws {
        if let Cand::Role { noun, qual } = &r.cand {
            let list = fitting.entry((noun.as_str(), *qual)).or_insert_with(|| {
                // with a country ("the Russian president"), the person's title must name it too
                let forms: Vec<&str> = match qual {
                    Some(c) => {
                        let c = &gaz.countries[*c];
                        std::iter::once(c.name.as_str())
                            .chain(c.demonyms.iter().map(String::as_str))
                            .chain(c.alt.iter().map(String::as_str))
                            .collect()
                    }
                    None => Vec::new(),
                };
                let ok: Vec<bool> = ents
                    .iter()
                    .map(|e| {
                        e.kind == ActorKind::Person
                            && e.titles.iter().any(|t| {
                                t.split_whitespace().any(|x| {
                                    x.eq_ignore_ascii_case(noun) || expand_abbrev(x) == noun
                                }) && (forms.is_empty() || forms.iter().any(|f| t.contains(f)))
                            })
                    })
                    .collect();
                ms.iter()
                    .filter(|m| ok[m.1])
                    .map(|m| (m.0.start, m.1))
                    .collect()
            });
            let k = list.partition_point(|x| x.0 < r.span.start);
            if k > 0 {
                roles.push((r.span, list[k - 1].1, MentionVia::Role));
            }
        }
    }
    ms.extend(roles);

    // Canonical name = the longest person name form (without title).
    for e in ents.iter_mut() {
        if e.kind == ActorKind::Person {
            let mut best = e.name.clone();
            for f in &e.forms {
                let is_name = !e.titles.iter().any(|t| f.contains(t.as_str()))
                    && name_key(f).len() > name_key(&best).len();
                if is_name
                    && f.split_whitespace()
                        .all(|t| t.chars().next().is_some_and(char::is_uppercase))
                {
                    best = f.clone();
                }
            }
            if best != e.name {
                let old = std::mem::replace(&mut e.name, best);
                e.add_form(&old);
            }
        }
    }

    // Renumber entities by first mention; drop entities without mentions.
    let mut first: Vec<Option<usize>> = vec![None; ents.len()];
    for m in &ms {
        let f = &mut first[m.1];
        if f.is_none_or(|x| m.0.start < x) {
            *f = Some(m.0.start);
        }
    }
    let mut order: Vec<usize> = (0..ents.len()).filter(|&i| first[i].is_some()).collect();
    order.sort_by_key(|&i| (first[i], i));
    let mut newi = vec![usize::MAX; ents.len()];
    for (n, &i) in order.iter().enumerate() {
        newi[i] = n;
    }
    let entities: Vec<Entity> = order
        .iter()
        .map(|&i| {
            let e = &ents[i];
            Entity {
                name: e.name.clone(),
                kind: e.kind,
                aliases: e.forms.iter().filter(|f| **f != e.name).cloned().collect(),
                titles: e.titles.clone(),
                key: e.key.clone(),
            }
        })
        .collect();
    let mut mentions: Vec<Mention> = ms
        .into_iter()
        .map(|(span, e, via)| Mention {
            span,
            text: span.text(body).to_string(),
            entity: newi[e],
            via,
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by_key(|m| m.span);
    (entities, mentions)
}

fn is_bare_code(t: &str) -> bool {
    (2..=3).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase())
}

fn org_key(name: &str) -> String {
    // "the"/"The" prefix and dots do not distinguish organisations
    let n = name
        .strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name);
    let ac = acronym(n);
    let last = n
        .split_whitespace()
        .last()
        .map(name_key)
        .unwrap_or_default();
    format!("org:{ac}:{last}")
}

fn org_entity(ents: &mut Vec<Ent>, by_key: &mut BTreeMap<String, usize>, name: &str) -> usize {
    let key = org_key(name);
    let e = *by_key.entry(key.clone()).or_insert_with(|| {
        ents.push(Ent {
            name: name.to_string(),
            kind: ActorKind::Organisation,
            key: None,
            forms: vec![],
            titles: vec![],
            tokens: name_tokens(name),
        });
        ents.len() - 1
    });
    // the longest spelling is the name ("United Nations Security Council" over "UN Security Council")
    if name_key(name).len() > name_key(&ents[e].name).len() {
        let old = std::mem::replace(&mut ents[e].name, name.to_string());
        ents[e].add_form(&old);
    } else if name != ents[e].name {
        ents[e].add_form(name);
    }
    e
}

/// Mentions of the persons a lone first or last name may stand for, by that name's key:
/// mention start -> entity. A person fits when it has a name of two or more tokens whose
/// first or last token is the key.
#[derive(Default)]
struct Surnames(BTreeMap<String, BTreeMap<usize, usize>>);

impl Surnames {
    /// Records a mention of `e` at `start` (the first mention recorded at a start is kept).
    fn note(&mut self, ents: &[Ent], start: usize, e: usize) {
        let x = &ents[e];
        if x.kind == ActorKind::Person && x.tokens.len() >= 2 {
            for t in [&x.tokens[0], &x.tokens[x.tokens.len() - 1]] {
                // (the key is cloned only the first time it is seen)
                match self.0.get_mut(t) {
                    Some(m) => {
                        m.entry(start).or_insert(e);
                    }
                    None => {
                        self.0.insert(t.clone(), BTreeMap::from([(start, e)]));
                    }
                }
            }
        }
    }

    /// A lone token naming a person by first or last name: the person of the nearest
    /// mention at or before `pos`, else of the first after.
    fn find(&self, tok: &str, pos: usize) -> Option<usize> {
        let k = name_key(tok);
        if k.chars().count() < 2 {
            return None;
        }
        let m = self.0.get(&k)?;
        m.range(..=pos)
            .next_back()
            .or_else(|| {
                m.range((std::ops::Bound::Excluded(pos), std::ops::Bound::Unbounded))
                    .next()
            })
            .map(|(_, &e)| e)
    }
}

/// The organisations of pass 1 by acronym and by shortened name, each to the first
/// (lowest index) organisation that has it.
struct OrgIndex {
    /// "UNSC" -> "UN Security Council" (names of two or more words).
    acronyms: BTreeMap<String, usize>,
    /// Name tokens of a shortened name: a proper tail of an organisation's name tokens
    /// ("security council" of "un security council"), or the tokens of one of its forms.
    tails: BTreeMap<Vec<String>, usize>,
}

impl OrgIndex {
    fn new(ents: &[Ent]) -> OrgIndex {
        let mut acronyms = BTreeMap::new();
        let mut tails = BTreeMap::new();
        for (i, e) in ents.iter().enumerate() {
            if e.kind != ActorKind::Organisation {
                continue;
            }
            if e.name.split_whitespace().count() >= 2 {
                acronyms.entry(acronym(&e.name)).or_insert(i);
            }
            for s in 1..e.tokens.len().saturating_sub(1) {
                tails.entry(e.tokens[s..].to_vec()).or_insert(i);
            }
            for f in &e.forms {
                let t = name_tokens(f);
                if t.len() >= 2 {
                    tails.entry(t).or_insert(i);
                }
            }
        }
        OrgIndex { acronyms, tails }
    }

    /// An acronym ("UNSC") of a known organisation.
    fn short(&self, tok: &str) -> Option<usize> {
        let letters: String = tok.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || !letters.chars().all(|c| c.is_uppercase()) {
            return None;
        }
        self.acronyms.get(&letters).copied()
    }

    /// A shortened organisation name: the run is the tail of a known organisation
    /// ("Security Council" of "UN Security Council") or one of its forms.
    fn suffix(&self, name: &str) -> Option<usize> {
        let toks = name_tokens(name);
        if toks.len() < 2 {
            return None;
        }
        self.tails.get(&toks).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::gazetteer;
    use crate::segment::segment;

    fn run(text: &str) -> (Vec<Entity>, Vec<Mention>) {
        let seg = segment(text);
        recognise(text, &seg, gazetteer())
    }

    fn ent<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter().find(|e| e.name == name).unwrap_or_else(|| {
            panic!(
                "no entity {name:?} in {:?}",
                es.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
    }

    fn count(ms: &[Mention], es: &[Entity], name: &str) -> usize {
        let i = es.iter().position(|e| e.name == name).unwrap();
        ms.iter().filter(|m| m.entity == i).count()
    }

    #[test]
    fn title_and_name_split() {
        let (es, _) =
            run("German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.");
        let m = ent(&es, "Angela Merkel");
        assert_eq!(m.kind, ActorKind::Person);
        assert_eq!(m.titles, ["German Chancellor"]);
        assert_eq!(ent(&es, "Emmanuel Macron").titles, ["French President"]);
    }

    #[test]
    fn secretary_of_state() {
        let (es, _) = run("US Secretary of State John Kerry said the talks would go on.");
        let k = ent(&es, "John Kerry");
        assert_eq!(k.titles, ["US Secretary of State"]);
    }

    #[test]
    fn surname_alias_before_and_after() {
        let text = "Merkel spoke first. Later, Chancellor Angela Merkel said the plan would work. Merkel's aides agreed.";
        let (es, ms) = run(text);
        let e = ent(&es, "Angela Merkel");
        assert!(e.aliases.contains(&"Merkel".to_string()));
        assert_eq!(count(&ms, &es, "Angela Merkel"), 3);
        // possessive stripped
        assert!(ms.iter().all(|m| !m.text.ends_with("'s")));
    }

    #[test]
    fn hyphenated_korean_names_and_variants() {
        let text = "Prime Minister Lee Nak-yon arrived. Lee Nak-Yon said the talks were useful. Later Lee Nak Yon left.";
        let (es, ms) = run(text);
        let persons: Vec<&Entity> = es.iter().filter(|e| e.kind == ActorKind::Person).collect();
        assert_eq!(persons.len(), 1, "{persons:?}");
        assert_eq!(persons[0].name, "Lee Nak-yon");
        assert_eq!(ms.len(), 3);
    }

    #[test]
    fn hyphenated_name_without_title() {
        let (es, _) = run("The meeting was chaired by Park Geun-hye on Monday.");
        assert_eq!(ent(&es, "Park Geun-hye").kind, ActorKind::Person);
        assert!(!es.iter().any(|e| e.name == "Monday" || e.name == "The"));
    }

    #[test]
    fn capital_metonym_and_codes() {
        let text =
            "Tokyo and Canberra disagreed. Japan said so, and the U.S. and Australia agreed.";
        let (es, ms) = run(text);
        let j = ent(&es, "Japan");
        assert_eq!(j.kind, ActorKind::Country);
        assert_eq!(j.key.as_deref(), Some("country:JP"));
        assert!(ms
            .iter()
            .any(|m| m.text == "Tokyo" && m.via == MentionVia::Metonym));
        assert!(ms
            .iter()
            .any(|m| m.text == "U.S." && es[m.entity].name == "United States"));
        assert!(ms
            .iter()
            .any(|m| m.text == "Canberra" && es[m.entity].name == "Australia"));
    }

    #[test]
    fn demonym_only_for_the_state() {
        let (es, ms) = run("The French government rejected the plan. French wine exports fell.");
        let f = ent(&es, "France");
        assert_eq!(ms.iter().filter(|m| es[m.entity].name == f.name).count(), 1);
        assert!(ms
            .iter()
            .any(|m| m.text == "French" && m.via == MentionVia::Demonym));
    }

    #[test]
    fn bare_code_needs_another_form() {
        let (es, _) = run("The TV station said nothing.");
        assert!(es.is_empty(), "{es:?}");
        let (es, _) = run("UK officials met. The United Kingdom said the UK would act.");
        assert_eq!(
            es.iter().filter(|e| e.kind == ActorKind::Country).count(),
            1
        );
    }

    #[test]
    fn organisations_and_acronyms() {
        let text = "The UN Security Council met. The U.N. Security Council voted, and the Security Council adjourned. UNSC members left. The Ministry of Foreign Affairs said it would respond.";
        let (es, ms) = run(text);
        let orgs: Vec<&Entity> = es
            .iter()
            .filter(|e| e.kind == ActorKind::Organisation)
            .collect();
        assert_eq!(orgs.len(), 2, "{orgs:?}");
        assert_eq!(orgs[0].name, "UN Security Council");
        let c = count(&ms, &es, "UN Security Council");
        assert_eq!(c, 4);
        assert!(es.iter().any(|e| e.name == "Ministry of Foreign Affairs"));
    }

    #[test]
    fn org_with_country_prefix() {
        let (es, _) = run("Data from the U.S. Energy Information Administration showed a rise.");
        assert_eq!(
            ent(&es, "U.S. Energy Information Administration").kind,
            ActorKind::Organisation
        );
    }

    #[test]
    fn no_false_actors_from_sentence_starts() {
        let (es, _) = run("However, the talks ended. According to reports, nothing changed. In January prices fell. On Wednesday they met.");
        assert!(
            es.is_empty(),
            "{:?}",
            es.iter().map(|e| &e.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn lower_case_role_before_name_and_role_back_reference() {
        let text = "Foreign ministry spokesman Hua Chunying said the talks were useful. The spokesman added that more were planned.";
        let (es, ms) = run(text);
        let h = ent(&es, "Hua Chunying");
        assert_eq!(h.titles, ["Foreign ministry spokesman"]);
        assert!(ms.iter().any(|m| m.text == "The spokesman"
            && m.via == MentionVia::Role
            && es[m.entity].name == "Hua Chunying"));
    }

    #[test]
    fn reporting_subject_single_token() {
        let (es, _) = run("Reuters reported the shipments, citing customs data.");
        assert_eq!(ent(&es, "Reuters").kind, ActorKind::Organisation);
    }

    #[test]
    fn appositive_makes_a_person() {
        let (es, _) = run("Wang Hao, a professor at Fudan University, disagreed.");
        assert_eq!(ent(&es, "Wang Hao").kind, ActorKind::Person);
        assert_eq!(ent(&es, "Wang Hao").titles, ["professor"]);
        assert_eq!(ent(&es, "Fudan University").kind, ActorKind::Organisation);
    }

    #[test]
    fn abbreviated_rank_is_the_role_noun() {
        let (es, ms) = run("Sen. Jane Doe spoke on Monday. The senator said the bill would pass.");
        let m = ms
            .iter()
            .find(|m| m.via == MentionVia::Role)
            .expect("role mention");
        assert_eq!(es[m.entity].name, "Jane Doe");
    }

    #[test]
    fn role_with_country_picks_the_matching_person() {
        let text = "French President Emmanuel Macron met German Chancellor Olaf Scholz and Brazilian President Lula da Silva. The French president said little.";
        let (es, ms) = run(text);
        let m = ms
            .iter()
            .find(|m| m.via == MentionVia::Role)
            .expect("role mention");
        assert_eq!(es[m.entity].name, "Emmanuel Macron");
    }

    #[test]
    fn the_north_is_the_compass_country_of_the_document() {
        let (es, ms) = run("South Sudan and Sudan talked. The leaders of the South said no.");
        let m = ms
            .iter()
            .find(|m| m.text == "South")
            .expect("compass mention");
        assert_eq!(es[m.entity].name, "South Sudan");
        let (_, ms) = run("South Sudan and South Africa talked. The leaders of the South said no.");
        assert!(!ms.iter().any(|m| m.text == "South"));
    }

    #[test]
    fn state_organs_stand_for_the_state() {
        let (es, ms) = run("The Japanese Ministry of Foreign Affairs said the plan was wrong. The Japanese Foreign Ministry agreed.");
        let j = ent(&es, "Japan");
        assert_eq!(es.len(), 1, "{es:?}");
        assert!(j
            .aliases
            .contains(&"Japanese Ministry of Foreign Affairs".to_string()));
        assert!(ms.iter().all(|m| m.via == MentionVia::Metonym));
    }

    #[test]
    fn bracketed_acronym_and_cited_sources() {
        let (es, _) = run("\u{201C}Sanctions must go on,\u{201D} the (EU) Foreign Affairs Council said, according to Radio Free Asia.");
        assert!(
            es.iter().any(
                |e| e.name == "EU Foreign Affairs Council" && e.kind == ActorKind::Organisation
            ),
            "{es:?}"
        );
        assert_eq!(ent(&es, "Radio Free Asia").kind, ActorKind::Organisation);
    }

    #[test]
    fn bare_code_validated_by_premodifier_use() {
        let (es, ms) =
            run("UK Foreign Secretary Jane Doe spoke. Officials studied the UK\u{2019} draft.");
        assert!(ms.iter().filter(|m| m.text == "UK").count() == 1, "{ms:?}");
        assert_eq!(ent(&es, "United Kingdom").kind, ActorKind::Country);
    }

    #[test]
    fn compound_adjectives_are_not_names() {
        let (es, _) = run("Several Panama-flagged tankers and Russian-made engines arrived.");
        assert!(es.iter().all(|e| e.kind != ActorKind::Person), "{es:?}");
    }

    #[test]
    fn entity_at_finds_mentions() {
        let text = "President Emmanuel Macron met Angela Merkel.";
        let (es, ms) = run(text);
        let pos = text.find("Merkel").unwrap();
        let m = entity_at(&ms, pos).unwrap();
        assert_eq!(es[m.entity].name, "Angela Merkel");
        assert!(entity_at(&ms, text.find("met").unwrap()).is_none());
        assert_eq!(mentions_in(&ms, Span::new(0, text.len())).len(), 2);
    }

    #[test]
    fn acronym_forms() {
        assert_eq!(acronym("UN Security Council"), "UNSC");
        assert_eq!(acronym("U.N. Security Council"), "UNSC");
        assert_eq!(acronym("United Nations Security Council"), "UNSC");
        assert_eq!(name_key("Dae-Jung"), name_key("Dae Jung"));
    }

    proptest::proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,200}") {
            let seg = segment(&s);
            let (es, ms) = recognise(&s, &seg, gazetteer());
            for m in &ms {
                proptest::prop_assert!(m.span.start <= m.span.end && m.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                proptest::prop_assert!(m.entity < es.len());
                proptest::prop_assert_eq!(&m.text, m.span.text(&s));
            }
            proptest::prop_assert!(ms.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        }

        #[test]
        fn spans_are_valid_on_namey_text(s in "((President|Mr\\.|the|U\\.S\\.|Kim|Dae-jung|Moscow|Ministry|of|said|Security|Council|UN|’s|,|\\.|\"|\n) ){0,40}") {
            let seg = segment(&s);
            let (es, ms) = recognise(&s, &seg, gazetteer());
            for m in &ms {
                proptest::prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end) && m.span.end <= s.len());
                proptest::prop_assert!(m.entity < es.len());
            }
        }
    }
}
