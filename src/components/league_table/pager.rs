//! Previous and next page, for tables too long to render whole.

use super::view_state::{History, TableView};
use leptos::prelude::*;
use model::table::page::page_count;

#[component]
pub fn Pager(view: TableView, rows: Memo<Vec<usize>>) -> impl IntoView {
    let pages = move || page_count(rows.read().len());
    let page = move || view.state.read().page.clamp(1, pages());
    let go = move |to: usize| view.update(History::Push, |s| s.page = to);
    view! {
        {move || (pages() > 1).then(|| view! {
            <nav class="pager" aria-label="Table pages">
                <button type="button" disabled=move || page() == 1 on:click=move |_| go(page() - 1)>
                    "Previous page"
                </button>
                <span>{move || format!("Page {} of {}", page(), pages())}</span>
                <button type="button" disabled=move || page() == pages() on:click=move |_| go(page() + 1)>
                    "Next page"
                </button>
            </nav>
        })}
    }
}
