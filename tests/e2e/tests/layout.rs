//! Every main route on a phone and a desktop: it renders a heading, the page never scrolls
//! sideways, every control is at least 24 by 24 px to tap, and a screenshot is saved under
//! test-output/screenshots/<engine>/ for a person to look at. And text at 200% in a narrow
//! window (as 200% zoom of a 1280 px window gives) loses nothing.

use e2e::a11y::small_targets;
use e2e::app;
use e2e::dom::{self, run_js};
use e2e::keyboard::press_key;
use e2e::output::screenshots_dir;
use e2e::script::wait_for_value;
use e2e::wait::wait_for_css;
use e2e::E2e;
use fantoccini::key::Key;
use serde_json::json;

const VIEWPORTS: [(u32, u32); 2] = [(360, 740), (1280, 800)];

/// WCAG 2.5.8's minimum target size, in CSS pixels.
const MIN_TARGET: u32 = 24;

/// Elements (outside the table's own scroller) that stick out of the page's width, or text
/// clipped by its box: content a reader at 200% would lose.
const LOST_CONTENT: &str = r#"
const width = document.documentElement.clientWidth;
const lost = [];
document.querySelectorAll('body *').forEach((el) => {
  if (el.closest('.table-scroll, .visually-hidden, .skip-link, noscript, script, style')) { return; }
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) { return; }
  const style = getComputedStyle(el);
  const clipsText = style.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1;
  if (r.left < -1 || r.right > width + 1 || clipsText) {
    lost.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}" ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
  }
});
return lost;
"#;

/// Fails, naming the page as `page`, if it sticks out of the window's width or clips text.
async fn assert_loses_nothing(client: &fantoccini::Client, page: &str) {
    let lost = run_js(client, LOST_CONTENT, vec![]).await;
    assert_eq!(
        lost.as_array().map(Vec::len),
        Some(0),
        "{page} loses content: {lost:#}"
    );
    let widths = run_js(
        client,
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;",
        vec![],
    )
    .await;
    assert_eq!(widths, true, "{page} scrolls sideways");
}

#[tokio::test]
async fn main_routes_fit_phone_and_desktop_widths() {
    let routes = app::main_routes();
    let shots = screenshots_dir();
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        e2e.set_viewport(width, height).await;
        for app::Route { name, path, ready } in &routes {
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
            let small = small_targets(client, MIN_TARGET).await;
            assert!(
                small.is_empty(),
                "{path} at {width}px has controls under {MIN_TARGET}x{MIN_TARGET} px: {small:#?}"
            );
            let png = client.screenshot().await.expect("take a screenshot");
            std::fs::write(shots.join(format!("{name}-{width}x{height}.png")), png)
                .expect("save the screenshot");
        }
    }
    e2e.stop().await;
}

#[tokio::test]
async fn text_at_200_percent_in_a_narrow_window_loses_nothing() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    // 200% zoom of a 1280 px window lays the page out 640 CSS px wide with text twice the size.
    e2e.set_viewport(640, 800).await;
    for app::Route { path, ready, .. } in &app::main_routes() {
        e2e.goto(path).await;
        wait_for_css(client, ready).await;
        run_js(
            client,
            "document.documentElement.style.fontSize = '200%';",
            vec![],
        )
        .await;
        assert_loses_nothing(client, &format!("{path} with text at 200% in 640 px")).await;
    }
    e2e.stop().await;
}

