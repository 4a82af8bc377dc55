//! HTML input: main-text extraction from a saved article page, readability-style.
//!
//! The page is parsed by html5ever (through `dom_query`) and the article node is
//! chosen by `dom_smoothie`, a Rust port of Mozilla's Readability (the algorithm
//! behind Firefox Reader View): paragraphs are scored by text length and commas, the
//! score flows to ancestors, link-dense and "unlikely" (comment, sidebar, share ...)
//! subtrees are penalised. Before it chooses, `<article>` teasers that a template lists
//! after the story's own article are removed (Readability would take their common
//! parent, and the teasers with it). The chosen subtree is rendered as formatted text (one block
//! element per line) and then passes through the same line rules as plain text, which
//! drop captions, bylines and share rows that Readability keeps.
//!
//! Metadata comes from the page head: JSON-LD (`headline`, `author.name`,
//! `datePublished`, `publisher.name`), OpenGraph / article meta tags, `<title>`; the
//! visible byline and dateline found by the line rules fill what the head lacks.
//! Nothing in the page is executed: scripts and styles are dropped, output is text.

use super::{clean_lines, date};
use crate::model::Cleaned;
use dom_smoothie::{Config, Readability, TextMode};

/// Removes the other stories a template lists beside the story ("related posts" set as
/// `<article>`s after it): when exactly one `<article>` holds an `<h1>` and it is the
/// page's first, that is the story, and every `<article>` outside it is a teaser. Readability would otherwise
/// take their common parent, teasers and all.
fn drop_teaser_articles(doc: &dom_query::Document) {
    let articles = doc.select("article");
    if articles.length() < 2 {
        return;
    }
    let nodes = articles.nodes();
    let headed: Vec<_> = nodes
        .iter()
        .filter(|a| !a.find(&["h1"]).is_empty())
        .collect();
    // (the first in the page: a headline further down is a featured teaser's)
    let [story] = headed.as_slice() else {
        return;
    };
    if story.id != nodes[0].id {
        return;
    }
    // (being the first, the story has no `<article>` around it: only those inside it stay)
    for a in &nodes[1..] {
        if !a.ancestors(None).iter().any(|p| p.id == story.id) {
            a.remove_from_parent();
        }
    }
}

/// Deepest element nesting handed to the HTML parser and Readability.
///
/// The tree walks in `dom_query`/`dom_smoothie` recurse once per level, so a page of
/// 20,000 nested `<div>`s (a broken generator, or an attack) overflows the stack: in a
/// debug build with a 1 MiB stack (the WebAssembly default) about 4,000 levels do.
/// Real article pages nest well under 100 levels, so tags past this depth are dropped
/// (their text is kept) before parsing.
pub const MAX_NESTING: usize = 256;

/// Extracts the article text and metadata from an HTML page.
pub fn clean_html(html: &str) -> Cleaned {
    let html = &*limit_nesting(html, MAX_NESTING);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let doc = dom_query::Document::from(html);
    drop_teaser_articles(&doc);
    let (text, meta) = match Readability::with_document(doc, None, Some(cfg)) {
        Ok(mut r) => match r.parse() {
            Ok(a) => (
                a.text_content.to_string(),
                Some((a.title, a.byline, a.site_name, a.published_time)),
            ),
            Err(_) => (fallback_text(html), None),
        },
        Err(_) => (fallback_text(html), None),
    };
    let mut c = clean_lines(&text, true);
    // Readability's title comes from the page head; the text's first line is only a
    // guess there, so prefer the head's and keep the first line in the body unless it
    // repeats the title.
    if let Some((title, byline, site, published)) = meta {
        let title = title.trim().to_string();
        if !title.is_empty() {
            if let Some(guess) = c.title.take() {
                if crate::text::fold(&guess) != crate::text::fold(&title) {
                    // The guessed headline was body text: put its line back in front.
                    if let Some(i) = c
                        .furniture
                        .iter()
                        .position(|f| f.kind == crate::model::FurnitureKind::Title)
                    {
                        let line = c.furniture.remove(i).text;
                        c.body = if c.body.is_empty() {
                            line
                        } else {
                            format!("{line}\n{}", c.body)
                        };
                    }
                }
            }
            c.title = Some(title);
        }
        if let Some(b) = byline
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty() && b.len() < 100)
        {
            let b = b
                .strip_prefix("By ")
                .or_else(|| b.strip_prefix("by "))
                .unwrap_or(&b)
                .trim()
                .to_string();
            c.author = Some(b);
        }
        if let Some(s) = site.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
            c.outlet = Some(s);
        }
        if let Some(p) = published.and_then(|p| date::find(&p)) {
            c.published = Some(p.iso);
        }
    }
    c
}

