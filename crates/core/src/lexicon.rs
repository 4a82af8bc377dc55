//! Gazetteers and lexicons compiled into the binary from licensed data sets
//! (see `crates/core/data/SOURCES.md`).

/// The gazetteer used by `recognise`.
#[derive(Debug, Default)]
pub struct Gazetteer {}

pub fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteer::default)
}
