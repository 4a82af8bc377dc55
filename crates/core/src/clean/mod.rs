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
/// zero-width characters, soft hyphens and BOMs are dropped, no-break and other
/// fixed-width spaces become a plain space, line and paragraph separators and CR
/// become `\n`.
///
/// A zero-width space (U+200B) is a word break by definition (UAX #14), but CMSs also
/// scatter it inside words ("govern\u{200B}ment"), so it is dropped except where a
/// new word visibly starts: before an upper-case letter after a lower-case letter or
/// after punctuation ("Anna\u{200B}Berg", "said.\u{200B}The"). There it becomes a
/// space, so the name parts and sentences stay apart.
pub fn normalise_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut prev = '\n';
    while let Some(c) = chars.next() {
        match c {
            '\u{200B}' => {
                let next_upper = chars.peek().is_some_and(|n| n.is_uppercase());
                if next_upper
                    && (prev.is_lowercase() || matches!(prev, '.' | ',' | ';' | ':' | '!' | '?'))
                {
                    out.push(' ');
                    prev = ' ';
                }
                continue;
            }
            '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            // A no-break, narrow no-break, thin or figure space between digit groups is
            // a thousands separator (SI and French style: "1\u{00A0}000"): dropped, so
            // the number reads as one ("1000") rather than two.
            '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}'
                if prev.is_ascii_digit() && digit_group_follows(&chars) =>
            {
                continue
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                out.push(' ')
            }
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}' => out.push('\n'),
            c if c.is_control() && c != '\n' => continue,
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// The next characters are exactly three ASCII digits (a thousands group).
fn digit_group_follows(chars: &std::iter::Peekable<std::str::Chars>) -> bool {
    let mut ahead = chars.clone();
    (0..3).all(|_| ahead.next().is_some_and(|c| c.is_ascii_digit()))
        && !ahead.next().is_some_and(|c| c.is_ascii_digit())
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
static MD_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+)").unwrap()
});

/// Markdown to plain lines: headings, quotes and list markers dropped, links reduced to
/// their text, images dropped, emphasis markers removed, rules and fences skipped.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```")
            || t.starts_with("~~~")
            || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ')))
        {
            out.push('\n');
            continue;
        }
        let t = MD_PREFIX.replace(t, "");
        let t = MD_LINK.replace_all(&t, |c: &regex::Captures| {
            if c[0].starts_with('!') {
                String::new()
            } else {
                c[1].to_string()
            }
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
    "a",
    "about",
    "advertisement",
    "advertising",
    "all",
    "and",
    "archive",
    "article",
    "articles",
    "back",
    "bookmark",
    "close",
    "comment",
    "comments",
    "contact",
    "copy",
    "copied",
    "e-mail",
    "email",
    "facebook",
    "feedback",
    "follow",
    "font",
    "from",
    "headlines",
    "home",
    "instagram",
    "larger",
    "latest",
    "link",
    "linkedin",
    "login",
    "log",
    "in",
    "more",
    "menu",
    "most",
    "news",
    "newsletter",
    "next",
    "on",
    "page",
    "pinterest",
    "popular",
    "previous",
    "print",
    "read",
    "reddit",
    "register",
    "related",
    "reply",
    "save",
    "search",
    "see",
    "send",
    "share",
    "show",
    "sign",
    "size",
    "smaller",
    "story",
    "stories",
    "subscribe",
    "text",
    "to",
    "top",
    "tweet",
    "twitter",
    "up",
    "us",
    "view",
    "viewed",
    "watch",
    "whatsapp",
    "x",
    "youtube",
    "video",
    "videos",
    "photos",
    "gallery",
    "listen",
    "audio",
    "skip",
    "content",
    "main",
    "also",
    "recommended",
    "for",
    "you",
    "sections",
    "section",
    "go",
    "click",
    "here",
    "the",
    "this",
    "via",
    "tags",
    "topics",
    "caption",
    "photo",
    "image",
    "gallery",
    "telegram",
    "messenger",
    "sms",
    "mail",
    "gift",
    "print",
    "ad",
    "ads",
    "sponsored",
];

// Word boundaries in the line rules are ASCII (`(?-u:\b)`): a Unicode `\b` makes the
// regex crate's lazy DFA give up at the first non-ASCII byte (a curly quote or dash is in
// nearly every news line) and fall back to the much slower PikeVM, which made these
// rules a quarter of the whole pipeline. Every boundary here sits beside an ASCII
// keyword, so the two kinds differ only where a keyword touches a non-ASCII letter.

/// Promotion and community prompts (matched at the start of a short line).
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:join (?:the|our) (?:conversation|discussion|community)|trending on(?-u:\b)|sign up(?-u:\b)|subscribe(?-u:\b)|become a (?:member|subscriber|vip)|get (?:our|the) (?:newsletter|app)|download (?:our|the) app|follow us(?-u:\b)|like us on(?-u:\b)|support (?:our|independent) journalism|don'?t miss(?-u:\b)|recommended (?:for you|videos?)|sponsored(?-u:\b)|advertisement(?-u:\b)|advert$|read (?:more|next)(?-u:\b)|related(?: articles| stories| coverage)?:|more from(?-u:\b)|more (?:articles|stories|posts) (?:from|by)(?-u:\b)|sharing is caring|like this (?:story|article|post)\?|breaking news (?:emails|alerts)$|continue reading(?-u:\b)|click here(?-u:\b)|watch:|listen:|also read(?-u:\b)|see also(?-u:\b)|you might also like|we recommend|popular on(?-u:\b)|most (?:read|popular|viewed)(?-u:\b))").unwrap()
});
/// Cross-links and prompts that may run long ("READ MORE: <other headline>").
static PROMO_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read more|read next|related|related coverage|also on [\w.-]+|also read|see also|see more|more from [\w .-]+|recommended|watch|listen|must read|don'?t miss|trending|sponsored|advertisement)\s*[:|>»-]|^(?:you may also like|you might also like|want more stories like this\??|more great [\w ]+ stories|(?:more|top|latest|related|popular) (?:stories|articles|news|videos|posts))(?:\.\.\.|…|:)?$|(?-u:\b)click(?:ing)? here(?-u:\b)|^follow(?-u:\b).*(?:(?-u:\b)coverage(?-u:\b)|https?://)").unwrap()
});
/// Newsletter prompts (a sentence opening with "Sign up"/"Subscribe" that names a
/// newsletter or inbox), affiliate disclosures and script notices, in a line of a few
/// sentences ("Get the latest updates right in your inbox. Subscribe to ...").
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?]\s+)(?:sign up|subscribe)(?-u:\b)[^.!?]*(?-u:\b)(?:newsletters?|inbox)(?-u:\b)|(?-u:\b)(?:delivered|straight|right) (?:to|in)(?:to)? your inbox|meet your inbox|requires javascript|enable javascript|contain(?:s)? affiliate (?:and/or referral )?links").unwrap()
});
/// How to reach the writer ("Have a tip? Name may be reached at ...", "Reach the
/// reporters on Twitter at ...").
static CONTACT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:may|can) be reached at\s+\(?[\w.+-]*[@\d]|(?:^|[.!?]\s+)(?:reach|contact|email|e-mail|write to) (?:the )?(?:reporters?|writers?|authors?|him|her|them|us|me)(?-u:\b)|^have a (?:news )?tip\?").unwrap()
});
/// A photo credit closing a caption, glued on or after a slash ("... isn't easy.Name
/// Surname/Getty", "... on July 25. J. Scott Applewhite / AP file").
static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}.'’-]*\s?[/|]\s?(?:Getty(?: Images)?|AP(?: [Ff]ile| Photo)?|Reuters|AFP|EPA|Shutterstock|Statista|Bloomberg|Alamy)$").unwrap()
});
/// A byline without "By": names, a comma and the writer's role or agency ("Ann Lee, AP
/// National Political Writer", "Ann Lee and Bo Chan, Associated Press"). The words before
/// the role are at most 40 characters; [`role_byline`] checks that bound, because a
/// counted repetition of a Unicode letter class compiles to a large automaton (with it,
/// this regex cost 15 ms to build natively, more than all the other rules of the first
/// analysis together, and several times that in the browser).
static ROLE_BYLINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(ROLE_BYLINE_PATTERN).unwrap());
const ROLE_BYLINE_PATTERN: &str = r"^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:\s+and\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})?),(?P<pre>\s+(?:[\p{L}.&'’ -]*\s)?)(?i:writer|correspondent|reporter|editor|columnist|associated press|reuters|bureau chief)$";

