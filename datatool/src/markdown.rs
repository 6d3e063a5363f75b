//! Turns a post's Markdown into the app's safe blocks. Nothing in a post becomes markup: raw
//! HTML stays the text it is (a reader sees `<script>` written out), an image becomes its
//! description, and a link to anything but an http(s) address or a path in the site keeps only
//! its words. A code block keeps its lines as code, and a thematic break (`---`) is left out:
//! the JSON format has neither. A post's structure (heading levels) is still checked.

use model::link::{is_internal_path, is_web_link};
use model::post::{Block, Inline};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::iter::Peekable;
use std::ops::Range;

/// A refusal, at a byte offset into the Markdown.
#[derive(Debug, PartialEq, Eq)]
pub struct MarkdownError {
    pub offset: usize,
    pub reason: String,
}

type Events<'a> = Peekable<pulldown_cmark::OffsetIter<'a>>;

/// A link's address, at a byte offset into the Markdown.
#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub offset: usize,
    pub url: String,
}

pub fn to_blocks(markdown: &str) -> Result<Vec<Block>, MarkdownError> {
    check_heading_levels(markdown)?;
    let mut events = Parser::new_ext(markdown, Options::empty())
        .into_offset_iter()
        .peekable();
    blocks_until(&mut events, None)
}

/// The post's title is its h1, so headings run from `##` to `####` and never skip a level:
/// screen-reader users navigate by that outline.
fn check_heading_levels(markdown: &str) -> Result<(), MarkdownError> {
    let mut previous = 1;
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        if let Event::Start(Tag::Heading { level, .. }) = event {
            let level = level as u8;
            if level == 1 {
                return Err(refuse(&range, "use '##' or deeper for headings: the post's title is its only top-level heading"));
            }
            if level > 4 {
                return Err(refuse(&range, "headings go no deeper than '####'"));
            }
            if level > previous + 1 {
                return Err(refuse(&range, format!("a level-{level} heading cannot follow a level-{previous} one: headings must not skip a level")));
            }
            previous = level;
        }
    }
    Ok(())
}

/// A post's links worth a check, each list in order, from one reading of the Markdown.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CheckedLinks {
    /// Links `to_blocks` keeps only the words of. Worth telling the editor about: an address
    /// written without `https://`, or a relative path, is more often a slip than a choice.
    pub unlinked: Vec<Link>,
    /// Links to a page of this site, for checking that the page exists.
    pub site: Vec<Link>,
}

pub fn links_to_check(markdown: &str) -> CheckedLinks {
    let mut checked = CheckedLinks::default();
    for link in links(markdown) {
        if is_internal_path(&link.url) {
            checked.site.push(link);
        } else if !is_web_link(&link.url) {
            checked.unlinked.push(link);
        }
    }
    checked
}

fn links(markdown: &str) -> impl Iterator<Item = Link> + '_ {
    Parser::new_ext(markdown, Options::empty())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(Link {
                offset: range.start,
                url: dest_url.to_string(),
            }),
            _ => None,
        })
}

/// Markdown that posts do not support, found where it starts: a table, a footnote, raw HTML or
/// an image would otherwise show as pipes, `[^1]`, tags or a bare description without a word of
/// warning.
pub fn unsupported_syntax(markdown: &str) -> Vec<(usize, &'static str)> {
    let extensions = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(markdown, extensions)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Table(_)) => Some((
                range.start,
                "a table shows as lines of text with their pipes: posts have no tables; use a list",
            )),
            Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_)) => Some((
                range.start,
                "a footnote shows as its [^…] marker in the text: posts have no footnotes; put the note in a sentence",
            )),
            Event::Html(_) | Event::InlineHtml(_) => Some((
                range.start,
                "raw HTML shows as the text it is typed as, tags and all: posts are Markdown only",
            )),
            Event::Start(Tag::Image { .. }) => Some((
                range.start,
                "an image shows as its description alone: posts have no images",
            )),
            _ => None,
        })
        .collect()
}

/// An http(s) address or a path in this site; anything else stays words.
fn may_link(url: &str) -> bool {
    is_web_link(url) || is_internal_path(url)
}

