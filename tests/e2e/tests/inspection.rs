//! The inspection page at /inspections/<id>, checked against dist/data/ratings.json and the
//! posts index: facts, every standard of its kind, safe source links, posts about it,
//! movement between rounds, an unknown id, and a reload.

use e2e::app::{self, NOT_PUBLISHED};
use e2e::dom::{self, run_js};
use e2e::raw::{list, posts_index, ratings, text};
use e2e::script::{texts, wait_for_value};
use e2e::wait::{wait_for, wait_for_text};
use e2e::E2e;
use serde_json::{json, Value};

/// Codes of the standards that apply to `kind`, in the file's order.
fn standards_for(doc: &Value, kind: &str) -> Vec<Value> {
    list(doc, "standards")
        .iter()
        .filter(|s| list(s, "applies_to").iter().any(|k| k == kind))
        .cloned()
        .collect()
}

fn is_web(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Opens the page and waits for its h1 to read `expected`.
async fn open(e2e: &E2e, id: &str, expected: &str) {
    e2e.goto(&format!("/inspections/{id}")).await;
    wait_for_text(e2e.client(), "main h1", expected).await;
}

#[tokio::test]
async fn inspection_page_shows_facts_standards_and_safe_sources() {
    let doc = ratings();
    // An inspection with a known standard, an unpublished one, and a web source, so every
    // kind of cell is checked.
    let inspection = list(&doc, "inspections")
        .iter()
        .find(|i| {
            let bands = i["standards"].as_object().map_or(0, |m| m.len());
            let applicable = standards_for(&doc, text(&i["kind"])).len();
            bands > 0 && bands < applicable && is_web(text(&i["source_url"]))
        })
        .expect("the data has an inspection with some standards known and a web source");
    let id = text(&inspection["id"]);
    let organisation = text(&inspection["organisation"]);
    let kind = text(&inspection["kind"]);
    let e2e = E2e::start().await;
    let client = e2e.client();
    open(&e2e, id, organisation).await;

    let title = dom::title(client).await;
    assert_eq!(title, format!("{organisation} · On Probation"));
    let overall = inspection["overall"].as_str().unwrap_or(NOT_PUBLISHED);
    assert_eq!(
        dom::text_of(client, "[data-field=overall] dd")
            .await
            .as_deref(),
        Some(overall)
    );
    let kind_text = dom::text_of(client, "[data-field=kind] dd")
        .await
        .unwrap_or_default();
    assert!(kind_text.starts_with(kind), "{kind_text:?} names {kind}");
    // "an NPS division": the article goes by how the kind is said.
    let article = if kind.starts_with("NPS") { "an" } else { "a" };
    assert_eq!(
        dom::text_of(client, "table.standards-table caption")
            .await
            .as_deref(),
        Some(format!("The standards {article} {kind} is rated on").as_str())
    );
    if let Some(date) = inspection["published"].as_str() {
        let shown = run_js(
            client,
            "const t = document.querySelector('[data-field=published] time');\
             return t ? t.getAttribute('datetime') : null;",
            vec![],
        )
        .await;
        assert_eq!(shown, json!(date), "published date keeps its precision");
    }

    // Every standard of its kind, in order, with its band or "Not published".
    let standards = standards_for(&doc, kind);
    let rows = run_js(
        client,
        "return Array.from(document.querySelectorAll('table.standards-table tbody tr'))\
         .map(tr => [tr.getAttribute('data-standard'),\
                     tr.querySelector('[data-col=band]').textContent.trim()]);",
        vec![],
    )
    .await;
    let expected: Vec<Value> = standards
        .iter()
        .map(|s| {
            let code = text(&s["code"]);
            let band = inspection["standards"][code]
                .as_str()
                .unwrap_or(NOT_PUBLISHED);
            json!([code, band])
        })
        .collect();
    assert_eq!(rows, Value::Array(expected), "standards and their bands");
    assert!(
        rows.to_string().contains(NOT_PUBLISHED),
        "an unknown standard reads {NOT_PUBLISHED}"
    );

    // Sources: only web addresses become links, each opened without passing the page on.
    let links = run_js(
        client,
        "return Array.from(document.querySelectorAll('ul.sources a'))\
         .map(a => [a.getAttribute('href'), a.getAttribute('rel')]);",
        vec![],
    )
    .await;
    let links = links.as_array().cloned().unwrap_or_default();
    let expected_sources = std::iter::once(&inspection["source_url"])
        .chain(list(inspection, "other_sources"))
        .filter(|a| is_web(text(a)))
        .count();
    assert_eq!(links.len(), expected_sources, "one link per web source");
    for link in &links {
        assert!(is_web(text(&link[0])), "{link} is http(s)");
        let rel = text(&link[1]);
        assert!(
            rel.contains("noopener") && rel.contains("noreferrer"),
            "{link} has rel noopener noreferrer"
        );
    }

    // The table filtered to this organisation.
    let q = run_js(
        client,
        "const a = document.querySelector('a.in-table');\
         return a ? new URL(a.href).searchParams.get('q') : null;",
        vec![],
    )
    .await;
    assert_eq!(q, json!(organisation), "league table link filters by name");
    e2e.stop().await;
}

#[tokio::test]
async fn inspection_page_lists_the_posts_about_it_or_says_there_are_none() {
    let index = posts_index();
    let doc = ratings();
    let posts = list(&index, "posts");
    let about = |id: &str| -> Vec<String> {
        posts
            .iter()
            .filter(|p| list(p, "inspections").iter().any(|i| i == id))
            .map(|p| format!("/posts/{}", text(&p["slug"])))
            .collect()
    };
    let inspections = list(&doc, "inspections");
    let with_posts = inspections
        .iter()
        .find(|i| !about(text(&i["id"])).is_empty())
        .expect("some post is about an inspection");
    let without = inspections
        .iter()
        .find(|i| about(text(&i["id"])).is_empty());

    let e2e = E2e::start().await;
    let client = e2e.client();
    let id = text(&with_posts["id"]);
    open(&e2e, id, text(&with_posts["organisation"])).await;
    let hrefs = wait_for_value(
        client,
        "the posts about the inspection",
        "const links = Array.from(document.querySelectorAll('ul.post-list .post-list-title a'));\
         return links.length ? links.map(a => a.getAttribute('href')) : null;",
        vec![],
    )
    .await;
    assert_eq!(hrefs, json!(about(id)), "links to the posts about {id}");

    if let Some(without) = without {
        open(&e2e, text(&without["id"]), text(&without["organisation"])).await;
        wait_for("the empty state for posts", || async move {
            let shown = texts(client, ".inspection .empty").await;
            if shown
                .iter()
                .any(|t| t.starts_with("No posts about this inspection yet"))
            {
                Ok(())
            } else {
                Err(format!("{shown:?}"))
            }
        })
        .await;
    }
    e2e.stop().await;
}

#[tokio::test]
async fn an_organisation_inspected_twice_shows_its_movement_and_links_its_other_round() {
    let doc = ratings();
    let inspections = list(&doc, "inspections");
    let rank = |i: &Value| i["overall"].as_str().and_then(app::band_rank);
    // A round-1 inspection with exactly one round-2 inspection of the same kind and name.
    let (first, second) = inspections
        .iter()
        .filter(|i| i["round"] == 1)
        .find_map(|first| {
            let matches: Vec<&Value> = inspections
                .iter()
                .filter(|i| {
                    i["round"] == 2
                        && i["kind"] == first["kind"]
                        && i["organisation"] == first["organisation"]
                })
                .collect();
            (matches.len() == 1 && rank(first).is_some() && rank(matches[0]).is_some())
                .then(|| (first, matches[0]))
        })
        .expect("an organisation rated in both rounds");
    // Ranks run best first: a smaller rank is a better band.
    let word = match rank(second).cmp(&rank(first)) {
        std::cmp::Ordering::Less => "Improved",
        std::cmp::Ordering::Greater => "Declined",
        std::cmp::Ordering::Equal => "Unchanged",
    };
    let expected = format!(
        "{word}: {} → {}",
        text(&first["overall"]),
        text(&second["overall"])
    );
    let organisation = text(&first["organisation"]);

    let e2e = E2e::start().await;
    let client = e2e.client();
    open(&e2e, text(&first["id"]), organisation).await;
    let movement = dom::text_of(client, "[data-field=movement] .movement")
        .await
        .unwrap_or_default();
    assert!(
        movement.contains(&expected),
        "{movement:?} should read {expected:?}"
    );

    // Following the link to the other round changes the page without a reload.
    let href = format!("/inspections/{}", text(&second["id"]));
    let link = client
        .find(fantoccini::Locator::Css("a.other-round"))
        .await
        .expect("a link to the other round");
    // The attribute as written: WebKit's WebDriver answers `attr` with the resolved address.
    let written = e2e::dom::run_js(
        client,
        "return document.querySelector('a.other-round').getAttribute('href');",
        vec![],
    )
    .await;
    assert_eq!(written.as_str(), Some(href.as_str()));
    link.click().await.expect("follow the link");
    let href = href.as_str();
    wait_for("the other round's page", || async move {
        let round = dom::text_of(client, "[data-field=round] dd").await;
        let path = client.current_url().await.map(|u| u.path().to_owned());
        match (round.as_deref(), path) {
            (Some("Round 2"), Ok(path)) if path == href => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    let again = dom::text_of(client, "[data-field=movement] .movement")
        .await
        .unwrap_or_default();
    assert!(again.contains(&expected), "{again:?} on the round-2 page");
    e2e.stop().await;
}

#[tokio::test]
async fn an_unknown_id_says_inspection_not_found_with_a_way_back() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    open(&e2e, "no-such-inspection", "Inspection not found").await;
    assert!(dom::title(client).await.starts_with("Inspection not found"));
    let body = dom::text_of(client, "main").await.unwrap_or_default();
    assert!(body.contains("no-such-inspection"), "names the id: {body}");
    let links = run_js(
        client,
        "return Array.from(document.querySelectorAll('main a')).map(a => a.getAttribute('href'));",
        vec![],
    )
    .await;
    assert!(
        links
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h == "/league-table"),
        "links back to the league table: {links}"
    );
    e2e.stop().await;
}

#[tokio::test]
async fn inspection_deep_link_survives_reload() {
    let doc = ratings();
    let inspection = &list(&doc, "inspections")[0];
    let id = text(&inspection["id"]);
    let organisation = text(&inspection["organisation"]);
    let e2e = E2e::start().await;
    let client = e2e.client();
    open(&e2e, id, organisation).await;
    e2e.reload().await;
    wait_for_text(client, "main h1", organisation).await;
    let url = client.current_url().await.expect("current url");
    assert_eq!(url.path(), format!("/inspections/{id}"));
    e2e.stop().await;
}

/// An inspection missing from the ratings when the page looked appears when the reader tries
/// again once the ratings have it: one try, with a service worker controlling the page, which
/// asks the server before the copy it keeps.
#[tokio::test]
async fn an_inspection_not_found_appears_on_trying_again_once_it_is_there() {
    let doc = ratings();
    let first = list(&doc, "inspections")[0].clone();
    let (id, organisation) = (text(&first["id"]), text(&first["organisation"]));
    let mut without = doc.clone();
    without["inspections"]
        .as_array_mut()
        .unwrap()
        .retain(|i| i["id"] != first["id"]);
    let mut e2e = E2e::start_with_edited_copy(|dir| {
        std::fs::write(dir.join("data/ratings.json"), without.to_string()).unwrap()
    })
    .await;
    open(&e2e, id, "Inspection not found").await;
    e2e::script::wait_for_service_worker(e2e.client()).await;
    e2e.serve_again(&app::dist_dir()).await;
    let client = e2e.client();
    dom::click(client, "main h1 ~ p button").await;
    wait_for_text(client, "main h1", organisation).await;
    e2e.stop().await;
}

/// "Back to the league table" returns to the view the reader came from, filters and sort
/// included; reached by an address typed, it is the table's own.
#[tokio::test]
async fn the_way_back_returns_to_the_table_view_the_reader_left() {
    let inspection = app::inspections()
        .into_iter()
        .find(|i| i.kind == "PDU")
        .expect("a PDU");
    let view = "/league-table?kind=pdu&sort=organisation";
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(view).await;
    dom::click(
        client,
        &format!(
            "table.league-table a[href='/inspections/{}']",
            inspection.id
        ),
    )
    .await;
    wait_for_text(client, "main h1", &inspection.organisation).await;
    let back = dom::attribute(client, "p.back a", "href").await;
    assert_eq!(back.as_deref(), Some(view));
    dom::click(client, "p.back a").await;
    wait_for("the table view the reader left", || async {
        let at = run_js(
            client,
            "return location.pathname + location.search;",
            vec![],
        )
        .await;
        let rows = dom::table_snapshot(client).await.map(|s| s.column("kind"));
        match rows {
            Some(kinds) if at == view && !kinds.is_empty() && kinds.iter().all(|k| k == "PDU") => {
                Ok(())
            }
            other => Err(format!("at {at}, kinds {other:?}")),
        }
    })
    .await;

    open(&e2e, &inspection.id, &inspection.organisation).await;
    assert_eq!(
        dom::attribute(client, "p.back a", "href").await.as_deref(),
        Some("/league-table")
    );
    e2e.stop().await;
}
