//! A fake OpenRouter API on 127.0.0.1, following `shared/docs/provider-apis.md` §4: `/activity`
//! serves the last 30 completed UTC days only (relative to the pinned clock), rejects today's date
//! with 400, and needs a management key; `/credits` needs one too. `/keys` lists the keys (100 a
//! page, `offset`), and `/activity?api_key_hash=H` serves one key's rows: Ana's laptop key spent
//! the OpenAI and free rows, the (disabled) CI key the Gemini rows, an idle key nothing, and the
//! Azure rows were spent by a key since deleted, so no listed key accounts for them.

use std::str::FromStr;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// (day, model, upstream provider, usage dollars as sent)
pub(crate) type Row = (NaiveDate, &'static str, &'static str, &'static str);

pub(crate) struct Account {
    pub key: String,
    /// The fake's "today" (UTC): activity covers the 30 days before it.
    pub today: NaiveDate,
    pub rows: Vec<Row>,
}

/// Upstream history from September to December 2026; which of it is served depends on `today`.
/// Values depend on the date alone, so two fakes with different "todays" agree on every day.
pub(crate) fn sample_account(key: &str, today: NaiveDate) -> Account {
    let mut rows = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    while day <= NaiveDate::from_ymd_opt(2026, 12, 31).unwrap() {
        let n = day.ordinal();
        rows.push((day, "openai/gpt-4.1", "OpenAI", "0.015"));
        rows.push((day, "openai/gpt-4.1", "Azure", "0.0051"));
        if n.is_multiple_of(2) {
            rows.push((day, "google/gemini-2.5-flash", "Google AI Studio", "1.25"));
        }
        if n.is_multiple_of(9) {
            rows.push((day, "meta-llama/llama-3.3-70b-instruct:free", "Chutes", "0"));
        }
        day = day + Days::new(1);
    }
    Account { key: key.to_string(), today, rows }
}

impl Account {
    pub(crate) fn servable(&self, day: NaiveDate) -> bool {
        day < self.today && day >= self.today - Days::new(30)
    }

    /// The billed total of [since, until], whether or not the API still serves it.
    pub(crate) fn billed(&self, since: NaiveDate, until: NaiveDate) -> Decimal {
        self.rows.iter().filter(|r| r.0 >= since && r.0 <= until).map(|r| Decimal::from_str(r.3).unwrap()).sum()
    }
}

/// The key (hash) that spent a row, by its upstream provider; `None`: a deleted key.
pub(crate) fn key_of(upstream: &str) -> Option<&'static str> {
    match upstream {
        "OpenAI" | "Chutes" => Some("hash_ana"),
        "Google AI Studio" => Some("hash_ci"),
        _ => None,
    }
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"error": {"code": status, "message": message}}))
}

fn authorize(acct: &Account, req: &Request) -> Option<ResponseTemplate> {
    let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    match auth.strip_prefix("Bearer ") {
        Some(k) if k == acct.key => None,
        Some(k) if k.starts_with("sk-or-v1-inference") => {
            Some(error(403, "Only management keys can perform this operation"))
        }
        _ => Some(error(401, "No auth credentials found")),
    }
}

struct Activity(Arc<Account>);