fn refuse(range: &Range<usize>, reason: impl Into<String>) -> MarkdownError {
    MarkdownError {
        offset: range.start,
        reason: reason.into(),
    }
}

fn is_block_start(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::List(_)
            | Tag::BlockQuote(..)
            | Tag::Item
            | Tag::HtmlBlock
    )
}

/// Reads blocks until `end` (or the end of input); loose inline text, as in tight list items,
/// becomes a paragraph.
fn blocks_until(events: &mut Events, end: Option<TagEnd>) -> Result<Vec<Block>, MarkdownError> {
    let mut blocks = Vec::new();
    let mut loose: Vec<Inline> = Vec::new();
    let flush = |loose: &mut Vec<Inline>, blocks: &mut Vec<Block>| {
        if !loose.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(loose)));
        }
    };
    while let Some((event, range)) = events.peek().cloned() {
        match event {
            Event::End(tag) if Some(tag) == end => {
                events.next();
                flush(&mut loose, &mut blocks);
                return Ok(blocks);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut loose, &mut blocks);
                events.next();
                blocks.extend(code_lines(events));
            }
            Event::Start(ref tag) if is_block_start(tag) => {
                flush(&mut loose, &mut blocks);
                events.next();
                // A block of nothing but an HTML comment leaves no empty paragraph behind.
                match block(events, tag.clone(), &range)? {
                    Block::Paragraph(content) if content.is_empty() => {}
                    block => blocks.push(block),
                }
            }
            Event::Rule => {
                flush(&mut loose, &mut blocks);
                events.next();
            }
            _ => inline(events, &mut loose)?,
        }
    }
    flush(&mut loose, &mut blocks);
    Ok(blocks)
}

fn block(events: &mut Events, tag: Tag, range: &Range<usize>) -> Result<Block, MarkdownError> {
    Ok(match tag {
        Tag::Paragraph => Block::Paragraph(inlines_until(events, TagEnd::Paragraph)?),
        Tag::Heading { level, .. } => Block::Heading {
            level: level as u8,
            content: inlines_until(events, TagEnd::Heading(level))?,
        },
        Tag::List(start) => {
            let ordered = start.is_some();
            let mut items = Vec::new();
            loop {
                match events.next() {
                    Some((Event::Start(Tag::Item), _)) => {
                        items.push(blocks_until(events, Some(TagEnd::Item))?)
                    }
                    Some((Event::End(TagEnd::List(_)), _)) | None => break,
                    Some((_, range)) => return Err(refuse(&range, "unexpected content in a list")),
                }
            }
            Block::List { ordered, items }
        }
        Tag::BlockQuote(kind) => {
            Block::Quote(blocks_until(events, Some(TagEnd::BlockQuote(kind)))?)
        }
        Tag::HtmlBlock => Block::Paragraph(match html_text(events) {
            text if text.is_empty() => vec![],
            text => vec![Inline::Text(text)],
        }),
        _ => {
            return Err(refuse(
                range,
                "this kind of block is not supported in posts",
            ))
        }
    })
}

/// A code block's lines, each a paragraph of code (blank lines left out), since posts have no
/// preformatted block. Its text is text like any other: `<script>` in it is shown, not run.
fn code_lines(events: &mut Events) -> Vec<Block> {
    let mut source = String::new();
    for (event, _) in events.by_ref() {
        match event {
            Event::End(TagEnd::CodeBlock) => break,
            Event::Text(text) => source.push_str(&text),
            _ => {}
        }
    }
    source
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| Block::Paragraph(vec![Inline::Code(line.to_string())]))
        .collect()
}

/// The source of a raw HTML block, as text; an HTML comment is the editor's note and is left out.
fn html_text(events: &mut Events) -> String {
    let mut text = String::new();
    for (event, _) in events.by_ref() {
        match event {
            Event::End(TagEnd::HtmlBlock) => break,
            Event::Html(html) | Event::Text(html) => text.push_str(&html),
            _ => {}
        }
    }
    without_comments(&text).trim().to_string()
}

