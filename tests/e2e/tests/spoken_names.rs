//! What a screen reader says: links and boxes read out of their row, as its list of links
//! does, still say which inspection they are for (two rounds of one organisation get their
//! round, in the league table and on the compare page), and a tag link says it leads to that
//! tag's posts; a standard's column is named in full; a shared rank is "joint", not "equals";
//! the key reads each abbreviation once with its name.

use e2e::app::edit_json;
use e2e::dom::{location_search, run_js};
use e2e::raw::{list, text};
use e2e::wait::wait_for;
use e2e::E2e;
use serde_json::Value;

const TWIN: &str = "Twin Town CRC";

/// `spoken(element)`: its words, leaving out what is hidden from screen readers (`aria-hidden`),
/// with spaces run together.
const SPOKEN_JS: &str = "const spoken = (element) => {\
  const words = (node) => node.nodeType === 3 ? node.textContent\
    : node.nodeType !== 1 || node.getAttribute('aria-hidden') === 'true' ? ''\
    : Array.from(node.childNodes).map(words).join('');\
  return words(element).replace(/\\s+/g, ' ').trim();\
};";

/// Runs `script` (with `spoken` defined) until what it returns passes `ready`, and returns it.
async fn spoken_until(
    client: &fantoccini::Client,
    what: &str,
    script: &str,
    ready: impl Fn(&Value) -> bool,
) -> Value {
    let script = format!("{SPOKEN_JS} {script}");
    let (script, ready) = (&script, &ready);
    wait_for(what, || async move {
        let seen = run_js(client, script, vec![]).await;
        if ready(&seen) {
            Ok(seen)
        } else {
            Err(format!("{seen} at {}", location_search(client).await))
        }
    })
    .await
}

/// A non-empty array of `n` items, or of any length for `None`.
fn items(n: Option<usize>) -> impl Fn(&Value) -> bool {
    move |seen| {
        seen.as_array()
            .is_some_and(|a| !a.is_empty() && n.is_none_or(|n| a.len() == n))
    }
}

/// Serves a copy whose first two inspections are rounds 1 and 2 of one organisation, each with
/// its own source; returns it with their ids.
async fn start_with_twins() -> (E2e, [String; 2]) {
    let mut ids = [String::new(), String::new()];
    let ids_ref = &mut ids;
    let e2e = E2e::start_with_edited_copy(move |dist| {
        edit_json(&dist.join("data/ratings.json"), |doc| {
            for (at, inspection) in doc["inspections"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .take(2)
                .enumerate()
            {
                inspection["organisation"] = TWIN.into();
                inspection["round"] = (at + 1).into();
                inspection["source_url"] = format!("https://example.org/twin-{}", at + 1).into();
                ids_ref[at] = text(&inspection["id"]).to_owned();
            }
        })
    })
    .await;
    (e2e, ids)
}

/// Each drawn row's id, link text, link name, compare box name and source link name.
const ROW_NAMES_JS: &str = r#"
return Array.from(document.querySelectorAll('table.league-table tbody tr[data-id]')).map(tr => {
  const link = tr.querySelector('th[data-col="organisation"] a');
  const source = tr.querySelector('td[data-col="source"] a');
  return {
    id: tr.getAttribute('data-id'),
    text: link.textContent.trim(),
    name: link.getAttribute('aria-label') || link.textContent.trim(),
    box: tr.querySelector('td[data-col="pick"] input').getAttribute('aria-label'),
    source: source ? source.textContent.trim() : null,
  };
});
"#;

#[tokio::test]
async fn two_rounds_of_one_organisation_are_named_apart() {
    let (e2e, ids) = start_with_twins().await;
    let client = e2e.client();

    // Every row of the whole table: no two links, boxes or sources share a name.
    e2e.goto("/league-table").await;
    let total = list(&e2e::raw::ratings(), "inspections").len();
    let rows = spoken_until(client, "every row drawn", ROW_NAMES_JS, items(Some(total))).await;
    let rows = rows.as_array().unwrap();
    for field in ["name", "box", "source"] {
        let mut names: Vec<&str> = rows.iter().filter_map(|r| r[field].as_str()).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "{field}s repeat: {names:?}");
    }

    // The twins: their round in every name, the organisation alone on screen.
    let twin = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    for (round, id) in ids.iter().enumerate() {
        let named = format!("{TWIN}, round {}", round + 1);
        let row = twin(id);
        assert_eq!(row["text"], TWIN, "{row}");
        assert_eq!(row["name"], named.as_str(), "{row}");
        assert_eq!(row["box"], format!("Compare {named}").as_str(), "{row}");
        assert_eq!(
            row["source"],
            format!("Source for {named}").as_str(),
            "{row}"
        );
    }

    // An organisation no other row has keeps its name alone.
    let single = rows
        .iter()
        .find(|r| r["text"] != TWIN && rows.iter().filter(|o| o["text"] == r["text"]).count() == 1)
        .expect("a row whose organisation no other row has");
    assert_eq!(single["name"], single["text"], "{single}");

    // Side by side, the compare page's headers tell them apart too, and are the names alone:
    // a screen reader reads a column's header before each of its cells.
    e2e.goto(&format!("/compare?ids={},{}", ids[0], ids[1]))
        .await;
    let headers = spoken_until(
        client,
        "two compare headers",
        "return Array.from(document.querySelectorAll('table.compare-table thead th[data-id]')).map(spoken);",
        items(Some(2)),
    )
    .await;
    assert_eq!(
        headers,
        serde_json::json!([format!("{TWIN}, round 1"), format!("{TWIN}, round 2")])
    );
    e2e.stop().await;
}

