//! A fake Google OAuth token endpoint and BigQuery REST API on 127.0.0.1, as the real ones
//! answer: the JWT bearer grant with its RS256 signature verified against the test service
//! account's public key (audience = the token URI, BigQuery scope), bearer tokens checked, the
//! query's named parameters honoured, `jobComplete: false` first (so the client polls
//! `getQueryResults` with its location), every cell a string (`"5.0E-6"` included), `pageToken`
//! pages, and Google's error bodies for a missing role or table.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Days, NaiveDate};
use ring::signature::{RSA_PKCS1_2048_8192_SHA256, UnparsedPublicKey};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const EMAIL: &str = "llmcost-reader@acme-billing.iam.gserviceaccount.com";
pub(crate) const TOKEN: &str = "ya29.fake-bigquery-token";
pub(crate) const TABLE: &str = "acme-billing.billing_export.gcp_billing_export_v1_01A2B3_C4D5E6_F7A8B9";

#[derive(Clone)]
pub(crate) struct Row {
    pub day: NaiveDate,
    pub project: &'static str,
    pub service: &'static str,
    pub sku: &'static str,
    pub cost: &'static str,
    pub credits: &'static str,
}

pub(crate) struct Bill {
    pub rows: Vec<Row>,
    pub page_size: usize,
}

pub(crate) fn sample_bill() -> Bill {
    let mut rows = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let r = |day, project, service, sku, cost, credits| Row { day, project, service, sku, cost, credits };
    while day <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        rows.push(r(day, "acme-prod", "Gemini API", "Gemini 2.5 Flash Input Tokens", "1.234567890123", "0"));
        rows.push(r(day, "acme-prod", "Gemini API", "Gemini 2.5 Flash Output Tokens", "5.0E-6", "0"));
        rows.push(r(day, "acme-prod", "Vertex AI", "Gemini 2.5 Pro Output Tokens", "4.5", "-1.5"));
        rows.push(r(
            day,
            "acme-research",
            "Generative Language API",
            "Gemini 2.0 Flash Lite Input Tokens",
            "0.25",
            "0",
        ));
        rows.push(r(day, "acme-prod", "Compute Engine", "N2 Instance Core running in Zurich", "9.99", "0"));
        day = day + Days::new(1);
    }
    Bill { rows, page_size: 9 }
}

impl Bill {
    /// Net AI spend (cost + credits) from `since` to `until` inclusive.
    pub(crate) fn ai_spend(&self, since: &str, until: &str) -> Decimal {
        let (s, u): (NaiveDate, NaiveDate) = (since.parse().unwrap(), until.parse().unwrap());
        let dec = |t: &str| Decimal::from_scientific(t).or_else(|_| t.parse()).unwrap();
        self.rows
            .iter()
            .filter(|r| r.service != "Compute Engine" && r.day >= s && r.day <= u)
            .map(|r| dec(r.cost) + dec(r.credits))
            .sum()
    }
}

pub(crate) struct FakeGcp {
    pub server: MockServer,
    pub token_requests: Arc<AtomicUsize>,
    pub polls: Arc<AtomicUsize>,
}

struct Responder {
    bill: Arc<Bill>,
    base: String,
    public_key: Vec<u8>,
    token_requests: Arc<AtomicUsize>,
    polls: Arc<AtomicUsize>,
    /// The rows of the running job.
    job: Mutex<Vec<Row>>,
}

fn google_error(status: u16, reason: &str, message: &str, grpc: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "error": { "code": status, "message": message, "errors": [{ "message": message, "domain": "global", "reason": reason }], "status": grpc }
    }))
}

