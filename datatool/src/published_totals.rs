//! The real data, compiled as a build compiles it, checked against the totals the Inspectorate
//! published, through the same counting the summary above the league table uses.

use crate::site;
use model::band::Band;
use model::inspection::Kind;
use model::movement::{movement, Trend};
use model::summary::{band_counts, BandCounts};
use std::path::Path;

fn real_inspections() -> Vec<model::inspection::Inspection> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match site::compile(&root) {
        Ok(site) => site.ratings.inspections,
        Err(errors) => panic!("the project's data does not compile: {errors:?}"),
    }
}

fn group(groups: &[BandCounts], kind: Kind, round: u8) -> &BandCounts {
    groups
        .iter()
        .find(|g| g.kind == kind && g.round == Some(round))
        .unwrap_or_else(|| panic!("no {} group in round {round}", kind.name()))
}

/// Outstanding, Good, Requires improvement, Inadequate, not published.
fn counts(group: &BandCounts) -> [usize; 5] {
    let [o, g, ri, i] = Band::ALL.map(|band| group.count(band));
    [o, g, ri, i, group.unknown]
}

#[test]
fn round_one_matches_the_inspectorates_published_totals() {
    let groups = band_counts(&real_inspections());
    assert_eq!(
        counts(group(&groups, Kind::Crc, 1)),
        [0, 1, 19, 1, 0],
        "CRCs, round 1"
    );
    assert_eq!(
        counts(group(&groups, Kind::NpsDivision, 1)),
        [0, 5, 2, 0, 0],
        "NPS divisions, round 1"
    );
}

#[test]
fn thames_valley_improved_between_the_rounds() {
    let all = real_inspections();
    let find = |id: &str| all.iter().find(|i| i.id == id).expect(id);
    let m = movement(find("crc-thamesvalley-r1"), &all).expect("a pair");
    assert_eq!(m.trend, Trend::Improved);
    assert_eq!(m.later_id, "crc-thamesvalley-r2");
    // The 2021 NPS South West inspection has no round, and the round-1 division of a
    // different name is not its predecessor.
    assert_eq!(movement(find("nps-southwest-2021"), &all), None);
    assert_eq!(movement(find("nps-swsc-r1"), &all), None);
}
