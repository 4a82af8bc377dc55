//! clean: separate page furniture from the article body and read metadata.
//!
//! Users paste or save articles with the page around them: share buttons, tag trails,
//! language switchers, photo captions, bylines, datelines, copyright lines, comment
//! counters and promotions. Downstream stages (quotes, stances, figures) must not see
//! those as sentences, and the metadata they carry (author, date, outlet) is exactly
//! what the comparison views need. So cleaning is a line classifier: every non-empty
//! line is either body or one [`FurnitureKind`], decided by general shape rules (short
//! lines made only of navigation words, lines ending in a photo credit in parentheses,
//! lines that are a date plus times, "By Name" lines ...), never by site names.
//!
//! The classifier is deliberately conservative on long lines: a line with several
//! sentences is body unless it is a caption repeating the headline, because losing a
//! real sentence costs more than keeping a stray one.
//!
//! HTML input first goes through main-text extraction ([`html`]); Markdown is reduced
//! to plain text ([`markdown_to_text`]); then the same line rules run on the result.

pub mod date;
pub mod html;

use crate::model::{Cleaned, Decoded, Format, Furniture, FurnitureKind};
use regex::Regex;
use std::sync::LazyLock;

/// Cleans one decoded document.
pub fn clean(doc: &Decoded) -> Cleaned {
    match doc.format {
        Format::Html => html::clean_html(&doc.text),
        Format::Markdown => clean_text(&markdown_to_text(&doc.text)),
        Format::Text => clean_text(&doc.text),
    }
}

