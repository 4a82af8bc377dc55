//! A small general date reader for datelines: English month names (full, three-letter
//! and AP-style "Sept."), day-first and month-first orders, ISO 8601 and numeric forms;
//! day-first dates in 34 other languages with month and weekday names from CLDR
//! (`data/clean/date_words.tsv`), and the year-month-day order of Chinese, Japanese and
//! Korean.
//! Output is ISO 8601 with partial dates allowed: `2017-09-06`, `2017-09`, and
//! `--09-06` when a line gives a month and day but no year (the page header carried it).
//! Times of day are accepted and dropped: the contract is a calendar date.

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month names of other languages, and the other words their datelines carry (weekday
/// names, the words of the long date patterns: "de", "г", "às"), from CLDR
/// (`data/clean/date_words.tsv`, see its SOURCE.md).
struct DateWords {
    months: HashMap<&'static str, u32>,
    words: HashSet<&'static str>,
}

static DATE_WORDS: LazyLock<DateWords> = LazyLock::new(|| {
    let mut months = HashMap::new();
    let mut words = HashSet::new();
    for l in include_str!("../../data/clean/date_words.tsv").lines() {
        let mut p = l.split('\t');
        match (p.next(), p.next(), p.next()) {
            (Some("m"), Some(f), Some(m)) => {
                months.insert(f, m.parse().unwrap_or(0));
            }
            (Some("w"), Some(f), _) => {
                words.insert(f);
            }
            _ => {}
        }
    }
    DateWords { months, words }
});

fn month(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    if s.is_ascii() {
        let l = s.to_ascii_lowercase();
        if let Some(&(_, m)) = MONTHS.iter().find(|(n, _)| *n == l) {
            return Some(m);
        }
        return DATE_WORDS.months.get(l.as_str()).copied();
    }
    DATE_WORDS.months.get(s.to_lowercase().as_str()).copied()
}

/// A word a dateline may carry around its date in another language ("segunda-feira",
/// "às", "г").
fn date_word(s: &str) -> bool {
    DATE_WORDS
        .words
        .contains(s.to_lowercase().trim_end_matches('.'))
}

const MONTH_RE: &str = r"(?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
    ))
    .unwrap()
});
/// Day, month, year: the month any word (English or a CLDR name, checked by [`month`]),
/// with the short pattern words between ("6 of March", "22 de janeiro de 2018") and the
/// day's ordinal suffix or dot ("6th", "22.").
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:(\p{L}{1,3})\s+)?(\p{L}+\.?)(?:,?\s+(?:(\p{L}{1,3})\s+)?(\d{4})\b)?",
    )
    .unwrap()
});
static MY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\p{L}+\.?)\s+(?:(\p{L}{1,3})\s+)?(\d{4})\b").unwrap());
/// The year-month-day order of Chinese, Japanese and Korean (CLDR's long date patterns
/// `y年M月d日` and `y년 MMMM d일`).
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]").unwrap()
});

/// A pattern word between day, month and year: English "of" or a CLDR one ("de").
fn joiner(m: Option<regex::Match>) -> bool {
    m.is_none_or(|w| w.as_str().eq_ignore_ascii_case("of") || date_word(w.as_str()))
}
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\b)").unwrap());
static US_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b").unwrap());

/// A date found in `s`: its ISO form and the byte range it occupied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub iso: String,
    pub start: usize,
    pub end: usize,
}

fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn fmt(y: Option<u32>, m: u32, d: Option<u32>) -> String {
    match (y, d) {
        (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{m:02}"),
        (None, Some(d)) => format!("--{m:02}-{d:02}"),
        (None, None) => format!("--{m:02}"),
    }
}

/// Every match of `re` in `s`, each search starting one character after the previous
/// match's start: a candidate that fails the checks ("in May" read as day-less month
/// "in") must not hide the one inside it ("May 2018").
fn overlapping<'r, 's>(re: &'r Regex, s: &'s str) -> impl Iterator<Item = regex::Captures<'s>> + 'r
where
    's: 'r,
{
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > s.len() {
            return None;
        }
        let c = re.captures_at(s, pos)?;
        let start = c.get(0).unwrap().start();
        pos = start + s[start..].chars().next().map_or(1, char::len_utf8);
        Some(c)
    })
}

