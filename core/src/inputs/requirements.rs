//! Requirements: what the workload needs from a platform, as the decision
//! engine reads them, and the table that maps each to its URL key.
//!
//! Like [`crate::options`], each requirement is one row of [`FIELDS`]: its
//! key, how to read it from text and how to write it, so the codec and any
//! form read and write a key the same way.
//!
//! Defaults, chosen so that a link without requirements shows a useful first
//! answer for the default workload (one small web service): `use=web` (the
//! reference document's first row), `k8s=0`, `ops=moderate` (a team that
//! runs some infrastructure but does not want to run servers for its own
//! sake), `cost=balanced`, `cx=low`, and every yes/no requirement `0`.
//! With these the document's rule answers "ECS with Fargate".

mod levels;

use serde::{Deserialize, Serialize};

use crate::field::choose;
use crate::text::clip;

pub use levels::{Complexity, CostPriority, Ops, UseCase};

/// What the workload needs from a platform. The yes/no fields are `0|1` in
/// links.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirements {
    /// The use case (`use`).
    #[serde(rename = "use")]
    pub use_case: UseCase,
    /// Kubernetes is required (`k8s`).
    pub k8s: bool,
    /// Operational overhead the team accepts (`ops`).
    pub ops: Ops,
    /// How much cost matters (`cost`).
    pub cost: CostPriority,
    /// Application complexity (`cx`).
    pub cx: Complexity,
    /// Needs GPUs (`gpu`).
    pub gpu: bool,
    /// Runs Windows containers (`win`).
    pub win: bool,
    /// Needs privileged containers, host access or daemonsets (`priv`).
    #[serde(rename = "priv")]
    pub privileged: bool,
    /// Needs block storage attached to tasks (`stateful`).
    pub stateful: bool,
    /// Needs VM-level isolation per task (`iso`).
    pub iso: bool,
    /// Should scale to zero when idle (`zero`).
    pub zero: bool,
    /// Has tasks that run longer than 15 minutes (`long`).
    pub long: bool,
    /// The team already runs Kubernetes (`kexp`).
    pub kexp: bool,
}

/// One requirement's URL key, reader and writer.
pub type Field = crate::field::Field<Requirements>;

/// Reads `0` or `1`.
fn flag(text: &str, what: &str) -> Result<bool, String> {
    match text.trim() {
        "0" => Ok(false),
        "1" => Ok(true),
        other => Err(format!("{what} must be 0 or 1, not \"{}\"", clip(other))),
    }
}

fn flag_text(value: bool) -> String {
    if value { "1" } else { "0" }.to_string()
}

/// A `0|1` row of [`FIELDS`].
macro_rules! flag_field {
    ($key:literal, $label:literal, $slot:ident) => {
        Field {
            key: $key,
            label: $label,
            set: |r, t| {
                r.$slot = flag(t, $key)?;
                Ok(())
            },
            get: |r| flag_text(r.$slot),
        }
    };
}

/// Every requirement, in canonical URL order.
pub const FIELDS: &[Field] = &[
    Field {
        key: "use",
        label: "Use case (the reference document's rows, plus event)",
        set: |r, t| {
            r.use_case = choose(&UseCase::ALL, UseCase::key, t, "use")?;
            Ok(())
        },
        get: |r| r.use_case.key().to_string(),
    },
    flag_field!("k8s", "Kubernetes required", k8s),
    Field {
        key: "ops",
        label: "Operational overhead the team accepts",
        set: |r, t| {
            r.ops = choose(&Ops::ALL, Ops::key, t, "ops")?;
            Ok(())
        },
        get: |r| r.ops.key().to_string(),
    },
    Field {
        key: "cost",
        label: "How much cost matters",
        set: |r, t| {
            r.cost = choose(&CostPriority::ALL, CostPriority::key, t, "cost")?;
            Ok(())
        },
        get: |r| r.cost.key().to_string(),
    },
    Field {
        key: "cx",
        label: "Application complexity",
        set: |r, t| {
            r.cx = choose(&Complexity::ALL, Complexity::key, t, "cx")?;
            Ok(())
        },
        get: |r| r.cx.key().to_string(),
    },
    flag_field!("gpu", "Needs GPUs", gpu),
    flag_field!("win", "Windows containers", win),
    flag_field!(
        "priv",
        "Privileged containers, host access or daemonsets",
        privileged
    ),
    flag_field!("stateful", "Block storage attached to tasks", stateful),
    flag_field!("iso", "VM-level isolation per task", iso),
    flag_field!("zero", "Scale to zero when idle", zero),
    flag_field!("long", "Tasks longer than 15 minutes", long),
    flag_field!("kexp", "Team already runs Kubernetes", kexp),
];

/// The requirement row for a URL key.
pub fn field(key: &str) -> Option<&'static Field> {
    crate::field::find(FIELDS, key)
}

/// Every value a key accepts, in canonical text, for enumerating changes.
pub fn choices(key: &str) -> Vec<&'static str> {
    match key {
        "use" => UseCase::ALL.iter().map(|v| v.key()).collect(),
        "ops" => Ops::ALL.iter().map(|v| v.key()).collect(),
        "cost" => CostPriority::ALL.iter().map(|v| v.key()).collect(),
        "cx" => Complexity::ALL.iter().map(|v| v.key()).collect(),
        _ if field(key).is_some() => vec!["0", "1"],
        _ => Vec::new(),
    }
}

/// The words for one choice of a requirement (`use` `web` → "Simple web
/// app"); the value itself when it has no words of its own.
pub fn choice_label(key: &str, value: &'static str) -> &'static str {
    match (key, value) {
        ("use", "web") => "Simple web app or API",
        ("use", "micro") => "Microservices",
        ("use", "batch") => "Batch processing",
        ("use", "ml") => "Machine learning",
        ("use", "legacy") => "Legacy application",
        ("use", "k8s") => "Kubernetes required",
        ("use", "minops") => "Minimal ops overhead",
        ("use", "cost") => "Cost optimisation",
        ("use", "event") => "Event- or request-driven",
        ("ops", "minimal") => "Minimal: AWS runs it",
        ("ops", "moderate") => "Moderate",
        ("ops", "full") => "Full: we run servers",
        ("cost", "critical") => "Critical",
        ("cost", "balanced") => "Balanced",
        ("cost", "flexible") => "Flexible",
        ("cx", "low") => "Low",
        ("cx", "high") => "High",
        _ => value,
    }
}

#[cfg(test)]
mod tests;
