//! Addresses of the app's own pages, built from data: an inspection, a comparison, and the
//! league table filtered to one organisation.

/// Percent-encodes everything but unreserved characters (RFC 3986), for a query value or a
/// path segment.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `/inspections/<id>`.
pub fn inspection_href(id: &str) -> String {
    format!("/inspections/{}", encode_component(id))
}

/// `/compare?ids=a,b`; the commas stay literal so the address reads as it is typed.
pub fn compare_href<S: AsRef<str>>(ids: &[S]) -> String {
    let ids: Vec<String> = ids.iter().map(|id| encode_component(id.as_ref())).collect();
    format!("/compare?ids={}", ids.join(","))
}

/// `/league-table?q=<organisation>`: the table filtered to one organisation.
pub fn league_table_href(organisation: &str) -> String {
    format!("/league-table?q={}", encode_component(organisation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_spaces_punctuation_and_non_ascii() {
        assert_eq!(
            encode_component("Kent, Surrey & Sussex CRC"),
            "Kent%2C%20Surrey%20%26%20Sussex%20CRC"
        );
        assert_eq!(encode_component("Ynys Môn"), "Ynys%20M%C3%B4n");
        assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn builds_each_page_address() {
        assert_eq!(inspection_href("crc-wwm-r1"), "/inspections/crc-wwm-r1");
        assert_eq!(inspection_href("../x"), "/inspections/..%2Fx");
        assert_eq!(compare_href(&["a", "b c"]), "/compare?ids=a,b%20c");
        assert_eq!(
            league_table_href("Cumbria and Lancashire CRC"),
            "/league-table?q=Cumbria%20and%20Lancashire%20CRC"
        );
    }
}
