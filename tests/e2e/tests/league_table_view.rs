//! The league table's view as a reader shares and takes it away: combined filters with their
//! counts, the view restored from the address after a reload and after going back, the CSV of
//! the view, and the compare link built from ticked rows. Expectations come from ratings.json.

use std::collections::{BTreeMap, BTreeSet};

use e2e::app::{self, Inspection};
use e2e::dom::{self, facet_css, shown_text};
use e2e::wait::wait_for;
use e2e::E2e;
use serde_json::{json, Value};

/// The kind with the most inspections, so combinations have something to narrow.
fn biggest_kind(inspections: &[Inspection]) -> String {
    let (kind, _) = app::count_by_kind(inspections)
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .unwrap();
    let first = inspections.iter().find(|i| i.kind == kind).unwrap();
    first.kind_token()
}

#[tokio::test]
async fn combined_filters_show_the_intersection_with_counts_from_the_other_filters() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    dom::open_table(&e2e, n).await;

    let kind = biggest_kind(&inspections);
    let of_kind: Vec<&Inspection> = inspections
        .iter()
        .filter(|i| i.kind_token() == kind)
        .collect();
    dom::click(client, &facet_css("kind", &kind)).await;
    dom::settle_table(client, |s| s.rows.len() == of_kind.len()).await;

    // Every overall choice now counts only rows of that kind.
    let mut bands: BTreeMap<String, usize> = BTreeMap::new();
    for i in &of_kind {
        *bands.entry(i.overall_token()).or_default() += 1;
    }
    let all_bands: BTreeSet<String> = inspections.iter().map(Inspection::overall_token).collect();
    for band in &all_bands {
        let expected = bands.get(band).copied().unwrap_or(0);
        let shown = wait_for(&format!("overall {band} to count {expected}"), || async {
            match dom::facet_count(client, "overall", band).await {
                Some(c) if c == expected => Ok(c),
                other => Err(format!("{other:?}")),
            }
        })
        .await;
        assert_eq!(
            shown, expected,
            "count beside overall {band} under kind {kind}"
        );
    }

    // Tick the commonest band of that kind: the rows are the intersection.
    let (band, count) = bands.iter().max_by_key(|(_, c)| **c).unwrap();
    dom::click(client, &facet_css("overall", band)).await;
    let snap = dom::settle_table(client, |s| s.rows.len() == *count).await;
    let shown: BTreeSet<String> = snap.ids().into_iter().collect();
    let expected: BTreeSet<String> = of_kind
        .iter()
        .filter(|i| &i.overall_token() == band)
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(shown, expected, "kind {kind} and overall {band}");
    assert_eq!(snap.shown.as_deref(), Some(shown_text(*count, n).as_str()));
    // The kind counts now follow the band filter, and the kind's own count is unchanged.
    assert_eq!(dom::facet_count(client, "kind", &kind).await, Some(*count));

    // A search nothing matches empties the table and the page says which filter did it.
    let history_length = || async {
        dom::run_js(client, "return history.length;", vec![])
            .await
            .as_u64()
    };
    let before = history_length().await.expect("a history length");
    client
        .find(fantoccini::Locator::Css("#filter-text"))
        .await
        .unwrap()
        .send_keys("zzqx no such place")
        .await
        .unwrap();
    let snap = dom::settle_table(client, |s| s.rows.is_empty()).await;
    assert!(snap.rows.is_empty());
    // However fast the typing, the search is one step back, not one per letter.
    assert_eq!(history_length().await, Some(before + 1));
    let empty = dom::text_of(client, "#empty-state")
        .await
        .unwrap_or_default();
    assert!(
        empty.contains("zzqx no such place"),
        "empty state: {empty:?}"
    );

    dom::click(client, "#clear-filters").await;
    let snap = dom::settle_table(client, |s| s.rows.len() == n).await;
    assert_eq!(snap.rows.len(), n, "Clear all filters shows every row");
    // The button is disabled now; focus has gone on to the search field, not to the page's top.
    assert_eq!(
        dom::run_js(client, "return document.activeElement.id;", vec![]).await,
        serde_json::json!("filter-text")
    );
    assert_eq!(
        dom::is_checked(client, &facet_css("kind", &kind)).await,
        Some(false)
    );

    e2e.stop().await;
}

