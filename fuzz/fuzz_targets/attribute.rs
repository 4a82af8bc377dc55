//! Quote attribution: segment + recognise actors + attribute; mentions and quotes valid.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_core as core;
use parallax_fuzz::*;

fuzz_target!(|data: &[u8]| {
    let body = text(data);
    let seg = core::segment::segment(&body);
    let (mut entities, mentions) = core::recognise::actors::recognise(&body, &seg, core::lexicon::gazetteer());
    check_mentions(&body, &entities, &mentions);
    let quotes = core::attribute::attribute(&body, &seg, &mut entities, &mentions);
    check_mentions(&body, &entities, &mentions);
    check_quotes(&body, &entities, &quotes);
});
