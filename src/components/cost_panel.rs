//! The Cost panel: options, the platform table, the charts and, for the
//! guide's scenarios, the audit.

use yew::prelude::*;

use crate::components::{cost_bars, cost_options, guide_audit, BreakevenChart, CostTable};
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
    html! {
        <section class="panel cost-panel" role="tabpanel" id="panel-cost" aria-labelledby="tab-cost">
            <h2>{ "Cost per month" }</h2>
            { handle.as_ref().map(cost_options) }
            <div class="cost-results">
                <CostTable report={report.clone()} />
                { cost_bars(&report) }
            </div>
            <BreakevenChart scenario={scenario.clone()} />
            { guide_audit(&scenario) }
        </section>
    }
}
