//! attribute: quotes and their speakers.
use crate::model::{Entity, Mention, Quote, Segmented};

pub fn attribute(_body: &str, _seg: &Segmented, _entities: &mut Vec<Entity>, _mentions: &[Mention]) -> Vec<Quote> {
    Vec::new()
}
