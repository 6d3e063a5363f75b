//! A chromedriver child process and a fantoccini WebDriver session on it.
//!
//! Each [`Browser`] owns its chromedriver (on a free loopback port), a fresh temporary
//! folder for the Chromium profile and the driver's log, and one session. Dropping it
//! (for instance when a test panics) quits the browser through chromedriver's `/shutdown`,
//! then kills whatever is left of the chromedriver process group and removes the folder.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

/// `$CHROMEDRIVER` or `/usr/bin/chromedriver`.
pub fn chromedriver_path() -> PathBuf {
    env_path("CHROMEDRIVER", "/usr/bin/chromedriver")
}

/// `$CHROMIUM` or `/usr/bin/chromium`.
pub fn chromium_path() -> PathBuf {
    env_path("CHROMIUM", "/usr/bin/chromium")
}

fn env_path(var: &str, default: &str) -> PathBuf {
    match std::env::var_os(var) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(default),
    }
}

/// A loopback port that was free a moment ago (bind port 0, read it, release it).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

/// Minimal blocking HTTP/1.1 GET on loopback; returns (status, body).
///
/// chromedriver keeps connections open despite `Connection: close`, so the body is read
/// up to its `Content-Length` rather than to end of stream.
fn http_get(port: u16, path: &str, timeout: Duration) -> std::io::Result<(u16, String)> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    let mut chunk = [0u8; 4096];
    let mut expected_len: Option<usize> = None;
    loop {
        if let Some(head_end) = raw.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4) {
            let len = *expected_len.get_or_insert_with(|| {
                String::from_utf8_lossy(&raw[..head_end])
                    .lines()
                    .find_map(|line| {
                        let (name, value) = line.split_once(':')?;
                        name.trim()
                            .eq_ignore_ascii_case("content-length")
                            .then(|| value.trim().parse().ok())?
                    })
                    .unwrap_or(usize::MAX)
            });
            if raw.len() - head_end >= len {
                break;
            }
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("malformed HTTP response"))?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

/// Whether a `/status` body says `value.ready == true`.
fn status_ready(body: &str) -> bool {
    match serde_json::from_str::<Value>(body.trim()) {
        Ok(v) => v.pointer("/value/ready").and_then(Value::as_bool) == Some(true),
        // Not plain JSON (e.g. chunked): fall back to a textual check.
        Err(_) => body
            .split_whitespace()
            .collect::<String>()
            .contains("\"ready\":true"),
    }
}

/// A running WebDriver server: chromedriver, or (through `start_exe`) geckodriver or
/// WebKitWebDriver, which take `--port` and answer `/status` the same way.
pub struct ChromeDriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl ChromeDriver {
    /// Starts chromedriver on a free port (retrying with another port if it loses a
    /// race for the one picked) and waits until its `/status` answers ready.
    pub async fn start(dir: &Path) -> ChromeDriver {
        let exe = chromedriver_path();
        if !exe.is_file() {
            panic!(
                "chromedriver not found at {} (set CHROMEDRIVER to its path; \
                 on Debian: apt-get install chromium-driver)",
                exe.display()
            );
        }
        ChromeDriver::start_exe(dir, &exe, &[]).await
    }

    /// Starts another W3C driver that takes `--port` the same way (geckodriver, or
    /// WebKitWebDriver through `xvfb-run`): `exe`, then `leading_args`, then `--port=P`.
    async fn start_exe(dir: &Path, exe: &Path, leading_args: &[&str]) -> ChromeDriver {
        let mut last_error = String::new();
        for attempt in 0..3 {
            let port = free_port();
            let log = dir.join(format!("chromedriver-{attempt}.log"));
            let log_file = std::fs::File::create(&log).expect("create chromedriver log");
            let child = Command::new(exe)
                .args(leading_args)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("clone log handle"))
                .stderr(log_file)
                // Own process group, so the browser it starts can be cleaned up with it.
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
            let mut driver = ChromeDriver { child, port, log };
            match driver.wait_ready().await {
                Ok(()) => return driver,
                Err(e) => last_error = e,
            }
            // `driver` is dropped here: killed and reaped before the next attempt.
        }
        panic!("chromedriver did not become ready: {last_error}");
    }

    async fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "chromedriver exited ({status}); log:\n{}",
                    self.log_text()
                ));
            }
            let port = self.port;
            let answer = tokio::task::spawn_blocking(move || {
                http_get(port, "/status", Duration::from_millis(500))
            })
            .await
            .expect("status probe task");
            if let Ok((200, body)) = &answer {
                if status_ready(body) {
                    return Ok(());
                }
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "no ready /status on port {port} within {STARTUP_TIMEOUT:?} \
                     (last answer: {answer:?}); log:\n{}",
                    self.log_text()
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The driver's output so far (for failure messages).
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Whether the chromedriver process has exited (left as a zombie, not yet reaped).
    fn has_exited(&self) -> bool {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()));
        match stat {
            // The state letter follows the parenthesised command name.
            Ok(s) => s
                .rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('Z'))
                .unwrap_or(true),
            Err(_) => true,
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            // Graceful: chromedriver's /shutdown quits every session's browser, then exits.
            let _ = http_get(self.port, "/shutdown", Duration::from_secs(2));
            let deadline = Instant::now() + Duration::from_secs(3);
            while !self.has_exited() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(25));
            }
            // The chromedriver pid (also its process group id) is still reserved until it is
            // reaped below, so signalling the group cannot hit an unrelated process. This
            // removes any browser process that outlived the driver.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// W3C capabilities for headless Chromium with a private profile folder.
