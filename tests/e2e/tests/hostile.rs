//! Hostile text in the data: markup, script, event attributes and `javascript:` or `data:`
//! addresses in every field a page shows must stay text. The app is served with such a data
//! set and every page is checked: the payloads' global flag stays unset, no element from a
//! payload exists, no link has a scheme other than http(s), and links off the site carry
//! `rel="noopener noreferrer"`.

use e2e::app::edit_json;
use e2e::dom::run_js;
use e2e::script::wait_for_value;
use e2e::wait::wait_for_text;
use e2e::E2e;
use serde_json::{json, Value};
use std::path::Path;

/// Each part sets `window.__pwned` if it ever runs.
const HOSTILE: &str = concat!(
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<a href=\"javascript:window.__pwned = 'link'\">click</a>",
    "\" onmouseover=\"window.__pwned = 'attribute'\" x=\"",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
);
const JS_URL: &str = "javascript:window.__pwned = 'href'";
const DATA_URL: &str = "data:text/html,<script>window.__pwned = 'data'</script>";
const EXTERNAL: &str = "https://example.org/external";

fn hostile_post_summary(post: &mut Value) {
    post["title"] = json!(format!("Title {HOSTILE}"));
    post["standfirst"] = json!(HOSTILE);
    post["excerpt"] = json!(HOSTILE);
    post["tags"] = json!([HOSTILE]);
}

/// Makes the served copy's data hostile: the first inspection and the first post.
fn poison(dist: &Path, slug: &str) {
    edit_json(&dist.join("data/ratings.json"), |doc| {
        doc["provenance"]["summary"] = json!(HOSTILE);
        doc["provenance"]["sources"] = json!([JS_URL, DATA_URL, EXTERNAL]);
        let first = &mut doc["inspections"][0];
        first["organisation"] = json!(format!("Evil {HOSTILE}"));
        for field in ["owner", "region", "notes"] {
            first[field] = json!(HOSTILE);
        }
        first["source_url"] = json!(JS_URL);
        first["other_sources"] = json!([DATA_URL, EXTERNAL]);
    });
    edit_json(&dist.join("data/posts/index.json"), |doc| {
        hostile_post_summary(&mut doc["posts"][0])
    });
    edit_json(&dist.join(format!("data/posts/{slug}.json")), |doc| {
        hostile_post_summary(doc);
        let link =
            |href: &str, text: &str| json!({"link": {"href": href, "content": [{"text": text}]}});
        doc["body"] = json!([
            {"heading": {"level": 2, "content": [{"text": HOSTILE}]}},
            {"paragraph": [
                {"text": HOSTILE},
                link(JS_URL, "script link"),
                link(DATA_URL, "data link"),
                link("//evil.example/", "protocol-relative link"),
                link(EXTERNAL, "external link"),
                {"code": HOSTILE},
            ]},
        ]);
    });
}

/// Everything on the current page that a payload could have caused; empty when all is inert.
const INSPECT_JS: &str = r#"
const bad = [];
if (window.__pwned !== undefined) bad.push('a payload ran: ' + window.__pwned);
document.querySelectorAll('img[src="x"], svg:not(.band-chart), script:not([src]), iframe, object, embed')
  .forEach((el) => bad.push('element from a payload: ' + el.outerHTML.slice(0, 80)));
for (const el of document.querySelectorAll('*')) {
  for (const attr of el.attributes) {
    if (/^on/i.test(attr.name)) bad.push('event attribute ' + attr.name + ' on ' + el.tagName);
    if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) {
      bad.push(attr.name + '="' + attr.value.slice(0, 40) + '" on ' + el.tagName);
    }
  }
}
for (const a of document.querySelectorAll('a[href]')) {
  const url = new URL(a.getAttribute('href'), location.href);
  if (!['http:', 'https:'].includes(url.protocol)) bad.push('a ' + url.protocol + ' link');
  if (url.origin !== location.origin
      && !(a.relList.contains('noopener') && a.relList.contains('noreferrer'))) {
    bad.push('external link without rel="noopener noreferrer": ' + a.href);
  }
}
return bad;
"#;

async fn assert_inert(e2e: &E2e, path: &str) {
    let client = e2e.client();
    e2e.goto(path).await;
    // Rendered: a heading, and nothing still loading.
    wait_for_value(
        client,
        &format!("{path} to finish loading"),
        "return (document.querySelector('main h1') && !document.querySelector('.loading')) ? true : null;",
        vec![],
    )
    .await;
    let bad = run_js(client, INSPECT_JS, vec![]).await;
    assert_eq!(bad, json!([]), "on {path}");
}

#[tokio::test]
async fn hostile_text_renders_as_text_on_every_page() {
    let inspections = e2e::app::inspections();
    let first = &inspections[0];
    let post = e2e::app::posts().into_iter().next().expect("a post");
    let e2e = E2e::start_with_edited_copy(|dist| poison(dist, &post.slug)).await;
    let client = e2e.client();

    for path in [
        "/".to_string(),
        "/league-table".to_string(),
        "/posts".to_string(),
        "/about".to_string(),
        format!("/inspections/{}", first.id),
        format!("/compare?ids={}", first.id),
        format!("/posts/{}", post.slug),
    ] {
        assert_inert(&e2e, &path).await;
    }

    // Still on the post: the payload is there as words, and only the web address is a link.
    wait_for_text(client, "main h1", &format!("Title {HOSTILE}")).await;
    let links = run_js(
        client,
        "return Array.from(document.querySelectorAll('article.post > :not(header) a'))\
           .map((a) => [a.textContent.trim(), a.getAttribute('href'), a.rel]);",
        vec![],
    )
    .await;
    assert_eq!(
        links,
        json!([["external link", EXTERNAL, "noopener noreferrer"]]),
        "links in the post body"
    );
    let text = run_js(
        client,
        "return document.querySelector('main').textContent;",
        vec![],
    )
    .await;
    let text = text.as_str().unwrap_or_default();
    for words in [
        "script link",
        "data link",
        "protocol-relative link",
        "<img src=x onerror=",
    ] {
        assert!(text.contains(words), "{words:?} is not shown as text");
    }

    e2e.goto("/league-table").await;
    let row = format!("tr[data-id=\"{}\"] [data-col=organisation]", first.id);
    wait_for_text(client, &row, &format!("Evil {HOSTILE}")).await;
    e2e.stop().await;
}
