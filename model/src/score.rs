//! Totals of points: the maximum for a kind, and the score to show for an inspection.

use crate::band::Band;
use crate::inspection::{standards_for, Kind, Score, Standard};
use std::collections::BTreeMap;

/// Highest possible total for a kind: three points for each of its standards.
pub fn max_points(standards: &[Standard], kind: Kind) -> u32 {
    standards_for(standards, kind).count() as u32 * Band::Outstanding.points()
}

pub const COMPUTED_BASIS: &str = "computed from every standard's band";

/// The score to show: the stated one, else the sum when every applicable standard is known.
pub fn derive_score(
    standards: &[Standard],
    kind: Kind,
    bands: &BTreeMap<String, Band>,
    stated: Option<(u32, String)>,
) -> Option<Score> {
    let max = max_points(standards, kind);
    if let Some((points, basis)) = stated {
        return Some(Score { points, max, basis });
    }
    let mut points = 0;
    for standard in standards_for(standards, kind) {
        points += bands.get(&standard.code)?.points();
    }
    Some(Score {
        points,
        max,
        basis: COMPUTED_BASIS.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::tests::{all_bands, standards};

    #[test]
    fn maxima_are_thirty_and_twenty_seven() {
        let standards = standards();
        assert_eq!(max_points(&standards, Kind::Crc), 30);
        assert_eq!(max_points(&standards, Kind::NpsDivision), 30);
        assert_eq!(max_points(&standards, Kind::Pdu), 27);
    }

    #[test]
    fn score_is_computed_only_when_every_standard_is_known() {
        let standards = standards();
        let mut bands = all_bands(Kind::Pdu, Band::Good);
        let score = derive_score(&standards, Kind::Pdu, &bands, None).unwrap();
        assert_eq!((score.points, score.max), (18, 27));
        assert_eq!(score.basis, COMPUTED_BASIS);
        bands.remove("2.3");
        assert_eq!(derive_score(&standards, Kind::Pdu, &bands, None), None);
    }

    #[test]
    fn a_stated_score_is_kept_as_stated() {
        let standards = standards();
        let score = derive_score(
            &standards,
            Kind::Crc,
            &BTreeMap::new(),
            Some((15, "stated".into())),
        )
        .unwrap();
        assert_eq!(
            (score.points, score.max, score.basis.as_str()),
            (15, 30, "stated")
        );
    }

    #[test]
    fn an_all_inadequate_unit_scores_zero_not_unknown() {
        let standards = standards();
        let bands = all_bands(Kind::Pdu, Band::Inadequate);
        let score = derive_score(&standards, Kind::Pdu, &bands, None).unwrap();
        assert_eq!(score.points, 0);
    }
}
