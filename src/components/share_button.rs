//! Sharing a page: the system share sheet where the browser has the Web Share API, otherwise
//! (or when sharing fails) copying the address to the clipboard, with a visible confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// True when the browser offers `navigator.<name>`; desktop browsers often lack `share`, and
/// `clipboard` is missing outside secure pages.
fn has(name: &str) -> bool {
    navigator().is_some_and(|n| js_sys::Reflect::has(&n, &JsValue::from_str(name)).unwrap_or(false))
}

async fn share(title: &str, url: &str) -> Result<(), JsValue> {
    let navigator = navigator().ok_or(JsValue::NULL)?;
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    JsFuture::from(navigator.share_with_data(&data))
        .await
        .map(|_| ())
}

async fn copy(url: &str) -> Result<(), JsValue> {
    if !has("clipboard") {
        return Err(JsValue::NULL);
    }
    let navigator = navigator().ok_or(JsValue::NULL)?;
    JsFuture::from(navigator.clipboard().write_text(url))
        .await
        .map(|_| ())
}

/// The reader closing the share sheet is not a failure.
fn was_cancelled(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .is_some_and(|name| name == "AbortError")
}

#[component]
pub fn ShareButton(title: String) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    let on_click = move |_| {
        let title = title.clone();
        let url = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        set_status.set(String::new());
        spawn_local(async move {
            // Asked at each click, so the click follows what the browser offers then.
            if has("share") {
                match share(&title, &url).await {
                    Ok(()) => return,
                    Err(e) if was_cancelled(&e) => return,
                    // A refused share (no permission, data it will not take) still leaves
                    // copying the link.
                    Err(_) => {}
                }
            }
            let message = match copy(&url).await {
                Ok(()) => "Link copied to the clipboard.".to_string(),
                Err(_) => format!("Could not copy the link. The address is {url}"),
            };
            set_status.set(message);
        });
    };
    view! {
        <div class="share">
            <button type="button" class="share-button" on:click=on_click>
                {if has("share") { "Share" } else { "Copy link" }}
            </button>
            <p class="share-status" role="status">{status}</p>
        </div>
    }
}
