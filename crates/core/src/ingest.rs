//! ingest: bytes -> text.
//!
//! Decoding order: a BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8 is UTF-8;
//! else UTF-16 without BOM is recognised from its NUL-byte pattern; else the legacy
//! encoding is guessed with `chardetng` (Firefox's detector) and decoded with
//! `encoding_rs`. Binary input (NUL bytes that are not UTF-16, or an image/archive
//! signature) is refused with a clear per-file error.

use crate::model::{Decoded, FileError, Format, Input};
use crate::Limits;

fn err(file: &str, code: &str, message: impl Into<String>) -> FileError {
    FileError { file: file.to_string(), code: code.to_string(), message: message.into() }
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
];

pub fn ingest(input: &Input, limits: &Limits) -> Result<Decoded, FileError> {
    let name = input.name.as_str();
    let bytes = input.bytes.as_slice();
    if bytes.is_empty() {
        return Err(err(name, "empty", "the file is empty"));
    }
    if bytes.len() > limits.max_file_bytes {
        return Err(err(
            name,
            "too_large",
            format!(
                "the file is {:.1} MB; files over {} MB are not analysed",
                bytes.len() as f64 / 1e6,
                limits.max_file_bytes / (1024 * 1024)
            ),
        ));
    }
    let (text, encoding, guessed) = decode(name, bytes)?;
    let format = detect_format(name, &text);
    Ok(Decoded { name: name.to_string(), text, format, encoding, encoding_guessed: guessed })
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
            return Err(err(name, "binary", format!("this is {what}, not a text, Markdown or HTML article")));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if s.contains('\0') {
            return Err(err(name, "binary", "the file contains NUL bytes: it looks binary, not text"));
        }
        return Ok((s.to_string(), "UTF-8".into(), false));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), enc.name().to_string(), true));
    }
    if looks_binary(bytes) {
        return Err(err(name, "binary", "the file looks binary (control bytes), not text"));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = enc.decode(bytes);
    Ok((text.into_owned(), enc.name().to_string(), true))
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII-range text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let n = bytes.len().min(4096) / 2;
    let (mut even0, mut odd0) = (0usize, 0usize);
    for i in 0..n {
        if bytes[2 * i] == 0 {
            even0 += 1;
        }
        if bytes[2 * i + 1] == 0 {
            odd0 += 1;
        }
    }
    if odd0 * 10 >= n * 4 && even0 * 10 < n {
        Some(encoding_rs::UTF_16LE)
    } else if even0 * 10 >= n * 4 && odd0 * 10 < n {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// More than 1% control bytes other than tab/CR/LF/FF in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let ctrl = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
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
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") || head.contains("<head") {
        return Format::Html;
    }
    Format::Text
}
