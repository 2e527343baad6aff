//! The Cost panel: options, the platform table, the charts and, for the
//! guide's scenarios, the audit.

use yew::prelude::*;

use crate::components::{
    breakeven_chart, breakeven_figures, cost_bars, cost_options, cost_table, guide_audit, SortBy,
};
use crate::hooks::{use_cost, use_scenario};

/// Everything about what the workload costs.
#[component]
pub fn CostPanel() -> Html {
    let handle = use_scenario();
    let scenario = handle
        .as_ref()
        .map(|h| h.scenario().clone())
        .unwrap_or_default();
    let report = use_cost(&scenario);
    let chart = use_memo(scenario.clone(), breakeven_figures);
    let sort = use_state(|| SortBy::Cost);
    html! {
        <section class="panel cost-panel" role="tabpanel" id="panel-cost" aria-labelledby="tab-cost">
            <h2>{ "Cost per month" }</h2>
            { handle.as_ref().map(cost_options) }
            <div class="cost-results">
                { cost_table(&report, &sort) }
                { cost_bars(&report) }
            </div>
            { breakeven_chart(&scenario, &chart) }
            { guide_audit(&scenario) }
        </section>
    }
}
