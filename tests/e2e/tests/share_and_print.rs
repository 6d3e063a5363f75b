//! Taking a view of the league table away: "Copy link" puts the address of exactly the view on
//! screen on the clipboard, and printing shows the table without the controls.

use e2e::app;
use e2e::dom::{self, facet_css};
use e2e::engine::Feature;
use e2e::script::wait_for_value;
use e2e::E2e;
use serde_json::json;

/// Replaces the browser's clipboard with one that keeps what it is given in `window.__copied`:
/// headless browsers have no clipboard to read back, and the app's own call is what is tested.
/// It is a `Clipboard`, as the app checks.
/// It is a `Clipboard`, as the app checks.
const FAKE_CLIPBOARD: &str =
    "const fake = Object.create(Clipboard.prototype);\
 Object.defineProperty(fake, 'writeText', { value: (text) => { window.__copied = text; return Promise.resolve(); } });\
 Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => fake });";

/// The league table filtered to the first inspection's kind: the app, that kind's token and
/// how many rows it shows.
async fn table_filtered_by_one_kind() -> (E2e, String, usize) {
    let inspections = app::inspections();
    let first = &inspections[0];
    let count = inspections.iter().filter(|i| i.kind == first.kind).count();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    dom::settle_table(client, |s| s.rows.len() == inspections.len()).await;
    dom::click(client, &facet_css("kind", &first.kind_token())).await;
    dom::settle_table(client, |s| s.rows.len() == count).await;
    (e2e, first.kind_token(), count)
}

#[tokio::test]
async fn copy_link_copies_the_address_of_the_filtered_view() {
    let (e2e, kind, count) = table_filtered_by_one_kind().await;
    let client = e2e.client();

    dom::run_js(client, FAKE_CLIPBOARD, vec![]).await;
    dom::click(client, "#copy-link").await;
    let copied = wait_for_value(
        client,
        "the copied link",
        "return window.__copied || null;",
        vec![],
    )
    .await;
    let here = dom::run_js(client, "return location.href;", vec![]).await;
    assert_eq!(copied, here, "the link copied is the page's address");
    let copied = copied.as_str().unwrap_or_default();
    assert!(
        copied.contains(&format!("kind={kind}")),
        "the address keeps the kind filter: {copied}"
    );
    let status = wait_for_value(
        client,
        "the copy confirmation",
        "const t = document.querySelector('#copy-link-status').textContent.trim(); return t || null;",
        vec![],
    )
    .await;
    assert!(
        status.as_str().unwrap_or_default().contains("copied"),
        "a visible confirmation: {status}"
    );

    // The copied address restores the same view on its own.
    e2e.client()
        .goto(copied)
        .await
        .expect("open the copied link");
    let snap = dom::settle_table(client, |s| s.rows.len() == count).await;
    assert_eq!(snap.rows.len(), count, "rows of the copied view");
    e2e.stop().await;
}

/// Chromium only: emulating print media needs the DevTools Protocol.
#[tokio::test]
async fn printing_shows_the_current_view_without_controls() {
    if !e2e::skip_unless(Feature::DevTools) {
        return;
    }
    let (e2e, _, count) = table_filtered_by_one_kind().await;
    let client = e2e.client();

    e2e::driver::cdp(
        client,
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    )
    .await;
    let printed = dom::run_js(
        client,
        "const shown = (css) => Array.from(document.querySelectorAll(css))\
           .filter((el) => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0).length;\
         return { filters: shown('form.filters'), nav: shown('.site-header'), table: shown('table.league-table'),\
                  rows: shown('table.league-table tbody tr[data-id]') };",
        vec![],
    )
    .await;
    assert_eq!(
        printed,
        json!({ "filters": 0, "nav": 0, "table": 1, "rows": count }),
        "printed view"
    );
    e2e.stop().await;
}
