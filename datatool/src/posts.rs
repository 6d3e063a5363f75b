//! Reads a post: TOML front matter between `+++` lines, then a Markdown body.

use crate::diagnostic::{line_of, Diagnostic};
use crate::markdown::{plain_text, to_blocks};
use model::date::PartialDate;
use model::format::{PostFile, FORMAT_VERSION, POST_FORMAT};
use model::post::{reading_minutes, PostSummary};
use model::slug::is_post_slug;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    standfirst: String,
    published: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    inspections: Vec<String>,
}

const FENCE: &str = "+++";
const EXCERPT_CHARS: usize = 220;

/// Reads the post at `path`, whose slug is its file name; `known_ids` are the inspections it may name.
pub fn parse(
    path: &Path,
    text: &str,
    known_ids: &HashSet<&str>,
) -> Result<PostFile, Vec<Diagnostic>> {
    let error = |line: usize, field: Option<&str>, reason: String| {
        vec![Diagnostic::new(path, Some(line), field, reason)]
    };
    let slug = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    if !is_post_slug(&slug) {
        return Err(error(
            1,
            None,
            format!(
                "file name '{slug}' must use only a-z, 0-9 and '-', and not be 'index': it becomes the post's address"
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after_open = match text.strip_prefix(FENCE).and_then(|rest| {
        rest.strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
    }) {
        Some(rest) => rest,
        None => {
            return Err(error(
                1,
                None,
                "must start with a '+++' line opening the front matter".into(),
            ))
        }
    };
    let close = match after_open
        .match_indices("\n+++")
        .map(|(i, _)| i)
        .find(|&i| ends_line(&after_open[i + 1 + FENCE.len()..]))
    {
        Some(close) => close,
        None => {
            return Err(error(
                1,
                None,
                "the front matter is not closed by a '+++' line".into(),
            ))
        }
    };
    let front = &after_open[..close + 1];
    // Just after the closing fence; the body's first line is the rest of the fence's line.
    let body_start = (text.len() - after_open.len()) + close + 1 + FENCE.len();
    let body = &text[body_start..];
    let body_first_line = line_of(text, body_start);

    let matter: FrontMatter = toml::from_str(front).map_err(|e| {
        let line = e.span().map_or(2, |span| line_of(front, span.start) + 1);
        error(line, None, format!("front matter: {}", e.message()))
    })?;
    let field_line = |field: &str| {
        front
            .lines()
            .position(|l| l.trim_start().starts_with(field))
            .map_or(2, |i| i + 2)
    };
    let mut errors = Vec::new();
    let mut check = |ok: bool, field: &str, reason: String| {
        if !ok {
            errors.push(Diagnostic::new(
                path,
                Some(field_line(field)),
                Some(field),
                reason,
            ));
        }
    };
    check(
        !matter.title.trim().is_empty(),
        "title",
        "required but empty".into(),
    );
    check(
        !matter.standfirst.trim().is_empty(),
        "standfirst",
        "required but empty".into(),
    );
    let published = PartialDate::parse(&matter.published);
    if let Err(e) = &published {
        check(false, "published", e.to_string());
    }
    for tag in &matter.tags {
        check(!tag.trim().is_empty(), "tags", "a tag is empty".into());
    }
    for id in &matter.inspections {
        check(
            known_ids.contains(id.as_str()),
            "inspections",
            format!("unknown inspection id '{id}': not in inspections.csv"),
        );
    }
    let blocks = match to_blocks(body) {
        Ok(blocks) => Some(blocks),
        Err(e) => {
            errors.push(Diagnostic::new(
                path,
                Some(body_first_line + line_of(body, e.offset) - 1),
                Some("body"),
                e.reason,
            ));
            None
        }
    };
    let (Some(body), Ok(published), true) = (blocks, published, errors.is_empty()) else {
        return Err(errors);
    };
    let words = plain_text(&body);
    let word_count = words.split_whitespace().count();
    if word_count == 0 {
        return Err(error(
            body_first_line,
            Some("body"),
            "the post has no text".into(),
        ));
    }
    Ok(PostFile {
        format: POST_FORMAT.to_string(),
        version: FORMAT_VERSION,
        summary: PostSummary {
            slug,
            title: matter.title.trim().to_string(),
            standfirst: matter.standfirst.trim().to_string(),
            published,
            tags: matter.tags.iter().map(|t| t.trim().to_string()).collect(),
            inspections: matter.inspections,
            excerpt: excerpt(&words),
            reading_minutes: reading_minutes(word_count),
        },
        body,
    })
}

/// True when `rest` starts with a line ending or is empty: the fence was a whole line.
fn ends_line(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n")
}

/// The opening words of the body, cut at a word boundary.
fn excerpt(words: &str) -> String {
    let flat: Vec<&str> = words.split_whitespace().collect();
    let mut out = String::new();
    for word in flat {
        if out.chars().count() + word.chars().count() + 1 > EXCERPT_CHARS {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> HashSet<&'static str> {
        ["crc-wwm-r1"].into_iter().collect()
    }

    fn post(front: &str, body: &str) -> String {
        format!("+++\n{front}+++\n{body}")
    }

    const GOOD_FRONT: &str = "title = \"A title\"\nstandfirst = \"Short.\"\npublished = \"2026-11-20\"\ntags = [\"crc\"]\ninspections = [\"crc-wwm-r1\"]\n";

    fn parse_str(text: &str) -> Result<PostFile, Vec<Diagnostic>> {
        parse(Path::new("content/posts/a-post.md"), text, &ids())
    }

    #[test]
    fn reads_front_matter_and_body() {
        let file = parse_str(&post(GOOD_FRONT, "\nOne two three.\n")).unwrap();
        assert_eq!(file.summary.slug, "a-post");
        assert_eq!(file.summary.title, "A title");
        assert_eq!(file.summary.published.to_string(), "2026-11-20");
        assert_eq!(file.summary.excerpt, "One two three.");
        assert_eq!(file.summary.reading_minutes, 1);
    }

    fn first_error(text: &str) -> String {
        parse_str(text).unwrap_err()[0].to_string()
    }

    #[test]
    fn missing_front_matter() {
        assert_eq!(
            first_error("Just text"),
            "content/posts/a-post.md:1: must start with a '+++' line opening the front matter"
        );
        assert!(first_error("+++\ntitle = \"x\"\n").contains("not closed"));
    }

    #[test]
    fn missing_required_field() {
        let front = GOOD_FRONT.replace("standfirst = \"Short.\"\n", "");
        assert!(first_error(&post(&front, "Body.")).contains("missing field `standfirst`"));
    }

    #[test]
    fn unknown_field_is_named() {
        let front = format!("{GOOD_FRONT}author = \"me\"\n");
        let err = first_error(&post(&front, "Body."));
        assert!(err.contains("unknown field `author`"), "{err}");
        assert!(err.starts_with("content/posts/a-post.md:7:"), "{err}");
    }

    #[test]
    fn empty_title_names_its_line() {
        let front = GOOD_FRONT.replace("A title", " ");
        assert_eq!(
            first_error(&post(&front, "Body.")),
            "content/posts/a-post.md:2: title: required but empty"
        );
    }

    #[test]
    fn bad_date() {
        let front = GOOD_FRONT.replace("2026-11-20", "2026-02-30");
        assert!(first_error(&post(&front, "Body.")).contains(":4: published: day 30"));
    }

    #[test]
    fn unknown_inspection() {
        let front = GOOD_FRONT.replace("crc-wwm-r1", "crc-nowhere");
        assert!(first_error(&post(&front, "Body."))
            .contains("inspections: unknown inspection id 'crc-nowhere'"));
    }

    #[test]
    fn raw_html_in_body_names_its_line() {
        let err = first_error(&post(GOOD_FRONT, "\nFine.\n\n<script>x</script>\n"));
        assert_eq!(
            err,
            "content/posts/a-post.md:11: body: raw HTML is not allowed in posts; use Markdown"
        );
    }

    #[test]
    fn bad_file_name() {
        let err = parse(
            Path::new("content/posts/A Post.md"),
            &post(GOOD_FRONT, "Body."),
            &ids(),
        )
        .unwrap_err();
        assert!(err[0].reason.contains("file name"));
    }

    #[test]
    fn crlf_files_read_like_lf_files() {
        let lf = post(GOOD_FRONT, "\nOne *two* three.\n\n- four\n");
        let crlf = lf.replace('\n', "\r\n");
        let (lf, crlf) = (parse_str(&lf).unwrap(), parse_str(&crlf).unwrap());
        assert_eq!(crlf.body, lf.body);
        assert_eq!(crlf.summary, lf.summary);
    }

    #[test]
    fn crlf_errors_name_the_right_line() {
        let text = post(GOOD_FRONT, "\nFine.\n\n<script>x</script>\n").replace('\n', "\r\n");
        assert!(first_error(&text).starts_with("content/posts/a-post.md:11: body: raw HTML"));
    }

    #[test]
    fn index_is_not_a_post_name() {
        let err = parse(
            Path::new("content/posts/index.md"),
            &post(GOOD_FRONT, "Body."),
            &ids(),
        )
        .unwrap_err();
        assert!(err[0].reason.contains("not be 'index'"));
    }

    #[test]
    fn a_fence_must_be_a_whole_line() {
        let text = format!("+++\n{GOOD_FRONT}++++\nBody.");
        assert!(first_error(&text).contains("not closed"));
    }

    #[test]
    fn excerpt_cuts_at_a_word() {
        let long = "word ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= EXCERPT_CHARS + 1);
        assert!(!cut.contains("wor…"));
    }
}
