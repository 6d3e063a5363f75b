//! A standard's name with its domain on the line under it, as the inspection and compare pages
//! show it.

use leptos::prelude::*;

#[component]
pub fn StandardLabel(name: String, domain: String) -> impl IntoView {
    view! {
        {name}
        // A pause between name and domain for screen readers; the eye has the line break.
        <span class="visually-hidden">", "</span>
        <span class="domain">{domain}</span>
    }
}
