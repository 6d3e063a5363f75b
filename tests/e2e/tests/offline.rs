//! Installable and offline: after one visit the service worker serves every route and file
//! with the server stopped; a new deploy waits until the reader asks for it; a broken deploy
//! leaves the working version in place. In every engine the run drives; the test named
//! `chromium_…` needs the DevTools Protocol and is skipped elsewhere. Expectations come from
//! the built files.

use std::path::{Path, PathBuf};
use std::process::Command;

use e2e::app::{dist_dir, inspections, posts, wasm_file, Inspection};
use e2e::dom::{run_js, settle_table, text_of, try_js};
use e2e::engine::Feature;
use e2e::script::{wait_for_service_worker, wait_for_value};
use e2e::wait::{wait_for, wait_for_css, wait_for_text};
use e2e::E2e;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// A reader on the league table of the build served, with its service worker installed; and
/// the build's first inspection, for checking which version a page shows.
async fn reader_with_worker() -> (E2e, Inspection) {
    let first = inspections().into_iter().next().expect("an inspection");
    let e2e = E2e::start().await;
    e2e.goto("/league-table").await;
    assert_full_table(e2e.client()).await;
    wait_for_service_worker(e2e.client()).await;
    (e2e, first)
}

/// The league table shows every inspection of the build that is served.
async fn assert_full_table(client: &Client) {
    let expected = inspections().len();
    let table = settle_table(client, |t| t.rows.len() == expected).await;
    assert_eq!(table.rows.len(), expected, "{}", table.summary());
}

