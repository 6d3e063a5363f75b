//! Loading, error-with-retry and loaded states for anything fetched, in one place.

use crate::api::ApiError;
use crate::focus::follow_retry;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

/// Where fetched data sits on its page, which sets the level of its loading and error headings.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum Place {
    /// The page's only heading comes from the data: the loading message and the error's heading
    /// are then the page's h1, so the page always has one for screen-reader users and for the
    /// focus moved to it after a navigation (`app.rs`), and the error names the page in the title.
    WholePage,
    /// Under the page's h1: the error's heading is an h2.
    #[default]
    UnderPageHeading,
    /// Under one of the page's h2s: the error's heading is an h3 that stays inside that section.
    InSection,
}

/// Shows `what` loading, then `render(value)`, or an error panel with a retry button.
#[component]
pub fn Fetched<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    what: &'static str,
    render: F,
    #[prop(optional)] place: Place,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    // Only this shim is built once per page's data type and render function; the states
    // below are one copy of code in the wasm, not one per page (2.6 KB less wasm, brotli).
    let load: Load = Arc::new(move || {
        let render = render.clone();
        Suspend::new(async move { resource.await.map(|value| render(value).into_any()) })
    });
    fetched_states(
        load,
        Callback::new(move |()| resource.refetch()),
        what,
        place,
    )
}

/// The loaded view, or the error that stopped it, awaited afresh each time the data changes.
type Load = Arc<dyn Fn() -> Suspend<Result<AnyView, ApiError>> + Send + Sync>;

fn fetched_states(
    load: Load,
    refetch: Callback<()>,
    what: &'static str,
    place: Place,
) -> impl IntoView {
    // Transition keeps the error on screen while a retry runs; this line says one is running.
    // (Only for retries: on the first load the Transition's own fallback says it.)
    let (pending, set_pending) = signal(false);
    let (retrying, set_retrying) = signal(false);
    let fallback = move |errors: ArcRwSignal<Errors>| {
        // Left out while a retry runs, so that a retry that fails again adds its words to the
        // alert anew and is heard, not silent.
        let messages = move || {
            if retrying.get() && pending.get() {
                return Vec::new();
            }
            errors.with(|errors| {
                errors
                    .iter()
                    .map(|(_, e)| view! { <p>{e.to_string()}</p> })
                    .collect::<Vec<_>>()
            })
        };
        const WENT_WRONG: &str = "Something went wrong";
        let heading = match place {
            Place::WholePage => view! {
                <Title text=page_title(WENT_WRONG) />
                <h1>{WENT_WRONG}</h1>
            }
            .into_any(),
            Place::UnderPageHeading => view! { <h2>{WENT_WRONG}</h2> }.into_any(),
            Place::InSection => view! { <h3>{WENT_WRONG}</h3> }.into_any(),
        };
        view! {
            <div class="error-panel" role="alert">
                {heading}
                {messages}
                <button
                    type="button"
                    on:click=move |ev| {
                        follow_retry(&ev);
                        set_retrying.set(true);
                        refetch.run(());
                    }
                >
                    "Try again"
                </button>
            </div>
        }
    };
    view! {
        <Show when=move || retrying.get() && pending.get()>
            <p class="loading" role="status">
                "Loading " {what} "…"
            </p>
        </Show>
        <Transition
            set_pending
            fallback=move || {
            if place == Place::WholePage {
                // Focus lands on this heading, which says it; a status would say it twice.
                view! { <h1 class="loading">"Loading " {what} "…"</h1> }.into_any()
            } else {
                view! {
                    <p class="loading" role="status">
                        "Loading " {what} "…"
                    </p>
                }
                .into_any()
            }
        }>
            <ErrorBoundary fallback>
                {move || load()}
            </ErrorBoundary>
        </Transition>
    }
}
