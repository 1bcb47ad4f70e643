//! Stateful fakes of the levers `brake` uses, on 127.0.0.1, in the shapes of the providers'
//! API references: Anthropic's API keys (`GET/POST /v1/organizations/api_keys[/{id}]`, paged by
//! `after_id`), OpenRouter's keys (`GET /api/v1/keys?offset=`, `GET/PATCH /api/v1/keys/{hash}`,
//! `{"data": ...}`) and OpenAI's project rate limits (`GET /v1/organization/projects`,
//! `GET /v1/organization/projects/{id}/rate_limits`, `POST .../rate_limits/{id}`) and hard spend
//! limits (`GET/POST/DELETE /v1/organization[/projects/{id}]/spend_limit`, 404 where none is
//! set, `threshold_amount` in cents, as OpenAI's Python SDK has them) and project model
//! permissions (`GET/POST/DELETE /v1/organization/projects/{id}/model_permissions`, 404 where none
//! is set, `{"mode": "allow_list" | "deny_list", "model_ids": [...]}`). A GET reflects the last
//! write. Reads take the read or the write key; writes only the write key. Any DELETE but a
//! spend limit's or a model policy's (which only removes one llmcost set where there was none),
//! and any write
//! of `archived`, is recorded as a violation the tests assert never happens.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const READ_KEY: &str = "read-key-0123456789";
pub(crate) const WRITE_KEY: &str = "write-key-0123456789";

#[derive(Default)]
pub(crate) struct State {
    /// Anthropic keys, OpenRouter keys, or OpenAI rate limits by project.
    pub objects: Vec<Value>,
    /// Ids whose writes answer 500 (a provider failing mid-brake).
    pub failing: Vec<String>,
    /// Writes received (method, path, body).
    pub writes: Vec<(String, String, Value)>,
    pub violations: Vec<String>,
    /// Anthropic's spend limits (`/v1/organizations/spend_limits`); OpenAI's, each with its
    /// `scope` (`organization` or a project id) beside it.
    pub limits: Vec<Value>,
    /// OpenAI's project model permissions, each with its `project` beside it.
    pub permissions: Vec<Value>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Anthropic,
    OpenRouter,
    OpenAi,
}

pub(crate) struct FakeLevers {
    pub server: MockServer,
    pub state: Arc<Mutex<State>>,
    pub kind: Kind,
}

impl FakeLevers {
    pub(crate) async fn start(kind: Kind) -> FakeLevers {
        let server = MockServer::start().await;
        let state = mount(kind, &server, objects(kind), Mock::given(any())).await;
        FakeLevers { server, state, kind }
    }

    /// Anthropic's keys beside another fake's endpoints (its cost report, say) on `server`.
    pub(crate) async fn anthropic_keys_on(server: &MockServer) -> Arc<Mutex<State>> {
        let keys = wiremock::matchers::path_regex("^/v1/organizations/api_keys");
        mount(Kind::Anthropic, server, objects(Kind::Anthropic), Mock::given(keys)).await
    }

    /// OpenRouter's keys beside another fake's endpoints (its activity, say) on `server`.
    pub(crate) async fn openrouter_keys_on(server: &MockServer) -> Arc<Mutex<State>> {
        let keys = wiremock::matchers::path_regex("^/api/v1/keys");
        mount(Kind::OpenRouter, server, objects(Kind::OpenRouter), Mock::given(keys)).await
    }

    /// The base URL llmcost is given.
    pub(crate) fn base_url(&self) -> String {
        match self.kind {
            Kind::Anthropic => self.server.uri(),
            Kind::OpenRouter => format!("{}/api/v1", self.server.uri()),
            Kind::OpenAi => format!("{}/v1", self.server.uri()),
        }
    }

    pub(crate) fn objects(&self) -> Vec<Value> {
        self.state.lock().unwrap().objects.clone()
    }
}

