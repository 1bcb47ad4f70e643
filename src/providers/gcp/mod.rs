//! Gemini API and Vertex AI spend through the Cloud Billing export to BigQuery
//! (`../shared/docs/provider-apis.md` §7): Google has no cost API for them, the money lives in
//! Cloud Billing, and the export is the only per-day, per-SKU source. One parameterised query
//! per sync range (`jobs.query`), polled while the job runs and paged with `pageToken`.

pub(crate) mod api;
pub(crate) mod credentials;
pub(crate) mod query;
pub(crate) mod rows;
pub(crate) mod settings;
pub(crate) mod sku;

use chrono::{Days, Utc};

use super::http::{ErrorReader, FailureKind, Http, ProviderError, ReadError, Signer};
use super::info::{CredentialSource, ProviderInfo};
use super::{Credentials, DayBatch, Provider};
use crate::domain::DateRange;
pub(crate) use credentials::GcpCredentials;

pub(crate) const DEFAULT_BASE_URL: &str = "https://bigquery.googleapis.com";
/// The service descriptions that are Gemini / Vertex AI spend; a workspace's `services` replaces them.
pub(crate) const DEFAULT_SERVICES: [&str; 3] = ["Vertex AI", "Gemini API", "Generative Language API"];
const MAX_PAGES: usize = 1000;
/// Polls of a running job before llmcost gives up (each waits up to 20 s server-side).
const MAX_POLLS: usize = 30;

const INFO: ProviderInfo = ProviderInfo {
    id: "gcp",
    display: "Google Gemini / Vertex AI",
    key_kind: "a service account key file (or gcloud login) with BigQuery Data Viewer on the billing export dataset and BigQuery Job User on the job project",
    secret_name: "access token",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "(no project)",
    resells_models: true,
    spend_limit: super::info::SpendLimit::Not("Google bills Vertex AI on the cloud invoice: use Cloud Billing budgets"),
    credentials: CredentialSource::GoogleAuth,
    resolve_credentials: credentials::from_context,
    // The export is updated several times a day; each query scans (and bills) bytes.
    min_fresh_minutes: 120,
    revises_days: 5,
    settings: &["billing_table", "job_project", "credentials", "location", "services", "query_file"],
    check_settings: settings::check,
    credentials_fix: "set credentials = \"key.json\" under [workspaces.gcp.{workspace}], export GOOGLE_APPLICATION_CREDENTIALS, run 'gcloud auth application-default login', or export {var}=$(gcloud auth print-access-token)",
    price_list: Some("google"),
    // Vertex AI batch prediction for Gemini: 50% discount (cloud.google.com/vertex-ai/generative-ai/pricing).
    batch_discount_percent: 50,
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct Gcp {
    http: Http,
    credentials: Option<GcpCredentials>,
    table: String,
    job_project: String,
    location: Option<String>,
    services: Vec<String>,
    query_file: Option<std::path::PathBuf>,
}

/// Google's errors, by their `reason`.
fn read_error(status: u16, _headers: &reqwest::header::HeaderMap, body: &str) -> Option<ReadError> {
    let e: api::ErrorBody = serde_json::from_str(body).ok()?;
    let reason = e.error.errors.first().and_then(|r| r.reason.clone()).or(e.error.status.clone()).unwrap_or_default();
    let said: String = e.error.message.unwrap_or_default().chars().take(300).collect();
    let (kind, retry, message) = match reason.as_str() {
        "rateLimitExceeded" | "backendError" | "RESOURCE_EXHAUSTED" => {
            (FailureKind::RateLimited, true, format!("BigQuery asked to slow down ({reason})"))
        }
        "accessDenied" | "PERMISSION_DENIED" => (
            FailureKind::NotAdmin,
            false,
            format!(
                "access denied ({said}): the account needs BigQuery Data Viewer on the billing export dataset and BigQuery Job User on the job project"
            ),
        ),
        "notFound" | "NOT_FOUND" => (
            FailureKind::Rejected(status),
            false,
            format!(
                "not found ({said}): check billing_table, and that the Cloud Billing export to BigQuery is on (Billing, Billing export, BigQuery export)"
            ),
        ),
        "invalidQuery" | "invalid" => (FailureKind::Rejected(status), false, format!("the query was refused: {said}")),
        "authError" | "UNAUTHENTICATED" => {
            (FailureKind::InvalidKey, false, "Google refused the access token (invalid or expired)".to_string())
        }
        _ if status == 401 => {
            (FailureKind::InvalidKey, false, "Google refused the access token (invalid or expired)".to_string())
        }
        "" => return None,
        other => (FailureKind::Rejected(status), status >= 500, format!("{other}: {said}")),
    };
    Some(ReadError { kind, retry, message })
}

impl Provider for Gcp {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(_credentials: &Credentials) -> reqwest::header::HeaderMap {
        reqwest::header::HeaderMap::new()
    }

    /// `Authorization: Bearer <token>` with the token held when the request is sent.
    fn signer(credentials: &Credentials) -> Option<Signer> {
        let Credentials::Gcp(creds) = credentials else { return None };
        Some(creds.token_cache().bearer_signer())
    }

    fn error_reader() -> Option<ErrorReader> {
        Some(read_error)
    }

    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, credentials: &Credentials) -> Self {
        let settings = settings::GcpSettings::of(settings);
        let table = settings.billing_table.clone().unwrap_or_default();
        let job_project =
            settings.job_project.clone().unwrap_or_else(|| table.split('.').next().unwrap_or_default().to_string());
        Gcp {
            http,
            credentials: match credentials {
                Credentials::Gcp(c) => Some(c.clone()),
                _ => None,
            },
            table,
            job_project,
            location: settings.location.clone(),
            services: settings
                .services
                .clone()
                .unwrap_or_else(|| DEFAULT_SERVICES.iter().map(std::string::ToString::to_string).collect()),
            query_file: settings.query_file.clone().map(std::path::PathBuf::from),
        }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// The query over the last 7 days: token, roles, table and query in one call.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let today = Utc::now().date_naive();
        let range = DateRange::new(today.checked_sub_days(Days::new(7)).unwrap_or(today), today);
        let (records, _, bytes) = self.run(range).await?;
        Ok(Some(format!(
            "the billing export answers ({} row(s) in the last 7 days; the query processed {} bytes)",
            records.len(),
            bytes
        )))
    }

    /// Project names come with the costs.
    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let (costs, names, _) = self.run(range).await?;
        Ok(DayBatch { costs, projects: Some(names).filter(|n| !n.is_empty()), ..DayBatch::default() })
    }
}

