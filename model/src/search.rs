//! Instant search over posts: tokenising, folding (`crate::text`), ranking, and the ranges of
//! each match so the page can highlight them.
//!
//! A query term matches a word that starts with it, so results appear while a word is still
//! being typed. A post is a result if any term matches; results rank by how many terms they
//! match, then by how many match in the title, then in the standfirst or tags, then by how
//! often the terms occur in the body, then newest first.

use crate::post::{newest_first, PostSummary};
use crate::text::{fold, fold_char, is_combining_mark};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Words too common to narrow a search.
const STOP_WORDS: [&str; 14] = [
    "a", "an", "and", "at", "by", "for", "in", "is", "it", "of", "on", "the", "to", "with",
];

/// One word of a text: where it is in the original, and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub folded: String,
}

/// Letters and digits as posts use them: ASCII ones, and any other character outside the
/// Latin-1 signs and the punctuation and symbol blocks. Unicode's own tables would cost the
/// wasm more than they are worth here.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !matches!(c, '\u{80}'..='\u{BF}' | '×' | '÷' | '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE10}'..='\u{FE6F}' | '\u{FF00}'..='\u{FF0F}'))
}

/// Where the words of `text` are: runs of letters and digits.
fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().chain([(text.len(), ' ')]);
    let mut start = None;
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    start = None;
                    return Some(s..i);
                }
                _ => {}
            }
        }
        None
    })
}

/// The words of `text`, folded; a word that folds to nothing (a lone accent) is none.
pub fn tokens(text: &str) -> Vec<Token> {
    word_ranges(text)
        .map(|range| Token {
            folded: fold(&text[range.clone()]),
            range,
        })
        .filter(|token| !token.folded.is_empty())
        .collect()
}

/// The distinct folded terms of a query, without stop words (unless nothing else is left).
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for token in tokens(query) {
        if !terms.contains(&token.folded) {
            terms.push(token.folded);
        }
    }
    let meaningful: Vec<String> = terms
        .iter()
        .filter(|t| !STOP_WORDS.contains(&t.as_str()))
        .cloned()
        .collect();
    if meaningful.is_empty() {
        terms
    } else {
        meaningful
    }
}

/// The byte range in the original word that a folded prefix of `folded_len` bytes covers.
fn prefix_range(text: &str, token: &Token, folded_len: usize) -> Range<usize> {
    let mut folded = String::new();
    for (i, c) in text[token.range.clone()].char_indices() {
        fold_char(c, &mut folded);
        if folded.len() >= folded_len {
            // Any accents typed after the last letter stay with it.
            let end = token.range.start + i + c.len_utf8();
            let marks: usize = text[end..token.range.end]
                .chars()
                .take_while(|&c| is_combining_mark(c))
                .map(char::len_utf8)
                .sum();
            return token.range.start..end + marks;
        }
    }
    token.range.clone()
}

/// Where the terms match in `text`: one range per matching word, covering the matched prefix.
/// Also says which terms matched.
pub fn match_ranges(text: &str, terms: &[String]) -> (Vec<Range<usize>>, Vec<bool>) {
    let mut ranges = Vec::new();
    let mut matched = vec![false; terms.len()];
    for token in tokens(text) {
        // The longest matching term, so "pro probation" marks all of "probation".
        let mut longest = 0;
        for (i, term) in terms.iter().enumerate() {
            if token.folded.starts_with(term.as_str()) {
                matched[i] = true;
                longest = longest.max(term.len());
            }
        }
        if longest > 0 {
            ranges.push(prefix_range(text, &token, longest));
        }
    }
    (ranges, matched)
}

/// A piece of text and the ranges in it to highlight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighted {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

impl Highlighted {
    /// The text cut into `(piece, is_match)` parts, in order, for rendering as text nodes and marks.
    pub fn parts(&self) -> Vec<(&str, bool)> {
        let mut parts = Vec::new();
        let mut at = 0;
        for range in &self.ranges {
            if range.start > at {
                parts.push((&self.text[at..range.start], false));
            }
            parts.push((&self.text[range.clone()], true));
            at = range.end;
        }
        if at < self.text.len() {
            parts.push((&self.text[at..], false));
        }
        parts
    }
}

