//! Figure (quantity) recognition: money, percentages, measured quantities, rates,
//! multipliers, counts, ordinals and durations in English news text.
//!
//! Why a hand-written scanner rather than one big regex: a news figure is a number
//! plus context on both sides — an approximation or change word before it ("nearly",
//! "rose"), a currency sign glued to it ("US$", "€", "RM"), a scale word ("million",
//! "bn"), a unit ("barrels", "km/h", "per cent"), a rate ("a day", "per year") and
//! possibly a second number making a range ("3 to 5 percent"). Each of those is a
//! small, separately testable step around a number found by one compiled regex.
//!
//! What is *not* a figure matters as much: dates ("July 4", "Sept. 6, 2017"),
//! years ("in 2020"), clock times ("7:36 AM"), scores ("2-1"), phone numbers and
//! identifiers ("Section 427", "iPhone 11") are recognised and skipped, because
//! comparing figures across sources is only useful if the figures are quantities.
//!
//! Numbers are digits, spelled-out words, vague amounts ("dozens of"), fractions
//! ("a third", "1/8 of a gallon") and scientific notation ("6.67×10−11"). What a count
//! counts follows English noun-phrase grammar rather than a list: a singular noun
//! between a count and its head is the unit ("a 40 page report"), a modifier between
//! the determiner and the count belongs to the noun ("the top five teams"), and
//! coordinated modifiers share one plural head ("300 Ford and Toyota trucks"). A
//! number written bare in a sentence borrows the unit the sentence already gave
//! (skipping conversions in parentheses), or the unit of the total it is a part of.
//!
//! Units come from data (quantulum3's unit list, a few of pint's, ISO 4217
//! currencies), see [`lexicon`]. Units are reported as quantulum3's singular names ("kilometre",
//! "mile per hour"), currencies as ISO codes, `percent`, `percentage point`,
//! `times` for multipliers, `ordinal`, or the counted noun ("official").

mod lexicon;

use crate::model::{Figure, Segmented, Span};
use lexicon::LEX;
use regex::Regex;
use std::sync::LazyLock;

/// Digits (with thousands separators and decimals), or spelled-out numbers.
static NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
        (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        |(?i:\b(?P<frac>half|a\ third|one[\ -]third|two[\ -]thirds|a\ quarter|one[\ -](?:fourth|quarter)|three[\ -]quarters)\b)
        |(?i:\b(?P<words>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?
            |zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\ dozen|a\ (?:hundred|thousand|million|billion))
            (?:[\ -](?:(?:hundred|thousand|million|billion|trillion|and)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b)*)\b)
        |(?i:\b(?P<vague>dozens|hundreds|thousands|tens\ of\ thousands|hundreds\ of\ thousands|millions|tens\ of\ millions|billions)\ of\b)
        |(?i:\b(?P<fold>two|three|four|five|six|seven|eight|nine|ten|\d+)-?fold\b)
        |(?i:\b(?P<mult>doubled|doubling|tripled|tripling|trebled|quadrupled|twice\ as)\b)
        |(?i:\b(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth)\b))",
    )
    .unwrap()
});

/// Markers just before a number: approximation and comparison words, then
/// change verbs; matched against the text that precedes the number.
static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?P<m>about|around|roughly|approximately|approx\.?|nearly|almost|some|an\ estimated|estimated|close\ to|circa|just\ over|well\ over|more\ than|over|above|at\ least|upwards\ of|in\ excess\ of|exceeding|greater\ than|higher\ than|lower\ than|less\ than|under|below|up\ to|fewer\ than|no\ more\ than|at\ most|as\ many\ as|as\ much\ as|just\ under|almost|sub|minus)[\s-]+$",
    )
    .unwrap()
});
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?P<v>up|rose|rise|rises|risen|rising|increased|increase|increases|increasing|grew|grow|grows|growing|gained|gain|gains|gaining|climbed|climbs|jumped|jumps|added|adds|surged|surges|advanced|advancing|soared|rallied|lifted|higher|down|fell|fall|falls|falling|fallen|dropped|drops|dropping|declined|declines|decreased|lost|loses|losing|slid|slides|slipped|shed|sheds|tumbled|tumbles|plunged|plunges|slumped|eased|eases|sank|dipped|lower|cut|cuts|shrank|contracted|drop|climb|jump|slide|slip|plunge|dip|decline|decrease|rally|soar|surge|tumble|gaining|advance|advances|added|lose)\s+(?:by\s+)?(?:a\s+|an\s+)?$",
    )
    .unwrap()
});

/// Periods stated after a figure.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[^.;:!?]{0,60}?(?-u:\b)(?P<p>
          (?:in|during|for|over|within)\s+(?:the\s+)?(?:first|second|third|fourth|last|past|previous|next|same)\s+(?:[A-Za-z]+\s+){0,2}?(?:months?|quarters?|years?|weeks?|days?|half|period)(?:\s+(?:of\s+)?(?:this|last|the|next)\s+year)?(?:\s+of\s+(?:19|20)\d\d)?
          |(?:in|during|for)\s+(?:the\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d
          |(?:last|this|next|a)\s+(?:year|month|week|quarter)(?:\s+(?:earlier|ago))?
          |(?:year|month|quarter)[\s-]on[\s-](?:year|month|quarter)
          |on[\s-]year|annually|a\s+year\s+(?:earlier|ago|before)
          |since\s+(?:19|20)\d\d)(?-u:\b)",
    )
    .unwrap()
});

/// Phone numbers (never figures). ASCII word boundaries: with a Unicode `\b` the regex
/// crate's lazy DFA gives up at the first non-ASCII byte of the text and this scan over
/// every sentence ran on the slow PikeVM (5% of the whole pipeline).
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\(\d{3}\)\s?|(?-u:\b)\d{3}[-. ])\d{3}[-. ]\d{4}(?-u:\b)").unwrap()
});

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Words after which a bare number is a label, not a quantity ("Section 427", "Game 7").
const LABEL_WORDS: &[&str] = &[
    "no",
    "number",
    "version",
    "level",
    "category",
    "phase",
    "grade",
    "stage",
    "tier",
    "page",
    "chapter",
    "article",
    "section",
    "room",
    "gate",
    "platform",
    "route",
    "highway",
    "flight",
    "channel",
    "episode",
    "season",
    "round",
    "game",
    "row",
    "seat",
    "lane",
    "exit",
    "apartment",
    "suite",
    "box",
    "item",
    "step",
    "figure",
    "table",
    "question",
    "rule",
    "part",
    "act",
    "volume",
    "vol",
    "issue",
    "model",
    "district",
    "ward",
    "unit",
    "week",
    "day",
    "match",
    "track",
    "line",
    "bus",
    "pier",
    "terminal",
    "hole",
    "lap",
    "stage",
    "division",
    "class",
    "type",
    "size",
    "code",
];

/// Words that end a counted noun phrase (function words, auxiliaries, common verbs
/// and adverbs): "13,000 workers in" -> "workers".
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "said",
    "says",
    "say",
    "as",
    "if",
    "so",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "not",
    "no",
    "up",
    "down",
    "out",
    "off",
    "into",
    "over",
    "under",
    "about",
    "after",
    "before",
    "since",
    "until",
    "while",
    "when",
    "where",
    "there",
    "here",
    "then",
    "now",
    "ago",
    "later",
    "earlier",
    "more",
    "less",
    "most",
    "least",
    "each",
    "per",
    "also",
    "just",
    "only",
    "even",
    "still",
    "yet",
    "all",
    "both",
    "other",
    "such",
    "very",
    "too",
    "again",
    "ahead",
    "away",
    "back",
    "last",
    "next",
    "come",
    "came",
    "go",
    "went",
    "get",
    "got",
    "make",
    "made",
    "take",
    "took",
    "rose",
    "fell",
    "left",
    "including",
    "against",
    "between",
    "through",
    "during",
    "without",
    "within",
    "among",
    "like",
    "per",
    "cent",
    "percent",
    "times",
    "or",
    "nor",
    "either",
    "neither",
    "whether",
    "what",
    "how",
    "why",
    "any",
    "some",
    "many",
    "much",
    "few",
    "several",
    "same",
    "another",
    "ones",
    "vs",
    "versus",
    "via",
    "toward",
    "towards",
    "upon",
    "across",
    "behind",
    "beyond",
    "along",
    "around",
    "near",
    "above",
    "below",
    "outside",
    "inside",
    "instead",
    "already",
    "ever",
    "never",
    "always",
    "often",
    "usually",
    "respectively",
    "apiece",
    "each",
    "altogether",
    "overall",
    "total",
    "straight",
    "consecutive",
    "previous",
    "following",
    "higher",
    "lower",
    "former",
    "first",
    "second",
    "third",
];

const STREET: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "way",
    "lane",
    "drive",
    "boulevard",
    "blvd",
    "place",
    "court",
];

/// Recognise the figures of a document, sentence by sentence.
pub fn recognise(body: &str, seg: &Segmented) -> Vec<Figure> {
    // Work paragraph by paragraph so that context cut by a sentence split after an
    // abbreviation ("Oct. 31") is still seen; each figure gets its sentence index.
    let mut out = Vec::new();
    let mut by_par: Vec<Vec<(usize, Span)>> = vec![Vec::new(); seg.paragraphs.len()];
    for (i, s) in seg.sentences.iter().enumerate() {
        if let Some(v) = by_par.get_mut(s.paragraph) {
            v.push((i, s.span));
        }
    }
    for (pi, p) in seg.paragraphs.iter().enumerate() {
        if p.end > body.len() || !body.is_char_boundary(p.start) || !body.is_char_boundary(p.end) {
            continue;
        }
        let sents = &by_par[pi];
        if sents.is_empty() {
            continue;
        }
        sentence_figures(body, p.start, &body[p.start..p.end], sents, &mut out);
    }
    out
}

