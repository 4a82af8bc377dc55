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
    FoldChars { chars: s.chars(), lower: None, space: false, started: false }
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
        for s in ["", "  ", " A  b\tC ", "Ünïcode ‘quotes’ — “and” dashes\u{200B}x ", "ΣΑΣ end", "x\u{FEFF} ", "İstanbul"] {
            assert_eq!(fold_chars(s).collect::<String>(), fold(s), "{s:?}");
        }
    }
}
