//! The cost bar chart: bar lengths from core's geometry, drawn as SVG
//! attributes (no inline styles, so a strict CSP holds). Static markup,
//! written as text (`components::raw`).

use std::fmt::Write;

use berth_core::chart;
use berth_core::cost::CostReport;
use berth_core::decimal::fixed;
use berth_core::options::Period;
use yew::prelude::*;

use crate::components::{class_list, esc, raw};

/// One horizontal bar per platform that can take the workload, cheapest
/// first. A function, not a component: it holds no state, and each
/// component type costs the page its own copy of Yew's lifecycle.
pub fn cost_bars(report: &CostReport, period: Period) -> Html {
    let mut m = format!(
        "<figure class=\"cost-bars\"><figcaption>Cost per {} by platform</figcaption><ul>",
        period.word()
    );
    for b in chart::cost_bars(report, period) {
        // `write!` to a String cannot fail.
        let _ = write!(
            m,
            "<li class=\"{}\"><span class=\"cost-bar-name\">{}</span>\
             <svg class=\"cost-bar-track\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
             <rect class=\"cost-bar-fill\" x=\"0\" y=\"0\" height=\"10\" width=\"{}\"/></svg>\
             <span class=\"cost-bar-value\">{}</span></li>",
            class_list("cost-bar", &[(b.cheapest, "is-cheapest"), (b.legacy, "is-legacy")]),
            esc(b.name),
            fixed(b.length_pct, 2),
            esc(&b.text)
        );
    }
    m.push_str("</ul></figure>");
    raw(m)
}
