#![cfg(not(target_arch = "wasm32"))]
//! Nothing lost, nothing crashes: for generated documents of every kind (valid, odd and wrong
//! records mixed), the whole pure pipeline runs without a panic, and every record the input holds
//! is either shown (a row, a column, a mark) or named in a diagnostic; a document refused as a
//! whole always says why. The samples in `www/data` pass the same audit.

use foerderweg::audit::{Audit, audit};
use foerderweg::geo::{Atlas, codec};
use foerderweg::i18n::Lang;
use foerderweg::model::WidgetKind;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

fn districts() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        codec::decode(include_bytes!("../assets/geo/districts.fwg"))
            .unwrap_or_else(|e| panic!("built-in districts: {e:?}"))
    })
}

fn municipalities() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        codec::decode(include_bytes!("../assets/geo/municipalities-14-15.fwg"))
            .unwrap_or_else(|e| panic!("built-in municipalities: {e:?}"))
    })
}

fn run(kind: WidgetKind, doc: &Value, lang: Lang) -> Audit {
    let text = doc.to_string();
    audit(kind, &text, Some(districts()), Some(municipalities()), lang)
}

fn assert_accounted(a: &Audit, doc: &Value) {
    assert!(
        a.refused || !a.tallies.is_empty(),
        "neither drawn nor refused: {doc}"
    );
    assert_eq!(a.lost(), Vec::<String>::new(), "records lost in {doc}");
}

/// Text of every kind: empty, markup, right-to-left, combining marks, emoji, long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("\u{202e}evil\u{202c} Z\u{0336}a\u{0337}".to_string()),
        Just("👩‍👩‍👧‍👦 Träger".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        Just("x".repeat(2000)),
        prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
    ]
}

/// A day, or something that is not one.
fn date() -> impl Strategy<Value = Value> {
    prop_oneof![
        40 => (2015i32..2021, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))),
        1 => Just(json!("2018-02-30")),
        1 => Just(json!("01.02.2018")),
        1 => Just(json!(null)),
        1 => Just(json!(20180101)),
    ]
}

fn word(words: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::sample::select(words).prop_map(|w| json!(w)),
        1 => text().prop_map(Value::String),
    ]
}

/// Sets `key` when `value` is `Some`: an absent field and a present one are both tried.
fn put(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        object.insert(key.to_string(), v);
    }
}

/// `days` after the day `start`, or `start` itself when it is not a day.
fn days_after(start: &Value, days: i64) -> Value {
    let day = start
        .as_str()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    match day {
        Some(d) => json!(
            (d + chrono::Duration::days(days))
                .format("%Y-%m-%d")
                .to_string()
        ),
        None => start.clone(),
    }
}

fn phase() -> impl Strategy<Value = Value> {
    (
        word(&[
            "referral",
            "profiling",
            "placement",
            "workOpportunity",
            "qualification",
            "counselling",
            "followUp",
        ]),
        date(),
        prop::option::of(prop_oneof![20 => 0i64..400, 1 => -30i64..0]),
        prop::option::of(prop_oneof![20 => 0i64..400, 1 => -30i64..0]),
        prop::option::of(text()),
        prop::option::of(word(&["planned", "active", "completed", "terminated"])),
        prop::option::of(text()),
    )
        .prop_map(|(kind, start, planned_end, end, provider, status, label)| {
            // Ends mostly after the start, now and then before it.
            let planned_end = planned_end.map(|d| days_after(&start, d));
            let end = end.map(|d| days_after(&start, d));
            let mut o = Map::new();
            o.insert("kind".into(), kind);
            o.insert("start".into(), start);
            put(&mut o, "plannedEnd", planned_end);
            put(&mut o, "end", end);
            put(&mut o, "provider", provider.map(Value::String));
            put(&mut o, "status", status);
            put(&mut o, "label", label.map(Value::String));
            Value::Object(o)
        })
}

