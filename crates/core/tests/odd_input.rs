//! Real-world odd input: legacy and mislabelled encodings, UTF-16 without a BOM,
//! mixed line endings, invisible characters inside names and numbers, binary files,
//! empty files, very long lines and oversized files.
//!
//! Each case checks the *result*, not only the absence of a panic: the decoded body
//! holds the right characters, the figures and actors are found through the odd
//! bytes, or the file is refused with a stable error code and a message a user can
//! act on. The corpus cases check that one bad file does not stop the others.
//! Inputs are generated here (encoded with `encoding_rs`) so that the bytes under
//! test are exact; a few hand-made files live in `tests/odd-input/`.

mod support;

use parallax_core as core;
use parallax_core::{Analysis, DocAnalysis, FileError, Input, Limits, Options};
use support::invariants::*;

/// A short news text with curly quotes, a euro sign, a dash, a figure and a quote.
const ARTICLE: &str = "Harbour deal signed\n\n\
Trade Minister Anna Berg said on Tuesday that the port would handle 4,500 barrels a day from March. \
\u{201C}We will not stop here,\u{201D} Berg told reporters in the capital.\n\n\
The company paid \u{20AC}5 million for the terminal \u{2014} twice the 2019 price, according to the ministry.\n";

fn input(name: &str, bytes: Vec<u8>) -> Input {
    Input {
        name: name.into(),
        bytes,
    }
}

fn doc(name: &str, bytes: Vec<u8>) -> Result<DocAnalysis, FileError> {
    let r = core::analyze_document(&input(name, bytes), &Limits::default());
    match &r {
        Ok(d) => check_doc(d),
        Err(e) => {
            check_error(e);
            assert_eq!(e.file, name, "the error names its file");
        }
    }
    r
}

fn ok(name: &str, bytes: Vec<u8>) -> DocAnalysis {
    doc(name, bytes).unwrap_or_else(|e| panic!("{name}: refused: {} ({})", e.message, e.code))
}

fn refused(name: &str, bytes: Vec<u8>) -> FileError {
    match doc(name, bytes) {
        Ok(d) => panic!(
            "{name}: expected an error, got a document with body {:?}",
            &d.body[..d.body.len().min(200)]
        ),
        Err(e) => e,
    }
}

fn encode(enc: &'static encoding_rs::Encoding, s: &str) -> Vec<u8> {
    let (b, _, unmappable) = enc.encode(s);
    assert!(!unmappable, "test text not representable in {}", enc.name());
    b.into_owned()
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    s.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

/// The article came through intact: punctuation decoded, quote, figures and the
/// speaker found.
fn assert_article(d: &DocAnalysis) {
    let b = &d.body;
    assert!(
        b.contains("\u{201C}We will not stop here,\u{201D}"),
        "curly quotes lost: {b:?}"
    );
    assert!(b.contains("\u{20AC}5 million"), "euro sign lost: {b:?}");
    assert!(b.contains("terminal \u{2014} twice"), "dash lost: {b:?}");
    assert!(!b.contains('\u{FFFD}'), "replacement characters in {b:?}");
    assert!(
        !b.contains("\u{E2}\u{20AC}"),
        "mojibake (UTF-8 read as windows-1252) in {b:?}"
    );
    assert!(
        d.figures.iter().any(|f| f.value == 4500.0),
        "4,500 barrels not found: {:?}",
        d.figures
    );
    assert!(
        d.figures
            .iter()
            .any(|f| f.value == 5_000_000.0 && f.unit == "EUR"),
        "EUR 5 million not found: {:?}",
        d.figures
    );
    assert!(
        d.entities.iter().any(|e| e.name == "Anna Berg"),
        "speaker not found: {:?}",
        d.entities
    );
    let q = d
        .quotes
        .iter()
        .find(|q| q.text.contains("We will not stop here"))
        .expect("the quote");
    assert_eq!(q.speaker.as_deref(), Some("Anna Berg"), "quote speaker");
}

fn html_page(charset: &str, body_text: &str) -> String {
    let paras: String = body_text
        .split("\n\n")
        .skip(1)
        .map(|p| format!("<p>{}</p>\n", p.trim()))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>Harbour deal signed</title></head>\n\
         <body><article><h1>Harbour deal signed</h1>\n{paras}</article></body></html>\n"
    )
}

