//! Reads a post: TOML front matter between `+++` lines, then a Markdown body.

use crate::diagnostic::{line_of, Diagnostic};
use crate::markdown::{links_to_check, plain_text, to_blocks, unsupported_syntax};
use model::date::{PartialDate, Precision};
use model::format::{parse_post, PostFile, FORMAT_VERSION, POST_FORMAT};
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
/// The length this project's own posts keep to (a test checks them); the tool only warns.
const WORDS: std::ops::RangeInclusive<usize> = 150..=400;
const EXCERPT_CHARS: usize = 220;

/// A post that can be published, and what the editor should still hear about it.
#[derive(Debug)]
pub struct ReadPost {
    pub file: PostFile,
    /// Links that keep only their words (see `markdown::CheckedLinks`), unsupported
    /// Markdown, a length outside the project's own.
    pub warnings: Vec<Diagnostic>,
    /// Links to pages of this site, by line, to check once every post is known.
    pub site_links: Vec<(usize, String)>,
}

/// The part of a post that the end of `before` (the file's text up to some byte) falls in, for
/// a message about a byte rather than a value: the front-matter key on that line, "front
/// matter" elsewhere in it, or "body". Fences are found as [`parse`] finds them.
pub fn field_at(before: &str) -> String {
    let before = before.strip_prefix('\u{feff}').unwrap_or(before);
    match after_opening_fence(before) {
        None => "front matter".into(),
        Some(front) if closing_fence(front).is_some() => "body".into(),
        Some(front) => front_matter_field(front.rsplit('\n').next().unwrap_or_default()),
    }
}

/// The text after the opening `+++` line, if `text` starts with one.
fn after_opening_fence(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(FENCE)?;
    rest.strip_prefix('\n')
        .or_else(|| rest.strip_prefix("\r\n"))
}

/// Where the closing `+++` line begins in the text after the opening one (at the line break
/// before it).
fn closing_fence(after_open: &str) -> Option<usize> {
    after_open
        .match_indices("\n+++")
        .map(|(i, _)| i)
        .find(|&i| ends_line(&after_open[i + 1 + FENCE.len()..]))
}

/// The key a front-matter line sets, or "front matter" for a line that sets none.
fn front_matter_field(line: &str) -> String {
    line.split_once('=')
        .map(|(key, _)| key.trim().trim_matches('"'))
        .filter(|key| !key.is_empty())
        .unwrap_or("front matter")
        .to_string()
}

