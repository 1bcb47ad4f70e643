//! The OpenRouter client. `/activity` serves spend per day and model for the last 30 completed
//! UTC days only, so llmcost's cache is the record of anything older, and today is never in it.

pub(crate) mod api;
mod keys;
mod levers;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use tokio::sync::OnceCell;

use super::http::{FailureKind, Http, ProviderError};
use super::info::{History, ProviderInfo};
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::money::money_from_json;
use crate::domain::{CostRecord, DateRange, Money, UsageTotals};

pub(crate) const DEFAULT_BASE_URL: &str = "https://openrouter.ai/api/v1";
const PATH: &str = "/activity";

const INFO: ProviderInfo = ProviderInfo {
    id: "openrouter",
    display: "OpenRouter",
    key_kind: "an OpenRouter management key (sk-or-v1-...)",
    key_prefix: "sk-or-",
    secret_name: "management key",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "All keys",
    usage_is: "each key's bill and token counts (costs --by key)",
    // `/activity` serves the last 30 completed UTC days, never today.
    history: History::LastDays(30),
    reports_today: false,
    counts_requests: true,
    prepaid: true,
    resells_models: true,
    live: "today's billed dollars per key (/keys usage_daily), live",
    live_requests: 1,
    brake_rungs: &[(super::levers::Rung::Keys, "every enabled key disabled")],
    spend_limit: super::info::SpendLimit::Not("OpenRouter limits keys, not accounts: use key limits, or brake"),
    price_list: Some("openrouter"),
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct OpenRouter {
    http: Http,
    /// One `/activity` call serves every range of a sync.
    activity: OnceCell<Vec<(NaiveDate, CostRecord, UsageTotals)>>,
    /// The keys, listed once per sync.
    key_list: OnceCell<Vec<serde_json::Value>>,
    /// Each key's activity, read once per sync (`None`: could not be).
    by_key: OnceCell<Option<Vec<keys::KeyActivity>>>,
}

/// Each activity row as a cost record (one per model and upstream provider) and its usage.
pub(crate) fn activity_rows(page: api::Activity) -> Result<Vec<(NaiveDate, CostRecord, UsageTotals)>, String> {
    let mut out = Vec::with_capacity(page.data.len());
    for (i, row) in page.data.into_iter().enumerate() {
        let day = day_from_json(&row.date).map_err(|e| format!("data[{i}].date: {e}"))?;
        let amount = money_from_json(&row.usage).map_err(|e| format!("data[{i}].usage: {e}"))?;
        let model = row
            .model
            .filter(|m| !m.is_empty())
            .or(row.model_permaslug.filter(|m| !m.is_empty()))
            .unwrap_or_else(|| crate::domain::line_item::UNATTRIBUTED.to_string());
        let line_item = match &row.provider_name {
            Some(p) if !p.is_empty() => format!("{model} via {p}"),
            _ => model.clone(),
        };
        let totals = UsageTotals {
            input_tokens: row.prompt_tokens,
            cached_input_tokens: row.cached_tokens,
            output_tokens: row.completion_tokens,
            requests: row.requests,
        };
        let cost =
            CostRecord { day, project_id: None, line_item, model, amount, currency: crate::domain::Currency::USD };
        out.push((day, cost, totals));
    }
    Ok(out)
}

/// One `/activity` response body to rows (fuzzing uses this).
pub fn parse_activity(body: &str) -> Result<Vec<(NaiveDate, CostRecord, UsageTotals)>, String> {
    activity_rows(serde_json::from_str(body).map_err(|e| e.to_string())?)
}

impl Provider for OpenRouter {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &super::Credentials) -> reqwest::header::HeaderMap {
        super::bearer(credentials)
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        OpenRouter { http, activity: OnceCell::new(), key_list: OnceCell::new(), by_key: OnceCell::new() }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    async fn brake_changes(
        &self,
        rung: super::levers::Rung,
        _deny: &[String],
    ) -> Result<Option<Vec<super::levers::Change>>, ProviderError> {
        match rung {
            super::levers::Rung::Keys => self.key_changes().await.map(Some),
            _ => Ok(None),
        }
    }

    async fn lever_read(
        &self,
        lever: &super::levers::Lever,
        like: &serde_json::Value,
    ) -> Result<serde_json::Value, ProviderError> {
        self.key_read(lever, like).await
    }

    async fn lever_write(
        &self,
        lever: &super::levers::Lever,
        value: &serde_json::Value,
    ) -> Result<serde_json::Value, ProviderError> {
        self.key_write(lever, value).await
    }

    /// Today's spend so far: the sum of every key's `usage_daily` (dollars of the current UTC
    /// day, disabled keys included), which OpenRouter counts live.
    async fn live(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        _until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Vec<crate::domain::LiveBucket>>, ProviderError> {
        let mut total = Money::ZERO;
        for (i, key) in self.keys(true).await?.iter().enumerate() {
            let spent = match key.get("usage_daily") {
                None | Some(serde_json::Value::Null) => Money::ZERO,
                Some(v) => {
                    money_from_json(v).map_err(|e| self.malformed(format!("/keys: data[{i}].usage_daily: {e}")))?
                }
            };
            total = total
                .checked_add(spent)
                .ok_or_else(|| self.malformed("/keys: usage_daily overflows when summed".into()))?;
        }
        Ok(Some(vec![crate::domain::LiveBucket {
            day: since.date_naive(),
            hour: None,
            project_id: None,
            model: crate::domain::live::ALL_MODELS.to_string(),
            figure: crate::domain::LiveFigure::Dollars(total),
        }]))
    }

    /// A management key reads `/credits`; an inference key gets 403. Says the credits left.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        Ok(self
            .credits()
            .await?
            .map(|(left, total)| format!("credits left {} of {}", left.display_usd(), total.display_usd())))
    }

    /// Credits bought less credits used: what is left to spend (USD).
    async fn balance(&self) -> Result<Option<(Money, crate::domain::Currency)>, ProviderError> {
        Ok(self.credits().await?.map(|(left, _)| (left, crate::domain::Currency::USD)))
    }

    /// OpenRouter has no projects; its costs show as "All keys".
    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    /// One `/activity` call serves costs and usage, one per key that spent the usage and bill
    /// per key; days without rows had no spend.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let costs = self.costs(range).await?;
        Ok(DayBatch { costs, usage: self.usage_by_key(range).await, ..DayBatch::default() })
    }

    /// The keys with their names, redacted labels and creators (a user id: OpenRouter's key
    /// list names no email).
    async fn api_keys(&self) -> Result<Option<Vec<crate::domain::ApiKeyInfo>>, ProviderError> {
        Ok(Some(self.listed_keys().await?.iter().filter_map(keys::key_info).collect()))
    }
}

