//! Provider clients behind one enum, so adding a provider is adding a variant.

pub mod anthropic;
pub mod http;
pub mod openai;
pub mod openrouter;
pub mod record;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use reqwest::header::HeaderMap;

use crate::domain::{Account, CostRecord, DateRange, ProjectInfo, ProviderKind, UsageRecord, UsageTotals};
use crate::secrets::Secret;
use http::{FailureKind, Http, ProviderError, RetryPolicy};

/// Everything needed to talk to one account.
pub struct Connection<'a> {
    pub client: reqwest::Client,
    pub account: Account,
    pub key: &'a Secret,
    pub base_url: String,
    pub retry: RetryPolicy,
    /// `--record DIR`: where to write every response body.
    pub recorder: Option<record::Recorder>,
}

pub enum AnyProvider {
    OpenAi(openai::OpenAi),
    Anthropic(anthropic::Anthropic),
    OpenRouter(openrouter::OpenRouter),
}

/// Each provider's authentication headers.
fn auth_headers(provider: ProviderKind, key: &Secret) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: &str| {
        let (n, v) = http::header(name, value);
        headers.insert(n, v);
    };
    match provider {
        ProviderKind::OpenAi | ProviderKind::OpenRouter => set("authorization", &format!("Bearer {}", key.expose())),
        ProviderKind::Anthropic => {
            set("x-api-key", key.expose());
            set("anthropic-version", anthropic::API_VERSION);
        }
    }
    headers
}

impl AnyProvider {
    pub fn connect(c: Connection<'_>) -> Self {
        let provider = c.account.provider;
        let headers = auth_headers(provider, c.key);
        let http = Http::new(c.client, &c.base_url, c.account, headers, c.retry, provider.key_kind())
            .masking(c.key)
            .recording(c.recorder);
        match provider {
            ProviderKind::OpenAi => AnyProvider::OpenAi(openai::OpenAi::new(http)),
            ProviderKind::Anthropic => AnyProvider::Anthropic(anthropic::Anthropic::new(http)),
            ProviderKind::OpenRouter => AnyProvider::OpenRouter(openrouter::OpenRouter::new(http)),
        }
    }

    fn http(&self) -> &Http {
        match self {
            AnyProvider::OpenAi(p) => p.http(),
            AnyProvider::Anthropic(p) => p.http(),
            AnyProvider::OpenRouter(p) => p.http(),
        }
    }

    /// Billed costs and token usage for every day of `range`. A record dated outside the range
    /// asked for (1970, the year 10000, milliseconds read as seconds) fails the account: dropping
    /// it would record the asked-for days as fetched with $0, and they would never be fetched again.
    pub async fn fetch_days(&self, range: DateRange) -> Result<(Vec<CostRecord>, Vec<UsageRecord>), ProviderError> {
        let (costs, usage) = match self {
            AnyProvider::OpenAi(p) => (p.costs(range).await?, p.usage(range).await?),
            AnyProvider::Anthropic(p) => (p.costs(range).await?, p.usage(range).await?),
            AnyProvider::OpenRouter(p) => (p.costs(range).await?, p.usage(range).await?),
        };
        let stray = costs.iter().map(|c| c.day).chain(usage.iter().map(|u| u.day)).find(|d| !range.contains(*d));
        if let Some(day) = stray {
            return Err(self.http().fail(
                "(billing data)",
                FailureKind::Malformed,
                format!(
                    "the provider sent data for {day}, outside the days asked for ({} to {}); nothing was written",
                    range.since, range.until
                ),
            ));
        }
        Ok((costs, usage))
    }

    /// Projects (Anthropic: workspaces). OpenRouter has none to list.
    pub async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        match self {
            AnyProvider::OpenAi(p) => p.projects().await.map(Some),
            AnyProvider::Anthropic(p) => p.projects().await.map(Some),
            AnyProvider::OpenRouter(_) => Ok(None),
        }
    }

    /// One cheap authenticated call that needs the admin (management) rights llmcost needs.
    pub async fn check(&self) -> Result<(), ProviderError> {
        match self {
            AnyProvider::OpenAi(p) => p.check().await,
            AnyProvider::Anthropic(p) => p.check().await,
            AnyProvider::OpenRouter(p) => p.check().await,
        }
    }
}

/// Usage summed per (day, project, model), as records.
pub(crate) fn usage_records(merged: BTreeMap<(NaiveDate, Option<String>, String), UsageTotals>) -> Vec<UsageRecord> {
    merged
        .into_iter()
        .map(|((day, project_id, model), totals)| UsageRecord { day, project_id, model, totals })
        .collect()
}

/// The provider's API base URL: the workspace's `base_url`, else `LLMCOST_<PROVIDER>_BASE_URL`,
/// else the public endpoint.
pub fn base_url(provider: ProviderKind, workspace_override: Option<&str>, env: &[(String, String)]) -> String {
    if let Some(url) = workspace_override {
        return url.to_string();
    }
    let var = format!("LLMCOST_{}_BASE_URL", provider.id().to_ascii_uppercase());
    if let Some((_, v)) = env.iter().find(|(k, v)| *k == var && !v.trim().is_empty()) {
        return v.trim().to_string();
    }
    match provider {
        ProviderKind::OpenAi => openai::DEFAULT_BASE_URL.to_string(),
        ProviderKind::Anthropic => anthropic::DEFAULT_BASE_URL.to_string(),
        ProviderKind::OpenRouter => openrouter::DEFAULT_BASE_URL.to_string(),
    }
}
