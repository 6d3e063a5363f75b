use leptos::prelude::*;

/// A labelled search box that shows `value` and reports each edit to `on_input`.
#[component]
pub fn SearchField(
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field field-text">
            <label for=id>{label}</label>
            <input
                id=id
                type="search"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        </div>
    }
}
