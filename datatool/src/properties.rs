//! Property tests: the CSV and front-matter readers answer every input with data or
//! diagnostics naming the file, and never panic.

use crate::{inspections_csv, posts, standards_csv};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::Path;

const STANDARDS: &str = include_str!("../../data/standards.csv");
const INSPECTIONS: &str = include_str!("../../data/inspections.csv");
const POST: &str = include_str!("../../content/posts/warwickshire-west-mercia-crc-2019.md");

fn check_inspections(text: &str) {
    let standards = standards_csv::parse(Path::new("standards.csv"), STANDARDS).unwrap();
    if let Err(errors) = inspections_csv::parse(Path::new("inspections.csv"), text, &standards) {
        assert!(!errors.is_empty());
        assert!(errors
            .iter()
            .all(|e| e.file == Path::new("inspections.csv")));
    }
}

fn check_post(text: &str) {
    let known: HashSet<&str> = ["crc-wwm-r1"].into();
    if let Err(errors) = posts::parse(Path::new("a-post.md"), text, Some(&known)) {
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| e.line.is_some_and(|l| l >= 1)));
    }
}

/// Text made mostly of the characters that matter to the format, so the parser's edge cases
/// (quotes, separators, line endings, fences) come up far more often than in random text.
fn format_noise(alphabet: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    proptest::collection::vec(
        prop_oneof![4 => proptest::sample::select(chars), 1 => any::<char>()],
        0..300,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn arbitrary_csv_never_panics(text in format_noise(",\"\r\n aZ1.-GoodCRC")) {
        check_inspections(&text);
        let _ = standards_csv::parse(Path::new("standards.csv"), &text);
    }

    #[test]
    fn rows_after_the_real_header_never_panic(rows in format_noise(",\"\n -0123456789:/GoodCRCPDUday")) {
        let header = INSPECTIONS.lines().next().unwrap();
        check_inspections(&format!("{header}\n{rows}"));
    }

    /// The real file with a stretch replaced by noise: every kind of field gets bad values.
    #[test]
    fn a_spoilt_real_file_never_panics(at in 0usize..INSPECTIONS.len(), noise in format_noise(",\"\n Good2019-")) {
        let at = (0..=at).rev().find(|&i| INSPECTIONS.is_char_boundary(i)).unwrap();
        let end = (at + noise.len()).min(INSPECTIONS.len());
        let end = (end..=INSPECTIONS.len()).find(|&i| INSPECTIONS.is_char_boundary(i)).unwrap();
        check_inspections(&format!("{}{noise}{}", &INSPECTIONS[..at], &INSPECTIONS[end..]));
    }

    #[test]
    fn arbitrary_posts_never_panic(text in format_noise("+\n\r=\"[]#*_`<>()a ")) {
        check_post(&text);
        check_post(&format!("+++\n{text}"));
        check_post(&format!("+++\n{text}\n+++\n{text}"));
    }

    #[test]
    fn a_spoilt_real_post_never_panics(at in 0usize..POST.len(), noise in format_noise("+\n=\"[]#*<>(")) {
        let at = (0..=at).rev().find(|&i| POST.is_char_boundary(i)).unwrap();
        check_post(&format!("{}{noise}{}", &POST[..at], &POST[at..]));
    }
}
