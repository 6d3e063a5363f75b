//! On Probation: a Leptos single-page app that reads the bundled ratings and posts JSON.

pub mod api;
pub mod app;
pub mod check_again;
pub mod components;
pub mod focus;
pub mod routes;
pub mod saved_data;
pub mod service_worker;

use wasm_bindgen::JsCast;

/// Mounts the app in place of the loading message in `index.html`. A panic stops the wasm, and
/// `public/boot-check.js` then shows the page's panel; where a panic still runs the hook (debug
/// builds, and stable where the nightly cannot be installed), its message goes to the console.
pub fn start() {
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_text_content(None);
            leptos::mount::mount_to(root, app::App).forget();
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}
