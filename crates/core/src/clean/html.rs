//! HTML input: main-text extraction from a saved article page, readability-style.
//!
//! The page is parsed by html5ever (through `dom_query`) and the article node is
//! chosen by `dom_smoothie`, a Rust port of Mozilla's Readability (the algorithm
//! behind Firefox Reader View): paragraphs are scored by text length and commas, the
//! score flows to ancestors, link-dense and "unlikely" (comment, sidebar, share ...)
//! subtrees are penalised. The chosen subtree is rendered as formatted text (one block
//! element per line) and then passes through the same line rules as plain text, which
//! drop captions, bylines and share rows that Readability keeps.
//!
//! Metadata comes from the page head: JSON-LD (`headline`, `author.name`,
//! `datePublished`, `publisher.name`), OpenGraph / article meta tags, `<title>`; the
//! visible byline and dateline found by the line rules fill what the head lacks.
//! Nothing in the page is executed: scripts and styles are dropped, output is text.

use super::{clean_text, date};
use crate::model::Cleaned;
use dom_smoothie::{Config, Readability, TextMode};

/// Extracts the article text and metadata from an HTML page.
pub fn clean_html(html: &str) -> Cleaned {
    let cfg = Config { text_mode: TextMode::Formatted, ..Default::default() };
    let (text, meta) = match Readability::new(html, None, Some(cfg)) {
        Ok(mut r) => match r.parse() {
            Ok(a) => (a.text_content.to_string(), Some((a.title, a.byline, a.site_name, a.published_time))),
            Err(_) => (fallback_text(html), None),
        },
        Err(_) => (fallback_text(html), None),
    };
    let mut c = clean_text(&text);
    // Readability's title comes from the page head; the text's first line is only a
    // guess there, so prefer the head's and keep the first line in the body unless it
    // repeats the title.
    if let Some((title, byline, site, published)) = meta {
        let title = title.trim().to_string();
        if !title.is_empty() {
            if let Some(guess) = c.title.take() {
                if crate::text::fold(&guess) != crate::text::fold(&title) {
                    // The guessed headline was body text: put it back in front.
                    c.furniture.retain(|f| !(f.kind == crate::model::FurnitureKind::Title && f.text == guess));
                    c.body = if c.body.is_empty() { guess } else { format!("{guess}\n{}", c.body) };
                }
            }
            c.title = Some(title);
        }
        if let Some(b) = byline.map(|b| b.trim().to_string()).filter(|b| !b.is_empty() && b.len() < 100) {
            let b = b.strip_prefix("By ").or_else(|| b.strip_prefix("by ")).unwrap_or(&b).trim().to_string();
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

/// When Readability finds nothing: the text of `<body>` without scripts and styles.
fn fallback_text(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template, svg, nav, header, footer, aside, form").remove();
    doc.select("body").formatted_text().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