// ------------------------------------------------------------------ encodings

#[test]
fn windows_1252_undeclared_text() {
    let bytes = encode(encoding_rs::WINDOWS_1252, ARTICLE);
    assert!(
        bytes.contains(&0x93) && bytes.contains(&0x94) && bytes.contains(&0x80),
        "the test bytes hold 1252 quotes and euro"
    );
    let d = ok("cp1252.txt", bytes);
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert_article(&d);
}

#[test]
fn windows_1252_declared_html() {
    let page = html_page("windows-1252", ARTICLE);
    let d = ok("cp1252.html", encode(encoding_rs::WINDOWS_1252, &page));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert_article(&d);
    // The legacy label "iso-8859-1" means windows-1252 on the web (WHATWG).
    let page = html_page("ISO-8859-1", ARTICLE);
    let d = ok("latin1.html", encode(encoding_rs::WINDOWS_1252, &page));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert_article(&d);
}

#[test]
fn html_declares_utf8_but_is_1252() {
    let page = html_page("utf-8", ARTICLE);
    let d = ok("liar-utf8.html", encode(encoding_rs::WINDOWS_1252, &page));
    assert_eq!(
        d.encoding.as_deref(),
        Some("windows-1252"),
        "invalid UTF-8 is not decoded as UTF-8 whatever the page says"
    );
    assert_article(&d);
}

#[test]
fn html_declares_1252_but_is_utf8() {
    let page = html_page("windows-1252", ARTICLE);
    let d = ok("liar-1252.html", page.into_bytes());
    assert_eq!(
        d.encoding.as_deref(),
        Some("UTF-8"),
        "valid UTF-8 with non-ASCII text is UTF-8 whatever the page says"
    );
    assert_article(&d);
}

#[test]
fn xml_declaration_charset() {
    let page = html_page("x", ARTICLE).replace("<meta charset=\"x\">", "");
    let page = format!("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n{page}")
        .replace("<!DOCTYPE html>\n", "");
    let d = ok("xhtml.xhtml", encode(encoding_rs::WINDOWS_1252, &page));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert_article(&d);
}

const KOREAN: &str = "\u{c11c}\u{c6b8}\u{c740} \u{d55c}\u{ad6d}\u{c758} \u{c218}\u{b3c4}\u{c774}\u{b2e4}. \
\u{b300}\u{d1b5}\u{b839}\u{c740} \u{c624}\u{b298} \u{c218}\u{c785}\u{c774} 30% \u{b298}\u{c5c8}\u{b2e4}\u{ace0} \u{b9d0}\u{d588}\u{b2e4}.";

#[test]
fn euc_kr_undeclared() {
    let text = format!("{}\n\n{}\n", KOREAN, KOREAN.repeat(4));
    let d = ok("korean.txt", encode(encoding_rs::EUC_KR, &text));
    assert_eq!(d.encoding.as_deref(), Some("EUC-KR"));
    assert!(d.body.contains(KOREAN), "Korean text decoded: {:?}", d.body);
    assert!(
        d.figures
            .iter()
            .any(|f| f.value == 30.0 && f.unit == "percent"),
        "30% found: {:?}",
        d.figures
    );
}

#[test]
fn shift_jis_undeclared() {
    let ja = "\u{6771}\u{4eac}\u{306f}\u{65e5}\u{672c}\u{306e}\u{9996}\u{90fd}\u{3067}\u{3059}\u{3002}\
\u{653f}\u{5e9c}\u{306f}\u{4eca}\u{65e5}\u{3001}\u{8f38}\u{5165}\u{304c}\u{5897}\u{3048}\u{305f}\u{3068}\u{767a}\u{8868}\u{3057}\u{305f}\u{3002}";
    let text = format!("{}\n\n{}\n", ja, ja.repeat(4));
    let d = ok("japanese.txt", encode(encoding_rs::SHIFT_JIS, &text));
    assert_eq!(d.encoding.as_deref(), Some("Shift_JIS"));
    assert!(d.body.contains(ja), "Japanese text decoded: {:?}", d.body);
}

