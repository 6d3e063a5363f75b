//! The whole view (filters, sort, hidden column groups, page) as a query string, so a link,
//! a reload or the back button shows exactly the same table.
//!
//! `q=fox&kind=crc&kind=pdu&owner=Sodexo&overall=good&overall=-&region=Essex&year=2019&round=1`
//! `&atleast=2.1:good&complete=1&sort=-overall,organisation&hide=case-supervision&page=2`
//!
//! Facets repeat their parameter (region names hold commas); `-` is the "not known" choice;
//! in `sort` a leading `-` means descending and a second column is the secondary key.
//! Anything unknown or malformed is ignored, never an error.

use super::column::{standard_code, Column, Direction};
use super::data::TableData;
use super::facets::Facet;
use super::filter::{AtLeast, Filter};
use super::sort::{Sort, SortBy};
use crate::band::Band;
use crate::query::{loose, option_named, parse_query, path_and_query, print_query};
use std::collections::BTreeSet;

/// The table's route.
pub const TABLE_PATH: &str = "/league-table";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    pub sort: Sort,
    /// Slugs of the standard groups whose columns are hidden.
    pub hidden: BTreeSet<String>,
    /// 1-based; only long tables have more than one.
    pub page: usize,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            filter: Filter::default(),
            sort: Sort::default(),
            hidden: BTreeSet::new(),
            page: 1,
        }
    }
}

fn print_sort_by(by: &SortBy) -> String {
    let sign = match by.direction {
        Direction::Ascending => "",
        Direction::Descending => "-",
    };
    format!("{sign}{}", by.column.key())
}

fn parse_sort_by(text: &str, data: &TableData) -> Option<SortBy> {
    let (direction, key) = match text.strip_prefix('-') {
        Some(key) => (Direction::Descending, key),
        None => (Direction::Ascending, text),
    };
    Column::from_key(key.trim(), &data.standards).map(|column| SortBy { column, direction })
}

fn parse_sort(text: &str, data: &TableData) -> Option<Sort> {
    let mut parts = text.split(',');
    let primary = parse_sort_by(parts.next()?, data)?;
    let secondary = parts
        .next()
        .and_then(|t| parse_sort_by(t, data))
        .filter(|s| s.column != primary.column);
    Some(Sort { primary, secondary })
}

fn parse_at_least(text: &str, data: &TableData) -> Option<AtLeast> {
    let (code, band) = text.rsplit_once(':')?;
    let band = Band::from_slug(&loose(band))?;
    let code = standard_code(code.trim(), &data.standards)?.to_string();
    Some(AtLeast { code, band })
}

