//! The Performance panel: the matrix, the simulation's inputs, a small
//! timeline per platform (demand against capacity, unserved demand shaded)
//! and the summary table.

use berth_core::decimal::{fixed, shortest};
use berth_core::perf::{self, MatrixRow, Simulation};
use berth_core::{chart, cost::usd};
use yew::prelude::*;

use std::fmt::Write;

use crate::components::{esc, perf_matrix, raw, sim_controls};
use crate::hooks::ScenarioHandle;

/// Size of one timeline box, SVG units.
const BOX: (f64, f64) = chart::TIMELINE_SIZE;

/// How fast each platform reacts, and what that costs (`rows` and `sim`
/// are the App's figures of the scenario). The timelines and the table
/// are static markup, written as text (`components::raw`).
pub fn perf_panel(handle: &ScenarioHandle, rows: &[MatrixRow], sim: &Simulation) -> Html {
    let mut m = String::from("<div class=\"timelines\">");
    let (w, h) = (shortest(BOX.0), shortest(BOX.1));
    for t in chart::timelines(sim, BOX) {
        // `write!` to a String cannot fail.
        let _ = write!(
            m,
            "<figure class=\"timeline\"><figcaption>{name}<span class=\"muted\"> — {un}</span></figcaption>\
             <svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{name}: demand and capacity over 24 hours, {un}\">\
             <path class=\"unserved-area\" d=\"{}\"/><path class=\"demand-line\" d=\"{}\"/><path class=\"capacity-line\" d=\"{}\"/>\
             <text x=\"2\" y=\"10\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">24 h</text></svg></figure>",
            esc(&t.unserved),
            esc(&t.demand),
            esc(&t.capacity),
            esc(&t.top_text),
            shortest(BOX.0 - 2.0),
            shortest(BOX.1 - 3.0),
            name = esc(t.name),
            un = esc(&t.unserved_text),
        );
    }
    m.push_str("</div><p class=\"legend-inline\"><span class=\"swatch demand\"></span>demand <span class=\"swatch capacity\"></span>capacity <span class=\"swatch unserved\"></span>unserved</p>");
    summary(&mut m, sim);
    html! {
        <section class="panel perf-panel" role="tabpanel" id="panel-performance" aria-labelledby="tab-performance">
            <h2>{ "Performance" }</h2>
            { perf_matrix(rows) }
            <h3>{ "A simulated day" }</h3>
            { sim_controls(handle) }
            <p class="muted">{ format!("Simulating the shape of \"{}\": 1,440 one-minute steps, each platform scaling with its own latencies and billed at its own granularity.",
                sim.service.clone().unwrap_or_default()) }</p>
            { raw(m) }
        </section>
    }
}

fn summary(m: &mut String, sim: &Simulation) {
    let _ = write!(
        m,
        "<table class=\"sim-summary\" tabindex=\"0\"><thead><tr><th>Platform</th><th class=\"num\">Unserved</th>\
         <th class=\"num\">Minutes over capacity</th><th class=\"num\">Peak tasks</th><th class=\"num\">Peak instances</th>\
         <th class=\"num\">Day</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">Headroom cost / month</th></tr></thead><tbody>",
        esc(&perf::month_heading()),
        esc(&perf::headroom_heading())
    );
    for p in &sim.platforms {
        let _ = match &p.reason {
            Some(reason) => write!(
                m,
                "<tr class=\"is-unavailable\"><th scope=\"row\">{}</th><td colspan=\"8\" class=\"muted\">{}</td></tr>",
                esc(p.name),
                esc(reason)
            ),
            None => write!(
                m,
                "<tr><th scope=\"row\">{}</th><td class=\"num\" data-unserved=\"{}\" data-value=\"{}\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(p.name),
                p.id.id(),
                shortest(p.unserved_pct),
                esc(&perf::unserved_text(p.unserved_pct)),
                p.minutes_over_capacity,
                p.peak_tasks,
                p.peak_instances.map_or("—".to_string(), |n| n.to_string()),
                usd(p.cost_usd_day),
                usd(p.cost_usd_month),
                p.headroom_for_target_pct
                    .map_or("not reachable".to_string(), |h| format!("+{}%", fixed(h, 0))),
                p.headroom_cost_usd_month.map_or("—".to_string(), usd)
            ),
        };
    }
    m.push_str("</tbody></table>");
}
