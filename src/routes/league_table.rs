//! `/league-table`: every inspection, ranked, sortable by any column, filterable, shareable by
//! its address and downloadable as it stands.

use crate::api;
use crate::components::band_summary::BandSummary;
use crate::components::fetched::Fetched;
use crate::components::league_table::body::TableBody;
use crate::components::league_table::column_groups::ColumnGroups;
use crate::components::league_table::download::Downloads;
use crate::components::league_table::filters::TableFilters;
use crate::components::league_table::header::TableHead;
use crate::components::league_table::legend::TableLegend;
use crate::components::league_table::pager::Pager;
use crate::components::league_table::share::CopyLink;
use crate::components::league_table::skip_link::{SkipToTable, TABLE_REGION_ID};
use crate::components::league_table::then_by::ThenBy;
use crate::components::league_table::view_state::TableView;
use crate::focus::{focus_by_id, KeyboardReveal};
use crate::routes::page_title;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use model::compare::{MAX_COMPARED, MAX_COMPARED_IN_WORDS};
use model::format::RatingsFile;
use model::page_link::compare_href;
use model::table::data::TableData;
use model::table::page::page_range;
use model::table::shown_count;

#[component]
pub fn LeagueTable() -> impl IntoView {
    let ratings = LocalResource::new(api::fetch_ratings);
    view! {
        <Title text=page_title("League table") />
        <Meta name="description" content="An unofficial league table of HM Inspectorate of Probation inspection ratings since 2018, sortable and filterable." />
        <h1>"League table"</h1>
        <p class="lede">
            "Probation inspections rated by HM Inspectorate of Probation since 2018, as far as public sources show them. This is an unofficial table: "
            "bands are the Inspectorate's, gathered from public sources, and a band no source gives is shown as "
            <em>"Not published"</em> ", never guessed."
        </p>
        <SkipToTable ratings />
        <BandSummary ratings />
        <Fetched resource=ratings what="the ratings" render=|file: RatingsFile| view! { <Table file /> } />
    }
}

/// The table, its controls and counts for a loaded ratings file. Needs a `<Router>`: its view
/// lives in the URL.
#[component]
pub fn Table(file: RatingsFile) -> impl IntoView {
    let view = TableView::new(TableData::new(file.inspections, file.standards));
    let TableView { data, state, .. } = view;
    let total = data.with_value(|d| d.inspections.len());
    // Split so that a filter change does not sort again, and paging or showing columns does
    // neither.
    let filter = Memo::new(move |_| state.read().filter.clone());
    let sort = Memo::new(move |_| state.read().sort.clone());
    let order = Memo::new(move |_| data.with_value(|d| d.order(&sort.read())));
    let rows = Memo::new(move |_| data.with_value(|d| d.kept(&order.read(), &filter.read())));
    let columns = Memo::new(move |_| data.with_value(|d| d.columns(&state.read().hidden)));
    let page_rows = Memo::new(move |_| {
        let rows = rows.read();
        rows[page_range(rows.len(), state.read().page)].to_vec()
    });
    let picked = RwSignal::new(Vec::<String>::new());
    let reveal = KeyboardReveal::listen();

    let count = move || shown_count(rows.read().len(), total);
    let announcement = move || {
        let sorted = data.with_value(|d| sort.read().describe(d));
        format!("Sorted by {sorted}. {}.", count())
    };
    let clear = move |_| view.clear_filters();
    let nothing_matches = move || total > 0 && rows.read().is_empty();
    let emptied_by = move || {
        data.with_value(|d| {
            let filter = filter.read();
            let parts: Vec<String> = filter
                .emptying_parts(d)
                .into_iter()
                .map(|part| filter.describe(part, d))
                .collect();
            parts.join("; ")
        })
    };

    view! {
        <TableFilters view filter />
        <div class="table-tools">
            <ColumnGroups view />
            <ThenBy view />
            <CopyLink view />
            <Downloads data rows columns />
        </div>
        <div class="table-status">
            <p id="shown-count">{count}</p>
            <CompareLink picked />
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
        <div
            class="table-scroll sticky-head"
            id=TABLE_REGION_ID
            tabindex="0"
            role="region"
            aria-labelledby="league-caption"
            on:focusin=move |ev| reveal.focus_in(&ev)
        >
            <table class="league-table">
                <caption id="league-caption"><span>{data.with_value(TableData::caption)}</span></caption>
                <TableHead view columns />
                <TableBody data page_rows columns picked />
            </table>
        </div>
        <Pager view rows />
        {(total == 0).then(|| view! { <p class="empty">"The ratings file holds no inspections yet."</p> })}
        {move || nothing_matches().then(|| view! {
            <div class="empty" id="empty-state">
                <p>"No inspection matches these filters. Emptied by: " {emptied_by()} "."</p>
                <button type="button" on:click=clear>"Clear all filters"</button>
            </div>
        })}
        <TableLegend />
    }
}

const COMPARE_STATUS_ID: &str = "compare-status";

/// "Compare 2 inspections" once two to four rows are ticked; at four, why the other boxes
/// cannot be ticked. A status region, so each tick from the second on is heard as well as seen.
/// "Untick all" beside it, as ticked rows may be on another page or hidden by the filters.
#[component]
fn CompareLink(picked: RwSignal<Vec<String>>) -> impl IntoView {
    let link = move || {
        let ids = picked.get();
        if ids.len() >= 2 {
            let full = (ids.len() >= MAX_COMPARED).then(|| {
                view! {
                    <span id="compare-full">
                        {format!(" The most at once is {MAX_COMPARED_IN_WORDS}: untick one, or all, to choose another.")}
                    </span>
                }
            });
            view! {
                <p class="compare">
                    // A plain link: the router still handles it without a reload.
                    <a href=compare_href(&ids) id="compare-link">
                        {format!("Compare {} inspections", ids.len())}
                    </a>
                    {full}
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="compare muted">
                    {format!("Tick two to {MAX_COMPARED_IN_WORDS} rows to compare them side by side.")}
                </p>
            }
            .into_any()
        }
    };
    // The button goes away with the ticks: focus moves to the words that take its place.
    let untick = move |_| {
        picked.set(Vec::new());
        focus_by_id(COMPARE_STATUS_ID);
    };
    let untick_all = move || {
        (!picked.with(Vec::is_empty)).then(|| {
            view! {
                <button type="button" id="untick-all" on:click=untick>
                    "Untick all"
                </button>
            }
        })
    };
    view! {
        <div role="status" id=COMPARE_STATUS_ID tabindex="-1">{link}</div>
        {untick_all}
    }
}
