//! `/compare?ids=a,b,c,d`: up to four inspections side by side, one column each.

use crate::api;
use crate::components::fetched::Fetched;
use crate::components::inspection_fields::inspection_fields;
use crate::components::standard_label::StandardLabel;
use crate::components::standard_rating::StandardRatingView;
use crate::focus::KeyboardReveal;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use model::compare::{
    parse_ids, relevant_standards, select, standard_rating, without, MAX_COMPARED,
    MAX_COMPARED_IN_WORDS,
};
use model::format::RatingsFile;
use model::inspection::Inspection;
use model::page_link::{compare_href, inspection_href};

#[component]
pub fn ComparePage() -> impl IntoView {
    let ratings = LocalResource::new(api::fetch_ratings);
    view! {
        <Title text=page_title("Compare inspections") />
        <Meta name="description" content="Up to four probation inspections side by side: overall bands, scores, every standard and the change between rounds." />
        <h1>"Compare inspections"</h1>
        <Fetched resource=ratings what="the ratings" render=|file: RatingsFile| view! { <Comparison file /> } />
    }
}

/// Removing an inspection changes only the query: the view follows it.
#[component]
fn Comparison(file: RatingsFile) -> impl IntoView {
    let query = use_query_map();
    let file = StoredValue::new(file);
    move || {
        // `ids=a,b` as the table writes it, or `ids=a&ids=b` as a form would.
        let ids = parse_ids(&query.read().get_all("ids").unwrap_or_default().join(","));
        file.with_value(|file| comparison(file, &ids))
    }
}

fn comparison(file: &RatingsFile, ids: &[String]) -> AnyView {
    let selection = select(ids, &file.inspections);
    let unknown = (!selection.unknown.is_empty()).then(|| {
        let names = selection
            .unknown
            .iter()
            .map(|id| format!("“{id}”"))
            .collect::<Vec<_>>()
            .join(", ");
        let (noun, verb) = if selection.unknown.len() == 1 {
            ("this id", "it does")
        } else {
            ("these ids", "they do")
        };
        view! {
            <p class="notice unknown-ids">
                {format!("No inspection has {noun}, so {verb} not appear: {names}.")}
            </p>
        }
    });
    let left_out = (selection.left_out > 0).then(|| {
        view! {
            <p class="notice left-out">
                {format!(
                    "Only the first {MAX_COMPARED} inspections are shown; {} more {} left out.",
                    selection.left_out,
                    if selection.left_out == 1 { "was" } else { "were" },
                )}
            </p>
        }
    });
    let body = if selection.shown.is_empty() {
        view! {
            <p class="empty guidance">
                {format!("Choose up to {MAX_COMPARED_IN_WORDS} inspections to compare: tick them in the ")}
                <a href="/league-table">"league table"</a>
                ", or open an inspection and compare it with its other round."
            </p>
        }
        .into_any()
    } else {
        view! { <CompareTable file=file.clone() shown=selection.shown.into_iter().cloned().collect() names=selection.names /> }
            .into_any()
    };
    view! { {unknown} {left_out} {body} }.into_any()
}

/// One row of the table: a fact (`data-field`) or a standard (`data-standard`).
struct Row {
    field: Option<&'static str>,
    standard: Option<String>,
    label: AnyView,
    values: Vec<AnyView>,
}

#[component]
fn CompareTable(file: RatingsFile, shown: Vec<Inspection>, names: Vec<String>) -> impl IntoView {
    let ids: Vec<&str> = shown.iter().map(|i| i.id.as_str()).collect();
    let headers = shown
        .iter()
        .zip(&names)
        .map(|(inspection, name)| {
            view! {
                <th scope="col" data-id=inspection.id.clone()>
                    <a href=inspection_href(&inspection.id)>{name.clone()}</a>
                </th>
            }
        })
        .collect_view();
    // A row of its own under the names, so that a column's header, read before each of its
    // cells by a screen reader, is the inspection's name alone.
    let removes = shown
        .iter()
        .zip(&names)
        .map(|(inspection, name)| {
            let remove = compare_href(&without(&ids, &inspection.id));
            let which = format!(" {name} from the comparison");
            view! {
                <td data-id=inspection.id.clone()>
                    <a href=remove class="remove">
                        "Remove"
                        <span class="visually-hidden">{which}</span>
                    </a>
                </td>
            }
        })
        .collect_view();
    // One list of facts per inspection, read row by row; then one row per standard. Every
    // row has the same shape, which keeps the wasm smaller than two kinds of row would.
    let mut columns: Vec<_> = shown
        .iter()
        .map(|i| inspection_fields(i, &file.inspections).into_iter())
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    while let Some(cells) = columns
        .iter_mut()
        .map(Iterator::next)
        .collect::<Option<Vec<_>>>()
        .filter(|cells| !cells.is_empty())
    {
        let (key, label) = (cells[0].key, cells[0].label);
        let values = cells.into_iter().map(|cell| cell.value).collect();
        rows.push(Row {
            field: Some(key),
            standard: None,
            label: label.into_any(),
            values,
        });
    }
    let shown_refs: Vec<&Inspection> = shown.iter().collect();
    for standard in relevant_standards(&file.standards, &shown_refs) {
        let label = view! {
            <StandardLabel
                name=format!("{} {}", standard.code, standard.name)
                domain=standard.domain.clone()
            />
        }
        .into_any();
        let values = shown
            .iter()
            .map(|i| {
                view! { <StandardRatingView rating=standard_rating(i, standard) /> }.into_any()
            })
            .collect();
        rows.push(Row {
            field: None,
            standard: Some(standard.code.clone()),
            label,
            values,
        });
    }
    let rows = rows
        .into_iter()
        .map(|row| {
            view! {
                <tr data-field=row.field data-standard=row.standard>
                    <th scope="row">{row.label}</th>
                    {row.values.into_iter().map(|value| view! { <td>{value}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let reveal = KeyboardReveal::listen();
    view! {
        <div class="table-scroll sticky-head" tabindex="0" role="region" aria-labelledby="compare-caption" on:focusin=move |ev| reveal.focus_in(&ev)>
            <table class="compare-table">
                <caption id="compare-caption">
                    <span>{format!("{} inspection{} side by side", shown.len(), if shown.len() == 1 { "" } else { "s" })}</span>
                </caption>
                <thead>
                    <tr>
                        <td></td>
                        {headers}
                    </tr>
                    <tr class="remove-row">
                        <td></td>
                        {removes}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
