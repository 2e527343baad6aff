//! The bookkeeping under the simulation: cohorts of tasks or instances
//! alive over the day, their billed time, and the exact capacity sweep.

use super::profile::{DAY_S, MINUTES};

/// How a platform bills time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Billing {
    /// Billing increment, s (> 0).
    pub increment_s: f64,
    /// Shortest time billed, s.
    pub minimum_s: f64,
}

impl Billing {
    /// Seconds billed for `lifetime_s`; the minimum applies only to what
    /// started and stopped within the day.
    pub(super) fn billed(self, lifetime_s: f64, whole: bool) -> f64 {
        let inc = self.increment_s.max(1e-6);
        let rounded = (lifetime_s.max(0.0) / inc - 1e-9).ceil().max(0.0) * inc;
        if whole {
            rounded.max(self.minimum_s)
        } else {
            rounded
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Cohort {
    pub(super) launch: f64,
    pub(super) ready: f64,
    pub(super) count: u64,
    carried: bool,
}

/// Per-minute averages of cohort counts over time, by difference arrays.
pub(super) struct Timeline {
    full: Vec<f64>,
    part: Vec<f64>,
}

impl Timeline {
    fn new() -> Self {
        Self {
            full: vec![0.0; MINUTES + 1],
            part: vec![0.0; MINUTES + 1],
        }
    }

    /// Adds `count` over `[from, to)` seconds.
    fn add(&mut self, from: f64, to: f64, count: u64) {
        let (a, b) = (from.clamp(0.0, DAY_S), to.clamp(0.0, DAY_S));
        if b <= a || count == 0 {
            return;
        }
        let n = count as f64;
        let (ka, kb) = ((a / 60.0) as usize, (b / 60.0) as usize);
        let bump = |v: &mut Vec<f64>, k: usize, x: f64| {
            if let Some(slot) = v.get_mut(k) {
                *slot += x;
            }
        };
        if ka == kb {
            bump(&mut self.part, ka, n * (b - a) / 60.0);
            return;
        }
        bump(&mut self.part, ka, n * ((ka + 1) as f64 * 60.0 - a) / 60.0);
        bump(&mut self.full, ka + 1, n);
        bump(&mut self.full, kb, -n);
        bump(&mut self.part, kb, n * (b - kb as f64 * 60.0) / 60.0);
    }

    pub(super) fn averages(&self) -> Vec<f64> {
        let mut level = 0.0;
        self.full
            .iter()
            .zip(&self.part)
            .take(MINUTES)
            .map(|(f, p)| {
                level += f;
                (level + p).max(0.0)
            })
            .collect()
    }
}

/// One kind of thing (tasks or instances) alive over the day.
pub(super) struct Pool {
    pub(super) alive: Vec<Cohort>,
    /// Cohorts `alive[..settled]` are known ready; `settled_count` of them.
    pub(super) settled: usize,
    settled_count: u64,
    pub(super) count: u64,
    pub(super) peak: u64,
    pub(super) billed_s: f64,
    /// Counts over time, kept only when the series are wanted.
    pub(super) running: Option<Timeline>,
    /// (time, change in ready count), for the exact capacity sweep.
    pub(super) ready: Vec<(f64, f64)>,
}

impl Pool {
    pub(super) fn new(detail: bool) -> Self {
        Self {
            alive: Vec::new(),
            settled: 0,
            settled_count: 0,
            count: 0,
            peak: 0,
            billed_s: 0.0,
            running: detail.then(Timeline::new),
            ready: Vec::new(),
        }
    }

    pub(super) fn launch(&mut self, launch: f64, ready: f64, count: u64, carried: bool) {
        if count == 0 {
            return;
        }
        self.alive.push(Cohort {
            launch,
            ready,
            count,
            carried,
        });
        self.count += count;
        self.peak = self.peak.max(self.count);
    }

    fn close(&mut self, c: Cohort, at: f64, billing: Billing) {
        if let Some(t) = &mut self.running {
            t.add(c.launch, at, c.count);
        }
        if c.ready < at.min(DAY_S) {
            let n = c.count as f64;
            self.ready.push((c.ready.max(0.0), n));
            self.ready.push((at.min(DAY_S), -n));
        }
        let whole = !c.carried && at < DAY_S;
        self.billed_s += c.count as f64 * billing.billed(at - c.launch, whole);
    }

    /// Stops the newest `n` at `at`.
    pub(super) fn stop_newest(&mut self, mut n: u64, at: f64, billing: Billing) {
        while n > 0 {
            let len = self.alive.len();
            let settled = self.settled >= len;
            let Some(last) = self.alive.last_mut() else {
                break;
            };
            let take = n.min(last.count);
            let part = Cohort {
                count: take,
                ..*last
            };
            last.count -= take;
            let emptied = last.count == 0;
            if settled {
                self.settled_count -= take;
            }
            if emptied {
                self.alive.pop();
                self.settled = self.settled.min(self.alive.len());
            }
            self.close(part, at, billing);
            self.count -= take;
            n -= take;
        }
    }

    pub(super) fn finish(&mut self, billing: Billing) {
        for c in std::mem::take(&mut self.alive) {
            self.close(c, DAY_S, billing);
        }
        self.count = 0;
    }

    /// Count whose ready time is at or before `t`. Valid for cohorts
    /// launched in ready order and `t` that never goes back (instances).
    pub(super) fn ready_at(&mut self, t: f64) -> u64 {
        while let Some(c) = self.alive.get(self.settled).filter(|c| c.ready <= t) {
            self.settled_count += c.count;
            self.settled += 1;
        }
        self.settled_count
    }
}

/// Ready tasks (average) and unserved requests per second in each minute,
/// integrating capacity exactly between the moments it changes, so a
/// shortfall early in a minute is not hidden by surplus later in it.
pub(super) fn sweep(
    events: &mut [(f64, f64)],
    demand: &[f64],
    per_task_rps: f64,
) -> (Vec<f64>, Vec<f64>) {
    crate::sort::by(events, |a, b| a.0.total_cmp(&b.0));
    let mut ready = Vec::with_capacity(demand.len());
    let mut unserved = Vec::with_capacity(demand.len());
    let mut next = events.iter().peekable();
    let mut level = 0.0_f64;
    for (m, &d) in demand.iter().enumerate() {
        let (start, end) = (m as f64 * 60.0, (m + 1) as f64 * 60.0);
        let (mut t, mut task_s, mut short_s) = (start, 0.0, 0.0);
        while let Some(&&(at, delta)) = next.peek() {
            if at >= end {
                break;
            }
            let at = at.max(t);
            task_s += level * (at - t);
            short_s += (d - level * per_task_rps).max(0.0) * (at - t);
            (t, level) = (at, level + delta);
            next.next();
        }
        task_s += level * (end - t);
        short_s += (d - level * per_task_rps).max(0.0) * (end - t);
        ready.push(task_s / 60.0);
        unserved.push(short_s / 60.0);
    }
    (ready, unserved)
}
