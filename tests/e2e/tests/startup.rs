//! The page is never blank: without JavaScript, without WebAssembly, or when the app fails to
//! start, the page gives a clear explanation with a link to download the data.

use e2e::dom::{run_js, text_of};
use e2e::engine::Launch;
use e2e::output::screenshots_dir;
use e2e::wait::{wait_for, wait_for_css};
use e2e::E2e;
use fantoccini::Locator;
use serde_json::json;

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
    let href = run_js(
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

/// A browser with JavaScript turned off shows index.html's `<noscript>` panel, not a loading
/// message, and its link downloads the data. WebDriver's own commands still work then: they
/// run outside the page's scripting (axe-core cannot: it needs the page's timers and promises).
#[tokio::test]
async fn without_javascript_the_noscript_message_links_the_data() {
    let Some(e2e) = E2e::start_with(Launch {
        without_javascript: true,
        ..Launch::default()
    })
    .await
    else {
        return;
    };
    let client = e2e.client();
    e2e.goto("/league-table").await;
    let heading = wait_for_css(client, "noscript .error-panel h1").await;
    // A <noscript>'s content becomes elements only where scripting is off: this proves it is.
    assert_eq!(
        run_js(
            client,
            "return [document.querySelectorAll('noscript .error-panel').length, !!document.querySelector('main')];",
            vec![],
        )
        .await,
        json!([1, false]),
        "the <noscript> panel is parsed and the app never started"
    );
    assert_eq!(
        heading.text().await.expect("read the heading"),
        "On Probation needs JavaScript"
    );
    assert!(heading.is_displayed().await.expect("heading shown"));
    let boot = client
        .find(Locator::Css(".boot"))
        .await
        .expect("index.html's loading message");
    assert!(
        !boot.is_displayed().await.expect("loading message shown?"),
        "no loading message beside the <noscript> panel"
    );
    let png = client.screenshot().await.expect("take a screenshot");
    std::fs::write(screenshots_dir().join("no-javascript.png"), png).expect("save the screenshot");

    let link = client
        .find(Locator::Css("noscript .error-panel a"))
        .await
        .expect("a link in the <noscript> panel");
    assert!(link.is_displayed().await.expect("link shown"));
    assert_eq!(
        link.prop("href").await.expect("read the link").as_deref(),
        Some(e2e.url("/data/ratings.json").as_str())
    );
    // Followed as a person would, the link gives the ratings file the build serves.
    link.click().await.expect("follow the link");
    // The click only starts the navigation: until the file's page has replaced this one, the
    // body found may be the old page's, gone stale by the time it is read (WebKit).
    let ratings = e2e.url("/data/ratings.json");
    let text = wait_for(
        "the ratings file, loaded after following the link",
        || async {
            let url = client.current_url().await.map_err(|e| e.to_string())?;
            if url.as_str() != ratings {
                return Err(format!("at {url}"));
            }
            let body = client
                .find(Locator::Css("body"))
                .await
                .map_err(|e| e.to_string())?;
            let text = body.text().await.map_err(|e| e.to_string())?;
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(_) => Ok(text),
                Err(e) => Err(format!("not JSON yet ({e}): {text:.200}")),
            }
        },
    )
    .await;
    assert_eq!(
        client.current_url().await.expect("current url").as_str(),
        e2e.url("/data/ratings.json")
    );
    let served: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text:.200}"));
    assert_eq!(
        served["format"],
        json!("on-probation/ratings"),
        "{text:.200}"
    );
    e2e.stop().await;
}

/// Once the app runs, an error that stops its WebAssembly (a panic, which the release build
/// makes a trap) shows the "something went wrong" panel above the page, which stays as it was.
/// The app's own wasm is made to trap: an allocation it cannot make aborts, as a panic does.
/// From a timer the trap is reported as an "error" event, from a promise callback as an
/// "unhandledrejection"; the app's own calls come from both.
#[tokio::test]
async fn an_app_stopped_by_an_error_says_so_above_the_page() {
    let e2e = E2e::start_with_edited_copy(|dist| {
        // A script file of the page's own, so index.html's Content Security Policy allows it,
        // and so the trap comes from the page's callbacks (Firefox runs WebDriver's scripts
        // apart from the page, and their errors never reach it).
        std::fs::write(
            dist.join("stop-app.js"),
            "addEventListener('TrunkApplicationStarted', (e) => {\n\
               const stop = () => e.detail.wasm.__wbindgen_malloc(-1, 1);\n\
               window.stopApp = (how) => (how === 'timer' ? setTimeout(stop) : Promise.resolve().then(stop));\n\
             });\n",
        )
        .expect("write the script");
        let index = dist.join("index.html");
        let html = std::fs::read_to_string(&index).expect("read index.html");
        let html = html.replacen("<head>", "<head><script src=\"/stop-app.js\"></script>", 1);
        std::fs::write(&index, html).expect("write index.html");
    })
    .await;
    let client = e2e.client();
    for how in ["timer", "promise"] {
        e2e.goto("/league-table").await;
        e2e::dom::settle_table(client, |s| !s.rows.is_empty()).await;
        assert_eq!(
            run_js(
                client,
                "return getComputedStyle(document.getElementById('panic-panel')).display;",
                vec![],
            )
            .await,
            json!("none"),
            "no panel while the app runs"
        );
        run_js(
            client,
            "window.stopApp(arguments[0]); return null;",
            vec![json!(how)],
        )
        .await;
        wait_for_css(client, "#panic-panel[role=alert]:not([hidden])").await;
        let panel = client
            .find(Locator::Css("#panic-panel"))
            .await
            .expect("the panel");
        assert!(panel.is_displayed().await.expect("panel shown?"), "{how}");
        let text = panel.text().await.expect("the panel's text");
        assert!(
            text.starts_with("Something went wrong in the app") && text.contains("reloading"),
            "{how}: {text}"
        );
        assert_eq!(
            run_js(
                client,
                "const a = document.querySelector('#panic-panel a');\
                 return [a.textContent, a.href === location.href, document.querySelectorAll('table.league-table tbody tr').length > 0];",
                vec![],
            )
            .await,
            json!(["Reload the page", true, true]),
            "{how}: the reload link, and the page beneath kept"
        );
    }
    e2e.stop().await;
}