impl ViewState {
    /// Reads a query string (with or without its `?`), keeping only what fits the data.
    pub fn from_query(query: &str, data: &TableData) -> ViewState {
        let mut state = ViewState::default();
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "q" => state.filter.text = value,
                "atleast" => state.filter.at_least = parse_at_least(&value, data),
                "complete" => state.filter.complete_only = value == "1",
                "sort" => state.sort = parse_sort(&value, data).unwrap_or_default(),
                "hide" if data.groups.iter().any(|g| g.slug == value) => {
                    state.hidden.insert(value);
                }
                "page" => state.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                other => {
                    let known = Facet::ALL
                        .into_iter()
                        .filter(|facet| facet.key() == other)
                        .find_map(|facet| {
                            Some((facet, option_named(data.options(facet), &value)?))
                        });
                    if let Some((facet, option)) = known {
                        if !state.filter.is_chosen(facet, option) {
                            state.filter.toggle(facet, option);
                        }
                    }
                }
            }
        }
        state
    }

    /// The query string without `?`; empty for the default view.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let filter = &self.filter;
        if !filter.text.is_empty() {
            pairs.push(("q", filter.text.clone()));
        }
        for facet in Facet::ALL {
            for token in filter.facets.get(&facet).into_iter().flatten() {
                pairs.push((facet.key(), token.clone()));
            }
        }
        if let Some(at_least) = &filter.at_least {
            pairs.push((
                "atleast",
                format!("{}:{}", at_least.code, at_least.band.slug()),
            ));
        }
        if filter.complete_only {
            pairs.push(("complete", "1".into()));
        }
        if self.sort != Sort::default() {
            let mut sort = print_sort_by(&self.sort.primary);
            if let Some(secondary) = &self.sort.secondary {
                sort = format!("{sort},{}", print_sort_by(secondary));
            }
            pairs.push(("sort", sort));
        }
        for slug in &self.hidden {
            pairs.push(("hide", slug.clone()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        print_query(&pairs)
    }

    /// `/league-table?…`, or the bare path for the default view.
    pub fn href(&self) -> String {
        path_and_query(TABLE_PATH, &self.to_query())
    }
}

/// Whether a query says which column groups to hide (otherwise a stored choice applies).
pub fn names_hidden_groups(query: &str) -> bool {
    parse_query(query).iter().any(|(key, _)| key == "hide")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::data::tests::sample;

    fn full_state() -> ViewState {
        let mut filter = Filter {
            text: "Ébène, & co".into(),
            complete_only: true,
            at_least: Some(AtLeast {
                code: "N3.1".into(),
                band: Band::RequiresImprovement,
            }),
            ..Filter::default()
        };
        for (facet, token) in [
            (Facet::Kind, "crc"),
            (Facet::Kind, "pdu"),
            (Facet::Owner, "Ünity"),
            (Facet::Overall, "-"),
            (Facet::Region, "Gwent, Dyfed-Powys"),
            (Facet::Year, "2019"),
            (Facet::Round, "2"),
        ] {
            filter.toggle(facet, token);
        }
        ViewState {
            filter,
            sort: Sort {
                primary: SortBy {
                    column: Column::Standard("2.1".into()),
                    direction: Direction::Ascending,
                },
                secondary: Some(SortBy::first(Column::Published)),
            },
            hidden: ["shared".to_string(), "specific".to_string()].into(),
            page: 3,
        }
    }

    #[test]
    fn every_choice_round_trips() {
        let data = sample();
        let state = full_state();
        let query = state.to_query();
        assert_eq!(ViewState::from_query(&query, &data), state, "{query}");
        assert_eq!(ViewState::from_query(&format!("?{query}"), &data), state);
        assert!(state
            .href()
            .starts_with("/league-table?q=%C3%89b%C3%A8ne,%20%26%20co&kind=crc"));
    }

    #[test]
    fn the_default_view_has_a_bare_address() {
        let data = sample();
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::default().href(), "/league-table");
        assert_eq!(ViewState::from_query("", &data), ViewState::default());
    }

    #[test]
    fn reads_the_documented_form() {
        let data = sample();
        let state = ViewState::from_query(
            "q=fox&kind=crc&overall=-&sort=-organisation,owner&complete=1&atleast=2.1:good",
            &data,
        );
        assert_eq!(state.filter.text, "fox");
        assert!(state.filter.is_chosen(Facet::Kind, "crc"));
        assert!(state.filter.is_chosen(Facet::Overall, "-"));
        assert_eq!(
            state.sort.primary,
            SortBy {
                column: Column::Organisation,
                direction: Direction::Descending
            }
        );
        assert_eq!(
            state.sort.secondary.map(|s| (s.column, s.direction)),
            Some((Column::Owner, Direction::Ascending))
        );
        assert!(state.filter.complete_only);
        assert_eq!(state.filter.at_least.map(|a| a.band), Some(Band::Good));
    }

    #[test]
    fn garbage_is_ignored_safely() {
        let data = sample();
        for query in [
            "kind=spaceship&owner=Nobody&overall=excellent&year=1066&round=x",
            "sort=nonsense&hide=no-such-group&page=0&page=-4&page=lots",
            "atleast=9.9:good&atleast=2.1:excellent&atleast=nocolon&complete=yes",
            "utm_source=x&&=&%%%&q",
            "sort=&sort=-&sort=,",
        ] {
            let state = ViewState::from_query(query, &data);
            assert!(state.filter.facets.is_empty(), "{query}");
            assert_eq!(state.filter.at_least, None, "{query}");
            assert!(!state.filter.complete_only, "{query}");
            assert_eq!(state.sort, Sort::default(), "{query}");
            assert!(state.hidden.is_empty(), "{query}");
            assert_eq!(state.page, 1, "{query}");
            assert!(state.filter.text.is_empty(), "{query}");
        }
        // A good choice survives beside a bad one, and repeats count once.
        let state = ViewState::from_query("kind=crc&kind=zzz&kind=crc", &data);
        assert_eq!(state.to_query(), "kind=crc");
    }

    #[test]
    fn hand_typed_values_are_read_loosely() {
        let data = sample();
        let state = ViewState::from_query(
            "kind=CRC&overall=Requires%20improvement&sort=-Organisation&atleast=2.1:Good",
            &data,
        );
        assert_eq!(
            state.to_query(),
            "kind=crc&overall=requires-improvement&atleast=2.1:good&sort=-organisation"
        );
    }

    #[test]
    fn says_whether_the_query_names_hidden_groups() {
        assert!(names_hidden_groups("q=x&hide=shared"));
        assert!(!names_hidden_groups("q=x"));
    }
}
