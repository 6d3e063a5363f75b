//! Posts as the app receives them: metadata, and a body already reduced to safe blocks.
//!
//! The body is structured data, not HTML, so nothing in a post can become markup or script.

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// What the posts list needs about a post, without its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostSummary {
    pub slug: String,
    pub title: String,
    pub standfirst: String,
    pub published: PartialDate,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids of the inspections the post is about.
    #[serde(default)]
    pub inspections: Vec<String>,
    pub excerpt: String,
    pub reading_minutes: u32,
}

/// Externally tagged (`{"paragraph": [...]}`): compact JSON, and serde reads it without
/// buffering, which keeps the wasm smaller than a `"type"` field would.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    /// `href` is an http(s) address or a path inside the app; the data tool refuses anything else.
    Link {
        href: String,
        content: Vec<Inline>,
    },
}

/// The order of the posts list: newest first, then by title.
pub fn newest_first(a: &PostSummary, b: &PostSummary) -> Ordering {
    b.published
        .cmp(&a.published)
        .then_with(|| a.title.cmp(&b.title))
}

/// The posts about one inspection, in the order given (the index is newest first).
pub fn posts_about<'a>(posts: &'a [PostSummary], inspection_id: &str) -> Vec<&'a PostSummary> {
    posts
        .iter()
        .filter(|post| post.inspections.iter().any(|id| id == inspection_id))
        .collect()
}

/// Reading time at 200 words a minute, never less than a minute.
pub fn reading_minutes(words: usize) -> u32 {
    (words as u32).div_ceil(200).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(title: &str, published: &str) -> PostSummary {
        PostSummary {
            slug: title.to_lowercase(),
            title: title.into(),
            standfirst: String::new(),
            published: PartialDate::parse(published).unwrap(),
            tags: vec![],
            inspections: vec![],
            excerpt: String::new(),
            reading_minutes: 1,
        }
    }

    #[test]
    fn posts_list_newest_first_then_by_title() {
        let mut posts = [
            summary("Old", "2025-01-02"),
            summary("Beta", "2026-11-20"),
            summary("Alpha", "2026-11-20"),
            summary("Newest", "2026-11-22"),
        ];
        posts.sort_by(newest_first);
        let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Newest", "Alpha", "Beta", "Old"]);
    }

    #[test]
    fn posts_about_an_inspection_name_it() {
        let mut a = summary("A", "2026-11-20");
        a.inspections = vec!["x-r1".into(), "y-r1".into()];
        let mut b = summary("B", "2026-11-19");
        b.inspections = vec!["x-r1".into()];
        let posts = [a, b, summary("C", "2026-11-18")];
        let titles = |id| -> Vec<&str> {
            posts_about(&posts, id)
                .iter()
                .map(|p| p.title.as_str())
                .collect()
        };
        assert_eq!(titles("x-r1"), ["A", "B"]);
        assert_eq!(titles("y-r1"), ["A"]);
        assert!(titles("x-r2").is_empty());
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(399), 2);
    }

    #[test]
    fn blocks_serialise_tagged_by_kind() {
        let block = Block::Paragraph(vec![Inline::Text("Hi".into())]);
        let json = serde_json::to_string(&block).unwrap();
        assert_eq!(json, r#"{"paragraph":[{"text":"Hi"}]}"#);
        assert_eq!(serde_json::from_str::<Block>(&json).unwrap(), block);
    }
}
