//! The OpenAI client: costs (the billed truth), completions usage (tokens), projects (names).

pub mod api;
mod key_costs;
mod levers;
mod model_permissions;

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::money::money_from_json;
use crate::domain::{
    CostRecord, Currency, DateRange, LiveBucket, LiveFigure, LiveTokens, Money, ProjectInfo, UsageRecord, UsageTotals,
    line_item,
};

pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";

const INFO: ProviderInfo = ProviderInfo {
    id: "openai",
    display: "OpenAI",
    key_kind: "an OpenAI organization Admin key (sk-admin-...)",
    key_prefix: "sk-admin-",
    secret_name: "admin key",
    default_base_url: DEFAULT_BASE_URL,
    counts_requests: true,
    live: "hourly usage (usage/completions, 1h buckets) x list prices, cached input and batch included; other endpoints (images, audio, tools) wait for the bill",
    live_hourly: true,
    live_requests: 1,
    brake_rungs: &[
        (super::levers::Rung::Throttle, "every model's project rate limits lowered to 1"),
        (super::levers::Rung::DenyModels, "the expensive models denied in every active project"),
    ],
    // The organization's and each project's hard monthly limit, in cents (the Admin API, as
    // OpenAI's Python SDK has it since 3.x: `admin.organization[.projects].spend_limit`).
    spend_limit: super::info::SpendLimit::Lever(super::info::SpendLimitLever {
        lever: super::levers::spend_limit,
        scope: ("project", "proj_"),
        shown: |cents| format!("threshold_amount {cents}"),
        step_cents: 1,
    }),
    wrong_keys: &[
        (
            "sk-proj-",
            "a project API key; create an Admin key at platform.openai.com, Settings, Organization, Admin keys",
        ),
        (
            "sk-svcacct-",
            "a service account key; create an Admin key at platform.openai.com, Settings, Organization, Admin keys",
        ),
    ],
    price_list: Some("openai"),
    // Batch API: 50% off inputs and outputs (platform.openai.com/docs/guides/batch).
    batch_discount_percent: 50,
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct OpenAi {
    http: Http,
    /// The project list, asked once per process: the sync's project names and the key listing
    /// (per project) both need it.
    project_list: tokio::sync::OnceCell<Vec<ProjectInfo>>,
    /// Whether the costs endpoint bills per key, and the keys' bills when it does.
    key_costs: key_costs::KeyCosts,
}

fn unix_midnight(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp()
}

/// A project key as llmcost keeps it: its owner's email (or a service account's name).
fn key_info(k: api::ProjectKey, project: &str) -> crate::domain::ApiKeyInfo {
    let (owner, kind) = match k.owner {
        Some(o) => match (o.user, o.service_account) {
            (Some(u), _) => (u.email.or(u.name), "user"),
            (None, Some(sa)) => (sa.name, "service_account"),
            (None, None) => (None, ""),
        },
        None => (None, ""),
    };
    crate::domain::ApiKeyInfo {
        name: k.name.unwrap_or_else(|| k.id.clone()),
        id: k.id,
        owner,
        owner_kind: kind.to_string(),
        hint: k.redacted_value,
        project_id: Some(project.to_string()),
    }
}

/// Each bucket's results with its UTC day. A bucket's `start_time` is Unix seconds; errors name
/// the page, the bucket and the value.
pub fn day_buckets<T>(pages: Vec<api::BucketPage<T>>) -> Result<Vec<(NaiveDate, Vec<T>)>, String> {
    let mut out = Vec::new();
    for (p, page) in pages.into_iter().enumerate() {
        for (i, b) in page.data.into_iter().enumerate() {
            let day = day_from_json(&b.start_time).map_err(|e| format!("page {}, data[{i}].start_time: {e}", p + 1))?;
            out.push((day, b.results.unwrap_or_default()));
        }
    }
    Ok(out)
}

/// Billed cost records from cost buckets; several results for the same key are summed.
pub fn cost_records(buckets: Vec<(NaiveDate, Vec<api::CostResult>)>) -> Result<Vec<CostRecord>, String> {
    let mut merged: BTreeMap<(NaiveDate, Option<String>, String), (Money, Currency)> = BTreeMap::new();
    for (day, results) in buckets {
        for (i, r) in results.into_iter().enumerate() {
            let at = format!("bucket {day}, results[{i}].amount");
            let amount = r.amount.ok_or_else(|| format!("{at}: missing"))?;
            let currency = match amount.currency.as_deref() {
                Some(c) => Currency::parse(c).map_err(|e| format!("{at}.currency: {e}"))?,
                None => Currency::USD,
            };
            let money = money_from_json(&amount.value).map_err(|e| format!("{at}.value: {e}"))?;
            let item = r.line_item.unwrap_or_default();
            let entry =
                merged.entry((day, r.project_id.filter(|p| !p.is_empty()), item)).or_insert((Money::ZERO, currency));
            if entry.1 != currency {
                return Err(format!("{at}.currency: {currency} and {} for the same line item", entry.1));
            }
            entry.0 =
                entry.0.checked_add(money).ok_or_else(|| format!("{at}: the day's amounts overflow when summed"))?;
        }
    }
    Ok(merged
        .into_iter()
        .map(|((day, project_id, line_item), (amount, currency))| CostRecord {
            day,
            project_id,
            model: line_item::model_of(&line_item).to_string(),
            line_item: if line_item.is_empty() { line_item::UNATTRIBUTED.to_string() } else { line_item },
            amount,
            currency,
        })
        .collect())
}

/// One `/organization/costs` response body to records (benchmarks and fuzzing use this).
pub fn parse_costs_page(body: &str) -> Result<Vec<CostRecord>, String> {
    let page: api::BucketPage<api::CostResult> = serde_json::from_str(body).map_err(|e| e.to_string())?;
    cost_records(day_buckets(vec![page])?)
}

impl Provider for OpenAi {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &super::Credentials) -> reqwest::header::HeaderMap {
        super::bearer(credentials)
    }

    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        let key_costs = key_costs::KeyCosts::recalled(settings.facts.get(key_costs::FACT).map(String::as_str));
        OpenAi { http, project_list: tokio::sync::OnceCell::new(), key_costs }
    }

    fn learnt(&self) -> Vec<(String, String)> {
        self.key_costs.learnt()
    }

    fn http(&self) -> &Http {
        &self.http
    }

    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let _: api::ProjectPage = self.http.get_json("/organization/projects", &[("limit", "1".to_string())]).await?;
        Ok(None)
    }

    async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        self.project_list().await.map(Some)
    }

    async fn brake_changes(
        &self,
        rung: super::levers::Rung,
        deny: &[String],
    ) -> Result<Option<Vec<super::levers::Change>>, ProviderError> {
        match rung {
            super::levers::Rung::Throttle => self.rate_limit_changes().await.map(Some),
            super::levers::Rung::DenyModels => self.model_permission_changes(deny).await.map(Some),
            super::levers::Rung::Keys => Ok(None),
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

    /// Completions usage in hourly buckets (`bucket_width=1h`, by model, project and batch).
    async fn live(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Vec<LiveBucket>>, ProviderError> {
        const PATH: &str = "/organization/usage/completions";
        let q = [
            ("start_time", since.timestamp().to_string()),
            ("end_time", until.timestamp().to_string()),
            ("bucket_width", "1h".to_string()),
            ("group_by", "model".to_string()),
            ("group_by", "project_id".to_string()),
            ("group_by", "batch".to_string()),
            // The spec's cap for hourly buckets.
            ("limit", "168".to_string()),
        ];
        let pages: Vec<api::BucketPage<api::CompletionsUsageResult>> = self.http.pages(PATH, &q, "page").await?;
        let mut out = Vec::new();
        for (p, page) in pages.into_iter().enumerate() {
            for (i, b) in page.data.into_iter().enumerate() {
                let (day, hour) = crate::domain::day::hour_from_json(&b.start_time)
                    .map_err(|e| self.malformed(PATH, format!("page {}, data[{i}].start_time: {e}", p + 1)))?;
                for r in b.results.unwrap_or_default() {
                    let cached = r.input_cached_tokens.unwrap_or(0).min(r.input_tokens);
                    let tokens = LiveTokens {
                        uncached_input: r.input_tokens - cached,
                        cache_read: cached,
                        output: r.output_tokens,
                        requests: r.num_model_requests,
                        batch: r.batch,
                        ..LiveTokens::default()
                    };
                    out.push(LiveBucket {
                        day,
                        hour: Some(hour),
                        project_id: r.project_id.filter(|p| !p.is_empty()),
                        model: r.model.unwrap_or_else(|| line_item::UNATTRIBUTED.to_string()),
                        figure: LiveFigure::Tokens(tokens),
                    });
                }
            }
        }
        Ok(Some(out))
    }

    async fn api_keys(&self) -> Result<Option<Vec<crate::domain::ApiKeyInfo>>, ProviderError> {
        self.keys().await.map(Some)
    }

    /// Costs and usage are fetched at once; a usage failure keeps the costs. Where the costs
    /// were billed per key, each key's usage carries its bill.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let (costs, usage) = tokio::join!(self.costs(range), self.usage(range));
        let (costs, days) = costs?;
        let usage = usage.map(|u| self.key_costs.attach(u, range));
        Ok(DayBatch { costs, usage, days_reported: Some(days), ..DayBatch::default() })
    }
}

impl OpenAi {
    fn malformed(&self, path: &str, message: String) -> ProviderError {
        self.http.fail(path, FailureKind::Malformed, message)
    }

    /// Whole UTC days: usage endpoints otherwise return a partial first bucket.
    fn window(range: DateRange) -> Vec<(&'static str, String)> {
        vec![
            ("start_time", unix_midnight(range.since).to_string()),
            ("end_time", unix_midnight(range.until.succ_opt().unwrap_or(range.until)).to_string()),
            ("bucket_width", "1d".to_string()),
        ]
    }

    /// Every bucket of `path` over `range`, with the bucket's UTC day.
    async fn buckets<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        range: DateRange,
        extra: &[(&'static str, &str)],
    ) -> Result<Vec<(NaiveDate, Vec<T>)>, ProviderError> {
        let mut q = Self::window(range);
        q.extend(extra.iter().map(|(k, v)| (*k, (*v).to_string())));
        let pages: Vec<api::BucketPage<T>> = self.http.pages(path, &q, "page").await?;
        day_buckets(pages).map_err(|m| self.malformed(path, m))
    }

    /// Billed cost per UTC day, project and line item (several results for the same key are
    /// summed), and the days the API answered for.
    pub async fn costs(
        &self,
        range: DateRange,
    ) -> Result<(Vec<CostRecord>, std::collections::BTreeSet<NaiveDate>), ProviderError> {
        const PATH: &str = "/organization/costs";
        let extra = [("group_by", "project_id"), ("group_by", "line_item"), ("limit", "180")];
        if self.key_costs.worth_asking() {
            let by_key = [&extra[..2], &[("group_by", "api_key_id")], &extra[2..]].concat();
            match self.buckets::<api::CostResult>(PATH, range, &by_key).await {
                Ok(buckets) => {
                    self.key_costs.answered(true);
                    self.key_costs.keep(&buckets).map_err(|m| self.malformed(PATH, m))?;
                    let days = buckets.iter().map(|(d, _)| *d).collect();
                    return Ok((cost_records(buckets).map_err(|m| self.malformed(PATH, m))?, days));
                }
                Err(e) if e.kind == FailureKind::Rejected(400) => {
                    tracing::info!("{e}: keys are allocated their lines' bills by usage");
                    self.key_costs.answered(false);
                }
                Err(e) => return Err(e),
            }
        }
        let buckets: Vec<(NaiveDate, Vec<api::CostResult>)> = self.buckets(PATH, range, &extra).await?;
        let days = buckets.iter().map(|(d, _)| *d).collect();
        Ok((cost_records(buckets).map_err(|m| self.malformed(PATH, m))?, days))
    }

    /// Tokens and requests per UTC day, project, model and API key (completions endpoint).
    pub async fn usage(&self, range: DateRange) -> Result<Vec<UsageRecord>, ProviderError> {
        const PATH: &str = "/organization/usage/completions";
        let extra = [("group_by", "model"), ("group_by", "project_id"), ("group_by", "api_key_id"), ("limit", "31")];
        let buckets: Vec<(NaiveDate, Vec<api::CompletionsUsageResult>)> = self.buckets(PATH, range, &extra).await?;
        type Key = (NaiveDate, Option<String>, String, Option<String>);
        let mut merged: BTreeMap<Key, UsageTotals> = BTreeMap::new();
        for (day, results) in buckets {
            for r in results {
                let totals = UsageTotals {
                    input_tokens: r.input_tokens,
                    cached_input_tokens: r.input_cached_tokens.unwrap_or(0),
                    output_tokens: r.output_tokens,
                    requests: r.num_model_requests,
                };
                let model = r.model.unwrap_or_else(|| line_item::UNATTRIBUTED.to_string());
                let key = r.api_key_id.filter(|k| !k.is_empty());
                *merged.entry((day, r.project_id.filter(|p| !p.is_empty()), model, key)).or_default() += totals;
            }
        }
        Ok(super::usage_records_by_key(merged))
    }

    /// Every project's API keys, with their owners (`GET /organization/projects/{id}/api_keys`),
    /// the projects asked at once.
    async fn keys(&self) -> Result<Vec<crate::domain::ApiKeyInfo>, ProviderError> {
        let projects = self.project_list().await?;
        let listed = futures_util::future::join_all(projects.iter().map(|project| async move {
            let path = format!("/organization/projects/{}/api_keys", super::levers::segment(&project.id));
            let q = [("limit", "100".to_string())];
            let pages: Vec<api::KeyPage> = self.http.pages(&path, &q, "after").await?;
            Ok::<_, ProviderError>((project.id.clone(), pages))
        }))
        .await;
        let mut out = Vec::new();
        for result in listed {
            let (project, pages) = result?;
            out.extend(pages.into_iter().flat_map(|p| p.data).map(|k| key_info(k, &project)));
        }
        Ok(out)
    }

    /// Every project, archived ones included.
    async fn project_list(&self) -> Result<Vec<ProjectInfo>, ProviderError> {
        self.project_list.get_or_try_init(|| self.fetch_project_list()).await.cloned()
    }

    async fn fetch_project_list(&self) -> Result<Vec<ProjectInfo>, ProviderError> {
        let q = [("limit", "100".to_string()), ("include_archived", "true".to_string())];
        let pages: Vec<api::ProjectPage> = self.http.pages("/organization/projects", &q, "after").await?;
        Ok(pages
            .into_iter()
            .flat_map(|p| p.data)
            .map(|p| ProjectInfo {
                name: p.name.unwrap_or_else(|| p.id.clone()),
                status: match (p.status, p.archived_at.filter(|a| !a.is_null())) {
                    (Some(s), _) => s,
                    (None, Some(_)) => "archived".to_string(),
                    (None, None) => "active".to_string(),
                },
                id: p.id,
            })
            .collect())
    }
}
