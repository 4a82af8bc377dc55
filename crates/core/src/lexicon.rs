//! Gazetteers and lexicons compiled into the binary from licensed data sets.
//!
//! The actor data lives in `crates/core/data/actors/` (see `SOURCE.md` there): countries with
//! their names, codes, capitals and demonyms (npm `world-countries`, ODbL), given names (Moby
//! and US Census lists), organisation head nouns (WordNet 3.0) and role nouns (PolNeAR train
//! source phrases filtered by WordNet). The files are small text tables embedded with
//! `include_str!` and parsed once on first use ([`gazetteer`]), so native and WebAssembly
//! builds see the same data without any I/O.
//!
//! Country surface forms are found in one pass with a single Aho-Corasick automaton
//! (leftmost-longest, so "North Korea" wins over "Korea" and "Democratic People's Republic of
//! Korea" over both); the recogniser checks word boundaries and context itself. The word
//! sets are only used for membership tests, never iterated into output, so hash sets are
//! fine for determinism.

use crate::text::FastSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashSet;

const COUNTRIES: &str = include_str!("../data/actors/countries.tsv");
const GIVEN_NAMES: &str = include_str!("../data/actors/given_names.txt");
const ORG_HEADS: &str = include_str!("../data/actors/org_heads.txt");
const TITLES: &str = include_str!("../data/actors/titles.txt");
const ORGANISATIONS: &str = include_str!("../data/actors/organisations.txt");

/// What a given name, a title or a pronoun says of a person's sex: enough to keep "she"
/// from resolving to a man named a sentence before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// A country (or territory) from the data set.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Common English name ("North Korea").
    pub name: String,
    /// Official name ("Democratic People's Republic of Korea").
    pub official: String,
    pub alt: Vec<String>,
    pub capitals: Vec<String>,
    /// English demonyms/adjectivals ("North Korean").
    pub demonyms: Vec<String>,
}

impl Country {
    /// The key written into `Entity::key`.
    pub fn key(&self) -> String {
        format!("country:{}", self.code)
    }
}

/// How a gazetteer surface form refers to its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryForm {
    /// Common or official name, alt spelling.
    Name,
    /// A code or abbreviation ("USA", "U.S.", "DPRK", "N. Korea", "NK").
    Code,
    /// The capital, used as a metonym for the state ("Moscow said").
    Capital,
    /// The demonym/adjectival ("Russian").
    Demonym,
    /// Plural demonym ("the Russians").
    DemonymPlural,
    /// A named organisation ("United Nations", "UN", "U.N."); `CountryPattern::country` is
    /// then an index into `Gazetteer::orgs`.
    Organisation,
}

#[derive(Clone, Copy, Debug)]
pub struct CountryPattern {
    pub country: usize,
    pub form: CountryForm,
}

/// The gazetteer used by `recognise`.
#[derive(Debug)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    /// Named organisations: each a list of synonymous forms, the first canonical.
    pub orgs: Vec<Vec<String>>,
    /// Pattern id -> what it refers to.
    pub patterns: Vec<CountryPattern>,
    pub pattern_text: Vec<String>,
    /// Leftmost-longest, case-sensitive automaton over `pattern_text`.
    pub matcher: AhoCorasick,
    given: FastSet<String>,
    /// Given names borne by one sex (at least 90 % of bearers; see `SOURCE.md`).
    given_male: FastSet<String>,
    given_female: FastSet<String>,
    org_heads: FastSet<String>,
    titles: FastSet<String>,
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::parse(COUNTRIES, GIVEN_NAMES, ORG_HEADS, TITLES, ORGANISATIONS)
    }
}

/// Two-letter English words that are also ISO codes: accepted undotted only in context.
pub const CODE_WORDS: &[&str] = &[
    "AM", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "HI", "IF", "IN", "IS", "IT", "ME", "MY", "NO",
    "OF", "OH", "ON", "OR", "SO", "TO", "UP", "US", "WE",
];

fn dotted(code: &str) -> String {
    let mut s = String::new();
    for c in code.chars() {
        s.push(c);
        s.push('.');
    }
    s
}

