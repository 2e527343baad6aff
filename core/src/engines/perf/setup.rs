//! Turning a platform into something the engine can run: its latencies
//! from the data, and its prices from the cost engine.
//!
//! The traffic drives the scenario's first service; the other services run
//! their fixed task counts all day at the cost engine's figure for them, so
//! a steady day costs what the Cost panel says for the whole workload, and
//! a platform the Cost panel calls unavailable is unavailable here too.
//! Prices come from
//! [`cost::curve`] (per task-hour, or per instance-hour and tasks per
//! instance, for that shape) and, for Lambda, from pricing one million
//! requests with [`cost::evaluate_platform`]; nothing here knows a price.

use crate::cost::{self, Curve, Platform, Status};
use crate::scenario::Scenario;
use crate::units::{HOURS_PER_DAY, HOURS_PER_MONTH};

use super::engine::{self, Billing, Day, Fleet, Plan, Run};
use super::{current, ec2_backed, Figure, Metric};
use crate::sim::{Image, SimInputs};

/// How a run turns into dollars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Price {
    /// Per task-hour, plus a fixed part per day.
    Tasks { hourly: f64, fixed_day: f64 },
    /// Per instance-hour, plus a fixed part per day.
    Instances { hourly: f64, fixed_day: f64 },
    /// Per request served.
    Requests { each: f64 },
}

/// A platform ready to run.
pub(super) struct Setup {
    pub(super) plan: Plan,
    pub(super) price: Price,
    pub(super) notes: Vec<String>,
}

fn figure(p: Platform, metric: Metric) -> Result<Figure, String> {
    current(p, metric).map(Figure::of).ok_or_else(|| {
        format!(
            "the performance data has no {} figure for {}",
            metric.label(),
            p.name()
        )
    })
}

/// The plan for `p` with typical latencies, or the high ones when
/// `pessimistic`; an EC2-backed platform gets a fleet whose instance type
/// (tasks per instance, spare share) is set later.
fn plan(p: Platform, inputs: &SimInputs, pessimistic: bool) -> Result<Plan, String> {
    let start_img = figure(
        p,
        match inputs.img {
            Image::Small => Metric::StartSmall,
            Image::Large => Metric::StartLarge,
        },
    )?
    .pick(pessimistic);
    let mut plan = Plan {
        per_task_rps: inputs.rpt,
        per_task_target_rps: inputs.rpt * inputs.tgt_pct / 100.0,
        min_tasks: f64::from(inputs.min_tasks),
        // A ceiling below the floor is the floor (as an autoscaler refuses
        // maxReplicas below minReplicas).
        max_tasks: match inputs.max_tasks {
            0 => u64::MAX,
            n => u64::from(n.max(inputs.min_tasks)),
        },
        reaction_s: figure(p, Metric::Reaction)?.pick(pessimistic),
        // A scaling policy, not a latency: always the typical window.
        scale_in_min: (figure(p, Metric::ScaleIn)?.typical / 60.0).ceil() as usize,
        start_s: start_img,
        fleet: None,
        billing: Billing {
            increment_s: figure(p, Metric::BillingIncrement)?.typical,
            minimum_s: figure(p, Metric::BillingMinimum)?.typical,
        },
    };
    if ec2_backed(p) {
        plan.start_s = figure(p, Metric::StartCached)?.pick(pessimistic);
        plan.fleet = Some(Fleet {
            tasks_per_instance: 1,
            head_pct: 0.0,
            node_ready_s: figure(p, Metric::NodeReady)?.pick(pessimistic),
            start_on_new_s: start_img,
            min_instances: 0,
        });
    }
    Ok(plan)
}

/// Gets `p` ready to simulate `demand` for `scenario`'s first service.
pub(super) fn setup(
    scenario: &Scenario,
    inputs: &SimInputs,
    p: Platform,
    demand: &[f64],
) -> Result<Setup, String> {
    if !super::simulated(p) {
        return Err(super::NOT_SIMULATED.to_string());
    }
    let mut base = cost::homogeneous(scenario, 1);
    let service = base.services.first_mut().ok_or("no service to simulate")?;
    service.hours = HOURS_PER_MONTH;
    let mut plan = plan(p, inputs, inputs.pessimistic)?;
    let mut notes = Vec::new();
    if p == Platform::Lambda {
        let price = lambda_price(scenario, &base, inputs, &mut plan, &mut notes)?;
        return Ok(Setup { plan, price, notes });
    }
    let rest = rest_of_workload(scenario, p)?;
    if rest.services > 0 {
        notes.push(format!(
            "the traffic scales {}; the other {} service(s) run their fixed task counts all day, at the Cost panel's {} a month",
            base.services.first().map_or("", |s| s.name.as_str()),
            rest.services,
            cost::usd(rest.monthly_usd)
        ));
    }
    let rest_day = rest.monthly_usd * HOURS_PER_DAY / HOURS_PER_MONTH;
    let price = match cost::curve(&base, p) {
        Curve::Unavailable(reason) => return Err(reason),
        Curve::Affine { fixed, per_task } => Price::Tasks {
            hourly: per_task / HOURS_PER_MONTH,
            fixed_day: fixed * HOURS_PER_DAY / HOURS_PER_MONTH + rest_day,
        },
        Curve::Fleet {
            fixed,
            types,
            head_pct,
            min_instances,
        } => {
            let (per, monthly) = instance_type(p, inputs, &types, head_pct, min_instances, demand)?;
            plan.fleet = plan.fleet.map(|f| Fleet {
                tasks_per_instance: per,
                head_pct,
                min_instances,
                ..f
            });
            notes.push(format!(
                "{per} tasks per instance on the type that makes the day cheapest (the cost engine's packing and prices); \
                 instances leave as soon as their tasks do"
            ));
            Price::Instances {
                hourly: monthly / HOURS_PER_MONTH,
                fixed_day: fixed * HOURS_PER_DAY / HOURS_PER_MONTH + rest_day,
            }
        }
    };
    Ok(Setup { plan, price, notes })
}

