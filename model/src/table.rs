//! The league table's rows: which inspections a filter keeps and the order a sort puts them in.

use crate::band::{Band, UNKNOWN_BAND_LABEL};
use crate::date::PartialDate;
use crate::inspection::{Inspection, Kind};
use std::cmp::Ordering;

/// The sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Organisation,
    Kind,
    Owner,
    Published,
    Round,
    Overall,
    Score,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    pub fn reversed(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Organisation,
        SortKey::Kind,
        SortKey::Owner,
        SortKey::Published,
        SortKey::Round,
        SortKey::Overall,
        SortKey::Score,
    ];

    /// Stable name for attributes and, later, the URL.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Organisation => "organisation",
            SortKey::Kind => "kind",
            SortKey::Owner => "owner",
            SortKey::Published => "published",
            SortKey::Round => "round",
            SortKey::Overall => "overall",
            SortKey::Score => "score",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Organisation => "Organisation",
            SortKey::Kind => "Kind",
            SortKey::Owner => "Owner",
            SortKey::Published => "Published",
            SortKey::Round => "Round",
            SortKey::Overall => "Overall",
            SortKey::Score => "Score",
        }
    }

    /// Ratings and dates open best or newest first; text opens A to Z.
    pub fn first_direction(self) -> Direction {
        match self {
            SortKey::Overall | SortKey::Score | SortKey::Published => Direction::Descending,
            _ => Direction::Ascending,
        }
    }

    /// How a screen reader hears the order, e.g. "best first".
    pub fn describe(self, direction: Direction) -> &'static str {
        match (self, direction) {
            (SortKey::Overall | SortKey::Score, Direction::Descending) => "best first",
            (SortKey::Overall | SortKey::Score, Direction::Ascending) => "worst first",
            (SortKey::Published, Direction::Descending) => "newest first",
            (SortKey::Published, Direction::Ascending) => "oldest first",
            (SortKey::Round, Direction::Ascending) => "lowest first",
            (SortKey::Round, Direction::Descending) => "highest first",
            (_, Direction::Ascending) => "A to Z",
            (_, Direction::Descending) => "Z to A",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub direction: Direction,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Overall,
            direction: Direction::Descending,
        }
    }
}

impl Sort {
    /// The sort after a click on `key`'s header: the same column flips, another starts afresh.
    pub fn after_click(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                direction: self.direction.reversed(),
            }
        } else {
            Sort {
                key,
                direction: key.first_direction(),
            }
        }
    }
}

/// A comparable value of one cell; `None` in a row means unknown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Text(String),
    Number(u64),
    Date(PartialDate),
    Band(Band),
}

fn folded(text: &str) -> SortValue {
    SortValue::Text(text.to_lowercase())
}

fn sort_value(inspection: &Inspection, key: SortKey) -> Option<SortValue> {
    match key {
        SortKey::Organisation => Some(folded(&inspection.organisation)),
        SortKey::Kind => Some(folded(inspection.kind.name())),
        SortKey::Owner => inspection.owner.as_deref().map(folded),
        SortKey::Published => inspection.published.map(SortValue::Date),
        SortKey::Round => inspection.round.map(|r| SortValue::Number(r.into())),
        SortKey::Overall => inspection.overall.map(SortValue::Band),
        // Scores out of 27 and 30 compare as shares of their maximum, then by points.
        SortKey::Score => inspection.score.as_ref().filter(|s| s.max > 0).map(|s| {
            SortValue::Number(
                u64::from(s.points) * 1_000_000 / u64::from(s.max) * 100 + u64::from(s.points),
            )
        }),
    }
}

