//! The JSON files the app fetches, each tagged with a format name and version.
//!
//! The app reads only the versions it knows; a newer file gets a clear message instead of a
//! half-understood table.

use crate::inspection::{Inspection, Standard};
use crate::post::{newest_first, Block, PostSummary};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use std::collections::BTreeMap;
use std::fmt;

pub const RATINGS_FORMAT: &str = "on-probation/ratings";
pub const POSTS_INDEX_FORMAT: &str = "on-probation/posts-index";
pub const POST_FORMAT: &str = "on-probation/post";
pub const POSTS_SEARCH_FORMAT: &str = "on-probation/posts-search";
/// The one version of each format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// `public/data/ratings.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingsFile {
    pub format: String,
    pub version: u32,
    pub provenance: Provenance,
    pub standards: Vec<Standard>,
    pub inspections: Vec<Inspection>,
}

/// Where the figures came from, carried with them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub summary: String,
    pub sources: Vec<String>,
}

/// `public/data/posts/index.json`, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostsIndex {
    pub format: String,
    pub version: u32,
    pub posts: Vec<PostSummary>,
}

/// `public/data/posts/<slug>.json`: the summary's fields beside `body`, at the top level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PostFileJson")]
pub struct PostFile {
    pub format: String,
    pub version: u32,
    #[serde(flatten)]
    pub summary: PostSummary,
    pub body: Vec<Block>,
}

/// A post file as read: serde cannot refuse unknown fields beside a flattened struct, so the
/// summary's fields are gathered up and read as a summary, which refuses any it does not know.
#[derive(Deserialize)]
struct PostFileJson {
    format: String,
    version: u32,
    body: Vec<Block>,
    #[serde(flatten)]
    summary: serde_json::Map<String, serde_json::Value>,
}

impl TryFrom<PostFileJson> for PostFile {
    type Error = serde_json::Error;

    fn try_from(file: PostFileJson) -> Result<PostFile, serde_json::Error> {
        Ok(PostFile {
            format: file.format,
            version: file.version,
            summary: serde_json::from_value(serde_json::Value::Object(file.summary))?,
            body: file.body,
        })
    }
}

/// `public/data/posts/search.json`: each post's words as plain text, fetched only once the
/// reader starts a search, so the list itself never downloads post bodies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostsSearch {
    pub format: String,
    pub version: u32,
    /// Plain text of each post's body, by slug.
    pub texts: BTreeMap<String, String>,
}

/// Why a fetched file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Nothing but white space.
    Empty,
    /// Valid so far, but it stops early: an interrupted download or write.
    Truncated { line: usize, column: usize },
    /// Not JSON at all (a web page served in its place, say): where it first goes wrong.
    NotJson { line: usize, column: usize },
    /// JSON, but without the format and version every file of this app starts with.
    NotADataFile,
    /// Missing fields, or a field or value this build does not know (named in the detail): a
    /// file this build would half understand is refused, not half shown.
    Malformed(String),
    /// JSON, but another kind of file.
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    /// A version this build does not read.
    UnknownVersion { format: &'static str, found: u32 },
    /// Read whole, but it contradicts itself in a way no page could show honestly: the detail
    /// names the inspection.
    Inconsistent(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Empty => write!(f, "the file is empty"),
            FormatError::Truncated { line, column } => write!(
                f,
                "the file is cut short: it stops at line {line}, column {column}"
            ),
            FormatError::NotJson { line, column } => write!(
                f,
                "the file is not JSON: it first goes wrong at line {line}, column {column}"
            ),
            FormatError::NotADataFile => write!(
                f,
                "the file is JSON, but not one of this app's data files: it does not name its format and version"
            ),
            FormatError::Malformed(detail) => write!(f, "the file is not valid: {detail}"),
            FormatError::WrongFormat { expected, found } => write!(
                f,
                "the file is of the format '{found}', not the expected '{expected}'"
            ),
            FormatError::UnknownVersion { format, found } => write!(
                f,
                "the file is version {found} of '{format}', but this app reads version {FORMAT_VERSION}; reloading may fetch a newer app"
            ),
            FormatError::Inconsistent(detail) => write!(f, "the file contradicts itself: {detail}"),
        }
    }
}

