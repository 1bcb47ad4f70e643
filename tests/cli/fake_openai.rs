//! A fake OpenAI Admin API on 127.0.0.1, following `shared/docs/provider-apis.md` §2: cursor
//! pagination with `limit` caps, empty buckets, null project ids, amounts as numbers or numeric
//! strings, unknown extra fields, 401 for a wrong key, 403 for a project key, 400 for
//! `group_by=api_key_id`.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Days, NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// One billed line: a day, an optional project, a line item and the amount as the wire text.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub day: NaiveDate,
    pub project: Option<&'static str>,
    pub line_item: &'static str,
    /// Exactly as sent: `0.1308`, `"1.5"` (quoted: a string), `1e-05`.
    pub amount: &'static str,
}

impl Line {
    pub(crate) fn dollars(&self) -> Decimal {
        let text = self.amount.trim_matches('"');
        Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)).unwrap()
    }
}

pub(crate) struct Org {
    pub key: String,
    pub lines: Vec<Line>,
    pub projects: Vec<(&'static str, &'static str, &'static str)>,
    /// Whether `/costs` accepts `group_by=api_key_id` (listed in the spec; the live API answered
    /// 400 to it in 2026, which is the default here).
    pub costs_by_key: bool,
}

pub(crate) struct FakeOpenAi {
    pub server: MockServer,
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn unix(d: NaiveDate) -> i64 {
    d.and_time(NaiveTime::MIN).and_utc().timestamp()
}

fn from_unix(t: i64) -> NaiveDate {
    DateTime::from_timestamp(t, 0).unwrap().date_naive()
}

/// A realistic month and a half of spend for one organization, quirks included.
pub(crate) fn sample_org(key: &str) -> Org {
    let mut lines = Vec::new();
    let items: [(&str, Option<&str>, &str); 8] = [
        ("gpt-4o-2024-08-06, input", Some("proj_tutor"), "0.13080438340307526"),
        ("gpt-4o-2024-08-06, cached input", Some("proj_tutor"), "\"0.0031\""),
        ("gpt-4o-2024-08-06, output", Some("proj_tutor"), "1.2045"),
        ("batch | gpt-4o-mini-2024-07-18, input", Some("proj_grading"), "0.00032195744715549047"),
        ("priority | gpt-5.6-sol, output, long context", Some("proj_grading"), "2.5"),
        ("web search tool calls", None, "\"0.25\""),
        ("Vector storage", None, "1e-05"),
        ("whisper-1, audio", Some("proj_archived"), "0.006"),
    ];
    let start = day("2026-10-01");
    for offset in 0..53u64 {
        let d = start + Days::new(offset);
        // Every fifth day is an empty bucket, as real organizations have.
        if offset % 5 == 4 {
            continue;
        }
        for (i, (item, project, amount)) in items.iter().enumerate() {
            if (offset as usize + i) % 3 == 2 {
                continue;
            }
            lines.push(Line { day: d, project: *project, line_item: item, amount });
        }
    }
    Org {
        key: key.to_string(),
        lines,
        projects: vec![
            ("proj_tutor", "Tutor chat", "active"),
            ("proj_grading", "Essay grading", "active"),
            ("proj_archived", "Old pilot", "archived"),
        ],
        costs_by_key: false,
    }
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "error": {"message": message, "type": "invalid_request_error", "param": null, "code": null}
    }))
}

fn query(req: &Request) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in req.url.query_pairs() {
        out.entry(k.trim_end_matches("[]").to_string()).or_default().push(v.into_owned());
    }
    out
}

fn authorize(org: &Org, req: &Request) -> Option<ResponseTemplate> {
    let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    let key = auth.strip_prefix("Bearer ").unwrap_or("");
    if key.starts_with("sk-proj-") {
        return Some(error(
            403,
            "You have insufficient permissions for this operation. Missing scopes: api.usage.read",
        ));
    }
    if key != org.key {
        return Some(error(
            401,
            "Incorrect API key provided: sk-adm***. You can find your API key at https://platform.openai.com/account/api-keys.",
        ));
    }
    None
}

