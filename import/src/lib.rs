//! berth-import: the workload files teams already have, read into a
//! [`Scenario`]'s services: Kubernetes manifests (multi-document YAML,
//! `kind: List`, `kubectl get -o json`), ECS task definitions (the input
//! of `register-task-definition` and the output of
//! `describe-task-definition`) and compose files.
//!
//! Everything is read or nothing is: a file that does not parse is an
//! [`ImportError`] naming its file and line, and a document or service
//! that cannot be used is listed in [`Imported::skipped`] with its reason,
//! file and line. What the reader decided for the user (how a DaemonSet
//! is counted, which of compose's limits and reservations sized a task)
//! is said in [`Imported::notes`].
//!
//! The crate is kept apart from berth-core so the web app loads its
//! parsers only when a user imports (a wasm module of its own, see
//! `tools/`), and so the CLI's `berth import` runs the same code.

mod compose;
mod cron;
mod ecs;
mod kube;
pub mod quantity;
pub mod tree;

use std::fmt;

use berth_core::units::limits;
use berth_core::{Arch, Os, Scenario, Service};

use tree::{Node, Value};

/// One file given to the importer.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// What the user calls it (a path, a dropped file's name, "pasted").
    pub name: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// Where something is: a file and a 1-based line (0 when the format keeps
/// none, as JSON's reader does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The file's name as given.
    pub file: String,
    /// The line, 1-based; 0 = the file as a whole.
    pub line: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.file),
            n => write!(f, "{}:{n}", self.file),
        }
    }
}

/// A line of the import's report: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    /// The file and line it is about.
    pub at: Place,
    /// The sentence.
    pub text: String,
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.text)
    }
}

/// A file that could not be read at all; nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(pub Said);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What an import made.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The base scenario with the imported services and what they require.
    pub scenario: Scenario,
    /// One line per imported service: its name, file and line, and size.
    pub services: Vec<Said>,
    /// What the reader decided that the user should know.
    pub notes: Vec<Said>,
    /// Documents and services not imported, each with the reason.
    pub skipped: Vec<Said>,
}

/// What the caller may add to what the files say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Tasks for each ECS task definition (a task definition has no count);
    /// `None` = 1, said in a note.
    pub ecs_tasks: Option<u32>,
}

/// How many tasks a workload runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Count {
    /// This many.
    Fixed(u32),
    /// One on each node (a DaemonSet, compose's global mode).
    PerNode,
}

/// One workload found in a file, before it becomes a [`Service`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub name: String,
    pub at: Place,
    pub count: Count,
    pub vcpu: f64,
    pub memory_gib: f64,
    pub arch: Arch,
    pub os: Os,
    pub hours: f64,
    pub gpu: bool,
    pub privileged: bool,
    pub stateful: bool,
    /// `Kind/name` a HorizontalPodAutoscaler would name it by.
    pub target: Option<String>,
    /// The autoscaler's range, once one is matched.
    pub range: Option<(u32, u32)>,
}

impl Found {
    /// A workload of `name` at `at`, running always, on x86 Linux, of no
    /// size yet.
    pub(crate) fn new(name: String, at: Place) -> Found {
        Found {
            name,
            at,
            count: Count::Fixed(1),
            vcpu: 0.0,
            memory_gib: 0.0,
            arch: Arch::X86,
            os: Os::Linux,
            hours: berth_core::HOURS_PER_MONTH,
            gpu: false,
            privileged: false,
            stateful: false,
            target: None,
            range: None,
        }
    }
}

/// Everything the readers gather from the files.
#[derive(Debug, Default)]
pub(crate) struct Gathered {
    pub found: Vec<Found>,
    pub notes: Vec<Said>,
    pub skipped: Vec<Said>,
    /// Autoscalers: where, the `Kind/name` they scale, min and max.
    pub autoscalers: Vec<(Place, String, u32, u32)>,
}

impl Gathered {
    pub(crate) fn note(&mut self, at: &Place, text: String) {
        self.notes.push(Said {
            at: at.clone(),
            text,
        });
    }

    pub(crate) fn skip(&mut self, at: &Place, text: String) {
        self.skipped.push(Said {
            at: at.clone(),
            text,
        });
    }

    /// Keeps `found` when its size is one Berth can price, else skips it
    /// with the reason.
    pub(crate) fn keep(&mut self, found: Found, what: &str) {
        let at = found.at.clone();
        let name = &found.name;
        let reason = if found.vcpu.is_nan() || found.vcpu <= 0.0 {
            Some(format!("{what} {name} gives no CPU size (a request, a limit or cpu), so Berth cannot price it"))
        } else if found.memory_gib.is_nan() || found.memory_gib <= 0.0 {
            Some(format!("{what} {name} gives no memory size (a request, a limit or memory), so Berth cannot price it"))
        } else if found.vcpu > limits::MAX_VCPU {
            Some(format!(
                "{what} {name}: {} vCPU is more than Berth prices",
                found.vcpu
            ))
        } else if matches!(found.count, Count::Fixed(n) if u64::from(n) > limits::MAX_TASKS) {
            Some(format!(
                "{what} {name}: more than {} tasks",
                limits::MAX_TASKS
            ))
        } else if found.memory_gib > limits::MAX_MEMORY_GIB {
            Some(format!(
                "{what} {name}: {} GiB is more than Berth prices",
                found.memory_gib
            ))
        } else {
            None
        };
        match reason {
            Some(r) => self.skip(&at, r),
            None => self.found.push(found),
        }
    }
}

