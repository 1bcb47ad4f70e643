//! A fake Entra ID token endpoint and Azure Cost Management Query API on 127.0.0.1, as the real
//! ones answer: the client-credentials grant as a form POST (AADSTS7000215 for a wrong secret),
//! bearer tokens checked, the query's ServiceName filter and time period honoured, rows whose
//! column order differs from the documentation's, money as JSON numbers longer than an f64
//! holds, `nextLink` pages POSTed with the same body, 204 for no rows, 429 with Cost
//! Management's own retry headers, and ARM error bodies.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::Value;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

pub(crate) const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
pub(crate) const CLIENT: &str = "11111111-2222-3333-4444-555555555555";
pub(crate) const SECRET: &str = "azSecret~0123456789abcdefghijklmnopqrstu";
pub(crate) const TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-management-token.sig";
pub(crate) const SUBSCRIPTION: &str = "00000000-0000-0000-0000-000000000000";

/// One row of the bill.
#[derive(Clone)]
pub(crate) struct Row {
    pub day: NaiveDate,
    pub service: &'static str,
    pub resource: &'static str,
    pub meter: &'static str,
    pub cost: &'static str,
    pub currency: &'static str,
}

pub(crate) struct Bill {
    pub rows: Vec<Row>,
    pub page_size: usize,
    pub throttle_first: usize,
}

const AOAI: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-ai/providers/microsoft.cognitiveservices/accounts/contoso-aoai";
const FOUNDRY: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-research/providers/microsoft.cognitiveservices/accounts/research-foundry";

const AOAI_MIXED_CASE: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG-AI/providers/Microsoft.CognitiveServices/accounts/Contoso-AOAI";

pub(crate) fn sample_bill() -> Bill {
    let mut rows = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let r = |day, service, resource, meter, cost| Row { day, service, resource, meter, cost, currency: "EUR" };
    while day <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        rows.push(r(day, "Cognitive Services", AOAI, "gpt 4o 0513 Input global Tokens", "3.524150000000000000001"));
        rows.push(r(day, "Cognitive Services", AOAI, "gpt-4o-0513-Outp-glbl Tokens", "7.0"));
        rows.push(r(day, "Azure OpenAI", AOAI, "gpt-4o-mini-0718-Inp-glbl Tokens", "0.00207345"));
        rows.push(r(day, "Foundry Models", FOUNDRY, "R1 Outp glbl Tokens", "1.25"));
        rows.push(r(day, "Foundry Models", FOUNDRY, "gpt-5 cchd Inp glbl Tokens", "0.1"));
        // Real answers: amounts in E-notation, zero as `0.0`, 17-digit floats, and one resource
        // in two casings within one answer (Azure's ids are case-insensitive).
        rows.push(r(day, "Cognitive Services", AOAI_MIXED_CASE, "gpt 4o 0513 Input global Tokens", "1.5E-05"));
        rows.push(r(day, "Azure OpenAI", AOAI_MIXED_CASE, "gpt-4o-mini-0718-Outp-glbl Tokens", "7E-06"));
        rows.push(r(day, "Azure OpenAI", AOAI, "gpt-5 cchd Inp glbl Tokens", "0.0"));
        rows.push(r(day, "Foundry Models", FOUNDRY, "R1 Inp glbl Tokens", "0.12345678901234568"));
        // Not AI spend: the query's service filter leaves it out.
        rows.push(r(day, "Storage", FOUNDRY, "Hot LRS Data Stored", "99"));
        day = day + Days::new(1);
    }
    Bill { rows, page_size: 7, throttle_first: 0 }
}

impl Bill {
    /// What the AI services cost from `since` to `until` (inclusive).
    pub(crate) fn ai_spend(&self, since: &str, until: &str) -> Decimal {
        let (s, u): (NaiveDate, NaiveDate) = (since.parse().unwrap(), until.parse().unwrap());
        self.rows
            .iter()
            .filter(|r| r.service != "Storage" && r.day >= s && r.day <= u)
            .map(|r| Decimal::from_scientific(r.cost).or_else(|_| r.cost.parse::<Decimal>()).unwrap())
            .sum()
    }
}

pub(crate) struct FakeAzure {
    pub server: MockServer,
    pub token_requests: Arc<AtomicUsize>,
    pub query_requests: Arc<AtomicUsize>,
}

struct Responder {
    bill: Arc<Bill>,
    base: String,
    token_requests: Arc<AtomicUsize>,
    query_requests: Arc<AtomicUsize>,
}

fn arm_error(status: u16, code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(serde_json::json!({ "error": { "code": code, "message": message } }))
}

