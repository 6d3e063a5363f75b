//! The loaded ratings as the table needs them: inspections, standards grouped by area for the
//! column groups, and what every sort and filter would otherwise work out again on each change
//! (ranks, facet choices, folded search text, completeness), worked out once.

use super::column::Column;
use super::facets::{Facet, FacetIndex};
use super::filter::Filter;
use super::rank::{ranks, Rank};
use super::sort::{sort_rows, Sort};
use crate::compare::{standard_rating, StandardRating};
use crate::date::years_text;
use crate::inspection::{distinct_names, published_years, standards_for, Inspection, Standard};
use crate::text::fold;
use std::collections::BTreeSet;

/// Standards of one area (see `group_name`), shown and hidden together under one group header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandardGroup {
    /// Stable token for the URL and storage, e.g. `case-supervision`.
    pub slug: String,
    pub name: String,
    pub codes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableData {
    pub inspections: Vec<Inspection>,
    pub standards: Vec<Standard>,
    /// Rank of each inspection, same order.
    pub ranks: Vec<Option<Rank>>,
    /// Each inspection's name out of its row ([`distinct_names`]), same order.
    pub names: Vec<String>,
    /// In the order their first standard appears.
    pub groups: Vec<StandardGroup>,
    /// One per facet, in [`Facet::ALL`] order.
    facets: Vec<FacetIndex>,
    /// Each row's names folded, for sorting.
    folded: Vec<FoldedNames>,
    /// Each row's folded names joined, for the text filter.
    search_text: Vec<String>,
    /// Whether each row has every standard that applies to its kind.
    complete: Vec<bool>,
}

/// A row's organisation, owner and region with case and accents folded away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldedNames {
    pub organisation: String,
    pub owner: Option<String>,
    pub region: Option<String>,
}

impl FoldedNames {
    fn new(inspection: &Inspection) -> FoldedNames {
        FoldedNames {
            organisation: fold(&inspection.organisation),
            owner: inspection.owner.as_deref().map(fold),
            region: inspection.region.as_deref().map(fold),
        }
    }

    /// The names joined by a character no one types, so no match spans two of them.
    fn search_text(&self) -> String {
        [
            Some(&self.organisation),
            self.owner.as_ref(),
            self.region.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\u{1f}")
    }
}

/// The group of standards whose domain names nothing.
const OTHER_GROUP_NAME: &str = "Other standards";

/// `Organisational delivery` → `organisational-delivery`.
fn group_slug(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// A domain without a bracketed qualifier: `NPS-specific work (court work)` → `NPS-specific work`.
/// A domain that is nothing but a qualifier stays whole.
fn unqualified(domain: &str) -> &str {
    let domain = domain.trim();
    match domain.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') && !name.trim().is_empty() => name.trim(),
        _ => domain,
    }
}

/// The column group a domain's standards go under. The frameworks name their domains
/// differently, so that the table groups standards by area rather than by wording: a bracketed
/// qualifier does not make a group of its own, and a domain that joins another domain's name
/// (the PDUs' `Court work and case supervision`, whose case supervision standards already sit
/// under `Case supervision`) goes under what is left (`Court work`).
fn group_name(domain: &str, domains: &[&str]) -> String {
    let name = unqualified(domain);
    let parts: Vec<&str> = name.split(" and ").map(str::trim).collect();
    let others: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|part| {
            !domains
                .iter()
                .any(|other| *other != name && other.eq_ignore_ascii_case(part))
        })
        .collect();
    if others.is_empty() || others.len() == parts.len() || others.iter().any(|p| p.is_empty()) {
        return name.to_string();
    }
    let left = others.join(" and ");
    let mut chars = left.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl TableData {
    pub fn new(inspections: Vec<Inspection>, standards: Vec<Standard>) -> TableData {
        let domains: Vec<&str> = standards.iter().map(|s| unqualified(&s.domain)).collect();
        let mut groups: Vec<StandardGroup> = Vec::new();
        for standard in &standards {
            let name = group_name(&standard.domain, &domains);
            // A domain with no letters or digits (blank, or a dash) would give a group with no
            // name and an empty slug, which reads as hidden in the address and stored choices.
            let (name, slug) = match group_slug(&name) {
                slug if slug.is_empty() => {
                    (OTHER_GROUP_NAME.to_string(), group_slug(OTHER_GROUP_NAME))
                }
                slug => (name, slug),
            };
            match groups.iter_mut().find(|g| g.slug == slug) {
                Some(group) => group.codes.push(standard.code.clone()),
                None => groups.push(StandardGroup {
                    slug,
                    name,
                    codes: vec![standard.code.clone()],
                }),
            }
        }
        let folded: Vec<FoldedNames> = inspections.iter().map(FoldedNames::new).collect();
        let complete = inspections
            .iter()
            .map(|i| standards_for(&standards, i.kind).all(|s| i.standards.contains_key(&s.code)))
            .collect();
        TableData {
            ranks: ranks(&inspections),
            names: distinct_names(&inspections),
            facets: Facet::ALL
                .iter()
                .map(|&facet| FacetIndex::new(&inspections, facet))
                .collect(),
            search_text: folded.iter().map(FoldedNames::search_text).collect(),
            folded,
            complete,
            inspections,
            standards,
            groups,
        }
    }

    /// "Probation inspection ratings, 2018 to 2023": the years come from the rows' dates.
    pub fn caption(&self) -> String {
        match published_years(&self.inspections) {
            Some(years) => format!("Probation inspection ratings, {}", years_text(years)),
            None => "Probation inspection ratings".to_string(),
        }
    }

    pub fn facet(&self, facet: Facet) -> &FacetIndex {
        let at = Facet::ALL.iter().position(|f| *f == facet);
        &self.facets[at.expect("every facet is in Facet::ALL")]
    }

    /// The tokens the data holds for a facet, once each, in reading order.
    pub fn options(&self, facet: Facet) -> &[String] {
        &self.facet(facet).options
    }

    /// Whether row `row`'s organisation, owner or region contains `folded`, which must already
    /// be folded.
    pub fn text_contains(&self, row: usize, folded: &str) -> bool {
        self.search_text[row].contains(folded)
    }

    pub fn folded(&self, row: usize) -> &FoldedNames {
        &self.folded[row]
    }

    pub fn is_complete(&self, row: usize) -> bool {
        self.complete[row]
    }

    /// Row `row`'s rating on the standard `code`; a code this data does not define applies to
    /// no inspection.
    pub fn standard_rating(&self, row: usize, code: &str) -> StandardRating {
        self.standards
            .iter()
            .find(|s| s.code == code)
            .map_or(StandardRating::DoesNotApply, |s| {
                standard_rating(&self.inspections[row], s)
            })
    }

    /// The groups not hidden, in table order.
    pub fn visible_groups<'a>(
        &'a self,
        hidden: &'a BTreeSet<String>,
    ) -> impl Iterator<Item = &'a StandardGroup> + 'a {
        self.groups.iter().filter(|g| !hidden.contains(&g.slug))
    }