/// Reads `sources` into `base`: its services replaced by the imported
/// ones, its requirements given what they need (a GPU, Windows,
/// privileged containers, state), its simulation the first autoscaled
/// service's range.
pub fn import(
    sources: &[Source<'_>],
    base: &Scenario,
    options: Options,
) -> Result<Imported, ImportError> {
    let mut g = Gathered::default();
    for src in sources {
        let docs = tree::parse(src.text).map_err(|b| {
            ImportError(Said {
                at: Place {
                    file: src.name.to_string(),
                    line: b.line,
                },
                text: format!("cannot be read: {}", b.reason),
            })
        })?;
        for doc in &docs {
            read_document(doc, src.name, options, &mut g);
        }
    }
    kube::match_autoscalers(&mut g);
    build(g, base)
}

/// Sends one document to the reader of its kind.
fn read_document(doc: &Node, file: &str, options: Options, g: &mut Gathered) {
    let at = Place {
        file: file.to_string(),
        line: doc.line,
    };
    match &doc.value {
        Value::Null => {}
        Value::Seq(items) => {
            for item in items {
                read_document(item, file, options, g);
            }
        }
        Value::Map(_) if doc.get("kind").is_some() => kube::read(doc, file, g),
        Value::Map(_) if ecs::is_task_definition(doc) => ecs::read(doc, file, options, g),
        Value::Map(_) if doc.get("services").is_some_and(Node::is_map) => {
            compose::read(doc, file, g);
        }
        _ => g.skip(
            &at,
            "not a Kubernetes object, an ECS task definition or a compose file".to_string(),
        ),
    }
}

/// Nodes a per-node workload is counted on: one in each zone the scenario
/// spreads over, the fewest a zonal spread has.
fn per_node_count(base: &Scenario) -> u32 {
    base.options.az.max(1)
}

fn build(g: Gathered, base: &Scenario) -> Result<Imported, ImportError> {
    let Gathered {
        found,
        mut notes,
        skipped,
        ..
    } = g;
    if found.len() > limits::MAX_SERVICES {
        let at = found.first().map(|f| f.at.clone()).unwrap_or(Place {
            file: String::new(),
            line: 0,
        });
        return Err(ImportError(Said {
            at,
            text: format!(
                "{} workloads; Berth holds at most {} services",
                found.len(),
                limits::MAX_SERVICES
            ),
        }));
    }
    let mut scenario = base.clone();
    scenario.preset = None;
    scenario.services.clear();
    let mut services = Vec::new();
    let nodes = per_node_count(base);
    for f in &found {
        let tasks = match f.count {
            Count::Fixed(n) => n,
            Count::PerNode => {
                notes.push(Said {
                    at: f.at.clone(),
                    text: format!(
                        "{}: one pod per node; counted as {nodes} (one node in each of the {nodes} availability zones, the fewest a spread has) — set its tasks to your node count",
                        f.name
                    ),
                });
                nodes
            }
        };
        let (name, clipped) = Service::clean_name(&f.name);
        if clipped {
            notes.push(Said {
                at: f.at.clone(),
                text: format!("name cut to {} characters", limits::MAX_NAME_CHARS),
            });
        }
        scenario.services.push(Service {
            name,
            tasks,
            vcpu: f.vcpu,
            memory_gib: f.memory_gib,
            arch: f.arch,
            os: f.os,
            hours: f.hours,
            copies: 1,
        });
        services.push(Said {
            at: f.at.clone(),
            text: format!(
                "{}: {tasks} × {} vCPU, {} GiB, {}, {} h a month",
                f.name,
                berth_core::decimal::shortest(f.vcpu),
                berth_core::decimal::shortest(f.memory_gib),
                f.arch.key(),
                berth_core::decimal::shortest(f.hours),
            ),
        });
        let r = &mut scenario.requirements;
        r.gpu |= f.gpu;
        r.win |= f.os == Os::Windows;
        r.privileged |= f.privileged;
        r.stateful |= f.stateful;
    }
    // The simulation scales the first service; the first autoscaled one
    // gives it its range.
    if let Some((f, (min, max))) = found.iter().find_map(|f| f.range.map(|r| (f, r))) {
        scenario.sim.min_tasks = min;
        scenario.sim.max_tasks = max;
        notes.push(Said {
            at: f.at.clone(),
            text: format!(
                "the scaling simulation takes {}'s autoscaler range: {min} to {max} tasks",
                f.name
            ),
        });
    }
    Ok(Imported {
        scenario,
        services,
        notes,
        skipped,
    })
}
