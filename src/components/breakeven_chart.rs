//! The break-even chart: monthly cost against the first service's task
//! count for every platform, with the Fargate / EC2 crossovers marked.

use berth_core::chart;
use berth_core::decimal::{fixed, shortest};
use berth_core::Scenario;
use yew::prelude::*;

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
    let view_box = format!(
        "{} -10 {} {}",
        shortest(-LEFT),
        shortest(SIZE.0 + LEFT + 10.0),
        shortest(SIZE.1 + BOTTOM + 20.0)
    );
    html! {
        <figure class="breakeven">
            <figcaption>{ format!("Monthly cost as \"{}\" grows from 1 to {} tasks", first.name, chart.max_tasks) }</figcaption>
            <svg class="breakeven-svg" viewBox={view_box} role="img"
                aria-label="Monthly cost against task count for each platform">
                { for chart.y_ticks.iter().map(|t| html! {
                    <g class="tick">
                        <line x1="0" x2={shortest(SIZE.0)} y1={fixed(t.pos, 1)} y2={fixed(t.pos, 1)} />
                        <text x="-8" y={fixed(t.pos + 4.0, 1)} text-anchor="end">{ t.label.clone() }</text>
                    </g>
                }) }
                { for chart.x_ticks.iter().map(|t| html! {
                    <text class="tick" x={fixed(t.pos, 1)} y={fixed(SIZE.1 + 18.0, 1)} text-anchor="middle">{ t.label.clone() }</text>
                }) }
                { for chart.series.iter().map(|s| html! {
                    <path class={format!("series series-{}", s.platform.id())} d={s.path.clone()}>
                        <title>{ s.name }</title>
                    </path>
                }) }
                // Crossovers cluster where the pair swaps places again and
                // again, so the chart shows numbers and the list below the
                // words: labels beside the points would overlap.
                { for chart.markers.iter().enumerate().map(|(i, m)| html! {
                    <g class="marker">
                        <title>{ m.label.clone() }</title>
                        <circle cx={fixed(m.x, 1)} cy={fixed(m.y, 1)} r="7" />
                        <text x={fixed(m.x, 1)} y={fixed(m.y + 3.5, 1)} text-anchor="middle">{ i + 1 }</text>
                    </g>
                }) }
            </svg>
            if !chart.markers.is_empty() {
                <ol class="crossovers" aria-label="Crossovers">
                    { for chart.markers.iter().map(|m| html! { <li>{ m.label.clone() }</li> }) }
                </ol>
            }
            <ul class="legend">
                { for chart.series.iter().map(|s| html! {
                    <li><span class={format!("swatch series-{}", s.platform.id())}></span>{ s.name }</li>
                }) }
            </ul>
            <details class="chart-table">
                <summary>{ "The same figures as a table" }</summary>
                <table tabindex="0">
                    <thead><tr><th scope="col">{ "Tasks" }</th>
                        { for chart.series.iter().map(|s| html! { <th scope="col">{ s.name }</th> }) }</tr></thead>
                    <tbody>
                        { for chart.table.iter().map(|(n, costs)| html! {
                            <tr><th scope="row">{ n }</th>{ for costs.iter().map(|c| html! { <td class="num">{ c.clone() }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </details>
            if chart.markers.is_empty() {
                <p class="muted">{ "ECS on Fargate and ECS on EC2 do not swap places in this range." }</p>
            }
        </figure>
    }
}
