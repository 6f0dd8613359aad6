// Shared by the document targets: the built-in geometry, decoded once, and the check that
// whatever the input, nothing panics and nothing drawn is lost.
use foerderweg::audit::audit;
use foerderweg::geo::{Atlas, codec};
use foerderweg::i18n::Lang;
use foerderweg::model::WidgetKind;
use std::sync::OnceLock;

fn atlas(cell: &'static OnceLock<Option<Atlas>>, bytes: &[u8]) -> Option<&'static Atlas> {
    cell.get_or_init(|| codec::decode(bytes).ok()).as_ref()
}

pub fn run(kind: WidgetKind, data: &[u8]) {
    static DISTRICTS: OnceLock<Option<Atlas>> = OnceLock::new();
    static MUNICIPALITIES: OnceLock<Option<Atlas>> = OnceLock::new();
    let districts = atlas(&DISTRICTS, include_bytes!("../../assets/geo/districts.fwg"));
    let municipalities = atlas(
        &MUNICIPALITIES,
        include_bytes!("../../assets/geo/municipalities-14-15.fwg"),
    );
    let text = String::from_utf8_lossy(data);
    // The first byte picks the language, so both tables are exercised.
    let lang = if data.first().is_some_and(|b| b & 1 == 1) { Lang::En } else { Lang::De };
    let a = audit(kind, &text, districts, municipalities, lang);
    assert!(a.refused || a.lost().is_empty(), "lost: {:?}", a.lost());
}