#[test]
fn utf16_without_bom_both_orders() {
    for (be, label) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let d = ok("wide.txt", utf16(ARTICLE, be));
        assert_eq!(d.encoding.as_deref(), Some(label));
        assert_article(&d);
    }
}

#[test]
fn utf16_with_bom_and_truncated() {
    let mut b = vec![0xFF, 0xFE];
    b.extend(utf16(ARTICLE, false));
    let d = ok("bom16.txt", b.clone());
    assert_eq!(d.encoding.as_deref(), Some("UTF-16LE"));
    assert_article(&d);
    // A file cut in the middle of a code unit (odd length): still UTF-16, the lost
    // half character becomes one replacement character at the end.
    let mut cut = utf16(ARTICLE, false);
    cut.push(b'x');
    let d = ok("cut16.txt", cut);
    assert_eq!(d.encoding.as_deref(), Some("UTF-16LE"));
    assert!(d.body.contains("\u{201C}We will not stop here,\u{201D}"));
}

#[test]
fn utf8_with_bom() {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(ARTICLE.as_bytes());
    let d = ok("bom8.txt", b);
    assert_eq!(d.encoding.as_deref(), Some("UTF-8"));
    assert!(!d.body.contains('\u{FEFF}'));
    assert_eq!(
        d.title.as_deref(),
        Some("Harbour deal signed"),
        "the BOM does not stick to the headline"
    );
    assert_article(&d);
    // A BOM in front of an HTML page.
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(html_page("utf-8", ARTICLE).as_bytes());
    assert_article(&ok("bom8.html", b));
}

#[test]
fn tests_odd_input_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/odd-input");
    let read = |f: &str| std::fs::read(format!("{dir}/{f}")).unwrap_or_else(|e| panic!("{f}: {e}"));
    // Saved by an old Windows editor: windows-1252, CRLF, no declaration.
    let d = ok("cp1252-crlf.txt", read("cp1252-crlf.txt"));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert!(
        d.body.contains("\u{201C}The market is calm,\u{201D}") && d.body.contains("\u{20AC}12"),
        "{:?}",
        d.body
    );
    assert!(!d.body.contains('\r'));
    // A page whose meta says UTF-8 while the bytes are windows-1252.
    let d = ok("meta-lies.html", read("meta-lies.html"));
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert!(
        d.body.contains("caf\u{E9}") && d.body.contains("\u{2018}fair\u{2019}"),
        "{:?}",
        d.body
    );
}

// ------------------------------------------------------------------ line endings and invisible characters

#[test]
fn mixed_line_endings() {
    let text = "Harbour deal signed\r\n\r\nFirst paragraph: the port opened on Monday.\rIt handled 200 ships.\r\rSecond paragraph says \u{201C}yes,\u{201D} Anna Berg said.\n\nThird paragraph.\r\n";
    let d = ok("endings.txt", text.as_bytes().to_vec());
    assert!(!d.body.contains('\r'), "no CR left: {:?}", d.body);
    // Every line break (CRLF, CR, LF) ends a line, and in plain text a line is a
    // paragraph; blank lines in between leave no empty paragraphs.
    let paras: Vec<&str> = d.paragraphs.iter().map(|p| p.text(&d.body)).collect();
    assert_eq!(
        paras,
        [
            "First paragraph: the port opened on Monday.",
            "It handled 200 ships.",
            "Second paragraph says \u{201C}yes,\u{201D} Anna Berg said.",
            "Third paragraph."
        ]
    );
    assert_eq!(d.title.as_deref(), Some("Harbour deal signed"));
    let f = d
        .figures
        .iter()
        .find(|f| f.value == 200.0)
        .expect("200 ships");
    assert_eq!(f.span.text(&d.body), f.text);
    let q = d
        .quotes
        .iter()
        .find(|q| q.text.contains("yes"))
        .expect("quote");
    assert!(d.body[q.span.start..q.span.end].contains("yes"));
    // The same text with only CR (classic Mac) gives the same body.
    let mac = ok(
        "mac.txt",
        text.replace("\r\n", "\r").replace('\n', "\r").into_bytes(),
    );
    assert_eq!(mac.body, d.body);
}

