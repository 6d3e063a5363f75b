//! How an organisation inspected in round 1 and again in round 2 moved between the two.
//!
//! Pairing rule: the same kind and the same organisation name (ignoring case and spacing), one
//! inspection in round 1 and one in round 2. Ids are not used: they are the editor's shorthand,
//! while the name and kind are what the data says was inspected. A name that appears more than
//! once in a round is ambiguous and gets no movement rather than a guessed one.

use crate::band::{name_or_unknown, Band};
use crate::details::score_text;
use crate::inspection::{Inspection, Kind, Score};

/// The round an organisation is first rated in, and the one it is compared with.
pub const EARLIER_ROUND: u8 = 1;
pub const LATER_ROUND: u8 = 2;

/// Which way the overall band went from the earlier round to the later one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trend {
    Improved,
    Declined,
    Unchanged,
    /// One of the two overall bands is not published.
    Unknown,
}

impl Trend {
    /// Shown beside the word, never instead of it.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Improved => "↑",
            Trend::Declined => "↓",
            Trend::Unchanged => "→",
            Trend::Unknown => "?",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Trend::Improved => "Improved",
            Trend::Declined => "Declined",
            Trend::Unchanged => "Unchanged",
            Trend::Unknown => "Change not known",
        }
    }

    /// A stable lower-case token for CSS classes and test hooks.
    pub fn slug(self) -> &'static str {
        match self {
            Trend::Improved => "improved",
            Trend::Declined => "declined",
            Trend::Unchanged => "unchanged",
            Trend::Unknown => "unknown",
        }
    }
}

/// The change between an organisation's round-1 and round-2 inspections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub earlier_id: String,
    pub later_id: String,
    pub from: Option<Band>,
    pub to: Option<Band>,
    pub from_score: Option<Score>,
    pub to_score: Option<Score>,
    pub trend: Trend,
}

impl Movement {
    fn between(earlier: &Inspection, later: &Inspection) -> Movement {
        let trend = match (earlier.overall, later.overall) {
            (Some(from), Some(to)) if to > from => Trend::Improved,
            (Some(from), Some(to)) if to < from => Trend::Declined,
            (Some(_), Some(_)) => Trend::Unchanged,
            _ => Trend::Unknown,
        };
        Movement {
            earlier_id: earlier.id.clone(),
            later_id: later.id.clone(),
            from: earlier.overall,
            to: later.overall,
            from_score: earlier.score.clone(),
            to_score: later.score.clone(),
            trend,
        }
    }

    /// "Requires improvement → Good", with "Not published" for an unknown band.
    pub fn band_change(&self) -> String {
        format!(
            "{} → {}",
            name_or_unknown(self.from),
            name_or_unknown(self.to)
        )
    }

    /// "Improved: Requires improvement → Good" (the arrow is added by the view, hidden from
    /// screen readers, so the words carry the meaning).
    pub fn summary(&self) -> String {
        format!("{}: {}", self.trend.label(), self.band_change())
    }

    /// "Score 7/30 → 15/30 (+8)" when both scores are known on the same scale; with one known,
    /// the other reads "not known"; `None` when neither is known.
    pub fn score_change(&self) -> Option<String> {
        let text =
            |score: &Option<Score>| score.as_ref().map_or("not known".to_string(), score_text);
        match (&self.from_score, &self.to_score) {
            (None, None) => None,
            (Some(from), Some(to)) if from.max == to.max => {
                let delta = i64::from(to.points) - i64::from(from.points);
                Some(format!(
                    "Score {} → {} ({delta:+})",
                    text(&self.from_score),
                    text(&self.to_score)
                ))
            }
            _ => Some(format!(
                "Score {} → {}",
                text(&self.from_score),
                text(&self.to_score)
            )),
        }
    }
}

