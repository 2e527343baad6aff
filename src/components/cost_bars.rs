//! The monthly cost bar chart: bar lengths from core's geometry, drawn as
//! SVG attributes (no inline styles, so a strict CSP holds).

use std::rc::Rc;

use berth_core::chart;
use berth_core::cost::CostReport;
use berth_core::decimal::fixed;
use yew::prelude::*;

use crate::components::class_list;

/// Props of [`CostBars`].
#[derive(Properties, PartialEq)]
pub struct CostBarsProps {
    /// The report to chart.
    pub report: Rc<CostReport>,
}

/// One horizontal bar per platform that can take the workload, cheapest first.
#[component]
pub fn CostBars(props: &CostBarsProps) -> Html {
    let bars = chart::cost_bars(&props.report);
    html! {
        <figure class="cost-bars">
            <figcaption>{ "Monthly cost by platform" }</figcaption>
            <ul>
                { for bars.into_iter().map(|b| html! {
                    <li class={class_list("cost-bar", &[(b.cheapest, "is-cheapest"), (b.legacy, "is-legacy")])}>
                        <span class="cost-bar-name">{ b.name }</span>
                        <svg class="cost-bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="cost-bar-fill" x="0" y="0" height="10" width={fixed(b.length_pct, 2)} />
                        </svg>
                        <span class="cost-bar-value">{ b.text }</span>
                    </li>
                }) }
            </ul>
        </figure>
    }
}