impl Gcp {
    fn sql(&self) -> Result<(String, bool), ProviderError> {
        if let Some(path) = &self.query_file {
            std::fs::read_to_string(path).map(|q| (q, false)).map_err(|e| {
                self.http.fail(
                    "(query_file)",
                    FailureKind::Rejected(400),
                    format!("cannot read query_file {}: {e}", path.display()),
                )
            })
        } else {
            query::validate_table(&self.table)
                .map_err(|e| self.http.fail("(config)", FailureKind::Rejected(400), format!("billing_table {e}")))?;
            Ok((query::default_sql(&self.table), true))
        }
    }

    /// Runs the query: records, project names, and the bytes BigQuery scanned (and bills).
    async fn run(
        &self,
        range: DateRange,
    ) -> Result<(Vec<crate::domain::CostRecord>, Vec<crate::domain::ProjectInfo>, u64), ProviderError> {
        let (sql, default) = self.sql()?;
        let Some(creds) = &self.credentials else {
            return Err(self.http.fail("(token)", FailureKind::InvalidKey, "no Google credentials"));
        };
        creds
            .access_token(&self.http.client(), self.http.retry_policy())
            .await
            .map_err(|(kind, m)| self.http.fail("POST (OAuth token)", kind, m))?;
        let body = query::request(&sql, range, default.then_some(self.services.as_slice()), self.location.as_deref());
        let path = format!("/bigquery/v2/projects/{}/queries", self.job_project);
        let user_query = |e: ProviderError| match (&self.query_file, e.kind.clone()) {
            (Some(file), FailureKind::Rejected(_)) => {
                ProviderError { message: format!("{} (in query_file {})", e.message, file.display()), ..e }
            }
            _ => e,
        };
        let mut page: api::QueryResponse = self.http.post_json(&path, &body).await.map_err(user_query)?;
        let mut bytes = page.total_bytes_processed.unwrap_or(0);
        let mut rows = rows::Rows::default();
        let mut polls = 0;
        let mut seen = std::collections::HashSet::new();
        for number in 1..=MAX_PAGES {
            bytes = bytes.max(page.total_bytes_processed.unwrap_or(0));
            if page.job_complete {
                rows.add(&page, number)
                    .map_err(|m| self.http.fail(&format!("POST {path}"), FailureKind::Malformed, m))?;
            }
            let token = page.page_token.clone().filter(|t| !t.is_empty());
            if page.job_complete && token.is_none() {
                tracing::info!("the billing export query processed {bytes} bytes");
                let (costs, names) = rows.finish();
                return Ok((costs, names, bytes));
            }
            if !page.job_complete {
                polls += 1;
                if polls > MAX_POLLS {
                    return Err(self.http.fail(&path, FailureKind::Timeout, "the BigQuery job did not finish in time"));
                }
            }
            let job = page.job_reference.as_ref().ok_or_else(|| {
                self.http.fail(&format!("POST {path}"), FailureKind::Malformed, "no jobReference to poll or page")
            })?;
            if let Some(t) = &token
                && !seen.insert(t.clone())
            {
                return Err(self.http.fail(&path, FailureKind::Malformed, "the pageToken repeated"));
            }
            let mut q: Vec<(&str, String)> = vec![("timeoutMs", "20000".into()), ("maxResults", "10000".into())];
            if let Some(l) = job.location.clone().or(self.location.clone()) {
                q.push(("location", l));
            }
            if let Some(t) = token.filter(|_| page.job_complete) {
                q.push(("pageToken", t));
            }
            let get = format!("/bigquery/v2/projects/{}/queries/{}", job.project_id, job.job_id);
            if !job.job_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                || !job.project_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '.')
            {
                return Err(self.http.fail(&path, FailureKind::Malformed, "the jobReference is not a job id"));
            }
            page = self.http.get_json(&get, &q).await.map_err(user_query)?;
        }
        Err(self.http.fail(&path, FailureKind::Malformed, format!("more than {MAX_PAGES} pages")))
    }
}
