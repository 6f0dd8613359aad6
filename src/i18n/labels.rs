//! Host label overrides: a page can replace any fixed text of a language by its own, keyed by
//! the field's path in the text table (`tl.show_table`, `participants.one`,
//! `tl.phase_kinds.profiling`, `occ.months.3`). Pure Rust, no browser.
//!
//! A table with overrides is a copy of the built-in one with the named strings swapped. The
//! copy lives as long as the page (widgets hold `&'static Texts`), so it is made once per host
//! call, never per mount or render, and equal strings are stored once.

use super::{Lang, Texts};
use serde_json::{Map, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// One key of a host's label object that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The key as the host wrote it.
    pub key: String,
    /// Why it was not applied (English, for the host's developer).
    pub reason: String,
}

/// A key still to apply: the part of its path below the current table, its value and the whole
/// key for messages.
pub(super) struct Entry<'a> {
    rest: &'a str,
    value: &'a Value,
    key: &'a str,
}

/// A part of a text table whose strings a host can replace.
pub(super) trait Labels {
    /// Applies `entries` (paths relative to this part) and records every one it cannot apply.
    fn apply(&mut self, entries: Vec<Entry<'_>>, rejected: &mut Vec<Rejected>);
    /// Lists every key below `prefix` with its current text, in table order.
    fn list(&self, prefix: &str, out: &mut Vec<(String, String)>);
}

/// Declares a text-table struct and lets a host replace each of its fields by name.
macro_rules! text_table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
        }

        impl $crate::i18n::labels::Labels for $name {
            fn apply(
                &mut self,
                entries: Vec<$crate::i18n::labels::Entry<'_>>,
                rejected: &mut Vec<$crate::i18n::labels::Rejected>,
            ) {
                $crate::i18n::labels::apply_parts(self.parts(), entries, rejected);
            }

            fn list(&self, prefix: &str, out: &mut Vec<(String, String)>) {
                let mut copy = self.clone();
                for (name, part) in copy.parts() {
                    part.list(&$crate::i18n::labels::join(prefix, name), out);
                }
            }
        }

        impl $name {
            /// Each field with its name, for [`Labels`](super::labels::Labels).
            fn parts(&mut self) -> Vec<(&'static str, &mut dyn $crate::i18n::labels::Labels)> {
                vec![$( (stringify!($field), &mut self.$field), )*]
            }
        }
    };
}
pub(super) use text_table;

/// Hands each of `parts` the entries under its name and rejects the entries no part takes.
pub(super) fn apply_parts(
    parts: Vec<(&'static str, &mut dyn Labels)>,
    mut entries: Vec<Entry<'_>>,
    rejected: &mut Vec<Rejected>,
) {
    for (name, part) in parts {
        let (mine, others) = take_field(entries, name);
        entries = others;
        if !mine.is_empty() {
            part.apply(mine, rejected);
        }
    }
    reject_all(entries, "no such label", rejected);
}

/// Splits `entries` into those under `field` (with the field taken off their path) and the rest.
pub(super) fn take_field<'a>(
    entries: Vec<Entry<'a>>,
    field: &str,
) -> (Vec<Entry<'a>>, Vec<Entry<'a>>) {
    let mut mine = Vec::new();
    let mut others = Vec::new();
    for entry in entries {
        let (head, tail) = entry.rest.split_once('.').unwrap_or((entry.rest, ""));
        if head == field {
            mine.push(Entry {
                rest: tail,
                ..entry
            });
        } else {
            others.push(entry);
        }
    }
    (mine, others)
}

pub(super) fn reject_all(entries: Vec<Entry<'_>>, reason: &str, rejected: &mut Vec<Rejected>) {
    rejected.extend(entries.into_iter().map(|e| Rejected {
        key: e.key.to_string(),
        reason: reason.to_string(),
    }));
}

pub(super) fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

