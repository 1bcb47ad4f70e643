//! The Cursor client: a team's on-demand AI spend per UTC day, model and member, from the Admin
//! API's usage events (`POST /teams/filtered-usage-events`, 1,000 a page; `chargedCents` of each
//! chargeable event, the model's cost plus Cursor's token rate, as Cursor's reference says to sum
//! to match `/teams/spend`). Usage included in the seats is counted in tokens and shown at $0.
//! Seats themselves are not in the events. Cursor keeps a rolling window of events (its reference
//! does not say how long: llmcost asks at most 30 days back), so the cache is the record of
//! anything older, and Cursor asks that it be polled at most once an hour.

pub(crate) mod api;

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, NaiveDate, NaiveTime};
use serde_json::json;

use super::http::{FailureKind, Http, ProviderError};
use super::info::{History, ProviderInfo};
use super::{Credentials, DayBatch, Provider};
use crate::domain::{ApiKeyInfo, CostRecord, Currency, DateRange, Money, UsageRecord, UsageTotals};

pub(crate) const DEFAULT_BASE_URL: &str = "https://api.cursor.com";
const EVENTS: &str = "/teams/filtered-usage-events";
/// Events a page (the API's maximum).
const PAGE_SIZE: u32 = 1_000;
/// Pages read at most: a list that never ends is an error, not a loop.
const MAX_PAGES: u32 = 2_000;

