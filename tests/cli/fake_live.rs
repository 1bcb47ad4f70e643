//! A two-phase fake Anthropic Admin API for today's estimates: in phase one the usage report
//! has every hour of 2026-11-22 (`bucket_width=1h`, also summed by day) while the cost report
//! has only a partial bill for it; phase two adds the day's whole bill, 2 % above the list
//! price of its tokens. It records the hours each hourly request asked for.

// A refused request's reply travels back as the Err value; its size does not matter in a fake.
#![allow(
    clippy::result_large_err,
    reason = "a refused request's reply is the Err value; its size does not matter in a fake"
)]

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Days, NaiveDate, Timelike, Utc};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const DAY: &str = "2026-11-22";

/// One hour's usage: Sonnet 4.5 in the Tutor workspace with every kind of cache token, and
/// Haiku 4.5 through the Batch API in the default workspace. At list prices: Sonnet
/// 100k x $3 + 50k reads x $0.30 + 10k 5-minute writes x $3.75 + 5k 1-hour writes x $6
/// + 20k out x $15 = $0.6825; Haiku (200k x $1 + 40k x $5) x 50 % = $0.20. $0.8825 an hour.
pub(crate) const HOURLY_ESTIMATE: &str = "0.8825";
/// The day's bill, in cents as Anthropic sends it: 2 % above 24 hours at list price.
const BILL: [(&str, Option<&str>, &str, &str); 2] = [
    ("Claude Sonnet 4.5 Usage - Input Tokens", Some("wrkspc_tutor"), "claude-sonnet-4-5-20250929", "1670.76"),
    ("Claude Haiku 4.5 Usage - Input Tokens", None, "claude-haiku-4-5-20251001", "489.60"),
];
/// What the cost report says of the day in phase one: a first, partial bill.
const PARTIAL: &str = "100.00";

fn usage_rows(factor: u64) -> Vec<Value> {
    vec![
        json!({"uncached_input_tokens": 100_000 * factor, "cache_read_input_tokens": 50_000 * factor,
               "cache_creation": {"ephemeral_5m_input_tokens": 10_000 * factor, "ephemeral_1h_input_tokens": 5_000 * factor},
               "output_tokens": 20_000 * factor, "server_tool_use": {"web_search_requests": 0},
               "workspace_id": "wrkspc_tutor", "model": "claude-sonnet-4-5-20250929", "service_tier": "standard",
               "api_key_id": null, "context_window": "0-200k", "inference_geo": null}),
        json!({"uncached_input_tokens": 200_000 * factor, "cache_read_input_tokens": 0,
               "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
               "output_tokens": 40_000 * factor, "server_tool_use": null,
               "workspace_id": null, "model": "claude-haiku-4-5-20251001", "service_tier": "batch",
               "api_key_id": null, "context_window": "0-200k", "inference_geo": null}),
    ]
}

fn day() -> NaiveDate {
    NaiveDate::parse_from_str(DAY, "%Y-%m-%d").unwrap()
}

fn time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

