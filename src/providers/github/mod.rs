//! The GitHub client: the AI part of an organization's bill (Copilot seats, premium requests and
//! GitHub Models) per UTC day and SKU, from the enhanced billing platform's usage report, one
//! request per calendar month. Actions, Packages, Codespaces and the rest of the report are not
//! AI spend and are left out. The organization is the workspace's name (`_` read as `-`), or its
//! `org` setting.

pub(crate) mod api;
mod levers;
mod people;
mod rate_limit;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::money::money_from_json;
use crate::domain::{CostRecord, Currency, DateRange};

pub(crate) const DEFAULT_BASE_URL: &str = "https://api.github.com";

/// The products of the report that are AI spend (lower case).
const AI_PRODUCTS: [&str; 3] = ["copilot", "models", "spark"];

const INFO: ProviderInfo = ProviderInfo {
    id: "github",
    display: "GitHub",
    key_kind: "a GitHub token that reads the organization's billing (fine-grained: organization permission \
               Administration, read; classic: admin:org), made by an organization owner or billing manager",
    key_prefix: "github_pat_",
    secret_name: "token",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "Organization",
    usage_is: "each seat holder's premium requests (costs --by person)",
    // The organization's AI-credits budget that stops usage (`levers.rs`), in whole dollars.
    spend_limit: super::info::SpendLimit::Lever(super::info::SpendLimitLever {
        lever: super::levers::spend_limit,
        scope: ("repository", "repo:"),
        shown: |cents| format!("budget_amount {}", cents.parse::<u64>().map_or(0, |c| c / 100)),
        step_cents: 100,
    }),
    settings: &["org"],
    check_settings,
    ..ProviderInfo::KEY_DEFAULTS
};

/// `[workspaces.github.NAME]`: the organization, when its login is not the workspace's name.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    org: Option<String>,
}

fn check_settings(ws: &crate::config_workspace::WorkspaceConfig) -> Result<(), (&'static str, String)> {
    let s: Settings = ws.provider_settings().map_err(|e| ("", e))?;
    match s.org.as_deref() {
        Some(org) if !super::slug::valid(org, 39) => {
            Err(("org", "an organization login is letters, digits and '-' (e.g. acme-labs)".into()))
        }
        _ => Ok(()),
    }
}

pub struct GitHub {
    http: Http,
    /// The organization's login.
    org: String,
    /// The Copilot seat holders, listed once per sync (`None`: the token may not).
    seat_list: tokio::sync::OnceCell<Option<Vec<String>>>,
}

/// `Copilot: Copilot Business`; a premium request's model after it.
fn line_item(product: &str, sku: &str, model: Option<&str>) -> String {
    match model.filter(|m| !m.is_empty()) {
        Some(m) => format!("{product}: {sku} ({m})"),
        None => format!("{product}: {sku}"),
    }
}

/// The AI items of a report in `range`, summed per day and line item (a report may list one
/// SKU per repository).
pub(crate) fn cost_records(report: api::UsageReport, range: DateRange) -> Result<Vec<CostRecord>, String> {
    let mut merged: BTreeMap<(NaiveDate, String), CostRecord> = BTreeMap::new();
    for (i, item) in report.usage_items.unwrap_or_default().into_iter().enumerate() {
        // One product, whatever case a report writes it in.
        let product = item.product.unwrap_or_default().to_lowercase();
        if !AI_PRODUCTS.contains(&product.as_str()) {
            continue;
        }
        let day = day_from_json(&item.date).map_err(|e| format!("usageItems[{i}].date: {e}"))?;
        if !range.contains(day) {
            continue;
        }
        let amount = money_from_json(&item.net_amount).map_err(|e| format!("usageItems[{i}].netAmount: {e}"))?;
        let sku = item.sku.unwrap_or_else(|| crate::domain::line_item::UNATTRIBUTED.to_string());
        let item_text = line_item(&product, &sku, item.model.as_deref());
        let model = item.model.filter(|m| !m.is_empty()).unwrap_or_else(|| sku.clone());
        match merged.entry((day, item_text.clone())) {
            std::collections::btree_map::Entry::Occupied(mut e) => {
                let sum = e.get().amount.checked_add(amount).ok_or_else(|| {
                    format!("usageItems[{i}]: {item_text} on {day}: the day's amounts overflow when summed")
                })?;
                e.get_mut().amount = sum;
            }
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(CostRecord {
                    day,
                    project_id: None,
                    line_item: item_text,
                    model,
                    amount,
                    currency: Currency::USD,
                });
            }
        }
    }
    Ok(merged.into_values().collect())
}

/// One usage report body to records, every day of it (fuzzing uses this).
pub fn parse_usage(body: &str) -> Result<Vec<CostRecord>, String> {
    cost_records(serde_json::from_str(body).map_err(|e| e.to_string())?, DateRange::new(NaiveDate::MIN, NaiveDate::MAX))
}

