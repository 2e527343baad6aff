//! Comparisons: one workload in every region the book covers (`berth
//! regions`, the web app's "Every region"), and two links side by side
//! (`berth diff`, the web app's "Compare with…"), each as data, JSON,
//! Markdown and a plain table.

use crate::cost::{self, usd, Line, Platform, PlatformCost, Status};
use crate::export::Json;
use crate::pricebook::region_ready;
use crate::region::RegionId;
use crate::scenario::Scenario;

/// One platform's figure: `None` where it cannot run the workload.
fn figure(p: &PlatformCost) -> Option<f64> {
    (p.status != Status::Unavailable).then_some(p.monthly_usd)
}

fn money(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), usd)
}

fn num(v: Option<f64>) -> Json {
    v.map_or(Json::Null, Json::Num)
}

/// Cheapest first, the platforms that cannot run it last (in their order).
fn by_cost(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// One region's prices for the workload.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionCosts {
    /// The region.
    pub region: RegionId,
    /// Every platform and its USD a month, cheapest first.
    pub platforms: Vec<(Platform, Option<f64>)>,
    /// Those of them closed to new customers (priced, never "cheapest").
    pub legacy: Vec<Platform>,
}

impl RegionCosts {
    /// The cheapest figure in the region of a platform open to new
    /// customers (as Berth's pick is), if any can run the workload.
    pub fn cheapest(&self) -> Option<(Platform, f64)> {
        self.platforms
            .iter()
            .filter(|(p, _)| !self.legacy.contains(p))
            .find_map(|(p, v)| v.map(|v| (*p, v)))
    }

    /// The figure of `platform`.
    pub fn of(&self, platform: Platform) -> Option<f64> {
        self.platforms
            .iter()
            .find(|(p, _)| *p == platform)
            .and_then(|(_, v)| *v)
    }
}

/// The workload of `scenario` priced in every region whose prices are
/// read (all of them natively; in the page, those fetched), cheapest
/// region first, or by `platform`'s figure when one is given.
pub fn regions(scenario: &Scenario, platform: Option<Platform>) -> Vec<RegionCosts> {
    let mut out: Vec<RegionCosts> = RegionId::all()
        .filter(|r| region_ready(*r))
        .map(|region| {
            let mut s = scenario.clone();
            s.region = region;
            let report = cost::evaluate(&s);
            let mut platforms: Vec<(Platform, Option<f64>)> =
                report.platforms.iter().map(|p| (p.id, figure(p))).collect();
            platforms.sort_by(|a, b| by_cost(a.1, b.1));
            let legacy = report
                .platforms
                .iter()
                .filter(|p| p.status == Status::Legacy)
                .map(|p| p.id)
                .collect();
            RegionCosts {
                region,
                platforms,
                legacy,
            }
        })
        .collect();
    out.sort_by(|a, b| match platform {
        Some(p) => by_cost(a.of(p), b.of(p)),
        None => by_cost(a.cheapest().map(|c| c.1), b.cheapest().map(|c| c.1)),
    });
    out
}

/// `{"regions": [{"region", "name", "platforms": [{"id", "monthly_usd",
/// "legacy"}]}]}`.
pub fn regions_json(rows: &[RegionCosts]) -> String {
    let regions = rows
        .iter()
        .map(|r| {
            Json::Obj(vec![
                ("region", Json::Str(r.region.code().to_string())),
                ("name", Json::Str(r.region.name().to_string())),
                (
                    "platforms",
                    Json::Arr(
                        r.platforms
                            .iter()
                            .map(|(p, v)| {
                                Json::Obj(vec![
                                    ("id", Json::Str(p.id().to_string())),
                                    ("monthly_usd", num(*v)),
                                    ("legacy", Json::Bool(r.legacy.contains(p))),
                                ])
                            })
                            .collect(),
                    ),
                ),
            ])
        })
        .collect();
    Json::Obj(vec![("regions", Json::Arr(regions))]).pretty()
}

