//! Writing a sync: everything fetched for one account lands in one transaction, or nothing does.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, day_text, time_text};
use crate::domain::{Account, CostRecord, Currency, DateRange, Money, ProjectInfo, UsageRecord, UsageTotals};
use crate::error::{Error, Result};

/// What one account's sync fetched: whole days, and optionally its project list.
#[derive(Debug, Default)]
pub struct SyncBatch {
    /// Each fetched range replaces everything the cache held for those days.
    pub runs: Vec<(DateRange, Vec<CostRecord>, Vec<UsageRecord>)>,
    pub projects: Option<Vec<ProjectInfo>>,
    /// Days of the runs the provider did not answer for: their cached data is kept as it was and
    /// they are not recorded as fetched, so the next sync asks again.
    pub unreported: BTreeSet<NaiveDate>,
    /// Runs whose usage could not be fetched: their cached usage is kept as it was.
    pub usage_missing: Vec<DateRange>,
    /// Why usage could not be fetched, for the note that says so.
    pub usage_error: Option<String>,
    /// The account's API keys, when listed with the projects: they replace the cached list.
    pub keys: Option<Vec<crate::domain::ApiKeyInfo>>,
    /// What the provider's API answered about itself (name, value), to remember.
    pub facts: Vec<(String, String)>,
    /// People's activity of the runs' days (`ProviderInfo::activity_only` providers): it
    /// replaces the cached activity of every reported day of the runs.
    pub activity: Vec<crate::domain::ActivityRecord>,
}

