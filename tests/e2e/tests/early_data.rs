//! On a first visit `public/early-data.js` starts downloading the page's data while the app's
//! WebAssembly is still on its way, and the app's own request then takes that download: the
//! server sees the data file asked for once, before it has sent the wasm. (WebKitGTK under
//! WebDriver asks twice: it takes no preloaded response, Trunk's wasm included.)

use std::time::Duration;

use e2e::app::{dist_dir, main_routes, posts, wasm_file};
use e2e::engine::{Engine, Feature};
use e2e::server::Answer;
use e2e::wait::wait_for_css;
use e2e::E2e;

/// Long enough that a request made by the app itself, which can only start once the wasm has
/// arrived, comes after the wasm is answered; the margin is for a busy machine.
const WASM_DELAY: Duration = Duration::from_millis(2500);

/// The data file each main route shows first; `None` for a page without data.
fn first_data(route: &str) -> Option<String> {
    match route {
        "home" | "posts" => Some("/data/posts/index.json".to_owned()),
        "post" => Some(format!("/data/posts/{}.json", posts()[0].slug)),
        "league-table" | "about" | "inspection" | "compare" => {
            Some("/data/ratings.json".to_owned())
        }
        _ => None,
    }
}

#[tokio::test]
async fn a_first_visit_asks_for_its_data_once_and_before_the_app_has_arrived() {
    let wasm = format!("/{}", wasm_file(&dist_dir()));
    let answered = format!("{wasm} answered");
    let most = if Engine::current().supports(Feature::PreloadReuse) {
        1
    } else {
        2
    };
    for route in main_routes() {
        let Some(data) = first_data(route.name) else {
            continue;
        };
        let e2e = E2e::start_with_answers(&[(wasm.as_str(), Answer::Delayed(WASM_DELAY))]).await;
        e2e.goto(&route.path).await;
        // Drawn from the data, so the app has made its own request by now.
        wait_for_css(e2e.client(), route.ready).await;
        let log = e2e.requests();
        let asked: Vec<usize> = (0..log.len()).filter(|&i| log[i] == data).collect();
        assert!(
            (1..=most).contains(&asked.len()),
            "{}: the server should see {data} at most {most} time(s), the preload the app then \
             uses; it saw: {log:?}",
            route.name
        );
        let wasm_sent = log
            .iter()
            .position(|line| *line == answered)
            .unwrap_or_else(|| panic!("{}: the wasm was never sent: {log:?}", route.name));
        assert!(
            asked[0] < wasm_sent,
            "{}: {data} was asked for only after the wasm arrived: {log:?}",
            route.name
        );
        e2e.stop().await;
    }
}
