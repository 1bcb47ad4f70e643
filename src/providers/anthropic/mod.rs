//! The Anthropic client: the cost report (cents, the billed truth), the messages usage report
//! (tokens), and workspaces, which llmcost shows as projects.

pub mod api;
pub(crate) mod levers;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::{
    CostRecord, Currency, DateRange, LiveBucket, LiveFigure, LiveTokens, Money, ProjectInfo, UsageRecord, UsageTotals,
};

pub const DEFAULT_BASE_URL: &str = "https://api.anthropic.com";
pub const API_VERSION: &str = "2023-06-01";

const INFO: ProviderInfo = ProviderInfo {
    id: "anthropic",
    display: "Anthropic",
    key_kind: "an Anthropic Admin API key (sk-ant-admin01-...)",
    key_prefix: "sk-ant-admin",
    secret_name: "admin key",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "Default workspace",
    live: "hourly usage (usage_report/messages, 1h buckets) x list prices, cache writes and batch included",
    live_hourly: true,
    live_requests: 1,
    brake_rungs: &[(super::levers::Rung::Keys, "every active API key set inactive")],
    spend_limit: super::info::SpendLimit::Lever(super::info::SpendLimitLever {
        lever: super::levers::spend_limit,
        scope: ("workspace", "wrkspc_"),
        shown: |cents| format!("amount \"{cents}\""),
        step_cents: 1,
    }),
    wrong_keys: &[(
        "sk-ant-api03-",
        "a workspace API key; create an Admin key at console.anthropic.com, Settings, Admin keys",
    )],
    price_list: Some("anthropic"),
    // Message Batches API: 50% of standard prices (docs.anthropic.com/en/docs/build-with-claude/batch-processing).
    batch_discount_percent: 50,
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct Anthropic {
    http: Http,
}

fn rfc3339_midnight(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

/// The line item a cost row is filed under: its description, plus the tier or context window
/// when they change the price, so distinct prices stay distinct rows.
fn line_item(r: &api::CostResult) -> String {
    let mut item = r.description.clone().unwrap_or_else(|| "(unattributed)".to_string());
    if let Some(tier) = r.service_tier.as_deref().filter(|t| *t != "standard") {
        item.push_str(&format!(" [{tier}]"));
    }
    if let Some(window) = r.context_window.as_deref().filter(|w| *w != "0-200k") {
        item.push_str(&format!(" [{window}]"));
    }
    item
}

/// Billed cost records (in dollars) from cost-report buckets.
pub fn cost_records(buckets: Vec<(NaiveDate, Vec<api::CostResult>)>) -> Result<Vec<CostRecord>, String> {
    // (day, workspace, line item) -> (model, amount, currency)
    type Key = (NaiveDate, Option<String>, String);
    let mut merged: BTreeMap<Key, (String, Money, Currency)> = BTreeMap::new();
    for (day, results) in buckets {
        for (i, r) in results.into_iter().enumerate() {
            let at = format!("bucket {day}, results[{i}]");
            let currency = match r.currency.as_deref() {
                Some(c) => Currency::parse(c).map_err(|e| format!("{at}.currency: {e}"))?,
                None => Currency::USD,
            };
            let cents = match &r.amount {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Null => return Err(format!("{at}.amount: missing")),
                _ => return Err(format!("{at}.amount: not a number or a numeric string")),
            };
            let dollars = Money::parse_cents(&cents).map_err(|e| format!("{at}.amount: {e}"))?;
            let item = line_item(&r);
            // Web search, code execution and the like have no model: their description is their row.
            let model = r.model.clone().unwrap_or_else(|| r.description.clone().unwrap_or_else(|| item.clone()));
            let entry = merged.entry((day, r.workspace_id.filter(|w| !w.is_empty()), item)).or_insert((
                model,
                Money::ZERO,
                currency,
            ));
            if entry.2 != currency {
                return Err(format!("{at}.currency: {currency} and {} for the same line item", entry.2));
            }
            entry.1 =
                entry.1.checked_add(dollars).ok_or_else(|| format!("{at}: the day's amounts overflow when summed"))?;
        }
    }
    Ok(merged
        .into_iter()
        .map(|((day, project_id, line_item), (model, amount, currency))| CostRecord {
            day,
            project_id,
            line_item,
            model,
            amount,
            currency,
        })
        .collect())
}

/// Each bucket's results with its UTC day.
pub fn day_buckets<T>(pages: Vec<api::ReportPage<T>>) -> Result<Vec<(NaiveDate, Vec<T>)>, String> {
    let mut out = Vec::new();
    for (p, page) in pages.into_iter().enumerate() {
        for (i, b) in page.data.into_iter().enumerate() {
            let day =
                day_from_json(&b.starting_at).map_err(|e| format!("page {}, data[{i}].starting_at: {e}", p + 1))?;
            out.push((day, b.results.unwrap_or_default()));
        }
    }
    Ok(out)
}

/// One `cost_report` response body to records (benchmarks and fuzzing use this).
pub fn parse_cost_report_page(body: &str) -> Result<Vec<CostRecord>, String> {
    let page: api::ReportPage<api::CostResult> = serde_json::from_str(body).map_err(|e| e.to_string())?;
    cost_records(day_buckets(vec![page])?)
}

impl Provider for Anthropic {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &super::Credentials) -> reqwest::header::HeaderMap {
        let Some(key) = credentials.key() else { return reqwest::header::HeaderMap::new() };
        let mut headers = super::sensitive_header("x-api-key", key.expose());
        headers.extend(super::sensitive_header("anthropic-version", API_VERSION));
        headers
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        Anthropic { http }
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
        self.lever_now(lever, like).await
    }

    async fn lever_write(
        &self,
        lever: &super::levers::Lever,
        value: &serde_json::Value,
    ) -> Result<serde_json::Value, ProviderError> {
        self.lever_set(lever, value).await
    }

    async fn live(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Vec<LiveBucket>>, ProviderError> {
        self.hourly(since, until).await.map(Some)
    }

    async fn api_keys(&self) -> Result<Option<Vec<crate::domain::ApiKeyInfo>>, ProviderError> {
        self.keys().await.map(Some)
    }

    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let _: api::WorkspacePage =
            self.http.get_json("/v1/organizations/workspaces", &[("limit", "1".to_string())]).await?;
        Ok(None)
    }

    async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        self.workspaces().await.map(Some)
    }

    /// The cost and usage reports are fetched at once; a usage failure keeps the costs.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let (costs, usage) = tokio::join!(self.costs(range), self.usage(range));
        let (costs, days) = costs?;
        Ok(DayBatch { costs, usage, days_reported: Some(days), ..DayBatch::default() })
    }
}

