//! Layer 2, inputs: what a user can set, each group a table of fields with
//! its URL key, parser and canonical text. Names only [`crate::vocab`].

pub mod options;
pub mod overrides;
pub mod preset;
pub mod requirements;
pub mod sim;
