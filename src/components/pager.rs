use crate::focus::focus_by_id;
use leptos::prelude::*;

/// Previous and next page links with "Page N of M". Links, so each page has an address and
/// works from the keyboard; after a click, focus moves to `focus_id` (the result count), so
/// the reader starts at the new page's announcement instead of a link that may have gone.
#[component]
pub fn Pager(
    page: Signal<usize>,
    pages: Signal<usize>,
    /// The address of a page.
    href: Callback<usize, String>,
    focus_id: &'static str,
) -> impl IntoView {
    let focus = move |_| focus_by_id(focus_id);
    move || {
        let (page, pages) = (page.get(), pages.get());
        (pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label="Pages">
                    {(page > 1).then(|| view! {
                        <a href=href.run(page - 1) rel="prev" on:click=focus>"Newer posts"</a>
                    })}
                    <span class="pager-position">{format!("Page {page} of {pages}")}</span>
                    {(page < pages).then(|| view! {
                        <a href=href.run(page + 1) rel="next" on:click=focus>"Older posts"</a>
                    })}
                </nav>
            }
        })
    }
}
