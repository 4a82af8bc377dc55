//! segment on arbitrary text: spans valid and nested (token in sentence in paragraph).
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let body = text(data);
    let seg = parallax_core::segment::segment(&body);
    check_segmented(&body, &seg);
});
