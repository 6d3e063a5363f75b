//! League positions: by overall band, then by score where it is known. Equal bands with equal
//! (or equally unknown) scores share a position, shown "=3"; no overall band means no position.

use super::sort::score_share;
use crate::inspection::Inspection;
use std::cmp::Reverse;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rank {
    pub position: usize,
    /// Another inspection holds the same position.
    pub tied: bool,
    /// Placed after the scored inspections of its band only because its own score is not known.
    pub after_scored: bool,
}

impl Rank {
    /// "3", or "=3" for a shared position.
    pub fn display(&self) -> String {
        if self.tied {
            format!("={}", self.position)
        } else {
            self.position.to_string()
        }
    }

    /// "joint 3" for a shared position, where the sign alone would be read "equals 3".
    pub fn spoken(&self) -> Option<String> {
        self.tied.then(|| format!("joint {}", self.position))
    }

    /// What the rank means, where the number alone could mislead: a position after its band's
    /// scored inspections is not a lower score.
    pub fn explained(&self) -> Option<String> {
        let rank = self.spoken().unwrap_or_else(|| self.position.to_string());
        match (self.after_scored, self.tied) {
            (true, _) => Some(format!(
                "{rank}: after the scored inspections of its band because its score is not known, not because it is lower"
            )),
            (false, true) => Some(rank),
            (false, false) => None,
        }
    }
}

/// Each inspection's rank among all of them, in the same order; `None` where the overall band is
/// not published. Within a band, known scores come first, best first; unknown scores share the
/// band's next position rather than being guessed.
pub fn ranks(inspections: &[Inspection]) -> Vec<Option<Rank>> {
    // Smaller keys are better.
    let key = |inspection: &Inspection| {
        inspection.overall.map(|band| {
            (
                Reverse(band),
                score_share(inspection).is_none(),
                Reverse(score_share(inspection)),
            )
        })
    };
    let keys: Vec<_> = inspections.iter().map(key).collect();
    let mut known: Vec<_> = keys.iter().flatten().collect();
    known.sort();
    keys.iter()
        .map(|key| {
            key.as_ref().map(|key| {
                let better = known.partition_point(|other| *other < key);
                let equal = known[better..].partition_point(|other| *other == key);
                // Sorted, so any row of the same band before an unscored one has a score.
                let band_start = known.partition_point(|other| other.0 < key.0);
                Rank {
                    position: better + 1,
                    tied: equal > 1,
                    after_scored: key.1 && band_start < better,
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::band::Band;
    use crate::inspection::tests::inspection;
    use crate::inspection::{Kind, Score};

    fn rated(id: &str, overall: Option<Band>, score: Option<(u32, u32)>) -> Inspection {
        Inspection {
            overall,
            score: score.map(|(points, max)| Score {
                points,
                max,
                basis: "stated".into(),
            }),
            ..inspection(id, Kind::Crc)
        }
    }

    #[test]
    fn ranks_by_band_then_score_with_shared_positions() {
        let rows = vec![
            rated("ri", Some(Band::RequiresImprovement), None),
            rated("good-20", Some(Band::Good), Some((20, 30))),
            rated("none", None, Some((30, 30))),
            rated("good-18", Some(Band::Good), Some((18, 27))),
            rated("good-?", Some(Band::Good), None),
            rated("outstanding", Some(Band::Outstanding), None),
            rated("good-24", Some(Band::Good), Some((24, 30))),
            rated("ri-2", Some(Band::RequiresImprovement), None),
        ];
        let shown: Vec<Option<String>> = ranks(&rows)
            .into_iter()
            .map(|r| r.map(|r| r.display()))
            .collect();
        let expected = [
            Some("=6"),
            // 20/30 and 18/27 are both two thirds: a tie.
            Some("=3"),
            None,
            Some("=3"),
            Some("5"),
            Some("1"),
            Some("2"),
            Some("=6"),
        ];
        assert_eq!(
            shown,
            expected.map(|r| r.map(String::from)).to_vec(),
            "ranks in input order"
        );
    }

    #[test]
    fn an_unknown_score_after_known_ones_is_explained_not_judged() {
        let rows = vec![
            rated("good-20", Some(Band::Good), Some((20, 30))),
            rated("good-?", Some(Band::Good), None),
            rated("ri-?", Some(Band::RequiresImprovement), None),
            rated("ri-2?", Some(Band::RequiresImprovement), None),
        ];
        let ranks: Vec<Rank> = ranks(&rows).into_iter().flatten().collect();
        let after: Vec<bool> = ranks.iter().map(|r| r.after_scored).collect();
        // Only the Good row follows a scored row of its band; no Requires improvement row has one.
        assert_eq!(after, [false, true, false, false]);
        let explained = ranks[1].explained().unwrap();
        assert!(
            explained.starts_with("2: ") && explained.contains("not because it is lower"),
            "{explained}"
        );
        assert_eq!(ranks[2].explained().as_deref(), Some("joint 3"));
        assert_eq!(ranks[0].explained(), None);
    }

    #[test]
    fn nothing_to_rank_gives_nothing() {
        assert!(ranks(&[]).is_empty());
        assert_eq!(ranks(&[rated("a", None, None)]), [None]);
    }
}
