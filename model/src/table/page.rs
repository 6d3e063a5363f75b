//! Pages for long tables: up to a threshold every row is rendered; above it, a page at a time,
//! so thousands of rows stay quick to show.

use std::ops::Range;

/// Tables up to this many rows are shown whole.
pub const PAGE_THRESHOLD: usize = 200;
/// Rows per page above the threshold: a screenful or two, and few enough that a sort repaints
/// quickly (see BENCHMARKS.md).
pub const PAGE_SIZE: usize = 50;

/// How many pages `rows` rows make (at least one).
pub fn page_count(rows: usize) -> usize {
    if rows <= PAGE_THRESHOLD {
        1
    } else {
        rows.div_ceil(PAGE_SIZE)
    }
}

/// The rows of 1-based `page`; a page past the end shows the last one.
pub fn page_range(rows: usize, page: usize) -> Range<usize> {
    if rows <= PAGE_THRESHOLD {
        return 0..rows;
    }
    let page = page.clamp(1, page_count(rows));
    let start = (page - 1) * PAGE_SIZE;
    start..(start + PAGE_SIZE).min(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tables_are_one_page() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_range(0, 1), 0..0);
        assert_eq!(page_range(PAGE_THRESHOLD, 3), 0..PAGE_THRESHOLD);
    }

    #[test]
    fn long_tables_are_paged_and_out_of_range_pages_are_clamped() {
        assert_eq!(page_count(10_000), 200);
        assert_eq!(page_range(10_000, 1), 0..50);
        assert_eq!(page_range(10_000, 200), 9_950..10_000);
        assert_eq!(page_range(260, 6), 250..260);
        assert_eq!(page_range(260, 99), 250..260);
        assert_eq!(page_range(260, 0), 0..50);
    }
}
