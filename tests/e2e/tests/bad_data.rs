//! The built app served with broken data files: each page says what is wrong, in words, with a
//! way to retry, and never goes blank.

use e2e::wait::wait_for_text;
use e2e::E2e;
use std::path::Path;

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

async fn league_table_says(edit: impl FnOnce(&Path), expected: &str) {
    let e2e = E2e::start_with_edited_copy(edit).await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    wait_for_text(client, ".error-panel[role=alert] p", expected).await;
    assert_eq!(
        e2e::dom::text_of(client, ".error-panel button")
            .await
            .as_deref(),
        Some("Try again")
    );
    assert_eq!(
        e2e::dom::text_of(client, "main h1").await.as_deref(),
        Some("League table")
    );
    e2e.stop().await;
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

#[tokio::test]
async fn a_truncated_file_is_reported() {
    let e2e = E2e::start_with_edited_copy(|dist| {
        let bytes = std::fs::read(ratings(dist)).unwrap();
        std::fs::write(ratings(dist), &bytes[..bytes.len() / 2]).unwrap();
    })
    .await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    assert_message_starts(
        client,
        "Could not read the ratings: the file is not valid: EOF while parsing",
    )
    .await;
    e2e.stop().await;
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
    assert_message_starts(client, "Could not read this post: the file is not valid").await;
    e2e.stop().await;
}
