//! The xAI (Grok) client: daily spend per model from the Management API's usage analytics, for
//! the team the management key belongs to. xAI has no projects; usage has no token counts.

pub(crate) mod api;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};
use tokio::sync::OnceCell;

use super::http::{FailureKind, Http, ProviderError};
use super::info::ProviderInfo;
use super::{Credentials, DayBatch, Provider};
use crate::domain::day::day_from_json;
use crate::domain::money::money_from_json;
use crate::domain::{CostRecord, DateRange, LiveBucket, LiveFigure, Money, ProjectInfo};

pub(crate) const DEFAULT_BASE_URL: &str = "https://management-api.x.ai";
const VALIDATION: &str = "/auth/management-keys/validation";

const INFO: ProviderInfo = ProviderInfo {
    id: "xai",
    display: "xAI",
    key_kind: "an xAI management key (console.x.ai, Settings, Management Keys; not an inference key)",
    key_prefix: "xai-",
    secret_name: "management key",
    default_base_url: DEFAULT_BASE_URL,
    default_project_label: "Team",
    // Prepaid teams report a balance; a postpaid team's `balance` is `None`.
    prepaid: true,
    live: "hourly billed dollars (usage, TIME_UNIT_HOUR), live",
    live_hourly: true,
    live_requests: 1,
    spend_limit: super::info::SpendLimit::Not(
        "xAI's spending-limit API is not in a published spec llmcost could check",
    ),
    price_list: Some("x-ai"),
    ..ProviderInfo::KEY_DEFAULTS
};

pub struct Xai {
    http: Http,
    /// The key's team, asked once per process.
    team: OnceCell<String>,
}

/// `2026-11-01 00:00:00`: the API's time format (no `T`, no zone; the zone is a separate field).
fn api_time(day: NaiveDate) -> String {
    format!("{} 00:00:00", day.format("%Y-%m-%d"))
}

/// The analytics question for `range`: spend in dollars, per UTC day and model description.
pub(crate) fn usage_request(range: DateRange) -> Value {
    let end = range.until.checked_add_days(Days::new(1)).unwrap_or(range.until);
    json!({
        "analyticsRequest": {
            "timeRange": { "startTime": api_time(range.since), "endTime": api_time(end), "timezone": "Etc/GMT" },
            "timeUnit": "TIME_UNIT_DAY",
            "values": [ { "name": "usd", "aggregation": "AGGREGATION_SUM" } ],
            "groupBy": ["description"],
            "filters": []
        }
    })
}

/// The same question for `[since, until)` in hours: what `live` asks.
pub(crate) fn hourly_request(since: chrono::DateTime<chrono::Utc>, until: chrono::DateTime<chrono::Utc>) -> Value {
    let at = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S").to_string();
    json!({
        "analyticsRequest": {
            "timeRange": { "startTime": at(since), "endTime": at(until), "timezone": "Etc/GMT" },
            "timeUnit": "TIME_UNIT_HOUR",
            "values": [ { "name": "usd", "aggregation": "AGGREGATION_SUM" } ],
            "groupBy": ["description"],
            "filters": []
        }
    })
}

/// Hourly dollars per model from one answer to [`hourly_request`].
pub(crate) fn hourly_buckets(answer: api::UsageAnswer) -> Result<Vec<LiveBucket>, String> {
    if answer.limit_reached {
        return Err("the hourly answer was cut at the API's limit (limitReached)".into());
    }
    let series = answer.time_series.ok_or("missing field `timeSeries`")?;
    let mut merged: BTreeMap<(NaiveDate, u32, String), Money> = BTreeMap::new();
    for (s, one) in series.iter().enumerate() {
        let model = model_of(&label(one));
        for (p, point) in one.data_points.iter().flatten().enumerate() {
            let at = format!("timeSeries[{s}].dataPoints[{p}]");
            let (day, hour) =
                crate::domain::day::hour_from_json(&point.timestamp).map_err(|e| format!("{at}.timestamp: {e}"))?;
            let dollars = match point.values.as_ref().and_then(|v| v.first()).unwrap_or(&Value::Null) {
                Value::Null => Money::ZERO,
                v => money_from_json(v).map_err(|e| format!("{at}.values[0]: {e}"))?,
            };
            let entry = merged.entry((day, hour, model.clone())).or_default();
            *entry = entry.checked_add(dollars).ok_or_else(|| format!("{at}: the hour's amounts overflow"))?;
        }
    }
    Ok(merged
        .into_iter()
        .map(|((day, hour, model), amount)| LiveBucket {
            day,
            hour: Some(hour),
            project_id: None,
            model,
            figure: LiveFigure::Dollars(amount),
        })
        .collect())
}

