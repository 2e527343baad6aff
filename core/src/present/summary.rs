//! The answer first: what the page says before any input — Berth's pick
//! and its monthly cost, the cheapest platform that fits, the region, how
//! old the figures are and the assumptions in force. Every panel shows it
//! at the top; it is worded here so the page, print and embeds agree.

use crate::cost::{self, AsOf, Platform, Status};
use crate::decide::Decision;
use crate::options::Period;
use crate::scenario::Scenario;

/// One platform named in the summary, with its monthly figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// Which platform.
    pub id: Platform,
    /// Display name.
    pub name: &'static str,
    /// USD per month for the workload.
    pub monthly_usd: f64,
}

impl Named {
    /// `$36.04 / month` (or per the period asked for).
    pub fn monthly_text(&self, period: Period) -> String {
        cost::per(period, self.monthly_usd)
    }
}

/// The summary of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Berth's pick: the top of the ranking (`None`: nothing fits).
    pub pick: Option<Named>,
    /// The cheapest platform that fits, when it is not the pick.
    pub cheapest: Option<Named>,
    /// `eu-west-1 — Europe (Ireland)`.
    pub region: String,
    /// The as-of dates of the figures behind the pick and the cheapest,
    /// oldest first (`EC2 2025-06 · Fargate 2026-04`).
    pub as_of: String,
    /// Options off their defaults, and overrides, in words.
    pub assumptions: Vec<String>,
    /// The period figures are shown per.
    pub period: Period,
}

/// The summary for `scenario`, given its decision (which ranks only
/// platforms that fit and that the book prices).
pub fn summary(scenario: &Scenario, decision: &Decision) -> Summary {
    let named = |r: &crate::decide::Ranked| Named {
        id: r.id,
        name: r.name,
        monthly_usd: r.monthly_usd,
    };
    let pick = decision.ranking.first().map(named);
    let report = cost::evaluate(scenario);
    let priced = |id: Platform| {
        report
            .get(id)
            .is_some_and(|c| c.status != Status::Unavailable)
    };
    let cheapest = decision
        .ranking
        .iter()
        .filter(|r| priced(r.id))
        .min_by(|a, b| a.monthly_usd.total_cmp(&b.monthly_usd))
        .map(named)
        .filter(|c| {
            pick.as_ref()
                .is_none_or(|p| p.id != c.id && c.monthly_usd < p.monthly_usd)
        });
    let ids: Vec<Platform> = [&pick, &cheapest]
        .into_iter()
        .flatten()
        .map(|n| n.id)
        .collect();
    let used = ids
        .iter()
        .filter_map(|&id| report.get(id))
        .map(|c| c.as_of.as_slice());
    let as_of = AsOf::line(&AsOf::merge(used));
    Summary {
        pick,
        cheapest,
        region: format!("{} — {}", scenario.region.code(), scenario.region.name()),
        as_of,
        assumptions: scenario.assumptions(),
        period: scenario.options.per,
    }
}

impl Summary {
    /// The answer in one sentence: `Berth's pick: ECS on Fargate, $36.04 /
    /// month. Cheapest that fits: …`.
    pub fn headline(&self) -> String {
        let Some(p) = &self.pick else {
            return "No platform fits these requirements: see Decide for why.".to_string();
        };
        let mut out = format!("Berth's pick: {}, {}.", p.name, p.monthly_text(self.period));
        if let Some(c) = &self.cheapest {
            out.push_str(&format!(
                " Cheapest that fits: {}, {}.",
                c.name,
                c.monthly_text(self.period)
            ));
        }
        out
    }

    /// Region, dates and assumptions in one line.
    pub fn meta(&self) -> String {
        let dates = if self.as_of.is_empty() {
            "—"
        } else {
            &self.as_of
        };
        format!(
            "{} · figures as of {dates} · {}",
            self.region,
            self.assumptions_text()
        )
    }

    /// The assumptions as one line: `list prices, default options` when
    /// there are none.
    pub fn assumptions_text(&self) -> String {
        crate::scenario::assumptions_line(&self.assumptions, " · ")
    }
}

#[cfg(test)]
mod tests;
