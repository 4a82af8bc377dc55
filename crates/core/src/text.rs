//! Small text helpers shared by the stages.

/// Normalises for comparison: NFKC-like folding of quotes/dashes/spaces, lower case,
/// whitespace collapsed. Not used for spans (it changes lengths).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            space = false;
            out.extend(c.to_lowercase());
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The characters of [`fold`]`(s)`, produced one by one: a long line can be compared
/// with a short folded text (equal? starts with it?) without folding all of it.
pub fn fold_chars(s: &str) -> FoldChars<'_> {
    FoldChars {
        chars: s.chars(),
        lower: None,
        space: false,
        started: false,
    }
}

/// Iterator of [`fold_chars`].
pub struct FoldChars<'a> {
    chars: std::str::Chars<'a>,
    lower: Option<std::char::ToLowercase>,
    /// A space is due before the next character (spaces seen after some output).
    space: bool,
    started: bool,
}

impl Iterator for FoldChars<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        loop {
            if let Some(l) = &mut self.lower {
                if let Some(c) = l.next() {
                    return Some(c);
                }
                self.lower = None;
            }
            // at the end a pending space is dropped (`fold` trims)
            let c = match self.chars.next()? {
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
                '\u{2010}'..='\u{2015}' => '-',
                c if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' => ' ',
                c => c,
            };
            if c == ' ' {
                self.space = self.started;
                continue;
            }
            self.started = true;
            self.lower = Some(c.to_lowercase());
            if std::mem::take(&mut self.space) {
                return Some(' ');
            }
        }
    }
}

/// A fast deterministic hasher for the crate's word sets and maps (the FxHash function
/// rustc uses). Their keys are short words looked up for nearly every token, where the
/// standard SipHash costs several times more than the rest of the lookup; the tables
/// are built from the crate's own data, so hash flooding is no concern. Only for
/// membership and lookups: iteration order must still never reach output.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut b: &[u8]) {
        while b.len() >= 8 {
            self.add(u64::from_le_bytes([
                b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
            ]));
            b = &b[8..];
        }
        if b.len() >= 4 {
            self.add(u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
            b = &b[4..];
        }
        for &x in b {
            self.add(u64::from(x));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `HashSet` / `HashMap` with [`FxHasher`].
pub type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<FxHasher>>;
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Largest char boundary `<= i`.
pub fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary `>= i`.
pub fn ceil_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_chars_is_fold() {
        for s in [
            "",
            "  ",
            " A  b\tC ",
            "Ünïcode ‘quotes’ — “and” dashes\u{200B}x ",
            "ΣΑΣ end",
            "x\u{FEFF} ",
            "İstanbul",
        ] {
            assert_eq!(fold_chars(s).collect::<String>(), fold(s), "{s:?}");
        }
    }
}
