//! Waiting on a script's answer: for pages whose content a test reads in one go once it has
//! rendered.

use fantoccini::Client;
use serde_json::Value;

use crate::dom::{run_js, try_js};
use crate::wait::wait_for;

/// Runs `script` until it returns something other than `null` (it should return `null` until
/// the page is ready), and returns that value; panics naming `what` on timeout. A script
/// that fails, as it may while the page navigates, counts as not ready.
pub async fn wait_for_value(client: &Client, what: &str, script: &str, args: Vec<Value>) -> Value {
    wait_for(what, || {
        let args = args.clone();
        async move {
            match try_js(client, script, args).await? {
                Value::Null => Err("the script returned null".to_owned()),
                value => Ok(value),
            }
        }
    })
    .await
}

/// Waits until a service worker controls the page: it has installed with every file of the
/// build, and answers the page's requests from now on.
pub async fn wait_for_service_worker(client: &Client) {
    wait_for_value(
        client,
        "a service worker to control the page",
        "return (navigator.serviceWorker && navigator.serviceWorker.controller) ? true : null;",
        vec![],
    )
    .await;
}

/// The texts of every element matching `css`, whitespace collapsed.
pub async fn texts(client: &Client, css: &str) -> Vec<String> {
    let value = run_js(
        client,
        "return Array.from(document.querySelectorAll(arguments[0]))\
         .map(el => el.textContent.replace(/\\s+/g, ' ').trim());",
        vec![Value::String(css.to_owned())],
    )
    .await;
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|t| t.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}
