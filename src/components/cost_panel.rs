//! The Cost panel: options, the platform table, the charts and, for the
//! guide's scenarios, the audit.

use yew::prelude::*;

use crate::components::{BreakevenChart, CostBars, CostOptions, CostTable, GuideAudit};
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
            <CostOptions />
            <div class="cost-results">
                <CostTable report={report.clone()} />
                <CostBars report={report} />
            </div>
            <BreakevenChart scenario={scenario.clone()} />
            <GuideAudit {scenario} />
        </section>
    }
}
