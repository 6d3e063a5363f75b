//! How an inspection's fields read in words on its own page and in comparisons.

use crate::band::Band;
use crate::inspection::{Caseload, Confidence, Score};

/// "15/30".
pub fn score_text(score: &Score) -> String {
    format!("{}/{}", score.points, score.max)
}

/// "Round 1", or what a missing round means in this data.
pub fn round_text(round: Option<u8>) -> String {
    match round {
        Some(round) => format!("Round {round}"),
        None => "Not part of a numbered round".to_string(),
    }
}

/// 6500 → "6,500".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The count with its qualifier as quoted: "more than 6,500", "nearly 4,000 (BBC)",
/// "8,136 exactly (at fieldwork, July 2018)".
pub fn caseload_text(caseload: &Caseload) -> String {
    let count = thousands(caseload.count);
    let Some(qualifier) = caseload.qualifier.as_deref().map(str::trim) else {
        return count;
    };
    let (head, tail) = match qualifier.find(" (") {
        Some(at) => (&qualifier[..at], &qualifier[at..]),
        None => (qualifier, ""),
    };
    match head {
        "" => format!("{count}{tail}"),
        "exact" => format!("{count} exactly{tail}"),
        _ => format!("{head} {count}{tail}"),
    }
}

/// "High: the overall band and every standard confirmed", as the data README defines the levels.
/// Low means the band was inferred, which reads wrongly where no band is given at all.
pub fn confidence_text(confidence: Confidence, overall: Option<Band>) -> &'static str {
    match confidence {
        Confidence::High => "High: the overall band and every standard are confirmed",
        Confidence::Medium => {
            "Medium: the overall band is confirmed; some standards or the exact day are missing"
        }
        Confidence::Low if overall.is_some() => "Low: the overall band is inferred, not confirmed",
        Confidence::Low => "Low: no source confirms this inspection's bands",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caseload(count: u32, qualifier: Option<&str>) -> String {
        caseload_text(&Caseload {
            count,
            qualifier: qualifier.map(String::from),
        })
    }

    #[test]
    fn caseloads_read_as_quoted() {
        assert_eq!(caseload(6500, Some("more than")), "more than 6,500");
        assert_eq!(caseload(4000, Some("nearly (BBC)")), "nearly 4,000 (BBC)");
        assert_eq!(
            caseload(8136, Some("exact (at fieldwork, July 2018)")),
            "8,136 exactly (at fieldwork, July 2018)"
        );
        assert_eq!(caseload(900, Some("exact")), "900 exactly");
        assert_eq!(caseload(1234567, None), "1,234,567");
    }

    #[test]
    fn low_confidence_speaks_of_an_inferred_band_only_where_there_is_one() {
        assert!(confidence_text(Confidence::Low, Some(Band::Good)).contains("inferred"));
        assert!(!confidence_text(Confidence::Low, None).contains("inferred"));
        assert_eq!(
            confidence_text(Confidence::High, None),
            confidence_text(Confidence::High, Some(Band::Good))
        );
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(12345), "12,345");
    }

    #[test]
    fn rounds_and_scores_in_words() {
        assert_eq!(round_text(Some(2)), "Round 2");
        assert_eq!(round_text(None), "Not part of a numbered round");
        let score = Score {
            points: 7,
            max: 30,
            basis: "stated".into(),
        };
        assert_eq!(score_text(&score), "7/30");
    }
}
