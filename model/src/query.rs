//! URL query strings: reading `a=1&b=x%20y` into pairs and writing pairs back, percent-encoded.
//!
//! Small on purpose: the app needs only this, not a URL crate. Also how a hand-typed value
//! names one of a list of options.

use crate::text::fold;

/// The `key=value` pairs of a query string, in order, decoded (`+` and `%20` are spaces).
/// A leading `?` is skipped; pairs without a key are dropped; bad escapes are kept as written.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key);
            (!key.is_empty()).then(|| (key, decode(value)))
        })
        .collect()
}

/// `key=value&…` with both sides encoded; empty when there are no pairs.
pub fn print_query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `path?key=value&...`, leaving out empty values; just `path` when nothing is left.
pub fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    let pairs: Vec<(&str, String)> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .cloned()
        .collect();
    path_and_query(path, &print_query(&pairs))
}

/// `path?query`, or the bare path for an empty query; the query may come with its `?` (as the
/// browser's location gives it) or without (as the router's does).
pub fn path_and_query(path: &str, query: &str) -> String {
    match query.trim_start_matches('?') {
        "" => path.to_string(),
        query => format!("{path}?{query}"),
    }
}

/// Percent-encodes everything but letters, digits and `-._~`, plus `,` and `:` which are safe in
/// a query value and keep links readable.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A value as a hand-typed address may give it: any case, accents, spaces for hyphens
/// ("Requires improvement" for `requires-improvement`).
pub fn loose(text: &str) -> String {
    fold(text.trim()).replace([' ', '_'], "-")
}

/// The option `value` names: exactly, or else loosely (see [`loose`]) when only one option
/// matches that way.
pub fn option_named<'a>(options: &'a [String], value: &str) -> Option<&'a String> {
    options.iter().find(|o| *o == value).or_else(|| {
        let value = loose(value);
        let mut matches = options.iter().filter(|o| loose(o) == value);
        match (matches.next(), matches.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    })
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_and_query_reads_a_query_with_or_without_its_mark() {
        assert_eq!(path_and_query("/posts", ""), "/posts");
        assert_eq!(path_and_query("/posts", "?"), "/posts");
        assert_eq!(path_and_query("/posts", "tag=crc"), "/posts?tag=crc");
        assert_eq!(path_and_query("/posts", "?tag=crc"), "/posts?tag=crc");
    }

    #[test]
    fn a_loose_value_names_an_option_only_when_it_names_one() {
        let options = [
            "North East".to_string(),
            "north-east".to_string(),
            "-".to_string(),
        ];
        assert_eq!(option_named(&options, "north-east"), Some(&options[1]));
        assert_eq!(option_named(&options, "NORTH EAST"), None);
        assert_eq!(option_named(&options[..1], "NORTH EAST"), Some(&options[0]));
    }

    #[test]
    fn with_query_leaves_out_empty_values() {
        assert_eq!(with_query("/posts", &[]), "/posts");
        assert_eq!(
            with_query("/posts", &[("q", "".into()), ("tag", "round 1".into())]),
            "/posts?tag=round%201"
        );
    }

    #[test]
    fn round_trips_any_text() {
        let pairs = [
            ("q", "Ébène & co = 100% +1".to_string()),
            ("region", "Liverpool, Knowsley".to_string()),
            ("x", String::new()),
        ];
        let printed = print_query(&pairs);
        assert!(
            !printed.contains(' ') && !printed.contains('+'),
            "{printed}"
        );
        let parsed = parse_query(&format!("?{printed}"));
        let expected: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        assert_eq!(parsed, expected);
    }

    #[test]
    fn reads_plus_as_space_and_keeps_bad_escapes() {
        assert_eq!(
            parse_query("q=a+b&bad=%zz%4&=nokey&flag"),
            [
                ("q".to_string(), "a b".to_string()),
                ("bad".to_string(), "%zz%4".to_string()),
                ("flag".to_string(), String::new()),
            ]
        );
        assert!(parse_query("").is_empty());
        // Broken UTF-8 does not panic.
        assert_eq!(parse_query("q=%FF")[0].1, "\u{FFFD}");
    }
}
