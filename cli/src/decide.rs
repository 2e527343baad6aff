//! `berth decide`: the decision engine's answer as JSON or markdown.

use berth_core::cost::usd;
use berth_core::decide::{self, Decision};
use berth_core::{pricebook, Notice};

use crate::{decode, split_format};

/// Output formats of `decide`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Markdown,
}

/// `berth decide '<query>' [--format json|markdown]`.
pub fn decide(rest: &[String]) -> Result<String, String> {
    let (positional, name) = split_format(rest, &["json", "markdown"])?;
    let format = if name == "markdown" {
        Format::Markdown
    } else {
        Format::Json
    };
    let [input] = positional.as_slice() else {
        return Err("decide takes one query or URL".to_string());
    };
    let (scenario, notices) = decode(input)?;
    let decision = decide::decide(&scenario);
    let query = scenario.to_query();
    Ok(match format {
        Format::Json => json_text(&query, &notices, &decision)?,
        Format::Markdown => markdown(&query, &decision, scenario.region),
    })
}

/// The decision as pretty JSON: the normalised query and the notices,
/// then the decision's own fields in the engine's order (serde's `flatten`
/// keeps them where they are).
fn json_text(query: &str, notices: &[Notice], d: &Decision) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct NoticeJson<'a> {
        field: &'a str,
        message: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Out<'a> {
        query: &'a str,
        notices: Vec<NoticeJson<'a>>,
        #[serde(flatten)]
        decision: &'a Decision,
    }
    let out = Out {
        query,
        notices: notices
            .iter()
            .map(|n| NoticeJson {
                field: &n.field,
                message: &n.message,
            })
            .collect(),
        decision: d,
    };
    serde_json::to_string_pretty(&out)
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn markdown(query: &str, d: &Decision, region: berth_core::region::RegionId) -> String {
    let mut out = format!(
        "## The reference guide's rule\n\n`choose_container_platform` answers **{}** ({}).\n\n",
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
    if !d.unpriced.is_empty() {
        out.push_str("\n## No price in this region yet\n\nNot ruled out: the price book has no figure for these here.\n\n");
        for e in &d.unpriced {
            let why: Vec<&str> = e.reasons.iter().map(|r| r.reason.as_str()).collect();
            out.push_str(&format!("- {}: {}\n", e.name, cell(&why.join("; "))));
        }
    }
    if !d.ranking.is_empty() {
        out.push_str("\n## What would change the answer\n\n");
    }
    for f in &d.flips {
        out.push_str(&format!("- {}.\n", f.text));
    }
    for (rank, r) in d.ranking.iter().take(2).enumerate() {
        // A flip that makes the second first covers it, whichever card says it.
        let said = d
            .flips
            .iter()
            .any(|f| f.rank == rank + 1 || (rank == 1 && f.new_first == r.id));
        if !said {
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
        "\nComputed by Berth from `?{query}` with the price book as of {} for {region}.\n",
        pricebook::data_as_of(region)
    ));
    out
}

#[cfg(test)]
mod tests;