impl Anthropic {
    /// Messages usage in hourly buckets (`bucket_width=1h`, by model, workspace and service
    /// tier: the batch tier is billed at the batch discount).
    async fn hourly(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<LiveBucket>, ProviderError> {
        const PATH: &str = "/v1/organizations/usage_report/messages";
        let at = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut q = vec![
            ("starting_at", at(since)),
            ("ending_at", at(until)),
            ("bucket_width", "1h".to_string()),
            ("limit", "168".to_string()),
        ];
        q.extend(["model", "workspace_id", "service_tier"].map(|g| ("group_by[]", g.to_string())));
        let pages: Vec<api::ReportPage<api::MessagesUsageResult>> = self.http.pages(PATH, &q, "page").await?;
        let mut out = Vec::new();
        for (p, page) in pages.into_iter().enumerate() {
            for (i, b) in page.data.into_iter().enumerate() {
                let (day, hour) = crate::domain::day::hour_from_json(&b.starting_at)
                    .map_err(|e| self.malformed(PATH, format!("page {}, data[{i}].starting_at: {e}", p + 1)))?;
                for r in b.results.unwrap_or_default() {
                    let writes = r.cache_creation.unwrap_or_default();
                    let tokens = LiveTokens {
                        uncached_input: r.uncached_input_tokens,
                        cache_read: r.cache_read_input_tokens,
                        cache_write_5m: writes.ephemeral_5m_input_tokens,
                        cache_write_1h: writes.ephemeral_1h_input_tokens,
                        output: r.output_tokens,
                        requests: 0,
                        batch: r.service_tier.as_deref() == Some("batch"),
                    };
                    out.push(LiveBucket {
                        day,
                        hour: Some(hour),
                        project_id: r.workspace_id.filter(|w| !w.is_empty()),
                        model: r.model.unwrap_or_else(|| "(unattributed)".to_string()),
                        figure: LiveFigure::Tokens(tokens),
                    });
                }
            }
        }
        Ok(out)
    }

    fn malformed(&self, path: &str, message: String) -> ProviderError {
        self.http.fail(path, FailureKind::Malformed, message)
    }

    /// Every bucket of a report over `range`, with its UTC day. Array parameters must use the
    /// bracketed `group_by[]` form: the API rejects the plain one.
    async fn report<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        range: DateRange,
        group_by: &[&str],
    ) -> Result<Vec<(NaiveDate, Vec<T>)>, ProviderError> {
        let end = range.until.succ_opt().unwrap_or(range.until);
        let mut q = vec![
            ("starting_at", rfc3339_midnight(range.since)),
            ("ending_at", rfc3339_midnight(end)),
            ("bucket_width", "1d".to_string()),
            ("limit", "31".to_string()),
        ];
        q.extend(group_by.iter().map(|g| ("group_by[]", (*g).to_string())));
        let pages: Vec<api::ReportPage<T>> = self.http.pages(path, &q, "page").await?;
        day_buckets(pages).map_err(|m| self.malformed(path, m))
    }

