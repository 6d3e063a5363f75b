//! Reading the app's built output: where `dist/` is and what its generated JSON says.
//!
//! Tests compute their expectations from these files, so nothing about the data set
//! (counts, ids, kinds, titles) is hard-coded in the tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The overall bands from best to worst, as the app displays them.
pub const BANDS: [&str; 4] = ["Outstanding", "Good", "Requires improvement", "Inadequate"];

/// What the league table shows in the overall column when the band is unknown.
pub const NOT_PUBLISHED: &str = "Not published";

/// The built app folder: `$E2E_DIST`, or `<workspace>/dist` by default.
///
/// Panics with instructions when the folder or its `index.html` is missing.
pub fn dist_dir() -> PathBuf {
    let dir = match std::env::var_os("E2E_DIST") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"),
    };
    let index = dir.join("index.html");
    if !index.is_file() {
        panic!(
            "the built app was not found: {} does not exist.\n\
             Build the app first (scripts/test.sh builds it before running these tests), \
             or point E2E_DIST at a folder holding the built app.",
            index.display()
        );
    }
    dir.canonicalize().unwrap_or(dir)
}

/// The file name of the app's WebAssembly in the build at `dir` (Trunk's `<name>-<hash>_bg.wasm`).
pub fn wasm_file(dir: &Path) -> String {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .find(|name| name.ends_with(".wasm"))
        .unwrap_or_else(|| panic!("no .wasm in {}", dir.display()))
}

/// Reads and parses `dist/<rel>` as JSON, panicking with the path on any error.
pub fn read_json(rel: &str) -> Value {
    let path = dist_dir().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

/// Rewrites the JSON file at `path` (in a served copy of the app) with `change`.
pub fn edit_json(path: &Path, change: impl FnOnce(&mut Value)) {
    let mut doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
    change(&mut doc);
    std::fs::write(path, serde_json::to_vec(&doc).unwrap())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Checks the file's `format` and `version` (1), so that a change of data format shows up
/// as a clear failure rather than as confusing DOM mismatches.
fn check_format(doc: &Value, rel: &str, expected: &str) {
    let format = doc.get("format").and_then(Value::as_str);
    assert_eq!(format, Some(expected), "dist/{rel}: unexpected \"format\"");
    assert_eq!(
        doc.get("version").and_then(Value::as_u64),
        Some(1),
        "dist/{rel}: unexpected \"version\""
    );
}

fn str_field(item: &Value, key: &str, rel: &str) -> String {
    item.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("dist/{rel}: entry without string \"{key}\": {item}"))
        .to_owned()
}

/// One entry of `data/ratings.json` (only the fields the tests use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub id: String,
    pub organisation: String,
    pub kind: String,
    /// `None` when the overall band is unknown (JSON `null` or absent).
    pub overall: Option<String>,
}

impl Inspection {
    /// The kind's filter token in the page and the URL: `crc`, `nps-division`, `pdu`.
    pub fn kind_token(&self) -> String {
        self.kind.to_lowercase().replace(' ', "-")
    }

    /// The overall band's filter token: `good`, `requires-improvement`, or `-` when unknown.
    pub fn overall_token(&self) -> String {
        self.overall
            .as_deref()
            .map_or("-".to_owned(), |b| b.to_lowercase().replace(' ', "-"))
    }

    /// The text the league table shows in this inspection's overall cell.
    pub fn overall_text(&self) -> &str {
        self.overall.as_deref().unwrap_or(NOT_PUBLISHED)
    }
}

/// All inspections in `data/ratings.json`, in file order.
pub fn inspections() -> Vec<Inspection> {
    const REL: &str = "data/ratings.json";
    let doc = read_json(REL);
    check_format(&doc, REL, "on-probation/ratings");
    let list = doc
        .get("inspections")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("dist/{REL}: no \"inspections\" array"));
    let out: Vec<Inspection> = list
        .iter()
        .map(|item| Inspection {
            id: str_field(item, "id", REL),
            organisation: str_field(item, "organisation", REL),
            kind: str_field(item, "kind", REL),
            overall: match item.get("overall") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => {
                    panic!("dist/{REL}: \"overall\" is neither string nor null: {other}")
                }
            },
        })
        .collect();
    assert!(
        !out.is_empty(),
        "dist/{REL} has no inspections; the tests need data"
    );
    out
}