impl OpenRouter {
    /// `GET /credits`: `(left, bought)`, left being credits bought less credits used (USD).
    async fn credits(&self) -> Result<Option<(Money, Money)>, ProviderError> {
        let credits: api::Credits = self.http.get_json("/credits", &[]).await?;
        let read = |field: &str| credits.data.get(field).and_then(|v| money_from_json(v).ok());
        Ok(match (read("total_credits"), read("total_usage")) {
            (Some(total), Some(used)) => Some((Money::from_decimal(total.decimal() - used.decimal()), total)),
            _ => None,
        })
    }

    fn malformed(&self, message: String) -> ProviderError {
        self.http.fail(PATH, FailureKind::Malformed, message)
    }

    pub(super) async fn activity(&self) -> Result<&Vec<(NaiveDate, CostRecord, UsageTotals)>, ProviderError> {
        self.activity
            .get_or_try_init(|| async {
                let page: api::Activity = self.http.get_json(PATH, &[]).await?;
                activity_rows(page).map_err(|m| self.malformed(m))
            })
            .await
    }

    /// Billed spend per day and model (summed over upstream endpoints of one provider).
    pub async fn costs(&self, range: DateRange) -> Result<Vec<CostRecord>, ProviderError> {
        let mut merged: BTreeMap<(NaiveDate, String), CostRecord> = BTreeMap::new();
        for (day, cost, _) in self.activity().await?.iter().filter(|(d, _, _)| range.contains(*d)) {
            match merged.entry((*day, cost.line_item.clone())) {
                std::collections::btree_map::Entry::Occupied(mut e) => {
                    let sum = e.get().amount.checked_add(cost.amount).ok_or_else(|| {
                        self.malformed(format!("{day}, {}: the day's amounts overflow when summed", cost.line_item))
                    })?;
                    e.get_mut().amount = sum;
                }
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(cost.clone());
                }
            }
        }
        // Free models cost $0 and stay as rows: they were used.
        Ok(merged.into_values().collect())
    }
}
