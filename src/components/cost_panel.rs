//! The Cost panel: options, the platform table, the charts and, for the
//! guide's scenarios, the audit.

use berth_core::chart::LineChart;
use berth_core::cost::CostReport;
use yew::prelude::*;

use crate::components::{
    breakeven_chart, cost_bars, cost_options, cost_table, guide_audit, period_select, SortBy,
};
use crate::hooks::ScenarioHandle;

/// Everything about what the workload costs: `report` and `chart` are the
/// App's figures of the scenario, `sort` the table's order (App state).
pub fn cost_panel(
    handle: &ScenarioHandle,
    report: &CostReport,
    chart: &LineChart,
    sort: &UseStateHandle<SortBy>,
) -> Html {
    let scenario = handle.scenario();
    let period = scenario.options.per;
    html! {
        <section class="panel cost-panel" role="tabpanel" id="panel-cost" aria-labelledby="tab-cost">
            <h2>{ format!("Cost per {}", period.word()) }</h2>
            { cost_options(handle) }
            { period_select(handle) }
            <div class="cost-results">
                { cost_table(report, sort, period) }
                { cost_bars(report, period) }
            </div>
            { breakeven_chart(scenario, chart) }
            { guide_audit(scenario) }
        </section>
    }
}
