//! Accessibility checks in the page: axe-core (the npm package pinned in package.json) run
//! against WCAG 2.0, 2.1 and 2.2 level A and AA rules, and geometry checks axe leaves to us.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fantoccini::Client;
use serde_json::{json, Value};

use crate::dom::run_js;

/// axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added no A rule that
/// axe tags separately).
pub const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// `$AXE_CORE`, or `node_modules/axe-core/axe.min.js` in the workspace (`npm ci` puts it there).
fn axe_path() -> PathBuf {
    match std::env::var_os("AXE_CORE") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js"),
    }
}

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = axe_path();
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read axe-core at {}: {e} (run `npm ci` in the workspace, or set AXE_CORE)",
                path.display()
            )
        })
    })
}

/// One rule axe found broken, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub help_url: String,
    /// For each element: its CSS path and axe's summary of what to fix.
    pub nodes: Vec<(String, String)>,
}

const RUN_AXE: &str = r#"
const tags = arguments[0];
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then((result) => done(result.violations.map((v) => ({
    id: v.id,
    impact: v.impact || '',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => [n.target.join(' '), n.failureSummary || '']),
  }))))
  .catch((error) => done({ error: String(error) }));
"#;

/// Runs axe-core on the page as it is now (injecting it first if this document lacks it)
/// and returns the WCAG A/AA violations.
pub async fn axe_violations(client: &Client) -> Vec<Violation> {
    let present = run_js(client, "return typeof window.axe === 'object';", vec![]).await;
    if present != json!(true) {
        run_js(client, axe_source(), vec![]).await;
    }
    let result = client
        .execute_async(RUN_AXE, vec![json!(WCAG_TAGS)])
        .await
        .unwrap_or_else(|e| panic!("axe-core did not run: {e}"));
    if let Some(error) = result.get("error") {
        panic!("axe-core failed: {error}");
    }
    result
        .as_array()
        .unwrap_or_else(|| panic!("unexpected axe-core result: {result}"))
        .iter()
        .map(|v| Violation {
            id: text(&v["id"]),
            impact: text(&v["impact"]),
            help: text(&v["help"]),
            help_url: text(&v["helpUrl"]),
            nodes: v["nodes"]
                .as_array()
                .map(|nodes| nodes.iter().map(|n| (text(&n[0]), text(&n[1]))).collect())
                .unwrap_or_default(),
        })
        .collect()
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// Violations as a person reads them: rule, impact, what to do, and each element.
pub fn describe(violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        out += &format!(
            "\n[{}] {}: {}\n    {}\n",
            v.impact, v.id, v.help, v.help_url
        );
        for (target, summary) in &v.nodes {
            out += &format!("  - {target}\n");
            for line in summary.lines() {
                out += &format!("      {line}\n");
            }
        }
    }
    out
}

/// Runs axe on the page and panics, listing every violation readably, if there is any.
/// `state` names the page and state checked, for the message.
pub async fn assert_no_violations(client: &Client, state: &str) {
    let violations = axe_violations(client).await;
    assert!(
        violations.is_empty(),
        "{state}: {} WCAG A/AA rule(s) broken:{}",
        violations.len(),
        describe(&violations)
    );
}

/// A control (link, button, form field, focusable region) too small to tap, with its size.
const SMALL_TARGETS: &str = r#"
const min = arguments[0];
const css = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
return Array.from(document.querySelectorAll(css)).filter((el) => {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') { return false; }
  // WCAG 2.5.8 exempts a link inside a sentence: its block holds more text than the link.
  const block = el.parentElement;
  if (el.tagName === 'A' && block && norm(block.textContent) !== norm(el.textContent)) { return false; }
  // The skip link is off-screen until focused, when it is large enough.
  if (r.bottom <= 0) { return false; }
  return r.width < min || r.height < min;
}).map((el) => {
  const r = el.getBoundingClientRect();
  return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${norm(el.textContent).slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`;
});
"#;

/// Controls smaller than `min` CSS pixels in either direction, other than links inside text.
pub async fn small_targets(client: &Client, min: u32) -> Vec<String> {
    run_js(client, SMALL_TARGETS, vec![json!(min)])
        .await
        .as_array()
        .map(|a| a.iter().map(text).collect())
        .unwrap_or_default()
}
