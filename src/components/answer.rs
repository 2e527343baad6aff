//! The answer first: Berth's pick and its monthly cost, the cheapest
//! platform that fits, the region, the age of the figures and the
//! assumptions, at the top of every panel (worded by `berth_core::summary`).
//! It is the page's only live region, so a screen reader hears the answer
//! change once per edit rather than every card.

use std::rc::Rc;

use berth_core::decide;
use berth_core::summary::{self, Summary};
use yew::prelude::*;

use crate::hooks::use_scenario;

/// The summary of the current scenario.
#[component]
pub fn Answer() -> Html {
    let Some(handle) = use_scenario() else {
        return html! {};
    };
    let scenario = handle.scenario().clone();
    let sum: Rc<Summary> = use_memo(scenario, |s| summary::summary(s, &decide::decide(s)));
    let invalid = &handle.store().invalid;
    html! {
        <section class="answer" aria-labelledby="answer-title">
            <h2 id="answer-title" class="visually-hidden">{ "The answer" }</h2>
            <div class="answer-live" aria-live="polite">
                if !invalid.is_empty() {
                    <p class="answer-stale" data-stale="true">
                        <strong>{ "Not updated: " }</strong>
                        { invalid.iter().map(|(f, e)| format!("{f} — {e}")).collect::<Vec<_>>().join("; ") }
                        { ". The figures are for the last valid value." }
                    </p>
                }
                { pick(&sum) }
            </div>
            <p class="answer-meta">
                <span class="answer-region">{ sum.region.clone() }</span>
                <span class="answer-dates" data-as-of={sum.as_of.clone()}>{ format!("figures as of {}", if sum.as_of.is_empty() { "—" } else { &sum.as_of }) }</span>
                <span class="answer-assumptions">{ sum.assumptions_text() }</span>
            </p>
        </section>
    }
}

fn pick(sum: &Summary) -> Html {
    let Some(p) = &sum.pick else {
        return html! { <p class="answer-pick">{ "No platform fits these requirements: see Decide for why." }</p> };
    };
    html! {
        <p class="answer-pick">
            <span class="answer-label">{ "Berth's pick" }</span>
            <strong class="answer-platform" data-answer-platform={p.id.id()}>{ p.name }</strong>
            <span class="answer-cost" data-answer-cost={berth_core::decimal::shortest(p.monthly_usd)}>{ p.monthly_text() }</span>
            if let Some(c) = &sum.cheapest {
                <span class="answer-cheapest">
                    { "Cheapest that fits: " }<strong data-cheapest-platform={c.id.id()}>{ c.name }</strong>{ format!(", {}", c.monthly_text()) }
                </span>
            }
        </p>
    }
}
