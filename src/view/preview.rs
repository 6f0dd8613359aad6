//! The plain summary each widget shows until its own view lands.

use crate::i18n::Lang;
use crate::layout::summary::Summary;
use leptos::prelude::*;

pub(crate) fn preview(summary: Summary, lang: Lang) -> impl IntoView + use<> {
    let t = lang.texts();
    let facts: Vec<_> = summary
        .facts
        .into_iter()
        .map(|f| view! { <li>{f}</li> })
        .collect();
    let items: Vec<_> = summary
        .items
        .into_iter()
        .map(|item| {
            view! {
                <li>
                    <button type="button" class="fw-item" data-fw-select=item.id data-fw-kind=item.kind>
                        <span class="fw-item__label">{item.label}</span>
                        <span class="fw-item__detail">{item.detail}</span>
                    </button>
                </li>
            }
        })
        .collect();
    let more = (summary.more > 0).then(|| {
        let text = t
            .and_more
            .replace("{n}", &lang.integer(summary.more as i64));
        view! { <p class="fw-more">{text}</p> }
    });
    view! {
        <div class="fw-preview">
            {summary.title.map(|title| view! { <h2 class="fw-title">{title}</h2> })}
            <p class="fw-note">{t.preview_note}</p>
            <ul class="fw-facts">{facts}</ul>
            <ul class="fw-items">{items}</ul>
            {more}
            {summary.source.map(|source| view! {
                <p class="fw-source">{format!("{}: ", t.source)}{source}</p>
            })}
        </div>
    }
}
