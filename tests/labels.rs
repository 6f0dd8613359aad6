#![cfg(not(target_arch = "wasm32"))]
//! The label reference (`LABELS.md`) names every key a host can override, with both built-in
//! texts: a label added to the tables without its line there fails here.
//!
//! After changing a text table, write the file again with
//! `UPDATE_LABELS=1 cargo test --test labels`.

use foerderweg::i18n::Lang;

fn reference() -> String {
    let de = Lang::De.builtin_label_keys();
    let en = Lang::En.builtin_label_keys();
    let mut out = String::from(
        "# Label keys\n\n\
         Every text a widget shows, by the key `setLabels(lang, { key: text })` takes (see the\n\
         README, \"Labels\"). Placeholders in braces (`{a}`, `{n}`, `{date}`, …) must stay in a\n\
         replacement; they are filled with figures, dates or names. `.one` / `.other` are the\n\
         singular and plural of a counted word. Keys ending in a data key (`tl.phase_kinds.profiling`)\n\
         name the values of the documents' fields. Generated from `src/i18n/`; do not edit.\n\n\
         | key | Deutsch | English |\n| --- | --- | --- |\n",
    );
    for ((key, de), (_, en)) in de.iter().zip(&en) {
        let cell = |text: &str| text.replace('|', "\\|");
        out.push_str(&format!("| `{key}` | {} | {} |\n", cell(de), cell(en)));
    }
    out
}

#[test]
fn the_label_reference_lists_every_key() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/LABELS.md");
    let wanted = reference();
    if std::env::var_os("UPDATE_LABELS").is_some() {
        std::fs::write(path, &wanted).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == wanted,
        "LABELS.md is out of date; run UPDATE_LABELS=1 cargo test --test labels"
    );
}

#[test]
fn the_readme_example_applies_without_rejections() {
    let readme = include_str!("../README.md");
    let block = readme
        .split("setLabels(\"de\", {")
        .nth(1)
        .and_then(|rest| rest.split("});").next())
        .unwrap_or_default();
    let labels: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&format!("{{{}}}", block.trim().trim_end_matches(',')))
            .unwrap_or_else(|e| panic!("README's setLabels example is not JSON: {e}"));
    assert!(labels.len() >= 4, "{labels:?}");
    assert_eq!(Lang::De.set_labels(&labels), vec![]);
    let t = Lang::De.texts();
    assert_eq!(t.timeline_name, "Teilnahmeverlauf");
    assert_eq!(Lang::De.count(3, t.participants), "3 Kundinnen und Kunden");
}
