//! The posts as a reader uses them: instant search with highlighted matches, the tag and year
//! filters kept in the URL, a post's ratings box and its link to the league table, and the
//! Atom feed. Expectations come from the built JSON, never from hard-coded content.

use std::collections::BTreeMap;

use e2e::app::{self, Post};
use e2e::dom;
use e2e::raw;
use e2e::wait::{wait_for, wait_for_css, wait_for_text};
use e2e::E2e;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// What the list shows: each item's post link and the texts inside its `<mark>`s.
async fn listed(client: &Client) -> Vec<(String, Vec<String>)> {
    let script = "return Array.from(document.querySelectorAll('ul.post-list > li')).map(li => [\
                    li.querySelector('a[href^=\"/posts/\"]').getAttribute('href'),\
                    Array.from(li.querySelectorAll('mark')).map(m => m.textContent)]);";
    let value = dom::run_js(client, script, vec![]).await;
    value
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|item| {
            let marks = item[1]
                .as_array()
                .map(|m| {
                    m.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            (item[0].as_str().unwrap_or_default().to_owned(), marks)
        })
        .collect()
}

/// The current URL's query parameters, decoded.
async fn query(client: &Client) -> BTreeMap<String, String> {
    let url = client.current_url().await.expect("current url");
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Words of at least five letters, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// A title word found in the fewest titles, and a post whose title has it.
fn distinctive_title_word(posts: &[Post]) -> (String, Post) {
    let in_titles = |word: &str| {
        posts
            .iter()
            .filter(|p| words(&p.title).iter().any(|w| w == word))
            .count()
    };
    posts
        .iter()
        .flat_map(|post| words(&post.title).into_iter().map(move |w| (w, post)))
        .min_by_key(|(word, _)| in_titles(word))
        .map(|(word, post)| (word, post.clone()))
        .expect("a post title with a word of five letters or more")
}

#[tokio::test]
async fn search_finds_a_post_by_title_and_body_and_highlights_the_matches() {
    let posts = app::posts();
    let (word, post) = distinctive_title_word(&posts);
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/posts").await;
    let input = wait_for_css(client, "#posts-search").await;
    // Typed in capitals: the search ignores case.
    input
        .send_keys(&word.to_uppercase())
        .await
        .expect("type into the search");

    let href = format!("/posts/{}", post.slug);
    let items = wait_for("the post to be found", || async {
        let items = listed(client).await;
        if items.iter().any(|(h, _)| *h == href) {
            Ok(items)
        } else {
            Err(format!("{items:?}"))
        }
    })
    .await;
    // Title matches rank first: the first result has the word in its title.
    let first = posts
        .iter()
        .find(|p| format!("/posts/{}", p.slug) == items[0].0)
        .expect("results link posts of the index");
    assert!(
        words(&first.title).contains(&word),
        "first result {:?} lacks {word:?} in its title",
        first.title
    );
    let (_, marks) = items.iter().find(|(h, _)| *h == href).unwrap();
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m.to_lowercase().starts_with(&word)),
        "matches of {word:?} are marked: {marks:?}"
    );
    assert_eq!(
        query(client).await.get("q").map(|q| q.to_lowercase()),
        Some(word.clone())
    );
    if items.len() < app::POSTS_PAGE_SIZE {
        let count = dom::text_of(client, "#posts-count")
            .await
            .unwrap_or_default();
        assert!(
            count.starts_with(&format!("{} post", items.len())),
            "{count}"
        );
    }

    // A word that appears only in one post's body is found through the lazily fetched text.
    let texts = app::search_texts();
    let visible =
        |p: &Post| format!("{} {} {}", p.title, p.standfirst, p.tags.join(" ")).to_lowercase();
    let body_only = posts.iter().find_map(|p| {
        words(&texts[&p.slug])
            .into_iter()
            .find(|w| {
                posts
                    .iter()
                    .all(|q| !words(&visible(q)).iter().any(|v| v.starts_with(w.as_str())))
                    && posts
                        .iter()
                        .filter(|q| {
                            words(&texts[&q.slug])
                                .iter()
                                .any(|v| v.starts_with(w.as_str()))
                        })
                        .count()
                        == 1
            })
            .map(|w| (w, p.clone()))
    });
    if let Some((body_word, body_post)) = body_only {
        input.clear().await.expect("clear the search");
        input.send_keys(&body_word).await.expect("type a body word");
        let href = format!("/posts/{}", body_post.slug);
        wait_for("the body match with a highlighted passage", || async {
            let snippet = dom::run_js(
                client,
                "return Array.from(document.querySelectorAll('ul.post-list > li .snippet mark')).map(m => m.textContent.toLowerCase());",
                vec![],
            )
            .await;
            let items = listed(client).await;
            if items.len() == 1 && items[0].0 == href && snippet.as_array().is_some_and(|m| m.iter().any(|m| m == &json!(body_word))) {
                Ok(())
            } else {
                Err(format!("{items:?} {snippet}"))
            }
        })
        .await;
    }

    // Nothing matches: the empty state names the search.
    input.clear().await.expect("clear the search");
    input.send_keys("zzqxj").await.expect("type nonsense");
    wait_for_text(client, ".empty p", "No posts matching “zzqxj”.").await;
    e2e.stop().await;
}