/// The page is the app's own (its header and an h1 in main), not a browser error page.
async fn assert_app_page(client: &Client, what: &str) {
    wait_for_css(client, "header.site-header").await;
    wait_for(&format!("{what}: an h1 in main"), || async move {
        match text_of(client, "main h1").await {
            Some(h1) if !h1.is_empty() && !h1.starts_with("Loading") => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
}

/// `location.reload()`, the reload a reader's button or key gives. (WebDriver's refresh in
/// Firefox is a hard reload, which by design skips the service worker.)
async fn reload_as_a_reader_does(client: &Client) {
    // The unload may cut this script's answer short in WebKit; the wait below proves the reload.
    let _ = try_js(
        client,
        "window.beforeReload = true; location.reload();",
        vec![],
    )
    .await;
    wait_for_value(
        client,
        "the reloaded page",
        "return (window.beforeReload === undefined && document.readyState === 'complete') ? true : null;",
        vec![],
    )
    .await;
}

/// Reloads as a reader does; the full table must still name `first` as the first build did.
async fn reload_and_see_the_first_copy(client: &Client, first: &Inspection, when: &str) {
    reload_as_a_reader_does(client).await;
    assert_full_table(client).await;
    assert_eq!(
        organisation_of(client, &first.id).await.as_deref(),
        Some(first.organisation.as_str()),
        "{when}"
    );
}

/// Reload, a post never opened before, and a deep link, all with the server stopped.
async fn every_route_loads_offline(e2e: &mut E2e) {
    let client = e2e.client();
    e2e.goto("/league-table").await;
    assert_full_table(client).await;
    wait_for_service_worker(client).await;

    e2e.stop_server().await;
    let client = e2e.client();
    reload_as_a_reader_does(client).await;
    assert_full_table(client).await;
    let notice = wait_for_css(client, "#saved-data-notice p").await;
    let notice = notice.text().await.unwrap_or_default();
    assert!(
        notice.contains("saved on this device") && notice.contains("earlier visit"),
        "{notice}"
    );
    // The browser still reports a network; the worker's failed refresh is what tells the page.
    let indicator = wait_for_css(client, "#offline-indicator[role=status] p").await;
    let indicator = indicator.text().await.unwrap_or_default();
    assert!(
        indicator.starts_with("You are offline. On Probation's server cannot be reached."),
        "{indicator}"
    );

    let post = posts().into_iter().last().expect("a post in the build");
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(e2e.client(), "main h1", &post.title).await;

    let inspection = inspections().into_iter().next().expect("an inspection");
    e2e.goto(&format!("/inspections/{}", inspection.id)).await;
    assert_app_page(e2e.client(), "an inspection page offline").await;
}

#[tokio::test]
async fn every_route_loads_from_the_cache_with_the_server_stopped() {
    let mut e2e = E2e::start().await;
    every_route_loads_offline(&mut e2e).await;

    // The server back: the page, which fetches nothing more, finds out by itself.
    let client = e2e.client();
    wait_for_css(client, "#offline-indicator p").await;
    e2e.serve_again(&dist_dir()).await;
    let client = e2e.client();
    wait_for(
        "the offline indicator to go once the server is back",
        || async move {
            match text_of(client, "#offline-indicator").await.as_deref() {
                Some("") => Ok(()),
                other => Err(format!("{other:?}")),
            }
        },
    )
    .await;
    e2e.stop().await;
}

/// Data published after the build, without rebuilding the app: one post withdrawn (gone from
/// the index and the server), one the build never knew. The worker still installs, and with
/// the server stopped the new post, the list and the table still read.
#[tokio::test]
async fn data_published_after_the_build_still_reads_offline() {
    let copy = e2e::dist_copy("e2e-later-data");
    let posts_dir = copy.path().join("data/posts");
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(posts_dir.join(name)).unwrap()).unwrap()
    };
    let all = posts();
    let (gone, model) = (&all[all.len() - 1], &all[0]);
    let slug = "published-after-the-build";
    let title = "A post published after the build";
    let mut post = read(&format!("{}.json", model.slug));
    post["slug"] = json!(slug);
    post["title"] = json!(title);
    std::fs::write(posts_dir.join(format!("{slug}.json")), post.to_string()).unwrap();
    std::fs::remove_file(posts_dir.join(format!("{}.json", gone.slug))).unwrap();
    let mut index = read("index.json");
    let list = index["posts"].as_array_mut().unwrap();
    list.retain(|p| p["slug"] != json!(gone.slug));
    let mut entry = list[0].clone();
    entry["slug"] = json!(slug);
    entry["title"] = json!(title);
    list.insert(0, entry);
    std::fs::write(posts_dir.join("index.json"), index.to_string()).unwrap();

    let mut e2e = E2e::start().await;
    e2e.serve_again(copy.path()).await;
    e2e.goto("/league-table").await;
    assert_full_table(e2e.client()).await;
    wait_for_service_worker(e2e.client()).await;
    // The worker saves the posts beyond the build as it activates.
    wait_for_value(
        e2e.client(),
        "the worker to finish activating",
        "const worker = navigator.serviceWorker.controller;\
         return worker && worker.state === 'activated' ? true : null;",
        vec![],
    )
    .await;
    e2e.stop_server().await;

    e2e.goto(&format!("/posts/{slug}")).await;
    wait_for_text(e2e.client(), "main h1", title).await;
    e2e.goto("/posts").await;
    wait_for_text(e2e.client(), "main h1", "Posts").await;
    let client = e2e.client();
    wait_for("the new post listed offline", || async move {
        let listed = run_js(
            client,
            "return document.querySelector('main').textContent",
            vec![],
        )
        .await;
        match listed.as_str().is_some_and(|text| text.contains(title)) {
            true => Ok(()),
            false => Err("not listed".to_string()),
        }
    })
    .await;
    e2e.goto("/league-table").await;
    assert_full_table(e2e.client()).await;
    e2e.stop().await;
}

/// Chromium only (Chrome DevTools Protocol): the browser's own installability check, and the
/// offline indicator following the browser's network state.
#[tokio::test]
async fn chromium_finds_the_app_installable_and_it_says_when_it_is_offline() {
    if !e2e::skip_unless(Feature::DevTools) {
        return;
    }
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/").await;
    wait_for_service_worker(client).await;
    let report = e2e::driver::cdp(client, "Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        report["installabilityErrors"],
        json!([]),
        "installability: {report}"
    );

    e2e::driver::cdp(client, "Network.enable", json!({})).await;
    let conditions = |offline: bool| json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 });
    e2e::driver::cdp(client, "Network.emulateNetworkConditions", conditions(true)).await;
    let indicator = wait_for_css(client, "#offline-indicator[role=status] p").await;
    let text = indicator.text().await.unwrap_or_default();
    assert!(text.starts_with("You are offline."), "{text}");
    e2e::driver::cdp(
        client,
        "Network.emulateNetworkConditions",
        conditions(false),
    )
    .await;
    wait_for("the offline indicator to go", || async move {
        match text_of(client, "#offline-indicator").await.as_deref() {
            Some("") => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    e2e.stop().await;
}

/// Data changed on the server without a new deploy: the page answers from the device at once,
/// the worker fetches the new file in the background, and the next load shows it.
#[tokio::test]
async fn data_is_served_from_the_device_and_refreshed_in_the_background() {
    let (mut e2e, first) = reader_with_worker().await;

    let copy = e2e::dist_copy("e2e-new-data");
    let ratings = copy.path().join("data/ratings.json");
    let text = std::fs::read_to_string(&ratings).unwrap();
    let renamed = format!("{} (new data)", first.organisation);
    let organisation = serde_json::to_string(&first.organisation).unwrap();
    std::fs::write(
        &ratings,
        text.replacen(&organisation, &serde_json::to_string(&renamed).unwrap(), 1),
    )
    .unwrap();
    e2e.serve_again(copy.path()).await;

    let client = e2e.client();
    reload_and_see_the_first_copy(client, &first, "answered from the device first").await;
    wait_for("the worker to store the new ratings", || async {
        let stored = client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 caches.open('on-probation-data')\
                   .then((cache) => cache.match('/data/ratings.json'))\
                   .then((r) => (r ? r.text() : ''), () => '')\
                   .then(done);",
                vec![],
            )
            .await
            .unwrap_or_default();
        match stored.as_str() {
            Some(text) if text.contains(&renamed) => Ok(()),
            _ => Err("not yet".to_owned()),
        }
    })
    .await;
    reload_as_a_reader_does(client).await;
    wait_for_text(
        client,
        &format!("tr[data-id='{}'] [data-col=organisation]", first.id),
        &renamed,
    )
    .await;
    e2e.stop().await;
}

/// A background refresh that gets no whole data file this app can read (the server lost it and
/// answers with its HTML page, the file is cut short, or it is of a format version the app does
/// not read) leaves the copy on the device alone: later loads still show the full table and say
/// it is from an earlier visit.
#[tokio::test]
async fn a_refresh_without_a_whole_data_file_keeps_the_copy_on_the_device() {
    let (mut e2e, first) = reader_with_worker().await;
    let ratings = std::fs::read(dist_dir().join("data/ratings.json")).unwrap();
    let mut newer: serde_json::Value = serde_json::from_slice(&ratings).unwrap();
    newer["version"] = (newer["version"].as_u64().unwrap() + 1).into();
    let newer = serde_json::to_vec(&newer).unwrap();
    for (what, answer) in [
        ("the server's page instead of the ratings", None),
        (
            "half of the ratings file",
            Some(&ratings[..ratings.len() / 2]),
        ),
        ("a ratings file of a newer version", Some(&newer[..])),
    ] {
        let copy = e2e::dist_copy("e2e-lost-data");
        let file = copy.path().join("data/ratings.json");
        match answer {
            None => std::fs::remove_file(&file).unwrap(),
            Some(part) => std::fs::write(&file, part).unwrap(),
        }
        e2e.serve_again(copy.path()).await;

        reload_as_a_reader_does(e2e.client()).await;
        wait_for("the worker to ask the server for the ratings", || async {
            match e2e
                .requests()
                .iter()
                .any(|r| r.starts_with("/data/ratings.json"))
            {
                true => Ok(()),
                false => Err(format!("{:?}", e2e.requests())),
            }
        })
        .await;
        // Time for the worker to store the answer, were it to keep it.
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;

        let client = e2e.client();
        reload_and_see_the_first_copy(client, &first, &format!("after {what}")).await;
        let notice = wait_for_css(client, "#saved-data-notice p").await;
        let notice = notice.text().await.unwrap_or_default();
        assert!(notice.contains("earlier visit"), "after {what}: {notice}");
    }
    e2e.stop().await;
}

/// Runs the build's own precache step on an edited copy, as a deploy would.
fn precache(dir: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/precache.mjs");
    let out = Command::new("node")
        .arg(&script)
        .arg(dir)
        .output()
        .expect("run node scripts/precache.mjs (needs Node and `npm ci`)");
    assert!(
        out.status.success(),
        "precache.mjs failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Trunk's content-hashed files (`name-<16 hex>.ext`, `name-<16 hex>_bg.wasm`) in a build.
fn hashed_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the build folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| {
            let stem = name.split('.').next().unwrap_or_default();
            let stem = stem.strip_suffix("_bg").unwrap_or(stem);
            stem.rsplit_once('-').is_some_and(|(_, hash)| {
                // Trunk writes the 64-bit hash in hex without leading zeros.
                (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
            })
        })
        .collect();
    names.sort();
    names
}

/// A different deploy: turns the copy of the build in `dir` into one where the first
/// inspection's organisation has a new name and every hashed file a new hash (as a code change
/// would give), with its precache list made again. Returns the new name.
///
/// `deploy` (1, 2, …) picks the hashes, so that two deploys in one test share no hashed file:
/// an update of the first, still installing when the second is served, must not find its
/// files on the second's server.
fn build_b(dir: &Path, deploy: usize) -> String {
    let ratings = dir.join("data/ratings.json");
    let first = inspections().into_iter().next().expect("an inspection");
    let renamed = format!("{} (deploy B)", first.organisation);
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&ratings).unwrap()).expect("ratings JSON");
    for item in doc["inspections"].as_array_mut().expect("inspections") {
        if item["id"] == json!(first.id) {
            item["organisation"] = json!(renamed);
        }
    }
    std::fs::write(&ratings, doc.to_string()).unwrap();
    let integrity_before = integrities(dir);
    let hashed = hashed_files(dir);
    let rename = |text: String| {
        hashed.iter().fold(text, |text, name| {
            text.replace(name.as_str(), &with_new_hash(name, deploy))
        })
    };
    for name in &hashed {
        std::fs::rename(dir.join(name), dir.join(with_new_hash(name, deploy))).unwrap();
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        let is_text = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("html" | "js" | "css")
        );
        if is_text {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, rename(text)).unwrap();
        }
    }
    // The loader file names the renamed files, so its content and its integrity hash change:
    // index.html must carry the new hashes, as a real build's would.
    let integrity_after = integrities(dir);
    let index = dir.join("index.html");
    let html = hashed
        .iter()
        .fold(std::fs::read_to_string(&index).unwrap(), |html, name| {
            html.replace(
                &integrity_before[name],
                &integrity_after[&with_new_hash(name, deploy)],
            )
        });
    std::fs::write(&index, html).unwrap();
    precache(dir);
    renamed
}

