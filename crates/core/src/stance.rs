//! stance: each actor's positions (target phrase, polarity, cue) in one document.
use crate::model::{Entity, Mention, Quote, Segmented, StanceClaim};

pub fn claims(_body: &str, _seg: &Segmented, _entities: &[Entity], _mentions: &[Mention], _quotes: &[Quote]) -> Vec<StanceClaim> {
    Vec::new()
}