#[test]
fn invisible_characters_in_names_and_numbers() {
    let text = "Talks resume\n\n\
Foreign Minister Anna\u{200B}Berg said the pipeline carries 1\u{00A0}000 barrels a day. \
Officials in Oslo expect 2\u{202F}500 tonnes more, she said. \
The inter\u{00AD}national agreement was signed by Anna\u{00A0}Berg and Jonas\u{2060} Lie of the Energy\u{200D} Ministry.\n";
    let d = ok("invisible.txt", text.as_bytes().to_vec());
    assert!(
        d.body.contains("carries 1000 barrels") && d.body.contains("expect 2500 tonnes"),
        "{:?}",
        d.body
    );
    for c in [
        '\u{200B}', '\u{00AD}', '\u{2060}', '\u{200D}', '\u{00A0}', '\u{202F}',
    ] {
        assert!(
            !d.body.contains(c),
            "U+{:04X} left in the body: {:?}",
            c as u32,
            d.body
        );
    }
    assert!(
        d.body.contains("international agreement"),
        "soft hyphen dropped: {:?}",
        d.body
    );
    assert!(
        d.body.contains("Anna Berg said"),
        "zero-width space between name parts separates them: {:?}",
        d.body
    );
    let berg: Vec<_> = d
        .entities
        .iter()
        .filter(|e| e.name == "Anna Berg")
        .collect();
    assert_eq!(
        berg.len(),
        1,
        "one entity for both spellings: {:?}",
        d.entities
    );
    assert!(
        d.figures.iter().any(|f| f.value == 1000.0),
        "1 000 barrels (no-break space as thousands separator): {:?}",
        d.figures
    );
    assert!(
        d.figures.iter().any(|f| f.value == 2500.0),
        "2 500 tonnes (narrow no-break space): {:?}",
        d.figures
    );
    // A zero-width space inside a lower-case word is an invisible insertion, not a break.
    let d = ok(
        "zw.txt",
        "Harbour\n\nThe govern\u{200B}ment said exports rose to 40 percent.\n"
            .as_bytes()
            .to_vec(),
    );
    assert!(d.body.contains("government said"), "{:?}", d.body);
}

// ------------------------------------------------------------------ refusals

#[test]
fn binary_files_are_refused_by_kind() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
            "PNG",
        ),
        ("photo.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01", "JPEG"),
        (
            "paper.pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            "PDF",
        ),
        ("archive.zip", b"PK\x03\x04\x14\0\0\0\x08\0", "ZIP"),
        (
            "report.docx",
            b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0",
            "Office",
        ),
        (
            "program",
            b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
            "executable",
        ),
        ("anim.gif", b"GIF89a\x01\0\x01\0", "GIF"),
        ("page.html.gz", b"\x1F\x8B\x08\0\0\0\0\0", "gzip"),
    ];
    for (name, head, what) in cases {
        // A realistic size: the signature followed by binary payload.
        let mut bytes = head.to_vec();
        bytes.extend(pseudo_random(4096, 7));
        let e = refused(name, bytes);
        assert_eq!(e.code, "binary", "{name}");
        assert!(
            e.message.contains(what),
            "{name}: message names the kind: {}",
            e.message
        );
    }
}

/// Deterministic pseudo-random bytes (xorshift), no dependency.
fn pseudo_random(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_refused() {
    for (seed, n) in [(1, 16), (2, 100), (3, 4096), (4, 65_536), (5, 1_000_000)] {
        let e = refused("noise.txt", pseudo_random(n, seed));
        assert_eq!(e.code, "binary", "{n} random bytes: {}", e.message);
    }
    // Random bytes with the high bit set only (no control bytes): decodes as some
    // legacy text, which is not an error, but must not panic either.
    let high: Vec<u8> = pseudo_random(4096, 9)
        .into_iter()
        .map(|b| b | 0x80)
        .collect();
    let _ = doc("high.txt", high);
}

#[test]
fn empty_and_blank_files() {
    let blank: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("spaces.txt", b"   \n\t\r\n  \r"),
        ("bom-only.txt", b"\xEF\xBB\xBF"),
        ("bom-newlines.txt", b"\xEF\xBB\xBF\r\n\r\n"),
        ("utf16-bom-only.txt", b"\xFF\xFE"),
        (
            "invisible.txt",
            "\u{200B}\u{00A0}\n\u{FEFF}\u{2060} \u{3000}\n".as_bytes(),
        ),
    ];
    for (name, bytes) in blank {
        let e = refused(name, bytes.to_vec());
        assert_eq!(e.code, "empty", "{name}: {}", e.message);
        assert!(
            e.message.contains("empty") || e.message.contains("no text"),
            "{name}: {}",
            e.message
        );
    }
    // Markup with no text, and a page of navigation only.
    for (name, bytes) in [
        (
            "blank.html",
            &b"<html><head><title></title></head><body><script>x()</script></body></html>"[..],
        ),
        (
            "nav.html",
            b"<html><body><nav><a href=/>Home</a></nav><footer>Share</footer></body></html>",
        ),
    ] {
        let e = refused(name, bytes.to_vec());
        assert_eq!(e.code, "no_text", "{name}: {}", e.message);
    }
}

