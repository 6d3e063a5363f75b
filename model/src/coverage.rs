//! What the data covers and how complete it is, counted from the data itself so the
//! "about the data" page can never drift from the file it describes.

use crate::date::Precision;
use crate::format::RatingsFile;
use crate::inspection::{published_years, standards_for, Kind};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub total: usize,
    /// Kinds present in the data, in `Kind::ALL` order.
    pub by_kind: Vec<(Kind, usize)>,
    /// First and last year published.
    pub years: Option<(u16, u16)>,
    pub every_standard_known: usize,
    pub some_standard_known: usize,
    pub with_score: usize,
    pub overall_unknown: usize,
    pub dated_to_day: usize,
    pub dated_to_month: usize,
    pub dated_to_year: usize,
    pub undated: usize,
}

impl Coverage {
    /// The figures as sentences for the "about the data" page.
    pub fn summary_lines(&self) -> Vec<String> {
        let kinds = self
            .by_kind
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.name()))
            .collect::<Vec<_>>()
            .join(", ");
        let kinds = if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({kinds})")
        };
        let years = match self.years {
            Some((first, last)) if first != last => {
                format!(", published from {first} to {last}")
            }
            Some((year, _)) => format!(", published in {year}"),
            None => String::new(),
        };
        vec![
            format!(
                "{} inspection{}{kinds}{years}.",
                self.total,
                if self.total == 1 { "" } else { "s" }
            ),
            format!(
                "{} with every standard's band known, {} with at least one, {} with a score.",
                self.every_standard_known, self.some_standard_known, self.with_score
            ),
            format!(
                "Dates: {} to the day, {} to the month only, {} to the year only, {} unknown.",
                self.dated_to_day, self.dated_to_month, self.dated_to_year, self.undated
            ),
            format!("{} with no published overall band.", self.overall_unknown),
        ]
    }
}

pub fn coverage(file: &RatingsFile) -> Coverage {
    let rows = &file.inspections;
    let precision = |p: Precision| {
        rows.iter()
            .filter(|i| i.published.is_some_and(|d| d.precision() == p))
            .count()
    };
    Coverage {
        total: rows.len(),
        by_kind: Kind::ALL
            .into_iter()
            .map(|kind| (kind, rows.iter().filter(|i| i.kind == kind).count()))
            .filter(|(_, n)| *n > 0)
            .collect(),
        years: published_years(rows),
        every_standard_known: rows
            .iter()
            .filter(|i| {
                standards_for(&file.standards, i.kind).all(|s| i.standards.contains_key(&s.code))
            })
            .count(),
        some_standard_known: rows.iter().filter(|i| !i.standards.is_empty()).count(),
        with_score: rows.iter().filter(|i| i.score.is_some()).count(),
        overall_unknown: rows.iter().filter(|i| i.overall.is_none()).count(),
        dated_to_day: precision(Precision::Day),
        dated_to_month: precision(Precision::Month),
        dated_to_year: precision(Precision::Year),
        undated: rows.iter().filter(|i| i.published.is_none()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::band::Band;
    use crate::date::PartialDate;
    use crate::format::Provenance;
    use crate::inspection::tests::{all_bands, inspection, standards};
    use crate::inspection::{Inspection, Score};

    fn row(kind: Kind, published: Option<&str>) -> Inspection {
        Inspection {
            published: published.map(|p| PartialDate::parse(p).unwrap()),
            ..inspection("x", kind)
        }
    }

    #[test]
    fn counts_kinds_years_completeness_and_precision() {
        let mut complete = row(Kind::Pdu, Some("2023-05-02"));
        complete.standards = all_bands(Kind::Pdu, Band::Inadequate);
        complete.score = Some(Score {
            points: 0,
            max: 27,
            basis: "computed".into(),
        });
        let mut partial = row(Kind::Crc, Some("2019-07"));
        partial.standards.insert("3.1".into(), Band::Good);
        let mut unknown = row(Kind::Crc, None);
        unknown.overall = None;
        let file = RatingsFile {
            format: String::new(),
            version: 1,
            provenance: Provenance {
                summary: String::new(),
                sources: vec![],
            },
            standards: standards(),
            inspections: vec![complete, partial, unknown, row(Kind::Crc, Some("2018"))],
        };
        let c = coverage(&file);
        assert_eq!(c.total, 4);
        assert_eq!(c.by_kind, vec![(Kind::Crc, 3), (Kind::Pdu, 1)]);
        assert_eq!(c.years, Some((2018, 2023)));
        assert_eq!(
            (c.every_standard_known, c.some_standard_known, c.with_score),
            (1, 2, 1)
        );
        assert_eq!(c.overall_unknown, 1);
        assert_eq!(
            (c.dated_to_day, c.dated_to_month, c.dated_to_year, c.undated),
            (1, 1, 1, 1)
        );
        assert_eq!(
            c.summary_lines(),
            [
                "4 inspections (3 CRC, 1 PDU), published from 2018 to 2023.",
                "1 with every standard's band known, 2 with at least one, 1 with a score.",
                "Dates: 1 to the day, 1 to the month only, 1 to the year only, 1 unknown.",
                "1 with no published overall band.",
            ]
        );
    }

    #[test]
    fn one_year_one_row_or_none_read_naturally() {
        let one = Coverage {
            total: 1,
            by_kind: vec![(Kind::Pdu, 1)],
            years: Some((2022, 2022)),
            ..Coverage::default()
        };
        assert_eq!(
            one.summary_lines()[0],
            "1 inspection (1 PDU), published in 2022."
        );
        assert_eq!(Coverage::default().summary_lines()[0], "0 inspections.");
    }
}