fn participant() -> impl Strategy<Value = Value> {
    let event = (
        word(&["review", "followUpProfiling", "homeVisit", "other"]),
        date(),
        prop::option::of(text()),
    )
        .prop_map(|(kind, date, label)| {
            let mut o = Map::new();
            o.insert("kind".into(), kind);
            o.insert("date".into(), date);
            put(&mut o, "label", label.map(Value::String));
            Value::Object(o)
        });
    let goal = (
        text(),
        prop::option::of(date()),
        prop::option::of(word(&["open", "achieved", "dropped"])),
    )
        .prop_map(|(label, due, status)| {
            let mut o = Map::new();
            o.insert("label".into(), Value::String(label));
            put(&mut o, "due", due);
            put(&mut o, "status", status);
            Value::Object(o)
        });
    let exit = (
        date(),
        word(&["employment", "earlyTermination", "other"]),
        prop::option::of(word(&["health", "overload", "other"])),
        prop::option::of(text()),
    )
        .prop_map(|(date, outcome, reason, follow_up)| {
            let mut o = Map::new();
            o.insert("date".into(), date);
            o.insert("outcome".into(), outcome);
            put(&mut o, "reason", reason);
            put(&mut o, "followUp", follow_up.map(Value::String));
            Value::Object(o)
        });
    (
        ids("p"),
        text(),
        prop::collection::vec(phase(), 0..5),
        prop::collection::vec(event, 0..4),
        prop::collection::vec(goal, 0..3),
        prop::option::of(exit),
    )
        .prop_map(|(id, label, phases, events, goals, exit)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(id));
            o.insert("label".into(), Value::String(label));
            o.insert("phases".into(), Value::Array(phases));
            o.insert("events".into(), Value::Array(events));
            o.insert("goals".into(), Value::Array(goals));
            put(&mut o, "exit", exit);
            Value::Object(o)
        })
}

/// Ids, now and then the same twice.
fn ids(prefix: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        30 => (0u32..100_000).prop_map(move |n| format!("{prefix}{n}")),
        1 => Just(format!("{prefix}-same")),
    ]
}

fn count() -> impl Strategy<Value = Value> {
    prop_oneof![
        60 => (0u32..200).prop_map(|n| json!(n)),
        1 => Just(json!(-1)),
        1 => Just(json!(1.5)),
        1 => Just(json!(null)),
        1 => Just(json!(10.0)),
        1 => Just(json!(-0.0)),
    ]
}

