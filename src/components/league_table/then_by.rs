//! "Then by": the secondary sort key for keyboard and touch users (shift-click does the same).

use super::view_state::{History, TableView};
use leptos::prelude::*;
use model::table::column::{Column, Direction};
use model::table::sort::SortBy;

#[component]
pub fn ThenBy(view: TableView) -> impl IntoView {
    let columns = view.data.with_value(|d| {
        d.columns(&Default::default())
            .into_iter()
            .map(|c| (c.key(), c.title(&d.standards)))
            .collect::<Vec<_>>()
    });
    let secondary = move || view.state.read().sort.secondary.clone();
    let set = move |key: String, direction: Option<Direction>| {
        let column = view
            .data
            .with_value(|d| Column::from_key(&key, &d.standards));
        view.reshape(History::Push, |s| {
            s.sort.secondary = column
                .filter(|c| *c != s.sort.primary.column)
                .map(|column| {
                    let direction = direction.unwrap_or_else(|| column.first_direction());
                    SortBy { column, direction }
                });
        });
    };
    let key = move || secondary().map(|s| s.column.key()).unwrap_or_default();
    view! {
        <div class="then-by">
            <div class="field">
                <label for="sort-then">"Then sort by"</label>
                <select id="sort-then" prop:value=key on:change:target=move |ev| set(ev.target().value(), None)>
                    <option value="">"Nothing else"</option>
                    {columns
                        .into_iter()
                        .map(|(key, title)| view! { <option value=key>{title}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="sort-then-direction">"Direction"</label>
                <select
                    id="sort-then-direction"
                    disabled=move || secondary().is_none()
                    prop:value=move || secondary().map_or("", |s| s.direction.aria())
                    on:change:target=move |ev| {
                        let direction = match ev.target().value().as_str() {
                            "ascending" => Direction::Ascending,
                            _ => Direction::Descending,
                        };
                        set(key(), Some(direction))
                    }
                >
                    // Shown while there is no second key, so the disabled select is not blank.
                    <option value="" disabled>"—"</option>
                    <option value="ascending">"Ascending"</option>
                    <option value="descending">"Descending"</option>
                </select>
            </div>
        </div>
    }
}