/// The bucket window a request asks for, and the page of it to serve.
fn window(
    q: &HashMap<String, Vec<String>>,
    default_limit: usize,
    max_limit: usize,
) -> Result<(Vec<NaiveDate>, bool, Option<String>), String> {
    let first = |k: &str| q.get(k).and_then(|v| v.first()).cloned();
    let start: i64 = first("start_time").and_then(|s| s.parse().ok()).ok_or("start_time is required")?;
    let end: i64 = first("end_time").and_then(|s| s.parse().ok()).unwrap_or(start + 86_400 * 7);
    let limit: usize = first("limit").and_then(|s| s.parse().ok()).unwrap_or(default_limit);
    if limit == 0 || limit > max_limit {
        return Err(format!("limit must be between 1 and {max_limit}"));
    }
    let mut from = from_unix(start);
    if let Some(page) = first("page") {
        let t: i64 = page.strip_prefix("page_").and_then(|s| s.parse().ok()).ok_or("bad page cursor")?;
        from = from_unix(t);
    }
    let end_day = from_unix(end);
    let mut days = Vec::new();
    let mut d = from;
    while d < end_day && days.len() < limit {
        days.push(d);
        d = d + Days::new(1);
    }
    let has_more = d < end_day;
    Ok((days, has_more, has_more.then(|| format!("page_{}", unix(d)))))
}

struct Costs(Arc<Org>);

impl Respond for Costs {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        let q = query(req);
        let group_by = q.get("group_by").cloned().unwrap_or_default();
        let by_key = group_by.iter().any(|g| g == "api_key_id");
        if by_key && !self.0.costs_by_key {
            return error(400, "Invalid group_by: api_key_id");
        }
        let (days, has_more, next) = match window(&q, 7, 180) {
            Ok(w) => w,
            Err(message) => return error(400, &message),
        };
        let by_project = group_by.iter().any(|g| g == "project_id");
        let by_item = group_by.iter().any(|g| g == "line_item");
        let mut text = String::from(r#"{"object":"page","data":["#);
        for (i, d) in days.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!(
                r#"{{"object":"bucket","start_time":{},"end_time":{},"results":["#,
                unix(*d),
                unix(*d) + 86_400
            ));
            let mut first = true;
            for line in self.0.lines.iter().filter(|l| l.day == *d) {
                if !first {
                    text.push(',');
                }
                first = false;
                let project = match (by_project, line.project) {
                    (true, Some(p)) => format!("\"{p}\""),
                    _ => "null".to_string(),
                };
                let item = if by_item { format!("\"{}\"", line.line_item) } else { "null".to_string() };
                // By key: GPT-4o's lines are the CI key's three quarters and Ana's quarter, as
                // the usage report counts them; the rest used no key.
                let parts: Vec<(String, String)> = if by_key && line.line_item.starts_with("gpt-4o") {
                    let whole = Decimal::from_str(line.amount.trim_matches('"')).unwrap();
                    let ana = (whole / Decimal::from(4)).round_dp(12);
                    let key = |k: &str| format!("\"key_{}_{k}\"", line.project.unwrap_or("default"));
                    vec![((whole - ana).to_string(), key("ci")), (ana.to_string(), key("ana"))]
                } else {
                    vec![(line.amount.to_string(), "null".to_string())]
                };
                for (j, (amount, key)) in parts.iter().enumerate() {
                    if j > 0 {
                        text.push(',');
                    }
                    text.push_str(&format!(
                        r#"{{"object":"organization.costs.result","amount":{{"value":{amount},"currency":"usd"}},"line_item":{item},"project_id":{project},"api_key_id":{key},"quantity":null,"quantity_unit":null,"organization_id":"org-fake"}}"#
                    ));
                }
            }
            text.push_str("]}");
        }
        let next = next.map_or("null".to_string(), |n| format!("\"{n}\""));
        text.push_str(&format!(r#"],"has_more":{has_more},"next_page":{next}}}"#));
        ResponseTemplate::new(200).set_body_raw(text, "application/json")
    }
}

/// Usage: tokens derived from each line's day and project, one model row per (day, project).
struct Usage(Arc<Org>);

