//! Azure OpenAI / Foundry Models spend through Azure Cost Management's Query API
//! (`../shared/docs/provider-apis.md` §6). One question per sync range: daily `ActualCost` of the
//! AI services on a scope, grouped by resource and meter; rows are read by column name, money
//! in each row's billing currency, `nextLink` pages POSTed with the same body.

pub(crate) mod api;
pub(crate) mod credentials;
pub(crate) mod meter;
pub(crate) mod rows;
pub(crate) mod settings;

use chrono::{Days, Utc};
use serde_json::{Value, json};

use super::http::{ErrorReader, FailureKind, Http, ProviderError, ReadError, Signer};
use super::info::{CredentialSource, ProviderInfo};
use super::{Credentials, DayBatch, Provider};
use crate::domain::DateRange;
pub(crate) use credentials::AzureCredentials;

pub(crate) const DEFAULT_BASE_URL: &str = "https://management.azure.com";
pub(crate) const API_VERSION: &str = "2023-03-01";
/// The names the service has carried; a workspace's `services` replaces them.
pub(crate) const DEFAULT_SERVICES: [&str; 3] = ["Cognitive Services", "Azure OpenAI", "Foundry Models"];
const MAX_PAGES: usize = 500;

const INFO: ProviderInfo = ProviderInfo {
    id: "azure",
    display: "Azure OpenAI",
    key_kind: "an Entra ID service principal's client secret with Cost Management Reader on the scope (or an 'az login')",
    secret_name: "client secret",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "(no resource)",
    resells_models: true,
    spend_limit: super::info::SpendLimit::Not(
        "Azure bills Azure OpenAI on the cloud invoice: use Azure cost management budgets",
    ),
    credentials: CredentialSource::AzureLogin,
    resolve_credentials: credentials::from_context,
    // Cost Management's query budget is tight and tenant-wide; its data refreshes a few times a day.
    min_fresh_minutes: 120,
    // Data lags 8-72 hours.
    revises_days: 5,
    settings: &["tenant_id", "client_id", "scope", "services", "project_by"],
    check_settings: settings::check,
    credentials_fix: "llmcost providers add azure --workspace {workspace} --scope ... --tenant-id ... --client-id ... (stores the client secret), export {var}, or run 'az login'",
    price_list: Some("azure"),
    // Azure OpenAI Global Batch: 50% less than Global Standard (learn.microsoft.com/azure/ai-services/openai/how-to/batch).
    batch_discount_percent: 50,
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct Azure {
    http: Http,
    credentials: Option<AzureCredentials>,
    scope: String,
    services: Vec<String>,
    by_resource_group: bool,
}

/// The question for `range`: daily actual cost, by meter and resource, of the AI services.
pub(crate) fn query_body(range: DateRange, services: &[String], cost_column: &str) -> Value {
    json!({
        "type": "ActualCost",
        "timeframe": "Custom",
        "timePeriod": {
            "from": format!("{}T00:00:00Z", range.since.format("%Y-%m-%d")),
            "to": format!("{}T23:59:59Z", range.until.format("%Y-%m-%d")),
        },
        "dataset": {
            "granularity": "Daily",
            "aggregation": { "totalCost": { "name": cost_column, "function": "Sum" } },
            "grouping": [
                { "type": "Dimension", "name": "ResourceId" },
                { "type": "Dimension", "name": "Meter" }
            ],
            "filter": { "dimensions": { "name": "ServiceName", "operator": "In", "values": services } }
        }
    })
}

/// ARM's errors, by status and code (throttling is 429 with Cost Management's own retry headers).
fn read_error(status: u16, _headers: &reqwest::header::HeaderMap, body: &str) -> Option<ReadError> {
    let e: api::ErrorBody = serde_json::from_str(body).ok()?;
    let code = e.error.code.unwrap_or_default();
    let said: String = e.error.message.unwrap_or_default().chars().take(200).collect();
    let (kind, retry, message) = match (status, code.as_str()) {
        (429, _) => {
            (FailureKind::RateLimited, true, "Cost Management throttled the query (HTTP 429); try again later".into())
        }
        (401, _) | (_, "InvalidAuthenticationToken" | "ExpiredAuthenticationToken") => (
            FailureKind::InvalidKey,
            false,
            format!("Azure refused the token ({code}): check the workspace's tenant_id, client_id and secret"),
        ),
        (403, _) | (_, "AuthorizationFailed" | "RBACAccessDenied") => (
            FailureKind::NotAdmin,
            false,
            "no access to the scope: the service principal (or az login) needs the Cost Management Reader role on it"
                .into(),
        ),
        (404, _) | (_, "SubscriptionNotFound" | "ResourceGroupNotFound" | "NotFound" | "BillingAccountNotFound") => (
            FailureKind::Rejected(status),
            false,
            format!("the scope was not found ({code}): check the workspace's scope"),
        ),
        _ if code.is_empty() => return None,
        _ => (FailureKind::Rejected(status), status >= 500, format!("{code}: {said}")),
    };
    Some(ReadError { kind, retry, message })
}

impl Provider for Azure {
    const INFO: ProviderInfo = INFO;

    /// The bearer token is added per request by `signer`: it is fetched once the client runs.
    fn auth_headers(_credentials: &Credentials) -> reqwest::header::HeaderMap {
        reqwest::header::HeaderMap::new()
    }

    /// `Authorization: Bearer <token>` with the token held at the time of sending.
    fn signer(credentials: &Credentials) -> Option<Signer> {
        let Credentials::Azure(creds) = credentials else { return None };
        Some(creds.token_cache().bearer_signer())
    }

    fn error_reader() -> Option<ErrorReader> {
        Some(read_error)
    }

    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, credentials: &Credentials) -> Self {
        let settings = settings::AzureSettings::of(settings);
        let services = settings
            .services
            .clone()
            .unwrap_or_else(|| DEFAULT_SERVICES.iter().map(std::string::ToString::to_string).collect());
        Azure {
            http,
            credentials: match credentials {
                Credentials::Azure(c) => Some(c.clone()),
                _ => None,
            },
            scope: settings.scope.clone().unwrap_or_default().trim_matches('/').to_string(),
            services,
            by_resource_group: settings.project_by.as_deref() == Some("resource_group"),
        }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// One query over the last 7 days: the token, the role and the scope in one call.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let today = Utc::now().date_naive();
        let range = DateRange::new(today.checked_sub_days(Days::new(7)).unwrap_or(today), today);
        let records = self.costs(range).await?;
        let currencies: std::collections::BTreeSet<String> = records.iter().map(|r| r.currency.to_string()).collect();
        Ok(Some(match records.len() {
            0 => format!("Cost Management answers for {}; no AI spend in the last 7 days", self.scope),
            n => format!(
                "Cost Management answers for {}; {n} cost row(s) in the last 7 days, billed in {}",
                self.scope,
                currencies.into_iter().collect::<Vec<_>>().join(", ")
            ),
        }))
    }

    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let costs = self.costs(range).await?;
        Ok(DayBatch { costs, ..DayBatch::default() })
    }
}

