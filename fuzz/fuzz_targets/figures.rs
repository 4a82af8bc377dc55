//! The figure recogniser: spans valid, text equal to the text at the span, values finite.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let body = text(data);
    let seg = parallax_core::segment::segment(&body);
    let figures = parallax_core::recognise::figures::recognise(&body, &seg);
    check_figures(&body, seg.sentences.len(), &figures);
});
