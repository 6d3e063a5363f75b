//! A league table too long to draw whole: pages of rows, turned with the mouse or the keyboard,
//! each place on a page showing the right row after a sort or a page turn (its id, link,
//! compare box and tick agree), and a Region facet of over 200 choices folded away until opened.

use e2e::app::edit_json;
use e2e::dom::{self, facet_css, location_search, run_js, TableSnapshot};
use e2e::keyboard::{press, tab_to};
use e2e::wait::{wait_for, wait_for_css};
use e2e::E2e;
use fantoccini::key::Key;
use serde_json::Value;

/// Rows the edited copy holds: five full pages of 50 and a last page of 10.
const ROWS: usize = 260;
const PAGE: usize = 50;

/// Serves the app with the real inspections repeated, under new ids, names and regions, to
/// `ROWS` rows.
async fn start_long_table() -> E2e {
    E2e::start_with_edited_copy(|dist| {
        edit_json(&dist.join("data/ratings.json"), |doc| {
            let real = doc["inspections"].as_array().unwrap().clone();
            let rows: Vec<Value> = (0..ROWS)
                .map(|n| {
                    let mut row = real[n % real.len()].clone();
                    row["id"] = format!("long-{n}").into();
                    let name = format!("{} (copy {n})", row["organisation"].as_str().unwrap());
                    row["organisation"] = name.into();
                    // A region each, so the Region facet has more choices than are drawn unasked.
                    row["region"] = format!("Area {n}").into();
                    row
                })
                .collect();
            doc["inspections"] = rows.into();
        })
    })
    .await
}

/// Every drawn row's id, organisation link and compare box describe the same inspection; returns
/// the first problem found.
const ROWS_AGREE_JS: &str = r#"
for (const tr of document.querySelectorAll('table.league-table tbody tr')) {
  const id = tr.getAttribute('data-id');
  const link = tr.querySelector('th[data-col="organisation"] a');
  const box = tr.querySelector('td[data-col="pick"] input');
  if (link.getAttribute('href') !== '/inspections/' + id) { return `row ${id} links to ${link.getAttribute('href')}`; }
  if (box.getAttribute('aria-label') !== 'Compare ' + (link.getAttribute('aria-label') || link.textContent.trim())) { return `row ${id} has box ${box.getAttribute('aria-label')}`; }
}
return null;
"#;

async fn assert_rows_agree(client: &fantoccini::Client) {
    let problem = run_js(client, ROWS_AGREE_JS, vec![]).await;
    assert!(problem.is_null(), "{problem}");
}

async fn pager_text(client: &fantoccini::Client) -> String {
    dom::text_of(client, "nav.pager span")
        .await
        .unwrap_or_default()
}

async fn settle(e2e: &E2e, what: &str, ready: impl Fn(&TableSnapshot) -> bool) -> TableSnapshot {
    let snap = dom::settle_table(e2e.client(), ready).await;
    assert_rows_agree(e2e.client()).await;
    assert!(!snap.rows.is_empty(), "{what}: {}", snap.summary());
    snap
}

#[tokio::test]
async fn long_tables_page_and_every_place_shows_its_own_row() {
    let e2e = start_long_table().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    let first = settle(&e2e, "first page", |s| {
        s.rows.len() == PAGE && s.shown.as_deref() == Some(&dom::shown_text(ROWS, ROWS)[..])
    })
    .await;
    assert_eq!(first.rows.len(), PAGE, "{}", first.summary());
    assert_eq!(pager_text(client).await, "Page 1 of 6");

    dom::click(client, "nav.pager button:last-of-type").await;
    let second = settle(&e2e, "second page", |s| s.ids() != first.ids()).await;
    assert_eq!(second.rows.len(), PAGE);
    assert!(location_search(client).await.contains("page=2"));
    assert_eq!(pager_text(client).await, "Page 2 of 6");

    // Tick a row, then sort: the tick follows the inspection, not the place on the page.
    let ticked = second.rows[3].id.clone().unwrap();
    dom::click(
        client,
        &format!("tr[data-id=\"{ticked}\"] td[data-col=pick] input"),
    )
    .await;
    dom::click_sort(client, "organisation").await;
    let sorted = settle(&e2e, "sorted by organisation", |s| {
        s.sort.get("organisation") == Some(&Some("ascending".into()))
    })
    .await;
    let names = sorted.column("organisation");
    let mut in_order = names.clone();
    in_order.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, in_order, "sorting by organisation, A to Z");
    assert!(
        !location_search(client).await.contains("page="),
        "a new sort starts at the first page"
    );
    let checked = run_js(
        client,
        "return Array.from(document.querySelectorAll('tbody td[data-col=pick] input'))\
           .filter((box) => box.checked).map((box) => box.closest('tr').getAttribute('data-id'));",
        vec![],
    )
    .await;
    let on_page = sorted.ids().contains(&ticked);
    let expected: Vec<&str> = if on_page { vec![&ticked] } else { vec![] };
    assert_eq!(checked, serde_json::json!(expected), "ticked {ticked}");

    // The last page is short, and a reload restores it.
    e2e.goto("/league-table?page=6").await;
    let last = settle(&e2e, "last page", |s| s.rows.len() == ROWS - 5 * PAGE).await;
    assert_eq!(last.rows.len(), ROWS - 5 * PAGE, "{}", last.summary());
    e2e.reload().await;
    let again = settle(&e2e, "last page after reload", |s| {
        s.rows.len() == ROWS - 5 * PAGE
    })
    .await;
    assert_eq!(again.ids(), last.ids());
    assert_eq!(pager_text(client).await, "Page 6 of 6");
    e2e.stop().await;
}

