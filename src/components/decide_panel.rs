//! The Decide panel: the requirements, what the reference guide's rule and
//! matrix say, the hard exclusions, the ranked verdict and what would
//! change it.

use berth_core::decide::score::LEGEND;
use berth_core::decide::{guide, Decision};
use berth_core::decimal::fixed;
use yew::prelude::*;

use crate::components::requirements_form;
use crate::hooks::ScenarioHandle;

/// Which platform fits, and why (`decision` is the App's figure of the
/// scenario).
pub fn decide_panel(handle: &ScenarioHandle, decision: &Decision) -> Html {
    html! {
        <section class="panel decide-panel" role="tabpanel" id="panel-decide" aria-labelledby="tab-decide"
            data-top-platform={decision.ranking.first().map(|r| r.id.id())}>
            <h2>{ "Which platform fits?" }</h2>
            { requirements_form(handle) }
            <div class="decide-grid">
                <div>
                    <h3>{ "Berth's ranking for this workload" }</h3>
                    { legend() }
                    { ranking(decision, handle.scenario().options.per) }
                    { flips(decision) }
                </div>
                <div>
                    { guide_rule(decision) }
                    { matrix(decision) }
                    { excluded(decision) }
                    { unpriced(decision) }
                </div>
            </div>
        </section>
    }
}

fn ranking(d: &Decision, period: berth_core::options::Period) -> Html {
    html! {
        <ol class="ranking">
            { for d.ranking.iter().map(|r| html! {
                <li class="ranked" id={format!("rank-{}", r.id.id())}>
                    <div class="ranked-head">
                        <span class="ranked-name">{ r.name }</span>
                        <span class="ranked-score">{ format!("{} / 10", fixed(r.score, 1)) }</span>
                        <span class="ranked-cost">{ berth_core::cost::per(period, r.monthly_usd) }</span>
                    </div>
                    <dl class="criteria">
                        { for LEGEND.iter().zip(r.criteria.values()).map(|((_, label, meaning), v)| html! {
                            <div title={*meaning}><dt>{ *label }</dt><dd>{ fixed(v, 0) }</dd></div>
                        }) }
                    </dl>
                    <ul class="reasons">{ for r.reasons.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ul>
                </li>
            }) }
        </ol>
    }
}

/// What the six score chips mean, in one line (each card shows them, 0–10).
fn legend() -> Html {
    let parts: Vec<String> = LEGEND
        .iter()
        .map(|(_, label, meaning)| format!("{label}: {meaning}"))
        .collect();
    html! { <p class="muted criteria-legend">{ format!("Scores, 0–10 each, weighted by your requirements. {}.", parts.join("; ")) }</p> }
}

/// Platforms the book has no price for in this region yet: not ruled out.
fn unpriced(d: &Decision) -> Html {
    if d.unpriced.is_empty() {
        return html! {};
    }
    html! {
        <section class="unpriced">
            <h3>{ "No price in this region yet" }</h3>
            <ul>
                { for d.unpriced.iter().map(|x| html! {
                    <li id={format!("unpriced-{}", x.id.id())}>{ format!("{}: not ruled out; {}", x.name, x.reasons.first().map_or("", |r| r.reason.as_str())) }</li>
                }) }
            </ul>
        </section>
    }
}

fn flips(d: &Decision) -> Html {
    if d.flips.is_empty() {
        return html! {};
    }
    html! {
        <section class="flips">
            <h3>{ "What would change the answer" }</h3>
            <ul>{ for d.flips.iter().map(|f| html! { <li>{ f.text.clone() }</li> }) }</ul>
        </section>
    }
}

fn guide_rule(d: &Decision) -> Html {
    let rule = &d.guide_rule;
    html! {
        <section class="guide-rule">
            <h3>{ "The reference guide's rule" }</h3>
            <p class="muted">{ "The reference guide is the course text Berth is built from; its rule weighs four answers, Berth's ranking also prices this workload." }</p>
            <p class="guide-answer">{ rule.platform }</p>
            <ol class="guide-path">{ for rule.path.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ol>
            if let Some(modern) = &rule.modern {
                <p class="modern"><strong>{ "Berth's pick: " }</strong>{ modern.clone() }</p>
            }
        </section>
    }
}

fn matrix(d: &Decision) -> Html {
    let selected = d.guide_matrix.row;
    let mark = |c: guide::Cell| match c {
        guide::Cell::Yes => "✓",
        guide::Cell::No => "✗",
        guide::Cell::Caution => "⚠",
    };
    html! {
        <section class="guide-matrix">
            <h3>{ "The guide's use-case matrix" }</h3>
            <table tabindex="0">
                <thead><tr><th>{ "Use case" }</th>{ for guide::COLUMNS.iter().map(|c| html! { <th>{ *c }</th> }) }</tr></thead>
                <tbody>
                    { for guide::MATRIX.iter().map(|row| html! {
                        <tr class={(Some(row.label) == selected).then_some("is-selected")}>
                            <th scope="row">{ row.label }</th>
                            { for row.cells.iter().map(|c| html! { <td class={format!("cell-{}", c.key())} title={c.key()}>{ mark(*c) }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            if let Some(note) = d.guide_matrix.note {
                <p class="muted">{ note }</p>
            }
        </section>
    }
}

fn excluded(d: &Decision) -> Html {
    if d.excluded.is_empty() {
        return html! {};
    }
    html! {
        <section class="excluded">
            <h3>{ "Ruled out" }</h3>
            <ul>
                { for d.excluded.iter().map(|x| html! {
                    <li id={format!("excluded-{}", x.id.id())}>
                        <strong>{ x.name }</strong>
                        <ul>{ for x.reasons.iter().map(|r| html! {
                            <li>{ r.reason.clone() }{ " " }if !r.source.is_empty() { <span class="muted source">{ format!("({})", r.source) }</span> }</li>
                        }) }</ul>
                    </li>
                }) }
            </ul>
        </section>
    }
}
