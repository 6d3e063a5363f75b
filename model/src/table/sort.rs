//! Sorting the table: by a primary column, an optional secondary one, then fixed tie-breakers
//! (overall best first, score best first, organisation A to Z, id), always stable and with
//! unknown values last in both directions.

use super::column::{Column, Direction};
use super::data::TableData;
use crate::band::Band;
use crate::date::PartialDate;
use crate::inspection::{Confidence, Inspection};
use crate::link::is_web_link;
use crate::text::fold;
use std::borrow::Cow;
use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortBy {
    pub column: Column,
    pub direction: Direction,
}

impl SortBy {
    /// A column in the direction it first sorts.
    pub fn first(column: Column) -> SortBy {
        let direction = column.first_direction();
        SortBy { column, direction }
    }

    fn flipped(self) -> SortBy {
        SortBy {
            direction: self.direction.reversed(),
            ..self
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub primary: SortBy,
    pub secondary: Option<SortBy>,
}

impl Default for Sort {
    /// Best overall band first: the league order.
    fn default() -> Self {
        Sort {
            primary: SortBy::first(Column::Overall),
            secondary: None,
        }
    }
}

impl Sort {
    /// After a click on a header: the same column flips, another becomes primary in its first
    /// direction (and stops being secondary).
    pub fn after_click(self, column: Column) -> Sort {
        if self.primary.column == column {
            return Sort {
                primary: self.primary.flipped(),
                ..self
            };
        }
        Sort {
            secondary: self.secondary.filter(|s| s.column != column),
            primary: SortBy::first(column),
        }
    }

    /// After a shift-click: the column becomes (or flips as) the secondary key; on the primary
    /// column it flips the primary, as a plain click does.
    pub fn after_shift_click(self, column: Column) -> Sort {
        if self.primary.column == column {
            return self.after_click(column);
        }
        let secondary = match self.secondary {
            Some(secondary) if secondary.column == column => secondary.flipped(),
            _ => SortBy::first(column),
        };
        Sort {
            secondary: Some(secondary),
            ..self
        }
    }

    /// "Overall, best first, then by Score, best first" for the live region.
    pub fn describe(&self, data: &TableData) -> String {
        let part = |by: &SortBy| {
            format!(
                "{}, {}",
                by.column.title(&data.standards),
                by.column.describe(by.direction)
            )
        };
        match &self.secondary {
            Some(secondary) => format!("{}, then by {}", part(&self.primary), part(secondary)),
            None => part(&self.primary),
        }
    }
}

/// A comparable cell; `None` in a row means unknown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue<'a> {
    Text(Cow<'a, str>),
    Number(u64),
    Date(PartialDate),
    Band(Band),
}

/// A score as parts per million of its maximum, so 18/27 and 20/30 are equal.
pub(crate) fn score_share(inspection: &Inspection) -> Option<u64> {
    let score = inspection.score.as_ref().filter(|s| s.max > 0)?;
    Some(u64::from(score.points) * 1_000_000 / u64::from(score.max))
}

fn confidence_level(confidence: Confidence) -> u64 {
    match confidence {
        Confidence::Low => 1,
        Confidence::Medium => 2,
        Confidence::High => 3,
    }
}

fn sort_value<'a>(data: &'a TableData, row: usize, column: &Column) -> Option<SortValue<'a>> {
    let inspection = &data.inspections[row];
    let names = data.folded(row);
    // Names were folded once, when the data loaded.
    let folded = |name: &'a String| SortValue::Text(Cow::Borrowed(name.as_str()));
    let text = |t: &str| SortValue::Text(Cow::Owned(fold(t)));
    match column {
        Column::Rank => data.ranks[row].map(|r| SortValue::Number(r.position as u64)),
        Column::Organisation => Some(folded(&names.organisation)),
        Column::Kind => Some(text(inspection.kind.name())),
        Column::Owner => names.owner.as_ref().map(folded),
        Column::Region => names.region.as_ref().map(folded),
        Column::Published => inspection.published.map(SortValue::Date),
        Column::Round => inspection.round.map(|r| SortValue::Number(r.into())),
        Column::Overall => inspection.overall.map(SortValue::Band),
        // Equal shares of the maximum then compare by points.
        Column::Score => score_share(inspection).map(|share| {
            let points = inspection.score.as_ref().map_or(0, |s| s.points);
            SortValue::Number(share * 10_000 + u64::from(points.min(9_999)))
        }),
        Column::Standard(code) => inspection.standards.get(code).copied().map(SortValue::Band),
        Column::Caseload => inspection
            .caseload
            .as_ref()
            .map(|c| SortValue::Number(c.count.into())),
        Column::Confidence => inspection
            .confidence
            .map(|c| SortValue::Number(confidence_level(c))),
        // Only an address shown as a link is known: anything else shows as a dash.
        Column::Source => inspection
            .source_url
            .as_deref()
            .filter(|url| is_web_link(url))
            .map(text),
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

/// The keys rows are compared by, in order: the chosen ones, then the tie-breakers.
fn keys(sort: &Sort) -> Vec<SortBy> {
    let mut keys = vec![sort.primary.clone()];
    keys.extend(sort.secondary.clone());
    for column in [Column::Overall, Column::Score, Column::Organisation] {
        if keys.iter().all(|k| k.column != column) {
            keys.push(SortBy::first(column));
        }
    }
    keys
}

/// Sorts row indices stably; rows equal on every key keep their order, then go by id.
pub fn sort_rows(data: &TableData, rows: &mut Vec<usize>, sort: &Sort) {
    let keys = keys(sort);
    // Each row's values are worked out once, not on every comparison.
    let mut keyed: Vec<(Vec<Option<SortValue>>, usize)> = rows
        .iter()
        .map(|&row| {
            let values = keys
                .iter()
                .map(|k| sort_value(data, row, &k.column))
                .collect();
            (values, row)
        })
        .collect();
    keyed.sort_by(|(a, a_row), (b, b_row)| {
        keys.iter()
            .zip(a.iter().zip(b))
            .map(|(key, (a, b))| compare_known_first(a, b, key.direction))
            .find(|order| order.is_ne())
            .unwrap_or(Ordering::Equal)
            .then_with(|| {
                data.inspections[*a_row]
                    .id
                    .cmp(&data.inspections[*b_row].id)
            })
    });
    *rows = keyed.into_iter().map(|(_, row)| row).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::data::tests::{ids, sample};
    use crate::table::filter::Filter;

    fn sorted(column: Column, direction: Direction) -> Vec<String> {
        let sort = Sort {
            primary: SortBy { column, direction },
            secondary: None,
        };
        ids(&sample(), &Filter::default(), &sort)
    }

    #[test]
    fn bands_sort_by_meaning_both_ways_with_unknowns_last() {
        assert_eq!(
            sorted(Column::Overall, Direction::Descending),
            ["d", "e", "f", "a", "b", "c"]
        );
        assert_eq!(
            sorted(Column::Overall, Direction::Ascending),
            ["b", "f", "a", "e", "d", "c"]
        );
    }

    #[test]
    fn ties_fall_back_to_score_then_organisation() {
        // a and f share a band; f has a score and a doesn't, so f comes first both ways.
        for direction in [Direction::Ascending, Direction::Descending] {
            let order = sorted(Column::Overall, direction);
            let a = order.iter().position(|id| id == "a").unwrap();
            let f = order.iter().position(|id| id == "f").unwrap();
            assert!(f < a, "{order:?}");
        }
        // Kind ties run best overall first.
        assert_eq!(
            sorted(Column::Kind, Direction::Ascending),
            ["d", "f", "a", "c", "e", "b"]
        );
    }

    #[test]
    fn rows_equal_on_every_key_keep_one_order_whatever_order_they_came_in() {
        let mut data = sample();
        for inspection in &mut data.inspections {
            inspection.organisation = "Same".into();
            inspection.overall = None;
            inspection.score = None;
        }
        let forward = TableData::new(data.inspections.clone(), data.standards.clone());
        data.inspections.reverse();
        let backward = TableData::new(data.inspections, data.standards);
        for data in [forward, backward] {
            let order = ids(&data, &Filter::default(), &Sort::default());
            assert_eq!(order, ["a", "b", "c", "d", "e", "f"]);
        }
    }

    #[test]
    fn partial_dates_sort_by_time_with_unknowns_last() {
        assert_eq!(
            sorted(Column::Published, Direction::Ascending),
            ["e", "b", "a", "d", "f", "c"]
        );
        assert_eq!(
            sorted(Column::Published, Direction::Descending),
            ["d", "a", "b", "e", "f", "c"]
        );
    }

    #[test]
    fn text_sorts_case_and_accent_insensitively() {
        assert_eq!(
            sorted(Column::Organisation, Direction::Ascending),
            ["a", "b", "c", "d", "e", "f"]
        );
        assert_eq!(
            sorted(Column::Organisation, Direction::Descending),
            ["f", "e", "d", "c", "b", "a"]
        );
    }

    #[test]
    fn unknown_owners_last_both_ways() {
        assert_eq!(
            sorted(Column::Owner, Direction::Ascending),
            ["d", "f", "a", "e", "b", "c"]
        );
        assert_eq!(
            sorted(Column::Owner, Direction::Descending),
            ["e", "f", "a", "d", "b", "c"]
        );
    }

    #[test]
    fn a_source_that_is_not_a_link_sorts_as_unknown() {
        let sample = sample();
        let mut inspections = sample.inspections.clone();
        for inspection in &mut inspections {
            inspection.source_url = None;
        }
        inspections[0].source_url = Some("https://z.example/".into());
        inspections[1].source_url = Some("www.a.example".into());
        inspections[2].source_url = Some(String::new());
        let data = TableData::new(inspections, sample.standards);
        for direction in [Direction::Ascending, Direction::Descending] {
            let sort = Sort {
                primary: SortBy {
                    column: Column::Source,
                    direction,
                },
                secondary: None,
            };
            assert_eq!(
                ids(&data, &Filter::default(), &sort)[0],
                "a",
                "{direction:?}"
            );
        }
    }

    #[test]
    fn scores_compare_as_shares_of_their_maximum() {
        // 18/27 beats 15/30 beats 0/27; unknown scores last, by overall band.
        assert_eq!(
            sorted(Column::Score, Direction::Descending),
            ["e", "f", "b", "d", "a", "c"]
        );
        assert_eq!(
            sorted(Column::Score, Direction::Ascending),
            ["b", "f", "e", "d", "a", "c"]
        );
    }

    #[test]
    fn standards_sort_by_band_with_unknowns_last() {
        assert_eq!(
            sorted(Column::Standard("2.1".into()), Direction::Descending),
            ["e", "d", "b", "f", "a", "c"]
        );
        assert_eq!(
            sorted(Column::Standard("2.1".into()), Direction::Ascending),
            ["b", "d", "e", "f", "a", "c"]
        );
    }

    #[test]
    fn rank_sorts_best_first_with_unranked_last() {
        assert_eq!(
            sorted(Column::Rank, Direction::Ascending),
            ["d", "e", "f", "a", "b", "c"]
        );
        assert_eq!(
            sorted(Column::Rank, Direction::Descending),
            ["b", "a", "f", "e", "d", "c"]
        );
    }

    #[test]
    fn a_secondary_key_orders_within_the_primary() {
        let sort = Sort {
            primary: SortBy::first(Column::Kind),
            secondary: Some(SortBy {
                column: Column::Organisation,
                direction: Direction::Descending,
            }),
        };
        // CRC: f, d, a; NPS division: c; PDU: e, b.
        assert_eq!(
            ids(&sample(), &Filter::default(), &sort),
            ["f", "d", "a", "c", "e", "b"]
        );
    }

    #[test]
    fn clicks_flip_or_start_afresh_and_shift_clicks_set_the_secondary() {
        let sort = Sort::default().after_click(Column::Overall);
        assert_eq!(sort.primary.direction, Direction::Ascending);
        let sort = sort.after_click(Column::Organisation);
        assert_eq!(sort.primary, SortBy::first(Column::Organisation));
        let sort = sort.after_shift_click(Column::Published);
        assert_eq!(sort.secondary, Some(SortBy::first(Column::Published)));
        let sort = sort.after_shift_click(Column::Published);
        assert_eq!(
            sort.secondary.as_ref().map(|s| s.direction),
            Some(Direction::Ascending)
        );
        let sort = sort.after_shift_click(Column::Organisation);
        assert_eq!(sort.primary.direction, Direction::Descending);
        // Making the secondary column primary drops it as secondary.
        let sort = sort.after_click(Column::Published);
        assert_eq!(sort.primary, SortBy::first(Column::Published));
        assert_eq!(sort.secondary, None);
    }

    #[test]
    fn describes_itself_for_the_live_region() {
        let data = sample();
        let sort = Sort::default().after_shift_click(Column::Standard("2.1".into()));
        assert_eq!(
            sort.describe(&data),
            "Overall, best first, then by 2.1 Assessment, best first"
        );
    }
}
