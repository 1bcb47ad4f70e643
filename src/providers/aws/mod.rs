//! Amazon Bedrock spend through AWS Cost Explorer (`../shared/docs/provider-apis.md` §5).
//! Bedrock is billed under SERVICE `Amazon Bedrock` and, for third-party models sold through AWS
//! Marketplace, under one SERVICE per model ending in ` (Amazon Bedrock Edition)`: the services
//! are listed first (GetDimensionValues), then each is asked for daily cost by linked account
//! (or a cost-allocation tag) and usage type. Every request costs USD 0.01, so a sync asks only
//! for stale days and AWS days stay fresh for hours.

pub(crate) mod api;
pub(crate) mod credentials;
pub(crate) mod model;
pub(crate) mod settings;
pub(crate) mod sigv4;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Days, NaiveDate, Utc};
use serde_json::{Value, json};

use super::http::{ErrorReader, FailureKind, Http, ProviderError, ReadError, Signer};
use super::info::{CredentialSource, History, ProviderInfo};
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::money::money_from_json;
use crate::domain::{CostRecord, Currency, DateRange, Money, ProjectInfo};

pub(crate) const DEFAULT_BASE_URL: &str = "https://ce.us-east-1.amazonaws.com";
const GET_COST_AND_USAGE: &str = "AWSInsightsIndexService.GetCostAndUsage";
const GET_DIMENSION_VALUES: &str = "AWSInsightsIndexService.GetDimensionValues";
/// Pages of one question before llmcost stops (each costs USD 0.01).
const MAX_PAGES: usize = 200;

const INFO: ProviderInfo = ProviderInfo {
    id: "aws",
    display: "AWS Bedrock",
    key_kind: "AWS credentials allowed ce:GetCostAndUsage and ce:GetDimensionValues (from the AWS chain: a workspace profile, AWS_ACCESS_KEY_ID, ~/.aws)",
    secret_name: "credentials",
    default_base_url: DEFAULT_BASE_URL,
    endpoint_env: &["AWS_ENDPOINT_URL_COST_EXPLORER", "AWS_ENDPOINT_URL"],
    default_project_label: "(no account)",
    // Cost Explorer keeps about 13 months (longer with the multi-year opt-in).
    history: History::Unlimited,
    resells_models: true,
    spend_limit: super::info::SpendLimit::Not("AWS bills Bedrock on the cloud invoice: use AWS Budgets actions"),
    credentials: CredentialSource::AwsChain,
    resolve_credentials: credentials::from_context,
    // Cost Explorer refreshes a few times a day and bills every request.
    min_fresh_minutes: 360,
    // The unbilled month is an estimate until AWS closes it.
    revises_days: 35,
    request_cost_micro_usd: 10_000,
    settings: &["profile", "project_tag"],
    check_settings: settings::check,
    credentials_fix: "set profile = \"NAME\" under [workspaces.aws.{workspace}] (aws configure --profile NAME), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
    price_list: Some("aws"),
    // Bedrock batch inference: 50% of on-demand prices for supported models (aws.amazon.com/bedrock/pricing).
    batch_discount_percent: 50,
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct Bedrock {
    http: Http,
    project_tag: Option<String>,
}

/// A Cost Explorer `TimePeriod` (End exclusive).
fn time_period(range: DateRange) -> Value {
    let end = range.until.checked_add_days(Days::new(1)).unwrap_or(range.until);
    json!({ "Start": range.since.format("%Y-%m-%d").to_string(), "End": end.format("%Y-%m-%d").to_string() })
}

/// Whether a SERVICE value is Bedrock spend: first-party, or a Marketplace model sold through it.
pub(crate) fn is_bedrock(service: &str) -> bool {
    service == "Amazon Bedrock" || service.ends_with(" (Amazon Bedrock Edition)")
}

/// The question for one service's daily cost by project and usage type.
pub(crate) fn cost_request(range: DateRange, service: &str, project_tag: Option<&str>, token: Option<&str>) -> Value {
    let project = match project_tag {
        Some(tag) => json!({ "Type": "TAG", "Key": tag }),
        None => json!({ "Type": "DIMENSION", "Key": "LINKED_ACCOUNT" }),
    };
    let mut body = json!({
        "TimePeriod": time_period(range),
        "Granularity": "DAILY",
        "Metrics": ["UnblendedCost"],
        "GroupBy": [project, { "Type": "DIMENSION", "Key": "USAGE_TYPE" }],
        "Filter": { "And": [
            { "Dimensions": { "Key": "SERVICE", "Values": [service], "MatchOptions": ["EQUALS"] } },
            { "Dimensions": { "Key": "RECORD_TYPE", "Values": ["Usage"], "MatchOptions": ["EQUALS"] } }
        ] }
    });
    if let Some(t) = token {
        body["NextPageToken"] = json!(t);
    }
    body
}

/// The project a group's first key names: a linked account id, or a tag's value (`KEY$value`).
fn project_of(key: &str, project_tag: Option<&str>) -> String {
    match project_tag {
        Some(tag) => {
            let value = key.strip_prefix(&format!("{tag}$")).unwrap_or(key);
            if value.is_empty() { "(untagged)".to_string() } else { value.to_string() }
        }
        None => key.to_string(),
    }
}

/// Cost records of one service's answer pages, summed per (day, project, usage type): a page
/// may end inside a day, so pages add up, they never replace.
pub(crate) fn cost_records(
    service: &str,
    pages: &[api::CostAndUsage],
    project_tag: Option<&str>,
) -> Result<Vec<CostRecord>, String> {
    let mut merged: BTreeMap<(NaiveDate, String, String), (Money, Currency)> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (t, result) in page.results_by_time.iter().enumerate() {
            let at = format!("page {}, ResultsByTime[{t}]", p + 1);
            let day = day_from_json(&result.time_period.start).map_err(|e| format!("{at}.TimePeriod.Start: {e}"))?;
            for (g, group) in result.groups.iter().enumerate() {
                let at = format!("{at}.Groups[{g}]");
                let [project, usage_type] = group.keys.as_slice() else {
                    return Err(format!("{at}.Keys: expected 2 keys, got {}", group.keys.len()));
                };
                let metric = group.metrics.get("UnblendedCost").ok_or_else(|| format!("{at}: no UnblendedCost"))?;
                let currency = match metric.unit.as_deref() {
                    Some(u) => Currency::parse(u).map_err(|e| format!("{at}.Metrics.UnblendedCost.Unit: {e}"))?,
                    None => Currency::USD,
                };
                let amount =
                    money_from_json(&metric.amount).map_err(|e| format!("{at}.Metrics.UnblendedCost.Amount: {e}"))?;
                let key = (day, project_of(project, project_tag), usage_type.clone());
                let entry = merged.entry(key).or_insert((Money::ZERO, currency));
                if entry.1 != currency {
                    return Err(format!("{at}: {currency} and {} for the same usage type", entry.1));
                }
                entry.0 = entry.0.checked_add(amount).ok_or_else(|| format!("{at}: the day's amounts overflow"))?;
            }
        }
    }
    Ok(merged
        .into_iter()
        .map(|((day, project, usage_type), (amount, currency))| CostRecord {
            day,
            model: model::name(service, &usage_type),
            project_id: Some(project).filter(|p| !p.is_empty()),
            line_item: usage_type,
            amount,
            currency,
        })
        .collect())
}

