//! The whole per-document pipeline on raw bytes: every span of the result valid and
//! the result survives a JSON round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let input = input(data);
    match parallax_core::analyze_document(&input, &parallax_core::Limits::default()) {
        Ok(d) => check_doc(&d),
        Err(e) => check_error(&e),
    }
});