#[tokio::test]
async fn tag_and_year_filters_live_in_the_url_and_survive_back_and_reload() {
    let posts = app::posts();
    let mut tag_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for tag in posts.iter().flat_map(|p| &p.tags) {
        *tag_counts.entry(tag).or_default() += 1;
    }
    let (tag, _) = tag_counts
        .iter()
        .min_by_key(|(_, n)| **n)
        .expect("a post with a tag");
    let tagged: Vec<&Post> = posts
        .iter()
        .filter(|p| p.tags.iter().any(|t| t == tag))
        .collect();
    let year = tagged[0].published.clone().expect("a published date")[..4].to_string();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/posts").await;
    wait_for_css(client, "ul.post-list").await;

    dom::choose_option(client, "#posts-tag", tag).await;
    let expect_tagged = |extra: Option<&str>| {
        let mut hrefs: Vec<String> = tagged
            .iter()
            .filter(|p| {
                extra.is_none_or(|y| p.published.as_deref().is_some_and(|d| d.starts_with(y)))
            })
            .map(|p| format!("/posts/{}", p.slug))
            .collect();
        hrefs.truncate(app::POSTS_PAGE_SIZE);
        hrefs
    };
    let wait_for_list = |expected: Vec<String>| async move {
        wait_for("the filtered list", || {
            let expected = expected.clone();
            async move {
                let shown: Vec<String> = listed(client).await.into_iter().map(|(h, _)| h).collect();
                if shown == expected {
                    Ok(())
                } else {
                    let at = dom::run_js(client, "return location.href;", vec![]).await;
                    Err(format!("{shown:?} at {at}, expected {expected:?}"))
                }
            }
        })
        .await
    };
    wait_for_list(expect_tagged(None)).await;
    assert_eq!(
        query(client).await.get("tag").map(String::as_str),
        Some(*tag)
    );

    dom::choose_option(client, "#posts-year", &year).await;
    wait_for_list(expect_tagged(Some(&year))).await;
    assert_eq!(query(client).await.get("year"), Some(&year));

    // Reload: the controls and the list come back from the URL.
    e2e.reload().await;
    wait_for_list(expect_tagged(Some(&year))).await;
    assert_eq!(
        dom::value_of(client, "#posts-tag").await.as_deref(),
        Some(*tag)
    );
    assert_eq!(
        dom::value_of(client, "#posts-year").await,
        Some(year.clone())
    );

    // Back: the year filter is undone, the tag kept.
    client.back().await.expect("go back");
    wait_for_list(expect_tagged(None)).await;
    assert_eq!(
        dom::value_of(client, "#posts-year").await.as_deref(),
        Some("")
    );
    assert_eq!(
        dom::value_of(client, "#posts-tag").await.as_deref(),
        Some(*tag)
    );
    let count = dom::text_of(client, "#posts-count")
        .await
        .unwrap_or_default();
    assert!(count.contains(&format!("tagged “{tag}”")), "{count}");

    // Forward again restores the year.
    client.forward().await.expect("go forward");
    wait_for_list(expect_tagged(Some(&year))).await;

    // Only the site navigation marks the current page: not the tag links under /posts.
    let current = dom::run_js(
        client,
        "return [...document.querySelectorAll('[aria-current]')].map(e => e.getAttribute('href'));",
        vec![],
    )
    .await;
    assert_eq!(current, json!(["/posts"]));

    // "Clear" turns disabled once used, so focus goes on to the search field.
    dom::click(client, "button.clear").await;
    let mut first_page: Vec<String> = posts.iter().map(|p| format!("/posts/{}", p.slug)).collect();
    first_page.truncate(app::POSTS_PAGE_SIZE);
    wait_for_list(first_page.clone()).await;
    assert_eq!(
        dom::run_js(client, "return document.activeElement.id;", vec![]).await,
        json!("posts-search")
    );

    // A tag typed by hand in another case names the tag, and the select shows it; a tag and a
    // year no post has are ignored, so the selects never claim a filter the list lacks.
    e2e.goto(&format!(
        "/posts?tag={}",
        tag.to_uppercase().replace(' ', "%20")
    ))
    .await;
    wait_for_list(expect_tagged(None)).await;
    assert_eq!(
        dom::value_of(client, "#posts-tag").await.as_deref(),
        Some(*tag)
    );
    e2e.goto("/posts?tag=no%20such%20tag&year=1066").await;
    wait_for_list(first_page).await;
    assert_eq!(
        dom::value_of(client, "#posts-tag").await.as_deref(),
        Some("")
    );
    assert_eq!(
        dom::value_of(client, "#posts-year").await.as_deref(),
        Some("")
    );

    // A search's first keystroke adds a history entry and the rest refine it: back leaves
    // the search whole, to the list as it was.
    let length = || async { dom::run_js(client, "return history.length;", vec![]).await };
    let before = length().await;
    client
        .find(Locator::Css("#posts-search"))
        .await
        .expect("the search field")
        .send_keys("probation")
        .await
        .expect("type a search");
    wait_for("the search in the address", || async {
        match query(client).await.get("q").map(String::as_str) {
            Some("probation") => Ok(()),
            other => Err(format!("q = {other:?}")),
        }
    })
    .await;
    assert_eq!(length().await, json!(before.as_u64().unwrap() + 1));
    client.back().await.expect("go back");
    wait_for("the search left", || async {
        let q = query(client).await;
        if !q.contains_key("q") && q.get("tag").map(String::as_str) == Some("no such tag") {
            Ok(())
        } else {
            Err(format!("{q:?}"))
        }
    })
    .await;
    e2e.stop().await;
}

