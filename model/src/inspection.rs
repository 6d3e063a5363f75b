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

    /// The name after "a" or "an", as it is said: "an NPS division" (en-pee-ess).
    pub fn with_article(self) -> &'static str {
        match self {
            Kind::Crc => "a CRC",
            Kind::NpsDivision => "an NPS division",
            Kind::Pdu => "a PDU",
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

    /// As the data writes it: `high`, `medium` or `low`.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// A rated standard, e.g. `2.1` Assessment, and the kinds it applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct Score {
    pub points: u32,
    pub max: u32,
    /// How the total was obtained: stated by a source, or computed from every standard.
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caseload {
    pub count: u32,
    /// As quoted: "more than", "nearly", "exact (March 2018)" and so on.
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Present only where a source states it, says how many standards had each band, or every
    /// standard's band is known.
    pub score: Option<Score>,
    /// Known bands by standard code; a standard that is absent is not published (and so is
    /// every standard when the map itself is absent).
    #[serde(default)]
    pub standards: BTreeMap<String, Band>,
    pub caseload: Option<Caseload>,
    pub source_url: Option<String>,
    #[serde(default)]
    pub other_sources: Vec<String>,
    pub confidence: Option<Confidence>,
    pub notes: Option<String>,
}

/// The first and last year any of `inspections` was published, if any has a date.
pub fn published_years(inspections: &[Inspection]) -> Option<(u16, u16)> {
    let years = inspections
        .iter()
        .filter_map(|i| i.published.map(|d| d.year));
    Some((years.clone().min()?, years.max()?))
}

/// Each inspection's name where it is read out of its row, as a screen reader's list of links
/// or boxes does: its organisation, with its round added where the data holds other
/// inspections of that organisation (failing that its date, then its id), so that two rounds
/// of "Merseyside CRC" are not one name for two places.
pub fn distinct_names(inspections: &[Inspection]) -> Vec<String> {
    let candidates: Vec<[Option<String>; 3]> = inspections
        .iter()
        .map(|i| {
            let name = &i.organisation;
            [
                Some(name.clone()),
                i.round.map(|round| format!("{name}, round {round}")),
                i.published
                    .map(|date| format!("{name}, published {}", date.display())),
            ]
        })
        .collect();
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for name in candidates.iter().flatten().flatten() {
        *uses.entry(name).or_default() += 1;
    }
    candidates
        .iter()
        .zip(inspections)
        .map(|(names, inspection)| {
            let unique = names.iter().flatten().find(|name| uses[name.as_str()] == 1);
            unique
                .cloned()
                .unwrap_or_else(|| format!("{} ({})", inspection.organisation, inspection.id))
        })
        .collect()
}

/// The standards a kind of organisation is rated on, in the data's order.
pub fn standards_for(standards: &[Standard], kind: Kind) -> impl Iterator<Item = &Standard> {
    standards.iter().filter(move |s| s.applies_to(kind))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A Good inspection with nothing else known, for tests to adjust.
    pub fn inspection(id: &str, kind: Kind) -> Inspection {
        Inspection {
            id: id.into(),
            organisation: id.to_uppercase(),
            kind,
            owner: None,
            region: None,
            published: None,
            round: None,
            overall: Some(Band::Good),
            score: None,
            standards: BTreeMap::new(),
            caseload: None,
            source_url: None,
            other_sources: vec![],
            confidence: None,
            notes: None,
        }
    }

    #[test]
    fn each_kind_takes_the_article_its_spoken_name_needs() {
        for kind in Kind::ALL {
            let phrase = kind.with_article();
            assert!(phrase.ends_with(kind.name()), "{phrase}");
        }
        assert_eq!(Kind::NpsDivision.with_article(), "an NPS division");
        assert_eq!(Kind::Crc.with_article(), "a CRC");
        assert_eq!(Kind::Pdu.with_article(), "a PDU");
    }

    #[test]
    fn distinct_names_add_the_round_only_where_an_organisation_repeats() {
        let round = |id: &str, name: &str, round: Option<u8>, published: Option<&str>| Inspection {
            organisation: name.into(),
            round,
            published: published.map(|d| PartialDate::parse(d).unwrap()),
            ..inspection(id, Kind::Crc)
        };
        let list = [
            round("a1", "Alpha CRC", Some(1), Some("2019-03")),
            round("a2", "Alpha CRC", Some(2), Some("2020-04")),
            round("b1", "Beta CRC", Some(1), None),
            // Same organisation and round: the date tells them apart, then the id.
            round("c1", "Gamma CRC", Some(1), Some("2019-05")),
            round("c2", "Gamma CRC", Some(1), Some("2019-06-02")),
            round("d1", "Delta CRC", None, None),
            round("d2", "Delta CRC", None, None),
        ];
        assert_eq!(
            distinct_names(&list),
            [
                "Alpha CRC, round 1",
                "Alpha CRC, round 2",
                "Beta CRC",
                "Gamma CRC, published May 2019",
                "Gamma CRC, published 2 Jun 2019",
                "Delta CRC (d1)",
                "Delta CRC (d2)",
            ]
        );
    }

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
}
