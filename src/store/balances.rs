//! Prepaid balances, one reading per fetch: the series `balances` shows the latest of.

use chrono::{DateTime, Utc};

use super::{Store, time_text};
use crate::domain::{Account, Currency, Money};
use crate::error::Result;

impl Store {
    /// Keeps a balance reading.
    pub fn record_balance(
        &mut self,
        account: &Account,
        at: DateTime<Utc>,
        amount: Money,
        currency: Currency,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO balances (provider, workspace, at, amount, currency) VALUES (?1, ?2, ?3, ?4, ?5)",
            (account.provider.id(), &account.workspace, time_text(at), amount.exact(), currency.as_str()),
        )?;
        Ok(())
    }

    /// The latest reading of an account, if any.
    pub fn latest_balance(&self, account: &Account) -> Result<Option<(DateTime<Utc>, Money, Currency)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, amount, currency FROM balances WHERE provider = ?1 AND workspace = ?2 ORDER BY at DESC LIMIT 1",
        )?;
        let mut rows = stmt.query((account.provider.id(), &account.workspace))?;
        let Some(row) = rows.next()? else { return Ok(None) };
        let (at, amount, currency): (String, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let bad = |what: &str| {
            crate::error::Error::Runtime(format!(
                "the cache holds an unreadable balance {what}: run 'llmcost balances' to fetch it again"
            ))
        };
        let at = DateTime::parse_from_rfc3339(&at).map_err(|_| bad("time"))?.with_timezone(&Utc);
        let amount = Money::parse_dollars(&amount).map_err(|_| bad("amount"))?;
        let currency = Currency::parse(&currency).map_err(|_| bad("currency"))?;
        Ok(Some((at, amount, currency)))
    }
}
