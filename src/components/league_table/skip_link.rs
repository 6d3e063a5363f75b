//! "Skip to the table": for keyboard users, past the band summary and every filter.

use crate::api::ApiError;
use crate::focus::focus_by_id;
use leptos::prelude::*;
use model::format::RatingsFile;

/// The id of the table's focusable scroll region, which the link moves focus to.
pub const TABLE_REGION_ID: &str = "league-table";

/// Shown once the ratings have loaded, when there is a table to skip to.
#[component]
pub fn SkipToTable(ratings: LocalResource<Result<RatingsFile, ApiError>>) -> impl IntoView {
    // Focused here rather than by following the fragment, which would add "#league-table" to the
    // address the view is shared by (and rel="external" keeps the router out of it).
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_by_id(TABLE_REGION_ID);
    };
    move || {
        ratings
            .read()
            .as_ref()
            .is_some_and(Result::is_ok)
            .then(|| {
                view! {
                    <a class="skip-to-table" href=format!("#{TABLE_REGION_ID}") rel="external" on:click=skip>
                        "Skip to the table"
                    </a>
                }
            })
    }
}