    /// Billed cost per UTC day, workspace and description, in dollars, and the days answered for.
    pub async fn costs(
        &self,
        range: DateRange,
    ) -> Result<(Vec<CostRecord>, std::collections::BTreeSet<NaiveDate>), ProviderError> {
        const PATH: &str = "/v1/organizations/cost_report";
        let buckets: Vec<(NaiveDate, Vec<api::CostResult>)> =
            self.report(PATH, range, &["workspace_id", "description"]).await?;
        let days = buckets.iter().map(|(d, _)| *d).collect();
        Ok((cost_records(buckets).map_err(|m| self.malformed(PATH, m))?, days))
    }

    /// Tokens per UTC day, workspace, model and API key. The report has no request counts.
    pub async fn usage(&self, range: DateRange) -> Result<Vec<UsageRecord>, ProviderError> {
        const PATH: &str = "/v1/organizations/usage_report/messages";
        let buckets: Vec<(NaiveDate, Vec<api::MessagesUsageResult>)> =
            self.report(PATH, range, &["model", "workspace_id", "api_key_id"]).await?;
        type Key = (NaiveDate, Option<String>, String, Option<String>);
        let mut merged: BTreeMap<Key, UsageTotals> = BTreeMap::new();
        for (day, results) in buckets {
            for r in results {
                let writes = r.cache_creation.unwrap_or_default();
                let totals = UsageTotals {
                    input_tokens: r
                        .uncached_input_tokens
                        .saturating_add(r.cache_read_input_tokens)
                        .saturating_add(writes.ephemeral_1h_input_tokens)
                        .saturating_add(writes.ephemeral_5m_input_tokens),
                    cached_input_tokens: r.cache_read_input_tokens,
                    output_tokens: r.output_tokens,
                    requests: 0,
                };
                let model = r.model.unwrap_or_else(|| "(unattributed)".to_string());
                let key = r.api_key_id.filter(|k| !k.is_empty());
                *merged.entry((day, r.workspace_id.filter(|w| !w.is_empty()), model, key)).or_default() += totals;
            }
        }
        Ok(super::usage_records_by_key(merged))
    }

    /// The organization's API keys with their creators' emails (`/v1/organizations/api_keys`
    /// and `/v1/organizations/users`).
    async fn keys(&self) -> Result<Vec<crate::domain::ApiKeyInfo>, ProviderError> {
        let q = [("limit", "100".to_string())];
        let (keys, users) = tokio::join!(
            self.http.pages::<api::KeyPage>("/v1/organizations/api_keys", &q, "after_id"),
            self.http.pages::<api::UserPage>("/v1/organizations/users", &q, "after_id"),
        );
        let users: BTreeMap<String, String> =
            users?.into_iter().flat_map(|p| p.data).filter_map(|u| Some((u.id, u.email.or(u.name)?))).collect();
        Ok(keys?
            .into_iter()
            .flat_map(|p| p.data)
            .map(|k| {
                let creator = k.created_by.and_then(|c| c.id);
                crate::domain::ApiKeyInfo {
                    name: k.name.unwrap_or_else(|| k.id.clone()),
                    owner: creator.as_ref().map(|id| users.get(id).cloned().unwrap_or_else(|| id.clone())),
                    owner_kind: if creator.is_some() { "user".into() } else { String::new() },
                    hint: k.partial_key_hint,
                    project_id: k.workspace_id.filter(|w| !w.is_empty()),
                    id: k.id,
                }
            })
            .collect())
    }

    /// The organization's workspaces, archived ones included.
    async fn workspaces(&self) -> Result<Vec<ProjectInfo>, ProviderError> {
        let q = [("limit", "100".to_string()), ("include_archived", "true".to_string())];
        let pages: Vec<api::WorkspacePage> = self.http.pages("/v1/organizations/workspaces", &q, "after_id").await?;
        Ok(pages
            .into_iter()
            .flat_map(|p| p.data)
            .map(|w| ProjectInfo {
                name: w.name.unwrap_or_else(|| w.id.clone()),
                status: if w.archived_at.is_some() { "archived" } else { "active" }.to_string(),
                id: w.id,
            })
            .collect())
    }
}
