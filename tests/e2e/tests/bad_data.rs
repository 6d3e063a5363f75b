//! The built app served with broken data files and failing requests: each page says what is
//! wrong, in words, with a way to retry, and never goes blank.

use e2e::app::edit_json;
use e2e::server::Answer;
use e2e::wait::wait_for_text;
use e2e::E2e;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

fn ratings(dist: &Path) -> std::path::PathBuf {
    dist.join("data/ratings.json")
}

/// Waits for the error panel and checks how its message begins (the rest is serde's detail).
async fn assert_message_starts(client: &fantoccini::Client, start: &str) {
    e2e::wait::wait_for_css(client, ".error-panel[role=alert] p").await;
    let message = e2e::dom::text_of(client, ".error-panel p")
        .await
        .unwrap_or_default();
    assert!(message.starts_with(start), "{message}");
}

/// Rewrites the ratings file's JSON with `change`.
fn edit_ratings(dist: &Path, change: impl FnOnce(&mut Value)) {
    edit_json(&ratings(dist), change);
}

/// Serves an edited copy, opens `path`, and checks how its error message begins.
async fn message_starts(edit: impl FnOnce(&Path), path: &str, start: &str) {
    let e2e = E2e::start_with_edited_copy(edit).await;
    e2e.goto(path).await;
    assert_message_starts(e2e.client(), start).await;
    e2e.stop().await;
}

async fn league_table_says(edit: impl FnOnce(&Path), expected: &str) {
    let e2e = E2e::start_with_edited_copy(edit).await;
    assert_page_says(&e2e, "/league-table", "League table", expected).await;
    e2e.stop().await;
}

/// Opens `path` and checks its error panel reads `expected`, with a retry button, under the
/// page's own heading `h1`.
async fn assert_page_says(e2e: &E2e, path: &str, h1: &str, expected: &str) {
    let client = e2e.client();
    e2e.goto(path).await;
    wait_for_text(client, ".error-panel[role=alert] p", expected).await;
    assert_eq!(
        e2e::dom::text_of(client, ".error-panel button")
            .await
            .as_deref(),
        Some("Try again")
    );
    assert_eq!(
        e2e::dom::text_of(client, "main h1").await.as_deref(),
        Some(h1)
    );
}

#[tokio::test]
async fn an_unknown_format_version_is_refused_by_name() {
    league_table_says(
        |dist| {
            let text = std::fs::read_to_string(ratings(dist)).unwrap();
            std::fs::write(ratings(dist), text.replacen("\"version\":1", "\"version\":2", 1)).unwrap();
        },
        "Could not read the ratings: the file is version 2 of 'on-probation/ratings', but this app reads version 1; reloading may fetch a newer app.",
    )
    .await;
}

/// A file edited by hand so that two inspections share an id is refused, naming the id.
#[tokio::test]
async fn an_inspection_listed_twice_is_refused_by_id() {
    let id = e2e::app::inspections()[0].id.clone();
    league_table_says(
        |dist| {
            edit_ratings(dist, |doc| {
                let first = doc["inspections"][0].clone();
                doc["inspections"].as_array_mut().unwrap().push(first)
            })
        },
        &format!("Could not read the ratings: the file contradicts itself: the inspection '{id}' is listed twice."),
    )
    .await;
}

#[tokio::test]
async fn a_truncated_file_is_reported() {
    message_starts(
        |dist| {
            let bytes = std::fs::read(ratings(dist)).unwrap();
            std::fs::write(ratings(dist), &bytes[..bytes.len() / 2]).unwrap();
        },
        "/league-table",
        "Could not read the ratings: the file is cut short: it stops at line 1, column",
    )
    .await;
}

#[tokio::test]
async fn a_missing_file_is_reported() {
    league_table_says(
        |dist| std::fs::remove_file(ratings(dist)).unwrap(),
        "Could not find the ratings.",
    )
    .await;
}

#[tokio::test]
async fn a_broken_post_file_is_reported_under_the_page_heading() {
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let file = format!("data/posts/{}.json", post.slug);
    let e2e = E2e::start_with_edited_copy(|dist| {
        std::fs::write(dist.join(&file), "{\"format\":").unwrap()
    })
    .await;
    let client = e2e.client();
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "main h1", "Something went wrong").await;
    assert_message_starts(client, "Could not read this post: the file is cut short").await;
    e2e.stop().await;
}

#[tokio::test]
async fn an_empty_file_is_reported() {
    league_table_says(
        |dist| std::fs::write(ratings(dist), "").unwrap(),
        "Could not read the ratings: the file is empty.",
    )
    .await;
}

