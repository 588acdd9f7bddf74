//! crosscheck (tour written later)
pub mod analysis;
pub mod corpus;
pub mod date;
