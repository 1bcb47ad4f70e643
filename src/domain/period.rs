//! Periods of whole UTC days: what `--month`, `--last 7` or `--since` mean on a given day.

use chrono::{Datelike, Days, NaiveDate};

use super::calendar;

/// An inclusive range of UTC days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateRange {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl DateRange {
    pub fn new(since: NaiveDate, until: NaiveDate) -> Self {
        debug_assert!(since <= until);
        DateRange { since, until }
    }

    /// Every day the cache can hold. The ends have four-digit years because the cache compares
    /// days as `YYYY-MM-DD` text (`NaiveDate::MIN` prints as `-262143-01-01`, which sorts wrong).
    pub fn all_time() -> Self {
        // Checked when compiling: both days exist.
        const FIRST: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
            Some(day) => day,
            None => panic!("year 1 exists"),
        };
        const LAST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
            Some(day) => day,
            None => panic!("year 9999 exists"),
        };
        DateRange::new(FIRST, LAST)
    }

    pub fn single(day: NaiveDate) -> Self {
        DateRange::new(day, day)
    }

    pub fn len_days(&self) -> u64 {
        (self.until - self.since).num_days().unsigned_abs() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.since <= day && day <= self.until
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let until = self.until;
        self.since.iter_days().take_while(move |d| *d <= until)
    }
}

/// The period a user asked for, before it is resolved against today's date.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum PeriodSpec {
    /// This month to date.
    #[default]
    ThisMonth,
    Today,
    Yesterday,
    /// ISO week (Monday first) to date.
    ThisWeek,
    /// The whole previous ISO week, Monday to Sunday.
    LastWeek,
    /// The whole previous calendar month.
    LastMonth,
    /// This calendar quarter to date.
    ThisQuarter,
    /// The whole previous calendar quarter.
    LastQuarter,
    Month {
        year: i32,
        month: u32,
    },
    ThisYear,
    Year(i32),
    /// The last N days, today included.
    Last(u32),
    Range {
        since: NaiveDate,
        until: Option<NaiveDate>,
    },
}

/// A period that cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period starts on {since}, after today ({today} UTC)")]
    InFuture { since: NaiveDate, today: NaiveDate },
    #[error("--since {since} is after --until {until}")]
    Reversed { since: NaiveDate, until: NaiveDate },
    #[error("--last needs at least 1 day")]
    ZeroDays,
    #[error(
        "the period starts on {0}, before 2000: no LLM bill is that old (a date needs a four-digit year, e.g. 2026-11-01)"
    )]
    TooEarly(NaiveDate),
    #[error("'{0}' is not a valid month: use YYYY-MM, e.g. 2026-03")]
    BadMonth(String),
    #[error("'{0}' is not a valid year: use YYYY, e.g. 2026")]
    BadYear(String),
    #[error("'{0}' is not a valid date: use YYYY-MM-DD, e.g. 2026-03-31")]
    BadDate(String),
}

impl PeriodSpec {
    /// Resolves the period on `today` (UTC). A period reaching past today stops at today.
    pub fn resolve(&self, today: NaiveDate) -> Result<DateRange, PeriodError> {
        let (since, until) = match *self {
            PeriodSpec::ThisMonth => (first_of_month(today), today),
            PeriodSpec::Today => (today, today),
            PeriodSpec::Yesterday => {
                let y = today - Days::new(1);
                (y, y)
            }
            PeriodSpec::ThisWeek => (calendar::week_of(today).since, today),
            PeriodSpec::LastWeek => {
                let last = calendar::week_of(today - Days::new(7));
                (last.since, last.until)
            }
            PeriodSpec::LastMonth => {
                let end = first_of_month(today) - Days::new(1);
                (first_of_month(end), end)
            }
            PeriodSpec::ThisQuarter => (quarter_start(today), today),
            PeriodSpec::LastQuarter => {
                let end = quarter_start(today) - Days::new(1);
                (quarter_start(end), end)
            }
            PeriodSpec::Month { year, month } => {
                let first = NaiveDate::from_ymd_opt(year, month, 1)
                    .ok_or_else(|| PeriodError::BadMonth(format!("{year}-{month:02}")))?;
                (first, last_of_month(first))
            }
            PeriodSpec::ThisYear => {
                (year_start(today.year()).ok_or_else(|| PeriodError::BadYear(today.year().to_string()))?, today)
            }
            PeriodSpec::Year(year) => {
                let start = year_start(year).ok_or_else(|| PeriodError::BadYear(year.to_string()))?;
                let end =
                    NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| PeriodError::BadYear(year.to_string()))?;
                (start, end)
            }
            PeriodSpec::Last(n) => {
                if n == 0 {
                    return Err(PeriodError::ZeroDays);
                }
                (today - Days::new(u64::from(n) - 1), today)
            }
            PeriodSpec::Range { since, until } => {
                let until = until.unwrap_or(today);
                if since > until {
                    return Err(PeriodError::Reversed { since, until });
                }
                (since, until)
            }
        };
        if since > today {
            return Err(PeriodError::InFuture { since, today });
        }
        if since.year() < EARLIEST_YEAR {
            return Err(PeriodError::TooEarly(since));
        }
        Ok(DateRange::new(since, until.min(today)))
    }
}