/// The `sha384-…` subresource-integrity value of every file at the top of `dir`, by name.
fn integrities(dir: &Path) -> std::collections::HashMap<String, String> {
    use base64::Engine;
    use sha2::Digest;
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            let digest = sha2::Sha384::digest(std::fs::read(&path).unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let value = base64::engine::general_purpose::STANDARD.encode(digest);
            (name, format!("sha384-{value}"))
        })
        .collect()
}

/// `name-<hash>…` with the hash's hex digits turned `deploy` places to the left: a name that
/// deploy has, and A and the other deploys have not.
fn with_new_hash(name: &str, deploy: usize) -> String {
    let (stem, rest) = name.split_once('.').expect("a file extension");
    let (base, tail) = match stem.strip_suffix("_bg") {
        Some(stem) => (stem, "_bg"),
        None => (stem, ""),
    };
    let (prefix, hash) = base.rsplit_once('-').expect("a hashed name");
    let turn = deploy % hash.len();
    let new_hash = format!("{}{}", &hash[turn..], &hash[..turn]);
    format!("{prefix}-{new_hash}{tail}.{rest}")
}

fn organisation_css(id: &str) -> String {
    format!("tr[data-id='{id}'] [data-col=organisation]")
}

async fn organisation_of(client: &Client, id: &str) -> Option<String> {
    text_of(client, &organisation_css(id)).await
}

