//! Budgets, evaluated purely: the current period, spend so far, a run-rate forecast, the warning
//! thresholds crossed, and a level. No I/O: the caller brings daily spend and today's date.
//!
//! Forecast = spend before today + max(today so far, run rate) + run rate x days left after today,
//! where the run rate is the mean daily spend of the 7 complete days before today.

use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::domain::{DateRange, Money, ProviderKind};

/// Days the run rate is averaged over.
pub(crate) const RUN_RATE_DAYS: u64 = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BudgetPeriod {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    /// The last 7 UTC days, today included: a window that moves every day.
    #[serde(rename = "rolling-7d")]
    Rolling7,
    /// The last 30 UTC days, today included.
    #[serde(rename = "rolling-30d")]
    Rolling30,
}

impl BudgetPeriod {
    pub fn name(self) -> &'static str {
        match self {
            BudgetPeriod::Day => "day",
            BudgetPeriod::Week => "week",
            BudgetPeriod::Month => "month",
            BudgetPeriod::Quarter => "quarter",
            BudgetPeriod::Year => "year",
            BudgetPeriod::Rolling7 => "rolling-7d",
            BudgetPeriod::Rolling30 => "rolling-30d",
        }
    }

    /// The days of a rolling window; `None` for a calendar period.
    pub fn rolling_days(self) -> Option<u64> {
        match self {
            BudgetPeriod::Rolling7 => Some(7),
            BudgetPeriod::Rolling30 => Some(30),
            _ => None,
        }
    }
}

/// The start of the period an alert is sent once in: the budget's period, or for a rolling
/// window (which starts anew every day) fixed blocks of its length counted from 1970-01-01, so
/// a window over its amount alerts once per block, not every day.
pub(crate) fn alert_period_start(period: BudgetPeriod, status_since: NaiveDate) -> NaiveDate {
    let Some(n) = period.rolling_days() else { return status_since };
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(status_since);
    let today = status_since + Days::new(n - 1);
    let days = u64::try_from((today - epoch).num_days()).unwrap_or(0);
    epoch + Days::new(days / n * n)
}

impl FromStr for BudgetPeriod {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" => Ok(BudgetPeriod::Day),
            "week" | "weekly" => Ok(BudgetPeriod::Week),
            "month" | "monthly" => Ok(BudgetPeriod::Month),
            "quarter" | "quarterly" => Ok(BudgetPeriod::Quarter),
            "year" | "yearly" | "annual" => Ok(BudgetPeriod::Year),
            "rolling-7d" => Ok(BudgetPeriod::Rolling7),
            "rolling-30d" => Ok(BudgetPeriod::Rolling30),
            other => Err(format!(
                "'{other}' is not a period: use day, week, month, quarter, year, rolling-7d or rolling-30d"
            )),
        }
    }
}

/// What a budget covers; `None` means every one.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BudgetScope {
    pub provider: Option<ProviderKind>,
    pub workspace: Option<String>,
    pub project: Option<String>,
    pub model: Option<String>,
    /// A `[[teams]]` name: the team's allocated spend (its direct claims and shared parts).
    pub team: Option<String>,
    /// An API key (its id or name): its allocated spend (`--by key`).
    #[serde(default)]
    pub key: Option<String>,
    /// A person (a key owner's email), or `*`: every person, each against the amount.
    #[serde(default)]
    pub person: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Budget {
    pub name: String,
    pub amount: Money,
    pub period: BudgetPeriod,
    /// The day a billing cycle starts (1-28; 1 = calendar periods). Months, quarters and years
    /// start on this day of their first month.
    pub start_day: u32,
    pub scope: BudgetScope,
    /// Percent thresholds that raise a warning, ascending.
    pub warn_at: Vec<u32>,
    /// The currency of `amount`; spend is converted into it (ECB rates).
    pub currency: crate::domain::Currency,
    /// Brake the budget's scope once it is exceeded (`budgets check --enforce`).
    #[serde(default)]
    pub brake: bool,
    /// `enforce = "provider"`: the provider holds the amount as its own spend limit (`limits`).
    #[serde(default)]
    pub enforce_by_provider: bool,
    /// Counts estimates of days whose bill has not arrived (`include_estimate = true`), so a
    /// runaway trips the budget the same day; the verdict says how much was estimated.
    #[serde(default)]
    pub include_estimate: bool,
}

/// A prepaid balance that must not run below an amount: a `[[budgets]]` entry with
/// `min_balance` (OpenRouter credits, a prepaid xAI team). It alerts before the credits run out.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BalanceFloor {
    pub name: String,
    /// The prepaid provider; `None`: every prepaid account.
    pub provider: Option<ProviderKind>,
    pub workspace: Option<String>,
    /// The balance it must stay above, in `currency`.
    pub min: Money,
    pub currency: crate::domain::Currency,
}

