//! Chart geometry: what the web app's SVG charts draw, computed here so the
//! view only places what it is given (positions are in SVG user units).

use serde::Serialize;

use crate::cost::{self, usd, CostReport, Platform, Status};
use crate::decimal::fixed;
use crate::scenario::Scenario;

/// One bar of the monthly cost chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    /// Which platform.
    pub platform: Platform,
    /// Its display name.
    pub name: &'static str,
    /// USD per month.
    pub monthly_usd: f64,
    /// Bar length as a share of the longest, 0–100.
    pub length_pct: f64,
    /// The figure as displayed.
    pub text: String,
    /// True for the cheapest platform.
    pub cheapest: bool,
    /// True when the platform is closed to new customers.
    pub legacy: bool,
}

/// Bars for every platform that can take the workload, cheapest first,
/// their figures per `period`.
pub fn cost_bars(report: &CostReport, period: crate::options::Period) -> Vec<Bar> {
    let mut priced: Vec<_> = report
        .platforms
        .iter()
        .filter(|p| p.status != Status::Unavailable)
        .collect();
    crate::sort::by(&mut priced, |a, b| a.monthly_usd.total_cmp(&b.monthly_usd));
    let longest = priced.iter().map(|p| p.monthly_usd).fold(0.0, f64::max);
    let cheapest = priced.iter().find(|p| p.status == Status::Ok).map(|p| p.id);
    priced
        .iter()
        .map(|p| Bar {
            platform: p.id,
            name: p.name,
            monthly_usd: p.monthly_usd,
            length_pct: if longest > 0.0 {
                p.monthly_usd / longest * 100.0
            } else {
                0.0
            },
            text: crate::cost::amount(period, p.monthly_usd),
            cheapest: Some(p.id) == cheapest,
            legacy: p.status == Status::Legacy,
        })
        .collect()
}

/// An axis tick.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tick {
    /// Position along the axis.
    pub pos: f64,
    /// Label.
    pub label: String,
}

/// One platform's line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// Which platform.
    pub platform: Platform,
    /// Display name.
    pub name: &'static str,
    /// SVG path data (`M x y L x y …`).
    pub path: String,
}

/// A labelled point where the cheaper platform changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Marker {
    /// x position.
    pub x: f64,
    /// y position.
    pub y: f64,
    /// e.g. "ECS on EC2 cheaper from 37 tasks".
    pub label: String,
}

/// A cost-against-tasks line chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineChart {
    /// Plot area width.
    pub width: f64,
    /// Plot area height.
    pub height: f64,
    /// One line per platform that can take the workload.
    pub series: Vec<Series>,
    /// Task counts along x.
    pub x_ticks: Vec<Tick>,
    /// USD per month along y.
    pub y_ticks: Vec<Tick>,
    /// Crossovers of the highlighted pair.
    pub markers: Vec<Marker>,
    /// The highlighted pair.
    pub pair: (Platform, Platform),
    /// Largest task count plotted.
    pub max_tasks: u32,
    /// The same figures as a table (the chart's text alternative): a few
    /// task counts, each with every series' monthly cost as displayed.
    pub table: Vec<(u32, Vec<String>)>,
}

/// The break-even chart's plot area, SVG units (the Cost panel draws it at
/// this size; tests and fuzz targets check it at the same).
pub const BREAKEVEN_SIZE: (f64, f64) = (640.0, 260.0);

/// One simulation timeline's box, SVG units (the Performance panel's).
pub const TIMELINE_SIZE: (f64, f64) = (300.0, 90.0);

/// The pair the break-even chart compares by default.
pub const BREAKEVEN_PAIR: (Platform, Platform) = (Platform::EcsFargate, Platform::EcsEc2);

/// The task range the break-even chart shows by default: twice the first
/// service's count, at least 50 and at most 5,000 (a range the curves can
/// be evaluated over on every keystroke).
pub fn default_max_tasks(scenario: &Scenario) -> u32 {
    let current = scenario.services.first().map_or(0, |s| s.tasks);
    current.saturating_mul(2).clamp(50, 5000)
}

