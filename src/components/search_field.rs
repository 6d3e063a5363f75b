use leptos::prelude::*;

/// A labelled search box that shows `value` and reports each edit to `on_input`, with `true`
/// when the edit refines a search already under way rather than starting one (pages add a
/// history entry for the first keystroke and replace it for the rest).
#[component]
pub fn SearchField(
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    value: Signal<String>,
    on_input: Callback<(String, bool)>,
) -> impl IntoView {
    // The text as last typed or shown. Judged by the field, not by `value`: the address that
    // `value` follows can lag a fast typist, whose second keystroke would then start a search
    // of its own.
    let last = StoredValue::new(String::new());
    Effect::new(move || last.set_value(value.get()));
    let on_edit = move |text: String| {
        let refines = last.with_value(|last| !last.is_empty());
        last.set_value(text.clone());
        on_input.run((text, refines));
    };
    view! {
        <div class="field field-text">
            <label for=id>{label}</label>
            <input
                id=id
                type="search"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input:target=move |ev| on_edit(ev.target().value())
            />
        </div>
    }
}