/// A budget, how it stands, and the accounts it covers: what every front end shows of it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct BudgetRow {
    pub budget: Budget,
    pub status: Status,
    pub accounts: Vec<crate::domain::Account>,
    /// Accounts in scope with no data for the period (never fetched: no key, never synced).
    pub missing: Vec<crate::domain::Account>,
    /// The budget's project, resolved to ids.
    pub projects: Vec<String>,
    /// The brake `budgets check --enforce` applied for it in this run (its journal number).
    #[serde(default)]
    pub braked: Option<i64>,
    /// With `include_estimate`: how much of the spend is estimated (days whose bill has not
    /// arrived), so the verdict says what it rests on.
    #[serde(default)]
    pub estimated: Option<crate::domain::Money>,
}

impl BudgetRow {
    /// Spend so far over the budget's amount (1 = all of it; 0 for a budget of nothing), to six
    /// decimal places: what the exporters publish.
    pub(crate) fn spent_ratio(&self) -> rust_decimal::Decimal {
        let (spent, amount) = (self.status.spent.decimal(), self.budget.amount.decimal());
        let ratio = if amount.is_zero() { rust_decimal::Decimal::ZERO } else { spent / amount };
        ratio.round_dp(6).normalize()
    }
}

pub(crate) const DEFAULT_WARN_AT: [u32; 3] = [50, 80, 100];

