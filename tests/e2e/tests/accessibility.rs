//! axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation on any main route, nor in the
//! league table's key states (filters applied, nothing matching), nor in an error state; and
//! the dark theme passes too (contrast included) where the engine can ask for it.

use e2e::a11y::{assert_no_violations, axe_violations};
use e2e::app;
use e2e::dom::{self, run_js};
use e2e::engine::Launch;
use e2e::output::screenshots_dir;
use e2e::wait::{wait_for_css, wait_for_text};
use e2e::E2e;

/// Runs axe on every main route; with `screenshots`, saves each route as drawn in this theme
/// (`screenshots/<engine>/<route>-<theme>.png`) for a person to look at.
async fn check_every_route(e2e: &E2e, theme: &str, screenshots: bool) {
    let client = e2e.client();
    for route in app::main_routes() {
        e2e.goto(&route.path).await;
        wait_for_css(client, route.ready).await;
        assert_no_violations(client, &format!("{} ({theme})", route.path)).await;
        if screenshots {
            let png = client.screenshot().await.expect("take a screenshot");
            let file = format!("{}-{}.png", route.name, theme.replace(' ', "-"));
            std::fs::write(screenshots_dir().join(file), png).expect("save the screenshot");
        }
    }
}

#[tokio::test]
async fn every_route_meets_wcag_a_and_aa() {
    let e2e = E2e::start().await;
    check_every_route(&e2e, "light theme", false).await;
    e2e.stop().await;
}

/// The check itself can fail: an image without a text alternative and a nameless button,
/// added to a real page, are both reported.
#[tokio::test]
async fn axe_reports_what_it_should() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/about").await;
    wait_for_css(client, "main h1").await;
    run_js(
        client,
        "const main = document.querySelector('main');\
         main.appendChild(document.createElement('img')).src = '/favicon.svg';\
         main.appendChild(document.createElement('button'));",
        vec![],
    )
    .await;
    let ids: Vec<String> = axe_violations(client)
        .await
        .into_iter()
        .map(|v| v.id)
        .collect();
    assert!(
        ids.contains(&"image-alt".to_owned()) && ids.contains(&"button-name".to_owned()),
        "axe should report image-alt and button-name, reported {ids:?}"
    );
    e2e.stop().await;
}

#[tokio::test]
async fn league_table_with_filters_applied_meets_wcag_a_and_aa() {
    let inspections = app::inspections();
    let total = inspections.len();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    dom::settle_table(client, |s| s.rows.len() == total).await;

    let kind = inspections[0].kind.clone();
    let count = inspections.iter().filter(|i| i.kind == kind).count();
    dom::click(
        client,
        &dom::facet_css("kind", &inspections[0].kind_token()),
    )
    .await;
    dom::click_sort(client, "organisation").await;
    dom::settle_table(client, |s| s.rows.len() == count).await;
    assert_no_violations(client, "/league-table filtered by kind and sorted").await;

    // A search nothing matches: the empty state with its own "Clear filters" button.
    let search = client
        .find(fantoccini::Locator::Css("#filter-text"))
        .await
        .expect("the search field");
    search
        .send_keys("zzzz no such organisation")
        .await
        .expect("type a search");
    wait_for_css(client, ".empty button").await;
    assert_no_violations(client, "/league-table with nothing matching").await;
    e2e.stop().await;
}

#[tokio::test]
async fn error_state_meets_wcag_a_and_aa() {
    let e2e = E2e::start_with_edited_copy(|dist| {
        std::fs::remove_file(dist.join("data/ratings.json")).expect("remove the ratings")
    })
    .await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    wait_for_text(
        client,
        ".error-panel[role=alert] p",
        "Could not find the ratings.",
    )
    .await;
    assert_no_violations(client, "/league-table without its ratings file").await;
    e2e.stop().await;
}

