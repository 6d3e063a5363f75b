//! The compare page's selection: which inspections `?ids=a,b,c` asks for, which of them exist,
//! and how a standard reads for an inspection of a given kind.

use crate::band::Band;
use crate::inspection::{distinct_names, Inspection, Standard};

/// Most inspections shown side by side.
pub const MAX_COMPARED: usize = 4;
/// [`MAX_COMPARED`] as the pages write it.
pub const MAX_COMPARED_IN_WORDS: &str = "four";

/// What a comparison shows, and what it had to leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection<'a> {
    /// Up to [`MAX_COMPARED`] inspections, in the order the address gives them.
    pub shown: Vec<&'a Inspection>,
    /// The shown inspections' names, with the round where two share an organisation
    /// ([`distinct_names`] over every inspection, as the league table names them).
    pub names: Vec<String>,
    /// Ids in the address that no inspection has, as written.
    pub unknown: Vec<String>,
    /// Known inspections left out because only the first four are shown.
    pub left_out: usize,
}

/// The ids in an `ids` value: split on commas, trimmed, blanks and repeats dropped.
pub fn parse_ids(value: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        if !ids.iter().any(|seen| seen == id) {
            ids.push(id.to_string());
        }
    }
    ids
}

/// Looks the ids up; unknown ids are named rather than dropped silently, and do not take one
/// of the four places.
pub fn select<'a>(ids: &[String], all: &'a [Inspection]) -> Selection<'a> {
    let mut selection = Selection::default();
    let mut names = None;
    for id in ids {
        match all.iter().position(|i| &i.id == id) {
            Some(_) if selection.shown.len() == MAX_COMPARED => selection.left_out += 1,
            Some(at) => {
                let names = names.get_or_insert_with(|| distinct_names(all));
                selection.shown.push(&all[at]);
                selection.names.push(names[at].clone());
            }
            None => selection.unknown.push(id.clone()),
        }
    }
    selection
}

/// The `ids` list without `id`, for a "remove" link.
pub fn without(ids: &[&str], id: &str) -> Vec<String> {
    ids.iter()
        .filter(|other| **other != id)
        .map(|other| other.to_string())
        .collect()
}

/// A standard's cell for one inspection: not part of its kind's framework is different from
/// part of it but not published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandardRating {
    DoesNotApply,
    NotPublished,
    Rated(Band),
}

/// How the table and its downloads word a standard outside an inspection's framework.
pub const DOES_NOT_APPLY: &str = "does not apply";

pub fn standard_rating(inspection: &Inspection, standard: &Standard) -> StandardRating {
    if !standard.applies_to(inspection.kind) {
        return StandardRating::DoesNotApply;
    }
    match inspection.standards.get(&standard.code) {
        Some(band) => StandardRating::Rated(*band),
        None => StandardRating::NotPublished,
    }
}

/// The standards worth a row when comparing these inspections: those that apply to at least
/// one of their kinds, in the data's order.
pub fn relevant_standards<'a>(
    standards: &'a [Standard],
    shown: &[&Inspection],
) -> Vec<&'a Standard> {
    standards
        .iter()
        .filter(|s| shown.iter().any(|i| s.applies_to(i.kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::tests::{inspection, standards};
    use crate::inspection::Kind;

    fn all() -> Vec<Inspection> {
        ["a", "b", "c", "d", "e"]
            .into_iter()
            .map(|id| inspection(id, Kind::Crc))
            .collect()
    }

    fn ids(selection: &Selection) -> Vec<String> {
        selection.shown.iter().map(|i| i.id.clone()).collect()
    }

    #[test]
    fn parses_commas_spaces_blanks_and_repeats() {
        assert_eq!(parse_ids("a,b, c ,,a,"), ["a", "b", "c"]);
        assert!(parse_ids("").is_empty());
        assert!(parse_ids(" , ").is_empty());
    }

    #[test]
    fn keeps_the_order_given_and_names_unknown_ids() {
        let all = all();
        let selection = select(&parse_ids("c,nope,a"), &all);
        assert_eq!(ids(&selection), ["c", "a"]);
        assert_eq!(selection.unknown, ["nope"]);
        assert_eq!(selection.left_out, 0);
    }

    #[test]
    fn shows_only_the_first_four_known() {
        let all = all();
        let selection = select(&parse_ids("e,x,d,c,b,a"), &all);
        assert_eq!(ids(&selection), ["e", "d", "c", "b"]);
        assert_eq!(selection.left_out, 1);
        assert_eq!(selection.unknown, ["x"]);
    }

    #[test]
    fn two_rounds_of_one_organisation_are_named_by_their_round() {
        let mut all = all();
        for (at, round) in [(0, 1), (1, 2)] {
            all[at].organisation = "Alpha CRC".into();
            all[at].round = Some(round);
        }
        let selection = select(&parse_ids("b,a,c"), &all);
        assert_eq!(
            selection.names,
            ["Alpha CRC, round 2", "Alpha CRC, round 1", "C"]
        );
    }

    #[test]
    fn nothing_asked_for_selects_nothing() {
        assert_eq!(select(&parse_ids(""), &all()), Selection::default());
    }

    #[test]
    fn removing_keeps_the_rest_in_order() {
        assert_eq!(without(&["a", "b", "c"], "b"), ["a", "c"]);
        assert_eq!(without(&["a"], "a"), Vec::<String>::new());
    }

    #[test]
    fn rows_for_the_standards_of_the_kinds_compared() {
        let standards = standards();
        let codes = |shown: &[&Inspection]| -> Vec<String> {
            relevant_standards(&standards, shown)
                .iter()
                .map(|s| s.code.clone())
                .collect()
        };
        let crc = inspection("c", Kind::Crc);
        let pdu = inspection("p", Kind::Pdu);
        assert_eq!(
            codes(&[&pdu]),
            ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "P2.1"]
        );
        let both = codes(&[&crc, &pdu]);
        assert_eq!(both.len(), 11);
        assert!(both.contains(&"3.2".to_string()) && !both.contains(&"N3.1".to_string()));
        assert!(codes(&[]).is_empty());
    }

    #[test]
    fn standards_of_another_kind_do_not_apply() {
        let standards = standards();
        let code = |c: &str| standards.iter().find(|s| s.code == c).unwrap();
        let mut pdu = inspection("p", Kind::Pdu);
        pdu.standards.insert("P2.1".into(), Band::Inadequate);
        assert_eq!(
            standard_rating(&pdu, code("3.1")),
            StandardRating::DoesNotApply
        );
        assert_eq!(
            standard_rating(&pdu, code("1.1")),
            StandardRating::NotPublished
        );
        assert_eq!(
            standard_rating(&pdu, code("P2.1")),
            StandardRating::Rated(Band::Inadequate)
        );
    }
}
