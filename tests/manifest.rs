#![cfg(not(target_arch = "wasm32"))]
//! `js/custom-elements.json` (shipped in pkg/) describes what the code really has: every
//! attribute the elements observe, the events they send, the `--fw-*` properties the stylesheet
//! reads and the parts the views expose.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn names(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v["name"].as_str().map(String::from))
        .collect()
}

/// Every `"prefix…"` token in `text`, up to a closing quote, space or other delimiter.
fn tokens(text: &str, prefix: &str, stop: &[char]) -> BTreeSet<String> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &text[at..];
            let tail = &rest[prefix.len()..];
            rest[..prefix.len() + tail.find(|c: char| stop.contains(&c)).unwrap_or(tail.len())]
                .to_string()
        })
        .filter(|t| t.len() > prefix.len())
        .collect()
}

#[test]
fn the_manifest_lists_what_the_code_reads_and_sends() {
    let manifest: Value = serde_json::from_str(&read("js/custom-elements.json")).expect("JSON");
    let declarations = manifest["modules"][0]["declarations"]
        .as_array()
        .expect("declarations")
        .clone();
    let elements: Vec<&Value> = declarations
        .iter()
        .filter(|d| d["customElement"] == true)
        .collect();
    let tags: BTreeSet<String> = elements
        .iter()
        .filter_map(|d| d["tagName"].as_str().map(String::from))
        .collect();
    let expected_tags: BTreeSet<String> = foerderweg::model::WidgetKind::ALL
        .iter()
        .map(|k| k.tag().to_string())
        .collect();
    assert_eq!(tags, expected_tags);

    // The options, and `data`: JSON text in it is the document (js/elements.js observes it).
    let attributes: BTreeSet<String> = foerderweg::model::ATTRIBUTES
        .iter()
        .map(|a| a.to_string())
        .chain(["data".to_string()])
        .collect();
    // The package's loader defines the elements before any module: the same list, in order.
    let loader = read("js/loader.js");
    let listed = loader
        .lines()
        .find(|l| l.starts_with("export const ATTRIBUTES = ["))
        .expect("js/loader.js exports ATTRIBUTES");
    let quoted: Vec<String> = foerderweg::model::ATTRIBUTES
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect();
    assert_eq!(
        listed,
        format!("export const ATTRIBUTES = [{}];", quoted.join(", ")),
        "js/loader.js lists the attributes of crate::model::ATTRIBUTES"
    );
    let events = tokens(&read("src/embed/events.rs"), "\"foerderweg-", &['"']);
    let events: BTreeSet<String> = events
        .into_iter()
        .map(|e| e.trim_start_matches('"').to_string())
        .collect();
    let css: BTreeSet<String> = tokens(
        &read("src/view/style.css"),
        "--fw-",
        &[',', ')', ' ', ':', ';'],
    )
    .into_iter()
    .filter(|t| {
        t[5..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
    .collect();
    let mut parts = BTreeSet::new();
    for file in [
        "src/view/mod.rs",
        "src/view/parts/live.rs",
        "src/view/occupancy.rs",
        "src/view/timeline.rs",
    ] {
        for t in tokens(&read(file), "part=\"", &['"']) {
            parts.insert(
                t.trim_start_matches("part=\"")
                    .trim_end_matches('"')
                    .to_string(),
            );
        }
    }
    // The panels of diagnostics are written by render::diagnostics: the parts its markup holds,
    // for a refused document and for a drawn one with a record left out and a warning.
    {
        use foerderweg::render::{Levels, Writer, diagnostics};
        let refused = foerderweg::check::check(
            foerderweg::model::WidgetKind::Timeline,
            r#"{"schema":"foerderweg/timeline@1","participants":[{"id":3}]}"#,
        );
        let drawn = foerderweg::check::check(
            foerderweg::model::WidgetKind::Timeline,
            r#"{"schema":"foerderweg/timeline@1","extra":1,"participants":[{"id":"a","label":"A"},{"id":3}]}"#,
        );
        assert!(refused.document.is_none() && drawn.document.is_some());
        let mut w = Writer::new();
        diagnostics::error_panel(
            &mut w,
            &refused,
            foerderweg::i18n::Lang::De,
            false,
            Levels::DEFAULT,
        );
        diagnostics::findings(&mut w, &drawn, foerderweg::i18n::Lang::De);
        for t in tokens(&w.out, "part=\"", &['"']) {
            parts.insert(
                t.trim_start_matches("part=\"")
                    .trim_end_matches('"')
                    .to_string(),
            );
        }
    }
    assert_eq!(events.len(), 3, "{events:?}");
    for element in elements {
        let tag = element["tagName"].as_str().unwrap_or_default();
        assert_eq!(
            names(&element["attributes"]),
            attributes,
            "{tag}: attributes"
        );
        assert_eq!(names(&element["events"]), events, "{tag}: events");
        assert_eq!(
            names(&element["cssProperties"]),
            css,
            "{tag}: custom properties"
        );
        assert_eq!(names(&element["cssParts"]), parts, "{tag}: parts");
        let fields = names(&element["members"]);
        // `max-size` is the property `maxSize`.
        let twin = |a: &str| {
            let mut parts = a.split('-');
            let first = parts.next().unwrap_or_default().to_string();
            parts.fold(first, |mut out, p| {
                let mut chars = p.chars();
                if let Some(c) = chars.next() {
                    out.push(c.to_ascii_uppercase());
                    out.extend(chars);
                }
                out
            })
        };
        assert!(
            attributes.iter().all(|a| fields.contains(&twin(a))) && fields.contains("data"),
            "{tag}: property twins"
        );
    }
}

/// The text of `name`'s type in a manifest entry.
fn type_text(entry: &Value) -> &str {
    entry["type"]["text"].as_str().unwrap_or_default()
}

#[test]
fn the_manifest_names_what_the_package_exports_with_the_types_it_returns() {
    let manifest: Value = serde_json::from_str(&read("js/custom-elements.json")).expect("JSON");
    let module = &manifest["modules"][0];
    let loader = read("js/loader.js");
    let typings = read("js/foerderweg.d.ts");
    let exported = |name: &str| {
        [
            format!("export const {name} ="),
            format!("export function {name}("),
            format!("export async function {name}("),
        ]
        .iter()
        .any(|e| loader.contains(e.as_str()))
    };
    let typed = |name: &str| {
        typings.contains(&format!("export const {name}:"))
            || typings.contains(&format!("export function {name}("))
    };
    let declarations = module["declarations"].as_array().expect("declarations");
    for declaration in declarations {
        let name = declaration["name"].as_str().unwrap_or_default();
        assert!(
            exported(name),
            "{name}: named in the manifest, not exported by js/loader.js"
        );
        assert!(
            typed(name),
            "{name}: named in the manifest, not in js/foerderweg.d.ts"
        );
    }
    for export in module["exports"].as_array().expect("exports") {
        let name = export["declaration"]["name"].as_str().unwrap_or_default();
        assert!(
            declarations.iter().any(|d| d["name"] == name),
            "{name}: exported in the manifest without a declaration"
        );
    }
    // The property twins read the attribute (js/elements.js): text or null, whatever was set.
    // `lang` is HTMLElement's own (text, "" when absent), `paused` a boolean of the class's.
    for element in declarations.iter().filter(|d| d["customElement"] == true) {
        let tag = element["tagName"].as_str().unwrap_or_default();
        for member in element["members"].as_array().into_iter().flatten() {
            let Some(attribute) = member["attribute"].as_str() else {
                continue;
            };
            let expected = match attribute {
                "lang" => "string",
                "paused" => "boolean",
                "data" => "object | string | undefined",
                _ => "string | null",
            };
            assert_eq!(
                type_text(member),
                expected,
                "{tag}: the property of `{attribute}`"
            );
        }
    }
}
