//! Who spent GitHub's premium requests: the organization's Copilot seat holders
//! (`GET /orgs/{org}/copilot/billing/seats`, 100 a page) and each one's premium request report
//! (`GET /organizations/{org}/settings/billing/premium_request/usage?user=`). The report groups by
//! nothing, so a person's days are asked one by one: first a month per seat holder, then each day
//! of the range for those billed anything that month (within the included requests a person
//! costs $0 and is not asked further). Each person's net amount per day and model is their bill
//! (`--by person`, billed); what no seat holder accounts for stays `(no key)`. A token that may
//! not list seats costs the names, not the sync.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde::Deserialize;

use super::GitHub;
use crate::domain::lenient;
use crate::domain::money::money_from_json;
use crate::domain::{ApiKeyInfo, DateRange, Money, UsageRecord, UsageTotals};
use crate::providers::http::{FailureKind, ProviderError};

/// Seat holders asked at once (GitHub's secondary rate limits frown on more).
const AT_ONCE: usize = 4;
/// Seats a page (GitHub's maximum).
const PER_PAGE: usize = 100;
/// Seat pages read at most: a list that never ends is an error, not a loop.
const MAX_PAGES: usize = 1_000;

#[derive(Debug, Deserialize)]
struct SeatPage {
    #[serde(default, deserialize_with = "lenient::opt_count")]
    total_seats: Option<u64>,
    #[serde(default)]
    seats: Vec<Seat>,
}

#[derive(Debug, Deserialize)]
struct Seat {
    #[serde(default)]
    assignee: Option<Assignee>,
}

#[derive(Debug, Deserialize)]
struct Assignee {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    login: Option<String>,
}

/// `billing-premium-request-usage-report-org`, as GitHub's REST API description has it.
#[derive(Debug, Deserialize)]
pub(crate) struct PremiumReport {
    #[serde(default, rename = "usageItems")]
    usage_items: Vec<PremiumItem>,
}

#[derive(Debug, Deserialize)]
struct PremiumItem {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    model: Option<String>,
    #[serde(default, rename = "grossQuantity")]
    gross_quantity: serde_json::Value,
    #[serde(default, rename = "netAmount")]
    net_amount: serde_json::Value,
}

/// A report's net amount and requests per model.
fn per_model(report: PremiumReport) -> Result<BTreeMap<String, (Money, u64)>, String> {
    let mut out: BTreeMap<String, (Money, u64)> = BTreeMap::new();
    for (i, item) in report.usage_items.into_iter().enumerate() {
        let net = money_from_json(&item.net_amount).map_err(|e| format!("usageItems[{i}].netAmount: {e}"))?;
        if net.decimal().is_sign_negative() {
            return Err(format!("usageItems[{i}].netAmount is negative"));
        }
        // Requests, rounded: a model's multiplier makes fractions of one (0.33 of a request).
        let requests = money_from_json(&item.gross_quantity)
            .ok()
            .and_then(|q| rust_decimal::prelude::ToPrimitive::to_u64(&q.decimal().round()))
            .unwrap_or(0);
        let model = item.model.filter(|m| !m.is_empty()).unwrap_or_else(|| "Copilot Premium Request".to_string());
        let entry = out.entry(model).or_insert((Money::ZERO, 0));
        entry.0 = entry.0.checked_add(net).ok_or_else(|| format!("usageItems[{i}]: the amounts overflow"))?;
        entry.1 = entry.1.saturating_add(requests);
    }
    Ok(out)
}

impl GitHub {
    fn premium_path(&self) -> String {
        format!(
            "/organizations/{}/settings/billing/premium_request/usage",
            crate::providers::levers::segment(&self.org)
        )
    }

    fn seats_path(&self) -> String {
        format!("/orgs/{}/copilot/billing/seats", crate::providers::levers::segment(&self.org))
    }

    /// The seat holders' logins, listed once per sync; `None` when the token may not list them.
    pub(super) async fn seat_holders(&self) -> Option<&Vec<String>> {
        self.seat_list
            .get_or_init(|| async {
                match self.list_seats().await {
                    Ok(logins) => Some(logins),
                    Err(e) => {
                        tracing::warn!(
                            "GitHub Copilot seats not listed, premium requests stay the organization's: {e}"
                        );
                        None
                    }
                }
            })
            .await
            .as_ref()
    }

    async fn list_seats(&self) -> Result<Vec<String>, ProviderError> {
        let path = self.seats_path();
        let mut logins = Vec::new();
        for page in 1..=MAX_PAGES {
            let q = [("per_page", PER_PAGE.to_string()), ("page", page.to_string())];
            let got: SeatPage = self.http.get_json(&path, &q).await?;
            let n = got.seats.len();
            logins.extend(got.seats.into_iter().filter_map(|s| s.assignee.and_then(|a| a.login)));
            let total = got.total_seats.and_then(|t| usize::try_from(t).ok());
            if n < PER_PAGE || total.is_some_and(|t| page * PER_PAGE >= t) {
                logins.sort();
                logins.dedup();
                return Ok(logins);
            }
        }
        Err(self.http.fail(&path, FailureKind::Malformed, format!("more than {MAX_PAGES} pages of seats")))
    }

