//! The Performance panel: the matrix, the simulation's inputs, a small
//! timeline per platform (demand against capacity, unserved demand shaded)
//! and the summary table.

use berth_core::decimal::{fixed, shortest};
use berth_core::perf::{self, MatrixRow, Simulation};
use berth_core::{chart, cost::usd};
use yew::prelude::*;

use crate::components::{perf_matrix, sim_controls};
use crate::hooks::ScenarioHandle;

/// Size of one timeline box, SVG units.
const BOX: (f64, f64) = chart::TIMELINE_SIZE;

/// How fast each platform reacts, and what that costs (`rows` and `sim`
/// are the App's figures of the scenario).
pub fn perf_panel(handle: &ScenarioHandle, rows: &[MatrixRow], sim: &Simulation) -> Html {
    let timelines = chart::timelines(sim, BOX);
    html! {
        <section class="panel perf-panel" role="tabpanel" id="panel-performance" aria-labelledby="tab-performance">
            <h2>{ "Performance" }</h2>
            { perf_matrix(rows) }
            <h3>{ "A simulated day" }</h3>
            { sim_controls(handle) }
            <p class="muted">{ format!("Simulating the shape of \"{}\": 1,440 one-minute steps, each platform scaling with its own latencies and billed at its own granularity.",
                sim.service.clone().unwrap_or_default()) }</p>
            <div class="timelines">
                { for timelines.iter().map(|t| html! {
                    <figure class="timeline">
                        <figcaption>{ t.name }<span class="muted">{ format!(" — {}", t.unserved_text) }</span></figcaption>
                        <svg viewBox={format!("0 0 {} {}", shortest(BOX.0), shortest(BOX.1))} role="img"
                            aria-label={format!("{}: demand and capacity over 24 hours, {}", t.name, t.unserved_text)}>
                            <path class="unserved-area" d={t.unserved.clone()} />
                            <path class="demand-line" d={t.demand.clone()} />
                            <path class="capacity-line" d={t.capacity.clone()} />
                            <text x="2" y="10">{ t.top_text.clone() }</text>
                            <text x={shortest(BOX.0 - 2.0)} y={shortest(BOX.1 - 3.0)} text-anchor="end">{ "24 h" }</text>
                        </svg>
                    </figure>
                }) }
            </div>
            <p class="legend-inline"><span class="swatch demand"></span>{ "demand " }<span class="swatch capacity"></span>{ "capacity " }<span class="swatch unserved"></span>{ "unserved" }</p>
            { summary(sim) }
        </section>
    }
}

fn summary(sim: &Simulation) -> Html {
    html! {
        <table class="sim-summary" tabindex="0">
            <thead><tr>
                <th>{ "Platform" }</th><th class="num">{ "Unserved" }</th><th class="num">{ "Minutes over capacity" }</th>
                <th class="num">{ "Peak tasks" }</th><th class="num">{ "Peak instances" }</th><th class="num">{ "Day" }</th>
                <th class="num">{ perf::month_heading() }</th><th class="num">{ perf::headroom_heading() }</th><th class="num">{ "Headroom cost / month" }</th>
            </tr></thead>
            <tbody>
                { for sim.platforms.iter().map(|p| match &p.reason {
                    Some(reason) => html! { <tr class="is-unavailable"><th scope="row">{ p.name }</th><td colspan="8" class="muted">{ reason.clone() }</td></tr> },
                    None => html! {
                        <tr>
                            <th scope="row">{ p.name }</th>
                            <td class="num" data-unserved={p.id.id()} data-value={shortest(p.unserved_pct)}>{ perf::unserved_text(p.unserved_pct) }</td>
                            <td class="num">{ p.minutes_over_capacity }</td>
                            <td class="num">{ p.peak_tasks }</td>
                            <td class="num">{ p.peak_instances.map_or("—".to_string(), |n| n.to_string()) }</td>
                            <td class="num">{ usd(p.cost_usd_day) }</td>
                            <td class="num">{ usd(p.cost_usd_month) }</td>
                            <td class="num">{ p.headroom_for_target_pct.map_or("not reachable".to_string(), |h| format!("+{}%", fixed(h, 0))) }</td>
                            <td class="num">{ p.headroom_cost_usd_month.map_or("—".to_string(), usd) }</td>
                        </tr>
                    },
                }) }
            </tbody>
        </table>
    }
}