fn occupancy_doc() -> impl Strategy<Value = Value> {
    // Filled and planned mostly within the slots, now and then beyond them.
    let share = prop_oneof![30 => 0u32..=100, 1 => 101u32..300];
    let project = (
        ids("p"),
        text(),
        0u32..60,
        prop::option::of(share.clone()),
        prop::option::of(share),
        prop_oneof![40 => Just(None), 1 => count().prop_map(Some)],
    )
        .prop_map(|(id, label, slots, filled, planned, odd)| {
            let filled = filled.map(|pct| slots * pct / 100);
            let planned = planned.map(|pct| slots.saturating_sub(filled.unwrap_or(0)) * pct / 100);
            let mut o = Map::new();
            o.insert("id".into(), json!(id));
            o.insert("label".into(), Value::String(label));
            o.insert("slots".into(), odd.unwrap_or(json!(slots)));
            put(&mut o, "filled", filled.map(|n| json!(n)));
            put(&mut o, "planned", planned.map(|n| json!(n)));
            Value::Object(o)
        });
    let provider = (ids("t"), text(), prop::collection::vec(project, 0..4)).prop_map(
        |(id, label, projects)| json!({ "id": id, "label": label, "projects": projects }),
    );
    let point = (
        date(),
        prop::option::of(count()),
        prop::option::of(count()),
        prop::option::of(count()),
        prop::option::of(count()),
        prop::collection::btree_map(
            word(&["health", "overload", "other"])
                .prop_map(|w| w.as_str().unwrap_or("x").to_string()),
            0u32..20,
            0..3,
        ),
    )
        .prop_map(|(date, profilings, filled, planned, early, reasons)| {
            let mut o = Map::new();
            o.insert("date".into(), date);
            put(&mut o, "profilings", profilings);
            put(&mut o, "filled", filled);
            put(&mut o, "planned", planned);
            put(&mut o, "earlyTerminations", early);
            o.insert("earlyTerminationsByReason".into(), json!(reasons));
            Value::Object(o)
        });
    let funding = (
        word(&["ESF", "ESF+", "Land", "Bund"]),
        prop_oneof![Just(json!(570000.0)), Just(json!(-1.0)), Just(json!(0))],
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(|(source, amount, start, end)| {
            let mut o = Map::new();
            o.insert("source".into(), source);
            o.insert("amount".into(), amount);
            put(&mut o, "start", start);
            put(&mut o, "end", end);
            Value::Object(o)
        });
    // Key figures (occupancy@1.1): presets known and unknown, periods of every grain and some
    // that are none, values of every status, groups the breakdown names and one it does not.
    let value = (
        word(&[
            "2019",
            "2019-Q3",
            "2019-07",
            "2020-07",
            "2019-07-01",
            "2019-13",
            "2019-Q5",
            "19",
        ]),
        prop::option::of(prop_oneof![
            Just(json!(12)),
            Just(json!(-1)),
            Just(json!(2.5)),
            Just(json!(null))
        ]),
        prop::option::of(word(&[
            "final",
            "provisional",
            "suppressed",
            "noData",
            "odd",
        ])),
        prop::option::of(word(&["f", "m", "x"])),
    )
        .prop_map(|(period, value, status, group)| {
            let mut o = Map::new();
            o.insert("period".into(), period);
            put(&mut o, "value", value);
            put(&mut o, "status", status);
            put(&mut o, "group", group);
            Value::Object(o)
        });
    let indicator = (
        ids("m"),
        prop::option::of(word(&["sgb2/K2", "esf+/EECO02", "esf+/EECO04", "esf+/EECO05", "sgb2/K9"])),
        prop::option::of(text()),
        prop::option::of(word(&["persons", "euro", "percent", "ratio", "cases", "kg"])),
        prop::option::of(prop_oneof![Just(json!(50)), Just(json!("x"))]),
        any::<bool>(),
        prop::collection::vec(value, 0..6),
    )
        .prop_map(|(id, preset, label, unit, target, broken_down, values)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(id));
            put(&mut o, "preset", preset);
            put(&mut o, "label", label.map(Value::String));
            put(&mut o, "unit", unit);
            put(&mut o, "target", target);
            if broken_down {
                o.insert(
                    "breakdown".into(),
                    json!({"dimension": "gender", "groups": [{"key": "f", "label": "Frauen"}, {"key": "m", "label": "Männer"}]}),
                );
            }
            o.insert("values".into(), Value::Array(values));
            Value::Object(o)
        });
    (
        text(),
        prop::option::of(count()),
        prop::option::of(date()),
        prop::collection::vec(provider, 0..4),
        prop::collection::vec(point, 0..6),
        prop::collection::vec(funding, 0..3),
        prop::collection::vec(indicator, 0..4),
    )
        .prop_map(
            |(label, slots, as_of, providers, series, funding, indicators)| {
                let mut programme = Map::new();
                programme.insert("label".into(), Value::String(label));
                put(&mut programme, "slots", slots);
                let mut o = Map::new();
                o.insert("schema".into(), json!("foerderweg/occupancy@1.1"));
                o.insert("programme".into(), Value::Object(programme));
                put(&mut o, "asOf", as_of);
                o.insert("providers".into(), Value::Array(providers));
                o.insert("series".into(), Value::Array(series));
                o.insert("funding".into(), Value::Array(funding));
                o.insert("indicators".into(), Value::Array(indicators));
                Value::Object(o)
            },
        )
}

