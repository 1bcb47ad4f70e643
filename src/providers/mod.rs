//! Provider clients behind one trait and one registry (the `registry!` call below, its machinery
//! in `registry.rs`): a provider is its folder (wire types in `api.rs`, `impl Provider` in
//! `mod.rs`, its own auth) plus one registry line, which also declares the folder's module.

pub(crate) mod credentials;
pub mod failure;
pub(crate) mod helper;
pub mod http;
pub(crate) mod imported;
pub(crate) mod info;
pub mod levers;
pub(crate) mod oauth;
pub(crate) mod record;
pub(crate) mod registry;
pub(crate) mod slug;
pub(crate) mod token_cache;

// THE list of providers: `visibility Variant => module::Client`, one line each. The module is
// public where fuzz targets and benchmarks read its wire types.
registry::registry! {
    pub OpenAi => openai::OpenAi,
    pub Anthropic => anthropic::Anthropic,
    pub OpenRouter => openrouter::OpenRouter,
    pub(crate) Xai => xai::Xai,
    pub(crate) Aws => aws::Bedrock,
    pub(crate) Azure => azure::Azure,
    pub(crate) Gcp => gcp::Gcp,
    pub GitHub => github::GitHub,
    pub Cursor => cursor::Cursor,
    pub DeepSeek => deepseek::DeepSeek,
    pub Fireworks => fireworks::Fireworks,
    pub ClaudeCode => claude_code::ClaudeCode,
}

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use chrono::NaiveDate;
use reqwest::header::HeaderMap;

use crate::domain::{Account, CostRecord, DateRange, ProjectInfo, UsageRecord, UsageTotals};
use crate::secrets::Secret;
use http::{FailureKind, Http, ProviderError, RetryPolicy};
pub use info::{CredentialSource, History, ProviderInfo};

/// What a provider fetched for a range of days.
#[derive(Debug)]
pub struct DayBatch {
    /// Billed costs: the truth, and what a sync needs to succeed.
    pub costs: Vec<CostRecord>,
    /// Token usage; a failure here keeps the costs (the sync says usage is missing).
    pub usage: Result<Vec<UsageRecord>, ProviderError>,
    /// The days the provider answered for (a bucket, even an empty one). `None` when the provider
    /// documents absent days as empty (OpenRouter). A day it did not answer for is not recorded as
    /// fetched, so it is fetched again rather than kept as $0.
    pub days_reported: Option<BTreeSet<NaiveDate>>,
    /// Project names learnt with the costs (AWS linked accounts), merged into the project list.
    pub projects: Option<Vec<ProjectInfo>>,
    /// People's activity with its estimated cost (`ProviderInfo::activity_only` providers),
    /// replacing the cached activity of the days answered.
    pub activity: Vec<crate::domain::ActivityRecord>,
}

/// Nothing fetched yet: no costs, no usage (none missing), every day answered as documented,
/// no projects or activity. A provider states only what it has (`..DayBatch::default()`), so a
/// new kind of answer is one field here, not an edit in every provider.
impl Default for DayBatch {
    fn default() -> Self {
        DayBatch { costs: Vec::new(), usage: Ok(Vec::new()), days_reported: None, projects: None, activity: Vec::new() }
    }
}

/// What authenticates an account's requests.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// An API key (keyring or environment).
    Key(Secret),
    /// Credentials from the AWS chain, which sign each request.
    Aws(aws::credentials::AwsCredentials),
    /// An Entra ID service principal or Azure CLI login, exchanged for a bearer token.
    Azure(azure::AzureCredentials),
    /// A Google access token, service account or gcloud login.
    Gcp(gcp::GcpCredentials),
}

impl Credentials {
    pub fn key(&self) -> Option<&Secret> {
        match self {
            Credentials::Key(k) => Some(k),
            Credentials::Aws(_) | Credentials::Azure(_) | Credentials::Gcp(_) => None,
        }
    }

    /// Every secret in them, to mask wherever a response echoes one.
    pub fn secrets(&self) -> Vec<&Secret> {
        match self {
            Credentials::Key(k) => vec![k],
            Credentials::Aws(a) => std::iter::once(&a.secret_access_key).chain(a.session_token.as_ref()).collect(),
            Credentials::Azure(a) => a.secrets(),
            Credentials::Gcp(g) => g.secrets(),
        }
    }

