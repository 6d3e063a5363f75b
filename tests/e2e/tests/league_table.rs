//! The league table at /league-table, checked against dist/data/ratings.json.

use std::collections::BTreeSet;

use e2e::app::{self, band_rank, Inspection, BANDS, NOT_PUBLISHED};
use e2e::dom::{self, shown_text, TableSnapshot};
use e2e::keyboard::press_key;
use e2e::script::wait_for_value;
use e2e::E2e;
use fantoccini::key::Key;

#[tokio::test]
async fn league_table_shows_every_inspection() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;

    let snap = dom::open_table(&e2e, n).await;
    assert_eq!(
        snap.rows.len(),
        n,
        "one row per inspection in ratings.json ({})",
        snap.summary()
    );

    let shown_ids = snap.ids();
    let shown_set: BTreeSet<&str> = shown_ids.iter().map(String::as_str).collect();
    assert_eq!(
        shown_set.len(),
        shown_ids.len(),
        "duplicate data-id among rows: {shown_ids:?}"
    );
    let expected_set: BTreeSet<&str> = inspections.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        shown_set, expected_set,
        "row data-ids differ from the inspection ids"
    );

    assert_eq!(
        snap.shown.as_deref(),
        Some(shown_text(n, n).as_str()),
        "#shown-count"
    );

    // Every row shows its inspection's own data.
    for row in &snap.rows {
        let id = row.id.as_deref().unwrap_or_default();
        let expected: &Inspection = inspections
            .iter()
            .find(|i| i.id == id)
            .expect("id checked above");
        assert_eq!(
            row.cell("organisation"),
            expected.organisation,
            "organisation of {id}"
        );
        assert_eq!(row.cell("kind"), expected.kind, "kind of {id}");
        assert_eq!(
            row.cell("overall"),
            expected.overall_text(),
            "overall of {id}"
        );
    }

    let title = dom::title(e2e.client()).await;
    assert!(
        title.contains("League table"),
        "document.title {title:?} should contain \"League table\""
    );

    e2e.stop().await;
}

/// Asserts the overall column reads in `order` of band rank (best-first when
/// `best_first`), with "Not published" always last, and holds the same values as the data.
fn assert_overall_order(snap: &TableSnapshot, inspections: &[Inspection], best_first: bool) {
    let column = snap.column("overall");
    let ranks: Vec<usize> = column
        .iter()
        .map(|t| {
            band_rank(t)
                .unwrap_or_else(|| panic!("unexpected overall text {t:?}; column: {column:?}"))
        })
        .collect();
    let unknown = BANDS.len();
    let key = |r: usize| -> usize {
        if r == unknown {
            usize::MAX // unknowns last in both directions
        } else if best_first {
            r
        } else {
            unknown - 1 - r
        }
    };
    for (i, pair) in ranks.windows(2).enumerate() {
        assert!(
            key(pair[0]) <= key(pair[1]),
            "overall column out of order ({}) at rows {i}/{}: {:?} before {:?}\ncolumn: {column:?}",
            if best_first {
                "best first"
            } else {
                "worst first"
            },
            i + 1,
            column[i],
            column[i + 1],
        );
    }
    let mut shown: Vec<&str> = column.iter().map(String::as_str).collect();
    let mut expected: Vec<&str> = inspections.iter().map(Inspection::overall_text).collect();
    shown.sort_unstable();
    expected.sort_unstable();
    assert_eq!(
        shown, expected,
        "overall values shown differ from ratings.json"
    );
}

/// Whether the overall header is marked sorted in `direction`.
fn overall_sorted(snap: &TableSnapshot, direction: &str) -> bool {
    snap.sort.get("overall").and_then(|v| v.as_deref()) == Some(direction)
}

#[tokio::test]
async fn sort_by_overall_band_both_ways() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    let initial = dom::open_table(&e2e, n).await;
    assert_eq!(
        initial.rows.len(),
        n,
        "table before sorting ({})",
        initial.summary()
    );

    // Whatever the initial sort is, the rows must match what the headers claim.
    if overall_sorted(&initial, "descending") {
        assert_overall_order(&initial, &inspections, true);
    } else if overall_sorted(&initial, "ascending") {
        assert_overall_order(&initial, &inspections, false);
    }

    // The app may start sorted by overall; sort by another column first so that the next
    // click on overall is a first click on it.
    dom::click_sort(client, "organisation").await;
    let snap = dom::settle_table(client, |s| {
        s.sorted_columns().first().map(|(k, _)| k.as_str()) == Some("organisation")
    })
    .await;
    assert_eq!(
        snap.sorted_columns()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>(),
        vec!["organisation"],
        "after a click on organisation only its header is sorted ({:?})",
        snap.sort
    );

    click_overall_and_check(client, &inspections, "descending", "a first click").await;
    click_overall_and_check(client, &inspections, "ascending", "a second click").await;

    e2e.stop().await;
}

