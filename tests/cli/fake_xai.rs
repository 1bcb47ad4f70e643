//! A fake xAI Management API on 127.0.0.1 (`shared/docs/provider-apis.md` §8): a management key
//! validates and names its team; `POST /v1/billing/teams/{team}/usage` answers the analytics
//! question per UTC day and model description, with values as numbers or numeric strings, zero
//! points, and `limitReached` when asked for more days than `max_days` at once.

use std::str::FromStr;
use std::sync::Arc;

use chrono::{Days, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const TEAM: &str = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";

/// (day, model description, dollars as sent: a number or a string)
pub(crate) type Point = (NaiveDate, &'static str, Value);

pub(crate) struct Team {
    pub key: String,
    pub points: Vec<Point>,
    /// More days than this in one question gets `limitReached: true` and a cut answer.
    pub max_days: i64,
}

pub(crate) fn sample_team(key: &str) -> Team {
    let mut points = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    while day <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        points.push((day, "Chat grok-4", json!(0.75973725)));
        points.push((day, "grok-code-fast-1", json!("0.0125")));
        // Zero-spend days appear as zero points.
        points.push((day, "grok-3-mini", json!(0)));
        day = day + Days::new(1);
    }
    Team { key: key.to_string(), points, max_days: 10 }
}

impl Team {
    pub(crate) fn billed(&self, since: &str, until: &str) -> Decimal {
        let (s, u) = (day(since), day(until));
        self.points
            .iter()
            .filter(|p| p.0 >= s && p.0 <= u)
            .map(|p| match &p.2 {
                Value::String(t) => Decimal::from_str(t).unwrap(),
                n => Decimal::from_str(&n.to_string()).unwrap(),
            })
            .sum()
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"code": status, "error": message}))
}

/// `None` when the key may read billing, else the refusal.
fn refusal(team: &Team, req: &Request) -> Option<ResponseTemplate> {
    let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    match auth.strip_prefix("Bearer ") {
        Some(k) if k == team.key => None,
        Some(k) if k.starts_with("xai-inference") => Some(error(403, "This key cannot access the management API")),
        _ => Some(error(401, "Invalid management key")),
    }
}

struct Validation(Arc<Team>);

impl Respond for Validation {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = refusal(&self.0, req) {
            return denied;
        }
        ResponseTemplate::new(200).set_body_json(
            json!({"apiKeyId": "key-1", "teamId": TEAM, "scope": "SCOPE_TEAM", "scopeId": TEAM, "name": "llmcost"}),
        )
    }
}

struct Usage(Arc<Team>);

fn time(v: &Value) -> Option<NaiveDate> {
    NaiveDateTime::parse_from_str(v.as_str()?, "%Y-%m-%d %H:%M:%S").ok().map(|t| t.date())
}

impl Respond for Usage {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = refusal(&self.0, req) {
            return denied;
        }
        if !req.url.path().contains(TEAM) {
            return error(404, "team not found");
        }
        let body: Value = match serde_json::from_slice(&req.body) {
            Ok(b) => b,
            Err(_) => return error(400, "invalid JSON body"),
        };
        let q = &body["analyticsRequest"];
        let (Some(start), Some(end)) = (time(&q["timeRange"]["startTime"]), time(&q["timeRange"]["endTime"])) else {
            return error(400, "timeRange must be YYYY-MM-DD HH:MM:SS");
        };
        if q["timeRange"]["timezone"] != "Etc/GMT"
            || q["timeUnit"] != "TIME_UNIT_DAY"
            || q["values"][0]["name"] != "usd"
        {
            return error(400, "unsupported analytics request");
        }
        let days = (end - start).num_days();
        let cut = days > self.0.max_days;
        let mut by_model: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
        for (d, model, value) in self.0.points.iter().filter(|p| p.0 >= start && p.0 < end) {
            // A cut answer lacks the later days, as a cardinality cap would.
            if cut && (*d - start).num_days() >= self.0.max_days / 2 {
                continue;
            }
            by_model.entry(model).or_default().push(json!({
                "timestamp": format!("{d}T00:00:00Z"),
                "values": [value],
            }));
        }
        let series: Vec<Value> = by_model
            .into_iter()
            .map(|(model, points)| json!({"group": [model], "groupLabels": [model], "dataPoints": points}))
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({"timeSeries": series, "limitReached": cut}))
    }
}

pub(crate) struct FakeXai {
    pub server: MockServer,
}

impl FakeXai {
    pub(crate) async fn start(team: Team) -> FakeXai {
        let server = MockServer::start().await;
        let team = Arc::new(team);
        Mock::given(method("GET"))
            .and(path("/auth/management-keys/validation"))
            .respond_with(Validation(team.clone()))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path_regex(r"^/v1/billing/teams/[^/]+/usage$"))
            .respond_with(Usage(team))
            .mount(&server)
            .await;
        // Prepaid balance: cents, wrapped.
        Mock::given(method("GET"))
            .and(path(format!("/v1/billing/teams/{TEAM}/prepaid/balance")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total": {"val": "1413"}})))
            .mount(&server)
            .await;
        FakeXai { server }
    }

    pub(crate) async fn usage_requests(&self) -> usize {
        self.server.received_requests().await.unwrap().iter().filter(|r| r.url.path().ends_with("/usage")).count()
    }
}