/// Elements that do not nest: void elements, and those whose end tag is usually left
/// out (`<p>`, `<li>`, table cells ...), which the parser closes by itself. They are not
/// counted, so unclosed ones do not make a page look deep.
const FLAT: &[&str] = &[
    "area", "base", "body", "br", "caption", "col", "colgroup", "dd", "dt", "embed", "head", "hr",
    "html", "img", "input", "li", "link", "meta", "optgroup", "option", "p", "param", "rb", "rp",
    "rt", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Drops start and end tags nested deeper than `max` (see [`MAX_NESTING`]), keeping
/// all text. A linear scan, not a parser: comments and raw-text elements are skipped
/// whole, quoted attribute values may contain `>`. Pages that cannot be that deep
/// (fewer tags than `max`) are returned as they are.
pub fn limit_nesting(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if html.bytes().filter(|&b| b == b'<').count() <= max {
        return std::borrow::Cow::Borrowed(html);
    }
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut copied, mut i) = (0usize, 0usize, 0usize);
    let mut dropped = false;
    while let Some(off) = memchr_lt(&b[i..]) {
        let start = i + off;
        i = start + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let mut name_end = name_start;
        while name_end < b.len() && (b[name_end].is_ascii_alphanumeric() || b[name_end] == b'-') {
            name_end += 1;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        // The end of the tag: the first '>' outside a quoted attribute value.
        let mut j = name_end;
        let mut quote = 0u8;
        while j < b.len() {
            match b[j] {
                q @ (b'"' | b'\'') if quote == 0 => quote = q,
                q if q == quote => quote = 0,
                b'>' if quote == 0 => break,
                _ => {}
            }
            j += 1;
        }
        let end = (j + 1).min(b.len());
        i = end;
        if !closing && RAW.contains(&name.as_str()) {
            // Skip to the matching end tag (case-insensitively).
            let close = format!("</{name}");
            i = find_ci(b, end, close.as_bytes()).unwrap_or(b.len());
            continue;
        }
        let self_closing = !closing && end >= 2 && b[end - 2] == b'/';
        if FLAT.contains(&name.as_str()) || self_closing {
            continue;
        }
        let deep = if closing {
            let d = depth > max;
            depth = depth.saturating_sub(1);
            d
        } else {
            depth += 1;
            depth > max
        };
        if deep {
            out.push_str(&html[copied..start]);
            // A space keeps the words of dropped block tags apart.
            out.push(' ');
            copied = end;
            dropped = true;
        }
    }
    if !dropped {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| p + from)
}

fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w.eq_ignore_ascii_case(pat))
        .map(|p| p + from)
}

/// When Readability finds nothing: the text of `<body>` without scripts and styles.
fn fallback_text(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template, svg, nav, header, footer, aside, form")
        .remove();
    doc.select("body").formatted_text().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_limited() {
        let deep = format!(
            "{}<p>text</p>{}",
            "<div class=\"a>b\">".repeat(10),
            "</div>".repeat(10)
        );
        let flat = limit_nesting(&deep, 3);
        assert_eq!(flat.matches("<div").count(), 3, "{flat}");
        assert_eq!(flat.matches("</div>").count(), 3, "{flat}");
        assert!(flat.contains("<p>text</p>"));
        // Shallow pages, comments, scripts and void elements are left alone.
        let page = "<div><!-- <div><div><div><div> --><script>'<div><div><div><div>'</script><br><img src=x><p>a<p>b</div>";
        assert_eq!(limit_nesting(page, 3), page);
        assert_eq!(limit_nesting("<div><div>x", 1), "<div> x");
        // Unterminated constructs at the end do not panic.
        for s in [
            "<div><div><div><!-- x",
            "<div><div><div><script>x",
            "<div><div><div a='>",
            "<div><div><div><",
            "<<<<</",
        ] {
            let _ = limit_nesting(s, 1);
        }
    }

    #[test]
    fn teaser_articles_after_the_story() {
        let p = "<p>The council voted on Tuesday to expand the city's bus network, adding twelve new routes that will serve the northern suburbs, officials said.</p>";
        let t = "<p>Residents of the river district have asked for a ferry link for years, and a petition with four thousand names reached the mayor this spring.</p>";
        let teaser = format!("<article><h2><a href='/x'>Ferry plan returns</a></h2>{t}</article>");
        let page = |first: &str| {
            format!(
                "<html><body><div id='main'>{first}<article><h1>Council votes to expand buses</h1>{p}{p}</article>{teaser}{teaser}{teaser}</div></body></html>"
            )
        };
        let c = clean_html(&page(""));
        assert!(c.body.contains("twelve new routes"), "{}", c.body);
        assert!(!c.body.contains("ferry link"), "{}", c.body);
        // when the headline is not in the page's first article, the articles are left
        // as they are (the first may be the story, the headed one a featured teaser)
        let c = clean_html(&page(&format!("<article>{t}{t}{t}</article>")));
        assert!(c.body.contains("ferry link"), "{}", c.body);
    }

    #[test]
    fn article_and_meta() {
        let p = "<p>The council voted on Tuesday to expand the city's bus network, adding twelve new routes that will serve the northern suburbs, officials said.</p>";
        let html = format!(
            r#"<html><head><title>Buses expand - Example Site</title>
            <meta property="og:title" content="Council votes to expand buses">
            <meta property="og:site_name" content="Example Site">
            <meta property="article:published_time" content="2020-05-04T10:00:00Z">
            <meta name="author" content="Ann Writer"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Council votes to expand buses</h1>{p}{p}{p}<script>alert(1)</script></article>
            <footer>Copyright 2020 Example</footer></body></html>"#
        );
        let c = clean_html(&html);
        assert_eq!(c.title.as_deref(), Some("Council votes to expand buses"));
        assert_eq!(c.outlet.as_deref(), Some("Example Site"));
        assert_eq!(c.published.as_deref(), Some("2020-05-04"));
        assert!(c.body.contains("twelve new routes"), "{}", c.body);
        assert!(!c.body.contains("alert"));
        assert!(!c.body.contains("Home"));
    }
}
