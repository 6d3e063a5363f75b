use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text=page_title("Page not found") />
        <Meta name="description" content="There is no page at this address." />
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
        // A reload loads the address again: after a new deploy (once the reader has taken the
        // update, where a service worker keeps this version) a newer version may know it.
        <p>
            <button type="button" on:click=|_| { let _ = window().location().reload(); }>
                "Try again"
            </button>
        </p>
        <ul>
            <li><a href="/league-table">"The league table"</a></li>
            <li><a href="/posts">"All posts"</a></li>
            <li><a href="/">"The home page"</a></li>
        </ul>
    }
}
