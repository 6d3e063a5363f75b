//! The page is never blank: without WebAssembly, or when the app fails to start, the loading
//! message gives way to a clear explanation with a link to download the data.

use e2e::dom::text_of;
use e2e::engine::Launch;
use e2e::wait::wait_for_css;
use e2e::E2e;

/// Waits for index.html's "could not start" panel and checks what it says and links.
async fn explains_it_could_not_start(e2e: &E2e, reason_starts: &str) {
    let client = e2e.client();
    wait_for_css(client, "#boot-failed:not([hidden]) h1").await;
    assert_eq!(
        text_of(client, "#boot-failed h1").await.as_deref(),
        Some("On Probation could not start")
    );
    let reason = text_of(client, "#boot-failed-reason")
        .await
        .unwrap_or_default();
    assert!(reason.starts_with(reason_starts), "{reason}");
    assert!(
        text_of(client, ".boot").await.is_none(),
        "the loading message is gone"
    );
    let href = e2e::dom::run_js(
        client,
        "const a = document.querySelector('#boot-failed a'); return a ? a.href : null;",
        vec![],
    )
    .await;
    let href = href.as_str().unwrap_or_default().to_owned();
    assert_eq!(href, e2e.url("/data/ratings.json"), "the download link");
    // The link really downloads the data.
    e2e.goto("/data/ratings.json").await;
    let body = text_of(e2e.client(), "body").await.unwrap_or_default();
    assert!(body.contains("\"on-probation/ratings\""), "{body:.200}");
}

#[tokio::test]
async fn without_webassembly_the_page_says_so_and_links_the_data() {
    let Some(e2e) = E2e::start_with(Launch {
        without_webassembly: true,
        ..Launch::default()
    })
    .await
    else {
        return;
    };
    e2e.goto("/league-table").await;
    explains_it_could_not_start(&e2e, "This browser cannot run WebAssembly").await;
    e2e.stop().await;
}

/// Every engine: a copy of the app whose page first removes `WebAssembly`, as a browser
/// without it would be (a script file, so a Content Security Policy of script-src 'self' in
/// index.html allows it).
#[tokio::test]
async fn a_browser_without_webassembly_gets_the_same_message() {
    let e2e = E2e::start_with_edited_copy(|dist| {
        std::fs::write(
            dist.join("no-webassembly.js"),
            "delete window.WebAssembly;\n",
        )
        .expect("write the script");
        let index = dist.join("index.html");
        let html = std::fs::read_to_string(&index).expect("read index.html");
        let html = html.replacen(
            "<head>",
            "<head><script src=\"/no-webassembly.js\"></script>",
            1,
        );
        std::fs::write(&index, html).expect("write index.html");
    })
    .await;
    e2e.goto("/posts").await;
    explains_it_could_not_start(&e2e, "This browser cannot run WebAssembly").await;
    e2e.stop().await;
}

#[tokio::test]
async fn an_app_that_fails_to_load_says_so_and_links_the_data() {
    let e2e = E2e::start_with_edited_copy(|dist| {
        for entry in std::fs::read_dir(dist).expect("list the app copy") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "wasm") {
                std::fs::write(&path, b"not WebAssembly").expect("break the wasm");
            }
        }
    })
    .await;
    e2e.goto("/").await;
    explains_it_could_not_start(&e2e, "On Probation could not start").await;
    e2e.stop().await;
}
