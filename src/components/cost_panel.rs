//! The Cost panel: options, the platform table, the charts and, for the
//! guide's scenarios, the audit.

use berth_core::chart::LineChart;
use berth_core::cost::CostReport;
use yew::prelude::*;

use berth_core::options::{self, Period};

use crate::components::{
    breakeven_chart, class_list, cost_bars, cost_options, cost_table, guide_audit, SortBy,
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
    let per = options::field("per").map(|field| {
        let choice = |p: Period| {
            let handle = handle.clone();
            let pressed = p == period;
            html! {
                <button type="button" class={class_list("button button-small", &[(pressed, "is-active")])}
                    aria-pressed={pressed.to_string()}
                    onclick={Callback::from(move |_| { let _ = handle.edit_option(field, p.key().to_string()); })}>{ p.word() }</button>
            }
        };
        html! {
            <div class="cost-period" role="group" aria-label="Figures per">
                <span class="field-label">{ "Per" }</span>
                { for Period::ALL.into_iter().map(choice) }
            </div>
        }
    });
    html! {
        <section class="panel cost-panel" role="tabpanel" id="panel-cost" aria-labelledby="tab-cost">
            <h2>{ format!("Cost per {}", period.word()) }</h2>
            { cost_options(handle) }
            { for per }
            <div class="cost-results">
                { cost_table(report, sort, period) }
                { cost_bars(report, period) }
            </div>
            { breakeven_chart(scenario, chart) }
            { guide_audit(scenario) }
        </section>
    }
}
