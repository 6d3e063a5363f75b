//! Property tests of the league table's sort and filter over generated inspections: few distinct
//! values, so ties, unknowns and case-only differences come up in nearly every case.

// Each test file uses some of the shared generators; this one not the view.
#[allow(dead_code)]
mod table_support;

use model::band::Band;
use model::date::PartialDate;
use model::inspection::Confidence;
use model::table::column::{Column, Direction};
use model::table::data::TableData;
use model::table::facets::Facet;
use model::table::filter::{AtLeast, Filter};
use model::table::sort::{sort_rows, Sort, SortBy};
use model::text::fold;
use proptest::prelude::*;
use proptest::sample::select;
use std::cmp::Ordering;
use table_support::{all_columns, sort, table, CODES, DIRECTIONS, TEXTS};

/// Facet tokens as the model names them, a few that no row has, and the unknown token.
fn facet_choice() -> impl Strategy<Value = (Facet, String)> {
    let tokens = |facet: Facet, tokens: &[&str]| {
        let tokens: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
        (Just(facet), select(tokens))
    };
    prop_oneof![
        tokens(
            Facet::Kind,
            &["crc", "nps-division", "pdu", "-", "spaceship"]
        ),
        tokens(
            Facet::Overall,
            &[
                "outstanding",
                "good",
                "requires-improvement",
                "inadequate",
                "-"
            ]
        ),
        tokens(
            Facet::Owner,
            &["Sodexo", "sodexo", "HMPPS", "Ünity, \"MTC\"", "-"]
        ),
        tokens(Facet::Region, &["Essex", "Gwent, Dyfed-Powys", "-", "Kent"]),
        tokens(Facet::Year, &["2018", "2019", "-", "1066"]),
        tokens(Facet::Round, &["1", "2", "-"]),
    ]
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        proptest::collection::vec(facet_choice(), 0..5),
        proptest::option::of((select(&CODES[..]), select(&Band::ALL[..]))),
        any::<bool>(),
        select(&TEXTS[..]),
    )
        .prop_map(|(choices, at_least, complete_only, text)| {
            let mut filter = Filter {
                at_least: at_least.map(|(code, band)| AtLeast {
                    code: code.into(),
                    band,
                }),
                complete_only,
                text: text.into(),
                ..Filter::default()
            };
            for (facet, token) in choices {
                if !filter.is_chosen(facet, &token) {
                    filter.toggle(facet, &token);
                }
            }
            filter
        })
}

/// A sortable cell, compared as the sort's documentation says: text ignoring case and
/// accents, bands by meaning, dates by time, scores as shares of their maximum then by points.
#[derive(Clone, Debug)]
enum Cell {
    Text(String),
    Number(u64),
    Date(PartialDate),
    Band(Band),
    Score { points: u32, max: u32 },
}

impl Ord for Cell {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Cell::Text(a), Cell::Text(b)) => a.cmp(b),
            (Cell::Number(a), Cell::Number(b)) => a.cmp(b),
            (Cell::Date(a), Cell::Date(b)) => a.cmp(b),
            (Cell::Band(a), Cell::Band(b)) => a.cmp(b),
            (
                Cell::Score {
                    points: a,
                    max: a_max,
                },
                Cell::Score {
                    points: b,
                    max: b_max,
                },
            ) => (u64::from(*a) * u64::from(*b_max))
                .cmp(&(u64::from(*b) * u64::from(*a_max)))
                .then(a.cmp(b)),
            _ => panic!("cells of one column are of one type: {self:?} {other:?}"),
        }
    }
}

