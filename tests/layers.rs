#![cfg(not(target_arch = "wasm32"))]
//! The code's layers, read from its sources: the model (what the host sends) names nothing
//! above it, and the map layout's modules form layers, none importing one that imports it
//! back. A newcomer reads such code bottom up; a circle has no bottom.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.rs` files under `dir`, with their text before any `#[cfg(test)]`.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
                out.push((path, code));
            }
        }
    }
    out.sort();
    out
}

/// The code of `text` without its comments (`//` to the end of a line).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_model_names_nothing_above_it() {
    let mut found = Vec::new();
    for (path, text) in sources(&root().join("src/model")) {
        for above in ["geo", "layout", "render", "view", "embed", "scene"] {
            if code(&text).contains(&format!("crate::{above}")) {
                found.push(format!("{} names crate::{above}", path.display()));
            }
        }
    }
    assert_eq!(found, Vec::<String>::new());
}

/// The modules of `src/layout/map/` each file imports (`super::name`; `mod` for the parent).
fn map_imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("src/layout/map");
    let files = sources(&dir);
    let names: BTreeSet<String> = files
        .iter()
        .filter_map(|(p, _)| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let mut graph = BTreeMap::new();
    for (path, text) in &files {
        let Some(me) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        let text = code(text);
        let mut uses = BTreeSet::new();
        if me == "mod" {
            // The parent reaches its children by name: `scene::…`, `use scene::{…}`.
            for name in &names {
                if text.contains(&format!("{name}::")) && name != "mod" {
                    uses.insert(name.clone());
                }
            }
        } else {
            for prefix in ["super::", "crate::layout::map::"] {
                for (i, _) in text.match_indices(prefix) {
                    let rest = &text[i + prefix.len()..];
                    let word: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    let is_module = rest[word.len()..].starts_with("::") && names.contains(&word);
                    uses.insert(if is_module { word } else { "mod".to_string() });
                }
            }
        }
        uses.remove(&me);
        graph.insert(me, uses);
    }
    graph
}

#[test]
fn the_map_layout_is_layered() {
    let graph = map_imports();
    assert!(graph.len() >= 10, "{graph:?}");
    // Every pair importing each other, directly or round a circle.
    let mut circles = Vec::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = graph[start].iter().collect();
        while let Some(next) = todo.pop() {
            if next == start {
                circles.push(start.clone());
                break;
            }
            if seen.insert(next.clone()) {
                todo.extend(graph.get(next).into_iter().flatten());
            }
        }
    }
    assert_eq!(
        circles,
        Vec::<String>::new(),
        "modules on a circle of imports: {graph:#?}"
    );
}
