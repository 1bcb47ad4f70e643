//! Who spent it on OpenRouter: OpenRouter bills per key, so a key's spend is a bill, not an
//! allocation. `/keys` lists every key (its hash, name, redacted label and creator, disabled keys
//! too) and `/activity?api_key_hash=H` serves one key's rows of the last 30 completed UTC days.
//! A key that never spent (`usage` 0) is not asked; keys are asked four at a time. What no
//! listed key accounts for (a deleted key's spend) stays `(no key)`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde_json::Value;

use super::{OpenRouter, activity_rows, api};
use crate::domain::money::money_from_json;
use crate::domain::{ApiKeyInfo, CostRecord, DateRange, Money, UsageRecord, UsageTotals};
use crate::providers::http::ProviderError;
use crate::providers::levers::text;

/// Keys asked at once.
const AT_ONCE: usize = 4;

/// Tokens and dollars per UTC day and model.
type ByDayAndModel = BTreeMap<(NaiveDate, String), (UsageTotals, Money)>;

/// One key's activity rows.
pub(super) type KeyActivity = (String, Vec<(NaiveDate, CostRecord, UsageTotals)>);

/// A listed key as llmcost keeps it: the hash, never a secret; the label is OpenRouter's own
/// redacted form (`sk-or-v1-au7...890`).
pub(super) fn key_info(key: &Value) -> Option<ApiKeyInfo> {
    let id = text(key, "hash")?;
    let label = text(key, "label").filter(|l| !l.is_empty());
    let name = text(key, "name").filter(|n| !n.is_empty()).or_else(|| label.clone()).unwrap_or_else(|| id.clone());
    let owner = text(key, "creator_user_id").filter(|o| !o.is_empty());
    Some(ApiKeyInfo {
        owner_kind: if owner.is_some() { "user".into() } else { String::new() },
        owner,
        hint: label.filter(|l| *l != name),
        project_id: text(key, "workspace_id").filter(|w| !w.is_empty()),
        id,
        name,
    })
}

impl OpenRouter {
    /// Every key, listed once per sync (disabled keys too: they spent before they were).
    pub(super) async fn listed_keys(&self) -> Result<&Vec<Value>, ProviderError> {
        self.key_list.get_or_try_init(|| self.keys(true)).await
    }

    /// The activity of every key that ever spent, asked once per sync; `None` when the keys
    /// cannot be listed or one key's activity cannot be read (the sync then keeps its bill
    /// whole, under no key).
    async fn key_activity(&self) -> Option<&Vec<KeyActivity>> {
        self.by_key
            .get_or_init(|| async {
                match self.read_key_activity().await {
                    Ok(found) => Some(found),
                    Err(e) => {
                        tracing::warn!("OpenRouter spend per key not read: {e}");
                        None
                    }
                }
            })
            .await
            .as_ref()
    }

    async fn read_key_activity(&self) -> Result<Vec<KeyActivity>, ProviderError> {
        let spent = |k: &&Value| k.get("usage").and_then(|u| money_from_json(u).ok()).is_some_and(|u| !u.is_zero());
        let hashes: Vec<String> =
            self.listed_keys().await?.iter().filter(spent).filter_map(|k| text(k, "hash")).collect();
        stream::iter(hashes)
            .map(|hash| async move {
                let page: api::Activity = self.http.get_json(super::PATH, &[("api_key_hash", hash.clone())]).await?;
                let rows = activity_rows(page).map_err(|m| self.malformed(format!("key {hash}: {m}")))?;
                Ok::<_, ProviderError>((hash, rows))
            })
            .buffer_unordered(AT_ONCE)
            .try_collect()
            .await
    }

    /// Usage per UTC day and model: per key with each key's bill where the keys' activity was
    /// read (and what no listed key accounts for as usage without a key), else per model.
    pub(super) async fn usage_by_key(&self, range: DateRange) -> Result<Vec<UsageRecord>, ProviderError> {
        let whole = self.usage_and_bill(range, self.activity().await?.iter())?;
        let Some(keys) = self.key_activity().await else {
            return Ok(whole
                .into_iter()
                .map(|((day, model), (totals, _))| record(day, model, None, totals, None))
                .collect());
        };
        let mut out = Vec::new();
        let mut left = whole;
        for (hash, rows) in keys {
            for ((day, model), (totals, billed)) in self.usage_and_bill(range, rows.iter())? {
                if let Some((t, b)) = left.get_mut(&(day, model.clone())) {
                    *t = t.saturating_sub(totals);
                    let rest = b.decimal().checked_sub(billed.decimal()).ok_or_else(|| {
                        self.malformed(format!("key {hash}: {model} on {day}: the key's spend overflows"))
                    })?;
                    *b = Money::from_decimal(rest);
                }
                out.push(record(day, model, Some(hash.clone()), totals, Some(billed)));
            }
        }
        let keyed: std::collections::BTreeSet<(NaiveDate, String)> =
            out.iter().map(|u| (u.day, u.model.clone())).collect();
        for ((day, model), (totals, billed)) in left {
            if keyed.contains(&(day, model.clone())) {
                if totals != UsageTotals::default() || !billed.is_zero() {
                    out.push(record(day, model, Some(String::new()), totals, Some(billed)));
                }
            } else {
                out.push(record(day, model, None, totals, None));
            }
        }
        Ok(out)
    }

    /// Tokens and dollars per day and model of `rows` in `range` (upstream endpoints summed).
    fn usage_and_bill<'a>(
        &self,
        range: DateRange,
        rows: impl Iterator<Item = &'a (NaiveDate, CostRecord, UsageTotals)>,
    ) -> Result<ByDayAndModel, ProviderError> {
        let mut merged: ByDayAndModel = BTreeMap::new();
        for (day, cost, totals) in rows.filter(|(d, _, _)| range.contains(*d)) {
            let entry = merged.entry((*day, cost.model.clone())).or_insert((UsageTotals::default(), Money::ZERO));
            entry.0 += *totals;
            entry.1 = entry.1.checked_add(cost.amount).ok_or_else(|| {
                self.malformed(format!("{day}, {}: the day's amounts overflow when summed", cost.model))
            })?;
        }
        Ok(merged)
    }
}

fn record(
    day: NaiveDate,
    model: String,
    key_id: Option<String>,
    totals: UsageTotals,
    billed: Option<Money>,
) -> UsageRecord {
    UsageRecord { day, project_id: None, model, totals, key_id, billed }
}