#[tokio::test]
async fn dark_theme_is_dark_and_meets_wcag_a_and_aa() {
    let Some(e2e) = E2e::start_with(Launch {
        dark: true,
        ..Launch::default()
    })
    .await
    else {
        return;
    };
    let client = e2e.client();
    e2e.goto("/").await;
    wait_for_css(client, "main h1").await;
    // Relative luminance of the page's background and text, from their computed colours.
    let luminance = run_js(
        client,
        r#"const lum = (css) => {
             const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
               const c = Number(v) / 255;
               return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
             });
             return 0.2126 * r + 0.7152 * g + 0.0722 * b;
           };
           const style = getComputedStyle(document.body);
           return [matchMedia('(prefers-color-scheme: dark)').matches,
                   lum(getComputedStyle(document.documentElement).backgroundColor),
                   lum(style.color)];"#,
        vec![],
    )
    .await;
    assert_eq!(luminance[0], true, "the browser reports a dark preference");
    let (paper, ink) = (
        luminance[1].as_f64().unwrap_or(1.0),
        luminance[2].as_f64().unwrap_or(0.0),
    );
    assert!(
        paper < 0.1 && ink > 0.5,
        "dark theme: page background luminance {paper:.3}, text {ink:.3}"
    );
    check_every_route(&e2e, "dark theme", true).await;
    e2e.stop().await;
}

/// Elements that move: a running animation or transition with a duration, or smooth scrolling.
const MOVING: &str = r#"
const moving = [];
const seconds = (list) => list.split(',').some((t) => parseFloat(t) > 0);
document.querySelectorAll('*').forEach((el) => {
  const s = getComputedStyle(el);
  if ((s.animationName !== 'none' && seconds(s.animationDuration)) || seconds(s.transitionDuration)
      || s.scrollBehavior === 'smooth') {
    moving.push(`${el.tagName.toLowerCase()}.${el.className}`);
  }
});
return [matchMedia('(prefers-reduced-motion: reduce)').matches, moving];
"#;

#[tokio::test]
async fn reduced_motion_stops_all_movement() {
    let Some(e2e) = E2e::start_with(Launch {
        reduced_motion: true,
        ..Launch::default()
    })
    .await
    else {
        return;
    };
    let client = e2e.client();
    for route in app::main_routes() {
        e2e.goto(&route.path).await;
        wait_for_css(client, route.ready).await;
        let found = run_js(client, MOVING, vec![]).await;
        assert_eq!(found[0], true, "the browser reports reduced motion");
        assert_eq!(
            found[1].as_array().map(Vec::len),
            Some(0),
            "{}: elements still move with reduced motion: {}",
            route.path,
            found[1]
        );
    }
    e2e.stop().await;
}

/// In forced colours (Windows' high contrast), which drop backgrounds and box shadows, what
/// those drew keeps a border: the pinned organisation column's edge, the button-like links and
/// the band badges. Chromium only: forced colours are emulated through the DevTools Protocol.
#[tokio::test]
async fn forced_colours_keep_edges_that_backgrounds_and_shadows_drew() {
    if !e2e::skip_unless(e2e::engine::Feature::DevTools) {
        return;
    }
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e::driver::cdp(
        client,
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
    )
    .await;
    e2e.goto("/league-table").await;
    wait_for_css(client, "table.league-table tbody th").await;
    let edges = run_js(
        client,
        "const border = (css, side) => { const el = document.querySelector(css);\
           if (!el) return css + ' missing';\
           const s = getComputedStyle(el);\
           return s.getPropertyValue('border-' + side + '-style') !== 'none'\
             && parseFloat(s.getPropertyValue('border-' + side + '-width')) >= 1 || css; };\
         return [matchMedia('(forced-colors: active)').matches,\
                 border('.league-table tbody th', 'right'),\
                 border('.league-table thead th[data-col=\"organisation\"]', 'right'),\
                 border('a.button', 'bottom'),\
                 border('.league-table tbody .band', 'bottom')];",
        vec![],
    )
    .await;
    assert_eq!(
        edges,
        serde_json::json!([true, true, true, true, true]),
        "[forced colours on, then each edge kept or the selector without one]"
    );
    e2e.stop().await;
}
