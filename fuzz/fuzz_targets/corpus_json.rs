//! Fuzz target `corpus_json`: the invariants of `invariants::corpus_json` (tests/support/invariants.rs),
//! which `tests/fuzz_regressions.rs` also runs on the inputs that once broke them.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::corpus_json(data));