/// One search result: the post's position in the list searched, and its highlighted fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub title: Highlighted,
    pub standfirst: Highlighted,
    /// A short passage of the body around the first match, when the body matches.
    pub snippet: Option<Highlighted>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    terms: usize,
    in_title: usize,
    in_standfirst_or_tags: usize,
    body_matches: usize,
}

fn count(flags: &[bool]) -> usize {
    flags.iter().filter(|&&f| f).count()
}

/// The posts' words, folded once when the posts (and later their bodies) arrive, so that a
/// keystroke compares the terms with each distinct word once instead of reading every post
/// again; highlights are then worked out for the posts shown only.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    /// Every distinct folded word of the posts, numbered by its place here.
    words: Vec<String>,
    posts: Vec<PreparedPost>,
}

/// A post's fields as the numbers of their words, in order.
#[derive(Clone, Debug)]
struct PreparedPost {
    title: Vec<u32>,
    standfirst: Vec<u32>,
    tags: Vec<u32>,
    body: Vec<u32>,
    /// The body as written, for its snippet.
    body_text: String,
}

/// For each term, which of [`SearchIndex::words`] it starts; and which any term starts.
struct TermWords {
    each: Vec<Vec<bool>>,
    any: Vec<bool>,
}

/// Sets `matched[i]` to whether term `i` starts a word of `field`, and says how many of its
/// words any term starts: one per word, as [`match_ranges`] gives one range per word.
fn find(field: &[u32], terms: &TermWords, matched: &mut [bool]) -> usize {
    matched.fill(false);
    let mut count = 0;
    for &word in field {
        let word = word as usize;
        if terms.any[word] {
            count += 1;
            for (matched, each) in matched.iter_mut().zip(&terms.each) {
                *matched |= each[word];
            }
        }
    }
    count
}

impl SearchIndex {
    /// `bodies` holds each post's plain text by slug; a post without one is searched by title,
    /// standfirst and tags only.
    pub fn new(posts: &[PostSummary], mut bodies: BTreeMap<String, String>) -> SearchIndex {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut folded = String::new();
        let mut numbered = |text: &str| -> Vec<u32> {
            word_ranges(text)
                .map(|range| {
                    folded.clear();
                    text[range].chars().for_each(|c| fold_char(c, &mut folded));
                    if let Some(&number) = numbers.get(&folded) {
                        return number;
                    }
                    let number = numbers.len() as u32;
                    numbers.insert(folded.clone(), number);
                    number
                })
                .collect()
        };
        let posts = posts
            .iter()
            .map(|post| {
                let body_text = bodies.remove(&post.slug).unwrap_or_default();
                PreparedPost {
                    title: numbered(&post.title),
                    standfirst: numbered(&post.standfirst),
                    tags: numbered(&post.tags.join(" ")),
                    body: numbered(&body_text),
                    body_text,
                }
            })
            .collect();
        let mut words = vec![String::new(); numbers.len()];
        for (word, number) in numbers {
            words[number as usize] = word;
        }
        SearchIndex { words, posts }
    }

    fn term_words(&self, terms: &[String]) -> TermWords {
        let each: Vec<Vec<bool>> = terms
            .iter()
            .map(|term| {
                self.words
                    .iter()
                    .map(|w| w.starts_with(term.as_str()))
                    .collect()
            })
            .collect();
        let any = (0..self.words.len())
            .map(|word| each.iter().any(|starts| starts[word]))
            .collect();
        TermWords { each, any }
    }