/// Cost Explorer's errors, read by `__type` (throttling is HTTP 400 `LimitExceededException`).
fn read_error(status: u16, _headers: &reqwest::header::HeaderMap, body: &str) -> Option<ReadError> {
    let e: api::ErrorBody = serde_json::from_str(body).ok()?;
    let name = e.name().to_string();
    let said: String = e.message.as_deref().unwrap_or("").chars().take(200).collect();
    let (kind, retry, message) = match name.as_str() {
        "LimitExceededException" | "ThrottlingException" | "TooManyRequestsException" => {
            (FailureKind::RateLimited, true, format!("Cost Explorer throttled the request ({name}); try again later"))
        }
        "AccessDeniedException" | "AccessDenied" => (
            FailureKind::NotAdmin,
            false,
            format!(
                "access denied ({said}): the credentials need the IAM permissions ce:GetCostAndUsage and \
                 ce:GetDimensionValues, and only the payer account sees its linked accounts"
            ),
        ),
        "UnrecognizedClientException" | "InvalidSignatureException" | "InvalidClientTokenId" | "SignatureDoesNotMatch"
        | "ExpiredTokenException" | "MissingAuthenticationTokenException" | "IncompleteSignature" => (
            FailureKind::InvalidKey,
            false,
            format!("AWS refused the credentials ({name}: {said}); 'llmcost providers' shows where they come from"),
        ),
        "DataUnavailableException" => (
            FailureKind::Rejected(status),
            false,
            "Cost Explorer has no data for this period yet (DataUnavailableException); is Cost Explorer enabled for the account?"
                .to_string(),
        ),
        "" => return None,
        other => (FailureKind::Rejected(status), status >= 500, format!("{other}: {said}")),
    };
    Some(ReadError { kind, retry, message })
}

impl Provider for Bedrock {
    const INFO: ProviderInfo = INFO;

    /// Nothing is sent as a header: every request is signed (see `signer`).
    fn auth_headers(_credentials: &Credentials) -> reqwest::header::HeaderMap {
        reqwest::header::HeaderMap::new()
    }