#[test]
fn huge_single_line() {
    // 400 KB of prose on one line (a text exported without line breaks).
    let sentence = "Officials said exports rose 12 percent to $4.5 billion in May, \u{201C}a record,\u{201D} the ministry said. ";
    let line = sentence.repeat(400_000 / sentence.len());
    let d = ok("one-line.txt", line.clone().into_bytes());
    assert!(
        d.sentences.len() > 1000,
        "the line is split into sentences: {}",
        d.sentences.len()
    );
    assert!(d.figures.iter().filter(|f| f.value == 4.5e9).count() > 1000);
    // 300 KB without a single space or newline.
    let d = doc("no-space.txt", vec![b'a'; 300_000]);
    if let Ok(d) = d {
        assert_eq!(d.body.len(), 300_000);
    }
    // 300 KB of digits and separators.
    let _ = doc("digits.txt", "1,0".repeat(100_000).into_bytes());
}

#[test]
fn oversized_file_is_refused_before_decoding() {
    let mut big = ARTICLE
        .as_bytes()
        .repeat(25 * 1024 * 1024 / ARTICLE.len() + 1);
    big.truncate(25 * 1024 * 1024);
    let e = refused("big.txt", big);
    assert_eq!(e.code, "too_large");
    assert!(
        e.message.contains("26214400 bytes") && e.message.contains("20.0 MiB"),
        "{}",
        e.message
    );
    // The size is checked before anything else: a 25 MB PNG is "too large", not
    // "binary", so no byte of it was looked at.
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(25 * 1024 * 1024, 0);
    assert_eq!(refused("big.png", png).code, "too_large");
}

// ------------------------------------------------------------------ corpora

fn corpus(inputs: &[Input], limits: Limits) -> Analysis {
    let opts = Options {
        limits,
        ..Default::default()
    };
    let mut seen = Vec::new();
    let a = core::analyze_corpus_streaming(inputs, &opts, |p, e| {
        seen.push((p.file.clone(), e.map(|e| e.code.clone())))
    });
    check_analysis(&a);
    a
}