/// A number found in the text: where, its value, and what kind of token it was.
#[derive(Clone, Copy, Debug)]
struct Atom {
    start: usize,
    end: usize,
    value: f64,
    high: Option<f64>,
    kind: AtomKind,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum AtomKind {
    Digits,
    Words,
    Vague,
    Fraction,
    Multiplier,
    Ordinal,
}

/// Words that can start a spelled-out number, fraction, multiplier or ordinal.
const FIRST_WORDS: &[&str] = &[
    "zero",
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
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozens",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "billions",
    "half",
    "doubled",
    "doubling",
    "tripled",
    "tripling",
    "trebled",
    "quadrupled",
    "twice",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "twentieth",
];
const AFTER_A: &[&str] = &[
    "dozen", "third", "quarter", "hundred", "thousand", "million", "billion",
];

/// Candidate starts of numbers: the anchored regex runs only there, so the
/// scan costs one pass over the bytes plus a lookup per word.
fn atoms(t: &str) -> Vec<Atom> {
    let b = t.as_bytes();
    let mut v = Vec::new();
    let mut i = 0;
    let mut lower = String::new();
    while i < b.len() {
        let c = b[i];
        let prev = if i == 0 {
            None
        } else {
            t[..i].chars().next_back()
        };
        let cand = if c.is_ascii_digit() {
            !(prev.is_some_and(|p| p.is_ascii_digit())
                || matches!(prev, Some(',') | Some('.')) && i >= 2 && b[i - 2].is_ascii_digit())
        } else if c == b'.' {
            b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !prev.is_some_and(|p| p.is_ascii_digit())
        } else if c.is_ascii_alphabetic() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            if prev.is_some_and(char::is_alphanumeric) {
                i = j;
                continue;
            }
            lower.clear();
            lower.push_str(&t[i..j]);
            lower.make_ascii_lowercase();
            let hit = FIRST_WORDS.contains(&lower.as_str())
                || lower.ends_with("fold")
                || lower == "a" && {
                    let rest = t[j..].trim_start_matches(' ');
                    let w: String = rest
                        .chars()
                        .take_while(char::is_ascii_alphabetic)
                        .collect::<String>()
                        .to_ascii_lowercase();
                    AFTER_A.contains(&w.as_str())
                };
            if !hit {
                i = j;
                continue;
            }
            true
        } else {
            false
        };
        if !cand {
            i += t[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let Some(c) = NUM.captures(&t[i..]) else {
            i += 1;
            while i < b.len() && !t.is_char_boundary(i) {
                i += 1;
            }
            continue;
        };
        let base = i;
        i += c.get(0).unwrap().end().max(1);
        atom_from(&c, base, &mut v);
    }
    v
}

struct Sp {
    s: usize,
    e: usize,
}

fn atom_from(c: &regex::Captures, base: usize, v: &mut Vec<Atom>) {
    {
        let m = c.get(0).unwrap();
        let m = Sp {
            s: base + m.start(),
            e: base + m.end(),
        };
        let (kind, value, high) = if let Some(d) = c.name("digits") {
            let s: String = d.as_str().chars().filter(|&c| c != ',').collect();
            let Ok(x) = s.parse::<f64>() else { return };
            (AtomKind::Digits, x, None)
        } else if let Some(w) = c.name("words") {
            let Some(x) = parse_words(w.as_str()) else {
                return;
            };
            (AtomKind::Words, x, None)
        } else if let Some(w) = c.name("vague") {
            let l = w.as_str().to_ascii_lowercase();
            let (a, b) = match l.as_str() {
                "dozens" => (12.0, 120.0),
                "hundreds" => (100.0, 1000.0),
                "thousands" => (1000.0, 10000.0),
                "tens of thousands" => (10000.0, 100000.0),
                "hundreds of thousands" => (100000.0, 1000000.0),
                "millions" => (1e6, 1e7),
                "tens of millions" => (1e7, 1e8),
                _ => (1e9, 1e10),
            };
            v.push(Atom {
                start: m.s,
                end: base + w.end(),
                value: a,
                high: Some(b),
                kind: AtomKind::Vague,
            });
            return;
        } else if let Some(w) = c.name("frac") {
            let l = w.as_str().to_ascii_lowercase().replace('-', " ");
            let x = match l.as_str() {
                "half" => 0.5,
                "a third" | "one third" => 1.0 / 3.0,
                "two thirds" => 2.0 / 3.0,
                "three quarters" => 0.75,
                _ => 0.25,
            };
            (AtomKind::Fraction, x, None)
        } else if let Some(w) = c.name("fold") {
            let l = w.as_str().to_ascii_lowercase();
            let Some(x) = word_value(&l).or_else(|| l.parse().ok()) else {
                return;
            };
            (AtomKind::Multiplier, x, None)
        } else if let Some(w) = c.name("mult") {
            let l = w.as_str().to_ascii_lowercase();
            let x = if l.starts_with("doubl") || l.starts_with("twice") {
                2.0
            } else if l.starts_with("quad") {
                4.0
            } else {
                3.0
            };
            (AtomKind::Multiplier, x, None)
        } else if let Some(w) = c.name("ord") {
            let x = match w.as_str().to_ascii_lowercase().as_str() {
                "second" => 2.0,
                "third" => 3.0,
                "fourth" => 4.0,
                "fifth" => 5.0,
                "sixth" => 6.0,
                "seventh" => 7.0,
                "eighth" => 8.0,
                "ninth" => 9.0,
                "tenth" => 10.0,
                "eleventh" => 11.0,
                "twelfth" => 12.0,
                _ => 20.0,
            };
            (AtomKind::Ordinal, x, None)
        } else {
            return;
        };
        v.push(Atom {
            start: m.s,
            end: m.e,
            value,
            high,
            kind,
        });
    }
}

fn word_value(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// "twenty-eight thousand six hundred" -> 28600.
fn parse_words(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase();
    let (mut total, mut cur) = (0.0f64, 0.0f64);
    let mut any = false;
    for w in l.split([' ', '-']) {
        match w {
            "a" | "and" | "" => {}
            "hundred" => cur = if cur == 0.0 { 100.0 } else { cur * 100.0 },
            "thousand" | "million" | "billion" | "trillion" => {
                let k = scale_word(w).unwrap();
                total += if cur == 0.0 { 1.0 } else { cur } * k;
                cur = 0.0;
            }
            _ => {
                cur += word_value(w)?;
                any = true;
            }
        }
    }
    any.then_some(total + cur)
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" | "mn" | "mln" | "mil" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        "crore" | "crores" => 1e7,
        "lakh" | "lakhs" => 1e5,
        _ => return None,
    })
}

/// The text before `i`, cut to a short window: the marker regexes are anchored at
/// the end, and scanning whole paragraphs for each number would be quadratic.
/// Returns the window and its offset in `t`.
fn window(t: &str, i: usize) -> (&str, usize) {
    let mut st = i.saturating_sub(48);
    while !t.is_char_boundary(st) {
        st += 1;
    }
    (&t[st..i], st)
}

fn prev_char(t: &str, i: usize) -> Option<char> {
    t[..i].chars().next_back()
}
fn next_char(t: &str, i: usize) -> Option<char> {
    t[i..].chars().next()
}

/// The word (letters, dots, apostrophes) ending right before `i`, skipping spaces.
fn word_before(t: &str, i: usize) -> Option<(usize, &str)> {
    let head = t[..i].trim_end_matches([' ', '\u{a0}']);
    let mut st = head.len();
    for (j, c) in head.char_indices().rev() {
        if c.is_alphanumeric() || c == '.' || c == '&' || c == '\'' {
            st = j;
        } else {
            break;
        }
    }
    (st < head.len()).then(|| (st, &head[st..]))
}

/// Runs of unit-like tokens after `i`: ("km", start, end) ...
fn tokens_after(t: &str, i: usize, n: usize) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut p = i;
    while v.len() < n {
        let rest = &t[p..];
        let mut skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if v.is_empty()
            && skip == 0
            && rest.starts_with('-')
            && rest[1..].starts_with(char::is_alphabetic)
        {
            skip = 1;
        }
        let st = p + skip;
        if v.is_empty() && skip > 1 {
            break;
        }
        if !v.is_empty() && skip != 1 {
            // allow a hyphen separator inside names: "year-old", "barrel-a-day"
            if skip == 0 && t[st..].starts_with('-') {
                let st2 = st + 1;
                let e = token_end(t, st2);
                if e > st2 {
                    v.push((st2, e));
                    p = e;
                    continue;
                }
            }
            break;
        }
        let e = token_end(t, st);
        if e == st {
            break;
        }
        v.push((st, e));
        p = e;
    }
    v
}

fn token_end(t: &str, st: usize) -> usize {
    let mut e = st;
    for (j, c) in t[st..].char_indices() {
        let ok = if j == 0 {
            c.is_alphabetic() || "%‰°µμ″′'\"$€£¥₩₹".contains(c)
        } else {
            c.is_alphanumeric()
                || c == '²'
                || c == '³'
                || c == '.' && t[st + j + 1..].starts_with(|d: char| d.is_alphabetic()) && (j == 1)
        };
        if !ok {
            break;
        }
        e = st + j + c.len_utf8();
        if j == 0 && "%‰″′'\"".contains(c) {
            break;
        }
    }
    // "mph." -> "mph": a trailing dot is punctuation
    while e > st && t[..e].ends_with('.') {
        e -= 1;
    }
    e
}

struct UnitMatch {
    unit: String,
    end: usize,
    currency: bool,
}