/// The empty table's own "Clear all filters", far below the search field: focus goes to the
/// field, and the field is brought into view with it.
#[tokio::test]
async fn clearing_from_the_empty_table_shows_the_search_field_it_focuses() {
    let n = app::inspections().len();
    let e2e = E2e::start().await;
    e2e.set_viewport(1280, 800).await;
    let client = e2e.client();
    e2e.goto("/league-table?q=zzqx%20no%20such%20place").await;
    dom::settle_table(client, |s| s.rows.is_empty()).await;
    dom::click(client, "#empty-state button").await;
    dom::settle_table(client, |s| s.rows.len() == n).await;
    let place = dom::run_js(
        client,
        "const field = document.activeElement;\
         const box = field.getBoundingClientRect();\
         return [field.id, box.top >= 0 && box.bottom <= innerHeight];",
        vec![],
    )
    .await;
    assert_eq!(place, serde_json::json!(["filter-text", true]));
    e2e.stop().await;
}

#[tokio::test]
async fn the_view_comes_back_after_a_reload_and_after_going_back() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    dom::open_table(&e2e, n).await;

    // Step 1: sort by organisation, Z to A.
    dom::click_sort(client, "organisation").await;
    dom::settle_table(client, |s| {
        s.sort.get("organisation") == Some(&Some("ascending".into()))
    })
    .await;
    dom::click_sort(client, "organisation").await;
    let sorted = dom::settle_table(client, |s| {
        s.sort.get("organisation") == Some(&Some("descending".into()))
    })
    .await;
    // Step 2: keep one kind.
    let kind = biggest_kind(&inspections);
    let count = inspections
        .iter()
        .filter(|i| i.kind_token() == kind)
        .count();
    dom::click(client, &facet_css("kind", &kind)).await;
    let filtered = dom::settle_table(client, |s| s.rows.len() == count).await;
    let search = dom::location_search(client).await;
    assert!(
        search.contains(&format!("kind={kind}")),
        "the URL holds the filter: {search}"
    );

    e2e.reload().await;
    let reloaded = dom::settle_table(client, |s| s.rows.len() == count && s.shown.is_some()).await;
    assert_eq!(
        reloaded.ids(),
        filtered.ids(),
        "same rows in the same order after a reload"
    );
    assert_eq!(reloaded.sorted_columns(), filtered.sorted_columns());
    assert_eq!(reloaded.shown, filtered.shown);
    assert_eq!(
        dom::is_checked(client, &facet_css("kind", &kind)).await,
        Some(true)
    );

    client.back().await.expect("go back");
    let back = dom::settle_table(client, |s| s.rows.len() == n).await;
    assert_eq!(back.ids(), sorted.ids(), "back: every row, still Z to A");
    assert_eq!(
        back.sorted_columns(),
        vec![("organisation".to_owned(), "descending".to_owned())]
    );
    assert_eq!(
        dom::is_checked(client, &facet_css("kind", &kind)).await,
        Some(false)
    );

    client.forward().await.expect("go forward");
    let forward = dom::settle_table(client, |s| s.rows.len() == count).await;
    assert_eq!(forward.ids(), filtered.ids(), "forward: the filter again");

    e2e.stop().await;
}

/// Columns shown: the cells of the table's first row.
fn columns(table: &dom::TableSnapshot) -> usize {
    table.rows.first().map_or(0, |row| row.cells.len())
}

/// Waits for all `rows` rows to show `expected` columns.
async fn expect_columns(client: &fantoccini::Client, rows: usize, expected: usize, when: &str) {
    let table = dom::settle_table(client, |s| s.rows.len() == rows && columns(s) == expected).await;
    assert_eq!(columns(&table), expected, "columns shown {when}");
}

