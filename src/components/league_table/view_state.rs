//! The table's view lives in the address bar: it is read from the URL's query, and every change
//! navigates to a new query, so reload, back/forward and shared links show the same table.

use super::stored_columns;
use crate::focus::focus_by_id;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::State;
use leptos_router::NavigateOptions;
use model::table::data::TableData;
use model::table::filter::Filter;
use model::table::url_state::{names_hidden_groups, ViewState};
use wasm_bindgen::JsValue;

/// The filter form's search field, where focus goes after every filter is cleared.
pub const FILTER_TEXT_ID: &str = "filter-text";

/// The table marks each history entry it makes or leaves (`history.state`): such an entry's
/// address is its exact view, so a reload or a way back shows just that. An entry without the
/// mark (a link followed, an address typed) gets the reader's stored choice of columns.
const TABLE_ENTRY: &str = "on-probation:table-view";

fn is_table_entry() -> bool {
    let state = web_sys::window().and_then(|w| w.history().ok()?.state().ok());
    state.and_then(|s| s.as_string()).as_deref() == Some(TABLE_ENTRY)
}

fn mark_table_entry() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state(&JsValue::from_str(TABLE_ENTRY), "");
    }
}

#[derive(Clone, Copy)]
pub struct TableView {
    pub data: StoredValue<TableData>,
    pub state: Memo<ViewState>,
    navigate: Callback<(String, bool)>,
}

/// How a change enters the browser's history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry, for a deliberate step the back button should undo.
    Push,
    /// The same entry, for typing, so every keystroke is not a step back.
    Replace,
}

impl TableView {
    /// Must be called inside a `<Router>`.
    pub fn new(data: TableData) -> TableView {
        let location = use_location();
        let navigate = use_navigate();
        let data = StoredValue::new(data);
        let state = Memo::new(move |_| {
            data.with_value(|data| ViewState::from_query(&location.search.get(), data))
        });
        let navigate = Callback::new(move |(href, replace): (String, bool)| {
            // The entry being left is one to come back to with its own view. Marked only now,
            // on the reader's own change: a page load that writes history can cut short a
            // WebDriver navigation in WebKit. A replaced entry gets the mark from the router,
            // and each history write costs the browser a same-document navigation.
            if !replace && !is_table_entry() {
                mark_table_entry();
            }
            navigate(
                &href,
                NavigateOptions {
                    replace,
                    scroll: false,
                    state: State::new(Some(JsValue::from_str(TABLE_ENTRY))),
                    ..Default::default()
                },
            )
        });
        let view = TableView {
            data,
            state,
            navigate,
        };
        // An address that does not say which columns to hide, reached by a link or typed, gets
        // the reader's stored choice: on the first render and after each change of address
        // (a link to the table from the table keeps this view). An effect, so the router is
        // not asked to navigate while it renders; the router has written the new entry's state
        // by the time it runs.
        Effect::new(move |_| {
            if names_hidden_groups(&location.search.get()) || is_table_entry() {
                return;
            }
            let stored = data.with_value(stored_columns::load);
            if !stored.is_empty() {
                view.update(History::Replace, |s| s.hidden = stored);
            }
        });
        view
    }

    /// Applies `change` to the current view and navigates there.
    pub fn update(&self, history: History, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next != self.state.get_untracked() {
            self.navigate
                .run((next.href(), history == History::Replace));
        }
    }

    /// Clears every filter, then puts focus in the search field: the button used is disabled
    /// or gone once nothing is filtered, and focus would otherwise fall back to the page's top.
    pub fn clear_filters(&self) {
        self.reshape(History::Push, |s| s.filter = Filter::default());
        focus_by_id(FILTER_TEXT_ID);
    }

    /// A change of filters or sort, which starts again at the first page.
    pub fn reshape(&self, history: History, change: impl FnOnce(&mut ViewState)) {
        self.update(history, |state| {
            change(state);
            state.page = 1;
        });
    }
}