/// Periods start in this year or later: `--since 26-11-01` is a typo for 2026, not the year 26
/// (a sync of it would record 730,000 days).
pub(crate) const EARLIEST_YEAR: i32 = 2000;

/// Parses `YYYY-MM`.
pub(crate) fn parse_month(text: &str) -> Result<PeriodSpec, PeriodError> {
    let bad = || PeriodError::BadMonth(text.to_string());
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u32 = m.parse().map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
    Ok(PeriodSpec::Month { year, month })
}

/// Parses `YYYY`.
pub(crate) fn parse_year(text: &str) -> Result<i32, PeriodError> {
    let bad = || PeriodError::BadYear(text.to_string());
    let t = text.trim();
    if t.len() != 4 {
        return Err(bad());
    }
    let year: i32 = t.parse().map_err(|_| bad())?;
    year_start(year).ok_or_else(bad)?;
    Ok(year)
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, PeriodError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| PeriodError::BadDate(text.to_string()))
}

pub(crate) use super::calendar::{first_of_month, last_of_month, quarter_start};

fn year_start(year: i32) -> Option<NaiveDate> {
    if (1970..=9999).contains(&year) { NaiveDate::from_ymd_opt(year, 1, 1) } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_weeks_months_and_quarters_are_whole() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let r = |spec: PeriodSpec, today: &str| {
            let r = spec.resolve(d(today)).unwrap();
            (r.since.to_string(), r.until.to_string())
        };
        assert_eq!(r(PeriodSpec::LastWeek, "2026-11-22"), ("2026-11-09".into(), "2026-11-15".into()));
        assert_eq!(r(PeriodSpec::LastWeek, "2026-11-23"), ("2026-11-16".into(), "2026-11-22".into()));
        assert_eq!(r(PeriodSpec::LastMonth, "2026-03-31"), ("2026-02-01".into(), "2026-02-28".into()));
        assert_eq!(r(PeriodSpec::LastMonth, "2026-01-05"), ("2025-12-01".into(), "2025-12-31".into()));
        assert_eq!(r(PeriodSpec::ThisQuarter, "2026-11-22"), ("2026-10-01".into(), "2026-11-22".into()));
        assert_eq!(r(PeriodSpec::LastQuarter, "2026-01-10"), ("2025-10-01".into(), "2025-12-31".into()));
        assert_eq!(r(PeriodSpec::LastQuarter, "2026-04-01"), ("2026-01-01".into(), "2026-03-31".into()));
    }

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn r(spec: PeriodSpec, today: &str) -> (String, String) {
        let range = spec.resolve(d(today)).unwrap();
        (range.since.to_string(), range.until.to_string())
    }

    #[test]
    fn this_month_is_month_to_date() {
        assert_eq!(r(PeriodSpec::ThisMonth, "2026-11-22"), ("2026-11-01".into(), "2026-11-22".into()));
        assert_eq!(r(PeriodSpec::ThisMonth, "2026-11-01"), ("2026-11-01".into(), "2026-11-01".into()));
    }

    #[test]
    fn past_month_is_whole_and_handles_leap_years() {
        assert_eq!(r(parse_month("2024-02").unwrap(), "2026-11-22"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(r(parse_month("2025-02").unwrap(), "2026-11-22"), ("2025-02-01".into(), "2025-02-28".into()));
        assert_eq!(r(parse_month("2025-12").unwrap(), "2026-11-22"), ("2025-12-01".into(), "2025-12-31".into()));
    }

    #[test]
    fn week_starts_on_monday() {
        // 2026-11-22 is a Sunday.
        assert_eq!(r(PeriodSpec::ThisWeek, "2026-11-22"), ("2026-11-16".into(), "2026-11-22".into()));
        assert_eq!(r(PeriodSpec::ThisWeek, "2026-11-16"), ("2026-11-16".into(), "2026-11-16".into()));
    }

    #[test]
    fn last_n_days_includes_today() {
        assert_eq!(r(PeriodSpec::Last(1), "2026-11-22"), ("2026-11-22".into(), "2026-11-22".into()));
        assert_eq!(r(PeriodSpec::Last(7), "2026-03-02"), ("2026-02-24".into(), "2026-03-02".into()));
        assert_eq!(PeriodSpec::Last(0).resolve(d("2026-11-22")), Err(PeriodError::ZeroDays));
    }

    #[test]
    fn yesterday_crosses_year_boundary() {
        assert_eq!(r(PeriodSpec::Yesterday, "2026-01-01"), ("2025-12-31".into(), "2025-12-31".into()));
    }

    #[test]
    fn periods_reaching_past_today_stop_at_today() {
        assert_eq!(r(PeriodSpec::Year(2026), "2026-11-22"), ("2026-01-01".into(), "2026-11-22".into()));
        let spec = PeriodSpec::Range { since: d("2026-11-01"), until: Some(d("2026-11-30")) };
        assert_eq!(r(spec, "2026-11-22"), ("2026-11-01".into(), "2026-11-22".into()));
    }

    #[test]
    fn future_and_reversed_periods_are_errors() {
        let today = d("2026-11-22");
        assert!(matches!(parse_month("2026-12").unwrap().resolve(today), Err(PeriodError::InFuture { .. })));
        let reversed = PeriodSpec::Range { since: d("2026-11-10"), until: Some(d("2026-11-01")) };
        assert!(matches!(reversed.resolve(today), Err(PeriodError::Reversed { .. })));
        let typo = PeriodSpec::Range { since: d("0026-11-01"), until: None };
        assert_eq!(typo.resolve(today), Err(PeriodError::TooEarly(d("0026-11-01"))), "--since 26-11-01");
        assert!(PeriodSpec::Last(36_600).resolve(today).is_err(), "--last is bounded by 2000 too");
        assert!(PeriodSpec::Year(2000).resolve(today).is_ok());
    }

    #[test]
    fn bad_text_is_rejected_with_the_value() {
        assert_eq!(parse_month("2026-13"), Err(PeriodError::BadMonth("2026-13".into())));
        assert_eq!(parse_month("11-2026"), Err(PeriodError::BadMonth("11-2026".into())));
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("yesterday").is_err());
        assert!(parse_year("26").is_err());
        assert_eq!(parse_year("2025"), Ok(2025));
    }

    #[test]
    fn all_time_ends_sort_as_text_around_every_day() {
        let r = DateRange::all_time();
        let (since, until) = (r.since.format("%Y-%m-%d").to_string(), r.until.format("%Y-%m-%d").to_string());
        assert_eq!((since.as_str(), until.as_str()), ("0001-01-01", "9999-12-31"));
        assert!(since.as_str() < "2026-11-22" && "2026-11-22" < until.as_str());
    }

    #[test]
    fn range_iterates_every_day() {
        let range = DateRange::new(d("2024-02-27"), d("2024-03-01"));
        assert_eq!(range.len_days(), 4);
        assert_eq!(range.days().count(), 4);
        assert!(range.contains(d("2024-02-29")));
    }

    mod properties {
        use chrono::{Datelike, Days};
        use proptest::prelude::*;

        use super::*;

        fn day() -> impl Strategy<Value = NaiveDate> {
            // From 2026: 300 months or 2,000 days back stay after 2000 (EARLIEST_YEAR).
            (0u64..40_000).prop_map(|n| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(n))
        }

        proptest! {
            #[test]
            fn last_n_days_has_n_days_ending_today(today in day(), n in 1u32..2_000) {
                let r = PeriodSpec::Last(n).resolve(today).unwrap();
                prop_assert_eq!(r.until, today);
                prop_assert_eq!(r.len_days(), u64::from(n));
            }

            #[test]
            fn a_past_month_is_whole(today in day(), back in 1u32..300) {
                let first = first_of_month(today) - chrono::Months::new(back);
                let r = PeriodSpec::Month { year: first.year(), month: first.month() }.resolve(today).unwrap();
                prop_assert_eq!(r.since.day(), 1);
                prop_assert_eq!((r.until + Days::new(1)).day(), 1);
                prop_assert!(r.len_days() >= 28 && r.len_days() <= 31);
            }

            #[test]
            fn resolved_periods_never_pass_today(today in day(), since in day(), len in 0u64..500) {
                let spec = PeriodSpec::Range { since, until: Some(since + Days::new(len)) };
                match spec.resolve(today) {
                    Ok(r) => prop_assert!(r.since <= r.until && r.until <= today && r.since == since),
                    Err(PeriodError::InFuture { .. }) => prop_assert!(since > today),
                    Err(e) => prop_assert!(false, "unexpected {e}"),
                }
            }

            #[test]
            fn the_week_starts_on_a_monday(today in day()) {
                let r = PeriodSpec::ThisWeek.resolve(today).unwrap();
                prop_assert_eq!(r.since.weekday(), chrono::Weekday::Mon);
                prop_assert!(r.len_days() <= 7);
            }
        }
    }
}
