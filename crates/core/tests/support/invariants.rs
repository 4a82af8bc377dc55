//! Invariants every stage output must keep, shared by the property tests
//! (`crates/core/tests/props.rs`) and the fuzz targets (`fuzz/`, which include this
//! file by path).
//!
//! They state the contract of `model.rs` as executable checks: every span lies within
//! the text it points into and on UTF-8 character boundaries, every index points at
//! an existing element, the text stored next to a span is the text at that span, and
//! every number survives JSON (no NaN or infinity, which serde_json would write as
//! `null`). Each check panics with a message naming the field, so a fuzzer crash or
//! a shrunk proptest case says which rule broke.

#![allow(dead_code)]

use parallax_core::*;

/// `span` lies within `text` and on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what}: span {}..{} is reversed",
        span.start,
        span.end
    );
    assert!(
        span.end <= text.len(),
        "{what}: span {}..{} is past the end ({} bytes)",
        span.start,
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {}..{} is not on character boundaries",
        span.start,
        span.end
    );
}

pub fn check_decoded(d: &Decoded) {
    assert!(!d.encoding.is_empty(), "decoded: empty encoding label");
}

pub fn check_error(e: &FileError) {
    assert!(!e.code.is_empty(), "error: empty code");
    assert!(!e.message.is_empty(), "error: empty message");
}

pub fn check_cleaned(c: &Cleaned) {
    for f in &c.furniture {
        let _ = f.text.len();
    }
}

/// Paragraphs, sentences and tokens: spans valid, each sentence inside its paragraph
/// and each token inside its sentence, in document order.
pub fn check_segmented(body: &str, seg: &Segmented) {
    for (i, p) in seg.paragraphs.iter().enumerate() {
        check_span(body, *p, &format!("paragraph {i}"));
    }
    check_sentences(body, &seg.paragraphs, &seg.sentences);
    for (i, t) in seg.tokens.iter().enumerate() {
        check_span(body, t.span, &format!("token {i}"));
        assert!(!t.span.is_empty(), "token {i}: empty span");
        let s = seg
            .sentences
            .get(t.sentence)
            .unwrap_or_else(|| panic!("token {i}: sentence index {} out of range", t.sentence));
        assert!(
            s.span.contains(t.span),
            "token {i}: span {:?} outside its sentence {:?}",
            t.span,
            s.span
        );
    }
    for w in seg.tokens.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "tokens overlap or are out of order: {:?} {:?}",
            w[0].span,
            w[1].span
        );
    }
}

pub fn check_sentences(body: &str, paragraphs: &[Span], sentences: &[Sentence]) {
    for (i, s) in sentences.iter().enumerate() {
        check_span(body, s.span, &format!("sentence {i}"));
        let p = paragraphs.get(s.paragraph).unwrap_or_else(|| {
            panic!("sentence {i}: paragraph index {} out of range", s.paragraph)
        });
        assert!(
            p.contains(s.span),
            "sentence {i}: span {:?} outside its paragraph {:?}",
            s.span,
            p
        );
    }
    for w in sentences.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "sentences overlap or are out of order: {:?} {:?}",
            w[0].span,
            w[1].span
        );
    }
}

pub fn check_mentions(body: &str, entities: &[Entity], mentions: &[Mention]) {
    for (i, m) in mentions.iter().enumerate() {
        check_span(body, m.span, &format!("mention {i}"));
        assert!(
            m.entity < entities.len(),
            "mention {i}: entity index {} out of range ({})",
            m.entity,
            entities.len()
        );
        assert_eq!(
            m.text,
            m.span.text(body),
            "mention {i}: text differs from the text at its span"
        );
    }
}

pub fn check_figures(body: &str, n_sentences: usize, figures: &[Figure]) {
    for (i, f) in figures.iter().enumerate() {
        check_span(body, f.span, &format!("figure {i}"));
        assert_eq!(
            f.text,
            f.span.text(body),
            "figure {i}: text differs from the text at its span"
        );
        assert!(
            f.value.is_finite(),
            "figure {i} ({:?}): value {} is not finite",
            f.text,
            f.value
        );
        if let Some(h) = f.value_high {
            assert!(
                h.is_finite(),
                "figure {i} ({:?}): value_high {h} is not finite",
                f.text
            );
        }
        assert!(
            f.sentence < n_sentences,
            "figure {i}: sentence index {} out of range ({n_sentences})",
            f.sentence
        );
    }
}

