//! What the reader has asked to see: facet choices, "standard X at least band Y", "every
//! standard known" and free text; and, when nothing matches, which of them emptied the table.

use super::data::TableData;
use super::facets::Facet;
use crate::band::Band;
use crate::text::fold;
use std::collections::{BTreeMap, BTreeSet};

/// Keep rows whose band for one standard is this band or better.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AtLeast {
    pub code: String,
    pub band: Band,
}

/// Empty fields keep every row; within a facet the choices are alternatives ("CRC or PDU"),
/// and different fields must all hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Chosen tokens per facet; a facet with no entry is not filtered.
    pub facets: BTreeMap<Facet, BTreeSet<String>>,
    pub at_least: Option<AtLeast>,
    /// Only rows where every standard that applies to the kind is known.
    pub complete_only: bool,
    /// Matched against organisation, owner and region, ignoring case and accents.
    pub text: String,
}

/// One active part of a filter, for saying which one emptied the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterPart {
    Facet(Facet),
    AtLeast,
    Complete,
    Text,
}

/// A filter made ready to test many rows: the search words folded once, and each facet's choices
/// as one flag per option of the data.
pub struct RowTest<'a> {
    data: &'a TableData,
    filter: &'a Filter,
    /// Per chosen facet: each row's option, and whether each option is chosen.
    facets: Vec<(&'a [usize], Vec<bool>)>,
    /// The search's [`search_words`]; a row must contain each, anywhere in its names, so "kent
    /// sussex" finds "Kent, Surrey and Sussex CRC" and "sodexo cumbria" an owner with its area.
    words: Vec<String>,
}

/// The search's words, folded; words in double quotes stay together as one phrase, so
/// `"south east"` finds only rows with those words side by side (as DataTables' search does).
/// Words of no letter or digit ("&", "-") are left out: names spell them in other ways. Empty
/// when the search has no words, which filters nothing.
fn search_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words = Vec::new();
    // Between quotes at odd places; an unclosed quote runs to the end.
    for (place, part) in folded.split('"').enumerate() {
        if place % 2 == 1 {
            words.push(part.split_whitespace().collect::<Vec<_>>().join(" "));
        } else {
            words.extend(part.split_whitespace().map(str::to_string));
        }
    }
    words.retain(|word| word.chars().any(char::is_alphanumeric));
    words
}

impl RowTest<'_> {
    pub fn matches(&self, row: usize) -> bool {
        let inspection = &self.data.inspections[row];
        self.facets
            .iter()
            .all(|(of_row, chosen)| chosen[of_row[row]])
            && self.filter.at_least.as_ref().is_none_or(|at_least| {
                inspection
                    .standards
                    .get(&at_least.code)
                    .is_some_and(|band| *band >= at_least.band)
            })
            && (!self.filter.complete_only || self.data.is_complete(row))
            && self
                .words
                .iter()
                .all(|word| self.data.text_contains(row, word))
    }
}

impl Filter {
    /// Ready to test the rows of `data`.
    pub fn tester<'a>(&'a self, data: &'a TableData) -> RowTest<'a> {
        let facets = self
            .facets
            .iter()
            .map(|(facet, chosen)| {
                let index = data.facet(*facet);
                let flags = index.options.iter().map(|o| chosen.contains(o)).collect();
                (index.of_row.as_slice(), flags)
            })
            .collect();
        let words = search_words(&self.text);
        RowTest {
            data,
            filter: self,
            facets,
            words,
        }
    }

    /// Whether one row passes; to test many, make a [`Filter::tester`] once.
    pub fn matches(&self, data: &TableData, row: usize) -> bool {
        self.tester(data).matches(row)
    }

    pub fn is_chosen(&self, facet: Facet, token: &str) -> bool {
        self.facets.get(&facet).is_some_and(|c| c.contains(token))
    }

    /// Ticks or unticks one choice.
    pub fn toggle(&mut self, facet: Facet, token: &str) {
        let chosen = self.facets.entry(facet).or_default();
        if !chosen.remove(token) {
            chosen.insert(token.to_string());
        }
        if chosen.is_empty() {
            self.facets.remove(&facet);
        }
    }

    pub fn without_facet(&self, facet: Facet) -> Filter {
        let mut filter = self.clone();
        filter.facets.remove(&facet);
        filter
    }

