//! The cost table: every platform's monthly total, status and capacity,
//! sortable, each row expanding to its itemised bill and notes.

use berth_core::cost::{amount, usd, CostReport, LineKind, PlatformCost, Status};
use berth_core::decimal::shortest;
use berth_core::options::Period;
use yew::prelude::*;

use crate::components::class_list;

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
    let button = |by: SortBy, label: &'static str| {
        let sort = sort.clone();
        let pressed = *sort == by;
        html! {
            <button type="button" class={class_list("button button-small", &[(pressed, "is-active")])}
                aria-pressed={pressed.to_string()} onclick={Callback::from(move |_| sort.set(by))}>{ label }</button>
        }
    };
    html! {
        <div class="cost-table">
            <div class="cost-table-sort" role="group" aria-label="Sort platforms">
                <span class="field-label">{ "Sort by" }</span>
                { button(SortBy::Cost, "Cost") }
                { button(SortBy::Name, "Name") }
                { button(SortBy::Listed, "Platform family") }
            </div>
            <div class="cost-table-head" aria-hidden="true">
                <span>{ "Platform" }</span><span class="num">{ format!("USD / {}", period.word()) }</span><span>{ "Status" }</span><span>{ "Capacity / reason" }</span>
            </div>
            { for rows.into_iter().map(|p| row(p, period)) }
        </div>
    }
}

fn row(p: &PlatformCost, period: Period) -> Html {
    let status = p.status.key();
    let total = match p.status {
        Status::Unavailable => "—".to_string(),
        _ => amount(period, p.monthly_usd),
    };
    let committed = p
        .lines
        .iter()
        .any(|l| l.kind == LineKind::CommitmentDiscount);
    let foot = |label: &str, value: f64| {
        html! {
            <tr><th scope="row">{ label.to_string() }</th><td class="num">{ usd(value) }</td></tr>
        }
    };
    html! {
        <details class={format!("cost-row is-{status}")} id={format!("cost-{}", p.id.id())}>
            <summary>
                <span class="cost-name">{ p.name }</span>
                <span class="num cost-total" data-cost={p.id.id()} data-value={shortest(p.monthly_usd)}>{ total.clone() }</span>
                <span><span class={format!("badge badge-{status}")}>{ status }</span></span>
                <span class="cost-summary">{ p.summary() }</span>
            </summary>
            <div class="cost-detail">
                if !p.lines.is_empty() {
                    <table class="cost-lines">
                        <tbody>
                            { for p.lines.iter().map(|l| html! {
                                <tr><td>{ l.label.clone() }</td><td class="num">{ amount(period, l.monthly_usd) }</td></tr>
                            }) }
                        </tbody>
                        <tfoot>
                            <tr><th scope="row">{ format!("Total per {}", period.word()) }</th><td class="num">{ total }</td></tr>
                            if p.upfront_usd > 0.0 { { foot("Paid up front, once", p.upfront_usd) } }
                            if committed {
                                { foot("First year, in all", p.total_1y_usd) }
                                { foot("Three years, in all", p.total_3y_usd) }
                            }
                        </tfoot>
                    </table>
                }
                if !p.notes.is_empty() {
                    <ul class="cost-notes">{ for p.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                }
            </div>
        </details>
    }
}
