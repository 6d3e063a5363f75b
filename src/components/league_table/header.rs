//! The table head: a row of standard-group headers over their columns, then one sortable header
//! per column. A click sorts by a column (again: the other way); shift-click, or Shift with
//! Enter or Space, adds it as the secondary key. Only the primary column carries `aria-sort`.

use super::view_state::{History, TableView};
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use model::table::column::{Column, Direction};

#[component]
pub fn TableHead(view: TableView, columns: Memo<Vec<Column>>) -> impl IntoView {
    let groups = move || {
        let hidden = view.state.read().hidden.clone();
        view.data.with_value(|data| {
            data.visible_groups(&hidden)
                .map(|g| (g.name.clone(), g.codes.len()))
                .collect::<Vec<_>>()
        })
    };
    let (before, after) = (Column::LEADING.len(), Column::TRAILING.len());
    view! {
        <thead>
            {move || {
                let groups = groups();
                (!groups.is_empty()).then(|| view! {
                    <tr class="group-row">
                        // Apart, so print (which hides the compare column) keeps the groups over their columns.
                        <td class="pick-cell"></td>
                        <td colspan=before></td>
                        {groups
                            .into_iter()
                            .map(|(name, span)| view! { <th scope="colgroup" colspan=span>{name}</th> })
                            .collect_view()}
                        <td colspan=after></td>
                    </tr>
                })
            }}
            <tr>
                <th scope="col" class="pick-cell"><span class="visually-hidden">"Compare"</span></th>
                {move || {
                    columns
                        .get()
                        .into_iter()
                        .map(|column| view! { <SortHeader view column /> })
                        .collect_view()
                }}
            </tr>
        </thead>
    }
}

#[component]
fn SortHeader(view: TableView, column: Column) -> impl IntoView {
    let key = column.key();
    // A standard's header shows its code and speaks its name; the tooltip shows the name too.
    // Other headers show their whole name, which a tooltip would only repeat.
    let (title, beyond_label) = view.data.with_value(|d| {
        let beyond = column.name_beyond_label(&d.standards);
        (beyond.is_some().then(|| column.title(&d.standards)), beyond)
    });
    let (primary_column, secondary_column) = (column.clone(), column.clone());
    let primary = Memo::new(move |_| {
        let state = view.state.read();
        (state.sort.primary.column == primary_column).then_some(state.sort.primary.direction)
    });
    let secondary = Memo::new(move |_| {
        let state = view.state.read();
        state
            .sort
            .secondary
            .as_ref()
            .filter(|s| s.column == secondary_column)
            .map(|s| s.direction)
    });
    // Only the sorted column says so: "none" on every other header would read as noise.
    let aria_sort = move || primary.get().map(Direction::aria);
    let icon = move || match (primary.get(), secondary.get()) {
        (Some(Direction::Ascending), _) => "▲",
        (Some(Direction::Descending), _) => "▼",
        (None, Some(Direction::Ascending)) => "2▲",
        (None, Some(Direction::Descending)) => "2▼",
        (None, None) => "↕",
    };
    let secondary_note = move || secondary.get().map(|d| format!(" (then by, {})", d.aria()));
    let label = column.label();
    let data_col = key.clone();
    // Firefox's click from Enter or Space on a button says Shift is up even when it is held, so
    // the keys' own events say whether it is; a click from a key has no pointer `detail`.
    let shift_on_key = StoredValue::new(false);
    let on_key = move |ev: KeyboardEvent| shift_on_key.set_value(ev.shift_key());
    let on_click = move |ev: MouseEvent| {
        let column = column.clone();
        let shift = ev.shift_key() || (ev.detail() == 0 && shift_on_key.get_value());
        view.reshape(History::Push, move |state| {
            let sort = std::mem::take(&mut state.sort);
            state.sort = if shift {
                sort.after_shift_click(column)
            } else {
                sort.after_click(column)
            };
        });
    };
    view! {
        <th scope="col" aria-sort=aria_sort data-col=data_col title=title>
            <button type="button" data-sort=key on:click=on_click on:keydown=on_key on:keyup=on_key>
                {label}
                {beyond_label.map(|rest| view! { <span class="visually-hidden">{rest}</span> })}
                <span class="sort-icon" aria-hidden="true">{icon}</span>
                <span class="visually-hidden">{secondary_note}</span>
            </button>
        </th>
    }
}