fn map_doc() -> impl Strategy<Value = Value> {
    // Real keys of Saxony, Saxony-Anhalt and elsewhere, municipalities, and keys that exist nowhere.
    let key = prop_oneof![
        6 => prop::sample::select(&["14612", "14628", "14625", "14626", "14713", "15090", "15086", "01001", "09162", "11000"][..]).prop_map(String::from),
        1 => prop::sample::select(&["14628010", "14628020", "99999", "1461", "abc", ""][..]).prop_map(String::from),
    ];
    let region = (
        prop::sample::select(&["r1", "r2", "r3"][..]),
        text(),
        prop::option::of(text()),
        prop::collection::vec(key.clone(), 0..5),
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(|(id, label, office, districts, from, to)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(id));
            o.insert("label".into(), Value::String(label));
            put(&mut o, "office", office.map(Value::String));
            o.insert("districts".into(), json!(districts));
            put(&mut o, "validFrom", from);
            put(&mut o, "validTo", to);
            Value::Object(o)
        });
    // The forms hosts send a figure's key in: 5-digit district, 8-digit AGS, 12-digit ARS of a
    // district and of a municipality, with spaces, a Land's key, keys that lost their leading
    // zero in a spreadsheet (1001 for 01001); the small pools make the same
    // area appear twice, also in two forms ("15090" and "150900000000").
    let value_key = prop_oneof![
        4 => key.clone(),
        3 => prop::sample::select(&[
            "150900000000", " 15090", "15090 ", "146280000010", " 14628020 ", "146120000000",
            "14", "15", " 01 ", "1001", "9162", "91620000000",
        ][..]).prop_map(String::from),
        2 => prop::sample::select(&["r1", "r2"][..]).prop_map(String::from),
    ];
    let value = (
        value_key,
        prop_oneof![
            Just(json!(412)),
            Just(json!(null)),
            Just(json!(0.5)),
            Just(json!(-3))
        ],
        any::<bool>(),
        // Figures by period (the same area in two periods, two in one), or for all time.
        prop::option::of(prop::sample::select(
            &[
                "2017-Q3",
                "2017-Q4",
                "2017-08",
                "2018",
                "2017-08-15",
                "2017-Q5",
            ][..],
        )),
    )
        .prop_map(|(key, value, suppressed, period)| {
            let mut v = if suppressed {
                json!({ "key": key, "suppressed": true })
            } else {
                json!({ "key": key, "value": value })
            };
            if let (Some(p), Some(o)) = (period, v.as_object_mut()) {
                o.insert("period".into(), json!(p));
            }
            v
        });
    let marker = (
        text(),
        word(&["office", "provider", "jobcenter"]),
        -10.0f64..30.0,
        40.0f64..60.0,
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(|(label, kind, lon, lat, from, to)| {
            let mut o = Map::new();
            for (k, v) in [
                ("id", json!(label.clone())),
                ("kind", json!(kind)),
                ("label", json!(label)),
                ("lon", json!(lon)),
                ("lat", json!(lat)),
            ] {
                o.insert(k.into(), v);
            }
            put(&mut o, "validFrom", from);
            put(&mut o, "validTo", to);
            Value::Object(o)
        });
    (
        prop::collection::vec(region, 0..4),
        prop::collection::vec(value, 0..7),
        prop::collection::vec(marker, 0..4),
        prop::option::of(prop::collection::vec(
            prop::sample::select(&["14", "15", "01"][..]),
            0..3,
        )),
    )
        .prop_map(|(regions, values, markers, focus)| {
            let mut o = Map::new();
            o.insert("schema".into(), json!("foerderweg/map@1"));
            o.insert("regions".into(), Value::Array(regions));
            o.insert("values".into(), Value::Array(values));
            o.insert("markers".into(), Value::Array(markers));
            put(&mut o, "focus", focus.map(|f| json!(f)));
            Value::Object(o)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_timeline_record_is_shown_or_named(
        participants in prop::collection::vec(participant(), 0..6),
        today in prop::option::of(date()),
        english in any::<bool>(),
    ) {
        let mut o = Map::new();
        o.insert("schema".into(), json!("foerderweg/timeline@1"));
        o.insert("participants".into(), Value::Array(participants));
        put(&mut o, "today", today);
        let doc = Value::Object(o);
        let lang = if english { Lang::En } else { Lang::De };
        assert_accounted(&run(WidgetKind::Timeline, &doc, lang), &doc);
    }

    #[test]
    fn every_occupancy_record_is_shown_or_named(doc in occupancy_doc(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::De };
        assert_accounted(&run(WidgetKind::Occupancy, &doc, lang), &doc);
    }

    #[test]
    fn every_map_record_is_shown_or_named(doc in map_doc(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::De };
        assert_accounted(&run(WidgetKind::Map, &doc, lang), &doc);
    }

    /// Breaking one participant leaves out that participant alone: the others drawn before are
    /// drawn after, and the broken one is named by its path.
    #[test]
    fn one_broken_record_leaves_out_that_record_alone(
        participants in prop::collection::vec(participant(), 1..6),
        pick in any::<prop::sample::Index>(),
    ) {
        use foerderweg::check::{Document, check};
        let mut participants = participants;
        for (i, p) in participants.iter_mut().enumerate() {
            p["id"] = json!(format!("p{i}"));
        }
        let drawn = |ps: &[Value]| {
            let doc = json!({ "schema": "foerderweg/timeline@1", "participants": ps });
            let c = check(WidgetKind::Timeline, &doc.to_string());
            let ids: Vec<String> = match &c.document {
                Some(Document::Timeline(d)) => d.participants.iter().map(|p| p.id.clone()).collect(),
                _ => Vec::new(),
            };
            (ids, c)
        };
        let (before, _) = drawn(&participants);
        let k = pick.index(participants.len());
        participants[k]["label"] = json!(7);
        let (after, c) = drawn(&participants);
        let broken = format!("p{k}");
        let expected: Vec<String> = before.into_iter().filter(|id| *id != broken).collect();
        prop_assert_eq!(after, expected);
        // Named by the label, or by what was broken in it before (whatever the reader met first).
        let at = format!("participants[{k}]");
        prop_assert!(
            c.errors().any(|d| d.path.strip_prefix(&at).is_some_and(|r| r.starts_with(['.', '[']))),
            "{:?}",
            c.diagnostics
        );
    }

    #[test]
    fn any_text_is_refused_with_a_reason_or_drawn(text in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&text);
        for kind in WidgetKind::ALL {
            let a = audit(kind, &text, Some(districts()), None, Lang::De);
            prop_assert!(a.refused || a.lost().is_empty(), "{kind:?}: {:?}", a.lost());
        }
    }
}

#[test]
fn the_samples_lose_nothing() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(kind) = WidgetKind::ALL
            .into_iter()
            .find(|k| text.contains(&format!("\"{}\"", k.schema_id())))
        else {
            continue;
        };
        let a = audit(
            kind,
            &text,
            Some(districts()),
            Some(municipalities()),
            Lang::De,
        );
        assert_eq!(a.lost(), Vec::<String>::new(), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 8, "{seen} samples");
}

