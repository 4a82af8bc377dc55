//! ingest: bytes -> text.
//!
//! Decoding order: a BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8 is UTF-8;
//! else UTF-16 without BOM is recognised from its NUL-byte pattern; else the legacy
//! encoding is guessed with `chardetng` (Firefox's detector) and decoded with
//! `encoding_rs`. Binary input (NUL bytes that are not UTF-16, or an image/archive
//! signature) is refused with a clear per-file error.
//!
//! Saved HTML pages often declare their charset: when the bytes are not valid UTF-8,
//! a `<meta charset>` / `charset=` declaration in the first 2 KiB is trusted before
//! the statistical guess. After decoding, line endings are normalised to `\n` (CRLF,
//! lone CR, NEL, LS/PS) so that every later stage sees one convention; other
//! invisible characters are left for `clean` (which owns the body text). Text that
//! decodes to mostly replacement characters is refused as `undecodable`.

use crate::model::{Decoded, FileError, Format, Input};
use crate::Limits;

fn err(file: &str, code: &str, message: impl Into<String>) -> FileError {
    FileError {
        file: file.to_string(),
        code: code.to_string(),
        message: message.into(),
    }
}

/// Known binary signatures (magic numbers) and what they are.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x7FELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\0asm", "a WebAssembly module"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\xD0\xCF\x11\xE0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
];

pub fn ingest(input: &Input, limits: &Limits) -> Result<Decoded, FileError> {
    let name = input.name.as_str();
    let bytes = input.bytes.as_slice();
    if bytes.is_empty() {
        return Err(err(name, "empty", "the file is empty"));
    }
    if bytes.len() > limits.max_file_bytes {
        return Err(too_large(name, bytes.len() as u64, limits));
    }
    let (text, encoding, guessed) = decode(name, bytes)?;
    let text = normalise_newlines(&text);
    if text.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return Err(err(
            name,
            "empty",
            "the file has no text (only blank space)",
        ));
    }
    let bad = text
        .chars()
        .take(20_000)
        .filter(|&c| c == '\u{FFFD}')
        .count();
    let total = text.chars().take(20_000).count();
    if bad * 10 > total {
        return Err(err(
            name,
            "undecodable",
            format!("the text could not be decoded (as {encoding}, most characters are invalid)"),
        ));
    }
    let ctrl = text
        .chars()
        .take(20_000)
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\u{0C}'))
        .count();
    if ctrl * 100 > total {
        return Err(err(
            name,
            "binary",
            "the file looks binary (control characters), not text",
        ));
    }
    let format = detect_format(name, &text);
    Ok(Decoded {
        name: name.to_string(),
        text,
        format,
        encoding,
        encoding_guessed: guessed,
    })
}

/// The `too_large` error for a file of `size` bytes. Shells that find a file too large
/// before reading all of it (file-system metadata; the browser app stops reading at the
/// limit) refuse it with this and give the same message as `ingest`.
pub fn too_large(name: &str, size: u64, limits: &Limits) -> FileError {
    err(
        name,
        "too_large",
        format!(
            "the file is {size} bytes; files over {} bytes ({:.1} MiB) are not analysed",
            limits.max_file_bytes,
            limits.max_file_bytes as f64 / (1024.0 * 1024.0)
        ),
    )
}

fn decode(name: &str, bytes: &[u8]) -> Result<(String, String, bool), FileError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc == encoding_rs::UTF_8 {
            // A UTF-8 BOM followed by invalid UTF-8: decode with replacement, still text.
        }
        return Ok((text.into_owned(), enc.name().to_string(), false));
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(err(
                name,
                "binary",
                format!("this is {what}, not a text, Markdown or HTML article"),
            ));
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), enc.name().to_string(), true));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.contains('\0') {
            return Err(err(
                name,
                "binary",
                "the file contains NUL bytes: it looks binary, not text",
            ));
        }
        return Ok((s.to_string(), "UTF-8".into(), false));
    }
    if let Some(enc) = utf16_wide_text(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), enc.name().to_string(), true));
    }
    if looks_binary(bytes) {
        return Err(err(
            name,
            "binary",
            "the file looks binary (control bytes), not text",
        ));
    }
    if let Some(enc) = declared_charset(bytes) {
        if enc != encoding_rs::UTF_8 && enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE
        {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return Ok((text.into_owned(), enc.name().to_string(), false));
        }
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = enc.decode(bytes);
    Ok((text.into_owned(), enc.name().to_string(), true))
}

/// `charset=NAME` declared in the first 2 KiB (HTML meta or XML declaration).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let keys: [&[u8]; 2] = [b"charset=", b"encoding="];
    for key in keys {
        if let Some(i) = lower.windows(key.len()).position(|w| w == key) {
            let rest = &lower[i + key.len()..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|&b| {
                    !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' || b == b':')
                })
                .unwrap_or(rest.len());
            if let Some(e) = encoding_rs::Encoding::for_label(&rest[..end]) {
                return Some(e);
            }
        }
    }
    None
}

