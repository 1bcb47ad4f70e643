//! A fake Claude Code analytics report on 127.0.0.1 (`GET /v1/organizations/usage_report/claude_code`),
//! in the shape of Anthropic's API reference: `x-api-key` and `anthropic-version` required,
//! `starting_at` a UTC day (one day a request), `limit` 1 to 1,000, opaque `page` cursors with
//! `has_more` and `next_page`. The quirks the reference itself shows: `date` as an RFC 3339
//! midnight in its example though documented `YYYY-MM-DD` (both sent here), `estimated_cost.amount`
//! in cents as a number (fractional too) or as text. A page holds at most `page_size` records,
//! whatever `limit` asks (a server may send fewer), so cursors are followed.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const PATH: &str = "/v1/organizations/usage_report/claude_code";

/// (actor, api key?, customer type, terminal, sessions, cents of sonnet as sent, cents of haiku as sent)
pub(crate) const ACTORS: [(&str, bool, &str, &str, u64, &str, &str); 4] = [
    ("ana@acme.dev", false, "api", "vscode", 6, "186", "42.5"),
    ("ben@acme.dev", false, "subscription", "iTerm.app", 3, "\"1234.5678\"", "7"),
    ("ci-review", true, "api", "github-actions", 2, "55", "0"),
    ("eve\u{1b}[31m@acme.dev", false, "api", "tmux", 1, "10", "1"),
];

pub(crate) struct Org {
    pub key: String,
    /// Days with activity, both ends included.
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub page_size: usize,
    /// Requests answered 429 (Retry-After: 1) before the first real answer.
    pub throttle_first: usize,
}

impl Org {
    fn active(&self, day: NaiveDate, actor: usize) -> bool {
        day >= self.first && day <= self.last && (day.day0() as usize + actor) % 5 != 4
    }

    /// Anthropic's estimate of [since, until] in dollars, of `only` actor or all.
    pub(crate) fn estimated(&self, since: NaiveDate, until: NaiveDate, only: Option<&str>) -> Decimal {
        let mut sum = Decimal::ZERO;
        let mut day = since;
        while day <= until {
            for (i, a) in ACTORS.iter().enumerate() {
                if self.active(day, i) && only.is_none_or(|o| o == a.0) {
                    for cents in [a.5, a.6] {
                        sum += cents.trim_matches('"').parse::<Decimal>().unwrap() / Decimal::from(100);
                    }
                }
            }
            day = day.succ_opt().unwrap();
        }
        sum
    }

    /// Sessions over [since, until], of all actors.
    pub(crate) fn sessions(&self, since: NaiveDate, until: NaiveDate) -> u64 {
        let mut n = 0;
        let mut day = since;
        while day <= until {
            n += ACTORS.iter().enumerate().filter(|(i, _)| self.active(day, *i)).map(|(_, a)| a.4).sum::<u64>();
            day = day.succ_opt().unwrap();
        }
        n
    }

    fn records(&self, day: NaiveDate) -> Vec<String> {
        ACTORS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.active(day, *i))
            .map(|(i, (actor, api, customer, terminal, sessions, sonnet, haiku))| {
                let date = if i % 2 == 0 { format!("{day}T00:00:00Z") } else { day.to_string() };
                let who = if *api {
                    json!({"type": "api_actor", "api_key_name": actor})
                } else {
                    json!({"type": "user_actor", "email_address": actor})
                };
                let rest = json!({
                    "actor": who, "customer_type": customer, "terminal_type": terminal,
                    "organization_id": "12345678-1234-5678-1234-567812345678",
                    "subscription_type": if *customer == "subscription" { json!("team") } else { Value::Null },
                    "core_metrics": {"num_sessions": sessions, "commits_by_claude_code": sessions / 2,
                        "pull_requests_by_claude_code": sessions / 3,
                        "lines_of_code": {"added": sessions * 57, "removed": sessions * 19}},
                    "tool_actions": {"edit_tool": {"accepted": sessions * 4, "rejected": 1},
                        "write_tool": {"accepted": sessions, "rejected": 0}}
                });
                // The cents spliced in exactly as written (a number with a fraction, or text).
                let mut text = rest.to_string();
                text.pop();
                format!(
                    "{text},\"date\":\"{date}\",\"model_breakdown\":[\
                     {{\"model\":\"claude-sonnet-4-5-20250929\",\"tokens\":{{\"input\":{},\"output\":{},\"cache_read\":{},\"cache_creation\":{}}},\
                     \"estimated_cost\":{{\"amount\":{sonnet},\"currency\":\"USD\"}}}},\
                     {{\"model\":\"claude-haiku-4-5-20251001\",\"tokens\":{{\"input\":100,\"output\":20,\"cache_read\":0,\"cache_creation\":0}},\
                     \"estimated_cost\":{{\"amount\":{haiku},\"currency\":\"USD\"}}}}]}}",
                    sessions * 1000,
                    sessions * 300,
                    sessions * 9000,
                    sessions * 700
                )
            })
            .collect()
    }
}