/// A Markdown table: a row per region, its cheapest platform, then a
/// column per platform in [`Platform::ALL`] order.
pub fn regions_markdown(rows: &[RegionCosts]) -> String {
    let mut out = String::from("| Region | Cheapest |");
    for p in Platform::ALL {
        out.push_str(&format!(" {} |", p.name()));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---:|".repeat(Platform::ALL.len()));
    out.push('\n');
    for r in rows {
        let cheapest = r.cheapest().map_or("—".to_string(), |(p, v)| {
            format!("{} {}", usd(v), p.name())
        });
        out.push_str(&format!(
            "| {} ({}) | {cheapest} |",
            r.region.name(),
            r.region.code()
        ));
        for p in Platform::ALL {
            out.push_str(&format!(" {} |", money(r.of(p))));
        }
        out.push('\n');
    }
    out
}

/// A plain table: region, its cheapest platform and figure.
pub fn regions_table(rows: &[RegionCosts]) -> String {
    let mut out = format!(
        "{:<16} {:<28} {:>14}\n",
        "region", "cheapest", "USD / month"
    );
    for r in rows {
        let (name, v) = r
            .cheapest()
            .map_or(("—", None), |(p, v)| (p.name(), Some(v)));
        out.push_str(&format!(
            "{:<16} {:<28} {:>14}\n",
            r.region.code(),
            name,
            money(v)
        ));
    }
    out
}

/// A line of a bill before and after (0 where the line is absent).
#[derive(Clone, Debug, PartialEq)]
pub struct LineChange {
    /// The line's label (after's, or before's when the line went).
    pub label: String,
    /// Before's label, where it read otherwise (other quantities).
    pub was: Option<String>,
    /// USD a month before.
    pub before_usd: f64,
    /// USD a month after.
    pub after_usd: f64,
}

/// One platform before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformChange {
    /// The platform.
    pub id: Platform,
    /// USD a month before (`None`: it could not run the workload).
    pub before_usd: Option<f64>,
    /// USD a month after.
    pub after_usd: Option<f64>,
    /// The lines whose figure changed, came or went.
    pub lines: Vec<LineChange>,
}

impl PlatformChange {
    /// After less before, where both are priced.
    pub fn delta_usd(&self) -> Option<f64> {
        Some(self.after_usd? - self.before_usd?)
    }
}

/// Two links compared: what was set differently, and each platform.
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// Each link setting that differs: key, before, after ("" = not set).
    pub settings: Vec<(String, String, String)>,
    /// Every platform, in [`Platform::ALL`] order.
    pub platforms: Vec<PlatformChange>,
}

/// A link's settings as key and value, `svc` rows numbered so each is
/// compared with its counterpart.
fn settings(s: &Scenario) -> Vec<(String, String)> {
    let mut svc = 0;
    s.to_query()
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        // The version, the open panel and the embed say how a link is
        // shown, not what it prices.
        .filter(|(k, _)| !matches!(*k, "v" | "tab" | "embed"))
        .map(|(k, v)| {
            let key = if k == "svc" {
                svc += 1;
                format!("svc #{svc}")
            } else {
                k.to_string()
            };
            (key, v.to_string())
        })
        .collect()
}

/// What a line bills for, without its quantities: the label up to its
/// first `: ` (`api: 2 × 1 vCPU …` is `api`'s line), with its kind.
fn line_key(l: &Line) -> (crate::cost::LineKind, &str) {
    (l.kind, l.label.split(": ").next().unwrap_or(&l.label))
}

/// Lines paired by what they bill for (the first unpaired of the same
/// key); unchanged lines are left out.
fn line_changes(before: &[Line], after: &[Line]) -> Vec<LineChange> {
    let mut used = vec![false; after.len()];
    let mut out: Vec<LineChange> = Vec::new();
    for b in before {
        let pair = after
            .iter()
            .enumerate()
            .find(|(i, a)| !used.get(*i).copied().unwrap_or(true) && line_key(a) == line_key(b));
        match pair {
            Some((i, a)) => {
                if let Some(u) = used.get_mut(i) {
                    *u = true;
                }
                out.push(LineChange {
                    label: a.label.clone(),
                    was: (a.label != b.label).then(|| b.label.clone()),
                    before_usd: b.monthly_usd,
                    after_usd: a.monthly_usd,
                });
            }
            None => out.push(LineChange {
                label: b.label.clone(),
                was: None,
                before_usd: b.monthly_usd,
                after_usd: 0.0,
            }),
        }
    }
    for (a, _) in after.iter().zip(&used).filter(|(_, u)| !**u) {
        out.push(LineChange {
            label: a.label.clone(),
            was: None,
            before_usd: 0.0,
            after_usd: a.monthly_usd,
        });
    }
    out.retain(|c| c.before_usd != c.after_usd);
    out
}

/// `after` against `before`.
pub fn diff(before: &Scenario, after: &Scenario) -> Diff {
    let (sb, sa) = (settings(before), settings(after));
    let mut changed: Vec<(String, String, String)> = Vec::new();
    let value = |list: &[(String, String)], key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    for (k, _) in sb.iter().chain(sa.iter()) {
        let (b, a) = (value(&sb, k), value(&sa, k));
        if b != a && !changed.iter().any(|(c, _, _)| c == k) {
            changed.push((k.clone(), b, a));
        }
    }
    let (rb, ra) = (cost::evaluate(before), cost::evaluate(after));
    let platforms = Platform::ALL
        .into_iter()
        .filter_map(|id| {
            let (b, a) = (rb.get(id)?, ra.get(id)?);
            Some(PlatformChange {
                id,
                before_usd: figure(b),
                after_usd: figure(a),
                lines: line_changes(&b.lines, &a.lines),
            })
        })
        .collect();
    Diff {
        settings: changed,
        platforms,
    }
}

