//! Currencies in the cache, the ECB rates it keeps, and sums converted to one currency: the
//! only place amounts of different currencies meet, and always through a dated rate.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};

use super::{CostQuery, GroupKey, KeyValue, Store, day_text, parse_day};
use crate::domain::{Currency, Dim, Money};
use crate::error::{Error, Result};
use crate::fx::{FxUse, MAX_GAP_DAYS, Rates};

/// Sums per group in one currency, and the rates used to get there.
pub(super) type Converted = (Vec<(GroupKey, Money)>, Vec<FxUse>);

impl Store {
    /// The currencies the query's accounts were ever billed in: one lookup, no scan.
    pub fn currencies_seen(&self, q: &CostQuery) -> Result<BTreeSet<Currency>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT currency FROM currencies_seen WHERE provider = ?1 AND workspace = ?2")?;
        let mut out = BTreeSet::new();
        for a in &q.accounts {
            for code in stmt.query_map((a.provider.id(), &a.workspace), |r| r.get::<_, String>(0))? {
                let code = code?;
                out.insert(
                    Currency::parse(&code)
                        .map_err(|e| Error::Storage(format!("the cache holds a bad currency: {e}")))?,
                );
            }
        }
        Ok(out)
    }

    /// The billing currencies of the costs a query covers (reads them: use `currencies_seen` first).
    pub fn currencies_in(&self, q: &CostQuery) -> Result<BTreeSet<Currency>> {
        let (filter, params) = q.filter_sql();
        let mut stmt = self.conn.prepare(&format!("SELECT DISTINCT currency FROM cost_buckets WHERE {filter}"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(0))?;
        let mut out = BTreeSet::new();
        for row in rows {
            let code = row?;
            out.insert(
                Currency::parse(&code).map_err(|e| Error::Storage(format!("the cache holds a bad currency: {e}")))?,
            );
        }
        Ok(out)
    }

    /// The cached ECB rates of `currencies` from a week before `since` to `until`.
    /// The cached rates to show `q` in `to`: for every currency its spend is billed in, over its
    /// range (from 2000 on: there are no euro reference rates before it). Never fetches.
    pub fn cached_rates(&self, q: &CostQuery, to: Currency) -> Result<Rates> {
        let currencies: BTreeSet<Currency> = self.currencies_seen(q)?.into_iter().chain([to]).collect();
        let since = q.range.since.max(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(q.range.since));
        self.fx_rates(&currencies, since, q.range.until)
    }

    pub fn fx_rates(&self, currencies: &BTreeSet<Currency>, since: NaiveDate, until: NaiveDate) -> Result<Rates> {
        let mut rates = Rates::default();
        let from = day_text(since.checked_sub_days(Days::new(MAX_GAP_DAYS)).unwrap_or(since));
        let mut stmt =
            self.conn.prepare_cached("SELECT day, rate FROM fx_rates WHERE currency = ?1 AND day BETWEEN ?2 AND ?3")?;
        for c in currencies.iter().filter(|c| **c != Currency::EUR) {
            let rows = stmt.query_map((c.as_str(), &from, day_text(until)), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (day, rate) = row?;
                let rate = rate.parse().map_err(|_| Error::Storage(format!("the cache holds a bad rate '{rate}'")))?;
                rates.insert(parse_day(&day)?, *c, rate);
            }
        }
        Ok(rates)
    }

    /// Stores published rates (replacing any of the same currency and day).
    pub fn save_fx(&mut self, rates: &[crate::fx::ecb::Rate]) -> Result<()> {
        self.writable()?;
        let tx = self.conn.transaction()?;
        {
            let mut insert =
                tx.prepare_cached("INSERT OR REPLACE INTO fx_rates (currency, day, rate) VALUES (?1, ?2, ?3)")?;
            for (day, currency, rate) in rates {
                insert.execute((currency.as_str(), day_text(*day), rate.normalize().to_string()))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Cost per group in `to`: amounts billed in another currency are converted with the rate of
    /// the day they were incurred. Returns the rates used, for the output to list.
    pub fn aggregate_costs_in(&self, q: &CostQuery, to: Currency, rates: &Rates) -> Result<Converted> {
        // The usual case, everything billed in the currency shown, costs one lookup.
        if self.currencies_seen(q)?.iter().all(|c| *c == to) {
            return Ok((self.aggregate_costs(q)?, Vec::new()));
        }
        if self.currencies_in(q)?.iter().all(|c| *c == to) {
            return Ok((self.aggregate_costs(q)?, Vec::new()));
        }
        // Per day and currency, converted, then summed into the groups asked for.
        let mut dims = q.group_by.clone();
        for extra in [Dim::Day, Dim::Currency] {
            if !dims.contains(&extra) {
                dims.push(extra);
            }
        }
        let (day_at, cur_at) = (
            dims.iter().position(|d| *d == Dim::Day).unwrap_or(0),
            dims.iter().position(|d| *d == Dim::Currency).unwrap_or(0),
        );
        let detailed = CostQuery { group_by: dims, ..q.clone() };
        let mut sums: HashMap<GroupKey, Money> = HashMap::new();
        let mut order: Vec<GroupKey> = Vec::new();
        let mut used: BTreeSet<FxUse> = BTreeSet::new();
        for (key, amount) in self.aggregate_costs(&detailed)? {
            // Both are in the key: the detailed query groups by them.
            let (Some(day), Some(from)) =
                (key.values.get(day_at).and_then(KeyValue::day), key.values.get(cur_at).and_then(KeyValue::currency))
            else {
                continue;
            };
            let (converted, fx) = rates.convert(amount, from, to, day).map_err(|e| {
                Error::NoRate(format!("{e}: cannot show {from} spend in {to}; run without --offline to fetch rates, or use --currency {from}"))
            })?;
            used.extend(fx);
            let group = GroupKey { values: key.values.into_iter().take(q.group_by.len()).collect(), owner: key.owner };
            if let Some(sum) = sums.get_mut(&group) {
                *sum =
                    sum.checked_add(converted).ok_or_else(|| Error::Storage("the converted sum overflows".into()))?;
            } else {
                order.push(group.clone());
                sums.insert(group, converted);
            }
        }
        let rows = order.into_iter().map(|k| {
            let m = sums.get(&k).copied().unwrap_or_default();
            (k, m)
        });
        Ok((rows.collect(), used.into_iter().collect()))
    }
}
