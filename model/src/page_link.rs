//! Addresses of the app's own pages, built from data: an inspection, a comparison, and the
//! league table filtered to one organisation.

use crate::query::encode;

/// `/inspections/<id>`.
pub fn inspection_href(id: &str) -> String {
    format!("/inspections/{}", encode(id))
}

/// `/posts/<slug>`: a slug from hand-written data stays one segment (`a/../..//host` would
/// otherwise resolve to another site's address).
pub fn post_href(slug: &str) -> String {
    format!("/posts/{}", encode(slug))
}

/// `/compare?ids=a,b`; the commas stay literal so the address reads as it is typed.
pub fn compare_href<S: AsRef<str>>(ids: &[S]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| encode(id.as_ref())).collect();
    format!("/compare?ids={}", ids.join(","))
}

/// `/league-table?q=<organisation>`: the table filtered to one organisation.
pub fn league_table_href(organisation: &str) -> String {
    format!("/league-table?q={}", encode(organisation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_each_page_address() {
        assert_eq!(inspection_href("crc-wwm-r1"), "/inspections/crc-wwm-r1");
        assert_eq!(inspection_href("../x"), "/inspections/..%2Fx");
        assert_eq!(post_href("a-post"), "/posts/a-post");
        assert_eq!(post_href("x/../..//evil"), "/posts/x%2F..%2F..%2F%2Fevil");
        assert_eq!(compare_href(&["a", "b c"]), "/compare?ids=a,b%20c");
        assert_eq!(
            league_table_href("Cumbria and Lancashire CRC"),
            "/league-table?q=Cumbria%20and%20Lancashire%20CRC"
        );
    }
}