pub fn chromium_capabilities(profile: &Path) -> serde_json::Map<String, Value> {
    let binary = chromium_path();
    let caps = json!({
        "browserName": "chrome",
        "pageLoadStrategy": "normal",
        "timeouts": { "script": 30_000, "pageLoad": 30_000, "implicit": 0 },
        "goog:chromeOptions": {
            "binary": binary.to_string_lossy(),
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                format!("--user-data-dir={}", profile.display()),
                "--window-size=1280,900",
            ],
        },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// `$GECKODRIVER` or `~/.cargo/bin/geckodriver` (where `cargo install geckodriver` puts it).
pub fn geckodriver_path() -> PathBuf {
    let home = std::env::var("HOME").unwrap_or_default();
    env_path("GECKODRIVER", &format!("{home}/.cargo/bin/geckodriver"))
}

/// W3C capabilities for headless Firefox (geckodriver makes a fresh profile per session).
pub fn firefox_capabilities() -> serde_json::Map<String, Value> {
    let caps = json!({
        "browserName": "firefox",
        "pageLoadStrategy": "normal",
        "timeouts": { "script": 30_000, "pageLoad": 30_000, "implicit": 0 },
        "moz:firefoxOptions": { "args": ["-headless", "--width=1280", "--height=900"] },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// W3C capabilities for WebKitGTK's MiniBrowser (`$MINIBROWSER` or Debian's path).
pub fn webkit_capabilities() -> serde_json::Map<String, Value> {
    let binary = env_path(
        "MINIBROWSER",
        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    );
    let caps = json!({
        "timeouts": { "script": 30_000, "pageLoad": 30_000, "implicit": 0 },
        "webkitgtk:browserOptions": {
            "binary": binary.to_string_lossy(),
            "args": ["--automation"],
        },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// A headless Chromium session driven through its own chromedriver.
///
/// The driver and the folder are held only so that dropping the browser stops chromedriver and
/// then removes the profile; field order is drop order.
pub struct Browser {
    client: Option<Client>,
    _driver: ChromeDriver,
    _dir: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        let binary = chromium_path();
        if !binary.is_file() {
            panic!(
                "Chromium not found at {} (set CHROMIUM to its path; on Debian: apt-get install chromium)",
                binary.display()
            );
        }
        let dir = tempfile::Builder::new()
            .prefix("e2e-chromium")
            .tempdir()
            .expect("create a temporary folder for the browser profile");
        let profile = dir.path().join("profile");
        std::fs::create_dir_all(&profile).expect("create profile dir");
        let driver = ChromeDriver::start(dir.path()).await;
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(chromium_capabilities(&profile))
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot open a Chromium session: {e}\nchromedriver log:\n{}",
                    driver.log_text()
                )
            });
        Browser {
            client: Some(client),
            _driver: driver,
            _dir: dir,
        }
    }

    /// A headless Firefox session through its own geckodriver, for the tests that also run in
    /// Firefox (`Browser::start` stays Chromium).
    pub async fn start_firefox() -> Browser {
        let exe = geckodriver_path();
        if !exe.is_file() {
            panic!(
                "geckodriver not found at {} (set GECKODRIVER; cargo install --locked geckodriver)",
                exe.display()
            );
        }
        let dir = tempfile::Builder::new()
            .prefix("e2e-firefox")
            .tempdir()
            .expect("create a temporary folder for the driver log");
        let driver = ChromeDriver::start_exe(dir.path(), &exe, &[]).await;
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(firefox_capabilities())
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot open a Firefox session: {e}\ngeckodriver log:\n{}",
                    driver.log_text()
                )
            });
        Browser {
            client: Some(client),
            _driver: driver,
            _dir: dir,
        }
    }

    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual display (`xvfb-run -a`).
    pub async fn start_webkit() -> Browser {
        let dir = tempfile::Builder::new()
            .prefix("e2e-webkit")
            .tempdir()
            .expect("create a temporary folder for the driver log");
        let driver = ChromeDriver::start_exe(
            dir.path(),
            Path::new("xvfb-run"),
            &["-a", "WebKitWebDriver"],
        )
        .await;
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(webkit_capabilities())
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot open a WebKit session: {e}\nWebKitWebDriver log:\n{}",
                    driver.log_text()
                )
            });
        Browser {
            client: Some(client),
            _driver: driver,
            _dir: dir,
        }
    }

    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("browser session already closed")
    }

    /// Ends the WebDriver session (closing Chromium); Drop then stops chromedriver.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
    }
}
