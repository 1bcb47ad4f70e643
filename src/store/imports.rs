//! Imported spend (vendors without a billing API): written per file in one transaction,
//! replacing what the file's days held for that account, and remembered for `providers`.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, day_text, parse_time, time_text};
use crate::domain::{Account, CostRecord, ProviderKind, UsageRecord};
use crate::error::Result;

/// One imported file, for `providers`.
#[derive(Debug, Clone)]
pub struct ImportInfo {
    pub account: Account,
    pub file: String,
    pub at: DateTime<Utc>,
    pub rows: i64,
}

/// What to replace when a file is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// The days the file covers (re-importing a file never double counts).
    FileDays,
    /// The account's whole imported history.
    All,
}

impl Store {
    /// Writes an import: deletes what `replace` says, inserts the records, marks `days` as known.
    #[allow(clippy::too_many_arguments)]
    pub fn import_spend(
        &mut self,
        account: &Account,
        costs: &[CostRecord],
        usage: &[UsageRecord],
        days: &BTreeSet<NaiveDate>,
        replace: Replace,
        file: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let (provider, workspace) = (account.provider.id(), account.workspace.as_str());
        let at = time_text(at);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for table in ["cost_buckets", "usage_buckets", "synced_days"] {
            match replace {
                Replace::All => {
                    tx.execute(
                        &format!("DELETE FROM {table} WHERE provider = ?1 AND workspace = ?2"),
                        (provider, workspace),
                    )?;
                }
                Replace::FileDays => {
                    let mut delete = tx.prepare_cached(&format!(
                        "DELETE FROM {table} WHERE provider = ?1 AND workspace = ?2 AND day = ?3"
                    ))?;
                    for day in days {
                        delete.execute((provider, workspace, day_text(*day)))?;
                    }
                }
            }
        }
        super::write::insert_costs(&tx, provider, workspace, costs.iter(), &at)?;
        super::write::insert_usage(&tx, provider, workspace, usage.iter(), &at)?;
        super::write::mark_fetched(&tx, provider, workspace, days.iter().copied(), &at)?;
        tx.execute(
            "INSERT INTO imports (provider, workspace, file, imported_at, rows) VALUES (?1, ?2, ?3, ?4, ?5)",
            (provider, workspace, file, &at, i64::try_from(costs.len()).unwrap_or(i64::MAX)),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Accounts with imported spend, with their last import.
    pub fn imports(&self) -> Result<Vec<ImportInfo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT provider, workspace, file, imported_at, rows FROM imports i
             WHERE imported_at = (SELECT max(imported_at) FROM imports j WHERE j.provider = i.provider AND j.workspace = i.workspace)
             ORDER BY provider, workspace",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let mut out: Vec<ImportInfo> = Vec::new();
        for row in rows {
            let (provider, workspace, file, at, rows) = row?;
            // A provider id in the cache that is no longer valid is skipped, not a failure.
            let Ok(kind) = ProviderKind::from_id(&provider) else { continue };
            if out.iter().any(|i| i.account.provider == kind && i.account.workspace == workspace) {
                continue;
            }
            out.push(ImportInfo { account: Account::new(kind, workspace), file, at: parse_time(&at)?, rows });
        }
        Ok(out)
    }
}
