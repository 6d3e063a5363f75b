//! Keyboard users land in the right place: the skip link moves focus to the main content, and
//! client-side navigation to the new page's heading (a post's once it has loaded).

use e2e::dom::run_js;
use e2e::server::Answer;
use e2e::wait::{wait_for, wait_for_css, wait_for_text};
use e2e::E2e;
use fantoccini::Locator;
use std::time::Duration;

/// Waits until focus is on `main h1` reading `text`.
async fn wait_for_heading_focus(client: &fantoccini::Client, text: &str) {
    wait_for(&format!("focus on the h1 {text:?}"), || async {
        let focus = run_js(
            client,
            "const h = document.querySelector('main h1');\
             return [document.activeElement === h, h ? h.textContent.trim() : null];",
            vec![],
        )
        .await;
        if focus[0] == true && focus[1] == text {
            Ok(())
        } else {
            Err(format!("focus on main h1, its text: {focus}"))
        }
    })
    .await;
}

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
async fn skip_link_moves_focus_to_main_and_navigation_to_the_heading() {
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
    wait_for_heading_focus(client, "Posts").await;
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/posts",
        "the link navigated"
    );

    // A post's heading arrives with its data; focus waits for it.
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let link = client
        .find(Locator::Css(&format!(
            "main a[href='/posts/{}']",
            post.slug
        )))
        .await
        .expect("a link to the first post");
    link.click().await.expect("click the post");
    wait_for_heading_focus(client, &post.title).await;
    e2e.stop().await;
}

/// While a post's file is on its way its page already has an h1 saying so, for screen-reader
/// users; after a navigation focus lands on it, then moves to the post's title that replaces it.
#[tokio::test]
async fn a_loading_post_has_a_heading_that_hands_focus_to_the_title() {
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let file = format!("/data/posts/{}.json", post.slug);
    let slow = Answer::Delayed(Duration::from_secs(3));
    // No service worker: its cache would answer the second visit at once.
    let no_worker = Answer::Status(404);
    let e2e = E2e::start_with_answers(&[(file.as_str(), slow), ("/sw.js", no_worker)]).await;
    let client = e2e.client();

    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "main h1.loading", "Loading this post…").await;
    wait_for_text(client, "main h1", &post.title).await;

    e2e.goto("/posts").await;
    let link = wait_for_css(client, &format!("main a[href='/posts/{}']", post.slug)).await;
    link.click().await.expect("click the post");
    wait_for_heading_focus(client, "Loading this post…").await;
    wait_for_heading_focus(client, &post.title).await;
    e2e.stop().await;
}

/// The title and heading of an app path once its latest posts have loaded.
async fn home_page_at(e2e: &E2e, path: &str) -> (String, Option<String>) {
    let client = e2e.client();
    e2e.goto(path).await;
    wait_for_css(client, "main section[aria-labelledby=latest-heading]").await;
    // The page's title is set just after its view is drawn: until then it is index.html's.
    let title = e2e::wait::wait_for("the home page's own title", || async {
        let title = e2e::dom::title(client).await;
        if title == "On Probation" {
            Err(title)
        } else {
            Ok(title)
        }
    })
    .await;
    (title, e2e::dom::text_of(client, "main h1").await)
}

/// `/index.html`, a host's default document and often what a bookmark holds, is the home page
/// and not "Page not found".
#[tokio::test]
async fn index_html_is_the_home_page() {
    let e2e = E2e::start().await;
    let home = home_page_at(&e2e, "/").await;
    assert_eq!(home_page_at(&e2e, "/index.html").await, home);
    e2e.stop().await;
}