/// A change in dollars with its sign (`+$12.00`, `−$3.50`, `$0.00`).
pub fn signed_usd(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", usd(v))
    } else if v < 0.0 {
        format!("−{}", usd(-v))
    } else {
        usd(0.0)
    }
}

impl PlatformChange {
    /// The row as text: platform, before, after, change (`—` where a side
    /// cannot run the workload).
    pub fn cells(&self) -> [String; 4] {
        [
            self.id.name().to_string(),
            money(self.before_usd),
            money(self.after_usd),
            self.delta_usd().map_or("—".to_string(), signed_usd),
        ]
    }
}

/// `{"settings": [{"key", "before", "after"}], "platforms": [{"id",
/// "before_usd", "after_usd", "delta_usd", "lines": [{"label",
/// "before_usd", "after_usd"}]}]}`.
pub fn diff_json(d: &Diff) -> String {
    let settings = d
        .settings
        .iter()
        .map(|(k, b, a)| {
            Json::Obj(vec![
                ("key", Json::Str(k.clone())),
                ("before", Json::Str(b.clone())),
                ("after", Json::Str(a.clone())),
            ])
        })
        .collect();
    let platforms = d
        .platforms
        .iter()
        .map(|c| {
            let lines = c
                .lines
                .iter()
                .map(|l| {
                    Json::Obj(vec![
                        ("label", Json::Str(l.label.clone())),
                        ("was", l.was.clone().map_or(Json::Null, Json::Str)),
                        ("before_usd", Json::Num(l.before_usd)),
                        ("after_usd", Json::Num(l.after_usd)),
                    ])
                })
                .collect();
            Json::Obj(vec![
                ("id", Json::Str(c.id.id().to_string())),
                ("before_usd", num(c.before_usd)),
                ("after_usd", num(c.after_usd)),
                ("delta_usd", num(c.delta_usd())),
                ("lines", Json::Arr(lines)),
            ])
        })
        .collect();
    Json::Obj(vec![
        ("settings", Json::Arr(settings)),
        ("platforms", Json::Arr(platforms)),
    ])
    .pretty()
}

/// The comparison as Markdown for a pull-request comment: the settings
/// that changed, the platforms' table, then each changed line.
pub fn diff_markdown(d: &Diff) -> String {
    let cell = |t: &str| t.replace('|', "\\|");
    let mut out = String::new();
    if d.settings.is_empty() {
        out.push_str("The two links set the same workload.\n\n");
    } else {
        out.push_str("**Changed:** ");
        let parts: Vec<String> = d
            .settings
            .iter()
            .map(|(k, b, a)| format!("`{k}` {} → {}", shown(b), shown(a)))
            .collect();
        out.push_str(&cell(&parts.join("; ")));
        out.push_str("\n\n");
    }
    out.push_str("| Platform | Before | After | Change |\n|---|---:|---:|---:|\n");
    for c in &d.platforms {
        let [name, before, after, change] = c.cells();
        out.push_str(&format!("| {name} | {before} | {after} | {change} |\n"));
    }
    for c in d.platforms.iter().filter(|c| !c.lines.is_empty()) {
        out.push_str(&format!(
            "\n<details><summary>{}: lines that changed</summary>\n\n",
            c.id.name()
        ));
        for l in &c.lines {
            let was = l
                .was
                .as_ref()
                .map_or(String::new(), |w| format!(" (was {w})"));
            out.push_str(&format!(
                "- {}{}: {} → {} ({})\n",
                cell(&l.label),
                cell(&was),
                usd(l.before_usd),
                usd(l.after_usd),
                signed_usd(l.after_usd - l.before_usd)
            ));
        }
        out.push_str("\n</details>\n");
    }
    out
}

/// A setting's value as shown: `(not set)` for none.
fn shown(v: &str) -> String {
    if v.is_empty() {
        "(not set)".to_string()
    } else {
        format!("`{v}`")
    }
}

/// A plain table of the platforms, then the changed settings and lines.
pub fn diff_table(d: &Diff) -> String {
    let mut out = format!(
        "{:<28} {:>14} {:>14} {:>14}\n",
        "platform", "before", "after", "change"
    );
    for c in &d.platforms {
        let [name, before, after, change] = c.cells();
        out.push_str(&format!(
            "{name:<28} {before:>14} {after:>14} {change:>14}\n"
        ));
    }
    for (k, b, a) in &d.settings {
        out.push_str(&format!("changed {k}: {} → {}\n", shown(b), shown(a)));
    }
    for c in &d.platforms {
        for l in &c.lines {
            out.push_str(&format!(
                "line {}: {}: {} → {}\n",
                c.id.id(),
                l.label,
                usd(l.before_usd),
                usd(l.after_usd)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
