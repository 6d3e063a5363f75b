//! Rules every inspection must satisfy, whatever file it came from.

use crate::band::Band;
use crate::inspection::{standards_for, Inspection, Standard};
use crate::link::is_web_link;
use std::fmt;

/// One broken rule: the field it is about and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

fn problem(field: &str, reason: String) -> Problem {
    Problem {
        field: field.to_string(),
        reason,
    }
}

/// Checks standard codes and their kinds, the score against the known bands, and link schemes.
pub fn check_inspection(inspection: &Inspection, standards: &[Standard]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let kind = inspection.kind;

    for (code, band) in &inspection.standards {
        match standards.iter().find(|s| &s.code == code) {
            None => problems.push(problem(code, format!("unknown standard code '{code}'"))),
            Some(standard) if !standard.applies_to(kind) => problems.push(problem(
                code,
                format!(
                    "standard {code} ({}) does not apply to {}, but has the band {band}",
                    standard.name,
                    kind.with_article()
                ),
            )),
            Some(_) => {}
        }
    }

    if let Some(score) = &inspection.score {
        let applicable: Vec<&Standard> = standards_for(standards, kind).collect();
        let known: Vec<Band> = applicable
            .iter()
            .filter_map(|s| inspection.standards.get(&s.code).copied())
            .collect();
        let known_points: u32 = known.iter().map(|b| b.points()).sum();
        let unknown = (applicable.len() - known.len()) as u32;
        let highest = known_points + unknown * Band::Outstanding.points();
        if score.points > score.max {
            problems.push(problem(
                "score",
                format!("{} is more than the maximum of {}", score.points, score.max),
            ));
        } else if score.points < known_points || score.points > highest {
            let expected = if unknown == 0 {
                format!("exactly {known_points}")
            } else {
                format!("between {known_points} and {highest}")
            };
            problems.push(problem(
                "score",
                format!(
                    "{} contradicts the known standard bands, which allow {expected}",
                    score.points
                ),
            ));
        }
    }

    if let Some(url) = &inspection.source_url {
        if !is_web_link(url) {
            problems.push(problem(
                "source_url",
                format!("'{url}' is not an http(s) address"),
            ));
        }
    }
    for url in &inspection.other_sources {
        if !is_web_link(url) {
            problems.push(problem(
                "other_sources",
                format!("'{url}' is not an http(s) address"),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::tests::{all_bands, inspection as tests_inspection, standards};
    use crate::inspection::{Kind, Score};

    fn inspection(kind: Kind) -> Inspection {
        Inspection {
            source_url: Some("https://example.org/report".into()),
            ..tests_inspection("x", kind)
        }
    }

    fn fields(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn a_clean_inspection_has_no_problems() {
        assert!(check_inspection(&inspection(Kind::Crc), &standards()).is_empty());
    }

    #[test]
    fn band_for_a_standard_of_another_kind() {
        let mut pdu = inspection(Kind::Pdu);
        pdu.standards.insert("3.2".into(), Band::Good);
        let problems = check_inspection(&pdu, &standards());
        assert_eq!(fields(&problems), vec!["3.2"]);
        assert!(problems[0].reason.contains("does not apply to a PDU"));
        let mut nps = inspection(Kind::NpsDivision);
        nps.standards.insert("3.2".into(), Band::Good);
        let problems = check_inspection(&nps, &standards());
        assert!(
            problems[0]
                .reason
                .contains("does not apply to an NPS division"),
            "{}",
            problems[0].reason
        );
    }

    #[test]
    fn unknown_standard_code() {
        let mut crc = inspection(Kind::Crc);
        crc.standards.insert("9.9".into(), Band::Good);
        let problems = check_inspection(&crc, &standards());
        assert_eq!(fields(&problems), vec!["9.9"]);
        assert!(problems[0].reason.contains("unknown standard code"));
    }

    #[test]
    fn score_inconsistent_with_fully_known_standards() {
        let mut pdu = inspection(Kind::Pdu);
        pdu.standards = all_bands(Kind::Pdu, Band::Inadequate);
        pdu.score = Some(Score {
            points: 3,
            max: 27,
            basis: "stated".into(),
        });
        let problems = check_inspection(&pdu, &standards());
        assert_eq!(fields(&problems), vec!["score"]);
        assert!(problems[0].reason.contains("exactly 0"));
    }

    #[test]
    fn score_inconsistent_with_partly_known_standards() {
        let mut crc = inspection(Kind::Crc);
        crc.standards.insert("3.1".into(), Band::Good);
        crc.standards.insert("3.2".into(), Band::Good);
        crc.score = Some(Score {
            points: 3,
            max: 30,
            basis: "stated".into(),
        });
        let problems = check_inspection(&crc, &standards());
        assert!(
            problems[0].reason.contains("between 4 and 28"),
            "{problems:?}"
        );
        crc.score.as_mut().unwrap().points = 4;
        assert!(check_inspection(&crc, &standards()).is_empty());
    }

    #[test]
    fn score_above_maximum() {
        let mut pdu = inspection(Kind::Pdu);
        pdu.score = Some(Score {
            points: 28,
            max: 27,
            basis: "stated".into(),
        });
        let problems = check_inspection(&pdu, &standards());
        assert!(problems[0].reason.contains("more than the maximum of 27"));
    }

    #[test]
    fn non_http_source_urls() {
        let mut crc = inspection(Kind::Crc);
        crc.source_url = Some("javascript:alert(1)".into());
        crc.other_sources = vec!["https://ok.example".into(), "data:text/html,hi".into()];
        let problems = check_inspection(&crc, &standards());
        assert_eq!(fields(&problems), vec!["source_url", "other_sources"]);
    }
}
