//! What would change the answer: for the first and second platform, the
//! smallest change of one requirement that puts another platform first (or
//! the second one first), with the monthly difference from the cost engine.
//!
//! "Smallest" is one key changed: a priority moved one level
//! (`ops=moderate` → `minimal`) or a requirement dropped before a priority
//! moved two levels, before a new hard requirement, before another use case;
//! then the URL table order.

use serde::Serialize;

use crate::cost::{usd, CostReport, Platform};
use crate::requirements::{self, Requirements};
use crate::scenario::Scenario;

use super::{rank, Exclusion, Ranked};

/// One requirement change that changes which platform ranks first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flip {
    /// The platform this is about.
    pub platform: Platform,
    /// Its rank today (1 or 2).
    pub rank: usize,
    /// The URL key changed.
    pub key: &'static str,
    /// The key's value today.
    pub from: String,
    /// The value that changes the answer.
    pub to: String,
    /// The platform that would rank first.
    pub new_first: Platform,
    /// USD per month saved against today's first (negative: dearer).
    pub saving_usd: f64,
    /// The change in a sentence.
    pub text: String,
}

/// How a yes/no key reads when set to 1 and to 0.
const FLAG_PHRASES: [(&str, &str, &str); 9] = [
    (
        "k8s",
        "Kubernetes were required",
        "Kubernetes were not required",
    ),
    (
        "gpu",
        "the workload needed GPUs",
        "the workload did not need GPUs",
    ),
    (
        "win",
        "it ran Windows containers",
        "it did not run Windows containers",
    ),
    (
        "priv",
        "it needed privileged containers or host access",
        "it did not need privileged containers",
    ),
    (
        "stateful",
        "tasks needed block storage",
        "tasks did not need block storage",
    ),
    (
        "iso",
        "each task needed its own VM boundary",
        "tasks did not need VM-level isolation",
    ),
    (
        "zero",
        "it had to scale to zero when idle",
        "it did not have to scale to zero",
    ),
    (
        "long",
        "tasks ran longer than 15 minutes",
        "no task ran longer than 15 minutes",
    ),
    (
        "kexp",
        "the team already ran Kubernetes",
        "the team did not run Kubernetes",
    ),
];

fn phrase(key: &str, to: &str) -> String {
    if let Some((_, yes, no)) = FLAG_PHRASES.iter().find(|(k, _, _)| *k == key) {
        return if to == "1" { yes } else { no }.to_string();
    }
    match key {
        "use" => format!("the use case were {to}"),
        "ops" => format!("the team accepted {to} operational overhead"),
        "cost" => format!("cost were {to}"),
        "cx" => format!("the application's complexity were {to}"),
        _ => format!("{key} were {to}"),
    }
}

/// Keys that rule platforms out when set.
const HARD: [&str; 7] = ["k8s", "gpu", "win", "priv", "stateful", "iso", "long"];
/// How far a change counts, against 1 per level of a priority (`ops`,
/// `cost`, `cx`) or one yes/no dropped: taking on a new hard need is a
/// bigger change than any priority shift (at most 2 levels), and the use case
/// is what the application is, not a knob, so it comes last.
const NEW_NEED_STEPS: usize = 3;
const USE_CASE_STEPS: usize = 4;

/// One candidate change.
#[derive(Clone)]
struct Change {
    key: &'static str,
    from: String,
    to: &'static str,
    steps: usize,
    req: Requirements,
}

/// Every single-key change of the requirements, smallest first.
fn changes(req: &Requirements) -> Vec<Change> {
    let mut out = Vec::new();
    for field in requirements::FIELDS {
        let from = (field.get)(req);
        let values = requirements::choices(field.key);
        let at = values.iter().position(|v| *v == from).unwrap_or(0);
        for (i, to) in values.iter().enumerate() {
            let mut changed = req.clone();
            if *to == from || (field.set)(&mut changed, to).is_err() {
                continue;
            }
            let steps = match field.key {
                "use" => USE_CASE_STEPS,
                key if HARD.contains(&key) && *to == "1" => NEW_NEED_STEPS,
                _ => at.abs_diff(i),
            };
            out.push(Change {
                key: field.key,
                from: from.clone(),
                to,
                steps,
                req: changed,
            });
        }
    }
    // Stable: equal steps keep URL-table order.
    crate::sort::by_key(&mut out, |c| c.steps);
    out
}

fn monthly(report: &CostReport, platform: Platform) -> f64 {
    report.get(platform).map(|c| c.monthly_usd).unwrap_or(0.0)
}

fn money(saving: f64) -> String {
    if saving.abs() < 0.005 {
        "at the same monthly cost".to_string()
    } else if saving > 0.0 {
        format!("saving {}/month", usd(saving))
    } else {
        format!("costing {}/month more", usd(-saving))
    }
}

/// The flips of the first and second platform of `ranking`.
pub(crate) fn flips(
    req: &Requirements,
    scenario: &Scenario,
    report: &CostReport,
    sizes: &[(Platform, Exclusion)],
    ranking: &[Ranked],
) -> Vec<Flip> {
    let Some(first) = ranking.first() else {
        return Vec::new();
    };
    let second = ranking.get(1);
    let mut lose_first: Option<(Change, Platform)> = None;
    let mut win_second: Option<Change> = None;
    for change in changes(req) {
        if lose_first.is_some() && (win_second.is_some() || second.is_none()) {
            break;
        }
        let (_, ranked) = rank(&change.req, scenario, report, sizes);
        let Some(top) = ranked.first().map(|r| r.id) else {
            continue;
        };
        if second.is_some_and(|s| s.id == top) && win_second.is_none() {
            win_second = Some(change.clone());
        }
        if top != first.id && lose_first.is_none() {
            lose_first = Some((change, top));
        }
    }
    let mut out = Vec::new();
    let base = first.monthly_usd;
    if let Some((c, top)) = lose_first {
        let saving = base - monthly(report, top);
        let text = format!(
            "If {}, {} would rank first instead of {}, {}",
            phrase(c.key, c.to),
            top.name(),
            first.name,
            money(saving)
        );
        out.push(flip(first.id, 1, c, top, saving, text));
    }
    if let (Some(c), Some(s)) = (win_second, second) {
        // The same change already said it (the second is the new first):
        // each "what would change it" once.
        if out
            .iter()
            .any(|f: &Flip| f.key == c.key && f.to == c.to && f.new_first == s.id)
        {
            return out;
        }
        let saving = base - s.monthly_usd;
        let text = format!(
            "If {}, {} would rank first (second now), {}",
            phrase(c.key, c.to),
            s.name,
            money(saving)
        );
        out.push(flip(s.id, 2, c, s.id, saving, text));
    }
    out
}

fn flip(
    platform: Platform,
    rank: usize,
    c: Change,
    new_first: Platform,
    saving: f64,
    text: String,
) -> Flip {
    Flip {
        platform,
        rank,
        key: c.key,
        from: c.from,
        to: c.to.to_string(),
        new_first,
        saving_usd: saving,
        text,
    }
}