/// A post's address is its file's name without `.md`.
pub fn slug_of(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// Reads the post at `path`, whose slug is its file name; `known_ids` are the inspections it may
/// name (`None` when the inspections could not be read, so that the post's other problems are
/// still reported).
pub fn parse(
    path: &Path,
    text: &str,
    known_ids: Option<&HashSet<&str>>,
) -> Result<ReadPost, Vec<Diagnostic>> {
    let error = |line: usize, field: Option<&str>, reason: String| {
        vec![Diagnostic::new(path, Some(line), field, reason)]
    };
    let slug = slug_of(path);
    if !is_post_slug(&slug) {
        return Err(error(
            1,
            Some("file name"),
            format!(
                "'{slug}' must use only a-z, 0-9 and '-', and not be 'index' or 'search' (the posts folder's own files): it becomes the post's address"
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after_open = match after_opening_fence(text) {
        Some(rest) => rest,
        None => {
            return Err(error(
                1,
                Some("front matter"),
                "the file must start with a '+++' line that opens it".into(),
            ))
        }
    };
    let close = match closing_fence(after_open) {
        Some(close) => close,
        None => {
            return Err(error(
                1,
                Some("front matter"),
                "not closed by a '+++' line".into(),
            ))
        }
    };
    let front = &after_open[..close + 1];
    // Just after the closing fence; the body's first line is the rest of the fence's line.
    let body_start = (text.len() - after_open.len()) + close + 1 + FENCE.len();
    let body = &text[body_start..];
    let body_first_line = line_of(text, body_start);

    let matter: FrontMatter = toml::from_str(front).map_err(|e| {
        let start = e.span().map_or(0, |span| span.start).min(front.len());
        let line = line_of(front, start) + 1;
        // The whole line the error is on: an unknown or repeated key's error starts at the key.
        let line_start = front[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = front[start..].find('\n').map_or(front.len(), |i| start + i);
        let field = front_matter_field(&front[line_start..line_end]);
        let message = e.message();
        // TOML puts a missing key's error on the first line of the table, whatever key that is.
        if let Some(key) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            return error(
                1,
                Some("front matter"),
                format!("'{key}' is missing: add a line such as {key} = \"…\""),
            );
        }
        // An unquoted date is a TOML date, not text.
        if field == "published" && message.starts_with("invalid type: map") {
            return error(
                line,
                Some(&field),
                "the date must be in quotes, e.g. published = \"2026-11-20\"".into(),
            );
        }
        error(line, Some(&field), message.to_string())
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
    match &published {
        Err(e) => check(false, "published", e.to_string()),
        Ok(date) => check(
            date.precision() == Precision::Day,
            "published",
            format!(
                "'{}' must be a full date, YYYY-MM-DD: the feed and the list need the day",
                matter.published
            ),
        ),
    }
    for (i, tag) in matter.tags.iter().enumerate() {
        if tag.trim().is_empty() {
            check(false, "tags", "a tag is empty".into());
            continue;
        }
        check(
            tag.trim() == tag,
            "tags",
            format!("tag '{tag}' has spaces at its start or end"),
        );
        check(
            tag.to_lowercase() == *tag,
            "tags",
            format!(
                "tag '{tag}' must be lower case, e.g. '{}'",
                tag.to_lowercase()
            ),
        );
        check(
            !matter.tags[..i].contains(tag),
            "tags",
            format!("tag '{tag}' is listed twice"),
        );
    }
    for (i, id) in matter.inspections.iter().enumerate() {
        check(
            known_ids.is_none_or(|known| known.contains(id.as_str())),
            "inspections",
            format!("unknown inspection id '{id}': not in inspections.csv"),
        );
        check(
            !matter.inspections[..i].contains(id),
            "inspections",
            format!("inspection id '{id}' is listed twice"),
        );
    }
    let body_line = |offset: usize| body_first_line + line_of(body, offset) - 1;
    let blocks = match to_blocks(body) {
        Ok(blocks) => Some(blocks),
        Err(e) => {
            errors.push(Diagnostic::new(
                path,
                Some(body_line(e.offset)),
                Some("body"),
                e.reason,
            ));
            None
        }
    };
    let links = links_to_check(body);
    let mut warnings: Vec<Diagnostic> = links
        .unlinked
        .into_iter()
        .map(|link| {
            Diagnostic::new(
                path,
                Some(body_line(link.offset)),
                Some("body"),
                format!(
                    "the link to '{}' keeps only its words: a link must be an https:// or http:// address with a host (no user name, spaces or invisible characters), or a page of this site starting with a single / (no . or .. parts, no backslash)",
                    link.url.escape_debug()
                ),
            )
        })
        .chain(
            unsupported_syntax(body)
                .into_iter()
                .map(|(offset, what)| Diagnostic::new(path, Some(body_line(offset)), Some("body"), what)),
        )
        .collect();
    // One warning a line: `<b>bold</b>` is two pieces of raw HTML.
    warnings.dedup();
    let site_links: Vec<(usize, String)> = links
        .site
        .into_iter()
        .map(|link| (body_line(link.offset), link.url))
        .collect();
    let (Some(body), Ok(published), true) = (blocks, published, errors.is_empty()) else {
        return Err(errors);
    };
    // Any length reads, but not none: an empty post is a mistake.
    let words = plain_text(&body);
    let word_count = words.split_whitespace().count();
    if word_count == 0 {
        return Err(error(
            body_first_line,
            Some("body"),
            "the body has no words a reader would see".into(),
        ));
    }
    if !WORDS.contains(&word_count) {
        warnings.push(Diagnostic::new(
            path,
            Some(body_first_line),
            Some("body"),
            format!(
                "{word_count} words: this site's posts run from {} to {} words, and its test command refuses its own posts outside that",
                WORDS.start(),
                WORDS.end()
            ),
        ));
    }
    let file = PostFile {
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
    };
    // What the app cannot read back must not be published: deep nesting (quotes in quotes,
    // lists in lists) passes Markdown but not the app's JSON reader, which stops at 128 levels.
    let written = serde_json::to_string(&file)
        .map_err(|e| error(body_first_line, Some("body"), e.to_string()))?;
    if let Err(e) = parse_post(&written) {
        return Err(error(
            body_first_line,
            Some("body"),
            format!(
                "the app could not read this post back ({e}): nest quotes and lists less deeply"
            ),
        ));
    }
    Ok(ReadPost {
        file,
        warnings,
        site_links,
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
        read_str(text).map(|read| read.file)
    }

    fn read_str(text: &str) -> Result<ReadPost, Vec<Diagnostic>> {
        parse(Path::new("content/posts/a-post.md"), text, Some(&ids()))
    }

    /// A body of `n` words: "One two three." then filler.
    fn words(n: usize) -> String {
        format!("\nOne two three.{}\n", " word".repeat(n - 3))
    }

    #[test]
    fn reads_front_matter_and_body() {
        let file = parse_str(&post(GOOD_FRONT, &words(150))).unwrap();
        assert_eq!(file.summary.slug, "a-post");
        assert_eq!(file.summary.title, "A title");
        assert_eq!(file.summary.published.to_string(), "2026-11-20");
        assert!(file.summary.excerpt.starts_with("One two three. word"));
        assert_eq!(file.summary.reading_minutes, 1);
    }

    /// A link that would lose its address is published as words, and the editor is told where.
    #[test]
    fn a_link_kept_as_words_is_a_warning_with_its_line() {
        let body = format!(
            "\nSee [the report](www.example.org/report).\n\nAnd [the table](/league-table).\n{}",
            words(150)
        );
        let read = read_str(&post(GOOD_FRONT, &body)).unwrap();
        let warnings: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["content/posts/a-post.md:9: body: the link to 'www.example.org/report' keeps only its words: a link must be an https:// or http:// address with a host (no user name, spaces or invisible characters), or a page of this site starting with a single / (no . or .. parts, no backslash)"]
        );
        assert!(read_str(&post(GOOD_FRONT, &words(150)))
            .unwrap()
            .warnings
            .is_empty());
    }

    #[test]
    fn unsupported_markdown_is_a_warning_with_its_line() {
        let body = format!("\nAs follows.\n\n| Band | Count |\n| --- | --- |\n| Good | 2 |\n\nA claim.[^1]\n\n[^1]: A source.\n\n<b>Bold</b>, and ![a chart](https://example.org/c.png).\n{}", words(150));
        let read = read_str(&post(GOOD_FRONT, &body)).unwrap();
        let warnings: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "content/posts/a-post.md:11: body: a table shows as lines of text with their pipes: posts have no tables; use a list",
                "content/posts/a-post.md:15: body: a footnote shows as its [^…] marker in the text: posts have no footnotes; put the note in a sentence",
                "content/posts/a-post.md:17: body: a footnote shows as its [^…] marker in the text: posts have no footnotes; put the note in a sentence",
                "content/posts/a-post.md:19: body: raw HTML shows as the text it is typed as, tags and all: posts are Markdown only",
                "content/posts/a-post.md:19: body: an image shows as its description alone: posts have no images",
            ]
        );
    }

    /// Another editor's short note reads as well as a full post; an empty one does not.
    #[test]
    fn a_body_of_any_length_reads_but_not_none() {
        let file = parse_str(&post(GOOD_FRONT, "\nA short note.\n")).unwrap();
        assert_eq!(file.summary.reading_minutes, 1);
        assert!(parse_str(&post(GOOD_FRONT, &words(1000))).is_ok());
        for empty in ["\n", "\n![](/x.png)\n", "\n<!-- a note -->\n"] {
            assert_eq!(
                first_error(&post(GOOD_FRONT, empty)),
                "content/posts/a-post.md:7: body: the body has no words a reader would see",
                "{empty:?}"
            );
        }
    }

    #[test]
    fn a_length_outside_the_sites_own_is_a_warning() {
        let length_warnings = |n: usize| {
            let read = read_str(&post(GOOD_FRONT, &words(n))).unwrap();
            read.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            length_warnings(70),
            ["content/posts/a-post.md:7: body: 70 words: this site's posts run from 150 to 400 words, and its test command refuses its own posts outside that"]
        );
        assert!(length_warnings(401)[0].contains("401 words"));
        assert!(length_warnings(150).is_empty() && length_warnings(400).is_empty());
    }

    #[test]
    fn published_needs_the_day() {
        let front = GOOD_FRONT.replace("2026-11-20", "2026-11");
        assert_eq!(
            first_error(&post(&front, &words(150))),
            "content/posts/a-post.md:4: published: '2026-11' must be a full date, YYYY-MM-DD: the feed and the list need the day"
        );
    }

    #[test]
    fn published_must_be_a_string() {
        let front = GOOD_FRONT.replace("\"2026-11-20\"", "2026-11-20");
        assert_eq!(
            first_error(&post(&front, &words(150))),
            "content/posts/a-post.md:4: published: the date must be in quotes, e.g. published = \"2026-11-20\""
        );
    }

    #[test]
    fn tags_are_lower_case() {
        let front = GOOD_FRONT.replace("[\"crc\"]", "[\"crc\", \"Round 1\"]");
        assert_eq!(
            first_error(&post(&front, &words(150))),
            "content/posts/a-post.md:5: tags: tag 'Round 1' must be lower case, e.g. 'round 1'"
        );
    }

    #[test]
    fn tags_are_not_repeated() {
        let front = GOOD_FRONT.replace("[\"crc\"]", "[\"crc\", \"pdu\", \"crc\"]");
        assert_eq!(
            first_error(&post(&front, &words(150))),
            "content/posts/a-post.md:5: tags: tag 'crc' is listed twice"
        );
    }

    #[test]
    fn tags_are_not_empty_or_padded() {
        let empty = GOOD_FRONT.replace("[\"crc\"]", "[\"crc\", \" \"]");
        assert!(first_error(&post(&empty, &words(150))).ends_with(":5: tags: a tag is empty"));
        let padded = GOOD_FRONT.replace("[\"crc\"]", "[\" crc\"]");
        assert!(first_error(&post(&padded, &words(150)))
            .ends_with(":5: tags: tag ' crc' has spaces at its start or end"));
    }

    #[test]
    fn inspections_are_not_repeated() {
        let front = GOOD_FRONT.replace("[\"crc-wwm-r1\"]", "[\"crc-wwm-r1\", \"crc-wwm-r1\"]");
        assert_eq!(
            first_error(&post(&front, &words(150))),
            "content/posts/a-post.md:6: inspections: inspection id 'crc-wwm-r1' is listed twice"
        );
    }

    #[test]
    fn empty_standfirst() {
        let front = GOOD_FRONT.replace("Short.", "");
        assert_eq!(
            first_error(&post(&front, &words(150))),
            "content/posts/a-post.md:3: standfirst: required but empty"
        );
    }

    #[test]
    fn tags_and_inspections_may_be_left_out() {
        let front = GOOD_FRONT
            .replace("tags = [\"crc\"]\n", "")
            .replace("inspections = [\"crc-wwm-r1\"]\n", "");
        let file = parse_str(&post(&front, &words(150))).unwrap();
        assert!(file.summary.tags.is_empty() && file.summary.inspections.is_empty());
    }

    fn first_error(text: &str) -> String {
        parse_str(text).unwrap_err()[0].to_string()
    }

    #[test]
    fn missing_front_matter() {
        assert_eq!(
            first_error("Just text"),
            "content/posts/a-post.md:1: front matter: the file must start with a '+++' line that opens it"
        );
        assert!(first_error("+++\ntitle = \"x\"\n").contains("not closed"));
    }

    #[test]
    fn a_missing_field_is_named_not_the_first_line_s() {
        let front = GOOD_FRONT.replace("standfirst = \"Short.\"\n", "");
        assert_eq!(
            first_error(&post(&front, "Body.")),
            "content/posts/a-post.md:1: front matter: 'standfirst' is missing: add a line such as standfirst = \"…\""
        );
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
    fn a_body_error_names_its_line() {
        let err = first_error(&post(GOOD_FRONT, "\nFine.\n\n### Too deep\n"));
        assert_eq!(
            err,
            "content/posts/a-post.md:11: body: a level-3 heading cannot follow a level-1 one: headings must not skip a level"
        );
    }

    #[test]
    fn a_byte_in_a_post_is_named_by_its_part() {
        assert_eq!(field_at("+++\ntitle = \"Caf"), "title");
        assert_eq!(field_at("+++\ntitle = \"A\"\n"), "front matter");
        assert_eq!(field_at("+++\ntitle = \"A\"\n+++\n\nSome wor"), "body");
        assert_eq!(field_at("Some wor"), "front matter");
        assert_eq!(field_at("\u{feff}+++\r\ntags = [\"a"), "tags");
        assert_eq!(field_at("+++x\ntitle = \"A"), "front matter");
    }

    #[test]
    fn a_front_matter_error_at_a_key_names_it() {
        let front = GOOD_FRONT.replace("tags =", "author = \"Me\"\ntags =");
        assert!(
            first_error(&post(&front, &words(150))).contains(": author: unknown field `author`")
        );
    }

    #[test]
    fn bad_file_name() {
        let err = parse(
            Path::new("content/posts/A Post.md"),
            &post(GOOD_FRONT, "Body."),
            Some(&ids()),
        )
        .unwrap_err();
        assert_eq!(err[0].field.as_deref(), Some("file name"));
        assert!(err[0].reason.contains("'A Post' must use only a-z"));
    }

    #[test]
    fn crlf_files_read_like_lf_files() {
        let lf = post(
            GOOD_FRONT,
            &format!("{}\nOne *two* three.\n\n- four\n", words(146)),
        );
        let crlf = lf.replace('\n', "\r\n");
        let (lf, crlf) = (parse_str(&lf).unwrap(), parse_str(&crlf).unwrap());
        assert_eq!(crlf.body, lf.body);
        assert_eq!(crlf.summary, lf.summary);
    }

    #[test]
    fn crlf_errors_name_the_right_line() {
        let text = post(GOOD_FRONT, "\nFine.\n\n### Too deep\n").replace('\n', "\r\n");
        assert!(first_error(&text).starts_with("content/posts/a-post.md:11: body: a level-3"));
    }

    #[test]
    fn nesting_the_app_cannot_read_back_is_refused() {
        let body = format!("{}Deep.", "> ".repeat(70));
        let err = parse(
            Path::new("content/posts/deep.md"),
            &post(GOOD_FRONT, &body),
            Some(&ids()),
        )
        .unwrap_err();
        assert!(
            err[0].reason.contains("nest quotes and lists less deeply"),
            "{err:?}"
        );
        let fine = format!("{}Not so deep.", "> ".repeat(5));
        assert!(parse(
            Path::new("content/posts/fine.md"),
            &post(GOOD_FRONT, &fine),
            Some(&ids())
        )
        .is_ok());
    }

    #[test]
    fn the_posts_folders_own_files_are_not_post_names() {
        for name in ["index", "search"] {
            let err = parse(
                Path::new(&format!("content/posts/{name}.md")),
                &post(GOOD_FRONT, "Body."),
                Some(&ids()),
            )
            .unwrap_err();
            assert!(
                err[0].reason.contains("not be 'index' or 'search'"),
                "{name}"
            );
        }
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
