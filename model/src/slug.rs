//! Slugs: the ids and post names that become parts of addresses and file names.

/// Lower-case letters, digits and hyphens only, so a slug can never climb out of a folder or
/// change a URL's meaning.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `index` and `search` name the posts folder's index and search files, so no post may take them.
pub fn is_post_slug(text: &str) -> bool {
    is_slug(text) && !RESERVED_POST_SLUGS.contains(&text)
}

// scripts/precache.mjs reads this line for the service worker: keep it on one line.
const RESERVED_POST_SLUGS: [&str; 2] = ["index", "search"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lower_case_words_and_digits() {
        assert!(is_slug("crc-wwm-r1"));
        assert!(is_post_slug("how-ratings-work-2019"));
    }

    #[test]
    fn rejects_anything_that_could_change_a_path() {
        for text in [
            "",
            "A-Post",
            "a post",
            "../ratings",
            "a/b",
            "a.json",
            "a%2Fb",
            "é",
        ] {
            assert!(!is_slug(text), "{text:?}");
        }
    }

    #[test]
    fn index_is_reserved_for_posts() {
        assert!(is_slug("index"));
        assert!(!is_post_slug("index"));
        assert!(!is_post_slug("search"));
    }
}
