//! Analysis façade (stub).
pub mod text;
