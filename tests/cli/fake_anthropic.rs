//! A fake Anthropic Admin API on 127.0.0.1, following `shared/docs/provider-apis.md` §3: amounts
//! in cents as decimal strings (fractional cents too), null workspaces, `group_by[]` required in
//! its bracketed form and capped at 5, `limit` at most 31, `page` cursors, empty buckets,
//! `x-api-key` plus `anthropic-version`.

// A refused request's reply travels back as the Err value; its size does not matter in a fake.
#![allow(
    clippy::result_large_err,
    reason = "a refused request's reply is the Err value; its size does not matter in a fake"
)]

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// (day, workspace, description, model, cents as sent)
pub(crate) type Line = (NaiveDate, Option<&'static str>, &'static str, Option<&'static str>, &'static str);

pub(crate) struct Org {
    pub key: String,
    pub lines: Vec<Line>,
}

pub(crate) fn sample_org(key: &str) -> Org {
    let rows: [(Option<&str>, &str, Option<&str>, &str); 5] = [
        (
            Some("wrkspc_tutor"),
            "Claude Sonnet 4 Usage - Input Tokens",
            Some("claude-sonnet-4-20250514"),
            "41280.000000",
        ),
        (Some("wrkspc_tutor"), "Claude Sonnet 4 Usage - Output Tokens", Some("claude-sonnet-4-20250514"), "123.78912"),
        (None, "Claude Haiku 4.5 Usage - Input Tokens", Some("claude-haiku-4-5-20251001"), "7.5"),
        (None, "Web Search Usage", None, "12"),
        (Some("wrkspc_research"), "Code Execution Usage", None, "0.000001"),
    ];
    let start = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let mut lines = Vec::new();
    for offset in 0..53u64 {
        let day = start + Days::new(offset);
        if offset % 7 == 3 {
            continue; // an empty bucket
        }
        for (i, (ws, desc, model, cents)) in rows.iter().enumerate() {
            if (offset as usize + i) % 4 != 3 {
                lines.push((day, *ws, *desc, *model, *cents));
            }
        }
    }
    Org { key: key.to_string(), lines }
}

/// What the organization was billed, in dollars.
pub(crate) fn billed(org: &Org, since: &str, until: &str) -> Decimal {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (s, u) = (d(since), d(until));
    let cents: Decimal =
        org.lines.iter().filter(|l| l.0 >= s && l.0 <= u).map(|l| Decimal::from_str(l.4).unwrap()).sum();
    cents / Decimal::ONE_HUNDRED
}

fn error(status: u16, kind: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"type": "error", "error": {"type": kind, "message": message}}))
}

fn checks(org: &Org, req: &Request) -> Result<HashMap<String, Vec<String>>, ResponseTemplate> {
    let key = req.headers.get("x-api-key").and_then(|v| v.to_str().ok()).unwrap_or("");
    if key.starts_with("sk-ant-api03-") {
        return Err(error(403, "permission_error", "This endpoint requires an Admin API key."));
    }
    if key != org.key {
        return Err(error(401, "authentication_error", "invalid x-api-key"));
    }
    if req.headers.get("anthropic-version").is_none() {
        return Err(error(400, "invalid_request_error", "anthropic-version: header is required"));
    }
    let mut q: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in req.url.query_pairs() {
        q.entry(k.into_owned()).or_default().push(v.into_owned());
    }
    if q.contains_key("group_by") {
        return Err(error(400, "invalid_request_error", "Use `group_by[]` for array parameters"));
    }
    if q.get("group_by[]").map_or(0, Vec::len) > 5 {
        return Err(error(400, "invalid_request_error", "Cannot specify more than 5 group_by[] dimensions."));
    }
    Ok(q)
}

fn day_of(rfc: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(rfc).ok().map(|t| t.naive_utc().date())
}

/// The page of days a report request asks for; the cursor encodes the next start day.
fn days(q: &HashMap<String, Vec<String>>) -> Result<(Vec<NaiveDate>, Option<String>), ResponseTemplate> {
    let one = |k: &str| q.get(k).and_then(|v| v.first()).cloned();
    let bad = |m: &str| error(400, "invalid_request_error", m);
    let start = one("starting_at").and_then(|s| day_of(&s)).ok_or_else(|| bad("starting_at is required"))?;
    let end = one("ending_at").and_then(|s| day_of(&s)).unwrap_or(start + Days::new(7));
    let limit: usize = one("limit").and_then(|l| l.parse().ok()).unwrap_or(7);
    if !(1..=31).contains(&limit) {
        return Err(bad("limit must be between 1 and 31"));
    }
    let from = match one("page") {
        Some(p) => p
            .strip_prefix("page_")
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| bad("bad page"))?,
        None => start,
    };
    let mut out = Vec::new();
    let mut d = from;
    while d < end && out.len() < limit {
        out.push(d);
        d = d + Days::new(1);
    }
    Ok((out, (d < end).then(|| format!("page_{d}"))))
}

