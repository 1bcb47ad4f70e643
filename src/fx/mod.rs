//! Conversion between currencies with the ECB's euro reference rates: the rate of the day a cost
//! was incurred (the last one published on or before it: weekends and holidays have none), cross
//! rates through the euro, exact decimal arithmetic. Rates are fetched only when a view shows
//! spend in another currency than it was billed in; caching spend never needs them.

pub(crate) mod ecb;
mod zip_member;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::Money;
use crate::domain::currency::Currency;

/// The ECB does not publish on weekends and TARGET holidays: a rate this old still counts.
pub(crate) const MAX_GAP_DAYS: u64 = 7;

/// Units of each currency per euro, by day.
#[derive(Clone, Debug, Default)]
pub struct Rates {
    by_currency: BTreeMap<Currency, BTreeMap<NaiveDate, Decimal>>,
}

/// A rate a view used: 1 `from` = `rate` `to`, on the ECB's `date`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FxUse {
    pub from: String,
    pub to: String,
    pub rate: String,
    pub date: String,
}

/// For people: `1 USD = 0.9098 to 0.9302 EUR (22 ECB rates, 2026-11-03 to 2026-11-28)` per pair.
pub(crate) fn summary(used: &[FxUse]) -> String {
    let mut pairs: BTreeMap<(&str, &str), Vec<&FxUse>> = BTreeMap::new();
    for u in used {
        pairs.entry((u.from.as_str(), u.to.as_str())).or_default().push(u);
    }
    let parts: Vec<String> = pairs
        .into_iter()
        .map(|((from, to), uses)| {
            let rates: Vec<Decimal> = uses.iter().filter_map(|u| u.rate.parse().ok()).collect();
            let (lo, hi) =
                (rates.iter().min().copied().unwrap_or_default(), rates.iter().max().copied().unwrap_or_default());
            let (first, last) = (uses.iter().map(|u| &u.date).min(), uses.iter().map(|u| &u.date).max());
            let span = if lo == hi {
                format!("{}", lo.round_dp(4))
            } else {
                format!("{} to {}", lo.round_dp(4), hi.round_dp(4))
            };
            match (first, last) {
                (Some(a), Some(b)) if a != b => {
                    format!("1 {from} = {span} {to} ({} ECB rates, {a} to {b})", uses.len())
                }
                (Some(a), _) => format!("1 {from} = {span} {to} (ECB, {a})"),
                _ => format!("1 {from} = {span} {to}"),
            }
        })
        .collect();
    parts.join("; ")
}

impl Rates {
    pub fn insert(&mut self, day: NaiveDate, currency: Currency, per_euro: Decimal) {
        self.by_currency.entry(currency).or_default().insert(day, per_euro);
    }

    pub fn is_empty(&self) -> bool {
        self.by_currency.is_empty()
    }

    /// Units of `currency` per euro on `day`: the last rate published on or before it.
    pub fn per_euro(&self, currency: Currency, day: NaiveDate) -> Option<(NaiveDate, Decimal)> {
        if currency == Currency::EUR {
            return Some((day, Decimal::ONE));
        }
        let oldest = day.checked_sub_days(Days::new(MAX_GAP_DAYS)).unwrap_or(day);
        self.by_currency.get(&currency)?.range(oldest..=day).next_back().map(|(d, r)| (*d, *r))
    }

    /// `amount` in `from` as `to`, on `day`, and the rate used; `Err` names the currency and day.
    pub fn convert(
        &self,
        amount: Money,
        from: Currency,
        to: Currency,
        day: NaiveDate,
    ) -> Result<(Money, Option<FxUse>), String> {
        if from == to {
            return Ok((amount, None));
        }
        let missing = |c: Currency| {
            format!("no ECB euro reference rate for {c} on or before {day} (the last {MAX_GAP_DAYS} days)")
        };
        let (d_from, r_from) = self.per_euro(from, day).ok_or_else(|| missing(from))?;
        let (d_to, r_to) = self.per_euro(to, day).ok_or_else(|| missing(to))?;
        if r_from.is_zero() {
            return Err(missing(from));
        }
        // 1 from = r_to / r_from to, through the euro.
        let rate = r_to.checked_div(r_from).ok_or_else(|| missing(from))?;
        let converted = amount.decimal().checked_mul(rate).ok_or("the converted amount overflows")?;
        // The ECB rate's own date: the older of the two published dates used.
        let date = match (from == Currency::EUR, to == Currency::EUR) {
            (true, _) => d_to,
            (_, true) => d_from,
            _ => d_from.min(d_to),
        };
        Ok((
            Money::from_decimal(converted),
            Some(FxUse {
                from: from.to_string(),
                to: to.to_string(),
                rate: rate.round_dp(10).normalize().to_string(),
                date: date.to_string(),
            }),
        ))
    }

    /// The newest day any rate is known for.
    pub fn newest(&self) -> Option<NaiveDate> {
        self.by_currency.values().filter_map(|m| m.keys().next_back().copied()).max()
    }

    pub fn currencies(&self) -> BTreeSet<Currency> {
        self.by_currency.keys().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn m(s: &str) -> Money {
        Money::parse_dollars(s).unwrap()
    }
    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn rates() -> Rates {
        let mut r = Rates::default();
        let (usd, chf) = (Currency::USD, Currency::parse("CHF").unwrap());
        r.insert(d("2026-11-27"), usd, dec("1.0500")); // a Friday
        r.insert(d("2026-11-27"), chf, dec("0.9400"));
        r.insert(d("2026-11-30"), usd, dec("1.0600"));
        r.insert(d("2026-11-30"), chf, dec("0.9300"));
        r
    }

    #[test]
    fn a_weekend_uses_the_last_published_rate() {
        let r = rates();
        let (eur, used) = r.convert(m("105"), Currency::USD, Currency::EUR, d("2026-11-29")).unwrap();
        assert_eq!(eur.decimal(), dec("100"));
        assert_eq!(used.unwrap().date, "2026-11-27");
    }

    #[test]
    fn cross_rates_go_through_the_euro_exactly() {
        let r = rates();
        let chf = Currency::parse("CHF").unwrap();
        let (out, used) = r.convert(m("106"), Currency::USD, chf, d("2026-11-30")).unwrap();
        assert_eq!(out.decimal().round_dp(10), dec("93"));
        assert_eq!(used.unwrap().rate, "0.8773584906");
        assert_eq!(r.convert(m("5"), chf, chf, d("2026-11-30")).unwrap(), (m("5"), None));
    }

    #[test]
    fn a_missing_rate_is_an_error_naming_currency_and_day() {
        let r = rates();
        let e = r.convert(m("1"), Currency::parse("JPY").unwrap(), Currency::USD, d("2026-11-30")).unwrap_err();
        assert!(e.contains("JPY") && e.contains("2026-11-30"), "{e}");
        let e = r.convert(m("1"), Currency::USD, Currency::EUR, d("2026-12-20")).unwrap_err();
        assert!(e.contains("USD") && e.contains("2026-12-20"), "{e}");
    }
}