impl Responder {
    fn token(&self, req: &Request) -> ResponseTemplate {
        self.token_requests.fetch_add(1, Ordering::SeqCst);
        let url = reqwest::Url::parse(&format!("http://form/?{}", String::from_utf8_lossy(&req.body))).unwrap();
        let form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let invalid = |why: &str| {
            ResponseTemplate::new(400).set_body_json(json!({ "error": "invalid_grant", "error_description": why }))
        };
        if get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
            return invalid("Unsupported grant type.");
        }
        let jwt = get("assertion");
        let parts: Vec<&str> = jwt.split('.').collect();
        let [header, claims, signature] = parts.as_slice() else { return invalid("Invalid JWT.") };
        let signed = format!("{header}.{claims}");
        let Ok(signature) = URL_SAFE_NO_PAD.decode(signature) else { return invalid("Invalid JWT Signature.") };
        if UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, &self.public_key)
            .verify(signed.as_bytes(), &signature)
            .is_err()
        {
            return invalid("Invalid JWT Signature.");
        }
        let decode = |p: &str| -> Value {
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).unwrap_or_default()).unwrap_or(Value::Null)
        };
        let (h, c) = (decode(header), decode(claims));
        // Google accepts its canonical token endpoint as the audience (google-auth always sends
        // it) or the key file's token_uri (what llmcost sends, per RFC 7523).
        let audience_ok =
            c["aud"] == format!("{}/token", self.base) || c["aud"] == "https://oauth2.googleapis.com/token";
        if h["alg"] != "RS256" || c["iss"] != EMAIL || !audience_ok {
            return invalid("Invalid JWT: wrong alg, issuer or audience.");
        }
        if !c["scope"].as_str().unwrap_or("").contains("https://www.googleapis.com/auth/bigquery.readonly")
            || c["exp"].as_i64().unwrap_or(0) <= c["iat"].as_i64().unwrap_or(0)
        {
            return invalid("Invalid JWT: scope or lifetime.");
        }
        ResponseTemplate::new(200)
            .set_body_json(json!({ "access_token": TOKEN, "expires_in": 3599, "token_type": "Bearer" }))
    }

    fn authorised(req: &Request) -> bool {
        req.headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {TOKEN}"))
    }

    fn insert(&self, req: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        let sql = body["query"].as_str().unwrap_or("");
        if sql.contains("`acme-billing.billing_export.forbidden`") {
            return google_error(
                403,
                "accessDenied",
                "Access Denied: Table acme-billing:billing_export.forbidden: User does not have permission to query table.",
                "PERMISSION_DENIED",
            );
        }
        if !sql.contains(&format!("`{TABLE}`")) {
            return google_error(
                404,
                "notFound",
                "Not found: Table acme-billing:billing_export.missing was not found in location EU",
                "NOT_FOUND",
            );
        }
        let param = |name: &str| {
            body["queryParameters"]
                .as_array()
                .and_then(|ps| ps.iter().find(|p| p["name"] == name))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let date = |name: &str| {
            NaiveDate::parse_from_str(param(name)["parameterValue"]["value"].as_str().unwrap_or(""), "%Y-%m-%d").ok()
        };
        let (Some(start), Some(end)) = (date("start"), date("end")) else {
            return google_error(400, "invalidQuery", "Query parameter 'start' not found", "INVALID_ARGUMENT");
        };
        for name in ["start", "end", "services"] {
            if sql.contains(&format!("@{name}")) && param(name).is_null() {
                return google_error(
                    400,
                    "invalidQuery",
                    &format!("Query parameter '{name}' not found at [1:1]"),
                    "INVALID_ARGUMENT",
                );
            }
        }
        let services: Vec<String> = param("services")["parameterValue"]["arrayValues"]
            .as_array()
            .map(|vs| vs.iter().filter_map(|v| v["value"].as_str().map(String::from)).collect())
            .unwrap_or_default();
        let rows: Vec<Row> = self
            .bill
            .rows
            .iter()
            // A query without @services filters the services itself (here: the AI ones).
            .filter(|r| r.day >= start && r.day < end)
            .filter(|r| {
                if services.is_empty() {
                    r.service != "Compute Engine"
                } else {
                    services.iter().any(|s| s == r.service)
                }
            })
            .cloned()
            .collect();
        *self.job.lock().unwrap() = rows;
        // The job runs until the client has asked once (getQueryResults or jobs.get).
        self.polls.store(0, Ordering::SeqCst);
        // Not done yet: the client must poll getQueryResults, with the job's location.
        ResponseTemplate::new(200).set_body_json(json!({
            "kind": "bigquery#queryResponse",
            "jobReference": { "projectId": "acme-billing", "jobId": "job_Zx9-abc", "location": "EU" },
            "jobComplete": false
        }))
    }

    fn results(&self, req: &Request) -> ResponseTemplate {
        let n = self.polls.fetch_add(1, Ordering::SeqCst);
        let query: Vec<(String, String)> = req.url.query_pairs().into_owned().collect();
        let get = |k: &str| query.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        if get("location").as_deref() != Some("EU") {
            return google_error(404, "notFound", "Not found: Job acme-billing:job_Zx9-abc", "NOT_FOUND");
        }
        if n == 0 {
            return ResponseTemplate::new(200).set_body_json(json!({
                "kind": "bigquery#getQueryResultsResponse",
                "jobReference": { "projectId": "acme-billing", "jobId": "job_Zx9-abc", "location": "EU" },
                "jobComplete": false
            }));
        }
        let rows = self.job.lock().unwrap().clone();
        let skip: usize = get("pageToken").and_then(|t| t.strip_prefix("BF").and_then(|n| n.parse().ok())).unwrap_or(0);
        let page: Vec<Value> = rows
            .iter()
            .skip(skip)
            .take(self.bill.page_size)
            .map(|r| {
                let credits = if r.credits == "0" { Value::Null } else { json!(r.credits) };
                json!({ "f": [
                    { "v": r.sku }, { "v": r.day.format("%Y-%m-%d").to_string() }, { "v": r.project },
                    { "v": r.project.replace("acme-", "Acme ") }, { "v": r.service }, { "v": "CHF" },
                    { "v": r.cost }, { "v": credits }, { "v": "1000" }, { "v": "count" }
                ] })
            })
            .collect();
        let mut body = json!({
            "kind": "bigquery#getQueryResultsResponse",
            "etag": "AbC==",
            "schema": { "fields": [
                { "name": "sku", "type": "STRING", "mode": "NULLABLE" },
                { "name": "day", "type": "STRING", "mode": "NULLABLE" },
                { "name": "project_id", "type": "STRING", "mode": "NULLABLE" },
                { "name": "project_name", "type": "STRING", "mode": "NULLABLE" },
                { "name": "service", "type": "STRING", "mode": "NULLABLE" },
                { "name": "currency", "type": "STRING", "mode": "NULLABLE" },
                { "name": "cost", "type": "NUMERIC", "mode": "NULLABLE" },
                { "name": "credits", "type": "NUMERIC", "mode": "NULLABLE" },
                { "name": "usage_amount", "type": "FLOAT", "mode": "NULLABLE" },
                { "name": "usage_unit", "type": "STRING", "mode": "NULLABLE" }
            ] },
            "jobReference": { "projectId": "acme-billing", "jobId": "job_Zx9-abc", "location": "EU" },
            "totalRows": rows.len().to_string(),
            "rows": page,
            "totalBytesProcessed": "73400320",
            "jobComplete": true,
            "cacheHit": false
        });
        if skip + self.bill.page_size < rows.len() {
            body["pageToken"] = json!(format!("BF{}", skip + self.bill.page_size));
        }
        ResponseTemplate::new(200).set_body_json(body)
    }
}

