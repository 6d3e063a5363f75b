//! Publication dates that keep the precision the source gave: a day, a month or only a year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn parse(text: &str) -> Option<Precision> {
        match text.trim() {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// `2019-07-16`, `2019-07` or `2019`. Ordered by the earliest moment it can mean,
/// so a year sorts before its months and a month before its days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialDate {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible days and months.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let bad = || {
            DateError(format!(
                "'{text}' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"
            ))
        };
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |part: &str, width: usize| -> Result<u32, DateError> {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse().map_err(|_| bad())
        };
        let year = match parts.first() {
            Some(part) => number(part, 4)?,
            None => return Err(bad()),
        };
        if !(1900..=2999).contains(&year) {
            return Err(DateError(format!(
                "year {year} in '{text}' is out of range"
            )));
        }
        let month = match parts.get(1) {
            Some(part) => {
                let month = number(part, 2)?;
                if !(1..=12).contains(&month) {
                    return Err(DateError(format!(
                        "month {month} in '{text}' does not exist"
                    )));
                }
                Some(month as u8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(part) => {
                let day = number(part, 2)?;
                let last = days_in_month(year, month.unwrap_or(1) as u32);
                if day < 1 || day > last {
                    return Err(DateError(format!(
                        "day {day} in '{text}' does not exist in that month"
                    )));
                }
                Some(day as u8)
            }
            None => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(PartialDate {
            year: year as u16,
            month,
            day,
        })
    }

    /// Human form at the date's own precision: "16 Jul 2019", "Jul 2019", "2019".
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// "2018 to 2023", or "2019" when the first and last years are the same.
pub fn years_text((first, last): (u16, u16)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} to {last}")
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// The ISO-like text it was parsed from.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_precision() {
        assert_eq!(
            PartialDate::parse("2019-07-16").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            PartialDate::parse("2019-07").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2019").unwrap().precision(),
            Precision::Year
        );
    }

    #[test]
    fn displays_at_its_precision() {
        assert_eq!(
            PartialDate::parse("2019-07-16").unwrap().display(),
            "16 Jul 2019"
        );
        assert_eq!(PartialDate::parse("2019-07").unwrap().display(), "Jul 2019");
        assert_eq!(PartialDate::parse("2019").unwrap().display(), "2019");
    }

    #[test]
    fn round_trips_through_text() {
        for text in ["2019-07-16", "2019-07", "2019", "2020-02-29"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in [
            "2019-02-30",
            "2019-02-29",
            "2019-13",
            "2019-00",
            "2019-7",
            "19-07-16",
            "2019/07/16",
            "July 2019",
            "",
            "2019-07-16-01",
            "2019-04-31",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be rejected"
            );
        }
    }

    #[test]
    fn orders_by_earliest_moment() {
        let year = PartialDate::parse("2019").unwrap();
        let month = PartialDate::parse("2019-07").unwrap();
        let day = PartialDate::parse("2019-07-16").unwrap();
        let later = PartialDate::parse("2019-08").unwrap();
        assert!(year < month && month < day && day < later);
    }
}
