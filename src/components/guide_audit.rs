//! The guide audit: shown when a guide preset is active. Static markup,
//! written as text (`components::raw`).

use std::fmt::Write;

use berth_core::audit;
use berth_core::Scenario;
use yew::prelude::*;

use crate::components::{esc, raw};

/// The guide's figures beside Berth's, with the reason for each
/// difference. A function, not a component: it holds no state (see
/// `cost_bars`).
pub fn guide_audit(scenario: &Scenario) -> Html {
    let Some(audit) = audit::audit(scenario) else {
        return html! {};
    };
    let mut m = String::from(
        "<section class=\"guide-audit\" aria-labelledby=\"audit-title\"><h3 id=\"audit-title\">Checking the guide's arithmetic</h3>",
    );
    if audit.modified {
        m.push_str("<p class=\"muted\">You changed the guide's workload: Berth's column is for your version.</p>");
    }
    m.push_str("<table tabindex=\"0\"><thead><tr><th>Figure</th><th>The guide says</th><th>Berth computes</th><th>Why</th></tr></thead><tbody>");
    for r in &audit.rows {
        let (class, mark) = if r.agrees {
            ("agrees", " ✓")
        } else {
            ("differs", " ✗")
        };
        // `write!` to a String cannot fail.
        let _ = write!(
            m,
            "<tr class=\"{class}\"><th scope=\"row\">{}</th><td>{}</td><td>{}{mark}</td><td>{}</td></tr>",
            esc(r.topic),
            esc(&r.guide),
            esc(&r.berth),
            esc(&r.explanation)
        );
    }
    m.push_str("</tbody></table></section>");
    raw(m)
}
