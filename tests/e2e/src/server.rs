//! In-process static file server for the built app.
//!
//! Serves `dist/` on `127.0.0.1:<random port>`; any path that is not a file falls back to
//! `index.html`, so client-side routes such as `/posts/<slug>` load the single-page app.
//! A test can stop the server and serve another build on the same port, which the browser
//! sees as the same origin (a new deploy, or the network gone in between).

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::services::{ServeDir, ServeFile};

pub struct StaticServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Binds a random loopback port and starts serving `dist` in a background task.
    pub async fn start(dist: &Path) -> StaticServer {
        StaticServer::start_on(dist, 0).await
    }

    /// Serves `dist` on `port` (0: a random one). Retries for a few seconds, because a port
    /// a stopped server just used can take a moment to become free again.
    pub async fn start_on(dist: &Path, port: u16) -> StaticServer {
        let files = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
        let router = Router::new().fallback_service(files);
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
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
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