impl Azure {
    fn query_path(&self) -> String {
        format!("/{}/providers/Microsoft.CostManagement/query?api-version={API_VERSION}", self.scope)
    }

    /// Makes sure a token is held (the signer sends it).
    async fn authenticate(&self) -> Result<(), ProviderError> {
        let Some(creds) = &self.credentials else {
            return Err(self.http.fail("(token)", FailureKind::InvalidKey, "no Azure credentials"));
        };
        creds
            .token(&self.http.client(), self.http.retry_policy())
            .await
            .map(drop)
            .map_err(|(kind, m)| self.http.fail("POST (Entra ID token)", kind, m))
    }

    async fn costs(&self, range: DateRange) -> Result<Vec<crate::domain::CostRecord>, ProviderError> {
        if self.scope.is_empty() {
            return Err(self.http.fail(
                "(config)",
                FailureKind::Rejected(400),
                "the workspace has no scope: set scope = \"subscriptions/<id>\" in its [workspaces.azure.NAME]",
            ));
        }
        self.authenticate().await?;
        match self.pages(range, "Cost").await {
            // Some agreement types have no `Cost` column, only `PreTaxCost`.
            Err(e) if e.kind == FailureKind::Rejected(400) && e.message.contains("Cost") => {
                self.pages(range, "PreTaxCost").await
            }
            other => other,
        }
    }

