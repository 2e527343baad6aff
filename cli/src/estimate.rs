//! `berth estimate`, `berth breakeven` and `berth prices`.

use berth_core::cost::{self, Platform, PlatformCost};
use berth_core::{audit, export, pricebook, region, Scenario};
use serde_json::json;

use crate::{decode, split_format};

/// Output formats of `estimate`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Table,
    Markdown,
    Csv,
}

fn parse_format(rest: &[String]) -> Result<(Vec<&String>, Format), String> {
    let (positional, name) = split_format(rest, &["json", "table", "markdown", "csv"])?;
    let format = match name {
        "table" => Format::Table,
        "markdown" => Format::Markdown,
        "csv" => Format::Csv,
        _ => Format::Json,
    };
    Ok((positional, format))
}

/// `berth estimate '<query>' [--format …]`.
pub fn estimate(rest: &[String]) -> Result<String, String> {
    let (positional, format) = parse_format(rest)?;
    let [input] = positional.as_slice() else {
        return Err("estimate takes one query or URL".to_string());
    };
    let (scenario, notices) = decode(input)?;
    let report = cost::evaluate(&scenario);
    Ok(match format {
        Format::Json => export::estimate_json(&scenario, &report, &notices),
        Format::Table => table(&report.platforms, &notices) + &audit_text(&scenario),
        Format::Markdown => export::estimate_markdown(&scenario, &report),
        Format::Csv => export::estimate_csv(&scenario, &report),
    })
}

fn table(platforms: &[PlatformCost], notices: &[berth_core::Notice]) -> String {
    let mut out = format!(
        "{:<28} {:>14}  {:<12} {}\n",
        "platform", "USD / month", "status", "capacity / reason"
    );
    for p in platforms {
        out.push_str(&format!(
            "{:<28} {:>14}  {:<12} {}\n",
            p.name,
            p.monthly_text(),
            p.status.key(),
            p.summary()
        ));
    }
    for n in notices {
        out.push_str(&format!("notice: {n}\n"));
    }
    out
}

fn audit_text(scenario: &Scenario) -> String {
    let Some(a) = audit::audit(scenario) else {
        return String::new();
    };
    let mut out = format!(
        "\nGuide audit ({}{}):\n",
        a.preset,
        if a.modified { ", workload changed" } else { "" }
    );
    for r in a.rows {
        let mark = if r.agrees { "agrees" } else { "DIFFERS" };
        out.push_str(&format!(
            "  {:<36} guide {:<18} berth {:<28} {mark}\n    {}\n",
            r.topic, r.guide, r.berth, r.explanation
        ));
    }
    out
}

/// `berth breakeven '<query>' <a> <b> [--max N]`.
pub fn breakeven(rest: &[String]) -> Result<String, String> {
    let mut max = 2000u32;
    let mut positional = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        if arg == "--max" {
            let text = it.next().ok_or("--max needs a number")?;
            max = text
                .parse()
                .ok()
                .filter(|m| (1..=1_000_000).contains(m))
                .ok_or("--max must be 1 to 1,000,000")?;
        } else {
            positional.push(arg);
        }
    }
    let [input, a, b] = positional.as_slice() else {
        return Err("breakeven takes a query and two platform ids".to_string());
    };
    let platform = |id: &str| {
        Platform::from_id(id).ok_or_else(|| format!("unknown platform {id}; one of: {}", ids()))
    };
    let (a, b) = (platform(a)?, platform(b)?);
    let (scenario, _) = decode(input)?;
    let result = cost::breakeven(&scenario, a, b, max);
    let value = json!({
        "a": a.id(), "b": b.id(), "max_tasks": max,
        "crossovers": result.crossovers.iter().map(|c| json!({"tasks": c.tasks, "cheaper": c.cheaper.id()})).collect::<Vec<_>>(),
    });
    Ok(format!(
        "{}\n",
        serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
    ))
}

fn ids() -> String {
    Platform::ALL
        .iter()
        .map(|p| p.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `berth prices [region]`: every rate with its unit, date and source.
pub fn prices(rest: &[String]) -> Result<String, String> {
    let code = rest.first().map_or(region::DEFAULT_REGION, String::as_str);
    let region =
        region::RegionId::from_code(code).ok_or_else(|| format!("unknown region {code}"))?;
    let mut out = String::from("key\tvalue\tunit\tas_of\tconfidence\tderived\tsource\n");
    for r in pricebook::rates_for_region(region) {
        let p = r.provenance;
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.key,
            r.value,
            r.unit,
            p.as_of,
            p.confidence.key(),
            p.derived,
            p.source()
        ));
    }
    Ok(out)
}
