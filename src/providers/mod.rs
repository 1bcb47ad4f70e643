//! Provider clients behind one enum, so adding a provider is adding a variant.

pub mod http;
pub mod openai;

use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::domain::{Account, CostRecord, DateRange, ProjectInfo, ProviderKind, UsageRecord};
use crate::secrets::Secret;
use http::{Http, ProviderError, RetryPolicy};

/// Everything needed to talk to one account.
pub struct Connection<'a> {
    pub client: reqwest::Client,
    pub account: Account,
    pub key: &'a Secret,
    pub base_url: String,
    pub retry: RetryPolicy,
}

pub enum AnyProvider {
    OpenAi(openai::OpenAi),
}

impl AnyProvider {
    pub fn connect(c: Connection<'_>) -> Self {
        match c.account.provider {
            ProviderKind::OpenAi => {
                let mut auth = HeaderMap::new();
                let (name, value) = http::header("authorization", &format!("Bearer {}", c.key.expose()));
                auth.insert(name, value);
                let http = Http::new(
                    c.client,
                    &c.base_url,
                    c.account.clone(),
                    auth,
                    c.retry,
                    ProviderKind::OpenAi.key_kind(),
                );
                AnyProvider::OpenAi(openai::OpenAi::new(http))
            }
        }
    }

    pub async fn costs(&self, range: DateRange) -> Result<Vec<CostRecord>, ProviderError> {
        match self {
            AnyProvider::OpenAi(p) => p.costs(range).await,
        }
    }

    pub async fn usage(&self, range: DateRange) -> Result<Vec<UsageRecord>, ProviderError> {
        match self {
            AnyProvider::OpenAi(p) => p.usage(range).await,
        }
    }

    pub async fn projects(&self) -> Result<Vec<ProjectInfo>, ProviderError> {
        match self {
            AnyProvider::OpenAi(p) => p.projects().await,
        }
    }

    pub async fn check(&self) -> Result<(), ProviderError> {
        match self {
            AnyProvider::OpenAi(p) => p.check().await,
        }
    }
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
    }
}

/// Default request timeout when the config does not say.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
