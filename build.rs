//! The widgets' stylesheet as the module carries it: `src/view/style.css` without its comments
//! and the spaces no CSS reader needs (the module embeds it; 8 KiB of the 33 are comments and
//! indentation). Strings keep every character.

use std::{env, fs, path::Path};

/// A build script runs at compile time, never in the module: a missing stylesheet or an
/// unwritable `OUT_DIR` stops the build with its reason (the error `main` returns), and none of
/// it can reach a page.
fn main() -> Result<(), String> {
    let source = "src/view/style.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).map_err(|e| format!("{source}: {e}"))?;
    let dir = env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    let out = Path::new(&dir).join("style.css");
    fs::write(&out, minify(&css)).map_err(|e| format!("{}: {e}", out.display()))
}

/// Characters around which a space means nothing.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            '}' => {
                space = false;
                if out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            c => {
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the space that came before `next`, where it means something.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    if std::mem::take(space) && !tight(next) && !out.is_empty() && !out.ends_with(tight) {
        out.push(' ');
    }
}
