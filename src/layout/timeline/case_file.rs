//! The case file: what heads one participant's path printed for the file.

use crate::i18n::Lang;
use crate::model::timeline::Participant;
use chrono::NaiveDate;

/// The header fields of `p`'s printed path: the person's label, the programme (when given),
/// the day the path is as of (`today`) and the day it was `printed`, each with its name.
///
/// ```
/// use chrono::NaiveDate;
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::timeline::case_file;
/// use foerderweg::model::timeline::Participant;
/// let p: Participant = serde_json::from_str(r#"{"id": "p1", "label": "TN 0042"}"#).unwrap();
/// let d = NaiveDate::from_ymd_opt(2018, 6, 30).unwrap_or_default();
/// let fields = case_file(&p, d, d, Lang::De);
/// assert_eq!(fields[0], ("Person", "TN 0042".to_string()));
/// assert_eq!(fields[1], ("Stand", "30.06.2018".to_string()));
/// ```
pub fn case_file(
    p: &Participant,
    today: NaiveDate,
    printed: NaiveDate,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    let t = lang.texts().tl;
    let mut fields = vec![(t.case_person, p.label.clone())];
    if let Some(programme) = p.programme.as_ref().filter(|s| !s.trim().is_empty()) {
        fields.push((t.case_programme, programme.clone()));
    }
    fields.push((t.case_as_of, lang.date(today)));
    fields.push((t.case_printed, lang.date(printed)));
    fields
}
