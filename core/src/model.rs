//! Layer 3, the model: the [`Scenario`](scenario::Scenario) a user edits,
//! its URL form ([`codec`]) and the [`Action`](action::Action)s that edit
//! it. Names only the inputs and the vocabulary: reading a link needs no
//! price book.

pub mod action;
pub mod codec;
pub mod presets;
pub mod scenario;
