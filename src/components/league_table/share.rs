//! "Copy link": puts the address of exactly this view on the clipboard and says so.

use super::view_state::TableView;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn CopyLink(view: TableView) -> impl IntoView {
    let (message, set_message) = signal(String::new());
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let origin = window.location().origin().unwrap_or_default();
        let url = format!("{origin}{}", view.state.get_untracked().href());
        // Browsers offer the clipboard only to secure pages; elsewhere the link is shown instead.
        let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
        let Some(clipboard) = clipboard else {
            set_message.set(format!("Copying is not available here. The link is {url}"));
            return;
        };
        let promise = clipboard.write_text(&url);
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => "Link copied".to_string(),
                Err(_) => format!("Could not copy. The link is {url}"),
            };
            set_message.set(text);
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" id="copy-link" on:click=copy>"Copy link"</button>
            <span id="copy-link-status" role="status">{message}</span>
        </div>
    }
}
