//! One rated inspection, the standards it is rated on, and how its score is known.

use crate::band::Band;
use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kinds of organisation the Inspectorate rated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "CRC")]
    Crc,
    #[serde(rename = "NPS division")]
    NpsDivision,
    #[serde(rename = "PDU")]
    Pdu,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Crc, Kind::NpsDivision, Kind::Pdu];

    /// The name used in the data and the table.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Crc => "CRC",
            Kind::NpsDivision => "NPS division",
            Kind::Pdu => "PDU",
        }
    }

    /// The name spelt out, for tooltips.
    pub fn long_name(self) -> &'static str {
        match self {
            Kind::Crc => "Community Rehabilitation Company",
            Kind::NpsDivision => "National Probation Service division",
            Kind::Pdu => "Probation Delivery Unit",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.name() == text.trim())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn parse(text: &str) -> Option<Confidence> {
        match text.trim() {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "low" => Some(Confidence::Low),
            _ => None,
        }
    }
}

/// A rated standard, e.g. `2.1` Assessment, and the kinds it applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standard {
    pub code: String,
    pub domain: String,
    pub name: String,
    pub applies_to: Vec<Kind>,
}

impl Standard {
    pub fn applies_to(&self, kind: Kind) -> bool {
        self.applies_to.contains(&kind)
    }
}

/// A total of points, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub points: u32,
    pub max: u32,
    /// How the total was obtained: stated by a source, or computed from every standard.
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caseload {
    pub count: u32,
    /// As quoted: "more than", "nearly", "exact (March 2018)" and so on.
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub id: String,
    pub organisation: String,
    pub kind: Kind,
    pub owner: Option<String>,
    pub region: Option<String>,
    pub published: Option<PartialDate>,
    pub round: Option<u8>,
    /// The published overall band; `None` when no source gives it.
    pub overall: Option<Band>,
    /// Present only where a source states it or every standard is known.
    pub score: Option<Score>,
    /// Known bands by standard code; a standard that is absent is not published.
    pub standards: BTreeMap<String, Band>,
    pub caseload: Option<Caseload>,
    pub source_url: Option<String>,
    pub other_sources: Vec<String>,
    pub confidence: Option<Confidence>,
    pub notes: Option<String>,
}

/// The standards a kind of organisation is rated on, in the data's order.
pub fn standards_for(standards: &[Standard], kind: Kind) -> impl Iterator<Item = &Standard> {
    standards.iter().filter(move |s| s.applies_to(kind))
}

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
pub(crate) mod tests {
    use super::*;

    /// The dataset's thirteen standards, as `standards.csv` lists them.
    pub fn standards() -> Vec<Standard> {
        let all = vec![Kind::Crc, Kind::NpsDivision, Kind::Pdu];
        let mut list: Vec<Standard> = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4"]
            .into_iter()
            .map(|code| Standard {
                code: code.into(),
                domain: "shared".into(),
                name: code.into(),
                applies_to: all.clone(),
            })
            .collect();
        for (code, kind) in [
            ("3.1", Kind::Crc),
            ("3.2", Kind::Crc),
            ("N3.1", Kind::NpsDivision),
            ("N3.2", Kind::NpsDivision),
            ("P2.1", Kind::Pdu),
        ] {
            list.push(Standard {
                code: code.into(),
                domain: "specific".into(),
                name: code.into(),
                applies_to: vec![kind],
            });
        }
        list
    }

    pub fn all_bands(kind: Kind, band: Band) -> BTreeMap<String, Band> {
        standards_for(&standards(), kind)
            .map(|s| (s.code.clone(), band))
            .collect()
    }

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