/// The properties above mean something only if many generated documents are drawn rather than
/// refused: at least a quarter of each kind must be.
#[test]
fn the_generators_make_documents_that_are_drawn() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let timeline = prop::collection::vec(participant(), 0..6)
        .prop_map(|ps| json!({ "schema": "foerderweg/timeline@1", "participants": ps }));
    let kinds: [(WidgetKind, BoxedStrategy<Value>); 3] = [
        (WidgetKind::Timeline, timeline.boxed()),
        (WidgetKind::Occupancy, occupancy_doc().boxed()),
        (WidgetKind::Map, map_doc().boxed()),
    ];
    for (kind, strategy) in kinds {
        let mut drawn = 0;
        let mut records = 0;
        for _ in 0..200 {
            let doc = strategy
                .new_tree(&mut runner)
                .unwrap_or_else(|e| panic!("{e}"))
                .current();
            let a = run(kind, &doc, Lang::De);
            if !a.refused {
                drawn += 1;
                records += a.tallies.iter().map(|t| t.given).sum::<usize>();
            }
        }
        println!("{kind:?}: {drawn} of 200 drawn, {records} records in them");
        assert!(drawn >= 50, "{kind:?}: only {drawn} of 200 drawn");
        assert!(records >= 200, "{kind:?}: only {records} records");
    }
}

