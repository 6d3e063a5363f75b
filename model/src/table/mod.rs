//! The league table's logic: columns, ranks, sorting, filters and facet counts, the view as a
//! URL, pages, links and exports. The app only wires these to the page.

pub mod cell;
pub mod column;
pub mod data;
pub mod export;
pub mod facets;
pub mod filter;
pub mod links;
pub mod page;
pub mod rank;
pub mod sort;
pub mod url_state;

/// "21 of 74 shown".
pub fn shown_count(shown: usize, total: usize) -> String {
    format!("{shown} of {total} shown")
}

#[cfg(test)]
mod tests {
    #[test]
    fn count_reads_n_of_m() {
        assert_eq!(super::shown_count(21, 74), "21 of 74 shown");
    }
}
