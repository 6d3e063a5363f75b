//! Loading, error-with-retry and loaded states for anything fetched, in one place.

use crate::api::ApiError;
use leptos::prelude::*;

/// Shows `what` loading, then `render(value)`, or an error panel with a retry button.
#[component]
pub fn Fetched<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    what: &'static str,
    render: F,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let fallback = move |errors: ArcRwSignal<Errors>| {
        let messages = move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .map(|(_, e)| view! { <p>{e.to_string()}</p> })
                    .collect::<Vec<_>>()
            })
        };
        view! {
            <div class="error-panel" role="alert">
                <h2>"Something went wrong"</h2>
                {messages}
                <button type="button" on:click=move |_| resource.refetch()>
                    "Try again"
                </button>
            </div>
        }
    };
    // Transition keeps what is on screen while a retry runs; this says that something is happening.
    let (pending, set_pending) = signal(false);
    view! {
        <Show when=move || pending.get()>
            <p class="loading" role="status">
                "Loading " {what} "…"
            </p>
        </Show>
        <Transition
            set_pending
            fallback=move || {
            view! {
                <p class="loading" role="status">
                    "Loading " {what} "…"
                </p>
            }
        }>
            <ErrorBoundary fallback>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move { resource.await.map(render) })
                }}
            </ErrorBoundary>
        </Transition>
    }
}
