//! One tree for every file the importer reads: YAML through saphyr, JSON
//! through serde_json, each node keeping the line it starts on.
//!
//! serde_json decides whether a JSON file is valid (and names the line of
//! its fault), but keeps no positions; JSON is YAML 1.2, so a valid JSON
//! file is then read by saphyr for its lines. Where saphyr refuses what
//! serde_json took (a duplicate key, which JSON leaves to the reader), the
//! serde_json tree is used, its nodes on line 0 ("the file").
//!
//! The readers (Kubernetes, ECS, compose) walk this tree, never a parser's
//! own types, so each rule is written once whatever the file's syntax.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

/// Deepest nesting read; a deeper file is refused (no manifest nests so
/// far, and the readers recurse).
const MAX_DEPTH: usize = 128;

/// A value and the line (1-based; 0 = unknown) it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Line of the file where the value starts; 0 when the parser keeps none.
    pub line: usize,
    /// The value.
    pub value: Value,
}

/// What a node holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as YAML or JSON resolved it.
    Num(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in the file's order; keys as text.
    Map(Vec<(String, Node)>),
}

/// A file that could not be parsed: where, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    /// 1-based line of the fault.
    pub line: usize,
    /// The parser's reason.
    pub reason: String,
}

impl Node {
    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a path of mapping keys.
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |node, key| node.get(key))
    }

    /// A scalar as text (`3`, `500m`, `true`); `None` for null and collections.
    pub fn text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Num(n) => Some(berth_core::decimal::shortest(*n)),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The text at a path.
    pub fn text_at(&self, path: &[&str]) -> Option<String> {
        self.at(path).and_then(Node::text)
    }

    /// The items of a list (none for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    /// The entries of a mapping (none for anything else).
    pub fn entries(&self) -> &[(String, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// Whether this is a mapping.
    pub fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }
}

/// Reads a whole file: JSON when it opens with `{` or `[`, YAML otherwise;
/// one node per document (YAML files may hold several, `---` between).
pub fn parse(text: &str) -> Result<Vec<Node>, Broken> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with(['{', '[']) {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Broken {
            line: e.line(),
            reason: json_reason(&e),
        })?;
        if let Ok(docs) = MarkedYaml::load_from_str(text) {
            if let [doc] = docs.as_slice() {
                return from_yaml(doc, 0).map(|n| vec![n]);
            }
        }
        return from_json(&value, 0).map(|n| vec![n]);
    }
    let docs = MarkedYaml::load_from_str(text).map_err(|e| Broken {
        line: e.marker().line(),
        reason: e.info().to_string(),
    })?;
    docs.iter().map(|d| from_yaml(d, 0)).collect()
}

/// serde_json's message without its own " at line L column C" tail (the
/// caller names the line).
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    }
}

fn too_deep(line: usize) -> Broken {
    Broken {
        line,
        reason: format!("nested deeper than {MAX_DEPTH} levels"),
    }
}

fn from_json(v: &serde_json::Value, depth: usize) -> Result<Node, Broken> {
    if depth > MAX_DEPTH {
        return Err(too_deep(0));
    }
    use serde_json::Value as J;
    let value = match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => n.as_f64().map_or(Value::Null, Value::Num),
        J::String(s) => Value::Str(s.clone()),
        J::Array(items) => Value::Seq(
            items
                .iter()
                .map(|i| from_json(i, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        J::Object(map) => Value::Map(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), from_json(v, depth + 1)?)))
                .collect::<Result<_, _>>()?,
        ),
    };
    Ok(Node { line: 0, value })
}

fn from_yaml(y: &MarkedYaml<'_>, depth: usize) -> Result<Node, Broken> {
    let line = y.span.start.line();
    if depth > MAX_DEPTH {
        return Err(too_deep(line));
    }
    let value = match &y.data {
        YamlData::Value(scalar) => match scalar {
            Scalar::Null => Value::Null,
            Scalar::Boolean(b) => Value::Bool(*b),
            // An i64 beyond 2^53 loses digits as f64; no size is that large.
            #[allow(clippy::cast_precision_loss)]
            Scalar::Integer(i) => Value::Num(*i as f64),
            Scalar::FloatingPoint(f) => Value::Num(f.into_inner()),
            Scalar::String(s) => Value::Str(s.to_string()),
        },
        YamlData::Representation(text, _, _) => Value::Str(text.to_string()),
        YamlData::Sequence(items) => Value::Seq(
            items
                .iter()
                .map(|i| from_yaml(i, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        YamlData::Mapping(map) => {
            let mut entries: Vec<(String, Node)> = Vec::new();
            let mut merged: Vec<(String, Node)> = Vec::new();
            for (k, v) in map {
                let key = from_yaml(k, depth + 1)?.text().unwrap_or_default();
                let node = from_yaml(v, depth + 1)?;
                if key == "<<" {
                    // The merge key (`<<: *defaults`), which compose files
                    // use for shared settings: the named mapping's (or
                    // mappings') entries, under the ones written here.
                    merged.extend(merge_sources(&node));
                } else {
                    entries.push((key, node));
                }
            }
            for (k, v) in merged {
                if !entries.iter().any(|(e, _)| *e == k) {
                    entries.push((k, v));
                }
            }
            Value::Map(entries)
        }
        YamlData::Tagged(_, inner) => return from_yaml(inner, depth + 1),
        YamlData::Alias(_) | YamlData::BadValue => Value::Null,
    };
    Ok(Node { line, value })
}

/// The entries a merge key brings: one mapping's, or each of a list's, the
/// first listed winning.
fn merge_sources(node: &Node) -> Vec<(String, Node)> {
    match &node.value {
        Value::Map(entries) => entries.clone(),
        Value::Seq(items) => {
            let mut out: Vec<(String, Node)> = Vec::new();
            for item in items {
                for (k, v) in item.entries() {
                    if !out.iter().any(|(e, _)| e == k) {
                        out.push((k.clone(), v.clone()));
                    }
                }
            }
            out
        }
        _ => Vec::new(),
    }
}