/// The fuzz targets' seeds (broken records of every kind, a lone surrogate, counts written
/// `10.0`, keys twice) pass the same audit here, without a fuzzer.
#[test]
fn the_fuzz_seeds_lose_nothing() {
    let mut seen = 0;
    for kind in WidgetKind::ALL {
        let dir = format!(
            "{}/fuzz/seeds/{}",
            env!("CARGO_MANIFEST_DIR"),
            kind.as_str()
        );
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            let text =
                String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned();
            let a = audit(
                kind,
                &text,
                Some(districts()),
                Some(municipalities()),
                Lang::En,
            );
            assert!(a.refused || !a.tallies.is_empty(), "{}", path.display());
            assert_eq!(a.lost(), Vec::<String>::new(), "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 7, "{seen} seeds");
}

/// The map's fuzz seeds (key forms hosts send among them) lose nothing either.
#[test]
fn the_map_fuzz_seeds_lose_nothing() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/map");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()).into_owned();
        for lang in [Lang::De, Lang::En] {
            let a = audit(
                WidgetKind::Map,
                &text,
                Some(districts()),
                Some(municipalities()),
                lang,
            );
            assert_eq!(a.lost(), Vec::<String>::new(), "{}", path.display());
        }
        seen += 1;
    }
    assert!(seen >= 3, "{seen} seeds");
}

/// The years the axis names, each label's four-digit numbers.
fn years_named(ticks: &[foerderweg::layout::timeline::Tick]) -> Vec<i32> {
    ticks
        .iter()
        .flat_map(|t| t.label.split(|c: char| !c.is_ascii_digit()))
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .collect()
}

/// No year lost on the axis: at every width a phone or a desktop gives the timeline, the axis
/// names the year of whatever it shows. The year that holds at least half of the window is
/// named; the first label names its year (a path in 2019 never reads as "2020" alone); every
/// year named is one in the window; no two labels overlap.
fn assert_axis_tells_the_year(from: chrono::NaiveDate, days: i64, width: f64, lang: Lang) {
    use chrono::Datelike;
    use foerderweg::layout::timeline::{Window, plot_for, text_width, ticks};
    let window = Window::new(from, from + chrono::Duration::days(days));
    let ticks = ticks(window, plot_for(width), lang);
    let named = years_named(&ticks);
    let what = format!("{window:?} at {width} px: {ticks:?}");
    let mut half = None;
    for year in window.from.year()..=window.to.year() {
        let (Some(first), Some(last)) = (
            chrono::NaiveDate::from_ymd_opt(year, 1, 1),
            chrono::NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            continue;
        };
        let inside = (last.min(window.to) - first.max(window.from)).num_days() + 1;
        if inside * 2 >= window.days() {
            half = Some(year);
        }
    }
    if let Some(year) = half {
        assert!(named.contains(&year), "{year} not named: {what}");
    }
    let labelled: Vec<_> = ticks.iter().filter(|t| !t.label.is_empty()).collect();
    let first = labelled
        .first()
        .unwrap_or_else(|| panic!("no label: {what}"));
    assert!(
        !years_named(&[(*first).clone()]).is_empty(),
        "the first label has no year: {what}"
    );
    for year in &named {
        assert!(
            (window.from.year()..=window.to.year()).contains(year),
            "{year} is not in the window: {what}"
        );
    }
    for pair in labelled.windows(2) {
        let end = pair[0].at + 3.0 + text_width(&pair[0].label, 11.0, false);
        assert!(end <= pair[1].at + 1.0, "labels overlap: {what}");
    }
}