#[tokio::test]
async fn kind_filter_shows_only_that_kind() {
    let inspections = app::inspections();
    let n = inspections.len();
    let by_kind = app::count_by_kind(&inspections);
    let e2e = E2e::start().await;
    let client = e2e.client();
    dom::open_table(&e2e, n).await;

    for (kind, &count) in &by_kind {
        let token = inspections
            .iter()
            .find(|i| &i.kind == kind)
            .unwrap()
            .kind_token();
        let checkbox = dom::facet_css("kind", &token);
        assert_eq!(
            dom::facet_count(client, "kind", &token).await,
            Some(count),
            "count beside kind {kind:?}"
        );
        dom::click(client, &checkbox).await;
        let snap = dom::settle_table(client, |s| {
            s.rows.len() == count && s.rows.iter().all(|r| r.cells.get("kind") == Some(kind))
        })
        .await;
        assert_eq!(
            snap.rows.len(),
            count,
            "rows for kind {kind:?} ({})",
            snap.summary()
        );
        let shown: BTreeSet<String> = snap.ids().into_iter().collect();
        let expected: BTreeSet<String> = inspections
            .iter()
            .filter(|i| &i.kind == kind)
            .map(|i| i.id.clone())
            .collect();
        assert_eq!(shown, expected, "ids shown for kind {kind:?}");
        assert_eq!(
            snap.shown.as_deref(),
            Some(shown_text(count, n).as_str()),
            "#shown-count for {kind:?}"
        );
        // Untick: every row again.
        dom::click(client, &checkbox).await;
        let snap = dom::settle_table(client, |s| s.rows.len() == n).await;
        assert_eq!(
            snap.rows.len(),
            n,
            "unticking {kind:?} shows every row again"
        );
    }

    e2e.stop().await;
}

/// Clicks the overall header, waits for it to be sorted in `direction`, and checks that only it
/// is sorted, every row is kept, bands run by meaning, and unknown bands come last.
async fn click_overall_and_check(
    client: &fantoccini::Client,
    inspections: &[Inspection],
    direction: &str,
    which: &str,
) {
    dom::click_sort(client, "overall").await;
    let snap = dom::settle_table(client, |s| overall_sorted(s, direction)).await;
    assert_eq!(
        snap.sorted_columns(),
        vec![("overall".to_owned(), direction.to_owned())],
        "{which} on overall sorts it {direction}, and only it ({:?})",
        snap.sort
    );
    assert_eq!(
        snap.rows.len(),
        inspections.len(),
        "sorting keeps every row"
    );
    assert_overall_order(&snap, inspections, direction == "descending");
    if inspections.iter().any(|i| i.overall.is_none()) {
        assert_eq!(
            snap.column("overall").last().map(String::as_str),
            Some(NOT_PUBLISHED)
        );
    }
}

/// Marks every row's element with its inspection id (a property the app never reads), then
/// says which rows still carry their own mark: `[rows, rows whose element is the one marked]`.
const MARK_ROWS: &str = "document.querySelectorAll('table.league-table tbody tr')\
    .forEach(tr => { tr.markedAs = tr.dataset.id; }); return null;";
const MARKS_KEPT: &str =
    "const rows = Array.from(document.querySelectorAll('table.league-table tbody tr'));\
    return [rows.length, rows.filter(tr => tr.markedAs === tr.dataset.id).length];";

/// Rendering is keyed: after a sort, and after a filter that keeps some rows, each row still on
/// screen is the same element as before, moved rather than rewritten with another inspection.
#[tokio::test]
async fn rows_keep_their_elements_through_a_sort_and_a_filter() {
    let inspections = app::inspections();
    let n = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    let before = dom::open_table(&e2e, n).await;
    let order = |snap: &TableSnapshot| snap.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();

    dom::run_js(client, MARK_ROWS, vec![]).await;
    dom::click_sort(client, "organisation").await;
    let sorted = dom::settle_table(client, |s| {
        s.sorted_columns().first().map(|(k, _)| k.as_str()) == Some("organisation")
    })
    .await;
    assert_ne!(order(&sorted), order(&before), "the sort moved rows");
    let shown = before.rows.len();
    let kept = dom::run_js(client, MARKS_KEPT, vec![]).await;
    assert_eq!(
        kept,
        serde_json::json!([shown, shown]),
        "[rows, rows on their own element]"
    );

    let kind = inspections[0].kind_token();
    let count = inspections
        .iter()
        .filter(|i| i.kind == inspections[0].kind)
        .count();
    dom::click(client, &dom::facet_css("kind", &kind)).await;
    let filtered = dom::settle_table(client, |s| {
        s.shown.as_deref() == Some(&shown_text(count, n))
    })
    .await
    .rows
    .len();
    let kept = dom::run_js(client, MARKS_KEPT, vec![]).await;
    assert_eq!(
        kept,
        serde_json::json!([filtered, filtered]),
        "[rows, rows on their own element]"
    );
    e2e.stop().await;
}