/// Longest unit or currency name starting right after a number ending at `i`.
fn unit_after(t: &str, i: usize, glued_only_single: bool) -> Option<UnitMatch> {
    let toks = tokens_after(t, i, LEX.max_words);
    if toks.is_empty() {
        return None;
    }
    let glued = toks[0].0 == i;
    for n in (1..=toks.len()).rev() {
        let (st, en) = (toks[0].0, toks[n - 1].1);
        let raw = &t[st..en];
        let spaced: String = toks[..n]
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect::<Vec<_>>()
            .join(" ")
            .replace('\u{3bc}', "\u{b5}");
        let raw_n = raw.replace('\u{3bc}', "\u{b5}");
        let raw = raw_n.as_str();
        let lower = spaced.to_lowercase();
        if n == 1 {
            // percentages first: "%", "percent", "pc" (glued), "pct"
            match lower.as_str() {
                "%" | "percent" | "pct" => {
                    return Some(UnitMatch {
                        unit: "percent".into(),
                        end: en,
                        currency: false,
                    })
                }
                "pc" if glued => {
                    return Some(UnitMatch {
                        unit: "percent".into(),
                        end: en,
                        currency: false,
                    })
                }
                // share prices in pence: "164p", "down 68 p at"
                "p" if !next_char(t, en).is_some_and(|c| {
                    c.is_alphanumeric()
                        || c == '.' && t[en + 1..].starts_with(char::is_alphanumeric)
                }) =>
                {
                    return Some(UnitMatch {
                        unit: "penny".into(),
                        end: en,
                        currency: false,
                    })
                }
                _ if !spaced.starts_with(char::is_alphanumeric) && spaced.chars().count() == 1 => {
                    // a currency sign written after the amount: "1,200€"
                    if let Some(code) = LEX.cur_pre.get(spaced.as_str()) {
                        return Some(UnitMatch {
                            unit: (*code).into(),
                            end: en,
                            currency: true,
                        });
                    }
                }
                _ => {}
            }
        }
        if n == 2
            && (lower == "per cent" || lower == "percentage point" || lower == "percentage points")
        {
            let unit = if lower == "per cent" {
                "percent"
            } else {
                "percentage point"
            };
            return Some(UnitMatch {
                unit: unit.into(),
                end: en,
                currency: false,
            });
        }
        if let Some(code) = LEX
            .codes
            .get(raw)
            .or_else(|| LEX.codes.get(spaced.as_str()))
        {
            return Some(UnitMatch {
                unit: (*code).into(),
                end: en,
                currency: true,
            });
        }
        if let Some(code) = LEX.cur_post.get(lower.as_str()) {
            // "pounds" alone is a weight unless written with £
            if lower != "pound" && lower != "pounds" {
                return Some(UnitMatch {
                    unit: (*code).into(),
                    end: en,
                    currency: true,
                });
            }
        }
        if let Some(u) = LEX.names.get(lower.as_str()) {
            return Some(UnitMatch {
                unit: (*u).into(),
                end: en,
                currency: false,
            });
        }
        if let Some(u) = LEX
            .symbols
            .get(spaced.as_str())
            .or_else(|| LEX.symbols.get(raw))
        {
            let single = spaced.chars().count() == 1 && !"%‰°″\"".contains(spaced.as_str());
            // "2 R per hour", "2.5 A/cm2": a one-letter symbol starting a rate is a unit
            let rate = n == 1
                && (t[en..].starts_with('/') && t[en + 1..].starts_with(char::is_alphabetic)
                    || t[en..].starts_with(" per "));
            if single
                && !rate
                && (!glued
                    || glued_only_single && next_char(t, en).is_some_and(|c| c.is_alphanumeric()))
            {
                continue;
            }
            if !single || glued || rate {
                return Some(UnitMatch {
                    unit: (*u).into(),
                    end: en,
                    currency: false,
                });
            }
        }
    }
    None
}

/// Currency sign right before `i` ("US$", "$", "€", "HK $", "RM").
fn currency_before(t: &str, i: usize) -> Option<(usize, &'static str)> {
    let head = &t[..i];
    let mut best = None;
    for len in 1..=6 {
        if len > head.len() || !head.is_char_boundary(head.len() - len) {
            continue;
        }
        let st = head.len() - len;
        let cand = &head[st..];
        let key: String = cand.chars().filter(|c| *c != ' ').collect();
        if cand.starts_with(' ') || cand.ends_with("  ") {
            continue;
        }
        let code = LEX.cur_pre.get(key.as_str()).or_else(|| {
            if cand.ends_with(' ') {
                None
            } else {
                LEX.codes.get(key.as_str())
            }
        });
        if let Some(code) = code {
            if prev_char(t, st).is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            // a space is only allowed between a prefix and "$" ("US $") or after a code
            if cand.contains(' ')
                && !(key.ends_with('$') || LEX.codes.contains_key(key.trim_end_matches('$')))
            {
                continue;
            }
            best = Some((st, *code));
        }
    }
    if best.is_none() {
        // ASCII transliterations of currency signs in wire copy: "Y=" (Reuters' yen)
        // and "PS" (unidecode's £), the latter only before an amount that cannot be
        // a product name ("PS6m", "PS21,700", not "PS5").
        static TRANSLIT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:m|bn|k)\b)").unwrap()
        });
        let boundary = |st: usize| !prev_char(t, st).is_some_and(|c| c.is_alphanumeric());
        if head.ends_with("Y=") && boundary(i - 2) {
            best = Some((i - 2, "JPY"));
        } else if head.ends_with("PS") && boundary(i - 2) && TRANSLIT.is_match(&t[i..]) {
            best = Some((i - 2, "GBP"));
        }
    }
    best
}

fn is_currency_code(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.contains(&w.as_str())
}

fn is_time_suffix(t: &str, i: usize) -> bool {
    let r = t[i..].trim_start();
    let l: String = r.chars().take(5).collect::<String>().to_ascii_lowercase();
    (l.starts_with("a.m") || l.starts_with("p.m") || l.starts_with("am") || l.starts_with("pm"))
        && !r
            .chars()
            .nth(2)
            .is_some_and(|c| c.is_alphabetic() && !(l.starts_with("a.m") || l.starts_with("p.m")))
        || [
            "gmt", "utc", "edt", "est", "pdt", "pst", "bst", "cet", "kst", "o'cl",
        ]
        .iter()
        .any(|z| l.starts_with(z) && !r.chars().nth(z.len()).is_some_and(|c| c.is_alphabetic()))
}

fn singular(w: &str) -> String {
    let l = w.to_lowercase();
    if l.len() > 4 && l.ends_with("ies") {
        return format!("{}y", &l[..l.len() - 3]);
    }
    match l.as_str() {
        "children" => return "child".into(),
        "feet" => return "foot".into(),
        "teeth" => return "tooth".into(),
        "mice" => return "mouse".into(),
        "people" | "police" | "staff" | "news" | "series" | "species" => return l,
        _ => {}
    }
    if l.ends_with("men") && l.len() > 4 {
        return format!("{}man", &l[..l.len() - 3]);
    }
    if l.len() > 5 && l.ends_with("uses") {
        return l[..l.len() - 2].to_string();
    }
    if l.len() > 4
        && (l.ends_with("ches") || l.ends_with("shes") || l.ends_with("sses") || l.ends_with("xes"))
    {
        return l[..l.len() - 2].to_string();
    }
    if l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
    {
        return l[..l.len() - 1].to_string();
    }
    l
}

fn is_plural(w: &str) -> bool {
    if w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()) {
        return false; // "US", "GPS"
    }
    let l = w.to_ascii_lowercase();
    l.len() > 2
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
}

/// The word right after `e` when one space separates them.
fn next_word(t: &str, e: usize) -> Option<&str> {
    let r = t[e..].strip_prefix(' ')?;
    let n = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
    (n > 0).then(|| &r[..n])
}

/// Up to three words after a conjunction ending in a plural noun, none a function word.
fn plural_head_ahead(t: &str, mut e: usize) -> bool {
    for _ in 0..3 {
        let Some(w) = next_word(t, e) else {
            return false;
        };
        let wl = w.to_ascii_lowercase();
        if STOP.contains(&wl.as_str())
            || wl.len() > 4 && (wl.ends_with("ed") || wl.ends_with("ing"))
        {
            return false;
        }
        if is_plural(w) {
            return true;
        }
        e += 1 + w.len();
    }
    false
}

/// The counted noun phrase after a number: up to three words, stopping at
/// function words and punctuation. Returns (unit, end).
fn counted_noun(t: &str, i: usize) -> Option<(String, usize)> {
    counted_noun_n(t, i, None)
}

