//! On Probation's data model in plain Rust, shared by the data tool and the browser app.

pub mod band;
pub mod compare;
pub mod coverage;
pub mod date;
pub mod details;
pub mod format;
pub mod inspection;
pub mod link;
pub mod movement;
pub mod page_link;
pub mod post;
pub mod post_ratings;
pub mod posts_query;
pub mod query;
pub mod related;
pub mod saved_copy;
pub mod score;
pub mod search;
pub mod server_answer;
pub mod slug;
pub mod summary;
pub mod table;
pub mod text;
pub mod validate;
