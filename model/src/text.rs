//! Text as readers compare it: case and accents do not matter ("Ealing" = "éaling"), so sorting
//! and searching agree with what people expect without shipping a collation library.

use std::cmp::Ordering;

/// Lower case with Latin accents removed, for comparing and searching.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match plain_letters(c) {
            Some(plain) => folded.push_str(plain),
            None => folded.push(c),
        }
    }
    folded
}

/// The unaccented letters for an accented Latin letter (already lower case).
fn plain_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ž' | 'ż' => "z",
        '\u{2019}' | '\u{2018}' => "'",
        _ => return None,
    })
}

/// Folded comparison, falling back to the exact text so that the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// Whether `haystack` contains `needle`, ignoring case, accents and the needle's outer spaces.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(fold(needle.trim()).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Ébène Straße"), "ebene strasse");
        assert_eq!(fold("ŁÓDŹ"), "lodz");
    }

    #[test]
    fn compares_like_a_reader() {
        let mut names = vec!["bravo", "Échelon", "alpha", "Delta", "echo"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(names, ["alpha", "bravo", "Delta", "Échelon", "echo"]);
    }

    #[test]
    fn searches_without_case_or_accents() {
        assert!(contains_folded("Mérseyside CRC", " merseY "));
        assert!(contains_folded("Merseyside", "MÉRSEY"));
        assert!(!contains_folded("Merseyside", "essex"));
        assert!(contains_folded("anything", "   "));
    }
}
