//! Property tests: no input makes ingest, clean or segment panic, and every span that
//! segment produces lies inside the cleaned body on character boundaries; the date
//! reader's spans lie on character boundaries and read back as the same date.

use parallax_core::{clean, ingest, segment, Input, Limits};
use proptest::prelude::*;

fn check_body(body: &str) {
    let s = segment::segment(body);
    for p in &s.paragraphs {
        assert!(p.start <= p.end && p.end <= body.len());
        assert!(body.is_char_boundary(p.start) && body.is_char_boundary(p.end));
    }
    for (i, st) in s.sentences.iter().enumerate() {
        let sp = st.span;
        assert!(
            sp.start < sp.end && sp.end <= body.len(),
            "sentence {i} {sp:?}"
        );
        assert!(body.is_char_boundary(sp.start) && body.is_char_boundary(sp.end));
        assert!(s.paragraphs[st.paragraph].contains(sp));
    }
    for t in &s.tokens {
        let sp = t.span;
        assert!(sp.start < sp.end && sp.end <= body.len());
        assert!(body.is_char_boundary(sp.start) && body.is_char_boundary(sp.end));
        assert!(s.sentences[t.sentence].span.contains(sp));
    }
}

fn run(name: &str, bytes: Vec<u8>) {
    if let Ok(d) = ingest::ingest(
        &Input {
            name: name.into(),
            bytes,
        },
        &Limits::default(),
    ) {
        let c = clean::clean(&d);
        check_body(&c.body);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        run("x.txt", bytes.clone());
        run("x.html", bytes);
    }

    #[test]
    fn arbitrary_text(s in "\\PC{0,400}") {
        run("x.txt", s.as_bytes().to_vec());
        run("x.md", s.as_bytes().to_vec());
        check_body(&s);
    }

    #[test]
    fn newsy_text(s in "([A-Z][a-z]{0,8}|U\\.S\\.|Sept\\.|Mr\\.|\\$[0-9]{1,3}(,[0-9]{3})?|[0-9]+\\.[0-9]|[.?!,;:\"“”’()\\-—·©@ \u{a0}\u{200b}\n\r]|By|From|Photo:){0,80}") {
        run("x.txt", s.as_bytes().to_vec());
        run("x.html", format!("<html><body><article><p>{s}</p></article></body></html>").into_bytes());
        check_body(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The date reader's span lies on character boundaries and reads back as the same
    /// date, in any mix of the languages' words, numbers and separators.
    #[test]
    fn dates_in_many_languages(s in "([0-9]{1,4}|[0-9]{1,2}\\.|de|of|г\\.|às|Uhr|[A-Za-z]{1,9}|janeiro|Januar|января|Ago|listopada|października|年|月|日|년|월|일|[ ,.:\u{a0}-])*") {
        if let Some(f) = clean::date::find(&s) {
            prop_assert!(f.start < f.end && f.end <= s.len());
            prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
            let again = clean::date::find(&s[f.start..f.end]);
            prop_assert_eq!(again.map(|g| g.iso), Some(f.iso));
        }
        let _ = clean::date::dateline(&s);
    }
}