thread_local! {
    /// Every string a host has given, stored once for the page.
    static INTERNED: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
    /// The tables with the host's labels, per language; `None` is the built-in table.
    static OVERRIDDEN: Cell<[Option<&'static Texts>; 2]> = const { Cell::new([None, None]) };
}

fn intern(text: &str) -> &'static str {
    INTERNED.with(|set| {
        let mut set = set.borrow_mut();
        if let Some(known) = set.get(text) {
            return *known;
        }
        let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
        set.insert(leaked);
        leaked
    })
}

/// The `{name}` placeholders of a text, in order of appearance.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if close > 0 && after[..close].bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// Checks a host's text for a label whose built-in text is `current`.
fn replacement(current: &str, value: &Value) -> Result<&'static str, String> {
    let Some(text) = value.as_str() else {
        return Err("the label must be a string".to_string());
    };
    if text.trim().is_empty() {
        return Err("the label is empty".to_string());
    }
    let wanted = placeholders(current);
    let given = placeholders(text);
    if let Some(missing) = wanted.iter().find(|p| !given.contains(p)) {
        return Err(format!(
            "the label must keep the placeholder {{{missing}}} (built-in text: {current:?})"
        ));
    }
    if let Some(extra) = given.iter().find(|p| !wanted.contains(p)) {
        return Err(format!(
            "the placeholder {{{extra}}} is not filled for this label"
        ));
    }
    Ok(intern(text))
}

/// A single string takes the entry that names it exactly; a longer key is no label.
impl Labels for &'static str {
    fn apply(&mut self, entries: Vec<Entry<'_>>, rejected: &mut Vec<Rejected>) {
        for entry in entries {
            let result = if entry.rest.is_empty() {
                replacement(self, entry.value)
            } else {
                Err("no such label".to_string())
            };
            match result {
                Ok(text) => *self = text,
                Err(reason) => rejected.push(Rejected {
                    key: entry.key.to_string(),
                    reason,
                }),
            }
        }
    }

    fn list(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        out.push((prefix.to_string(), (*self).to_string()));
    }
}

/// Singular and plural: `participants.one`, `participants.other`.
impl Labels for (&'static str, &'static str) {
    fn apply(&mut self, entries: Vec<Entry<'_>>, rejected: &mut Vec<Rejected>) {
        let (one, rest) = take_field(entries, "one");
        let (other, rest) = take_field(rest, "other");
        self.0.apply(one, rejected);
        self.1.apply(other, rejected);
        reject_all(rest, "a plural takes `.one` and `.other`", rejected);
    }

    fn list(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        self.0.list(&join(prefix, "one"), out);
        self.1.list(&join(prefix, "other"), out);
    }
}

/// Names of the data's keys: `tl.phase_kinds.profiling`.
impl Labels for &'static [(&'static str, &'static str)] {
    fn apply(&mut self, entries: Vec<Entry<'_>>, rejected: &mut Vec<Rejected>) {
        let mut names: Vec<(&'static str, &'static str)> = self.to_vec();
        let mut changed = false;
        for entry in entries {
            let Some(pair) = names.iter_mut().find(|(key, _)| *key == entry.rest) else {
                rejected.push(Rejected {
                    key: entry.key.to_string(),
                    reason: "no such key in this list".to_string(),
                });
                continue;
            };
            match replacement(pair.1, entry.value) {
                Ok(text) => {
                    pair.1 = text;
                    changed = true;
                }
                Err(reason) => rejected.push(Rejected {
                    key: entry.key.to_string(),
                    reason,
                }),
            }
        }
        if changed {
            *self = Box::leak(names.into_boxed_slice());
        }
    }

    fn list(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        for (key, name) in self.iter() {
            out.push((join(prefix, key), (*name).to_string()));
        }
    }
}

/// Month names, numbered from 1: `occ.months.1` is January.
impl Labels for [&'static str; 12] {
    fn apply(&mut self, entries: Vec<Entry<'_>>, rejected: &mut Vec<Rejected>) {
        for entry in entries {
            let index = entry
                .rest
                .parse::<usize>()
                .ok()
                .filter(|m| (1..=12).contains(m));
            match index {
                Some(month) => self[month - 1].apply(vec![Entry { rest: "", ..entry }], rejected),
                None => rejected.push(Rejected {
                    key: entry.key.to_string(),
                    reason: "months are numbered 1 to 12".to_string(),
                }),
            }
        }
    }

    fn list(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        for (i, name) in self.iter().enumerate() {
            out.push((join(prefix, &(i + 1).to_string()), (*name).to_string()));
        }
    }
}

