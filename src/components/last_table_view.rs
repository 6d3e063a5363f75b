//! The league table's address as the reader last saw it in this visit, filters and sort
//! included, so "Back to the league table" on an inspection returns to that view.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::query::path_and_query;
use model::table::url_state::TABLE_PATH;

#[derive(Clone, Copy)]
pub struct LastTableView(StoredValue<String>);

impl LastTableView {
    /// Makes it available to every page; in the app, above its routes.
    pub fn provide() {
        provide_context(LastTableView(StoredValue::new(TABLE_PATH.to_string())));
    }

    /// The last table address seen, or the table's own path before any.
    pub fn href() -> String {
        use_context::<LastTableView>()
            .map(|last| last.0.get_value())
            .unwrap_or_else(|| TABLE_PATH.to_string())
    }
}

/// Keeps [`LastTableView`] up to date; inside the `<Router>`.
#[component]
pub fn TrackTableView() -> impl IntoView {
    let Some(LastTableView(last)) = use_context::<LastTableView>() else {
        return;
    };
    let location = use_location();
    Effect::new(move || {
        if location.pathname.get() == TABLE_PATH {
            last.set_value(path_and_query(TABLE_PATH, &location.search.get()));
        }
    });
}
