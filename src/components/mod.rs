//! Small views shared by several pages.

pub mod band_badge;
pub mod fetched;
pub mod league_table;
pub mod post_body;
pub mod post_list;
pub mod post_meta;
