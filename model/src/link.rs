//! Which addresses from the data may become links.

/// True for an absolute `http:` or `https:` address with a host and no spaces or control characters.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = match lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// True for a path inside this app, such as `/league-table` (not `//host`, which leaves the site).
pub fn is_internal_path(url: &str) -> bool {
    url.starts_with('/')
        && !url.starts_with("//")
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_http_and_https() {
        assert!(is_web_link(
            "https://www.justiceinspectorates.gov.uk/hmiprobation/"
        ));
        assert!(is_web_link("http://www.russellwebster.com/hmipwyorks18/"));
        assert!(is_web_link("HTTPS://example.org"));
    }

    #[test]
    fn rejects_other_schemes_and_malformed_addresses() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "ftp://example.org",
            "//example.org",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\nx",
            "",
        ] {
            assert!(!is_web_link(url), "{url:?} must not be a link");
        }
    }

    #[test]
    fn internal_paths_stay_on_the_site() {
        assert!(is_internal_path("/league-table"));
        assert!(is_internal_path("/posts/a-post"));
        assert!(!is_internal_path("//evil.example/"));
        assert!(!is_internal_path("/\\evil.example"));
        assert!(!is_internal_path("javascript:alert(1)"));
        assert!(!is_internal_path("league-table"));
    }
}
