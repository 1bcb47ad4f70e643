//! A fake Cursor Admin API on 127.0.0.1, in the shape of Cursor's Admin API reference: HTTP Basic
//! with the key as the user name, `POST /teams/filtered-usage-events` (epoch-millisecond bounds,
//! both inclusive; `page`, `pageSize` up to 1,000; `usageEvents` with `chargedCents` as fractional
//! numbers, timestamps as strings; `pagination.hasNextPage`), only the last 30 days kept (a
//! rolling window), and `GET /teams/members`.

use std::sync::Arc;

use base64::Engine;
use chrono::{Days, NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// (member, events a day, kind, chargeable, cents an event as sent)
pub(crate) const MEMBERS: [(&str, u32, &str, bool, &str); 3] = [
    ("ana@acme.dev", 40, "Usage-based", true, "21.36232"),
    ("ben@acme.dev", 15, "Usage-based", true, "37.33"),
    ("sam@acme.dev", 10, "Included in Business", false, "8"),
];

pub(crate) struct Team {
    pub key: String,
    /// The fake's today: events up to 01:59 UTC of each day through it.
    pub today: NaiveDate,
}

impl Team {
    fn kept(&self, day: NaiveDate) -> bool {
        day <= self.today && day >= self.today - Days::new(30)
    }

    /// The on-demand bill of `member` over [since, until] (whether or not still kept).
    pub(crate) fn billed(&self, member: Option<&str>, since: NaiveDate, until: NaiveDate) -> Decimal {
        let days = Decimal::from((until - since).num_days() + 1);
        MEMBERS
            .iter()
            .filter(|m| m.3 && member.is_none_or(|e| e == m.0))
            .map(|(_, n, _, _, cents)| {
                Decimal::from(*n) * cents.parse::<Decimal>().unwrap() / Decimal::from(100) * days
            })
            .sum()
    }

    fn events(&self, start: i64, end: i64) -> Vec<Value> {
        let mut out = Vec::new();
        let mut day = self.today - Days::new(30);
        while day <= self.today {
            let midnight = day.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
            for (email, n, kind, chargeable, cents) in MEMBERS {
                for i in 0..n {
                    let at = midnight + 3_600_000 + i64::from(i) * 60_000 + (email.len() as i64) * 1_000;
                    if at < start || at > end || !self.kept(day) {
                        continue;
                    }
                    let mut e = json!({
                        "timestamp": at.to_string(), "userEmail": email, "model": "claude-4.5-sonnet", "kind": kind,
                        "maxMode": false, "requestsCosts": 1, "isTokenBasedCall": chargeable, "isChargeable": chargeable,
                        "isHeadless": false
                    });
                    if chargeable {
                        e["tokenUsage"] = json!({"inputTokens": 126, "outputTokens": 450, "cacheWriteTokens": 6112,
                                                 "cacheReadTokens": 11964, "totalCents": 20.18232});
                    }
                    // Spliced in as a raw number later, exactly as written.
                    e["chargedCents"] = json!(format!("@{cents}@"));
                    out.push(e);
                }
            }
            day = day + Days::new(1);
        }
        out
    }
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"error": message}))
}

fn authorized(team: &Team, req: &Request) -> bool {
    let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    let Some(encoded) = auth.strip_prefix("Basic ") else { return false };
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded).unwrap_or_default();
    String::from_utf8(decoded).is_ok_and(|s| s == format!("{}:", team.key))
}

struct Events(Arc<Team>);

impl Respond for Events {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if !authorized(&self.0, req) {
            return error(401, "Invalid API key");
        }
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        let (Some(start), Some(end)) = (body["startDate"].as_i64(), body["endDate"].as_i64()) else {
            return error(400, "startDate and endDate (epoch milliseconds) are required");
        };
        let page = body["page"].as_u64().unwrap_or(1).max(1) as usize;
        let size = body["pageSize"].as_u64().unwrap_or(100) as usize;
        if size == 0 || size > 1000 {
            return error(400, "pageSize must be between 1 and 1000");
        }
        let all = self.0.events(start, end);
        let pages = all.len().div_ceil(size).max(1);
        let chunk: Vec<Value> = all.iter().skip((page - 1) * size).take(size).cloned().collect();
        let doc = json!({
            "totalUsageEventsCount": all.len(),
            "pagination": {"numPages": pages, "currentPage": page, "pageSize": size,
                           "hasNextPage": page < pages, "hasPreviousPage": page > 1},
            "usageEvents": chunk,
            "period": {"startDate": start, "endDate": end}
        });
        let text = doc.to_string().replace("\"@", "").replace("@\"", "");
        ResponseTemplate::new(200).set_body_raw(text, "application/json")
    }
}

struct Members(Arc<Team>);

impl Respond for Members {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if !authorized(&self.0, req) {
            return error(401, "Invalid API key");
        }
        ResponseTemplate::new(200).set_body_json(json!({"teamMembers": [
            {"id": "user_ana", "name": "Ana", "email": "ana@acme.dev", "role": "member", "isRemoved": false},
            {"id": "user_ben", "name": "Ben", "email": "ben@acme.dev", "role": "member", "isRemoved": false},
            {"id": "user_sam", "name": "Sam", "email": "sam@acme.dev", "role": "owner", "isRemoved": false}
        ]}))
    }
}

pub(crate) struct FakeCursor {
    pub server: MockServer,
}

impl FakeCursor {
    pub(crate) async fn start(team: Team) -> FakeCursor {
        let server = MockServer::start().await;
        let team = Arc::new(team);
        Mock::given(method("POST"))
            .and(path("/teams/filtered-usage-events"))
            .respond_with(Events(team.clone()))
            .mount(&server)
            .await;
        Mock::given(method("GET")).and(path("/teams/members")).respond_with(Members(team)).mount(&server).await;
        FakeCursor { server }
    }

    pub(crate) async fn event_requests(&self) -> usize {
        let requests = self.server.received_requests().await.unwrap_or_default();
        requests.iter().filter(|r| r.url.path() == "/teams/filtered-usage-events").count()
    }
}
