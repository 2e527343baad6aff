//! Hooks shared by the components.

mod use_cost;
mod use_region_book;
mod use_scenario;

pub use use_cost::use_cost;
pub use use_region_book::use_region_book;
pub use use_scenario::{use_scenario, ScenarioContext, ScenarioHandle};
