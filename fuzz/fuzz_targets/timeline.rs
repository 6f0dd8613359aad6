// Any bytes as a timeline document: check, layout, tables, summaries and CSV never panic, and every
// record is shown or named.
#![no_main]
mod common;
use foerderweg::model::WidgetKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::run(WidgetKind::Timeline, data));
