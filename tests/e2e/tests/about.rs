//! The "about the data" page counts its figures from the ratings file it describes.

use e2e::app;
use e2e::dom::text_of;
use e2e::wait::wait_for_css;
use e2e::E2e;

#[tokio::test]
async fn about_page_counts_the_inspections_in_the_data() {
    let total = app::inspections().len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/about").await;
    wait_for_css(client, "ul.coverage li").await;
    let first = text_of(client, "ul.coverage li").await.unwrap_or_default();
    assert!(
        first.starts_with(&format!("{total} inspections (")),
        "{first}"
    );
    for (kind, n) in app::count_by_kind(&app::inspections()) {
        assert!(
            first.contains(&format!("{n} {kind}")),
            "{first} should count {n} {kind}"
        );
    }
    e2e.stop().await;
}
