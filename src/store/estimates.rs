//! Estimates: what llmcost reckons a day cost before its bill arrives, kept apart from billed
//! rows, and the (estimate, billed) pairs that measure how good the estimates are.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, day_text, parse_day, parse_time, time_text};
use crate::domain::{Account, Currency, Money};
use crate::error::{Error, Result};

/// One estimated amount: an hour (or the day so far) of a project and model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateRow {
    /// The UTC hour the amount starts; `None`: the day so far as a whole.
    pub hour: Option<u32>,
    pub project_id: Option<String>,
    pub model: String,
    pub amount: Money,
    /// `true`: the provider's own live figure; `false`: tokens priced at list prices.
    pub live: bool,
}

/// How far an account's day is estimated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateDay {
    pub day: NaiveDate,
    /// The hours before it are complete and are never asked again.
    pub through: DateTime<Utc>,
    pub refreshed_at: DateTime<Utc>,
    /// Models with tokens but no list price: their spend is not in the estimate.
    pub unpriced: Vec<String>,
    /// The day's bill arrived: views show it, and the estimate is kept only as a score.
    pub bill_arrived: bool,
}

/// An estimate next to the bill that replaced it, for one day and model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub account: Account,
    pub day: NaiveDate,
    pub model: String,
    pub estimate: Money,
    pub billed: Money,
}

fn hour_text(hour: Option<u32>) -> String {
    hour.map_or_else(|| "day".to_string(), |h| format!("{h:02}:00"))
}

fn money(text: &str) -> Result<Money> {
    Money::from_str(text).map_err(|e| Error::Storage(format!("the cache holds an estimate of {e}")))
}

impl Store {
    /// Replaces an account's estimate of `day` from hour `from` on (`None`: the whole day) with
    /// `rows`, and records how far the day is known, in one transaction.
    pub fn write_estimates(
        &mut self,
        account: &Account,
        progress: &EstimateDay,
        from: Option<u32>,
        rows: &[EstimateRow],
    ) -> Result<()> {
        self.writable()?;
        let (p, w, d) = (account.provider.id(), account.workspace.as_str(), day_text(progress.day));
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        match from {
            // 'day' sorts after every 'HH:00': a day that had a whole-day figure loses it too.
            Some(h) => tx.execute(
                "DELETE FROM estimates WHERE provider = ?1 AND workspace = ?2 AND day = ?3 AND hour >= ?4",
                (p, w, &d, hour_text(Some(h))),
            )?,
            None => {
                tx.execute("DELETE FROM estimates WHERE provider = ?1 AND workspace = ?2 AND day = ?3", (p, w, &d))?
            }
        };
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO estimates (provider, workspace, day, hour, project_id, model, amount, currency, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'USD', ?8)
                 ON CONFLICT (provider, workspace, day, hour, project_id, model)
                 DO UPDATE SET amount = excluded.amount, source = excluded.source",
            )?;
            for r in rows {
                let source = if r.live { "live" } else { "priced" };
                let project = r.project_id.as_deref().unwrap_or("");
                insert.execute((p, w, &d, hour_text(r.hour), project, &r.model, r.amount.exact(), source))?;
            }
        }
        tx.execute(
            "INSERT INTO estimate_days (provider, workspace, day, through, refreshed_at, unpriced, bill_arrived)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
             ON CONFLICT (provider, workspace, day) DO UPDATE SET through = excluded.through,
               refreshed_at = excluded.refreshed_at, unpriced = excluded.unpriced",
            (p, w, &d, time_text(progress.through), time_text(progress.refreshed_at), progress.unpriced.join(",")),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// How far an account's day is estimated, if it is.
    pub fn estimate_day(&self, account: &Account, day: NaiveDate) -> Result<Option<EstimateDay>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT through, refreshed_at, unpriced, bill_arrived FROM estimate_days
             WHERE provider = ?1 AND workspace = ?2 AND day = ?3",
        )?;
        let mut rows = stmt.query((account.provider.id(), &account.workspace, day_text(day)))?;
        let Some(row) = rows.next()? else { return Ok(None) };
        let (through, refreshed, unpriced, arrived): (String, String, String, bool) =
            (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
        Ok(Some(EstimateDay {
            day,
            through: parse_time(&through)?,
            refreshed_at: parse_time(&refreshed)?,
            unpriced: unpriced.split(',').filter(|m| !m.is_empty()).map(str::to_string).collect(),
            bill_arrived: arrived,
        }))
    }

    /// Every estimated amount shown for the accounts in `[since, until]`: days whose bill has
    /// not arrived, by account, day and model.
    pub fn open_estimates(
        &self,
        accounts: &[Account],
        since: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<(Account, NaiveDate, Money)>> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.day, dec_sum(x.amount) FROM estimates x JOIN estimate_days e
               ON e.provider = x.provider AND e.workspace = x.workspace AND e.day = x.day
             WHERE x.provider = ?1 AND x.workspace = ?2 AND x.day BETWEEN ?3 AND ?4 AND e.bill_arrived = 0
             GROUP BY x.day ORDER BY x.day",
        )?;
        for a in accounts {
            let rows = stmt.query_map((a.provider.id(), &a.workspace, day_text(since), day_text(until)), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (day, sum) = row?;
                out.push((a.clone(), parse_day(&day)?, money(&sum)?));
            }
        }
        Ok(out)
    }

    /// The (estimate, billed) pairs of the accounts over `[since, until]`.
    pub fn estimate_scores(&self, accounts: &[Account], since: NaiveDate, until: NaiveDate) -> Result<Vec<Score>> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, model, estimate, billed FROM estimate_scores
             WHERE provider = ?1 AND workspace = ?2 AND day BETWEEN ?3 AND ?4 ORDER BY day, model",
        )?;
        for a in accounts {
            let rows = stmt.query_map((a.provider.id(), &a.workspace, day_text(since), day_text(until)), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
            })?;
            for row in rows {
                let (day, model, estimate, billed) = row?;
                out.push(Score {
                    account: a.clone(),
                    day: parse_day(&day)?,
                    model,
                    estimate: money(&estimate)?,
                    billed: money(&billed)?,
                });
            }
        }
        Ok(out)
    }
}

