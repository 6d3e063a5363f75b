//! Which addresses from the data may become links.

/// True for an absolute `http:` or `https:` address with a host, no user name or password (they
/// can make an address read as another site's: `https://trusted.example@evil.example/`), and no
/// spaces, control characters or invisible formatting characters (a right-to-left override can
/// make `…/fdp.troper` read as `…/report.pdf`).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = match lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.split(':').next().unwrap_or("");
    !host.is_empty() && !authority.contains('@') && !url.chars().any(is_unsafe_char)
}

/// True for a path inside this app, such as `/league-table`: not `//host`, which leaves the
/// site, and no `.` or `..` segment, which the browser would resolve (`/x/..//host` is `//host`).
pub fn is_internal_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    url.starts_with('/')
        && !url.starts_with("//")
        && !url.chars().any(|c| is_unsafe_char(c) || c == '\\')
        && !path.split('/').any(is_dot_segment)
}

fn is_unsafe_char(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible(c)
}

/// Unicode's format characters (general category Cf) and default-ignorable code points
/// (Unicode 16): drawn as nothing in an address, and some reorder the text around them. Zero-width
/// and direction marks, embeddings, overrides, isolates, the soft hyphen, the BOM, variation
/// selectors, Hangul fillers, tags and the rest.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// `.` or `..`, also percent-encoded (`%2e`), as the URL standard reads them.
fn is_dot_segment(segment: &str) -> bool {
    let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
    decoded == "." || decoded == ".."
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
            "https://:443/",
            "https://trusted.example@evil.example/report",
            "https://user:pass@10.0.0.1/",
            "https://evil.example/\u{202E}fdp.troper",
            "https://example.org/\u{200B}x",
            "https://example.org/\u{061C}x",
            "https://exam\u{00AD}ple.org/",
            "https://example.org/\u{E0041}",
            "https://example.org/\u{FFF9}x",
            "https://example.org/\u{2065}x",
            "https://example.org/\u{FE0F}x",
            "https://example.org/\u{3164}x",
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
        for path in [
            "/.//evil.example",
            "/x/..//evil.example",
            "/%2e%2e//evil.example",
            "/x/.%2E/y",
            "/a/.",
        ] {
            assert!(!is_internal_path(path), "{path}");
        }
        assert!(is_internal_path("/posts/a.b?q=..#.."));
        assert!(is_internal_path("/league-table?q=x&sort=-overall"));
    }
}