/// [`counted_noun`] knowing the grammatical number the count asks for: `Some(true)`
/// after "one" (a singular head: "one report argues" stops before the verb),
/// `Some(false)` after a larger count (a singular noun before another singular noun
/// is then a modifier that is the unit: "40 page report", "6 cylinder engine").
fn counted_noun_n(t: &str, i: usize, one: Option<bool>) -> Option<(String, usize)> {
    let mut p = i;
    let mut words: Vec<&str> = Vec::new();
    let mut end = i;
    while words.len() < 5 {
        let rest = &t[p..];
        let sp = rest.len() - rest.trim_start_matches(' ').len();
        if sp != 1 && !(sp == 0 && words.is_empty() && rest.starts_with('-')) {
            break;
        }
        let st = p + if sp == 0 { 1 } else { sp };
        let mut e = st;
        for (j, c) in t[st..].char_indices() {
            if c.is_alphabetic()
                || (j > 0
                    && (c == '-' || c == '\'' || c == '’')
                    && t[st + j + c.len_utf8()..].starts_with(char::is_alphabetic))
            {
                e = st + j + c.len_utf8();
            } else {
                break;
            }
        }
        if e == st {
            break;
        }
        let w = &t[st..e];
        let wl = w.to_ascii_lowercase();
        if words.is_empty()
            && [
                "more",
                "additional",
                "extra",
                "further",
                "previous",
                "following",
                "former",
            ]
            .contains(&wl.as_str())
            && next_word(t, e)
                .is_some_and(|n| is_plural(n) && !STOP.contains(&n.to_ascii_lowercase().as_str()))
        {
            // "eight more picks", "50 previous years": the counted thing follows
            p = e;
            continue;
        }
        // "300 Ford and Toyota trucks", "2m digital and print copies": modifiers
        // joined by a conjunction before one plural head noun
        if (wl == "and" || wl == "or")
            && words.last().is_some_and(|l| !is_plural(l))
            && plural_head_ahead(t, e)
        {
            words.push(w);
            p = e;
            continue;
        }
        if STOP.contains(&wl.as_str()) || is_month(w) || wl.ends_with("ly") && wl.len() > 4 {
            break;
        }
        let verbish = wl.len() > 4 && (wl.ends_with("ing") || wl.ends_with("ed"));
        let head_next = || {
            next_word(t, e).is_some_and(|n| {
                is_plural(n)
                    && !STOP.contains(&n.to_ascii_lowercase().as_str())
                    && n.starts_with(char::is_lowercase)
            })
        };
        if words.is_empty() && verbish && wl.ends_with("ed") && head_next() {
            // "120 recorded interviews": a participle before the counted noun is left out
            p = e;
            continue;
        }
        if !words.is_empty() && verbish && wl.ends_with("ing") && head_next() {
            // "900 social housing units": a noun in -ing inside the phrase
        } else if (!words.is_empty() || wl.ends_with("ed")) && verbish {
            break;
        }
        // contractions and possessives ("he's", "wasn't") end the phrase, and so
        // does a capitalised word after a common noun ("one tweet Friday")
        if w.contains(['\'', '’'])
            || words
                .last()
                .is_some_and(|l| l.starts_with(char::is_lowercase) && *l != "and" && *l != "or")
                && w.starts_with(char::is_uppercase)
        {
            break;
        }
        if one == Some(true) && !words.is_empty() && is_plural(w) {
            // "one report argues": after a singular head, a word in -s is a verb
            break;
        }
        words.push(w);
        end = e;
        p = e;
        // a plural noun usually ends the phrase ("workers in ...", "women spoke")
        let acronym = w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase());
        if !acronym && (wl.ends_with('s') && !wl.ends_with("ss") || singular(w) != wl)
            || wl == "people"
        {
            break;
        }
    }
    // "30k cheaper than its rivals": a comparative, not a counted noun
    if words.len() == 1 && t[end..].starts_with(" than ") {
        return None;
    }
    if words.is_empty() {
        return None;
    }
    // "40 yard line", "3 cylinder engine", "12 page document": a singular first
    // noun used as a modifier is the unit
    if words.len() > 1
        && !words[0].ends_with('s')
        && words[0].starts_with(char::is_lowercase)
        && LEX.names.contains_key(words[0])
    {
        let w0 = words[0];
        let e0 = t[i..].find(w0).map(|x| i + x + w0.len()).unwrap_or(end);
        if LEX.names.contains_key(w0) {
            return Some((w0.to_lowercase(), e0));
        }
    }
    if one == Some(false)
        && words.len() > 1
        && words.iter().all(|w| {
            !is_plural(w)
                && w.starts_with(char::is_lowercase)
                && singular(w) == w.to_lowercase()
                && !w.ends_with("ing")
                && !w.ends_with("ed")
                && *w != "and"
                && *w != "or"
        })
    {
        let w0 = words[0];
        let e0 = t[i..].find(w0).map(|x| i + x + w0.len()).unwrap_or(end);
        return Some((w0.to_lowercase(), e0));
    }
    let last = words.len() - 1;
    // "11 Pro Max", "4 Started": a run of capitalised words is a name, not a counted noun
    if words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !(words.len() == 1
            && (words[0].ends_with("ans")
                || words[0].len() <= 5
                    && words[0].ends_with('s')
                    && words[0][..words[0].len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_uppercase())))
    {
        return None;
    }
    // "517 rushing yards": a unit name inside the phrase is the unit
    for (k, w) in words.iter().enumerate().skip(1) {
        if let Some(u) = LEX.names.get(w.to_lowercase().as_str()) {
            let e = t[i..].find(w).map(|x| i + x + w.len()).unwrap_or(end);
            let _ = k;
            return Some((u.to_string(), e));
        }
    }
    if STREET.contains(&words[last].to_ascii_lowercase().as_str()) {
        return None;
    }
    let mut parts: Vec<String> = words[..last].iter().map(|w| w.to_lowercase()).collect();
    parts.push(if words[last].eq_ignore_ascii_case("people") {
        "people".into()
    } else {
        singular(words[last])
    });
    Some((parts.join(" "), end))
}

/// "1/8 of a US gallon": the unit a written fraction is taken of (one qualifier word allowed).
fn fraction_unit(t: &str, i: usize) -> Option<String> {
    static OF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^ of an? (?:[A-Z][A-Za-z.]* )?").unwrap());
    let m = OF.find(&t[i..])?;
    unit_after(t, i + m.end() - 1, true)
        .filter(|u| !u.currency)
        .map(|u| u.unit)
}

/// What a fraction is a fraction of: "a third of the rural population" -> "rural
/// population", "half the apartments" -> "apartment"; `None` for "a third of those asked".
fn fraction_of(t: &str, i: usize) -> Option<String> {
    static OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:\s+of)?(?i:\s+(?:the|its|their|his|her|our|all))?\s").unwrap()
    });
    let m = OF.find(&t[i..])?;
    counted_noun(t, i + m.end() - 1).map(|x| x.0)
}

/// Per-rate after a unit: "per day", "a year", "/day", "annually".
fn per_after(t: &str, i: usize) -> Option<(String, usize)> {
    static PER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?i:(?:\s+|-)(?:per|a|an|each)(?:\s+|-)|\s*/\s*)(?P<u>[A-Za-z][A-Za-z ]{0,20})",
        )
        .unwrap()
    });
    static ADV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:[\s,]+(?P<a>annually|yearly|monthly|weekly|daily|hourly))\b").unwrap()
    });
    if let Some(c) = ADV.captures(&t[i..]) {
        let a = c.name("a").unwrap();
        let u = match a.as_str().to_ascii_lowercase().as_str() {
            "annually" | "yearly" => "year",
            "monthly" => "month",
            "weekly" => "week",
            "daily" => "day",
            _ => "hour",
        };
        return Some((u.into(), i + a.end()));
    }
    let c = PER.captures(&t[i..])?;
    let u = c.name("u").unwrap();
    let base = i + u.start();
    // longest unit name / symbol among the next words, else a single noun
    let toks = tokens_after(t, base, 3);
    // "$4.1 billion a year earlier": a point in time, not a rate
    static AGO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s+(?i:earlier|ago|before|later|prior)\b").unwrap());
    let sep0 = c.get(0).unwrap().as_str().to_ascii_lowercase();
    if !(sep0.contains("per") || sep0.contains('/') || sep0.contains("each"))
        && toks.first().is_some_and(|&(_, e)| AGO.is_match(&t[e..]))
    {
        return None;
    }
    for n in (1..=toks.len()).rev() {
        let spaced: String = toks[..n]
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(un) = LEX
            .names
            .get(spaced.to_lowercase().as_str())
            .or_else(|| LEX.symbols.get(spaced.as_str()))
        {
            if spaced.chars().count() > 1 {
                return Some((un.to_string(), toks[n - 1].1));
            }
        }
    }
    let (a, b) = *toks.first()?;
    let w = &t[a..b];
    let wl = w.to_ascii_lowercase();
    // time symbols after a slash ("km/h", "$/yr"), from quantulum3's time-unit symbols
    let sym = match wl.as_str() {
        "h" | "hr" | "hrs" => Some("hour"),
        "s" | "sec" => Some("second"),
        "min" => Some("minute"),
        "d" => Some("day"),
        "yr" | "y" => Some("year"),
        _ => None,
    };
    if let Some(u) = sym {
        return Some((u.into(), b));
    }
    if STOP.contains(&wl.as_str())
        || !w.chars().all(char::is_alphabetic)
        || w.chars().next().is_some_and(char::is_uppercase)
            && b - a > 1
            && !w.chars().all(char::is_uppercase)
    {
        return None;
    }
    // "a"/"an" + noun is a rate only for time and trading units
    let sep = c.get(0).unwrap().as_str().to_ascii_lowercase();
    let is_per = sep.contains("per") || sep.contains('/') || sep.contains("each");
    let time_like = [
        "day", "year", "month", "week", "hour", "minute", "second", "share", "barrel", "gallon",
        "ounce", "head", "person", "piece", "tonne", "ton", "kilogram", "kilo", "pound", "litre",
        "liter", "night", "game", "season", "quarter", "unit",
    ];
    let sing = singular(w);
    if is_per || time_like.contains(&sing.as_str()) {
        return Some((sing, b));
    }
    None
}

fn sentence_figures(
    body: &str,
    base: usize,
    t: &str,
    sents: &[(usize, Span)],
    out: &mut Vec<Figure>,
) {
    let first = out.len();
    sentence_figures_in(body, base, t, sents, out);
    // "(21450.10 down 120.5 points)": a level followed by its change takes the change's unit
    for k in first + 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.unit == "count"
            && a.sentence == b.sentence
            && a.span.end <= b.span.start
            && a.text.ends_with(|c: char| c.is_ascii_digit())
        {
            let gap = body[a.span.end..b.span.start].trim();
            let b_changes = b.text.starts_with("up ") || b.text.starts_with("down ");
            if (gap.is_empty() && b_changes || gap == "up" || gap == "down")
                && !["count", "percent", "times", "ordinal", "fraction"].contains(&b.unit.as_str())
                && !is_currency_code(&b.unit)
            {
                out[k - 1].unit = out[k].unit.clone();
            }
        }
    }
}

