//! recognise: actors (entities and their mentions) and figures.
pub mod actors;
pub mod figures;
