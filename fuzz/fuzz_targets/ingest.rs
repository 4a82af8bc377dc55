//! ingest on raw bytes: never panics; decodes or refuses with a coded error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let input = input(data);
    match parallax_core::ingest::ingest(&input, &parallax_core::Limits::default()) {
        Ok(d) => check_decoded(&d),
        Err(e) => check_error(&e),
    }
});
