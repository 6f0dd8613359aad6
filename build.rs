//! The widgets' stylesheet as the module carries it: `src/view/style.css` without its comments
//! and the spaces no CSS reader needs (the module embeds it; 8 KiB of the 33 are comments and
//! indentation). Strings keep every character.

use std::{env, fs, path::Path};

fn main() {
    let source = "src/view/style.css";
    println!("cargo::rerun-if-changed={source}");
    // A build script runs at compile time, never in the module: a missing stylesheet or an
    // unwritable OUT_DIR must stop the build with its reason, which these `expect`s do. None
    // of them can reach a page.
    let css = fs::read_to_string(source).expect("src/view/style.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
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