fn same_organisation(a: &Inspection, b: &Inspection) -> bool {
    let folded = |name: &str| {
        name.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    a.kind == b.kind && folded(&a.organisation) == folded(&b.organisation)
}

/// The round an inspection of `round` is compared with, if it is one of the two compared.
fn paired_round(round: u8) -> Option<u8> {
    match round {
        EARLIER_ROUND => Some(LATER_ROUND),
        LATER_ROUND => Some(EARLIER_ROUND),
        _ => None,
    }
}

/// The same organisation's inspection in the other of the two rounds, if exactly one exists.
pub fn other_round<'a>(inspection: &Inspection, all: &'a [Inspection]) -> Option<&'a Inspection> {
    let other = paired_round(inspection.round?)?;
    let mut matches = all
        .iter()
        .filter(|i| i.round == Some(other) && same_organisation(i, inspection));
    let found = matches.next()?;
    // Two candidates in one round: ambiguous, so no pairing at all.
    if matches.next().is_some() {
        return None;
    }
    // The pairing must hold from the other side too (no second inspection in this round).
    let back = all
        .iter()
        .filter(|i| i.round == inspection.round && same_organisation(i, inspection))
        .count();
    (back == 1).then_some(found)
}

/// The movement of the organisation this inspection belongs to, from round 1 to round 2;
/// `None` when it was not inspected in both rounds.
pub fn movement(inspection: &Inspection, all: &[Inspection]) -> Option<Movement> {
    let other = other_round(inspection, all)?;
    Some(if inspection.round == Some(EARLIER_ROUND) {
        Movement::between(inspection, other)
    } else {
        Movement::between(other, inspection)
    })
}

