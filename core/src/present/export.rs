//! Exports of an estimate — JSON, CSV and Markdown — shared by the CLI
//! (`berth estimate --format …`) and the web app's Export buttons, so the
//! two give byte-identical files. A small JSON writer keeps a JSON library
//! out of the WebAssembly bundle.

use crate::audit;
use crate::cost::{CostReport, PlatformCost};
use crate::decimal::{fixed, shortest};
use crate::notice::Notice;
use crate::pricebook;
use crate::scenario::Scenario;

/// A JSON value, just enough for the exports.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A finite number (non-finite numbers are written as `null`).
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in the order given.
    Obj(Vec<(&'static str, Json)>),
}

impl Json {
    /// Pretty-printed with two-space indentation and a final newline.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, d: usize| out.extend(std::iter::repeat_n("  ", d));
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) if n.is_finite() => out.push_str(&shortest(*n)),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    pad(out, depth + 1);
                    item.write(out, depth + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                pad(out, depth);
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push_str("{\n");
                for (i, (key, value)) in fields.iter().enumerate() {
                    pad(out, depth + 1);
                    write_str(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn s(text: impl Into<String>) -> Json {
    Json::Str(text.into())
}

fn opt(text: &Option<String>) -> Json {
    text.as_ref().map_or(Json::Null, |t| s(t.clone()))
}

fn platform(p: &PlatformCost) -> Json {
    let capacity = p.capacity.as_ref().map_or(Json::Null, |c| {
        Json::Obj(vec![
            ("instance_type", s(c.instance_type.clone())),
            ("instances", Json::Num(c.instances as f64)),
            ("tasks_per_instance", Json::Num(c.tasks_per_instance as f64)),
            ("cpu_utilization", Json::Num(c.cpu_utilization)),
            ("memory_utilization", Json::Num(c.memory_utilization)),
        ])
    });
    Json::Obj(vec![
        ("id", s(p.id.id())),
        ("name", s(p.name)),
        ("status", s(p.status.key())),
        ("monthly_usd", Json::Num(p.monthly_usd)),
        ("reason", opt(&p.reason)),
        (
            "lines",
            Json::Arr(
                p.lines
                    .iter()
                    .map(|l| {
                        Json::Obj(vec![
                            ("label", s(l.label.clone())),
                            ("monthly_usd", Json::Num(l.monthly_usd)),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("capacity", capacity),
        (
            "notes",
            Json::Arr(p.notes.iter().map(|n| s(n.clone())).collect()),
        ),
    ])
}

fn audit_json(scenario: &Scenario) -> Json {
    audit::audit(scenario).map_or(Json::Null, |a| {
        Json::Obj(vec![
            ("preset", s(a.preset)),
            ("modified", Json::Bool(a.modified)),
            (
                "rows",
                Json::Arr(
                    a.rows
                        .into_iter()
                        .map(|r| {
                            Json::Obj(vec![
                                ("topic", s(r.topic)),
                                ("guide", s(r.guide)),
                                ("berth", s(r.berth)),
                                ("agrees", Json::Bool(r.agrees)),
                                ("explanation", s(r.explanation)),
                            ])
                        })
                        .collect(),
                ),
            ),
        ])
    })
}

/// The estimate as JSON: `{query, region, data_as_of, notices, platforms, audit}`.
pub fn estimate_json(scenario: &Scenario, report: &CostReport, notices: &[Notice]) -> String {
    Json::Obj(vec![
        ("query", s(scenario.to_query())),
        ("region", s(report.region.code())),
        ("data_as_of", s(pricebook::DATA_AS_OF)),
        (
            "notices",
            Json::Arr(
                notices
                    .iter()
                    .map(|n| {
                        Json::Obj(vec![
                            ("field", s(n.field.clone())),
                            ("message", s(n.message.clone())),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "platforms",
            Json::Arr(report.platforms.iter().map(platform).collect()),
        ),
        ("audit", audit_json(scenario)),
    ])
    .pretty()
}

/// The estimate as CSV: one row per platform.
pub fn estimate_csv(report: &CostReport) -> String {
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let mut out = String::from("id,name,status,monthly_usd,summary\n");
    for p in &report.platforms {
        out.push_str(&format!(
            "{},{},{},{},{}\n",
            p.id.id(),
            quote(p.name),
            p.status.key(),
            fixed(p.monthly_usd, 2),
            quote(&p.summary())
        ));
    }
    out
}

/// The estimate as a Markdown table, ready to paste into documentation.
pub fn estimate_markdown(scenario: &Scenario, report: &CostReport) -> String {
    let cell = |t: &str| t.replace('|', "\\|");
    let mut out = String::from(
        "| Platform | USD / month | Status | Capacity / reason |\n|---|---:|---|---|\n",
    );
    for p in &report.platforms {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            p.name,
            p.monthly_text(),
            p.status.key(),
            cell(&p.summary())
        ));
    }
    out.push_str(&format!(
        "\nComputed by Berth from `?{}` with the price book as of {}.\n",
        scenario.to_query(),
        pricebook::DATA_AS_OF
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost;

    #[test]
    fn json_escapes_and_nests() {
        let j = Json::Obj(vec![
            ("a", s("x\"<\n")),
            ("b", Json::Arr(vec![Json::Num(1.5), Json::Null])),
            ("c", Json::Num(f64::NAN)),
        ]);
        assert_eq!(
            j.pretty(),
            "{\n  \"a\": \"x\\\"<\\n\",\n  \"b\": [\n    1.5,\n    null\n  ],\n  \"c\": null\n}\n"
        );
    }

    #[test]
    fn the_estimate_names_every_platform_and_its_total() {
        let (scenario, notices) = Scenario::from_query("preset=guide-small&zz=1");
        let report = cost::evaluate(&scenario);
        let json = estimate_json(&scenario, &report, &notices);
        assert!(json.contains("\"query\": \"v=1&preset=guide-small\""));
        assert!(json.contains("\"id\": \"ecs-ec2\"") && json.contains("\"monthly_usd\": 9060"));
        assert!(json.contains("\"field\": \"zz\""));
        assert!(json.contains("\"topic\": \"EC2 instances\""));
        let csv = estimate_csv(&report);
        assert_eq!(csv.lines().count(), 10);
        assert!(csv.contains(
            "ecs-ec2,\"ECS on EC2\",ok,9060.00,\"125 × m5.large, CPU 100%, memory 50%\""
        ));
    }
}
