//! Whether a post's link to a page of this site leads somewhere: one of the app's routes (see
//! `src/app.rs`), an inspection or a post that exists. A link to an id that was mistyped,
//! renamed or removed would otherwise take readers to "not found". So would a link to one of
//! the site's files (`/feed.xml`, `/data/…`): the app's router takes every click on a link of
//! this site, and has no page for a file.

use std::collections::HashSet;

/// Why `path` (a link starting with `/`) leads nowhere, or `None` when it leads to a page.
pub fn missing_page(
    path: &str,
    inspections: &HashSet<&str>,
    posts: &HashSet<&str>,
) -> Option<String> {
    let page = path.split(['?', '#']).next().unwrap_or_default();
    // The router reads "/league-table/" as "/league-table".
    let segments: Vec<&str> = page
        .trim_start_matches('/')
        .trim_end_matches('/')
        .split('/')
        .collect();
    match segments.as_slice() {
        [""] | ["index.html"] | ["league-table"] | ["compare"] | ["posts"] | ["about"] => None,
        ["inspections", id] if inspections.contains(id) => None,
        ["inspections", id] => Some(format!("no inspection has the id '{id}' in inspections.csv")),
        ["posts", slug] if posts.contains(slug) => None,
        ["posts", slug] => Some(format!("no post is named '{slug}.md' in content/posts")),
        _ => Some(format!(
            "'{page}' is no page of this site (its pages: /, /league-table, /posts, /posts/…, /inspections/…, /compare, /about)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str) -> Option<String> {
        let inspections = ["crc-wwm-r1"].into_iter().collect();
        let posts = ["a-post"].into_iter().collect();
        missing_page(path, &inspections, &posts)
    }

    #[test]
    fn the_apps_pages_lead_somewhere() {
        for path in [
            "/",
            "/league-table",
            "/league-table?region=Wales&sort=-overall",
            "/posts?tag=crc",
            "/posts/a-post",
            "/posts/a-post#read-more",
            "/inspections/crc-wwm-r1",
            "/compare?ids=a,b",
            "/about",
            "/league-table/",
            "/posts/a-post/",
        ] {
            assert_eq!(check(path), None, "{path}");
        }
    }

    #[test]
    fn a_missing_inspection_post_or_page_is_named() {
        assert_eq!(
            check("/inspections/crc-nowhere-r1").as_deref(),
            Some("no inspection has the id 'crc-nowhere-r1' in inspections.csv")
        );
        assert_eq!(
            check("/posts/no-such-post?x=1").as_deref(),
            Some("no post is named 'no-such-post.md' in content/posts")
        );
        for path in [
            "/leage-table",
            "/inspections",
            "/posts/a-post/more",
            "/feed.xml",
            "/data/ratings.json",
        ] {
            assert!(
                check(path).is_some_and(|reason| reason.contains("is no page of this site")),
                "{path}"
            );
        }
    }
}