/// Finds the first date in `s` (earliest start; on a tie the longest).
pub fn find(s: &str) -> Option<Found> {
    // Every pattern needs a digit (`\d`, a decimal digit, is numeric): most lines have
    // none, and the Unicode word boundaries make the searches costly on non-ASCII text.
    if !s.chars().any(char::is_numeric) {
        return None;
    }
    let mut best: Option<Found> = None;
    let mut consider = |f: Found| {
        let better = match &best {
            None => true,
            Some(b) => f.start < b.start || (f.start == b.start && f.end > b.end),
        };
        if better {
            best = Some(f);
        }
    };
    if let Some(c) = ISO.captures(s) {
        let (y, m, d) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        if valid(m, d) {
            let g = c.get(0).unwrap();
            consider(Found {
                iso: fmt(Some(y), m, Some(d)),
                start: g.start(),
                end: g.end(),
            });
        }
    }
    if let Some(c) = US_NUM.captures(s) {
        let (m, d, y) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        if valid(m, d) {
            let g = c.get(0).unwrap();
            consider(Found {
                iso: fmt(Some(y), m, Some(d)),
                start: g.start(),
                end: g.end(),
            });
        }
    }
    for c in MDY.captures_iter(s) {
        let Some(m) = month(&c[1]) else { continue };
        let d: u32 = c[2].parse().unwrap_or(0);
        if !valid(m, d) {
            continue;
        }
        // "May 5" is ambiguous with the modal verb: require a capital M.
        if c[1].eq_ignore_ascii_case("may") && !c[1].starts_with('M') {
            continue;
        }
        let y = c.get(3).and_then(|y| y.as_str().parse().ok());
        let g = c.get(0).unwrap();
        consider(Found {
            iso: fmt(y, m, Some(d)),
            start: g.start(),
            end: g.end(),
        });
        break;
    }
    for c in overlapping(&DMY, s) {
        let Some(m) = month(&c[3]) else { continue };
        let d: u32 = c[1].parse().unwrap_or(0);
        if !valid(m, d)
            || (c[3].eq_ignore_ascii_case("may") && !c[3].starts_with('M'))
            || !joiner(c.get(2))
        {
            continue;
        }
        let year = c.get(5).filter(|_| joiner(c.get(4)));
        let y = year.and_then(|y| y.as_str().parse().ok());
        let g = c.get(0).unwrap();
        let end = year.map_or(c.get(3).unwrap().end(), |y| y.end());
        consider(Found {
            iso: fmt(y, m, Some(d)),
            start: g.start(),
            end: end.min(g.end()),
        });
        break;
    }
    for c in overlapping(&MY, s) {
        let Some(m) = month(&c[1]) else { continue };
        if !joiner(c.get(2)) {
            continue;
        }
        let y = c[3].parse().ok();
        let g = c.get(0).unwrap();
        consider(Found {
            iso: fmt(y, m, None),
            start: g.start(),
            end: g.end(),
        });
        break;
    }
    if let Some(c) = CJK.captures(s) {
        let (y, m, d) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        if valid(m, d) {
            let g = c.get(0).unwrap();
            consider(Found {
                iso: fmt(Some(y), m, Some(d)),
                start: g.start(),
                end: g.end(),
            });
        }
    }
    best
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*(?:[-–—|,;/·•@]|at|on|updated:?|published:?|posted:?|last updated:?|original:?|today|yesterday|\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|[ap]\.?m\.?|(?:[A-Z]{1,4}T|UTC|GMT|KST|EST|EDT|PST|PDT)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?|\(?[+-]\d{2}:?\d{2}\)?))*\s*$").unwrap()
});

/// A whole line that only stamps a time ("Updated at 1:23 p.m.", "Today 12:01 AM"): a
/// clock time, a word saying what the time is (updated, posted, today ...) and nothing a
/// sentence would have.
pub fn time_stamp(line: &str) -> bool {
    static CLOCK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?").unwrap());
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:updated|published|posted|today|yesterday)\b").unwrap()
    });
    line.len() <= 60 && CLOCK.is_match(line) && STAMP.is_match(line) && TIME.is_match(line)
}

/// A whole line that is a dateline: a date plus only times, weekdays and separators.
/// Returns the date and the rest of the line (possibly holding a byline).
pub fn dateline(line: &str) -> Option<(String, String)> {
    // Page templates glue fields together ("2019Updated:"): split digit-letter joins.
    let mut spaced = String::with_capacity(line.len() + 4);
    let mut prev_digit = false;
    for c in line.chars() {
        if prev_digit && c.is_uppercase() {
            spaced.push(' ');
        }
        prev_digit = c.is_ascii_digit();
        spaced.push(c);
    }
    let line = spaced.as_str();
    let f = find(line)?;
    let before = &line[..f.start];
    // Further dates ("... Updated: Nov. 20, 2019 1:35 a.m.") count as times.
    let mut after = line[f.end..].to_string();
    while let Some(g) = find(&after) {
        after.replace_range(g.start..g.end, " ");
    }
    let after = after.as_str();
    if !residue(before) {
        return None;
    }
    // The rest may be a time and then a byline ("Sept. 6, 2017 - 18:10 By Name").
    let lower = after.to_ascii_lowercase();
    let (time_part, rest) = match lower.find(" by ") {
        Some(i) => (&after[..i], after[i..].trim()),
        None => (after, ""),
    };
    if !residue(time_part) {
        return None;
    }
    Some((f.iso, rest.to_string()))
}

