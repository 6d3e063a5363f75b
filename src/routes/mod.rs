//! One file per route.

pub mod about;
pub mod compare;
pub mod home;
pub mod inspection;
pub mod league_table;
pub mod not_found;
pub mod post;
pub mod posts_list;

/// "League table · On Probation".
pub fn page_title(name: &str) -> String {
    format!("{name} · On Probation")
}