impl Respond for Activity {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        let date = req.url.query_pairs().find(|(k, _)| k == "date").map(|(_, v)| v.into_owned());
        let key = req.url.query_pairs().find(|(k, _)| k == "api_key_hash").map(|(_, v)| v.into_owned());
        if let Some(d) = &date {
            let day = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            if !day.is_some_and(|day| self.0.servable(day)) {
                return error(400, "Date must be within the last 30 (completed) UTC days");
            }
        }
        let mut text = String::from(r#"{"data":["#);
        let rows: Vec<&Row> = self
            .0
            .rows
            .iter()
            .filter(|r| self.0.servable(r.0) && date.as_ref().is_none_or(|d| *d == r.0.to_string()))
            .filter(|r| key.as_ref().is_none_or(|k| key_of(r.2) == Some(k.as_str())))
            .collect();
        for (i, (day, model, upstream, usage)) in rows.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            let row: Value = json!({
                "date": day.to_string(), "model": model, "model_permaslug": format!("{model}-2025"),
                "endpoint_id": format!("ep-{upstream}"), "provider_name": upstream,
                "byok_usage_inference": 0.5, "requests": 5, "prompt_tokens": 50, "completion_tokens": 125, "reasoning_tokens": 25
            });
            // Splice the usage in as a raw JSON number, exactly as written.
            let mut obj = row.to_string();
            obj.insert_str(1, &format!(r#""usage":{usage},"#));
            text.push_str(&obj);
        }
        text.push_str("]}");
        ResponseTemplate::new(200).set_body_raw(text, "application/json")
    }
}

struct Keys(Arc<Account>);

impl Respond for Keys {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        let offset = req.url.query_pairs().find(|(k, _)| k == "offset").map(|(_, v)| v.into_owned());
        let with_disabled = req.url.query_pairs().any(|(k, v)| k == "include_disabled" && v == "true");
        if offset.as_deref().is_some_and(|o| o != "0") {
            return ResponseTemplate::new(200).set_body_json(json!({"data": []}));
        }
        let spent = |hash: &str| -> f64 {
            let sum: Decimal =
                self.0.rows.iter().filter(|r| key_of(r.2) == Some(hash)).map(|r| Decimal::from_str(r.3).unwrap()).sum();
            sum.to_string().parse().unwrap()
        };
        let mut keys = vec![
            json!({"hash": "hash_ana", "name": "ana-laptop", "label": "sk-or-v1-a1b...9f0", "disabled": false,
                   "limit": null, "usage": spent("hash_ana"), "usage_daily": 0, "creator_user_id": "user_2ana",
                   "created_at": "2026-01-05T10:00:00Z", "updated_at": null, "workspace_id": null}),
            json!({"hash": "hash_idle", "name": "spare", "label": "sk-or-v1-c3d...111", "disabled": false,
                   "limit": 10, "usage": 0, "usage_daily": 0, "creator_user_id": null,
                   "created_at": "2026-02-01T10:00:00Z", "updated_at": null, "workspace_id": null}),
        ];
        if with_disabled {
            keys.push(json!({"hash": "hash_ci", "name": "ci", "label": "sk-or-v1-e5f...222", "disabled": true,
                   "limit": 100, "usage": spent("hash_ci"), "usage_daily": 0, "creator_user_id": "user_2ci",
                   "created_at": "2026-01-05T10:00:00Z", "updated_at": null, "workspace_id": null}));
        }
        ResponseTemplate::new(200).set_body_json(json!({"data": keys}))
    }
}

struct Credits(Arc<Account>);

impl Respond for Credits {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        ResponseTemplate::new(200).set_body_json(json!({"data": {"total_credits": 100.5, "total_usage": 25.75}}))
    }
}

pub(crate) struct FakeOpenRouter {
    pub server: MockServer,
}

impl FakeOpenRouter {
    pub(crate) async fn start(account: Account) -> FakeOpenRouter {
        let server = MockServer::start().await;
        let account = Arc::new(account);
        Mock::given(method("GET"))
            .and(path("/api/v1/activity"))
            .respond_with(Activity(account.clone()))
            .mount(&server)
            .await;
        // Below the default priority: a test's own stateful keys (fake_levers) take precedence.
        Mock::given(method("GET"))
            .and(path("/api/v1/keys"))
            .respond_with(Keys(account.clone()))
            .with_priority(10)
            .mount(&server)
            .await;
        Mock::given(method("GET")).and(path("/api/v1/credits")).respond_with(Credits(account)).mount(&server).await;
        FakeOpenRouter { server }
    }

    pub(crate) fn base_url(&self) -> String {
        format!("{}/api/v1", self.server.uri())
    }

    pub(crate) async fn hits(&self) -> usize {
        self.server.received_requests().await.unwrap_or_default().len()
    }

    /// `/activity` calls for the whole account (not one key's).
    pub(crate) async fn activity_hits(&self) -> usize {
        let requests = self.server.received_requests().await.unwrap_or_default();
        requests
            .iter()
            .filter(|r| r.url.path() == "/api/v1/activity" && !r.url.query_pairs().any(|(k, _)| k == "api_key_hash"))
            .count()
    }
}
