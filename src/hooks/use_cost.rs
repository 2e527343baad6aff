//! `use_cost`: the cost report for the current scenario, recomputed only
//! when the scenario changes.

use std::rc::Rc;

use berth_core::cost::{self, CostReport};
use berth_core::Scenario;
use yew::prelude::*;

/// The memoised cost report of `scenario`.
#[hook]
pub fn use_cost(scenario: &Scenario) -> Rc<CostReport> {
    use_memo(scenario.clone(), cost::evaluate)
}
