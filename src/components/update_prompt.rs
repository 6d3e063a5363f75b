//! "A new version is available — reload", in the offline issue's words: shown when a new
//! deploy has installed in the background, and applied only when the reader presses the button.

use crate::service_worker;
use leptos::prelude::*;
use web_sys::ServiceWorker;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    // A browser object, so a thread-local signal.
    let waiting = RwSignal::new_local(None::<ServiceWorker>);
    service_worker::register(move |worker| waiting.set(Some(worker)));
    let reload = move |_| {
        if let Some(worker) = waiting.get_untracked() {
            service_worker::apply_update(&worker);
        }
    };
    // The live region stays in the page so that the prompt appearing in it is announced.
    view! {
        <div id="update-prompt" class="app-notice" role="status">
            <Show when=move || waiting.with(Option::is_some)>
                <p>
                    "A new version is available — "
                    <button type="button" on:click=reload>"reload"</button>
                </p>
            </Show>
        </div>
    }
}
