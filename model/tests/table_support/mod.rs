//! Generators shared by the table's property tests: tables with awkward names and many
//! unknowns, sorts, and views the URL can hold.

use model::band::Band;
use model::date::PartialDate;
use model::inspection::{Caseload, Confidence, Inspection, Kind, Score, Standard};
use model::table::column::{Column, Direction};
use model::table::data::TableData;
use model::table::facets::Facet;
use model::table::filter::{AtLeast, Filter};
use model::table::sort::{Sort, SortBy};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use std::collections::BTreeSet;

pub const DIRECTIONS: [Direction; 2] = [Direction::Ascending, Direction::Descending];

/// Names that trip up CSV, URLs, case folding and spreadsheets.
const NAMES: [&str; 10] = [
    "Alpha",
    "alpha",
    "Bravo, Charlie",
    "Ćharlie",
    "",
    "zulu",
    "\"Quoted\" Ltd",
    "Line one\nline two",
    "=SUM(A1)",
    "Gwent & Dyfed-Powys",
];
const OWNERS: [&str; 4] = ["Sodexo", "sodexo", "HMPPS", "Ünity, \"MTC\""];
const REGIONS: [&str; 3] = ["Essex", "Gwent, Dyfed-Powys", "South\r\nYorkshire"];
pub const CODES: [&str; 3] = ["1.1", "2.1", "N3.1"];
const CONFIDENCES: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];
pub const TEXTS: [&str; 8] = ["", "a", "ALPHA", " br ", "ć", "sod", "yorkshire", ", "];

/// Two domains, so hiding a column group is possible; N3.1 applies to NPS divisions only.
pub fn standards() -> Vec<Standard> {
    let standard = |code: &str, domain: &str, applies_to: &[Kind]| Standard {
        code: code.into(),
        domain: domain.into(),
        name: format!("Standard {code}"),
        applies_to: applies_to.to_vec(),
    };
    vec![
        standard("1.1", "Organisational delivery", &Kind::ALL),
        standard("2.1", "Case supervision", &Kind::ALL),
        standard("N3.1", "NPS-specific work", &[Kind::NpsDivision]),
    ]
}

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

/// Mostly the awkward names above, sometimes any text at all.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(&NAMES[..]).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn inspection() -> impl Strategy<Value = Inspection> {
    (
        (
            name(),
            select(&Kind::ALL[..]),
            proptest::option::of(select(&OWNERS[..])),
            proptest::option::of(select(&REGIONS[..])),
            proptest::option::of(date()),
            proptest::option::of(1u8..3),
        ),
        (
            proptest::option::of(select(&Band::ALL[..])),
            proptest::option::of((0u32..4, select(&[0u32, 27, 30][..]))),
            proptest::collection::btree_map(select(&CODES[..]), select(&Band::ALL[..]), 0..4),
            proptest::option::of(0u32..3),
            proptest::option::of(select(&CONFIDENCES[..])),
            proptest::option::of(select(&["https://a.example/", "https://B.example/"][..])),
        ),
    )
        .prop_map(
            |(
                (organisation, kind, owner, region, published, round),
                (overall, score, standards, caseload, confidence, source_url),
            )| Inspection {
                id: String::new(),
                organisation,
                kind,
                owner: owner.map(str::to_string),
                region: region.map(str::to_string),
                published,
                round,
                overall,
                score: score.map(|(points, max)| Score {
                    points,
                    max,
                    basis: "stated".into(),
                }),
                standards: standards
                    .into_iter()
                    .map(|(code, band)| (code.to_string(), band))
                    .collect(),
                caseload: caseload.map(|count| Caseload {
                    count,
                    qualifier: None,
                }),
                source_url: source_url.map(str::to_string),
                other_sources: Vec::new(),
                confidence,
                notes: None,
            },
        )
}

/// Up to 20 inspections; ids are unique (`i0`, `i1` …) or, for stability, drawn from three.
pub fn table(unique_ids: bool) -> impl Strategy<Value = TableData> {
    proptest::collection::vec(inspection(), 0..20).prop_map(move |mut inspections| {
        for (i, inspection) in inspections.iter_mut().enumerate() {
            inspection.id = if unique_ids {
                format!("i{i}")
            } else {
                format!("i{}", i % 3)
            };
        }
        TableData::new(inspections, standards())
    })
}

/// Every column of the generated tables, standards included.
pub fn all_columns(data: &TableData) -> Vec<Column> {
    data.columns(&BTreeSet::new())
}

pub fn sort_by() -> impl Strategy<Value = SortBy> {
    let columns = all_columns(&TableData::new(Vec::new(), standards()));
    (select(columns), select(&DIRECTIONS[..]))
        .prop_map(|(column, direction)| SortBy { column, direction })
}

/// A primary key and, sometimes, a different secondary one.
pub fn sort() -> impl Strategy<Value = Sort> {
    (sort_by(), proptest::option::of(sort_by())).prop_map(|(primary, secondary)| Sort {
        secondary: secondary.filter(|s| s.column != primary.column),
        primary,
    })
}

/// A table and a view of it that the URL can hold: facet choices among the tokens the data
/// offers, known standards and column groups, any free text and any page.
pub fn table_and_view() -> impl Strategy<Value = (TableData, model::table::url_state::ViewState)> {
    table(true).prop_flat_map(|data| {
        let facets: Vec<BoxedStrategy<(Facet, Vec<String>)>> = Facet::ALL
            .into_iter()
            .map(|facet| {
                let tokens = data.options(facet).to_vec();
                let len = tokens.len();
                (Just(facet), subsequence(tokens, 0..=len)).boxed()
            })
            .collect();
        let slugs: Vec<String> = data.groups.iter().map(|g| g.slug.clone()).collect();
        let slug_count = slugs.len();
        (
            Just(data),
            facets,
            proptest::option::of((select(&CODES[..]), select(&Band::ALL[..]))),
            any::<bool>(),
            prop_oneof![select(&TEXTS[..]).prop_map(str::to_string), any::<String>()],
            sort(),
            subsequence(slugs, 0..=slug_count),
            prop_oneof![1usize..4, 1usize..10_000],
        )
            .prop_map(
                |(data, facets, at_least, complete_only, text, sort, hidden, page)| {
                    let filter = Filter {
                        facets: facets
                            .into_iter()
                            .filter(|(_, tokens)| !tokens.is_empty())
                            .map(|(facet, tokens)| (facet, tokens.into_iter().collect()))
                            .collect(),
                        at_least: at_least.map(|(code, band)| AtLeast {
                            code: code.into(),
                            band,
                        }),
                        complete_only,
                        text,
                    };
                    let view = model::table::url_state::ViewState {
                        filter,
                        sort,
                        hidden: hidden.into_iter().collect(),
                        page,
                    };
                    (data, view)
                },
            )
    })
}