/// An address typed by hand with the kind as the table shows it, in any case ("NPS DIVISION"),
/// filters as the canonical token does.
#[tokio::test]
async fn a_hand_typed_kind_in_the_address_filters_the_table() {
    let inspections = app::inspections();
    let first = &inspections[0];
    let count = inspections.iter().filter(|i| i.kind == first.kind).count();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!(
        "/league-table?kind={}",
        first.kind.to_uppercase().replace(' ', "%20")
    ))
    .await;
    let snap = dom::settle_table(client, |s| s.rows.len() == count).await;
    assert!(
        snap.rows
            .iter()
            .all(|r| r.cells.get("kind") == Some(&first.kind)),
        "only {:?} rows ({})",
        first.kind,
        snap.summary()
    );
    assert_eq!(
        dom::is_checked(client, &dom::facet_css("kind", &first.kind_token())).await,
        Some(true)
    );
    e2e.stop().await;
}

/// Whether, within each run of rows with the same `primary` text, the `secondary` texts are in
/// order (case ignored), `ascending` or not.
fn ordered_within(snap: &TableSnapshot, primary: &str, secondary: &str, ascending: bool) -> bool {
    let rows: Vec<(String, String)> = snap
        .column(primary)
        .into_iter()
        .zip(snap.column(secondary).into_iter().map(|s| s.to_lowercase()))
        .collect();
    rows.windows(2).all(|pair| {
        let ((p1, s1), (p2, s2)) = (&pair[0], &pair[1]);
        p1 != p2 || if ascending { s1 <= s2 } else { s1 >= s2 }
    })
}

/// "Then sort by" and its direction, and shift-click on a header, order the rows within the
/// first key, live in the address, and leave `aria-sort` on the first key's header only.
#[tokio::test]
async fn a_second_sort_key_orders_rows_within_the_first() {
    let n = app::inspections().len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    dom::open_table(&e2e, n).await;
    dom::click_sort(client, "kind").await;
    dom::settle_table(client, |s| {
        s.sorted_columns() == [("kind".into(), "ascending".into())]
    })
    .await;
    // No second key yet: its direction is disabled and not blank.
    let direction = dom::run_js(
        client,
        "const s = document.querySelector('#sort-then-direction');
         return [s.disabled, s.selectedIndex >= 0 ? s.options[s.selectedIndex].text : null];",
        vec![],
    )
    .await;
    assert_eq!(direction, serde_json::json!([true, "—"]));

    dom::choose_option(client, "#sort-then", "organisation").await;
    let snap = dom::settle_table(client, |s| ordered_within(s, "kind", "organisation", true)).await;
    assert!(
        ordered_within(&snap, "kind", "organisation", true),
        "{}",
        snap.summary()
    );
    assert!(
        !ordered_within(&snap, "kind", "organisation", false),
        "a test that can fail"
    );
    assert_eq!(snap.sorted_columns(), [("kind".into(), "ascending".into())]);
    assert_eq!(
        dom::location_search(client).await,
        "?sort=kind,organisation"
    );
    assert_eq!(
        dom::value_of(client, "#sort-then-direction")
            .await
            .as_deref(),
        Some("ascending")
    );

    dom::choose_option(client, "#sort-then-direction", "descending").await;
    let snap =
        dom::settle_table(client, |s| ordered_within(s, "kind", "organisation", false)).await;
    assert!(
        ordered_within(&snap, "kind", "organisation", false),
        "{}",
        snap.summary()
    );
    assert_eq!(
        dom::location_search(client).await,
        "?sort=kind,-organisation"
    );

    // Shift-click on a header makes it the second key instead.
    dom::run_js(
        client,
        "document.querySelector('button[data-sort=region]').dispatchEvent(
           new MouseEvent('click', { bubbles: true, shiftKey: true }));",
        vec![],
    )
    .await;
    let snap = dom::settle_table(client, |s| ordered_within(s, "kind", "region", true)).await;
    assert!(
        ordered_within(&snap, "kind", "region", true),
        "{}",
        snap.summary()
    );
    assert_eq!(dom::location_search(client).await, "?sort=kind,region");
    assert_eq!(
        dom::value_of(client, "#sort-then").await.as_deref(),
        Some("region")
    );
    assert_eq!(snap.sorted_columns(), [("kind".into(), "ascending".into())]);

    // From the keyboard, Shift with Enter or Space on a header does the same.
    for (column, key) in [("owner", Key::Enter), ("published", Key::Space)] {
        dom::run_js(
            client,
            "document.querySelector(`button[data-sort=${arguments[0]}]`).focus();",
            vec![column.into()],
        )
        .await;
        press_key(client, key, true).await;
        // Either direction: each column starts in its own.
        wait_for_value(
            client,
            &format!("{column} as the second key after Shift with a key on it"),
            "return ['?sort=kind,', '?sort=kind,-'].map((s) => s + arguments[0])
                 .includes(location.search) ? true : null;",
            vec![column.into()],
        )
        .await;
    }
    e2e.stop().await;
}