fn error(status: u16, kind: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"type": "error", "error": {"type": kind, "message": message}}))
}

struct Report {
    org: Arc<Org>,
    seen: AtomicUsize,
}

impl Respond for Report {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let header = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        if header("x-api-key") != self.org.key {
            return error(401, "authentication_error", "invalid x-api-key");
        }
        if header("anthropic-version").is_empty() {
            return error(400, "invalid_request_error", "anthropic-version: header is required");
        }
        if self.seen.fetch_add(1, Ordering::SeqCst) < self.org.throttle_first {
            return error(429, "rate_limit_error", "Number of requests has exceeded your rate limit")
                .insert_header("retry-after", "1");
        }
        let q = |n: &str| req.url.query_pairs().find(|(k, _)| k == n).map(|(_, v)| v.to_string());
        let Some(day) = q("starting_at").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) else {
            return error(400, "invalid_request_error", "starting_at: a UTC date in YYYY-MM-DD format is required");
        };
        let limit: usize = q("limit").and_then(|l| l.parse().ok()).unwrap_or(20);
        if !(1..=1000).contains(&limit) {
            return error(400, "invalid_request_error", "limit: must be between 1 and 1000");
        }
        let from = match q("page") {
            None => 0,
            Some(p) => {
                let decoded = p
                    .strip_prefix("page_")
                    .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                    .and_then(|b| String::from_utf8(b).ok())
                    .and_then(|s| s.split_once('#').filter(|(d, _)| *d == day.to_string()).map(|(_, n)| n.to_string()))
                    .and_then(|n| n.parse::<usize>().ok());
                match decoded {
                    Some(n) => n,
                    None => return error(400, "invalid_request_error", "page: invalid cursor"),
                }
            }
        };
        let all = self.org.records(day);
        let size = limit.min(self.org.page_size);
        let chunk: Vec<String> = all.iter().skip(from).take(size).cloned().collect();
        let next = from + chunk.len();
        let (has_more, cursor) = if next < all.len() {
            let token = base64::engine::general_purpose::STANDARD.encode(format!("{day}#{next}"));
            (true, format!("\"page_{token}\""))
        } else {
            (false, "null".to_string())
        };
        let body = format!("{{\"data\":[{}],\"has_more\":{has_more},\"next_page\":{cursor}}}", chunk.join(","));
        ResponseTemplate::new(200).set_body_raw(body, "application/json")
    }
}

pub(crate) struct FakeClaudeCode {
    pub server: MockServer,
}

impl FakeClaudeCode {
    /// On a server of its own, or mounted beside another fake (the Anthropic organization's).
    pub(crate) async fn start(org: Org) -> FakeClaudeCode {
        let server = MockServer::start().await;
        Self::mount(&server, org).await;
        FakeClaudeCode { server }
    }

    pub(crate) async fn mount(server: &MockServer, org: Org) {
        Mock::given(method("GET"))
            .and(path(PATH))
            .respond_with(Report { org: Arc::new(org), seen: AtomicUsize::new(0) })
            .mount(server)
            .await;
    }

    pub(crate) async fn requests(server: &MockServer) -> usize {
        server.received_requests().await.unwrap_or_default().iter().filter(|r| r.url.path() == PATH).count()
    }
}
