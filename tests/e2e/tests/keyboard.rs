//! A keyboard-only journey through the league table and the posts, in real key presses:
//! skip links (to the main content, and past the filters to the table), Tab and Shift+Tab, a text filter, a select, a button with Space, sort buttons
//! with Enter and Space, links; focus always visible, moved to each new page's h1, and every
//! sort and filter result announced in the polite live region.

use e2e::app;
use e2e::dom::{self, text_of};
use e2e::keyboard::{focused, press, tab_to, type_text};
use e2e::server::Answer;
use e2e::wait::{wait_for, wait_for_css};
use e2e::E2e;
use fantoccini::key::Key;
use fantoccini::Client;
use std::time::Duration;

const LIVE: &str = "main [role=status][aria-live=polite]";

/// Waits for the polite live region to announce the table's current `#shown-count` together
/// with every one of `words`.
async fn announced(client: &Client, words: &[&str]) -> String {
    wait_for(
        &format!("the live region to announce {words:?} and the shown count"),
        || async {
            let live = text_of(client, LIVE).await.unwrap_or_default();
            let shown = text_of(client, "#shown-count").await.unwrap_or_default();
            if !shown.is_empty() && live.contains(&shown) && words.iter().all(|w| live.contains(w))
            {
                Ok(live)
            } else {
                Err(format!("live region {live:?}, shown count {shown:?}"))
            }
        },
    )
    .await
}

/// Waits until the focused element is the page's `main h1` reading `heading`.
async fn focus_on_heading(client: &Client, heading: &str) {
    wait_for(&format!("focus on the h1 {heading:?}"), || async {
        let here = focused(client).await;
        let in_main = dom::run_js(
            client,
            "return document.activeElement === document.querySelector('main h1');",
            vec![],
        )
        .await;
        match here {
            Some(f) if f.tag == "h1" && f.text == heading && in_main == serde_json::json!(true) => {
                Ok(())
            }
            other => Err(format!("focus on {other:?}")),
        }
    })
    .await;
}

