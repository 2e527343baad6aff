//! `berth import FILE...`: Kubernetes manifests, ECS task definitions and
//! compose files read into a Berth link (berth-import, the code the web
//! app loads when a user imports). The link goes to stdout, what the
//! reader decided and skipped to stderr, so `berth import k8s/*.yaml |
//! xargs berth estimate` prices a repository's manifests.

use std::io::Read;

use berth_import::{Imported, Options, Source};

use crate::{decode, MAX_INPUT_BYTES};

/// What `import` prints: the link for stdout and the report for stderr.
pub(crate) struct Printed {
    pub link: String,
    pub report: String,
}

/// `berth import FILE... [--tasks N] [--base '<link>']`.
pub(crate) fn import(rest: &[String]) -> Result<Printed, String> {
    let mut files = Vec::new();
    let mut options = Options::default();
    let mut base_link = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--tasks" => {
                let n = it.next().ok_or("--tasks takes a number of tasks")?;
                let n = berth_core::Service::parse_tasks(n)?;
                options.ecs_tasks = Some(n);
            }
            "--base" => base_link = Some(it.next().ok_or("--base takes a link")?.clone()),
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        return Err("import takes one or more files (- for standard input)".to_string());
    }
    let mut texts = Vec::new();
    for f in &files {
        texts.push((f.clone(), read_file(f)?));
    }
    let (base, notices) = match &base_link {
        Some(link) => decode(link)?,
        None => Default::default(),
    };
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    let imported = berth_import::import(&sources, &base, options).map_err(|e| e.to_string())?;
    let mut report = String::new();
    for n in notices {
        report.push_str(&format!("notice: --base: {n}\n"));
    }
    report.push_str(&report_text(&imported));
    if imported.scenario.services.is_empty() {
        return Err(format!(
            "{report}nothing to import: no workload could be sized"
        ));
    }
    // A full URL as base gives a full URL back, on the same page.
    let page = base_link
        .as_deref()
        .and_then(|l| l.split_once('?').map(|(page, _)| page))
        .filter(|p| !p.is_empty());
    let query = imported.scenario.to_query();
    let link = match page {
        Some(p) => format!("{p}?{query}\n"),
        None => format!("{query}\n"),
    };
    Ok(Printed { link, report })
}

/// The report: services imported, notes, then what was skipped.
pub(crate) fn report_text(i: &Imported) -> String {
    let mut out = String::new();
    for s in &i.services {
        out.push_str(&format!("imported {s}\n"));
    }
    for n in &i.notes {
        out.push_str(&format!("note {n}\n"));
    }
    for s in &i.skipped {
        out.push_str(&format!("skipped {s}\n"));
    }
    out
}

fn read_file(name: &str) -> Result<String, String> {
    let mut text = String::new();
    let read = if name == "-" {
        std::io::stdin()
            .take(MAX_INPUT_BYTES as u64 + 1)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(name)
            .and_then(|f| f.take(MAX_INPUT_BYTES as u64 + 1).read_to_string(&mut text))
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!("{name}: longer than 1 MiB"));
    }
    Ok(text)
}
