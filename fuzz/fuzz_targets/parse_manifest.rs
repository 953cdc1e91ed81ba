//! Fuzz target: any bytes as a manifest.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    storylines::fuzzing::manifest(data);
});