/// A name with one very long word in the data (a pasted address, a name without spaces) wraps
/// on every page at a phone's width instead of making the page scroll sideways.
#[tokio::test]
async fn a_long_unbroken_word_in_the_data_widens_no_page() {
    let word = "Unbroken".repeat(50);
    let post = app::posts()
        .into_iter()
        .find(|post| !post.inspections.is_empty())
        .expect("a post that names an inspection");
    let routes = app::main_routes();
    let e2e = E2e::start_with_edited_copy(|dist| {
        app::edit_json(&dist.join("data/ratings.json"), |doc| {
            let named = |id: &serde_json::Value| {
                post.inspections
                    .iter()
                    .any(|named| Some(named.as_str()) == id.as_str())
            };
            for (at, inspection) in doc["inspections"]
                .as_array_mut()
                .expect("inspections")
                .iter_mut()
                .enumerate()
            {
                if at < 4 || named(&inspection["id"]) {
                    for field in ["organisation", "owner", "region"] {
                        inspection[field] = json!(word);
                    }
                }
            }
        })
    })
    .await;
    let client = e2e.client();
    e2e.set_viewport(360, 740).await;
    // Each page, and whether it names the inspections given the word (so it is drawn there
    // before the page is checked).
    let pages = routes
        .iter()
        .map(|route| {
            let names = ["league-table", "inspection", "compare"].contains(&route.name);
            (route.path.clone(), route.ready, names)
        })
        .chain([(
            format!("/posts/{}", post.slug),
            "ul.ratings-list li.rating",
            true,
        )]);
    for (path, ready, names) in pages {
        e2e.goto(&path).await;
        wait_for_css(client, ready).await;
        if names {
            wait_for_value(
                client,
                &format!("the long word on {path}"),
                "return document.querySelector('main').textContent.includes(arguments[0]) || null;",
                vec![word.clone().into()],
            )
            .await;
        }
        assert_loses_nothing(client, &format!("{path} with a long word in the data")).await;
    }
    e2e.stop().await;
}

/// After scrolling the box of the table `arguments[0]` down and sideways, where its head and
/// its first column sit against the box's inner edges: `[box top, head top, box left, left of
/// the head cell `arguments[1]` over the first column, left of the first column's cell in a
/// row under the head, scrollTop, scrollLeft, the most any head cell moved within the head]`.
const STICKY_PLACES: &str = r#"
const box = document.querySelector(arguments[0]).closest('.table-scroll');
const cells = Array.from(box.querySelectorAll('thead th, thead td'));
const within = () => {
  const top = box.querySelector('thead').getBoundingClientRect().top;
  return cells.map(cell => cell.getBoundingClientRect().top - top);
};
box.scrollTop = 0;
const before = within();
box.scrollTop = 400;
box.scrollLeft = 600;
// Reading a place lays the page out again, sticky offsets included.
const inner = box.getBoundingClientRect();
const head = box.querySelector('thead').getBoundingClientRect();
const orgHead = box.querySelector(arguments[1]).getBoundingClientRect();
const row = Array.from(box.querySelectorAll('tbody tr'))
  .find(tr => tr.getBoundingClientRect().top >= head.bottom);
const org = row.querySelector('th').getBoundingClientRect();
const moved = Math.max(...within().map((place, i) => Math.abs(place - before[i])));
return [inner.top + box.clientTop, head.top, inner.left + box.clientLeft, orgHead.left, org.left,
        box.scrollTop, box.scrollLeft, moved];
"#;

/// [`STICKY_PLACES`] for a table and the head cell over its first column.
async fn sticky_places(client: &fantoccini::Client, table: &str, corner: &str) -> [f64; 8] {
    let places: Vec<f64> = run_js(client, STICKY_PLACES, vec![json!(table), json!(corner)])
        .await
        .as_array()
        .expect("the places")
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect();
    places
        .try_into()
        .unwrap_or_else(|p| panic!("eight places: {p:?}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1.0
}

/// The whole league table, in a window of this size.
async fn full_table_at(e2e: &E2e, (width, height): (u32, u32)) {
    let total = app::inspections().len();
    e2e.set_viewport(width, height).await;
    e2e.goto("/league-table").await;
    dom::settle_table(e2e.client(), |s| s.rows.len() == total).await;
}

#[tokio::test]
async fn the_table_head_and_organisation_column_stay_in_view_as_it_scrolls() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        full_table_at(&e2e, (width, height)).await;
        let places = sticky_places(
            client,
            "table.league-table",
            "thead th[data-col=organisation]",
        )
        .await;
        let [box_top, head_top, box_left, org_head_left, org_left, down, across, moved] = places;
        assert!(
            down > 0.0 && across > 0.0,
            "at {width}px the table's box scrolls both ways: {places:?}"
        );
        assert!(
            close(head_top, box_top),
            "at {width}px the head stays at the top of the box: {places:?}"
        );
        assert!(
            close(org_head_left, box_left) && close(org_left, box_left),
            "at {width}px the organisation column stays at the left of the box: {places:?}"
        );
        assert!(
            close(moved, 0.0),
            "at {width}px every head cell keeps its place in the head: {places:?}"
        );
    }
    e2e.stop().await;
}

