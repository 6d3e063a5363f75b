//! Support library for the end-to-end tests of the web app.
//!
//! Each test builds an [`E2e`]: the built `dist/` served in-process on a random loopback
//! port, plus headless Chromium driven through its own chromedriver. Tests read the app's
//! generated JSON ([`app`]) to compute what the page must show, and poll the DOM
//! ([`wait`], [`dom`]) because the app renders client-side after fetching that JSON.
//!
//! Environment: `E2E_DIST` (built app, default `<workspace>/dist`), `CHROMEDRIVER`
//! (default `/usr/bin/chromedriver`), `CHROMIUM` (default `/usr/bin/chromium`),
//! `E2E_TIMEOUT_MS` (page wait, default 10000), `E2E_MAX_BROWSERS` (browsers running at
//! once per test binary, default 2).

pub mod app;
pub mod dom;
pub mod driver;
pub mod output;
pub mod server;
pub mod wait;

use std::sync::OnceLock;

use fantoccini::Client;
use tokio::sync::{Semaphore, SemaphorePermit};

use driver::Browser;
use server::StaticServer;

/// Limits how many Chromium instances one test binary runs at once, so parallel tests
/// do not starve each other on a small machine.
fn browser_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let n = std::env::var("E2E_MAX_BROWSERS")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|n| *n > 0)
            .unwrap_or(2);
        Semaphore::new(n)
    })
}

/// One test's world: a static server for the app and a browser session.
///
/// Call [`E2e::stop`] at the end of a test for an orderly shutdown (session closed,
/// chromedriver stopped, server shut down gracefully). If the test panics first, the
/// fields' `Drop` impls still stop the browser, chromedriver and server.
pub struct E2e {
    browser: Browser,
    server: StaticServer,
    _slot: SemaphorePermit<'static>,
}

impl E2e {
    pub async fn start() -> E2e {
        // Fail fast (before starting anything) when the app has not been built.
        let dist = app::dist_dir();
        let slot = browser_slots()
            .acquire()
            .await
            .expect("browser slots semaphore closed");
        let server = StaticServer::start(&dist).await;
        let browser = Browser::start().await;
        E2e {
            browser,
            server,
            _slot: slot,
        }
    }

    pub fn client(&self) -> &Client {
        self.browser.client()
    }

    /// Absolute URL of an app path such as `/league-table`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.base_url(), path)
    }

    /// Navigates the browser to an app path (a full page load).
    pub async fn goto(&self, path: &str) {
        let url = self.url(path);
        self.client()
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot load {url}: {e}"));
    }

    /// Reloads the current page.
    pub async fn reload(&self) {
        self.client()
            .refresh()
            .await
            .unwrap_or_else(|e| panic!("cannot reload: {e}"));
    }

    /// Orderly teardown: close the session, stop chromedriver, shut the server down.
    pub async fn stop(self) {
        let E2e {
            browser,
            server,
            _slot,
        } = self;
        browser.close().await; // closes the session; dropping it stops chromedriver
        server.shutdown().await;
        drop(_slot);
    }
}
