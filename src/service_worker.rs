//! Registers the service worker (`/sw.js`, scope `/`) and hands over a new version that is
//! installed and waiting; applies that version only when the reader asks.
//!
//! The worker (built by `scripts/precache.mjs` from `sw/service-worker.js`) keeps every file of
//! one build. A new build installs beside it in the background and waits, so one page load
//! never mixes the files of two builds.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

const SCRIPT_URL: &str = "/sw.js";

/// `navigator.serviceWorker`, where the browser has one (not in insecure contexts).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|value| !value.is_undefined());
    present.then(|| navigator.service_worker())
}

/// A waiting worker is an update only when a worker already controls the page; the very first
/// install has nothing to replace.
fn is_update() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Registers the worker and calls `on_waiting` with each new version that finishes installing
/// while an older one controls the page, including one left waiting by an earlier visit.
pub fn register(on_waiting: impl Fn(ServiceWorker) + Clone + 'static) {
    let Some(container) = container() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        // Checked, not assumed: a browser (or a test harness) that blocks service workers can
        // resolve with nothing at all.
        let Ok(Ok(registration)) = JsFuture::from(container.register(SCRIPT_URL))
            .await
            .map(JsCast::dyn_into::<ServiceWorkerRegistration>)
        else {
            return;
        };
        if let Some(waiting) = registration.waiting() {
            if is_update() {
                on_waiting(waiting);
            }
        }
        // A new version may already be installing, its `updatefound` fired before this handler
        // was set. If that event is still to come, the same worker is watched twice, which is
        // harmless: `onstatechange` is a property, so the second handler replaces the first.
        if let Some(installing) = registration.installing() {
            report_when_installed(installing, on_waiting.clone());
        }
        let found = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = found.installing() {
                report_when_installed(installing, on_waiting.clone());
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Back online after a journey: look for a deploy made meanwhile.
        let on_online = Closure::<dyn Fn()>::new(move || {
            let _ = registration.update();
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        }
        on_online.forget();
    });
}

fn report_when_installed(worker: ServiceWorker, on_waiting: impl Fn(ServiceWorker) + 'static) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && is_update() {
            on_waiting(watched.clone());
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

/// Calls `report` with the HTTP status the worker got (0: no answer) each time it has asked the
/// server for data in the background (`sw/service-worker.js` posts
/// `{ type: "SERVER_ANSWERED", status }`).
pub fn on_server_answer(report: impl Fn(u16) + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_message = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let data = Reflect::get(&event, &"data".into()).unwrap_or_default();
        let field = |name: &str| Reflect::get(&data, &name.into()).ok();
        let is_answer =
            field("type").and_then(|t| t.as_string()).as_deref() == Some("SERVER_ANSWERED");
        if let Some(status) = field("status")
            .and_then(|s| s.as_f64())
            .filter(|_| is_answer)
        {
            report(status as u16);
        }
    });
    // Setting `onmessage` (not adding a listener) also starts the delivery of messages without
    // waiting for the document to finish parsing. A message posted before there is a handler
    // is lost, so the app sets this before any page asks for data.
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Tells the waiting worker to take over, then reloads once it controls the page, so the whole
/// page comes from the new version.
pub fn apply_update(waiting: &ServiceWorker) {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    let _ = waiting.post_message(&message);
}
