//! Commitments: what a Savings Plan or Reserved Instances take off the
//! on-demand compute they cover (`commit=`, `term=`, `pay=`, `cover=`),
//! and the flat discount of older links (`sp=`, kept as it was: a share off
//! every on-demand EC2 and Fargate hour).
//!
//! The rule, once for every platform:
//! - a Compute Savings Plan covers EC2, Fargate and Lambda; an EC2 Instance
//!   Savings Plan and Reserved Instances cover EC2 only (the EC2 part of ECS
//!   and EKS on EC2, ECS Managed Instances, EKS Auto Mode);
//! - only on-demand usage that runs every hour of the month is the steady
//!   baseline a commitment is sized to (a commitment bills every hour of its
//!   term, used or not); `cover=` is the share of that baseline committed;
//!   Spot, part-time usage and every fee (management fees, control planes,
//!   load balancers, NAT, storage, requests) stay at their list price;
//! - the saving is the price book's rate for the plan, what it covers (the
//!   EC2 family's own rate where the book has one), term and payment;
//! - of the committed spend, the upfront share (all: every hour of the
//!   term; partial: the book's share) is paid when the term starts: the
//!   monthly bill carries it spread evenly over the term (a
//!   `commitment_upfront` line), and the result says the one payment.

use crate::options::{Commitment, Payment};
use crate::pricebook::{commit_key, Confidence, Limit};
use crate::scenario::Scenario;
use crate::text::format_number;
use crate::units::HOURS_PER_MONTH;

use super::prices::Prices;
use super::{Bill, LineKind, Unavailable};

/// The compute a commitment may cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Covered<'a> {
    /// EC2 instances of a family (`m6a`).
    Ec2(&'a str),
    /// Fargate tasks.
    Fargate,
    /// Lambda duration.
    Lambda,
}

impl Covered<'_> {
    fn word(self) -> &'static str {
        match self {
            Self::Ec2(_) => "EC2",
            Self::Fargate => "Fargate",
            Self::Lambda => "Lambda duration",
        }
    }
}

/// What a commitment does to some on-demand spend, USD per month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Applied {
    /// Taken off the hourly bill (≤ 0): the covered on-demand spend, less
    /// what the plan still bills hourly.
    pub(crate) discount: f64,
    /// The upfront payment spread over the term's months (≥ 0).
    pub(crate) upfront: f64,
    /// Percent saved on the covered spend.
    pub(crate) pct: f64,
}

impl Applied {
    /// The net change of the monthly bill (≤ 0).
    pub(crate) fn net(&self) -> f64 {
        self.discount + self.upfront
    }

    /// This, `n` times over (a fleet of `n` instances).
    pub(crate) fn times(self, n: f64) -> Self {
        Self {
            discount: self.discount * n,
            upfront: self.upfront * n,
            pct: self.pct,
        }
    }
}

/// Months in a commitment's term.
pub(crate) fn term_months(scenario: &Scenario) -> u32 {
    scenario.options.term_years * 12
}

/// True when usage of `hours` a month is steady baseline: it runs every
/// hour of the month.
fn steady(hours: f64) -> bool {
    hours + 1e-9 >= HOURS_PER_MONTH
}

