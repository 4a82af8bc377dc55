//! Helpers shared by the fuzz targets: turning fuzzer bytes into stage inputs, and
//! the invariants (the same file the property tests use).

#[path = "../../crates/core/tests/support/invariants.rs"]
mod invariants;
pub use invariants::*;

use parallax_core::{Format, Input};

/// File names that steer format detection: the first byte of the data picks one.
const NAMES: [&str; 6] = ["a.txt", "a.md", "a.html", "a.htm", "a", "a.xhtml"];

/// Splits fuzzer data into a file name (from the first byte) and the file's bytes.
pub fn input(data: &[u8]) -> Input {
    let (name, bytes) = match data.split_first() {
        Some((b, rest)) => (NAMES[*b as usize % NAMES.len()], rest),
        None => (NAMES[0], data),
    };
    Input { name: name.to_string(), bytes: bytes.to_vec() }
}

/// A format (from the first byte) and text (the rest, decoded lossily so the text
/// keeps the multi-byte characters that invalid bytes turn into).
pub fn format_and_text(data: &[u8]) -> (Format, String) {
    let (f, rest) = match data.split_first() {
        Some((b, rest)) => ([Format::Text, Format::Markdown, Format::Html][*b as usize % 3], rest),
        None => (Format::Text, data),
    };
    (f, String::from_utf8_lossy(rest).into_owned())
}

pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}
