//! In-process static file server for the built app.
//!
//! Serves `dist/` on `127.0.0.1:<random port>`; any path that is not a file falls back to
//! `index.html`, so client-side routes such as `/posts/<slug>` load the single-page app.
//! Tests of failing networks can make chosen paths answer with an error status or stall, and a
//! test can stop the server and serve another build on the same port, which the browser sees as
//! the same origin (a new deploy, or the network gone in between). The server logs every
//! request, so a test can tell what the browser asked for and in which order.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::services::{ServeDir, ServeFile};

pub struct StaticServer {
    addr: SocketAddr,
    log: RequestLog,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

/// How the server answers one path instead of serving it normally.
#[derive(Clone, Copy, Debug)]
pub enum Answer {
    /// An empty answer with this status, such as 500.
    Status(u16),
    /// The file, but only after this long: a stalled server or connection. Once it is sent
    /// the log gains a line "`<path>` answered".
    Delayed(Duration),
}

/// Each request's path and query (`/data/ratings.json?v=1`), in the order they arrived.
type RequestLog = Arc<Mutex<Vec<String>>>;

impl StaticServer {
    /// Binds a random loopback port and starts serving `dist` in a background task.
    pub async fn start(dist: &Path) -> StaticServer {
        StaticServer::start_on(dist, 0, &[]).await
    }

    /// Serves `dist` on `port` (0: a random one), with some paths (e.g. `/data/ratings.json`)
    /// answered as `answers` says. Retries binding for a few seconds, because a port a stopped
    /// server just used can take a moment to become free again.
    pub async fn start_on(dist: &Path, port: u16, answers: &[(&str, Answer)]) -> StaticServer {
        let files = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
        let log = RequestLog::default();
        let mut router = Router::new();
        for &(path, answer) in answers {
            router = match answer {
                Answer::Status(code) => {
                    let status = StatusCode::from_u16(code).expect("a valid HTTP status");
                    router.route(path, get(move || async move { status }))
                }
                Answer::Delayed(delay) => {
                    let file = dist.join(path.trim_start_matches('/'));
                    let body = std::fs::read(&file)
                        .unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
                    let (log, answered) = (log.clone(), format!("{path} answered"));
                    // The type the file would be served with otherwise (`ServeDir` guesses
                    // it the same way): a delayed wasm must still compile as it streams.
                    let kind = mime_guess::from_path(path)
                        .first_or_octet_stream()
                        .to_string();
                    router.route(
                        path,
                        get(move || async move {
                            tokio::time::sleep(delay).await;
                            log.lock().unwrap().push(answered);
                            ([(header::CONTENT_TYPE, kind)], body)
                        }),
                    )
                }
            };
        }
        let logged = log.clone();
        let router =
            router
                .fallback_service(files)
                .layer(from_fn(move |request: Request, next: Next| {
                    logged.lock().unwrap().push(request.uri().to_string());
                    next.run(request)
                }));
        let mut attempts = 0;
        let listener = loop {
            match TcpListener::bind(("127.0.0.1", port)).await {
                Ok(listener) => break listener,
                Err(_) if attempts < 50 => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("bind the static server to 127.0.0.1:{port}: {e}"),
            }
        };
        let addr = listener.local_addr().expect("static server address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    // Either an explicit signal or the sender being dropped stops the server.
                    let _ = stopped.await;
                })
                .await
                .expect("static server failed");
        });
        StaticServer {
            addr,
            log,
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request so far (path and query), in the order they arrived.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// `http://127.0.0.1:<port>` with no trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Graceful shutdown: signal, then wait (bounded) for open connections to finish.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        // Reached without `shutdown()` only when a test panicked: ask for a graceful stop;
        // the task also ends with the test's runtime.
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