/// The services the traffic does not scale, and what they add to the
/// month on the Cost panel.
struct Rest {
    services: usize,
    monthly_usd: f64,
}

/// The cost engine's figure for the whole workload less the first service
/// alone (at its own task count): what the other services add. A platform
/// the whole workload cannot run on is unavailable, with the Cost reason.
fn rest_of_workload(scenario: &Scenario, p: Platform) -> Result<Rest, String> {
    let services = scenario.services.len().saturating_sub(1);
    let whole = cost::evaluate_platform(scenario, p);
    if whole.status == Status::Unavailable {
        return Err(whole.reason.unwrap_or_default());
    }
    if services == 0 {
        return Ok(Rest {
            services,
            monthly_usd: 0.0,
        });
    }
    let first_tasks = scenario.services.first().map_or(0, |s| s.tasks);
    let first = cost::evaluate_platform(&cost::homogeneous(scenario, first_tasks), p);
    Ok(Rest {
        services,
        monthly_usd: (whole.monthly_usd - first.monthly_usd).max(0.0),
    })
}

/// The instance type (tasks per instance, USD per instance-month) whose
/// fleet makes the day cheapest. The task count over the day does not
/// depend on the type, so each type's instance-seconds follow from it
/// directly. Chosen with typical latencies for both latency cases, so the
/// pessimistic run compares like with like; and as the least of costs that
/// each grow with demand, more demand never picks a cheaper day.
fn instance_type(
    p: Platform,
    inputs: &SimInputs,
    types: &[(u64, f64)],
    head_pct: f64,
    min_instances: u64,
    demand: &[f64],
) -> Result<(u64, f64), String> {
    let typical = plan(p, inputs, false)?;
    let wants = Day::new(&typical, demand).wants(0.0);
    let changes = engine::decisions(&typical, &wants);
    let first = wants.first().copied().unwrap_or(0);
    let day_cost = |&(per, monthly): &(u64, f64)| {
        let fleet = Fleet {
            tasks_per_instance: per.max(1),
            head_pct,
            node_ready_s: 0.0,
            start_on_new_s: 0.0,
            min_instances,
        };
        engine::fleet_seconds(first, &changes, &fleet) * monthly
    };
    types
        .iter()
        .map(|t| (*t, day_cost(t)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| (t.0.max(1), t.1))
        .ok_or_else(|| "no instance type fits the task".to_string())
}

/// Lambda: one execution environment per concurrent request; billed per
/// request at the rounded duration.
fn lambda_price(
    scenario: &Scenario,
    base: &Scenario,
    inputs: &SimInputs,
    plan: &mut Plan,
    notes: &mut Vec<String>,
) -> Result<Price, String> {
    let duration_ms = match scenario.options.duration_ms {
        Some(ms) => ms,
        None => {
            notes.push(
                "no request duration (dur) given: one request takes 1000 ÷ rpt ms".to_string(),
            );
            1000.0 / inputs.rpt
        }
    };
    let inc_ms = plan.billing.increment_s * 1000.0;
    let billed_ms = ((duration_ms / inc_ms).ceil() * inc_ms).max(plan.billing.minimum_s * 1000.0);
    let mut priced = base.clone();
    priced.options.requests_per_month = Some(1e6);
    priced.options.duration_ms = Some(billed_ms);
    let million = cost::evaluate_platform(&priced, Platform::Lambda);
    if million.status == Status::Unavailable {
        return Err(million.reason.unwrap_or_default());
    }
    plan.per_task_rps = 1000.0 / duration_ms;
    plan.per_task_target_rps = plan.per_task_rps;
    plan.min_tasks = 0.0;
    notes.push("environments serve one request at a time and run at 100% (tgt and min do not apply); the account concurrency quota is not modelled".to_string());
    Ok(Price::Requests {
        each: million.monthly_usd / 1e6,
    })
}

pub(super) fn unserved_pct(run: &Run, demand: &[f64]) -> f64 {
    let total: f64 = demand.iter().sum();
    if total > 0.0 {
        run.unserved.iter().sum::<f64>() / total * 100.0
    } else {
        0.0
    }
}

pub(super) fn cost_day(run: &Run, price: Price, demand: &[f64]) -> f64 {
    let usd = match price {
        Price::Tasks { hourly, fixed_day } => fixed_day + run.task_s / 3600.0 * hourly,
        Price::Instances { hourly, fixed_day } => fixed_day + run.instance_s / 3600.0 * hourly,
        Price::Requests { each } => {
            let served: f64 = demand
                .iter()
                .zip(&run.unserved)
                .map(|(d, u)| (d - u).max(0.0))
                .sum();
            served * 60.0 * each
        }
    };
    if usd.is_finite() {
        usd.max(0.0)
    } else {
        0.0
    }
}
