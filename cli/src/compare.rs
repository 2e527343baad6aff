//! `berth regions` (one workload in every region) and `berth diff` (two
//! links compared), printing what `berth_core::compare` computes.

use berth_core::compare;
use berth_core::cost::Platform;

use crate::{decode, split_format};

/// `berth regions '<link>' [--platform ID] [--format table|json|markdown]`.
pub(crate) fn regions(rest: &[String]) -> Result<String, String> {
    let (positional, format) = split_format(rest, &["table", "json", "markdown"])?;
    let mut platform = None;
    let mut links = Vec::new();
    let mut it = positional.into_iter();
    while let Some(arg) = it.next() {
        if arg == "--platform" {
            let id = it.next().map_or("", String::as_str);
            let ids: Vec<&str> = Platform::ALL.iter().map(|p| p.id()).collect();
            platform = Some(Platform::from_id(id).ok_or_else(|| {
                format!("--platform must be one of {}, not {id}", ids.join(", "))
            })?);
        } else {
            links.push(arg);
        }
    }
    let [input] = links.as_slice() else {
        return Err("regions takes one query or URL".to_string());
    };
    let (scenario, notices) = decode(input)?;
    let rows = compare::regions(&scenario, platform);
    let mut out = match format {
        "json" => compare::regions_json(&rows),
        "markdown" => compare::regions_markdown(&rows),
        _ => compare::regions_table(&rows),
    };
    append_notices(&mut out, format, &[("", notices)]);
    Ok(out)
}

/// `berth diff '<link-a>' '<link-b>' [--format table|json|markdown]`.
pub(crate) fn diff(rest: &[String]) -> Result<String, String> {
    let (positional, format) = split_format(rest, &["table", "json", "markdown"])?;
    let [a, b] = positional.as_slice() else {
        return Err("diff takes two queries or URLs: before, then after".to_string());
    };
    let ((before, na), (after, nb)) = (decode(a)?, decode(b)?);
    let d = compare::diff(&before, &after);
    let mut out = match format {
        "json" => compare::diff_json(&d),
        "markdown" => compare::diff_markdown(&d),
        _ => compare::diff_table(&d),
    };
    append_notices(&mut out, format, &[("before: ", na), ("after: ", nb)]);
    Ok(out)
}

/// The links' notices after the output (JSON stays one document), each
/// with the name of its link.
fn append_notices(out: &mut String, format: &str, links: &[(&str, Vec<berth_core::Notice>)]) {
    if format == "json" {
        return;
    }
    for (which, notices) in links {
        for n in notices {
            out.push_str(&format!("notice: {which}{n}\n"));
        }
    }
}
