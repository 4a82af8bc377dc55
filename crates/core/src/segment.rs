//! segment: paragraphs, sentences, tokens (byte spans into the body).

use crate::model::{Segmented, Sentence, Span, Token, TokenKind};
use unicode_segmentation::UnicodeSegmentation;

pub fn segment(body: &str) -> Segmented {
    let mut seg = Segmented::default();
    let mut start = 0;
    for line in body.split('\n') {
        let end = start + line.len();
        if !line.trim().is_empty() {
            seg.paragraphs.push(Span::new(start, end));
        }
        start = end + 1;
    }
    for (pi, p) in seg.paragraphs.clone().iter().enumerate() {
        for (off, s) in p.text(body).split_sentence_bound_indices() {
            let t = s.trim_end();
            if t.is_empty() {
                continue;
            }
            let sp = Span::new(p.start + off, p.start + off + t.len());
            let si = seg.sentences.len();
            seg.sentences.push(Sentence { span: sp, paragraph: pi });
            for (wo, w) in t.split_word_bound_indices() {
                let c = w.chars().next().unwrap();
                if c.is_whitespace() {
                    continue;
                }
                let kind = if c.is_numeric() { TokenKind::Number } else if c.is_alphabetic() { TokenKind::Word } else { TokenKind::Punct };
                seg.tokens.push(Token { span: Span::new(sp.start + wo, sp.start + wo + w.len()), kind, sentence: si });
            }
        }
    }
    seg
}
