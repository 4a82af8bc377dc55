//! Benchmark: korea (see ../shared/bench/README.md).
use super::Section;
use std::path::Path;

pub fn run(_shared: &Path) -> Result<Section, String> {
    Err("not wired yet".into())
}
