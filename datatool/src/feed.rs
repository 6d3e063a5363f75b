//! The Atom feed of posts (`feed.xml`), written at build time.
//!
//! With the site's origin (the `SITE_ORIGIN` environment variable when the data tool runs)
//! every link is absolute. Without it the links are paths, which a feed reader resolves
//! against the address it fetched the feed from, so they work wherever the site is served.
//! Ids are name-based UUIDs (version 5) of each address's path: the same with or without an
//! origin, so a feed reader never shows a post twice because the site moved.

use crate::diagnostic::Diagnostic;
use model::format::PostFile;
use model::link::is_web_link;
use std::fmt::Write;
use std::path::Path;

/// Names the feed's ids are made from, with the path of what they name appended.
const ID_NAME: &str = "on-probation:";
const FEED_TITLE: &str = "On Probation";
const FEED_SUBTITLE: &str =
    "Posts on what each HM Inspectorate of Probation inspection found, and how to read the ratings.";

/// The origin from `SITE_ORIGIN`, if set, checked: `http(s)://host[:port]`, no path.
pub fn origin(configured: Option<&str>) -> Result<Option<String>, Diagnostic> {
    let Some(origin) = configured.map(|o| o.trim_end_matches('/')) else {
        return Ok(None);
    };
    let after_scheme = origin.split_once("://").map_or("", |(_, rest)| rest);
    if !is_web_link(origin) || after_scheme.contains(['/', '?', '#']) {
        return Err(Diagnostic::new(
            Path::new("SITE_ORIGIN"),
            None,
            None,
            format!("'{origin}' is not a site origin such as https://example.org (http(s), a host, no path)"),
        ));
    }
    Ok(Some(origin.to_string()))
}

/// The address of `path` (`/posts/x`): absolute under an origin, else the path itself.
fn link(origin: Option<&str>, path: &str) -> String {
    format!("{}{path}", origin.unwrap_or_default())
}

/// The id of what `path` names, the same wherever the site is served.
fn id(path: &str) -> String {
    let name = format!("{ID_NAME}{path}");
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
    )
}

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            // Characters XML 1.0 does not allow, which would make the whole feed unreadable.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Midnight UTC of a post's day: posts carry a date, Atom wants a time.
fn timestamp(post: &PostFile) -> String {
    format!("{}T00:00:00Z", post.summary.published)
}

