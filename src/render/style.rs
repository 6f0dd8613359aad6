//! The crate's one stylesheet (`src/view/style.css`) as a file that stands alone needs it: an
//! SVG or HTML file opened without the widget, or drawn by resvg/usvg.
//!
//! The widget's sheet themes through custom properties (`--_accent: var(--fw-accent, #0b5cad)`
//! on `.fw-root`, `--_k` per kind class) and holds rules for controls, states and media that a
//! file has no use for. What [`standalone`] writes instead:
//! - every `var(…)` resolved: the host's value of a `--fw-*` property where the lookup gives
//!   one, else the stylesheet's default (the light theme); a property set per class (`--_k` on
//!   `.fw-kind--work`) becomes one rule per class that sets it (`.fw-kind--work .fw-phase__bar`,
//!   and `.fw-kind--work.fw-phase__bar` for the same element), in the place of the rule that
//!   uses it, so later rules of the same specificity still win as in the browser;
//! - only rules of plain selectors (classes and element names joined by spaces or `>`) whose
//!   every class and element occurs in the markup the CSS is for: no pseudo-classes, no
//!   attribute selectors, no `:host`, nothing inside `@media`, `@container` or `@supports`;
//! - a few rules for the file's own frame (`.fw-file`: the `.fw-root` font, the paper, the
//!   title and the notes), and `text { fill }` for what `:where(.fw-svg) text` does in the
//!   widget.
//!
//! The output holds no `var(`, no `]]>` and no `</` (so it can sit in `<style>` and CDATA), is a
//! rule a line, and uses only what usvg's CSS reader knows (rules are sorted by specificity,
//! then by order, as there).

use std::collections::{HashMap, HashSet};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

/// The file's own frame (see [`crate::render::svg::figure`]) and its table views as text
/// (see [`crate::render::document`]), written with the sheet's
/// properties; `.fw-file` also gets the font of `.fw-root`.
const FILE: &str = "
text { fill: var(--_fg); }
.fw-file { font-size: 15px; color: var(--_fg); }
.fw-file__paper { fill: var(--_bg); }
.fw-file__title { font-size: 15px; font-weight: 700; fill: var(--_fg); }
.fw-file__note { font-size: 11px; fill: var(--_muted); }
.fw-file-table__head { font-size: 11px; font-weight: 700; }
.fw-file-table__cell { font-size: 11px; }
.fw-file-table__cell--dimmed { fill: var(--_muted); }
.fw-file-table__foot { font-size: 11px; font-weight: 700; }
.fw-file-table__rule { stroke: var(--_muted); stroke-width: 1; }
";

/// Declarations that do nothing in a file (no pointer, no focus, no layout container).
const IDLE: [&str; 6] = [
    "cursor",
    "pointer-events",
    "user-select",
    "touch-action",
    "container-type",
    "container-name",
];

/// The CSS for `markup` with the defaults of the stylesheet (what the command line tool and the
/// golden files use).
///
/// ```
/// use foerderweg::render::style;
/// let css = style::native(r#"<path class="fw-line fw-line--profilings"/>"#);
/// assert!(css.contains(".fw-line--profilings{stroke:#0b5cad}"), "{css}");
/// assert!(!css.contains("var("));
/// ```
pub fn native(markup: &str) -> String {
    standalone(markup, |_| None)
}