fn query(req: &Request, key: &str) -> Option<String> {
    req.url.query_pairs().find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

fn refuse(message: &str) -> ResponseTemplate {
    ResponseTemplate::new(400)
        .set_body_json(json!({"type": "error", "error": {"type": "invalid_request_error", "message": message}}))
}

/// `(starting_at, ending_at)` of a request.
type Window = (DateTime<Utc>, DateTime<Utc>);

#[derive(Clone)]
struct State {
    phase: Arc<AtomicU8>,
    /// `(starting_at, ending_at)` of every hourly request.
    asked: Arc<Mutex<Vec<Window>>>,
}

/// Buckets from `starting_at` to `ending_at` (a bucket per hour or day, the last one possibly
/// in progress), each answered by `results`.
fn buckets(
    req: &Request,
    width: chrono::Duration,
    results: impl Fn(DateTime<Utc>) -> Vec<Value>,
) -> Result<Vec<Value>, ResponseTemplate> {
    if req.headers.get("x-api-key").and_then(|v| v.to_str().ok()) != Some(crate::live::KEY) {
        return Err(ResponseTemplate::new(401));
    }
    if req.url.query_pairs().any(|(k, _)| k == "group_by") {
        return Err(refuse("Use `group_by[]` for array parameters"));
    }
    let start = query(req, "starting_at").and_then(|s| time(&s)).ok_or_else(|| refuse("starting_at is required"))?;
    let end = query(req, "ending_at").and_then(|s| time(&s)).ok_or_else(|| refuse("ending_at"))?;
    let limit: i64 = query(req, "limit").and_then(|l| l.parse().ok()).unwrap_or(7);
    let cap = if width == chrono::Duration::hours(1) { 168 } else { 31 };
    if !(1..=cap).contains(&limit) {
        return Err(refuse("limit out of range for this bucket_width"));
    }
    let mut out = Vec::new();
    let mut at = start;
    while at < end && (out.len() as i64) < limit {
        out.push(json!({"starting_at": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                        "ending_at": (at + width).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                        "results": results(at)}));
        at += width;
    }
    Ok(out)
}

fn page(data: Result<Vec<Value>, ResponseTemplate>) -> ResponseTemplate {
    match data {
        Ok(data) => {
            ResponseTemplate::new(200).set_body_json(json!({"data": data, "has_more": false, "next_page": null}))
        }
        Err(e) => e,
    }
}

impl Respond for State {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let on_day = |at: DateTime<Utc>| at.date_naive() == day();
        if req.url.path().ends_with("/usage_report/messages") {
            if query(req, "bucket_width").as_deref() == Some("1h") {
                if let (Some(s), Some(e)) =
                    (query(req, "starting_at").and_then(|s| time(&s)), query(req, "ending_at").and_then(|e| time(&e)))
                {
                    self.asked.lock().unwrap().push((s, e));
                }
                return page(buckets(
                    req,
                    chrono::Duration::hours(1),
                    |at| if on_day(at) { usage_rows(1) } else { vec![] },
                ));
            }
            return page(buckets(
                req,
                chrono::Duration::days(1),
                |at| if on_day(at) { usage_rows(24) } else { vec![] },
            ));
        }
        // The cost report: the day's partial bill, then its whole bill.
        let phase = self.phase.load(Ordering::SeqCst);
        page(buckets(req, chrono::Duration::days(1), |at| {
            if !on_day(at) {
                return vec![];
            }
            let lines: Vec<(&str, Option<&str>, &str, &str)> =
                if phase == 1 { vec![(BILL[0].0, BILL[0].1, BILL[0].2, PARTIAL)] } else { BILL.to_vec() };
            lines
                .into_iter()
                .map(|(desc, ws, model, cents)| {
                    json!({"currency": "USD", "amount": cents, "workspace_id": ws, "description": desc,
                           "cost_type": "tokens", "context_window": "0-200k", "model": model,
                           "service_tier": "standard", "token_type": null, "inference_geo": null})
                })
                .collect()
        }))
    }
}

pub(crate) struct FakeLive {
    pub server: MockServer,
    state: State,
}

impl FakeLive {
    pub(crate) async fn start() -> FakeLive {
        let server = MockServer::start().await;
        let state = State { phase: Arc::new(AtomicU8::new(1)), asked: Arc::default() };
        for p in ["/v1/organizations/usage_report/messages", "/v1/organizations/cost_report"] {
            Mock::given(method("GET")).and(path(p)).respond_with(state.clone()).mount(&server).await;
        }
        Mock::given(method("GET"))
            .and(path("/v1/organizations/workspaces"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "data": [{"id": "wrkspc_tutor", "type": "workspace", "name": "Tutor", "archived_at": null}],
                "has_more": false, "first_id": "wrkspc_tutor", "last_id": "wrkspc_tutor"})))
            .mount(&server)
            .await;
        FakeLive { server, state }
    }

    /// The day's whole bill arrives.
    pub(crate) fn bill_arrives(&self) {
        self.state.phase.store(2, Ordering::SeqCst);
    }

    /// The hourly requests so far: their first hour of `DAY` (or of the next day) and end.
    pub(crate) fn hourly_asked(&self) -> Vec<(String, String)> {
        let fmt = |t: DateTime<Utc>| format!("{}T{:02}:{:02}", t.date_naive(), t.hour(), t.minute());
        self.state.asked.lock().unwrap().iter().map(|(s, e)| (fmt(*s), fmt(*e))).collect()
    }

    pub(crate) fn base_url(&self) -> String {
        self.server.uri()
    }
}

/// The day after `DAY`.
pub(crate) fn next_day() -> String {
    (day() + Days::new(1)).to_string()
}
