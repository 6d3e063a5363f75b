//! One inspection's row: a compare checkbox, then a cell per visible column. The organisation
//! is the row header and links to the inspection's page; sources link only if they are http(s).

use crate::components::band_badge::{BandAbbreviation, BandBadge};
use crate::components::unknown::{or_unknown, Unknown};
use leptos::prelude::*;
use leptos_router::components::A;
use model::inspection::standards_for;
use model::link::is_web_link;
use model::table::column::Column;
use model::table::data::TableData;
use model::table::links::{inspection_href, toggle_pick, MAX_COMPARE};

#[component]
pub fn TableRow(
    data: StoredValue<TableData>,
    row: usize,
    columns: Memo<Vec<Column>>,
    picked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let (id, organisation) = data.with_value(|d| {
        (
            d.inspections[row].id.clone(),
            d.inspections[row].organisation.clone(),
        )
    });
    let pick_id = id.clone();
    let is_picked = {
        let id = id.clone();
        move || picked.read().contains(&id)
    };
    let full = move || picked.read().len() >= MAX_COMPARE;
    let checked = is_picked.clone();
    view! {
        <tr data-id=id>
            <td class="pick-cell" data-col="pick">
                <input
                    type="checkbox"
                    aria-label=format!("Compare {organisation}")
                    prop:checked=checked
                    disabled=move || full() && !is_picked()
                    on:change=move |_| picked.update(|p| toggle_pick(p, &pick_id))
                />
            </td>
            {move || {
                columns
                    .get()
                    .into_iter()
                    .map(|column| data.with_value(|d| cell(d, row, &column)))
                    .collect_view()
            }}
        </tr>
    }
}

fn cell(data: &TableData, row: usize, column: &Column) -> AnyView {
    let inspection = &data.inspections[row];
    let key = column.key();
    let content: AnyView = match column {
        Column::Organisation => {
            // The link's children are built later, so they get owned copies.
            let (href, name) = (inspection_href(&inspection.id), inspection.organisation.clone());
            return view! {
                <th scope="row" data-col=key>
                    <A href=href>{name}</A>
                </th>
            }
            .into_any()
        }
        Column::Standard(code) => {
            let applies = standards_for(&data.standards, inspection.kind).any(|s| &s.code == code);
            if !applies {
                view! { <Unknown label="does not apply" /> }.into_any()
            } else {
                let band = inspection.standards.get(code).copied();
                let class = format!("band-cell band-cell-{}", band.map_or("unknown", |b| b.slug()));
                return view! {
                    <td data-col=key class=class>
                        <BandAbbreviation band />
                    </td>
                }
                .into_any();
            }
        }
        Column::Rank => or_unknown(
            data.ranks[row].map(|r| r.display()),
            "not ranked: overall band not published",
        ),
        Column::Kind => view! {
            <abbr title=inspection.kind.long_name()>{inspection.kind.name()}</abbr>
        }
        .into_any(),
        Column::Owner => or_unknown(inspection.owner.clone(), "owner not known"),
        Column::Region => or_unknown(inspection.region.clone(), "region not known"),
        Column::Published => or_unknown(
            inspection.published.map(|date| {
                view! { <time datetime=date.to_string()>{date.display()}</time> }
            }),
            "date not known",
        ),
        Column::Round => or_unknown(inspection.round, "no round"),
        Column::Overall => view! { <BandBadge band=inspection.overall /> }.into_any(),
        Column::Score => or_unknown(
            inspection.score.as_ref().map(|score| {
                view! { <span title=score.basis.clone()>{format!("{}/{}", score.points, score.max)}</span> }
            }),
            "score not known",
        ),
        Column::Caseload => or_unknown(
            inspection.caseload.as_ref().map(|caseload| {
                let qualifier = caseload.qualifier.clone().map(|q| view! { <span class="qualifier">{q}</span> " " });
                view! { {qualifier} {caseload.count} }
            }),
            "caseload not known",
        ),
        Column::Confidence => or_unknown(
            inspection.confidence.map(|c| c.name()),
            "confidence not stated",
        ),
        Column::Source => or_unknown(
            inspection.source_url.clone().filter(|url| is_web_link(url)).map(|url| {
                view! {
                    <a href=url rel="noopener noreferrer" class="external">
                        "Source"
                        <span class="visually-hidden">{format!(" for {}", inspection.organisation)}</span>
                    </a>
                }
            }),
            "no source link",
        ),
    };
    view! { <td data-col=key>{content}</td> }.into_any()
}
