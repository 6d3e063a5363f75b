//! A fetch that failed inside a page already on screen (ratings under a post, the posts about
//! an inspection, related posts, the posts' text for search): what went wrong, and a retry.

use crate::focus::follow_retry;
use leptos::prelude::*;

/// `id` names the message, which describes the button: a page can hold more than one
/// "Try again".
#[component]
pub fn RetryPanel(
    id: &'static str,
    message: String,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p id=id>{message}</p>
            <button type="button" aria-describedby=id on:click=move |ev| {
                follow_retry(&ev);
                on_retry.run(());
            }>
                "Try again"
            </button>
        </div>
    }
}
