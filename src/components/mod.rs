//! Small views shared by several pages.

pub mod band_badge;
pub mod fetched;
pub mod offline_indicator;
pub mod post_body;
pub mod post_list;
pub mod post_meta;
pub mod saved_data_notice;
pub mod select_filter;
pub mod unknown;
pub mod update_prompt;