impl Respond for Responder {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let path = req.url.path().to_string();
        if path == "/token" && req.method.as_str() == "POST" {
            return self.token(req);
        }
        if !Self::authorised(req) {
            return google_error(
                401,
                "authError",
                "Request had invalid authentication credentials.",
                "UNAUTHENTICATED",
            );
        }
        match (req.method.as_str(), path.as_str()) {
            ("POST", "/bigquery/v2/projects/acme-billing/queries") => self.insert(req),
            ("GET", "/bigquery/v2/projects/acme-billing/queries/job_Zx9-abc") => self.results(req),
            // jobs.get: llmcost does not need it, Google's client library asks it while a job runs.
            ("GET", "/bigquery/v2/projects/acme-billing/jobs/job_Zx9-abc") => {
                let running = self.polls.fetch_add(1, Ordering::SeqCst) == 0;
                ResponseTemplate::new(200).set_body_json(json!({
                    "kind": "bigquery#job",
                    "id": "acme-billing:EU.job_Zx9-abc",
                    "jobReference": { "projectId": "acme-billing", "jobId": "job_Zx9-abc", "location": "EU" },
                    "configuration": { "jobType": "QUERY", "query": { "useLegacySql": false } },
                    "status": { "state": if running { "RUNNING" } else { "DONE" } },
                    "statistics": { "query": { "totalBytesProcessed": "73400320", "statementType": "SELECT" } }
                }))
            }
            _ => google_error(404, "notFound", "Not found", "NOT_FOUND"),
        }
    }
}

impl FakeGcp {
    pub(crate) async fn start(bill: Bill) -> FakeGcp {
        let server = MockServer::start().await;
        let token_requests = Arc::new(AtomicUsize::new(0));
        let polls = Arc::new(AtomicUsize::new(0));
        let public_key =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gcp/service-account-public.der"))
                .unwrap();
        Mock::given(wiremock::matchers::any())
            .respond_with(Responder {
                bill: Arc::new(bill),
                base: server.uri(),
                public_key,
                token_requests: token_requests.clone(),
                polls: polls.clone(),
                job: Mutex::new(Vec::new()),
            })
            .mount(&server)
            .await;
        FakeGcp { server, token_requests, polls }
    }

    /// The test service account's key file, with its token URI on this fake.
    pub(crate) fn key_file(&self, dir: &std::path::Path) -> std::path::PathBuf {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gcp/service-account.json"))
                .unwrap();
        let mut doc: Value = serde_json::from_str(&text).unwrap();
        doc["token_uri"] = json!(format!("{}/token", self.server.uri()));
        let path = dir.join("service-account.json");
        std::fs::write(&path, doc.to_string()).unwrap();
        path
    }
}
