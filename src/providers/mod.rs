//! Provider clients behind one trait and one registry (`registry.rs`): a provider is its folder
//! (wire types in `api.rs`, `impl Provider` in `mod.rs`, its own auth) plus one registry line.

pub mod anthropic;
pub mod http;
pub mod info;
pub mod openai;
pub mod openrouter;
pub mod record;
pub mod registry;
pub mod xai;

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use chrono::NaiveDate;
use reqwest::header::HeaderMap;

use crate::domain::{Account, CostRecord, DateRange, ProjectInfo, UsageRecord, UsageTotals};
use crate::secrets::Secret;
use http::{FailureKind, Http, ProviderError, RetryPolicy};
pub use info::{History, ProviderInfo};
pub use registry::{AnyProvider, ProviderKind};

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
}

/// A billing API llmcost can read. Each provider owns its facts, its authentication and its
/// calls; pagination and wire formats stay inside its folder.
pub trait Provider: Sized + Send + Sync {
    const INFO: ProviderInfo;

    /// The provider's own authentication headers for `key` (every value is marked sensitive).
    fn auth_headers(key: &Secret) -> HeaderMap;

    fn new(http: Http) -> Self;

    fn http(&self) -> &Http;

    /// One cheap authenticated call that needs the admin rights llmcost needs; `Some` note about
    /// the account for `providers test` (a prepaid balance, credits left) where the API has one.
    fn check(&self) -> impl Future<Output = Result<Option<String>, ProviderError>> + Send;

    /// The account's projects, archived ones too; `None` for a provider without projects.
    fn projects(&self) -> impl Future<Output = Result<Option<Vec<ProjectInfo>>, ProviderError>> + Send;

    /// Billed costs (and usage where the API has it) for every day of `range`.
    fn fetch_days(&self, range: DateRange) -> impl Future<Output = Result<DayBatch, ProviderError>> + Send;
}

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

/// Builds one authentication header, marked sensitive.
pub fn sensitive_header(name: &'static str, value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let (n, v) = http::header(name, value);
    headers.insert(n, v);
    headers
}

impl AnyProvider {
    pub fn connect(c: Connection<'_>) -> Self {
        let Connection { client, account, key, base_url, retry, recorder } = c;
        let kind = account.provider;
        AnyProvider::with_http(
            kind,
            |auth| {
                Http::new(client, &base_url, account, auth, retry, kind.info().key_kind)
                    .masking(key)
                    .recording(recorder)
            },
            key,
        )
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
    provider.info().default_base_url.to_string()
}