impl PartialOrd for Cell {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Cell {}

/// What the sort looks at in a column; `None` is unknown.
fn sort_value(data: &TableData, row: usize, column: &Column) -> Option<Cell> {
    let inspection = &data.inspections[row];
    let text = |t: &str| Cell::Text(fold(t));
    match column {
        Column::Rank => data.ranks[row].map(|r| Cell::Number(r.position as u64)),
        Column::Organisation => Some(text(&inspection.organisation)),
        Column::Kind => Some(text(inspection.kind.name())),
        Column::Owner => inspection.owner.as_deref().map(text),
        Column::Region => inspection.region.as_deref().map(text),
        Column::Published => inspection.published.map(Cell::Date),
        Column::Round => inspection.round.map(|r| Cell::Number(r.into())),
        Column::Overall => inspection.overall.map(Cell::Band),
        // A maximum of 0 gives no share: unknown.
        Column::Score => inspection
            .score
            .as_ref()
            .filter(|s| s.max > 0)
            .map(|s| Cell::Score {
                points: s.points,
                max: s.max,
            }),
        Column::Standard(code) => inspection.standards.get(code).copied().map(Cell::Band),
        Column::Caseload => inspection
            .caseload
            .as_ref()
            .map(|c| Cell::Number(c.count.into())),
        Column::Confidence => inspection.confidence.map(|c| {
            Cell::Number(match c {
                Confidence::Low => 1,
                Confidence::Medium => 2,
                Confidence::High => 3,
            })
        }),
        Column::Source => inspection
            .source_url
            .as_deref()
            .filter(|url| model::link::is_web_link(url))
            .map(text),
    }
}

/// The documented order: the chosen keys, then overall best first, score best first and
/// organisation A to Z (each unless already chosen), then id; unknowns last on every key.
fn reference_cmp(data: &TableData, sort: &Sort, a: usize, b: usize) -> Ordering {
    let mut keys = vec![sort.primary.clone()];
    keys.extend(sort.secondary.clone());
    for column in [Column::Overall, Column::Score, Column::Organisation] {
        if keys.iter().all(|k| k.column != column) {
            keys.push(SortBy::first(column));
        }
    }
    keys.iter()
        .map(|key| {
            match (
                sort_value(data, a, &key.column),
                sort_value(data, b, &key.column),
            ) {
                (Some(x), Some(y)) => match key.direction {
                    Direction::Ascending => x.cmp(&y),
                    Direction::Descending => y.cmp(&x),
                },
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        })
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
        .then_with(|| data.inspections[a].id.cmp(&data.inspections[b].id))
}

fn sorted(data: &TableData, order: Vec<usize>, sort: &Sort) -> Vec<usize> {
    let mut rows = order;
    sort_rows(data, &mut rows, sort);
    rows
}

fn every_row(data: &TableData) -> Vec<usize> {
    (0..data.inspections.len()).collect()
}

/// A seeded Fisher-Yates shuffle, so a failing case replays exactly.
fn shuffled(len: usize, seed: u64) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..len).collect();
    let mut state = seed | 1;
    for i in (1..len).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        rows.swap(i, (state % (i as u64 + 1)) as usize);
    }
    rows
}

