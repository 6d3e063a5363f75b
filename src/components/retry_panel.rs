//! A fetch that failed inside a page already on screen (ratings under a post, the posts about
//! an inspection, related posts, the posts' text for search): what went wrong, and a retry.

use leptos::prelude::*;

#[component]
pub fn RetryPanel(message: String, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p>{message}</p>
            <button type="button" on:click=move |_| on_retry.run(())>"Try again"</button>
        </div>
    }
}
