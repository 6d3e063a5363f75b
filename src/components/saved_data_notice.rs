//! Says when the page shows data saved on an earlier visit, and when it was saved.

use crate::saved_data::{earlier_visit_copy, local_offset_minutes};
use leptos::prelude::*;
use model::saved_copy::earlier_visit_notice;

#[component]
pub fn SavedDataNotice() -> impl IntoView {
    let saved = earlier_visit_copy();
    let notice = move || {
        saved
            .get()
            .map(|ms| view! { <p>{earlier_visit_notice(ms, local_offset_minutes(ms))}</p> })
    };
    view! {
        <div id="saved-data-notice" class="app-notice" role="status">
            {notice}
        </div>
    }
}
