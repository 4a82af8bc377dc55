//! segment: paragraphs, sentences, tokens (byte spans into the body).
//!
//! News prose is full of periods that do not end sentences: "U.S.", "U.N.", "Sept. 6",
//! "Mr. Moon", "Gen. Smith", "Jane Q. Doe", "No. 2", "99.6". Unicode's default sentence
//! rules (UAX #29) split after most of them, which would cut quotes and attributions in
//! half downstream. So sentences are found by a single forward scan with a few rules
//! that generalise:
//!
//! * a terminator (`.`, `?`, `!`, `…`) ends a sentence only when followed by space (or
//!   the paragraph end), after any closing quotes and brackets, which stay with the
//!   sentence they close (`"... this time," the spokesman said.` is one sentence);
//! * the next sentence must not start in lower case;
//! * a period after a known abbreviation (the English lists of the `pysbd` package, see
//!   `data/clean/SOURCE.md`) does not end a sentence when it is prepositive (Mr., Gen.)
//!   or precedes a number (No. 5, Sept. 6), and otherwise only before a capitalised
//!   word that typically starts sentences ("The", "He", "But" ...);
//! * initialisms (U.S., a.m.) and single-letter initials follow the same rule.
//!
//! Tokens: words (with inner apostrophes and hyphens: "Ji-hoon", "don't"), initialisms
//! with their periods ("U.S."), numbers with group separators and decimals ("10,000",
//! "99.6"), currency-prefixed amounts as one number token ("US$48", "$30"), and each
//! other visible character run as punctuation. Everything is a linear scan over bytes
//! with no allocation per token.

use crate::model::{Segmented, Sentence, Span, Token, TokenKind};
use std::sync::LazyLock;

/// Abbreviation classes from `data/clean/abbreviations.tsv`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbr {
    /// Precedes a name: never ends a sentence before a capitalised word.
    Prepositive,
    /// Precedes a number.
    Number,
    Other,
}