/// A series' label: its group labels (or group values) joined, `(unattributed)` when empty.
fn label(series: &api::Series) -> String {
    let parts: Vec<String> = series
        .group_labels
        .iter()
        .chain(series.group.iter())
        .flatten()
        .filter_map(|v| match v {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    let mut unique = parts;
    unique.dedup();
    if unique.is_empty() { crate::domain::line_item::UNATTRIBUTED.to_string() } else { unique.join(" / ") }
}

/// The model a description names: xAI writes what was used before it (`Chat grok-4-0709`,
/// `Image grok-2-image-1212`); the line item keeps the whole description.
fn model_of(description: &str) -> String {
    description.split_whitespace().position(|w| w.to_ascii_lowercase().starts_with("grok")).map_or_else(
        || description.to_string(),
        |i| description.split_whitespace().skip(i).collect::<Vec<_>>().join(" "),
    )
}

/// Cost records (one per day and model) from one usage answer. A zero point is a $0 row: it adds
/// nothing to a total.
pub(crate) fn cost_records(answer: api::UsageAnswer) -> Result<Vec<CostRecord>, String> {
    let series = answer.time_series.ok_or("missing field `timeSeries`")?;
    let mut merged: BTreeMap<(NaiveDate, String), Money> = BTreeMap::new();
    for (s, one) in series.iter().enumerate() {
        let model = label(one);
        for (p, point) in one.data_points.iter().flatten().enumerate() {
            let at = format!("timeSeries[{s}].dataPoints[{p}]");
            let day = day_from_json(&point.timestamp).map_err(|e| format!("{at}.timestamp: {e}"))?;
            let value = point.values.as_ref().and_then(|v| v.first()).unwrap_or(&Value::Null);
            let dollars = match value {
                Value::Null => Money::ZERO,
                v => money_from_json(v).map_err(|e| format!("{at}.values[0]: {e}"))?,
            };
            let entry = merged.entry((day, model.clone())).or_default();
            *entry =
                entry.checked_add(dollars).ok_or_else(|| format!("{at}: the day's amounts overflow when summed"))?;
        }
    }
    Ok(merged
        .into_iter()
        .map(|((day, description), amount)| CostRecord {
            day,
            project_id: None,
            model: model_of(&description),
            line_item: description,
            amount,
            currency: crate::domain::Currency::USD,
        })
        .collect())
}

impl Provider for Xai {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(credentials: &super::Credentials) -> reqwest::header::HeaderMap {
        super::bearer(credentials)
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        Xai { http, team: OnceCell::new() }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    /// A management key validates and names its team; an inference key gets 401 or 403. Says the
    /// prepaid balance where the team has one (a postpaid team's answer is no note, not a failure).
    async fn check(&self) -> Result<Option<String>, ProviderError> {
        let team = self.team().await?;
        let path = format!("/v1/billing/teams/{}/prepaid/balance", urlencode(&team));
        Ok(match self.http.get_json::<api::PrepaidBalance>(&path, &[]).await {
            Ok(balance) => prepaid_cents(&balance).map(|m| format!("prepaid balance {}", m.display_usd())),
            Err(e) => {
                tracing::info!("no prepaid balance: {e}");
                None
            }
        })
    }

    /// A prepaid team's balance (cents on the wire, `{"val": "1413"}`); `None` for a postpaid
    /// team, whose balance endpoint answers with nothing llmcost can read.
    async fn balance(&self) -> Result<Option<(Money, crate::domain::Currency)>, ProviderError> {
        let team = self.team().await?;
        let path = format!("/v1/billing/teams/{}/prepaid/balance", urlencode(&team));
        match self.http.get_json::<api::PrepaidBalance>(&path, &[]).await {
            Ok(balance) => Ok(prepaid_cents(&balance).map(|m| (m, crate::domain::Currency::USD))),
            Err(e) if matches!(e.kind, FailureKind::Rejected(404)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// xAI has no projects: a team's spend shows as "Team".
    async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    /// Billed dollars per hour and model, as the usage API counts them live.
    async fn live(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        until: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<Vec<LiveBucket>>, ProviderError> {
        let team = self.team().await?;
        let path = format!("/v1/billing/teams/{}/usage", urlencode(&team));
        let answer: api::UsageAnswer = self.http.post_json(&path, &hourly_request(since, until)).await?;
        hourly_buckets(answer).map(Some).map_err(|m| self.http.fail(&format!("POST {path}"), FailureKind::Malformed, m))
    }

    /// Spend per day and model. Days without a point had no spend.
    async fn fetch_days(&self, range: DateRange) -> Result<DayBatch, ProviderError> {
        let team = self.team().await?;
        let costs = self.usage(&team, range).await?;
        Ok(DayBatch { costs, ..DayBatch::default() })
    }
}

impl Xai {
    async fn team(&self) -> Result<String, ProviderError> {
        self.team
            .get_or_try_init(|| async {
                let v: api::KeyValidation = self.http.get_json(VALIDATION, &[]).await?;
                v.team_id.or(v.scope_id).filter(|t| !t.is_empty()).ok_or_else(|| {
                    self.http.fail(
                        VALIDATION,
                        FailureKind::NotAdmin,
                        format!("the key names no team: {} is needed", INFO.key_kind),
                    )
                })
            })
            .await
            .cloned()
    }

    /// Asks for `range`; an answer cut at the API's cap (`limitReached`) is never used: the range
    /// is split in two and each half asked again, down to single days.
    async fn usage(&self, team: &str, range: DateRange) -> Result<Vec<CostRecord>, ProviderError> {
        let path = format!("/v1/billing/teams/{}/usage", urlencode(team));
        let mut pending = vec![range];
        let mut costs = Vec::new();
        let mut asked = 0;
        while let Some(r) = pending.pop() {
            asked += 1;
            if asked > 400 {
                return Err(self.http.fail(
                    &format!("POST {path}"),
                    FailureKind::Malformed,
                    "more than 400 requests for one range",
                ));
            }
            let answer: api::UsageAnswer = self.http.post_json(&path, &usage_request(r)).await?;
            if answer.limit_reached {
                if r.since == r.until {
                    return Err(self.http.fail(
                        &format!("POST {path}"),
                        FailureKind::Malformed,
                        format!("the answer for {} was cut at the API's limit (limitReached) even for one day; not shown as complete", r.since),
                    ));
                }
                let half = (r.len_days() / 2).max(1);
                let mid = r.since.checked_add_days(Days::new(half - 1)).unwrap_or(r.since);
                pending.push(DateRange::new(mid.succ_opt().unwrap_or(r.until), r.until));
                pending.push(DateRange::new(r.since, mid));
                continue;
            }
            let records =
                cost_records(answer).map_err(|m| self.http.fail(&format!("POST {path}"), FailureKind::Malformed, m))?;
            costs.extend(records);
        }
        Ok(costs)
    }
}

/// The balance in dollars: cents as a number, a string, or wrapped as `{"val": "1413"}`.
fn prepaid_cents(balance: &api::PrepaidBalance) -> Option<Money> {
    [&balance.total, &balance.balance].into_iter().find_map(|v| {
        let inner = v.get("val").unwrap_or(v);
        let text = match inner {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        Money::parse_cents(&text).ok()
    })
}

/// Team ids are UUIDs; anything else is percent-encoded so it stays one path segment.
fn urlencode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod model_tests {
    use super::model_of;

    #[test]
    fn the_kind_before_the_model_is_not_the_model() {
        assert_eq!(model_of("Chat grok-4-0709"), "grok-4-0709");
        assert_eq!(model_of("Image grok-2-image-1212"), "grok-2-image-1212");
        assert_eq!(model_of("grok-3-mini"), "grok-3-mini");
        assert_eq!(model_of("Live Search"), "Live Search");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_hourly_question_and_its_answer() {
        let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&chrono::Utc);
        let q = hourly_request(at("2026-11-22T14:00:00Z"), at("2026-11-22T16:10:00Z"));
        assert_eq!(q["analyticsRequest"]["timeRange"]["startTime"], "2026-11-22 14:00:00");
        assert_eq!(q["analyticsRequest"]["timeRange"]["endTime"], "2026-11-22 16:10:00");
        assert_eq!(q["analyticsRequest"]["timeUnit"], "TIME_UNIT_HOUR");
        let answer: api::UsageAnswer = serde_json::from_value(serde_json::json!({"timeSeries": [
            {"group": ["Chat grok-4-0709"], "groupLabels": ["Chat grok-4-0709"], "dataPoints": [
                {"timestamp": "2026-11-22T14:00:00Z", "values": [0.75973725]},
                {"timestamp": "2026-11-22T15:00:00Z", "values": ["0.5"]},
                {"timestamp": "2026-11-22T16:00:00Z", "values": [null]}]}],
            "limitReached": false}))
        .unwrap();
        let buckets = hourly_buckets(answer).unwrap();
        assert_eq!(buckets.len(), 3);
        assert_eq!((buckets[0].hour, buckets[0].model.as_str()), (Some(14), "grok-4-0709"));
        assert_eq!(buckets[0].figure, LiveFigure::Dollars("0.75973725".parse().unwrap()));
        let cut: api::UsageAnswer =
            serde_json::from_value(serde_json::json!({"timeSeries": [], "limitReached": true})).unwrap();
        assert!(hourly_buckets(cut).is_err(), "a cut answer is never an estimate");
    }

    #[test]
    fn the_question_uses_the_apis_time_format() {
        let q = usage_request(DateRange::new(d("2026-11-01"), d("2026-11-07")));
        let r = &q["analyticsRequest"];
        assert_eq!(r["timeRange"]["startTime"], "2026-11-01 00:00:00");
        assert_eq!(r["timeRange"]["endTime"], "2026-11-08 00:00:00");
        assert_eq!(r["timeRange"]["timezone"], "Etc/GMT");
        assert_eq!(r["timeUnit"], "TIME_UNIT_DAY");
        assert_eq!(r["values"][0]["name"], "usd");
    }

    #[test]
    fn answers_in_every_shape_sum_exactly() {
        let body = r#"{"timeSeries":[
            {"group":["grok-4"],"groupLabels":["grok-4"],"dataPoints":[
                {"timestamp":"2025-10-01T00:00:00Z","values":[0.75973725]},
                {"timestamp":"2025-10-02T00:00:00Z","values":["1.5"]},
                {"timestamp":"2025-10-03T00:00:00Z","values":[0]}]},
            {"group_labels":["grok-code-fast-1"],"data_points":[
                {"timestamp":"2025-10-01 00:00:00","values":["2.5E-3"]}]}],
            "limitReached":false}"#;
        let answer: api::UsageAnswer = serde_json::from_str(body).unwrap();
        let records = cost_records(answer).unwrap();
        let total: Money = records.iter().map(|c| c.amount).sum();
        assert_eq!(total.exact(), "2.26223725");
        assert!(records.iter().any(|c| c.model == "grok-code-fast-1" && c.day == d("2025-10-01")));
        let answer: api::UsageAnswer = serde_json::from_str(r#"{"limitReached":false}"#).unwrap();
        assert!(cost_records(answer).is_err(), "no timeSeries is an error, not $0");
    }
}
