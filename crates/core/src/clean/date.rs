//! A small general date reader for datelines: English month names (full, three-letter
//! and AP-style "Sept."), day-first and month-first orders, ISO 8601 and numeric forms.
//! Output is ISO 8601 with partial dates allowed: `2017-09-06`, `2017-09`, and
//! `--09-06` when a line gives a month and day but no year (the page header carried it).
//! Times of day are accepted and dropped: the contract is a calendar date.

use regex::Regex;
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

fn month(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(n, _)| *n == l).map(|&(_, m)| m)
}

const MONTH_RE: &str = r"(?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";

static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
    ))
    .unwrap()
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\b(?:,?\s+(\d{{4}})\b)?"
    ))
    .unwrap()
});
static MY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({MONTH_RE})\s+(\d{{4}})\b")).unwrap());
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
    for c in DMY.captures_iter(s) {
        let Some(m) = month(&c[2]) else { continue };
        let d: u32 = c[1].parse().unwrap_or(0);
        if !valid(m, d) || (c[2].eq_ignore_ascii_case("may") && !c[2].starts_with('M')) {
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
    if let Some(c) = MY.captures(s) {
        if let Some(m) = month(&c[1]) {
            let y = c[2].parse().ok();
            let g = c.get(0).unwrap();
            consider(Found {
                iso: fmt(y, m, None),
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
    if !TIME.is_match(before) {
        return None;
    }
    // The rest may be a time and then a byline ("Sept. 6, 2017 - 18:10 By Name").
    let lower = after.to_ascii_lowercase();
    let (time_part, rest) = match lower.find(" by ") {
        Some(i) => (&after[..i], after[i..].trim()),
        None => (after, ""),
    };
    if !TIME.is_match(time_part) {
        return None;
    }
    Some((f.iso, rest.to_string()))
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
