//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use model::band::Band;
use model::post::{Block, Inline};
use model::search::Highlighted;
use on_probation::components::band_badge::BandBadge;
use on_probation::components::highlight::Highlight;
use on_probation::components::post_body::PostBody;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page, with the view mounted in it.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

/// Polls until `ready` holds, for views that wait on a fetch.
async fn wait_until(mut ready: impl FnMut() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(25).await;
    }
    panic!("condition not met within 5 s");
}

#[wasm_bindgen_test]
fn known_and_unknown_bands_read_differently() {
    let good = mount(|| view! { <BandBadge band=Some(Band::Good) /> });
    let unknown = mount(|| view! { <BandBadge band=None /> });
    let inadequate = mount(|| view! { <BandBadge band=Some(Band::Inadequate) /> });
    assert_eq!(good.text_content().unwrap(), "Good");
    assert_eq!(unknown.text_content().unwrap(), "Not published");
    assert_eq!(inadequate.text_content().unwrap(), "Inadequate");
    let class = |el: &web_sys::HtmlElement| el.first_element_child().unwrap().class_name();
    assert_eq!(class(&unknown), "band band-unknown");
    assert_ne!(class(&unknown), class(&inadequate));
}

#[wasm_bindgen_test]
fn search_highlights_are_marks_around_plain_text() {
    let text = "<img src=x onerror=window.pwned=1> Durham & Tees".to_string();
    let start = text.find("Durham").unwrap();
    let container = mount(move || {
        view! { <Highlight text=Highlighted { text, ranges: vec![1..4, start..start + 6] } /> }
    });
    let marks = container.query_selector_all("mark").unwrap();
    let marked: Vec<String> = (0..marks.length())
        .map(|i| marks.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marked, ["img", "Durham"]);
    assert!(container.query_selector("img").unwrap().is_none());
    assert_eq!(
        container.text_content().unwrap(),
        "<img src=x onerror=window.pwned=1> Durham & Tees"
    );
}

#[wasm_bindgen_test]
fn post_body_renders_text_as_text_and_only_safe_links() {
    let text = |t: &str| Inline::Text(t.into());
    let blocks = vec![
        Block::Heading {
            level: 2,
            content: vec![text("<script>window.pwned=1</script>")],
        },
        Block::Paragraph(vec![
            Inline::Link {
                href: "javascript:window.pwned=1".into(),
                content: vec![text("bad")],
            },
            Inline::Link {
                href: "https://example.org/report".into(),
                content: vec![text("report")],
            },
            Inline::Strong(vec![text("<img src=x onerror=window.pwned=1>")]),
        ]),
    ];
    let container = mount(move || view! { <PostBody blocks /> });
    assert!(container.query_selector("script").unwrap().is_none());
    assert!(container.query_selector("img").unwrap().is_none());
    assert_eq!(
        container
            .query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "<script>window.pwned=1</script>"
    );
    let links = container.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "the javascript: link must not be a link");
    let link: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://example.org/report"
    );
    assert_eq!(link.get_attribute("rel").unwrap(), "noopener noreferrer");
    assert!(container.text_content().unwrap().contains("bad"));
}

