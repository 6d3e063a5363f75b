//! The posts list's state as it lives in the URL (`/posts?q=&tag=&year=&page=`), and the
//! posts, search hits and page it selects.

use crate::post::PostSummary;
use crate::query::{option_named, with_query};
use crate::search::{query_terms, Hit, SearchIndex};
use crate::text::fold;
use std::collections::BTreeSet;

/// Posts on one page of the list.
pub const PAGE_SIZE: usize = 10;

/// What the reader asked the posts list for. Empty fields keep every post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostsQuery {
    pub text: String,
    pub tag: Option<String>,
    pub year: Option<u16>,
    /// 1-based.
    pub page: usize,
}

impl Default for PostsQuery {
    fn default() -> Self {
        PostsQuery {
            text: String::new(),
            tag: None,
            year: None,
            page: 1,
        }
    }
}

impl PostsQuery {
    /// Reads the URL's parameters (already percent-decoded). A tag is read as the league
    /// table reads its filters: exactly, or loosely (`CRC` for `crc`) when that names one of
    /// `tags`; a tag or year no post has, or anything unreadable, is ignored, so the filters
    /// always show what the list is filtered by.
    pub fn from_params(
        get: impl Fn(&str) -> Option<String>,
        tags: &[String],
        years: &[u16],
    ) -> PostsQuery {
        PostsQuery {
            text: get("q").unwrap_or_default(),
            tag: get("tag")
                .filter(|t| !t.is_empty())
                .and_then(|t| option_named(tags, &t).cloned()),
            year: get("year")
                .and_then(|y| y.trim().parse().ok())
                .filter(|y| years.contains(y)),
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|&p| p > 0)
                .unwrap_or(1),
        }
    }

    /// The list's address for this query; defaults are left out.
    pub fn to_url(&self) -> String {
        with_query(
            "/posts",
            &[
                ("q", self.text.clone()),
                ("tag", self.tag.clone().unwrap_or_default()),
                ("year", self.year.map(|y| y.to_string()).unwrap_or_default()),
                (
                    "page",
                    if self.page > 1 {
                        self.page.to_string()
                    } else {
                        String::new()
                    },
                ),
            ],
        )
    }

    /// The same query on another page.
    pub fn on_page(&self, page: usize) -> PostsQuery {
        PostsQuery {
            page,
            ..self.clone()
        }
    }

    /// A changed search or filter starts again at page 1.
    pub fn with(self, change: impl FnOnce(&mut PostsQuery)) -> PostsQuery {
        let mut next = self;
        change(&mut next);
        next.page = 1;
        next
    }

    pub fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty() || self.tag.is_some() || self.year.is_some()
    }

    fn keeps(&self, post: &PostSummary) -> bool {
        self.tag.as_ref().is_none_or(|tag| post.tags.contains(tag))
            && self.year.is_none_or(|year| post.published.year == year)
    }

    /// What is being searched for, in words, for counts and the empty state:
    /// `matching “crc” tagged “round 1” from 2019`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.text.trim().is_empty() {
            parts.push(format!("matching “{}”", self.text.trim()));
        }
        if let Some(tag) = &self.tag {
            parts.push(format!("tagged “{tag}”"));
        }
        if let Some(year) = self.year {
            parts.push(format!("from {year}"));
        }
        parts.join(" ")
    }
}

/// Every post the query keeps, as positions in `posts`: newest first, or ranked by the search
/// when there is one. `index` is [`SearchIndex`] of the same posts.
pub fn list_posts(posts: &[PostSummary], index: &SearchIndex, query: &PostsQuery) -> Vec<usize> {
    let keeps = |&i: &usize| query.keeps(&posts[i]);
    if query.text.trim().is_empty() {
        return (0..posts.len()).filter(keeps).collect();
    }
    index
        .ranked(posts, &query_terms(&query.text))
        .into_iter()
        .filter(keeps)
        .collect()
}

/// The search's highlights for the listed posts at `entries` (those on screen), in order; none
/// when there is no search.
pub fn hits(
    posts: &[PostSummary],
    index: &SearchIndex,
    entries: &[usize],
    query: &PostsQuery,
) -> Vec<Hit> {
    let terms = query_terms(&query.text);
    if terms.is_empty() {
        return Vec::new();
    }
    entries
        .iter()
        .map(|&i| index.hit(posts, i, &terms))
        .collect()
}