/// Each fake's objects before any write.
fn objects(kind: Kind) -> Vec<Value> {
    match kind {
            Kind::Anthropic => (1..=3)
                .map(|i| {
                    json!({"type": "api_key", "id": format!("apikey_0{i}"), "name": format!("service-{i}"),
                           "workspace_id": if i == 3 { Value::Null } else { json!("wrkspc_01Tutor") },
                           "created_at": "2026-01-05T10:00:00Z", "created_by": {"id": "user_01", "type": "user"},
                           "partial_key_hint": format!("sk-ant-api03-Ab{i}...xQAA"),
                           "status": if i == 2 { "inactive" } else { "active" }, "expires_at": null})
                })
                .collect(),
            Kind::OpenRouter => (1..=2)
                .map(|i| {
                    json!({"hash": format!("f01d3c2b9a{i}"), "name": format!("app-{i}"), "label": format!("sk-or-v1-0e6...c9{i}"),
                           "disabled": false, "limit": 75, "limit_remaining": 12.5, "limit_reset": "monthly",
                           "include_byok_in_limit": true, "usage": 62.5, "usage_daily": 1.25,
                           "created_at": "2026-01-05T10:00:00Z", "updated_at": null})
                })
                .collect(),
            Kind::OpenAi => vec![
                json!({"project": "proj_a", "object": "project.rate_limit", "id": "rl-gpt-4o", "model": "gpt-4o",
                       "max_requests_per_1_minute": 5000, "max_tokens_per_1_minute": 800000, "batch_1_day_max_input_tokens": 90000000}),
                json!({"project": "proj_a", "object": "project.rate_limit", "id": "rl-dall-e-3", "model": "dall-e-3",
                       "max_requests_per_1_minute": 500, "max_images_per_1_minute": 7}),
                json!({"project": "proj_b", "object": "project.rate_limit", "id": "rl-gpt-4o", "model": "gpt-4o",
                       "max_requests_per_1_minute": 3000, "max_tokens_per_1_minute": 450000}),
            ],
        }
}

async fn mount(kind: Kind, server: &MockServer, objects: Vec<Value>, mock: wiremock::MockBuilder) -> Arc<Mutex<State>> {
    // OpenAI's Grading project already has a hard limit of $300 a month.
    let limits = if kind == Kind::OpenAi {
        vec![json!({"scope": "proj_b", "object": "project.spend_limit", "threshold_amount": 30000, "currency": "USD",
                    "interval": "month", "enforcement": {"status": "inactive"}, "notification_channel": null})]
    } else {
        Vec::new()
    };
    // OpenAI's Grading project already refuses one model; Tutor has no policy.
    let permissions = if kind == Kind::OpenAi {
        vec![
            json!({"project": "proj_b", "object": "project.model_permissions", "mode": "deny_list", "model_ids": ["o1-pro"]}),
        ]
    } else {
        Vec::new()
    };
    let state = Arc::new(Mutex::new(State { objects, limits, permissions, ..State::default() }));
    mock.respond_with(Responder { state: state.clone(), kind }).mount(server).await;
    state
}

struct Responder {
    state: Arc<Mutex<State>>,
    kind: Kind,
}

fn error(status: u16, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({"error": {"type": "error", "message": message}}))
}

impl Responder {
    fn key(&self, req: &Request) -> String {
        let h = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let bearer = h("authorization").trim_start_matches("Bearer ").to_string();
        // Anthropic takes `x-api-key` (llmcost, the API reference) or a bearer token (its
        // Python SDK 2.x sends the key that way).
        match self.kind {
            Kind::Anthropic if !h("x-api-key").is_empty() => h("x-api-key"),
            _ => bearer,
        }
    }
}

impl Respond for Responder {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let mut state = self.state.lock().unwrap();
        let method = req.method.as_str().to_string();
        let path = req.url.path().to_string();
        let undoable = path.ends_with("/spend_limit") || path.ends_with("/model_permissions");
        if method == "DELETE" && !(self.kind == Kind::OpenAi && undoable) {
            state.violations.push(format!("DELETE {path}"));
            return error(405, "deletes are never expected");
        }
        let key = self.key(req);
        let write = method != "GET";
        if !(key == WRITE_KEY || (!write && key == READ_KEY)) {
            return error(if key == READ_KEY { 403 } else { 401 }, "invalid or read-only key");
        }
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        if write {
            if body.to_string().contains("archived") {
                state.violations.push(format!("{method} {path} {body}"));
            }
            state.writes.push((method.clone(), path.clone(), body.clone()));
        }
        let q = |name: &str| req.url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
        let beta = req.headers.get("anthropic-beta").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        match self.kind {
            Kind::Anthropic if path == "/v1/organizations/spend_limits" => {
                spend_limits(&mut state, &method, &body, &beta)
            }
            Kind::Anthropic => anthropic(&mut state, &method, &path, &body, q("after_id")),
            Kind::OpenRouter => {
                let with_disabled = q("include_disabled").as_deref() == Some("true");
                openrouter(&mut state, &method, &path, &body, q("offset"), with_disabled)
            }
            Kind::OpenAi => openai(&mut state, &method, &path, &body),
        }
    }
}

/// Copies `body`'s fields onto `object`.
fn merge(object: &mut Value, body: &Value) {
    if let (Some(o), Some(b)) = (object.as_object_mut(), body.as_object()) {
        for (k, v) in b {
            o.insert(k.clone(), v.clone());
        }
    }
}

