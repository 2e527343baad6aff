//! The break-even chart: monthly cost against the first service's task
//! count for every platform, with the Fargate / EC2 crossovers marked.
//! Static markup (no handlers): written as text (`components::raw`).

use std::fmt::Write;

use berth_core::chart;
use berth_core::decimal::{fixed, shortest};
use berth_core::Scenario;
use yew::prelude::*;

use crate::components::{esc, raw};

/// Plot area size in SVG units, and the margins for the axes.
const SIZE: (f64, f64) = chart::BREAKEVEN_SIZE;
const LEFT: f64 = 64.0;
const BOTTOM: f64 = 28.0;

/// The chart of `scenario`'s first service. A function, not a component:
/// it holds no state (see `cost_bars`).
pub fn breakeven_chart(scenario: &Scenario, chart: &chart::LineChart) -> Html {
    let Some(first) = scenario.services.first() else {
        return html! { <p class="muted">{ "Add a service to see how cost grows with its task count." }</p> };
    };
    let mut m = String::new();
    // `write!` to a String cannot fail.
    let _ = write!(
        m,
        "<figcaption>Monthly cost as \"{}\" grows from 1 to {} tasks</figcaption>\
         <svg class=\"breakeven-svg\" viewBox=\"{} -10 {} {}\" role=\"img\" aria-label=\"Monthly cost against task count for each platform\">",
        esc(&first.name),
        chart.max_tasks,
        shortest(-LEFT),
        shortest(SIZE.0 + LEFT + 10.0),
        shortest(SIZE.1 + BOTTOM + 20.0)
    );
    for t in &chart.y_ticks {
        let y = fixed(t.pos, 1);
        let _ = write!(
            m,
            "<g class=\"tick\"><line x1=\"0\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/><text x=\"-8\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
            shortest(SIZE.0),
            fixed(t.pos + 4.0, 1),
            esc(&t.label)
        );
    }
    for t in &chart.x_ticks {
        let _ = write!(
            m,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            fixed(t.pos, 1),
            fixed(SIZE.1 + 18.0, 1),
            esc(&t.label)
        );
    }
    for s in &chart.series {
        let _ = write!(
            m,
            "<path class=\"series series-{}\" d=\"{}\"><title>{}</title></path>",
            s.platform.id(),
            esc(&s.path),
            esc(s.name)
        );
    }
    // Crossovers cluster where the pair swaps places again and again, so
    // the chart shows numbers and the list below the words: labels beside
    // the points would overlap.
    for (i, k) in chart.markers.iter().enumerate() {
        let x = fixed(k.x, 1);
        let _ = write!(
            m,
            "<g class=\"marker\"><title>{}</title><circle cx=\"{x}\" cy=\"{}\" r=\"7\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            esc(&k.label),
            fixed(k.y, 1),
            fixed(k.y + 3.5, 1),
            i + 1
        );
    }
    m.push_str("</svg>");
    if !chart.markers.is_empty() {
        m.push_str("<ol aria-label=\"Crossovers\" class=\"crossovers\">");
        for k in &chart.markers {
            let _ = write!(m, "<li>{}</li>", esc(&k.label));
        }
        m.push_str("</ol>");
    }
    m.push_str("<ul class=\"legend\">");
    for s in &chart.series {
        let _ = write!(
            m,
            "<li><span class=\"swatch series-{}\"></span>{}</li>",
            s.platform.id(),
            esc(s.name)
        );
    }
    m.push_str("</ul>");
    // The table stays a live element: a raw one would close on every
    // edit, its node replaced.
    let mut t = String::from("<table tabindex=\"0\"><thead><tr><th scope=\"col\">Tasks</th>");
    for s in &chart.series {
        let _ = write!(t, "<th scope=\"col\">{}</th>", esc(s.name));
    }
    t.push_str("</tr></thead><tbody>");
    for (n, costs) in &chart.table {
        let _ = write!(t, "<tr><th scope=\"row\">{n}</th>");
        for c in costs {
            let _ = write!(t, "<td class=\"num\">{}</td>", esc(c));
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table>");
    html! {
        <figure class="breakeven">
            { raw(m) }
            <details class="chart-table">
                <summary>{ "The same figures as a table" }</summary>
                { raw(t) }
            </details>
            if chart.markers.is_empty() {
                <p class="muted">{ "ECS on Fargate and ECS on EC2 do not swap places in this range." }</p>
            }
        </figure>
    }
}