/// How many pages `count` entries fill (at least one, so an empty list is "page 1 of 1").
pub fn page_count(count: usize) -> usize {
    count.div_ceil(PAGE_SIZE).max(1)
}

/// The entries on `page`, clamped to the last page.
pub fn page_of<T: Clone>(entries: &[T], page: usize) -> Vec<T> {
    let page = page.clamp(1, page_count(entries.len()));
    entries
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .cloned()
        .collect()
}

/// "12 posts matching “crc”. Page 1 of 2." for the live region.
pub fn result_summary(count: usize, query: &PostsQuery) -> String {
    let noun = if count == 1 { "post" } else { "posts" };
    let what = query.describe();
    let pages = page_count(count);
    let mut out = if what.is_empty() {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun} {what}")
    };
    if pages > 1 {
        out.push_str(&format!(". Page {} of {pages}", query.page.clamp(1, pages)));
    }
    out.push('.');
    out
}

/// Every tag used, A to Z ignoring case and accents, for the tag filter.
pub fn all_tags(posts: &[PostSummary]) -> Vec<String> {
    // Inserted one by one: collecting into a set would add a sort to the wasm.
    let mut tags = BTreeSet::new();
    posts.iter().flat_map(|p| &p.tags).for_each(|tag| {
        tags.insert((fold(tag), tag));
    });
    tags.into_iter().map(|(_, tag)| tag.clone()).collect()
}