fn anthropic(state: &mut State, method: &str, path: &str, body: &Value, after: Option<String>) -> ResponseTemplate {
    let Some(rest) = path.strip_prefix("/v1/organizations/api_keys") else { return error(404, "not found") };
    let id = rest.trim_start_matches('/').to_string();
    if id.is_empty() {
        // Two a page, active ones only (the `status=active` filter), `after_id` paging.
        let active: Vec<Value> = state.objects.iter().filter(|k| k["status"] == "active").cloned().collect();
        let start =
            after.map_or(0, |a| active.iter().position(|k| k["id"] == a.as_str()).map_or(active.len(), |i| i + 1));
        let page: Vec<Value> = active.iter().skip(start).take(2).cloned().collect();
        let has_more = start + page.len() < active.len();
        let (first, last) = (page.first().map(|k| k["id"].clone()), page.last().map(|k| k["id"].clone()));
        return ResponseTemplate::new(200)
            .set_body_json(json!({"data": page, "has_more": has_more, "first_id": first, "last_id": last}));
    }
    if state.failing.contains(&id) && method != "GET" {
        return error(500, "Internal server error");
    }
    let Some(key) = state.objects.iter_mut().find(|k| k["id"] == id.as_str()) else {
        return error(404, "not_found_error");
    };
    if method == "POST" {
        merge(key, body);
    }
    ResponseTemplate::new(200).set_body_json(key.clone())
}

/// Anthropic's spend limits: reads need the beta header; a POST upserts on (scope, period).
fn spend_limits(state: &mut State, method: &str, body: &Value, beta: &str) -> ResponseTemplate {
    if method == "GET" {
        if !beta.split(',').any(|b| b.trim() == "spend-limit-reads-2026-09-26") {
            return error(400, "this endpoint is in beta: send anthropic-beta: spend-limit-reads-2026-09-26");
        }
        return ResponseTemplate::new(200)
            .set_body_json(json!({"data": state.limits, "has_more": false, "next_page": null}));
    }
    let amount = body.get("amount").cloned().unwrap_or(Value::Null);
    if !(amount.is_null() || amount.as_str().is_some_and(|a| a.bytes().all(|b| b.is_ascii_digit()))) {
        return error(400, "amount must be a non-negative integer decimal string or null");
    }
    let (scope, period) = (body["scope"].clone(), body.get("period").cloned().unwrap_or(json!("monthly")));
    let n = state.limits.len();
    let limit = if let Some(l) = state.limits.iter_mut().find(|l| l["scope"] == scope && l["period"] == period) {
        l["amount"] = amount;
        l["updated_at"] = json!("2026-11-22T10:00:01Z");
        l.clone()
    } else {
        let l = json!({"type": "spend_limit", "id": format!("spl_0{n}"), "amount": amount, "currency": "USD",
                       "is_enabled": true, "period": period, "scope": scope,
                       "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"});
        state.limits.push(l.clone());
        l
    };
    ResponseTemplate::new(200).set_body_json(limit)
}

fn openrouter(
    state: &mut State,
    method: &str,
    path: &str,
    body: &Value,
    offset: Option<String>,
    with_disabled: bool,
) -> ResponseTemplate {
    let Some(rest) = path.strip_prefix("/api/v1/keys") else { return error(404, "not found") };
    let hash = rest.trim_start_matches('/').to_string();
    if hash.is_empty() {
        let offset: usize = offset.and_then(|o| o.parse().ok()).unwrap_or(0);
        let page: Vec<Value> = state
            .objects
            .iter()
            .filter(|k| with_disabled || k["disabled"] == false)
            .skip(offset)
            .take(100)
            .cloned()
            .collect();
        return ResponseTemplate::new(200).set_body_json(json!({"data": page}));
    }
    if state.failing.contains(&hash) && method != "GET" {
        return error(502, "upstream error");
    }
    let Some(key) = state.objects.iter_mut().find(|k| k["hash"] == hash.as_str()) else {
        return error(404, "Not found");
    };
    if method == "PATCH" {
        merge(key, body);
        key["updated_at"] = json!("2026-11-22T10:00:00Z");
    }
    ResponseTemplate::new(200).set_body_json(json!({"data": key.clone()}))
}

