//! "Skip to the table": for keyboard users, past the band summary and every filter.

use crate::api::ApiError;
use leptos::prelude::*;
use model::format::RatingsFile;
use wasm_bindgen::JsCast;

/// The id of the table's focusable scroll region, which the link moves focus to.
pub const TABLE_REGION_ID: &str = "league-table";

/// Shown once the ratings have loaded, when there is a table to skip to.
#[component]
pub fn SkipToTable(ratings: LocalResource<Result<RatingsFile, ApiError>>) -> impl IntoView {
    // Focused here rather than by following the fragment, which would add "#league-table" to the
    // address the view is shared by (and rel="external" keeps the router out of it).
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let region = document()
            .get_element_by_id(TABLE_REGION_ID)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(region) = region {
            let _ = region.focus();
        }
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
