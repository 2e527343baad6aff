//! The chrome-less view for iframes (`embed=`): one panel, an "Open in
//! Berth" link carrying the full state, and the content height posted to
//! the host page whenever it changes.

use berth_core::embed::Embed;
use yew::prelude::*;

use crate::browser;
use crate::components::{
    breakeven_chart, breakeven_figures, notices, perf_matrix, CostPanel, DecidePanel, PerfPanel,
};
use crate::hooks::use_scenario;

/// Props of [`EmbedView`].
#[derive(Properties, PartialEq)]
pub struct EmbedViewProps {
    /// Which view to show.
    pub view: Embed,
}

/// One panel, for an iframe.
#[component]
pub fn EmbedView(props: &EmbedViewProps) -> Html {
    use_effect_with((), |_| {
        let reporter = browser::report_height_to_parent();
        // Dropping the guard stops observing.
        move || {
            let _guard = reporter;
        }
    });
    let Some(handle) = use_scenario() else {
        return html! {};
    };
    let scenario = handle.scenario().clone();
    let full = berth_core::Scenario {
        embed: None,
        ..scenario.clone()
    }
    .to_query();
    let body = match props.view {
        Embed::Decide => html! { <DecidePanel /> },
        Embed::Cost => html! { <CostPanel /> },
        Embed::Performance => html! { <PerfPanel /> },
        Embed::Breakeven => breakeven_chart(&scenario, &breakeven_figures(&scenario)),
        Embed::Matrix => perf_matrix(&berth_core::perf::matrix(&scenario, &scenario.sim)),
    };
    // The frame is a page of its own: one main landmark and a level-one
    // heading (hidden: the host page names what it embeds).
    html! {
        <main class="embed">
            <h1 class="visually-hidden">{ "Berth" }</h1>
            { notices(&handle) }
            { body }
            <p class="open-in-berth">
                <a href={format!("?{full}")} target="_blank" rel="noopener">{ "Open in Berth ↗" }</a>
            </p>
        </main>
    }
}