/// Whether what surrounds a dateline's date is only times, weekdays and separators, in
/// English ([`TIME`]) or, word by word, in the CLDR languages ("segunda-feira, ... às 0:13",
/// "... 2018 г.").
fn residue(s: &str) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}[\p{L}’'.-]*").unwrap());
    if TIME.is_match(s) {
        return true;
    }
    let stripped = WORD.replace_all(s, |c: &regex::Captures| {
        if date_word(&c[0]) {
            " ".to_string()
        } else {
            c[0].to_string()
        }
    });
    TIME.is_match(&stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(find("Sept. 6, 2017 - 18:10").unwrap().iso, "2017-09-06");
        assert_eq!(find("July 25, 2017 11:52").unwrap().iso, "2017-07-25");
        assert_eq!(find("September 6 at 7:36 AM").unwrap().iso, "--09-06");
        assert_eq!(find("6 March 2016").unwrap().iso, "2016-03-06");
        assert_eq!(find("2016-03-11T10:00:00Z").unwrap().iso, "2016-03-11");
        assert_eq!(find("March 2016").unwrap().iso, "2016-03");
        assert!(find("you may 5 times").is_none());
    }

    #[test]
    fn other_languages() {
        // month names from CLDR: genitives, "de", the German day's dot, abbreviations
        assert_eq!(find("22 de janeiro de 2018").unwrap().iso, "2018-01-22");
        assert_eq!(find("22 января 2018 г.").unwrap().iso, "2018-01-22");
        assert_eq!(find("22. Januar 2018").unwrap().iso, "2018-01-22");
        assert_eq!(find("02 Ago 2017").unwrap().iso, "2017-08-02");
        assert_eq!(find("3 października 2019").unwrap().iso, "2019-10-03");
        assert_eq!(find("2018年1月22日").unwrap().iso, "2018-01-22");
        assert_eq!(find("2018년 1월 22일").unwrap().iso, "2018-01-22");
        assert_eq!(find("janvier 2018").unwrap().iso, "2018-01");
        // a name two languages give different months is no month ("listopada": November
        // in Polish, October in Croatian)
        assert!(find("3 listopada 2019").is_none());
        // words that are not months, and pattern words that are not a language's
        assert!(find("5 people in 2018").is_none());
        assert_eq!(find("1 in May 2018").unwrap().iso, "2018-05");
        // whole datelines, weekday and "at" words included
        assert_eq!(
            dateline("segunda-feira, 22 de janeiro de 2018 às 0:13")
                .unwrap()
                .0,
            "2018-01-22"
        );
        assert_eq!(
            dateline("Montag, 22. Januar 2018, 10:15 Uhr").unwrap().0,
            "2018-01-22"
        );
        assert_eq!(
            dateline("22 января 2018 г., 14:05").unwrap().0,
            "2018-01-22"
        );
        assert!(dateline("Em 22 de janeiro de 2018 o governo anunciou o plano").is_none());
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline("September 6 at 7:36 AM").unwrap().0, "--09-06");
        let (d, rest) = dateline("Sept. 6, 2017 - 18:10 By A Writer").unwrap();
        assert_eq!(d, "2017-09-06");
        assert_eq!(rest, "By A Writer");
        assert!(dateline("On March 26 the group met in the capital to discuss oil.").is_none());
        assert!(dateline("Updated: Tuesday, March 1, 2016 10:20 p.m. EST").is_some());
        // abbreviated weekdays, and two stamps joined by ';' or '/'
        assert!(dateline("PUBLISHED: 10:48, Tue, Nov 19, 2019").is_some());
        assert!(dateline("| UPDATED: Tue., Nov. 19, 2019").is_some());
        assert!(dateline("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM").is_some());
        assert!(
            dateline("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET")
                .is_some()
        );
        assert!(dateline("The vote on Tue. Nov. 19, 2019 was close").is_none());
    }

    #[test]
    fn time_stamps() {
        assert!(time_stamp("Updated at 1:23 p.m."));
        assert!(time_stamp("Today 12:01 AM"));
        assert!(!time_stamp("12:01 AM"));
        assert!(!time_stamp("Updated at 1:23 p.m. after the vote"));
        assert!(!time_stamp("Today the vote starts at 12:01"));
        assert_eq!(
            dateline("Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.")
                .unwrap()
                .0,
            "2019-11-20"
        );
    }
}