/// The names of a role byline (group 1 of [`ROLE_BYLINE`] with the words before the role
/// bounded, as `,\s+(?:[\p{L}.&'’ -]{0,40}\s)?` in one regex).
///
/// Exactly that regex's result. The names cannot hold a comma, so they are the line up to
/// its first comma either way. The role words end at the line's end and none is the end
/// of another, so the text between the comma and the role (`pre`) is fixed too; the
/// bounded regex matches when `pre` splits into whitespace, at most 40 class characters
/// and one whitespace character. The leading whitespace can all go to `\s+` (the class
/// holds no whitespace but the space), so the shortest middle is `pre` without its
/// leading whitespace and its last character.
fn role_byline(l: &str) -> Option<&str> {
    let c = ROLE_BYLINE.captures(l)?;
    let pre = c.name("pre")?.as_str().trim_start();
    if pre.chars().count().saturating_sub(1) > 40 {
        return None;
    }
    Some(c.get(1)?.as_str())
}
/// Production credits at the foot of wire copy.
static CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|written|produced) by(?-u:\b)|(?-u:\b)contributed (?:to )?(?:this|the) (?:report|story|article)\.?\)?$").unwrap()
});

/// A multimedia story's credit roll, "Story by Name Video produced by Name...": the
/// writer is the author (the name ends where the next credit starts).
static STORY_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Story|Text|Words) by (\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}?)(?:\s*$|\s*[.;,|]|\s*\p{Lu}\p{L}*\s+(?:produced|edited|shot|filmed|photographed|by)(?-u:\b))").unwrap()
});

static TRENDING_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:trending|popular|more|latest|top stories) (?:on|from) (.+?)(?: videos?| news| stories)?$").unwrap()
});
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+|one|two|three|no) (?:thoughts?|comments?|responses?|replies|reactions?) (?:on|to)(?-u:\b)|^(?:comments are closed|leave a (?:comment|reply)|add (?:a|your) comment|post a comment|show comments|view comments|join the discussion|commenting (?:is|has been) (?:closed|disabled)|comments? \(\d+\)|\d+ comments?$)").unwrap()
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)copyright|(?:^|[\s(\p{P}])©|\(c\) ?\d{4}|all rights reserved|(?-u:\b)terms of (?:use|service)(?-u:\b)|privacy policy").unwrap()
});
/// The name in a copyright line. The name's tail is at most 60 characters; the regex
/// searched first leaves that bound out ([`copy_name`] checks it) because a counted,
/// case-insensitive repetition of `\w` compiles to a large automaton: this one regex
/// cost more to build than all the others together, on the first document of every run.
static COPY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?([A-Z](?P<tail>[\w&.' -]+?))\s*(?:[&,.;|]|all rights|$)").unwrap()
});
/// [`COPY_NAME`] with the bound in the regex, for the rare line where the unbounded
/// search's name runs longer.
static COPY_NAME_BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?([A-Z][\w&.' -]{1,60}?)\s*(?:[&,.;|]|all rights|$)").unwrap()
});

/// The copyright name (group 1 of the bounded regex) in `tail`.
///
/// Exactly the bounded regex's result: its matches are a subset of the unbounded one's,
/// tried in the same priority order, so when the unbounded leftmost-first match keeps
/// within the bound it is also the bounded regex's match; otherwise the bounded regex
/// decides.
fn copy_name(tail: &str) -> Option<&str> {
    let c = COPY_NAME.captures(tail)?;
    if c.name("tail")?.as_str().chars().count() <= 60 {
        return Some(c.get(1)?.as_str());
    }
    Some(COPY_NAME_BOUNDED.captures(tail)?.get(1)?.as_str())
}
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•·*–—-]\s*)?(?i:by|written by|posted by|reported by|story by|words by|author:?|reporter:?|byline:?)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del|der|bin|al|la|le)){0,4})(?:\s*(?:,|\||and|&|-|–|—)\s*(.*))?$").unwrap()
});
static EMAIL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(<\[]?\s*(?:e-?mail:?\s*)?([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\s*[)>\]]?\.?$")
        .unwrap()
});
static GALLERY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:image|photo|picture|slide)s?\s+)?\d+\s+(?:of|/)\s*/?\s*\d+$|(?:\s|\.\.\.|…)\s*(?:less|more)$|credit:\s*[^.!?]{1,60}$").unwrap()
});
static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(([^()]{2,80})\)$").unwrap());
static PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])(?:photo|image|picture|video|file photo|illustration|graphic|credit)s?(?: by)?:\s|^(?:foto|фото|bild|imagen|imagem):\s?|^(?:photo|image|picture)s?(?-u:\b)[^.!?]*(?-u:\b)(?:getty|reuters|ap|afp|shutterstock|epa)(?-u:\b)[^.!?]*$").unwrap()
});
/// "CITY, Country (Agency) —": a place (a capital and at most 50 more characters) and an
/// agency of 2 to 25 characters.
/// Those bounds are checked in code ([`wire_agency`]): a counted repetition of a Unicode
/// letter class compiles to a large automaton (this was the costliest regex to build in
/// the crate, about 100 times the others, paid on the first document of every run and
/// so on the first analysis in the browser).
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}(?P<place>[\p{L}\d .,'’-]+)\s\((?P<agency>[\p{L} &.]+)\)\s*[—–-]").unwrap()
});