/// The post about a known inspection, or the first post about any.
fn post_with_ratings(posts: &[Post]) -> Post {
    posts
        .iter()
        .find(|p| p.slug == "warwickshire-west-mercia-crc-2019")
        .or_else(|| posts.iter().find(|p| !p.inspections.is_empty()))
        .cloned()
        .expect("a post about an inspection")
}

/// `[code, band]` for each standard that applies to inspection `id`, in the file's order,
/// "Not published" where the file gives no band.
fn expected_standards(id: &str) -> Value {
    let doc = raw::ratings();
    let inspection = raw::list(&doc, "inspections")
        .iter()
        .find(|i| i["id"] == id)
        .expect("the inspection");
    let standards = raw::list(&doc, "standards")
        .iter()
        .filter(|s| raw::list(s, "applies_to").contains(&inspection["kind"]))
        .map(|s| {
            let code = s["code"].as_str().expect("a code");
            let band = inspection["standards"][code]
                .as_str()
                .unwrap_or(app::NOT_PUBLISHED);
            json!([code, band])
        })
        .collect();
    Value::Array(standards)
}

#[tokio::test]
async fn a_post_shows_its_ratings_live_and_links_to_the_filtered_table_and_back() {
    let post = post_with_ratings(&app::posts());
    let inspections = app::inspections();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "article.post h1", &post.title).await;

    for id in &post.inspections {
        let inspection = inspections
            .iter()
            .find(|i| &i.id == id)
            .expect("the post's inspection is rated");
        let css = format!(".ratings-box li.rating[data-inspection=\"{id}\"] dd[data-col=overall]");
        wait_for_text(client, &css, inspection.overall_text()).await;
        let heading = format!(".ratings-box li.rating[data-inspection=\"{id}\"] h3");
        assert_eq!(
            dom::text_of(client, &heading).await.as_deref(),
            Some(inspection.organisation.as_str())
        );
        // Every standard of the inspection's framework with its band, as the table has it.
        let shown = dom::run_js(
            client,
            "return Array.from(document.querySelectorAll(\
               `.ratings-box li.rating[data-inspection=\"${arguments[0]}\"] [data-standard]`))\
               .map(li => [li.dataset.standard, li.querySelector('.band').textContent.trim()]);",
            vec![json!(id)],
        )
        .await;
        assert_eq!(shown, expected_standards(id), "{id}: the standards' bands");
        let details = format!(
            ".ratings-box li.rating[data-inspection=\"{id}\"] a[href=\"/inspections/{id}\"]"
        );
        assert!(
            client.find(Locator::Css(&details)).await.is_ok(),
            "a link to the inspection page"
        );
    }
    // Title and description come from the post.
    assert!(dom::title(client).await.starts_with(&post.title));
    let description = dom::run_js(
        client,
        "return Array.from(document.querySelectorAll('meta[name=description]')).map(m => m.content);",
        vec![],
    )
    .await;
    assert_eq!(
        description,
        json!([post.standfirst]),
        "one description, the standfirst"
    );

    let first = inspections
        .iter()
        .find(|i| i.id == post.inspections[0])
        .unwrap();
    dom::click(client, ".ratings-box li.rating a.table-link").await;
    wait_for_css(client, "table.league-table tbody tr[data-id]").await;
    wait_for_css(client, "#shown-count").await;
    let url = client.current_url().await.unwrap();
    assert_eq!(url.path(), "/league-table");
    assert_eq!(query(client).await.get("q"), Some(&first.organisation));

    client.back().await.expect("go back");
    wait_for_text(client, "article.post h1", &post.title).await;
    assert_eq!(
        client.current_url().await.unwrap().path(),
        format!("/posts/{}", post.slug)
    );
    e2e.stop().await;
}

