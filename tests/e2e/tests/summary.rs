//! The summary above the league table: counts by overall band per kind and round, as a chart
//! described in words and as a data table, checked against dist/data/ratings.json.

use std::collections::BTreeMap;

use e2e::app::{BANDS, NOT_PUBLISHED};
use e2e::dom::run_js;
use e2e::raw::{list, ratings};
use e2e::script::wait_for_value;
use e2e::E2e;
use serde_json::json;

/// Counts by (kind, round as text or "") then by overall band name ("Not published" for none).
fn expected_counts() -> BTreeMap<(String, String), BTreeMap<String, u64>> {
    let doc = ratings();
    let mut counts: BTreeMap<(String, String), BTreeMap<String, u64>> = BTreeMap::new();
    for i in list(&doc, "inspections") {
        let kind = i["kind"].as_str().unwrap_or_default().to_owned();
        let round = i["round"]
            .as_u64()
            .map(|r| r.to_string())
            .unwrap_or_default();
        let band = i["overall"].as_str().unwrap_or(NOT_PUBLISHED).to_owned();
        *counts
            .entry((kind, round))
            .or_default()
            .entry(band)
            .or_default() += 1;
    }
    counts
}

#[tokio::test]
async fn summary_table_counts_every_kind_and_round_from_the_data() {
    let expected = expected_counts();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    // Each row: kind, round, then the cells by column heading.
    let rows = wait_for_value(
        client,
        "the summary's data table",
        "const table = document.querySelector('table.band-summary-table');\
         if (!table || !table.querySelector('caption')) return null;\
         const heads = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());\
         return Array.from(table.querySelectorAll('tbody tr')).map(tr => {\
           const cells = {};\
           Array.from(tr.children).forEach((cell, i) => { cells[heads[i]] = cell.textContent.trim(); });\
           return [tr.getAttribute('data-kind'), tr.getAttribute('data-round') || '', cells];\
         });",
        vec![],
    )
    .await;
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), expected.len(), "one row per kind and round");
    for row in rows {
        let key = (
            row[0].as_str().unwrap_or_default().to_owned(),
            row[1].as_str().unwrap_or_default().to_owned(),
        );
        let counts = expected
            .get(&key)
            .unwrap_or_else(|| panic!("a row for {key:?}, which the data does not have"));
        for band in BANDS.iter().chain([&NOT_PUBLISHED]) {
            let want = counts.get(*band).copied().unwrap_or(0);
            assert_eq!(row[2][*band], json!(want.to_string()), "{key:?}: {band}");
        }
        let total: u64 = counts.values().sum();
        assert_eq!(row[2]["Total"], json!(total.to_string()), "{key:?}: total");
    }

    // The chart is one image for assistive technology, described in words, and every bar
    // carries its band name and count as text.
    let chart = run_js(
        client,
        "const svg = document.querySelector('svg.band-chart');\
         if (!svg) return null;\
         const bars = Array.from(svg.querySelectorAll('.chart-bar')).map(g =>\
           Array.from(g.querySelectorAll('text')).map(t => t.textContent.trim()));\
         return [svg.getAttribute('role'), svg.getAttribute('aria-label'), bars];",
        vec![],
    )
    .await;
    assert_eq!(chart[0], "img");
    let label = chart[1].as_str().unwrap_or_default();
    let bars = chart[2].as_array().expect("bars");
    let nonzero: usize = expected.values().map(BTreeMap::len).sum();
    assert_eq!(bars.len(), nonzero, "one bar per band present in a group");
    for bar in bars {
        let band = bar[0].as_str().unwrap_or_default();
        let count = bar[1].as_str().unwrap_or_default();
        assert!(
            BANDS.contains(&band) || band == NOT_PUBLISHED,
            "bar labelled {bar}"
        );
        assert!(
            label.contains(&format!("{count} {band}")),
            "the chart's description {label:?} includes {count} {band}"
        );
    }

    // Above the table, as a summary of what follows: first in the page's order and on screen.
    let placement = run_js(
        client,
        "const summary = document.querySelector('.band-summary');\
         const table = document.querySelector('table.league-table');\
         return [!!(summary.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING),\
           summary.getBoundingClientRect().bottom <= table.getBoundingClientRect().top];",
        vec![],
    )
    .await;
    assert_eq!(
        placement,
        json!([true, true]),
        "the summary comes before the table"
    );
    e2e.stop().await;
}

/// The size the chart's labels are drawn at, in CSS pixels, and whether any label or count
/// reaches past the chart's edges (by more than a glyph's overhang).
const CHART_TEXT: &str = r#"
const svg = document.querySelector('svg.band-chart');
if (!svg) { return null; }
const box = svg.getBoundingClientRect();
const scale = box.width / svg.viewBox.baseVal.width;
const size = parseFloat(getComputedStyle(svg.querySelector('.chart-label')).fontSize) * scale;
const past = Array.from(svg.querySelectorAll('text'))
  .some((t) => t.getBoundingClientRect().right > box.right + 1.5 || t.getBoundingClientRect().left < box.left - 1.5);
return [Math.round(size * 10) / 10, past];
"#;

/// On a phone the chart is scaled down, but its labels stay at least 11 px, and at every
/// width every label and count fits inside it.
#[tokio::test]
async fn the_chart_text_stays_readable_and_inside_the_chart() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, least) in [(320, 10.0), (360, 11.5), (1280, 13.5)] {
        e2e.set_viewport(width, 740).await;
        e2e.goto("/league-table").await;
        let seen = wait_for_value(client, "the chart", CHART_TEXT, vec![]).await;
        let size = seen[0].as_f64().expect("a text size");
        assert!(size >= least, "at {width}px the labels are {size}px");
        assert_eq!(
            seen[1],
            json!(false),
            "at {width}px a label reaches outside"
        );
    }
    e2e.stop().await;
}

/// Where chart and figures sit side by side (from 72rem), the figures table has room for all
/// its columns: nobody has to scroll it sideways to find a count.
#[tokio::test]
async fn on_a_wide_screen_the_figures_table_shows_every_column() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for width in [1152, 1280, 1600] {
        e2e.set_viewport(width, 900).await;
        e2e.goto("/league-table").await;
        let sizes = wait_for_value(
            client,
            "the figures table",
            r#"const box = document.querySelector('.band-summary-figures .table-scroll');
               return box && box.querySelector('tbody tr') ? [box.scrollWidth, box.clientWidth] : null;"#,
            vec![],
        )
        .await;
        let (wide, room) = (sizes[0].as_u64().unwrap(), sizes[1].as_u64().unwrap());
        assert!(
            wide <= room,
            "at {width}px the figures table is {wide}px wide in a {room}px box"
        );
    }
    e2e.stop().await;
}