/// Unknowns go last whichever way the known values run.
fn compare_known_first(
    a: &Option<SortValue>,
    b: &Option<SortValue>,
    direction: Direction,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match direction {
            Direction::Ascending => a.cmp(b),
            Direction::Descending => b.cmp(a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts row indices stably by the chosen column, breaking ties by organisation name A to Z.
pub fn sort_rows(inspections: &[Inspection], rows: &mut Vec<usize>, sort: Sort) {
    let mut keyed: Vec<(Option<SortValue>, Option<SortValue>, usize)> = rows
        .iter()
        .map(|&row| {
            let inspection = &inspections[row];
            (
                sort_value(inspection, sort.key),
                sort_value(inspection, SortKey::Organisation),
                row,
            )
        })
        .collect();
    keyed.sort_by(|a, b| {
        compare_known_first(&a.0, &b.0, sort.direction)
            .then_with(|| compare_known_first(&a.1, &b.1, Direction::Ascending))
    });
    *rows = keyed.into_iter().map(|(_, _, row)| row).collect();
}

/// The overall-band filter: one band, or the rows with no published band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OverallChoice {
    Band(Band),
    NotPublished,
}

impl OverallChoice {
    /// Every choice, best band first and "not published" last, as the filter lists them.
    pub const ALL: [OverallChoice; 5] = [
        OverallChoice::Band(Band::Outstanding),
        OverallChoice::Band(Band::Good),
        OverallChoice::Band(Band::RequiresImprovement),
        OverallChoice::Band(Band::Inadequate),
        OverallChoice::NotPublished,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OverallChoice::Band(band) => band.name(),
            OverallChoice::NotPublished => UNKNOWN_BAND_LABEL,
        }
    }

    /// The form value: a band's slug, or `not-published`.
    pub fn value(self) -> &'static str {
        match self {
            OverallChoice::Band(band) => band.slug(),
            OverallChoice::NotPublished => "not-published",
        }
    }

    pub fn from_value(value: &str) -> Option<OverallChoice> {
        match value {
            "not-published" => Some(OverallChoice::NotPublished),
            _ => Band::from_slug(value).map(OverallChoice::Band),
        }
    }

    pub fn matches(self, overall: Option<Band>) -> bool {
        match self {
            OverallChoice::Band(band) => overall == Some(band),
            OverallChoice::NotPublished => overall.is_none(),
        }
    }
}

/// What the reader has asked to see; empty fields keep every row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub overall: Option<OverallChoice>,
    pub owner: Option<String>,
    pub text: String,
}

impl Filter {
    pub fn matches(&self, inspection: &Inspection) -> bool {
        self.kind.is_none_or(|kind| inspection.kind == kind)
            && self
                .overall
                .is_none_or(|choice| choice.matches(inspection.overall))
            && self
                .owner
                .as_ref()
                .is_none_or(|owner| inspection.owner.as_ref() == Some(owner))
            && self.matches_text(inspection)
    }

    /// Case-insensitive match on organisation, owner or region.
    fn matches_text(&self, inspection: &Inspection) -> bool {
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        [
            Some(&inspection.organisation),
            inspection.owner.as_ref(),
            inspection.region.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|field| field.to_lowercase().contains(&needle))
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Indices of the rows a filter keeps, in a sort's order.
pub fn table_rows(inspections: &[Inspection], filter: &Filter, sort: Sort) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..inspections.len())
        .filter(|&i| filter.matches(&inspections[i]))
        .collect();
    sort_rows(inspections, &mut rows, sort);
    rows
}

/// Every owner named in the data, A to Z, for the owner filter.
pub fn owners(inspections: &[Inspection]) -> Vec<String> {
    let mut owners: Vec<String> = inspections.iter().filter_map(|i| i.owner.clone()).collect();
    owners.sort_by_key(|o| o.to_lowercase());
    owners.dedup();
    owners
}

