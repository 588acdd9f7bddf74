//! The analysis worker's entry points: plain WebAssembly exports (no wasm-bindgen) that
//! `js/worker.js` calls on its own instance of this very module, inside a Web Worker, so that
//! analysing a big story never blocks the page.
//!
//! The worker receives the compiled module from the page, instantiates it with a stub for every
//! import (the analysis calls none of them: it imports nothing of the browser), and drives the
//! analysis in steps, posting its progress between them:
//!
//! 1. `cc_alloc(len)` gives a buffer; the worker writes the corpus JSON into it;
//! 2. `cc_begin(ptr, len)` reads the corpus (taking the buffer back) and returns its number of
//!    sources, or `u32::MAX` when it cannot be read;
//! 3. `cc_read(n)` reads up to `n` more sources and returns how many have been read;
//! 4. `cc_index()` indexes the claims and returns the number of candidate pairs;
//! 5. `cc_compare(n)` compares up to `n` more pairs and returns how many have been compared;
//! 6. `cc_finish()` writes the analysis as JSON and returns its length in bytes (for a check of
//!    the reader's sentence, `cc_finish_check()` writes only the part the check needs);
//!    `cc_result()` is where it starts; `cc_end()` frees everything.
//!
//! One analysis at a time per instance, which is all a worker ever runs. This module is compiled
//! for wasm32 only; natively the same stages are `analysis::Reading` and `analysis::Comparing`.

use std::cell::RefCell;

use crate::analysis::{decide::Decision, Analysis, Comparing, Reading};
use crate::corpus;
use crate::ui::model::check_part;

enum Stage {
    Idle,
    Reading(Reading),
    Comparing(Comparing),
    Done(Vec<u8>),
}

thread_local! {
    static STAGE: RefCell<Stage> = const { RefCell::new(Stage::Idle) };
}

/// A buffer of `len` bytes for the worker to write into; `cc_begin` takes it back.
#[no_mangle]
pub extern "C" fn cc_alloc(len: usize) -> *mut u8 {
    let mut buffer = vec![0u8; len];
    let pointer = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    pointer
}

/// Reads the corpus JSON written at `pointer` (a buffer from `cc_alloc(len)`, freed here) and
/// starts its analysis. Returns the number of sources, or `u32::MAX` if the corpus cannot be read.
///
/// # Safety
/// `pointer` and `len` must be exactly what one call of `cc_alloc` returned and was given.
#[no_mangle]
pub unsafe extern "C" fn cc_begin(pointer: *mut u8, len: usize) -> u32 {
    // SAFETY: the caller passes back the buffer cc_alloc(len) made, once.
    let bytes = unsafe { Vec::from_raw_parts(pointer, len, len) };
    let Ok(text) = String::from_utf8(bytes) else { return u32::MAX };
    // The page has already applied the widget's limits to this corpus (and may have cut texts).
    let Ok(loaded) = corpus::from_json_with_limits(&text, &corpus::Limits::NONE) else { return u32::MAX };
    let reading = Reading::new(&loaded.corpus);
    let n = reading.n_sources() as u32;
    STAGE.with_borrow_mut(|stage| *stage = Stage::Reading(reading));
    n
}

/// Reads up to `n` more sources; returns how many have been read in all.
#[no_mangle]
pub extern "C" fn cc_read(n: u32) -> u32 {
    STAGE.with_borrow_mut(|stage| match stage {
        Stage::Reading(reading) => reading.read_next(n as usize) as u32,
        _ => 0,
    })
}

/// Indexes the claims for comparison; returns the number of candidate pairs.
#[no_mangle]
pub extern "C" fn cc_index() -> u32 {
    STAGE.with_borrow_mut(|stage| match std::mem::replace(stage, Stage::Idle) {
        Stage::Reading(reading) => {
            let comparing = Comparing::new(reading.index());
            let n = comparing.n_pairs() as u32;
            *stage = Stage::Comparing(comparing);
            n
        }
        other => {
            *stage = other;
            0
        }
    })
}

/// Compares up to `n` more candidate pairs; returns how many have been compared in all.
#[no_mangle]
pub extern "C" fn cc_compare(n: u32) -> u32 {
    STAGE.with_borrow_mut(|stage| match stage {
        Stage::Comparing(comparing) => comparing.compare_next(n as usize, Decision::shipped()) as u32,
        _ => 0,
    })
}

/// Finishes the analysis and writes it as JSON; returns its length in bytes (at `cc_result()`).
#[no_mangle]
pub extern "C" fn cc_finish() -> u32 {
    let Some(mut analysis) = finish() else { return 0 };
    // A claim's text is a slice of its source, which the page has: it is not sent twice.
    for claim in &mut analysis.claims {
        claim.text.clear();
    }
    keep(&analysis)
}

/// Finishes the analysis of a check (a corpus from `ui::model::check_corpus`) and writes as JSON
/// only what the check's verdict needs (`ui::model::check_part`): a few claims, with their text,
/// so that the page has next to nothing to read. Returns its length in bytes (at `cc_result()`).
#[no_mangle]
pub extern "C" fn cc_finish_check() -> u32 {
    let Some(analysis) = finish() else { return 0 };
    keep(&check_part(analysis))
}

/// The finished analysis, once every pair is compared (`None` before, or a second time).
fn finish() -> Option<Analysis> {
    STAGE.with_borrow_mut(|stage| match std::mem::replace(stage, Stage::Idle) {
        Stage::Comparing(comparing) => Some(comparing.finish(Decision::shipped())),
        other => {
            *stage = other;
            None
        }
    })
}

/// Writes `analysis` as JSON for `cc_result()`; returns its length in bytes.
fn keep(analysis: &Analysis) -> u32 {
    let json = serde_json::to_vec(analysis).unwrap_or_default();
    let n = json.len() as u32;
    STAGE.with_borrow_mut(|stage| *stage = Stage::Done(json));
    n
}

/// Where the JSON that `cc_finish` wrote starts (null before it).
#[no_mangle]
pub extern "C" fn cc_result() -> *const u8 {
    STAGE.with_borrow(|stage| match stage {
        Stage::Done(json) => json.as_ptr(),
        _ => std::ptr::null(),
    })
}

/// Frees whatever the analysis still holds.
#[no_mangle]
pub extern "C" fn cc_end() {
    STAGE.with_borrow_mut(|stage| *stage = Stage::Idle);
}
