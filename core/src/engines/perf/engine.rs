//! One platform's day, minute by minute: the task scaler, task starts, EC2
//! instances with their boot latency, and billed time.
//!
//! Time is continuous (seconds since midnight) so that a 15 s reaction and a
//! 45 s one differ; capacity is then integrated per minute. Tasks and
//! instances move in cohorts (launched together, ready together), so a day
//! costs a few thousand cheap steps whatever the task count.

use super::pool::{sweep, Pool};
use super::profile::DAY_S;

pub(crate) use super::pool::Billing;

/// Most tasks the scaler may ask for (keeps absurd inputs finite).
pub(crate) const MAX_TASKS: f64 = 1e9;

/// EC2 instances behind the tasks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Fleet {
    /// Tasks one instance holds (≥ 1).
    pub tasks_per_instance: u64,
    /// Spare instances kept, percent of the fleet.
    pub head_pct: f64,
    /// From tasks not fitting to a new instance taking tasks, s.
    pub node_ready_s: f64,
    /// Task start on a fresh instance (image pull), s.
    pub start_on_new_s: f64,
    /// Fewest instances while any task runs (one per availability zone,
    /// as the cost engine keeps).
    pub min_instances: u64,
}

/// Everything a run needs about one platform, latencies already chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Plan {
    /// Requests per second a task serves at 100 % (> 0).
    pub per_task_rps: f64,
    /// Requests per second per task the scaler aims for (> 0).
    pub per_task_target_rps: f64,
    /// Fewest tasks kept.
    pub min_tasks: f64,
    /// Most tasks the scaler runs (`u64::MAX`: no ceiling).
    pub max_tasks: u64,
    /// Scaler reaction, s.
    pub reaction_s: f64,
    /// Minutes lower demand must last before tasks go.
    pub scale_in_min: usize,
    /// Task start with room on running capacity, s.
    pub start_s: f64,
    /// Instances, for EC2-backed platforms.
    pub fleet: Option<Fleet>,
    /// How tasks (or instances, when there is a fleet) are billed.
    pub billing: Billing,
}

/// What one run produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Run {
    /// Average tasks running (billed) in each minute.
    pub tasks: Vec<f64>,
    /// Average tasks ready to serve in each minute.
    pub ready: Vec<f64>,
    /// Average instances running in each minute (empty without a fleet).
    pub instances: Vec<f64>,
    /// Requests per second not served in each minute.
    pub unserved: Vec<f64>,
    /// Most tasks at once.
    pub peak_tasks: u64,
    /// Most instances at once.
    pub peak_instances: u64,
    /// Task-seconds billed (rounded per the billing rule).
    pub task_s: f64,
    /// Instance-seconds billed.
    pub instance_s: f64,
}

/// Instances for `tasks` tasks with spare capacity, as the cost engine counts.
pub(crate) fn fleet_for(tasks: u64, fleet: &Fleet) -> u64 {
    let needed = tasks.div_ceil(fleet.tasks_per_instance.max(1));
    if needed == 0 {
        return 0;
    }
    let spare = (fleet.head_pct / 100.0).clamp(0.0, 0.9);
    (((needed as f64) / (1.0 - spare) - 1e-9)
        .ceil()
        .max(needed as f64) as u64)
        .max(fleet.min_instances)
}

/// Tasks the scaler wants for `rps` before headroom (not yet whole).
pub(crate) fn raw_tasks(plan: &Plan, rps: f64) -> f64 {
    (rps / plan.per_task_target_rps).max(plan.min_tasks)
}

/// Whole tasks for `raw` with `headroom_pct` extra.
fn with_headroom(raw: f64, headroom_pct: f64) -> u64 {
    let want = raw * (1.0 + headroom_pct / 100.0);
    if want.is_nan() || want >= MAX_TASKS {
        return MAX_TASKS as u64;
    }
    // A whole-number ceiling without a libm call: this runs 1,440 times a run.
    let whole = want.max(0.0) as u64;
    whole + u64::from((whole as f64) < want)
}

/// A day's demand and the tasks the scaler wants for it before headroom,
/// worked out once for the many runs of a headroom search.
pub(crate) struct Day<'a> {
    /// Requests per second, per minute.
    pub demand: &'a [f64],
    /// [`raw_tasks`] per minute.
    pub raw: Vec<f64>,
    /// The scaler's ceiling, [`Plan::max_tasks`].
    pub max: u64,
}

impl<'a> Day<'a> {
    /// The day of `demand` under `plan`.
    pub(crate) fn new(plan: &Plan, demand: &'a [f64]) -> Self {
        Self {
            demand,
            raw: demand.iter().map(|&d| raw_tasks(plan, d)).collect(),
            max: plan.max_tasks,
        }
    }

    /// Whole tasks wanted per minute with `headroom_pct` extra.
    pub(crate) fn wants(&self, headroom_pct: f64) -> Vec<u64> {
        self.raw
            .iter()
            .map(|&r| with_headroom(r, headroom_pct).min(self.max))
            .collect()
    }
}

