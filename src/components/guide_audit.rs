//! The guide audit: shown when a guide preset is active.

use berth_core::audit;
use berth_core::Scenario;
use yew::prelude::*;

/// The guide's figures beside Berth's, with the reason for each
/// difference. A function, not a component: it holds no state (see
/// `cost_bars`).
pub fn guide_audit(scenario: &Scenario) -> Html {
    let Some(audit) = audit::audit(scenario) else {
        return html! {};
    };
    html! {
        <section class="guide-audit" aria-labelledby="audit-title">
            <h3 id="audit-title">{ "Checking the guide's arithmetic" }</h3>
            if audit.modified {
                <p class="muted">{ "You changed the guide's workload: Berth's column is for your version." }</p>
            }
            <table tabindex="0">
                <thead><tr><th>{ "Figure" }</th><th>{ "The guide says" }</th><th>{ "Berth computes" }</th><th>{ "Why" }</th></tr></thead>
                <tbody>
                    { for audit.rows.iter().map(|r| html! {
                        <tr class={if r.agrees { "agrees" } else { "differs" }}>
                            <th scope="row">{ r.topic }</th>
                            <td>{ r.guide.clone() }</td>
                            <td>{ r.berth.clone() }{ if r.agrees { " ✓" } else { " ✗" } }</td>
                            <td>{ r.explanation.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