/// "21 of 74 shown".
pub fn shown_count(shown: usize, total: usize) -> String {
    format!("{shown} of {total} shown")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::tests::inspection;
    use crate::inspection::Score;

    fn row(id: &str, organisation: &str, kind: Kind, overall: Option<Band>) -> Inspection {
        Inspection {
            organisation: organisation.into(),
            overall,
            ..inspection(id, kind)
        }
    }

    fn sample() -> Vec<Inspection> {
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
        rows[5].owner = Some("Sodexo".into());
        rows[1].region = Some("South Yorkshire".into());
        rows[0].published = Some(PartialDate::parse("2019-07").unwrap());
        rows[1].published = Some(PartialDate::parse("2019").unwrap());
        rows[3].published = Some(PartialDate::parse("2019-07-16").unwrap());
        rows[4].published = Some(PartialDate::parse("2018-12-01").unwrap());
        rows[1].score = Some(Score {
            points: 0,
            max: 27,
            basis: "s".into(),
        });
        rows[4].score = Some(Score {
            points: 18,
            max: 27,
            basis: "s".into(),
        });
        rows[5].score = Some(Score {
            points: 15,
            max: 30,
            basis: "s".into(),
        });
        rows
    }

    fn ids(data: &[Inspection], filter: &Filter, sort: Sort) -> Vec<String> {
        table_rows(data, filter, sort)
            .into_iter()
            .map(|i| data[i].id.clone())
            .collect()
    }

    fn sorted(key: SortKey, direction: Direction) -> Vec<String> {
        ids(&sample(), &Filter::default(), Sort { key, direction })
    }

    #[test]
    fn bands_sort_by_meaning_both_ways_with_unknowns_last() {
        assert_eq!(
            sorted(SortKey::Overall, Direction::Descending),
            ["d", "e", "a", "f", "b", "c"]
        );
        assert_eq!(
            sorted(SortKey::Overall, Direction::Ascending),
            ["b", "a", "f", "e", "d", "c"]
        );
    }

    #[test]
    fn ties_keep_a_stable_order_by_organisation() {
        // a and f share a band; Alpha comes before Foxtrot both ways.
        let desc = sorted(SortKey::Overall, Direction::Descending);
        let asc = sorted(SortKey::Overall, Direction::Ascending);
        for order in [desc, asc] {
            let a = order.iter().position(|id| id == "a").unwrap();
            let f = order.iter().position(|id| id == "f").unwrap();
            assert!(a < f);
        }
    }

    #[test]
    fn partial_dates_sort_by_time_with_unknowns_last() {
        assert_eq!(
            sorted(SortKey::Published, Direction::Ascending),
            ["e", "b", "a", "d", "c", "f"]
        );
        assert_eq!(
            sorted(SortKey::Published, Direction::Descending),
            ["d", "a", "b", "e", "c", "f"]
        );
    }

    #[test]
    fn text_sorts_case_insensitively() {
        assert_eq!(
            sorted(SortKey::Organisation, Direction::Ascending),
            ["a", "b", "c", "d", "e", "f"]
        );
        assert_eq!(
            sorted(SortKey::Organisation, Direction::Descending),
            ["f", "e", "d", "c", "b", "a"]
        );
    }

    #[test]
    fn unknown_owners_last_both_ways() {
        assert_eq!(
            sorted(SortKey::Owner, Direction::Ascending),
            ["d", "a", "f", "b", "c", "e"]
        );
        assert_eq!(
            sorted(SortKey::Owner, Direction::Descending),
            ["a", "f", "d", "b", "c", "e"]
        );
    }

    #[test]
    fn scores_compare_as_shares_of_their_maximum() {
        // 18/27 beats 15/30 beats 0/27; unknown scores last.
        assert_eq!(
            sorted(SortKey::Score, Direction::Descending),
            ["e", "f", "b", "a", "c", "d"]
        );
        assert_eq!(
            sorted(SortKey::Score, Direction::Ascending),
            ["b", "f", "e", "a", "c", "d"]
        );
    }

    #[test]
    fn a_click_flips_the_same_column_and_starts_others_afresh() {
        let sort = Sort::default().after_click(SortKey::Overall);
        assert_eq!(sort.direction, Direction::Ascending);
        let sort = sort.after_click(SortKey::Organisation);
        assert_eq!(
            (sort.key, sort.direction),
            (SortKey::Organisation, Direction::Ascending)
        );
        assert_eq!(
            sort.after_click(SortKey::Organisation).direction,
            Direction::Descending
        );
    }

    #[test]
    fn kind_filter_keeps_exactly_that_kind() {
        let data = sample();
        let filter = Filter {
            kind: Some(Kind::Crc),
            ..Filter::default()
        };
        let rows = table_rows(&data, &filter, Sort::default());
        assert_eq!(ids(&data, &filter, Sort::default()), ["d", "a", "f"]);
        assert!(rows.iter().all(|&r| data[r].kind == Kind::Crc));
    }

    #[test]
    fn overall_filter_by_band_or_not_published() {
        let data = sample();
        let good = Filter {
            overall: Some(OverallChoice::Band(Band::Good)),
            ..Filter::default()
        };
        assert_eq!(ids(&data, &good, Sort::default()), ["e"]);
        let unknown = Filter {
            overall: Some(OverallChoice::NotPublished),
            ..Filter::default()
        };
        assert_eq!(ids(&data, &unknown, Sort::default()), ["c"]);
    }

    #[test]
    fn owner_and_text_filters_combine() {
        let data = sample();
        let owner = Filter {
            owner: Some("Sodexo".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&data, &owner, Sort::default()), ["a", "f"]);
        let both = Filter {
            text: "  FOX ".into(),
            ..owner
        };
        assert_eq!(ids(&data, &both, Sort::default()), ["f"]);
        let region = Filter {
            text: "yorkshire".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&data, &region, Sort::default()), ["b"]);
        let all = Filter {
            kind: Some(Kind::Pdu),
            text: "alpha".into(),
            ..Filter::default()
        };
        assert!(ids(&data, &all, Sort::default()).is_empty());
    }

    #[test]
    fn overall_choice_values_round_trip() {
        for choice in OverallChoice::ALL {
            assert_eq!(OverallChoice::from_value(choice.value()), Some(choice));
        }
        assert_eq!(OverallChoice::from_value(""), None);
    }

    #[test]
    fn owners_are_listed_once_each() {
        assert_eq!(owners(&sample()), ["MTCnovo", "Sodexo"]);
    }

    #[test]
    fn count_reads_n_of_m() {
        assert_eq!(shown_count(21, 74), "21 of 74 shown");
    }
}
