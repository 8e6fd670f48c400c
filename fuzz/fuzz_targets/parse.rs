//! Arbitrary bytes through `Record::from_json`, `JsonLines` and `validate`.
#![no_main]

include!("../harness.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness(data));