/// Replaces the page's address without loading anything: views that read the URL start there.
fn set_address(path: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// How many times the page has requested a URL ending in `suffix`.
fn requests_for(suffix: &str) -> usize {
    web_sys::window()
        .unwrap()
        .performance()
        .unwrap()
        .get_entries_by_type("resource")
        .iter()
        .filter(|entry| {
            let entry: &web_sys::PerformanceEntry = entry.unchecked_ref();
            entry.name().ends_with(suffix)
        })
        .count()
}

/// The test runner's server has no `/data/` files, so the app's fetches fail: the page must say so
/// and offer a retry that really fetches again, instead of going blank.
#[wasm_bindgen_test]
async fn a_failed_fetch_shows_an_error_with_a_working_retry() {
    // The home page, whatever address an earlier test left behind.
    set_address("/");
    let container = mount(on_probation::app::App);
    wait_until(|| container.query_selector(".error-panel").unwrap().is_some()).await;
    let panel = container.query_selector(".error-panel").unwrap().unwrap();
    assert_eq!(panel.get_attribute("role").unwrap(), "alert");
    let message = panel.text_content().unwrap();
    assert!(
        message.contains("Could not find the list of posts."),
        "{message}"
    );
    // Resource timing entries are added a task after the response, so wait for the first one.
    wait_until(|| requests_for("/data/posts/index.json") >= 1).await;
    let before = requests_for("/data/posts/index.json");
    let retry = panel.query_selector("button").unwrap().unwrap();
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.unchecked_into::<web_sys::HtmlElement>().click();
    wait_until(|| requests_for("/data/posts/index.json") > before).await;
    // The second attempt fails too: once it settles, the page still explains itself.
    wait_until(|| container.query_selector(".loading").unwrap().is_none()).await;
    let panel = container.query_selector(".error-panel").unwrap().unwrap();
    let message = panel.text_content().unwrap();
    assert!(
        message.contains("Could not find the list of posts."),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn a_first_load_says_loading_once() {
    use on_probation::api::ApiError;
    use on_probation::components::fetched::Fetched;
    let container = mount(|| {
        let never = LocalResource::new(std::future::pending::<Result<String, ApiError>>);
        view! { <Fetched resource=never what="the test data" render=|text: String| text /> }
    });
    gloo_timers::future::TimeoutFuture::new(100).await;
    let loading = container.query_selector_all(".loading").unwrap();
    assert_eq!(loading.length(), 1, "{}", container.inner_html());
    assert_eq!(
        loading.get(0).unwrap().text_content().unwrap(),
        "Loading the test data…"
    );
}

/// A small ratings file with an unknown overall band and an unknown owner, which the bundled
/// data does not have.
fn fixture() -> model::format::RatingsFile {
    let row =
        |id: &str, organisation: &str, kind: &str, owner: Option<&str>, overall: Option<&str>| {
            serde_json::json!({
                "id": id, "organisation": organisation, "kind": kind, "owner": owner,
                "region": "Somewhere", "published": "2019-07", "round": 1, "overall": overall,
                "score": null, "standards": {}, "caseload": null, "source_url": null,
                "other_sources": [], "confidence": null, "notes": null
            })
        };
    let file = serde_json::json!({
        "format": "on-probation/ratings", "version": 1,
        "provenance": {"summary": "test", "sources": []},
        "standards": [],
        "inspections": [
            row("a", "Alpha CRC", "CRC", Some("Owner One"), Some("Requires improvement")),
            row("b", "Bravo PDU", "PDU", Some("HMPPS"), None),
            row("c", "Charlie NPS", "NPS division", Some("HMPPS"), Some("Good")),
            row("d", "Delta CRC", "CRC", None, Some("Inadequate")),
            row("e", "Echo PDU", "PDU", Some("HMPPS"), Some("Outstanding")),
        ]
    });
    model::format::parse_ratings(&file.to_string()).unwrap()
}

fn column(container: &web_sys::HtmlElement, key: &str) -> Vec<String> {
    let cells = container
        .query_selector_all(&format!("tbody tr [data-col={key}]"))
        .unwrap();
    (0..cells.length())
        .map(|i| cells.get(i).unwrap().text_content().unwrap())
        .collect()
}

fn click(container: &web_sys::HtmlElement, selector: &str) {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// A header's `aria-sort`, or "" when it has none.
fn aria_sort(container: &web_sys::HtmlElement, key: &str) -> String {
    container
        .query_selector(&format!("button[data-sort={key}]"))
        .unwrap()
        .unwrap()
        .parent_element()
        .unwrap()
        .get_attribute("aria-sort")
        .unwrap_or_default()
}

fn facet_box(
    container: &web_sys::HtmlElement,
    facet: &str,
    value: &str,
) -> web_sys::HtmlInputElement {
    container
        .query_selector(&format!("input[name={facet}][value=\"{value}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {facet} choice {value}"))
        .unchecked_into()
}

/// The count shown beside a facet choice, e.g. "(2)".
fn facet_count(container: &web_sys::HtmlElement, facet: &str, value: &str) -> String {
    facet_box(container, facet, value)
        .parent_element()
        .unwrap()
        .query_selector(".count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

/// The table inside a router, at the bare address (its view lives in the URL, and an earlier
/// test's address must not leak into this one), once its rows are drawn: they are written just
/// after the rest of the table, before the browser paints.
async fn mount_table() -> web_sys::HtmlElement {
    set_address("/league-table");
    let container = mount(|| {
        view! {
            <leptos_router::components::Router>
                <on_probation::routes::league_table::Table file=fixture() />
            </leptos_router::components::Router>
        }
    });
    let rows = fixture().inspections.len();
    wait_until(|| column(&container, "organisation").len() == rows).await;
    container
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
async fn table_sorts_bands_by_meaning_with_unknowns_last_both_ways() {
    let container = mount_table().await;
    // Opens ranked best first.
    assert_eq!(aria_sort(&container, "overall"), "descending");
    assert_eq!(
        column(&container, "overall"),
        [
            "Outstanding",
            "Good",
            "Requires improvement",
            "Inadequate",
            "Not published"
        ]
    );
    click(&container, "button[data-sort=overall]");
    wait_until(|| aria_sort(&container, "overall") == "ascending").await;
    wait_until(|| column(&container, "overall")[0] == "Inadequate").await;
    assert_eq!(
        column(&container, "overall"),
        [
            "Inadequate",
            "Requires improvement",
            "Good",
            "Outstanding",
            "Not published"
        ]
    );
    // Only the sorted header carries aria-sort.
    assert_eq!(aria_sort(&container, "organisation"), "");
    // Owners A to Z, the unknown owner last; the live region says what happened.
    click(&container, "button[data-sort=owner]");
    wait_until(|| aria_sort(&container, "owner") == "ascending").await;
    assert_eq!(column(&container, "organisation")[4], "Delta CRC");
    assert_eq!(
        text_of(&container, "[role=status][aria-live=polite]"),
        "Sorted by Owner, A to Z. 5 of 5 shown."
    );
}

#[wasm_bindgen_test]
async fn table_filters_combine_and_clear() {
    let container = mount_table().await;
    assert_eq!(text_of(&container, "#shown-count"), "5 of 5 shown");
    assert_eq!(facet_count(&container, "overall", "-"), "(1)");
    assert_eq!(facet_count(&container, "kind", "pdu"), "(2)");
    facet_box(&container, "kind", "pdu").click();
    wait_until(|| text_of(&container, "#shown-count") == "2 of 5 shown").await;
    assert_eq!(column(&container, "kind"), ["PDU", "PDU"]);
    assert!(search().contains("kind=pdu"), "{}", search());
    // Counts follow the other filters: among PDUs one band is unknown, none is Good.
    assert_eq!(facet_count(&container, "overall", "-"), "(1)");
    assert_eq!(facet_count(&container, "overall", "good"), "(0)");
    // ...but not their own: CRC still offers its two rows.
    assert_eq!(facet_count(&container, "kind", "crc"), "(2)");
    facet_box(&container, "overall", "-").click();
    wait_until(|| text_of(&container, "#shown-count") == "1 of 5 shown").await;
    assert_eq!(column(&container, "organisation"), ["Bravo PDU"]);
    facet_box(&container, "owner", "Owner One").click();
    wait_until(|| text_of(&container, "#shown-count") == "0 of 5 shown").await;
    let empty = text_of(&container, "#empty-state");
    assert!(
        empty.contains("No inspection matches these filters."),
        "{empty}"
    );
    assert!(empty.contains("Owner: Owner One"), "{empty}");
    click(&container, "#empty-state button");
    wait_until(|| text_of(&container, "#shown-count") == "5 of 5 shown").await;
    assert!(
        !facet_box(&container, "kind", "pdu").checked(),
        "clearing resets the controls too"
    );
    assert_eq!(search(), "");
}

/// Data stamped before this page started loading is announced as saved on an earlier visit;
/// data stamped since, or from the network (no stamp), is not.
#[wasm_bindgen_test]
async fn only_data_saved_before_the_page_loaded_is_called_an_earlier_visit() {
    use on_probation::components::saved_data_notice::SavedDataNotice;
    use on_probation::saved_data::record;
    let container = mount(|| view! { <SavedDataNotice /> });
    let page_start = web_sys::window()
        .unwrap()
        .performance()
        .unwrap()
        .time_origin();
    let text = || container.text_content().unwrap_or_default();

    record(Some(&format!("{}", (page_start - 3_600_000.0) as u64)));
    wait_until(|| text().contains("on an earlier visit")).await;
    assert!(text().starts_with("You are reading data saved on this device on "));

    record(Some(&format!("{}", (page_start + 1_000.0) as u64)));
    wait_until(|| text().is_empty()).await;

    record(Some(&format!("{}", (page_start - 3_600_000.0) as u64)));
    wait_until(|| !text().is_empty()).await;
    record(None);
    wait_until(|| text().is_empty()).await;
}
