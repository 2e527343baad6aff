//! ECS task definitions, as `register-task-definition` takes them and as
//! `describe-task-definition` prints them (under `taskDefinition`).
//!
//! The task's size is its task-level `cpu` and `memory` (units and MiB,
//! or `1 vCPU` and `3 GB`); absent those, the sum of its containers'
//! (`memory`, the hard limit, else `memoryReservation`). One task each,
//! unless the caller gives a count.

use berth_core::{Arch, Os};

use crate::quantity::{ecs_memory_gib, ecs_vcpu, ECS_UNITS_PER_VCPU, GIB, MIB};
use crate::tree::Node;
use crate::{Count, Found, Gathered, Options, Place};

/// Whether `doc` is a task definition (or `describe-task-definition`'s
/// output, which holds one).
pub(crate) fn is_task_definition(doc: &Node) -> bool {
    doc.get("containerDefinitions").is_some()
        || doc
            .get("taskDefinition")
            .is_some_and(|t| t.get("containerDefinitions").is_some())
}

/// Reads one task definition.
pub(crate) fn read(doc: &Node, file: &str, options: Options, g: &mut Gathered) {
    let td = doc.get("taskDefinition").unwrap_or(doc);
    let at = Place {
        file: file.to_string(),
        line: td.line,
    };
    let name = td
        .text_at(&["family"])
        .unwrap_or_else(|| "task".to_string());
    let containers = td
        .get("containerDefinitions")
        .map(Node::items)
        .unwrap_or_default();
    let mut f = Found::new(name.clone(), at.clone());
    let sum = |pick: &dyn Fn(&Node) -> Option<f64>| containers.iter().filter_map(pick).sum::<f64>();
    let number = |c: &Node, key: &str| c.text_at(&[key]).and_then(|t| t.trim().parse::<f64>().ok());
    f.vcpu = match td.text_at(&["cpu"]) {
        Some(t) => match ecs_vcpu(&t) {
            Some(v) => v,
            None => {
                return g.skip(
                    &at,
                    format!(
                        "task definition {name}: cpu \"{t}\" is not CPU units or a vCPU figure"
                    ),
                )
            }
        },
        None => sum(&|c| number(c, "cpu")) / ECS_UNITS_PER_VCPU,
    };
    f.memory_gib = match td.text_at(&["memory"]) {
        Some(t) => match ecs_memory_gib(&t) {
            Some(v) => v,
            None => {
                return g.skip(
                    &at,
                    format!("task definition {name}: memory \"{t}\" is not MiB or a GB figure"),
                )
            }
        },
        None => {
            sum(&|c| number(c, "memory").or_else(|| number(c, "memoryReservation"))) * MIB / GIB
        }
    };
    let platform = td.get("runtimePlatform");
    if platform
        .and_then(|p| p.text_at(&["cpuArchitecture"]))
        .as_deref()
        == Some("ARM64")
    {
        f.arch = Arch::Arm;
    }
    let family = platform
        .and_then(|p| p.text_at(&["operatingSystemFamily"]))
        .unwrap_or_default();
    if family.starts_with("WINDOWS") {
        f.os = Os::Windows;
    }
    f.gpu = containers.iter().any(|c| {
        c.get("resourceRequirements")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .any(|r| r.text_at(&["type"]).as_deref() == Some("GPU"))
    });
    f.privileged = containers
        .iter()
        .any(|c| c.text_at(&["privileged"]).as_deref() == Some("true"));
    let wants: Vec<String> = td
        .get("requiresCompatibilities")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .filter_map(Node::text)
        .collect();
    if !wants.is_empty() && !wants.iter().any(|w| w == "FARGATE") {
        g.note(
            &at,
            format!(
                "task definition {name} requires {}: the other platforms are priced for comparison",
                wants.join(", ")
            ),
        );
    }
    match options.ecs_tasks {
        Some(n) => f.count = Count::Fixed(n),
        None => g.note(
            &at,
            format!("task definition {name}: a task definition has no count; priced as 1 task (set its tasks)"),
        ),
    }
    g.keep(f, "task definition");
}