impl Store {
    /// Replaces the fetched days and project list of `account` atomically.
    pub fn write_sync(&mut self, account: &Account, batch: &SyncBatch, fetched_at: DateTime<Utc>) -> Result<()> {
        self.writable()?;
        let provider = account.provider.id();
        let workspace = account.workspace.as_str();
        // An account whose spend was imported from files is never overwritten by a sync: a
        // vendor imported today (`mistral`) may gain a billing API tomorrow under the same id.
        if self.holds_imports(account)? {
            return Err(Error::Storage(format!(
                "{provider}/{workspace} holds spend imported from files; a sync would replace it: \
                 sync this provider under another workspace name"
            )));
        }
        let at = time_text(fetched_at);
        // IMMEDIATE takes the write lock up front, where the busy timeout applies.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for (range, costs, usage) in &batch.runs {
            let with_usage = !batch.usage_missing.contains(range);
            let tables: &[&str] = if with_usage { &["cost_buckets", "usage_buckets"] } else { &["cost_buckets"] };
            for day in range.days().filter(|d| !batch.unreported.contains(d)) {
                for table in tables {
                    tx.prepare_cached(&format!(
                        "DELETE FROM {table} WHERE provider = ?1 AND workspace = ?2 AND day = ?3"
                    ))?
                    .execute((provider, workspace, day_text(day)))?;
                }
            }
            let reported = |day: NaiveDate| range.contains(day) && !batch.unreported.contains(&day);
            insert_costs(&tx, provider, workspace, costs.iter().filter(|c| reported(c.day)), &at)?;
            insert_usage(&tx, provider, workspace, usage.iter().filter(|u| with_usage && reported(u.day)), &at)?;
            if with_usage {
                super::keys::replace_key_usage(&tx, provider, workspace, range, &batch.unreported, usage)?;
            }
            mark_fetched(&tx, provider, workspace, range.days().filter(|d| !batch.unreported.contains(d)), &at)?;
        }
        let fetched: Vec<NaiveDate> =
            batch.runs.iter().flat_map(|(r, _, _)| r.days()).filter(|d| !batch.unreported.contains(d)).collect();
        super::estimates::settle(&tx, provider, workspace, &fetched, fetched_at)?;
        if account.provider.info().activity_only {
            super::activity::replace_activity(&tx, provider, workspace, &fetched, &batch.activity, &at)?;
        }
        if let Some(keys) = &batch.keys {
            super::keys::replace_keys(&tx, provider, workspace, keys)?;
        }
        for (name, value) in &batch.facts {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO provider_facts (provider, workspace, name, value, learnt_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute((provider, workspace, name, value, &at))?;
        }
        if let Some(projects) = &batch.projects {
            tx.execute("DELETE FROM projects WHERE provider = ?1 AND workspace = ?2", (provider, workspace))?;
            let mut insert = tx.prepare_cached(
                "INSERT OR REPLACE INTO projects (provider, workspace, id, name, status, fetched_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for p in projects {
                insert.execute((provider, workspace, &p.id, &p.name, &p.status, &at))?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Inserts cost rows (amounts as exact decimal text) and records each currency seen once.
/// Records with one identity (day, project, model, line item, currency) are summed first: two
/// charges a provider answers separately under one identity add up, they never collide.
pub(super) fn insert_costs<'a>(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    costs: impl Iterator<Item = &'a CostRecord>,
    at: &str,
) -> Result<()> {
    let mut merged: BTreeMap<(NaiveDate, &str, &str, &str, Currency), Money> = BTreeMap::new();
    for c in costs {
        let key = (c.day, c.project_id.as_deref().unwrap_or(""), c.model.as_str(), c.line_item.as_str(), c.currency);
        let sum = merged.entry(key).or_insert(Money::ZERO);
        *sum = sum.checked_add(c.amount).ok_or_else(|| {
            Error::Storage(format!("{provider}/{workspace}: the amounts of one line item on {} overflow", c.day))
        })?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO cost_buckets (provider, workspace, day, project_id, line_item, model, amount, fetched_at, currency)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut currencies = BTreeSet::new();
    for ((day, project, model, line_item, currency), amount) in merged {
        insert.execute((
            provider,
            workspace,
            day_text(day),
            project,
            line_item,
            model,
            amount.decimal().normalize().to_string(),
            at,
            currency.as_str(),
        ))?;
        currencies.insert(currency);
    }
    let mut seen =
        tx.prepare_cached("INSERT OR IGNORE INTO currencies_seen (provider, workspace, currency) VALUES (?1, ?2, ?3)")?;
    for currency in currencies {
        seen.execute((provider, workspace, currency.as_str()))?;
    }
    Ok(())
}

/// Inserts usage rows; counts beyond SQLite's integer range are stored at its maximum.
pub(super) fn insert_usage<'a>(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    usage: impl Iterator<Item = &'a UsageRecord>,
    at: &str,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO usage_buckets (provider, workspace, day, project_id, model,
            input_tokens, cached_input_tokens, output_tokens, requests, fetched_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    // One row per (day, project, model): counts a provider answers separately add up
    // (saturating, as `UsageTotals` adds).
    let mut merged: BTreeMap<(NaiveDate, &str, &str), UsageTotals> = BTreeMap::new();
    // A person's bill without tokens (GitHub's premium requests) says who, not how many tokens:
    // it stays in `key_usage`, so the line's tokens show unknown rather than 0.
    for u in usage.filter(|u| u.billed.is_none() || u.totals.input_tokens.saturating_add(u.totals.output_tokens) > 0) {
        *merged.entry((u.day, u.project_id.as_deref().unwrap_or(""), u.model.as_str())).or_default() += u.totals;
    }
    for ((day, project, model), t) in merged {
        let [input, cached, output, requests] = super::stored_counts(&t);
        insert.execute((provider, workspace, day_text(day), project, model, input, cached, output, requests, at))?;
    }
    Ok(())
}

/// Records `days` as fetched at `at`.
pub(super) fn mark_fetched(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    days: impl Iterator<Item = NaiveDate>,
    at: &str,
) -> Result<()> {
    let mut mark = tx.prepare_cached(
        "INSERT INTO synced_days (provider, workspace, day, fetched_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (provider, workspace, day) DO UPDATE SET fetched_at = excluded.fetched_at",
    )?;
    for day in days {
        mark.execute((provider, workspace, day_text(day), at))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProviderKind;

    #[test]
    fn a_sync_never_overwrites_an_account_whose_spend_was_imported() {
        let mut store = Store::open_in_memory().unwrap();
        // What an import under this id left (a vendor later promoted to an API provider).
        store
            .conn
            .execute(
                "INSERT INTO imports (provider, workspace, file, imported_at, rows) VALUES ('openai', 'lab', 'f.csv', '2026-11-22T10:00:00Z', 1)",
                [],
            )
            .unwrap();
        let account = Account::new(ProviderKind::OpenAi, "lab");
        let err = store.write_sync(&account, &SyncBatch::default(), Utc::now()).unwrap_err().to_string();
        assert!(err.contains("imported from files"), "{err}");
        store.write_sync(&Account::new(ProviderKind::OpenAi, "other"), &SyncBatch::default(), Utc::now()).unwrap();
    }
}
