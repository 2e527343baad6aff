//! Exports of an estimate — JSON, CSV and Markdown — shared by the CLI
//! (`berth estimate --format …`) and the web app's Export buttons, so the
//! two give byte-identical files. A small JSON writer keeps a JSON library
//! out of the WebAssembly bundle.

use crate::audit;
use crate::cost::{AsOf, CostReport, PlatformCost, Status};
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
                            ("kind", s(l.kind.key())),
                            ("label", s(l.label.clone())),
                            ("monthly_usd", Json::Num(l.monthly_usd)),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("upfront_usd", Json::Num(p.upfront_usd)),
        ("total_1y_usd", Json::Num(p.total_1y_usd)),
        ("total_3y_usd", Json::Num(p.total_3y_usd)),
        ("capacity", capacity),
        (
            "notes",
            Json::Arr(p.notes.iter().map(|n| s(n.clone())).collect()),
        ),
        ("as_of", as_of_json(&p.as_of)),
    ])
}

fn as_of_json(list: &[AsOf]) -> Json {
    Json::Arr(
        list.iter()
            .map(|a| {
                Json::Obj(vec![
                    ("kind", s(a.kind)),
                    ("oldest", s(a.oldest)),
                    ("newest", s(a.newest)),
                ])
            })
            .collect(),
    )
}

/// The as-of dates of every figure the report's platforms used, per kind.
fn report_as_of(report: &CostReport) -> Vec<AsOf> {
    AsOf::merge(report.platforms.iter().map(|p| p.as_of.as_slice()))
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

/// The estimate as JSON: `{query, region, data_as_of, figures_as_of,
/// assumptions, notices, platforms, audit}`.
pub fn estimate_json(scenario: &Scenario, report: &CostReport, notices: &[Notice]) -> String {
    Json::Obj(vec![
        ("query", s(scenario.to_query())),
        ("region", s(report.region.code())),
        ("data_as_of", s(pricebook::data_as_of(report.region))),
        ("figures_as_of", as_of_json(&report_as_of(report))),
        (
            "assumptions",
            Json::Arr(scenario.assumptions().into_iter().map(s).collect()),
        ),
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

/// The estimate as CSV: per platform, a `total` row, with the dates of
/// the figures it used and the assumptions in force (the same on every
/// row, so each row reads alone), then one row per line of its bill with
/// the line's kind (`docs/cost-lines.md`); the lines add up to the total.
/// The total row ends with the commitments' upfront payment and the 1- and
/// 3-year totals. An unavailable platform has no figure, only its reason
/// in `summary`.
pub fn estimate_csv(scenario: &Scenario, report: &CostReport) -> String {
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let assumptions = scenario.assumptions_line("; ");
    let mut out =
        String::from("id,name,status,kind,monthly_usd,summary,figures_as_of,assumptions,upfront_usd,total_1y_usd,total_3y_usd\n");
    for p in &report.platforms {
        let money = |v: f64| match p.status {
            Status::Unavailable => String::new(),
            _ => fixed(v, 2),
        };
        let monthly = money(p.monthly_usd);
        let head = format!("{},{},{}", p.id.id(), quote(p.name), p.status.key());
        out.push_str(&format!(
            "{head},total,{monthly},{},{},{},{},{},{}\n",
            quote(&p.summary()),
            quote(&AsOf::line(&p.as_of)),
            quote(&assumptions),
            money(p.upfront_usd),
            money(p.total_1y_usd),
            money(p.total_3y_usd)
        ));
        for l in &p.lines {
            out.push_str(&format!(
                "{head},{},{},{},,,,,\n",
                l.kind.key(),
                fixed(l.monthly_usd, 2),
                quote(&l.label)
            ));
        }
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
        "\nComputed by Berth from `?{}` in {}, with figures as of {}.\n",
        scenario.to_query(),
        report.region.code(),
        AsOf::line(&report_as_of(report))
    ));
    for a in scenario.assumptions() {
        out.push_str(&format!("\n- {}", cell(&a)));
    }
    if !scenario.assumptions().is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