impl Gazetteer {
    /// Parses the data tables (the formats written by `scripts/data/actors_build.py`).
    pub fn parse(
        countries: &str,
        given: &str,
        org_heads: &str,
        titles: &str,
        organisations: &str,
    ) -> Gazetteer {
        let mut cs = Vec::new();
        let mut un = Vec::new();
        for line in countries.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let list = |s: &str| -> Vec<String> {
                s.split('|')
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            un.push(f.get(6) == Some(&"1"));
            cs.push(Country {
                code: f[0].to_string(),
                name: f[1].to_string(),
                official: f[2].to_string(),
                alt: list(f[3]),
                capitals: list(f[4]),
                demonyms: list(f[5]),
            });
        }
        let mut pats: Vec<(String, CountryPattern)> = Vec::new();
        let mut codes: HashSet<String> = HashSet::new();
        for (i, c) in cs.iter().enumerate() {
            codes.insert(c.code.clone());
            for a in &c.alt {
                if a.len() <= 4 && a.chars().all(|ch| ch.is_ascii_uppercase()) {
                    codes.insert(a.clone());
                }
            }
            let _ = i;
        }
        // UN members first: a form shared with a territory ("American" is also the demonym of
        // the Northern Mariana Islands) goes to the sovereign state.
        let mut order: Vec<usize> = (0..cs.len()).collect();
        order.sort_by_key(|&i| (!un[i], i));
        for &i in &order {
            let c = &cs[i];
            let p = |form| CountryPattern { country: i, form };
            pats.push((c.name.clone(), p(CountryForm::Name)));
            pats.push((c.official.clone(), p(CountryForm::Name)));
            if let Some(rest) = c.official.strip_prefix("the ") {
                pats.push((rest.to_string(), p(CountryForm::Name)));
            }
            for a in &c.alt {
                let is_code = a.len() <= 4 && a.chars().all(|ch| ch.is_ascii_uppercase());
                if is_code {
                    pats.push((a.clone(), p(CountryForm::Code)));
                    pats.push((dotted(a), p(CountryForm::Code)));
                } else {
                    pats.push((a.clone(), p(CountryForm::Name)));
                }
            }
            // ISO alpha-2 code: dotted always ("U.S.", "U.K."), bare checked in context.
            pats.push((c.code.clone(), p(CountryForm::Code)));
            pats.push((dotted(&c.code), p(CountryForm::Code)));
            // Compass-word names are abbreviated in headlines: "N. Korea", "S. Sudan", "NK".
            let words: Vec<&str> = c.name.split(' ').collect();
            if words.len() == 2 && matches!(words[0], "North" | "South" | "East" | "West") {
                let ini = &words[0][..1];
                pats.push((format!("{}. {}", ini, words[1]), p(CountryForm::Code)));
                pats.push((format!("{}.{}", ini, words[1]), p(CountryForm::Code)));
                let initials = format!("{}{}", ini, &words[1][..1]);
                if !codes.contains(&initials) {
                    pats.push((initials, p(CountryForm::Code)));
                }
            }
            for cap in &c.capitals {
                pats.push((cap.clone(), p(CountryForm::Capital)));
            }
            for d in &c.demonyms {
                pats.push((d.clone(), p(CountryForm::Demonym)));
                if !d.ends_with('s')
                    && !d.ends_with("ese")
                    && !d.ends_with("ch")
                    && !d.ends_with("sh")
                {
                    pats.push((format!("{d}s"), p(CountryForm::DemonymPlural)));
                }
            }
        }
        let orgs: Vec<Vec<String>> = organisations
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('|').map(str::to_string).collect())
            .collect();
        for (i, forms) in orgs.iter().enumerate() {
            let p = CountryPattern {
                country: i,
                form: CountryForm::Organisation,
            };
            for f in forms {
                pats.push((f.clone(), p));
                if f.len() <= 4 && f.chars().all(|c| c.is_ascii_uppercase()) {
                    pats.push((dotted(f), p));
                }
            }
        }
        // First pattern wins on exact duplicates (countries before organisations; names
        // before codes before capitals).
        let mut seen = HashSet::new();
        pats.retain(|(t, _)| !t.is_empty() && seen.insert(t.clone()));
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(pats.iter().map(|(t, _)| t.as_str()))
            .expect("gazetteer automaton builds");
        let words = |s: &str, lower: bool| -> FastSet<String> {
            s.lines()
                .filter_map(|l| l.split('\t').next())
                .map(str::trim)
                .filter(|w| !w.is_empty() && !w.starts_with('#'))
                .map(|w| {
                    if lower {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    }
                })
                .collect()
        };
        // "Name<TAB>m" / "Name<TAB>f"; a name without a column is borne by both sexes
        let sexed = |s: &str, sex: &str| -> FastSet<String> {
            s.lines()
                .filter_map(|l| l.split_once('\t'))
                .filter(|(_, x)| x.trim() == sex)
                .map(|(w, _)| w.trim().to_string())
                .collect()
        };
        Gazetteer {
            countries: cs,
            orgs,
            pattern_text: pats.iter().map(|(t, _)| t.clone()).collect(),
            patterns: pats.into_iter().map(|(_, p)| p).collect(),
            matcher,
            given: words(given, false),
            given_male: sexed(given, "m"),
            given_female: sexed(given, "f"),
            org_heads: words(org_heads, true),
            titles: words(titles, true),
        }
    }

    /// A common given name ("Vladimir", "Donald"), case-sensitive title case.
    pub fn is_given_name(&self, w: &str) -> bool {
        self.given.contains(w)
    }

    /// The sex a given name names, when nearly all its bearers share one.
    pub fn given_name_sex(&self, w: &str) -> Option<Sex> {
        if self.given_male.contains(w) {
            Some(Sex::Male)
        } else if self.given_female.contains(w) {
            Some(Sex::Female)
        } else {
            None
        }
    }

    /// A noun that heads organisation names ("ministry", "council", "university", "times").
    pub fn is_org_head(&self, w: &str) -> bool {
        contains_lower(&self.org_heads, w)
    }

    /// A role noun ("president", "minister", "spokesman", "official", "professor").
    pub fn is_title(&self, w: &str) -> bool {
        contains_lower(&self.titles, w)
    }

    /// The key written into `Entity::key` for a named organisation.
    pub fn org_key(&self, i: usize) -> String {
        format!("org:{}", self.orgs[i][0])
    }

    /// Country by ISO alpha-2 code.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }
}

