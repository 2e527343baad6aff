//! First-fit-decreasing bin packing of identical-shape task groups.
//!
//! Tasks of one service are identical, so instead of placing a million tasks
//! one by one we keep *runs* of identical instances and place a whole group
//! at a time. For identical items this gives exactly first-fit's result:
//! first-fit fills the lowest-numbered instance with room before the next.

/// What one instance offers to tasks (units are the caller's: CPU units or
/// millicores, MiB, task slots).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bin {
    /// CPU available to tasks.
    pub cpu: f64,
    /// Memory available to tasks.
    pub mem: f64,
    /// Most tasks one instance may hold (ENI or max-pods limit).
    pub slots: u64,
}

/// One group of identical tasks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Demand {
    /// CPU per task.
    pub cpu: f64,
    /// Memory per task.
    pub mem: f64,
    /// Number of tasks.
    pub count: u64,
}

/// `count` identical instances with the same room left.
#[derive(Clone, Copy, Debug)]
struct Run {
    count: u64,
    cpu: f64,
    mem: f64,
    slots: u64,
    tasks: u64,
}

/// The outcome of packing.
#[derive(Clone, Debug, PartialEq)]
pub struct Packing {
    /// Instances needed.
    pub instances: u64,
    /// Most tasks on any one instance.
    pub max_tasks_per_instance: u64,
    /// Instances grouped by what they hold: (instances, CPU used, memory
    /// used, tasks) per instance of the group.
    pub groups: Vec<(u64, f64, f64, u64)>,
}

/// Tolerance for float room checks (CPU units and MiB are whole numbers in
/// practice; this only absorbs rounding in the conversions).
const EPS: f64 = 1e-9;

/// How many tasks of `d` fit into the room left.
fn fits(cpu: f64, mem: f64, slots: u64, d: &Demand) -> u64 {
    if d.cpu <= 0.0 || d.mem <= 0.0 {
        return slots;
    }
    let by_cpu = ((cpu + EPS) / d.cpu).floor();
    let by_mem = ((mem + EPS) / d.mem).floor();
    let by_res = by_cpu.min(by_mem).max(0.0);
    // A float above u64::MAX saturates; slots bounds it anyway.
    (by_res as u64).min(slots)
}

/// How many tasks of `d` one empty instance holds.
pub fn per_instance(bin: Bin, d: &Demand) -> u64 {
    fits(bin.cpu, bin.mem, bin.slots, d)
}

/// A task's size for ordering: its larger share of the instance's CPU or
/// memory (the "dominant share"), so memory-heavy tasks are placed early too.
fn dominant_share(bin: Bin, d: &Demand) -> f64 {
    let share = |need: f64, have: f64| {
        if have > 0.0 {
            need / have
        } else {
            f64::INFINITY
        }
    };
    share(d.cpu, bin.cpu).max(share(d.mem, bin.mem))
}

/// Packs the groups first-fit-decreasing, largest dominant share first
/// (ties: more CPU, then more memory, first).
/// `Err(i)`: group `i` does not fit even an empty instance.
///
/// Like every first-fit-decreasing packer it has anomalies: with several
/// task shapes, growing one shape can change the order and pack into fewer
/// instances. With one shape the result is optimal and monotone.
pub fn pack(bin: Bin, demands: &[Demand]) -> Result<Packing, usize> {
    let mut order: Vec<(usize, &Demand)> = demands.iter().enumerate().collect();
    crate::sort::by(&mut order, |(_, x), (_, y)| {
        dominant_share(bin, y)
            .total_cmp(&dominant_share(bin, x))
            .then(y.cpu.total_cmp(&x.cpu))
            .then(y.mem.total_cmp(&x.mem))
    });
    let mut runs: Vec<Run> = Vec::new();
    for (index, d) in order {
        if d.count == 0 {
            continue;
        }
        if per_instance(bin, d) == 0 {
            return Err(index);
        }
        let mut remaining = d.count;
        let mut i = 0;
        while remaining > 0 && i < runs.len() {
            i += place_in_run(&mut runs, i, d, &mut remaining);
        }
        if remaining > 0 {
            let empty = Run {
                count: 0,
                cpu: bin.cpu,
                mem: bin.mem,
                slots: bin.slots,
                tasks: 0,
            };
            let fit = per_instance(bin, d);
            let needed = remaining.div_ceil(fit);
            runs.push(Run {
                count: needed,
                ..empty
            });
            let last = runs.len() - 1;
            place_in_run(&mut runs, last, d, &mut remaining);
        }
    }
    Ok(Packing {
        instances: runs.iter().map(|r| r.count).sum(),
        max_tasks_per_instance: runs.iter().map(|r| r.tasks).max().unwrap_or(0),
        groups: runs
            .iter()
            .map(|r| (r.count, bin.cpu - r.cpu, bin.mem - r.mem, r.tasks))
            .collect(),
    })
}

/// Places as many of `remaining` as fit into run `i` (splitting it when only
/// some of its instances are needed); returns how many runs to step over.
fn place_in_run(runs: &mut Vec<Run>, i: usize, d: &Demand, remaining: &mut u64) -> usize {
    let Some(run) = runs.get(i).copied() else {
        return 1;
    };
    let fit = fits(run.cpu, run.mem, run.slots, d);
    if fit == 0 {
        return 1;
    }
    let take = |r: Run, n: u64| Run {
        cpu: r.cpu - d.cpu * n as f64,
        mem: r.mem - d.mem * n as f64,
        slots: r.slots - n,
        tasks: r.tasks + n,
        ..r
    };
    if *remaining >= fit.saturating_mul(run.count) {
        *remaining -= fit * run.count;
        if let Some(r) = runs.get_mut(i) {
            *r = take(run, fit);
        }
        return 1;
    }
    // Only part of the run is needed: full instances, one partial, the rest untouched.
    let full = *remaining / fit;
    let partial = *remaining % fit;
    let mut pieces = Vec::with_capacity(3);
    if full > 0 {
        pieces.push(Run {
            count: full,
            ..take(run, fit)
        });
    }
    if partial > 0 {
        pieces.push(Run {
            count: 1,
            ..take(run, partial)
        });
    }
    let used = full + u64::from(partial > 0);
    if run.count > used {
        pieces.push(Run {
            count: run.count - used,
            ..run
        });
    }
    *remaining = 0;
    let step = pieces.len();
    runs.splice(i..=i, pieces);
    step
}

#[cfg(test)]
mod tests;
