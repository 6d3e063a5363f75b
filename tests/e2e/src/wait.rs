//! Polling helpers: the app renders client-side after fetching JSON, so every check of
//! the page first waits (every 50 ms, up to 20 s by default) for the state it expects.

use std::future::Future;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

/// Pause between two probes.
pub const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// How long to wait for the page: `$E2E_TIMEOUT_MS` milliseconds, 20 s by default, as a
/// machine of two cores running two browsers of one engine side by side can take over 10 s
/// to load the app just after a build. A wait that succeeds returns as soon as it does.
pub fn timeout() -> Duration {
    std::env::var("E2E_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(Duration::from_secs(20))
}

/// Calls `probe` until it returns `Ok`, or until the timeout; then returns the last `Err`
/// (a description of what was observed instead).
pub async fn poll<T, F, Fut>(mut probe: F) -> Result<T, String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let deadline = Instant::now() + timeout();
    loop {
        match probe().await {
            Ok(value) => return Ok(value),
            Err(last) if Instant::now() >= deadline => return Err(last),
            Err(_) => tokio::time::sleep(POLL_INTERVAL).await,
        }
    }
}

/// Like [`poll`], but panics on timeout, naming `what` was awaited and the last observation.
pub async fn wait_for<T, F, Fut>(what: &str, probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    match poll(probe).await {
        Ok(value) => value,
        Err(last) => panic!(
            "timed out after {:?} waiting for {what}; last seen: {last}",
            timeout()
        ),
    }
}

/// Waits until an element matches the CSS selector, and returns the first one.
pub async fn wait_for_css(client: &Client, css: &str) -> Element {
    wait_for(&format!("an element matching `{css}`"), || async move {
        client
            .find(Locator::Css(css))
            .await
            .map_err(|e| e.to_string())
    })
    .await
}

/// Waits until the first element matching `css` has exactly the text `expected`
/// (whitespace-trimmed) and returns nothing; panics with the last text seen otherwise. A read
/// cut short by a navigation counts as not yet.
pub async fn wait_for_text(client: &Client, css: &str, expected: &str) {
    wait_for(&format!("`{css}` to read {expected:?}"), || async move {
        match crate::dom::try_text_of(client, css).await? {
            Some(text) if text == expected => Ok(()),
            Some(text) => Err(format!("text {text:?}")),
            None => Err("no such element".to_owned()),
        }
    })
    .await
}