/// When the task count changes and to what, in time order. Two streams are
/// merged: scale-out for minute `up` at up × 60 + reaction (the scaler's
/// lag), and scale-in at the end of minute `down` once lower demand has
/// lasted the whole window. A slower reaction delays only the additions.
/// The counts depend on demand alone, not on when tasks become ready.
pub(crate) fn decisions(plan: &Plan, wants: &[u64]) -> Vec<(f64, u64)> {
    let mut count = wants.first().copied().unwrap_or(0);
    let mut out = Vec::new();
    let window = plan.scale_in_min.max(1);
    let (mut up, mut down) = (1, 0);
    loop {
        let up_at = up as f64 * 60.0 + plan.reaction_s;
        let down_at = (down + 1) as f64 * 60.0;
        let up_live = up < wants.len() && up_at < DAY_S;
        let down_live = down < wants.len() && down_at < DAY_S;
        if down_live && (!up_live || down_at <= up_at) {
            let want = wants.get(down).copied().unwrap_or(0);
            if want < count {
                let from = (down + 1).saturating_sub(window);
                let keep = wants
                    .get(from..=down)
                    .and_then(|w| w.iter().max())
                    .copied()
                    .unwrap_or(want);
                if keep < count {
                    count = keep;
                    out.push((down_at, count));
                }
            }
            down += 1;
        } else if up_live {
            let want = wants.get(up).copied().unwrap_or(0);
            if want > count {
                count = want;
                out.push((up_at, count));
            }
            up += 1;
        } else {
            break;
        }
    }
    out
}

/// Instance-seconds a fleet following `changes` (from `first` tasks) runs:
/// after every change the fleet is exactly the size those tasks need.
pub(crate) fn fleet_seconds(first: u64, changes: &[(f64, u64)], fleet: &Fleet) -> f64 {
    let (mut t, mut count, mut total) = (0.0, first, 0.0);
    for &(at, n) in changes {
        total += fleet_for(count, fleet) as f64 * (at - t);
        (t, count) = (at, n);
    }
    total + fleet_for(count, fleet) as f64 * (DAY_S - t)
}

/// Runs one platform through the day's demand; `detail` keeps the running
/// task and instance series (the headroom search does without).
pub(crate) fn run(plan: &Plan, day: &Day, headroom_pct: f64, detail: bool) -> Run {
    let mut tasks = Pool::new(detail);
    let mut inst = Pool::new(detail && plan.fleet.is_some());
    let wants = day.wants(headroom_pct);
    let first = wants.first().copied().unwrap_or(0);
    tasks.launch(0.0, 0.0, first, true);
    if let Some(f) = &plan.fleet {
        inst.launch(0.0, 0.0, fleet_for(first, f), true);
    }
    let bill = plan.billing;
    for (at, n) in decisions(plan, &wants) {
        if n > tasks.count {
            let add = n - tasks.count;
            scale_out(plan, &mut tasks, &mut inst, at, add);
        } else {
            tasks.stop_newest(tasks.count - n, at, bill);
            if let Some(f) = &plan.fleet {
                let need = fleet_for(tasks.count, f);
                inst.stop_newest(inst.count.saturating_sub(need), at, bill);
            }
        }
    }
    tasks.finish(bill);
    inst.finish(bill);
    let (ready, unserved) = sweep(&mut tasks.ready, day.demand, plan.per_task_rps);
    Run {
        tasks: tasks.running.map(|t| t.averages()).unwrap_or_default(),
        ready,
        instances: inst.running.map(|t| t.averages()).unwrap_or_default(),
        unserved,
        peak_tasks: tasks.peak,
        peak_instances: inst.peak,
        task_s: tasks.billed_s,
        instance_s: inst.billed_s,
    }
}

/// Adds `add` tasks at `at`: on free room first, then on instances still
/// booting, then on new instances.
fn scale_out(plan: &Plan, tasks: &mut Pool, inst: &mut Pool, at: f64, add: u64) {
    let Some(f) = &plan.fleet else {
        tasks.launch(at, at + plan.start_s, add, false);
        return;
    };
    let per = f.tasks_per_instance.max(1);
    let ready_slots = inst.ready_at(at).saturating_mul(per);
    let used = tasks.count;
    let fast = add.min(ready_slots.saturating_sub(used));
    tasks.launch(at, at + plan.start_s, fast, false);
    let mut left = add - fast;
    // Slots on booting instances already promised to waiting tasks.
    let mut skip = used.saturating_sub(ready_slots);
    let booting = inst.alive.get(inst.settled..).unwrap_or_default();
    for (ready, slots) in booting
        .iter()
        .map(|c| (c.ready, c.count.saturating_mul(per)))
    {
        if left == 0 {
            break;
        }
        let free = slots.saturating_sub(skip);
        skip = skip.saturating_sub(slots);
        let n = left.min(free);
        tasks.launch(at, ready + f.start_on_new_s, n, false);
        left -= n;
    }
    let need = fleet_for(tasks.count + left, f);
    if need > inst.count {
        inst.launch(at, at + f.node_ready_s, need - inst.count, false);
    }
    tasks.launch(at, at + f.node_ready_s + f.start_on_new_s, left, false);
}
