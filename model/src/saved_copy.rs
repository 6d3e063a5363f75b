//! Data the service worker saved on this device: whether a copy is from an earlier visit, and
//! the sentence that tells the reader so.
//!
//! The service worker stamps every copy it stores with the time it stored it, in milliseconds
//! since the Unix epoch (the `X-On-Probation-Saved-At` header on the answers it gives from the
//! device). Answers from the network carry no stamp.

use crate::date::PartialDate;

/// The header the service worker sets on answers it gives from its saved copies.
pub const SAVED_AT_HEADER: &str = "x-on-probation-saved-at";

/// The saved time of an answer, when the header holds a plausible one.
pub fn parse_saved_at(header: &str) -> Option<f64> {
    let ms: u64 = header.trim().parse().ok()?;
    // Before 2001 or after 2286 is not a time this app stored.
    (1_000_000_000_000..10_000_000_000_000)
        .contains(&ms)
        .then_some(ms as f64)
}

/// A copy saved before this page started loading was saved on an earlier visit; one saved
/// since (the service worker installing during this visit) is as fresh as the page.
pub fn is_from_earlier_visit(saved_ms: f64, page_start_ms: f64) -> bool {
    saved_ms < page_start_ms
}

/// "26 Nov 2026 at 06:31", in the reader's local time: `offset_minutes` is what the reader's
/// clock adds to UTC (60 for British Summer Time).
pub fn describe_time(epoch_ms: f64, offset_minutes: i64) -> String {
    let minutes = (epoch_ms / 60_000.0).floor() as i64 + offset_minutes;
    let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let (year, month, day) = civil_from_days(days);
    let date = PartialDate {
        year: year as u16,
        month: Some(month as u8),
        day: Some(day as u8),
    };
    format!(
        "{} at {:02}:{:02}",
        date.display(),
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// What the page says while it shows data saved on an earlier visit.
pub fn earlier_visit_notice(saved_ms: f64, offset_minutes: i64) -> String {
    format!(
        "You are reading data saved on this device on {}, on an earlier visit. \
         Newer data, if there is any, shows the next time you open the page online.",
        describe_time(saved_ms, offset_minutes)
    )
}

/// Year, month and day of a day count since 1970-01-01 (proleptic Gregorian calendar;
/// Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_plausible_stamps() {
        assert_eq!(parse_saved_at("1795681860000"), Some(1_795_681_860_000.0));
        assert_eq!(parse_saved_at(" 1795681860000 "), Some(1_795_681_860_000.0));
        for bad in [
            "",
            "soon",
            "-1795681860000",
            "1795681860",
            "1.5e12",
            "99999999999999",
        ] {
            assert_eq!(parse_saved_at(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn only_copies_older_than_the_page_are_from_an_earlier_visit() {
        assert!(is_from_earlier_visit(1_000.0, 2_000.0));
        assert!(!is_from_earlier_visit(2_000.0, 2_000.0));
        assert!(!is_from_earlier_visit(3_000.0, 2_000.0));
    }

    #[test]
    fn describes_times_in_the_readers_clock() {
        // 2026-11-26T06:31:00Z
        let ms = 1_795_674_660_000.0;
        assert_eq!(describe_time(ms, 0), "26 Nov 2026 at 06:31");
        assert_eq!(describe_time(ms + 59_999.0, 0), "26 Nov 2026 at 06:31");
        assert_eq!(describe_time(ms, 60), "26 Nov 2026 at 07:31");
        // West of UTC the local day can be the day before.
        assert_eq!(describe_time(ms, -420), "25 Nov 2026 at 23:31");
    }

    #[test]
    fn handles_month_year_and_leap_day_boundaries() {
        assert_eq!(describe_time(0.0, 0), "1 Jan 1970 at 00:00");
        // 2024-02-29T12:00:00Z and 2000-03-01T00:00:00Z
        assert_eq!(
            describe_time(1_709_208_000_000.0, 0),
            "29 Feb 2024 at 12:00"
        );
        assert_eq!(describe_time(951_868_800_000.0, 0), "1 Mar 2000 at 00:00");
        // 2026-12-31T23:59Z is 1 January 2027 an hour east.
        assert_eq!(
            describe_time(1_798_761_540_000.0, 60),
            "1 Jan 2027 at 00:59"
        );
    }

    #[test]
    fn the_notice_names_the_saved_time() {
        let notice = earlier_visit_notice(1_795_674_660_000.0, 0);
        assert!(notice.starts_with(
            "You are reading data saved on this device on 26 Nov 2026 at 06:31, on an earlier visit."
        ));
    }
}