/// Every drawn row as text: each element with its attributes in name order, a box's tick, and
/// words; so two drawings compare equal when they show the same, whatever order attributes
/// were set in.
const ROWS_MARKUP_JS: &str = r#"
const canon = (node) => {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.data);
  const attributes = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
  if (node.localName === 'input') attributes.push(`(checked ${node.checked})`);
  return `<${node.localName} ${attributes.join(' ')}>${[...node.childNodes].map(canon).join('')}</>`;
};
return [...document.querySelectorAll('table.league-table tbody tr')].map(canon);
"#;

async fn rows_markup(client: &fantoccini::Client) -> Vec<String> {
    serde_json::from_value(run_js(client, ROWS_MARKUP_JS, vec![]).await).unwrap()
}

/// Rows are rewritten in place as the view changes: after each of a run of sorts, page turns,
/// ticks and column changes, the rows must be drawn exactly as the same address draws them
/// loaded afresh, with nothing left over from the rows shown before.
#[tokio::test]
async fn rows_redrawn_in_place_match_the_same_view_loaded_afresh() {
    let e2e = start_long_table().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    settle(&e2e, "first page", |s| s.rows.len() == PAGE).await;
    let standard = run_js(
        client,
        "return document.querySelector('th button[data-sort^=\"std-\"]').dataset.sort;",
        vec![],
    )
    .await;
    let standard = standard.as_str().expect("a standard column").to_owned();
    let first_group = "input[name=columns]";
    let next_page = "nav.pager button:last-of-type";
    let tick = "table.league-table tbody tr:nth-child(2) td[data-col=pick] input";
    // The kind with fewest rows in the long table fills less than a page, so filtering to it
    // removes places and clearing it adds them back.
    let real = e2e::app::inspections();
    let long_table: Vec<_> = (0..ROWS).map(|n| real[n % real.len()].clone()).collect();
    let (rare_kind, rare_rows) = e2e::app::count_by_kind(&long_table)
        .into_iter()
        .min_by_key(|(_, rows)| *rows)
        .unwrap();
    assert!(
        rare_rows < PAGE,
        "{rare_kind} has {rare_rows} rows, a page or more"
    );
    let rare_token = long_table
        .iter()
        .find(|i| i.kind == rare_kind)
        .unwrap()
        .kind_token();
    let rare = facet_css("kind", &rare_token);
    // What each step changes: which rows, and with them bands, unknowns and links; the page;
    // a tick; fewer columns, then more again; fewer rows, then more again.
    let steps: Vec<(&str, String)> = vec![
        (
            "sort by overall band",
            "th button[data-sort=overall]".into(),
        ),
        ("next page", next_page.into()),
        ("tick a row", tick.into()),
        (
            "sort by a standard",
            format!("th button[data-sort=\"{standard}\"]"),
        ),
        ("hide a group of standards", first_group.into()),
        ("show only the rarest kind", rare.clone()),
        ("sort by region", "th button[data-sort=region]".into()),
        ("show the group again", first_group.into()),
        ("show every kind again", rare),
        (
            "sort by a standard the other way",
            format!("th button[data-sort=\"{standard}\"]"),
        ),
    ];
    let mut ticked = None;
    let mut seen = Vec::new();
    for (step, css) in &steps {
        if css == tick {
            let row = run_js(
                client,
                "return document.querySelector('table.league-table tbody tr:nth-child(2)').dataset.id;",
                vec![],
            )
            .await;
            ticked = row.as_str().map(str::to_owned);
        }
        let before = (location_search(client).await, rows_markup(client).await);
        dom::click(client, css).await;
        // Every step but the tick is part of the address. The address and the rows change in
        // separate tasks, so both must have changed before the rows are read as the step's.
        let moves_address = css != tick;
        let after = wait_for(&format!("the table to change after '{step}'"), || async {
            let now = (location_search(client).await, rows_markup(client).await);
            match (now.0 != before.0, now.1 != before.1) {
                (address, true) if address == moves_address => Ok(now),
                (address, rows) => Err(format!("address changed: {address}, rows changed: {rows}")),
            }
        })
        .await;
        assert_rows_agree(client).await;
        // Only the ticked inspection's box is ticked, wherever its row now is.
        for row in &after.1 {
            let is_ticked = ticked
                .as_ref()
                .is_some_and(|id| row.starts_with(&format!("<tr data-id=\"{id}\">")));
            assert_eq!(
                row.contains("(checked true)"),
                is_ticked,
                "after '{step}': {}",
                &row[..row.find('>').unwrap_or(row.len())]
            );
        }
        seen.push((*step, after));
    }
    assert!(
        seen.iter().any(|(_, (_, rows))| rows.len() == rare_rows),
        "the rarest kind's {rare_rows} rows were shown"
    );
    // A tick is not part of the address: a fresh load draws every box unticked.
    let unticked = |rows: &[String]| -> Vec<String> {
        rows.iter()
            .map(|row| row.replace("(checked true)", "(checked false)"))
            .collect()
    };
    for (step, (search, rows)) in seen {
        e2e.goto(&format!("/league-table{search}")).await;
        let fresh = wait_for(
            &format!("'{search}' to draw {} rows", rows.len()),
            || async {
                let fresh = rows_markup(client).await;
                if fresh.len() == rows.len() {
                    Ok(fresh)
                } else {
                    Err(format!("{} rows", fresh.len()))
                }
            },
        )
        .await;
        let stepped = unticked(&rows);
        for (at, (stepped, fresh)) in stepped.iter().zip(&fresh).enumerate() {
            assert_eq!(stepped, fresh, "row {} after '{step}' ({search})", at + 1);
        }
    }
    e2e.stop().await;
}

