//! The performance matrix: per platform, how fast tasks start, how long
//! new capacity takes, how billing rounds, the largest task, and how much of
//! what is paid the workload can use — the guide's figures beside current
//! sourced ones, with where they disagree. Static markup (no handlers):
//! written as text (`components::raw`).

use std::fmt::Write;

use berth_core::decimal::fixed;
use berth_core::perf::{Figure, MatrixRow, Verdict};
use berth_core::text::format_number;
use yew::prelude::*;

use crate::components::{esc, raw};

fn range(m: &mut String, f: &Option<Figure>) {
    // `write!` to a String cannot fail.
    let _ = match f {
        None => write!(m, "<span class=\"muted\">—</span>"),
        Some(f) => write!(
            m,
            "<span title=\"{}\">{}–{} {}<span class=\"muted\"> (typ. {})</span></span>",
            esc(&f.keys.join(", ")),
            format_number(f.low),
            format_number(f.high),
            esc(f.unit),
            format_number(f.typical)
        ),
    };
}

/// The matrix table, one row per platform. A function, not a component:
/// it holds no state (see `cost_bars`).
pub fn perf_matrix(rows: &[MatrixRow]) -> Html {
    let mut m = String::from(
        "<div class=\"perf-matrix-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Performance matrix\"><table class=\"perf-matrix\"><thead><tr>\
         <th>Platform</th><th>Task start, image cached</th><th>Task start, this image</th>\
         <th>Capacity when full</th><th>Scaler reacts</th><th>Billing</th>\
         <th>Largest task</th><th>Usable share of paid</th><th>Guide vs current</th></tr></thead><tbody>",
    );
    for r in rows {
        let _ = write!(m, "<tr><th scope=\"row\">{}</th><td>", esc(r.name));
        range(&mut m, &r.start_cached);
        m.push_str("</td><td>");
        range(
            &mut m,
            &r.start_small.clone().or_else(|| r.start_large.clone()),
        );
        m.push_str("</td><td>");
        range(&mut m, &r.add_capacity);
        m.push_str("</td><td>");
        range(&mut m, &r.reaction);
        if r.reaction_high_res.is_some() {
            m.push_str("<div class=\"muted\">20-s metrics: ");
            range(&mut m, &r.reaction_high_res);
            m.push_str("</div>");
        }
        let billing = r.billing.as_ref().map_or_else(
            || "—".to_string(),
            |b| {
                format!(
                    "per {} s, min {} s",
                    format_number(b.increment_s),
                    format_number(b.minimum_s)
                )
            },
        );
        let vcpu = r
            .max_task
            .vcpu
            .map_or(String::new(), |v| format!("{} vCPU / ", format_number(v)));
        let _ = write!(
            m,
            "</td><td>{billing}</td><td title=\"{}\">{vcpu}{} GiB</td>",
            esc(&r.max_task.basis),
            format_number(r.max_task.memory_gib)
        );
        match &r.efficiency {
            Some(e) => {
                let _ = write!(
                    m,
                    "<td title=\"{}\">{}%</td>",
                    esc(&e.basis),
                    fixed(e.pct, 0)
                );
            }
            None => m.push_str("<td>—</td>"),
        }
        m.push_str("<td>");
        for c in &r.checks {
            let word = match c.verdict {
                Verdict::Agrees => "agrees",
                Verdict::Overlaps => "overlaps",
                Verdict::Disagrees => "disagrees",
            };
            let _ = write!(
                m,
                "<div class=\"check {word}\">{}: guide {}–{} {}, now {}–{} — {word}</div>",
                esc(c.metric.label()),
                format_number(c.guide.low),
                format_number(c.guide.high),
                esc(c.guide.unit),
                format_number(c.current.low),
                format_number(c.current.high)
            );
        }
        m.push_str("</td></tr>");
    }
    m.push_str("</tbody></table></div>");
    raw(m)
}