    /// The positions of the posts that match `terms` (see [`query_terms`]), best first.
    /// `posts` are the posts the index was made from.
    pub fn ranked(&self, posts: &[PostSummary], terms: &[String]) -> Vec<usize> {
        if terms.is_empty() {
            return Vec::new();
        }
        let term_words = self.term_words(terms);
        let mut ranked: Vec<(Rank, usize)> = Vec::new();
        let [mut in_title, mut in_standfirst, mut in_tags, mut in_body] =
            [(); 4].map(|_| vec![false; terms.len()]);
        for (index, post) in self.posts.iter().enumerate() {
            find(&post.title, &term_words, &mut in_title);
            find(&post.standfirst, &term_words, &mut in_standfirst);
            find(&post.tags, &term_words, &mut in_tags);
            let body_matches = find(&post.body, &term_words, &mut in_body);
            let matched = |i: usize| in_title[i] || in_standfirst[i] || in_tags[i] || in_body[i];
            let terms_matched = (0..terms.len()).filter(|&i| matched(i)).count();
            if terms_matched == 0 {
                continue;
            }
            let rank = Rank {
                terms: terms_matched,
                in_title: count(&in_title),
                in_standfirst_or_tags: (0..terms.len())
                    .filter(|&i| in_standfirst[i] || in_tags[i])
                    .count(),
                body_matches,
            };
            ranked.push((rank, index));
        }
        // Unstable sort: the order is total (the index breaks the last ties), and it is smaller
        // code.
        ranked.sort_unstable_by(|(a, index_a), (b, index_b)| {
            b.cmp(a)
                .then_with(|| newest_first(&posts[*index_a], &posts[*index_b]))
                .then(index_a.cmp(index_b))
        });
        ranked.into_iter().map(|(_, index)| index).collect()
    }

    /// Where `terms` match the post at `index` in `posts`: its title and standfirst
    /// highlighted, and a passage of its body when that matches.
    pub fn hit(&self, posts: &[PostSummary], index: usize, terms: &[String]) -> Hit {
        let highlighted = |text: &str| Highlighted {
            text: text.to_string(),
            ranges: match_ranges(text, terms).0,
        };
        let body = self.posts.get(index).map_or("", |p| p.body_text.as_str());
        let (body_ranges, _) = match_ranges(body, terms);
        Hit {
            index,
            title: highlighted(&posts[index].title),
            standfirst: highlighted(&posts[index].standfirst),
            snippet: body_ranges
                .first()
                .map(|first| snippet(body, first.clone(), &body_ranges)),
        }
    }
}

/// Characters of context shown on each side of the first body match.
const SNIPPET_CONTEXT: usize = 80;

