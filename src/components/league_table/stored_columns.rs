//! The reader's choice of hidden column groups, kept in localStorage so it persists between
//! visits; the URL still wins when it names one.

use model::table::data::TableData;
use std::collections::BTreeSet;

const KEY: &str = "on-probation.hidden-column-groups";

fn storage() -> Option<web_sys::Storage> {
    // Storage may be refused (private modes, blocked cookies): then nothing persists.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored group slugs that still name a group in the data.
pub fn load(data: &TableData) -> BTreeSet<String> {
    let stored = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .unwrap_or_default();
    stored
        .split(',')
        .filter(|slug| !slug.is_empty() && data.groups.iter().any(|g| g.slug == *slug))
        .map(str::to_string)
        .collect()
}

pub fn save(hidden: &BTreeSet<String>) {
    if let Some(storage) = storage() {
        let list: Vec<&str> = hidden.iter().map(String::as_str).collect();
        let _ = storage.set_item(KEY, &list.join(","));
    }
}
