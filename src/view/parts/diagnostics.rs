//! The error panel of a refused document; for a drawn one, the records its errors left out and
//! its warnings; the note on stale data: each written by `render::diagnostics`, as a rendered
//! page shows them.

use crate::check::{Checked, Diagnostic};
use crate::i18n::Lang;
use crate::render::diagnostics as written;
use leptos::prelude::*;
use std::sync::Arc;

pub(crate) use written::stale_text;

/// The panel shown instead of the widget when the data has errors.
pub(crate) fn error_panel(checked: Arc<Checked>, lang: Lang, can_retry: bool) -> impl IntoView {
    super::written(move |w, levels| written::error_panel(w, &checked, lang, can_retry, levels))
}

/// The findings of a drawn document: the records its errors left out, listed open, then the
/// warnings, folded away under a count.
pub(crate) fn warning_list(checked: &Arc<Checked>, lang: Lang) -> Option<impl IntoView + use<>> {
    let any = checked.errors().next().is_some() || checked.warnings().next().is_some();
    let checked = checked.clone();
    any.then(|| super::written(move |w, _| written::findings(w, &checked, lang)))
}

/// A folded list of warnings.
pub(crate) fn list(warnings: &[&Diagnostic], lang: Lang) -> impl IntoView + use<> {
    let list: Vec<Diagnostic> = warnings.iter().map(|d| (*d).clone()).collect();
    super::written(move |w, _| written::warnings(w, &list.iter().collect::<Vec<_>>(), lang))
}

/// The note above data that a failed refresh left in place.
pub(crate) fn stale_note(since: &str, lang: Lang) -> impl IntoView + use<> {
    let since = since.to_string();
    super::written(move |w, _| written::stale_note(w, &since, lang))
}
