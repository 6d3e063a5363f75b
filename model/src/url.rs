//! Building addresses inside the app from data: query strings with every value percent-encoded.

/// Percent-encodes a query value: everything but unreserved characters (RFC 3986), with
/// spaces as `%20`, so any organisation name or search text survives the round trip.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `path?key=value&...`, leaving out empty values; just `path` when nothing is left.
pub fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", encode_component(value)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The league table filtered to one organisation: the contract between the pages.
pub fn league_table_for(organisation: &str) -> String {
    with_query("/league-table", &[("q", organisation.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_everything_that_could_change_the_query() {
        assert_eq!(
            encode_component("Durham & Tees/Valley? 100%"),
            "Durham%20%26%20Tees%2FValley%3F%20100%25"
        );
        assert_eq!(encode_component("Môn"), "M%C3%B4n");
        assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn empty_values_are_left_out() {
        assert_eq!(with_query("/posts", &[]), "/posts");
        assert_eq!(
            with_query("/posts", &[("q", "".into()), ("tag", "round 1".into())]),
            "/posts?tag=round%201"
        );
    }

    #[test]
    fn league_table_link_filters_by_organisation() {
        assert_eq!(
            league_table_for("Warwickshire and West Mercia CRC"),
            "/league-table?q=Warwickshire%20and%20West%20Mercia%20CRC"
        );
    }
}
