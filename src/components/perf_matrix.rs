//! The performance matrix: per platform, how fast tasks start, how long
//! new capacity takes, how billing rounds, the largest task, and how much of
//! what is paid the workload can use — the guide's figures beside current
//! sourced ones, with where they disagree.

use berth_core::decimal::fixed;
use berth_core::perf::{Figure, MatrixRow, Verdict};
use berth_core::text::format_number;
use yew::prelude::*;

fn range(f: &Option<Figure>) -> Html {
    match f {
        None => html! { <span class="muted">{ "—" }</span> },
        Some(f) => html! {
            <span title={f.keys.join(", ")}>
                { format!("{}–{} {}", format_number(f.low), format_number(f.high), f.unit) }
                <span class="muted">{ format!(" (typ. {})", format_number(f.typical)) }</span>
            </span>
        },
    }
}

/// The matrix table, one row per platform. A function, not a component:
/// it holds no state (see `cost_bars`).
pub fn perf_matrix(rows: &[MatrixRow]) -> Html {
    html! {
        <div class="perf-matrix-wrap">
            <table class="perf-matrix">
                <thead><tr>
                    <th>{ "Platform" }</th><th>{ "Task start, image cached" }</th><th>{ "Task start, this image" }</th>
                    <th>{ "Capacity when full" }</th><th>{ "Scaler reacts" }</th><th>{ "Billing" }</th>
                    <th>{ "Largest task" }</th><th>{ "Usable share of paid" }</th><th>{ "Guide vs current" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ r.name }</th>
                            <td>{ range(&r.start_cached) }</td>
                            <td>{ range(&r.start_small.clone().or_else(|| r.start_large.clone())) }</td>
                            <td>{ range(&r.add_capacity) }</td>
                            <td>{ range(&r.reaction) }
                                if r.reaction_high_res.is_some() {
                                    <div class="muted">{ "20-s metrics: " }{ range(&r.reaction_high_res) }</div>
                                }
                            </td>
                            <td>{ r.billing.as_ref().map_or_else(|| "—".to_string(), |b| format!("per {} s, min {} s", format_number(b.increment_s), format_number(b.minimum_s))) }</td>
                            <td title={r.max_task.basis.clone()}>{ format!("{}{} GiB",
                                r.max_task.vcpu.map_or(String::new(), |v| format!("{} vCPU / ", format_number(v))),
                                format_number(r.max_task.memory_gib)) }</td>
                            <td title={r.efficiency.as_ref().map(|e| e.basis.clone())}>{ r.efficiency.as_ref().map_or("—".to_string(), |e| format!("{}%", fixed(e.pct, 0))) }</td>
                            <td>{ for r.checks.iter().map(|c| {
                                let (class, word) = match c.verdict {
                                    Verdict::Agrees => ("agrees", "agrees"),
                                    Verdict::Overlaps => ("overlaps", "overlaps"),
                                    Verdict::Disagrees => ("disagrees", "disagrees"),
                                };
                                html! {
                                    <div class={format!("check {class}")}>
                                        { format!("{}: guide {}–{} {}, now {}–{} — {word}", c.metric.label(),
                                            format_number(c.guide.low), format_number(c.guide.high), c.guide.unit,
                                            format_number(c.current.low), format_number(c.current.high)) }
                                    </div>
                                }
                            }) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
