//! clean on decoded text in each format, then segment on its body.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_core::Decoded;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let (format, text) = format_and_text(data);
    let d = Decoded { name: "a".into(), text, format, encoding: "UTF-8".into(), encoding_guessed: false };
    let c = parallax_core::clean::clean(&d);
    check_cleaned(&c);
    let seg = parallax_core::segment::segment(&c.body);
    check_segmented(&c.body, &seg);
});
