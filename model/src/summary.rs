//! Counts of inspections by overall band, per kind and round, for the summary above the table.

use crate::band::{Band, UNKNOWN_BAND_LABEL};
use crate::date::years_text;
use crate::inspection::{Inspection, Kind};

/// One group of inspections (a kind in one round, or a kind outside the rounds) and its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandCounts {
    pub kind: Kind,
    pub round: Option<u8>,
    /// First and last year published, for naming a group that has no round.
    pub years: Option<(u16, u16)>,
    /// Inspections with no date, which the years leave out.
    pub undated: usize,
    /// Counts in `Band::ALL` order (best first).
    pub bands: [usize; 4],
    /// Inspections whose overall band is not published.
    pub unknown: usize,
}

impl BandCounts {
    fn empty(kind: Kind, round: Option<u8>) -> BandCounts {
        BandCounts {
            kind,
            round,
            years: None,
            undated: 0,
            bands: [0; 4],
            unknown: 0,
        }
    }

    pub fn count(&self, band: Band) -> usize {
        self.bands[index_of(band)]
    }

    pub fn total(&self) -> usize {
        self.bands.iter().sum::<usize>() + self.unknown
    }

    /// "CRC, round 1"; a group without a round is named by its years: "PDU, 2022 to 2023", or
    /// "PDU, 2022 (2 undated)" when some have no date, so the years do not claim them.
    pub fn label(&self) -> String {
        let kind = self.kind.name();
        match (self.round, self.years) {
            (Some(round), _) => format!("{kind}, round {round}"),
            (None, Some(years)) if self.undated > 0 => {
                format!("{kind}, {} ({} undated)", years_text(years), self.undated)
            }
            (None, Some(years)) => format!("{kind}, {}", years_text(years)),
            (None, None) => format!("{kind}, no round or date"),
        }
    }

    /// The non-zero counts in words, best band first, unknown last: "1 Good, 19 Requires
    /// improvement, 1 Inadequate".
    pub fn in_words(&self) -> String {
        let mut parts: Vec<String> = Band::ALL
            .into_iter()
            .zip(self.bands)
            .filter(|(_, n)| *n > 0)
            .map(|(band, n)| format!("{n} {}", band.name()))
            .collect();
        if self.unknown > 0 {
            parts.push(format!("{} {UNKNOWN_BAND_LABEL}", self.unknown));
        }
        parts.join(", ")
    }
}

fn index_of(band: Band) -> usize {
    Band::ALL
        .iter()
        .position(|b| *b == band)
        .expect("every band is in Band::ALL")
}

/// Groups in a fixed order: by round (round 1, round 2, ..., then no round), and by kind in
/// `Kind::ALL` order within each. Only groups that have inspections appear.
pub fn band_counts(inspections: &[Inspection]) -> Vec<BandCounts> {
    // `None` rounds last: map them past every real round.
    let order = |kind: Kind, round: Option<u8>| (round.map_or(u16::MAX, u16::from), kind);
    let mut groups: Vec<BandCounts> = Vec::new();
    for inspection in inspections {
        let key = order(inspection.kind, inspection.round);
        // Groups are kept in order as they are made (a slice sort would add kilobytes to the wasm).
        let at = match groups.iter().position(|g| order(g.kind, g.round) >= key) {
            Some(at) if order(groups[at].kind, groups[at].round) == key => at,
            Some(at) => {
                groups.insert(at, BandCounts::empty(inspection.kind, inspection.round));
                at
            }
            None => {
                groups.push(BandCounts::empty(inspection.kind, inspection.round));
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        match inspection.overall {
            Some(band) => group.bands[index_of(band)] += 1,
            None => group.unknown += 1,
        }
        match inspection.published.map(|d| d.year) {
            Some(year) => {
                group.years = Some(match group.years {
                    Some((first, last)) => (first.min(year), last.max(year)),
                    None => (year, year),
                })
            }
            None => group.undated += 1,
        }
    }
    groups
}

/// The whole summary in one sentence, for the chart's accessible description.
pub fn describe(groups: &[BandCounts]) -> String {
    if groups.is_empty() {
        return "No inspections to count.".to_string();
    }
    groups
        .iter()
        .map(|g| format!("{}: {}.", g.label(), g.in_words()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::inspection::tests::inspection;

    fn rated(kind: Kind, round: Option<u8>, overall: Option<Band>, year: &str) -> Inspection {
        let mut i = inspection("x", kind);
        i.round = round;
        i.overall = overall;
        i.published = Some(PartialDate::parse(year).unwrap());
        i
    }

    #[test]
    fn counts_each_kind_and_round_apart_with_unknowns_kept_apart() {
        use Band::*;
        let list = [
            rated(Kind::Pdu, None, Some(Inadequate), "2023"),
            rated(Kind::Crc, Some(2), Some(Good), "2020"),
            rated(Kind::NpsDivision, Some(1), Some(Good), "2019"),
            rated(Kind::Crc, Some(1), Some(RequiresImprovement), "2018"),
            rated(Kind::Crc, Some(1), None, "2019"),
            rated(Kind::Pdu, None, Some(Good), "2022"),
            rated(Kind::Crc, Some(1), Some(RequiresImprovement), "2019"),
        ];
        let groups = band_counts(&list);
        let labels: Vec<String> = groups.iter().map(BandCounts::label).collect();
        assert_eq!(
            labels,
            [
                "CRC, round 1",
                "NPS division, round 1",
                "CRC, round 2",
                "PDU, 2022 to 2023"
            ]
        );
        let crc1 = &groups[0];
        assert_eq!(crc1.count(RequiresImprovement), 2);
        assert_eq!(crc1.count(Good), 0);
        assert_eq!(crc1.unknown, 1);
        assert_eq!(crc1.total(), 3);
        assert_eq!(crc1.in_words(), "2 Requires improvement, 1 Not published");
        assert_eq!(groups[3].in_words(), "1 Good, 1 Inadequate");
    }

    #[test]
    fn describes_every_group_in_one_sentence() {
        let list = [
            rated(Kind::Crc, Some(1), Some(Band::Good), "2019"),
            rated(Kind::NpsDivision, None, Some(Band::Good), "2021"),
        ];
        assert_eq!(
            describe(&band_counts(&list)),
            "CRC, round 1: 1 Good. NPS division, 2021: 1 Good."
        );
        assert_eq!(describe(&[]), "No inspections to count.");
    }

    #[test]
    fn a_group_named_by_its_years_counts_its_undated_apart() {
        let mut undated = rated(Kind::Pdu, None, Some(Band::Good), "2022");
        undated.published = None;
        let list = [
            rated(Kind::Pdu, None, Some(Band::Inadequate), "2022"),
            undated.clone(),
            undated.clone(),
        ];
        assert_eq!(band_counts(&list)[0].label(), "PDU, 2022 (2 undated)");
        assert_eq!(band_counts(&[undated])[0].label(), "PDU, no round or date");
    }
}
