//! Taking a page away: the league table's "Copy link" puts the address of exactly the view on
//! screen on the clipboard, a post's Share button hands its address to the share sheet or the
//! clipboard, and printing shows the table without the controls.

use e2e::app;
use e2e::dom::{self, facet_css};
use e2e::engine::Feature;
use e2e::script::wait_for_value;
use e2e::E2e;
use serde_json::json;

/// Replaces the browser's clipboard with one that keeps what it is given in `window.__copied`:
/// headless browsers have no clipboard to read back, and the app's own call is what is tested.
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
         const left = (css) => document.querySelector(css).getBoundingClientRect().left;\
         return { filters: shown('form.filters'), nav: shown('.site-header'), table: shown('table.league-table'),\
                  rows: shown('table.league-table tbody tr[data-id]'),\
                  groupOverItsColumns: Math.abs(left('.group-row th') - left('thead th[data-col^=\"std-\"]')) <= 1 };",
        vec![],
    )
    .await;
    assert_eq!(
        printed,
        json!({ "filters": 0, "nav": 0, "table": 1, "rows": count, "groupOverItsColumns": true }),
        "printed view"
    );
    e2e.stop().await;
}

/// Replaces `navigator.share` with one that answers as `outcome` says ("shared", or the name
/// of the error it rejects with) and keeps the address it was given in `window.__shared`.
fn fake_share(outcome: &str) -> String {
    format!(
        "Object.defineProperty(Navigator.prototype, 'share', {{ configurable: true, value: (data) => {{\
           window.__shared = data.url;\
           return '{outcome}' === 'shared' ? Promise.resolve() : Promise.reject(new DOMException('no', '{outcome}'));\
         }} }}); window.__copied = null; window.__shared = null; return null;"
    )
}

/// A post's Share button: the share sheet where the browser has one, the clipboard where it
/// has none or sharing fails, and nothing more when the reader closes the sheet.
#[tokio::test]
async fn a_post_is_shared_or_its_link_copied() {
    let post = app::posts().into_iter().next().expect("a post");
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    e2e::wait::wait_for_css(client, ".share-button").await;
    dom::run_js(client, FAKE_CLIPBOARD, vec![]).await;
    let here = dom::run_js(client, "return location.href;", vec![]).await;
    let sent = |what: &'static str| async move {
        let script = format!("return window.__{what} || null;");
        wait_for_value(client, what, &script, vec![]).await
    };
    let status = || async {
        dom::text_of(client, ".share-status")
            .await
            .unwrap_or_default()
    };

    dom::run_js(client, &fake_share("shared"), vec![]).await;
    dom::click(client, ".share-button").await;
    assert_eq!(
        sent("shared").await,
        here,
        "the share sheet gets the address"
    );

    dom::run_js(client, &fake_share("NotAllowedError"), vec![]).await;
    dom::click(client, ".share-button").await;
    assert_eq!(sent("copied").await, here, "a refused share copies instead");
    e2e::wait::wait_for("the copy confirmation", || async {
        let said = status().await;
        if said.contains("copied") {
            Ok(())
        } else {
            Err(said)
        }
    })
    .await;

    dom::run_js(client, &fake_share("AbortError"), vec![]).await;
    dom::click(client, ".share-button").await;
    sent("shared").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        dom::run_js(client, "return window.__copied;", vec![]).await,
        json!(null),
        "closing the share sheet copies nothing"
    );

    dom::run_js(
        client,
        "delete Navigator.prototype.share; window.__copied = null; return null;",
        vec![],
    )
    .await;
    dom::click(client, ".share-button").await;
    assert_eq!(
        sent("copied").await,
        here,
        "without sharing, the link is copied"
    );
    e2e.stop().await;
}