#[test]
fn a_path_in_2019_reads_2019_on_a_phone() {
    // A path from February to November 2019 (issue 21: at 375 px the axis showed "2020" only).
    let from = chrono::NaiveDate::from_ymd_opt(2019, 1, 25).unwrap();
    for width in [320.0, 360.0, 375.0, 414.0, 768.0, 1200.0] {
        for lang in [Lang::De, Lang::En] {
            assert_axis_tells_the_year(from, 345, width, lang);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_axis_names_the_year_at_every_width(
        start in 0i64..(366 * 40),
        days in prop_oneof![7i64..800, 7i64..(366 * 60)],
        width in 320u32..=1200,
        english in any::<bool>(),
    ) {
        let from = chrono::NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + chrono::Duration::days(start);
        let lang = if english { Lang::En } else { Lang::De };
        assert_axis_tells_the_year(from, days, f64::from(width), lang);
    }
}

/// A phase or an event of a sensitive kind, its label, provider and project marked `SECRET`.
fn sensitive_record() -> impl Strategy<Value = (bool, Value)> {
    (
        any::<bool>(),
        prop::sample::select(&[
            "healthCounselling",
            "addictionCounselling",
            "debtCounselling",
            "psychosocialCounselling",
            "hostKind",
        ][..]),
        date(),
        prop::option::of(text()),
    )
        .prop_map(|(phase, kind, date, label)| {
            let secret = format!("SECRET {}", label.unwrap_or_default());
            let record = if phase {
                json!({"kind": kind, "start": date, "label": secret, "provider": "SECRET provider", "project": "SECRET project"})
            } else {
                json!({"kind": kind, "date": date, "label": secret})
            };
            (phase, record)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Sensitive records at every level: each shown, generalised or hidden and counted, never
    /// lost; and unless the host shows them, no output of the widget holds their words.
    #[test]
    fn sensitive_records_are_counted_and_never_shown_unless_asked(
        people in prop::collection::vec((participant(), prop::collection::vec(sensitive_record(), 0..4)), 1..4),
        level in prop::option::of(word(&["show", "generalise", "hide", "hidde"])),
        english in any::<bool>(),
    ) {
        let participants: Vec<Value> = people
            .into_iter()
            .map(|(mut p, records)| {
                for (phase, r) in records {
                    let list = if phase { "phases" } else { "events" };
                    if let Some(items) = p[list].as_array_mut() {
                        items.push(r);
                    }
                }
                p
            })
            .collect();
        let mut o = Map::new();
        o.insert("schema".into(), json!("foerderweg/timeline@1"));
        o.insert("confidentialKinds".into(), json!(["hostKind"]));
        o.insert("participants".into(), Value::Array(participants));
        put(&mut o, "confidential", level.clone());
        let doc = Value::Object(o);
        let lang = if english { Lang::En } else { Lang::De };
        assert_accounted(&run(WidgetKind::Timeline, &doc, lang), &doc);
        if level.as_ref().and_then(Value::as_str) != Some("show") {
            let options = foerderweg::render::document::Options { lang, ..Default::default() };
            let r = foerderweg::render::document::render(WidgetKind::Timeline, &doc.to_string(), &options);
            let mut outputs = vec![r.html(), r.svg().unwrap_or_default()];
            outputs.extend(r.rendering.iter().flat_map(|r| &r.tables).map(|t| t.csv(lang)));
            for out in outputs {
                prop_assert!(!out.contains("SECRET"), "{}", out);
                prop_assert!(!out.contains("hostKind"), "{}", out);
            }
        }
    }
}