/// Normalises characters that make text unusable for matching but carry no meaning:
/// zero-width characters and BOMs are dropped, no-break and other fixed-width spaces
/// become a plain space, line and paragraph separators and CR become `\n`.
pub fn normalise_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => out.push(' '),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => out.push('\n'),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// Collapses runs of spaces inside a line.
fn squeeze(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, w) in line.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").unwrap());
static MD_EMPH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\*\*|__|\*|`)").unwrap());
static MD_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+)").unwrap());

/// Markdown to plain lines: headings, quotes and list markers dropped, links reduced to
/// their text, images dropped, emphasis markers removed, rules and fences skipped.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '))) {
            out.push('\n');
            continue;
        }
        let t = MD_PREFIX.replace(t, "");
        let t = MD_LINK.replace_all(&t, |c: &regex::Captures| {
            if c[0].starts_with('!') { String::new() } else { c[1].to_string() }
        });
        let t = MD_EMPH.replace_all(&t, "");
        out.push_str(t.trim());
        out.push('\n');
    }
    out
}

// ------------------------------------------------------------------ line rules

/// Words that make up navigation, sharing and page-chrome lines. A short line made only
/// of these is furniture.
const NAV_WORDS: &[&str] = &[
    "a", "about", "advertisement", "advertising", "all", "and", "archive", "article", "articles", "back", "bookmark",
    "close", "comment", "comments", "contact", "copy", "copied", "e-mail", "email", "facebook", "feedback", "follow",
    "font", "from", "headlines", "home", "instagram", "larger", "latest", "link", "linkedin", "login", "log", "in",
    "more", "menu", "most", "news", "newsletter", "next", "on", "page", "pinterest", "popular", "previous", "print",
    "read", "reddit", "register", "related", "reply", "save", "search", "see", "send", "share", "show", "sign",
    "size", "smaller", "story", "stories", "subscribe", "text", "to", "top", "tweet", "twitter", "up", "us", "view",
    "viewed", "watch", "whatsapp", "x", "youtube", "video", "videos", "photos", "gallery", "listen", "audio",
    "skip", "content", "main", "also", "recommended", "for", "you", "sections", "section", "go", "click", "here",
    "the", "this", "via", "telegram", "messenger", "sms", "mail", "gift", "print", "ad", "ads", "sponsored",
];

/// Promotion and community prompts (matched at the start of a short line).
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:join (?:the|our) (?:conversation|discussion|community)|trending on\b|sign up\b|subscribe\b|become a (?:member|subscriber|vip)|get (?:our|the) (?:newsletter|app)|download (?:our|the) app|follow us\b|like us on\b|support (?:our|independent) journalism|don'?t miss\b|recommended (?:for you|videos?)|sponsored\b|advertisement\b|read (?:more|next)\b|related(?: articles| stories| coverage)?:|more from\b|continue reading\b|click here\b|watch:|listen:|also read\b|see also\b|you might also like|we recommend|popular on\b|most (?:read|popular|viewed)\b)").unwrap()
});
static TRENDING_SITE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:trending|popular|more|latest|top stories) (?:on|from) (.+?)(?: videos?| news| stories)?$").unwrap());
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+|one|two|three|no) (?:thoughts?|comments?|responses?|replies|reactions?) (?:on|to)\b|^(?:comments are closed|leave a (?:comment|reply)|add (?:a|your) comment|post a comment|show comments|view comments|join the discussion|commenting (?:is|has been) (?:closed|disabled)|comments? \(\d+\)|\d+ comments?$)").unwrap()
});
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)copyright|©|\(c\) ?\d{4}|all rights reserved|\bterms of (?:use|service)\b|privacy policy").unwrap());
static COPY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?([A-Z][\w&.' -]{1,60}?)\s*(?:[&,.;|]|all rights|$)").unwrap()
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•·*–—-]\s*)?(?i:by|written by|posted by|reported by|story by|words by|author:?|reporter:?|byline:?)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del|der|bin|al|la|le)){0,4})(?:\s*(?:,|\||and|&|-|–|—)\s*(.*))?$").unwrap()
});
static EMAIL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(<\[]?\s*(?:e-?mail:?\s*)?([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\s*[)>\]]?\.?$").unwrap());
static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(([^()]{2,80})\)$").unwrap());
static PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:photo|image|picture|video|file photo|illustration|graphic|credit)s?(?: by)?:\s|^(?:photo|image|picture)s?\b.*\b(?:getty|reuters|ap|afp|shutterstock|epa)\b").unwrap()
});
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{L} .,'’-]{1,40}\s\(([\p{L} &.]{2,25})\)\s*[—–-]").unwrap()
});

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')).filter(|w| !w.is_empty())
}

fn is_nav_line(l: &str) -> bool {
    let n = words(l).count();
    if n == 0 || n > 7 || l.len() > 60 {
        return false;
    }
    // Sentence punctuation means a phrase of prose, not a button row.
    if l.ends_with('.') || l.ends_with('?') || l.contains('"') || l.contains('“') {
        return false;
    }
    words(l).all(|w| {
        let w = w.to_lowercase();
        NAV_WORDS.binary_search(&w.as_str()).is_ok() || NAV_WORDS.contains(&w.as_str())
    })
}

/// "ua en ru", "EN | FR | DE": a row of two/three-letter language codes.
fn is_language_switcher(l: &str) -> bool {
    let toks: Vec<&str> = l.split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·').filter(|t| !t.is_empty()).collect();
    toks.len() >= 2
        && toks.len() <= 12
        && toks.iter().all(|t| (t.len() == 2 || t.len() == 3) && t.chars().all(|c| c.is_ascii_alphabetic()))
        && (toks.iter().all(|t| t.chars().all(|c| c.is_ascii_lowercase())) || toks.iter().all(|t| t.chars().all(|c| c.is_ascii_uppercase())))
        && toks.iter().any(|t| LANG_CODES.contains(&t.to_ascii_lowercase().as_str()))
}

const LANG_CODES: &[&str] = &[
    "ar", "de", "en", "es", "fr", "it", "ja", "ko", "pl", "pt", "ru", "ua", "uk", "zh", "tr", "nl", "cn", "jp", "kr", "eng", "rus", "ukr", "fa", "he", "hi",
];

/// "A · B · C", "Home > World > Asia": breadcrumbs and tag trails.
fn is_tag_trail(l: &str) -> bool {
    for sep in [" · ", " | ", " > ", " » ", " / ", " • "] {
        let parts: Vec<&str> = l.split(sep).map(str::trim).collect();
        if parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && words(p).count() <= 5 && !p.ends_with('.')) {
            return true;
        }
    }
    false
}

/// Credits that end photo captions: capitalised names, agencies, slashes.
fn is_credit(inner: &str) -> bool {
    let inner = inner.trim();
    if inner.is_empty() || inner.len() > 80 || inner.ends_with('.') {
        return false;
    }
    let lower = inner.to_lowercase();
    if ["photo", "getty", "image", "reuters", "afp", "ap ", "epa", "courtesy", "file", "pool", "yonhap", "xinhua", "shutterstock", "news", "agency"]
        .iter()
        .any(|k| lower.contains(k))
    {
        return true;
    }
    // Otherwise every word must be capitalised (a name or an agency), with a slash or
    // a single word: "(Yonhap)", "(Name / Agency)".
    let ws: Vec<&str> = words(inner).collect();
    let caps = ws.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    caps && (inner.contains('/') || ws.len() == 1)
}

/// The outlet spelled in a compact name ("ExampleDaily", "exampleilbo"): split before a
/// common newspaper word and title-case the parts.
fn outlet_from_compact(name: &str) -> Option<String> {
    const PAPER_WORDS: &[&str] = &[
        "ilbo", "shimbun", "sinmun", "daily", "times", "post", "herald", "news", "tribune", "journal", "gazette",
        "telegraph", "guardian", "observer", "express", "mail", "star", "sun", "chronicle", "courier", "today", "review",
        "weekly", "monitor", "insider", "wire", "press", "zeitung", "standard", "independent", "mirror", "state",
    ];
    const CORP: &[&str] = &["corp", "inc", "co", "group", "media", "online", "web", "site", "net"];
    let mut s = name.trim().to_lowercase();
    if s.len() < 3 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    for c in CORP {
        if s.len() > c.len() + 3 && s.ends_with(c) {
            s.truncate(s.len() - c.len());
            break;
        }
    }
    // One newspaper word at the end; the rest is the paper's own name.
    let mut parts: Vec<String> = vec![s.clone()];
    for w in PAPER_WORDS {
        if s.len() > w.len() + 1 && s.ends_with(w) {
            parts = vec![s[..s.len() - w.len()].to_string(), w.to_string()];
            break;
        }
    }
    Some(parts.iter().map(|p| titlecase(p)).collect::<Vec<_>>().join(" "))
}

fn titlecase(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Outlet named by a copyright line: "Copyright © Name &", "© 2017 Name Co. All rights reserved".
fn outlet_from_copyright(l: &str) -> Option<String> {
    let idx = l.to_lowercase().find("copyright").or_else(|| l.find('©'))?;
    let tail = l[idx..].trim_start_matches(|c: char| !c.is_uppercase() || c == '©');
    let tail = tail.strip_prefix("Copyright").unwrap_or(tail);
    let c = COPY_NAME.captures(tail)?;
    let name = c[1].trim().trim_end_matches(|c: char| c == '.' || c == ',').trim();
    let name = name
        .trim_end_matches(" Co")
        .trim_end_matches(" Ltd")
        .trim_end_matches(" Inc")
        .trim_end_matches(" LLC")
        .trim_end_matches(" Corp")
        .trim();
    if name.is_empty() || name.eq_ignore_ascii_case("all") {
        return None;
    }
    if !name.contains(' ') {
        return outlet_from_compact(name).or_else(|| Some(name.to_string()));
    }
    Some(name.to_string())
}

/// Author name from a byline's captured name: trims role words.
fn clean_author(name: &str) -> Option<String> {
    let n = name.trim().trim_end_matches(|c: char| c == ',' || c == '.' || c == '|').trim();
    let n = n.trim_end_matches(" and").trim();
    if n.is_empty() || words(n).count() > 5 {
        return None;
    }
    let lower = n.to_lowercase();
    if ["the ", "staff", "associated press", "reuters"].iter().any(|w| lower.starts_with(w)) && !lower.contains("staff writer") {
        return Some(n.to_string());
    }
    Some(n.to_string())
}

/// Rejects "By Sunday, officials had left." style sentences that look like bylines.
fn byline_ok(l: &str, c: &regex::Captures) -> bool {
    let first = c[1].split_whitespace().next().unwrap_or("").trim_end_matches(['.', ',']);
    if date::find(&format!("{first} 1")).is_some_and(|f| f.start == 0) || first.ends_with("day") {
        return false;
    }
    let rest = c.get(2).map_or("", |m| m.as_str());
    let sentence_end = l.ends_with(['.', '?', '!', '"', '\u{201D}']);
    !(sentence_end && words(rest).count() > 3)
}

/// A line is substantial enough to be a headline: a few words, letters, not a sentence list.
fn headline_like(l: &str) -> bool {
    let n = words(l).count();
    (3..=30).contains(&n) && l.len() <= 250 && l.chars().any(|c| c.is_alphabetic())
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    author: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

fn set_once(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            *slot = Some(v);
        }
    }
}

/// Classifies one line. `title` is the headline once known (for caption dedupe).
fn classify(l: &str, title: Option<&str>, meta: &mut Meta) -> Option<FurnitureKind> {
    use FurnitureKind::*;
    let short = l.len() <= 200;
    if let Some(t) = title {
        let lf = crate::text::fold(l);
        let tf = crate::text::fold(t);
        if lf == tf {
            return Some(Title);
        }
        if lf.starts_with(&tf) && (PHOTO.is_match(l) || CREDIT_END.is_match(l)) {
            return Some(Caption);
        }
    }
    if is_language_switcher(l) {
        return Some(LanguageSwitcher);
    }
    if short && COMMENTS.is_match(l) {
        return Some(Comments);
    }
    if let Some(c) = EMAIL_LINE.captures(l) {
        let domain = c[2].to_lowercase();
        let label = domain.split('.').rev().nth(1).unwrap_or("");
        if !["gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "proton", "protonmail", "mail"].contains(&label) {
            set_once(&mut meta.outlet, outlet_from_compact(label));
        }
        return Some(Contact);
    }
    if short && COPYRIGHT.is_match(l) && l.len() <= 160 {
        set_once(&mut meta.outlet, outlet_from_copyright(l));
        return Some(Copyright);
    }
    if short && l.len() <= 80 && PROMO.is_match(l) {
        if let Some(c) = TRENDING_SITE.captures(l) {
            set_once(&mut meta.outlet, Some(c[1].trim().to_string()));
        }
        return Some(Promo);
    }
    if is_nav_line(l) {
        return Some(Navigation);
    }
    if is_tag_trail(l) {
        return Some(Tags);
    }
    if l.len() <= 120 {
        if let Some(c) = BYLINE.captures(l).filter(|c| byline_ok(l, c)) {
            set_once(&mut meta.author, clean_author(&c[1]));
            if let Some(rest) = c.get(2) {
                if let Some(f) = date::find(rest.as_str()) {
                    set_once(&mut meta.published, Some(f.iso));
                }
            }
            return Some(Byline);
        }
        if let Some((iso, rest)) = date::dateline(l) {
            set_once(&mut meta.published, Some(iso));
            if let Some(c) = BYLINE.captures(&rest) {
                set_once(&mut meta.author, clean_author(&c[1]));
            }
            return Some(Dateline);
        }
    }
    // Photo captions: "... (Agency)" or "... Photo: ...", never ending as a sentence would.
    if l.len() <= 400 {
        if let Some(c) = CREDIT_END.captures(l) {
            if is_credit(&c[1]) && !l.ends_with(".)") {
                return Some(Caption);
            }
        }
        if PHOTO.is_match(l) && !l.ends_with('"') && !l.ends_with('”') {
            return Some(Caption);
        }
    }
    None
}

/// Cleans plain text (also the output of Markdown and HTML extraction).
pub fn clean_text(text: &str) -> Cleaned {
    let norm = normalise_chars(text);
    let lines: Vec<String> = norm.split('\n').map(|l| squeeze(l.trim())).filter(|l| !l.is_empty()).collect();
    let mut meta = Meta::default();
    let mut furniture = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    let mut title_idx: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let title = meta.title.clone();
        let kind = classify(l, title.as_deref(), &mut meta);
        match kind {
            Some(k) => furniture.push(Furniture { kind: k, text: l.clone() }),
            None => {
                if title_idx.is_none() && body.is_empty() && headline_like(l) && !l.ends_with(':') {
                    title_idx = Some(i);
                    let t = l.trim_end_matches(|c: char| c == '.' && !l.ends_with("..")).to_string();
                    meta.title = Some(if words(&t).count() > 0 { t } else { l.clone() });
                    furniture.push(Furniture { kind: FurnitureKind::Title, text: l.clone() });
                } else {
                    body.push(l);
                }
            }
        }
    }
    // A wire dateline opening the body names the agency ("CITY (AP) — ...").
    if meta.author.is_none() {
        if let Some(first) = body.first() {
            if let Some(c) = WIRE.captures(first) {
                meta.author = Some(c[1].trim().to_string());
            }
        }
    }
    // Trailing lines after the last body sentence that are very short and unpunctuated
    // ("All Headlines", "Advertisement") are chrome.
    while let Some(last) = body.last() {
        if words(last).count() <= 3 && !last.ends_with(['.', '?', '!', '"', '”', '\'']) && body.len() > 1 {
            furniture.push(Furniture { kind: FurnitureKind::Other, text: last.to_string() });
            body.pop();
        } else {
            break;
        }
    }
    Cleaned {
        title: meta.title,
        author: meta.author,
        outlet: meta.outlet,
        published: meta.published,
        body: body.join("\n"),
        furniture,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(c: &Cleaned) -> Vec<FurnitureKind> {
        c.furniture.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn furniture_lines() {
        let t = "News · World · Asia · Politics\n\nRivers rise as storm nears the coast\n\nFrom\nSend to\n\
                 Rivers rise as storm nears the coast Photo: Flooded streets (Getty Images)\n\
                 March 3, 2019 - 10:15 By Jane Q. Doe\n\
                 The river rose two metres on Sunday, officials said.\n\
                 \u{201C}We are ready,\u{201D} the mayor said.\n\
                 Residents were told to leave (though many stayed).\n\
                 (jdoe@examplenews.com)\n\
                 12 thoughts on \u{201C}Rivers rise\u{201D}\nComments are closed.\nPrevious Next\nBack to Top";
        let c = clean_text(t);
        assert_eq!(c.title.as_deref(), Some("Rivers rise as storm nears the coast"));
        assert_eq!(c.author.as_deref(), Some("Jane Q. Doe"));
        assert_eq!(c.published.as_deref(), Some("2019-03-03"));
        assert_eq!(c.outlet.as_deref(), Some("Example News"));
        assert_eq!(
            c.body,
            "The river rose two metres on Sunday, officials said.\n\u{201C}We are ready,\u{201D} the mayor said.\nResidents were told to leave (though many stayed)."
        );
        let k = kinds(&c);
        assert!(k.contains(&FurnitureKind::Tags) && k.contains(&FurnitureKind::Caption) && k.contains(&FurnitureKind::Comments));
    }

    #[test]
    fn language_switcher_and_author_line() {
        let c = clean_text("ua en ru\n\nMarkets fall on trade fears today\nAuthor: Ann Smith\n\nStocks fell sharply.");
        assert_eq!(c.author.as_deref(), Some("Ann Smith"));
        assert_eq!(c.body, "Stocks fell sharply.");
        assert_eq!(kinds(&c)[0], FurnitureKind::LanguageSwitcher);
    }

    #[test]
    fn copyright_and_promo_outlets() {
        let c = clean_text("Big headline about the budget\nThe budget passed.\n\u{2022} Copyright \u{00A9} Examplepost &\nPrevious Next");
        assert_eq!(c.outlet.as_deref(), Some("Example Post"));
        assert_eq!(c.body, "The budget passed.");
        let c = clean_text("Big headline about the budget\nThe budget passed.\nJoin the conversation as a VIP Member\nTrending on SiteName Videos");
        assert_eq!(c.outlet.as_deref(), Some("SiteName"));
        assert_eq!(c.body, "The budget passed.");
    }

    #[test]
    fn body_sentences_survive() {
        let body = "By the end of the year, prices had doubled.\nFrom there, the talks moved to Geneva.\n\
                    Share prices rose 5 percent (the most since 2009).\nSeptember 6 was the deadline, the minister said.";
        let c = clean_text(&format!("A headline with several words\n{body}"));
        assert_eq!(c.body, body);
    }

    #[test]
    fn markdown() {
        let t = markdown_to_text("# Title here now\n\n**Bold** text with a [link](http://x.y) and ![img](a.png).\n- item one");
        assert_eq!(t, "Title here now\n\nBold text with a link and .\nitem one\n");
    }

    #[test]
    fn chars_normalised() {
        assert_eq!(normalise_chars("a\u{00A0}b\u{200B}c\r\nd\re"), "a bc\nd\ne");
    }
}
