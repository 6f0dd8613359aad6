#![cfg(not(target_arch = "wasm32"))]
//! Golden outputs: every `www/data` sample rendered natively (`render::document`) as the SVG
//! file at two widths (the narrow one in German) and as the HTML page at the wide one, in both
//! languages, compared with the files committed
//! under `tests/goldens/` (`<sample>.<lang>.<width>.svg|html`, one element a line). A change to a scene, a renderer or the stylesheet shows up here as a
//! diff to review like code.
//!
//! Refresh after a deliberate change: `UPDATE_GOLDENS=1 cargo test --test goldens` (it writes
//! every file and removes those no sample makes any more), then read `git diff tests/goldens`.

use chrono::NaiveDate;
use foerderweg::i18n::Lang;
use foerderweg::render::document::{Options, kind_of, render};
use std::collections::BTreeMap;
use std::path::PathBuf;

const WIDTHS: [f64; 2] = [360.0, 960.0];
const LANGS: [Lang; 2] = [Lang::De, Lang::En];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every golden file's name and content, made from the samples now.
fn rendered() -> BTreeMap<String, String> {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("www/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    samples.sort();
    assert!(samples.len() >= 10, "the samples: {samples:?}");
    let mut out = BTreeMap::new();
    for path in samples {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let json = std::fs::read_to_string(&path).unwrap();
        let kind = kind_of(&json).unwrap_or_else(|| panic!("{name}: no schema"));
        for lang in LANGS {
            for width in WIDTHS {
                let options = Options {
                    width,
                    lang,
                    // The samples name their own `today`; this keeps any other one fixed.
                    today: NaiveDate::from_ymd_opt(2018, 12, 1),
                    geometry: None,
                    confidential: None,
                };
                let r = render(kind, &json, &options);
                assert!(
                    r.rendering.is_some(),
                    "{name}: not drawn: {:?}",
                    r.diagnostics
                );
                // The narrow width in German only, and the page at the wide width only: the
                // other combinations repeat the same drawing (a map's paths are 130 KB).
                let wide = width == WIDTHS[1];
                let stem = format!("{name}.{}.{width}", lang.as_str());
                if let Some(svg) = r.svg().filter(|_| wide || lang == Lang::De) {
                    out.insert(format!("{stem}.svg"), lines(&svg));
                }
                if wide {
                    out.insert(format!("{stem}.html"), lines(&r.html()));
                }
            }
        }
    }
    out
}

/// The markup with one element a line, so that a diff shows what changed. Text and attribute
/// values hold no `<` or `>` (the renderer escapes them), so this only breaks between tags.
fn lines(markup: &str) -> String {
    let mut out = markup.replace("><", ">\n<");
    out.push('\n');
    out
}

/// The first line where two texts differ, with its number.
fn first_difference(want: &str, got: &str) -> String {
    let (mut w, mut g) = (want.lines(), got.lines());
    for n in 1.. {
        match (w.next(), g.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => break,
            (a, b) => {
                let cut = |s: Option<&str>| {
                    s.map_or("(end of file)".to_string(), |s| {
                        s.chars().take(300).collect()
                    })
                };
                return format!("line {n}:\n  golden: {}\n  now:    {}", cut(a), cut(b));
            }
        }
    }
    "only in line ends".into()
}

#[test]
fn every_sample_renders_as_its_golden_file() {
    let dir = root().join("tests/goldens");
    let update = std::env::var_os("UPDATE_GOLDENS").is_some_and(|v| v != "0" && !v.is_empty());
    let now = rendered();
    let committed: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".svg") || n.ends_with(".html"))
                .collect()
        })
        .unwrap_or_default();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
        for stale in committed.iter().filter(|n| !now.contains_key(*n)) {
            std::fs::remove_file(dir.join(stale)).unwrap();
        }
        for (name, text) in &now {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
                std::fs::write(&path, text).unwrap();
            }
        }
        let bytes: usize = now.values().map(String::len).sum();
        eprintln!("wrote {} golden files, {} KiB", now.len(), bytes / 1024);
        return;
    }
    let how = "refresh with `UPDATE_GOLDENS=1 cargo test --test goldens` and review `git diff tests/goldens`";
    let mut failures = Vec::new();
    for (name, text) in &now {
        match std::fs::read_to_string(dir.join(name)) {
            Err(_) => failures.push(format!("{name}: no golden file")),
            Ok(golden) if golden != *text => failures.push(format!(
                "{name} differs from its golden file at {}",
                first_difference(&golden, text)
            )),
            Ok(_) => {}
        }
    }
    for stale in committed.iter().filter(|n| !now.contains_key(*n)) {
        failures.push(format!(
            "{stale}: a golden file no sample makes any more ({how})"
        ));
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden files fail ({how}):\n{}",
        failures.len(),
        now.len(),
        failures.join("\n")
    );
}

#[test]
fn the_golden_files_are_what_a_reader_can_trust() {
    // Every file stands alone: no custom property left, no script, no style attribute.
    for (name, text) in rendered() {
        assert!(!text.contains("var("), "{name}");
        assert!(!text.contains("<script"), "{name}");
        assert!(!text.contains(" style=\""), "{name}");
        let lang = if name.contains(".en.") { "en" } else { "de" };
        if name.ends_with(".html") {
            assert!(text.contains(&format!("<html lang=\"{lang}\">")), "{name}");
        }
    }
}