#[tokio::test]
async fn an_unknown_value_is_refused_by_name() {
    message_starts(
        |dist| {
            edit_ratings(dist, |doc| {
                doc["inspections"][0]["overall"] = json!("Excellent")
            })
        },
        "/league-table",
        "Could not read the ratings: the file is not valid: unknown variant `Excellent`",
    )
    .await;
}

/// A field this build does not know is refused by name, in the ratings and in a post, rather
/// than the file being half understood.
#[tokio::test]
async fn unknown_fields_are_named() {
    message_starts(
        |dist| {
            edit_ratings(dist, |doc| {
                doc["inspections"][0]["inspector"] = json!("someone");
            })
        },
        "/league-table",
        "Could not read the ratings: the file is not valid: unknown field `inspector`",
    )
    .await;
    let slug = e2e::app::posts()[0].slug.clone();
    let post = format!("data/posts/{slug}.json");
    message_starts(
        |dist| edit_json(&dist.join(&post), |doc| doc["author"] = json!("someone")),
        &format!("/posts/{slug}"),
        "Could not read this post: the file is not valid: unknown field `author`",
    )
    .await;
}

/// A web page served in a data file's place, and JSON that is not one of the app's files, are
/// each told in plain words.
#[tokio::test]
async fn a_file_that_is_not_json_or_not_a_data_file_is_reported() {
    message_starts(
        |dist| std::fs::write(dist.join("data/posts/index.json"), "<html>oops</html>").unwrap(),
        "/posts",
        "Could not read the list of posts: the file is not JSON: it first goes wrong at line 1, column 1",
    )
    .await;
    message_starts(
        |dist| std::fs::write(ratings(dist), "[]").unwrap(),
        "/league-table",
        "Could not read the ratings: the file is JSON, but not one of this app's data files",
    )
    .await;
}

#[tokio::test]
async fn a_server_error_is_reported() {
    let e2e = E2e::start_with_answers(&[("/data/ratings.json", Answer::Status(500))]).await;
    assert_page_says(
        &e2e,
        "/league-table",
        "League table",
        "Could not load the ratings: the server answered with error 500.",
    )
    .await;
    e2e.stop().await;
}

#[tokio::test]
async fn a_missing_posts_index_is_reported() {
    let e2e = E2e::start_with_answers(&[("/data/posts/index.json", Answer::Status(404))]).await;
    e2e.goto("/posts").await;
    wait_for_text(
        e2e.client(),
        ".error-panel[role=alert] p",
        "Could not find the list of posts.",
    )
    .await;
    e2e.stop().await;
}

#[tokio::test]
async fn a_server_error_on_a_post_is_reported_under_the_page_heading() {
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let file = format!("/data/posts/{}.json", post.slug);
    let e2e = E2e::start_with_answers(&[(file.as_str(), Answer::Status(500))]).await;
    assert_page_says(
        &e2e,
        &format!("/posts/{}", post.slug),
        "Something went wrong",
        "Could not load this post: the server answered with error 500.",
    )
    .await;
    e2e.stop().await;
}

async fn wait_for_title(client: &fantoccini::Client, expected: &str) {
    e2e::wait::wait_for(&format!("the title {expected:?}"), || async {
        let seen = e2e::dom::title(client).await;
        if seen == expected {
            Ok(())
        } else {
            Err(seen)
        }
    })
    .await
}

#[tokio::test]
async fn a_page_that_failed_says_so_in_its_title_until_a_retry_loads_it() {
    // A tab, a history list or a screen reader's window list then shows what the page shows.
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let file = format!("/data/posts/{}.json", post.slug);
    let mut e2e = E2e::start_with_answers(&[(file.as_str(), Answer::Status(500))]).await;
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_title(e2e.client(), "Something went wrong · On Probation").await;
    e2e.serve_again(&e2e::app::dist_dir()).await;
    e2e::dom::click(e2e.client(), ".error-panel button").await;
    wait_for_title(e2e.client(), &format!("{} · On Probation", post.title)).await;
    e2e.stop().await;
}

#[tokio::test]
async fn a_failure_under_a_section_heading_stays_in_that_section() {
    // The home page's latest posts sit under their h2: the error's heading is an h3 below it,
    // not a second h2 that would leave the section in a screen reader's list of headings.
    let e2e = E2e::start_with_answers(&[("/data/posts/index.json", Answer::Status(500))]).await;
    e2e.goto("/").await;
    let client = e2e.client();
    e2e::wait::wait_for_css(client, ".error-panel[role=alert] button").await;
    let headings = e2e::dom::run_js(
        client,
        "return Array.from(document.querySelectorAll('main h1, main h2, main h3'))\
           .map((h) => h.tagName + ' ' + h.textContent.trim());",
        vec![],
    )
    .await;
    let headings: Vec<&str> = headings
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let latest = headings.iter().position(|h| *h == "H2 Latest posts");
    let error = headings
        .iter()
        .position(|h| *h == "H3 Something went wrong");
    assert!(
        latest.is_some() && error.is_some() && latest < error,
        "{headings:?}"
    );
    e2e.stop().await;
}

