//! The Decide panel: the requirements, what the reference guide's rule and
//! matrix say, the hard exclusions, the ranked verdict and what would
//! change it. All but the form is static markup, written as text
//! (`components::raw`).

use std::fmt::Write;

use berth_core::decide::score::LEGEND;
use berth_core::decide::{guide, Decision};
use berth_core::decimal::fixed;
use berth_core::options::Period;
use yew::prelude::*;

use crate::components::{esc, raw, requirements_form};
use crate::hooks::ScenarioHandle;

/// Which platform fits, and why (`decision` is the App's figure of the
/// scenario).
pub fn decide_panel(handle: &ScenarioHandle, decision: &Decision) -> Html {
    let mut m =
        String::from("<div class=\"decide-grid\"><div><h3>Berth's ranking for this workload</h3>");
    legend(&mut m);
    ranking(&mut m, decision, handle.scenario().options.per);
    flips(&mut m, decision);
    m.push_str("</div><div>");
    guide_rule(&mut m, decision);
    matrix(&mut m, decision);
    excluded(&mut m, decision);
    unpriced(&mut m, decision);
    m.push_str("</div></div>");
    html! {
        <section class="panel decide-panel" role="tabpanel" id="panel-decide" aria-labelledby="tab-decide"
            data-top-platform={decision.ranking.first().map(|r| r.id.id())}>
            <h2>{ "Which platform fits?" }</h2>
            { requirements_form(handle) }
            { raw(m) }
        </section>
    }
}

// `write!` to a String cannot fail: the results below are ignored.

fn ranking(m: &mut String, d: &Decision, period: Period) {
    m.push_str("<ol class=\"ranking\">");
    for r in &d.ranking {
        let _ = write!(
            m,
            "<li class=\"ranked\" id=\"rank-{}\"><div class=\"ranked-head\"><span class=\"ranked-name\">{}</span>\
             <span class=\"ranked-score\">{} / 10</span><span class=\"ranked-cost\">{}</span></div><dl class=\"criteria\">",
            r.id.id(),
            esc(r.name),
            fixed(r.score, 1),
            berth_core::cost::per(period, r.monthly_usd)
        );
        for ((_, label, meaning), v) in LEGEND.iter().zip(r.criteria.values()) {
            let _ = write!(
                m,
                "<div title=\"{}\"><dt>{}</dt><dd>{}</dd></div>",
                esc(meaning),
                esc(label),
                fixed(v, 0)
            );
        }
        m.push_str("</dl><ul class=\"reasons\">");
        for t in &r.reasons {
            let _ = write!(m, "<li>{}</li>", esc(t));
        }
        m.push_str("</ul></li>");
    }
    m.push_str("</ol>");
}

/// What the six score chips mean, in one line (each card shows them, 0–10).
fn legend(m: &mut String) {
    let parts: Vec<String> = LEGEND
        .iter()
        .map(|(_, label, meaning)| format!("{label}: {meaning}"))
        .collect();
    let _ = write!(
        m,
        "<p class=\"muted criteria-legend\">Scores, 0–10 each, weighted by your requirements. {}.</p>",
        esc(&parts.join("; "))
    );
}

/// Platforms the book has no price for in this region yet: not ruled out.
fn unpriced(m: &mut String, d: &Decision) {
    if d.unpriced.is_empty() {
        return;
    }
    m.push_str("<section class=\"unpriced\"><h3>No price in this region yet</h3><ul>");
    for x in &d.unpriced {
        let why = x.reasons.first().map_or("", |r| r.reason.as_str());
        let _ = write!(
            m,
            "<li id=\"unpriced-{}\">{}: not ruled out; {}</li>",
            x.id.id(),
            esc(x.name),
            esc(why)
        );
    }
    m.push_str("</ul></section>");
}

fn flips(m: &mut String, d: &Decision) {
    if d.flips.is_empty() {
        return;
    }
    m.push_str("<section class=\"flips\"><h3>What would change the answer</h3><ul>");
    for f in &d.flips {
        let _ = write!(m, "<li>{}</li>", esc(&f.text));
    }
    m.push_str("</ul></section>");
}

fn guide_rule(m: &mut String, d: &Decision) {
    let rule = &d.guide_rule;
    let _ = write!(
        m,
        "<section class=\"guide-rule\"><h3>The reference guide's rule</h3><p class=\"muted\">The reference guide is the course text Berth is built from; \
         its rule weighs four answers, Berth's ranking also prices this workload.</p><p class=\"guide-answer\">{}</p><ol class=\"guide-path\">",
        esc(rule.platform)
    );
    for p in &rule.path {
        let _ = write!(m, "<li><code>{}</code></li>", esc(p));
    }
    m.push_str("</ol>");
    if let Some(modern) = &rule.modern {
        let _ = write!(
            m,
            "<p class=\"modern\"><strong>Berth's pick: </strong>{}</p>",
            esc(modern)
        );
    }
    m.push_str("</section>");
}

fn matrix(m: &mut String, d: &Decision) {
    let selected = d.guide_matrix.row;
    m.push_str("<section class=\"guide-matrix\"><h3>The guide's use-case matrix</h3><table tabindex=\"0\"><thead><tr><th>Use case</th>");
    for c in guide::COLUMNS {
        let _ = write!(m, "<th>{}</th>", esc(c));
    }
    m.push_str("</tr></thead><tbody>");
    for row in guide::MATRIX.iter() {
        let class = if Some(row.label) == selected {
            " class=\"is-selected\""
        } else {
            ""
        };
        let _ = write!(m, "<tr{class}><th scope=\"row\">{}</th>", esc(row.label));
        for c in &row.cells {
            let mark = match c {
                guide::Cell::Yes => "✓",
                guide::Cell::No => "✗",
                guide::Cell::Caution => "⚠",
            };
            let _ = write!(
                m,
                "<td class=\"cell-{k}\" title=\"{k}\">{mark}</td>",
                k = c.key()
            );
        }
        m.push_str("</tr>");
    }
    m.push_str("</tbody></table>");
    if let Some(note) = d.guide_matrix.note {
        let _ = write!(m, "<p class=\"muted\">{}</p>", esc(note));
    }
    m.push_str("</section>");
}

fn excluded(m: &mut String, d: &Decision) {
    if d.excluded.is_empty() {
        return;
    }
    m.push_str("<section class=\"excluded\"><h3>Ruled out</h3><ul>");
    for x in &d.excluded {
        let _ = write!(
            m,
            "<li id=\"excluded-{}\"><strong>{}</strong><ul>",
            x.id.id(),
            esc(x.name)
        );
        for r in &x.reasons {
            let _ = write!(m, "<li>{} ", esc(&r.reason));
            if !r.source.is_empty() {
                let _ = write!(m, "<span class=\"muted source\">({})</span>", esc(r.source));
            }
            m.push_str("</li>");
        }
        m.push_str("</ul></li>");
    }
    m.push_str("</ul></section>");
}
