//! `berth decide`: the decision engine's answer as JSON or markdown.

use berth_core::cost::usd;
use berth_core::decide::{self, Decision};
use berth_core::{pricebook, Notice};
use serde_json::json;

use crate::decode;

/// Output formats of `decide`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Markdown,
}

/// `berth decide '<query>' [--format json|markdown]`.
pub fn decide(rest: &[String]) -> Result<String, String> {
    let mut positional = Vec::new();
    let mut format = Format::Json;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        if arg == "--format" {
            format = match it.next().map(String::as_str) {
                Some("json") => Format::Json,
                Some("markdown") => Format::Markdown,
                other => {
                    return Err(format!(
                        "--format must be json or markdown, not {}",
                        other.unwrap_or("nothing")
                    ))
                }
            };
        } else {
            positional.push(arg);
        }
    }
    let [input] = positional.as_slice() else {
        return Err("decide takes one query or URL".to_string());
    };
    let (scenario, notices) = decode(input)?;
    let decision = decide::decide(&scenario);
    let query = scenario.to_query();
    Ok(match format {
        Format::Json => json_text(&query, &notices, &decision)?,
        Format::Markdown => markdown(&query, &decision),
    })
}

/// The decision as pretty JSON, after the normalised query and the
/// notices. Written by hand around serde_json's output so that keys keep the
/// engine's order (a `serde_json::Value` would sort them).
fn json_text(query: &str, notices: &[Notice], d: &Decision) -> Result<String, String> {
    let err = |e: serde_json::Error| e.to_string();
    let notices: Vec<_> = notices
        .iter()
        .map(|n| json!({"field": n.field, "message": n.message}))
        .collect();
    let body = serde_json::to_string_pretty(d).map_err(err)?;
    let body = body
        .strip_prefix("{\n")
        .ok_or("the decision did not serialise to an object")?;
    // Pretty JSON never holds a raw newline inside a string, so indenting
    // after each newline indents lines only.
    let notices = serde_json::to_string_pretty(&notices)
        .map_err(err)?
        .replace('\n', "\n  ");
    let query = serde_json::to_string(query).map_err(err)?;
    Ok(format!(
        "{{\n  \"query\": {query},\n  \"notices\": {notices},\n{body}\n"
    ))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn markdown(query: &str, d: &Decision) -> String {
    let mut out = format!(
        "## The document's rule\n\n`choose_container_platform` answers **{}** ({}).\n\n",
        d.guide_rule.platform,
        d.guide_rule.path.join("; ")
    );
    if let Some(modern) = &d.guide_rule.modern {
        out.push_str(&format!("{modern}.\n\n"));
    }
    let m = &d.guide_matrix;
    match m.row {
        Some(row) => {
            let cells: Vec<String> = m
                .cells
                .0
                .iter()
                .map(|(c, v)| format!("{c}: {}", v.key()))
                .collect();
            out.push_str(&format!("Matrix row *{row}*: {}.\n\n", cells.join(", ")));
        }
        None => out.push_str(&format!("Matrix: {}.\n\n", m.note.unwrap_or("no row"))),
    }
    out.push_str(
        "## Ranking\n\n| # | Platform | Score | USD / month | Why |\n|---:|---|---:|---:|---|\n",
    );
    if d.ranking.is_empty() {
        out.push_str("| — | No platform can take this workload with these requirements | | | |\n");
    }
    for (i, r) in d.ranking.iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {:.2} | {} | {} |\n",
            i + 1,
            r.name,
            r.score,
            usd(r.monthly_usd),
            cell(&r.reasons.join("; "))
        ));
    }
    out.push_str("\n## Ruled out\n\n| Platform | Why | Source |\n|---|---|---|\n");
    for e in &d.excluded {
        for r in &e.reasons {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                e.name,
                cell(&r.reason),
                cell(r.source)
            ));
        }
    }
    if !d.ranking.is_empty() {
        out.push_str("\n## What would change the answer\n\n");
    }
    for f in &d.flips {
        out.push_str(&format!("- {}.\n", f.text));
    }
    for (rank, r) in d.ranking.iter().take(2).enumerate() {
        if !d.flips.iter().any(|f| f.rank == rank + 1) {
            let what = if rank == 0 { "moves" } else { "puts" };
            let place = if rank == 0 {
                "out of first place"
            } else {
                "first"
            };
            out.push_str(&format!(
                "- No single change of requirements {what} {} {place}.\n",
                r.name
            ));
        }
    }
    out.push_str(&format!(
        "\nComputed by Berth from `?{query}` with the price book as of {}.\n",
        pricebook::DATA_AS_OF
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::args;

    fn json(query: &str) -> serde_json::Value {
        serde_json::from_str(&decide(&args(&[query])).unwrap()).unwrap()
    }

    #[test]
    fn json_has_the_issue_shape() {
        let v = json("svc=a~1~17~8&cost=critical");
        assert_eq!(v["guide_rule"]["platform"], "ECS with EC2");
        assert!(v["guide_rule"]["path"].is_array());
        assert_eq!(v["guide_matrix"]["row"], "Simple web apps");
        assert_eq!(v["guide_matrix"]["cells"]["ECS Fargate"], "yes");
        assert_eq!(v["guide_matrix"]["cells"]["ECS EC2"], "no");
        let excluded = v["excluded"].as_array().unwrap();
        let fargate = excluded.iter().find(|e| e["id"] == "ecs-fargate").unwrap();
        assert_eq!(fargate["reasons"][0]["constraint"], "size");
        assert!(fargate["reasons"][0]["source"]
            .as_str()
            .unwrap()
            .starts_with("https://"));
        let first = &v["ranking"][0];
        assert!(first["id"].is_string() && first["score"].is_number());
        for c in ["ops", "cost", "fit", "skills", "isolation", "scaling"] {
            assert!(first["criteria"][c].is_number(), "{c}");
        }
        assert!(first["reasons"][0].is_string());
        assert!(v["flips"].is_array());
        assert!(v["notices"].as_array().unwrap().is_empty());
    }

    #[test]
    fn json_keeps_the_engine_key_order_and_lists_notices() {
        let out = decide(&args(&["gpu=maybe"])).unwrap();
        let at = |key: &str| out.find(key).unwrap();
        assert!(at("\"query\"") < at("\"guide_rule\""));
        assert!(at("\"guide_rule\"") < at("\"guide_matrix\""));
        assert!(at("\"excluded\"") < at("\"ranking\"") && at("\"ranking\"") < at("\"flips\""));
        assert!(at("\"ECS EC2\"") < at("\"App Runner\": \""));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["notices"][0]["field"], "gpu");
    }

    #[test]
    fn markdown_lists_the_rule_ranking_and_exclusions() {
        let out = decide(&args(&["use=web&ops=minimal", "--format", "markdown"])).unwrap();
        assert!(out.contains("answers **App Runner**"), "{out}");
        assert!(out.contains("## Ranking") && out.contains("## Ruled out"));
        assert!(out.contains("apprunner-availability-change"));
    }

    #[test]
    fn misuse_is_an_error() {
        assert!(decide(&args(&[])).is_err());
        assert!(decide(&args(&["a", "b"])).is_err());
        assert!(decide(&args(&["v=1", "--format", "csv"])).is_err());
    }
}