/// A part of the table held by reference (`tl`, `occ`, …): copied once for all of its entries.
impl<T: Labels + Clone + 'static> Labels for &'static T {
    fn apply(&mut self, entries: Vec<Entry<'_>>, rejected: &mut Vec<Rejected>) {
        let before = rejected.len();
        let count = entries.len();
        let mut copy = (*self).clone();
        copy.apply(entries, rejected);
        if rejected.len() - before < count {
            *self = Box::leak(Box::new(copy));
        }
    }

    fn list(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        (*self).list(prefix, out);
    }
}

fn keys_of(texts: &Texts) -> Vec<(String, String)> {
    let mut out = Vec::new();
    texts.list("", &mut out);
    out
}

impl Lang {
    /// The built-in text table of this language, without a host's labels.
    pub fn builtin_texts(self) -> &'static Texts {
        match self {
            Lang::De => &super::de::TEXTS,
            Lang::En => &super::en::TEXTS,
        }
    }

    /// The text table the widgets use: the built-in one with the host's labels, if any.
    // Called from a hundred places: one copy of the look-up, not one each.
    #[inline(never)]
    pub fn texts(self) -> &'static Texts {
        OVERRIDDEN
            .with(Cell::get)
            .get(self as usize)
            .copied()
            .flatten()
            .unwrap_or_else(|| self.builtin_texts())
    }

    /// Replaces labels of this language for the whole page. `labels` maps keys such as
    /// `tl.show_table` to texts; keys not named keep their built-in text, and a new call replaces
    /// the labels of the one before (an empty object restores the built-in table). Returns the
    /// keys it could not apply; the others apply anyway.
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// let labels: serde_json::Map<String, serde_json::Value> =
    ///     serde_json::from_str(r#"{ "tl.show_table": "Tabelle", "nope": "x" }"#).unwrap_or_default();
    /// let rejected = Lang::De.set_labels(&labels);
    /// assert_eq!(Lang::De.texts().tl.show_table, "Tabelle");
    /// assert_eq!(rejected[0].key, "nope");
    /// ```
    pub fn set_labels(self, labels: &Map<String, Value>) -> Vec<Rejected> {
        let mut rejected = Vec::new();
        let table = if labels.is_empty() {
            None
        } else {
            let mut copy = self.builtin_texts().clone();
            let entries = labels
                .iter()
                .map(|(key, value)| Entry {
                    rest: key.as_str(),
                    value,
                    key: key.as_str(),
                })
                .collect();
            copy.apply(entries, &mut rejected);
            Some(&*Box::leak(Box::new(copy)))
        };
        OVERRIDDEN.with(|cell| {
            let mut tables = cell.get();
            tables[self as usize] = table;
            cell.set(tables);
        });
        rejected
    }

    /// Every label key of this language with its current text, in table order.
    pub fn label_keys(self) -> Vec<(String, String)> {
        keys_of(self.texts())
    }

    /// Every label key of this language with its built-in text, in table order.
    pub fn builtin_label_keys(self) -> Vec<(String, String)> {
        keys_of(self.builtin_texts())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn set(lang: Lang, labels: Value) -> Vec<Rejected> {
        let map = labels.as_object().cloned().unwrap_or_default();
        lang.set_labels(&map)
    }

    #[test]
    fn every_kind_of_label_can_be_replaced() {
        let rejected = set(
            Lang::En,
            json!({
                "timeline_name": "Support path",
                "participants.one": "client",
                "participants.other": "clients",
                "tl.show_table": "Show as a table",
                "tl.phase_kinds.profiling": "Assessment",
                "occ.months.1": "Jan.",
                "diag.http_status": "The server said {a}.",
            }),
        );
        assert_eq!(rejected, vec![]);
        let t = Lang::En.texts();
        assert_eq!(t.timeline_name, "Support path");
        assert_eq!(Lang::En.count(2, t.participants), "2 clients");
        assert_eq!(Lang::En.count(1, t.participants), "1 client");
        assert_eq!(t.tl.show_table, "Show as a table");
        assert_eq!(
            super::super::name_of(t.tl.phase_kinds, "profiling"),
            "Assessment"
        );
        assert_eq!(
            super::super::name_of(t.tl.phase_kinds, "referral"),
            "Referral"
        );
        assert_eq!(t.occ.months[0], "Jan.");
        assert_eq!(t.occ.months[1], "Feb");
        // Other parts and the other language keep the built-in text.
        assert_eq!(t.map.show_map, Lang::En.builtin_texts().map.show_map);
        assert_eq!(Lang::De.texts().timeline_name, "Förderverlauf");
    }

    #[test]
    fn a_new_call_replaces_the_last_and_an_empty_one_restores() {
        set(Lang::De, json!({ "waiting": "Bitte warten" }));
        set(Lang::De, json!({ "loading": "Lädt" }));
        assert_eq!(Lang::De.texts().waiting, "Noch keine Daten.");
        assert_eq!(Lang::De.texts().loading, "Lädt");
        set(Lang::De, json!({}));
        assert!(std::ptr::eq(Lang::De.texts(), Lang::De.builtin_texts()));
    }

    #[test]
    fn bad_keys_and_values_are_named_and_the_rest_applies() {
        let rejected = set(
            Lang::De,
            json!({
                "tl": "Zeitachse",
                "tl.nope": "x",
                "participants": "x",
                "participants.few": "x",
                "tl.phase_kinds.unknown": "x",
                "occ.months.13": "x",
                "retry": 3,
                "error": "  ",
                "diag.http_status": "Serverfehler",
                "diag.syntax": "Kaputt: {a} {c}",
                "source": "Herkunft",
            }),
        );
        let mut keys: Vec<&str> = rejected.iter().map(|r| r.key.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "diag.http_status",
                "diag.syntax",
                "error",
                "occ.months.13",
                "participants",
                "participants.few",
                "retry",
                "tl",
                "tl.nope",
                "tl.phase_kinds.unknown",
            ]
        );
        let http = rejected.iter().find(|r| r.key == "diag.http_status");
        assert!(http.is_some_and(|r| r.reason.contains("{a}")));
        let t = Lang::De.texts();
        assert_eq!(t.source, "Herkunft");
        assert_eq!(
            t.diag.http_status,
            Lang::De.builtin_texts().diag.http_status
        );
        assert_eq!(t.retry, "Erneut laden");
    }

    #[test]
    fn keys_list_every_string_once_in_both_languages() {
        let de = Lang::De.label_keys();
        let en = Lang::En.label_keys();
        let de_keys: Vec<&String> = de.iter().map(|(k, _)| k).collect();
        let en_keys: Vec<&String> = en.iter().map(|(k, _)| k).collect();
        assert_eq!(de_keys, en_keys);
        let unique: HashSet<&String> = de_keys.iter().copied().collect();
        assert_eq!(unique.len(), de_keys.len());
        assert!(de.iter().any(|(k, v)| k == "occ.months.12" && v == "Dez"));
        assert!(de.iter().any(|(k, _)| k == "tl.outcomes.employment"));
        // Every listed key takes its own text back.
        let all: Map<String, Value> = de
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        assert_eq!(Lang::De.set_labels(&all), vec![]);
        set(Lang::De, json!({}));
    }

    #[test]
    fn equal_texts_are_stored_once() {
        let a = intern("Gleich");
        let b = intern(&String::from("Gleich"));
        assert!(std::ptr::eq(a, b));
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("{a} von {b}, {n}"), ["a", "b", "n"]);
        assert_eq!(placeholders("{} {x y} {ok}"), ["ok"]);
        assert_eq!(placeholders("{{a}"), ["a"]);
    }
}
