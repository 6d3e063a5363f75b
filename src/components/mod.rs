//! Small views shared by several pages.

pub mod band_badge;
pub mod band_summary;
pub mod fetched;
pub mod highlight;
pub mod inspection_fields;
pub mod last_table_view;
pub mod league_table;
pub mod movement;
pub mod offline_indicator;
pub mod pager;
pub mod post_body;
pub mod post_list;
pub mod post_meta;
pub mod ratings_box;
pub mod retry_panel;
pub mod saved_data_notice;
pub mod scroll_memory;
pub mod search_field;
pub mod select_filter;
pub mod share_button;
pub mod standard_label;
pub mod standard_rating;
pub mod try_again;
pub mod unknown;
pub mod update_prompt;