/// The compare table keeps the inspections' names (its head) and the facts' names (its first
/// column) in view as its box scrolls; on a phone it scrolls both ways.
#[tokio::test]
async fn the_compare_head_and_fact_names_stay_in_view_as_it_scrolls() {
    let ids: Vec<String> = app::inspections()
        .iter()
        .take(4)
        .map(|i| i.id.clone())
        .collect();
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        e2e.set_viewport(width, height).await;
        e2e.goto(&format!("/compare?ids={}", ids.join(","))).await;
        wait_for_css(client, "table.compare-table tbody tr").await;
        let places = sticky_places(client, "table.compare-table", "thead td").await;
        let [box_top, head_top, box_left, corner_left, name_left, down, across, moved] = places;
        assert!(down > 0.0, "at {width}px the box scrolls down: {places:?}");
        assert!(
            close(head_top, box_top),
            "at {width}px the head stays at the top of the box: {places:?}"
        );
        if width < 600 {
            assert!(
                across > 0.0,
                "at {width}px the box scrolls sideways: {places:?}"
            );
        }
        assert!(
            close(corner_left, box_left) && close(name_left, box_left),
            "at {width}px the facts' names stay at the left of the box: {places:?}"
        );
        assert!(
            close(moved, 0.0),
            "at {width}px every head cell keeps its place in the head: {places:?}"
        );
    }
    e2e.stop().await;
}

/// Where the focused element sits against the league table's head: `[its top, the head's
/// bottom]`, or `null` when focus is not in the table's body.
const FOCUS_AGAINST_HEAD: &str = r#"
const active = document.activeElement;
if (!active || !active.closest('.league-table tbody')) return null;
const head = document.querySelector('.league-table thead').getBoundingClientRect();
return [active.getBoundingClientRect().top, head.bottom];
"#;

/// Going back up the table with Shift+Tab from its last row, each row focused shows below the
/// sticky head, not under it.
#[tokio::test]
async fn keyboard_focus_going_up_the_table_shows_below_its_head() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        full_table_at(&e2e, (width, height)).await;
        run_js(
            client,
            "const box = document.querySelector('.league-table').closest('.table-scroll');\
             box.scrollTop = box.scrollHeight;\
             const links = box.querySelectorAll('tbody th a');\
             links[links.length - 1].focus();",
            vec![],
        )
        .await;
        for step in 0..24 {
            press_key(client, Key::Tab, true).await;
            let place = run_js(client, FOCUS_AGAINST_HEAD, vec![]).await;
            if let Some([top, head_bottom]) =
                place.as_array().map(|p| [p[0].as_f64(), p[1].as_f64()])
            {
                let (top, head_bottom) = (top.unwrap_or_default(), head_bottom.unwrap_or_default());
                assert!(
                    top >= head_bottom - 1.0,
                    "at {width}px, Shift+Tab {}: focus at {top} is under the head, which ends at {head_bottom}",
                    step + 1
                );
            }
        }
    }
    e2e.stop().await;
}

/// Scrolling the league table sideways step by step: `[the groups' names seen over the pinned
/// "Organisation" header, the steps at which the caption's words left the box, whether the
/// corner was on screen to look at every step]`.
const CORNER_AND_CAPTION: &str = r#"
const box = document.querySelector('.league-table').closest('.table-scroll');
const org = box.querySelector('thead th[data-col="organisation"]');
// The caption's words, wherever its markup puts them.
const caption = document.createRange();
caption.selectNodeContents(box.querySelector('caption'));
// Only what is on screen can be looked for at a point.
box.scrollIntoView({ block: 'start' });
const over = new Set();
const gone = [];
let looked = 0;
const end = box.scrollWidth - box.clientWidth;
const offsets = [];
for (let left = 0; left < end; left += 40) { offsets.push(left); }
offsets.push(end);
for (const left of offsets) {
  box.scrollLeft = left;
  const corner = org.getBoundingClientRect();
  const seen = document.elementFromPoint(corner.left + corner.width / 2, corner.top - 6);
  if (seen && box.contains(seen)) { looked += 1; }
  const group = seen && seen.closest('th[scope="colgroup"]');
  if (group) { over.add(group.textContent.trim()); }
  const words = caption.getBoundingClientRect();
  const inner = box.getBoundingClientRect();
  if (words.left < inner.left - 1 || words.left > inner.left + 40) { gone.push(left); }
}
return [Array.from(over), gone, looked === offsets.length];
"#;

