//! Property tests of the league table's URL state: any view the table can show survives
//! print then parse, and no query string, however mangled, makes parsing panic.

mod table_support;

use model::table::url_state::ViewState;
use proptest::prelude::*;
use table_support::{table, table_and_view};

proptest! {
    #[test]
    fn parse_of_print_is_identity((data, view) in table_and_view()) {
        let query = view.to_query();
        prop_assert_eq!(&ViewState::from_query(&query, &data), &view, "{}", query);
        prop_assert_eq!(&ViewState::from_query(&format!("?{query}"), &data), &view);
        // Printing what was parsed gives the same address back.
        prop_assert_eq!(ViewState::from_query(&query, &data).to_query(), query);
    }

    /// Arbitrary text, and text built from the query's own pieces so that real keys meet
    /// broken values and escapes.
    #[test]
    fn parsing_any_query_never_panics(
        data in table(true),
        raw in any::<String>(),
        pieces in proptest::collection::vec(
            prop_oneof![
                Just("q=".to_string()), Just("kind=".to_string()), Just("sort=".to_string()),
                Just("atleast=".to_string()), Just("page=".to_string()), Just("hide=".to_string()),
                Just("&".to_string()), Just("%".to_string()), Just("%C3".to_string()),
                Just("-".to_string()), Just(",".to_string()), Just(":".to_string()),
                Just("std-".to_string()), "[a-z0-9.+=%-]{0,6}",
            ],
            0..12,
        ),
    ) {
        for query in [raw, pieces.concat()] {
            let view = ViewState::from_query(&query, &data);
            // Whatever was read is a view the URL can hold again.
            prop_assert_eq!(ViewState::from_query(&view.to_query(), &data), view);
        }
    }
}