/// The agency of a wire dateline opening `line`, and the dateline's end.
///
/// Same as `^\p{Lu}[\p{L}\d .,'’-]{1,50}\s\(([\p{L} &.]{2,25})\)...` in one regex: the
/// place cannot contain `(` and the agency cannot contain `)`, so each ends just before
/// the first such bracket and the match found is the only possible one; its parts are
/// then checked for length (in chars, as a regex counts).
fn wire_agency(line: &str) -> Option<(&str, usize)> {
    let c = WIRE.captures(line)?;
    let agency = c.name("agency")?.as_str();
    if c.name("place")?.as_str().chars().count() > 50 || !(2..=25).contains(&agency.chars().count())
    {
        return None;
    }
    Some((agency, c.get(0)?.end()))
}

/// "(Reporting by Name[ and Name][ in City][; Editing by Name])" closing a wire story. What
/// follows the name is at most 160 characters: [`wire_credit`] checks that (a counted
/// repetition compiles to an automaton 160 times the size).
static WIRE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:(?P<add>[Aa]dditional )?[Rr]eporting|Reporting and writing) by (?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?P<tail>[^()]*)\)\.?\s*$").unwrap()
});

/// [`WIRE_CREDIT`]'s match with its tail bounded, as `[^()]{0,160}` in one regex.
///
/// Exactly that regex's match. Only the last bracket of the line can close at its end, so
/// the match starts at the same place either way. Of the ways to split the text after "by"
/// into name and tail, both regexes prefer the longest name; every other split has a
/// longer tail, so when the preferred split's tail is over the bound, no split is within
/// it and the bounded regex finds nothing.
fn wire_credit(l: &str) -> Option<regex::Captures<'_>> {
    WIRE_CREDIT.captures(l).filter(|c| {
        c.name("tail")
            .is_some_and(|t| t.as_str().chars().count() <= 160)
    })
}
static FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^["“]?(?i:follow)\s+(?:[^.!?]{0,80}?\s)??(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+(?i:on\s+(?:twitter|x|facebook|instagram|threads|bluesky))(?-u:\b)"#).unwrap()
});
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–—]+\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\.?$").unwrap()
});
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Rep|Sen|Gov|Dr|Prof|Mr|Ms|Mrs)\.\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})(?:,\s+[^,]{3,120}(?:,\s+[^,]{1,60}){0,2},)?\s+(?:is|was|has been|serves as)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,6}(?i:director|author|co-author|columnist|professor|editor|fellow|writer|contributor|analyst|correspondent|reporter|journalist|lecturer|researcher|scholar|historian|scientist|economist|chairman|chairwoman|chair|president|founder|co-founder|host|member|senior|former|retired|governor|senator|representative|congressman|congresswoman|mayor|coordinator|chief|secretary|ceo|executive|officer|strategist|consultant|attorney|lawyer|partner|adviser|advisor|commentator|pollster|activist|teacher|physician|pastor|candidate)(?-u:\b)").unwrap()
});
/// "Name reported from City." at the foot of a story.
static REPORTED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\.\s+)(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s+reported from(?-u:\b)",
    )
    .unwrap()
});
/// The rest of a joint foot note after the first reporter's place: ", and Name and Name
/// from City." (the other reporters, each from a short place name).
static REPORTED_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}";
    Regex::new(&format!(
        r"^\s*[^.]{{1,50}}?,?\s+and\s+({name}(?:(?:,\s+|,?\s+and\s+){name}){{0,3}})\s+from\s+[^.]{{1,50}}\.?$"
    ))
    .unwrap()
});

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// `words(s).count()` in one pass without the splitting machinery: the number of runs
/// of word characters.
fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut inside = false;
    for c in s.chars() {
        let w = is_word_char(c);
        n += usize::from(w && !inside);
        inside = w;
    }
    n
}

