//! The league table's columns: their stable keys (for attributes, the URL and exports), labels,
//! and which way each one first sorts.

use crate::inspection::Standard;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    Rank,
    Organisation,
    Kind,
    Owner,
    Region,
    Published,
    Round,
    Overall,
    Score,
    /// One standard's band, by its code.
    Standard(String),
    Caseload,
    Confidence,
    Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    pub fn reversed(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

const STANDARD_PREFIX: &str = "std-";

/// The standard `code` names, in any case: its exact code first, as codes may differ only in
/// case.
pub fn standard_code<'a>(code: &str, standards: &'a [Standard]) -> Option<&'a str> {
    standards
        .iter()
        .find(|s| s.code == code)
        .or_else(|| standards.iter().find(|s| s.code.eq_ignore_ascii_case(code)))
        .map(|s| s.code.as_str())
}

impl Column {
    /// The columns before the standards, in table order.
    pub const LEADING: [Column; 9] = [
        Column::Rank,
        Column::Organisation,
        Column::Kind,
        Column::Owner,
        Column::Region,
        Column::Published,
        Column::Round,
        Column::Overall,
        Column::Score,
    ];
    /// The columns after the standards.
    pub const TRAILING: [Column; 3] = [Column::Caseload, Column::Confidence, Column::Source];

    /// Stable name: `overall`, `std-2.1` and so on.
    pub fn key(&self) -> String {
        match self {
            Column::Standard(code) => format!("{STANDARD_PREFIX}{code}"),
            other => other.fixed_key().to_string(),
        }
    }

    fn fixed_key(&self) -> &'static str {
        match self {
            Column::Rank => "rank",
            Column::Organisation => "organisation",
            Column::Kind => "kind",
            Column::Owner => "owner",
            Column::Region => "region",
            Column::Published => "published",
            Column::Round => "round",
            Column::Overall => "overall",
            Column::Score => "score",
            Column::Standard(_) => STANDARD_PREFIX,
            Column::Caseload => "caseload",
            Column::Confidence => "confidence",
            Column::Source => "source",
        }
    }

    /// The column a key names; a standard only if the data has it.
    pub fn from_key(key: &str, standards: &[Standard]) -> Option<Column> {
        // Any case, so a hand-typed address ("sort=Overall") works too.
        let prefix = key.get(..STANDARD_PREFIX.len());
        if prefix.is_some_and(|p| p.eq_ignore_ascii_case(STANDARD_PREFIX)) {
            let code = standard_code(&key[STANDARD_PREFIX.len()..], standards)?;
            return Some(Column::Standard(code.to_string()));
        }
        Column::LEADING
            .into_iter()
            .chain(Column::TRAILING)
            .find(|column| column.fixed_key().eq_ignore_ascii_case(key))
    }

    /// Header text; a standard's header is its code (its name is in [`Column::title`]).
    pub fn label(&self) -> String {
        match self {
            Column::Standard(code) => code.clone(),
            Column::Rank => "Rank".into(),
            Column::Organisation => "Organisation".into(),
            Column::Kind => "Kind".into(),
            Column::Owner => "Owner".into(),
            Column::Region => "Region".into(),
            Column::Published => "Published".into(),
            Column::Round => "Round".into(),
            Column::Overall => "Overall".into(),
            Column::Score => "Score".into(),
            Column::Caseload => "Caseload".into(),
            Column::Confidence => "Confidence".into(),
            Column::Source => "Source".into(),
        }
    }

    /// The full name, e.g. "2.1 Assessment", for announcements and tooltips.
    pub fn title(&self, standards: &[Standard]) -> String {
        match self {
            Column::Standard(code) => match standards.iter().find(|s| &s.code == code) {
                Some(standard) => format!("{code} {}", standard.name),
                None => code.clone(),
            },
            other => other.label(),
        }
    }

    /// What the full name adds to the label (" Leadership" after "1.1"), to be spoken with it so
    /// a screen reader names the column in full; `None` where the label is the whole name.
    pub fn name_beyond_label(&self, standards: &[Standard]) -> Option<String> {
        let title = self.title(standards);
        title
            .strip_prefix(&self.label())
            .filter(|rest| !rest.is_empty())
            .map(str::to_owned)
    }

    /// Ratings, dates and sizes open best, newest or largest first; rank and text open 1 or A first.
    pub fn first_direction(&self) -> Direction {
        match self {
            Column::Overall
            | Column::Score
            | Column::Standard(_)
            | Column::Published
            | Column::Caseload
            | Column::Confidence => Direction::Descending,
            _ => Direction::Ascending,
        }
    }

    /// How a screen reader hears the order, e.g. "best first".
    pub fn describe(&self, direction: Direction) -> &'static str {
        use Direction::{Ascending, Descending};
        match (self, direction) {
            (Column::Rank, Ascending) => "best first",
            (Column::Rank, Descending) => "worst first",
            (Column::Overall | Column::Score | Column::Standard(_), Descending) => "best first",
            (Column::Overall | Column::Score | Column::Standard(_), Ascending) => "worst first",
            (Column::Published, Descending) => "newest first",
            (Column::Published, Ascending) => "oldest first",
            (Column::Round | Column::Caseload | Column::Confidence, Ascending) => "lowest first",
            (Column::Round | Column::Caseload | Column::Confidence, Descending) => "highest first",
            (_, Ascending) => "A to Z",
            (_, Descending) => "Z to A",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::tests::standards;

    #[test]
    fn keys_round_trip_and_unknown_keys_are_refused() {
        let standards = standards();
        let mut columns: Vec<Column> = Column::LEADING
            .into_iter()
            .chain(Column::TRAILING)
            .collect();
        columns.push(Column::Standard("N3.1".into()));
        for column in columns {
            assert_eq!(Column::from_key(&column.key(), &standards), Some(column));
        }
        for key in ["", "std-", "std-9.9", "Overall x", "std-2.1x", "rank "] {
            assert_eq!(Column::from_key(key, &standards), None, "{key}");
        }
        // Any case, answered with the column's own key.
        assert_eq!(
            Column::from_key("Overall", &standards),
            Some(Column::Overall)
        );
        assert_eq!(
            Column::from_key("STD-n3.1", &standards).map(|c| c.key()),
            Some("std-N3.1".to_string())
        );
    }

    #[test]
    fn a_standard_column_is_named_in_full_beyond_its_code() {
        let standards = standards();
        let code = standards[0].code.clone();
        let column = Column::Standard(code.clone());
        assert_eq!(column.label(), code);
        assert_eq!(
            column.name_beyond_label(&standards),
            Some(format!(" {}", standards[0].name))
        );
        assert_eq!(Column::Overall.name_beyond_label(&standards), None);
        // A code the standards do not list has nothing more to say.
        let unknown = Column::Standard("9.9".into());
        assert_eq!(unknown.name_beyond_label(&standards), None);
    }
}