/// Why `inspection` shows no [`movement`]. Only what the data shows: a second round missing from
/// it may still have happened (round 2 is incomplete).
pub fn no_movement_text(inspection: &Inspection, all: &[Inspection]) -> &'static str {
    let round = match (inspection.kind, inspection.round) {
        (Kind::Pdu, _) => return "Does not apply: PDU inspections are not in rounds",
        (_, None) => return "Does not apply: this inspection is not in a round in this data",
        (_, Some(round)) => round,
    };
    let Some(other) = paired_round(round) else {
        return "Does not apply: only rounds 1 and 2 are compared";
    };
    let in_round = |round: u8| {
        all.iter()
            .filter(|i| i.round == Some(round) && same_organisation(i, inspection))
            .count()
    };
    if in_round(other) == 0 {
        "No other round of this organisation in this data"
    } else {
        "Not shown: this data holds more than one inspection of this organisation in a round"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::tests::inspection;

    fn rated(id: &str, name: &str, round: Option<u8>, overall: Option<Band>) -> Inspection {
        let mut i = inspection(id, Kind::Crc);
        i.organisation = name.into();
        i.round = round;
        i.overall = overall;
        i
    }

    fn score(points: u32, max: u32) -> Option<Score> {
        Some(Score {
            points,
            max,
            basis: "stated".into(),
        })
    }

    #[test]
    fn improved_declined_and_unchanged_follow_the_bands() {
        use Band::*;
        for (from, to, trend) in [
            (RequiresImprovement, Good, Trend::Improved),
            (Good, Inadequate, Trend::Declined),
            (RequiresImprovement, RequiresImprovement, Trend::Unchanged),
        ] {
            let all = [
                rated("x-r1", "X CRC", Some(1), Some(from)),
                rated("x-r2", "X CRC", Some(2), Some(to)),
            ];
            let m = movement(&all[0], &all).unwrap();
            assert_eq!(m.trend, trend);
            assert_eq!(movement(&all[1], &all), Some(m));
        }
    }

    #[test]
    fn no_movement_claims_only_what_the_data_shows() {
        let alone = [rated("a", "X CRC", Some(1), None)];
        assert!(no_movement_text(&alone[0], &alone).starts_with("No other round"));
        let nps = Inspection {
            kind: Kind::NpsDivision,
            ..rated("n", "NPS X", None, None)
        };
        assert!(no_movement_text(&nps, &[]).contains("not in a round"));
        let crc = rated("c", "X CRC", None, None);
        assert!(no_movement_text(&crc, &[]).contains("not in a round"));
        let pdu = inspection("p", Kind::Pdu);
        assert!(no_movement_text(&pdu, &[]).contains("PDU inspections are not in rounds"));
        // A third round has nothing to be compared with, whatever else the data holds.
        let three = [
            rated("a1", "X CRC", Some(1), None),
            rated("a2", "X CRC", Some(2), None),
            rated("a3", "X CRC", Some(3), None),
        ];
        assert!(no_movement_text(&three[2], &three).contains("only rounds 1 and 2"));
        // Two inspections of one organisation in a round: a pairing would be a guess.
        let doubled = [
            rated("a1", "X CRC", Some(1), None),
            rated("b1", "X CRC", Some(1), None),
            rated("a2", "X CRC", Some(2), None),
        ];
        assert_eq!(movement(&doubled[2], &doubled), None);
        for inspection in &doubled {
            assert!(no_movement_text(inspection, &doubled)
                .starts_with("Not shown: this data holds more than one"));
        }
    }

    #[test]
    fn reads_as_words_with_the_bands() {
        let all = [
            rated("a", "X CRC", Some(1), Some(Band::RequiresImprovement)),
            rated("b", "X CRC", Some(2), Some(Band::Good)),
        ];
        let m = movement(&all[1], &all).unwrap();
        assert_eq!(m.summary(), "Improved: Requires improvement → Good");
        assert_eq!((m.earlier_id.as_str(), m.later_id.as_str()), ("a", "b"));
        assert_eq!(Trend::Improved.arrow(), "↑");
    }

    #[test]
    fn an_unpublished_band_makes_the_change_unknown_not_a_guess() {
        let all = [
            rated("a", "X CRC", Some(1), None),
            rated("b", "X CRC", Some(2), Some(Band::Good)),
        ];
        let m = movement(&all[0], &all).unwrap();
        assert_eq!(m.trend, Trend::Unknown);
        assert_eq!(m.summary(), "Change not known: Not published → Good");
    }

    #[test]
    fn pairs_by_kind_and_name_not_by_id() {
        let mut nps = rated("x-r2", "X", Some(2), Some(Band::Good));
        nps.kind = Kind::NpsDivision;
        let all = [
            rated("x-r1", "X", Some(1), Some(Band::Good)),
            nps,
            rated("y-r2", "  x  crc ", Some(2), Some(Band::Good)),
            rated("z-r1", "X CRC", Some(1), Some(Band::Inadequate)),
        ];
        // Same id stem but another kind: no pair.
        assert_eq!(movement(&all[0], &all), None);
        // Different ids, same organisation once case and spacing are ignored: a pair.
        let m = movement(&all[2], &all).unwrap();
        assert_eq!((m.earlier_id.as_str(), m.trend), ("z-r1", Trend::Improved));
    }

    #[test]
    fn no_movement_outside_the_two_rounds_or_when_ambiguous() {
        let all = [
            rated("a", "X CRC", Some(1), Some(Band::Good)),
            rated("b", "X CRC", None, Some(Band::Good)),
            rated("c", "Y CRC", Some(1), Some(Band::Good)),
            rated("d", "Y CRC", Some(2), Some(Band::Good)),
            rated("e", "Y CRC", Some(2), Some(Band::Good)),
        ];
        assert_eq!(movement(&all[0], &all), None);
        assert_eq!(movement(&all[1], &all), None);
        assert_eq!(movement(&all[2], &all), None);
        assert_eq!(other_round(&all[3], &all), None);
    }

    #[test]
    fn score_change_only_from_known_scores() {
        let mut all = [
            rated("a", "X CRC", Some(1), Some(Band::RequiresImprovement)),
            rated("b", "X CRC", Some(2), Some(Band::RequiresImprovement)),
        ];
        assert_eq!(movement(&all[0], &all).unwrap().score_change(), None);
        all[0].score = score(7, 30);
        assert_eq!(
            movement(&all[0], &all).unwrap().score_change().as_deref(),
            Some("Score 7/30 → not known")
        );
        all[1].score = score(15, 30);
        assert_eq!(
            movement(&all[0], &all).unwrap().score_change().as_deref(),
            Some("Score 7/30 → 15/30 (+8)")
        );
        all[1].score = score(5, 30);
        assert_eq!(
            movement(&all[0], &all).unwrap().score_change().as_deref(),
            Some("Score 7/30 → 5/30 (-2)")
        );
    }
}