/// A server that never finishes answering: the app gives up after its 15 s timeout and says so.
#[tokio::test]
async fn a_stalled_request_times_out_with_a_message() {
    let e2e = E2e::start_with_answers(&[(
        "/data/ratings.json",
        Answer::Delayed(Duration::from_secs(60)),
    )])
    .await;
    let client = e2e.client();
    let started = Instant::now();
    e2e.goto("/league-table").await;
    let message = loop {
        let text = e2e::dom::text_of(client, ".error-panel[role=alert] p").await;
        if let Some(text) = text {
            break text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(40),
            "no message 40 s after a request that never ends"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert!(
        started.elapsed() >= Duration::from_secs(14),
        "gave up after only {:?}",
        started.elapsed()
    );
    assert_eq!(
        message,
        "Could not load the ratings: the server took longer than 15 seconds to answer, so the request timed out. Check your connection and try again."
    );
    assert_eq!(
        e2e::dom::text_of(client, ".error-panel button")
            .await
            .as_deref(),
        Some("Try again")
    );
    e2e.stop().await;
}

/// Waits for the one error panel of a page that has otherwise loaded, checks how it begins,
/// then presses "Try again" and waits for the server to be asked for `path` once more.
async fn panel_retries(e2e: &E2e, start: &str, path: &str) {
    let client = e2e.client();
    assert_message_starts(client, start).await;
    retry_asks_again(e2e, path, e2e::dom::click(client, ".error-panel button")).await;
}

/// Runs `retry` and waits for the server to be asked for `path` once more than before it.
async fn retry_asks_again(e2e: &E2e, path: &str, retry: impl std::future::Future<Output = ()>) {
    let asked = |log: Vec<String>| log.iter().filter(|line| *line == path).count();
    let before = asked(e2e.requests());
    retry.await;
    e2e::wait::wait_for(&format!("{path} asked for again"), || async {
        let now = asked(e2e.requests());
        if now > before {
            Ok(())
        } else {
            Err(format!("asked {now} times"))
        }
    })
    .await;
}

/// The parts of a page fetched on their own (the posts about an inspection, a post's related
/// and neighbouring posts, the posts' text for search) say when they fail, under a page that
/// still shows, and retry.
#[tokio::test]
async fn a_failed_extra_fetch_is_reported_under_the_page_with_a_retry() {
    let index = "/data/posts/index.json";
    let inspection = e2e::app::inspections()[0].clone();
    let post = e2e::app::posts()[0].clone();
    let e2e = E2e::start_with_answers(&[(index, Answer::Status(500))]).await;
    let client = e2e.client();
    e2e.goto(&format!("/inspections/{}", inspection.id)).await;
    wait_for_text(client, "main h1", &inspection.organisation).await;
    panel_retries(&e2e, "Could not load the list of posts", index).await;
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "article.post h1", &post.title).await;
    panel_retries(&e2e, "Related and neighbouring posts are missing.", index).await;
    e2e.stop().await;

    let search = "/data/posts/search.json";
    let e2e = E2e::start_with_answers(&[(search, Answer::Status(500))]).await;
    e2e.goto("/posts?q=probation").await;
    e2e::wait::wait_for_css(e2e.client(), "ul.post-list li").await;
    panel_retries(
        &e2e,
        "Only titles, standfirsts and tags are searched.",
        search,
    )
    .await;
    e2e.stop().await;
}

/// Presses the "Try again" matched by the CSS selector `button` with the keyboard while the
/// server still fails for `path`, and checks focus is on a "Try again" once the failure shows
/// again, so a keyboard user can press it once more without looking for it.
async fn keyboard_retry_keeps_focus(e2e: &E2e, button: &str, path: &str) {
    let client = e2e.client();
    e2e::wait::wait_for_css(client, button).await;
    e2e::dom::run_js(
        client,
        "document.querySelector(arguments[0]).focus();",
        vec![json!(button)],
    )
    .await;
    // Words added inside an alert from now on: what a screen reader announces.
    e2e::dom::run_js(
        client,
        "window.__alertWords = [];\
         new MutationObserver((records) => {\
           for (const record of records) for (const node of record.addedNodes) {\
             const element = node.nodeType === 1 ? node : node.parentElement;\
             if (element && element.closest('[role=alert]')) window.__alertWords.push(node.textContent);\
           }\
         }).observe(document.body, { childList: true, subtree: true });",
        vec![],
    )
    .await;
    retry_asks_again(
        e2e,
        path,
        e2e::keyboard::press(client, fantoccini::key::Key::Enter),
    )
    .await;
    e2e::wait::wait_for(
        "the failure shown again, focus on its Try again",
        || async {
            let loading = e2e::dom::text_of(client, ".loading").await;
            let here = e2e::keyboard::focused(client).await;
            let on_button = e2e::dom::run_js(
                client,
                "return document.activeElement === document.querySelector(arguments[0]);",
                vec![json!(button)],
            )
            .await;
            match (&loading, &here) {
                (None, Some(f)) if f.text == "Try again" && on_button == json!(true) => Ok(()),
                _ => Err(format!("loading {loading:?}, focus on {here:?}")),
            }
        },
    )
    .await;
    // Still there a moment later: nothing redrawn after the check took focus away.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        e2e::keyboard::focused(client).await.map(|f| f.text),
        Some("Try again".to_owned())
    );
    // The failure is said again: its message came back into the alert as new words.
    let heard = e2e::dom::run_js(
        client,
        "const message = document.querySelector(arguments[0]).closest('[role=alert]').querySelector('p').textContent;\
         return [message, window.__alertWords.some((words) => words.includes(message))];",
        vec![json!(button)],
    )
    .await;
    assert_eq!(heard[1], json!(true), "{path}: {} not said again", heard[0]);
}