/// Scrolls the page down to the `nth` link matching `link`, follows it (a WebDriver click),
/// waits for `arrived`, goes back, and waits for the page to be scrolled as it was, with focus
/// on the link followed.
async fn back_returns_to(e2e: &E2e, page: &str, link: &str, nth: usize, arrived: &str) {
    let client = e2e.client();
    e2e.goto(page).await;
    wait_for_css(client, link).await;
    let y = run_js(
        client,
        "const a = document.querySelectorAll(arguments[0])[arguments[1]];
         a.scrollIntoView({ block: 'center' });
         a.setAttribute('data-follow', '');
         return Math.round(scrollY);",
        vec![link.into(), nth.into()],
    )
    .await;
    // The link's address, and which of the page's links to that address it is.
    let (href, nth_same) = {
        let found = run_js(
            client,
            "const a = document.querySelector('[data-follow]');\
             const href = a.getAttribute('href');\
             const same = Array.from(document.querySelectorAll('a[href]')).filter((l) => l.getAttribute('href') === href);\
             return [href, same.indexOf(a)];",
            vec![],
        )
        .await;
        (found[0].clone(), found[1].clone())
    };
    assert!(
        y.as_u64().unwrap_or_default() > 1000,
        "{page} scrolled down: {y}"
    );
    client
        .find(Locator::Css("[data-follow]"))
        .await
        .expect("the link")
        .click()
        .await
        .expect("follow the link");
    wait_for_css(client, arrived).await;
    client.back().await.expect("go back");
    let expected = serde_json::json!([page, y]);
    wait_for(&format!("back on {page} at {y}"), || async {
        let seen = run_js(
            client,
            "return [location.pathname + location.search, Math.round(scrollY)];",
            vec![],
        )
        .await;
        if seen == expected {
            Ok(())
        } else {
            Err(format!("{seen}"))
        }
    })
    .await;
    // A keyboard user carries on from the link they followed, which is in view.
    wait_for(&format!("focus back on link {nth_same} to {href}"), || async {
        let focused = run_js(
            client,
            "const a = document.activeElement;\
             const same = Array.from(document.querySelectorAll('a[href]')).filter((l) => l.getAttribute('href') === arguments[0]);\
             const box = a.getBoundingClientRect();\
             return [a.getAttribute('href'), same.indexOf(a), box.top >= 0 && box.bottom <= innerHeight];",
            vec![href.clone()],
        )
        .await;
        if focused == serde_json::json!([href, nth_same, true]) {
            Ok(())
        } else {
            Err(format!("{focused}"))
        }
    })
    .await;
    // Moved at once by something else (a reader, a test driver bringing an element into
    // view), the page stays where it was moved: the restore does not fight it.
    let elsewhere = y.as_u64().expect("a scroll position") / 2;
    run_js(
        client,
        "window.scrollTo(0, arguments[0]);",
        vec![elsewhere.into()],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(
        run_js(client, "return Math.round(scrollY);", vec![]).await,
        serde_json::json!(elsewhere),
        "{page}: moved after the restore"
    );
}

/// Back from a post or an inspection returns to where the list or the table was scrolled,
/// although their data is drawn again after the address changes.
#[tokio::test]
async fn back_returns_to_where_the_page_was_scrolled() {
    let e2e = E2e::start().await;
    e2e.set_viewport(360, 740).await;
    back_returns_to(
        &e2e,
        "/posts",
        "ul.post-list a[href^='/posts/']",
        6,
        "article.post h1",
    )
    .await;
    // A page with a query: the list of one tag's posts.
    let mut tags: std::collections::BTreeMap<&str, usize> = Default::default();
    let posts = e2e::app::posts();
    for tag in posts.iter().flat_map(|p| &p.tags) {
        *tags.entry(tag).or_default() += 1;
    }
    let (tag, _) = tags.iter().max_by_key(|(_, n)| **n).expect("a tag");
    back_returns_to(
        &e2e,
        &format!("/posts?tag={}", tag.replace(' ', "%20")),
        "ul.post-list a[href^='/posts/']",
        6,
        "article.post h1",
    )
    .await;
    back_returns_to(
        &e2e,
        "/league-table",
        "table.league-table tbody th a",
        3,
        "main h1 + *",
    )
    .await;
    // Back within one page: from a tag's posts to the whole list, which drew the same links
    // (other posts' tags among them) until the address changed.
    back_returns_to(
        &e2e,
        "/posts",
        "ul.post-list a[href^='/posts?tag=']",
        20,
        "button.clear:not([disabled])",
    )
    .await;
    e2e.stop().await;
}
