//! Imported spend (vendors without a billing API): written per file in one transaction,
//! replacing what the file's days held for that account, and remembered for `providers`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// How a FOCUS source classified an imported line item (empty where the file said nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChargeSource {
    pub service_category: String,
    pub service_subcategory: String,
    pub service_name: String,
    pub provider_name: String,
    pub publisher_name: String,
    pub invoice_issuer_name: String,
}

/// One imported file's rows, ready to write.
#[derive(Debug, Clone, Copy)]
pub struct ImportRows<'a> {
    pub costs: &'a [CostRecord],
    pub usage: &'a [UsageRecord],
    pub days: &'a BTreeSet<NaiveDate>,
    /// Line item -> how the source classified it (FOCUS files only).
    pub sources: &'a BTreeMap<String, ChargeSource>,
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
    pub fn import_spend(
        &mut self,
        account: &Account,
        rows: ImportRows<'_>,
        replace: Replace,
        file: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.writable()?;
        let ImportRows { costs, usage, days, sources } = rows;
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
        let mut source = tx.prepare_cached(
            "INSERT OR REPLACE INTO charge_sources (provider, workspace, line_item, service_category,
                service_subcategory, service_name, provider_name, publisher_name, invoice_issuer_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (line_item, s) in sources {
            source.execute((
                provider,
                workspace,
                line_item,
                &s.service_category,
                &s.service_subcategory,
                &s.service_name,
                &s.provider_name,
                &s.publisher_name,
                &s.invoice_issuer_name,
            ))?;
        }
        drop(source);
        tx.execute(
            "INSERT INTO imports (provider, workspace, file, imported_at, rows) VALUES (?1, ?2, ?3, ?4, ?5)",
            (provider, workspace, file, &at, i64::try_from(costs.len()).unwrap_or(i64::MAX)),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// How imported FOCUS files classified their line items: (provider, workspace, line item).
    pub fn charge_sources(&self) -> Result<HashMap<(String, String, String), ChargeSource>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT provider, workspace, line_item, service_category, service_subcategory, service_name,
                    provider_name, publisher_name, invoice_issuer_name FROM charge_sources",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?),
                ChargeSource {
                    service_category: r.get(3)?,
                    service_subcategory: r.get(4)?,
                    service_name: r.get(5)?,
                    provider_name: r.get(6)?,
                    publisher_name: r.get(7)?,
                    invoice_issuer_name: r.get(8)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether spend was imported from files for `account`: a sync never replaces it, and it has
    /// no missing days (a vendor imported before its billing API was read keeps its history).
    pub fn holds_imports(&self, account: &Account) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM imports WHERE provider = ?1 AND workspace = ?2)",
            (account.provider.id(), &account.workspace),
            |r| r.get(0),
        )?)
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
