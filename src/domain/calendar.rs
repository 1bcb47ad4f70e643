//! Every calendar rule in one place, UTC days throughout: ISO weeks (Monday first), months,
//! quarters, years, billing cycles that start on a given day of the month, and the period a
//! range is compared with. Period flags (`period`), budgets, the report and the dashboard all
//! ask here.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::DateRange;

/// The first day of `day`'s month.
pub(crate) fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The last day of `day`'s month.
pub(crate) fn last_of_month(day: NaiveDate) -> NaiveDate {
    first_of_month(day).checked_add_months(Months::new(1)).and_then(|d| d.checked_sub_days(Days::new(1))).unwrap_or(day)
}

/// The first day of `day`'s calendar quarter.
pub(crate) fn quarter_start(day: NaiveDate) -> NaiveDate {
    let month = (day.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The ISO week (Monday to Sunday) containing `day`.
pub(crate) fn week_of(day: NaiveDate) -> DateRange {
    let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    DateRange::new(monday, monday + Days::new(6))
}

/// The calendar month containing `day`.
/// The calendar months `range` touches, each cut to the range's ends.
pub(crate) fn months_in(range: DateRange) -> Vec<DateRange> {
    let mut out = Vec::new();
    let mut day = range.since;
    while day <= range.until {
        let month = month_of(day);
        out.push(DateRange::new(month.since.max(range.since), month.until.min(range.until)));
        let Some(next) = month.until.succ_opt() else { break };
        day = next;
    }
    out
}

pub(crate) fn month_of(day: NaiveDate) -> DateRange {
    DateRange::new(first_of_month(day), last_of_month(day))
}

/// The calendar quarter containing `day`.
pub(crate) fn quarter_of(day: NaiveDate) -> DateRange {
    let start = quarter_start(day);
    DateRange::new(start, last_of_month(start + Months::new(2)))
}

/// The calendar year containing `day`.
pub(crate) fn year_of(day: NaiveDate) -> DateRange {
    let start = NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day);
    let end = NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(day);
    DateRange::new(start, end)
}

/// Day `day` of `year`-`month`, or the month's last day when it is shorter (a cycle starting
/// on the 31st starts on 30 April).
pub(crate) fn clamp_day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    NaiveDate::from_ymd_opt(year, month, day.clamp(1, last_of_month(first).day()))
}

/// The billing cycle of `months` months (1, 3, 12: aligned on January) starting on day
/// `start_day` of its first month, that contains `day`.
pub(crate) fn cycle_of(months: u32, start_day: u32, day: NaiveDate) -> DateRange {
    let months = months.clamp(1, 12);
    let start_of = |d: NaiveDate| clamp_day(d.year(), d.month(), start_day).unwrap_or(d);
    // The aligned month on or before `day`, stepping back a cycle when its start is later.
    let aligned = |d: NaiveDate| {
        let back = d.month0() % months;
        first_of_month(d) - Months::new(back)
    };
    let mut first = aligned(day);
    if start_of(first) > day {
        first = aligned(first - Months::new(months));
    }
    let start = start_of(first);
    let next = start_of(first + Months::new(months));
    DateRange::new(start, next - Days::new(1))
}

/// The period `range` is compared with: for whole calendar months (a month, a quarter, a year)
/// the same number of whole months just before; otherwise the same number of days just before.
pub(crate) fn previous(range: DateRange) -> DateRange {
    let whole_months = range.since.day() == 1 && range.until == last_of_month(range.until);
    if whole_months {
        // Whole months, since <= until: at least 1.
        let months = (range.until.year() - range.since.year()) * 12 + range.until.month0().cast_signed()
            - range.since.month0().cast_signed()
            + 1;
        if let Some(start) = range.since.checked_sub_months(Months::new(months.max(1).unsigned_abs())) {
            return DateRange::new(start, range.since - Days::new(1));
        }
    }
    let n = range.len_days();
    DateRange::new(range.since - Days::new(n), range.since - Days::new(1))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn cycles_start_on_their_day_clamped_to_short_months() {
        assert_eq!(cycle_of(1, 15, d("2026-11-22")), DateRange::new(d("2026-11-15"), d("2026-12-14")));
        assert_eq!(cycle_of(1, 15, d("2026-11-10")), DateRange::new(d("2026-10-15"), d("2026-11-14")));
        assert_eq!(cycle_of(1, 31, d("2026-04-30")), DateRange::new(d("2026-04-30"), d("2026-05-30")));
        assert_eq!(cycle_of(3, 1, d("2026-11-22")), DateRange::new(d("2026-10-01"), d("2026-12-31")));
        assert_eq!(cycle_of(12, 10, d("2026-01-05")), DateRange::new(d("2025-01-10"), d("2026-01-09")));
        assert_eq!(quarter_of(d("2026-02-10")), DateRange::new(d("2026-01-01"), d("2026-03-31")));
    }

    fn day() -> impl Strategy<Value = NaiveDate> {
        (0u64..40_000).prop_map(|n| d("2000-01-01") + Days::new(n))
    }

    proptest! {
        #[test]
        fn every_period_holds_its_day(day in day()) {
            for r in [week_of(day), month_of(day), quarter_of(day), year_of(day)] {
                prop_assert!(r.contains(day));
            }
            prop_assert_eq!(week_of(day).len_days(), 7);
            prop_assert_eq!(week_of(day).since.weekday(), chrono::Weekday::Mon);
            prop_assert_eq!(month_of(day).until + Days::new(1), first_of_month(month_of(day).until + Days::new(1)));
        }

        #[test]
        fn cycles_hold_their_day_and_follow_each_other(day in day(), months in prop::sample::select(vec![1u32, 3, 12]), start in 1u32..=31) {
            let c = cycle_of(months, start, day);
            prop_assert!(c.contains(day), "{c:?} {day}");
            let next = cycle_of(months, start, c.until + Days::new(1));
            prop_assert_eq!(next.since, c.until + Days::new(1), "cycles are contiguous");
        }

        #[test]
        fn the_previous_period_ends_the_day_before(day in day(), len in 1u64..400) {
            let r = DateRange::new(day, day + Days::new(len - 1));
            let p = previous(r);
            prop_assert_eq!(p.until + Days::new(1), r.since);
            prop_assert_eq!(previous(month_of(day)), month_of(first_of_month(day) - Days::new(1)));
        }
    }
}