fn sentence_figures_in(
    body: &str,
    base: usize,
    t: &str,
    sents: &[(usize, Span)],
    out: &mut Vec<Figure>,
) {
    let phones: Vec<(usize, usize)> = PHONE.find_iter(t).map(|m| (m.start(), m.end())).collect();
    let atoms = atoms(t);
    let mut consumed_until = 0usize;
    let mut k = 0;
    while k < atoms.len() {
        let a = atoms[k];
        k += 1;
        if a.start < consumed_until {
            continue;
        }
        if phones.iter().any(|&(s, e)| a.start >= s && a.start < e) {
            continue;
        }
        let Some(f) = build(t, &atoms, k - 1, &mut k, false) else {
            continue;
        };
        consumed_until = f.1.end;
        let (mut fig, sp) = (f.0, f.1);
        fig.span = Span::new(base + sp.start, base + sp.end);
        fig.text = t[sp.start..sp.end].to_string();
        let abs = base + sp.start;
        fig.sentence = sents
            .iter()
            .rev()
            .find(|(_, s)| s.start <= abs)
            .unwrap_or(&sents[0])
            .0;
        // period and measure from the surrounding sentence
        if fig.period.is_none() {
            if let Some(c) = PERIOD.captures(&t[sp.end..]) {
                fig.period = Some(c.name("p").unwrap().as_str().to_string());
            }
        }
        if fig.period.is_none() {
            if let Some(p) = fig
                .per
                .as_deref()
                .filter(|p| ["hour", "day", "week", "month", "quarter", "year"].contains(p))
            {
                fig.period = Some(format!("per {p}"));
            }
        }
        if fig.measure.is_none() && fig.unit != "fraction" {
            fig.measure = measure_after(t, sp.end).or_else(|| measure_before(t, sp.start));
        }
        // News elides a repeated unit: "435 homes by open sale and 187 by tender",
        // "rose to $7.4 billion from 6.8 billion". A bare number takes the unit of
        // the previous figure in its sentence.
        let last_word = fig.text.rsplit(' ').next().unwrap_or("");
        let bare = last_word.ends_with(|c: char| c.is_ascii_digit())
            || ["million", "billion", "trillion", "thousand"].contains(&last_word)
            || last_word.starts_with(|c: char| c.is_ascii_digit())
                && ["m", "bn", "k"].iter().any(|s| last_word.ends_with(s));
        if fig.unit == "count" && bare {
            const NO_ELIDE: &[&str] = &[
                "count",
                "times",
                "ordinal",
                "fraction",
                "year of age",
                "month of age",
                "percent",
            ];
            // a conversion in parentheses ("1,200,000 yen ($8,100)") does not lend its unit
            let paren = |p: &Figure| {
                body[..p.span.start].trim_end().ends_with('(')
                    && body[p.span.end..].trim_start().starts_with(')')
            };
            let same: Vec<&Figure> = out
                .iter()
                .rev()
                .take_while(|p| p.sentence == fig.sentence)
                .filter(|p| !paren(p))
                .collect();
            if let Some(prev) = same.first() {
                let directional = |c: &str| c == "up" || c == "down";
                if !NO_ELIDE.contains(&prev.unit.as_str()) {
                    fig.unit = prev.unit.clone();
                    if fig.per.is_none() {
                        fig.per = prev.per.clone();
                    }
                } else if prev.unit == "percent"
                    && directional(&prev.change)
                    && directional(&fig.change)
                {
                    // "exports increased by 3 percent while imports decreased by 2": a second change in percent
                    fig.unit = prev.unit.clone();
                } else if prev.unit == "percent" && fig.change == "=" {
                    // "eased 0.2% to 3,120.5 points, while the other index added 0.4% to
                    // 2,840.7": a level after a percentage change takes the unit of the
                    // sentence's earlier level (not a currency: "$5bn ... rose 2% to 3,000")
                    if let Some(lvl) = same
                        .iter()
                        .skip(1)
                        .find(|p| !NO_ELIDE.contains(&p.unit.as_str()))
                    {
                        if !is_currency_code(&lvl.unit) {
                            fig.unit = lvl.unit.clone();
                            if fig.per.is_none() {
                                fig.per = lvl.per.clone();
                            }
                        }
                    }
                }
            }
        }
        // "lost 190 points, or 0.6%": an apposed figure restates the same change
        if fig.change == "=" {
            if let Some(prev) = out.last().filter(|p: &&Figure| p.sentence == fig.sentence) {
                let (pe, fs) = (prev.span.end, fig.span.start);
                if pe <= fs && (prev.change == "up" || prev.change == "down") {
                    let gap = body[pe..fs].trim().trim_start_matches(',').trim();
                    if gap == "or" || gap == "(" {
                        fig.change = prev.change.clone();
                    }
                }
            }
        }
        out.push(fig);
    }
}

