//! Multi-choice filters ("facets") on kind, owner, overall band, region, year and round: the
//! value each inspection has for one, the choices the data offers, and how many rows each choice
//! would show given every other filter.

use super::data::TableData;
use super::filter::Filter;
use crate::band::{Band, UNKNOWN_BAND_LABEL};
use crate::inspection::{Inspection, Kind};
use crate::text::fold;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Kind,
    Owner,
    Overall,
    Region,
    Year,
    Round,
}

/// The value token for "not known", in every facet.
pub const UNKNOWN: &str = "-";

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Kind,
        Facet::Overall,
        Facet::Owner,
        Facet::Region,
        Facet::Year,
        Facet::Round,
    ];

    /// URL parameter and form name.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Owner => "owner",
            Facet::Overall => "overall",
            Facet::Region => "region",
            Facet::Year => "year",
            Facet::Round => "round",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Kind => "Kind",
            Facet::Owner => "Owner",
            Facet::Overall => "Overall band",
            Facet::Region => "Region",
            Facet::Year => "Year published",
            Facet::Round => "Round",
        }
    }

    /// The inspection's token: `crc`, a band's slug, the owner's name, `2019`, `1`, or [`UNKNOWN`].
    pub fn value(self, inspection: &Inspection) -> String {
        let known = match self {
            Facet::Kind => Some(kind_token(inspection.kind)),
            Facet::Owner => inspection.owner.clone(),
            Facet::Overall => inspection.overall.map(|b| b.slug().to_string()),
            Facet::Region => inspection.region.clone(),
            Facet::Year => inspection.published.map(|d| d.year.to_string()),
            Facet::Round => inspection.round.map(|r| r.to_string()),
        };
        known.unwrap_or_else(|| UNKNOWN.to_string())
    }

    /// What a reader sees for a token.
    pub fn value_label(self, token: &str) -> String {
        if token == UNKNOWN {
            return match self {
                Facet::Overall => UNKNOWN_BAND_LABEL,
                Facet::Kind => "Kind not known",
                Facet::Owner => "Owner not known",
                Facet::Region => "Region not known",
                Facet::Year => "Date not known",
                Facet::Round => "No round",
            }
            .to_string();
        }
        match self {
            Facet::Kind => kind_from_token(token).map_or(token.to_string(), |k| k.name().into()),
            Facet::Overall => Band::from_slug(token).map_or(token.to_string(), |b| b.name().into()),
            Facet::Round => format!("Round {token}"),
            _ => token.to_string(),
        }
    }

    /// Sorts choices into reading order: kinds and bands in their own order, numbers rising,
    /// names A to Z ignoring case and accents, the unknown last.
    fn token_key(self, token: &str) -> (bool, Option<u64>, String, String) {
        let position = match self {
            Facet::Kind => Kind::ALL
                .iter()
                .position(|k| Some(*k) == kind_from_token(token))
                .map(|p| p as u64),
            Facet::Overall => Band::ALL
                .iter()
                .position(|band| band.slug() == token)
                .map(|p| p as u64),
            Facet::Year | Facet::Round => token.parse().ok(),
            Facet::Owner | Facet::Region => None,
        };
        (token == UNKNOWN, position, fold(token), token.to_string())
    }
}

fn kind_token(kind: Kind) -> String {
    kind.name().to_lowercase().replace(' ', "-")
}

fn kind_from_token(token: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| kind_token(*k) == token)
}

/// One facet's choices in reading order and each row's choice among them, worked out once when
/// the data loads, so filters and counts compare small numbers instead of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetIndex {
    /// The tokens the data holds, once each.
    pub options: Vec<String>,
    /// For each row, the position of its token in `options`.
    pub of_row: Vec<usize>,
}

impl FacetIndex {
    pub fn new(inspections: &[Inspection], facet: Facet) -> FacetIndex {
        let values: Vec<String> = inspections.iter().map(|i| facet.value(i)).collect();
        // Rows in reading order of their tokens (each key worked out once); walking them, each
        // new token is the next option.
        let mut rows: Vec<usize> = (0..values.len()).collect();
        rows.sort_by_cached_key(|&row| facet.token_key(&values[row]));
        let mut options: Vec<String> = Vec::new();
        let mut of_row = vec![0; values.len()];
        for row in rows {
            if options.last() != Some(&values[row]) {
                options.push(values[row].clone());
            }
            of_row[row] = options.len() - 1;
        }
        FacetIndex { options, of_row }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub label: String,
    /// Rows this choice would show with every other filter as it is.
    pub count: usize,
}

/// Each choice of a facet with its count under the other filters (the facet's own choices are
/// left out, so ticking a second box adds exactly the count shown beside it).
pub fn facet_counts(data: &TableData, filter: &Filter, facet: Facet) -> Vec<FacetCount> {
    let others = filter.without_facet(facet);
    let others = others.tester(data);
    let index = data.facet(facet);
    let mut counts = vec![0; index.options.len()];
    for (row, &at) in index.of_row.iter().enumerate() {
        if others.matches(row) {
            counts[at] += 1;
        }
    }
    index
        .options
        .iter()
        .zip(counts)
        .map(|(value, count)| FacetCount {
            count,
            label: facet.value_label(value),
            value: value.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::data::tests::sample;

    fn counts(filter: &Filter, facet: Facet) -> Vec<(String, usize)> {
        facet_counts(&sample(), filter, facet)
            .into_iter()
            .map(|c| (c.label, c.count))
            .collect()
    }

    fn pairs(expected: &[(&str, usize)]) -> Vec<(String, usize)> {
        expected.iter().map(|(l, c)| (l.to_string(), *c)).collect()
    }

    #[test]
    fn options_come_in_reading_order_with_unknown_last() {
        let data = sample();
        assert_eq!(data.options(Facet::Kind), ["crc", "nps-division", "pdu"]);
        assert_eq!(
            data.options(Facet::Overall),
            [
                "outstanding",
                "good",
                "requires-improvement",
                "inadequate",
                "-"
            ]
        );
        assert_eq!(
            data.options(Facet::Owner),
            ["MTCnovo", "Sodexo", "Ünity", "-"]
        );
        assert_eq!(data.options(Facet::Year), ["2018", "2019", "-"]);
    }

    #[test]
    fn counts_follow_the_other_filters_but_not_their_own() {
        let none = Filter::default();
        assert_eq!(
            counts(&none, Facet::Kind),
            pairs(&[("CRC", 3), ("NPS division", 1), ("PDU", 2)])
        );
        let mut filter = Filter::default();
        filter.toggle(Facet::Kind, "crc");
        // Ticking CRC leaves the kind counts as they were...
        assert_eq!(counts(&filter, Facet::Kind), counts(&none, Facet::Kind));
        // ...and narrows every other facet.
        assert_eq!(
            counts(&filter, Facet::Overall),
            pairs(&[
                ("Outstanding", 1),
                ("Good", 0),
                ("Requires improvement", 2),
                ("Inadequate", 0),
                ("Not published", 0)
            ])
        );
        filter.text = "fox".into();
        assert_eq!(
            counts(&filter, Facet::Owner),
            pairs(&[
                ("MTCnovo", 0),
                ("Sodexo", 1),
                ("Ünity", 0),
                ("Owner not known", 0)
            ])
        );
        assert_eq!(
            counts(&filter, Facet::Round),
            pairs(&[("Round 1", 1), ("Round 2", 0), ("No round", 0)])
        );
    }
}
