//! `berth simulate`: a day of the link's traffic on every platform, as JSON
//! (one object per platform) or CSV (the per-minute series).

use berth_core::perf::{self, PlatformRun, Simulation};
use berth_core::Notice;
use serde_json::{json, Value};

use crate::{decode, split_format};

/// Output formats of `simulate`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

/// `berth simulate '<query>' [--format json|csv] [--series]`.
pub fn simulate(rest: &[String]) -> Result<String, String> {
    let (mut positional, name) = split_format(rest, &["json", "csv"])?;
    let format = if name == "csv" {
        Format::Csv
    } else {
        Format::Json
    };
    let series = positional.iter().any(|a| *a == "--series");
    positional.retain(|a| *a != "--series");
    let [input] = positional.as_slice() else {
        return Err("simulate takes one query or URL".to_string());
    };
    let (scenario, notices) = decode(input)?;
    let sim = perf::simulate(&scenario, &scenario.sim);
    match format {
        Format::Json => json_text(
            &scenario.to_query(),
            scenario.region.code(),
            &notices,
            &sim,
            series,
        ),
        Format::Csv => Ok(csv(&sim)),
    }
}

/// A JSON object with its keys in the given order, pretty-printed at
/// `indent` spaces (a `serde_json::Value` object would sort them).
fn ordered(pairs: &[(&str, Value)], indent: usize) -> Result<String, String> {
    let pad = " ".repeat(indent + 2);
    let mut fields = Vec::new();
    for (key, value) in pairs {
        let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
        fields.push(format!(
            "{pad}\"{key}\": {}",
            text.replace('\n', &format!("\n{pad}"))
        ));
    }
    Ok(format!(
        "{{\n{}\n{}}}",
        fields.join(",\n"),
        " ".repeat(indent)
    ))
}

fn platform(p: &PlatformRun, series: bool) -> Result<String, String> {
    let ok = p.reason.is_none();
    let num = |v: f64| if ok { json!(v) } else { Value::Null };
    let mut pairs = vec![
        ("id", json!(p.id.id())),
        ("name", json!(p.name)),
        ("status", json!(if ok { "ok" } else { "unavailable" })),
        ("reason", json!(p.reason)),
        ("unserved_pct", num(p.unserved_pct)),
        (
            "minutes_over_capacity",
            if ok {
                json!(p.minutes_over_capacity)
            } else {
                Value::Null
            },
        ),
        (
            "peak_tasks",
            if ok { json!(p.peak_tasks) } else { Value::Null },
        ),
        ("peak_instances", json!(p.peak_instances)),
        ("cost_usd_day", num(p.cost_usd_day)),
        ("cost_usd_month", num(p.cost_usd_month)),
        ("headroom_for_target_pct", json!(p.headroom_for_target_pct)),
        ("headroom_cost_usd_month", json!(p.headroom_cost_usd_month)),
        ("notes", json!(p.notes)),
    ];
    if series && ok {
        pairs.push((
            "series",
            serde_json::to_value(&p.series).map_err(|e| e.to_string())?,
        ));
    }
    ordered(&pairs, 4)
}

fn json_text(
    query: &str,
    region: &str,
    notices: &[Notice],
    sim: &Simulation,
    series: bool,
) -> Result<String, String> {
    let notices: Vec<_> = notices
        .iter()
        .map(|n| json!({"field": n.field, "message": n.message}))
        .collect();
    let platforms = sim
        .platforms
        .iter()
        .map(|p| platform(p, series).map(|text| format!("    {text}")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut pairs = vec![
        ("query", json!(query)),
        ("region", json!(region)),
        ("service", json!(sim.service)),
        (
            "inputs",
            serde_json::to_value(&sim.inputs).map_err(|e| e.to_string())?,
        ),
        ("unserved_target_pct", json!(perf::UNSERVED_TARGET_PCT)),
        ("notices", json!(notices)),
    ];
    if series {
        pairs.push(("demand_rps", json!(sim.demand_rps)));
    }
    let head = ordered(&pairs, 0)?;
    let head = head.strip_suffix("\n}").unwrap_or(&head);
    Ok(format!(
        "{head},\n  \"platforms\": [\n{}\n  ]\n}}\n",
        platforms.join(",\n")
    ))
}

/// The series, one row per platform and minute (platforms that cannot run
/// the shape are left out).
fn csv(sim: &Simulation) -> String {
    let mut out = String::from(
        "platform,minute,demand_rps,tasks,ready_tasks,capacity_rps,instances,unserved_rps\n",
    );
    for p in sim.platforms.iter().filter(|p| p.reason.is_none()) {
        let s = &p.series;
        for (m, demand) in sim.demand_rps.iter().enumerate() {
            let at = |v: &[f64]| v.get(m).map_or(String::new(), |x| format!("{x}"));
            out.push_str(&format!(
                "{},{m},{demand},{},{},{},{},{}\n",
                p.id.id(),
                at(&s.tasks),
                at(&s.ready_tasks),
                at(&s.capacity_rps),
                at(&s.instances),
                at(&s.unserved_rps)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
