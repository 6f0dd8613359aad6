#![cfg(not(target_arch = "wasm32"))]
//! The document examples in README.md are valid documents: each checks without diagnostics.

use foerderweg::check::check;
use foerderweg::model::WidgetKind;

#[test]
fn readme_examples_check_clean() {
    let readme = include_str!("../README.md");
    let mut seen = Vec::new();
    for block in readme.split("```json\n").skip(1) {
        let text = block.split("```").next().unwrap_or_default();
        let Some(kind) = WidgetKind::ALL
            .into_iter()
            // `"foerderweg/occupancy@1"` and its minor versions (`@1.1`).
            .find(|k| text.contains(&format!("\"{}", k.schema_id())))
        else {
            continue;
        };
        let checked = check(kind, text);
        let problems: Vec<_> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{} {:?}", d.path, d.problem))
            .collect();
        assert!(
            problems.is_empty(),
            "README example of {}: {problems:?}",
            kind.as_str()
        );
        seen.push(kind);
    }
    // One example per document in order; the dashboard's second shows its key figures (1.1).
    use WidgetKind::*;
    assert_eq!(
        seen,
        [Timeline, Occupancy, Occupancy, Map],
        "the examples of the documents, in order"
    );
}