/// `text` without its `<!-- … -->` comments (an unclosed one runs to the end).
fn without_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 4..].find("-->") {
            Some(end) => &rest[start + 4 + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

fn inlines_until(events: &mut Events, end: TagEnd) -> Result<Vec<Inline>, MarkdownError> {
    let mut content = Vec::new();
    loop {
        match events.peek() {
            Some((Event::End(tag), _)) if *tag == end => {
                events.next();
                return Ok(content);
            }
            Some(_) => inline(events, &mut content)?,
            None => return Ok(content),
        }
    }
}

/// Reads one inline element into `out`: usually one item, the words alone for a link that
/// may not be one, an image's description.
fn inline(events: &mut Events, out: &mut Vec<Inline>) -> Result<(), MarkdownError> {
    let (event, range) = events
        .next()
        .expect("inline() is called only when an event is waiting");
    out.push(match event {
        Event::Text(text) => Inline::Text(text.to_string()),
        Event::SoftBreak | Event::HardBreak => Inline::Text(" ".into()),
        Event::Code(text) => Inline::Code(text.to_string()),
        Event::Start(Tag::Emphasis) => Inline::Emphasis(inlines_until(events, TagEnd::Emphasis)?),
        Event::Start(Tag::Strong) => Inline::Strong(inlines_until(events, TagEnd::Strong)?),
        Event::Start(Tag::Link { dest_url, .. }) => {
            let content = inlines_until(events, TagEnd::Link)?;
            if !may_link(&dest_url) {
                out.extend(content);
                return Ok(());
            }
            Inline::Link {
                href: dest_url.to_string(),
                content,
            }
        }
        Event::Html(html) | Event::InlineHtml(html) => Inline::Text(without_comments(&html)),
        Event::Start(Tag::Image { .. }) => {
            out.extend(inlines_until(events, TagEnd::Image)?);
            return Ok(());
        }
        _ => return Err(refuse(&range, "this Markdown is not supported in posts")),
    });
    Ok(())
}

/// The words a reader sees, for excerpts, reading time and search.
pub fn plain_text(blocks: &[Block]) -> String {
    fn inlines(content: &[Inline], out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Emphasis(content)
                | Inline::Strong(content)
                | Inline::Link { content, .. } => inlines(content, out),
            }
        }
    }
    fn walk(blocks: &[Block], out: &mut String) {
        for block in blocks {
            match block {
                Block::Paragraph(content) | Block::Heading { content, .. } => inlines(content, out),
                Block::List { items, .. } => items.iter().for_each(|item| walk(item, out)),
                Block::Quote(blocks) => walk(blocks, out),
            }
            out.push('\n');
        }
    }
    let mut out = String::new();
    walk(blocks, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text(t.into())
    }

    #[test]
    fn paragraphs_headings_and_inline_styles() {
        let blocks =
            to_blocks("## Findings\n\nSome *careful* and **strong** words with `code`.\n").unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    content: vec![text("Findings")]
                },
                Block::Paragraph(vec![
                    text("Some "),
                    Inline::Emphasis(vec![text("careful")]),
                    text(" and "),
                    Inline::Strong(vec![text("strong")]),
                    text(" words with "),
                    Inline::Code("code".into()),
                    text("."),
                ]),
            ]
        );
    }

    #[test]
    fn tight_and_nested_lists() {
        let blocks = to_blocks("- one\n- two\n  1. inner\n").unwrap();
        let Block::List {
            ordered: false,
            items,
        } = &blocks[0]
        else {
            panic!("{blocks:?}")
        };
        assert_eq!(items[0], vec![Block::Paragraph(vec![text("one")])]);
        assert!(matches!(items[1][1], Block::List { ordered: true, .. }));
    }

    #[test]
    fn safe_links_are_kept() {
        let blocks =
            to_blocks("See [the table](/league-table) and [the report](https://example.org/r).")
                .unwrap();
        let Block::Paragraph(content) = &blocks[0] else {
            panic!()
        };
        assert!(matches!(&content[1], Inline::Link { href, .. } if href == "/league-table"));
        assert!(
            matches!(&content[3], Inline::Link { href, .. } if href == "https://example.org/r")
        );
    }

    fn only_text(blocks: &[Block]) -> Vec<Inline> {
        let [Block::Paragraph(content)] = blocks else {
            panic!("one paragraph: {blocks:?}")
        };
        assert!(
            content.iter().all(|i| matches!(i, Inline::Text(_))),
            "only text: {content:?}"
        );
        content.clone()
    }

    #[test]
    fn unsafe_links_keep_only_their_words() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](data:text/html,hi)",
            "[x](//evil.example)",
            "[x](relative/path)",
        ] {
            let blocks = to_blocks(md).unwrap();
            assert_eq!(only_text(&blocks), [Inline::Text("x".into())], "{md}");
            assert_eq!(
                links_to_check(md).unlinked,
                [Link {
                    offset: 0,
                    url: md[4..md.len() - 1].into()
                }],
                "{md}"
            );
        }
    }

    #[test]
    fn site_links_are_listed_for_checking() {
        let md = "See [the table](/league-table?q=x), [the report](https://example.org/r)\n\nand [a post](/posts/a).";
        assert_eq!(
            links_to_check(md).site,
            [
                Link {
                    offset: 4,
                    url: "/league-table?q=x".into()
                },
                Link {
                    offset: md.find("[a post]").unwrap(),
                    url: "/posts/a".into()
                }
            ]
        );
    }

    #[test]
    fn kept_links_are_not_reported() {
        let md = "See [the table](/league-table), [the report](https://example.org/r)\n\nand [this](www.example.org).";
        assert_eq!(
            links_to_check(md).unlinked,
            [Link {
                offset: md.find("[this]").unwrap(),
                url: "www.example.org".into()
            }]
        );
    }

    #[test]
    fn raw_html_stays_text() {
        let blocks = to_blocks("Fine.\n\n<script>alert(1)</script>\n").unwrap();
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![Inline::Text("<script>alert(1)</script>".into())])
        );
        let blocks = to_blocks("Text with <img src=x onerror=alert(1)> inline.").unwrap();
        only_text(&blocks);
        assert_eq!(
            plain_text(&blocks).trim_end(),
            "Text with <img src=x onerror=alert(1)> inline."
        );
    }

    #[test]
    fn html_comments_are_left_out() {
        let blocks =
            to_blocks("Shown.\n\n<!-- the editor's note -->\n\nAlso <!-- x --> shown.").unwrap();
        let text = plain_text(&blocks);
        assert!(!text.contains("note") && !text.contains("x -->"), "{text}");
        assert!(text.contains("Shown.") && text.contains("Also") && text.contains("shown."));
    }

    #[test]
    fn an_image_becomes_its_description_and_top_level_headings_are_refused() {
        let blocks = to_blocks("![a chart](javascript:alert(1))").unwrap();
        assert_eq!(only_text(&blocks), [Inline::Text("a chart".into())]);
        assert!(to_blocks("# Title")
            .unwrap_err()
            .reason
            .contains("headings"));
    }

    #[test]
    fn headings_never_skip_a_level_or_go_past_four() {
        assert!(to_blocks("## A\n\n### B\n\n#### C\n\n## D").is_ok());
        let skip = to_blocks("Intro.\n\n### Too deep").unwrap_err();
        assert!(
            skip.reason
                .contains("level-3 heading cannot follow a level-1"),
            "{skip:?}"
        );
        assert_eq!(skip.offset, 8);
        assert!(to_blocks("## A\n\n#### B")
            .unwrap_err()
            .reason
            .contains("skip"));
        assert!(to_blocks("## A\n\n### B\n\n#### C\n\n##### D")
            .unwrap_err()
            .reason
            .contains("no deeper"));
    }

    #[test]
    fn code_blocks_keep_their_lines_as_code_and_breaks_are_left_out() {
        let code = |line: &str| Block::Paragraph(vec![Inline::Code(line.into())]);
        let blocks =
            to_blocks("Before.\n\n```html\n<script>alert(1)</script>\n\n  two\n```\n\n---\n\n    indented\n\nAfter.")
                .unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("Before.")]),
                code("<script>alert(1)</script>"),
                code("  two"),
                code("indented"),
                Block::Paragraph(vec![text("After.")]),
            ]
        );
    }

    #[test]
    fn plain_text_drops_markup() {
        let blocks = to_blocks("A *b* [c](/d).\n\n- e\n").unwrap();
        assert_eq!(plain_text(&blocks), "A b c.\ne\n\n");
    }
}
