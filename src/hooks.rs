//! Hooks shared by the components.

mod use_scenario;

pub use use_scenario::{use_scenario, ScenarioContext, ScenarioHandle};
