//! Who spent it: usage per API key and the keys' names and owners, written with a sync and
//! read for `--by key,person`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::{Store, day_text, parse_day};
use crate::domain::{Account, ApiKeyInfo, DateRange, Money, UsageRecord, UsageTotals};
use crate::error::Result;

/// Replaces the key usage of a fetched range's reported days with `usage`'s per-key records.
pub(super) fn replace_key_usage(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    range: &DateRange,
    unreported: &BTreeSet<NaiveDate>,
    usage: &[UsageRecord],
) -> Result<()> {
    let reported = |d: NaiveDate| range.contains(d) && !unreported.contains(&d);
    for day in range.days().filter(|d| reported(*d)) {
        tx.prepare_cached("DELETE FROM key_usage WHERE provider = ?1 AND workspace = ?2 AND day = ?3")?.execute((
            provider,
            workspace,
            day_text(day),
        ))?;
    }
    // A key's tokens and bill on a line (day, project, model, key).
    type Summed = (UsageTotals, Option<Money>);
    let mut merged: BTreeMap<(NaiveDate, &str, &str, &str), Summed> = BTreeMap::new();
    for u in usage.iter().filter(|u| reported(u.day)) {
        let Some(key) = u.key_id.as_deref() else { continue };
        let entry = merged.entry((u.day, u.project_id.as_deref().unwrap_or(""), u.model.as_str(), key)).or_default();
        entry.0 += u.totals;
        // A key's bill on a line is the sum of its records' bills (one per upstream endpoint).
        if let Some(b) = u.billed {
            entry.1 = Some(entry.1.unwrap_or(Money::ZERO).checked_add(b).ok_or_else(|| {
                crate::error::Error::Storage(format!("{}: a key's bill on {} overflows when summed", u.model, u.day))
            })?);
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO key_usage (provider, workspace, day, project_id, model, key_id,
            input_tokens, cached_input_tokens, output_tokens, requests, billed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for ((day, project, model, key), (t, billed)) in merged {
        let [input, cached, output, requests] = super::stored_counts(&t);
        let billed = billed.map(Money::exact);
        insert.execute((
            provider,
            workspace,
            day_text(day),
            project,
            model,
            key,
            input,
            cached,
            output,
            requests,
            billed,
        ))?;
    }
    Ok(())
}

/// Replaces an account's list of keys.
pub(super) fn replace_keys(
    tx: &rusqlite::Transaction<'_>,
    provider: &str,
    workspace: &str,
    keys: &[ApiKeyInfo],
) -> Result<()> {
    tx.execute("DELETE FROM api_keys WHERE provider = ?1 AND workspace = ?2", (provider, workspace))?;
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO api_keys (provider, workspace, key_id, name, owner, owner_kind, hint, project_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for k in keys {
        insert.execute((
            provider,
            workspace,
            &k.id,
            &k.name,
            k.owner.as_deref().unwrap_or(""),
            &k.owner_kind,
            k.hint.as_deref().unwrap_or(""),
            k.project_id.as_deref().unwrap_or(""),
        ))?;
    }
    Ok(())
}

/// One billed line at the grain keys are allocated on: an account's day, project and model.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyLine {
    pub account: Account,
    pub day: NaiveDate,
    /// `""`: the default project.
    pub project_id: String,
    pub model: String,
}

/// A key's tokens on a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyUse {
    /// `""`: usage without a key.
    pub key_id: String,
    pub totals: UsageTotals,
    /// The key's bill on the line, where the provider bills per key.
    pub billed: Option<Money>,
}

impl Store {
    /// Every key's tokens on each line of `accounts` over `range`.
    pub fn key_usage(&self, accounts: &[Account], range: DateRange) -> Result<HashMap<KeyLine, Vec<KeyUse>>> {
        let mut out: HashMap<KeyLine, Vec<KeyUse>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT day, project_id, model, key_id, input_tokens, cached_input_tokens, output_tokens, requests, billed
             FROM key_usage WHERE provider = ?1 AND workspace = ?2 AND day BETWEEN ?3 AND ?4",
        )?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        for a in accounts {
            let rows =
                stmt.query_map((a.provider.id(), &a.workspace, day_text(range.since), day_text(range.until)), |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        [r.get::<_, i64>(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
                        r.get::<_, Option<String>>(8)?,
                    ))
                })?;
            for row in rows {
                let (day, project_id, model, key_id, n, billed) = row?;
                let billed = match billed {
                    Some(text) => Some(text.parse::<Money>().map_err(|e| {
                        crate::error::Error::Storage(format!("key_usage: {key_id} on {day}: billed {text:?}: {e}"))
                    })?),
                    None => None,
                };
                let line = KeyLine { account: a.clone(), day: parse_day(&day)?, project_id, model };
                let totals = UsageTotals {
                    input_tokens: count(n[0]),
                    cached_input_tokens: count(n[1]),
                    output_tokens: count(n[2]),
                    requests: count(n[3]),
                };
                out.entry(line).or_default().push(KeyUse { key_id, totals, billed });
            }
        }
        Ok(out)
    }

    /// The keys of `accounts`, by account and key id.
    pub fn api_keys(&self, accounts: &[Account]) -> Result<HashMap<(Account, String), ApiKeyInfo>> {
        let mut out = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT key_id, name, owner, owner_kind, hint, project_id FROM api_keys WHERE provider = ?1 AND workspace = ?2",
        )?;
        for a in accounts {
            let rows = stmt.query_map((a.provider.id(), &a.workspace), |r| {
                let text = |i: usize| r.get::<_, String>(i);
                let some = |s: String| (!s.is_empty()).then_some(s);
                Ok(ApiKeyInfo {
                    id: text(0)?,
                    name: text(1)?,
                    owner: some(text(2)?),
                    owner_kind: text(3)?,
                    hint: some(text(4)?),
                    project_id: some(text(5)?),
                })
            })?;
            for k in rows {
                let mut k = k?;
                if k.owner_kind != "service_account"
                    && let Some(owner) = k.owner.as_mut()
                {
                    *owner = self.people.name(owner).to_string();
                }
                out.insert((a.clone(), k.id.clone()), k);
            }
        }
        Ok(out)
    }

    /// Every person's name as the providers reported it (key owners, activity by person), as
    /// written in the cache: what `[people]` is checked against.
    pub fn people_seen(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT owner FROM api_keys WHERE owner <> '' AND owner_kind <> 'service_account'
             UNION SELECT actor FROM activity WHERE actor_kind = 'user'",
        )?;
        let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(names.collect::<rusqlite::Result<_>>()?)
    }

    /// What `account`'s provider answered about itself since `since` (older answers are asked
    /// again: an API changes).
    pub fn provider_facts(
        &self,
        account: &Account,
        since: chrono::DateTime<chrono::Utc>,
    ) -> Result<std::collections::BTreeMap<String, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, value FROM provider_facts WHERE provider = ?1 AND workspace = ?2 AND learnt_at >= ?3",
        )?;
        let rows = stmt.query_map((account.provider.id(), &account.workspace, super::time_text(since)), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether any key usage is cached for the accounts (a provider that reports keys).
    pub fn has_key_usage(&self, accounts: &[Account]) -> Result<bool> {
        for a in accounts {
            let any: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM key_usage WHERE provider = ?1 AND workspace = ?2)",
                (a.provider.id(), &a.workspace),
                |r| r.get(0),
            )?;
            if any {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
