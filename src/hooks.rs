//! Hooks shared by the components.

mod use_figures;
mod use_region_book;
mod use_scenario;

pub use use_figures::{breakeven_figures, use_figures, Figures, View};
pub use use_region_book::use_region_book;
pub use use_scenario::{use_scenario, ScenarioContext, ScenarioHandle};
