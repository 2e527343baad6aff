//! The cost table: every platform's monthly total, status and capacity,
//! sortable, each row expanding to its itemised bill and notes.

use berth_core::cost::{amount, usd, CostReport, LineKind, PlatformCost, Status};
use berth_core::decimal::shortest;
use berth_core::options::Period;
use yew::prelude::*;

use std::fmt::Write;

use crate::components::{esc, raw};

/// How the rows are ordered (view state, not part of the link; the Cost
/// panel holds it).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Cost,
    Name,
    Listed,
}

/// The sortable, expandable table of platforms. A function, not a
/// component: the order is the Cost panel's state (see `cost_bars`).
pub fn cost_table(report: &CostReport, sort: &UseStateHandle<SortBy>, period: Period) -> Html {
    let mut rows: Vec<&PlatformCost> = report.platforms.iter().collect();
    match **sort {
        // Unavailable platforms sink to the bottom when sorting by cost.
        SortBy::Cost => berth_core::sort::by(&mut rows, |a, b| {
            (a.status == Status::Unavailable)
                .cmp(&(b.status == Status::Unavailable))
                .then(a.monthly_usd.total_cmp(&b.monthly_usd))
        }),
        SortBy::Name => berth_core::sort::by_key(&mut rows, |p| p.name),
        SortBy::Listed => {}
    }
    let keys = [
        (SortBy::Cost, "cost", "cost"),
        (SortBy::Name, "name", "name"),
        (SortBy::Listed, "family", "platform family"),
    ];
    let current = keys.iter().find(|k| k.0 == **sort).map_or("cost", |k| k.1);
    let on_change = {
        let sort = sort.clone();
        Callback::from(move |value: String| {
            if let Some(k) = keys.iter().find(|k| k.1 == value) {
                sort.set(k.0);
            }
        })
    };
    let choices = keys
        .iter()
        .map(|k| (k.1.to_string(), k.2.to_string()))
        .collect();
    html! {
        <div class="cost-table">
            { crate::components::select("field cost-table-sort".to_string(), "Sort by", current, choices, on_change) }
            <div class="cost-table-head" aria-hidden="true">
                <span>{ "Platform" }</span><span class="num">{ format!("USD / {}", period.word()) }</span><span>{ "Status" }</span><span>{ "Capacity / reason" }</span>
            </div>
            { for rows.into_iter().map(|p| row(p, period)) }
        </div>
    }
}

/// One platform's row. The `<details>` is a live element (a raw one would
/// close on every edit); what it holds is static markup, written as text
/// (`components::raw`).
fn row(p: &PlatformCost, period: Period) -> Html {
    let status = p.status.key();
    let total = match p.status {
        Status::Unavailable => "—".to_string(),
        _ => amount(period, p.monthly_usd),
    };
    // `write!` to a String cannot fail.
    let mut head = String::new();
    let _ = write!(
        head,
        "<span class=\"cost-name\">{}</span><span class=\"num cost-total\" data-cost=\"{}\" data-value=\"{}\">{total}</span>\
         <span><span class=\"badge badge-{status}\">{status}</span></span><span class=\"cost-summary\">{}</span>",
        esc(p.name),
        p.id.id(),
        shortest(p.monthly_usd),
        esc(&p.summary())
    );
    let mut m = String::new();
    if !p.lines.is_empty() {
        m.push_str("<table class=\"cost-lines\"><tbody>");
        for l in &p.lines {
            let _ = write!(
                m,
                "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(&l.label),
                amount(period, l.monthly_usd)
            );
        }
        let _ = write!(
            m,
            "</tbody><tfoot><tr><th scope=\"row\">Total per {}</th><td class=\"num\">{total}</td></tr>",
            period.word()
        );
        let committed = p
            .lines
            .iter()
            .any(|l| l.kind == LineKind::CommitmentDiscount);
        let totals = [
            ("Paid up front, once", p.upfront_usd, p.upfront_usd > 0.0),
            ("First year, in all", p.total_1y_usd, committed),
            ("Three years, in all", p.total_3y_usd, committed),
        ];
        for (label, value, shown) in totals {
            if shown {
                let _ = write!(
                    m,
                    "<tr><th scope=\"row\">{label}</th><td class=\"num\">{}</td></tr>",
                    usd(value)
                );
            }
        }
        m.push_str("</tfoot></table>");
    }
    if !p.notes.is_empty() {
        m.push_str("<ul class=\"cost-notes\">");
        for n in &p.notes {
            let _ = write!(m, "<li>{}</li>", esc(n));
        }
        m.push_str("</ul>");
    }
    html! {
        <details class={format!("cost-row is-{status}")} id={format!("cost-{}", p.id.id())}>
            <summary>{ raw(head) }</summary>
            <div class="cost-detail">{ raw(m) }</div>
        </details>
    }
}
