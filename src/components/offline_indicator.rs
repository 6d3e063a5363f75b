//! Says so while the device has no network: pages and data saved on it still work.

use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn OfflineIndicator() -> impl IntoView {
    let online = RwSignal::new(
        web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true),
    );
    // The events say what happened; the handle lives as long as the app.
    let _ = window_event_listener(ev::online, move |_| online.set(true));
    let _ = window_event_listener(ev::offline, move |_| online.set(false));
    view! {
        <div id="offline-indicator" class="app-notice" role="status">
            <Show when=move || !online.get()>
                <p>
                    <strong>"You are offline."</strong>
                    " Everything On Probation saved on this device still works: the table, the posts and the data page."
                </p>
            </Show>
        </div>
    }
}