fn openai(state: &mut State, method: &str, path: &str, body: &Value) -> ResponseTemplate {
    let parts: Vec<&str> =
        path.trim_start_matches("/v1/organization/projects").split('/').filter(|p| !p.is_empty()).collect();
    let list = |data: Vec<Value>| {
        let (first, last) = (data.first().map(|o| o["id"].clone()), data.last().map(|o| o["id"].clone()));
        ResponseTemplate::new(200).set_body_json(
            json!({"object": "list", "data": data, "first_id": first, "last_id": last, "has_more": false}),
        )
    };
    if path == "/v1/organization/spend_limit" {
        return spend_limit(state, method, "organization", body);
    }
    match parts.as_slice() {
        [project, "spend_limit"] => spend_limit(state, method, project, body),
        [project, "model_permissions"] => model_permissions(state, method, project, body),
        [] => list(vec![
            json!({"id": "proj_a", "object": "organization.project", "name": "Tutor", "created_at": 1735689600, "archived_at": null, "status": "active"}),
            json!({"id": "proj_b", "object": "organization.project", "name": "Grading", "created_at": 1735689600, "archived_at": null, "status": "active"}),
            json!({"id": "proj_old", "object": "organization.project", "name": "Old", "created_at": 1735689600, "archived_at": 1740000000, "status": "archived"}),
        ]),
        [project, "rate_limits"] => {
            let data = state.objects.iter().filter(|o| o["project"] == *project).map(without_project).collect();
            list(data)
        }
        [project, "rate_limits", id] if method == "POST" => {
            if state.failing.contains(&format!("{project}/{id}")) {
                return error(500, "The server had an error while processing your request.");
            }
            let Some(limit) = state.objects.iter_mut().find(|o| o["project"] == *project && o["id"] == *id) else {
                return error(404, "No such rate limit");
            };
            merge(limit, body);
            ResponseTemplate::new(200).set_body_json(without_project(limit))
        }
        _ => error(404, "Invalid URL"),
    }
}

/// OpenAI's hard spend limit of `scope` (`organization` or a project): 404 where none is set; a
/// POST sets it (`threshold_amount` whole cents, `currency` USD, `interval` month); a DELETE
/// removes it.
fn spend_limit(state: &mut State, method: &str, scope: &str, body: &Value) -> ResponseTemplate {
    let object = if scope == "organization" { "organization.spend_limit" } else { "project.spend_limit" };
    let at = state.limits.iter().position(|l| l["scope"] == scope);
    match (method, at) {
        ("GET", Some(i)) => ResponseTemplate::new(200).set_body_json(without(&state.limits[i], "scope")),
        ("GET" | "DELETE", None) => error(404, "No hard spend limit is configured."),
        ("DELETE", Some(i)) => {
            state.limits.remove(i);
            ResponseTemplate::new(200).set_body_json(json!({"object": format!("{object}.deleted"), "deleted": true}))
        }
        ("POST", _) => {
            let cents = body.get("threshold_amount").and_then(Value::as_u64);
            if cents.is_none() || body["currency"] != "USD" || body["interval"] != "month" {
                return error(400, "threshold_amount (cents), currency USD and interval month are required");
            }
            let limit = json!({"scope": scope, "object": object, "threshold_amount": cents, "currency": "USD",
                               "interval": "month", "enforcement": {"status": "inactive"}, "notification_channel": null});
            match at {
                Some(i) => state.limits[i] = limit.clone(),
                None => state.limits.push(limit.clone()),
            }
            ResponseTemplate::new(200).set_body_json(without(&limit, "scope"))
        }
        _ => error(405, "Method not allowed"),
    }
}

/// A project's model permissions: 404 where none is set; a POST sets `mode` (`allow_list` or
/// `deny_list`) and `model_ids`; a DELETE removes the policy.
fn model_permissions(state: &mut State, method: &str, project: &str, body: &Value) -> ResponseTemplate {
    let at = state.permissions.iter().position(|p| p["project"] == project);
    match (method, at) {
        ("GET", Some(i)) => ResponseTemplate::new(200).set_body_json(without(&state.permissions[i], "project")),
        ("GET" | "DELETE", None) => error(404, "No model permissions are configured for this project."),
        ("DELETE", Some(i)) => {
            state.permissions.remove(i);
            ResponseTemplate::new(200)
                .set_body_json(json!({"object": "project.model_permissions.deleted", "deleted": true}))
        }
        ("POST", _) => {
            let mode_ok = matches!(body["mode"].as_str(), Some("allow_list" | "deny_list"));
            let ids_ok = body["model_ids"].as_array().is_some_and(|a| a.iter().all(Value::is_string));
            if !mode_ok || !ids_ok {
                return error(400, "mode (allow_list or deny_list) and model_ids (strings) are required");
            }
            let policy = json!({"project": project, "object": "project.model_permissions",
                                "mode": body["mode"], "model_ids": body["model_ids"]});
            match at {
                Some(i) => state.permissions[i] = policy.clone(),
                None => state.permissions.push(policy.clone()),
            }
            ResponseTemplate::new(200).set_body_json(without(&policy, "project"))
        }
        _ => error(405, "Method not allowed"),
    }
}

/// `o` without the field the fake keeps beside what the API shows.
fn without(o: &Value, field: &str) -> Value {
    let mut o = o.clone();
    if let Some(map) = o.as_object_mut() {
        map.remove(field);
    }
    o
}

/// A rate limit as the API shows it (the fake keeps its project beside it).
fn without_project(o: &Value) -> Value {
    let mut o = o.clone();
    if let Some(map) = o.as_object_mut() {
        map.remove("project");
    }
    o
}
