//! The chrome-less view for iframes (`embed=`): one panel, an "Open in
//! Berth" link carrying the full state, and the content height posted to
//! the host page whenever it changes.

use yew::prelude::*;

use crate::browser;
use berth_core::summary::Summary;

use crate::components::{
    answer, breakeven_chart, cost_panel, decide_panel, notices, perf_matrix, perf_panel, SortBy,
};
use crate::hooks::{Figures, ScenarioHandle};

/// Posts the content height to the host page while `enabled` (an embed).
#[hook]
pub fn use_height_reporter(enabled: bool) {
    use_effect_with(enabled, |enabled| {
        let reporter = enabled.then(browser::report_height_to_parent);
        // Dropping the guard stops observing.
        move || {
            let _guard = reporter;
        }
    });
}

/// One panel, for an iframe, under the answer (so the snippet's 480 px
/// frame shows the figure, platform, region and date with no host
/// script): the figures are the App's for the embedded view, `sort` the
/// cost table's order.
pub fn embed_view(
    handle: &ScenarioHandle,
    summary: &Summary,
    figures: &Figures,
    sort: &UseStateHandle<SortBy>,
) -> Html {
    let scenario = handle.scenario();
    let full = berth_core::Scenario {
        embed: None,
        ..scenario.clone()
    }
    .to_query();
    let body = match figures {
        Figures::Decide(d) => decide_panel(handle, d),
        Figures::Cost(report, chart) => cost_panel(handle, report, chart, sort),
        Figures::Performance(rows, sim) => perf_panel(handle, rows, sim),
        Figures::Breakeven(chart) => breakeven_chart(scenario, chart),
        Figures::Matrix(rows) => perf_matrix(rows),
        Figures::Data(_) | Figures::None => html! {},
    };
    // The frame is a page of its own: one main landmark and a level-one
    // heading (hidden: the host page names what it embeds).
    html! {
        <main class="embed">
            <h1 class="visually-hidden">{ "Berth" }</h1>
            { notices(handle) }
            { answer(handle, summary) }
            { body }
            <p class="open-in-berth">
                <a href={format!("?{full}")} target="_blank" rel="noopener">{ "Open in Berth ↗" }</a>
            </p>
        </main>
    }
}