    /// The parts that restrict anything, in the order the form shows them.
    pub fn parts(&self) -> Vec<FilterPart> {
        let mut parts = Vec::new();
        if !search_words(&self.text).is_empty() {
            parts.push(FilterPart::Text);
        }
        parts.extend(
            Facet::ALL
                .into_iter()
                .filter(|f| self.facets.contains_key(f))
                .map(FilterPart::Facet),
        );
        if self.at_least.is_some() {
            parts.push(FilterPart::AtLeast);
        }
        if self.complete_only {
            parts.push(FilterPart::Complete);
        }
        parts
    }

    pub fn is_empty(&self) -> bool {
        self.parts().is_empty()
    }

    pub fn without(&self, part: FilterPart) -> Filter {
        let mut filter = self.clone();
        match part {
            FilterPart::Facet(facet) => filter = filter.without_facet(facet),
            FilterPart::AtLeast => filter.at_least = None,
            FilterPart::Complete => filter.complete_only = false,
            FilterPart::Text => filter.text.clear(),
        }
        filter
    }

    /// A part in words: `Kind: CRC or PDU`, `search "fox"`.
    pub fn describe(&self, part: FilterPart, data: &TableData) -> String {
        match part {
            FilterPart::Text => format!("search \u{201c}{}\u{201d}", self.text.trim()),
            FilterPart::Facet(facet) => {
                let labels: Vec<String> = self
                    .facets
                    .get(&facet)
                    .into_iter()
                    .flatten()
                    .map(|token| facet.value_label(token))
                    .collect();
                format!("{}: {}", facet.label(), labels.join(" or "))
            }
            FilterPart::AtLeast => match &self.at_least {
                Some(at_least) => {
                    let column = super::column::Column::Standard(at_least.code.clone());
                    format!(
                        "{} at least {}",
                        column.title(&data.standards),
                        at_least.band
                    )
                }
                None => String::new(),
            },
            FilterPart::Complete => "every standard known".to_string(),
        }
    }