    /// Every page of the answer, turned into records as they come.
    async fn pages(
        &self,
        range: DateRange,
        cost_column: &str,
    ) -> Result<Vec<crate::domain::CostRecord>, ProviderError> {
        let body = query_body(range, &self.services, cost_column);
        let mut path = self.query_path();
        let mut rows = rows::Rows::new(self.by_resource_group);
        let mut seen = std::collections::HashSet::new();
        for page_number in 1..=MAX_PAGES {
            // 204 No Content: no rows at all.
            let Some(page): Option<api::QueryResult> = self.http.post_json_with(&path, &body, &[]).await? else {
                break;
            };
            let label = format!("POST {}", path.split('?').next().unwrap_or(""));
            rows.add(&page.properties, page_number).map_err(|m| self.http.fail(&label, FailureKind::Malformed, m))?;
            match page.properties.next_link.filter(|l| !l.is_empty()) {
                None => return rows.finish().map_err(|m| self.http.fail(&label, FailureKind::Malformed, m)),
                Some(link) => {
                    let next = same_origin_path(self.http.base_url(), &link).ok_or_else(|| {
                        self.http.fail(
                            &label,
                            FailureKind::Malformed,
                            "the nextLink points to another host; not followed",
                        )
                    })?;
                    if !seen.insert(next.clone()) {
                        return Err(self.http.fail(&label, FailureKind::Malformed, "the nextLink repeated"));
                    }
                    path = next;
                }
            }
        }
        if path == self.query_path() {
            return rows.finish().map_err(|m| self.http.fail("POST /query", FailureKind::Malformed, m));
        }
        Err(self.http.fail("POST /query", FailureKind::Malformed, format!("more than {MAX_PAGES} pages")))
    }
}

/// The path and query of `link` when it is on the same origin as `base` (a token must never go
/// elsewhere); `None` otherwise.
pub(crate) fn same_origin_path(base: &str, link: &str) -> Option<String> {
    let (b, l) = (reqwest::Url::parse(base).ok()?, reqwest::Url::parse(link).ok()?);
    if b.origin() != l.origin() {
        return None;
    }
    let prefix = b.path().trim_end_matches('/');
    let path = l.path().strip_prefix(prefix).unwrap_or(l.path());
    Some(match l.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_are_followed_on_the_same_origin_only() {
        let base = "https://management.azure.com";
        assert_eq!(
            same_origin_path(base, "https://management.azure.com/subscriptions/s/providers/Microsoft.CostManagement/query?api-version=2023-03-01&$skiptoken=AQ%3D%3D").as_deref(),
            Some("/subscriptions/s/providers/Microsoft.CostManagement/query?api-version=2023-03-01&$skiptoken=AQ%3D%3D")
        );
        assert_eq!(same_origin_path(base, "https://evil.example/x?y"), None);
        assert_eq!(same_origin_path(base, "http://management.azure.com/x"), None);
        assert_eq!(same_origin_path("http://127.0.0.1:9/", "http://127.0.0.1:9/a?b=1").as_deref(), Some("/a?b=1"));
    }

    #[test]
    fn the_query_asks_for_whole_utc_days() {
        let d = |s: &str| s.parse().unwrap();
        let body = query_body(DateRange::new(d("2026-11-01"), d("2026-11-07")), &["Foundry Models".into()], "Cost");
        assert_eq!(body["timePeriod"]["to"], "2026-11-07T23:59:59Z");
        assert_eq!(body["dataset"]["aggregation"]["totalCost"]["name"], "Cost");
    }
}