#[tokio::test]
async fn a_new_deploy_waits_for_the_reader_then_replaces_the_whole_page() {
    let (mut e2e, first) = reader_with_worker().await;

    let b = e2e::dist_copy("e2e-deploy-b");
    let renamed = build_b(b.path(), 1);
    let (a_files, b_files) = (hashed_files(&dist_dir()), hashed_files(b.path()));
    assert!(!a_files.is_empty() && a_files.iter().all(|f| !b_files.contains(f)));
    e2e.serve_again(b.path()).await;

    // The reload still shows version A, complete, while B installs in the background.
    let client = e2e.client();
    reload_as_a_reader_does(client).await;
    assert_full_table(client).await;
    wait_for_text(
        client,
        "#update-prompt[role=status] p",
        "A new version is available — reload",
    )
    .await;
    assert_eq!(
        organisation_of(client, &first.id).await.as_deref(),
        Some(first.organisation.as_str()),
        "version A's data until the reader asks for B"
    );

    // Keyboard: focus the button and press Enter.
    let button = client
        .find(Locator::Css("#update-prompt button"))
        .await
        .expect("the Reload button");
    button
        .send_keys("\u{E007}")
        .await
        .expect("press Enter on Reload");
    // The page reloads under this wait: B's name in the table.
    wait_for_text(client, &organisation_css(&first.id), &renamed).await;
    assert_full_table(client).await;
    let fetched = run_js(
        client,
        "return performance.getEntriesByType('resource').map(e => e.name)\
           .concat(Array.from(document.scripts).map(s => s.src));",
        vec![],
    )
    .await;
    let fetched: Vec<&str> = fetched
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for name in &a_files {
        assert!(
            !fetched.iter().any(|url| url.ends_with(name.as_str())),
            "B's page asked for A's {name}: {fetched:?}"
        );
    }
    assert_eq!(
        text_of(client, "#update-prompt").await.as_deref(),
        Some(""),
        "no prompt once B runs"
    );
    e2e.stop().await;
}