    /// When nothing matches: the parts that alone stand between the reader and some rows, or
    /// every part when only a combination empties the table.
    pub fn emptying_parts(&self, data: &TableData) -> Vec<FilterPart> {
        let any = |filter: &Filter| {
            let test = filter.tester(data);
            (0..data.inspections.len()).any(|row| test.matches(row))
        };
        let parts = self.parts();
        let culprits: Vec<FilterPart> = parts
            .iter()
            .copied()
            .filter(|part| any(&self.without(*part)))
            .collect();
        if culprits.is_empty() {
            parts
        } else {
            culprits
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::data::tests::{ids, sample};
    use crate::table::sort::Sort;

    fn shown(filter: &Filter) -> Vec<String> {
        let mut ids = ids(&sample(), filter, &Sort::default());
        ids.sort();
        ids
    }

    fn with(choices: &[(Facet, &str)]) -> Filter {
        let mut filter = Filter::default();
        for (facet, token) in choices {
            filter.toggle(*facet, token);
        }
        filter
    }

    #[test]
    fn each_facet_keeps_its_choices() {
        assert_eq!(shown(&with(&[(Facet::Kind, "crc")])), ["a", "d", "f"]);
        assert_eq!(
            shown(&with(&[(Facet::Kind, "crc"), (Facet::Kind, "pdu")])).len(),
            5
        );
        assert_eq!(shown(&with(&[(Facet::Overall, "good")])), ["e"]);
        assert_eq!(shown(&with(&[(Facet::Overall, "-")])), ["c"]);
        assert_eq!(shown(&with(&[(Facet::Owner, "Sodexo")])), ["a", "f"]);
        assert_eq!(shown(&with(&[(Facet::Owner, "-")])), ["b", "c"]);
        assert_eq!(shown(&with(&[(Facet::Region, "South Yorkshire")])), ["b"]);
        assert_eq!(shown(&with(&[(Facet::Year, "2019")])), ["a", "b", "d"]);
        assert_eq!(shown(&with(&[(Facet::Year, "-")])), ["c", "f"]);
        assert_eq!(shown(&with(&[(Facet::Round, "2")])), ["b", "e"]);
    }

    #[test]
    fn toggling_twice_removes_the_choice() {
        let filter = with(&[(Facet::Kind, "crc"), (Facet::Kind, "crc")]);
        assert!(filter.is_empty());
        assert_eq!(filter, Filter::default());
    }

    #[test]
    fn standard_at_least_a_band_excludes_unknown_and_worse() {
        let mut filter = Filter::default();
        for (band, expected) in [
            (Band::Good, vec!["e"]),
            (Band::RequiresImprovement, vec!["d", "e"]),
            (Band::Inadequate, vec!["b", "d", "e"]),
        ] {
            filter.at_least = Some(AtLeast {
                code: "2.1".into(),
                band,
            });
            assert_eq!(shown(&filter), expected, "at least {band}");
        }
    }

    #[test]
    fn every_standard_known_keeps_complete_rows_only() {
        let filter = Filter {
            complete_only: true,
            ..Filter::default()
        };
        assert_eq!(shown(&filter), ["e"]);
    }

    #[test]
    fn text_matches_organisation_owner_or_region_ignoring_case_and_accents() {
        let text = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        assert_eq!(shown(&text("  FOX ")), ["f"]);
        assert_eq!(shown(&text("sodexo")), ["a", "f"]);
        assert_eq!(shown(&text("unity")), ["e"]);
        assert_eq!(shown(&text("dyfed")), ["e"]);
        assert_eq!(shown(&text("yorkshire")), ["b"]);
        // Each word anywhere in the names, in any order.
        assert_eq!(shown(&text("yorkshire south")), ["b"]);
        assert_eq!(shown(&text("sodexo fox")), ["f"]);
        assert_eq!(shown(&text("unity  gwent")), ["e"]);
        assert!(shown(&text("sodexo yorkshire")).is_empty());
        // "&" or "-" between words need not be in the name.
        assert_eq!(shown(&text("south & yorkshire")), ["b"]);
        assert_eq!(shown(&text("sodexo - fox")), ["f"]);
        // Nor is a search of no words a filter to clear or name.
        assert_eq!(shown(&text(" & ")).len(), 6);
        assert!(text(" & ").parts().is_empty());
        // Quoted words are one phrase: side by side, in that order.
        assert_eq!(shown(&text("\"south yorkshire\"")), ["b"]);
        assert!(shown(&text("\"yorkshire south\"")).is_empty());
        assert_eq!(shown(&text("\"south   yorkshire")), ["b"]);
        assert_eq!(
            search_words("sodexo \"West  Yorkshire\" & \"\""),
            ["sodexo", "west yorkshire"]
        );
        assert_eq!(shown(&text("   ")).len(), 6);
        assert!(shown(&text("zulu")).is_empty());
    }

    #[test]
    fn filters_combine() {
        let mut filter = with(&[(Facet::Kind, "crc"), (Facet::Owner, "Sodexo")]);
        assert_eq!(shown(&filter), ["a", "f"]);
        filter.text = "alpha".into();
        assert_eq!(shown(&filter), ["a"]);
        filter.toggle(Facet::Year, "2019");
        assert_eq!(shown(&filter), ["a"]);
        filter.toggle(Facet::Overall, "good");
        assert!(shown(&filter).is_empty());
    }

    #[test]
    fn names_the_filters_that_emptied_the_table() {
        let data = sample();
        let mut filter = with(&[(Facet::Kind, "pdu")]);
        filter.text = "alpha".into();
        // Either alone leaves rows: both are named.
        assert_eq!(
            filter.emptying_parts(&data),
            [FilterPart::Text, FilterPart::Facet(Facet::Kind)]
        );
        filter.text = "zulu".into();
        // Only the search empties it.
        assert_eq!(filter.emptying_parts(&data), [FilterPart::Text]);
        assert_eq!(
            filter.describe(FilterPart::Text, &data),
            "search \u{201c}zulu\u{201d}"
        );
        filter.toggle(Facet::Kind, "crc");
        assert_eq!(
            filter.describe(FilterPart::Facet(Facet::Kind), &data),
            "Kind: CRC or PDU"
        );
        filter.at_least = Some(AtLeast {
            code: "2.1".into(),
            band: Band::Good,
        });
        assert_eq!(
            filter.describe(FilterPart::AtLeast, &data),
            "2.1 Assessment at least Good"
        );
    }
}
