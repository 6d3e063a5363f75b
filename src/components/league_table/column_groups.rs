//! Show or hide the standard columns a domain at a time; the choice goes into the URL and into
//! storage for the next visit.

use super::stored_columns;
use super::view_state::{History, TableView};
use leptos::prelude::*;

#[component]
pub fn ColumnGroups(view: TableView) -> impl IntoView {
    let groups = view.data.with_value(|d| {
        d.groups
            .iter()
            .map(|g| (g.slug.clone(), g.name.clone(), g.codes.len()))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="column-groups">
            <legend>"Standard columns shown"</legend>
            <ul>
                {groups
                    .into_iter()
                    .map(|(slug, name, count)| {
                        let (shown_slug, toggled_slug) = (slug.clone(), slug.clone());
                        view! {
                            <li>
                                <label>
                                    <input
                                        type="checkbox"
                                        name="columns"
                                        value=slug
                                        prop:checked=move || !view.state.read().hidden.contains(&shown_slug)
                                        on:change:target=move |ev| {
                                            let shown = ev.target().checked();
                                            let slug = toggled_slug.clone();
                                            view.update(History::Push, move |s| {
                                                if shown {
                                                    s.hidden.remove(&slug);
                                                } else {
                                                    s.hidden.insert(slug);
                                                }
                                                stored_columns::save(&s.hidden);
                                            });
                                        }
                                    />
                                    " " {name} " "
                                    <span class="count">{format!("({count})")}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}