fn is_nav_line(l: &str) -> bool {
    // a breadcrumb whose links the page glued together ("HomeLatest NewsNollywood ...")
    if l.strip_prefix("Home")
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
        && l.len() <= 250
    {
        return true;
    }
    if l.len() > 60 {
        return false;
    }
    let n = word_count(l);
    if n == 0 || n > 7 {
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
    // 2 to 12 tokens of two or three ASCII letters, all lower or all upper case, one a
    // language code; read lazily, so a prose line stops at its first long word
    let (mut n, mut lower, mut upper, mut code) = (0, true, true, false);
    for t in l
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·')
        .filter(|t| !t.is_empty())
    {
        n += 1;
        if n > 12 || !((t.len() == 2 || t.len() == 3) && t.chars().all(|c| c.is_ascii_alphabetic()))
        {
            return false;
        }
        lower &= t.chars().all(|c| c.is_ascii_lowercase());
        upper &= t.chars().all(|c| c.is_ascii_uppercase());
        code = code || LANG_CODES.contains(&t.to_ascii_lowercase().as_str());
    }
    n >= 2 && (lower || upper) && code
}

/// A line [`PHOTO`] can match: its first branch needs a colon, its second starts with
/// "photo", "picture" or "image" (any case). Checked first: most lines are prose.
fn photo_candidate(l: &str) -> bool {
    l.contains(':') || l.starts_with(['p', 'P', 'i', 'I'])
}

/// A line [`GALLERY`] can match: a counter ends in a digit, "less"/"more" end in `s`
/// (or the long s, which case-insensitive matching equates with it) or `e`, and a
/// credit has a colon.
fn gallery_candidate(l: &str) -> bool {
    l.contains(':')
        || l.ends_with(|c: char| c.is_numeric() || matches!(c, 'e' | 'E' | 's' | 'S' | '\u{17F}'))
}

/// A slideshow caption with its counter glued on by the page's markup ("1of4A shopper
/// looks at ..."): digits, "of", digits, then a capital.
fn gallery_counted(l: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(l);
    if !(1..=3).contains(&n) {
        return false;
    }
    let Some(rest) = l[n..].strip_prefix("of") else {
        return false;
    };
    let m = digits(rest);
    (1..=3).contains(&m) && rest[m..].starts_with(|c: char| c.is_uppercase())
}

/// A link to another story labelled with what it holds ("China furious at Macron
/// [INSIGHT]", "... Review [Video]"): a line ending in a bracketed capitalised tag.
fn teaser_tag(l: &str) -> bool {
    let l = l.trim_end_matches(['|', ' ']);
    let Some(inner) = l
        .strip_suffix(']')
        .and_then(|x| x.rsplit_once('['))
        .map(|x| x.1)
    else {
        return false;
    };
    let shouted = inner.bytes().all(|b| b.is_ascii_uppercase() || b == b' ');
    // or what the link holds, capitalised: "[Video]" (a source's name, "[Bloomberg]",
    // is how link round-ups credit the story they summarise: that is their text)
    let media = matches!(
        inner,
        "Video"
            | "Videos"
            | "Photo"
            | "Photos"
            | "Pics"
            | "Gallery"
            | "Watch"
            | "Audio"
            | "Podcast"
    );
    (3..=12).contains(&inner.len()) && (shouted || media) && l.len() > inner.len() + 2
}

const LANG_CODES: &[&str] = &[
    "ar", "de", "en", "es", "fr", "it", "ja", "ko", "pl", "pt", "ru", "ua", "uk", "zh", "tr", "nl",
    "cn", "jp", "kr", "eng", "rus", "ukr", "fa", "he", "hi",
];

/// "A · B · C", "Home > World > Asia": breadcrumbs and tag trails.
fn is_tag_trail(l: &str) -> bool {
    // every separator's middle character ('·' is C2 B7, '»' C2 BB, '•' E2 80 A2): a line
    // without any of those bytes has no separator (one pass instead of six searches)
    if !l
        .bytes()
        .any(|b| matches!(b, b'|' | b'>' | b'/' | 0xB7 | 0xBB | 0xA2))
    {
        return false;
    }
    for sep in [" · ", " | ", " > ", " » ", " / ", " • "] {
        // at least three parts, each short and not a sentence
        if l.split(sep).nth(2).is_some()
            && l.split(sep)
                .map(str::trim)
                .all(|p| !p.is_empty() && word_count(p) <= 5 && !p.ends_with('.'))
        {
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
    if ["AP", "AFP", "EPA", "UPI", "DPA", "ANP", "PA", "TASS", "AAP"].contains(&inner) {
        return true;
    }
    let lower = inner.to_lowercase();
    if [
        "photo",
        "getty",
        "image",
        "reuters",
        "afp",
        "ap ",
        "epa",
        "courtesy",
        "file",
        "pool",
        "yonhap",
        "xinhua",
        "shutterstock",
        "news",
        "agency",
    ]
    .iter()
    .any(|k| lower.contains(k))
    {
        return true;
    }
    // Otherwise every word must be capitalised (a name or an agency), with a slash or
    // a single word: "(Yonhap)", "(Name / Agency)".
    let ws: Vec<&str> = words(inner).collect();
    let caps = ws
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    // A lone all-capitals word is an acronym being defined ("(WHO)"), not a credit.
    let lone_ok = ws.len() == 1 && ws[0].chars().any(|c| c.is_lowercase());
    caps && (inner.contains('/') || lone_ok)
}

/// The outlet spelled in a compact name ("ExampleDaily", "exampleilbo"): split before a
/// common newspaper word and title-case the parts.
fn outlet_from_compact(name: &str) -> Option<String> {
    const PAPER_WORDS: &[&str] = &[
        "ilbo",
        "shimbun",
        "sinmun",
        "daily",
        "times",
        "post",
        "herald",
        "news",
        "tribune",
        "journal",
        "gazette",
        "telegraph",
        "guardian",
        "observer",
        "express",
        "mail",
        "star",
        "sun",
        "chronicle",
        "courier",
        "today",
        "review",
        "weekly",
        "monitor",
        "insider",
        "wire",
        "press",
        "zeitung",
        "standard",
        "independent",
        "mirror",
        "state",
    ];
    const CORP: &[&str] = &[
        "corp", "inc", "co", "group", "media", "online", "web", "site", "net",
    ];
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
    Some(
        parts
            .iter()
            .map(|p| titlecase(p))
            .collect::<Vec<_>>()
            .join(" "),
    )
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
    let name = copy_name(tail)?
        .trim()
        .trim_end_matches(|c: char| c == '.' || c == ',')
        .trim();
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
/// The names of a list "A, B and C" (or "A, B, and C").
fn names_in(s: &str) -> impl Iterator<Item = &str> {
    s.split(", ")
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("and ").trim())
        .filter(|p| !p.is_empty())
}

fn clean_author(name: &str) -> Option<String> {
    let n = name
        .trim()
        .trim_end_matches(|c: char| c == ',' || c == '.' || c == '|')
        .trim();
    let n = n.trim_end_matches(" and").trim();
    // (each of several names at most five words: "A, B and C")
    if n.is_empty() || names_in(n).any(|p| word_count(p) > 5) {
        return None;
    }
    let lower = n.to_lowercase();
    if ["the ", "staff", "associated press", "reuters"]
        .iter()
        .any(|w| lower.starts_with(w))
        && !lower.contains("staff writer")
    {
        return Some(n.to_string());
    }
    Some(n.to_string())
}

/// Rejects "By Sunday, officials had left." style sentences that look like bylines.
fn byline_ok(l: &str, c: &regex::Captures) -> bool {
    let first = c[1]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',']);
    if date::find(&format!("{first} 1")).is_some_and(|f| f.start == 0) || first.ends_with("day") {
        return false;
    }
    let rest = c.get(2).map_or("", |m| m.as_str());
    let sentence_end = l.ends_with(['.', '?', '!', '"', '\u{201D}']);
    !(sentence_end && word_count(rest) > 3)
}

/// A line is substantial enough to be a headline: a few words, letters, not a sentence list.
fn headline_like(l: &str) -> bool {
    let n = word_count(l);
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

/// Classifies one line. `title` is the headline once known, folded ([`crate::text::fold`]),
/// for caption dedupe.
fn classify(l: &str, title: Option<&str>, meta: &mut Meta) -> Option<FurnitureKind> {
    use FurnitureKind::*;
    let short = l.len() <= 200;
    if let Some(tf) = title {
        // fold(l) == tf, or starts with it: folded lazily, so a long line stops early
        let mut lf = crate::text::fold_chars(l);
        let prefix = tf.chars().all(|c| lf.next() == Some(c));
        if prefix && lf.next().is_none() {
            return Some(Title);
        }
        if prefix && (PHOTO.is_match(l) || CREDIT_END.is_match(l)) {
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
        if ![
            "gmail",
            "yahoo",
            "hotmail",
            "outlook",
            "aol",
            "icloud",
            "proton",
            "protonmail",
            "mail",
        ]
        .contains(&label)
        {
            set_once(&mut meta.outlet, outlet_from_compact(label));
        }
        return Some(Contact);
    }
    if short && COPYRIGHT.is_match(l) && l.len() <= 160 {
        set_once(&mut meta.outlet, outlet_from_copyright(l));
        return Some(Copyright);
    }
    if l.len() <= 200
        && (l.contains("reported from") || l.contains("contributed reporting"))
        && word_count(l) <= 30
    {
        let tail = l.rsplit("reported from").next().unwrap_or("");
        let also = REPORTED_ALSO.captures(tail);
        if let Some(c) = REPORTED_FROM
            .captures(l)
            .filter(|_| word_count(tail) <= 6 || also.is_some())
        {
            // "A reported from X, and B and C from Y": all three wrote it
            let mut names = vec![c[1].to_string()];
            if let Some(a) = &also {
                names.extend(names_in(&a[1]).map(str::to_string));
            }
            let author = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => names.concat(),
            };
            set_once(&mut meta.author, clean_author(&author));
            return Some(Byline);
        }
    }
    if l.len() <= 300 {
        if let Some(c) = STORY_BY.captures(l) {
            set_once(&mut meta.author, clean_author(&c[1]));
            return Some(Byline);
        }
    }
    if l.len() <= 300 && CREDITS.is_match(l) {
        return Some(Byline);
    }
    if l.len() <= 250 && PROMO_HEAD.is_match(l) && !(l.len() > 80 && l.ends_with(['"', '\u{201D}']))
    {
        return Some(Promo);
    }
    if l.len() <= 300 && !l.contains(['"', '\u{201C}', '\u{201D}']) && NOTICE.is_match(l) {
        return Some(Promo);
    }
    if short && teaser_tag(l) {
        return Some(Promo);
    }
    if short && l.len() <= 120 && PROMO.is_match(l) {
        if let Some(c) = TRENDING_SITE.captures(l) {
            set_once(&mut meta.outlet, Some(c[1].trim().to_string()));
        }
        return Some(Promo);
    }
    // ("Follow [the outlet's role words] Name on Twitter at @handle.")
    if l.len() <= 200 {
        if let Some(c) = FOLLOW.captures(l) {
            set_once(&mut meta.author, clean_author(&c[1]));
            return Some(Promo);
        }
    }
    // (after FOLLOW: "Follow Name on Twitter. Reach him at ..." names the author)
    // (and a note that opens "Name is a columnist for ..." names the author too)
    if l.len() <= 300 && CONTACT_NOTE.is_match(l) && word_count(l) <= 45 {
        if let Some(c) = BIO.captures(l) {
            set_once(&mut meta.author, clean_author(&c[1]));
            return Some(Byline);
        }
        return Some(Contact);
    }
    if l.len() <= 120 {
        if let Some(c) = SIGNATURE.captures(l) {
            set_once(&mut meta.author, clean_author(&c[1]));
            return Some(Byline);
        }
    }
    if l.len() <= 600 && (gallery_candidate(l) && GALLERY.is_match(l) || gallery_counted(l)) {
        return Some(Caption);
    }
    // A line without letters that is not a sentence ("6", "___", "•"): gallery counters, rules.
    if l.len() <= 8 && !l.chars().any(|c| c.is_alphabetic()) {
        return Some(Other);
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
        if let Some(names) = role_byline(l) {
            set_once(&mut meta.author, clean_author(names));
            return Some(Byline);
        }
        if let Some((iso, rest)) = date::dateline(l) {
            set_once(&mut meta.published, Some(iso));
            if let Some(c) = BYLINE.captures(&rest) {
                set_once(&mut meta.author, clean_author(&c[1]));
            }
            return Some(Dateline);
        }
        if date::time_stamp(l) {
            return Some(Dateline);
        }
    }
    // Photo captions: "... (Agency)" or "... Photo: ...", never ending as a sentence would.
    if l.len() <= 400 {
        if let Some(c) = CREDIT_END.captures(l) {
            let listed = l.split_once([')', '.']).is_some_and(|(a, _)| {
                !a.is_empty() && a.len() <= 3 && a.bytes().all(|b| b.is_ascii_digit())
            });
            if is_credit(&c[1]) && !l.ends_with(".)") && word_count(l) >= 6 && !listed {
                return Some(Caption);
            }
        }
        if l.contains(['/', '|']) && CREDIT_TAIL.is_match(l) {
            return Some(Caption);
        }
        if photo_candidate(l) && PHOTO.is_match(l) && !l.ends_with('"') && !l.ends_with('”') {
            return Some(Caption);
        }
    }
    None
}

/// Cleans plain text (also the output of Markdown and HTML extraction).
pub fn clean_text(text: &str) -> Cleaned {
    clean_lines(text, false)
}

/// `tail_cut`: for text extracted from a web page, a promotion, newsletter prompt or
/// author note in the last part of the text starts the page's related-content area,
/// so everything after it is dropped (as Readability-derived extractors do).
pub(crate) fn clean_lines(text: &str, tail_cut: bool) -> Cleaned {
    let norm = normalise_chars(text);
    let lines: Vec<String> = norm
        .split('\n')
        .map(|l| squeeze(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    let mut meta = Meta::default();
    let mut furniture = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    let mut title_idx: Option<usize> = None;
    // `meta.title` folded, once (classify compares every line with it)
    let mut title_folded: Option<String> = None;
    let mut skip_next = false;
    let line_words: Vec<usize> = lines.iter().map(|l| word_count(l)).collect();
    let total_words: usize = line_words.iter().sum();
    let mut seen_words = 0usize;
    let mut cut = false;
    for (i, l) in lines.iter().enumerate() {
        seen_words += line_words[i];
        if cut {
            furniture.push(Furniture {
                kind: FurnitureKind::Other,
                text: l.clone(),
            });
            continue;
        }
        if skip_next {
            skip_next = false;
            continue;
        }
        if tail_cut && seen_words * 10 >= total_words * 8 && !body.is_empty() {
            let promo =
                l.len() <= 250 && (PROMO_HEAD.is_match(l) || (l.len() <= 80 && PROMO.is_match(l)));
            let bio = word_count(l) <= 40 && !l.contains(['"', '\u{201C}']) && BIO.is_match(l);
            if promo || bio {
                cut = true;
                furniture.push(Furniture {
                    kind: if bio {
                        FurnitureKind::Byline
                    } else {
                        FurnitureKind::Promo
                    },
                    text: l.clone(),
                });
                continue;
            }
        }
        let kind = classify(l, title_folded.as_deref(), &mut meta);
        match kind {
            Some(k) => furniture.push(Furniture {
                kind: k,
                text: l.clone(),
            }),
            None => {
                if title_idx.is_none() && body.is_empty() && headline_like(l) && !l.ends_with(':') {
                    title_idx = Some(i);
                    // A headline ending in ';' continues with its deck on the next line.
                    let joined;
                    let l = if l.ends_with(';')
                        && i + 1 < lines.len()
                        && headline_like(&lines[i + 1])
                        && classify(&lines[i + 1], None, &mut Meta::default()).is_none()
                    {
                        skip_next = true;
                        joined = format!("{} {}", l, lines[i + 1]);
                        &joined
                    } else {
                        l
                    };
                    let t = l
                        .trim_end_matches(|c: char| c == '.' && !l.ends_with(".."))
                        .to_string();
                    meta.title = Some(if word_count(&t) > 0 { t } else { l.clone() });
                    title_folded = meta.title.as_deref().map(crate::text::fold);
                    furniture.push(Furniture {
                        kind: FurnitureKind::Title,
                        text: l.clone(),
                    });
                } else {
                    body.push(l);
                }
            }
        }
    }
    // A file whose only text line was taken as the headline: if that line is prose
    // (it ends a sentence, which headlines do not), it is the article itself ("one
    // paragraph without line breaks", common for CJK text with no spaces).
    if body.is_empty() {
        if let Some(i) = title_idx {
            let alone = furniture
                .iter()
                .any(|f| f.kind == FurnitureKind::Title && f.text == lines[i]);
            if alone && lines[i].ends_with(['.', '!', '?', '\u{3002}', '\u{FF01}', '\u{FF1F}']) {
                body.push(&lines[i]);
                furniture.retain(|f| f.kind != FurnitureKind::Title);
            }
        }
    }
    // A wire dateline opening the body names the agency ("CITY (AP) — ...").
    let mut body_first_agency: Option<String> = None;
    if meta.author.is_none() {
        if let Some(first) = body.first() {
            if let Some((agency, end)) = wire_agency(first) {
                meta.author = Some(agency.trim().to_string());
                body_first_agency = meta.author.clone();
                if meta.published.is_none() {
                    meta.published = date::find(&first[..end]).map(|f| f.iso);
                }
            }
        }
    }
    // A wire story's closing credit "(Reporting by Name in City; Editing by Name)" names
    // its reporter, who is the author rather than the agency of the dateline; the credit
    // is furniture, not the story's last sentence.
    if let Some(last) = body.last_mut() {
        if let Some(c) = wire_credit(last) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            // ("Additional reporting by" credits helpers, not the author)
            if let Some(name) = clean_author(&c["name"]).filter(|_| c.name("add").is_none()) {
                let agency_only = meta
                    .author
                    .as_deref()
                    .is_none_or(|a| body_first_agency.as_deref() == Some(a));
                if agency_only {
                    meta.author = Some(name);
                }
            }
            furniture.push(Furniture {
                kind: FurnitureKind::Byline,
                text: last[whole.clone()].trim().to_string(),
            });
            *last = last[..whole.start].trim_end();
            if last.is_empty() {
                body.pop();
            }
        }
    }
    // A closing author note ("Name is a professor of ...") names the author.
    if body.len() > 1 {
        if let Some(c) = body.last().and_then(|l| {
            if word_count(l) <= 45 && !l.contains(['"', '“']) {
                BIO.captures(l)
            } else {
                None
            }
        }) {
            if meta.author.is_none() {
                meta.author = clean_author(&c[1]);
            }
            furniture.push(Furniture {
                kind: FurnitureKind::Byline,
                text: body.last().unwrap().to_string(),
            });
            body.pop();
        }
    }
    // Trailing lines after the last body sentence that are very short and unpunctuated
    // ("All Headlines", "Advertisement") are chrome.
    while let Some(last) = body.last() {
        if word_count(last) <= 3
            && !last.ends_with(['.', '?', '!', '"', '”', '\''])
            && body.len() > 1
        {
            furniture.push(Furniture {
                kind: FurnitureKind::Other,
                text: last.to_string(),
            });
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
    /// [`role_byline`] (unbounded regex and a length check) agrees with the one bounded
    /// regex it replaces, on lines built from the pieces that decide it: names, commas,
    /// runs of spaces and tabs, role words, and filler of every length around the bound.
    /// [`wire_credit`] (unbounded regex and a length check) agrees with the bounded regex
    /// it replaces: the same match, name and "additional" flag.
    mod wire_credit_equivalence {
        use super::super::*;

        static BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\s*\((?:(?P<add>[Aa]dditional )?[Rr]eporting|Reporting and writing) by (?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})[^()]{0,160}\)\.?\s*$").unwrap()
        });

        fn parts(c: Option<regex::Captures<'_>>) -> Option<(std::ops::Range<usize>, String, bool)> {
            c.map(|c| {
                (
                    c.get(0).unwrap().range(),
                    c["name"].to_string(),
                    c.name("add").is_some(),
                )
            })
        }

        proptest::proptest! {
            #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
            #[test]
            fn same_as_the_bounded_regex(
                before in "(|The talks failed.|Ends \\(here\\).)",
                open in "( \\(| \\(\\(|\\(|  \\()",
                credit in "(Reporting by|Additional reporting by|reporting by|Reporting and writing by|Reporting by by)",
                name in "( Ann Lee| Ann| Ann Lee Bo Chan Kim| O’Neil Étoile| ann)",
                tail in proptest::collection::vec("( in Seoul|; Editing by Bo Chan| and|,|x{40,80}|\\(| )", 0..5),
                close in "(\\)|\\)\\.|\\) |\\)\\)|)",
            ) {
                let l = format!("{before}{open}{credit}{name}{}{close}", tail.concat());
                proptest::prop_assert_eq!(parts(wire_credit(&l)), parts(BOUNDED.captures(&l)), "{:?}", l);
            }
        }

        #[test]
        fn around_the_bound() {
            for n in 155..166 {
                let l = format!("Done. (Reporting by Ann Lee {})", "x".repeat(n - 1));
                assert_eq!(wire_credit(&l).is_some(), n <= 160, "{n}");
                assert_eq!(BOUNDED.is_match(&l), n <= 160, "{n}");
            }
        }
    }

    mod role_byline_equivalence {
        use super::super::*;

        static BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:\s+and\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})?),\s+(?:[\p{L}.&'’ -]{0,40}\s)?(?i:writer|correspondent|reporter|editor|columnist|associated press|reuters|bureau chief)$").unwrap()
        });

        proptest::proptest! {
            #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
            #[test]
            fn same_as_the_bounded_regex(
                names in "(Ann Lee|Ann|Bo Chan and Ann Lee|O’Neil Étoile|ann lee|Ann Lee Bo Chan Kim Li)",
                comma in "(,|, |,  | ,|)",
                middle in proptest::collection::vec(
                    "( |  |\\t|AP|National|Étoile|&|\\.|-|,|[a-z]{1,6}|x{33,42})",
                    0..5,
                ),
                role in "( writer| Writer| reporter| bureau chief| Associated Press|Reuters| editor.| chief|)",
            ) {
                let l = format!("{names}{comma}{}{role}", middle.concat());
                let bounded = &*BOUNDED;
                let want = bounded.captures(&l).map(|c| c.get(1).unwrap().as_str().to_string());
                proptest::prop_assert_eq!(role_byline(&l).map(str::to_string), want, "{:?}", l);
            }
        }

        #[test]
        fn around_the_bound() {
            let words = |n: usize| "x".repeat(n);
            for n in 35..46 {
                for lead in ["", " ", "  "] {
                    let l = format!("Ann Lee,{lead} {} writer", words(n));
                    let bounded = n <= 40;
                    assert_eq!(role_byline(&l).is_some(), bounded, "{l:?}");
                }
            }
            assert_eq!(
                role_byline("Ann Lee and Bo Chan, Associated Press"),
                Some("Ann Lee and Bo Chan")
            );
            assert_eq!(
                role_byline("Ann Lee, AP National Political Writer"),
                Some("Ann Lee")
            );
        }
    }

    use super::*;

    fn kinds(c: &Cleaned) -> Vec<FurnitureKind> {
        c.furniture.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn regex_prefilters_are_necessary() {
        for l in [
            "Photo by Jane Doe/Getty",
            "pictures show Reuters staff",
            "Image 3 of 12",
            "12 / 40",
            "Read less",
            "READ MORE",
            "leſſ",
            "Credit: Jane Doe",
            "IMAGE: AP",
            "a line with a video: clip",
        ] {
            if PHOTO.is_match(l) {
                assert!(photo_candidate(l), "{l:?}");
            }
            if GALLERY.is_match(l) {
                assert!(gallery_candidate(l), "{l:?}");
            }
        }
        assert!(GALLERY.is_match("Image 3 of 12") && gallery_candidate("Image 3 of 12"));
        assert!(PHOTO.is_match("Photo: Reuters") && photo_candidate("Photo: Reuters"));
    }

    #[test]
    fn word_count_counts_words() {
        for t in [
            "",
            "  ",
            "a",
            "Hello, world!",
            "co-operate don't -- x",
            "한국 石油 'quoted' 1,000",
            "·|·",
        ] {
            assert_eq!(word_count(t), words(t).count(), "{t:?}");
        }
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
        assert_eq!(
            c.title.as_deref(),
            Some("Rivers rise as storm nears the coast")
        );
        assert_eq!(c.author.as_deref(), Some("Jane Q. Doe"));
        assert_eq!(c.published.as_deref(), Some("2019-03-03"));
        assert_eq!(c.outlet.as_deref(), Some("Example News"));
        assert_eq!(
            c.body,
            "The river rose two metres on Sunday, officials said.\n\u{201C}We are ready,\u{201D} the mayor said.\nResidents were told to leave (though many stayed)."
        );
        let k = kinds(&c);
        assert!(
            k.contains(&FurnitureKind::Tags)
                && k.contains(&FurnitureKind::Caption)
                && k.contains(&FurnitureKind::Comments)
        );
    }

    #[test]
    fn page_prompts_and_stamps() {
        let furniture = [
            ("Updated at 1:23 p.m.", FurnitureKind::Dateline),
            (
                "| UPDATED: 11:05, Tue, Nov 19, 2019",
                FurnitureKind::Dateline,
            ),
            (
                "1of4A shopper looks at extension cords in a hardware store.",
                FurnitureKind::Caption,
            ),
            ("(Image: A. Person / Getty Images)", FurnitureKind::Caption),
            ("Фото:личный архив автора", FurnitureKind::Caption),
            (
                "China furious at Paris over protest jibe [INSIGHT]|",
                FurnitureKind::Promo,
            ),
            (
                "Get the latest updates right in your inbox. Subscribe to our newsletters.",
                FurnitureKind::Promo,
            ),
            (
                "This post may contain affiliate links. Please see my disclosure page.",
                FurnitureKind::Promo,
            ),
            ("This slideshow requires JavaScript.", FurnitureKind::Promo),
            (
                "Like this story? Share it with a friend!",
                FurnitureKind::Promo,
            ),
            ("Advert", FurnitureKind::Promo),
            ("You may also like...", FurnitureKind::Promo),
            (
                "Have a tip? Ann Lee may be reached at alee@example.com.",
                FurnitureKind::Contact,
            ),
            (
                "Reach the reporters on Twitter at http://twitter.com/example",
                FurnitureKind::Contact,
            ),
            (
                "Follow Ann Lee on Twitter: @AnnLee. Reach her directly at alee@example.com.",
                FurnitureKind::Promo,
            ),
            (
                "Ann Lee speaks at the Capitol on July 25.J. Doe / AP file",
                FurnitureKind::Caption,
            ),
            (
                "The road to retiring early isn't easy.Ann Lee/Getty",
                FurnitureKind::Caption,
            ),
            (
                "HomeLatest NewsActress Is Looking Stunning In New Photos",
                FurnitureKind::Navigation,
            ),
            ("Espresso Machine Review [Video]", FurnitureKind::Promo),
            (
                "Subscribe to the Example YouTube Channel for all of the latest videos, reviews, and more!",
                FurnitureKind::Promo,
            ),
            ("Ann Lee, Ap National Political Writer", FurnitureKind::Byline),
            ("Ann Lee and Bo Chan, Associated Press", FurnitureKind::Byline),
        ];
        for (l, kind) in furniture {
            assert_eq!(classify(l, None, &mut Meta::default()), Some(kind), "{l}");
        }
        // a contact note that opens as an author note still names the author
        let mut meta = Meta::default();
        let note = "Ann Lee is a columnist for Example News. Follow her on Twitter: @AnnLee. \
                    Reach her directly at alee@example.com.";
        assert_eq!(classify(note, None, &mut meta), Some(FurnitureKind::Byline));
        assert_eq!(meta.author.as_deref(), Some("Ann Lee"));
        // the same words in prose stay
        for l in [
            "The senator said she would subscribe to any plan that kept the newsletter free.",
            "The vote on Tue. Nov. 19, 2019 was close, officials said.",
            "\u{201C}Sign up for our newsletter,\u{201D} the ad read, and thousands did.",
            "He said the figures [SIC] were wrong.",
            "It was 1of the 4 plans on the table.",
            "Home Secretary Ann Lee said the plan would go ahead.",
            "Why the deal matters [Bloomberg]",
            "Ann Lee, a former reporter, said the plan would fail",
            "In Washington, Ann Lee was a reporter.",
            "Officials said they can be reached at a later date, if at all.",
            "She said the 50/50 split between AP and Reuters was fair.",
        ] {
            assert_eq!(classify(l, None, &mut Meta::default()), None, "{l}");
        }
    }

    #[test]
    fn copy_name_equals_bounded_regex() {
        let long = format!("© 2019 N{} Ltd. All rights reserved", "x".repeat(70));
        let long2 = format!("Copyright {} & Sons, Name Co.", "Abc ".repeat(20));
        for t in [
            "© 2017 Example Daily Co. All rights reserved",
            "Copyright © Examplepost &",
            "(c) 2001-2019 The Name Group; all rights reserved",
            "copyright 2020",
            "© ünïcode Näme | Terms",
            long.as_str(),
            long2.as_str(),
        ] {
            let want = COPY_NAME_BOUNDED
                .captures(t)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            assert_eq!(copy_name(t), want, "{t}");
        }
    }

    #[test]
    fn wire_dateline_bounds() {
        assert_eq!(
            wire_agency("SEOUL, South Korea (AP) — Officials said"),
            Some(("AP", 27))
        );
        // A capital and at most 50 more characters, an agency of 2 to 25: as the counted regex.
        let place = format!("S{}", "e".repeat(50));
        assert!(wire_agency(&format!("{place} (AP) — text")).is_some());
        assert!(wire_agency(&format!("{place}e (AP) — text")).is_none());
        assert!(wire_agency("SEOUL (A) — text").is_none());
        assert!(wire_agency(&format!("SEOUL ({}) — text", "A".repeat(25))).is_some());
        assert!(wire_agency(&format!("SEOUL ({}) — text", "A".repeat(26))).is_none());
        assert!(wire_agency("seoul (AP) — text").is_none());
        assert!(wire_agency("SEOUL (AP) said").is_none());
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
        assert_eq!(
            t,
            "Title here now\n\nBold text with a link and .\nitem one\n"
        );
    }

    #[test]
    fn chars_normalised() {
        assert_eq!(normalise_chars("a\u{00A0}b\u{200B}c\r\nd\re"), "a bc\nd\ne");
        assert_eq!(
            normalise_chars("Anna\u{200B}Berg said.\u{200B}The govern\u{200B}ment\u{200B}"),
            "Anna Berg said. The government"
        );
        assert_eq!(
            normalise_chars("\u{200B}A \u{200B}B NASA\u{200B}X"),
            "A B NASAX"
        );
        assert_eq!(
            normalise_chars(
                "1\u{00A0}000\u{00A0}000 and 2\u{202F}500,5 but 3\u{00A0}0000 and 12\u{00A0}km"
            ),
            "1000000 and 2500,5 but 3 0000 and 12 km"
        );
    }
}

