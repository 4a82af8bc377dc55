//! A small corpus (the data split on 0xFF into up to four files) analysed and
//! compared: documents valid and every group member's span inside its document.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<_> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .map(|(i, part)| {
            let mut inp = input(part);
            inp.name = format!("{i}-{}", inp.name);
            inp
        })
        .collect();
    let a = parallax_core::analyze_corpus(&inputs, &parallax_core::Options::default(), |_| {});
    check_analysis(&a);
});
