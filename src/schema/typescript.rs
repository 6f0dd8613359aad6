//! TypeScript declarations of the three documents, written from their JSON Schemas (so from the
//! same model types): `schemas/timeline.d.ts` and its siblings in the package. Reads the part of
//! JSON Schema that `schemars` writes for the model: `type`, `properties`, `required`, `items`,
//! `anyOf`/`oneOf`, `$ref` into `$defs`, `const`, `enum`, `additionalProperties`, and the
//! `description`s, which become doc comments.

use serde_json::{Map, Value};

/// The declarations for a schema (parsed JSON) whose root type is called `root`: one
/// `export interface` or `export type` per definition in `$defs`, and the root.
///
/// ```
/// let schema = serde_json::json!({
///   "description": "A document.", "type": "object", "required": ["schema"],
///   "properties": {
///     "schema": {"type": "string"},
///     "rows": {"type": "array", "items": {"$ref": "#/$defs/Row"}},
///     "lang": {"type": ["string", "null"]}
///   },
///   "$defs": {"Row": {"type": "object", "properties": {"n": {"type": "integer"}}}}
/// });
/// let ts = foerderweg::schema::typescript::declarations(&schema, "Doc");
/// assert!(ts.contains("/** A document. */\nexport interface Doc {\n  lang?: string | null;\n"));
/// assert!(ts.contains("  rows?: Row[];\n  schema: string;\n}"));
/// assert!(ts.contains("export interface Row {\n  n?: number;\n}"));
/// ```
pub fn declarations(schema: &Value, root: &str) -> String {
    let mut out = String::new();
    declare(&mut out, root, schema);
    if let Some(defs) = schema.get("$defs").and_then(Value::as_object) {
        for (name, def) in defs {
            out.push('\n');
            declare(&mut out, &type_name(name), def);
        }
    }
    out
}

/// `export interface NAME {…}` for an object with properties, else `export type NAME = …;`.
fn declare(out: &mut String, name: &str, schema: &Value) {
    doc_comment(out, schema, "");
    match schema.get("properties").and_then(Value::as_object) {
        Some(properties) if is_object(schema) => {
            out.push_str(&format!("export interface {name} "));
            out.push_str(&object(schema, properties, ""));
            out.push('\n');
        }
        _ => out.push_str(&format!("export type {name} = {};\n", type_of(schema, ""))),
    }
}

fn is_object(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "object",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "object"),
        _ => schema.get("properties").is_some(),
    }
}

/// `{ a: T; b?: U; }` over several lines, indented by `indent`.
fn object(schema: &Value, properties: &Map<String, Value>, indent: &str) -> String {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (key, property) in properties {
        doc_comment(&mut out, property, &inner);
        let optional = if required.contains(&key.as_str()) {
            ""
        } else {
            "?"
        };
        out.push_str(&format!(
            "{inner}{}{optional}: {};\n",
            property_name(key),
            type_of(property, &inner)
        ));
    }
    if let Some(extra) = schema.get("additionalProperties").filter(|v| v.is_object()) {
        out.push_str(&format!(
            "{inner}[key: string]: {};\n",
            type_of(extra, &inner)
        ));
    }
    out.push_str(indent);
    out.push('}');
    out
}

/// The TypeScript type of a schema, in an expression.
fn type_of(schema: &Value, indent: &str) -> String {
    let Some(object) = schema.as_object() else {
        // `true` or `{}`: anything.
        return "unknown".into();
    };
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        return type_name(reference.rsplit('/').next().unwrap_or(reference));
    }
    if let Some(value) = object.get("const") {
        return value.to_string();
    }
    if let Some(values) = object.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(Value::to_string).collect());
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = object.get(key).and_then(Value::as_array) {
            return union(options.iter().map(|o| type_of(o, indent)).collect());
        }
    }
    match object.get("type") {
        Some(Value::String(t)) => simple(t, schema, indent),
        Some(Value::Array(ts)) => union(
            ts.iter()
                .filter_map(Value::as_str)
                .map(|t| simple(t, schema, indent))
                .collect(),
        ),
        _ => "unknown".into(),
    }
}

/// One JSON type, with what the schema says about its items or properties.
fn simple(t: &str, schema: &Value, indent: &str) -> String {
    match t {
        "string" => "string".into(),
        "integer" | "number" => "number".into(),
        "boolean" => "boolean".into(),
        "null" => "null".into(),
        "array" => match schema.get("items") {
            Some(items) => {
                let item = type_of(items, indent);
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            None => "unknown[]".into(),
        },
        "object" => match (
            schema.get("properties").and_then(Value::as_object),
            schema.get("additionalProperties"),
        ) {
            (Some(properties), _) => object(schema, properties, indent),
            (None, Some(extra)) if extra.is_object() => {
                format!("Record<string, {}>", type_of(extra, indent))
            }
            _ => "Record<string, unknown>".into(),
        },
        _ => "unknown".into(),
    }
}

/// `A | B`, each once, in the order given.
fn union(mut types: Vec<String>) -> String {
    let mut seen = Vec::new();
    types.retain(|t| {
        let new = !seen.contains(t);
        seen.push(t.clone());
        new
    });
    match types.len() {
        0 => "never".into(),
        _ => types.join(" | "),
    }
}

/// A definition's name as a TypeScript identifier (`Day`, `HostGeometry`).
fn type_name(name: &str) -> String {
    let out: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{out}")
    } else {
        out
    }
}

/// A property key, quoted where it is no identifier.
fn property_name(key: &str) -> String {
    let plain = key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && !key.is_empty();
    if plain {
        key.to_string()
    } else {
        Value::String(key.into()).to_string()
    }
}

/// The schema's `description` as a `/** … */` comment (`*/` in it cannot end the comment).
fn doc_comment(out: &mut String, schema: &Value, indent: &str) {
    let Some(text) = schema.get("description").and_then(Value::as_str) else {
        return;
    };
    let text = text.replace("*/", "*\u{2215}");
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= 1 {
        out.push_str(&format!("{indent}/** {} */\n", text.trim()));
        return;
    }
    out.push_str(&format!("{indent}/**\n"));
    for line in lines {
        out.push_str(&format!("{indent} * {}\n", line.trim_end()).replace(" * \n", " *\n"));
    }
    out.push_str(&format!("{indent} */\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_references_and_maps() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {
                "date": {"anyOf": [{"$ref": "#/$defs/Day"}, {"type": "null"}]},
                "kind": {"oneOf": [{"const": "a"}, {"const": "b"}]},
                "figures": {"type": "object", "additionalProperties": {"type": "number"}},
                "odd-key": {"type": "array", "items": {"type": ["string", "null"]}},
                "any": true
            },
            "$defs": {"Day": {"description": "ISO day */ end", "type": "string"}}
        });
        let ts = declarations(&schema, "Doc");
        assert!(ts.contains("  date?: Day | null;\n"), "{ts}");
        assert!(ts.contains("  kind?: \"a\" | \"b\";\n"), "{ts}");
        assert!(ts.contains("  figures?: Record<string, number>;\n"), "{ts}");
        assert!(ts.contains("  \"odd-key\"?: (string | null)[];\n"), "{ts}");
        assert!(ts.contains("  any?: unknown;\n"), "{ts}");
        assert!(
            ts.contains("/** ISO day *\u{2215} end */\nexport type Day = string;"),
            "{ts}"
        );
    }
}
