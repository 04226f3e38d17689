//! Calendar dates (`YYYY-MM-DD`) and reporting periods (`YYYY`, `YYYY-Qn`, `YYYY-MM`).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::enums::Frequency;
use super::values::{ValueError, format};
use crate::codes::IssueCode;

/// A calendar date, written `YYYY-MM-DD`.
///
/// # Example
/// ```
/// use convener::model::Date;
/// let d: Date = "2025-03-31".parse().unwrap();
/// assert_eq!(d.to_string(), "2025-03-31");
/// assert!("2025-02-29".parse::<Date>().is_err()); // 2025 is not a leap year
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

fn digits(s: &str) -> Option<u16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// Makes a date from its parts, checking that the day exists.
    ///
    /// # Example
    /// ```
    /// use convener::model::Date;
    /// assert!(Date::new(2024, 2, 29).is_ok());
    /// assert!(Date::new(2024, 13, 1).is_err());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, ValueError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(ValueError {
                code: IssueCode::DateInvalid,
                message: format!("{year:04}-{month:02}-{day:02} is not a real date"),
            });
        }
        Ok(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl FromStr for Date {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, ValueError> {
        let bad = || ValueError {
            code: IssueCode::DateInvalid,
            message: format!("'{}' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-31", shorten(s)),
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let (Some(y), Some(m), Some(d)) = (digits(&s[0..4]), digits(&s[5..7]), digits(&s[8..10])) else {
            return Err(bad());
        };
        Date::new(y, m as u8, d as u8)
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        let cut: String = s.chars().take(40).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A reporting period: a calendar year (`2024`), quarter (`2024-Q3`) or month (`2024-07`).
///
/// Periods of one kind are ordered and can be stepped through. A period compares with a
/// date as its last day: `2024-Q3` ends on 2024-09-30. Periods of different kinds are
/// ordered by their last day, then by their first.
///
/// # Example
/// ```
/// use convener::model::{Date, Period};
/// let q: Period = "2024-Q4".parse().unwrap();
/// assert_eq!(q.next().to_string(), "2025-Q1");
/// assert_eq!(q.last_day(), "2024-12-31".parse::<Date>().unwrap());
/// assert_eq!(Period::steps_between(&"2024-Q1".parse().unwrap(), &q), Some(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year.
    Year(u16),
    /// A calendar quarter: year and quarter 1–4.
    Quarter(u16, u8),
    /// A calendar month: year and month 1–12.
    Month(u16, u8),
}

impl Period {
    /// How often periods of this kind come: `annual`, `quarterly` or `monthly`.
    pub fn frequency(&self) -> Frequency {
        match self {
            Period::Year(_) => Frequency::Annual,
            Period::Quarter(..) => Frequency::Quarterly,
            Period::Month(..) => Frequency::Monthly,
        }
    }

    /// The position of the period on its own kind's scale (years, quarters or months since
    /// year 0). Two periods of the same kind are `b.index() - a.index()` steps apart.
    pub fn index(&self) -> i64 {
        match *self {
            Period::Year(y) => y as i64,
            Period::Quarter(y, q) => y as i64 * 4 + (q as i64 - 1),
            Period::Month(y, m) => y as i64 * 12 + (m as i64 - 1),
        }
    }

    fn from_index(kind: Frequency, i: i64) -> Option<Period> {
        let (y, r) = match kind {
            Frequency::Annual => (i, 0),
            Frequency::Quarterly => (i.div_euclid(4), i.rem_euclid(4)),
            Frequency::Monthly => (i.div_euclid(12), i.rem_euclid(12)),
            _ => return None,
        };
        if !(1..=9999).contains(&y) {
            return None;
        }
        let y = y as u16;
        Some(match kind {
            Frequency::Annual => Period::Year(y),
            Frequency::Quarterly => Period::Quarter(y, r as u8 + 1),
            _ => Period::Month(y, r as u8 + 1),
        })
    }

    /// The period `n` steps after this one (before it when `n` is negative), or `None` past
    /// year 9999 or before year 1.
    ///
    /// # Example
    /// ```
    /// use convener::model::Period;
    /// let m: Period = "2024-11".parse().unwrap();
    /// assert_eq!(m.offset(3).unwrap().to_string(), "2025-02");
    /// ```
    pub fn offset(&self, n: i64) -> Option<Period> {
        Period::from_index(self.frequency(), self.index().checked_add(n)?)
    }

    /// The next period of the same kind (saturating at year 9999).
    pub fn next(&self) -> Period {
        self.offset(1).unwrap_or(*self)
    }

    /// The previous period of the same kind (saturating at year 1).
    pub fn prev(&self) -> Period {
        self.offset(-1).unwrap_or(*self)
    }

    /// Steps from `a` to `b` when both are of the same kind.
    pub fn steps_between(a: &Period, b: &Period) -> Option<i64> {
        (a.frequency() == b.frequency()).then(|| b.index() - a.index())
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Date {
        let (y, m) = match *self {
            Period::Year(y) => (y, 1),
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1),
            Period::Month(y, m) => (y, m),
        };
        Date { year: y, month: m, day: 1 }
    }

    /// The last day of the period: the day a period is compared with a date.
    pub fn last_day(&self) -> Date {
        let (y, m) = match *self {
            Period::Year(y) => (y, 12),
            Period::Quarter(y, q) => (y, q * 3),
            Period::Month(y, m) => (y, m),
        };
        Date { year: y, month: m, day: days_in_month(y, m) }
    }

    /// Compares the period with a date, as its last day.
    ///
    /// # Example
    /// ```
    /// use std::cmp::Ordering;
    /// use convener::model::{Date, Period};
    /// let q: Period = "2025-Q1".parse().unwrap();
    /// let d: Date = "2025-03-31".parse().unwrap();
    /// assert_eq!(q.cmp_date(&d), Ordering::Equal);
    /// ```
    pub fn cmp_date(&self, date: &Date) -> Ordering {
        self.last_day().cmp(date)
    }

    /// The period of `frequency` that contains `date` (`None` for a frequency that has no
    /// periods, such as `weekly`).
    pub fn containing(date: Date, frequency: Frequency) -> Option<Period> {
        match frequency {
            Frequency::Annual => Some(Period::Year(date.year)),
            Frequency::Quarterly => Some(Period::Quarter(date.year, (date.month - 1) / 3 + 1)),
            Frequency::Monthly => Some(Period::Month(date.year, date.month)),
            _ => None,
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.last_day(), self.first_day()).cmp(&(other.last_day(), other.first_day()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Period {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, ValueError> {
        let bad = || ValueError {
            code: IssueCode::PeriodInvalid,
            message: format!(
                "'{}' is not a period: write a year (2024), a quarter (2024-Q3) or a month (2024-07)",
                shorten(s)
            ),
        };
        let year = s.get(0..4).and_then(digits).filter(|y| *y >= 1).ok_or_else(bad)?;
        let rest = &s[4..];
        if rest.is_empty() {
            return Ok(Period::Year(year));
        }
        if let Some(q) = rest.strip_prefix("-Q") {
            return match q {
                "1" | "2" | "3" | "4" => Ok(Period::Quarter(year, q.as_bytes()[0] - b'0')),
                _ => Err(bad()),
            };
        }
        if let Some(m) = rest.strip_prefix('-') {
            if m.len() == 2 {
                if let Some(m) = digits(m).filter(|m| (1..=12).contains(m)) {
                    return Ok(Period::Month(year, m as u8));
                }
            }
        }
        Err(bad())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

macro_rules! string_serde {
    ($t:ty, $name:literal, $format:expr, $pattern:literal, $desc:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "format": $format,
                    "pattern": $pattern,
                    "description": $desc
                })
            }
        }
    };
}

string_serde!(Date, "Date", format::DATE, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "A calendar date, YYYY-MM-DD.");
string_serde!(
    Period,
    "Period",
    format::PERIOD,
    "^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$",
    "A reporting period: a year (2024), a quarter (2024-Q3) or a month (2024-07)."
);

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn parse_and_print() {
        for s in ["2024", "2024-Q1", "2024-Q4", "2024-01", "2024-12", "0001", "9999-12"] {
            assert_eq!(p(s).to_string(), s);
        }
        for bad in [
            "", "24", "2024-Q5", "2024-Q0", "2024-13", "2024-00", "2024-1", "2024Q1", "0000", "20245", "2024-q1",
            "+024",
        ] {
            assert_eq!(bad.parse::<Period>().unwrap_err().code, "period.invalid", "{bad}");
        }
    }

    #[test]
    fn order_and_step() {
        assert!(p("2024-Q4") < p("2025-Q1"));
        assert!(p("2024-12") < p("2025-01"));
        assert_eq!(p("2024-12").next(), p("2025-01"));
        assert_eq!(p("2025-Q1").prev(), p("2024-Q4"));
        assert_eq!(p("2024").next(), p("2025"));
        assert_eq!(Period::steps_between(&p("2023-11"), &p("2024-02")), Some(3));
        assert_eq!(Period::steps_between(&p("2023"), &p("2024-02")), None);
        // Mixed kinds: ordered by last day.
        assert!(p("2024-Q3") < p("2024-10"));
        // Same last day: the longer period (earlier first day) comes first.
        assert!(p("2024") < p("2024-Q4"));
        assert!(p("2024-Q4") < p("2024-12"));
        assert_eq!(p("9999-12").next(), p("9999-12"));
    }

    #[test]
    fn dates() {
        assert_eq!(p("2024-Q1").last_day().to_string(), "2024-03-31");
        assert_eq!(p("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(p("2023-02").last_day().to_string(), "2023-02-28");
        assert_eq!(p("2024").first_day().to_string(), "2024-01-01");
        let d: Date = "2024-06-30".parse().unwrap();
        assert_eq!(p("2024-Q2").cmp_date(&d), Ordering::Equal);
        assert_eq!(p("2024-06").cmp_date(&d), Ordering::Equal);
        assert_eq!(p("2024-05").cmp_date(&d), Ordering::Less);
        assert_eq!(Period::containing(d, Frequency::Quarterly), Some(p("2024-Q2")));
        for bad in ["2024-02-30", "1900-02-29", "2024-1-01", "2024/01/01", "0000-01-01", "2024-01-01T00:00"] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2000-02-29".parse::<Date>().is_ok());
    }
}