const INFO: ProviderInfo = ProviderInfo {
    id: "cursor",
    display: "Cursor",
    key_kind: "a Cursor Admin API key (crsr_...; cursor.com, Dashboard, Settings, Admin API keys, made by a team \
               admin)",
    key_prefix: "crsr_",
    secret_name: "Admin API key",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "Team",
    history: History::LastDays(30),
    counts_requests: true,
    resells_models: true,
    spend_limit: super::info::SpendLimit::Not(
        "Cursor limits each member's spend (Enterprise), not the team's: set them in its dashboard",
    ),
    // Cursor aggregates events hourly and asks to be polled at most once an hour.
    min_fresh_minutes: 60,
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct Cursor {
    http: Http,
}

/// The UTC day of an event's epoch-milliseconds timestamp.
fn event_day(value: &serde_json::Value) -> Result<NaiveDate, String> {
    let ms: i64 = match value {
        serde_json::Value::String(s) => {
            s.trim().parse().map_err(|_| format!("timestamp {s:?} is not epoch milliseconds"))?
        }
        serde_json::Value::Number(n) => n.as_i64().ok_or_else(|| format!("timestamp {n} is not epoch milliseconds"))?,
        other => return Err(format!("timestamp {other} is not epoch milliseconds")),
    };
    DateTime::from_timestamp_millis(ms).map(|t| t.date_naive()).ok_or_else(|| format!("timestamp {ms} is out of range"))
}

/// Cents as sent (a number or a string) to dollars, exactly.
fn dollars(value: &serde_json::Value) -> Result<Money, String> {
    let text = match value {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => return Ok(Money::ZERO),
        other => return Err(format!("chargedCents {other} is not a number")),
    };
    Money::parse_cents(&text).map_err(|e| format!("chargedCents {text:?}: {e}"))
}

/// Events summed per day, model and billing category (the costs), and per day, model and member
/// (the usage, with each member's bill).
#[derive(Default)]
pub(crate) struct Summed {
    pub costs: BTreeMap<(NaiveDate, String, String), Money>,
    pub usage: BTreeMap<(NaiveDate, String, String), (UsageTotals, Money)>,
}

impl Summed {
    /// Adds one page's events in `range`.
    pub(crate) fn add(&mut self, page: api::EventsPage, range: DateRange) -> Result<(), String> {
        for (i, e) in page.usage_events.unwrap_or_default().into_iter().enumerate() {
            let day = event_day(&e.timestamp).map_err(|m| format!("usageEvents[{i}]: {m}"))?;
            if !range.contains(day) {
                continue;
            }
            let model =
                e.model.filter(|m| !m.is_empty()).unwrap_or_else(|| crate::domain::line_item::UNATTRIBUTED.into());
            let kind = e.kind.filter(|k| !k.is_empty()).unwrap_or_else(|| "Usage-based".into());
            // Included usage is paid by the seat: its cents are not on the on-demand bill.
            let charged = if e.is_chargeable == Some(false) {
                Money::ZERO
            } else {
                dollars(&e.charged_cents).map_err(|m| format!("usageEvents[{i}]: {m}"))?
            };
            let overflow = || format!("usageEvents[{i}]: the day's amounts overflow when summed");
            let cost = self.costs.entry((day, model.clone(), kind)).or_insert(Money::ZERO);
            *cost = cost.checked_add(charged).ok_or_else(overflow)?;
            let t = e.token_usage.map_or(UsageTotals::default(), |t| UsageTotals {
                input_tokens: t.input_tokens.saturating_add(t.cache_write_tokens).saturating_add(t.cache_read_tokens),
                cached_input_tokens: t.cache_read_tokens,
                output_tokens: t.output_tokens,
                requests: 0,
            });
            let member = e.user_email.unwrap_or_default();
            let entry = self.usage.entry((day, model, member)).or_insert((UsageTotals::default(), Money::ZERO));
            entry.0 += UsageTotals { requests: 1, ..t };
            entry.1 = entry.1.checked_add(charged).ok_or_else(overflow)?;
        }
        Ok(())
    }

    /// Cost records (`<model>, <billing category>`) and usage per member with each one's bill.
    pub(crate) fn records(self) -> (Vec<CostRecord>, Vec<UsageRecord>) {
        let costs = self
            .costs
            .into_iter()
            .map(|((day, model, kind), amount)| CostRecord {
                day,
                project_id: None,
                line_item: format!("{model}, {kind}"),
                model,
                amount,
                currency: Currency::USD,
            })
            .collect();
        let usage = self
            .usage
            .into_iter()
            .map(|((day, model, member), (totals, billed))| UsageRecord {
                day,
                project_id: None,
                model,
                totals,
                key_id: Some(member),
                billed: Some(billed),
            })
            .collect();
        (costs, usage)
    }
}

/// One events page body to records, every day of it (fuzzing uses this).
pub fn parse_events(body: &str) -> Result<Vec<CostRecord>, String> {
    let mut summed = Summed::default();
    summed
        .add(serde_json::from_str(body).map_err(|e| e.to_string())?, DateRange::new(NaiveDate::MIN, NaiveDate::MAX))?;
    Ok(summed.records().0)
}

/// `[startDate, endDate]` of `range` in epoch milliseconds, both inclusive: midnight of the first
/// day to the last millisecond of the last.
fn window(range: DateRange) -> (i64, i64) {
    let start = range.since.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    let end = range.until.succ_opt().unwrap_or(range.until).and_time(NaiveTime::MIN).and_utc().timestamp_millis() - 1;
    (start, end)
}

impl Provider for Cursor {
    const INFO: ProviderInfo = INFO;

    /// HTTP Basic with the key as the user name and no password, as Cursor's reference has it.
    fn auth_headers(credentials: &Credentials) -> reqwest::header::HeaderMap {
        match credentials.key() {
            Some(key) => {
                let basic = base64::engine::general_purpose::STANDARD.encode(format!("{}:", key.expose()));
                super::sensitive_header("authorization", &format!("Basic {basic}"))
            }
            None => reqwest::header::HeaderMap::new(),
        }
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        Cursor { http }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// An Admin key lists the team's members.
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let members: api::Members = self.http.get_json("/teams/members", &[]).await?;
        Ok(Some(format!("{} team member(s)", members.team_members.map_or(0, |m| m.len()))))
    }

    async fn projects(&self) -> Result<Option<Vec<crate::domain::ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    /// The members, as people: `--by person` splits the bill by them.
    async fn api_keys(&self) -> Result<Option<Vec<ApiKeyInfo>>, ProviderError> {
        let members: api::Members = self.http.get_json("/teams/members", &[]).await?;
        Ok(Some(
            members
                .team_members
                .unwrap_or_default()
                .into_iter()
                .filter_map(|m| {
                    let email = m.email.filter(|e| !e.is_empty())?;
                    Some(ApiKeyInfo {
                        id: email.clone(),
                        name: m.name.filter(|n| !n.is_empty()).unwrap_or_else(|| email.clone()),
                        owner: Some(email),
                        owner_kind: "user".into(),
                        hint: None,
                        project_id: None,
                    })
                })
                .collect(),
        ))
    }

    /// Every page of the range's events; days without events had no Cursor usage.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let (start, end) = window(range);
        let mut summed = Summed::default();
        for page in 1..=MAX_PAGES {
            let body = json!({"startDate": start, "endDate": end, "page": page, "pageSize": PAGE_SIZE});
            let answer: api::EventsPage = self.http.send_json(reqwest::Method::POST, EVENTS, &body, &[]).await?;
            let more = answer.pagination.as_ref().is_some_and(|p| p.has_next_page);
            summed.add(answer, range).map_err(|m| self.http.fail(EVENTS, FailureKind::Malformed, m))?;
            if !more {
                let (costs, usage) = summed.records();
                return Ok(DayBatch { costs, usage: Ok(usage), ..DayBatch::default() });
            }
        }
        Err(self.http.fail(
            EVENTS,
            FailureKind::Malformed,
            format!("more than {MAX_PAGES} pages of events; refusing to read on"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chargeable_cents_are_the_bill_and_included_usage_is_free() {
        let body = r#"{"usageEvents": [
            {"timestamp": "1763769600000", "userEmail": "ana@acme.dev", "model": "claude-4.5-sonnet", "kind": "Usage-based",
             "isChargeable": true, "tokenUsage": {"inputTokens": 126, "outputTokens": 450, "cacheWriteTokens": 6112,
             "cacheReadTokens": 11964, "totalCents": 20.18232}, "chargedCents": 21.36232},
            {"timestamp": 1763773200000, "userEmail": "ana@acme.dev", "model": "claude-4.5-sonnet", "kind": "Usage-based",
             "isChargeable": true, "chargedCents": "37.33"},
            {"timestamp": "1763776800000", "userEmail": "sam@acme.dev", "model": "claude-4.5-sonnet",
             "kind": "Included in Business", "isChargeable": false, "chargedCents": 8}
        ]}"#;
        let rows = parse_events(body).unwrap();
        let got: Vec<(String, String)> = rows.iter().map(|r| (r.line_item.clone(), r.amount.exact())).collect();
        assert_eq!(
            got,
            [
                ("claude-4.5-sonnet, Included in Business".to_string(), "0.00".to_string()),
                ("claude-4.5-sonnet, Usage-based".to_string(), "0.5869232".to_string()),
            ]
        );
        assert_eq!(rows[0].day, NaiveDate::from_ymd_opt(2025, 11, 22).unwrap());
        assert!(parse_events(r#"{"usageEvents": [{"timestamp": "soon", "chargedCents": 1}]}"#).is_err());
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let (start, end) = window(DateRange::new(day, day));
        assert_eq!(end - start, 86_400_000 - 1, "both bounds inclusive, one UTC day");
    }
}