#[cfg(test)]
mod tests_authors {
    use super::*;

    #[test]
    fn author_from_follow_and_note() {
        let c = clean_text("Some headline about the vote\nThe vote passed on Monday.\nFollow Ann Smith on Twitter @annsmith.");
        assert_eq!(c.author.as_deref(), Some("Ann Smith"));
        assert_eq!(c.body, "The vote passed on Monday.");
        let c = clean_text("Some headline about the vote\nThe vote passed on Monday.\nBob Jones is a professor of history at a university.");
        assert_eq!(c.author.as_deref(), Some("Bob Jones"));
        let c = clean_text(
            "Some headline about the vote\nWASHINGTON, D.C., Sept. 26 (UPI) — The vote passed.",
        );
        assert_eq!(c.author.as_deref(), Some("UPI"));
        assert_eq!(c.published.as_deref(), Some("--09-26"));
    }

    #[test]
    fn author_from_longer_follow_notes_and_wire_credits() {
        // role words before the name in a follow line
        let c = clean_text(
            "Some headline about the vote
The vote passed on Monday.
Follow Daily Wire investigative reporter and podcast host Ann Smith on Twitter at @annsmith.",
        );
        assert_eq!(c.author.as_deref(), Some("Ann Smith"));
        // a title before the name, a capitalised role, a role outside the old list
        let c = clean_text(
            "Some headline about the vote
The vote passed on Monday.
Rep. Bob Jones, D-Ore., is Senior Fellow at an institute.",
        );
        assert_eq!(c.author.as_deref(), Some("Bob Jones"));
        let c = clean_text(
            "Some headline about the vote
The vote passed on Monday.
Carla Diaz is a Cold War historian.",
        );
        assert_eq!(c.author.as_deref(), Some("Carla Diaz"));
        // a wire story's closing credit names the reporter over the dateline's agency
        let c = clean_text("Some headline about the vote
LIMA (Reuters) - The vote passed on Monday, officials said. (Reporting by Ann Lee in Lima; Editing by Bo Chan)");
        assert_eq!(c.author.as_deref(), Some("Ann Lee"));
        assert!(c.body.ends_with("officials said."), "{}", c.body);
        // helpers credited with additional reporting are not the author
        let c = clean_text("Some headline about the vote
LIMA (Reuters) - The vote passed on Monday, officials said. (Additional reporting by Ann Lee; Editing by Bo Chan)");
        assert_eq!(c.author.as_deref(), Some("Reuters"));
    }
}

#[cfg(test)]
mod tests_notes {
    use super::*;

    #[test]
    fn author_notes_and_credits() {
        let c = clean_text("A headline about the vote today\nThe vote passed.\nAnn Lee, a former diplomat, is a senior fellow at an institute.");
        assert_eq!(c.author.as_deref(), Some("Ann Lee"));
        assert_eq!(c.body, "The vote passed.");
        let c = clean_text("A headline about the vote today\nThe vote passed.\nBo Chan contributed reporting from Paris. Ann Lee reported from Rome.\n(Reporting by Ann Lee; Editing by Bo Chan)");
        assert_eq!(c.author.as_deref(), Some("Ann Lee"));
        assert_eq!(c.body, "The vote passed.");
        let body = "Ann Lee reported from the scene that the bridge had collapsed under the weight of trucks.";
        assert_eq!(
            clean_text(&format!("A headline about the vote today\n{body}")).body,
            body
        );
        let c = clean_text("A headline about the vote today\nThe vote passed.\nStory by Ann Lee Video produced by Bo ChanEditing by Cy Dorn.");
        assert_eq!(c.author.as_deref(), Some("Ann Lee"));
        assert_eq!(c.body, "The vote passed.");
        // a joint note names every reporter
        let c = clean_text("A headline about the vote today\nThe vote passed.\nAnn Lee reported from Rome, and Bo Chan and Cy Dorn from Naples, Italy.");
        assert_eq!(c.author.as_deref(), Some("Ann Lee, Bo Chan and Cy Dorn"));
        let c = clean_text("A headline about the vote today\nThe vote passed.\nAnn Lee reported from Rome, and Bo Chan, Cy Dorn, and Di Eng from Naples.");
        assert_eq!(
            c.author.as_deref(),
            Some("Ann Lee, Bo Chan, Cy Dorn and Di Eng")
        );
        assert_eq!(c.body, "The vote passed.");
        let body = "Ann Lee reported from Rome, and the police and the army from the border.";
        assert_eq!(
            clean_text(&format!("A headline about the vote today\n{body}")).body,
            body
        );
        // an apposition with commas of its own
        let c = clean_text("A headline about the vote today\nThe vote passed.\nAnn Lee, former adviser to Senator Bo Chan, Jr., is a senior fellow at an institute.");
        assert_eq!(c.author.as_deref(), Some("Ann Lee"));
        assert_eq!(c.body, "The vote passed.");
    }
}
