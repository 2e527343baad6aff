//! The answer first: Berth's pick and its monthly cost, the cheapest
//! platform that fits, the region, the age of the figures and the
//! assumptions, at the top of every panel (worded by `berth_core::summary`).
//! It is the page's only live region, so a screen reader hears the answer
//! change once per edit rather than every card.

use std::rc::Rc;

use berth_core::decide;
use berth_core::summary::{self, Summary};
use yew::prelude::*;

use std::fmt::Write;

use crate::components::{esc, raw};
use crate::hooks::{Figures, ScenarioHandle};

/// The summary of `scenario`, recomputed when it changes; `None` when not
/// `wanted` (the figures are not read yet). A hook of the App, and
/// the answer a function (no component of its own: each component type
/// costs the page its own copy of Yew's lifecycle).
#[hook]
pub fn use_summary(
    scenario: &berth_core::Scenario,
    wanted: bool,
    figures: &Rc<Figures>,
) -> Rc<Option<Summary>> {
    let figures = figures.clone();
    use_memo((scenario.clone(), wanted), move |(s, wanted)| {
        // The Decide panel's decision is this scenario's: not made twice.
        wanted.then(|| match &*figures {
            Figures::Decide(d) => summary::summary(s, d),
            _ => summary::summary(s, &decide::decide(s)),
        })
    })
}

/// The summary of the current scenario. The live region is a live
/// element (a screen reader follows it); what it says is static markup,
/// written as text (`components::raw`).
pub fn answer(handle: &ScenarioHandle, sum: &Summary) -> Html {
    let invalid = &handle.store().invalid;
    let mut live = String::new();
    // What an edit changed in other inputs, said with the answer it leads
    // to (one live region for the page).
    for a in &handle.store().adjustments {
        // `write!` to a String cannot fail.
        let _ = write!(live, "<p class=\"adjustment\">{}</p>", esc(a));
    }
    if !invalid.is_empty() {
        let fields: Vec<String> = invalid.iter().map(|(f, e)| format!("{f} — {e}")).collect();
        let _ = write!(
            live,
            "<p class=\"answer-stale\">Not updated: {}. The figures are for the last valid value.</p>",
            esc(&fields.join("; "))
        );
    }
    let pick = sum.pick.as_ref();
    let data = |name: &str, value: Option<String>| {
        value.map_or(String::new(), |v| format!(" {name}=\"{}\"", esc(&v)))
    };
    // `elementtiming`: the startup benchmark times its paint.
    let _ = write!(
        live,
        "<p class=\"answer-pick\" elementtiming=\"answer\"{}{}{}>{}</p>",
        data("data-answer-platform", pick.map(|p| p.id.id().to_string())),
        data(
            "data-answer-cost",
            pick.map(|p| berth_core::decimal::shortest(p.monthly_usd))
        ),
        data(
            "data-cheapest-platform",
            sum.cheapest.as_ref().map(|c| c.id.id().to_string())
        ),
        esc(&sum.headline())
    );
    html! {
        <section class="answer" aria-labelledby="answer-title">
            <h2 id="answer-title" class="visually-hidden">{ "The answer" }</h2>
            <div class="answer-live" aria-live="polite">{ raw(live) }</div>
            <p class="answer-meta" data-as-of={sum.as_of.clone()}>{ sum.meta() }</p>
        </section>
    }
}
