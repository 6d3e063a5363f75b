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
//! once per test binary, default 2). [`E2e::start_firefox`] and [`E2e::start_webkit`] use
//! `GECKODRIVER` (default `~/.cargo/bin/geckodriver`) and `MINIBROWSER` (WebKitGTK's
//! MiniBrowser under `WebKitWebDriver` and `xvfb-run`) instead.

pub mod app;
pub mod cdp;
pub mod dom;
pub mod driver;
pub mod output;
pub mod raw;
pub mod script;
pub mod server;
pub mod wait;

use std::path::Path;
use std::sync::OnceLock;

use fantoccini::Client;
use tokio::sync::{Semaphore, SemaphorePermit};

use driver::Browser;
use server::{Answer, StaticServer};

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
    /// `None` while a test has the server stopped.
    server: Option<StaticServer>,
    /// Where the app is served; kept while the server is stopped, so the origin stays the same.
    base_url: String,
    port: u16,
    /// An edited copy of the built app, when the test serves one.
    _copy: Option<tempfile::TempDir>,
    _slot: SemaphorePermit<'static>,
}

impl E2e {
    pub async fn start() -> E2e {
        // Fail fast (before starting anything) when the app has not been built.
        let dist = app::dist_dir();
        E2e::serve(&dist, None, &[]).await
    }

    /// Serves the built app with some paths answered as `answers` says: an error status or a
    /// stalled answer.
    pub async fn start_with_answers(answers: &[(&str, Answer)]) -> E2e {
        let dist = app::dist_dir();
        E2e::serve(&dist, None, answers).await
    }

    /// Serves a copy of the built app after `edit` has changed it, e.g. to break a data file.
    pub async fn start_with_edited_copy(edit: impl FnOnce(&Path)) -> E2e {
        let copy = tempfile::Builder::new()
            .prefix("e2e-dist")
            .tempdir()
            .expect("create a temporary folder for the app copy");
        copy_dir(&app::dist_dir(), copy.path());
        edit(copy.path());
        let dir = copy.path().to_path_buf();
        E2e::serve(&dir, Some(copy), &[]).await
    }

    /// The built app in headless Firefox instead of Chromium.
    pub async fn start_firefox() -> E2e {
        E2e::serve_in(&app::dist_dir(), None, &[], Browser::start_firefox()).await
    }

    /// The built app in WebKitGTK's MiniBrowser instead of Chromium.
    pub async fn start_webkit() -> E2e {
        E2e::serve_in(&app::dist_dir(), None, &[], Browser::start_webkit()).await
    }

    async fn serve(dir: &Path, copy: Option<tempfile::TempDir>, answers: &[(&str, Answer)]) -> E2e {
        E2e::serve_in(dir, copy, answers, Browser::start()).await
    }

    async fn serve_in(
        dir: &Path,
        copy: Option<tempfile::TempDir>,
        answers: &[(&str, Answer)],
        browser: impl std::future::Future<Output = Browser>,
    ) -> E2e {
        let slot = browser_slots()
            .acquire()
            .await
            .expect("browser slots semaphore closed");
        let server = StaticServer::start_on(dir, 0, answers).await;
        let browser = browser.await;
        E2e {
            browser,
            base_url: server.base_url(),
            port: server.port(),
            server: Some(server),
            _copy: copy,
            _slot: slot,
        }
    }

    pub fn client(&self) -> &Client {
        self.browser.client()
    }

    /// Absolute URL of an app path such as `/league-table`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Stops the server: from now on the browser finds nothing at the app's origin, as if the
    /// network were gone.
    pub async fn stop_server(&mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown().await;
        }
    }

    /// Serves `dir` (another build, say) at the same origin, stopping the current server first.
    pub async fn serve_again(&mut self, dir: &Path) {
        self.stop_server().await;
        self.server = Some(StaticServer::start_on(dir, self.port, &[]).await);
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
            _copy,
            _slot,
            ..
        } = self;
        browser.close().await; // closes the session; dropping it stops chromedriver
        if let Some(server) = server {
            server.shutdown().await;
        }
        drop(_slot);
    }
}

/// Copies a built app folder recursively (for tests that edit or serve a copy).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()))
    {
        let path = entry.expect("a folder entry").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            std::fs::create_dir_all(&target).expect("create a folder in the copy");
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", path.display()));
        }
    }
}
