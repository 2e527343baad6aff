//! The layering of berth-core, read from its source: every `crate::` path
//! in a module's own code (tests excluded) must name a module of the same
//! layer or of a lower one, and no two modules may need each other, at the
//! crate's top level or between the files of one module.
//!
//! The layers are the folders of `core/src`, in this order; a module's
//! layer is the folder it lives in. `lib.rs` and the layer files only
//! declare and re-export, so they are not read.

// Test code: a bad read should fail loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first (the folders of `core/src`).
const LAYERS: [&str; 6] = [
    "vocab",
    "inputs",
    "model",
    "pricebook",
    "engines",
    "present",
];

/// One source file: which top-level module it belongs to, and its path
/// below that module (`engines/perf/pool.rs` → module `perf`, sub `pool`).
struct Source {
    layer: usize,
    module: String,
    sub: Option<String>,
    text: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            // Test modules may reach anywhere; they are not part of the graph.
            if p.file_name().is_some_and(|n| n != "tests") {
                rs_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its `#[cfg(test)]` items and comments.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_test = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        if skip_depth.is_none() && t.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        let opens = line.matches('{').count() as i32;
        let closes = line.matches('}').count() as i32;
        if pending_test {
            pending_test = false;
            if opens > closes {
                skip_depth = Some(depth);
            }
            depth += opens - closes;
            continue; // a one-line item (`mod tests;`) is skipped whole
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn sources() -> Vec<Source> {
    let root = src_dir();
    let mut out = Vec::new();
    for (layer, name) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        rs_files(&root.join(name), &mut files);
        for f in files {
            let rel = f.strip_prefix(root.join(name)).unwrap_or(&f);
            let parts: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            let module = parts[0].clone();
            let sub = parts.get(1).cloned();
            let text = code(&std::fs::read_to_string(&f).unwrap());
            out.push(Source {
                layer,
                module,
                sub,
                text,
            });
        }
        // The price book is a layer and a module at once: `pricebook.rs`
        // plus `pricebook/…`.
        if *name == "pricebook" {
            let text = code(&std::fs::read_to_string(root.join("pricebook.rs")).unwrap());
            out.iter_mut().filter(|s| s.layer == layer).for_each(|s| {
                s.sub = Some(s.module.clone());
                s.module = "pricebook".to_string();
            });
            out.push(Source {
                layer,
                module: "pricebook".to_string(),
                sub: None,
                text,
            });
        }
    }
    out
}

/// Top-level module → layer, from the folders.
fn module_layers(sources: &[Source]) -> BTreeMap<String, usize> {
    sources
        .iter()
        .map(|s| (s.module.clone(), s.layer))
        .collect()
}

/// The top-level modules a file names through `crate::…`, with the segment
/// after the module (the sibling file, if any).
fn crate_refs(text: &str, layers: &BTreeMap<String, usize>) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut push_path = |path: &str| {
        let segs: Vec<&str> = path
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        // `crate::engines::cost::x` and `crate::cost::x` both name `cost`.
        let segs: Vec<&str> = match segs.first() {
            Some(first) if LAYERS.contains(first) && *first != "pricebook" => segs[1..].to_vec(),
            _ => segs,
        };
        if let Some(m) = segs.first() {
            if layers.contains_key(*m) {
                out.push((m.to_string(), segs.get(1).map(|s| s.to_string())));
            }
        }
    };
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the first segment of each.
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                push_path(item.split('{').next().unwrap_or(""));
            }
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            push_path(&rest[..end]);
        }
    }
    out
}

/// Sibling files a submodule names through `super::x`.
fn super_refs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("super::") {
        rest = &rest[i + "super::".len()..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if rest[..end].chars().next().is_some_and(|c| c.is_lowercase()) {
            out.push(rest[..end].to_string());
        }
    }
    out
}

/// A cycle of `graph`, if it has one (depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|s| s == m).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, g, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

/// The module graph and the sibling graphs of every module.
struct Graphs {
    upward: Vec<String>,
    modules: BTreeMap<String, BTreeSet<String>>,
    siblings: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

fn graphs(sources: &[Source]) -> Graphs {
    let layers = module_layers(sources);
    let mut g = Graphs {
        upward: Vec::new(),
        modules: BTreeMap::new(),
        siblings: BTreeMap::new(),
    };
    for s in sources {
        g.modules.entry(s.module.clone()).or_default();
        let here = match &s.sub {
            Some(sub) => format!("{}/{sub}", s.module),
            None => s.module.clone(),
        };
        for (m, next) in crate_refs(&s.text, &layers) {
            if m == s.module {
                if let (Some(from), Some(to)) = (&s.sub, next) {
                    add_sibling(&mut g, &s.module, from, &to);
                }
                continue;
            }
            if layers[&m] > s.layer {
                g.upward.push(format!(
                    "{here} ({}) names {m} ({})",
                    LAYERS[s.layer], LAYERS[layers[&m]]
                ));
            }
            g.modules.entry(s.module.clone()).or_default().insert(m);
        }
        if let Some(from) = &s.sub {
            for to in super_refs(&s.text) {
                add_sibling(&mut g, &s.module, from, &to);
            }
        }
    }
    g
}

fn add_sibling(g: &mut Graphs, module: &str, from: &str, to: &str) {
    if from != to {
        g.siblings
            .entry(module.to_string())
            .or_default()
            .entry(from.to_string())
            .or_default()
            .insert(to.to_string());
    }
}

#[test]
fn no_module_names_a_higher_layer() {
    let g = graphs(&sources());
    assert!(
        g.upward.is_empty(),
        "upward edges:\n{}",
        g.upward.join("\n")
    );
}

#[test]
fn no_two_modules_need_each_other() {
    let g = graphs(&sources());
    assert_eq!(find_cycle(&g.modules), None, "a cycle between modules");
    for (module, files) in &g.siblings {
        assert_eq!(
            find_cycle(files),
            None,
            "a cycle between the files of {module}"
        );
    }
}

#[test]
fn every_layer_has_modules_and_the_graph_is_read() {
    let sources = sources();
    let g = graphs(&sources);
    for (i, layer) in LAYERS.iter().enumerate() {
        assert!(sources.iter().any(|s| s.layer == i), "{layer} is empty");
    }
    // The reader must see real edges, or the two tests above prove nothing.
    assert!(g.modules["cost"].contains("pricebook"));
    assert!(g.modules["codec"].contains("scenario"));
    assert!(g.siblings["perf"]["engine"].contains("pool"));
}

#[test]
fn the_checks_catch_a_cycle_and_an_upward_edge() {
    let mk = |layer: usize, module: &str, text: &str| Source {
        layer,
        module: module.to_string(),
        sub: None,
        text: code(text),
    };
    let fake = [
        mk(0, "text", "use crate::cost::Platform;\n"),
        mk(
            4,
            "cost",
            "use crate::{text, decide::x};\n#[cfg(test)]\nmod tests {\n use crate::chart;\n}\n",
        ),
        mk(4, "decide", "fn f() { crate::cost::g() }\n"),
        mk(5, "chart", "// crate::text in a comment\n"),
    ];
    let g = graphs(&fake);
    assert_eq!(
        g.upward,
        vec!["text (vocab) names cost (engines)".to_string()]
    );
    assert!(find_cycle(&g.modules).is_some());
    assert!(
        !g.modules["cost"].contains("chart"),
        "test code is not read"
    );
    assert!(g.modules["chart"].is_empty(), "comments are not read");
}
