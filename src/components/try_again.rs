//! "Try again" on a page that found nothing (a post or an inspection not there yet). The page
//! is drawn afresh with each answer, button included, so after a try the focus goes to a line
//! saying what the try found: keyboard and screen-reader users are not left on nothing.

use leptos::html::P;
use leptos::prelude::*;

/// `tries` counts the tries so far and lives with the page, so it outlasts each redraw;
/// `still` says that a try found nothing again.
#[component]
pub fn TryAgain(
    tries: RwSignal<u32>,
    on_retry: Callback<()>,
    still: &'static str,
) -> impl IntoView {
    let said = NodeRef::<P>::new();
    said.on_load(|line| {
        let _ = line.focus();
    });
    let tried = tries.get_untracked() > 0;
    view! {
        {tried.then(|| view! { <p class="try-again-said" tabindex="-1" node_ref=said>{still}</p> })}
        <p>
            <button
                type="button"
                on:click=move |_| {
                    tries.update(|t| *t += 1);
                    on_retry.run(());
                }
            >
                "Try again"
            </button>
        </p>
    }
}