/// Inside a sync's transaction: each estimated day of the account that was just fetched long
/// enough after it ended (`domain::live::bill_arrived`) has its bill. The pair (estimate, billed) is recorded per model (again on every
/// later fetch, as the provider revises the day) and the views switch to the bill.
pub(super) fn settle(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    days: &[NaiveDate],
    fetched_at: DateTime<Utc>,
) -> Result<()> {
    let at = time_text(fetched_at);
    for day in days {
        if !crate::domain::live::bill_arrived(*day, fetched_at) {
            continue;
        }
        let d = day_text(*day);
        let estimated: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM estimate_days WHERE provider = ?1 AND workspace = ?2 AND day = ?3)",
            (provider, workspace, &d),
            |r| r.get(0),
        )?;
        if !estimated {
            continue;
        }
        let mut pairs: BTreeMap<String, (Money, Money, Currency)> = BTreeMap::new();
        let sums = |sql: &str| -> Result<Vec<(String, String, String)>> {
            let mut stmt = tx.prepare_cached(sql)?;
            let rows = stmt.query_map((provider, workspace, &d), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        for (model, sum, currency) in sums(
            "SELECT model, dec_sum(amount), min(currency) FROM estimates
             WHERE provider = ?1 AND workspace = ?2 AND day = ?3 GROUP BY model",
        )? {
            let c = Currency::parse(&currency).unwrap_or(Currency::USD);
            pairs.insert(model, (money(&sum)?, Money::ZERO, c));
        }
        // A live figure for all models at once (OpenRouter's) is scored against the day's whole bill.
        let whole_day = match pairs.keys().collect::<Vec<_>>().as_slice() {
            [only] if only.as_str() == crate::domain::live::ALL_MODELS => Some((*only).clone()),
            _ => None,
        };
        for (model, sum, currency) in sums(
            "SELECT model, dec_sum(amount), min(currency) FROM cost_buckets
             WHERE provider = ?1 AND workspace = ?2 AND day = ?3 GROUP BY model",
        )? {
            let c = Currency::parse(&currency).unwrap_or(Currency::USD);
            let entry = pairs.entry(whole_day.clone().unwrap_or(model)).or_insert((Money::ZERO, Money::ZERO, c));
            entry.1 =
                entry.1.checked_add(money(&sum)?).ok_or_else(|| Error::Storage("a day's bill overflows".into()))?;
        }
        tx.execute(
            "DELETE FROM estimate_scores WHERE provider = ?1 AND workspace = ?2 AND day = ?3",
            (provider, workspace, &d),
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO estimate_scores (provider, workspace, day, model, estimate, billed, currency, scored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (model, (estimate, billed, currency)) in pairs {
            insert.execute((
                provider,
                workspace,
                &d,
                &model,
                estimate.exact(),
                billed.exact(),
                currency.as_str(),
                &at,
            ))?;
        }
        tx.execute(
            "UPDATE estimate_days SET bill_arrived = 1 WHERE provider = ?1 AND workspace = ?2 AND day = ?3",
            (provider, workspace, &d),
        )?;
    }
    Ok(())
}