impl Respond for Usage {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        let q = query(req);
        if q.get("bucket_width").and_then(|w| w.first()).map(String::as_str) == Some("1h") {
            return self.hourly(&q);
        }
        let (days, has_more, next) = match window(&q, 7, 31) {
            Ok(w) => w,
            Err(message) => return error(400, &message),
        };
        let by_key = q.get("group_by").is_some_and(|g| g.iter().any(|g| g == "api_key_id"));
        let data: Vec<Value> = days
            .iter()
            .map(|d| {
                // Grouped by key: the CI key used three quarters, Ana's a quarter.
                let shares: &[(Option<&str>, u64)] =
                    if by_key { &[(Some("ci"), 3), (Some("ana"), 1)] } else { &[(None, 4)] };
                let results: Vec<Value> = self
                    .0
                    .lines
                    .iter()
                    .filter(|l| l.day == *d && l.line_item.starts_with("gpt-4o-2024-08-06, input"))
                    .flat_map(|l| {
                        shares.iter().map(move |(key, q)| {
                            let key = key.map(|k| format!("key_{}_{k}", l.project.unwrap_or("default")));
                            json!({
                                "object": "organization.usage.completions.result",
                                "input_tokens": 250 * q, "output_tokens": 62 * q + q / 3 * 2, "num_model_requests": q,
                                "input_cached_tokens": 25 * q, "input_audio_tokens": 0, "output_audio_tokens": 0,
                                "project_id": l.project, "user_id": null, "api_key_id": key,
                                "model": "gpt-4o-2024-08-06", "batch": false, "service_tier": "default"
                            })
                        })
                    })
                    .collect();
                json!({"object": "bucket", "start_time": unix(*d), "end_time": unix(*d) + 86_400, "results": results})
            })
            .collect();
        ResponseTemplate::new(200)
            .set_body_json(json!({"object": "page", "data": data, "has_more": has_more, "next_page": next}))
    }
}

impl Usage {
    /// `bucket_width=1h`: an hour's bucket from `start_time` to `end_time` (the last one may be in
    /// progress), at most `limit` (cap 168) a page; each hour of a day with GPT-4o input has a
    /// twenty-fourth of its tokens, with a batch row beside it when asked `group_by=batch`.
    fn hourly(&self, q: &HashMap<String, Vec<String>>) -> ResponseTemplate {
        let first = |k: &str| q.get(k).and_then(|v| v.first()).cloned();
        let (Some(start), Some(end)) = (
            first("start_time").and_then(|s| s.parse::<i64>().ok()),
            first("end_time").and_then(|s| s.parse::<i64>().ok()),
        ) else {
            return error(400, "start_time and end_time are required");
        };
        let limit: i64 = first("limit").and_then(|s| s.parse().ok()).unwrap_or(24);
        if !(1..=168).contains(&limit) {
            return error(400, "limit must be between 1 and 168 for bucket_width 1h");
        }
        let batch = q.get("group_by").is_some_and(|g| g.iter().any(|g| g == "batch"));
        let mut data = Vec::new();
        let mut at = start - start.rem_euclid(3600);
        while at < end && (data.len() as i64) < limit {
            let day = from_unix(at);
            let mut results = Vec::new();
            for l in self.0.lines.iter().filter(|l| l.day == day && l.line_item.starts_with("gpt-4o-2024-08-06, input"))
            {
                results.push(json!({
                    "object": "organization.usage.completions.result",
                    "input_tokens": 4000, "output_tokens": 1000, "num_model_requests": 2,
                    "input_cached_tokens": 400, "project_id": l.project, "user_id": null, "api_key_id": null,
                    "model": "gpt-4o-2024-08-06", "batch": if batch { json!(false) } else { Value::Null }
                }));
            }
            data.push(json!({"object": "bucket", "start_time": at, "end_time": at + 3600, "results": results}));
            at += 3600;
        }
        ResponseTemplate::new(200)
            .set_body_json(json!({"object": "page", "data": data, "has_more": false, "next_page": null}))
    }
}

/// A project's API keys (`/organization/projects/{id}/api_keys`): a CI service account's and
/// Ana's, with their redacted values.
struct ProjectKeys(Arc<Org>);

