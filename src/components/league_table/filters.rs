//! The filter form: free text, one checkbox group per facet with live counts, "standard at least
//! band", "every standard known", and one control that clears them all.

use super::view_state::{History, TableView, FILTER_TEXT_ID};
use crate::components::search_field::SearchField;
use leptos::prelude::*;
use model::band::Band;
use model::table::facets::{facet_counts, Facet};
use model::table::filter::{AtLeast, Filter};
use model::table::page::PAGE_THRESHOLD;
use web_sys::HtmlDetailsElement;

#[component]
pub fn TableFilters(view: TableView, filter: Memo<Filter>) -> impl IntoView {
    let on_text = move |(text, refines): (String, bool)| {
        // The first keystroke is a step back can undo; the rest refine it in place.
        let history = if refines {
            History::Replace
        } else {
            History::Push
        };
        view.reshape(history, |s| s.filter.text = text);
    };
    view! {
        <form class="filters" role="search" aria-label="Filter the table" on:submit=|ev| ev.prevent_default()>
            <SearchField
                id=FILTER_TEXT_ID
                label="Search"
                placeholder="Organisation, owner or region"
                value=Signal::derive(move || filter.read().text.clone())
                on_input=Callback::new(on_text)
            />
            <div class="facets">
                {Facet::ALL.map(|facet| view! { <FacetGroup view filter facet /> }).collect_view()}
            </div>
            <StandardAtLeast view filter />
            <div class="field-check">
                <input
                    id="filter-complete"
                    type="checkbox"
                    prop:checked=move || filter.read().complete_only
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        view.reshape(History::Push, |s| s.filter.complete_only = on)
                    }
                />
                <label for="filter-complete">"Only rows with every standard known"</label>
            </div>
            <button
                type="button"
                id="clear-filters"
                class="clear"
                on:click=move |_| view.clear_filters()
                disabled=move || filter.read().is_empty()
            >
                "Clear all filters"
            </button>
        </form>
    }
}

/// Up to this many choices (the same line as the table's paging), every choice is a checkbox on
/// the page, in a box that scrolls. Beyond it (thousands of regions, one per organisation)
/// the facet starts folded away and is only drawn, and counted, once opened.
const OPEN_CHOICES: usize = PAGE_THRESHOLD;

#[component]
fn FacetGroup(view: TableView, filter: Memo<Filter>, facet: Facet) -> impl IntoView {
    let name = facet.key();
    let choices: Vec<(String, String)> = view.data.with_value(|d| {
        d.options(facet)
            .iter()
            .map(|token| (token.clone(), facet.value_label(token)))
            .collect()
    });
    let total = choices.len();
    if total <= OPEN_CHOICES {
        return view! {
            <fieldset class="facet" id=format!("facet-{name}")>
                <legend>{facet.label()}</legend>
                <FacetChoices view filter facet choices />
            </fieldset>
        }
        .into_any();
    }
    let chosen = move || filter.read().facets.get(&facet).map_or(0, |c| c.len());
    let open = RwSignal::new(chosen() > 0);
    let summary = move || match chosen() {
        0 => format!("All {total} choices"),
        n => format!("{n} of {total} chosen"),
    };
    view! {
        <fieldset class="facet" id=format!("facet-{name}")>
            <legend>{facet.label()}</legend>
            <details
                prop:open=move || open.get()
                on:toggle=move |ev| open.set(event_target::<HtmlDetailsElement>(&ev).open())
            >
                <summary>{summary}</summary>
                <Show when=move || open.get()>
                    <FacetChoices view filter facet choices=choices.clone() />
                </Show>
            </details>
        </fieldset>
    }
    .into_any()
}

/// A facet's checkboxes, each with the count it would show.
#[component]
fn FacetChoices(
    view: TableView,
    filter: Memo<Filter>,
    facet: Facet,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let counts = Memo::new(move |_| {
        view.data
            .with_value(|d| facet_counts(d, &filter.read(), facet))
    });
    let name = facet.key();
    view! {
        <ul>
            // The choices are fixed by the data (facet_counts lists them in the same order);
            // only their counts change.
            {choices
                .into_iter()
                .enumerate()
                .map(|(at, (value, label))| {
                    let token = value.clone();
                    let checked_token = value.clone();
                    let count = move || counts.read().get(at).map_or(0, |c| c.count);
                    view! {
                        <li>
                            <label>
                                <input
                                    type="checkbox"
                                    name=name
                                    value=value
                                    prop:checked=move || filter.read().is_chosen(facet, &checked_token)
                                    on:change=move |_| {
                                        view.reshape(History::Push, |s| s.filter.toggle(facet, &token))
                                    }
                                />
                                " "
                                {label}
                                " "
                                <span class="count">{move || format!("({})", count())}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "Standard [2.1 Assessment] at least [Good]"; the band is remembered while no standard is chosen.
#[component]
fn StandardAtLeast(view: TableView, filter: Memo<Filter>) -> impl IntoView {
    let (band, set_band) = signal(Band::Good);
    let standards = view.data.with_value(|d| {
        d.standards
            .iter()
            .map(|s| (s.code.clone(), format!("{} {}", s.code, s.name)))
            .collect::<Vec<_>>()
    });
    let chosen_code = move || {
        filter
            .read()
            .at_least
            .as_ref()
            .map(|a| a.code.clone())
            .unwrap_or_default()
    };
    let shown_band = move || {
        filter
            .read()
            .at_least
            .as_ref()
            .map_or(band.get(), |a| a.band)
    };
    let apply = move |code: String, band: Band| {
        let at_least = (!code.is_empty()).then_some(AtLeast { code, band });
        view.reshape(History::Push, |s| s.filter.at_least = at_least);
    };
    view! {
        <fieldset class="at-least">
            <legend>"Standard at least a band"</legend>
            <div class="field">
                <label for="filter-standard">"Standard"</label>
                <select
                    id="filter-standard"
                    prop:value=chosen_code
                    on:change:target=move |ev| apply(ev.target().value(), shown_band())
                >
                    <option value="">"Any standard"</option>
                    {standards
                        .into_iter()
                        .map(|(code, label)| view! { <option value=code>{label}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-standard-band">"At least"</label>
                <select
                    id="filter-standard-band"
                    prop:value=move || shown_band().slug()
                    on:change:target=move |ev| {
                        let chosen = Band::from_slug(&ev.target().value()).unwrap_or(Band::Good);
                        set_band.set(chosen);
                        let code = chosen_code();
                        if !code.is_empty() {
                            apply(code, chosen);
                        }
                    }
                >
                    {Band::ALL
                        .map(|b| view! { <option value=b.slug()>{b.name()}</option> })
                        .collect_view()}
                </select>
            </div>
        </fieldset>
    }
}
