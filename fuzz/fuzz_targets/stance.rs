//! Fuzz target `stance`: the invariants of `invariants::stance_pair` (tests/support/invariants.rs),
//! which `tests/fuzz_regressions.rs` also runs on the inputs that once broke them.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::stance_pair(data));
