//! The reader's view. `state`, `layout` and `model` are pure Rust and tested natively; the Yew
//! components in `app` exist only in the wasm build.

pub mod layout;
pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
pub use app::{App, AppProps, CheckRequest, CheckUpdate, SharedModel};
pub use model::{Progress, Stage};
