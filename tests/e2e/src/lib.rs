//! Support library for the end-to-end tests of the web app.
//!
//! Each test builds an [`E2e`]: the built `dist/` served in-process on a random loopback
//! port, plus a browser of the engine chosen for the run ([`engine`]: Chromium, Firefox or
//! WebKit) driven through its own WebDriver server. Tests read the app's generated JSON
//! ([`app`]) to compute what the page must show, and poll the DOM ([`wait`], [`dom`])
//! because the app renders client-side after fetching that JSON.
//!
//! Environment: `E2E_ENGINE` (`chromium`, the default, `firefox` or `webkit`), `E2E_DIST`
//! (built app, default `<workspace>/dist`), driver and browser paths (see [`engine`]),
//! `E2E_TIMEOUT_MS` (page wait, default 10000), `E2E_MAX_BROWSERS` (browsers running at
//! once per test binary, default 2).

pub mod a11y;
pub mod app;
pub mod dom;
pub mod driver;
pub mod engine;
pub mod keyboard;
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
use engine::{Engine, Feature, Launch};
use server::{Answer, StaticServer};

/// Limits how many browser instances one test binary runs at once, so parallel tests
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
/// driver stopped, server shut down gracefully). If the test panics first, the
/// fields' `Drop` impls still stop the browser, driver and server.
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
        E2e::serve(&dist, None, &[], Launch::default()).await
    }

    /// Serves the built app with some paths answered as `answers` says: an error status or a
    /// stalled answer.
    pub async fn start_with_answers(answers: &[(&str, Answer)]) -> E2e {
        let dist = app::dist_dir();
        E2e::serve(&dist, None, answers, Launch::default()).await
    }

    /// Starts a browser with emulated media features or without WebAssembly, or returns
    /// `None` (recording the skip) when the engine cannot be started that way.
    pub async fn start_with(launch: Launch) -> Option<E2e> {
        for feature in launch.needs() {
            if !skip_unless(feature) {
                return None;
            }
        }
        let dist = app::dist_dir();
        Some(E2e::serve(&dist, None, &[], launch).await)
    }

    /// The engine this run drives.
    pub fn engine(&self) -> Engine {
        self.browser.engine()
    }

    /// Serves a copy of the built app after `edit` has changed it, e.g. to break a data file.
    pub async fn start_with_edited_copy(edit: impl FnOnce(&Path)) -> E2e {
        let copy = dist_copy("e2e-dist");
        edit(copy.path());
        let dir = copy.path().to_path_buf();
        E2e::serve(&dir, Some(copy), &[], Launch::default()).await
    }

    async fn serve(
        dir: &Path,
        copy: Option<tempfile::TempDir>,
        answers: &[(&str, Answer)],
        launch: Launch,
    ) -> E2e {
        let slot = browser_slots()
            .acquire()
            .await
            .expect("browser slots semaphore closed");
        let server = StaticServer::start_on(dir, 0, answers).await;
        let browser = Browser::start(Engine::current(), launch).await;
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

    /// Every request the server has had so far (path and query), in the order they arrived.
    pub fn requests(&self) -> Vec<String> {
        self.server
            .as_ref()
            .map(StaticServer::requests)
            .unwrap_or_default()
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

    /// Sets the size of the page's viewport (not the window around it), so that widths
    /// mean the same in every engine.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let client = self.client();
        let mut target = (width, height);
        // A window's frame differs by engine: resize, measure the viewport, correct once.
        for _ in 0..2 {
            client
                .set_window_size(target.0, target.1)
                .await
                .unwrap_or_else(|e| panic!("cannot resize the window to {target:?}: {e}"));
            let (w, h) = self.settled_viewport().await;
            if (w, h) == (i64::from(width), i64::from(height)) {
                return;
            }
            target = (
                (i64::from(target.0) + i64::from(width) - w).max(1) as u32,
                (i64::from(target.1) + i64::from(height) - h).max(1) as u32,
            );
        }
    }

    /// The viewport's size once a resize has settled: WebKit resizes after answering, so
    /// wait (up to 2 s) until two readings 100 ms apart agree.
    async fn settled_viewport(&self) -> (i64, i64) {
        let read = || async {
            let inner = dom::run_js(
                self.client(),
                "return [window.innerWidth, window.innerHeight];",
                vec![],
            )
            .await;
            (
                inner[0].as_i64().unwrap_or(0),
                inner[1].as_i64().unwrap_or(0),
            )
        };
        let mut last = read().await;
        for _ in 0..20 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            let now = read().await;
            if now == last {
                return now;
            }
            last = now;
        }
        last
    }

    /// Orderly teardown: close the session, stop the driver, shut the server down.
    pub async fn stop(self) {
        let E2e {
            browser,
            server,
            _copy,
            _slot,
            ..
        } = self;
        browser.close().await; // closes the session; dropping it stops the driver
        if let Some(server) = server {
            server.shutdown().await;
        }
        drop(_slot);
    }
}

/// Whether the engine of this run has `feature`. When it has not, prints and records (in
/// `test-output/skipped-<engine>.txt`, which scripts/test.sh shows) that the calling test
/// is skipped and why; the test should then return at once.
pub fn skip_unless(feature: Feature) -> bool {
    let engine = Engine::current();
    if engine.supports(feature) {
        return true;
    }
    record_skip(
        engine,
        &format!(
            "needs {}, which this engine's WebDriver does not offer",
            feature.describe()
        ),
    );
    false
}

fn record_skip(engine: Engine, why: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let line = format!("SKIPPED in {}: {test}: {why}\n", engine.label());
    print!("{line}");
    let path = output::output_dir("").join(format!("skipped-{}.txt", engine.name()));
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("cannot record a skip in {}: {e}", path.display()));
    std::io::Write::write_all(&mut file, line.as_bytes()).expect("record a skip");
}

/// A copy of the built app in a new temporary folder (its name starting with `prefix`), to
/// edit and serve; the folder goes when the value is dropped.
pub fn dist_copy(prefix: &str) -> tempfile::TempDir {
    let copy = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("create a temporary folder for the app copy");
    copy_dir(&app::dist_dir(), copy.path());
    copy
}

/// Copies a built app folder recursively (for tests that edit or serve a copy).
fn copy_dir(from: &Path, to: &Path) {
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