/// Scrolled sideways, the standards' group names slide under a corner above the pinned
/// organisation header, not over it (where one would read as that column's group), and the
/// table's caption keeps its words in view.
#[tokio::test]
async fn scrolled_sideways_no_group_name_sits_over_the_organisation_header() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        full_table_at(&e2e, (width, height)).await;
        let seen = run_js(client, CORNER_AND_CAPTION, vec![]).await;
        assert_eq!(
            seen,
            json!([[], [], true]),
            "at {width}px: [group names over the corner, scroll offsets where the caption left, the corner on screen]"
        );
    }
    e2e.stop().await;
}

/// On a phone an inspection's standards show their bands without scrolling sideways: the
/// domain sits under each standard's name, not in a column of its own.
#[tokio::test]
async fn an_inspections_standards_fit_a_phone() {
    let inspection = app::inspections()
        .into_iter()
        .next()
        .expect("an inspection");
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.set_viewport(VIEWPORTS[0].0, VIEWPORTS[0].1).await;
    e2e.goto(&format!("/inspections/{}", inspection.id)).await;
    wait_for_css(client, "table.standards-table tbody tr").await;
    let sizes = run_js(
        client,
        "const t = document.querySelector('table.standards-table');\
         const box = t.closest('.table-scroll').getBoundingClientRect();\
         const bands = Array.from(t.querySelectorAll('[data-col=band]')).map(c => c.getBoundingClientRect().right);\
         return [t.scrollWidth <= t.parentElement.clientWidth, bands.every(r => r <= box.right + 1),\
                 innerWidth];",
        vec![],
    )
    .await;
    assert_eq!(
        (&sizes[0], &sizes[1]),
        (&json!(true), &json!(true)),
        "[fits, every band in view, window width]: {sizes}"
    );
    e2e.stop().await;
}

/// Whether the focused sort button shows in the league table's box: `[under the pinned
/// organisation header, starting inside the box, wholly inside or wider than the room beside
/// the pinned column, where it is]`, or `null` when focus is not on a sort button of a column
/// that scrolls.
const FOCUS_AGAINST_PIN: &str = r#"
const active = document.activeElement;
if (!active || !active.matches('.league-table thead button')
    || active.closest('th[data-col="organisation"]')) return null;
const box = active.closest('.table-scroll');
const inner = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
const pin = box.querySelector('thead th[data-col="organisation"]').getBoundingClientRect();
const place = active.getBoundingClientRect();
return [place.left < pin.right - 1 && place.right > pin.left + 1, place.left < inner,
        place.right <= inner + 1 || place.width > inner - pin.right,
        [place.left, place.right, pin.left, pin.right, inner]];
"#;

/// Tabbing along the sort buttons, forwards and back, each one focused shows beside the pinned
/// organisation column, not under it, and starts inside the box.
#[tokio::test]
async fn keyboard_focus_along_the_sort_buttons_shows_beside_the_pinned_column() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    for (width, height) in VIEWPORTS {
        full_table_at(&e2e, (width, height)).await;
        let buttons = run_js(
            client,
            "const all = document.querySelectorAll('.league-table thead button');\
             all[0].scrollIntoView({ block: 'center' });\
             all[0].focus();\
             return all.length;",
            vec![],
        )
        .await
        .as_u64()
        .expect("the number of sort buttons");
        let mut checked = 0;
        for back in [false, true] {
            for step in 0..buttons {
                press_key(client, Key::Tab, back).await;
                let place = run_js(client, FOCUS_AGAINST_PIN, vec![]).await;
                let Some(place) = place.as_array() else {
                    continue;
                };
                assert_eq!(
                    (&place[0], &place[1], &place[2]),
                    (&json!(false), &json!(true), &json!(true)),
                    "at {width}px, {} {}: [under the pinned column, starts in the box, fits] at [left, right, pin left, pin right, box right] {}",
                    if back { "Shift+Tab" } else { "Tab" },
                    step + 1,
                    place[3]
                );
                checked += 1;
            }
        }
        assert!(
            checked > 10,
            "at {width}px only {checked} buttons were focused"
        );
    }
    e2e.stop().await;
}