/// What the scenario's commitment does to `on_demand` USD a month of
/// `covered` compute running `hours` a month; notes why part of it stays
/// on-demand.
pub(crate) fn apply(
    scenario: &Scenario,
    prices: &Prices,
    covered: Covered,
    on_demand: f64,
    hours: f64,
    bill: &mut Bill,
) -> Result<Applied, Unavailable> {
    let o = &scenario.options;
    if on_demand <= 0.0 {
        return Ok(Applied::default());
    }
    let plan = o.commit;
    if plan == Commitment::None {
        // The flat discount of `sp=` links: every on-demand EC2 and
        // Fargate hour, nothing up front.
        if o.sp_pct <= 0.0 || covered == Covered::Lambda {
            return Ok(Applied::default());
        }
        return Ok(Applied {
            discount: -on_demand * o.sp_pct / 100.0,
            upfront: 0.0,
            pct: o.sp_pct,
        });
    }
    if o.sp_pct > 0.0 {
        bill.note(format!(
            "the {} replaces the flat Savings Plan discount (sp={})",
            plan.name(),
            format_number(o.sp_pct)
        ));
    }
    let family = match covered {
        Covered::Ec2(family) => Some(family),
        _ if plan != Commitment::Compute => {
            bill.note(format!(
                "{} cover EC2 only: {} stays on-demand",
                plural(plan),
                covered.word()
            ));
            return Ok(Applied::default());
        }
        _ => None,
    };
    if !steady(hours) {
        bill.note(format!(
            "usage of {} h a month stays on-demand: a commitment bills all {} h",
            format_number(hours),
            format_number(HOURS_PER_MONTH)
        ));
        return Ok(Applied::default());
    }
    let term = o.term_years.to_string();
    let what = match covered {
        Covered::Ec2(_) => "ec2",
        Covered::Fargate => "fargate",
        Covered::Lambda => "lambda",
    };
    let own = family.map(|f| commit_key(plan.key(), f, &term, o.pay.key()));
    let generic = commit_key(plan.key(), what, &term, o.pay.key());
    let (pct, confidence) = own
        .and_then(|k| prices.commit(&k))
        .or_else(|| prices.commit(&generic))
        .ok_or_else(|| {
            format!(
                "{} the {}-year {} rate ({generic}) in {}",
                super::NO_PRICE,
                o.term_years,
                plan.name(),
                prices.region
            )
        })?;
    if confidence == Confidence::Low {
        bill.note(format!(
            "the {} saving on {} ({}%) is a typical public rate, not this type's: low confidence (yours: p.{generic})",
            plan.name(),
            covered.word(),
            format_number(pct)
        ));
    }
    let cover = on_demand * o.cover_pct / 100.0;
    let committed = cover * (1.0 - pct / 100.0);
    let upfront_share = match o.pay {
        Payment::None => 0.0,
        Payment::Partial => prices.limit(Limit::CommitPartialUpfrontPct) / 100.0,
        Payment::All => 1.0,
    };
    Ok(Applied {
        discount: -(cover - committed * (1.0 - upfront_share)),
        upfront: committed * upfront_share,
        pct,
    })
}

fn plural(plan: Commitment) -> &'static str {
    match plan {
        Commitment::Ec2 => "EC2 Instance Savings Plans",
        _ => plan.name(),
    }
}

/// The bill's lines for a commitment applied to `what` (e.g. `EC2
/// m6a`, `Fargate`).
pub(crate) fn lines(scenario: &Scenario, what: &str, applied: Applied, bill: &mut Bill) {
    let o = &scenario.options;
    if applied.discount == 0.0 && applied.upfront == 0.0 {
        return;
    }
    if o.commit == Commitment::None {
        bill.line(
            LineKind::CommitmentDiscount,
            format!(
                "Savings Plan: −{}% on on-demand {what}",
                format_number(o.sp_pct)
            ),
            applied.discount,
        );
        return;
    }
    let plan = format!(
        "{}-year {}, {} upfront",
        o.term_years,
        o.commit.name(),
        o.pay.key()
    );
    let prepaid = match o.pay {
        Payment::None => "",
        _ => ", less its prepaid part",
    };
    bill.line(
        LineKind::CommitmentDiscount,
        format!(
            "{plan}: −{}% on {}% of on-demand {what}{prepaid}",
            format_number(applied.pct),
            format_number(o.cover_pct)
        ),
        applied.discount,
    );
    if applied.upfront > 0.0 {
        let months = term_months(scenario);
        bill.line(
            LineKind::CommitmentUpfront,
            format!(
                "{plan}: {} paid up front, spread over {months} months",
                super::usd(applied.upfront * f64::from(months))
            ),
            applied.upfront,
        );
    }
}

/// The effective percent a commitment takes off an on-demand hour of
/// `covered` (for the notes that compare it with Spot).
pub(crate) fn saved_pct(scenario: &Scenario, prices: &Prices, covered: Covered, hours: f64) -> f64 {
    let mut scratch = Bill::default();
    apply(scenario, prices, covered, 1.0, hours, &mut scratch)
        .map(|a| -a.net() * 100.0)
        .unwrap_or(0.0)
}
