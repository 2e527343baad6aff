//! Layer 1, vocabulary: the words every other layer uses. Nothing here
//! names a module outside this folder.

pub mod catalog;
pub mod decimal;
pub mod embed;
pub mod field;
pub mod notice;
pub mod provenance;
pub mod quantity;
pub mod region;
pub mod sort;
pub mod table;
pub mod text;
pub mod units;
