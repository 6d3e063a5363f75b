//! If the app panics, the WebAssembly instance stops; this hook leaves a message on the page
//! so it never goes blank.

use web_sys::Document;

pub const PANEL_ID: &str = "panic-panel";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Adds the error panel at the top of the page, once. Uses plain DOM calls: Leptos may be the thing that failed.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let _ = build(&document);
}

fn build(document: &Document) -> Option<()> {
    let panel = document.create_element("div").ok()?;
    panel.set_id(PANEL_ID);
    panel.set_class_name("error-panel panic-panel");
    panel.set_attribute("role", "alert").ok()?;
    let heading = document.create_element("h2").ok()?;
    heading.set_text_content(Some("Something went wrong in the app"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "An unexpected error stopped this page from working. Your data is safe: reloading the page usually fixes it. ",
    ));
    let reload = document.create_element("a").ok()?;
    reload.set_attribute("href", "").ok()?;
    // The router would treat a same-page link as a route change; "external" hands it to the browser.
    reload.set_attribute("rel", "external").ok()?;
    reload.set_text_content(Some("Reload the page"));
    text.append_child(&reload).ok()?;
    panel.append_child(&heading).ok()?;
    panel.append_child(&text).ok()?;
    document.body()?.prepend_with_node_1(&panel).ok()
}