/// Characters that show nothing: zero-width spaces and joiners, word joiner, BOM,
/// soft hyphen. A file of only these and white space is blank.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// CRLF, lone CR, NEL and the Unicode line/paragraph separators become `\n`.
pub fn normalise_newlines(s: &str) -> String {
    if !s.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push('\n');
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c => out.push(c),
        }
    }
    out
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII-range text: at
/// least 40% of the code units must be a NUL beside a printable ASCII byte (or tab,
/// CR, LF) in one byte order, and almost none have the NUL on the other side. An odd
/// length (a file cut in the middle of a code unit) is allowed: the pattern is read on
/// the whole pairs and the lost half character decodes to U+FFFD.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let text_byte = |b: u8| (0x20..0x7F).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r');
    let n = bytes.len().min(4096) / 2;
    let (mut even0, mut odd0, mut le, mut be) = (0usize, 0usize, 0usize, 0usize);
    for pair in bytes[..2 * n].chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        even0 += usize::from(a == 0);
        odd0 += usize::from(b == 0);
        le += usize::from(b == 0 && text_byte(a));
        be += usize::from(a == 0 && text_byte(b));
    }
    if le * 10 >= n * 4 && even0 * 10 < n {
        Some(encoding_rs::UTF_16LE)
    } else if be * 10 >= n * 4 && odd0 * 10 < n {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// UTF-16 without a BOM for text outside ASCII (Korean, Chinese, Russian ...), which
/// has no NUL pattern: the head decodes without a malformed unit, holds no control
/// character, and at least 3% of its characters are spaces, line breaks or CJK/ASCII
/// sentence punctuation. Random and legacy-encoded bytes read as UTF-16 almost never
/// give a space (bytes `20 00`) or an ideographic full stop (`02 30`), and usually hit
/// an unpaired surrogate.
fn utf16_wide_text(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 16 {
        return None;
    }
    [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
        .into_iter()
        .find(|enc| {
            let Some(text) = enc.decode_without_bom_handling_and_without_replacement(head) else {
                return false;
            };
            let (mut total, mut seps) = (0usize, 0usize);
            for c in text.chars() {
                total += 1;
                match c {
                    ' '
                    | '\n'
                    | '\r'
                    | '\t'
                    | '.'
                    | ','
                    | '\u{3000}'..='\u{3002}'
                    | '\u{FF01}'
                    | '\u{FF0C}'
                    | '\u{FF0E}'
                    | '\u{FF1F}' => seps += 1,
                    c if c.is_control() || ('\u{E000}'..='\u{F8FF}').contains(&c) => return false,
                    _ => {}
                }
            }
            seps * 100 >= total * 3
        })
}

/// More than 1% control bytes other than tab/CR/LF/FF in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    ctrl * 100 > head.len()
}

/// Format from the extension, else from the content.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body")
        || head.contains("<head")
    {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, bytes: Vec<u8>) -> Result<Decoded, FileError> {
        ingest(
            &Input {
                name: name.into(),
                bytes,
            },
            &Limits::default(),
        )
    }

    #[test]
    fn unicode_forms() {
        let d = run("a.txt", "caf\u{e9}\r\nline\rend".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "caf\u{e9}\nline\nend");
        assert_eq!(d.encoding, "UTF-8");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("hi".as_bytes());
        assert_eq!(run("b.txt", b).unwrap().text, "hi");
        let s = "Hello world, this is UTF-16 text.";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(run("c.txt", le).unwrap().text, s);
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = run("d.txt", be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (s, "UTF-16BE"));
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(run("e.txt", le).unwrap().encoding, "UTF-16LE");
    }

    #[test]
    fn legacy_encodings() {
        let (b, _, _) = encoding_rs::WINDOWS_1252.encode(
            "The caf\u{e9}\u{2019}s \u{201C}special\u{201D} costs \u{20AC}5 \u{2014} na\u{ef}ve.",
        );
        let d = run("w.txt", b.into_owned()).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("\u{201C}special\u{201D}"));
        let ko = "\u{c11c}\u{c6b8}\u{c740} \u{d55c}\u{ad6d}\u{c758} \u{c218}\u{b3c4}\u{c774}\u{b2e4}. \u{b300}\u{d1b5}\u{b839}\u{c740} \u{c624}\u{b298} \u{b9d0}\u{d588}\u{b2e4}. ".repeat(8);
        let (b, _, _) = encoding_rs::EUC_KR.encode(&ko);
        let d = run("k.txt", b.into_owned()).unwrap();
        assert_eq!(d.encoding, "EUC-KR");
        assert_eq!(d.text, ko);
        let html =
            b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xB1</body></html>".to_vec();
        assert_eq!(run("p.html", html).unwrap().encoding, "ISO-8859-2");
    }

    #[test]
    fn refusals() {
        assert_eq!(run("e.txt", vec![]).unwrap_err().code, "empty");
        assert_eq!(run("e.txt", b"  \n\n ".to_vec()).unwrap_err().code, "empty");
        assert_eq!(
            run("i.png", b"\x89PNG\r\n\x1a\n\0\0".to_vec())
                .unwrap_err()
                .code,
            "binary"
        );
        assert_eq!(
            run("z.txt", vec![0, 1, 2, 3, 200, 201, 7, 8, 0, 5, 9])
                .unwrap_err()
                .code,
            "binary"
        );
        let lim = Limits {
            max_file_bytes: 10,
            max_files: 1,
        };
        let e = ingest(
            &Input {
                name: "big.txt".into(),
                bytes: vec![b'a'; 11],
            },
            &lim,
        )
        .unwrap_err();
        assert_eq!(e.code, "too_large");
        assert!(e.message.contains("11 bytes"));
    }

    #[test]
    fn formats() {
        assert_eq!(detect_format("x.md", "# hi"), Format::Markdown);
        assert_eq!(
            detect_format("x.txt", "<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(detect_format("x", "plain"), Format::Text);
    }
}