/// `set.contains(&w.to_lowercase())` without allocating for short ASCII words (these
/// lookups run for nearly every capitalised token).
fn contains_lower(set: &FastSet<String>, w: &str) -> bool {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out: valid UTF-8.
        return std::str::from_utf8(b).is_ok_and(|l| set.contains(l));
    }
    set.contains(&w.to_lowercase())
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteer::default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(g: &Gazetteer, text: &str) -> Vec<(String, CountryForm)> {
        g.matcher
            .find_iter(text)
            .map(|m| {
                let p = g.patterns[m.pattern().as_usize()];
                (g.countries[p.country].name.clone(), p.form)
            })
            .collect()
    }

    #[test]
    fn data_loads() {
        let g = gazetteer();
        assert!(g.countries.len() > 200);
        assert!(g.is_given_name("Donald"));
        assert_eq!(g.given_name_sex("Donald"), Some(Sex::Male));
        assert_eq!(g.given_name_sex("Nancy"), Some(Sex::Female));
        assert_eq!(g.given_name_sex("Jordan"), None);
        assert!(
            g.is_org_head("Ministry") && g.is_org_head("council") && g.is_org_head("University")
        );
        assert!(g.is_title("President") && g.is_title("spokesman") && g.is_title("minister"));
        assert!(!g.is_title("the"));
    }

    #[test]
    fn longest_country_form_wins() {
        let g = gazetteer();
        let got = find(g, "North Korea and the Republic of Korea met in Moscow; Russians and the U.S. watched Americans");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "North Korea",
                "South Korea",
                "Russia",
                "Russia",
                "United States",
                "United States"
            ]
        );
        assert_eq!(got[2].1, CountryForm::Capital);
        assert_eq!(got[3].1, CountryForm::DemonymPlural);
        assert_eq!(got[4].1, CountryForm::Code);
    }

    #[test]
    fn compass_abbreviations() {
        let g = gazetteer();
        let got = find(g, "N. Korea fires missile");
        assert_eq!(got[0].0, "North Korea");
    }
}