/// Points per line (enough for a smooth curve, few enough for a small DOM).
const POINTS: u32 = 160;

/// Cost against the first service's task count, 1..=`max_tasks`, every
/// platform with a curve; the crossovers of `pair` marked.
pub fn breakeven_chart(
    scenario: &Scenario,
    pair: (Platform, Platform),
    max_tasks: u32,
    size: (f64, f64),
) -> LineChart {
    let (width, height) = size;
    let max_tasks = max_tasks.max(2);
    let step = max_tasks.div_ceil(POINTS).max(1);
    let xs: Vec<u32> = (1..=max_tasks)
        .step_by(step as usize)
        .chain(std::iter::once(max_tasks))
        .collect();
    let curves: Vec<(Platform, Vec<(u32, f64)>)> = Platform::ALL
        .into_iter()
        // Both Lambdas are priced per request, not per task.
        .filter(|p| !matches!(p, Platform::Lambda | Platform::LambdaManaged))
        .filter_map(|p| {
            let c = cost::curve(scenario, p);
            let pts: Vec<(u32, f64)> = xs
                .iter()
                .filter_map(|&n| c.at(u64::from(n)).map(|v| (n, v)))
                .collect();
            (!pts.is_empty()).then_some((p, pts))
        })
        .collect();
    let highest = curves
        .iter()
        .flat_map(|(_, pts)| pts.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    // The axis ends at the first round tick above the highest point.
    let step = nice_ceiling(highest / 4.0);
    let top = ((highest / step).ceil() * step).max(step);
    let x_of = |n: f64| (n - 1.0) / f64::from(max_tasks - 1) * width;
    let y_of = |v: f64| {
        if top > 0.0 {
            height - v / top * height
        } else {
            height
        }
    };
    let series = curves
        .iter()
        .map(|(p, pts)| Series {
            platform: *p,
            name: p.name(),
            path: pts
                .iter()
                .enumerate()
                .map(|(i, &(n, v))| {
                    format!(
                        "{}{} {}",
                        if i == 0 { "M" } else { "L" },
                        fixed(x_of(f64::from(n)), 1),
                        fixed(y_of(v), 1)
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let table = table_rows(scenario, &curves, max_tasks);
    let b = cost::breakeven(scenario, pair.0, pair.1, max_tasks);
    let markers = b
        .crossovers
        .iter()
        .filter_map(|c| {
            let v = b
                .cost_a
                .get(usize::try_from(c.tasks).ok()?.checked_sub(1)?)
                .copied()
                .flatten()?;
            Some(Marker {
                x: x_of(c.tasks as f64),
                y: y_of(v),
                label: format!("{} cheaper from {} tasks", c.cheaper.name(), c.tasks),
            })
        })
        .collect();
    LineChart {
        width,
        height,
        series,
        x_ticks: ticks(f64::from(max_tasks), 5)
            .into_iter()
            .filter(|t| *t >= 1.0)
            .map(|t| Tick {
                pos: x_of(t),
                label: fixed(t, 0),
            })
            .collect(),
        y_ticks: ticks(top, 4)
            .into_iter()
            .map(|t| Tick {
                pos: y_of(t),
                label: usd(t).trim_end_matches(".00").to_string(),
            })
            .collect(),
        markers,
        pair,
        max_tasks,
        table,
    }
}

/// Rows of the chart's table: about eight task counts from 1 to the end.
fn table_rows(
    scenario: &Scenario,
    curves: &[(Platform, Vec<(u32, f64)>)],
    max_tasks: u32,
) -> Vec<(u32, Vec<String>)> {
    let step = max_tasks.div_ceil(8).max(1);
    let mut counts: Vec<u32> = (0..=max_tasks)
        .step_by(step as usize)
        .map(|n| n.max(1))
        .collect();
    if counts.last() != Some(&max_tasks) {
        counts.push(max_tasks);
    }
    counts.dedup();
    let lines: Vec<cost::Curve> = curves
        .iter()
        .map(|(p, _)| cost::curve(scenario, *p))
        .collect();
    counts
        .into_iter()
        .map(|n| {
            (
                n,
                lines
                    .iter()
                    .map(|c| c.at(u64::from(n)).map_or_else(|| "—".to_string(), usd))
                    .collect(),
            )
        })
        .collect()
}

/// One platform's simulated day, drawn small: demand against capacity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// Which platform.
    pub platform: Platform,
    /// Display name.
    pub name: &'static str,
    /// Demand line (requests per second).
    pub demand: String,
    /// Capacity line (requests per second the ready tasks serve).
    pub capacity: String,
    /// Closed area where demand exceeded capacity (empty when none).
    pub unserved: String,
    /// Unserved share of the day's requests, as shown.
    pub unserved_text: String,
    /// Requests per second at the top of the box.
    pub top_text: String,
}

/// Minutes per plotted point (1,440 minutes → 288 points).
const MINUTES_PER_POINT: usize = 5;

/// Small multiples of a simulation: every platform that ran, one box each,
/// all on the same vertical scale.
pub fn timelines(sim: &crate::perf::Simulation, size: (f64, f64)) -> Vec<Timeline> {
    let (width, height) = size;
    let runs: Vec<_> = sim
        .platforms
        .iter()
        .filter(|p| p.reason.is_none())
        .collect();
    let highest = runs
        .iter()
        .flat_map(|r| r.series.capacity_rps.iter())
        .chain(sim.demand_rps.iter())
        .fold(0.0f64, |a, &b| a.max(b));
    let top = nice_ceiling(highest);
    let points = sim.demand_rps.len().max(1);
    let x = |i: usize| i as f64 / (points.saturating_sub(1).max(1)) as f64 * width;
    let y = |v: f64| height - (v / top).clamp(0.0, 1.0) * height;
    let line = |values: &[f64]| {
        values
            .chunks(MINUTES_PER_POINT)
            .enumerate()
            .map(|(i, c)| {
                let avg = c.iter().sum::<f64>() / c.len().max(1) as f64;
                format!(
                    "{}{} {}",
                    if i == 0 { "M" } else { "L" },
                    fixed(x(i * MINUTES_PER_POINT), 1),
                    fixed(y(avg), 1)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    runs.iter()
        .map(|r| {
            let unserved = if r.series.unserved_rps.iter().any(|u| *u > 0.0) {
                // Area between capacity and demand where demand is higher.
                let upper: Vec<f64> = sim
                    .demand_rps
                    .iter()
                    .zip(&r.series.capacity_rps)
                    .map(|(d, c)| d.max(*c))
                    .collect();
                let forward = line(&upper);
                let back: Vec<String> = r
                    .series
                    .capacity_rps
                    .chunks(MINUTES_PER_POINT)
                    .enumerate()
                    .rev()
                    .map(|(i, c)| {
                        format!(
                            "L{} {}",
                            fixed(x(i * MINUTES_PER_POINT), 1),
                            fixed(y(c.iter().sum::<f64>() / c.len().max(1) as f64), 1)
                        )
                    })
                    .collect();
                format!("{forward} {} Z", back.join(" "))
            } else {
                String::new()
            };
            Timeline {
                platform: r.id,
                name: r.name,
                demand: line(&sim.demand_rps),
                capacity: line(&r.series.capacity_rps),
                unserved,
                unserved_text: format!("{}% unserved", fixed(r.unserved_pct, 2)),
                top_text: format!("{} rps", crate::text::format_number(top)),
            }
        })
        .collect()
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `value`.
fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 1.0;
    }
    // The power of ten at or below `value`, by steps: exact for the
    // values a chart sees, and no `powf`/`log10` in the page.
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= value {
        magnitude *= 10.0;
    }
    while magnitude > value {
        magnitude /= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|c| *c >= value)
        .unwrap_or(value)
}

/// About `count` round tick values from 0 to `max`.
fn ticks(max: f64, count: u32) -> Vec<f64> {
    let step = nice_ceiling(max / f64::from(count.max(1)));
    (0..=count * 2)
        .map(|i| f64::from(i) * step)
        .take_while(|t| *t <= max + step * 1e-9)
        .collect()
}

#[cfg(test)]
mod tests;