/// Number of inspections per kind, ordered by kind name.
pub fn count_by_kind(list: &[Inspection]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for i in list {
        *counts.entry(i.kind.clone()).or_insert(0) += 1;
    }
    counts
}

/// Position of an overall cell text in best-first order: the four bands 0..=3,
/// "Not published" 4, anything else `None`.
pub fn band_rank(text: &str) -> Option<usize> {
    if text == NOT_PUBLISHED {
        return Some(BANDS.len());
    }
    BANDS.iter().position(|b| *b == text)
}

/// One entry of `data/posts/index.json` (only the fields the tests use).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub slug: String,
    pub title: String,
    pub standfirst: String,
    /// Publication date as written in the index (e.g. "2026-11-20"), if any.
    pub published: Option<String>,
    pub tags: Vec<String>,
    /// Ids of the inspections the post is about.
    pub inspections: Vec<String>,
}

fn str_list(item: &Value, key: &str) -> Vec<String> {
    item.get(key)
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// All posts in `data/posts/index.json`, in file order.
pub fn posts() -> Vec<Post> {
    const REL: &str = "data/posts/index.json";
    let doc = read_json(REL);
    check_format(&doc, REL, "on-probation/posts-index");
    let list = doc
        .get("posts")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("dist/{REL}: no \"posts\" array"));
    list.iter()
        .map(|item| Post {
            slug: str_field(item, "slug", REL),
            title: str_field(item, "title", REL),
            standfirst: str_field(item, "standfirst", REL),
            published: item
                .get("published")
                .and_then(Value::as_str)
                .map(str::to_owned),
            tags: str_list(item, "tags"),
            inspections: str_list(item, "inspections"),
        })
        .collect()
}

/// One of the app's main pages, as tests visit it.
#[derive(Debug, Clone)]
pub struct Route {
    /// Short name for file names and messages.
    pub name: &'static str,
    pub path: String,
    /// A CSS selector that matches once the page has rendered its content.
    pub ready: &'static str,
}

/// A word of `title` that a search highlights: its first of four letters or more.
fn search_word(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphabetic())
        .find(|w| w.chars().count() >= 4)
        .expect("a title with a word of four letters")
        .to_lowercase()
}

/// Every main route: home, league table, posts list, a posts search, the first post, about,
/// an inspection, a comparison, and a page that does not exist.
pub fn main_routes() -> Vec<Route> {
    let post = posts().into_iter().next().expect("at least one post");
    let ids: Vec<String> = inspections().into_iter().take(4).map(|i| i.id).collect();
    let route = |name, path: &str, ready| Route {
        name,
        path: path.to_owned(),
        ready,
    };
    vec![
        route("home", "/", "main h1"),
        route(
            "league-table",
            "/league-table",
            "table.league-table tbody tr",
        ),
        route("posts", "/posts", "ul.post-list li"),
        // A search, for its highlighted matches.
        route(
            "posts-search",
            &format!("/posts?q={}", search_word(&post.title)),
            "ul.post-list mark",
        ),
        route("post", &format!("/posts/{}", post.slug), "article.post h1"),
        route("about", "/about", "ul.coverage li"),
        route(
            "inspection",
            &format!("/inspections/{}", ids[0]),
            "table.standards-table",
        ),
        route(
            "compare",
            &format!("/compare?ids={}", ids.join(",")),
            "table.compare-table",
        ),
        route("not-found", "/no-such-page", "main h1"),
    ]
}
/// Each post's plain text by slug, from `data/posts/search.json`.
pub fn search_texts() -> BTreeMap<String, String> {
    const REL: &str = "data/posts/search.json";
    let doc = read_json(REL);
    check_format(&doc, REL, "on-probation/posts-search");
    doc.get("texts")
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("dist/{REL}: no \"texts\" object"))
        .iter()
        .map(|(slug, text)| (slug.clone(), text.as_str().unwrap_or_default().to_owned()))
        .collect()
}

/// Posts on one page of the posts list (the app's `PAGE_SIZE`).
pub const POSTS_PAGE_SIZE: usize = 10;