/// The calendar months `range` touches: `(year, month)`.
pub(super) fn months(range: DateRange) -> Vec<(i32, u32)> {
    let mut out: Vec<(i32, u32)> = Vec::new();
    for day in range.days() {
        let m = (day.year(), day.month());
        if out.last() != Some(&m) {
            out.push(m);
        }
    }
    out
}

impl Provider for GitHub {
    const INFO: ProviderInfo = INFO;

    /// A bearer token, and the media type and API version GitHub asks every client to send.
    fn auth_headers(credentials: &Credentials) -> reqwest::header::HeaderMap {
        let mut headers = super::bearer(credentials);
        headers
            .insert(reqwest::header::ACCEPT, reqwest::header::HeaderValue::from_static("application/vnd.github+json"));
        headers.insert("x-github-api-version", reqwest::header::HeaderValue::from_static("2022-11-28"));
        headers
    }

    /// GitHub throttles with 403 as often as 429 (`rate_limit.rs`).
    fn error_reader() -> Option<super::http::ErrorReader> {
        Some(rate_limit::read_error)
    }

    fn new(http: Http, settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        let org = super::slug::account_name(settings.provider_settings::<Settings>().ok().and_then(|s| s.org), &http);
        GitHub { http, org, seat_list: tokio::sync::OnceCell::new() }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// A token that reads the report reads this month's.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let today = chrono::Utc::now().date_naive();
        let _: api::UsageReport = self.report(today.year(), today.month()).await?;
        Ok(Some(format!("organization {}", self.org)))
    }

    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    /// One report per calendar month; days without AI items had no AI spend. Each seat holder's
    /// premium requests are their bill (`people.rs`); a failure there keeps the costs.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let mut costs = Vec::new();
        for (year, month) in months(range) {
            let report = self.report(year, month).await?;
            let path = self.path();
            costs.extend(cost_records(report, range).map_err(|m| self.http.fail(&path, FailureKind::Malformed, m))?);
        }
        let usage = self.premium_by_person(range).await;
        Ok(DayBatch { costs, usage, ..DayBatch::default() })
    }

    async fn lever_read(
        &self,
        lever: &super::levers::Lever,
        like: &serde_json::Value,
    ) -> Result<serde_json::Value, ProviderError> {
        let _ = like;
        self.lever_now(lever).await
    }

    async fn lever_write(
        &self,
        lever: &super::levers::Lever,
        value: &serde_json::Value,
    ) -> Result<serde_json::Value, ProviderError> {
        self.lever_set(lever, value).await
    }

    /// Copilot's seat holders, the people premium requests are billed to.
    async fn api_keys(&self) -> Result<Option<Vec<crate::domain::ApiKeyInfo>>, ProviderError> {
        Ok(self.people().await)
    }
}

impl GitHub {
    fn path(&self) -> String {
        format!("/organizations/{}/settings/billing/usage", super::levers::segment(&self.org))
    }

    async fn report(&self, year: i32, month: u32) -> Result<api::UsageReport, ProviderError> {
        let q = [("year", year.to_string()), ("month", month.to_string())];
        self.http.get_json(&self.path(), &q).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ai_products_in_range_count_and_repositories_are_summed() {
        let body = r#"{"usageItems": [
            {"date": "2026-11-03", "product": "copilot", "sku": "Copilot Business", "quantity": 1.5, "unitType": "user-months",
             "pricePerUnit": 19, "grossAmount": 28.5, "discountAmount": 0, "netAmount": 28.5, "organizationName": "acme"},
            {"date": "2026-11-03T00:00:00Z", "product": "Copilot", "sku": "Copilot Premium Request", "model": "Claude Sonnet 4.5",
             "netAmount": "0.04", "repositoryName": "a"},
            {"date": "2026-11-03", "product": "copilot", "sku": "Copilot Premium Request", "model": "Claude Sonnet 4.5",
             "netAmount": 0.08, "repositoryName": "b"},
            {"date": "2026-11-03", "product": "actions", "sku": "Actions Linux", "netAmount": 3.2},
            {"date": "2026-10-31", "product": "models", "sku": "Models", "netAmount": 1}
        ]}"#;
        let range = DateRange::new(
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        );
        let report: api::UsageReport = serde_json::from_str(body).unwrap();
        let rows = cost_records(report, range).unwrap();
        let amounts: Vec<(String, String)> = rows.iter().map(|r| (r.line_item.clone(), r.amount.exact())).collect();
        assert_eq!(
            amounts,
            [
                ("copilot: Copilot Business".to_string(), "28.50".to_string()),
                ("copilot: Copilot Premium Request (Claude Sonnet 4.5)".to_string(), "0.12".to_string()),
            ]
        );
        assert!(parse_usage(r#"{"usageItems": [{"date": "x", "product": "copilot", "netAmount": 1}]}"#).is_err());
        assert_eq!(parse_usage(body).unwrap().len(), 3, "every day: October's Models row too");
        assert_eq!(months(range), [(2026, 11)]);
    }
}
