use leptos::prelude::*;

/// A quiet dash for a value no source gives, with words for screen readers and a tooltip.
#[component]
pub fn Unknown(label: &'static str) -> impl IntoView {
    view! {
        <span class="unknown" title=label>
            <span aria-hidden="true">"—"</span>
            <span class="visually-hidden">{label}</span>
        </span>
    }
}

/// The value's view, or the dash for an unknown one.
pub fn or_unknown<V: IntoAny>(value: Option<V>, label: &'static str) -> AnyView {
    match value {
        Some(value) => value.into_any(),
        None => view! { <Unknown label /> }.into_any(),
    }
}
