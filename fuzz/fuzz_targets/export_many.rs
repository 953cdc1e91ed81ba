//! Fuzz target: bytes split into several articles at "\n---\n", cross-referenced and exported.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    storylines::fuzzing::many_articles(data);
});
