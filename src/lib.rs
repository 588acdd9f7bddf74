//! crosscheck finds the checkable claims in several reports of one story, works out which claims
//! of different sources tell the same fact, and whether they agree.
//!
//! Module map:
//! - [`corpus`]: the corpus model (sources, ids) and its loading and validation.
//! - [`analysis`]: sentences, claims, alignment and stance; `analyse(&Corpus) -> Analysis`.
//! - [`date`]: civil dates for publication dates and relative dates in text.
//! - [`precomputed`]: an analysis embedded in its corpus file, checked against the texts' hash.
//! - [`ui`]: the reader's view; its state and view model are native, its components browser only.
//! - [`options`]: a widget's options (corpus, theme, source, claim, height, lang), checked.
//! - [`claimreview`]: schema.org ClaimReview JSON-LD for the contradicted claims (widget and CLI).
//! - `bundle` (native only): one self-contained HTML page with the widget and a corpus inlined.
//! - `eval` (native only): hand-labelled gold pairs matched to claims and scored as `score.py` does.
//! - `learn` (native only): fitting the logistic regressions the analysis evaluates.
//! - `embed` (wasm only): mounts widgets on a page; the only module that knows JavaScript.
//! - `worker` (wasm only): plain exports through which a Web Worker runs the analysis on its own
//!   instance of the module (`js/worker.js`).
//!
//! `corpus`, `analysis` and `date` import no web crate: they compile and test natively.

pub mod analysis;
pub mod claimreview;
pub mod corpus;
pub mod date;
pub mod options;
pub mod precomputed;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod bundle;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod learn;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod worker;

pub use analysis::{analyse, Analysis};
pub use corpus::{Corpus, Source, SourceId};

/// The wasm's allocator: talc rather than the standard library's dlmalloc, for a smaller module
/// and a faster worker (figures beside the dependency in Cargo.toml). The module is
/// single-threaded (no `atomics` target feature), as talc's unsynchronised cell requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
