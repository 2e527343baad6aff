//! berth-tools: what the web app does only when asked, in a wasm module of
//! its own that the page loads on first use (`scripts/tools-build` builds
//! it; the page's `berthTool` loader imports it), so the first load never
//! carries the YAML and JSON parsers or the export writers:
//! - import: manifests, task definitions and compose files (berth-import)
//!   into the link to open, with a report;
//! - export: the estimate's CSV and JSON files (berth-core's `export`, the
//!   CLI's very files);
//! - every region and compare: berth-core's `compare`, as markup.
//!
//! The markup is written here, from core's figures (no arithmetic), and
//! tested natively; the wasm bindings in `web` fetch the price book's files
//! the page names and call it.

pub mod markup;

#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod web;

use berth_core::{cost, export, Notice, Scenario};
use berth_import::{Options, Source};

/// Separates a notice's field from its message in the text the page
/// passes (one notice a line).
pub const NOTICE_SEP: char = '\u{1f}';

/// The page's notices from their text form.
pub fn notices_from(text: &str) -> Vec<Notice> {
    text.lines()
        .filter_map(|l| l.split_once(NOTICE_SEP))
        .map(|(field, message)| Notice {
            field: field.to_string(),
            message: message.to_string(),
        })
        .collect()
}

/// The export file of `format` (`csv` or `json`) for the page's link.
pub fn export_file(query: &str, notices: &str, format: &str) -> String {
    let (scenario, _) = Scenario::from_query(query);
    let report = cost::evaluate(&scenario);
    match format {
        "csv" => export::estimate_csv(&scenario, &report),
        _ => export::estimate_json(&scenario, &report, &notices_from(notices)),
    }
}

/// What an import answers the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The link to open; `None` when nothing could be imported.
    pub link: Option<String>,
    /// The report's markup.
    pub report: String,
}

/// Imports `files` (name, text) over the page's link.
pub fn import_files(query: &str, files: &[(String, String)]) -> Imported {
    let (base, _) = Scenario::from_query(query);
    let sources: Vec<Source<'_>> = files
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    match berth_import::import(&sources, &base, Options::default()) {
        Ok(imported) if !imported.scenario.services.is_empty() => Imported {
            link: Some(imported.scenario.to_query()),
            report: markup::import_report(&imported, None),
        },
        Ok(imported) => Imported {
            link: None,
            report: markup::import_report(
                &imported,
                Some("Nothing to import: no workload in the files could be sized."),
            ),
        },
        Err(e) => Imported {
            link: None,
            report: markup::import_error(&e.to_string()),
        },
    }
}

#[cfg(test)]
mod tests;
