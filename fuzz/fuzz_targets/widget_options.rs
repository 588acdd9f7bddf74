//! Fuzz target `widget_options`: the invariants of `invariants::widget_options` (tests/support/invariants.rs),
//! which `tests/fuzz_regressions.rs` also runs on the inputs that once broke them.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::widget_options(data));