/// How a budget stands, from best to worst. `NoData` and `Partial` are verdicts on the data, not
/// the spend: an account in the budget's scope was never fetched for the period (no key, a
/// missing secret, never synced), so "ok" cannot be said; spend over the amount is `Exceeded`
/// whatever is missing (the missing part only adds to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Ok,
    /// Some accounts in scope have no data for the period.
    Partial,
    /// No account in scope has data for the period.
    NoData,
    Warning,
    ForecastExceeded,
    Exceeded,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Partial => "partial",
            Level::NoData => "no-data",
            Level::Warning => "warning",
            Level::ForecastExceeded => "forecast-exceeded",
            Level::Exceeded => "exceeded",
        }
    }

    /// A verdict on missing data rather than on spend.
    pub fn is_unknown(self) -> bool {
        matches!(self, Level::Partial | Level::NoData)
    }

    /// The verdict once `missing` of the `counted` accounts in scope have no data: spend over
    /// the amount stays exceeded; anything else becomes partial or no data.
    pub(crate) fn with_missing(self, missing: usize, counted: usize) -> Level {
        match self {
            Level::Exceeded => Level::Exceeded,
            _ if counted == 0 || missing >= counted => Level::NoData,
            _ if missing > 0 => Level::Partial,
            level => level,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Status {
    /// The whole current period (it may end after today).
    pub period: DateRange,
    pub spent: Money,
    /// Spent as a percent of the amount.
    #[serde(with = "crate::domain::wire::decimal")]
    pub percent: Decimal,
    /// Projected spend at the period's end (equal to `spent` when the period ends today).
    pub forecast: Money,
    pub run_rate: Money,
    /// The highest warning threshold reached.
    pub threshold: Option<u32>,
    pub level: Level,
}

/// The period containing `today`.
pub(crate) fn current_period(period: BudgetPeriod, start_day: u32, today: NaiveDate) -> DateRange {
    use crate::domain::calendar;
    match period {
        BudgetPeriod::Day => DateRange::single(today),
        BudgetPeriod::Week => calendar::week_of(today),
        BudgetPeriod::Month => calendar::cycle_of(1, start_day, today),
        BudgetPeriod::Quarter => calendar::cycle_of(3, start_day, today),
        BudgetPeriod::Year => calendar::cycle_of(12, start_day, today),
        BudgetPeriod::Rolling7 | BudgetPeriod::Rolling30 => {
            let n = period.rolling_days().unwrap_or(1);
            DateRange::new(today.checked_sub_days(Days::new(n - 1)).unwrap_or(today), today)
        }
    }
}

/// The days `evaluate` needs spend for: the period so far and the run-rate window.
pub(crate) fn needed_days(budget: &Budget, today: NaiveDate) -> DateRange {
    let period = current_period(budget.period, budget.start_day, today);
    forecast_series(period.since, today, today)
}

/// The days a forecast of a period starting `since` reads on `today`: the period shown (to
/// `until`) and the run-rate window, which reaches back across the period's start. Every front
/// end passes `forecast` spend over these days, so the report, the dashboard and budgets agree.
pub(crate) fn forecast_series(since: NaiveDate, until: NaiveDate, today: NaiveDate) -> DateRange {
    DateRange::new(since.min(today - Days::new(RUN_RATE_DAYS)), until)
}

/// A projection of a period's spend, and the daily run rate it assumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Forecast {
    pub total: Money,
    pub run_rate: Money,
}

/// Spend before today + max(today so far, run rate) + run rate for each day left after today.
pub(crate) fn forecast(daily: &[(NaiveDate, Money)], period: DateRange, today: NaiveDate) -> Forecast {
    let sum = |from: NaiveDate, to: NaiveDate| -> Money {
        daily.iter().filter(|(d, _)| *d >= from && *d <= to).map(|(_, m)| *m).sum()
    };
    let before_today = sum(period.since, today - Days::new(1));
    let today_spent = sum(today, today);
    let rate_window = sum(today - Days::new(RUN_RATE_DAYS), today - Days::new(1));
    let run_rate = Money::from_decimal(rate_window.decimal() / Decimal::from(RUN_RATE_DAYS));
    let days_after_today = (period.until - today).num_days().max(0);
    let total = before_today
        + today_spent.max(run_rate)
        + Money::from_decimal(run_rate.decimal() * Decimal::from(days_after_today));
    Forecast { total, run_rate }
}

/// Evaluates a budget's period containing `as_of`, seen on `today`: the current period when
/// `as_of` is today; a period that ended before today is closed, so its forecast is what it
/// spent (a view of November on 6 December shows November's budget, not December's).
pub(crate) fn evaluate_as_of(
    budget: &Budget,
    daily: &[(NaiveDate, Money)],
    as_of: NaiveDate,
    today: NaiveDate,
) -> Status {
    let mut status = evaluate(budget, daily, as_of.min(today));
    if as_of < today && status.period.until <= as_of {
        status.forecast = status.spent;
        if status.level == Level::ForecastExceeded {
            status.level = if status.threshold.is_some() { Level::Warning } else { Level::Ok };
        }
    }
    status
}

/// Evaluates a budget on `today` from daily spend in its scope (days without spend may be absent).
pub(crate) fn evaluate(budget: &Budget, daily: &[(NaiveDate, Money)], today: NaiveDate) -> Status {
    let period = current_period(budget.period, budget.start_day, today);
    let sum = |from: NaiveDate, to: NaiveDate| -> Money {
        daily.iter().filter(|(d, _)| *d >= from && *d <= to).map(|(_, m)| *m).sum()
    };
    let spent = sum(period.since, today);
    let Forecast { total: forecast, run_rate } = forecast(daily, period, today);
    let percent = if budget.amount.is_zero() {
        Decimal::ZERO
    } else {
        spent.decimal() / budget.amount.decimal() * Decimal::ONE_HUNDRED
    };
    let threshold = budget.warn_at.iter().copied().filter(|t| percent >= Decimal::from(*t)).max();
    let level = if spent > budget.amount {
        Level::Exceeded
    } else if forecast > budget.amount {
        Level::ForecastExceeded
    } else if threshold.is_some() {
        Level::Warning
    } else {
        Level::Ok
    };
    Status { period, spent, percent, forecast, run_rate, threshold, level }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    fn period(p: BudgetPeriod, start_day: u32, today: &str) -> (String, String) {
        let r = current_period(p, start_day, d(today));
        (r.since.to_string(), r.until.to_string())
    }

    fn budget(amount: &str, p: BudgetPeriod) -> Budget {
        Budget {
            currency: crate::domain::Currency::USD,
            name: "b".into(),
            amount: m(amount),
            period: p,
            start_day: 1,
            scope: BudgetScope::default(),
            warn_at: DEFAULT_WARN_AT.to_vec(),
            brake: false,
            enforce_by_provider: false,
            include_estimate: false,
        }
    }

    #[test]
    fn calendar_periods() {
        assert_eq!(period(BudgetPeriod::Day, 1, "2026-11-22"), ("2026-11-22".into(), "2026-11-22".into()));
        assert_eq!(period(BudgetPeriod::Week, 1, "2026-11-22"), ("2026-11-16".into(), "2026-11-22".into()));
        assert_eq!(period(BudgetPeriod::Month, 1, "2026-11-22"), ("2026-11-01".into(), "2026-11-30".into()));
        assert_eq!(period(BudgetPeriod::Quarter, 1, "2026-11-22"), ("2026-10-01".into(), "2026-12-31".into()));
        assert_eq!(period(BudgetPeriod::Quarter, 1, "2026-01-01"), ("2026-01-01".into(), "2026-03-31".into()));
        assert_eq!(period(BudgetPeriod::Year, 1, "2026-11-22"), ("2026-01-01".into(), "2026-12-31".into()));
    }

    #[test]
    fn month_ends_and_leap_years() {
        assert_eq!(period(BudgetPeriod::Month, 1, "2024-02-29"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(period(BudgetPeriod::Month, 1, "2025-02-28"), ("2025-02-01".into(), "2025-02-28".into()));
        assert_eq!(period(BudgetPeriod::Month, 1, "2026-12-31"), ("2026-12-01".into(), "2026-12-31".into()));
    }

    #[test]
    fn billing_cycles_starting_mid_month() {
        // A cycle from the 15th: on the 22nd it began this month, on the 10th last month.
        assert_eq!(period(BudgetPeriod::Month, 15, "2026-11-22"), ("2026-11-15".into(), "2026-12-14".into()));
        assert_eq!(period(BudgetPeriod::Month, 15, "2026-11-10"), ("2026-10-15".into(), "2026-11-14".into()));
        assert_eq!(period(BudgetPeriod::Month, 15, "2026-01-03"), ("2025-12-15".into(), "2026-01-14".into()));
        // Day 28 on a leap February.
        assert_eq!(period(BudgetPeriod::Month, 28, "2024-02-28"), ("2024-02-28".into(), "2024-03-27".into()));
        assert_eq!(period(BudgetPeriod::Quarter, 10, "2026-01-05"), ("2025-10-10".into(), "2026-01-09".into()));
        assert_eq!(period(BudgetPeriod::Year, 15, "2026-01-10"), ("2025-01-15".into(), "2026-01-14".into()));
    }

    #[test]
    fn forecast_uses_the_recent_run_rate() {
        // $10 every day of November; today (the 22nd) $4 so far.
        let mut daily: Vec<(NaiveDate, Money)> =
            d("2026-10-20").iter_days().take(33).map(|day| (day, m("10"))).collect();
        daily.push((d("2026-11-22"), m("4")));
        let s = evaluate(&budget("500", BudgetPeriod::Month), &daily, d("2026-11-22"));
        assert_eq!(s.spent, m("214"));
        assert_eq!(s.run_rate, m("10"));
        // 210 before today + max(4, 10) + 8 days x 10
        assert_eq!(s.forecast, m("300"));
        assert_eq!(s.threshold, None);
        assert_eq!(s.level, Level::Ok);
    }

    #[test]
    fn thresholds_and_levels() {
        let daily: Vec<(NaiveDate, Money)> = d("2026-11-01").iter_days().take(21).map(|day| (day, m("10"))).collect();
        let today = d("2026-11-22");
        let at = |amount: &str| evaluate(&budget(amount, BudgetPeriod::Month), &daily, today);
        assert_eq!(at("1000").level, Level::Ok);
        let s = at("400");
        assert_eq!((s.threshold, s.level), (Some(50), Level::Warning));
        assert_eq!(at("300").level, Level::Warning, "a forecast equal to the budget is not over it");
        assert_eq!(at("290").level, Level::ForecastExceeded);
        let s = at("210");
        assert_eq!((s.threshold, s.level), (Some(100), Level::ForecastExceeded));
        let s = at("200");
        assert_eq!((s.percent, s.level), (Decimal::from(105), Level::Exceeded));
    }

    #[test]
    fn a_day_budget_forecasts_today_only() {
        let daily = vec![(d("2026-11-21"), m("70")), (d("2026-11-22"), m("2"))];
        let s = evaluate(&budget("15", BudgetPeriod::Day), &daily, d("2026-11-22"));
        // Run rate 70/7 = 10; today so far 2: forecast 10.
        assert_eq!((s.spent, s.forecast, s.level), (m("2"), m("10"), Level::Ok));
    }

    #[test]
    fn periods_parse_by_name() {
        assert_eq!("Monthly".parse(), Ok(BudgetPeriod::Month));
        assert_eq!("rolling-7d".parse(), Ok(BudgetPeriod::Rolling7));
        assert_eq!(period(BudgetPeriod::Rolling7, 1, "2026-11-22"), ("2026-11-16".into(), "2026-11-22".into()));
        assert_eq!(period(BudgetPeriod::Rolling30, 1, "2026-11-22"), ("2026-10-24".into(), "2026-11-22".into()));
        // A rolling window alerts once per block of its length, whichever day it is checked.
        let block = |today: &str| alert_period_start(BudgetPeriod::Rolling7, d(today) - Days::new(6));
        assert_eq!(block("2026-11-19"), block("2026-11-25"));
        assert_ne!(block("2026-11-19"), block("2026-11-26"));
        assert_eq!(alert_period_start(BudgetPeriod::Month, d("2026-11-01")), d("2026-11-01"));
        assert!("fortnight".parse::<BudgetPeriod>().unwrap_err().contains("'fortnight' is not a period"));
    }
}
