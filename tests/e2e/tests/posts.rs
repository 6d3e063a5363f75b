//! Posts (list and deep-linked pages) checked against dist/data/posts/index.json, and
//! the not-found page.

use std::collections::BTreeSet;

use e2e::app;
use e2e::dom;
use e2e::wait::{wait_for, wait_for_text};
use e2e::E2e;

#[tokio::test]
async fn posts_list_links_every_post() {
    let posts = app::posts();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/posts").await;

    // For each list item: its links as [href, text] pairs. The list is paged: follow the
    // "Older posts" link until the last page, collecting every page's items.
    let script = "return Array.from(document.querySelectorAll('ul.post-list > li')).map(li =>\
                    Array.from(li.querySelectorAll('a[href]')).map(a =>\
                      [a.getAttribute('href'), a.textContent.replace(/\\s+/g, ' ').trim()]));";
    let pages = posts.len().div_ceil(app::POSTS_PAGE_SIZE).max(1);
    let mut items = Vec::new();
    for page in 1..=pages {
        let expected = app::POSTS_PAGE_SIZE.min(posts.len() - (page - 1) * app::POSTS_PAGE_SIZE);
        let first_seen = items.last().cloned();
        let page_items = wait_for(
            &format!("page {page} of the post list to have {expected} items"),
            || {
                let first_seen = first_seen.clone();
                async move {
                    let value = dom::run_js(client, script, vec![]).await;
                    let items = value.as_array().cloned().unwrap_or_default();
                    // A new page, not the previous one still on screen.
                    let fresh = first_seen.is_none_or(|seen: serde_json::Value| {
                        items.iter().all(|item| *item != seen)
                    });
                    if items.len() == expected && fresh {
                        Ok(items)
                    } else {
                        Err(format!("{} items", items.len()))
                    }
                }
            },
        )
        .await;
        items.extend(page_items);
        if page < pages {
            assert_eq!(
                dom::text_of(client, "nav.pager .pager-position").await,
                Some(format!("Page {page} of {pages}"))
            );
            dom::click(client, "nav.pager a[rel=next]").await;
        }
    }
    assert!(
        dom::run_js(
            client,
            "return document.querySelector('nav.pager a[rel=next]') === null;",
            vec![]
        )
        .await
        .as_bool()
        .unwrap_or(false),
        "the last page has no next link"
    );

    let links: Vec<Vec<(String, String)>> = items
        .iter()
        .map(|item| {
            item.as_array()
                .map(|pairs| {
                    pairs
                        .iter()
                        .map(|p| {
                            (
                                p[0].as_str().unwrap_or_default().to_owned(),
                                p[1].as_str().unwrap_or_default().to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    for (index, post) in posts.iter().enumerate() {
        let href = format!("/posts/{}", post.slug);
        let holders: Vec<usize> = (0..links.len())
            .filter(|&i| {
                links[i]
                    .iter()
                    .any(|(h, text)| *h == href && *text == post.title)
            })
            .collect();
        assert_eq!(
            holders.len(),
            1,
            "exactly one list item should link {href} with the text {:?} (post #{index}); items' links: {links:?}",
            post.title
        );
    }
    // Newest first: each item's date is no later than the one before it. (ISO dates, even
    // partial ones, compare correctly as text.)
    let dates: Vec<&str> = links
        .iter()
        .map(|item| {
            let post = posts
                .iter()
                .find(|p| format!("/posts/{}", p.slug) == item[0].0);
            post.and_then(|p| p.published.as_deref())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        dates.windows(2).all(|pair| pair[0] >= pair[1]),
        "posts must be listed newest first: {dates:?}"
    );

    let hrefs: BTreeSet<String> = posts.iter().map(|p| format!("/posts/{}", p.slug)).collect();
    for (i, item) in links.iter().enumerate() {
        assert!(
            item.iter().any(|(h, _)| hrefs.contains(h)),
            "list item #{i} links no post from index.json: {item:?}"
        );
    }

    e2e.stop().await;
}

#[tokio::test]
async fn post_opens_by_deep_link_and_survives_reload() {
    let posts = app::posts();
    let post = posts
        .first()
        .expect("dist/data/posts/index.json has no posts; the test needs one");
    let e2e = E2e::start().await;
    let client = e2e.client();

    // A fresh page load straight at the post's URL (served by the SPA fallback).
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "article.post h1", &post.title).await;

    e2e.reload().await;
    wait_for_text(client, "article.post h1", &post.title).await;
    let url = client.current_url().await.expect("current url");
    assert_eq!(
        url.path(),
        format!("/posts/{}", post.slug),
        "reload keeps the post URL"
    );

    e2e.stop().await;
}

#[tokio::test]
async fn unknown_route_shows_page_not_found() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/no-such-page").await;
    let script = "return Array.from(document.querySelectorAll('h1'))\
                  .map(h => h.textContent.replace(/\\s+/g, ' ').trim());";
    wait_for("an h1 reading \"Page not found\"", || async move {
        let h1s = dom::run_js(client, script, vec![]).await;
        if h1s
            .as_array()
            .is_some_and(|a| a.iter().any(|t| t == "Page not found"))
        {
            Ok(())
        } else {
            Err(format!("h1 texts {h1s}"))
        }
    })
    .await;

    // "Try again" loads the address afresh: a mark left on this page is gone, the message back.
    dom::run_js(client, "window.beforeTrying = true; return null;", vec![]).await;
    dom::click(client, "main button").await;
    // Scripts may fail while the page unloads (WebKit): that is "not yet".
    wait_for("the page loaded again", || async move {
        let fresh = dom::try_js(client, "return window.beforeTrying === undefined;", vec![]).await;
        let h1 = dom::try_text_of(client, "main h1").await;
        match (fresh, h1) {
            (Ok(fresh), Ok(Some(h1))) if fresh == true && h1 == "Page not found" => Ok(()),
            other => Err(format!("reloaded, h1: {other:?}")),
        }
    })
    .await;
    e2e.stop().await;
}

#[tokio::test]
async fn unknown_post_slug_says_so_instead_of_a_blank_page() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for slug in ["no-such-post", "index"] {
        e2e.goto(&format!("/posts/{slug}")).await;
        wait_for_text(client, "main h1", "Post not found").await;
        assert!(dom::title(client).await.starts_with("Post not found"));
        assert_eq!(
            dom::text_of(client, "main .back a").await.as_deref(),
            Some("All posts")
        );
    }
    e2e.stop().await;
}

/// A post missing when the page looked (not yet published, say) appears when the reader tries
/// again once it is there: one try, with a service worker controlling the page, which asks the
/// server before any copy it has.
#[tokio::test]
async fn a_post_not_found_appears_on_trying_again_once_it_is_there() {
    let post = app::posts()
        .into_iter()
        .next()
        .expect("a post in the build");
    let file = format!("data/posts/{}.json", post.slug);
    let mut e2e = E2e::start_with_edited_copy(|dir| {
        std::fs::remove_file(dir.join(&file)).unwrap();
        // Out of the worker's list of files too, so that it installs without it.
        let worker = dir.join("sw.js");
        let text = std::fs::read_to_string(&worker).unwrap();
        let tail = format!("\"url\":\"{file}\"}}");
        let end = text.find(&tail).expect("the post in the worker's list") + tail.len();
        let start = text[..end].rfind('{').unwrap();
        let rest = &text[end..];
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        std::fs::write(&worker, format!("{}{rest}", &text[..start])).unwrap();
    })
    .await;
    let client = e2e.client();
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "main h1", "Post not found").await;
    e2e::script::wait_for_service_worker(client).await;
    // A try that finds nothing again says so, and the focus goes to what it says.
    dom::click(client, "main h1 ~ p button").await;
    wait_for_text(
        client,
        ".try-again-said",
        "Looked again: there is still no post at this address.",
    )
    .await;
    let focused = dom::run_js(client, "return document.activeElement.className;", vec![]).await;
    assert_eq!(focused, "try-again-said");

    e2e.serve_again(&app::dist_dir()).await;
    let client = e2e.client();
    dom::click(client, "main h1 ~ p button").await;
    wait_for_text(client, "main h1", &post.title).await;
    e2e.stop().await;
}

/// An index published by hand, not in date order: the list still starts with the newest posts.
#[tokio::test]
async fn posts_list_newest_first_whatever_order_the_index_gives() {
    let copy = e2e::dist_copy("e2e-posts-order");
    let index_path = copy.path().join("data/posts/index.json");
    let mut index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&index_path).unwrap()).unwrap();
    let list = index["posts"].as_array_mut().unwrap();
    // The index's last three posts, dated later than the rest and listed oldest first.
    let count = list.len();
    let mut newest = Vec::new();
    for (day, post) in list[count - 3..].iter_mut().enumerate() {
        post["published"] = serde_json::json!(format!("2099-01-0{}", day + 1));
        newest.insert(0, format!("/posts/{}", post["slug"].as_str().unwrap()));
    }
    std::fs::write(&index_path, index.to_string()).unwrap();

    let mut e2e = E2e::start().await;
    e2e.serve_again(copy.path()).await;
    e2e.goto("/posts").await;
    let client = e2e.client();
    wait_for("the three newest posts at the top of the list", || {
        let newest = newest.clone();
        async move {
            let first = dom::run_js(
                client,
                "return Array.from(document.querySelectorAll('ul.post-list > li a[href^=\"/posts/\"]'))\
                   .map(a => a.getAttribute('href')).filter((h, i, all) => all.indexOf(h) === i).slice(0, 3);",
                vec![],
            )
            .await;
            match first == serde_json::json!(newest) {
                true => Ok(()),
                false => Err(format!("{first} (expected {newest:?})")),
            }
        }
    })
    .await;
    e2e.stop().await;
}