/// The feed, newest first as `posts` are; `updated` is the newest post's date.
pub fn atom(posts: &[PostFile], origin: Option<&str>) -> String {
    let updated = posts
        .iter()
        .map(timestamp)
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut xml = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         \x20 <title>{title}</title>\n\
         \x20 <subtitle>{subtitle}</subtitle>\n\
         \x20 <id>{id}</id>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{list}\"/>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author><name>{title}</name></author>\n",
        title = escape(FEED_TITLE),
        subtitle = escape(FEED_SUBTITLE),
        id = escape(&id("/posts")),
        feed = escape(&link(origin, "/feed.xml")),
        list = escape(&link(origin, "/posts")),
    );
    for post in posts {
        let summary = &post.summary;
        let path = format!("/posts/{}", summary.slug);
        let (url, id) = (escape(&link(origin, &path)), escape(&id(&path)));
        let _ = write!(
            xml,
            "  <entry>\n\
             \x20   <title>{title}</title>\n\
             \x20   <id>{id}</id>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             \x20   <published>{time}</published>\n\
             \x20   <updated>{time}</updated>\n\
             \x20   <summary>{standfirst}</summary>\n",
            title = escape(&summary.title),
            time = timestamp(post),
            standfirst = escape(&summary.standfirst),
        );
        for tag in &summary.tags {
            let _ = writeln!(xml, "    <category term=\"{}\"/>", escape(tag));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::date::PartialDate;
    use model::format::{FORMAT_VERSION, POST_FORMAT};
    use model::post::PostSummary;

    fn post(slug: &str, title: &str, published: &str, tags: &[&str]) -> PostFile {
        PostFile {
            format: POST_FORMAT.into(),
            version: FORMAT_VERSION,
            summary: PostSummary {
                slug: slug.into(),
                title: title.into(),
                standfirst: format!("About {slug} <b>& \"more\"</b>"),
                published: PartialDate::parse(published).unwrap(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                inspections: vec![],
                excerpt: String::new(),
                reading_minutes: 1,
            },
            body: vec![],
        }
    }

    fn text_of<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
        node.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .unwrap_or_else(|| panic!("no <{name}>"))
    }

    #[test]
    fn feed_is_well_formed_atom_with_every_post() {
        let posts = [
            post(
                "newer",
                "Tom & Jerry's <CRC>",
                "2026-11-21",
                &["crc", "round 1"],
            ),
            post(
                "older",
                "Plain \u{1}\u{FFFE} title",
                "2026-11-20",
                &["a\"b"],
            ),
        ];
        let xml = atom(&posts, Some("https://example.org"));
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let feed = doc.root_element();
        assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
        assert_eq!(text_of(feed, "updated"), "2026-11-21T00:00:00Z");
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        assert_eq!(entries.len(), posts.len());
        for (entry, post) in entries.iter().zip(&posts) {
            let url = format!("https://example.org/posts/{}", post.summary.slug);
            assert!(text_of(*entry, "id").starts_with("urn:uuid:"));
            let link = entry.children().find(|c| c.has_tag_name("link")).unwrap();
            assert_eq!(link.attribute("href"), Some(url.as_str()));
            assert_eq!(text_of(*entry, "summary"), post.summary.standfirst);
            let terms: Vec<&str> = entry
                .children()
                .filter(|c| c.has_tag_name("category"))
                .filter_map(|c| c.attribute("term"))
                .collect();
            assert_eq!(terms, post.summary.tags);
        }
        assert_eq!(text_of(entries[0], "title"), "Tom & Jerry's <CRC>");
        // Characters XML cannot hold (a control character, U+FFFE) are dropped, not written.
        assert_eq!(text_of(entries[1], "title"), "Plain  title");
    }

    #[test]
    fn an_empty_feed_is_still_valid() {
        let xml = atom(&[], None);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        assert_eq!(
            doc.root_element()
                .children()
                .filter(|n| n.has_tag_name("entry"))
                .count(),
            0
        );
    }

    /// With no origin the links are paths, resolved against the feed's own address; the ids
    /// are the same with or without one, and differ from post to post.
    #[test]
    fn without_an_origin_links_are_paths_and_ids_do_not_change() {
        let posts = [
            post("a-post", "A", "2026-11-20", &[]),
            post("b-post", "B", "2026-11-19", &[]),
        ];
        let ids = |xml: &str| -> Vec<String> {
            let doc = roxmltree::Document::parse(xml).unwrap();
            doc.descendants()
                .filter(|n| n.has_tag_name("id"))
                .filter_map(|n| n.text().map(str::to_string))
                .collect()
        };
        let bare = atom(&posts, None);
        let ids_bare = ids(&bare);
        assert_eq!(ids_bare, ids(&atom(&posts, Some("https://example.org"))));
        assert_eq!(ids_bare.len(), 3, "the feed's and each entry's");
        assert!(ids_bare.iter().all(|id| id.starts_with("urn:uuid:")));
        assert_ne!(ids_bare[1], ids_bare[2]);
        let doc = roxmltree::Document::parse(&bare).unwrap();
        let entry = doc.descendants().find(|n| n.has_tag_name("entry")).unwrap();
        let link = entry.children().find(|c| c.has_tag_name("link")).unwrap();
        assert_eq!(link.attribute("href"), Some("/posts/a-post"));
    }

    #[test]
    fn origin_is_checked_and_loses_its_trailing_slash() {
        assert_eq!(origin(None).unwrap(), None);
        assert_eq!(
            origin(Some("https://example.org/")).unwrap().as_deref(),
            Some("https://example.org")
        );
        assert_eq!(
            origin(Some("http://127.0.0.1:8080")).unwrap().as_deref(),
            Some("http://127.0.0.1:8080")
        );
        for bad in [
            "example.org",
            "ftp://example.org",
            "https://example.org/blog",
            "https://",
        ] {
            let err = origin(Some(bad)).unwrap_err().to_string();
            assert!(err.starts_with("SITE_ORIGIN: '"), "{bad}: {err}");
        }
    }
}