#[test]
fn bad_files_do_not_stop_the_others() {
    let inputs = vec![
        input("good-1252.txt", encode(encoding_rs::WINDOWS_1252, ARTICLE)),
        input("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        input("empty.txt", vec![]),
        input("good-utf16.txt", utf16(ARTICLE, true)),
        input("noise.bin", pseudo_random(2000, 11)),
        input("huge.txt", vec![b'x'; Limits::default().max_file_bytes + 1]),
        input("good.html", html_page("utf-8", ARTICLE).into_bytes()),
    ];
    let a = corpus(&inputs, Limits::default());
    let docs: Vec<&str> = a.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(docs, ["good-1252.txt", "good-utf16.txt", "good.html"]);
    for d in &a.documents {
        assert_article(d);
    }
    let errs: Vec<(&str, &str)> = a
        .errors
        .iter()
        .map(|e| (e.file.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        errs,
        [
            ("photo.png", "binary"),
            ("empty.txt", "empty"),
            ("noise.bin", "binary"),
            ("huge.txt", "too_large")
        ]
    );
    // The three good copies of one story are compared: the figure is shared.
    assert!(
        a.figure_groups.iter().any(|g| g.members.len() == 3),
        "figure groups: {:?}",
        a.figure_groups.len()
    );
}

#[test]
fn too_many_files() {
    let inputs: Vec<Input> = (0..5)
        .map(|i| input(&format!("f{i}.txt"), ARTICLE.as_bytes().to_vec()))
        .collect();
    let a = corpus(
        &inputs,
        Limits {
            max_files: 3,
            ..Limits::default()
        },
    );
    assert_eq!(a.documents.len(), 3);
    let errs: Vec<(&str, &str)> = a
        .errors
        .iter()
        .map(|e| (e.file.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        errs,
        [("f3.txt", "too_many_files"), ("f4.txt", "too_many_files")]
    );
    assert!(a.errors[0].message.contains('3'), "{}", a.errors[0].message);
}

// ------------------------------------------------------------------ more scripts and encodings

#[test]
fn cyrillic_and_chinese_legacy_encodings() {
    let ru = "\u{041f}\u{0440}\u{0430}\u{0432}\u{0438}\u{0442}\u{0435}\u{043b}\u{044c}\u{0441}\u{0442}\u{0432}\u{043e} \u{0437}\u{0430}\u{044f}\u{0432}\u{0438}\u{043b}\u{043e} \u{0432}\u{043e} \u{0432}\u{0442}\u{043e}\u{0440}\u{043d}\u{0438}\u{043a}, \u{0447}\u{0442}\u{043e} \u{044d}\u{043a}\u{0441}\u{043f}\u{043e}\u{0440}\u{0442} \u{0432}\u{044b}\u{0440}\u{043e}\u{0441} \u{043d}\u{0430} 12%. ";
    let text = format!("{}\n\n{}\n", ru.trim(), ru.repeat(4).trim());
    let d = ok("ru.txt", encode(encoding_rs::WINDOWS_1251, &text));
    assert_eq!(d.encoding.as_deref(), Some("windows-1251"));
    assert!(d.body.contains(ru.trim()));
    let d = ok("koi8.txt", encode(encoding_rs::KOI8_R, &text));
    assert!(
        d.encoding.as_deref().is_some_and(|e| e.starts_with("KOI8")),
        "{:?}",
        d.encoding
    );
    assert!(d.body.contains(ru.trim()));
    // Chinese on one line, no spaces: the line is the article (it ends a sentence), not
    // a headline over an empty body.
    let zh = "\u{653f}\u{5e9c}\u{4eca}\u{5929}\u{8868}\u{793a}\u{ff0c}\u{51fa}\u{53e3}\u{589e}\u{957f}\u{4e86}\u{3002}".repeat(6);
    for (enc, label) in [(encoding_rs::GBK, "GBK"), (encoding_rs::GB18030, "gb18030")] {
        let d = ok("zh.txt", encode(enc, &zh));
        assert!(
            d.encoding
                .as_deref()
                .is_some_and(|e| e == "GBK" || e == "gb18030"),
            "{label}: {:?}",
            d.encoding
        );
        assert_eq!(d.body, zh, "{label}");
    }
    let tw = "\u{653f}\u{5e9c}\u{4eca}\u{5929}\u{8868}\u{793a}\u{ff0c}\u{51fa}\u{53e3}\u{589e}\u{9577}\u{4e86}\u{3002}".repeat(6);
    let d = ok("tw.txt", encode(encoding_rs::BIG5, &tw));
    assert_eq!(d.encoding.as_deref(), Some("Big5"));
    assert_eq!(d.body, tw);
    // A one-line headline alone is still not an article.
    assert_eq!(
        refused("headline.txt", b"Harbour deal signed".to_vec()).code,
        "no_text"
    );
}

#[test]
fn utf16_without_bom_non_latin() {
    let ko = format!("{}\n\n{}\n", KOREAN, KOREAN.repeat(3));
    let zh = "\u{653f}\u{5e9c}\u{4eca}\u{5929}\u{8868}\u{793a}\u{ff0c}\u{51fa}\u{53e3}\u{589e}\u{957f}\u{4e86}\u{3002}".repeat(6);
    for text in [ko.as_str(), zh.as_str()] {
        for (be, label) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let d = ok("wide.txt", utf16(text, be));
            assert_eq!(d.encoding.as_deref(), Some(label));
            let start: String = text.chars().take(12).collect();
            assert!(d.body.starts_with(&start), "{label}: {:?}", d.body);
        }
    }
    // EUC-KR and Shift_JIS bytes are not mistaken for UTF-16.
    assert_eq!(
        ok("k.txt", encode(encoding_rs::EUC_KR, &ko))
            .encoding
            .as_deref(),
        Some("EUC-KR")
    );
}

// ------------------------------------------------------------------ odd structure

#[test]
fn deeply_nested_and_broken_html() {
    // 20,000 nested elements (a broken page generator, or an attack on recursive code).
    let depth = 20_000;
    let page = format!(
        "<html><body>{}<p>Trade Minister Anna Berg said on Tuesday that the port would handle 4,500 barrels a day from March, officials said.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let r = doc("nested.html", page.into_bytes());
    if let Ok(d) = &r {
        assert!(d.body.contains("4,500 barrels"), "{:?}", d.body);
    }
    // Unclosed tags, stray closing tags, an unterminated comment and attribute.
    let broken = "<html><body><p>First paragraph of the story, which the council approved on Monday after a long debate.<p>Second <b>paragraph <i>with</b> crossed</i> tags and 300 people.</div></span><!-- a comment that never ends <p>hidden";
    let d = ok("broken.html", broken.as_bytes().to_vec());
    // (With no <title>, the first line is taken as the headline.)
    let all = format!("{} {}", d.title.as_deref().unwrap_or(""), d.body);
    assert!(all.contains("council approved on Monday"), "{all:?}");
    assert!(
        d.body
            .contains("Second paragraph with crossed tags and 300 people."),
        "{:?}",
        d.body
    );
    assert!(
        !d.body.contains("hidden"),
        "an unterminated comment hides the rest: {:?}",
        d.body
    );
    let d = ok("attr.html", b"<html><body><p>The council approved the plan on Monday after a long debate, officials said.</p><p title=\"never closed>tail".to_vec());
    assert!(d.body.contains("council approved the plan"), "{:?}", d.body);
}

#[test]
fn duplicate_and_odd_file_names() {
    let other = ARTICLE
        .replace("4,500", "3,000")
        .replace("Anna Berg", "Lena Holm")
        .replace("Berg told", "Holm told");
    let inputs = vec![
        input("same.txt", ARTICLE.as_bytes().to_vec()),
        input("same.txt", other.into_bytes()),
        input("../../etc/passwd", ARTICLE.as_bytes().to_vec()),
        input(
            "<img src=x onerror=alert(1)>.html",
            html_page("utf-8", ARTICLE).into_bytes(),
        ),
        input("", ARTICLE.as_bytes().to_vec()),
        input(&"n".repeat(5000), b"\x89PNG\r\n\x1a\n".to_vec()),
    ];
    // Every span of every group member must lie in the document it names, also when two
    // documents share a name.
    let a = corpus(&inputs, Limits::default());
    assert_eq!(a.documents.len(), 5);
    assert_eq!(a.errors.len(), 1);
    assert_eq!(a.errors[0].code, "binary");
}

// ------------------------------------------------------------------ pathological text

/// Inputs that made the quote attribution quadratic (minutes for a few hundred KB):
/// thousands of quote marks or reporting verbs in one paragraph without sentence
/// punctuation. They now take time linear in their length; the test has no timing
/// assertion (a regression shows as a test that runs for minutes), it checks that the
/// result is complete.
#[test]
fn pathological_quote_text() {
    let cases: Vec<(&str, String)> = vec![
        (
            "open-quotes.txt",
            "\"Yes, word word word word word ".repeat(3000),
        ),
        (
            "nested-openers.txt",
            "\u{201C}A \u{201D} B \u{201C} ".repeat(8000),
        ),
        ("said-chain.txt", "Anna Berg said ".repeat(8000)),
        ("saying-chain.txt", ", saying that the talks ".repeat(5000)),
        ("colon-chain.txt", "He said: \"yes\" ".repeat(5000)),
    ];
    for (name, text) in cases {
        let d = ok(name, text.into_bytes());
        assert!(d.words > 10_000, "{name}: {} words", d.words);
    }
}
