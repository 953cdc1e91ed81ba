//! Fuzz target: bytes split at the first "\n---\n" into two articles, diffed pairwise (`storylines diff`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    storylines::fuzzing::pair_diff(data);
});
