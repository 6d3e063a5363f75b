//! Keyboard users land in the right place: the skip link and client-side navigation both move
//! focus to the main content.

use e2e::dom::run_js;
use e2e::wait::{wait_for, wait_for_css};
use e2e::E2e;
use fantoccini::Locator;

async fn focused_id(client: &fantoccini::Client) -> String {
    run_js(
        client,
        "return document.activeElement ? document.activeElement.id : '';",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
async fn skip_link_and_navigation_move_focus_to_main() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/").await;
    wait_for_css(client, "main h1").await;
    assert_ne!(
        focused_id(client).await,
        "main",
        "a first load must not move focus"
    );

    let skip = client
        .find(Locator::Css("a.skip-link"))
        .await
        .expect("a skip link");
    skip.send_keys("\u{E007}")
        .await
        .expect("press Enter on the skip link");
    wait_for("focus on <main> after the skip link", || async {
        match focused_id(client).await.as_str() {
            "main" => Ok(()),
            other => Err(format!("focus is on #{other}")),
        }
    })
    .await;

    let posts = client
        .find(Locator::Css("nav a[href='/posts']"))
        .await
        .expect("a Posts link in the navigation");
    posts.click().await.expect("click Posts");
    wait_for_css(client, "ul.post-list li").await;
    wait_for("focus on <main> after navigating", || async {
        match focused_id(client).await.as_str() {
            "main" => Ok(()),
            other => Err(format!("focus is on #{other}")),
        }
    })
    .await;
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/posts",
        "the link navigated"
    );
    e2e.stop().await;
}