/// "4 million barrels of oil products": the phrase after "of" says what is measured.
fn measure_after(t: &str, i: usize) -> Option<String> {
    let rest = t[i..].strip_prefix(" of ")?;
    let mut words: Vec<&str> = Vec::new();
    for w in rest.split(' ') {
        let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let wl = core.to_ascii_lowercase();
        let det = words.is_empty() && ["the", "its", "their"].contains(&wl.as_str());
        if core.is_empty()
            || !core.chars().all(|c| c.is_alphabetic() || c == '-')
            || !det && STOP.contains(&wl.as_str())
            || is_month(core)
        {
            break;
        }
        if !det {
            words.push(core);
        }
        if core.len() != w.len() || words.len() >= 4 {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// What is measured: the noun phrase before the figure, skipping the verb and
/// prepositions that link it ("crude oil imports rose 5%" -> "crude oil imports").
fn measure_before(t: &str, i: usize) -> Option<String> {
    const LINK: &[&str] = &[
        "by",
        "to",
        "at",
        "of",
        "was",
        "is",
        "were",
        "are",
        "reached",
        "hit",
        "totaled",
        "totalled",
        "stood",
        "amounted",
        "a",
        "an",
        "the",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "some",
        "over",
        "than",
        "more",
        "less",
        "up",
        "down",
        "rose",
        "fell",
        "grew",
        "jumped",
        "dropped",
        "declined",
        "increased",
        "decreased",
        "climbed",
        "gained",
        "lost",
        "slid",
        "from",
        "with",
        "be",
        "been",
        "had",
        "has",
        "have",
        "reported",
        "posted",
        "recorded",
        "just",
        "only",
        "estimated",
        "approximately",
        "record",
    ];
    let mut p = i;
    let mut words: Vec<&str> = Vec::new();
    let mut linking = true;
    for _ in 0..10 {
        let Some((st, w)) = word_before(t, p) else {
            break;
        };
        // stop at punctuation between words
        let gap = &t[st + w.len()..p];
        if gap.chars().any(|c| !c.is_whitespace()) && !words.is_empty() {
            break;
        }
        if gap.chars().any(|c| !c.is_whitespace()) && linking && gap.trim() != "$" {
            break;
        }
        let wl = w.trim_end_matches('.').to_ascii_lowercase();
        let verbish = wl.len() > 4 && (wl.ends_with("ed") || wl.ends_with("ing"));
        if linking && (LINK.contains(&wl.as_str()) || CHANGE.is_match(&format!("{wl} ")) || verbish)
        {
            p = st;
            continue;
        }
        linking = false;
        if STOP.contains(&wl.as_str())
            || w.chars().any(|c| c.is_ascii_digit())
            || w.ends_with('.')
            || verbish
        {
            break;
        }
        words.push(w);
        p = st;
        if words.len() >= 4 {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

/// Build the figure around atom `idx`; advances `next` past atoms consumed by a range.
fn build(
    t: &str,
    atoms: &[Atom],
    idx: usize,
    next: &mut usize,
    in_range: bool,
) -> Option<(Figure, Span)> {
    let a = atoms[idx];
    let mut start = a.start;
    let mut end = a.end;
    let mut value = a.value;
    let mut high = a.high;
    let mut unit = String::new();
    let mut per = None;
    let mut change = "=".to_string();

    let before = word_before(t, a.start).map(|(_, w)| w);
    if a.kind == AtomKind::Words {
        // "Kick Six", "production-four-door": names and compounds, not counts
        let cap = t[a.start..].starts_with(char::is_uppercase);
        if cap
            && before.is_some_and(|w| w.starts_with(char::is_uppercase))
            && a.start > 0
            && !t[..a.start].trim_end().ends_with(['.', ':', '!', '?'])
        {
            return None;
        }
        if prev_char(t, a.start) == Some('-')
            && a.start > 1
            && prev_char(t, a.start - 1).is_some_and(char::is_alphabetic)
        {
            return None;
        }
        // "a five-year award", "a three-bed apartment": a compound modifier, not a quantity
        if next_char(t, a.end) == Some('-') && t[a.end + 1..].starts_with(char::is_alphabetic) {
            let w: String = t[a.end + 1..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let after = &t[a.end + 1 + w.len()..];
            if after.starts_with(' ')
                && after[1..].starts_with(char::is_lowercase)
                && !w.ends_with('s')
            {
                return None;
            }
        }
    }
    match a.kind {
        AtomKind::Multiplier => {
            let mut st = a.start;
            let (w, off) = window(t, a.start);
            if let Some(m) = APPROX.captures(w) {
                change = op(&m["m"]);
                st = off + m.get(0).unwrap().start();
            }
            return Some((
                fig(value, None, "times", None, &change),
                Span::new(st, a.end),
            ));
        }
        AtomKind::Ordinal => {
            if before.is_some_and(|w| {
                w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("its") || w.ends_with("'s")
            }) {
                let nxt = &t[a.end..];
                // "the second time" / "a second" are not counts; "the sixth month" is
                if nxt.trim_start().to_ascii_lowercase().starts_with("time") {
                    return None;
                }
                // "the Second Amendment": part of a name
                if t[a.start..].starts_with(char::is_uppercase)
                    && nxt
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(char::is_uppercase))
                {
                    return None;
                }
                return Some((
                    fig(value, None, "ordinal", None, "="),
                    Span::new(a.start, a.end),
                ));
            }
            return None;
        }
        AtomKind::Fraction => {
            let nxt = t[a.end..].trim_start().to_ascii_lowercase();
            if !(nxt.starts_with("of ") || nxt.starts_with("the "))
                || before.is_some_and(|w| {
                    ["and", "a", "the", "second", "first", "keep"]
                        .contains(&w.to_ascii_lowercase().as_str())
                })
            {
                return None;
            }
            let (w, off) = window(t, a.start);
            if let Some(m) = APPROX.captures(w) {
                change = op(&m["m"]);
                start = off + m.get(0).unwrap().start();
            }
            let mut f = fig(value, None, "fraction", None, &change);
            f.measure = fraction_of(t, a.end);
            return Some((f, Span::new(start, end)));
        }
        _ => {}
    }

    let mut frac_unit: Option<String> = None;
    if a.kind == AtomKind::Digits {
        let pc = prev_char(t, a.start);
        // dotted dates, versions and addresses ("06.09.2017", "1.2.3"), zero-padded codes
        let rest = &t[a.end..];
        if rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
            || t[a.start..].starts_with('0')
                && t[a.start + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        // markup attributes and long identifiers: timestamp="1474387200", 10+ bare digits
        if pc == Some('"') && next_char(t, a.end) == Some('"')
            || a.end - a.start > 10
                && t[a.start..a.end].bytes().all(|c| c.is_ascii_digit())
                && currency_before(t, a.start).is_none()
        {
            return None;
        }
        let nc = next_char(t, a.end);
        // times, lap times, ratios and dates written with separators
        if pc == Some(':')
            || nc == Some(':') && t[a.end + 1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        if matches!(pc, Some('/') | Some('\u{2044}'))
            && prev_char(t, a.start - pc.map_or(1, char::len_utf8))
                .is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        let sl = nc.map_or(1, char::len_utf8);
        if matches!(nc, Some('/') | Some('\u{2044}'))
            && t[a.end + sl..].starts_with(|c: char| c.is_ascii_digit())
        {
            // "1/2 pound" and "1/8 of a US gallon" are fractions; "9/11", "24/7" are not quantities
            let rest = &t[a.end + sl..];
            let dl = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let den: f64 = rest[..dl].parse().unwrap_or(0.0);
            let of_unit = fraction_unit(t, a.end + sl + dl);
            if a.value < den
                && (den <= 16.0 && unit_after(t, a.end + sl + dl, true).is_some()
                    || of_unit.is_some())
            {
                value = a.value / den;
                end = a.end + sl + dl;
                frac_unit = of_unit;
                while *next < atoms.len() && atoms[*next].start < end {
                    *next += 1;
                }
            } else {
                return None;
            }
        }
        // hyphenated second halves ("2014-15", "Oct. 18-22") are handled from the first
        if !in_range
            && pc == Some('-')
            && a.start >= 2
            && prev_char(t, a.start - 1).is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        if is_time_suffix(t, a.end) {
            return None;
        }
        // ordinals "22nd", "10th"
        let after = &t[a.end..];
        let al = after
            .chars()
            .take(3)
            .collect::<String>()
            .to_ascii_lowercase();
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| al.starts_with(s) && !al[2..].starts_with(char::is_alphabetic))
        {
            if before.is_some_and(is_month)
                || after[2..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase())
                    && after[2..]
                        .trim_start()
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .is_some_and(is_month)
            {
                return None;
            }
            if after[2..].starts_with('-') || a.value.fract() != 0.0 {
                return None;
            }
            if after[2..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase))
                || after[2..].starts_with(['"', '”', '’'])
            {
                // "the 13th Amendment", a quoted title
                return None;
            }
            return Some((
                fig(value, None, "ordinal", None, "="),
                Span::new(a.start, a.end + 2),
            ));
        }
    }

    // ------------------------------------------------------------- left context
    let mut currency: Option<&str> = None;
    let mut neg = false;
    if a.kind == AtomKind::Digits {
        if let Some((st, code)) = currency_before(t, start) {
            currency = Some(code);
            start = st;
        }
        // sign
        if let Some(c) = prev_char(t, start) {
            if (c == '-' || c == '−' || c == '+')
                && !prev_char(t, start - c.len_utf8()).is_some_and(|d| d.is_alphanumeric())
            {
                let pre = prev_char(t, start - c.len_utf8());
                // "COVID -19", "G -7": a name written with a stray space, not a negative number
                let int_only =
                    !t[a.start..a.end].contains('.') && !t[a.end..].starts_with(['%', '.', ',']);
                if c == '-'
                    && pre == Some(' ')
                    && int_only
                    && word_before(t, start - 1)
                        .is_some_and(|(_, w)| w.chars().all(|ch| ch.is_ascii_uppercase()))
                    && currency_before(t, start - 1).is_none()
                {
                    return None;
                }
                if pre.is_none()
                    || pre.is_some_and(|d| d.is_whitespace() || d == '(' || "$€£¥₩₹".contains(d))
                {
                    start -= c.len_utf8();
                    if c == '+' {
                        change = "up".into();
                    } else {
                        neg = true;
                        change = "down".into();
                    }
                }
            }
        }
        if currency.is_none() {
            if let Some((st, code)) = currency_before(t, start) {
                currency = Some(code);
                start = st;
            }
        }
        let pc = prev_char(t, start);
        if pc.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '#' || c == '@') {
            return None;
        }
        if currency.is_none()
            && pc == Some('-')
            && prev_char(t, start - 1).is_some_and(|c| c.is_alphabetic())
        {
            // "COVID-19", "TA-35", but keep "sub-300", "minus-5"
            let wb = word_before(t, start - 1).map(|(_, w)| w.to_ascii_lowercase());
            if !in_range
                && !matches!(
                    wb.as_deref(),
                    Some("sub")
                        | Some("minus")
                        | Some("then")
                        | Some("now")
                        | Some("over")
                        | Some("under")
                        | Some("to")
                )
            {
                return None;
            }
        }
    }

    // ------------------------------------------------------------- scale
    let mut scaled = false;
    if a.kind == AtomKind::Digits {
        // scientific notation: "6.67×10−11", "6.02 x 10^23", "1.5e-8"
        static SCI: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?: ?[×xX] ?10(?:(?:\^|\*\*)(?P<a>[-−+]?\d{1,3})|(?P<b>[-−]\d{1,3})|(?P<c>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))|[eE](?P<d>[-+]?\d{1,3}))").unwrap()
        });
        let r = &t[end..];
        let maybe = r.starts_with(['×', 'x', 'X', 'e', 'E'])
            || r.starts_with(" ×")
            || r.starts_with(" x")
            || r.starts_with(" X");
        if let Some(c) = maybe.then(|| SCI.captures(r)).flatten() {
            let m = c.get(0).unwrap();
            let after = &t[end + m.end()..];
            let exp_str = ["a", "b", "c", "d"]
                .iter()
                .find_map(|k| c.name(k))
                .unwrap()
                .as_str();
            let exp: String = exp_str
                .chars()
                .map(|ch| match ch {
                    '−' | '⁻' => '-',
                    '⁰' => '0',
                    '¹' => '1',
                    '²' => '2',
                    '³' => '3',
                    '⁴'..='⁹' => char::from(b'4' + (ch as u32 - '⁴' as u32) as u8),
                    x => x,
                })
                .collect();
            let mantissa: String = t[a.start..a.end].chars().filter(|&ch| ch != ',').collect();
            if !after.starts_with(|ch: char| ch.is_ascii_digit()) {
                if let Some(v) = format!("{mantissa}e{exp}")
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v != 0.0)
                {
                    value = v;
                    end += m.end();
                    scaled = true;
                    while *next < atoms.len() && atoms[*next].start < end {
                        *next += 1;
                    }
                }
            }
        }
    }
    if !scaled {
        static SCALE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?P<sp>[ -]?)(?P<w>(?i:trillion|billion|million|thousand|hundred|crores?|lakhs?)|bn|bln|tn|trn|mn|mln|mil|m|b|k|M|B|K|T|BN|MN)\b").unwrap()
        });
        if let Some(c) = SCALE.captures(&t[end..]) {
            let w = &c["w"];
            let long = w.len() > 3 && w.chars().all(char::is_alphabetic);
            let glued = c["sp"].is_empty();
            let mut ok = long || (glued && (w != "hundred"));
            let short = !long;
            if short && ok {
                let wl = w.to_ascii_lowercase();
                let after = &t[end + c.get(0).unwrap().end()..];
                let next_word = after
                    .trim_start()
                    .split(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let next_is_word =
                    after.starts_with(' ') && after.trim_start().starts_with(char::is_alphabetic);
                if wl == "m" {
                    // "37m (121ft)" is metres; "$5m", "1.2m tons", "35m of" are millions
                    ok = currency.is_some()
                        || (next_is_word
                            && ![
                                "long", "wide", "high", "tall", "deep", "away", "from", "in",
                                "and", "or", "to",
                            ]
                            .contains(&next_word.as_str())
                            && unit_after(t, end + 1, false).is_none_or(|u| u.unit != "metre"));
                } else if wl == "b" || wl == "t" {
                    ok = currency.is_some() || (w == "B" && next_is_word);
                } else if wl == "k" {
                    ok = currency.is_some()
                        || !after.starts_with(char::is_alphabetic) && !next_word.starts_with("m");
                    if w == "K"
                        && currency.is_none()
                        && next_is_word
                        && unit_after(t, end, false).is_some()
                    {
                        ok = false;
                    }
                }
            }
            if ok {
                let wl = w.to_ascii_lowercase();
                let k = match wl.as_str() {
                    "m" => 1e6,
                    "b" => 1e9,
                    "k" => 1e3,
                    "t" => 1e12,
                    x => scale_word(x).unwrap_or(1.0),
                };
                if a.kind == AtomKind::Words && wl.len() > 3 {
                    // already part of the spelled number
                } else {
                    value *= k;
                    if let Some(h) = high.as_mut() {
                        *h *= k;
                    }
                    end += c.get(0).unwrap().end();
                    scaled = true;
                }
            }
        }
        // "4 hundred million"
        if scaled {
            if let Some(c) = SCALE.captures(&t[end..]) {
                let w = c["w"].to_ascii_lowercase();
                if w.len() > 3 {
                    if let Some(k) = scale_word(&w) {
                        value *= k;
                        end += c.get(0).unwrap().end();
                    }
                }
            }
        }
        // "1mil" written with "mil" glued
    }

    // ------------------------------------------------------------- unit
    let after_scale = end;
    if let Some(code) = currency {
        unit = code.to_string();
        // "$76 US", "$500 US bail"
        let r = &t[end..];
        if r.starts_with(" US") && !r[3..].starts_with(char::is_alphanumeric) {
            end += 3;
        }
    } else if let Some(u) = unit_after(t, end, true) {
        // "5 G", "10 a" and other one-letter symbols are only units when glued
        unit = u.unit;
        end = u.end;
        let _ = u.currency;
    }
    if unit.is_empty() {
        if let Some(u) = frac_unit {
            unit = u;
        }
    }
    // "N times", "sixfold"
    if unit.is_empty() {
        static TIMES: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?i)(?:\s+times\b|-?fold\b)").unwrap());
        if let Some(m) = TIMES.find(&t[end..]) {
            unit = "times".into();
            end += m.end();
        }
    }
    // ages: "50 year-old", "65-year-old", "30 years old"
    {
        static AGE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?i)(?:[\s-]?(?:year|month|week|day)s?[\s-]old)\b").unwrap()
        });
        // "65 million-year-old": the age may carry a scale word
        if let Some(m) = AGE.find(&t[after_scale..]) {
            if unit.is_empty() || ["year", "month", "week", "day"].contains(&unit.as_str()) {
                let w = m
                    .as_str()
                    .trim_start_matches([' ', '-'])
                    .to_ascii_lowercase();
                let u = w
                    .split([' ', '-'])
                    .next()
                    .unwrap_or("year")
                    .trim_end_matches('s')
                    .to_string();
                unit = format!("{u} of age");
                end = after_scale + m.end();
            }
        }
    }
    // "under the age of 12 years", "over the age of 18"
    if (unit.is_empty() || unit == "year") && currency.is_none() && {
        let w = window(t, start).0.trim_end().as_bytes();
        w.len() >= 7 && w[w.len() - 7..].eq_ignore_ascii_case(b" age of")
    } {
        unit = "year of age".into();
        if t[end..].starts_with(" years") && !t[end + 6..].starts_with(char::is_alphanumeric) {
            end += 6;
        }
    }
    if !unit.is_empty() || currency.is_some() {
        if let Some((p, e)) = per_after(t, end) {
            per = Some(p);
            end = e;
        } else {
            per = per_beyond_paren(t, end);
        }
    }

    // ------------------------------------------------------------- exclusions
    let bare = unit.is_empty() && !scaled;
    if a.kind == AtomKind::Digits && bare {
        let digits = &t[a.start..a.end];
        let is_int = !digits.contains('.') && !digits.contains(',');
        // years
        let range_to_unit = {
            static SEP: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^\s*(?:-|–|to)\s*$").unwrap());
            atoms.get(idx + 1).is_some_and(|b| {
                b.start >= a.end
                    && SEP.is_match(&t[a.end..b.start])
                    && unit_after(t, b.end, true).is_some()
            })
        };
        if is_int
            && digits.len() == 4
            && (1800.0..2200.0).contains(&a.value)
            && !range_to_unit
            && !in_range
        {
            return None;
        }
        if is_int
            && digits.len() == 4
            && (1000.0..1800.0).contains(&a.value)
            && before.is_some_and(|w| {
                [
                    "in", "since", "between", "by", "until", "a.d.", "ad", "circa", "c.",
                ]
                .contains(&w.to_ascii_lowercase().as_str())
            })
        {
            return None;
        }
        // dates: "July 4", "4 July", "Sept. 6, 2017"
        if is_int && a.value <= 31.0 {
            if before.is_some_and(is_month) {
                return None;
            }
            let nw = t[a.end..]
                .trim_start()
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if !nw.is_empty()
                && t[a.end..].starts_with(' ')
                && is_month(nw)
                && nw.chars().next().is_some_and(char::is_uppercase)
            {
                return None;
            }
        }
        // labels: "Section 427", "iPhone 11", "S&P 500", "No. 5"
        if let Some((bst, bw)) = word_before(t, a.start) {
            let gap = &t[bst + bw.len()..a.start];
            let glued_label = gap == " " || gap.is_empty();
            let lw = bw.trim_end_matches('.').to_ascii_lowercase();
            let capital = bw.chars().any(char::is_uppercase)
                && (bst > 0 || bw.chars().skip(1).any(char::is_uppercase) || bw.contains('&'))
                && !APPROX.is_match(&format!("{} ", bw));
            let marker =
                APPROX.is_match(window(t, a.start).0) || CHANGE.is_match(window(t, a.start).0);
            if glued_label
                && !marker
                && (capital
                    || LABEL_WORDS.contains(&lw.as_str())
                    || bw.starts_with(char::is_alphabetic)
                        && bw.chars().any(|c| c.is_ascii_digit()))
            {
                return None;
            }
            if glued_label && bst == 0 && LABEL_WORDS.contains(&lw.as_str()) {
                return None;
            }
        }
        // "(4)" after a name, "9 E 71st St", "4 Started": labels and addresses
        if prev_char(t, a.start) == Some('(') && next_char(t, a.end) == Some(')') && is_int {
            return None;
        }
        if is_int && t[a.end..].starts_with(' ') {
            let nw = t[a.end + 1..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let marker =
                APPROX.is_match(window(t, a.start).0) || CHANGE.is_match(window(t, a.start).0);
            if !marker
                && nw.starts_with(char::is_uppercase)
                && !is_month(nw)
                && counted_noun(t, a.end).is_none()
                && unit_after(t, a.end, true).is_none()
            {
                return None;
            }
        }
        // scores and hyphenated codes: "2-1", "16-18 Industrial Avenue"
        let r = &t[a.end..];
        // The dash is 1 byte ('-') or 3 ('–'): offsets after it use its width.
        let dw = r.chars().next().map_or(0, char::len_utf8);
        if (r.starts_with('-') || r.starts_with('–'))
            && r[dw..].starts_with(|c: char| c.is_ascii_digit())
        {
            let after = &r[dw..];
            let dl = after
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(after.len());
            let rest2 = &after[dl..];
            let u2 = unit_after(t, a.end + dw + dl, true);
            let has_unit2 = u2.is_some() || rest2.starts_with(|c: char| c == '%');
            if !has_unit2 {
                return None;
            }
        }
    }

    // ------------------------------------------------------------- range
    {
        static RANGE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:-to-|\s*(?:-|–|—)\s*|\s+(?i:to|and|through)\s+|\s*/\s*)").unwrap()
        });
        let between = {
            let h = window(t, start).0.trim_end().to_ascii_lowercase();
            h.ends_with("between") || h.ends_with("from")
        };
        let sep_at = end;
        // atoms inside the unit ("cm2", "m³") are part of it
        while *next < atoms.len() && atoms[*next].start < end {
            *next += 1;
        }
        if let Some(m) = RANGE.find(&t[sep_at..]) {
            let sep = m.as_str().trim().to_ascii_lowercase();
            let b_start = sep_at + m.end();
            if (sep != "and" || between)
                && !(sep == "/" && currency.is_none())
                && *next < atoms.len()
            {
                // the next atom must start right after the separator (allowing a currency sign)
                let b = atoms[*next];
                let pre = t.get(b_start..b.start).unwrap_or("?");
                let pre_ok = pre.is_empty()
                    || currency_before(t, b.start)
                        .is_some_and(|(s, c)| s == b_start && Some(c) == currency);
                let verb = (CHANGE.is_match(window(t, start).0)
                    || window(t, start)
                        .0
                        .trim_end()
                        .to_ascii_lowercase()
                        .ends_with(" by"))
                    && !unit.is_empty();
                if pre_ok
                    && (b.kind == AtomKind::Digits || b.kind == AtomKind::Words)
                    && change != "up"
                    && change != "down"
                    && !(verb && sep == "to")
                {
                    let mut inner_next = *next + 1;
                    if let Some((f2, sp2)) = build(t, atoms, *next, &mut inner_next, true) {
                        let f2_unit = if f2.unit == "count" {
                            String::new()
                        } else {
                            f2.unit.clone()
                        };
                        let unit_ok = f2_unit == unit
                            || f2_unit.is_empty() && !unit.is_empty()
                            || unit.is_empty() && !f2.unit.is_empty() && currency.is_none()
                            || f2.unit.is_empty()
                                && (sep != "-" || !unit.is_empty())
                                && !t[end..b_start].contains('/')
                            || f2.unit == "count" && unit.is_empty();
                        let first_has_unit = !unit.is_empty();
                        if unit_ok
                            && f2.value_high.is_none()
                            && (first_has_unit
                                || !f2.unit.is_empty()
                                || sep == "to"
                                || sep == "and")
                        {
                            let mut lo = if neg { -value } else { value };
                            // "$10 to $15 billion", "1 to 2 thousand": the scale of the second applies
                            if !scaled && b.value > 0.0 && lo > 0.0 && lo < 1000.0 {
                                let k = f2.value / b.value;
                                if k >= 999.0 && lo * k <= f2.value * 1.000001 {
                                    lo *= k;
                                }
                                // "three to four thousand": the scale spelled inside the second number
                                let bw = t[b.start..b.end]
                                    .rsplit([' ', '-'])
                                    .next()
                                    .unwrap_or("")
                                    .to_ascii_lowercase();
                                let a_plain = a.kind == AtomKind::Digits
                                    || a.kind == AtomKind::Words
                                        && !t[a.start..a.end]
                                            .split([' ', '-'])
                                            .any(|w| scale_word(&w.to_ascii_lowercase()).is_some());
                                if let Some(k2) =
                                    (b.kind == AtomKind::Words && k < 999.0 && a_plain)
                                        .then(|| scale_word(&bw))
                                        .flatten()
                                {
                                    if k2 >= 1000.0 && lo < k2 && lo * k2 <= f2.value * 1.000001 {
                                        lo *= k2;
                                    }
                                }
                            }
                            if unit.is_empty() {
                                unit = f2.unit.clone();
                            }
                            if per.is_none() {
                                per = f2.per.clone();
                            }
                            let mut f = fig(lo, Some(f2.value), &unit, per, &change);
                            if sep == "/" {
                                f.value_high = Some(f2.value);
                            }
                            f.period = f2.period;
                            *next = inner_next;
                            let s2 = approx_left(t, start, &mut f.change);
                            return Some((f, Span::new(s2, sp2.end)));
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------- counted noun
    if unit.is_empty() {
        let from = if a.kind == AtomKind::Vague && t[end..].to_ascii_lowercase().starts_with(" of")
        {
            end + 3
        } else {
            end
        };
        let grammatical =
            (a.kind == AtomKind::Digits || a.kind == AtomKind::Words) && !scaled && high.is_none();
        if let Some((n, e)) = counted_noun_n(t, from, grammatical.then_some(value == 1.0)) {
            if LEX.names.contains_key(n.as_str()) {
                unit = LEX.names[n.as_str()].to_string();
            } else {
                unit = n;
                // "the top five teams", "a record 41 wins", "the previous three meetings":
                // a modifier between the determiner and the count belongs to the noun
                if let Some(m) = pre_modifier(t, a.start) {
                    unit = format!("{m} {unit}");
                }
            }
            if per.is_none() {
                if let Some((p, e2)) = per_after(t, e) {
                    per = Some(p);
                    end = e2;
                } else {
                    per = per_beyond_paren(t, e);
                    end = e;
                }
            } else {
                end = e;
            }
        } else if let Some((u2, _)) = borrowed_unit(t, end, atoms, *next) {
            // "eight or nine euros": the unit of the alternative applies
            unit = u2;
        } else if let Some(u2) = unit_of_total(t, end, atoms, *next) {
            // "raised 40 million of the 90 million pesos": a part of a total
            unit = u2;
        } else if a.kind == AtomKind::Words {
            let _lw = t[a.start..a.end].to_ascii_lowercase();
            static OF: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(
                    r"^ of (?:the|my|his|her|its|their|our|your|these|those|\p{Lu}[\w.]*['’]s) ",
                )
                .unwrap()
            });
            if before.is_none_or(|w| !w.eq_ignore_ascii_case("the")) && OF.is_match(&t[a.end..]) {
                let m = OF.find(&t[a.end..]).unwrap();
                unit = counted_noun(t, a.end + m.end() - 1)
                    .map_or_else(|| "count".to_string(), |(n, _)| n);
            }
            if unit.is_empty() && value < 1000.0 {
                // spelled numbers need a counted noun ("three days", not "the two")
                return None;
            }
        } else if t[end..].starts_with(' ')
            && t[end + 1..].starts_with(char::is_uppercase)
            && a.kind == AtomKind::Digits
            && before.is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
    }
    if a.kind == AtomKind::Words {
        let lw = t[a.start..a.end].to_ascii_lowercase();
        if lw == "one" {
            if before.is_some_and(|w| {
                [
                    "the", "this", "that", "each", "every", "any", "no", "same", "which",
                    "another", "no.", "only", "last", "right", "wrong", "new", "old", "big",
                    "good",
                ]
                .contains(&w.to_ascii_lowercase().as_str())
            }) {
                return None;
            }
            if unit == "another" || unit.ends_with("self") {
                return None;
            }
        }
    }
    if unit.is_empty()
        && a.kind == AtomKind::Digits
        && (1.0..=120.0).contains(&a.value)
        && a.value.fract() == 0.0
    {
        // "Maddon, 66, said": an age in apposition to a name
        let head = t[..start].trim_end();
        if head.ends_with(',') && t[end..].starts_with(',') {
            if let Some((_, w)) = word_before(t, head.len() - 1) {
                if w.starts_with(char::is_uppercase) && !is_month(w) {
                    unit = "year of age".into();
                }
            }
        }
    }
    if unit.is_empty() {
        unit = "count".into();
        // "an average of 15 per month": a bare rate; the span stays on the number so
        // that a unit elided from the sentence can still apply to it
        let rate_word = next_word(t, end).is_some_and(|w| {
            [
                "per", "a", "an", "each", "annually", "yearly", "monthly", "weekly", "daily",
                "hourly",
            ]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
        });
        if per.is_none() && (rate_word || t[end..].starts_with('/')) {
            per = per_after(t, end)
                .filter(|(p, _)| {
                    [
                        "hour", "day", "week", "month", "quarter", "year", "game", "person",
                        "head", "share",
                    ]
                    .contains(&p.as_str())
                })
                .map(|x| x.0);
        }
    }
    if neg {
        value = -value;
    }
    let mut f = fig(value, high, &unit, per, &change);
    let mut s2 = approx_left(t, start, &mut f.change);
    if f.change == "minus" {
        // "minus-5 yards", "about minus 387": a negative value
        f.value = -f.value;
        f.change = "=".into();
        let mut c2 = "=".to_string();
        let s3 = approx_left(t, s2, &mut c2);
        f.change = c2;
        s2 = s3;
    }
    Some((f, Span::new(s2, end)))
}

/// "eight or nine euros": the unit written after an alternative number.
fn borrowed_unit(t: &str, end: usize, atoms: &[Atom], next: usize) -> Option<(String, usize)> {
    static OR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s+or\s+|-\s*or\s+)$").unwrap());
    let b = atoms.get(next)?;
    let cur = currency_before(t, b.start);
    let b_start = cur.map_or(b.start, |c| c.0);
    if b_start < end || !OR.is_match(&t[end..b_start]) {
        return None;
    }
    if let Some((_, code)) = cur {
        return Some((code.to_string(), b.end));
    }
    let u = unit_after(t, b.end, true)?;
    Some((u.unit, u.end))
}

fn pre_modifier(t: &str, i: usize) -> Option<String> {
    const NOT: &[&str] = &[
        "past",
        "next",
        "last",
        "first",
        "final",
        "coming",
        "recent",
        "average",
        "estimated",
        "additional",
        "extra",
        "further",
        "total",
        "combined",
        "entire",
        "whole",
        "mere",
        "staggering",
        "whopping",
        "reported",
        "approximate",
    ];
    let (st, w) = word_before(t, i)?;
    if t[st + w.len()..i] != *" " {
        return None;
    }
    let wl = w.to_ascii_lowercase();
    // adjectives among the phrase-ending words still modify a noun before a count
    const ADJ: &[&str] = &["previous", "former", "following", "higher", "lower"];
    if !w.chars().all(|c| c.is_ascii_lowercase())
        || STOP.contains(&wl.as_str()) && !ADJ.contains(&wl.as_str())
        || NOT.contains(&wl.as_str())
        || LABEL_WORDS.contains(&wl.as_str())
        || wl.ends_with("ed")
        || wl.ends_with("ing")
        || wl.ends_with("ly")
        || APPROX.is_match(&format!("{wl} "))
        || CHANGE.is_match(&format!("{wl} "))
    {
        return None;
    }
    let (_, d) = word_before(t, st)?;
    [
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your",
    ]
    .contains(&d.to_ascii_lowercase().as_str())
    .then_some(wl)
}

/// "4 billion pesos ($230 million) a year": the rate follows the conversion in
/// parentheses. The span stays on the amount; the conversion is its own figure.
fn per_beyond_paren(t: &str, end: usize) -> Option<String> {
    let r = t[end..].strip_prefix(" (")?;
    let close = r.find(')').filter(|&c| c < 40 && !r[..c].contains('('))?;
    per_after(t, end + 2 + close + 1).map(|x| x.0)
}

/// "40 million of the 90 million pesos": the unit of the total a part is taken from.
fn unit_of_total(t: &str, end: usize, atoms: &[Atom], next: usize) -> Option<String> {
    static OF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^ of (?:the|its|their|a|an) $").unwrap());
    static SCALE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[ -]?(?i:trillion|billion|million|thousand)|bn|m|k)\b").unwrap()
    });
    if !t[end..].starts_with(" of ") {
        return None;
    }
    let b = atoms.get(next)?;
    let cur = currency_before(t, b.start);
    let b_start = cur.map_or(b.start, |c| c.0);
    if b_start < end || !OF.is_match(&t[end..b_start]) {
        return None;
    }
    if let Some((_, code)) = cur {
        return Some(code.to_string());
    }
    let e = b.end + SCALE.find(&t[b.end..]).map_or(0, |m| m.end());
    unit_after(t, e, true)
        .map(|u| u.unit)
        .or_else(|| counted_noun(t, e).map(|x| x.0))
}