    /// Every column shown when the groups in `hidden` are hidden, in table order.
    pub fn columns(&self, hidden: &BTreeSet<String>) -> Vec<Column> {
        let standards = self
            .visible_groups(hidden)
            .flat_map(|g| g.codes.iter().cloned().map(Column::Standard));
        Column::LEADING
            .into_iter()
            .chain(standards)
            .chain(Column::TRAILING)
            .collect()
    }

    /// Indices of the rows a filter keeps, in a sort's order.
    pub fn rows(&self, filter: &Filter, sort: &Sort) -> Vec<usize> {
        self.kept(&self.order(sort), filter)
    }

    /// Every row's index in a sort's order. The table works this out once per sort, so a
    /// keystroke in the filter only filters: at 10,000 rows sorting was half its time.
    pub fn order(&self, sort: &Sort) -> Vec<usize> {
        let mut rows = (0..self.inspections.len()).collect();
        sort_rows(self, &mut rows, sort);
        rows
    }

    /// The rows of `order` a filter keeps, in that order. Every sort is a total order (ties go
    /// by id), so this is the same as sorting the kept rows.
    pub fn kept(&self, order: &[usize], filter: &Filter) -> Vec<usize> {
        let test = filter.tester(self);
        order
            .iter()
            .copied()
            .filter(|&row| test.matches(row))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::band::Band;
    use crate::date::PartialDate;
    use crate::inspection::tests::{inspection, standards};
    use crate::inspection::{Kind, Score};

    fn row(id: &str, organisation: &str, kind: Kind, overall: Option<Band>) -> Inspection {
        Inspection {
            organisation: organisation.into(),
            overall,
            ..inspection(id, kind)
        }
    }

    fn score(points: u32, max: u32) -> Option<Score> {
        Some(Score {
            points,
            max,
            basis: "s".into(),
        })
    }

    /// Six inspections with unknown bands, owners, dates and scores among them.
    pub fn sample() -> TableData {
        let mut rows = vec![
            row("a", "Alpha", Kind::Crc, Some(Band::RequiresImprovement)),
            row("b", "bravo", Kind::Pdu, Some(Band::Inadequate)),
            row("c", "Charlie", Kind::NpsDivision, None),
            row("d", "Delta", Kind::Crc, Some(Band::Outstanding)),
            row("e", "Echo", Kind::Pdu, Some(Band::Good)),
            row("f", "Foxtrot", Kind::Crc, Some(Band::RequiresImprovement)),
        ];
        rows[0].owner = Some("Sodexo".into());
        rows[3].owner = Some("MTCnovo".into());
        rows[4].owner = Some("Ünity".into());
        rows[5].owner = Some("Sodexo".into());
        rows[1].region = Some("South Yorkshire".into());
        rows[4].region = Some("Gwent, Dyfed-Powys".into());
        rows[0].published = Some(PartialDate::parse("2019-07").unwrap());
        rows[1].published = Some(PartialDate::parse("2019").unwrap());
        rows[3].published = Some(PartialDate::parse("2019-07-16").unwrap());
        rows[4].published = Some(PartialDate::parse("2018-12-01").unwrap());
        for (i, round) in [(0, 1), (1, 2), (3, 1), (4, 2), (5, 1)] {
            rows[i].round = Some(round);
        }
        rows[1].score = score(0, 27);
        rows[4].score = score(18, 27);
        rows[5].score = score(15, 30);
        rows[1].standards = [("2.1".to_string(), Band::Inadequate)].into();
        rows[3].standards = [("2.1".to_string(), Band::RequiresImprovement)].into();
        rows[4].standards = crate::inspection::tests::all_bands(Kind::Pdu, Band::Good);
        let mut standards = standards();
        standards[4].name = "Assessment".into();
        standards[4].domain = "Case supervision".into();
        TableData::new(rows, standards)
    }

    pub fn ids(data: &TableData, filter: &Filter, sort: &Sort) -> Vec<String> {
        data.rows(filter, sort)
            .into_iter()
            .map(|i| data.inspections[i].id.clone())
            .collect()
    }

    #[test]
    fn standards_are_grouped_by_domain_in_data_order() {
        let data = sample();
        let groups: Vec<(&str, usize)> = data
            .groups
            .iter()
            .map(|g| (g.slug.as_str(), g.codes.len()))
            .collect();
        assert_eq!(
            groups,
            [("shared", 7), ("case-supervision", 1), ("specific", 5)]
        );
        assert_eq!(
            group_slug("Organisational delivery"),
            "organisational-delivery"
        );
    }

    #[test]
    fn standards_whose_domain_names_nothing_share_a_named_group() {
        let sample = sample();
        let mut standards = sample.standards.clone();
        standards[0].domain = String::new();
        standards[1].domain = "\u{2014}".into();
        let data = TableData::new(sample.inspections, standards);
        let other: Vec<&StandardGroup> = data
            .groups
            .iter()
            .filter(|g| g.slug == "other-standards")
            .collect();
        assert_eq!(other.len(), 1);
        assert_eq!(other[0].name, "Other standards");
        assert_eq!(other[0].codes.len(), 2);
        assert!(data.groups.iter().all(|g| !g.slug.is_empty()));
    }

    /// The dataset's five areas from its six domain names: the NPS standards share a group,
    /// and the PDUs' court work standard gets one of its own.
    #[test]
    fn domains_named_differently_by_the_frameworks_share_a_group() {
        let domains = [
            "Organisational delivery",
            "Case supervision",
            "CRC-specific work",
            "NPS-specific work (court work)",
            "NPS-specific work",
            "Court work and case supervision",
        ];
        let unqualified: Vec<&str> = domains.iter().map(|d| unqualified(d)).collect();
        let groups: Vec<String> = domains
            .iter()
            .map(|d| group_name(d, &unqualified))
            .collect();
        assert_eq!(
            groups,
            [
                "Organisational delivery",
                "Case supervision",
                "CRC-specific work",
                "NPS-specific work",
                "NPS-specific work",
                "Court work",
            ]
        );
        // A joined name with no other group in it stays whole.
        assert_eq!(
            group_name(
                "Unpaid work and Through the Gate",
                &["Unpaid work and Through the Gate"]
            ),
            "Unpaid work and Through the Gate"
        );
        assert_eq!(group_name("Victim work (statutory)", &[]), "Victim work");
        // Odd wording from the data never makes an empty group.
        assert_eq!(group_name(" (court work) ", &[]), "(court work)");
        assert_eq!(
            group_name("Court work and  case supervision ", &["Case supervision"]),
            "Court work"
        );
        assert_eq!(
            group_name(" and Case supervision", &["Case supervision"]),
            "and Case supervision"
        );
    }

    #[test]
    fn the_caption_names_the_years_the_rows_were_published() {
        let mut data = sample();
        assert_eq!(data.caption(), "Probation inspection ratings, 2018 to 2019");
        data.inspections.iter_mut().for_each(|i| i.published = None);
        assert_eq!(data.caption(), "Probation inspection ratings");
    }

    #[test]
    fn hidden_groups_drop_their_columns_only() {
        let data = sample();
        let all = data.columns(&BTreeSet::new());
        assert_eq!(all.len(), 9 + 13 + 3);
        let hidden: BTreeSet<String> = ["shared".to_string()].into();
        let fewer = data.columns(&hidden);
        assert_eq!(fewer.len(), 9 + 6 + 3);
        assert!(fewer.contains(&Column::Standard("2.1".into())));
        assert!(!fewer.contains(&Column::Standard("1.1".into())));
        assert_eq!(fewer.last(), Some(&Column::Source));
    }
}