    /// SigV4 over the request as it will be sent, with the real clock.
    fn signer(credentials: &Credentials) -> Option<Signer> {
        let Credentials::Aws(creds) = credentials.clone() else { return None };
        Some(Arc::new(move |request: &reqwest::Request| {
            let url = request.url();
            let host = match url.port() {
                Some(port) => format!("{}:{port}", url.host_str().unwrap_or("")),
                None => url.host_str().unwrap_or("").to_string(),
            };
            let target = request.headers().get("x-amz-target").and_then(|v| v.to_str().ok()).unwrap_or("");
            let body = request.body().and_then(|b| b.as_bytes()).unwrap_or(&[]);
            sigv4::sign(&creds, &host, url.path(), url.query().unwrap_or(""), target, body, Utc::now())
        }))
    }

    fn error_reader() -> Option<ErrorReader> {
        Some(read_error)
    }

    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        Bedrock { http, project_tag: settings::AwsSettings::of(settings).project_tag }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// One request: the Bedrock services billed in the last 30 days.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let today = Utc::now().date_naive();
        let range = DateRange::new(today.checked_sub_days(Days::new(30)).unwrap_or(today), today);
        let services = self.services(range).await?;
        let requests = self.http.requests_sent();
        // USD 0.01 a request.
        let cost = format!(
            "{requests} request{}, USD {}.{:02}",
            if requests == 1 { "" } else { "s" },
            requests / 100,
            requests % 100
        );
        Ok(Some(match services.len() {
            0 => format!("Cost Explorer answers; no Bedrock spend in the last 30 days; {cost}"),
            n => format!("Cost Explorer answers; {n} Bedrock service(s) billed in the last 30 days; {cost}"),
        }))
    }

    /// Project names (linked accounts' names) come with the costs, in the day batch.
    async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let mut costs = Vec::new();
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for service in self.services(range).await? {
            let pages = self.cost_pages(range, &service).await?;
            for page in &pages {
                for attr in &page.dimension_value_attributes {
                    if let Some(name) = attr.attributes.get("description").filter(|d| !d.is_empty()) {
                        names.insert(attr.value.clone(), name.clone());
                    }
                }
            }
            let records = cost_records(&service, &pages, self.project_tag.as_deref())
                .map_err(|m| self.http.fail("POST /", FailureKind::Malformed, m))?;
            costs.extend(records);
        }
        let projects = (self.project_tag.is_none() && !names.is_empty()).then(|| {
            names.into_iter().map(|(id, name)| ProjectInfo { id, name, status: "active".to_string() }).collect()
        });
        Ok(DayBatch { costs, projects, ..DayBatch::default() })
    }
}

impl Bedrock {
    /// The SERVICE values that are Bedrock spend in `range`.
    async fn services(&self, range: DateRange) -> Result<Vec<String>, ProviderError> {
        let mut services = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut body = json!({
                "TimePeriod": time_period(range),
                "Dimension": "SERVICE",
                "SearchString": "Bedrock",
                "Context": "COST_AND_USAGE"
            });
            if let Some(t) = &token {
                body["NextPageToken"] = json!(t);
            }
            let page: api::DimensionValues =
                self.http.post_json_with("/", &body, &[("x-amz-target", GET_DIMENSION_VALUES)]).await?;
            services.extend(page.values.into_iter().map(|v| v.value).filter(|v| is_bedrock(v)));
            match page.next_page_token.filter(|t| !t.is_empty()) {
                Some(next) if token.as_deref() != Some(next.as_str()) => token = Some(next),
                Some(_) => return Err(self.http.fail("POST /", FailureKind::Malformed, "the NextPageToken repeated")),
                None => break,
            }
        }
        services.sort();
        services.dedup();
        Ok(services)
    }

    /// Every page of one service's daily cost (the same body with the previous page's token).
    async fn cost_pages(&self, range: DateRange, service: &str) -> Result<Vec<api::CostAndUsage>, ProviderError> {
        let mut pages = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let body = cost_request(range, service, self.project_tag.as_deref(), token.as_deref());
            let page: api::CostAndUsage =
                self.http.post_json_with("/", &body, &[("x-amz-target", GET_COST_AND_USAGE)]).await?;
            let next = page.next_page_token.clone().filter(|t| !t.is_empty());
            pages.push(page);
            match next {
                Some(next) if token.as_deref() != Some(next.as_str()) => token = Some(next),
                Some(_) => return Err(self.http.fail("POST /", FailureKind::Malformed, "the NextPageToken repeated")),
                None => return Ok(pages),
            }
        }
        Err(self.http.fail("POST /", FailureKind::Malformed, format!("more than {MAX_PAGES} pages")))
    }
}
