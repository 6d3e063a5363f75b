//! The league table's parts. All logic lives in `model::table`; these wire it to the page.

pub mod body;
pub mod column_groups;
pub mod download;
pub mod filters;
pub mod header;
pub mod legend;
pub mod pager;
pub mod share;
pub mod skip_link;
pub mod stored_columns;
pub mod then_by;
pub mod view_state;
