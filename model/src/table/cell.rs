//! What each cell of the league table shows, as plain data: the app writes it into the page and
//! compares it with what a place already shows, so a sort or a page turn touches only cells that
//! change.

use super::column::Column;
use super::data::TableData;
use crate::band::Band;
use crate::compare::{StandardRating, DOES_NOT_APPLY};
use crate::details::caseload_text;
use crate::link::is_web_link;
use crate::page_link::inspection_href;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Words, with an optional spoken form read instead of them.
    Text(CellText),
    /// The row header: the organisation, linking to its inspection's page; `label` names the
    /// link where the organisation alone would not tell it from another row's.
    Organisation {
        href: String,
        name: String,
        label: Option<String>,
    },
    /// The overall band as a badge.
    Overall(Option<Band>),
    /// A standard's band in a heatmap cell.
    Standard(Option<Band>),
    /// A link to the source, named for screen readers by its inspection's distinct name.
    Source { href: String, name: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellText {
    pub shown: String,
    /// Read by screen readers instead of `shown` (which is then hidden from them).
    pub spoken: Option<String>,
    pub title: Option<String>,
    pub class: Option<&'static str>,
}

impl CellText {
    fn plain(shown: impl Into<String>) -> CellText {
        CellText {
            shown: shown.into(),
            spoken: None,
            title: None,
            class: None,
        }
    }

    fn titled(shown: impl Into<String>, title: impl Into<String>) -> CellText {
        CellText {
            title: Some(title.into()),
            ..CellText::plain(shown)
        }
    }

    /// A quiet dash, with words for screen readers and a tooltip.
    fn unknown(label: &str) -> CellText {
        CellText {
            spoken: Some(label.into()),
            class: Some("unknown"),
            ..CellText::titled("—", label)
        }
    }
}

/// The cell of inspection `row` in `column`.
pub fn cell(data: &TableData, row: usize, column: &Column) -> Cell {
    let inspection = &data.inspections[row];
    let or_unknown = |value: Option<CellText>, label: &str| {
        Cell::Text(value.unwrap_or_else(|| CellText::unknown(label)))
    };
    let text = |value: Option<String>, label: &str| or_unknown(value.map(CellText::plain), label);
    match column {
        Column::Organisation => Cell::Organisation {
            href: inspection_href(&inspection.id),
            name: inspection.organisation.clone(),
            label: Some(&data.names[row])
                .filter(|name| **name != inspection.organisation)
                .cloned(),
        },
        Column::Overall => Cell::Overall(inspection.overall),
        Column::Standard(code) => match data.standard_rating(row, code) {
            StandardRating::Rated(band) => Cell::Standard(Some(band)),
            StandardRating::NotPublished => Cell::Standard(None),
            StandardRating::DoesNotApply => or_unknown(None, DOES_NOT_APPLY),
        },
        Column::Source => match inspection.source_url.as_ref().filter(|u| is_web_link(u)) {
            Some(url) => Cell::Source {
                href: url.clone(),
                name: data.names[row].clone(),
            },
            None => or_unknown(None, "no source link"),
        },
        Column::Rank => or_unknown(
            data.ranks[row].map(|rank| {
                let shown = rank.display();
                // "=3" is read "equals 3": say what the sign means.
                let spoken = rank.spoken();
                match rank.explained() {
                    Some(title) => CellText {
                        spoken,
                        ..CellText::titled(shown, title)
                    },
                    None => CellText::plain(shown),
                }
            }),
            "not ranked: overall band not published",
        ),
        Column::Kind => Cell::Text(CellText::titled(
            inspection.kind.name(),
            inspection.kind.long_name(),
        )),
        Column::Owner => text(inspection.owner.clone(), "owner not known"),
        Column::Region => text(inspection.region.clone(), "region not known"),
        Column::Published => or_unknown(
            inspection
                .published
                .map(|date| CellText::titled(date.display(), date.to_string())),
            "date not known",
        ),
        Column::Round => text(inspection.round.map(|r| r.to_string()), "no round"),
        Column::Score => or_unknown(
            inspection.score.as_ref().map(|score| {
                CellText::titled(
                    format!("{}/{}", score.points, score.max),
                    score.basis.clone(),
                )
            }),
            "score not known",
        ),
        Column::Caseload => text(
            inspection.caseload.as_ref().map(caseload_text),
            "caseload not known",
        ),
        Column::Confidence => text(
            inspection.confidence.map(|c| c.name().to_string()),
            "confidence not stated",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::Caseload;
    use crate::table::data::tests::sample;

    fn text(cell: Cell) -> CellText {
        match cell {
            Cell::Text(text) => text,
            other => panic!("expected words, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_value_is_a_dash_with_spoken_words() {
        let data = sample();
        let owner = text(cell(&data, 1, &Column::Owner));
        assert_eq!(owner.shown, "—");
        assert_eq!(owner.spoken.as_deref(), Some("owner not known"));
        assert_eq!(owner.title.as_deref(), Some("owner not known"));
        assert_eq!(owner.class, Some("unknown"));
    }

    #[test]
    fn a_known_value_is_plain_words() {
        let data = sample();
        assert_eq!(
            text(cell(&data, 0, &Column::Owner)),
            CellText::plain("Sodexo")
        );
        let score = text(cell(&data, 4, &Column::Score));
        assert_eq!((score.shown.as_str(), score.spoken), ("18/27", None));
    }

    #[test]
    fn a_shared_rank_is_spoken_as_joint() {
        let mut inspections = sample().inspections;
        inspections[1] = inspections[0].clone();
        inspections[1].id = "a2".into();
        let data = TableData::new(inspections, sample().standards);
        let rank = text(cell(&data, 1, &Column::Rank));
        // Outstanding, Good, then Foxtrot's known score above the two unknown ones.
        assert_eq!(rank.shown, "=4");
        assert_eq!(rank.spoken.as_deref(), Some("joint 4"));
        let title = rank.title.unwrap_or_default();
        assert!(title.starts_with("joint 4: after the scored"), "{title}");
        let alone = text(cell(&data, 4, &Column::Rank));
        assert!(
            !alone.shown.starts_with('=') && alone.spoken.is_none(),
            "{alone:?}"
        );
    }

    #[test]
    fn a_caseload_reads_as_on_the_inspection_page() {
        let mut data = sample();
        data.inspections[0].caseload = Some(Caseload {
            count: 3600,
            qualifier: Some("more than".into()),
        });
        assert_eq!(
            text(cell(&data, 0, &Column::Caseload)).shown,
            "more than 3,600"
        );
    }

    #[test]
    fn bands_keep_unknown_apart_from_a_standard_that_does_not_apply() {
        let data = sample();
        // Row 1 is a PDU with a band for 2.1 only.
        let band = |code: &str| cell(&data, 1, &Column::Standard(code.into()));
        assert_eq!(band("2.1"), Cell::Standard(Some(Band::Inadequate)));
        assert_eq!(band("1.1"), Cell::Standard(None));
        assert_eq!(text(band("3.1")).spoken.as_deref(), Some("does not apply"));
        assert_eq!(cell(&data, 2, &Column::Overall), Cell::Overall(None));
    }

    #[test]
    fn only_a_web_address_becomes_a_source_link() {
        let mut data = sample();
        data.inspections[0].source_url = Some("https://example.org/report".into());
        data.inspections[1].source_url = Some("javascript:alert(1)".into());
        assert_eq!(
            cell(&data, 0, &Column::Source),
            Cell::Source {
                href: "https://example.org/report".into(),
                name: "Alpha".into()
            }
        );
        assert_eq!(
            text(cell(&data, 1, &Column::Source)).spoken.as_deref(),
            Some("no source link")
        );
    }

    #[test]
    fn the_organisation_links_to_its_inspection() {
        let data = sample();
        assert_eq!(
            cell(&data, 0, &Column::Organisation),
            Cell::Organisation {
                href: inspection_href("a"),
                name: "Alpha".into(),
                label: None,
            }
        );
    }

    #[test]
    fn a_repeated_organisation_is_named_with_its_round_out_of_its_row() {
        let mut inspections = sample().inspections;
        inspections[5].organisation = "Alpha".into();
        inspections[5].round = Some(2);
        inspections[5].source_url = Some("https://example.org/round-2".into());
        let data = TableData::new(inspections, sample().standards);
        assert_eq!(
            cell(&data, 5, &Column::Organisation),
            Cell::Organisation {
                href: inspection_href("f"),
                name: "Alpha".into(),
                label: Some("Alpha, round 2".into()),
            }
        );
        assert_eq!(
            cell(&data, 5, &Column::Source),
            Cell::Source {
                href: "https://example.org/round-2".into(),
                name: "Alpha, round 2".into()
            }
        );
        let Cell::Organisation { label, .. } = cell(&data, 1, &Column::Organisation) else {
            panic!("an organisation cell")
        };
        assert_eq!(label, None, "a name no other row has needs no label");
    }
}
