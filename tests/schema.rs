#![cfg(not(target_arch = "wasm32"))]
//! The JSON Schemas in www/schema/ are the ones the model types generate, every sample in
//! www/data/ validates against its schema, and the widget accepts every schema-valid sample.

use foerderweg::check::check;
use foerderweg::model::WidgetKind;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn kind_of(name: &str) -> Option<WidgetKind> {
    WidgetKind::ALL
        .into_iter()
        .find(|k| name.starts_with(&format!("{}-", k.as_str())))
}

fn validator(kind: WidgetKind) -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        root()
            .join("www/schema")
            .join(foerderweg::schema::file_name(kind)),
    )
    .expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid JSON Schema")
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    for kind in WidgetKind::ALL {
        let path = root()
            .join("www/schema")
            .join(foerderweg::schema::file_name(kind));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == foerderweg::schema::text(kind),
            "{} is stale: run `cargo run --example schemas`",
            path.display()
        );
        let path = root()
            .join("www/schema")
            .join(foerderweg::schema::typescript_file_name(kind));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == foerderweg::schema::typescript(kind),
            "{} is stale: run `cargo run --example schemas`",
            path.display()
        );
    }
}

#[test]
fn every_sample_validates_and_renders() {
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("www/data")).expect("www/data") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        let Some(kind) = kind_of(&name) else { continue };
        let text = std::fs::read_to_string(root().join("www/data").join(&name)).expect("sample");
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let errors: Vec<String> = validator(kind)
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name} against its schema: {errors:?}");
        assert!(
            check(kind, &text).document.is_some(),
            "{name} is schema-valid, so it must render"
        );
        seen += 1;
    }
    assert!(seen >= 7, "only {seen} samples");
}

#[test]
fn the_schema_and_the_checker_fault_the_same_broken_documents() {
    let broken = [
        (
            WidgetKind::Timeline,
            r#"{"schema":"foerderweg/timeline@1"}"#,
        ),
        (
            WidgetKind::Timeline,
            r#"{"schema":"foerderweg/timeline@1","participants":[{"id":"a","label":"A","phases":[{"kind":"x","start":"2018-13-01"}]}]}"#,
        ),
        (
            WidgetKind::Occupancy,
            r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"providers":[{"id":"t","label":"T","projects":[{"id":"p","label":"P","slots":-1}]}]}"#,
        ),
        (WidgetKind::Map, r#"{"schema":"foerderweg/timeline@1"}"#),
    ];
    for (kind, text) in broken {
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        assert!(!validator(kind).is_valid(&value), "schema accepts {text}");
        // The checker refuses the document or leaves out the broken record, with an error.
        assert!(
            check(kind, text).errors().next().is_some(),
            "checker accepts {text}"
        );
    }
}
