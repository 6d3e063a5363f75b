//! Says so while the device has no network, or the server cannot be reached: pages and data
//! saved on the device still work.

use crate::{api, service_worker};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use model::server_answer::is_server_answer;
use std::time::Duration;

/// How often a page that says the server cannot be reached asks it again.
const SERVER_CHECK_INTERVAL: Duration = Duration::from_secs(5);

#[component]
pub fn OfflineIndicator() -> impl IntoView {
    let online = RwSignal::new(
        web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true),
    );
    // With only the server gone the browser still reports a network; the service worker says
    // whether the server answered its latest data refresh. Set up before any page asks for data.
    let server_answers = RwSignal::new(true);
    service_worker::on_server_answer(move |status| server_answers.set(is_server_answer(status)));
    // A page that fetches nothing more would otherwise say so until the next page: while the
    // server is out of reach (and only then, so an idle page stays idle), ask it now and then.
    Effect::new(move |asking: Option<Option<IntervalHandle>>| {
        if let Some(Some(asking)) = asking {
            asking.clear();
        }
        let unreachable = online.get() && !server_answers.get();
        unreachable
            .then(|| {
                set_interval_with_handle(
                    move || {
                        spawn_local(async move {
                            if api::server_answers().await {
                                server_answers.set(true);
                            }
                        })
                    },
                    SERVER_CHECK_INTERVAL,
                )
                .ok()
            })
            .flatten()
    });
    // The events say what happened; the handle lives as long as the app.
    let _ = window_event_listener(ev::online, move |_| {
        online.set(true);
        // Unknown until the next refresh: a network that is back is the better guess.
        server_answers.set(true);
    });
    let _ = window_event_listener(ev::offline, move |_| online.set(false));
    view! {
        <div id="offline-indicator" class="app-notice" role="status">
            <Show when=move || !online.get() || !server_answers.get()>
                <p>
                    <strong>"You are offline."</strong>
                    {move || online.get().then_some(" On Probation's server cannot be reached.")}
                    " Everything On Probation saved on this device still works: the league table, the posts and About the data."
                </p>
            </Show>
        </div>
    }
}
