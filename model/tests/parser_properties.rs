//! Property tests of the parsers the app runs on fetched files: whatever arrives, they return a
//! value or an error, never panic, and a file cut short is always an error.

use model::date::PartialDate;
use model::format::{parse_post, parse_posts_index, parse_ratings, FormatError};
use model::link::{is_internal_path, is_web_link};
use proptest::prelude::*;

const RATINGS: &str = r#"{"format":"on-probation/ratings","version":1,
 "provenance":{"summary":"s","sources":["https://example.org/"]},
 "standards":[{"code":"1.1","domain":"d","name":"n","applies_to":["CRC"]}],
 "inspections":[{"id":"a","organisation":"A <b>","kind":"CRC","owner":null,"region":null,
   "published":"2019-07","round":1,"overall":"Good","score":null,"standards":{"1.1":"Good"},
   "caseload":{"count":3,"qualifier":null},"source_url":"https://example.org/a",
   "other_sources":[],"confidence":"medium","notes":"n"}]}"#;

const POST: &str = r#"{"format":"on-probation/post","version":1,"slug":"a","title":"T",
 "standfirst":"S","published":"2026-11-20","tags":["t"],"inspections":[],"excerpt":"E",
 "reading_minutes":1,"body":[{"paragraph":[{"text":"x"},{"link":{"href":"/a","content":[]}}]}]}"#;

fn parse_all(text: &str) -> [bool; 3] {
    [
        parse_ratings(text).is_ok(),
        parse_posts_index(text).is_ok(),
        parse_post(text).is_ok(),
    ]
}

#[test]
fn the_sample_files_parse() {
    parse_ratings(RATINGS).unwrap();
    parse_post(POST).unwrap();
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_all(&text);
        let _ = PartialDate::parse(&text);
        let _ = (is_web_link(&text), is_internal_path(&text));
    }

    #[test]
    fn json_shaped_noise_never_panics(text in r#"[{}\[\]",:0-9a-z ]{0,200}"#) {
        parse_all(&text);
    }

    /// Cut anywhere, a file is refused as empty or cut short, never read as something else.
    #[test]
    fn a_file_cut_short_says_so(cut in 0usize..RATINGS.len(), post_cut in 0usize..POST.len()) {
        let cut_short = |result: Result<_, FormatError>| {
            matches!(result, Err(FormatError::Empty | FormatError::Truncated { .. }))
        };
        prop_assert!(cut_short(parse_ratings(&RATINGS[..cut]).map(drop)), "{:?}", parse_ratings(&RATINGS[..cut]));
        prop_assert!(cut_short(parse_post(&POST[..post_cut]).map(drop)), "{:?}", parse_post(&POST[..post_cut]));
    }

    /// Any one character replaced: either still a file of the right shape, or an error.
    #[test]
    fn one_changed_character_never_panics(at in 0usize..RATINGS.len(), c in any::<char>()) {
        let mut text = RATINGS.to_string();
        if text.is_char_boundary(at) && text.is_char_boundary(at + 1) {
            text.replace_range(at..at + 1, &c.to_string());
        }
        let _ = parse_ratings(&text);
    }

    #[test]
    fn only_real_months_and_days_parse(year in 0u16..10000, month in 0u8..14, day in 0u8..33) {
        let text = format!("{year:04}-{month:02}-{day:02}");
        if let Ok(date) = PartialDate::parse(&text) {
            prop_assert_eq!(date.precision().name(), "day");
            prop_assert!((1..=12).contains(&month) && (1..=31).contains(&day));
        }
    }
}