impl Responder {
    fn token(&self, req: &Request) -> ResponseTemplate {
        self.token_requests.fetch_add(1, Ordering::SeqCst);
        let url = reqwest::Url::parse(&format!("http://form/?{}", String::from_utf8_lossy(&req.body))).unwrap();
        let form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let get = |k: &str| form.iter().find(|(n, _)| n == k).map_or("", |(_, v)| v.as_str());
        let content_type = req.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
        if !content_type.starts_with("application/x-www-form-urlencoded")
            || get("grant_type") != "client_credentials"
            || get("scope") != "https://management.azure.com/.default"
        {
            return ResponseTemplate::new(400).set_body_json(serde_json::json!({
                "error": "invalid_request", "error_description": "AADSTS900144: The request body must contain grant_type.", "error_codes": [900144]
            }));
        }
        if get("client_id") != CLIENT
            || get("client_secret") != SECRET
            || !req.url.path().starts_with(&format!("/{TENANT}/"))
        {
            return ResponseTemplate::new(401).set_body_json(serde_json::json!({
                "error": "invalid_client",
                "error_description": "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 0000\r\nCorrelation ID: 0000\r\nTimestamp: 2026-11-22 10:00:00Z",
                "error_codes": [7000215],
                "timestamp": "2026-11-22 10:00:00Z",
                "trace_id": "0000",
                "correlation_id": "0000",
                "error_uri": "https://login.microsoftonline.com/error?code=7000215"
            }));
        }
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": TOKEN
        }))
    }

    fn query(&self, req: &Request) -> ResponseTemplate {
        let n = self.query_requests.fetch_add(1, Ordering::SeqCst);
        if req.headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(&format!("Bearer {TOKEN}")) {
            return arm_error(401, "InvalidAuthenticationToken", "The access token is invalid.");
        }
        if req.url.path().contains("/resourceGroups/forbidden") {
            return arm_error(
                403,
                "AuthorizationFailed",
                "The client does not have authorization to perform action 'Microsoft.CostManagement/query/action'.",
            );
        }
        if n < self.bill.throttle_first {
            return arm_error(429, "429", "Too many requests. Please retry.")
                .insert_header("x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after", "0")
                .insert_header("x-ms-ratelimit-microsoft.costmanagement-tenant-retry-after", "1")
                .insert_header(
                    "x-ms-ratelimit-microsoft.costmanagement-qpu-remaining",
                    "QueriesPerHour:0,QueriesPerMin:0,QueriesPer10Sec:0",
                );
        }
        let body: Value = match serde_json::from_slice(&req.body) {
            Ok(b) => b,
            Err(_) => return arm_error(400, "BadRequest", "Invalid query definition."),
        };
        let day =
            |s: &Value| NaiveDate::parse_from_str(s.as_str().unwrap_or("").get(..10).unwrap_or(""), "%Y-%m-%d").ok();
        let (Some(from), Some(to)) = (day(&body["timePeriod"]["from"]), day(&body["timePeriod"]["to"])) else {
            return arm_error(400, "BadRequest", "Invalid time period.");
        };
        if body["type"] != "ActualCost" || body["dataset"]["granularity"] != "Daily" {
            return arm_error(400, "BadRequest", "Invalid dataset.");
        }
        let services: Vec<&str> = body["dataset"]["filter"]["dimensions"]["values"]
            .as_array()
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let cost_name = body["dataset"]["aggregation"]["totalCost"]["name"].as_str().unwrap_or("Cost").to_string();
        let rows: Vec<&Row> =
            self.bill.rows.iter().filter(|r| r.day >= from && r.day <= to && services.contains(&r.service)).collect();
        if rows.is_empty() {
            return ResponseTemplate::new(204);
        }
        let skip: usize =
            req.url.query_pairs().find(|(k, _)| k == "$skiptoken").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
        let page: Vec<String> = rows
            .iter()
            .skip(skip)
            .take(self.bill.page_size)
            .map(|r| {
                // Columns as real answers order them (not as the documentation does); money as
                // a bare JSON number with more digits than an f64 keeps.
                format!("[{}, {:?}, {}, {:?}, {:?}]", r.day.format("%Y%m%d"), r.meter, r.cost, r.resource, r.currency)
            })
            .collect();
        let next = if skip + self.bill.page_size < rows.len() {
            format!(
                "\"{}{}?api-version=2023-03-01&$skiptoken={}\"",
                self.base,
                req.url.path(),
                skip + self.bill.page_size
            )
        } else {
            "null".to_string()
        };
        let text = format!(
            r#"{{"id":"subscriptions/{SUBSCRIPTION}/providers/Microsoft.CostManagement/query/00000000-0000-0000-0000-000000000001","name":"00000000-0000-0000-0000-000000000001","type":"Microsoft.CostManagement/query","location":null,"sku":null,"eTag":null,"properties":{{"nextLink":{next},"columns":[{{"name":"UsageDate","type":"Number"}},{{"name":"Meter","type":"String"}},{{"name":"{cost_name}","type":"Number"}},{{"name":"ResourceId","type":"String"}},{{"name":"Currency","type":"String"}}],"rows":[{}]}}}}"#,
            page.join(",")
        );
        ResponseTemplate::new(200).set_body_raw(text, "application/json; charset=utf-8")
    }
}

impl Respond for Responder {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let path = req.url.path();
        if path.ends_with("/oauth2/v2.0/token") {
            self.token(req)
        } else if path.ends_with("/providers/Microsoft.CostManagement/query") {
            self.query(req)
        } else {
            arm_error(404, "NotFound", "The resource was not found.")
        }
    }
}

impl FakeAzure {
    pub(crate) async fn start(bill: Bill) -> FakeAzure {
        let server = MockServer::start().await;
        let token_requests = Arc::new(AtomicUsize::new(0));
        let query_requests = Arc::new(AtomicUsize::new(0));
        Mock::given(method("POST"))
            .respond_with(Responder {
                bill: Arc::new(bill),
                base: server.uri(),
                token_requests: token_requests.clone(),
                query_requests: query_requests.clone(),
            })
            .mount(&server)
            .await;
        FakeAzure { server, token_requests, query_requests }
    }
}
