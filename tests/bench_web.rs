//! Browser benchmark (not a test of speed): times `analyse` on the embedded seed corpus inside
//! headless Chromium and prints the figures, for comparison with the native benchmark.
//!
//! Run through `scripts/bench.sh`, or by hand in release mode:
//! `cargo test --release --target wasm32-unknown-unknown --no-default-features --test bench_web -- --nocapture`.
//! It asserts only that the analysis produced claims; the time is reported, never judged.
#![cfg(target_arch = "wasm32")]

use crosscheck::analysis::analyse;
use crosscheck::corpus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

#[wasm_bindgen_test]
fn bench_analyse_seeds_in_the_browser() {
    let corpus = corpus::seeds();
    // One warm-up run parses the word tables (a one-off cost a page pays once).
    let first_start = now_ms();
    let analysis = analyse(&corpus);
    let first_ms = now_ms() - first_start;
    assert!(!analysis.claims.is_empty());
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let start = now_ms();
            let analysis = analyse(&corpus);
            let elapsed = now_ms() - start;
            assert!(!analysis.claims.is_empty());
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    console_log!(
        "BENCH browser analyse(seeds): first {:.2} ms, median {:.2} ms, min {:.2} ms, max {:.2} ms over {} runs; {} claims, {} links",
        first_ms,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        analysis.claims.len(),
        analysis.links.len()
    );
}