#[tokio::test]
async fn the_pager_is_reached_and_turned_from_the_keyboard() {
    let e2e = start_long_table().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    let first = settle(&e2e, "first page", |s| s.rows.len() == PAGE).await;
    // Past the filters with the table's skip link, then Tab through the table to "Next page".
    tab_to(client, "a.skip-to-table", false, 10).await;
    press(client, Key::Enter).await;
    tab_to(client, "nav.pager button:last-of-type", false, 4 * PAGE).await;
    press(client, Key::Enter).await;
    let second = settle(&e2e, "second page", |s| s.ids() != first.ids()).await;
    assert_eq!(second.rows.len(), PAGE);
    assert_eq!(pager_text(client).await, "Page 2 of 6");
    // Shift+Tab to "Previous page" and press Space: back to the first page.
    tab_to(client, "nav.pager button:first-of-type", true, 3).await;
    press(client, Key::Space).await;
    let back = settle(&e2e, "first page again", |s| s.ids() == first.ids()).await;
    assert_eq!(back.ids(), first.ids());
    assert_eq!(pager_text(client).await, "Page 1 of 6");
    e2e.stop().await;
}

#[tokio::test]
async fn a_facet_with_many_choices_opens_on_demand_and_stays_open_while_chosen() {
    let e2e = start_long_table().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    wait_for_css(client, "#facet-region details summary").await;
    let region_boxes = "input[type=checkbox][name=region]";
    let drawn = run_js(
        client,
        "return document.querySelectorAll(arguments[0]).length;",
        vec![region_boxes.into()],
    )
    .await;
    assert_eq!(drawn, 0, "region choices are not drawn while folded");
    // Short facets stay open.
    wait_for_css(client, &facet_css("kind", "crc")).await;

    dom::click(client, "#facet-region summary").await;
    let first = wait_for("region choices to be drawn", || async {
        let value = run_js(
            client,
            "const box = document.querySelector(arguments[0]); return box ? box.value : null;",
            vec![region_boxes.into()],
        )
        .await;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| "none yet".to_owned())
    })
    .await;
    let total = run_js(
        client,
        "return document.querySelectorAll(arguments[0]).length;",
        vec![region_boxes.into()],
    )
    .await;
    dom::click(client, &facet_css("region", &first)).await;
    let summary = format!("1 of {total} chosen");
    e2e::wait::wait_for_text(client, "#facet-region summary", &summary).await;

    // Reloaded with a region chosen, the facet opens by itself with its box ticked.
    e2e.reload().await;
    wait_for_css(client, &facet_css("region", &first)).await;
    assert_eq!(
        dom::is_checked(client, &facet_css("region", &first)).await,
        Some(true)
    );
    e2e.stop().await;
}

/// The real data's regions are all on the page as checkboxes, to tick directly.
#[tokio::test]
async fn a_facet_of_up_to_200_choices_is_drawn_whole() {
    let doc = e2e::raw::ratings();
    let regions: std::collections::BTreeSet<&str> = e2e::raw::list(&doc, "inspections")
        .iter()
        .filter_map(|i| i["region"].as_str())
        .collect();
    assert!(
        regions.len() > 12,
        "enough regions to have been folded before"
    );
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    wait_for_css(client, "input[type=checkbox][name=region]").await;
    let drawn = run_js(
        client,
        "return [document.querySelectorAll('#facet-region details').length,\
           Array.from(document.querySelectorAll('input[type=checkbox][name=region]'))\
             .map(box => box.value)];",
        vec![],
    )
    .await;
    assert_eq!(drawn[0], 0, "not folded");
    // Each region is a choice, by its exact value (an unknown region adds one more).
    let values: std::collections::BTreeSet<&str> = drawn[1]
        .as_array()
        .expect("values")
        .iter()
        .filter_map(serde_json::Value::as_str)
        .collect();
    for region in &regions {
        assert!(
            values.contains(region),
            "a checkbox for {region}: {values:?}"
        );
    }
    e2e.stop().await;
}