/// Hiding a group of columns is stored for the next visit, but an address the table wrote
/// keeps its own view: going back before the change and reloading shows every column again.
#[tokio::test]
async fn hidden_columns_are_kept_for_a_new_visit_but_back_and_reload_show_the_address() {
    let n = app::inspections().len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    let all = columns(&dom::open_table(&e2e, n).await);

    dom::click(client, "input[name=columns]").await;
    let fewer = columns(&dom::settle_table(client, |s| columns(s) < all).await);
    assert!(
        fewer < all,
        "hiding a group leaves {fewer} of {all} columns"
    );

    client.back().await.expect("go back");
    expect_columns(client, n, all, "after going back").await;
    e2e.reload().await;
    expect_columns(client, n, all, "after a reload").await;
    assert!(
        !dom::location_search(client).await.contains("hide="),
        "the address is left as it was"
    );

    // A new visit (loading the same address again counts as a reload in some engines).
    e2e.goto("/about").await;
    e2e.goto("/league-table").await;
    expect_columns(client, n, fewer, "on a new visit").await;

    // The site's own link to the table, followed from the table: a new address, and the
    // stored choice with it.
    assert!(dom::location_search(client).await.contains("hide="));
    let entries = "return history.length;";
    let before = dom::run_js(client, entries, vec![])
        .await
        .as_u64()
        .unwrap_or(0);
    dom::click(client, "header nav a[href='/league-table']").await;
    wait_for("the link's entry to get the stored choice", || async move {
        let now = dom::run_js(client, entries, vec![])
            .await
            .as_u64()
            .unwrap_or(0);
        match dom::location_search(client).await {
            search if now > before && search.contains("hide=") => Ok(()),
            search => Err(format!("{now} entries (was {before}), address {search:?}")),
        }
    })
    .await;
    expect_columns(client, n, fewer, "after following a link").await;
    e2e.reload().await;
    expect_columns(client, n, fewer, "after reloading that").await;
    e2e.stop().await;
}

/// Clicks a download link with its navigation cancelled (so no file is written), then reads the
/// Blob the page made for it. The Blob is caught as the page turns it into the link's address:
/// fetching a `blob:` address would break the page's `connect-src 'self'` policy.
async fn downloaded(client: &fantoccini::Client, css: &str) -> (Vec<u64>, String) {
    dom::run_js(
        client,
        "document.querySelector(arguments[0]).addEventListener('click', (e) => e.preventDefault());\
         if (!window.__madeBlobs) {\
           window.__madeBlobs = new Map();\
           const make = URL.createObjectURL;\
           URL.createObjectURL = (blob) => { const url = make(blob); window.__madeBlobs.set(url, blob); return url; };\
         }",
        vec![json!(css)],
    )
    .await;
    dom::click(client, css).await;
    let result = client
        .execute_async(
            "const [css, done] = arguments;\
             const href = document.querySelector(css).href;\
             const blob = window.__madeBlobs.get(href);\
             if (!blob) { done({ error: 'no Blob made for ' + href }); return; }\
             blob.arrayBuffer().then((buffer) => {\
               const bytes = new Uint8Array(buffer);\
               done({ head: Array.from(bytes.slice(0, 3)), text: new TextDecoder().decode(bytes) });\
             }).catch((e) => done({ error: String(e) }));",
            vec![json!(css)],
        )
        .await
        .expect("read the download");
    if let Some(error) = result.get("error") {
        panic!("cannot read {css}: {error}");
    }
    let head = result["head"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_u64().unwrap())
        .collect();
    (head, result["text"].as_str().unwrap().to_owned())
}

