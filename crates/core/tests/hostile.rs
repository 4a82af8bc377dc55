//! Hostile content: an article page carrying every common way to run code or load
//! something (`<script>`, `<style>`, event handlers, `javascript:` and `data:` links,
//! `<iframe srcdoc>`, `<object>`, `<embed>`, CSS `url()`, `<meta http-equiv=refresh>`,
//! `<base href>`, SVG and MathML scripts, forms, media).
//!
//! The core never executes anything: HTML is parsed into a tree, scripts and styles are
//! dropped, and only text reaches the analysis. These tests document that contract
//! for the shells: the body of an HTML page holds the article's words and none of the
//! markup, attribute values or script/style text; a plain-text file that *contains*
//! markup keeps it as literal characters (the shells must render text as text, which
//! `tests/e2e/hostile.test.mjs` checks in the browser).

mod support;

use parallax_core as core;
use parallax_core::{Input, Limits, Options};
use support::invariants::*;

fn fixture(name: &str) -> Vec<u8> {
    let p = format!(
        "{}/../../tests/odd-input/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// Strings that would show that script/style text, a URL from an attribute or a piece
/// of markup got into the output.
const LEAKS: &[&str] = &[
    "alert(",
    "LEAK",
    "ONLOAD",
    "ONERROR",
    "SRCDOC",
    "TEMPLATE",
    "FORMACTION",
    "HOVER",
    "evil.example",
    "javascript:",
    "data:text",
    "url(",
    "<script",
    "<img",
    "<iframe",
    "<object",
    "<embed",
    "<svg",
    "<style",
    "<meta",
    "<base",
    "onerror",
    "onload",
    "onmouseover",
    "http-equiv",
    "srcdoc",
    "fetch(",
];

#[test]
fn hostile_html_yields_only_article_text() {
    let input = Input {
        name: "hostile.html".into(),
        bytes: fixture("hostile.html"),
    };
    let d = core::analyze_document(&input, &Limits::default()).expect("the article is analysed");
    check_doc(&d);
    // The article's words are all there...
    for want in [
        "Trade Minister Anna Berg said on Tuesday",
        "the ministry said in a statement",
        "\u{201C}We will not stop here,\u{201D} Berg told reporters",
        "paid \u{20AC}5 million for the terminal",
        "according to documents seen by reporters",
        "employ 300 people, most of them from the surrounding district",
    ] {
        assert!(d.body.contains(want), "missing {want:?} in {:?}", d.body);
    }
    assert_eq!(d.title.as_deref(), Some("Port deal signed"));
    assert!(d
        .quotes
        .iter()
        .any(|q| q.text.contains("We will not stop here")
            && q.speaker.as_deref() == Some("Anna Berg")));
    assert!(d.figures.iter().any(|f| f.value == 4500.0));
    // ... and nothing else: no script or style text, no attribute, no markup, in any
    // field of the analysis (the whole JSON is searched).
    let json = serde_json::to_string(&d).unwrap();
    for leak in LEAKS {
        assert!(
            !json.contains(leak),
            "{leak:?} leaked into the analysis: {json}"
        );
    }
    // Nothing that parses as a tag at all.
    assert!(
        !d.body.contains('<') && !d.body.contains('>'),
        "{:?}",
        d.body
    );
}

#[test]
fn markup_in_a_text_file_stays_literal_text() {
    let input = Input {
        name: "hostile.txt".into(),
        bytes: fixture("hostile.txt"),
    };
    let d = core::analyze_document(&input, &Limits::default()).expect("the article is analysed");
    check_doc(&d);
    assert_eq!(d.format, Some(core::Format::Text));
    // A text file is not interpreted: its angle brackets are characters the user wrote,
    // kept verbatim for the shells to show as text.
    assert!(
        d.body.contains("<script>alert('TXT-SCRIPT')</script>"),
        "{:?}",
        d.body
    );
    assert!(
        d.body.contains("<img src=x onerror=\"alert('TXT-IMG')\">"),
        "{:?}",
        d.body
    );
    assert!(d
        .quotes
        .iter()
        .any(|q| q.text.contains("We will not stop here")));
    assert!(d
        .figures
        .iter()
        .any(|f| f.value == 5_000_000.0 && f.unit == "USD"));
}

#[test]
fn hostile_files_in_a_corpus() {
    let inputs = vec![
        Input { name: "hostile.html".into(), bytes: fixture("hostile.html") },
        Input { name: "hostile.txt".into(), bytes: fixture("hostile.txt") },
        // Markup-only pages: nothing to analyse, said so per file.
        Input { name: "script-only.html".into(), bytes: b"<html><body><script>alert('X')</script><style>p{}</style></body></html>".to_vec() },
        Input { name: "frames.html".into(), bytes: b"<html><body><iframe src=https://evil.example/></iframe><object data=x></object></body></html>".to_vec() },
    ];
    let a = core::analyze_corpus(&inputs, &Options::default(), |_| {});
    check_analysis(&a);
    assert_eq!(a.documents.len(), 2);
    let errs: Vec<(&str, &str)> = a
        .errors
        .iter()
        .map(|e| (e.file.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        errs,
        [("script-only.html", "no_text"), ("frames.html", "no_text")]
    );
    // The corpus views (actors, groups, conflicts) are built from the bodies' words:
    // nothing of the HTML page's markup reaches them. (Quotes from the text file may
    // carry its literal angle brackets: that is text the file holds.)
    let mut views = a.clone();
    views.documents.clear();
    let json = serde_json::to_string(&views).unwrap();
    for leak in [
        "SCRIPT-LEAK",
        "STYLE-LEAK",
        "BODY-ONLOAD",
        "IMG-ONERROR",
        "JS-LINK",
        "DATA-URL",
        "SVG-",
        "SRCDOC",
        "HOVER",
        "pixel.gif",
        "inline-style",
        "refresh",
        "/base/",
    ] {
        assert!(!json.contains(leak), "{leak:?} in the corpus views: {json}");
    }
    for g in &a.quote_groups {
        for m in &g.members {
            assert!(
                m.document == "hostile.txt" || !m.text.contains(['<', '>']),
                "markup in a quote of {}: {:?}",
                m.document,
                m.text
            );
        }
    }
}