    /// One person's premium requests of a month, or of one day of it.
    async fn premium(&self, user: &str, day: NaiveDate, whole_month: bool) -> Result<PremiumReport, ProviderError> {
        let mut q = vec![("year", day.year().to_string()), ("month", day.month().to_string())];
        if !whole_month {
            q.push(("day", day.day().to_string()));
        }
        q.push(("user", user.to_string()));
        self.http.get_json(&self.premium_path(), &q).await
    }

    /// Each seat holder's billed premium requests per UTC day and model of `range`; empty when
    /// the seats cannot be listed.
    pub(super) async fn premium_by_person(&self, range: DateRange) -> Result<Vec<UsageRecord>, ProviderError> {
        let Some(users) = self.seat_holders().await else { return Ok(Vec::new()) };
        let path = self.premium_path();
        let malformed = |user: &str, m: String| self.http.fail(&path, FailureKind::Malformed, format!("{user}: {m}"));
        let mut out = Vec::new();
        for (year, month) in super::months(range) {
            let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { continue };
            // Who was billed anything this month: only they are asked day by day.
            let monthly: Vec<(String, bool)> = stream::iter(users.iter().cloned())
                .map(|user| async move {
                    let report = self.premium(&user, first, true).await?;
                    let total = per_model(report).map_err(|m| malformed(&user, m))?;
                    let spent = total.values().any(|(net, _)| !net.is_zero());
                    Ok::<_, ProviderError>((user, spent))
                })
                .buffered(AT_ONCE)
                .try_collect()
                .await?;
            let days: Vec<NaiveDate> = range.days().filter(|d| d.year() == year && d.month() == month).collect();
            let asks: Vec<(String, NaiveDate)> = monthly
                .into_iter()
                .filter(|(_, spent)| *spent)
                .flat_map(|(user, _)| days.iter().map(move |day| (user.clone(), *day)))
                .collect();
            let found: Vec<Vec<UsageRecord>> = stream::iter(asks)
                .map(|(user, day)| async move {
                    let report = self.premium(&user, day, false).await?;
                    let by_model = per_model(report).map_err(|m| malformed(&user, m))?;
                    Ok::<_, ProviderError>(
                        by_model
                            .into_iter()
                            .filter(|(_, (net, requests))| !net.is_zero() || *requests > 0)
                            .map(|(model, (net, requests))| UsageRecord {
                                day,
                                project_id: None,
                                model,
                                totals: UsageTotals { requests, ..UsageTotals::default() },
                                key_id: Some(user.clone()),
                                billed: Some(net),
                            })
                            .collect(),
                    )
                })
                .buffered(AT_ONCE)
                .try_collect()
                .await?;
            out.extend(found.into_iter().flatten());
        }
        Ok(out)
    }

    /// The seat holders as people (`--by person`): a login is its own name and owner.
    pub(super) async fn people(&self) -> Option<Vec<ApiKeyInfo>> {
        let users = self.seat_holders().await?;
        Some(
            users
                .iter()
                .map(|login| ApiKeyInfo {
                    id: login.clone(),
                    name: login.clone(),
                    owner: Some(login.clone()),
                    owner_kind: "user".into(),
                    hint: None,
                    project_id: None,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_sums_per_model_exactly() {
        let report: PremiumReport = serde_json::from_str(
            r#"{"timePeriod": {"year": 2026, "month": 11, "day": 3}, "organization": "acme", "user": "octocat",
                "usageItems": [
                  {"product": "Copilot", "sku": "Copilot Premium Request", "model": "Claude Sonnet 4.5", "unitType": "requests",
                   "pricePerUnit": 0.04, "grossQuantity": 12, "grossAmount": 0.48, "discountQuantity": 4,
                   "discountAmount": 0.16, "netQuantity": 8, "netAmount": 0.32},
                  {"product": "Copilot", "sku": "Copilot Premium Request", "model": "Claude Sonnet 4.5",
                   "grossQuantity": 1, "netAmount": "0.04"},
                  {"product": "Copilot", "sku": "Copilot Premium Request", "model": "GPT-5", "grossQuantity": 3, "netAmount": 0}
                ]}"#,
        )
        .unwrap();
        let m = per_model(report).unwrap();
        assert_eq!(m["Claude Sonnet 4.5"].0.exact(), "0.36");
        assert_eq!(m["Claude Sonnet 4.5"].1, 13);
        assert!(m["GPT-5"].0.is_zero());
        let negative: PremiumReport = serde_json::from_str(r#"{"usageItems": [{"netAmount": -1}]}"#).unwrap();
        assert!(per_model(negative).unwrap_err().contains("negative"));
    }
}