impl std::error::Error for FormatError {}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Checks the format name and version first, so a newer file is refused by name, then parses it.
pub fn parse_versioned<T: DeserializeOwned>(
    text: &str,
    expected: &'static str,
) -> Result<T, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let header: Header = serde_json::from_str(text).map_err(|error| match error.classify() {
        Category::Data => FormatError::NotADataFile,
        _ => unreadable(error),
    })?;
    if header.format != expected {
        return Err(FormatError::WrongFormat {
            expected,
            found: header.format,
        });
    }
    if header.version != FORMAT_VERSION {
        return Err(FormatError::UnknownVersion {
            format: expected,
            found: header.version,
        });
    }
    serde_json::from_str(text).map_err(unreadable)
}

fn unreadable(error: serde_json::Error) -> FormatError {
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => FormatError::Truncated { line, column },
        Category::Syntax => FormatError::NotJson { line, column },
        Category::Data | Category::Io => FormatError::Malformed(error.to_string()),
    }
}

/// Reads the ratings, trimming the spaces around its texts, and refuses a file whose inspections
/// share an id (each has its own page and row), have no organisation name, or have a score
/// more than its maximum: the data tool never writes any of these, so such a file was edited
/// by hand and its figures cannot be trusted.
pub fn parse_ratings(text: &str) -> Result<RatingsFile, FormatError> {
    let mut file: RatingsFile = parse_versioned(text, RATINGS_FORMAT)?;
    // Spaces around a text are not part of it (" Seetec" is Seetec's row in the owner filter),
    // and a blank text is no value: shown, sorted and filtered as not known, like a missing one
    // (the data tool writes neither, but a file written by hand or by another tool may).
    for inspection in &mut file.inspections {
        inspection.organisation = inspection.organisation.trim().to_string();
        for text in [
            &mut inspection.owner,
            &mut inspection.region,
            &mut inspection.source_url,
            &mut inspection.notes,
        ] {
            *text = text
                .take()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
        }
        inspection.other_sources = std::mem::take(&mut inspection.other_sources)
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    let mut ids = std::collections::BTreeSet::new();
    for inspection in &file.inspections {
        // Every row, link and heading names its organisation: none to show is a broken file.
        if inspection.organisation.is_empty() {
            return Err(FormatError::Malformed(format!(
                "the inspection '{}' has no organisation name",
                inspection.id
            )));
        }
        if !ids.insert(inspection.id.as_str()) {
            return Err(FormatError::Inconsistent(format!(
                "the inspection '{}' is listed twice",
                inspection.id
            )));
        }
        if let Some(score) = inspection.score.as_ref().filter(|s| s.points > s.max) {
            return Err(FormatError::Inconsistent(format!(
                "the inspection '{}' has a score of {} out of {}",
                inspection.id, score.points, score.max
            )));
        }
    }
    Ok(file)
}

/// Reads the posts index, newest first whatever order the file lists them in (the data tool
/// writes them so, but a file published by hand may not).
pub fn parse_posts_index(text: &str) -> Result<PostsIndex, FormatError> {
    let mut index: PostsIndex = parse_versioned(text, POSTS_INDEX_FORMAT)?;
    index.posts.sort_by(newest_first);
    Ok(index)
}

pub fn parse_post(text: &str) -> Result<PostFile, FormatError> {
    parse_versioned(text, POST_FORMAT)
}

pub fn parse_posts_search(text: &str) -> Result<PostsSearch, FormatError> {
    parse_versioned(text, POSTS_SEARCH_FORMAT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings_json(version: u32) -> String {
        format!(
            r#"{{"format":"{RATINGS_FORMAT}","version":{version},
               "provenance":{{"summary":"s","sources":[]}},
               "standards":[],
               "inspections":[{{"id":"a","organisation":"A","kind":"PDU","owner":null,
                 "region":null,"published":"2022-03","round":null,"overall":null,"score":null,
                 "standards":{{}},"caseload":null,"source_url":null,"other_sources":[],
                 "confidence":null,"notes":null}}]}}"#
        )
    }

    #[test]
    fn an_inspection_with_only_its_id_name_and_kind_reads_as_all_unknown() {
        let text = format!(
            r#"{{"format":"{RATINGS_FORMAT}","version":{FORMAT_VERSION},
               "provenance":{{"summary":"s","sources":[]}},"standards":[],
               "inspections":[{{"id":"a","organisation":"A","kind":"PDU"}}]}}"#
        );
        let inspection = &parse_ratings(&text).unwrap().inspections[0];
        assert_eq!((inspection.overall, inspection.published), (None, None));
        assert!(inspection.standards.is_empty() && inspection.other_sources.is_empty());
        assert_eq!((&inspection.owner, &inspection.score), (&None, &None));
    }

    #[test]
    fn blank_texts_read_as_not_known() {
        let text = format!(
            r#"{{"format":"{RATINGS_FORMAT}","version":{FORMAT_VERSION},
               "provenance":{{"summary":"s","sources":[]}},"standards":[],
               "inspections":[{{"id":"a","organisation":" A ","kind":"PDU","owner":"",
                 "region":"  ","source_url":"","notes":"","other_sources":["", " https://x.example/"]}}]}}"#
        );
        let inspection = &parse_ratings(&text).unwrap().inspections[0];
        assert_eq!(inspection.organisation, "A");
        assert_eq!(
            (
                &inspection.owner,
                &inspection.region,
                &inspection.source_url,
                &inspection.notes
            ),
            (&None, &None, &None, &None)
        );
        assert_eq!(inspection.other_sources, ["https://x.example/"]);
    }

    #[test]
    fn a_blank_organisation_is_refused_by_its_id() {
        let text = format!(
            r#"{{"format":"{RATINGS_FORMAT}","version":{FORMAT_VERSION},
               "provenance":{{"summary":"s","sources":[]}},"standards":[],
               "inspections":[{{"id":"a","organisation":"  ","kind":"PDU","owner":" Seetec "}}]}}"#
        );
        match parse_ratings(&text) {
            Err(FormatError::Malformed(why)) => {
                assert!(why.contains("'a' has no organisation"), "{why}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_posts_index_reads_newest_first_in_any_order() {
        let post = |slug: &str, published: &str| {
            format!(
                r#"{{"slug":"{slug}","title":"{slug}","standfirst":"s","published":"{published}",
                   "tags":[],"inspections":[],"excerpt":"e","reading_minutes":1}}"#
            )
        };
        let text = format!(
            r#"{{"format":"{POSTS_INDEX_FORMAT}","version":{FORMAT_VERSION},"posts":[{},{},{}]}}"#,
            post("old", "2023-01-05"),
            post("new", "2024-03-01"),
            post("middle", "2024-01-20")
        );
        let slugs: Vec<String> = parse_posts_index(&text)
            .unwrap()
            .posts
            .into_iter()
            .map(|p| p.slug)
            .collect();
        assert_eq!(slugs, ["new", "middle", "old"]);
    }

    #[test]
    fn reads_the_known_version_with_unknowns_kept_unknown() {
        let file = parse_ratings(&ratings_json(FORMAT_VERSION)).unwrap();
        assert_eq!(file.inspections.len(), 1);
        assert_eq!(file.inspections[0].overall, None);
        assert_eq!(file.inspections[0].score, None);
    }

    #[test]
    fn refuses_a_repeated_id_or_a_score_above_its_maximum_by_inspection() {
        let one = ratings_json(FORMAT_VERSION);
        let (head, tail) = one.split_at(one.find("[{\"id\"").unwrap() + 1);
        let inspection = &tail[..tail.rfind(']').unwrap()];
        let twice = format!("{head}{inspection},{tail}");
        assert_eq!(
            parse_ratings(&twice).unwrap_err().to_string(),
            "the file contradicts itself: the inspection 'a' is listed twice"
        );
        let over = |points: u32, max: u32| {
            one.replace(
                "\"score\":null",
                &format!("\"score\":{{\"points\":{points},\"max\":{max},\"basis\":\"stated\"}}"),
            )
        };
        assert_eq!(
            parse_ratings(&over(28, 27)).unwrap_err().to_string(),
            "the file contradicts itself: the inspection 'a' has a score of 28 out of 27"
        );
        assert_eq!(
            parse_ratings(&over(27, 27)).unwrap().inspections[0]
                .score
                .as_ref()
                .map(|s| s.points),
            Some(27)
        );
    }

    #[test]
    fn refuses_an_unknown_version_by_name() {
        let err = parse_ratings(&ratings_json(2)).unwrap_err();
        assert_eq!(
            err,
            FormatError::UnknownVersion {
                format: RATINGS_FORMAT,
                found: 2
            }
        );
        assert!(err.to_string().contains("version 2"));
    }

    #[test]
    fn refuses_another_format() {
        let text = ratings_json(1).replace(RATINGS_FORMAT, POSTS_INDEX_FORMAT);
        assert!(matches!(
            parse_ratings(&text),
            Err(FormatError::WrongFormat { .. })
        ));
    }

    #[test]
    fn refuses_truncated_empty_and_malformed_files() {
        let full = ratings_json(1);
        assert!(matches!(
            parse_ratings(&full[..full.len() / 2]),
            Err(FormatError::Truncated { .. })
        ));
        for text in ["", " \n"] {
            assert_eq!(parse_ratings(text), Err(FormatError::Empty));
        }
        assert_eq!(
            parse_ratings("<!doctype html>"),
            Err(FormatError::NotJson { line: 1, column: 1 })
        );
        assert_eq!(
            parse_ratings("{\"a\": 1,\n \"b\": tru }"),
            Err(FormatError::NotJson {
                line: 2,
                column: 10
            })
        );
        for text in [
            "[]",
            "{}",
            "{\"format\":1}",
            "{\"format\":\"x\"}",
            "\"text\"",
        ] {
            assert_eq!(
                parse_ratings(text),
                Err(FormatError::NotADataFile),
                "{text:?}"
            );
        }
    }

    #[test]
    fn refuses_an_unknown_field_by_name() {
        let text = ratings_json(1).replace("\"notes\":null", "\"notes\":null,\"added_later\":[1]");
        let err = parse_ratings(&text).unwrap_err();
        assert!(matches!(err, FormatError::Malformed(_)));
        assert!(
            err.to_string().contains("unknown field `added_later`"),
            "{err}"
        );
    }

    /// A post file's summary fields sit beside its body; an unknown one there is refused too,
    /// and a known file still reads.
    #[test]
    fn refuses_an_unknown_field_in_a_post_file() {
        let post = r#"{"format":"on-probation/post","version":1,"slug":"a","title":"A",
            "standfirst":"S","published":"2020-01-02","tags":[],"inspections":[],"excerpt":"E",
            "reading_minutes":1,"body":[{"paragraph":[{"text":"Hello"}]}]}"#;
        assert_eq!(parse_post(post).unwrap().summary.title, "A");
        let extra = post.replace(r#""title":"A","#, r#""title":"A","author":"B","#);
        let err = parse_post(&extra).unwrap_err();
        assert!(err.to_string().contains("unknown field `author`"), "{err}");
        let in_body = post.replace(
            r#"{"text":"Hello"}"#,
            r#"{"link":{"href":"/","content":[],"rel":"x"}}"#,
        );
        let err = parse_post(&in_body).unwrap_err();
        assert!(err.to_string().contains("unknown field `rel`"), "{err}");
    }

    #[test]
    fn refuses_an_unknown_band_by_name() {
        let text = ratings_json(1).replace("\"overall\":null", "\"overall\":\"Excellent\"");
        let err = parse_ratings(&text).unwrap_err();
        assert!(matches!(err, FormatError::Malformed(_)));
        assert!(
            err.to_string().contains("unknown variant `Excellent`"),
            "{err}"
        );
    }
}