    /// For people: `sk-admin-...4f2a`, or an AWS access key id (not a secret) as `AKIA...WXYZ`.
    pub fn hint(&self) -> String {
        match self {
            Credentials::Key(k) => k.hint(),
            Credentials::Aws(a) => Secret::new(a.access_key_id.clone()).hint(),
            Credentials::Azure(a) => a.hint(),
            Credentials::Gcp(g) => g.hint(),
        }
    }
}

/// `Authorization: Bearer <key>`, the scheme of most key providers.
pub fn bearer(credentials: &Credentials) -> HeaderMap {
    match credentials.key() {
        Some(key) => sensitive_header("authorization", &format!("Bearer {}", key.expose())),
        None => HeaderMap::new(),
    }
}

/// A billing API llmcost can read. Each provider owns its facts, its authentication and its
/// calls; pagination and wire formats stay inside its folder.
pub trait Provider: Sized + Send + Sync {
    const INFO: ProviderInfo;

    /// The provider's own authentication headers (every value is marked sensitive).
    fn auth_headers(credentials: &Credentials) -> HeaderMap;

    /// A signer for providers that sign each request instead of sending a key (AWS SigV4).
    fn signer(_credentials: &Credentials) -> Option<http::Signer> {
        None
    }

    /// How the provider's error bodies read, where status codes do not say enough.
    fn error_reader() -> Option<http::ErrorReader> {
        None
    }

    /// The client, given its HTTP connection and the workspace's settings from the config.
    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, credentials: &Credentials) -> Self;

    fn http(&self) -> &Http;

    /// One cheap authenticated call that needs the admin rights llmcost needs; `Some` note about
    /// the account for `providers test` (a prepaid balance, credits left) where the API has one.
    fn check(&self) -> impl Future<Output = Result<Option<String>, ProviderError>> + Send;

    /// The account's projects, archived ones too; `None` for a provider without projects.
    fn projects(&self) -> impl Future<Output = Result<Option<Vec<ProjectInfo>>, ProviderError>> + Send;

    /// Billed costs (and usage where the API has it) for every day of `range`.
    fn fetch_days(&self, range: DateRange) -> impl Future<Output = Result<DayBatch, ProviderError>> + Send;

    /// A prepaid balance the provider reports, in its currency, for `llmcost balances`; `None`
    /// where the account is billed after use.
    fn balance(
        &self,
    ) -> impl Future<Output = Result<Option<(crate::domain::Money, crate::domain::Currency)>, ProviderError>> + Send
    {
        async { Ok(None) }
    }

    /// Live usage of the hours in `[since, until)` (UTC, whole hours; the last one may be in
    /// progress), for estimates of days whose bill has not arrived; `None` where llmcost reads
    /// no live usage from the provider (`ProviderInfo::live`).
    fn live(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> impl Future<Output = Result<Option<Vec<crate::domain::LiveBucket>>, ProviderError>> + Send {
        let _ = (since, until);
        async { Ok(None) }
    }

    /// The account's API keys (names, owners, redacted hints) for `--by key,person`; `None`
    /// where llmcost reads no keys from the provider.
    fn api_keys(&self) -> impl Future<Output = Result<Option<Vec<crate::domain::ApiKeyInfo>>, ProviderError>> + Send {
        async { Ok(None) }
    }

    /// The reversible changes that stop this account's spend, from the state read now (`llmcost
    /// brake`); `None` where llmcost knows no lever for the provider.
    /// What the API answered about itself during this client's requests (name, value), for the
    /// cache to remember and hand back in `WorkspaceConfig::facts` next time.
    fn learnt(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// The changes of one rung of the brake's ladder (`deny`: the models the deny-models rung
    /// refuses); `None`: the provider has no such rung.
    fn brake_changes(
        &self,
        _rung: levers::Rung,
        _deny: &[String],
    ) -> impl Future<Output = Result<Option<Vec<levers::Change>>, ProviderError>> + Send {
        async { Ok(None) }
    }

    /// A lever's setting as the provider reports it now: the fields of `like`.
    fn lever_read(
        &self,
        lever: &levers::Lever,
        like: &serde_json::Value,
    ) -> impl Future<Output = Result<serde_json::Value, ProviderError>> + Send {
        let _ = (lever, like);
        async { Err(self.http().fail("(levers)", failure::FailureKind::Unsupported, "this provider has no levers")) }
    }

    /// Sets a lever's setting to `value`; the setting as the provider reports it after.
    fn lever_write(
        &self,
        lever: &levers::Lever,
        value: &serde_json::Value,
    ) -> impl Future<Output = Result<serde_json::Value, ProviderError>> + Send {
        let _ = (lever, value);
        async { Err(self.http().fail("(levers)", failure::FailureKind::Unsupported, "this provider has no levers")) }
    }
}

/// Everything needed to talk to one account.
pub struct Connection<'a> {
    pub client: reqwest::Client,
    pub account: Account,
    pub credentials: &'a Credentials,
    pub base_url: String,
    pub retry: RetryPolicy,
    /// `--record DIR`: where to write every response body.
    pub recorder: Option<record::Recorder>,
    /// The workspace's settings from the config (AWS: `project_tag`).
    pub settings: crate::config_workspace::WorkspaceConfig,
}

