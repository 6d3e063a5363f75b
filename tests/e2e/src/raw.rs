//! The generated JSON as plain values, for tests that need fields [`crate::app`] does not
//! model (standards, sources, rounds, the posts' inspection ids).

use serde_json::Value;

use crate::app::read_json;

/// `dist/data/ratings.json`.
pub fn ratings() -> Value {
    read_json("data/ratings.json")
}

/// `dist/data/posts/index.json`.
pub fn posts_index() -> Value {
    read_json("data/posts/index.json")
}

/// The array at `doc[key]`; panics naming the key when there is none.
pub fn list<'a>(doc: &'a Value, key: &str) -> &'a Vec<Value> {
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("no \"{key}\" array in {doc}"))
}

/// A string value, or "" for anything else (null included).
pub fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}
