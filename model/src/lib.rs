//! On Probation's data model in plain Rust, shared by the data tool and the browser app.

pub mod band;
pub mod coverage;
pub mod date;
pub mod format;
pub mod inspection;
pub mod link;
pub mod post;
pub mod query;
pub mod score;
pub mod slug;
pub mod table;
pub mod text;
pub mod validate;
