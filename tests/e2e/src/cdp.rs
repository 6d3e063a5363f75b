//! Chrome DevTools Protocol commands through chromedriver's
//! `POST /session/{id}/goog/cdp/execute`. Chromium only: other drivers have no such endpoint.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

#[derive(Debug)]
struct CdpCommand {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Runs one CDP command in the session's page and returns its result.
pub async fn execute(client: &Client, cmd: &'static str, params: Value) -> Value {
    client
        .issue_cmd(CdpCommand { cmd, params })
        .await
        .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
}
