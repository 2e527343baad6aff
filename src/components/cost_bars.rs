//! The monthly cost bar chart: bar lengths from core's geometry, drawn as
//! SVG attributes (no inline styles, so a strict CSP holds).

use berth_core::chart;
use berth_core::cost::CostReport;
use berth_core::decimal::fixed;
use berth_core::options::Period;
use yew::prelude::*;

use crate::components::class_list;

/// One horizontal bar per platform that can take the workload, cheapest
/// first. A function, not a component: it holds no state, and each
/// component type costs the page its own copy of Yew's lifecycle.
pub fn cost_bars(report: &CostReport, period: Period) -> Html {
    let bars = chart::cost_bars(report, period);
    html! {
        <figure class="cost-bars">
            <figcaption>{ format!("Cost per {} by platform", period.word()) }</figcaption>
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
