//! clean: separate page furniture from the article body and read metadata.
//! (first version: the first line is the title, the rest is body)

use crate::model::{Cleaned, Decoded};

pub fn clean(doc: &Decoded) -> Cleaned {
    let mut lines = doc.text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().map(str::to_string);
    let body = lines.collect::<Vec<_>>().join("\n");
    Cleaned { title, body, ..Default::default() }
}