#[tokio::test]
async fn a_broken_deploy_leaves_the_working_version_in_place() {
    let (mut e2e, _) = reader_with_worker().await;

    // B lists a file that its server does not have (an upload cut short): its new wasm file,
    // which the server answers with its HTML page, as single-page-app servers do; or a post
    // its own index still lists, changed since A (A's copy would otherwise stand in for it).
    let post = format!("data/posts/{}.json", posts()[0].slug);
    for (deploy, broken) in [(1, None), (2, Some(post.as_str()))] {
        let b = e2e::dist_copy("e2e-deploy-broken");
        if let Some(post) = broken {
            let path = b.path().join(post);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(
                &path,
                text.replacen("\"title\":\"", "\"title\":\"Changed: ", 1),
            )
            .unwrap();
        }
        build_b(b.path(), deploy);
        let missing = broken.map_or_else(|| wasm_file(b.path()), String::from);
        std::fs::remove_file(b.path().join(&missing)).unwrap();
        e2e.serve_again(b.path()).await;
        b_install_fails_and_a_stays(e2e.client(), &missing).await;
    }
    e2e.stop().await;
}

async fn b_install_fails_and_a_stays(client: &Client, missing: &str) {
    let outcome = client
        .execute_async(
        "const done = arguments[arguments.length - 1];\
         (async () => {\
           const reg = await navigator.serviceWorker.getRegistration();\
           await reg.update().catch(() => {});\
           const worker = reg.installing || reg.waiting;\
           if (worker) {\
             await new Promise((ok) => {\
               const settled = () => ['installed', 'activated', 'redundant'].includes(worker.state);\
               if (settled()) { ok(); } else { worker.addEventListener('statechange', () => settled() && ok()); }\
             });\
           }\
           done({ state: worker ? worker.state : null, waiting: !!reg.waiting });\
         })();",
        vec![],
    )
    .await
    .expect("the update script");
    assert_eq!(
        outcome,
        json!({ "state": "redundant", "waiting": false }),
        "B's install must fail without {missing}"
    );

    reload_as_a_reader_does(client).await;
    assert_full_table(client).await;
    // A's own code runs (its data refreshes from B's server, as data does between deploys).
    let a_wasm = wasm_file(&dist_dir());
    let scripts = run_js(
        client,
        "return performance.getEntriesByType('resource').map(e => e.name);",
        vec![],
    )
    .await;
    assert!(
        scripts.as_array().is_some_and(|names| names
            .iter()
            .any(|n| n.as_str().is_some_and(|n| n.ends_with(&a_wasm)))),
        "A's wasm after B's failed install without {missing}: {scripts}"
    );
    assert_eq!(text_of(client, "#update-prompt").await.as_deref(), Some(""));
}