/// Builds one authentication header, marked sensitive.
pub fn sensitive_header(name: &'static str, value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let (n, v) = http::header(name, value);
    headers.insert(n, v);
    headers
}

impl AnyProvider {
    pub fn connect(c: Connection<'_>) -> Self {
        let Connection { client, account, credentials, base_url, retry, recorder, settings } = c;
        let kind = account.provider;
        AnyProvider::with_http(
            kind,
            |auth, signer, reader| {
                Http::new(client, &base_url, account, auth, retry, kind.info().key_kind)
                    .masking(credentials.secrets())
                    .recording(recorder)
                    .signing(signer)
                    .reading_errors(reader)
            },
            credentials,
            &settings,
        )
    }

    /// Requests this client has sent, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.http().requests_sent()
    }

    /// Billed costs and token usage for every day of `range`. A record dated outside the range
    /// asked for (1970, the year 10000, milliseconds read as seconds) fails the account: dropping
    /// it would record the asked-for days as fetched with $0, and they would never be fetched again.
    pub async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let batch = self.fetch_batch(range).await?;
        let usage_days = batch.usage.iter().flatten().map(|u| u.day);
        let stray = batch.costs.iter().map(|c| c.day).chain(usage_days).find(|d| !range.contains(*d));
        let reported_stray = batch.days_reported.iter().flatten().find(|d| !range.contains(**d));
        if let Some(day) = stray.or(reported_stray.copied()) {
            return Err(self.http().fail(
                "(billing data)",
                FailureKind::Malformed,
                format!(
                    "the provider sent data for {day}, outside the days asked for ({} to {}); nothing was written",
                    range.since, range.until
                ),
            ));
        }
        Ok(batch)
    }
}

/// Usage summed per (day, project, model), as records.
/// Usage records per day, project, model and API key (`None` key: usage without one).
pub(crate) fn usage_records_by_key(
    merged: BTreeMap<(NaiveDate, Option<String>, String, Option<String>), UsageTotals>,
) -> Vec<UsageRecord> {
    merged
        .into_iter()
        .map(|((day, project_id, model, key), totals)| UsageRecord {
            day,
            project_id,
            model,
            totals,
            key_id: Some(key.unwrap_or_default()),
            billed: None,
        })
        .collect()
}

/// The provider's API base URL: the workspace's `base_url`, else `LLMCOST_<PROVIDER>_BASE_URL`,
/// else the public endpoint.
pub fn base_url(provider: ProviderKind, workspace_override: Option<&str>, env: &[(String, String)]) -> String {
    if let Some(url) = workspace_override {
        return url.to_string();
    }
    let var = format!("LLMCOST_{}_BASE_URL", crate::secrets::env_word(provider.id()));
    let vars = std::iter::once(var.as_str()).chain(provider.info().endpoint_env.iter().copied());
    for name in vars {
        if let Some((_, v)) = env.iter().find(|(k, v)| k == name && !v.trim().is_empty()) {
            return v.trim().to_string();
        }
    }
    provider.info().default_base_url.to_string()
}
