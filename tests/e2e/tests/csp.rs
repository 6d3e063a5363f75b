//! The Content Security Policy: the built index.html carries a strict one with nothing inline
//! for it to block, and the app loads, sorts and routes under it.

use e2e::dom::{self, run_js};
use e2e::wait::{wait_for, wait_for_text};
use e2e::E2e;
use serde_json::Value;
use std::collections::BTreeMap;

/// The policy's directives from the built index.html, by name.
fn built_policy(html: &str) -> BTreeMap<String, Vec<String>> {
    let marker = "http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html
        .find(marker)
        .expect("dist/index.html has a <meta http-equiv=\"Content-Security-Policy\">")
        + marker.len();
    let content = &html[start..start + html[start..].find('"').unwrap()];
    content
        .split(';')
        .filter_map(|directive| {
            let mut words = directive.split_whitespace().map(str::to_string);
            Some((words.next()?, words.collect()))
        })
        .collect()
}

#[test]
fn the_built_page_has_a_strict_policy_and_nothing_inline() {
    let html = std::fs::read_to_string(e2e::app::dist_dir().join("index.html")).unwrap();
    let policy = built_policy(&html);
    let directive = |name: &str| policy.get(name).map(Vec::as_slice).unwrap_or_default();
    assert_eq!(directive("default-src"), ["'self'"]);
    assert_eq!(directive("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
    assert_eq!(directive("object-src"), ["'none'"]);
    assert_eq!(directive("base-uri"), ["'self'"]);
    assert_eq!(directive("style-src"), ["'self'"]);
    assert!(
        policy
            .values()
            .flatten()
            .all(|source| !source.contains("unsafe-inline")
                && source != "*"
                && !source.starts_with("'sha")),
        "{policy:?}"
    );
    // A <meta> policy covers only what comes after it.
    let head = &html[html.find("<head").unwrap()..];
    let policy_at = head.find("Content-Security-Policy").unwrap();
    for tag in ["<script", "<link", "<style"] {
        if let Some(at) = head.find(tag) {
            assert!(policy_at < at, "{tag} comes before the policy");
        }
    }

    let lower = html.to_ascii_lowercase();
    let scripts: Vec<&str> = lower.split("<script").skip(1).collect();
    assert!(!scripts.is_empty(), "the page loads no script at all");
    for script in scripts {
        let tag = &script[..script.find('>').unwrap()];
        let body = &script[script.find('>').unwrap() + 1..script.find("</script").unwrap()];
        assert!(
            tag.contains(" src=") && body.trim().is_empty(),
            "an inline script: <script{tag}>{body}"
        );
        let src = tag
            .split(" src=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(
            e2e::app::dist_dir()
                .join(src.trim_start_matches('/'))
                .is_file(),
            "{src} is not in dist/"
        );
    }
    assert!(!lower.contains("<style"), "an inline <style>");
    for attribute in [" style=", " onload=", " onerror=", " onclick="] {
        assert!(!lower.contains(attribute), "an inline{attribute} attribute");
    }
}

/// Collects the page's policy violations from now on.
const WATCH_VIOLATIONS: &str = "window.__violations = [];\
    document.addEventListener('securitypolicyviolation', \
      (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

async fn violations(client: &fantoccini::Client) -> Vec<Value> {
    run_js(client, "return window.__violations || null;", vec![])
        .await
        .as_array()
        .cloned()
        .expect("the violation listener is gone: the page was reloaded")
}

#[tokio::test]
async fn the_app_loads_sorts_and_routes_under_the_policy() {
    let total = e2e::app::inspections().len();
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    dom::settle_table(client, |s| s.rows.len() == total).await;
    run_js(client, WATCH_VIOLATIONS, vec![]).await;

    // The policy is really in force: an injected inline script does not run, and is reported.
    let ran = run_js(
        client,
        "const s = document.createElement('script');\
         s.textContent = 'window.__inline_ran = true;';\
         document.body.appendChild(s); s.remove();\
         return window.__inline_ran === true;",
        vec![],
    )
    .await;
    assert_eq!(ran, Value::Bool(false), "an inline script ran");
    wait_for("the blocked inline script to be reported", || async {
        match violations(client).await.len() {
            1 => Ok(()),
            n => Err(format!("{n} violations")),
        }
    })
    .await;
    run_js(client, "window.__violations = [];", vec![]).await;

    dom::click_sort(client, "organisation").await;
    let snap = dom::settle_table(client, |s| {
        s.sorted_columns().first().map(|(k, _)| k.as_str()) == Some("organisation")
    })
    .await;
    let names: Vec<String> = snap
        .column("organisation")
        .iter()
        .map(|n| n.to_lowercase())
        .collect();
    let mut expected = names.clone();
    expected.sort();
    assert_eq!(names, expected, "sorted by organisation A to Z");

    // Client-side routes: the main navigation, then a post from the list.
    dom::click(client, "nav a[href=\"/posts\"]").await;
    dom::click(client, &format!("main a[href=\"/posts/{}\"]", post.slug)).await;
    wait_for_text(client, "main h1", &post.title).await;

    assert_eq!(
        violations(client).await,
        Vec::<Value>::new(),
        "the app did something the policy blocks"
    );
    let styled = run_js(
        client,
        "return document.querySelectorAll('[style]').length;",
        vec![],
    )
    .await;
    assert_eq!(
        styled, 0,
        "inline style attributes, which style-src 'self' blocks"
    );
    e2e.stop().await;
}
