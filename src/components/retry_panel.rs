//! A fetch that failed inside a page already on screen (ratings under a post, the posts about
//! an inspection, related posts, the posts' text for search): what went wrong, and a retry.

use crate::focus::follow_retry;
use leptos::prelude::*;

/// `id` names the message, which describes the button: a page can hold more than one
/// "Try again". While a retry runs the panel says so in place of the message; the message then
/// comes back as new words in the alert, so a retry that fails again is heard, not silent.
/// (The page draws the panel again for each answer, so `trying` starts false and the message
/// is a new paragraph; the panel and its button are kept, and focus with them.)
#[component]
pub fn RetryPanel(
    id: &'static str,
    message: String,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let (trying, set_trying) = signal(false);
    let said = move || {
        if trying.get() {
            view! { <p id=id>"Trying again…"</p> }.into_any()
        } else {
            view! { <p id=id>{message.clone()}</p> }.into_any()
        }
    };
    view! {
        <div class="error-panel" role="alert">
            {said}
            <button type="button" aria-describedby=id on:click=move |ev| {
                follow_retry(&ev);
                set_trying.set(true);
                on_retry.run(());
            }>
                "Try again"
            </button>
        </div>
    }
}