/// Splits RFC 4180 CSV into records of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[tokio::test]
async fn csv_and_json_downloads_hold_the_current_view() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    dom::open_table(&e2e, n).await;
    let kind = biggest_kind(&inspections);
    let count = inspections
        .iter()
        .filter(|i| i.kind_token() == kind)
        .count();
    dom::click(client, &facet_css("kind", &kind)).await;
    dom::click_sort(client, "organisation").await;
    let snap = dom::settle_table(client, |s| {
        s.rows.len() == count && s.sort.get("organisation") == Some(&Some("ascending".into()))
    })
    .await;

    let (head, csv) = downloaded(client, "#download-csv").await;
    assert_eq!(
        head,
        [0xEF, 0xBB, 0xBF],
        "the CSV starts with a UTF-8 byte order mark"
    );
    assert!(csv.contains("\r\n"), "CRLF line ends");
    let records = parse_csv(&csv);
    let header = &records[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} in {header:?}"))
    };
    let (id, organisation, overall) = (column("Id"), column("Organisation"), column("Overall"));
    assert_eq!(records.len() - 1, count, "one record per row shown");
    let csv_ids: Vec<String> = records[1..].iter().map(|r| r[id].clone()).collect();
    assert_eq!(csv_ids, snap.ids(), "the rows in the table's order");
    for record in &records[1..] {
        let expected = inspections.iter().find(|i| i.id == record[id]).unwrap();
        assert_eq!(record[organisation], expected.organisation);
        // An unknown band is an empty cell, never a guess.
        assert_eq!(
            record[overall],
            expected.overall.clone().unwrap_or_default()
        );
        assert_eq!(record.len(), header.len());
    }

    let (_, json) = downloaded(client, "#download-json").await;
    let rows: Value = serde_json::from_str(&json).expect("the JSON parses");
    let json_ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(json_ids, snap.ids());

    e2e.stop().await;
}

#[tokio::test]
async fn ticked_rows_lead_to_the_compare_page_address_and_untick_together() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    let snap = dom::open_table(&e2e, n).await;
    let order = snap.ids();
    assert!(order.len() >= 5, "the test needs five rows");
    let tick = |id: &str| format!("tr[data-id=\"{id}\"] td[data-col=pick] input");

    dom::click(client, &tick(&order[2])).await;
    dom::click(client, &tick(&order[0])).await;
    let href = wait_for("the compare link", || async {
        dom::attribute(client, "#compare-link", "href")
            .await
            .ok_or("no link".to_owned())
    })
    .await;
    assert_eq!(href, format!("/compare?ids={},{}", order[2], order[0]));

    dom::click(client, &tick(&order[1])).await;
    dom::click(client, &tick(&order[3])).await;
    let fifth_disabled = dom::run_js(
        client,
        "return document.querySelector(arguments[0]).disabled;",
        vec![json!(tick(&order[4]))],
    )
    .await;
    assert_eq!(fifth_disabled, json!(true), "a fifth row cannot be ticked");
    // The reason is shown, and heard: the note is inside a status region.
    let note = wait_for("the note that four is the most", || async {
        dom::run_js(
            client,
            "const note = document.querySelector('#compare-full');             return note && note.closest('[role=status]') ? note.textContent.trim() : null;",
            vec![],
        )
        .await
        .as_str()
        .map(str::to_owned)
        .ok_or("no note in a status region".to_owned())
    })
    .await;
    assert!(note.contains("untick one"), "{note}");
    let href = dom::attribute(client, "#compare-link", "href")
        .await
        .unwrap();
    assert_eq!(
        href,
        format!(
            "/compare?ids={},{},{},{}",
            order[2], order[0], order[1], order[3]
        )
    );
    // Ticked rows may be on another page or filtered out: one button unticks them all. It goes
    // away with the ticks, so focus moves to the words in its place, not to the page's start.
    dom::click(client, "#untick-all").await;
    wait_for("every box unticked, the fifth free, focus on the compare status", || async {
        let state = dom::run_js(
            client,
            "return [document.querySelectorAll('td[data-col=pick] input:checked').length,\
                     document.querySelector(arguments[0]).disabled,\
                     !!document.querySelector('#compare-link'), !!document.querySelector('#untick-all'),\
                     document.activeElement.id];",
            vec![json!(tick(&order[4]))],
        )
        .await;
        (state == json!([0, false, false, false, "compare-status"]))
            .then_some(())
            .ok_or(format!("{state}"))
    })
    .await;
    // Each organisation links to its own page.
    let link = dom::attribute(
        client,
        &format!("tr[data-id=\"{}\"] [data-col=organisation] a", order[0]),
        "href",
    )
    .await;
    assert_eq!(link, Some(format!("/inspections/{}", order[0])));

    e2e.stop().await;
}
