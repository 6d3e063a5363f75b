//! The compare page at /compare?ids=…, checked against dist/data/ratings.json: one column per
//! inspection, standards outside a kind's framework marked as such, unknown ids named, at
//! most four shown, removal through the address, and guidance when nothing is chosen.

use e2e::app::NOT_PUBLISHED;
use e2e::dom::{self, run_js};
use e2e::raw::{list, ratings, text};
use e2e::script::{texts, wait_for_value};
use e2e::wait::wait_for;
use e2e::E2e;
use fantoccini::Client;
use serde_json::{json, Value};

/// The first inspection of each of two different kinds.
fn two_kinds(doc: &Value) -> (&Value, &Value) {
    let inspections = list(doc, "inspections");
    let first = &inspections[0];
    let other = inspections
        .iter()
        .find(|i| i["kind"] != first["kind"])
        .expect("the data has two kinds");
    (first, other)
}

/// The ids of the data's first `n` inspections.
fn first_ids(doc: &Value, n: usize) -> Vec<&str> {
    let ids: Vec<&str> = list(doc, "inspections")
        .iter()
        .take(n)
        .map(|i| text(&i["id"]))
        .collect();
    assert_eq!(ids.len(), n, "the test needs {n} inspections");
    ids
}

/// The ids of the column headers, once the table has `n` of them.
async fn column_ids(client: &Client, n: usize) -> Vec<String> {
    let ids = wait_for_value(
        client,
        &format!("a comparison of {n} inspections"),
        "const ths = Array.from(document.querySelectorAll('table.compare-table thead th[data-id]'));\
         return ths.length === arguments[0] ? ths.map(th => th.getAttribute('data-id')) : null;",
        vec![json!(n)],
    )
    .await;
    serde_json::from_value(ids).expect("a list of ids")
}

/// Texts of the cells of the row matching `css`, one per column.
async fn row_cells(client: &Client, css: &str) -> Vec<String> {
    texts(client, &format!("table.compare-table tr{css} td")).await
}

#[tokio::test]
async fn two_inspections_side_by_side_with_standards_that_do_not_apply() {
    let doc = ratings();
    let (a, b) = two_kinds(&doc);
    let ids = [text(&a["id"]), text(&b["id"])];
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!("/compare?ids={}", ids.join(","))).await;
    assert_eq!(column_ids(client, 2).await, ids);

    // Headers link to each inspection's page.
    let hrefs = run_js(
        client,
        "return Array.from(document.querySelectorAll('table.compare-table thead th[data-id]'))\
         .map(th => th.querySelector('a').getAttribute('href'));",
        vec![],
    )
    .await;
    assert_eq!(
        hrefs,
        json!(ids.map(|id| format!("/inspections/{id}")).to_vec())
    );
    let overall: Vec<String> = [a, b]
        .iter()
        .map(|i| i["overall"].as_str().unwrap_or(NOT_PUBLISHED).to_owned())
        .collect();
    assert_eq!(row_cells(client, "[data-field=overall]").await, overall);

    // A standard of one kind only: "Does not apply" for the other, a band or "Not published"
    // for its own.
    let standard = list(&doc, "standards")
        .iter()
        .find(|s| {
            let applies = list(s, "applies_to");
            applies.contains(&a["kind"]) != applies.contains(&b["kind"])
        })
        .expect("a standard that applies to one of the two kinds only");
    let code = text(&standard["code"]);
    let expected: Vec<String> = [a, b]
        .iter()
        .map(|i| {
            if list(standard, "applies_to").contains(&i["kind"]) {
                i["standards"][code]
                    .as_str()
                    .unwrap_or(NOT_PUBLISHED)
                    .to_owned()
            } else {
                "Does not apply".to_owned()
            }
        })
        .collect();
    assert_eq!(
        row_cells(client, &format!("[data-standard=\"{code}\"]")).await,
        expected,
        "standard {code}"
    );
    assert!(dom::title(client).await.starts_with("Compare inspections"));
    e2e.stop().await;
}

#[tokio::test]
async fn unknown_ids_are_named_and_removing_one_updates_the_address() {
    let doc = ratings();
    let ids = first_ids(&doc, 3);
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!(
        "/compare?ids={},no-such-inspection,{},{}",
        ids[0], ids[1], ids[2]
    ))
    .await;
    assert_eq!(column_ids(client, 3).await, ids);
    let notice = dom::text_of(client, ".unknown-ids")
        .await
        .unwrap_or_default();
    assert!(
        notice.contains("no-such-inspection"),
        "the unknown id is named: {notice:?}"
    );

    // Remove the middle one: the address and the columns follow.
    let remove = client
        .find(fantoccini::Locator::Css(&format!(
            "thead td[data-id=\"{}\"] a.remove",
            ids[1]
        )))
        .await
        .expect("a remove link");
    remove.click().await.expect("click remove");
    assert_eq!(column_ids(client, 2).await, [ids[0], ids[2]]);
    let url = client.current_url().await.expect("current url");
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        [("ids".to_owned(), format!("{},{}", ids[0], ids[2]))]
    );
    e2e.stop().await;
}

#[tokio::test]
async fn more_than_four_shows_the_first_four_and_says_so() {
    let doc = ratings();
    let ids = first_ids(&doc, 5);
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!("/compare?ids={}", ids.join(","))).await;
    assert_eq!(column_ids(client, 4).await, ids[..4]);
    let notice = dom::text_of(client, ".left-out").await.unwrap_or_default();
    assert!(notice.contains("first 4"), "{notice:?}");
    e2e.stop().await;
}

/// `ids` given more than once, as a form would send it, is read whole.
#[tokio::test]
async fn repeated_ids_parameters_are_read_together() {
    let doc = ratings();
    let ids = first_ids(&doc, 3);
    let e2e = E2e::start().await;
    e2e.goto(&format!(
        "/compare?ids={}&ids={},{}",
        ids[0], ids[1], ids[2]
    ))
    .await;
    assert_eq!(column_ids(e2e.client(), 3).await, ids);
    e2e.stop().await;
}

#[tokio::test]
async fn no_ids_gives_guidance_to_the_league_table() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for path in ["/compare", "/compare?ids="] {
        e2e.goto(path).await;
        let href = wait_for_value(
            client,
            "guidance linking to the league table",
            "const a = document.querySelector('.guidance a');\
             return a ? a.getAttribute('href') : null;",
            vec![],
        )
        .await;
        assert_eq!(href, json!("/league-table"), "{path}");
        wait_for("no comparison table", || async move {
            match dom::text_of(client, "table.compare-table").await {
                None => Ok(()),
                Some(t) => Err(t),
            }
        })
        .await;
    }
    e2e.stop().await;
}
