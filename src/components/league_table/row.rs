//! One inspection's row: a compare checkbox, then a cell per visible column. The organisation
//! is the row header and links to the inspection's page; sources link only if they are http(s).
//!
//! Every other cell has the same markup (text, an optional spoken form, a tooltip and classes):
//! one shape of view instead of one per column keeps the app's WebAssembly small.

use crate::components::band_badge::{band_label, BandAbbreviation, BandBadge};
use leptos::prelude::*;
use model::band::Band;
use model::inspection::standards_for;
use model::link::is_web_link;
use model::page_link::inspection_href;
use model::table::column::Column;
use model::table::data::TableData;
use model::table::links::{toggle_pick, MAX_COMPARE};

/// The row shown in one place of the page. A sort or another page gives the place a new `row`:
/// its cells are updated where they differ instead of the row being built again, which is what
/// keeps a sort of thousands of rows quick to paint.
#[component]
pub fn TableRow(
    data: StoredValue<TableData>,
    row: Memo<usize>,
    columns: Memo<Vec<Column>>,
    picked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let id = move || data.with_value(|d| d.inspections[row.get()].id.clone());
    let label =
        move || data.with_value(|d| format!("Compare {}", d.inspections[row.get()].organisation));
    let is_picked = move || picked.with(|p| p.contains(&id()));
    let full = move || picked.read().len() >= MAX_COMPARE;
    view! {
        <tr data-id=id>
            <td class="pick-cell" data-col="pick">
                <input
                    type="checkbox"
                    aria-label=label
                    prop:checked=is_picked
                    disabled=move || full() && !is_picked()
                    on:change=move |_| {
                        let id = id();
                        picked.update(|p| toggle_pick(p, &id))
                    }
                />
            </td>
            {move || {
                let row = row.get();
                columns
                    .get()
                    .into_iter()
                    .map(|column| data.with_value(|d| cell(d, row, &column)))
                    .collect_view()
            }}
        </tr>
    }
}

/// What a plain cell shows.
struct CellText {
    shown: String,
    /// Read by screen readers instead of `shown` (which is then hidden from them).
    spoken: Option<String>,
    title: Option<String>,
    class: Option<&'static str>,
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

    fn or_unknown(value: Option<CellText>, label: &str) -> CellText {
        value.unwrap_or_else(|| CellText::unknown(label))
    }
}

/// The words of a plain cell; `None` for the columns with markup of their own (see `cell`).
fn cell_text(data: &TableData, row: usize, column: &Column) -> Option<CellText> {
    let inspection = &data.inspections[row];
    let text = |value: Option<String>, label: &str| {
        CellText::or_unknown(value.map(CellText::plain), label)
    };
    Some(match column {
        Column::Organisation | Column::Overall => return None,
        Column::Standard(code) if applies(data, row, code) => return None,
        Column::Source if web_source(data, row).is_some() => return None,
        Column::Rank => text(
            data.ranks[row].map(|r| r.display()),
            "not ranked: overall band not published",
        ),
        Column::Kind => CellText::titled(inspection.kind.name(), inspection.kind.long_name()),
        Column::Owner => text(inspection.owner.clone(), "owner not known"),
        Column::Region => text(inspection.region.clone(), "region not known"),
        Column::Published => CellText::or_unknown(
            inspection
                .published
                .map(|date| CellText::titled(date.display(), date.to_string())),
            "date not known",
        ),
        Column::Round => text(inspection.round.map(|r| r.to_string()), "no round"),
        Column::Score => CellText::or_unknown(
            inspection.score.as_ref().map(|score| {
                CellText::titled(
                    format!("{}/{}", score.points, score.max),
                    score.basis.clone(),
                )
            }),
            "score not known",
        ),
        Column::Standard(_) => CellText::unknown("does not apply"),
        Column::Caseload => text(
            inspection.caseload.as_ref().map(|c| match &c.qualifier {
                Some(qualifier) => format!("{} ({qualifier})", c.count),
                None => c.count.to_string(),
            }),
            "caseload not known",
        ),
        Column::Confidence => text(
            inspection.confidence.map(|c| c.name().to_string()),
            "confidence not stated",
        ),
        Column::Source => CellText::unknown("no source link"),
    })
}

fn applies(data: &TableData, row: usize, code: &str) -> bool {
    standards_for(&data.standards, data.inspections[row].kind).any(|s| s.code == code)
}

/// The source address, if it is one that may become a link.
fn web_source(data: &TableData, row: usize) -> Option<String> {
    data.inspections[row]
        .source_url
        .clone()
        .filter(|url| is_web_link(url))
}

fn cell(data: &TableData, row: usize, column: &Column) -> AnyView {
    let inspection = &data.inspections[row];
    let key = column.key();
    // Few nodes per cell: a sort or a page turn updates thousands of them.
    if let Some(text) = cell_text(data, row, column) {
        return match text.spoken {
            None => view! {
                <td data-col=key class=text.class title=text.title>{text.shown}</td>
            }
            .into_any(),
            Some(spoken) => view! {
                <td data-col=key class=text.class title=text.title>
                    <span aria-hidden="true">{text.shown}</span>
                    <span class="visually-hidden">{spoken}</span>
                </td>
            }
            .into_any(),
        };
    }
    match column {
        // Plain links: the router still opens the inspection page without a reload.
        Column::Organisation => view! {
            <th scope="row" data-col=key>
                <a href=inspection_href(&inspection.id)>{inspection.organisation.clone()}</a>
            </th>
        }
        .into_any(),
        Column::Overall => view! {
            <td data-col=key><BandBadge band=inspection.overall /></td>
        }
        .into_any(),
        Column::Standard(code) => {
            let band = inspection.standards.get(code).copied();
            let class = format!("band-cell band-cell-{}", band.map_or("unknown", Band::slug));
            view! {
                <td data-col=key class=class title=band_label(band)><BandAbbreviation band /></td>
            }
            .into_any()
        }
        _ => view! {
            <td data-col=key>
                <a href=web_source(data, row) rel="noopener noreferrer" class="external">
                    "Source"
                    <span class="visually-hidden">{format!(" for {}", inspection.organisation)}</span>
                </a>
            </td>
        }
        .into_any(),
    }
}