/// Quote spans valid; a quote's text is found inside the text at its span (the span
/// may include the quote marks, the text does not).
pub fn check_quotes(body: &str, entities: &[Entity], quotes: &[Quote]) {
    for (i, q) in quotes.iter().enumerate() {
        check_span(body, q.span, &format!("quote {i}"));
        if let Some(s) = q.speaker_span {
            check_span(body, s, &format!("quote {i} speaker"));
        }
        if let Some(s) = q.cue_span {
            check_span(body, s, &format!("quote {i} cue"));
        }
        if let Some(e) = q.speaker_entity {
            assert!(
                e < entities.len(),
                "quote {i}: speaker entity {e} out of range ({})",
                entities.len()
            );
        }
        let at = q.span.text(body);
        assert!(
            at.contains(q.text.trim()),
            "quote {i}: text {:?} is not inside the text at its span {:?}",
            q.text,
            at
        );
    }
}

pub fn check_claims(body: &str, entities: &[Entity], claims: &[StanceClaim]) {
    for (i, c) in claims.iter().enumerate() {
        check_span(body, c.target_span, &format!("claim {i} target"));
        check_span(body, c.cue_span, &format!("claim {i} cue"));
        check_span(body, c.evidence, &format!("claim {i} evidence"));
        assert!(
            c.entity < entities.len(),
            "claim {i}: entity {} out of range ({})",
            c.entity,
            entities.len()
        );
    }
}

/// Everything in one document analysis, and that it survives a JSON round trip.
pub fn check_doc(d: &DocAnalysis) {
    let body = d.body.as_str();
    for (i, p) in d.paragraphs.iter().enumerate() {
        check_span(body, *p, &format!("paragraph {i}"));
    }
    check_sentences(body, &d.paragraphs, &d.sentences);
    check_mentions(body, &d.entities, &d.mentions);
    check_figures(body, d.sentences.len(), &d.figures);
    check_quotes(body, &d.entities, &d.quotes);
    check_claims(body, &d.entities, &d.claims);
    let json = serde_json::to_string(d).expect("document serialises");
    let back: DocAnalysis = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("document JSON does not read back: {e}"));
    assert_eq!(back.body, d.body);
}

/// A corpus analysis: every document, and every group member's span in its document.
pub fn check_analysis(a: &Analysis) {
    for d in &a.documents {
        check_doc(d);
    }
    let body_of = |file: &str| {
        a.documents
            .iter()
            .find(|d| d.file == file)
            .map(|d| d.body.as_str())
    };
    let check_member = |m: &GroupMember, what: &str| {
        let body = body_of(&m.document)
            .unwrap_or_else(|| panic!("{what}: unknown document {:?}", m.document));
        check_span(body, m.span, what);
    };
    let doc_of = |file: &str| a.documents.iter().find(|d| d.file == file);
    for (g, fg) in a.figure_groups.iter().enumerate() {
        for m in &fg.members {
            check_member(m, &format!("figure group {g}"));
            let n = doc_of(&m.document).map_or(0, |d| d.figures.len());
            assert!(
                m.index < n,
                "figure group {g}: figure index {} out of range ({n})",
                m.index
            );
        }
        assert!(
            fg.normalised.iter().all(|v| v.is_finite()),
            "figure group {g}: a normalised value is not finite"
        );
    }
    for (g, qg) in a.quote_groups.iter().enumerate() {
        for m in &qg.members {
            check_member(m, &format!("quote group {g}"));
            let n = doc_of(&m.document).map_or(0, |d| d.quotes.len());
            assert!(
                m.index < n,
                "quote group {g}: quote index {} out of range ({n})",
                m.index
            );
        }
    }
    for (i, s) in a.stances.iter().enumerate() {
        let body = body_of(&s.document)
            .unwrap_or_else(|| panic!("stance {i}: unknown document {:?}", s.document));
        check_span(body, s.evidence_span, &format!("stance {i} evidence"));
    }
    let json = serde_json::to_string(a).expect("analysis serialises");
    let _: Analysis = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("analysis JSON does not read back: {e}"));
}