/// The CSS for `markup`, with `host` giving the host's value of a custom property
/// (`--fw-accent` → `#8a1538`) or `None` for the stylesheet's default. A value that could end
/// the rule or the `<style>` element (`;`, `{`, `}`, `<`, `>`, `\`, `]]`) is not taken.
pub fn standalone(markup: &str, host: impl Fn(&str) -> Option<String>) -> String {
    let sheet = strip_comments(CSS);
    let rules = parse(&sheet);
    let host = |name: &str| host(name).filter(|v| safe(v));
    let roots: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.selectors == [".fw-root"])
        .collect();

    // Properties of `.fw-root`, each resolved against those before it and the host.
    let mut env: HashMap<String, String> = HashMap::new();
    for rule in &roots {
        for (name, value) in &rule.declarations {
            if name.starts_with("--")
                && let Some(v) = resolve(value, &env, &host)
            {
                env.insert(name.clone(), v);
            }
        }
    }
    // SVG text is sized in `--_px` (a fifteenth of the widget's font, which follows a reader's
    // default font size); a file is drawn at the sheet's own 15 px, so there it is a pixel.
    env.insert("--_px".to_string(), "1px".to_string());
    // Properties set per class (`.fw-kind--work { --_k: … }`), not per theme.
    let mut contextual: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
    for rule in rules.iter().filter(|r| {
        r.selectors != [".fw-root"] && !r.selectors.iter().any(|s| s.contains("fw-theme"))
    }) {
        for (name, value) in rule
            .declarations
            .iter()
            .filter(|(n, _)| n.starts_with("--"))
        {
            if let Some(v) = resolve(value, &env, &host) {
                contextual
                    .entry(name.clone())
                    .or_default()
                    .push((rule.selectors.clone(), v));
            }
        }
    }

    let used = Used::of(markup);
    let mut out = String::new();
    let file = parse(FILE);
    let font: Vec<(String, String)> = roots
        .iter()
        .flat_map(|r| r.declarations.iter())
        .filter(|(n, _)| n == "font-family")
        .cloned()
        .collect();
    for rule in &file {
        let mut rule = rule.clone();
        if rule.selectors == [".fw-file"] {
            rule.declarations.extend(font.iter().cloned());
        }
        write_rule(&mut out, &rule, &used, &env, &host, &contextual);
    }
    for rule in rules
        .iter()
        .filter(|r| !r.selectors.iter().any(|s| s.contains("fw-theme")))
    {
        write_rule(&mut out, rule, &used, &env, &host, &contextual);
    }
    out
}

/// A host's value is taken only if it cannot end a declaration, a rule or the element.
fn safe(value: &str) -> bool {
    !value.is_empty()
        && !value.contains([';', '{', '}', '<', '>', '\\', '\n', '\r'])
        && !value.contains("]]")
        && !value.contains("var(")
}

