//! Property tests of the league table's sort and filter over generated inspections: few distinct
//! values, so ties, unknowns and case-only differences come up in nearly every case.

use model::band::Band;
use model::date::PartialDate;
use model::inspection::{Inspection, Kind, Score};
use model::table::{sort_rows, table_rows, Direction, Filter, OverallChoice, Sort, SortKey};
use proptest::prelude::*;
use proptest::sample::select;
use std::collections::BTreeMap;

const NAMES: [&str; 6] = ["Alpha", "alpha", "Bravo", "Ćharlie", "", "zulu"];
const OWNERS: [&str; 3] = ["Sodexo", "sodexo", "HMPPS"];
const BANDS: [Band; 4] = [
    Band::Outstanding,
    Band::Good,
    Band::RequiresImprovement,
    Band::Inadequate,
];

fn date() -> impl Strategy<Value = PartialDate> {
    (
        2018u16..2020,
        proptest::option::of(1u8..3),
        proptest::option::of(1u8..3),
    )
        .prop_map(|(year, month, day)| PartialDate {
            year,
            month,
            day: month.and(day),
        })
}

fn inspection() -> impl Strategy<Value = Inspection> {
    (
        select(&NAMES[..]),
        select(&Kind::ALL[..]),
        proptest::option::of(select(&OWNERS[..])),
        proptest::option::of(date()),
        proptest::option::of(1u8..3),
        proptest::option::of(select(&BANDS[..])),
        proptest::option::of((0u32..4, select(&[0u32, 27, 30][..]))),
    )
        .prop_map(
            |(organisation, kind, owner, published, round, overall, score)| Inspection {
                id: String::new(),
                organisation: organisation.into(),
                kind,
                owner: owner.map(str::to_string),
                region: None,
                published,
                round,
                overall,
                score: score.map(|(points, max)| Score {
                    points,
                    max,
                    basis: "stated".into(),
                }),
                standards: BTreeMap::new(),
                caseload: None,
                source_url: None,
                other_sources: Vec::new(),
                confidence: None,
                notes: None,
            },
        )
}

fn rows() -> impl Strategy<Value = Vec<Inspection>> {
    proptest::collection::vec(inspection(), 0..24)
}

fn sort() -> impl Strategy<Value = Sort> {
    (
        select(&SortKey::ALL[..]),
        select(&[Direction::Ascending, Direction::Descending][..]),
    )
        .prop_map(|(key, direction)| Sort { key, direction })
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        proptest::option::of(select(&Kind::ALL[..])),
        proptest::option::of(select(&OverallChoice::ALL[..])),
        proptest::option::of(select(&OWNERS[..])),
        select(&["", "a", "ALPHA", " br ", "ć", "sod"][..]),
    )
        .prop_map(|(kind, overall, owner, text)| Filter {
            kind,
            overall,
            owner: owner.map(str::to_string),
            text: text.into(),
        })
}

/// What the sort may look at for `key`, written out independently of the model: `None` is
/// unknown. Two rows with equal values here and equal folded names are ties.
fn shown_value(inspection: &Inspection, key: SortKey) -> Option<String> {
    match key {
        SortKey::Organisation => Some(inspection.organisation.to_lowercase()),
        SortKey::Kind => Some(inspection.kind.name().into()),
        SortKey::Owner => inspection.owner.as_ref().map(|o| o.to_lowercase()),
        SortKey::Published => inspection.published.map(|d| format!("{d:?}")),
        SortKey::Round => inspection.round.map(|r| r.to_string()),
        SortKey::Overall => inspection.overall.map(|b| b.name().into()),
        // Scores compare as shares of their maximum: no points is no points out of 27 or 30.
        SortKey::Score => inspection
            .score
            .as_ref()
            .filter(|s| s.max > 0)
            .map(|s| match s.points {
                0 => "0".into(),
                points => format!("{points}/{}", s.max),
            }),
    }
}

fn tie_key(inspection: &Inspection, key: SortKey) -> (Option<String>, String) {
    (
        shown_value(inspection, key),
        inspection.organisation.to_lowercase(),
    )
}

fn sorted(data: &[Inspection], order: Vec<usize>, sort: Sort) -> Vec<usize> {
    let mut rows = order;
    sort_rows(data, &mut rows, sort);
    rows
}

proptest! {
    #[test]
    fn sort_is_a_permutation_with_unknowns_last(data in rows(), sort in sort()) {
        let rows = sorted(&data, (0..data.len()).collect(), sort);
        let mut seen = rows.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..data.len()).collect::<Vec<_>>());
        let known: Vec<bool> = rows.iter().map(|&r| shown_value(&data[r], sort.key).is_some()).collect();
        prop_assert!(known.windows(2).all(|w| w[0] || !w[1]), "an unknown before a known: {:?}", known);
    }

    /// A total order: whatever order the rows arrive in, the sorted sequence of values is the same.
    #[test]
    fn sort_does_not_depend_on_the_input_order(data in rows(), sort in sort(), seed in any::<u64>()) {
        let mut shuffled: Vec<usize> = (0..data.len()).collect();
        // A seeded Fisher-Yates shuffle, so a failing case replays exactly.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let keys = |rows: Vec<usize>| rows.into_iter().map(|r| tie_key(&data[r], sort.key)).collect::<Vec<_>>();
        prop_assert_eq!(
            keys(sorted(&data, shuffled, sort)),
            keys(sorted(&data, (0..data.len()).collect(), sort))
        );
    }

    /// Stable: tied rows keep the order they arrived in, so sorting twice changes nothing.
    #[test]
    fn sort_is_stable(data in rows(), sort in sort()) {
        let once = sorted(&data, (0..data.len()).collect(), sort);
        for pair in once.windows(2) {
            if tie_key(&data[pair[0]], sort.key) == tie_key(&data[pair[1]], sort.key) {
                prop_assert!(pair[0] < pair[1], "tied rows {} and {} swapped", pair[0], pair[1]);
            }
        }
        prop_assert_eq!(sorted(&data, once.clone(), sort), once);
    }

    /// The known values run one way ascending and exactly the other way descending.
    #[test]
    fn directions_mirror_each_other(data in rows(), key in select(&SortKey::ALL[..])) {
        let values = |direction| {
            sorted(&data, (0..data.len()).collect(), Sort { key, direction })
                .into_iter()
                .filter_map(|r| shown_value(&data[r], key))
                .collect::<Vec<_>>()
        };
        let mut descending = values(Direction::Descending);
        descending.reverse();
        // Only the sequence of distinct values is compared: ties break A to Z both ways.
        let mut ascending = values(Direction::Ascending);
        ascending.dedup();
        descending.dedup();
        prop_assert_eq!(ascending, descending);
    }

    #[test]
    fn filter_keeps_a_matching_subset(data in rows(), filter in filter(), sort in sort()) {
        let kept = table_rows(&data, &filter, sort);
        let all = table_rows(&data, &Filter::default(), sort);
        prop_assert_eq!(all.len(), data.len());
        prop_assert!(kept.iter().all(|r| all.contains(r) && filter.matches(&data[*r])));
        let dropped = (0..data.len()).filter(|r| !kept.contains(r));
        prop_assert!(dropped.into_iter().all(|r| !filter.matches(&data[r])));
    }

    #[test]
    fn filter_is_idempotent(data in rows(), filter in filter(), sort in sort()) {
        let kept: Vec<Inspection> = table_rows(&data, &filter, sort).into_iter().map(|r| data[r].clone()).collect();
        let again = table_rows(&kept, &filter, sort);
        prop_assert_eq!(again, (0..kept.len()).collect::<Vec<_>>());
    }
}