fn envelope(days: &[NaiveDate], next: Option<String>, results: impl Fn(NaiveDate) -> Vec<Value>) -> ResponseTemplate {
    let data: Vec<Value> = days
        .iter()
        .map(|d| json!({"starting_at": format!("{d}T00:00:00Z"), "ending_at": format!("{}T00:00:00Z", *d + Days::new(1)), "results": results(*d)}))
        .collect();
    ResponseTemplate::new(200).set_body_json(json!({"data": data, "has_more": next.is_some(), "next_page": next}))
}

/// A report request checked, paged and answered with `results` for each day of the page.
fn report(org: &Org, req: &Request, results: impl Fn(NaiveDate) -> Vec<Value>) -> ResponseTemplate {
    let q = match checks(org, req) {
        Ok(q) => q,
        Err(e) => return e,
    };
    match days(&q) {
        Ok((days, next)) => envelope(&days, next, results),
        Err(e) => e,
    }
}

struct CostReport(Arc<Org>);

impl Respond for CostReport {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        report(&self.0, req, |d| {
            self.0
                .lines
                .iter()
                .filter(|l| l.0 == d)
                .map(|(_, ws, desc, model, cents)| {
                    let tokens = model.is_some();
                    json!({
                        "currency": "USD", "amount": cents, "workspace_id": ws, "description": desc,
                        "cost_type": if tokens { "tokens" } else { "web_search" },
                        "context_window": if tokens { json!("0-200k") } else { Value::Null },
                        "model": model, "service_tier": if tokens { json!("standard") } else { Value::Null },
                        "token_type": Value::Null, "inference_geo": Value::Null
                    })
                })
                .collect()
        })
    }
}

struct Usage(Arc<Org>);

impl Respond for Usage {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        report(&self.0, req, |d| {
            self.0
                .lines
                .iter()
                .filter(|l| l.0 == d && l.2.ends_with("Input Tokens"))
                .map(|(_, ws, _, model, _)| {
                    json!({
                        "uncached_input_tokens": 1500,
                        "cache_creation": {"ephemeral_1h_input_tokens": 1000, "ephemeral_5m_input_tokens": 500},
                        "cache_read_input_tokens": 200, "output_tokens": 500,
                        "server_tool_use": {"web_search_requests": 10},
                        "api_key_id": null, "workspace_id": ws, "model": model, "service_tier": "standard",
                        "context_window": "0-200k", "inference_geo": null, "account_id": null, "service_account_id": null
                    })
                })
                .collect()
        })
    }
}

struct Workspaces(Arc<Org>);

impl Respond for Workspaces {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Err(e) = checks(&self.0, req) {
            return e;
        }
        let after = req.url.query_pairs().find(|(k, _)| k == "after_id").map(|(_, v)| v.into_owned());
        let all = [("wrkspc_tutor", "Tutor", None), ("wrkspc_research", "Research", Some("2026-09-01T00:00:00Z"))];
        let page: Vec<_> = match after.as_deref() {
            None => all[..1].to_vec(),
            Some("wrkspc_tutor") => all[1..].to_vec(),
            Some(_) => vec![],
        };
        let data: Vec<Value> = page
            .iter()
            .map(|(id, name, archived)| {
                json!({"id": id, "type": "workspace", "name": name, "created_at": "2024-10-30T23:58:27.427722Z",
                       "archived_at": archived, "display_color": "#6C5BB9"})
            })
            .collect();
        let has_more = after.is_none();
        ResponseTemplate::new(200).set_body_json(json!({
            "data": data, "has_more": has_more, "first_id": page.first().map(|p| p.0), "last_id": page.last().map(|p| p.0)
        }))
    }
}

pub(crate) struct FakeAnthropic {
    pub server: MockServer,
}

impl FakeAnthropic {
    pub(crate) async fn start(org: Org) -> FakeAnthropic {
        let server = MockServer::start().await;
        let org = Arc::new(org);
        let get = |p: &'static str| Mock::given(method("GET")).and(path(p));
        get("/v1/organizations/cost_report").respond_with(CostReport(org.clone())).mount(&server).await;
        get("/v1/organizations/usage_report/messages").respond_with(Usage(org.clone())).mount(&server).await;
        get("/v1/organizations/workspaces").respond_with(Workspaces(org)).mount(&server).await;
        FakeAnthropic { server }
    }

    pub(crate) fn base_url(&self) -> String {
        self.server.uri()
    }

    pub(crate) async fn hits(&self, p: &str) -> usize {
        self.server.received_requests().await.unwrap_or_default().iter().filter(|r| r.url.path() == p).count()
    }
}
