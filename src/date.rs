//! Calendar dates without a time zone: parsing `YYYY-MM-DD`, weekdays and day arithmetic.
//!
//! News text only ever needs civil dates ("on Monday", "August 15", "last week"), so this is a
//! small proleptic-Gregorian type rather than a date-time crate: it adds nothing to the wasm
//! bundle that the analysis does not use. It deliberately knows nothing of time zones or times.

use std::fmt;

/// A civil date (proleptic Gregorian calendar).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Days of the week, Monday first as in ISO 8601.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Monday is 0, Sunday is 6.
    pub fn index(self) -> i64 {
        self as i64
    }

    pub fn name(self) -> &'static str {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][self as usize]
    }
}

impl Date {
    /// Builds a date, or `None` when the month or day does not exist (2025-02-30).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`, as the corpus format's `published` field requires.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(digits(0..4)? as i32, digits(5..7)? as u8, digits(8..10)? as u8)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let year_of_era = y - era * 400;
        let m = i64::from(self.month);
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n_days: i64) -> Date {
        Date::from_days(self.to_days() + n_days)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.to_days() + 3).rem_euclid(7) as usize]
    }

    /// The Monday that starts this date's ISO week.
    pub fn week_start(self) -> Date {
        self.add_days(-self.weekday().index())
    }
}

/// Dates travel as ISO strings in JSON, as in the corpus format.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        type Case<'a> = (&'a str, Option<(i32, u8, u8)>);
        let cases: &[Case] = &[
            ("2025-08-20", Some((2025, 8, 20))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2025-02-29", None),
            ("2025-13-01", None),
            ("2025-8-20", None),
            ("20 Aug 2025", None),
            ("2025-08-2x", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let got = Date::parse_iso(text).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, *expected, "parsing {text:?}");
        }
    }

    #[test]
    fn weekdays_and_arithmetic() {
        let published = Date::parse_iso("2025-08-20").unwrap();
        assert_eq!(published.weekday(), Weekday::Wednesday);
        assert_eq!(published.add_days(-5).to_string(), "2025-08-15");
        assert_eq!(published.add_days(-5).weekday(), Weekday::Friday);
        assert_eq!(published.week_start().to_string(), "2025-08-18");
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(Date::parse_iso("2000-03-01").unwrap().add_days(-1).to_string(), "2000-02-29");
        for days in [-800_000, -1, 0, 1, 19_000, 800_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
    }
}
