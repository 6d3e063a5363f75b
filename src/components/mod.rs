//! Small views shared by several pages.

pub mod band_badge;
pub mod fetched;
pub mod post_body;
pub mod post_list;
pub mod post_meta;
pub mod select_filter;
pub mod unknown;