impl Respond for ProjectKeys {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        let project = req.url.path().split('/').nth(4).unwrap_or("").to_string();
        if !self.0.projects.iter().any(|(id, _, _)| *id == project) {
            return error(404, "No such project");
        }
        let key = |k: &str, owner: Value| {
            json!({"object": "organization.project.api_key", "id": format!("key_{project}_{k}"),
                   "name": format!("{k}-key"), "redacted_value": format!("sk-proj-...{k}9"),
                   "created_at": 1_767_225_600, "last_used_at": 1_795_305_600, "owner": owner})
        };
        let data = vec![
            key(
                "ci",
                json!({"type": "service_account", "service_account": {"id": "svc_1", "name": "ci-runner", "role": "member"}}),
            ),
            key(
                "ana",
                json!({"type": "user", "user": {"id": "user_ana", "name": "Ana", "email": "ana@example.org", "role": "owner"}}),
            ),
        ];
        ResponseTemplate::new(200).set_body_json(
            json!({"object": "list", "data": data, "first_id": null, "last_id": null, "has_more": false}),
        )
    }
}

/// Projects, two per page, paginated with `after`.
struct Projects(Arc<Org>);

impl Respond for Projects {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        if let Some(denied) = authorize(&self.0, req) {
            return denied;
        }
        let q = query(req);
        let limit: usize = q.get("limit").and_then(|v| v[0].parse().ok()).unwrap_or(20).min(2);
        let after = q.get("after").map(|v| v[0].clone());
        let start = match &after {
            Some(a) => self.0.projects.iter().position(|p| p.0 == a).map_or(0, |i| i + 1),
            None => 0,
        };
        let page: Vec<_> = self.0.projects.iter().skip(start).take(limit).collect();
        let has_more = start + page.len() < self.0.projects.len();
        let data: Vec<Value> = page
            .iter()
            .map(|(id, name, status)| {
                json!({"id": id, "object": "organization.project", "name": name, "created_at": 1711471533,
                       "archived_at": if *status == "archived" { json!(1730000000) } else { Value::Null }, "status": status})
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({
            "object": "list", "data": data,
            "first_id": page.first().map(|p| p.0), "last_id": page.last().map(|p| p.0), "has_more": has_more
        }))
    }
}

/// Answers like `R`, after a fixed delay (the sync benchmark's network latency).
struct Delayed<R>(R, Duration);

impl<R: Respond> Respond for Delayed<R> {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        self.0.respond(req).set_delay(self.1)
    }
}

impl FakeOpenAi {
    pub(crate) async fn start(org: Org) -> FakeOpenAi {
        FakeOpenAi::start_with_latency(org, Duration::ZERO).await
    }

    /// Every answer waits `latency` first, like a distant API.
    pub(crate) async fn start_with_latency(org: Org, latency: Duration) -> FakeOpenAi {
        let server = MockServer::start().await;
        let org = Arc::new(org);
        let get = |p: &'static str| Mock::given(method("GET")).and(path(p));
        get("/v1/organization/costs").respond_with(Delayed(Costs(org.clone()), latency)).mount(&server).await;
        get("/v1/organization/usage/completions")
            .respond_with(Delayed(Usage(org.clone()), latency))
            .mount(&server)
            .await;
        get("/v1/organization/projects").respond_with(Delayed(Projects(org.clone()), latency)).mount(&server).await;
        Mock::given(method("GET"))
            .and(wiremock::matchers::path_regex("^/v1/organization/projects/[^/]+/api_keys$"))
            .respond_with(Delayed(ProjectKeys(org), latency))
            .mount(&server)
            .await;
        FakeOpenAi { server }
    }

    pub(crate) fn base_url(&self) -> String {
        format!("{}/v1", self.server.uri())
    }

    /// Requests received so far for a path.
    pub(crate) async fn hits(&self, p: &str) -> usize {
        self.server.received_requests().await.unwrap_or_default().iter().filter(|r| r.url.path() == p).count()
    }

    pub(crate) async fn total_hits(&self) -> usize {
        self.server.received_requests().await.unwrap_or_default().len()
    }
}

/// The provider's billed total for a period: the sum of the fixture's amounts, exactly.
pub(crate) fn billed(org: &Org, since: &str, until: &str) -> Decimal {
    let (s, u) = (day(since), day(until));
    org.lines.iter().filter(|l| l.day >= s && l.day <= u).map(Line::dollars).sum()
}
