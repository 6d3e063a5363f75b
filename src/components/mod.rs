//! Small views shared by several pages.

pub mod band_badge;
pub mod fetched;
pub mod highlight;
pub mod pager;
pub mod post_body;
pub mod post_list;
pub mod post_meta;
pub mod ratings_box;
pub mod select_filter;
pub mod share_button;
pub mod unknown;
