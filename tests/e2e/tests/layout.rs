//! Every main route on a phone and a desktop: it renders a heading, the page never scrolls
//! sideways, and a screenshot is saved under test-output/screenshots for a person to look at.

use e2e::app;
use e2e::dom::run_js;
use e2e::output::output_dir;
use e2e::wait::wait_for_css;
use e2e::E2e;

const VIEWPORTS: [(u32, u32); 2] = [(360, 740), (1280, 800)];

#[tokio::test]
async fn main_routes_fit_phone_and_desktop_widths() {
    let post = app::posts().into_iter().next().expect("at least one post");
    let inspections = app::inspections();
    let compared: Vec<&str> = inspections.iter().take(4).map(|i| i.id.as_str()).collect();
    let routes = [
        ("home", "/".to_string(), "main h1"),
        (
            "league-table",
            "/league-table".to_string(),
            "table.league-table tbody tr",
        ),
        ("posts", "/posts".to_string(), "ul.post-list li"),
        ("post", format!("/posts/{}", post.slug), "article.post h1"),
        ("about", "/about".to_string(), "ul.coverage li"),
        (
            "inspection",
            format!("/inspections/{}", compared[0]),
            "table.standards-table",
        ),
        (
            "compare",
            format!("/compare?ids={}", compared.join(",")),
            "table.compare-table",
        ),
        ("not-found", "/no-such-page".to_string(), "main h1"),
    ];
    let shots = output_dir("screenshots");
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        client
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        for (name, path, ready) in &routes {
            e2e.goto(path).await;
            wait_for_css(client, ready).await;
            let widths = run_js(
                client,
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                vec![],
            )
            .await;
            let (scroll, client_width) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
            assert!(
                scroll <= client_width,
                "{path} at {width}px scrolls sideways: content is {scroll}px wide in a {client_width}px page"
            );
            let png = client.screenshot().await.expect("take a screenshot");
            std::fs::write(shots.join(format!("{name}-{width}x{height}.png")), png)
                .expect("save the screenshot");
        }
    }
    e2e.stop().await;
}