static ABBREVIATIONS: LazyLock<Vec<(&'static str, Abbr)>> = LazyLock::new(|| {
    let mut v: Vec<(&'static str, Abbr)> = include_str!("../data/clean/abbreviations.tsv")
        .lines()
        .filter_map(|l| {
            let (a, k) = l.split_once('\t')?;
            let k = match k {
                "p" => Abbr::Prepositive,
                "n" => Abbr::Number,
                _ => Abbr::Other,
            };
            Some((a, k))
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
});

/// Capitalised words that usually open a sentence; after an abbreviation or initialism
/// they signal that the period did end the sentence.
const STARTERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "Despite",
    "During",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Most",
    "Many",
    "No",
    "Now",
    "On",
    "One",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "With",
    "Yet",
    "You",
];

fn abbreviation(word: &str) -> Option<Abbr> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    let mut buf = [0u8; 12];
    for (i, b) in word.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let lw = std::str::from_utf8(&buf[..word.len()]).ok()?;
    ABBREVIATIONS
        .binary_search_by(|(a, _)| (*a).cmp(lw))
        .ok()
        .map(|i| ABBREVIATIONS[i].1)
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

/// The word (letters and inner periods) just before byte `dot` in `p`.
fn word_before(p: &str, dot: usize) -> &str {
    let start = p[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &p[start..dot]
}

/// The word starting at byte `i` in `p` (letters only).
fn word_at(p: &str, i: usize) -> &str {
    let end = p[i..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(p.len(), |(j, _)| i + j);
    &p[i..end]
}

/// Does the period at `dot` (followed by space, next content at `next`) end the sentence?
fn period_ends(p: &str, dot: usize, next: usize) -> bool {
    let w = word_before(p, dot);
    let nc = p[next..].chars().next();
    let next_upper = nc.is_some_and(|c| c.is_uppercase());
    let next_digit = nc.is_some_and(|c| c.is_ascii_digit());
    let starter = STARTERS.contains(&word_at(p, next));
    if w.is_empty() {
        return true;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    // Single-letter initial ("Jane Q. Doe") or initialism ("U.S.", "a.m.").
    if (letters == 1 && w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()))
        || (w.contains('.') && letters <= 4)
    {
        return starter || (!next_upper && !next_digit && nc.is_some_and(|c| !c.is_alphanumeric()));
    }
    match abbreviation(w) {
        Some(Abbr::Prepositive) => false,
        Some(Abbr::Number) => !next_digit && starter,
        Some(Abbr::Other) => !next_digit && starter,
        None => {
            // Month abbreviations before a day number: "Sept. 6".
            if next_digit
                && crate::clean::date::find(&format!("{w} 1")).is_some_and(|f| f.start == 0)
            {
                return false;
            }
            true
        }
    }
}

/// Sentence spans (relative to `p`) of one paragraph.
pub fn sentences(p: &str, mut emit: impl FnMut(usize, usize)) {
    let bytes = p.as_bytes();
    let mut start = skip_space(p, 0);
    let mut i = start;
    while i < p.len() {
        let c = p[i..].chars().next().unwrap();
        let cl = c.len_utf8();
        if matches!(c, '.' | '?' | '!' | '…') {
            // Extend over repeated terminators and closers.
            let mut end = i + cl;
            while end < p.len() {
                let d = p[end..].chars().next().unwrap();
                if matches!(d, '.' | '?' | '!' | '…') || is_closer(d) {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            let at_end = end >= p.len();
            let spaced = at_end || bytes[end] == b' ' || p[end..].starts_with(char::is_whitespace);
            if spaced {
                let next = skip_space(p, end);
                let ok = at_end
                    || next >= p.len()
                    || (!p[next..].starts_with(|ch: char| ch.is_lowercase())
                        && (c != '.'
                            || p[i..end].contains(['?', '!', '…'])
                            || period_ends(p, i, next)));
                if ok {
                    emit(start, end);
                    start = next;
                    i = next;
                    continue;
                }
            }
            i = end;
            continue;
        }
        i += cl;
    }
    if start < p.len() {
        let e = p.trim_end().len();
        if e > start {
            emit(start, e);
        }
    }
}

fn skip_space(p: &str, mut i: usize) -> usize {
    while i < p.len() {
        let c = p[i..].chars().next().unwrap();
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₩' | '₹' | '₽' | '₴')
}

/// Tokens of `s` (spans relative to `s`).
pub fn tokens(s: &str, mut emit: impl FnMut(usize, usize, TokenKind)) {
    let b = s.as_bytes();
    let mut i = 0;
    let char_at = |i: usize| s[i..].chars().next().unwrap();
    while i < s.len() {
        let c = char_at(i);
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        // Currency amount: optional 1-3 capital letters, a currency sign, digits.
        let mut j = i;
        while j < s.len() && j - i < 3 && b[j].is_ascii_uppercase() {
            j += 1;
        }
        if j < s.len() {
            let cj = char_at(j);
            if is_currency(cj) {
                let k = j + cj.len_utf8();
                if k < s.len()
                    && b[k].is_ascii_digit()
                    && (j == i || i == 0 || !char_at(i).is_lowercase())
                {
                    let e = number_end(s, k);
                    emit(i, e, TokenKind::Number);
                    i = e;
                    continue;
                }
            }
        }
        if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
            let e = number_end(s, i);
            // Trailing letters ("1990s", "3rd") stay in the token.
            let e2 = s[e..]
                .char_indices()
                .find(|&(_, d)| !d.is_alphanumeric())
                .map_or(s.len(), |(k, _)| e + k);
            emit(i, e2, TokenKind::Number);
            i = e2;
            continue;
        }
        if c.is_alphanumeric() {
            let mut e = i + cl;
            loop {
                if e >= s.len() {
                    break;
                }
                let d = char_at(e);
                if d.is_alphanumeric() || is_mark(d) {
                    e += d.len_utf8();
                    continue;
                }
                // Inner apostrophe or hyphen followed by a letter/digit.
                if matches!(d, '\'' | '’' | '-' | '‐') {
                    let n = e + d.len_utf8();
                    if n < s.len() && char_at(n).is_alphanumeric() {
                        e = n;
                        continue;
                    }
                }
                // Initialism: single letters separated by periods ("U.S.", "a.m.").
                if d == '.' {
                    let seg_start = s[..e]
                        .char_indices()
                        .rev()
                        .find(|&(_, ch)| !ch.is_alphabetic())
                        .map_or(0, |(k, ch)| k + ch.len_utf8());
                    let seg_len = s[seg_start..e].chars().count();
                    if seg_len == 1 {
                        let n = e + 1;
                        if n < s.len()
                            && char_at(n).is_alphabetic()
                            && (n + char_at(n).len_utf8() >= s.len()
                                || !char_at(n + char_at(n).len_utf8()).is_alphabetic())
                        {
                            e = n;
                            continue;
                        }
                        // Final period of an initialism with at least two letters.
                        if s[i..e].contains('.') {
                            e += 1;
                        }
                    }
                }
                break;
            }
            emit(i, e, TokenKind::Word);
            i = e;
            continue;
        }
        // Punctuation: a run of the same character ("...", "--") is one token.
        let mut e = i + cl;
        while e < s.len() && char_at(e) == c {
            e += cl;
        }
        emit(i, e, TokenKind::Punct);
        i = e;
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// End of a number starting at `i`: digits with `,`/`.` between digit groups.
fn number_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut e = i;
    while e < b.len() {
        if b[e].is_ascii_digit() {
            e += 1;
        } else if (b[e] == b',' || b[e] == b'.')
            && e + 1 < b.len()
            && b[e + 1].is_ascii_digit()
            && e > i
        {
            e += 1;
        } else {
            let c = s[e..].chars().next().unwrap();
            if c.is_numeric() && !c.is_ascii() && !c.is_alphabetic() {
                e += c.len_utf8();
            } else {
                break;
            }
        }
    }
    e.max(i + s[i..].chars().next().map_or(0, char::len_utf8))
}

pub fn segment(body: &str) -> Segmented {
    let mut seg = Segmented::default();
    let mut start = 0;
    for line in body.split('\n') {
        let end = start + line.len();
        let lead = line.len() - line.trim_start().len();
        let trail = line.trim_end().len();
        if trail > lead {
            seg.paragraphs.push(Span::new(start + lead, start + trail));
        }
        start = end + 1;
    }
    seg.tokens.reserve(body.len() / 5);
    for pi in 0..seg.paragraphs.len() {
        let p = seg.paragraphs[pi];
        let text = p.text(body);
        let mut spans = Vec::new();
        sentences(text, |a, b| spans.push((a, b)));
        for (a, b) in spans {
            let sp = Span::new(p.start + a, p.start + b);
            let si = seg.sentences.len();
            seg.sentences.push(Sentence {
                span: sp,
                paragraph: pi,
            });
            let toks = &mut seg.tokens;
            tokens(sp.text(body), |x, y, kind| {
                toks.push(Token {
                    span: Span::new(sp.start + x, sp.start + y),
                    kind,
                    sentence: si,
                })
            });
        }
    }
    seg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(p: &str) -> Vec<&str> {
        let mut v = Vec::new();
        sentences(p, |a, b| v.push(&p[a..b]));
        v
    }

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        let mut v = Vec::new();
        tokens(s, |a, b, k| v.push((&s[a..b], k)));
        v
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("The U.S. and the U.N. met on Sept. 6 with Gen. Smith and Mr. Lee. They agreed."),
            vec![
                "The U.S. and the U.N. met on Sept. 6 with Gen. Smith and Mr. Lee.",
                "They agreed."
            ]
        );
        assert_eq!(
            sents("Jane Q. Doe said so. No. 5 won."),
            vec!["Jane Q. Doe said so.", "No. 5 won."]
        );
        assert_eq!(
            sents("It was sent to the U.S. The reply came."),
            vec!["It was sent to the U.S.", "The reply came."]
        );
        assert_eq!(
            sents("Talks began Jan. 5 in Geneva."),
            vec!["Talks began Jan. 5 in Geneva."]
        );
    }

    #[test]
    fn quotes_stay_with_sentence() {
        assert_eq!(
            sents("\u{201C}We will act.\u{201D} He left. \u{201C}Really?\u{201D} she asked. Done!"),
            vec![
                "\u{201C}We will act.\u{201D}",
                "He left.",
                "\u{201C}Really?\u{201D} she asked.",
                "Done!"
            ]
        );
        assert_eq!(
            sents("\"It was imperative,\" the spokesman said."),
            vec!["\"It was imperative,\" the spokesman said."]
        );
    }

    #[test]
    fn token_kinds() {
        let t =
            toks("About 10,000 people paid US$48 or 99.6% of $30 in the U.S. on Ji-hoon's day.");
        let texts: Vec<&str> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            vec![
                "About",
                "10,000",
                "people",
                "paid",
                "US$48",
                "or",
                "99.6",
                "%",
                "of",
                "$30",
                "in",
                "the",
                "U.S.",
                "on",
                "Ji-hoon's",
                "day",
                "."
            ]
        );
        assert_eq!(t[1].1, TokenKind::Number);
        assert_eq!(t[4].1, TokenKind::Number);
        assert_eq!(t[7].1, TokenKind::Punct);
    }

    #[test]
    fn spans_inside_body() {
        let body = "  First para. Second one.\n\nÉtat «ok» … fine?\n";
        let s = segment(body);
        assert_eq!(s.paragraphs.len(), 2);
        for t in &s.tokens {
            assert!(body.is_char_boundary(t.span.start) && body.is_char_boundary(t.span.end));
        }
        assert_eq!(s.sentences[0].span.text(body), "First para.");
    }
}