#[derive(Clone, Debug)]
struct Rule {
    selectors: Vec<String>,
    declarations: Vec<(String, String)>,
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The top-level rules; at-rules (and everything in their blocks) are left out.
fn parse(css: &str) -> Vec<Rule> {
    let mut rules = Vec::new();
    let mut rest = css.trim_start();
    while !rest.is_empty() {
        let Some(open) = rest.find(['{', ';']) else {
            break;
        };
        if rest.as_bytes()[open] == b';' {
            // `@import …;` and the like.
            rest = rest[open + 1..].trim_start();
            continue;
        }
        let end = block_end(rest, open);
        let head = rest[..open].trim();
        if !head.starts_with('@') {
            rules.push(Rule {
                selectors: head
                    .split(',')
                    .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect(),
                declarations: declarations(&rest[open + 1..end.saturating_sub(1).max(open + 1)]),
            });
        }
        rest = rest[end..].trim_start();
    }
    rules
}

/// The index just after the `}` that closes the block opened at `open`.
fn block_end(text: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

fn declarations(body: &str) -> Vec<(String, String)> {
    split_top(body, ';')
        .into_iter()
        .filter_map(|d| {
            let (name, value) = d.split_once(':')?;
            let (name, value) = (name.trim(), value.trim());
            (!name.is_empty() && !value.is_empty()).then(|| (name.to_string(), value.to_string()))
        })
        .collect()
}

/// `text` split at `sep` outside parentheses and quotes.
fn split_top(text: &str, sep: char) -> Vec<&str> {
    let (mut parts, mut depth, mut quote, mut start) = (Vec::new(), 0i32, None, 0);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, c) if c == sep && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `value` with every `var(--name, fallback)` replaced: a host's `--fw-*`, a known property,
/// else the fallback. `None` if one cannot be resolved.
fn resolve(
    value: &str,
    env: &HashMap<String, String>,
    host: &impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let Some(start) = value.find("var(") else {
        return Some(value.to_string());
    };
    let inner_start = start + 4;
    let mut depth = 1;
    let mut end = None;
    for (i, c) in value[inner_start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(inner_start + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end?;
    let inner = &value[inner_start..end];
    let (name, fallback) = match inner.find(',') {
        Some(comma) => (inner[..comma].trim(), Some(inner[comma + 1..].trim())),
        None => (inner.trim(), None),
    };
    let replaced = match name.starts_with("--fw-").then(|| host(name)).flatten() {
        Some(v) => v,
        None => match env.get(name) {
            Some(v) => v.clone(),
            None => resolve(fallback?, env, host)?,
        },
    };
    let rest = resolve(&value[end + 1..], env, host)?;
    Some(format!("{}{replaced}{rest}", &value[..start]))
}

/// The classes and element names that occur in a piece of markup.
struct Used<'a> {
    classes: HashSet<&'a str>,
    elements: HashSet<&'a str>,
}

impl<'a> Used<'a> {
    fn of(markup: &'a str) -> Used<'a> {
        let mut classes = HashSet::new();
        let mut rest = markup;
        while let Some(at) = rest.find("class=\"") {
            rest = &rest[at + 7..];
            let end = rest.find('"').unwrap_or(rest.len());
            classes.extend(rest[..end].split_whitespace());
            rest = &rest[end..];
        }
        let mut elements = HashSet::new();
        for part in markup.split('<').skip(1) {
            let end = part
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(part.len());
            if end > 0 {
                elements.insert(&part[..end]);
            }
        }
        Used { classes, elements }
    }

    /// Whether a selector is plain and everything it names occurs.
    fn matches(&self, selector: &str) -> bool {
        if selector.is_empty() || selector.contains([':', '[', '*', '~', '+', '#', '(']) {
            return false;
        }
        selector
            .split([' ', '>'])
            .filter(|c| !c.is_empty())
            .all(|compound| {
                let mut parts = compound.split('.');
                let element = parts.next().unwrap_or("");
                (element.is_empty() || self.elements.contains(element))
                    && parts.all(|class| !class.is_empty() && self.classes.contains(class))
            })
    }
}

fn write_rule(
    out: &mut String,
    rule: &Rule,
    used: &Used,
    env: &HashMap<String, String>,
    host: &impl Fn(&str) -> Option<String>,
    contextual: &HashMap<String, Vec<(Vec<String>, String)>>,
) {
    let declarations: Vec<&(String, String)> = rule
        .declarations
        .iter()
        .filter(|(n, _)| !n.starts_with("--") && !IDLE.contains(&n.as_str()))
        .collect();
    if declarations.is_empty() {
        return;
    }
    let plain: Vec<(String, String)> = declarations
        .iter()
        .filter_map(|(n, v)| Some((n.clone(), in_px(resolve(v, env, host)?))))
        .collect();
    emit(out, rule.selectors.iter().map(String::as_str), used, &plain);
    // Per class that sets a property a declaration uses: the declaration with its value.
    let mut names: Vec<&String> = contextual
        .keys()
        .filter(|name| declarations.iter().any(|(_, v)| uses(v, name)))
        .collect();
    names.sort();
    for name in names {
        for (contexts, value) in &contextual[name] {
            let mut env = env.clone();
            env.insert(name.clone(), value.clone());
            let set: Vec<(String, String)> = declarations
                .iter()
                .filter(|(_, v)| uses(v, name))
                .filter_map(|(n, v)| Some((n.clone(), in_px(resolve(v, &env, host)?))))
                .collect();
            let selectors: Vec<String> = rule
                .selectors
                .iter()
                .flat_map(|s| {
                    contexts
                        .iter()
                        .flat_map(move |c| [format!("{c} {s}"), format!("{c}{s}")])
                })
                .collect();
            emit(out, selectors.iter().map(String::as_str), used, &set);
        }
    }
}

/// `calc(12 * 1px)` (a size in `--_px`, resolved for a file) as `12px`: usvg reads no `calc()`.
fn in_px(value: String) -> String {
    let number = value
        .strip_prefix("calc(")
        .and_then(|v| v.strip_suffix(" * 1px)"))
        .filter(|n| crate::scene::num::parse(n).is_some());
    match number {
        Some(n) => format!("{n}px"),
        None => value,
    }
}

fn uses(value: &str, name: &str) -> bool {
    value.match_indices(name).any(|(i, _)| {
        value[..i].ends_with("var(")
            && !value[i + name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
    })
}

fn emit<'s>(
    out: &mut String,
    selectors: impl Iterator<Item = &'s str>,
    used: &Used,
    declarations: &[(String, String)],
) {
    let selectors: Vec<&str> = selectors.filter(|s| used.matches(s)).collect();
    if selectors.is_empty() || declarations.is_empty() {
        return;
    }
    out.push_str(&selectors.join(","));
    out.push('{');
    for (i, (name, value)) in declarations.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(name);
        out.push(':');
        out.push_str(value);
    }
    out.push_str("}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Markup with every class and element the stylesheet names.
    fn everything() -> String {
        let sheet = strip_comments(CSS);
        let mut classes: Vec<&str> = Vec::new();
        let mut rest = sheet.as_str();
        while let Some(at) = rest.find('.') {
            rest = &rest[at + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            if rest.starts_with("fw") {
                classes.push(&rest[..end]);
            }
        }
        let mut markup = format!(
            r#"<svg class="fw-file fw-file__paper fw-file__title fw-file__note {}">"#,
            classes.join(" ")
        );
        for e in [
            "g", "rect", "path", "line", "text", "li", "table", "th", "td", "caption",
        ] {
            markup.push_str(&format!("<{e}/>"));
        }
        markup
    }

    #[test]
    fn nothing_is_left_that_a_file_cannot_hold_or_usvg_cannot_read() {
        let css = native(&everything());
        for bad in [
            "var(",
            "]]>",
            "</",
            ":host",
            "@media",
            "@container",
            ":focus",
            ":hover",
        ] {
            assert!(!css.contains(bad), "{bad} in {css}");
        }
        assert!(!css.contains("--_"), "{css}");
        assert!(css.len() > 2000, "{css}");
    }

    #[test]
    fn marks_get_the_light_theme_colours() {
        let css = native(&everything());
        for rule in [
            ".fw-line--profilings,.fw-line--filled{stroke:#0b5cad}",
            ".fw-phase__bar{fill:#6d6d6d}",
            ".fw-kind--placement .fw-phase__bar,.fw-kind--placement.fw-phase__bar,.fw-kind--workOpportunity .fw-phase__bar,",
            ".fw-c3{fill:#5cb8a8}",
            "text{fill:#1b1f24}",
            ".fw-file__paper{fill:#ffffff}",
        ] {
            assert!(css.contains(rule), "{rule} in {css}");
        }
        // The kind's colour, and a planned bar stays transparent: it comes later at the same
        // specificity.
        let work = css
            .find(".fw-kind--counselling .fw-phase__bar,.fw-kind--counselling.fw-phase__bar{fill:#b34700}")
            .unwrap();
        let planned = css
            .find(".fw-phase--planned .fw-phase__bar{fill:transparent")
            .unwrap();
        assert!(planned > work);
        assert!(
            !css.contains("#7db7ff"),
            "a dark theme colour got in: {css}"
        );
    }

    #[test]
    fn only_rules_the_markup_can_match() {
        let css = native(
            r#"<svg class="fw-file"><g class="fw-units"><path class="fw-unit fw-c2"/></g></svg>"#,
        );
        assert!(css.contains(".fw-c2{fill:#97d3a4}"), "{css}");
        let unit = css
            .split(".fw-unit{")
            .nth(1)
            .and_then(|r| r.split('}').next())
            .unwrap_or("");
        assert!(unit.contains("stroke:#868f98"), "{css}");
        for absent in [
            ".fw-c3",
            ".fw-button",
            ".fw-table",
            ".fw-file__note",
            "text{",
        ] {
            assert!(!css.contains(absent), "{absent} in {css}");
        }
        assert!(css.contains("font-family:system-ui"), "{css}");
        assert!(css.lines().count() < 8, "{css}");
    }

    #[test]
    fn the_hosts_values_win_unless_they_could_break_out() {
        let markup = r#"<g class="fw-pin fw-pin--jobcenter"><path class="fw-pin__symbol"/></g><path class="fw-line fw-line--filled"/>"#;
        let css = standalone(markup, |name| match name {
            "--fw-accent" => Some("#8a1538".into()),
            "--fw-series-1" => Some("red}</style><script>".into()),
            _ => None,
        });
        assert!(
            css.contains(".fw-pin--jobcenter .fw-pin__symbol{fill:#8a1538}"),
            "{css}"
        );
        assert!(css.contains(".fw-line--filled{stroke:#0b5cad}"), "{css}");
        assert!(!css.contains("</") && !css.contains("script"), "{css}");
    }

    #[test]
    fn var_chains_resolve_to_their_innermost_default() {
        let env = HashMap::from([("--_a".to_string(), "#111".to_string())]);
        let none = |_: &str| None;
        assert_eq!(
            resolve("var(--_b, var(--_a))", &env, &none).as_deref(),
            Some("#111")
        );
        assert_eq!(
            resolve("1px solid var(--fw-x, #222)", &env, &none).as_deref(),
            Some("1px solid #222")
        );
        assert_eq!(resolve("var(--_nothing)", &env, &none), None);
        assert_eq!(
            resolve(
                "var(--fw-font, system-ui, \"Segoe UI\", sans-serif)",
                &env,
                &none
            )
            .as_deref(),
            Some("system-ui, \"Segoe UI\", sans-serif")
        );
    }
}