proptest! {
    #[test]
    fn sort_is_a_permutation(data in table(true), sort in sort()) {
        let mut seen = sorted(&data, every_row(&data), &sort);
        seen.sort_unstable();
        prop_assert_eq!(seen, every_row(&data));
    }

    /// Every sortable column, both ways: once an unknown value appears, only unknowns follow.
    #[test]
    fn unknowns_sort_last_in_both_directions(data in table(true)) {
        for column in all_columns(&data) {
            for direction in DIRECTIONS {
                let sort = Sort { primary: SortBy { column: column.clone(), direction }, secondary: None };
                let known: Vec<bool> = sorted(&data, every_row(&data), &sort)
                    .into_iter()
                    .map(|r| sort_value(&data, r, &column).is_some())
                    .collect();
                prop_assert!(known.windows(2).all(|w| w[0] || !w[1]),
                    "{:?} {:?}: an unknown before a known: {:?}", column, direction, known);
            }
        }
    }

    /// Adjacent rows are in the documented order: the chosen keys, then overall best first,
    /// score best first, organisation A to Z, then id.
    #[test]
    fn sort_follows_the_documented_keys_and_tie_breakers(data in table(true), sort in sort()) {
        let rows = sorted(&data, every_row(&data), &sort);
        for pair in rows.windows(2) {
            prop_assert_ne!(reference_cmp(&data, &sort, pair[0], pair[1]), Ordering::Greater,
                "{:?} before {:?}", &data.inspections[pair[0]], &data.inspections[pair[1]]);
        }
    }

    /// A total order: with unique ids, whatever order the rows arrive in, the result is the same.
    #[test]
    fn sort_does_not_depend_on_the_input_order(data in table(true), sort in sort(), seed in any::<u64>()) {
        let shuffled = shuffled(data.inspections.len(), seed);
        prop_assert_eq!(sorted(&data, shuffled, &sort), sorted(&data, every_row(&data), &sort));
    }

    /// Stable: rows equal on every key, id included (ids repeat here), keep the order they
    /// arrived in, and sorting a sorted list changes nothing.
    #[test]
    fn sort_is_stable(data in table(false), sort in sort(), seed in any::<u64>()) {
        let input = shuffled(data.inspections.len(), seed);
        let position = |row: usize| input.iter().position(|&r| r == row);
        let once = sorted(&data, input.clone(), &sort);
        for pair in once.windows(2) {
            if reference_cmp(&data, &sort, pair[0], pair[1]) == Ordering::Equal {
                prop_assert!(position(pair[0]) < position(pair[1]),
                    "tied rows {} and {} swapped", pair[0], pair[1]);
            }
        }
        prop_assert_eq!(sorted(&data, once.clone(), &sort), once);
    }

    /// Flipping the primary direction reverses the groups of equal known primary values; inside
    /// a group the tie-breakers keep their own fixed directions, so each group's rows stay in the
    /// same order; unknowns stay last, also in the same order.
    #[test]
    fn directions_mirror_each_other(data in table(true), sort in sort()) {
        let column = sort.primary.column.clone();
        let groups = |direction: Direction| {
            let sort = Sort { primary: SortBy { column: column.clone(), direction }, ..sort.clone() };
            let mut groups: Vec<(Option<Cell>, Vec<usize>)> = Vec::new();
            for row in sorted(&data, every_row(&data), &sort) {
                let value = sort_value(&data, row, &column);
                match groups.last_mut() {
                    Some((last, rows)) if *last == value => rows.push(row),
                    _ => groups.push((value, vec![row])),
                }
            }
            groups
        };
        let mut ascending = groups(Direction::Ascending);
        let mut descending = groups(Direction::Descending);
        let unknown_last = |groups: &mut Vec<(Option<Cell>, Vec<usize>)>| {
            match groups.last() {
                Some((None, _)) => groups.pop().map(|(_, rows)| rows),
                _ => None,
            }
        };
        prop_assert_eq!(unknown_last(&mut ascending), unknown_last(&mut descending));
        descending.reverse();
        prop_assert_eq!(ascending, descending);
    }

    #[test]
    fn filter_keeps_exactly_the_matching_rows(data in table(true), filter in filter(), sort in sort()) {
        let kept = data.rows(&filter, &sort);
        let all = data.rows(&Filter::default(), &sort);
        prop_assert_eq!(&all, &sorted(&data, every_row(&data), &sort));
        // A subset, in the sort's order.
        let in_order: Vec<usize> = all.iter().copied().filter(|r| kept.contains(r)).collect();
        prop_assert_eq!(&kept, &in_order);
        for row in every_row(&data) {
            prop_assert_eq!(kept.contains(&row), filter.matches(&data, row), "row {}", row);
        }
    }

    /// The table sorts every row once and filters that order; that must be the same as sorting
    /// only the rows the filter keeps.
    #[test]
    fn filtering_the_sorted_order_equals_sorting_the_kept_rows(data in table(true), filter in filter(), sort in sort()) {
        let matching: Vec<usize> = every_row(&data).into_iter().filter(|&r| filter.matches(&data, r)).collect();
        prop_assert_eq!(data.kept(&data.order(&sort), &filter), sorted(&data, matching, &sort));
    }

    /// Filtering the filtered rows again keeps every one of them.
    #[test]
    fn filter_is_idempotent(data in table(true), filter in filter(), sort in sort()) {
        let kept = data.rows(&filter, &sort);
        let again = TableData::new(
            kept.iter().map(|&r| data.inspections[r].clone()).collect(),
            data.standards.clone(),
        );
        let kept_again = again.rows(&filter, &sort);
        prop_assert_eq!(kept_again.len(), kept.len());
        let ids = |data: &TableData, rows: &[usize]| {
            rows.iter().map(|&r| data.inspections[r].id.clone()).collect::<Vec<_>>()
        };
        let mut before = ids(&data, &kept);
        let mut after = ids(&again, &kept_again);
        before.sort();
        after.sort();
        prop_assert_eq!(before, after);
    }

    /// Filters narrow: each part of a filter only ever hides rows, so the filter without it
    /// shows every row the whole filter shows.
    #[test]
    fn every_filter_part_only_narrows(data in table(true), filter in filter(), column in select(&Column::LEADING[..])) {
        let sort = Sort { primary: SortBy::first(column), secondary: None };
        let kept = data.rows(&filter, &sort);
        for part in filter.parts() {
            let wider = data.rows(&filter.without(part), &sort);
            prop_assert!(kept.iter().all(|r| wider.contains(r)), "{:?}", part);
        }
    }
}