#[tokio::test]
async fn keyboard_only_journey_through_table_and_posts() {
    let inspections = app::inspections();
    let total = inspections.len();
    let posts = app::posts();
    let post = posts.first().expect("a post");
    // All the other posts arrive a second late, so the previous post's heading replaces the
    // one already focused well after the navigation. No service worker: its cache would
    // answer at once.
    let late: Vec<String> = posts[1..]
        .iter()
        .map(|p| format!("/data/posts/{}.json", p.slug))
        .collect();
    let mut answers: Vec<(&str, Answer)> = late
        .iter()
        .map(|path| (path.as_str(), Answer::Delayed(Duration::from_secs(1))))
        .collect();
    answers.push(("/sw.js", Answer::Status(404)));
    let e2e = E2e::start_with_answers(&answers).await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    dom::settle_table(client, |s| s.rows.len() == total).await;

    // The first Tab reaches the skip link, which shows itself; Enter moves focus to <main>.
    let skip = tab_to(client, "a.skip-link", false, 1).await;
    assert_eq!(skip.text, "Skip to main content");
    press(client, Key::Enter).await;
    wait_for("focus on <main> after the skip link", || async {
        match focused(client).await {
            Some(f) if f.id == "main" => Ok(()),
            other => Err(format!("focus on {other:?}")),
        }
    })
    .await;

    // The table's own skip link comes first in the page, before the band summary; past the
    // summary's two stops comes the text filter: type an organisation's name; the count and
    // the announcement follow.
    let target = &inspections[0];
    let skip_table = tab_to(client, "a.skip-to-table", false, 1).await;
    assert_eq!(skip_table.text, "Skip to the table");
    tab_to(client, "#filter-text", false, 3).await;
    type_text(client, &target.organisation).await;
    let snap = dom::settle_table(client, |s| {
        s.rows.len() < total && s.rows.iter().any(|r| r.id.as_deref() == Some(&target.id))
    })
    .await;
    assert!(
        snap.rows
            .iter()
            .any(|r| r.id.as_deref() == Some(&target.id)),
        "typing {:?} keeps its row ({})",
        target.organisation,
        snap.summary()
    );
    announced(client, &[]).await;

    // Clear the text with the keyboard, then tick a kind's checkbox with Space.
    for _ in 0..target.organisation.chars().count() {
        press(client, Key::Backspace).await;
    }
    dom::settle_table(client, |s| s.rows.len() == total).await;
    let kind_box = dom::facet_css("kind", &target.kind_token());
    tab_to(client, &kind_box, false, 12).await;
    press(client, Key::Space).await;
    let count = inspections.iter().filter(|i| i.kind == target.kind).count();
    let snap = dom::settle_table(client, |s| s.rows.len() == count).await;
    assert_eq!(snap.rows.len(), count, "rows of kind {:?}", target.kind);
    assert_eq!(dom::is_checked(client, &kind_box).await, Some(true));
    announced(client, &[]).await;

    // Back to "Skip to the table" and Enter: focus lands on the table's region, which shows it,
    // and the view (its address included) is unchanged.
    let search = dom::location_search(client).await;
    tab_to(client, "a.skip-to-table", true, 10).await;
    press(client, Key::Enter).await;
    wait_for(
        "focus on the table's region after its skip link",
        || async {
            match focused(client).await {
                Some(f) if f.id == "league-table" && f.indicated => Ok(()),
                other => Err(format!("focus on {other:?}")),
            }
        },
    )
    .await;
    assert_eq!(
        dom::location_search(client).await,
        search,
        "the view's address"
    );
    assert_eq!(
        client.current_url().await.expect("current url").fragment(),
        None
    );
    let snap = dom::settle_table(client, |s| s.rows.len() == count).await;
    assert_eq!(snap.rows.len(), count, "still filtered by kind");

    // Sort buttons, a Tab or two from the region: Enter on organisation, Space on the next.
    tab_to(client, "th button[data-sort=organisation]", false, 3).await;
    press(client, Key::Enter).await;
    let snap = dom::settle_table(client, |s| {
        s.sorted_columns().first().map(|(k, _)| k.as_str()) == Some("organisation")
    })
    .await;
    assert_eq!(snap.sorted_columns().len(), 1, "{:?}", snap.sort);
    announced(client, &["Organisation"]).await;
    let next = tab_to(client, "th button[data-sort]", false, 1).await;
    press(client, Key::Space).await;
    let snap = dom::settle_table(client, |s| {
        s.sorted_columns().first().map(|(k, _)| k.as_str()) == Some(next.key.as_str())
    })
    .await;
    assert_eq!(
        snap.sorted_columns().first().map(|(k, _)| k.clone()),
        Some(next.key.clone()),
        "Space sorts by {:?}",
        next.key
    );
    let label = next
        .text
        .trim_end_matches(['↕', '▲', '▼'])
        .trim()
        .to_owned();
    announced(client, &[&label]).await;

    // "Clear all filters" with Space, reached back up from the table past its tools.
    tab_to(client, "button.clear", true, 20).await;
    press(client, Key::Space).await;
    dom::settle_table(client, |s| s.rows.len() == total).await;
    assert_eq!(dom::is_checked(client, &kind_box).await, Some(false));

    // Back up to the main navigation with Shift+Tab (past every filter: the skip link only
    // jumps down) and follow "Posts" with Enter: focus lands on the new page's heading.
    let filters = dom::run_js(
        client,
        "return document.querySelectorAll('.filters :is(input, select, button, summary, a)').length;",
        vec![],
    )
    .await
    .as_u64()
    .expect("a count of the filters' controls") as usize;
    tab_to(client, "nav a[href='/posts']", true, filters + 10).await;
    press(client, Key::Enter).await;
    wait_for_css(client, "ul.post-list li").await;
    focus_on_heading(client, "Posts").await;

    // Tab from the heading to the first post's link and open it.
    let href = format!("/posts/{}", post.slug);
    tab_to(client, &format!("main a[href='{href}']"), false, 40).await;
    press(client, Key::Enter).await;
    focus_on_heading(client, &post.title).await;
    assert_eq!(
        client.current_url().await.expect("current url").path(),
        href
    );

    // From one post to the next: the router keeps the post page and swaps its data, and focus
    // still lands on the heading of the post that arrives.
    tab_to(client, "a[rel=prev]", false, 200).await;
    let older = text_of(client, "a[rel=prev] .post-nav-title")
        .await
        .expect("the previous post's title");
    let older_href = dom::attribute(client, "a[rel=prev]", "href")
        .await
        .expect("the previous post's address");
    press(client, Key::Enter).await;
    focus_on_heading(client, &older).await;
    assert_eq!(
        client.current_url().await.expect("current url").path(),
        older_href
    );
    let late_answer = format!("/data{older_href}.json answered");
    assert!(
        e2e.requests().contains(&late_answer),
        "the post came late from the server: {:?}",
        e2e.requests()
    );
    e2e.stop().await;
}
