//! Spend spikes: days far above their recent norm, found with a robust rule.
//!
//! A complete day is anomalous when its spend is above `median + K x 1.4826 x MAD` of the
//! `WINDOW` days before it (missing days count as $0), at least `MIN_RATIO` times that median,
//! and at least `MIN_JUMP` dollars above it. Median and MAD ignore the spikes they look for,
//! unlike a mean and standard deviation; the two floors keep tiny absolute changes quiet.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::domain::{DateRange, Money};

pub(crate) const WINDOW: u64 = 14;
pub(crate) const K: Decimal = Decimal::from_parts(35, 0, 0, false, 1); // 3.5
const MAD_SCALE: Decimal = Decimal::from_parts(14826, 0, 0, false, 4); // 1.4826
const MIN_RATIO: Decimal = Decimal::from_parts(15, 0, 0, false, 1); // 1.5
const MIN_JUMP: Decimal = Decimal::ONE;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Anomaly {
    pub day: NaiveDate,
    pub cost: Money,
    /// The trailing median it is compared with.
    pub usual: Money,
    /// The model and the project whose spend rose most above their own usual that day.
    pub model: Option<String>,
    pub project: Option<String>,
}

pub(crate) fn median(values: &mut [Decimal]) -> Decimal {
    if values.is_empty() {
        return Decimal::ZERO;
    }
    values.sort_unstable();
    let n = values.len();
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / Decimal::TWO }
}

/// The trailing window's values for `day` from a day -> cost map, missing days as 0.
fn trailing(series: &HashMap<NaiveDate, Decimal>, day: NaiveDate) -> Vec<Decimal> {
    (1..=WINDOW).map(|back| series.get(&(day - Days::new(back))).copied().unwrap_or_default()).collect()
}

/// Whether `value` is far above `history` by the rule above; returns the usual (median) level.
pub(crate) fn is_spike(value: Decimal, history: &[Decimal]) -> Option<Decimal> {
    let mut h = history.to_vec();
    let med = median(&mut h);
    let mut deviations: Vec<Decimal> = history.iter().map(|v| (*v - med).abs()).collect();
    let mad = median(&mut deviations);
    let bound = med + K * MAD_SCALE * mad;
    (value > bound && value >= med * MIN_RATIO && value - med >= MIN_JUMP).then_some(med)
}

/// Finds spikes among the complete days of `range` (before `today`). `daily` is total spend
/// per day; `by_model` and `by_project` the same per model and per project, for naming drivers.
pub(crate) fn find(
    range: DateRange,
    today: NaiveDate,
    daily: &HashMap<NaiveDate, Decimal>,
    by_model: &HashMap<String, HashMap<NaiveDate, Decimal>>,
    by_project: &HashMap<String, HashMap<NaiveDate, Decimal>>,
) -> Vec<Anomaly> {
    let driver = |groups: &HashMap<String, HashMap<NaiveDate, Decimal>>, day: NaiveDate| -> Option<String> {
        groups
            .iter()
            .map(|(name, series)| {
                let mut h = trailing(series, day);
                let rise = series.get(&day).copied().unwrap_or_default() - median(&mut h);
                (rise, name)
            })
            .filter(|(rise, _)| *rise > Decimal::ZERO)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, name)| name.clone())
    };
    range
        .days()
        .filter(|d| *d < today)
        .filter_map(|day| {
            let cost = daily.get(&day).copied().unwrap_or_default();
            let usual = is_spike(cost, &trailing(daily, day))?;
            Some(Anomaly {
                day,
                cost: Money::from_decimal(cost),
                usual: Money::from_decimal(usual),
                model: driver(by_model, day),
                project: driver(by_project, day),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&mut [dec(3), dec(1), dec(2)]), dec(2));
        assert_eq!(median(&mut [dec(4), dec(1), dec(2), dec(3)]), Decimal::new(25, 1));
        assert_eq!(median(&mut []), Decimal::ZERO);
    }

    #[test]
    fn a_jump_far_above_a_noisy_norm_is_a_spike() {
        let history: Vec<Decimal> = [10, 12, 9, 11, 10, 13, 8, 10, 11, 12, 9, 10, 11, 10].map(dec).to_vec();
        assert_eq!(is_spike(dec(40), &history), Some(dec(10)));
        assert_eq!(is_spike(dec(14), &history), None, "within the noise");
    }

    #[test]
    fn tiny_absolute_changes_are_ignored() {
        let flat = vec![Decimal::new(1, 2); 14]; // $0.01 a day
        assert_eq!(is_spike(Decimal::new(50, 2), &flat), None, "50 cents is not worth a page");
        assert!(is_spike(dec(5), &flat).is_some());
    }

    #[test]
    fn drivers_are_the_groups_that_rose_most() {
        let d = |n: u32| NaiveDate::from_ymd_opt(2026, 11, n).unwrap();
        let mut daily = HashMap::new();
        let mut gpt = HashMap::new();
        let mut claude = HashMap::new();
        for n in 1..=20 {
            daily.insert(d(n), dec(20));
            gpt.insert(d(n), dec(10));
            claude.insert(d(n), dec(10));
        }
        daily.insert(d(18), dec(95));
        gpt.insert(d(18), dec(85));
        let by_model = HashMap::from([("gpt".to_string(), gpt), ("claude".to_string(), claude)]);
        let found = find(DateRange::new(d(15), d(20)), d(21), &daily, &by_model, &HashMap::new());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].day, d(18));
        assert_eq!(found[0].usual, Money::from_decimal(dec(20)));
        assert_eq!(found[0].model.as_deref(), Some("gpt"));
        assert_eq!(found[0].project, None);
    }
}
