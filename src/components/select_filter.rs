use leptos::prelude::*;

/// A labelled `<select>` whose first option, with the empty value, means "no filter".
#[component]
pub fn SelectFilter(
    id: &'static str,
    label: &'static str,
    all_label: &'static str,
    /// `(value, text)` pairs.
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=move || value.get() on:change:target=move |ev| on_change.run(ev.target().value())>
                <option value="">{all_label}</option>
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
