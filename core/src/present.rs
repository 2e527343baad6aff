//! Layer 6, presentation: what is drawn ([`chart`]) or written ([`export`])
//! from the engines' results. No arithmetic of its own beyond layout.

pub mod chart;
pub mod compare;
pub mod data;
pub mod export;
pub mod summary;