#[tokio::test]
async fn a_standard_column_is_named_in_full_not_by_its_code_alone() {
    let doc = e2e::raw::ratings();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    // Each sort button's words.
    let names = spoken_until(
        client,
        "the standards' sort buttons",
        "return Object.fromEntries(Array.from(document.querySelectorAll('button[data-sort^=\"std-\"]'))\
         .map(b => [b.getAttribute('data-sort').slice(4), spoken(b)]));",
        |names| names.as_object().is_some_and(|n| !n.is_empty()),
    )
    .await;
    let names = names.as_object().unwrap();
    let mut checked = 0;
    for standard in list(&doc, "standards") {
        let code = text(&standard["code"]);
        if let Some(name) = names.get(code) {
            let full = format!("{code} {}", text(&standard["name"]));
            assert_eq!(name, full.as_str(), "the sort button for {code}");
            checked += 1;
        }
    }
    assert_eq!(checked, names.len(), "every standard's button: {names:?}");
    // A header that shows its whole name has no tooltip repeating it.
    let title = run_js(
        client,
        "return document.querySelector('th[data-col=\"overall\"]').getAttribute('title');",
        vec![],
    )
    .await;
    assert_eq!(title, Value::Null);
    e2e.stop().await;
}

#[tokio::test]
async fn a_shared_rank_is_read_as_joint_and_a_caseload_in_words() {
    // The first two inspections share a band and an unknown score, so they share a rank; the
    // first has a caseload with a qualifier.
    let e2e = E2e::start_with_edited_copy(|dist| {
        edit_json(&dist.join("data/ratings.json"), |doc| {
            let inspections = doc["inspections"].as_array_mut().unwrap();
            for inspection in inspections.iter_mut().take(2) {
                inspection["overall"] = "Good".into();
                inspection["score"] = Value::Null;
            }
            inspections[0]["caseload"] =
                serde_json::json!({ "count": 3600, "qualifier": "more than" });
        })
    })
    .await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    let rows = spoken_until(
        client,
        "every row's rank and caseload",
        "return Array.from(document.querySelectorAll('table.league-table tbody tr[data-id]')).map((tr) => {\
           const rank = tr.querySelector('td[data-col=\"rank\"]');\
           return { shown: rank.textContent.replace(spoken(rank), '').trim(), spoken: spoken(rank),\
                    title: rank.title, score: tr.querySelector('td[data-col=\"score\"]').textContent,\
                    caseload: spoken(tr.querySelector('td[data-col=\"caseload\"]')) };\
         });",
        items(None),
    )
    .await;
    let rows = rows.as_array().unwrap();
    let shared: Vec<&Value> = rows
        .iter()
        .filter(|r| r["shown"].as_str().is_some_and(|s| s.starts_with('=')))
        .collect();
    assert!(shared.len() >= 2, "two rows share a rank: {rows:?}");
    for row in shared {
        let position = &row["shown"].as_str().unwrap()[1..];
        assert_eq!(row["spoken"], format!("joint {position}").as_str(), "{row}");
    }
    assert!(
        rows.iter().any(|r| r["caseload"] == "more than 3,600"),
        "{rows:?}"
    );
    // The data's Inadequate band has rows with a score and rows without: those placed after the
    // scored ones say why, and have no score themselves.
    let explained: Vec<&Value> = rows
        .iter()
        .filter(|r| {
            r["title"]
                .as_str()
                .is_some_and(|t| t.contains("not because it is lower"))
        })
        .collect();
    assert!(!explained.is_empty(), "{rows:?}");
    for row in explained {
        assert!(!row["score"].as_str().unwrap().contains('/'), "{row}");
    }
    e2e.stop().await;
}