/// About `SNIPPET_CONTEXT` characters either side of `first`, cut at spaces, with "…" where
/// text was left out, and the matches that fall inside it.
fn snippet(body: &str, first: Range<usize>, ranges: &[Range<usize>]) -> Highlighted {
    let before = &body[..first.start];
    let mut start = before
        .char_indices()
        .rev()
        .nth(SNIPPET_CONTEXT)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = body[start..first.start]
            .find(char::is_whitespace)
            .map_or(first.start, |i| start + i + 1);
    }
    let after = &body[first.end..];
    let mut end = after
        .char_indices()
        .nth(SNIPPET_CONTEXT)
        .map_or(body.len(), |(i, _)| first.end + i);
    if end < body.len() {
        end = body[first.end..end]
            .rfind(char::is_whitespace)
            .map_or(first.end, |i| first.end + i);
    }
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < body.len() { "…" } else { "" };
    let piece = &body[start..end];
    let mut text = String::new();
    let mut out_ranges = Vec::new();
    text.push_str(lead);
    // Line breaks between blocks read as spaces in a one-line passage; byte lengths are kept.
    text.extend(piece.chars().map(|c| if c == '\n' { ' ' } else { c }));
    text.push_str(tail);
    for range in ranges {
        if range.start >= start && range.end <= end {
            let shift = lead.len();
            out_ranges.push(range.start - start + shift..range.end - start + shift);
        }
    }
    Highlighted {
        text,
        ranges: out_ranges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn post(slug: &str, title: &str, standfirst: &str, tags: &[&str], date: &str) -> PostSummary {
        PostSummary {
            slug: slug.into(),
            title: title.into(),
            standfirst: standfirst.into(),
            published: PartialDate::parse(date).unwrap(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            inspections: vec![],
            excerpt: String::new(),
            reading_minutes: 1,
        }
    }

    fn sample() -> (Vec<PostSummary>, BTreeMap<String, String>) {
        let posts = vec![
            post(
                "durham",
                "Durham Tees Valley CRC",
                "Rated Good.",
                &["crc"],
                "2026-11-01",
            ),
            post(
                "essex",
                "Essex CRC",
                "Requires improvement in 2018.",
                &["crc"],
                "2026-11-02",
            ),
            post(
                "method",
                "How the ratings work",
                "Bands and points.",
                &["explainer"],
                "2026-11-03",
            ),
            post(
                "pdu",
                "Wrexham PDU",
                "A Welsh unit.",
                &["pdu", "wales"],
                "2026-11-04",
            ),
        ];
        let bodies = [
            ("durham", "Owned by Arch. Durham was rated Good."),
            ("essex", "The Essex company was owned by Sodexo."),
            (
                "method",
                "Durham and Essex both appear. Sodexo owned several companies.",
            ),
            ("pdu", "Probation in Wales, with a Café nearby."),
        ]
        .into_iter()
        .map(|(s, b)| (s.to_string(), b.to_string()))
        .collect();
        (posts, bodies)
    }

    /// Every hit for `query`, best first, as the posts list would show them.
    fn search(posts: &[PostSummary], bodies: &BTreeMap<String, String>, query: &str) -> Vec<Hit> {
        let index = SearchIndex::new(posts, bodies.clone());
        let terms = query_terms(query);
        index
            .ranked(posts, &terms)
            .into_iter()
            .map(|i| index.hit(posts, i, &terms))
            .collect()
    }

    fn slugs(posts: &[PostSummary], hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| posts[h.index].slug.clone()).collect()
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Café ÉCOLE Straße Æther"), "cafe ecole strasse aether");
        let words: Vec<String> = tokens("Ynys Môn, North-Wales!")
            .into_iter()
            .map(|t| t.folded)
            .collect();
        assert_eq!(words, ["ynys", "mon", "north", "wales"]);
        let words: Vec<String> = tokens("“Quoted” — «ça» 2019…")
            .into_iter()
            .map(|t| t.folded)
            .collect();
        assert_eq!(words, ["quoted", "ca", "2019"]);
    }

    #[test]
    fn tokens_keep_their_original_ranges() {
        let text = "Dé-jà vu";
        let ranges: Vec<&str> = tokens(text)
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect();
        assert_eq!(ranges, ["Dé", "jà", "vu"]);
    }

    #[test]
    fn stop_words_are_dropped_unless_they_are_all_there_is() {
        assert_eq!(query_terms("The Essex and the CRC"), ["essex", "crc"]);
        assert_eq!(query_terms("the"), ["the"]);
        assert!(query_terms("  ,; ").is_empty());
    }

    #[test]
    fn title_matches_rank_above_body_matches() {
        let (posts, bodies) = sample();
        let hits = search(&posts, &bodies, "durham");
        assert_eq!(slugs(&posts, &hits), ["durham", "method"]);
        assert_eq!(search(&posts, &bodies, "essex")[0].index, 1);
    }

    #[test]
    fn more_matched_terms_rank_higher() {
        let (posts, bodies) = sample();
        // "method" matches both terms, in its body only; the others match one term each.
        let hits = search(&posts, &bodies, "durham sodexo");
        assert_eq!(slugs(&posts, &hits), ["method", "durham", "essex"]);
    }

    #[test]
    fn equal_ranks_fall_back_to_newest_first() {
        let (posts, bodies) = sample();
        assert_eq!(
            slugs(&posts, &search(&posts, &bodies, "crc")),
            ["essex", "durham"]
        );
    }

    #[test]
    fn prefixes_match_while_typing_and_accents_do_not_matter() {
        let (posts, bodies) = sample();
        assert_eq!(slugs(&posts, &search(&posts, &bodies, "wrex")), ["pdu"]);
        assert_eq!(slugs(&posts, &search(&posts, &bodies, "CAFÉ")), ["pdu"]);
        assert_eq!(slugs(&posts, &search(&posts, &bodies, "cafe")), ["pdu"]);
        assert!(search(&posts, &bodies, "nowhere").is_empty());
        assert!(search(&posts, &bodies, "   ").is_empty());
    }

    #[test]
    fn tags_are_searched() {
        let (posts, bodies) = sample();
        assert_eq!(
            slugs(&posts, &search(&posts, &bodies, "explainer")),
            ["method"]
        );
    }

    #[test]
    fn ranges_cover_the_matched_prefix_in_the_original_text() {
        let (ranges, matched) = match_ranges("Ça va, CAFÉS", &["ca".into(), "zz".into()]);
        assert_eq!(matched, [true, false]);
        let text = "Ça va, CAFÉS";
        let marked: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["Ça", "CA"]);
        // An accent typed after its letter is marked with it.
        let text = "Cafe\u{301}s";
        let (ranges, _) = match_ranges(text, &["cafe".into()]);
        assert_eq!(&text[ranges[0].clone()], "Cafe\u{301}");
        // A lone accent is not a term, so it matches nothing rather than everything.
        assert!(query_terms("\u{301}").is_empty());
        assert_eq!(query_terms("the \u{301}"), ["the"]);
    }

    #[test]
    fn indexed_words_match_as_the_original_text_does() {
        let texts = [
            "Ça va, CAFÉS",
            "Probation: probably pro-social, PROBATION’s “pro” bono",
            "",
            "  ,; ",
            "Ynys Môn — Dyfed-Powys, Ærø 2019",
        ];
        let queries = [
            "pro prob",
            "probab pro",
            "ca",
            "caf zz",
            "mon ae",
            "2019 dyfed",
            "zz",
        ];
        let (posts, _) = sample();
        for text in texts {
            let bodies = [(posts[0].slug.clone(), text.to_string())].into();
            let index = SearchIndex::new(&posts[..1], bodies);
            for query in queries {
                let terms = query_terms(query);
                let (ranges, expected) = match_ranges(text, &terms);
                let mut matched = vec![false; terms.len()];
                let words = find(
                    &index.posts[0].body,
                    &index.term_words(&terms),
                    &mut matched,
                );
                assert_eq!(
                    (words, matched),
                    (ranges.len(), expected),
                    "{text} / {query}"
                );
            }
        }
    }

    #[test]
    fn parts_split_text_into_marks_and_plain_pieces() {
        let highlighted = Highlighted {
            text: "Durham Tees Valley".into(),
            ranges: vec![0..6, 12..18],
        };
        assert_eq!(
            highlighted.parts(),
            [("Durham", true), (" Tees ", false), ("Valley", true)]
        );
    }

    #[test]
    fn hits_carry_highlights_and_a_body_snippet() {
        let (posts, bodies) = sample();
        let hit = &search(&posts, &bodies, "sodexo")[0];
        assert_eq!(posts[hit.index].slug, "method");
        assert!(hit.title.ranges.is_empty());
        let snippet = hit.snippet.as_ref().unwrap();
        let marked: Vec<&str> = snippet
            .parts()
            .into_iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .collect();
        assert_eq!(marked, ["Sodexo"]);
    }

    #[test]
    fn snippets_are_cut_at_spaces_with_ellipses() {
        let body = format!("{} needle {}", "word ".repeat(40), "more ".repeat(40));
        let start = body.find("needle").unwrap();
        let needle = start..start + 6;
        let s = snippet(&body, needle.clone(), std::slice::from_ref(&needle));
        assert!(
            s.text.starts_with("…word") && s.text.ends_with("more…"),
            "{}",
            s.text
        );
        assert_eq!(&s.text[s.ranges[0].clone()], "needle");
        assert!(s.text.chars().count() < 2 * SNIPPET_CONTEXT + 10);
    }
}