/// Extend the span left over an approximation marker or a change verb.
fn approx_left(t: &str, start: usize, change: &mut String) -> usize {
    let head = t[..start].trim_end();
    if head.ends_with(['~', '≈']) {
        // "~25 min", "≈ 32 m2"
        *change = "~".into();
        return head.len() - head.chars().next_back().unwrap().len_utf8();
    }
    let (win, off) = window(t, start);
    if let Some(m) = APPROX.captures(win) {
        let w = m["m"].to_ascii_lowercase();
        let ms = off + m.get(0).unwrap().start();
        if w == "minus" {
            *change = "minus".into();
            return ms;
        }
        if change == "=" || change == "up" || change == "down" {
            *change = op(&w);
        }
        // "rose about 1.5%", "up nearly 57%": the direction of a change verb wins
        if let Some(v) = CHANGE.captures(window(t, ms).0) {
            *change = verb_dir(&v["v"]).into();
        }
        return ms;
    }
    if change == "=" {
        if let Some(m) = CHANGE.captures(win) {
            *change = verb_dir(&m["v"]).into();
        }
    }
    start
}

fn verb_dir(v: &str) -> &'static str {
    let v = v.to_ascii_lowercase();
    if [
        "down",
        "fell",
        "fall",
        "falls",
        "falling",
        "fallen",
        "dropped",
        "drops",
        "dropping",
        "declined",
        "declines",
        "decreased",
        "lost",
        "loses",
        "losing",
        "slid",
        "slides",
        "slipped",
        "shed",
        "sheds",
        "tumbled",
        "tumbles",
        "plunged",
        "plunges",
        "slumped",
        "eased",
        "eases",
        "sank",
        "dipped",
        "lower",
        "cut",
        "cuts",
        "shrank",
        "contracted",
        "drop",
        "slide",
        "slip",
        "plunge",
        "dip",
        "decline",
        "decrease",
        "tumble",
        "lose",
    ]
    .contains(&v.as_str())
    {
        "down"
    } else {
        "up"
    }
}

fn op(m: &str) -> String {
    let m = m.to_ascii_lowercase();
    match m.as_str() {
        "more than" | "over" | "above" | "at least" | "upwards of" | "in excess of"
        | "exceeding" | "greater than" | "just over" | "well over" | "higher than" => ">",
        "less than" | "lower than" | "under" | "below" | "up to" | "fewer than"
        | "no more than" | "at most" | "just under" | "sub" | "as many as" | "as much as" => "<",
        "minus" => "=",
        _ => "~",
    }
    .into()
}

fn fig(value: f64, high: Option<f64>, unit: &str, per: Option<String>, change: &str) -> Figure {
    Figure {
        text: String::new(),
        span: Span::default(),
        value,
        value_high: high,
        unit: unit.to_string(),
        per,
        change: change.to_string(),
        measure: None,
        period: None,
        sentence: 0,
    }
}

#[cfg(test)]
mod tests;