#[tokio::test]
async fn a_posts_links_with_one_name_lead_to_one_place() {
    // A list of links shows names alone: two that read alike must go to the same place. The
    // post here is made to be about two inspections, so it has two ratings boxes with the same
    // links; where the data allows, two rounds of one organisation, whose names differ least.
    let ratings = e2e::raw::ratings();
    let inspections = list(&ratings, "inspections");
    let organisation = |id: &str| {
        inspections
            .iter()
            .find(|i| i["id"] == id)
            .map(|i| text(&i["organisation"]).to_owned())
    };
    let posts = e2e::app::posts();
    let about = |post: &e2e::app::Post, same_organisation: bool| {
        let first = post.inspections.first()?;
        inspections
            .iter()
            .map(|i| text(&i["id"]).to_owned())
            .find(|id| {
                !post.inspections.contains(id)
                    && (!same_organisation || organisation(id) == organisation(first))
            })
            .map(|other| (post.clone(), other))
    };
    let (post, other) = posts
        .iter()
        .find_map(|p| about(p, true))
        .or_else(|| posts.iter().find_map(|p| about(p, false)))
        .expect("a post about an inspection, and another inspection");
    let slug = post.slug.clone();
    let e2e = E2e::start_with_edited_copy(move |dist| {
        let about = |entry: &mut Value| {
            entry["inspections"]
                .as_array_mut()
                .unwrap()
                .push(other.clone().into())
        };
        edit_json(&dist.join("data/posts/index.json"), |doc| {
            for entry in doc["posts"].as_array_mut().unwrap() {
                if entry["slug"] == slug.as_str() {
                    about(entry);
                }
            }
        });
        edit_json(&dist.join(format!("data/posts/{slug}.json")), |doc| {
            about(doc)
        });
    })
    .await;
    let client = e2e.client();
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    spoken_until(
        client,
        "two ratings boxes",
        "return Array.from(document.querySelectorAll('li.rating'));",
        items(Some(2)),
    )
    .await;
    let links = run_js(
        client,
        &format!(
            "{SPOKEN_JS} return Array.from(document.querySelectorAll('a[href]'))\
               .map((a) => [a.getAttribute('aria-label') || spoken(a), a.href]);"
        ),
        vec![],
    )
    .await;
    let mut places: std::collections::BTreeMap<&str, &str> = Default::default();
    for link in links.as_array().unwrap() {
        let (name, href) = (link[0].as_str().unwrap(), link[1].as_str().unwrap());
        if let Some(seen) = places.insert(name, href) {
            assert_eq!(seen, href, "two links named {name:?}");
        }
    }
    e2e.stop().await;
}

#[tokio::test]
async fn the_key_reads_each_abbreviation_once_with_its_name() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/league-table").await;
    let lines = spoken_until(
        client,
        "the key",
        "return Array.from(document.querySelectorAll('.legend-bands li')).map(spoken);",
        items(None),
    )
    .await;
    let lines: Vec<&str> = lines
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for expected in [
        "O Outstanding",
        "G Good",
        "RI Requires improvement",
        "I Inadequate",
    ] {
        assert!(lines.contains(&expected), "{expected:?} in {lines:?}");
    }
    assert!(
        lines.iter().any(|l| l.starts_with("NP Not published:")),
        "{lines:?}"
    );
    e2e.stop().await;
}

#[tokio::test]
async fn the_posts_pager_links_are_named_without_their_arrows() {
    // Named "Newer posts" and "Older posts"; the arrows beside them are the stylesheet's, with
    // empty alternative text, so screen readers do not read "left arrow".
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/posts?page=2").await;
    let names = spoken_until(
        client,
        "the pager's links",
        "return ['prev', 'next'].map((rel) => document.querySelector(`nav.pager a[rel=${rel}]`)).map((a) => a && spoken(a));",
        |names| names.as_array().is_some_and(|n| n.iter().all(Value::is_string)),
    )
    .await;
    assert_eq!(names, serde_json::json!(["Newer posts", "Older posts"]));
    // The arrows are there for the eye, drawn by the stylesheet.
    let arrows = run_js(
        client,
        "return [getComputedStyle(document.querySelector('nav.pager a[rel=prev]'), '::before').content,\
                 getComputedStyle(document.querySelector('nav.pager a[rel=next]'), '::after').content];",
        vec![],
    )
    .await;
    let arrows = format!("{arrows}");
    assert!(arrows.contains('←') && arrows.contains('→'), "{arrows}");
    // With their empty alternative text, which is what keeps them from being read.
    assert_eq!(arrows.matches(r#"/ \"\""#).count(), 2, "{arrows}");
    e2e.stop().await;
}

#[tokio::test]
async fn tag_links_say_they_lead_to_that_tags_posts() {
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/posts").await;
    let tags = spoken_until(
        client,
        "the posts' tag links",
        "return Array.from(document.querySelectorAll('ul.tags a')).map((a) => [spoken(a), a.getAttribute('aria-label')]);",
        items(None),
    )
    .await;
    for tag in tags.as_array().unwrap() {
        let (shown, name) = (text(&tag[0]), text(&tag[1]));
        assert!(!shown.is_empty(), "{tag}");
        assert_eq!(name, format!("Posts tagged {shown}"), "{tag}");
    }
    e2e.stop().await;
}
