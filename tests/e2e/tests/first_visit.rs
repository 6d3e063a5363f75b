//! Measures what a first visit to the league table really downloads: the resources the browser
//! fetched, each compressed with brotli (quality 11) as a server would send it.

use e2e::app::dist_dir;
use e2e::dom::run_js;
use e2e::output::output_dir;
use e2e::wait::wait_for_css;
use e2e::E2e;
use std::io::Write;

/// Fails the suite if the first visit grows past this many brotli bytes: about 1.7 % above the
/// most measured (service worker, manifest and install icon included: Chromium 324,382 on
/// 28 November 2026, with the wasm built by the size toolchain of `scripts/tools.sh`) with the
/// table, posts, pages, offline features, the facet and posts search indexes, the no-script
/// and loading states and the early data download, so any growth is a decision. Issue 7's
/// goal is 150 KB; the README says what is left to trim.
const BUDGET_BYTES: usize = 330_000;

/// The budget for a wasm built by the machine's stable toolchain, where the size toolchain
/// could not be installed (`E2E_SIZE_BUILD=0`, which `scripts/test.sh` passes then): 1.6 %
/// above its last figure, 349,266. Without the variable the size toolchain's budget holds, so a
/// build by hand is held to it too.
const STABLE_BUILD_BUDGET_BYTES: usize = 355_000;

/// Registering the service worker downloads its script on the first visit in every engine, but
/// only WebKit lists it among the page's resources: it is counted in every engine.
const SERVICE_WORKER: &str = "sw.js";

fn brotli_size(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer
            .write_all(bytes)
            .expect("brotli compression in memory cannot fail");
    }
    out.len()
}

#[tokio::test]
async fn first_visit_to_the_league_table_is_measured_and_within_budget() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    wait_for_css(client, "table.league-table tbody tr").await;

    let urls = run_js(
        client,
        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));",
        vec![],
    )
    .await;
    let origin = e2e.url("");
    let mut urls: Vec<String> = urls
        .as_array()
        .expect("a list of URLs")
        .iter()
        .map(|url| url.as_str().expect("a URL string").to_string())
        .collect();
    urls.push(e2e.url(&format!("/{SERVICE_WORKER}")));
    let dist = dist_dir();
    let mut rows = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for url in &urls {
        // WebKit lists a preloaded file again when the page fetches it, and the service worker
        // too: count each file once.
        if !seen.insert(url) {
            continue;
        }
        let path = url
            .strip_prefix(&origin)
            .unwrap_or_else(|| panic!("{url} is not on the app's own origin"));
        let path = path
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .trim_start_matches('/');
        // Routes are served by the app shell.
        let file = if path.is_empty() || !dist.join(path).is_file() {
            "index.html"
        } else {
            path
        };
        let bytes = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        rows.push((file.to_string(), bytes.len(), brotli_size(&bytes)));
    }
    e2e.stop().await;

    assert!(
        rows.iter().any(|(f, ..)| f.ends_with(".wasm")),
        "the visit must download the wasm: {rows:?}"
    );
    assert!(
        rows.iter().any(|(f, ..)| f == "data/ratings.json"),
        "the visit must download the ratings: {rows:?}"
    );
    let raw: usize = rows.iter().map(|r| r.1).sum();
    let brotli: usize = rows.iter().map(|r| r.2).sum();
    let mut report = String::from("First visit to /league-table\nfile\traw bytes\tbrotli bytes\n");
    for (file, raw, br) in &rows {
        report += &format!("{file}\t{raw}\t{br}\n");
    }
    report += &format!("total\t{raw}\t{brotli}\n");
    println!("{report}");
    let file = format!(
        "first-visit-size-{}.tsv",
        e2e::engine::Engine::current().name()
    );
    std::fs::write(output_dir("").join(file), &report).expect("write the size report");
    let budget = match std::env::var("E2E_SIZE_BUILD").as_deref() {
        Ok("0") => STABLE_BUILD_BUDGET_BYTES,
        _ => BUDGET_BYTES,
    };
    assert!(
        brotli <= budget,
        "first visit is {brotli} brotli bytes, over the budget of {budget} \
         (a wasm built by stable, not the size toolchain, needs E2E_SIZE_BUILD=0)"
    );
}
