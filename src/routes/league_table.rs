//! `/league-table`: every inspection, sortable by any column and filterable by kind, band, owner and text.

use crate::api;
use crate::components::band_badge::BandBadge;
use crate::components::fetched::Fetched;
use crate::components::select_filter::SelectFilter;
use crate::components::unknown::or_unknown;
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use model::format::RatingsFile;
use model::inspection::{Inspection, Kind};
use model::table::{
    owners, shown_count, table_rows, Direction, Filter, OverallChoice, Sort, SortKey,
};

#[component]
pub fn LeagueTable() -> impl IntoView {
    let ratings = LocalResource::new(api::fetch_ratings);
    view! {
        <Title text=page_title("League table") />
        <Meta name="description" content="An unofficial league table of every rated HM Inspectorate of Probation inspection from 2018 to 2023, sortable and filterable." />
        <h1>"League table"</h1>
        <p class="lede">
            "Every rated probation inspection published from 2018 to 2023. This is an unofficial table: "
            "bands are the Inspectorate's, gathered from public sources, and a band no source gives is shown as "
            <em>"Not published"</em> ", never guessed."
        </p>
        <Fetched resource=ratings what="the ratings" render=|file: RatingsFile| view! { <Table file /> } />
    }
}

/// The table, its filters and counts for a loaded ratings file.
#[component]
pub fn Table(file: RatingsFile) -> impl IntoView {
    let total = file.inspections.len();
    let owner_names = owners(&file.inspections);
    let inspections = StoredValue::new(file.inspections);
    let (filter, set_filter) = signal(Filter::default());
    let (sort, set_sort) = signal(Sort::default());
    let rows = Memo::new(move |_| {
        inspections.with_value(|all| table_rows(all, &filter.read(), sort.get()))
    });
    let count = move || shown_count(rows.read().len(), total);
    let announcement = move || {
        let sort = sort.get();
        format!(
            "Sorted by {}, {}. {}.",
            sort.key.label(),
            sort.key.describe(sort.direction),
            count()
        )
    };
    let clear = move |_| set_filter.set(Filter::default());
    let nothing_matches = move || total > 0 && rows.read().is_empty();

    view! {
        <form class="filters" role="search" aria-label="Filter the table" on:submit=|ev| ev.prevent_default()>
            <div class="field field-text">
                <label for="filter-text">"Search"</label>
                <input
                    id="filter-text"
                    type="search"
                    placeholder="Organisation, owner or area"
                    prop:value=move || filter.read().text.clone()
                    on:input:target=move |ev| set_filter.update(|f| f.text = ev.target().value())
                />
            </div>
            <SelectFilter
                id="filter-kind"
                label="Kind"
                all_label="All kinds"
                options=Kind::ALL.map(|kind| (kind.name().to_string(), kind.name().to_string())).to_vec()
                value=Signal::derive(move || filter.read().kind.map_or("", Kind::name).to_string())
                on_change=Callback::new(move |value: String| set_filter.update(|f| f.kind = Kind::parse(&value)))
            />
            <SelectFilter
                id="filter-band"
                label="Overall band"
                all_label="All bands"
                options=OverallChoice::ALL.map(|choice| (choice.value().to_string(), choice.label().to_string())).to_vec()
                value=Signal::derive(move || filter.read().overall.map_or("", OverallChoice::value).to_string())
                on_change=Callback::new(move |value: String| {
                    set_filter.update(|f| f.overall = OverallChoice::from_value(&value))
                })
            />
            <SelectFilter
                id="filter-owner"
                label="Owner"
                all_label="All owners"
                options=owner_names.into_iter().map(|owner| (owner.clone(), owner)).collect()
                value=Signal::derive(move || filter.read().owner.clone().unwrap_or_default())
                on_change=Callback::new(move |owner: String| {
                    set_filter.update(|f| f.owner = (!owner.is_empty()).then_some(owner))
                })
            />
            <button type="button" class="clear" on:click=clear disabled=move || filter.read().is_empty()>
                "Clear filters"
            </button>
        </form>
        <p id="shown-count">{count}</p>
        <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="league-caption">
            <table class="league-table">
                <caption id="league-caption">"Probation inspection ratings, 2018 to 2023"</caption>
                <thead>
                    <tr>
                        {SortKey::ALL.map(|key| view! { <SortHeader key sort set_sort /> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|index| *index
                        children=move |index| {
                            view! { <Row inspection=inspections.with_value(|all| all[index].clone()) /> }
                        }
                    />
                </tbody>
            </table>
        </div>
        <Show when=move || total == 0>
            <p class="empty">"The ratings file holds no inspections yet."</p>
        </Show>
        <Show when=nothing_matches>
            <div class="empty">
                <p>"No inspection matches these filters."</p>
                <button type="button" on:click=clear>"Clear filters"</button>
            </div>
        </Show>
        <p class="legend">
            <span class="band band-unknown">"Not published"</span>
            " means no source we could read gives the band. A dash means not known or not applicable. "
            "Scores appear only where a source states them or every standard's band is known."
        </p>
    }
}

#[component]
fn SortHeader(key: SortKey, sort: ReadSignal<Sort>, set_sort: WriteSignal<Sort>) -> impl IntoView {
    let aria_sort = move || {
        let sort = sort.get();
        if sort.key == key {
            sort.direction.aria()
        } else {
            "none"
        }
    };
    let icon = move || {
        let sort = sort.get();
        match (sort.key == key, sort.direction) {
            (false, _) => "↕",
            (true, Direction::Ascending) => "▲",
            (true, Direction::Descending) => "▼",
        }
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" data-sort=key.key() on:click=move |_| set_sort.update(|s| *s = s.after_click(key))>
                {key.label()}
                <span class="sort-icon" aria-hidden="true">{icon}</span>
            </button>
        </th>
    }
}

#[component]
fn Row(inspection: Inspection) -> impl IntoView {
    let published = inspection.published.map(|date| {
        view! { <time datetime=date.to_string()>{date.display()}</time> }
    });
    let score = inspection.score.map(|score| {
        view! { <span title=score.basis.clone()>{format!("{}/{}", score.points, score.max)}</span> }
    });
    view! {
        <tr data-id=inspection.id>
            <th scope="row" data-col="organisation">{inspection.organisation}</th>
            <td data-col="kind" title=inspection.kind.long_name()>{inspection.kind.name()}</td>
            <td data-col="owner">{or_unknown(inspection.owner, "owner not known")}</td>
            <td data-col="published">{or_unknown(published, "date not known")}</td>
            <td data-col="round">{or_unknown(inspection.round, "no round")}</td>
            <td data-col="overall"><BandBadge band=inspection.overall /></td>
            <td data-col="score">{or_unknown(score, "score not known")}</td>
        </tr>
    }
}