/// A keyboard user whose retry fails again keeps their place, on a page whose data failed and
/// under each part of a page fetched on its own.
#[tokio::test]
async fn a_retry_that_fails_again_keeps_keyboard_focus() {
    let ratings = "/data/ratings.json";
    let index = "/data/posts/index.json";
    let search = "/data/posts/search.json";
    let post = e2e::app::posts()
        .into_iter()
        .find(|p| !p.inspections.is_empty())
        .expect("a post about an inspection");
    let inspection = &post.inspections[0];
    let cases = [
        ("/league-table".to_owned(), ratings, ".error-panel button"),
        (
            format!("/posts/{}", post.slug),
            ratings,
            "button[aria-describedby=ratings-error]",
        ),
        (
            format!("/posts/{}", post.slug),
            index,
            "button[aria-describedby=post-links-error]",
        ),
        (
            format!("/inspections/{inspection}"),
            index,
            "button[aria-describedby=posts-about-error]",
        ),
        (
            "/posts?q=probation".to_owned(),
            search,
            "button[aria-describedby=search-texts-error]",
        ),
    ];
    for (page, failing, button) in cases {
        let e2e = E2e::start_with_answers(&[(failing, Answer::Status(500))]).await;
        e2e.goto(&page).await;
        keyboard_retry_keeps_focus(&e2e, button, failing).await;
        e2e.stop().await;
    }
}

/// A keyboard user whose retry succeeds lands on the start of what loaded, not on the page's
/// body (from where the next Tab would start again at the top of the page).
#[tokio::test]
async fn a_retry_that_succeeds_moves_keyboard_focus_to_what_loaded() {
    let ratings = "/data/ratings.json";
    let index = "/data/posts/index.json";
    let post = e2e::app::posts()
        .into_iter()
        .find(|p| !p.inspections.is_empty())
        .expect("a post about an inspection");
    // The page, the file that fails until the retry, its Try again, and the heading that
    // should then have focus.
    let cases = [
        (
            "/league-table".to_owned(),
            ratings,
            ".error-panel button",
            "main h1",
        ),
        (
            "/".to_owned(),
            index,
            ".error-panel button",
            "#latest-heading",
        ),
        (
            format!("/posts/{}", post.slug),
            ratings,
            "button[aria-describedby=ratings-error]",
            "#ratings-heading",
        ),
    ];
    for (page, failing, button, heading) in cases {
        let mut e2e = E2e::start_with_answers(&[(failing, Answer::Status(500))]).await;
        e2e.goto(&page).await;
        let client = e2e.client();
        e2e::wait::wait_for_css(client, button).await;
        e2e.serve_again(&e2e::app::dist_dir()).await;
        let client = e2e.client();
        e2e::dom::run_js(
            client,
            "document.querySelector(arguments[0]).focus();",
            vec![json!(button)],
        )
        .await;
        e2e::keyboard::press(client, fantoccini::key::Key::Enter).await;
        e2e::wait::wait_for(&format!("{page}: focus on {heading}"), || async {
            let seen = e2e::dom::run_js(
                client,
                "const h = document.querySelector(arguments[0]);
                 return [document.querySelectorAll('.error-panel').length,
                         !!h && document.activeElement === h];",
                vec![json!(heading)],
            )
            .await;
            let here = e2e::keyboard::focused(client).await;
            let panels = &seen[0];
            if seen == json!([0, true]) {
                Ok(())
            } else {
                Err(format!("{panels} error panels, focus on {here:?}"))
            }
        })
        .await;
        e2e.stop().await;
    }
}