#[tokio::test]
async fn a_tag_on_a_post_opens_the_list_filtered_by_it() {
    let posts = app::posts();
    let post = posts
        .iter()
        .find(|p| !p.tags.is_empty())
        .expect("a post with tags")
        .clone();
    let tag = post.tags[0].clone();
    let mut expected: Vec<String> = posts
        .iter()
        .filter(|p| p.tags.contains(&tag))
        .map(|p| format!("/posts/{}", p.slug))
        .collect();
    expected.truncate(app::POSTS_PAGE_SIZE);
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto(&format!("/posts/{}", post.slug)).await;
    wait_for_text(client, "article.post h1", &post.title).await;
    dom::click(client, "article.post .tags a").await;
    wait_for("the list filtered by the tag", || {
        let expected = expected.clone();
        let tag = tag.clone();
        async move {
            let select = dom::value_of(client, "#posts-tag").await;
            let shown: Vec<String> = listed(client).await.into_iter().map(|(h, _)| h).collect();
            if select.as_deref() == Some(tag.as_str()) && shown == expected {
                Ok(())
            } else {
                Err(format!("{select:?} {shown:?}, expected {expected:?}"))
            }
        }
    })
    .await;
    assert_eq!(query(client).await.get("tag"), Some(&tag));
    e2e.stop().await;
}

#[tokio::test]
async fn the_feed_is_linked_served_and_well_formed_with_every_post() {
    let posts = app::posts();
    let e2e = E2e::start().await;
    let client = e2e.client();
    e2e.goto("/posts").await;
    wait_for_css(client, "ul.post-list").await;
    let href = dom::run_js(
        client,
        "const l = document.querySelector('head link[rel=alternate][type=\"application/atom+xml\"]');\
         return l ? l.getAttribute('href') : null;",
        vec![],
    )
    .await;
    assert_eq!(href, json!("/feed.xml"));
    // Fetched and parsed by the browser's own XML parser.
    let feed = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch('/feed.xml').then(r => r.text().then(text => {\
               const doc = new DOMParser().parseFromString(text, 'application/xml');\
               done({status: r.status,\
                     errors: doc.getElementsByTagName('parsererror').length,\
                     root: doc.documentElement.localName,\
                     ids: Array.from(doc.getElementsByTagName('entry')).map(e =>\
                       e.getElementsByTagName('id')[0].textContent),\
                     links: Array.from(doc.getElementsByTagName('entry')).map(e =>\
                       new URL(e.getElementsByTagName('link')[0].getAttribute('href'), r.url).href)});\
             })).catch(e => done({error: String(e)}));",
            vec![],
        )
        .await
        .expect("fetch the feed");
    assert_eq!(feed["status"], json!(200), "{feed}");
    assert_eq!(feed["errors"], json!(0), "well-formed: {feed}");
    assert_eq!(feed["root"], json!("feed"));
    let ids: Vec<&str> = feed["ids"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(ids.len(), posts.len(), "one entry per post");
    // Absolute, and one for each post.
    assert!(ids.iter().all(|id| id.starts_with("urn:uuid:")), "{ids:?}");
    let distinct: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "{ids:?}");
    // Each entry's link, resolved as a feed reader does against the feed's address, is the
    // post's page on the server that served the feed.
    let links = feed["links"].as_array().expect("links");
    for (link, post) in links.iter().zip(&posts) {
        assert_eq!(
            link.as_str(),
            Some(e2e.url(&format!("/posts/{}", post.slug)).as_str()),
            "{feed}"
        );
    }
    e2e.stop().await;
}