/// Every year posts were published in, newest first, for the year filter.
pub fn all_years(posts: &[PostSummary]) -> Vec<u16> {
    let mut years = BTreeSet::new();
    posts.iter().for_each(|p| {
        years.insert(p.published.year);
    });
    years.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use std::collections::{BTreeMap, HashMap};

    fn post(slug: &str, tags: &[&str], date: &str) -> PostSummary {
        PostSummary {
            slug: slug.into(),
            title: format!("About {slug}"),
            standfirst: String::new(),
            published: PartialDate::parse(date).unwrap(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            inspections: vec![],
            excerpt: String::new(),
            reading_minutes: 1,
        }
    }

    fn sample() -> Vec<PostSummary> {
        vec![
            post("c", &["crc", "round 1"], "2026-03-01"),
            post("b", &["pdu"], "2025-06-01"),
            post("a", &["crc"], "2025-01-01"),
        ]
    }

    fn slugs(posts: &[PostSummary], listed: &[usize]) -> Vec<String> {
        listed.iter().map(|&i| posts[i].slug.clone()).collect()
    }

    #[test]
    fn url_round_trip_leaves_defaults_out() {
        let query = PostsQuery {
            text: "west & mercia".into(),
            tag: Some("round 1".into()),
            year: Some(2019),
            page: 2,
        };
        let url = query.to_url();
        assert_eq!(
            url,
            "/posts?q=west%20%26%20mercia&tag=round%201&year=2019&page=2"
        );
        let decoded: HashMap<&str, String> = [
            ("q", "west & mercia".to_string()),
            ("tag", "round 1".into()),
            ("year", "2019".into()),
            ("page", "2".into()),
        ]
        .into_iter()
        .collect();
        let tags = ["round 1".to_string()];
        assert_eq!(
            PostsQuery::from_params(|k| decoded.get(k).cloned(), &tags, &[2019]),
            query
        );
        assert_eq!(
            PostsQuery::from_params(|_| None, &tags, &[2019]).to_url(),
            "/posts"
        );
    }

    #[test]
    fn unreadable_parameters_are_ignored() {
        let query = PostsQuery::from_params(
            |k| match k {
                "year" => Some("twenty".into()),
                "page" => Some("0".into()),
                "tag" => Some("".into()),
                _ => None,
            },
            &["".to_string()],
            &[2019],
        );
        assert_eq!(query, PostsQuery::default());
    }

    #[test]
    fn a_tag_is_read_loosely_and_one_no_post_has_is_ignored() {
        let tags = ["crc".to_string(), "round 1".to_string()];
        let read = |tag: &str, year: &str| {
            let query = PostsQuery::from_params(
                |k| match k {
                    "tag" => Some(tag.to_string()),
                    "year" => Some(year.to_string()),
                    _ => None,
                },
                &tags,
                &[2019, 2020],
            );
            (query.tag, query.year)
        };
        assert_eq!(read("CRC", "2019"), (Some("crc".to_string()), Some(2019)));
        assert_eq!(
            read("Round 1", " 2020"),
            (Some("round 1".into()), Some(2020))
        );
        assert_eq!(read("round-1", "1999"), (Some("round 1".into()), None));
        assert_eq!(read("no such tag", "2019"), (None, Some(2019)));
    }

    #[test]
    fn changing_a_filter_returns_to_page_one() {
        let query = PostsQuery::default().on_page(3);
        assert_eq!(query.with(|q| q.year = Some(2025)).page, 1);
    }

    #[test]
    fn tag_and_year_filters_combine() {
        let posts = sample();
        let index = SearchIndex::new(&posts, BTreeMap::new());
        let by = |tag: Option<&str>, year: Option<u16>| {
            let query = PostsQuery {
                tag: tag.map(str::to_string),
                year,
                ..PostsQuery::default()
            };
            slugs(&posts, &list_posts(&posts, &index, &query))
        };
        assert_eq!(by(None, None), ["c", "b", "a"]);
        assert_eq!(by(Some("crc"), None), ["c", "a"]);
        assert_eq!(by(None, Some(2025)), ["b", "a"]);
        assert_eq!(by(Some("crc"), Some(2025)), ["a"]);
        assert!(by(Some("round 2"), None).is_empty());
    }

    #[test]
    fn a_search_is_ranked_and_filtered() {
        let posts = sample();
        let bodies: BTreeMap<String, String> = [("b".to_string(), "mentions crc once".to_string())]
            .into_iter()
            .collect();
        let query = PostsQuery {
            text: "crc".into(),
            ..PostsQuery::default()
        };
        let index = SearchIndex::new(&posts, bodies);
        let listed = list_posts(&posts, &index, &query);
        assert_eq!(slugs(&posts, &listed), ["c", "a", "b"]);
        let hits = hits(&posts, &index, &listed[1..], &query);
        let marked: Vec<Vec<&str>> = hits
            .iter()
            .map(|hit| {
                let snippet = hit.snippet.iter().chain([&hit.title]);
                snippet
                    .flat_map(|h| h.parts())
                    .filter(|p| p.1)
                    .map(|p| p.0)
                    .collect()
            })
            .collect();
        // "a" matches by its tag only; "b" in its body.
        assert_eq!(marked, [vec![], vec!["crc"]]);
        assert!(super::hits(&posts, &index, &listed, &PostsQuery::default()).is_empty());
        let in_2025 = PostsQuery {
            year: Some(2025),
            ..query
        };
        assert_eq!(
            slugs(&posts, &list_posts(&posts, &index, &in_2025)),
            ["a", "b"]
        );
    }

    #[test]
    fn pages_hold_page_size_posts_and_clamp() {
        let entries: Vec<usize> = (0..23).collect();
        assert_eq!(page_count(23), 3);
        assert_eq!(page_count(0), 1);
        assert_eq!(page_of(&entries, 1).len(), PAGE_SIZE);
        assert_eq!(page_of(&entries, 3), [20, 21, 22]);
        assert_eq!(page_of(&entries, 9), [20, 21, 22]);
        assert_eq!(page_of(&entries, 0)[0], 0);
    }

    #[test]
    fn summaries_name_the_search_and_filters() {
        let query = PostsQuery {
            text: " crc ".into(),
            tag: Some("round 1".into()),
            year: Some(2019),
            page: 2,
        };
        assert_eq!(
            result_summary(12, &query),
            "12 posts matching “crc” tagged “round 1” from 2019. Page 2 of 2."
        );
        assert_eq!(result_summary(1, &PostsQuery::default()), "1 post.");
    }

    #[test]
    fn tags_and_years_for_the_filters() {
        let posts = sample();
        assert_eq!(all_tags(&posts), ["crc", "pdu", "round 1"]);
        let mut accented = posts.clone();
        accented[0].tags = vec!["über".into(), "Zed".into(), "ynys môn".into()];
        assert_eq!(
            all_tags(&accented),
            ["crc", "pdu", "über", "ynys môn", "Zed"]
        );
        assert_eq!(all_years(&posts), [2026, 2025]);
    }
}
