//! Fuzz target: any bytes as one Markdown article (rendered to plain text), parsed and exported.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    storylines::fuzzing::one_markdown(data);
});
