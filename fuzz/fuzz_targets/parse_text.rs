//! Fuzz target: any bytes as one article (plain text, Markdown or HTML by sniffing), parsed and exported.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    storylines::fuzzing::one_article(data);
});
