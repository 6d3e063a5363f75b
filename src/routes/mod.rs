//! One file per route.

pub mod about;
pub mod compare;
pub mod home;
pub mod inspection;
pub mod league_table;
pub mod not_found;
pub mod post;
pub mod posts_list;

/// How a page renders the loaded ratings. Pages that pass `Fetched` a function of this one
/// type share one copy of its code in the wasm instead of one per closure.
pub type RatingsView = fn(model::format::RatingsFile) -> leptos::prelude::AnyView;

/// "League table · On Probation".
pub fn page_title(name: &str) -> String {
    format!("{name} · On Probation")
}
