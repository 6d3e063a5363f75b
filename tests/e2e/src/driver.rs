//! A WebDriver server child process (chromedriver, geckodriver or WebKitWebDriver, see
//! [`Engine`]) and a fantoccini session on it.
//!
//! Each [`Browser`] owns its driver (on a free loopback port), for WebKit a private Xvfb
//! display, a fresh temporary folder for the profile and the driver's log, and one session.
//! Dropping it (for instance when a test panics) ends the session, then kills whatever is
//! left of the driver's process group (the browser included) and removes the folder.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use crate::engine::{Engine, Launch, WINDOW};

const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

/// A loopback port that was free a moment ago (bind port 0, read it, release it).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

/// Minimal blocking HTTP/1.1 GET on loopback; returns (status, body).
///
/// Drivers keep connections open despite `Connection: close`, so the body is read
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

/// Kills a child's whole process group (it was started as the group's leader) and reaps it.
///
/// The child's pid, which is also its group id, stays reserved until it is reaped here, so
/// signalling the group cannot hit an unrelated process.
fn kill_group(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = child.kill();
    }
    let _ = child.wait();
}

/// A private X display for WebKitGTK, which needs one even when nobody looks at it.
/// Xvfb picks a free display number itself and writes it to `-displayfd`, so parallel tests
/// never race for one.
pub struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    pub fn start() -> Xvfb {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1920x1200x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start Xvfb for WebKit: {e} (on Debian: apt-get install xvfb)")
            });
        let mut line = String::new();
        let stdout = child.stdout.take().expect("Xvfb's piped stdout");
        let _ = BufReader::new(stdout).read_line(&mut line);
        let number = line.trim();
        if number.parse::<u32>().is_err() {
            kill_group(&mut child);
            panic!("Xvfb did not report a display number (read {line:?})");
        }
        Xvfb {
            display: format!(":{number}"),
            child,
        }
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}

/// A running WebDriver server.
pub struct DriverProcess {
    engine: Engine,
    child: Child,
    port: u16,
    log: PathBuf,
}

impl DriverProcess {
    /// Starts the engine's driver on a free port (retrying with another port if it loses a
    /// race for the one picked) and waits until its `/status` answers ready.
    pub async fn start(
        engine: Engine,
        dir: &Path,
        display: Option<&str>,
        env: &[(String, String)],
    ) -> DriverProcess {
        let exe = engine.driver_path();
        if !exe.is_file() {
            panic!(
                "the {} driver was not found at {} (set the variable named in tests/e2e/src/engine.rs; \
                 on Debian: {})",
                engine.label(),
                exe.display(),
                engine.install_hint()
            );
        }
        let mut last_error = String::new();
        for attempt in 0..3 {
            let port = free_port();
            let log = dir.join(format!("driver-{attempt}.log"));
            let log_file = std::fs::File::create(&log).expect("create the driver log");
            let mut command = Command::new(&exe);
            command
                .args(engine.driver_args(port, dir))
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("clone log handle"))
                .stderr(log_file)
                // Own process group, so the browser it starts can be cleaned up with it.
                .process_group(0);
            if let Some(display) = display {
                command.env("DISPLAY", display);
            }
            command.envs(env.iter().map(|(k, v)| (k, v)));
            let child = command
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
            let mut driver = DriverProcess {
                engine,
                child,
                port,
                log,
            };
            match driver.wait_ready().await {
                Ok(()) => return driver,
                Err(e) => last_error = e,
            }
            // `driver` is dropped here: killed and reaped before the next attempt.
        }
        panic!(
            "the {} driver did not become ready: {last_error}",
            engine.label()
        );
    }

    async fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "the driver exited ({status}); log:\n{}",
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

    /// Whether the driver process has exited (left as a zombie, not yet reaped).
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

impl Drop for DriverProcess {
    fn drop(&mut self) {
        if self.engine == Engine::Chromium {
            if let Ok(None) = self.child.try_wait() {
                // Graceful: chromedriver's /shutdown quits every session's browser, then exits.
                let _ = http_get(self.port, "/shutdown", Duration::from_secs(2));
                let deadline = Instant::now() + Duration::from_secs(3);
                while !self.has_exited() && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(25));
                }
            }
        }
        // Removes any browser process that outlived the driver (or its ended session).
        kill_group(&mut self.child);
    }
}

/// A Chrome DevTools Protocol command sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct CdpCommand {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Runs a Chrome DevTools Protocol command (Chromium only: check
/// `Feature::DevTools` first) and returns its result.
pub async fn cdp(client: &Client, cmd: &str, params: Value) -> Value {
    client
        .issue_cmd(CdpCommand {
            cmd: cmd.to_owned(),
            params,
        })
        .await
        .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
}

/// A browser session driven through its own driver process.
///
/// The driver, display and folder are held only so that dropping the browser stops them in
/// order and then removes the profile; field order is drop order.
pub struct Browser {
    client: Option<Client>,
    engine: Engine,
    _driver: DriverProcess,
    _display: Option<Xvfb>,
    _dir: tempfile::TempDir,
}

impl Browser {
    pub async fn start(engine: Engine, launch: Launch) -> Browser {
        let binary = engine.browser_path();
        if !binary.is_file() {
            panic!(
                "{} not found at {} (on Debian: {})",
                engine.label(),
                binary.display(),
                engine.install_hint()
            );
        }
        let dir = tempfile::Builder::new()
            .prefix(&format!("e2e-{}", engine.name()))
            .tempdir()
            .expect("create a temporary folder for the browser profile");
        let profile = dir.path().join("profile");
        std::fs::create_dir_all(&profile).expect("create profile dir");
        let display = (engine == Engine::WebKit).then(Xvfb::start);
        let env = engine.driver_env(dir.path(), launch);
        let display_name = display.as_ref().map(|d| d.display.as_str());
        let driver = DriverProcess::start(engine, dir.path(), display_name, &env).await;
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(engine.capabilities(&profile, launch))
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot open a {} session: {e}\ndriver log:\n{}",
                    engine.label(),
                    driver.log_text()
                )
            });
        let browser = Browser {
            client: Some(client),
            engine,
            _driver: driver,
            _display: display,
            _dir: dir,
        };
        browser.apply(launch).await;
        browser
    }

    /// What the capabilities could not set: Chromium's media features come from CDP, and
    /// WebKit's window from a resize.
    async fn apply(&self, launch: Launch) {
        let client = self.client();
        if self.engine == Engine::Chromium && (launch.dark || launch.reduced_motion) {
            let scheme = if launch.dark { "dark" } else { "light" };
            let motion = if launch.reduced_motion {
                "reduce"
            } else {
                "no-preference"
            };
            cdp(
                client,
                "Emulation.setEmulatedMedia",
                json!({ "features": [
                    { "name": "prefers-color-scheme", "value": scheme },
                    { "name": "prefers-reduced-motion", "value": motion },
                ] }),
            )
            .await;
        }
        if self.engine == Engine::WebKit {
            let (width, height) = WINDOW;
            client
                .set_window_size(width, height)
                .await
                .unwrap_or_else(|e| panic!("cannot size the WebKit window: {e}"));
        }
    }

    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("browser session already closed")
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Ends the WebDriver session (closing the browser); Drop then stops the driver.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
    }
}
