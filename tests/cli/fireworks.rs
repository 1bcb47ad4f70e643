//! Fireworks AI end to end, against a fake of `POST /v1/accounts/{account}/usageCosts:query` in
//! the shape of Fireworks' API reference (bearer key; `startTime` inclusive, `endTime` exclusive,
//! RFC 3339; `scope` `ACCOUNT`; `groupBy` `DAY` and `MODEL`; rows with `dimensions` and a
//! `google.type.Money` `subtotal`, `units` as a string; pages by `nextPageToken`, the service
//! clamping `pageSize`, here to 25): rated costs per day and model, exact; a non-admin key named;
//! Fireworks spend imported before its API was read stays apart, never synced over.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::test_env::{TestEnv, expect_code, json, stderr};

const KEY: &str = "fw_0123456789abcdefghij";
/// (model, units, nanos) a day.
const MODELS: [(&str, &str, i64); 2] = [
    ("accounts/fireworks/models/llama-v3p1-70b-instruct", "3", 141_592_653),
    ("accounts/fireworks/models/deepseek-v3", "0", 271_828_182),
];

struct Costs;

impl Respond for Costs {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let auth = req.headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
        if auth == "Bearer fw_notadmin0123456789" {
            return ResponseTemplate::new(403).set_body_json(
                json!({"code": 7, "message": "permission denied: ACCOUNT scope needs an account administrator"}),
            );
        }
        if auth != format!("Bearer {KEY}") {
            return ResponseTemplate::new(401).set_body_json(json!({"code": 16, "message": "unauthenticated"}));
        }
        if !req.url.path().contains("/v1/accounts/my-team/") {
            return ResponseTemplate::new(404).set_body_json(json!({"code": 5, "message": "account not found"}));
        }
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        if body["scope"] != "ACCOUNT" || body["groupBy"] != json!(["DAY", "MODEL"]) {
            return ResponseTemplate::new(400).set_body_json(json!({"code": 3, "message": "bad request"}));
        }
        let day = |v: &Value| {
            NaiveDate::parse_from_str(&v.as_str().unwrap_or("")[..10.min(v.as_str().unwrap_or("").len())], "%Y-%m-%d")
        };
        let (Ok(start), Ok(end)) = (day(&body["startTime"]), day(&body["endTime"])) else {
            return ResponseTemplate::new(400)
                .set_body_json(json!({"code": 3, "message": "startTime and endTime are required"}));
        };
        let mut rows = Vec::new();
        let mut d = start;
        while d < end && d <= NaiveDate::from_ymd_opt(2026, 11, 22).unwrap() {
            for (model, units, nanos) in MODELS {
                rows.push(json!({"dimensions": {"startTime": format!("{d}T00:00:00Z"), "model": model},
                                 "subtotal": {"currencyCode": "USD", "units": units, "nanos": nanos}}));
            }
            d = d + Days::new(1);
        }
        let size = body["pageSize"].as_u64().unwrap_or(100).clamp(1, 25) as usize;
        let from: usize =
            body["pageToken"].as_str().and_then(|t| t.strip_prefix("p").and_then(|n| n.parse().ok())).unwrap_or(0);
        let page: Vec<Value> = rows.iter().skip(from).take(size).cloned().collect();
        let next = (from + size < rows.len()).then(|| format!("p{}", from + size));
        ResponseTemplate::new(200).set_body_json(json!({"rows": page, "nextPageToken": next.unwrap_or_default(),
            "subtotal": {"currencyCode": "USD", "units": "0", "nanos": 0}}))
    }
}

async fn fake() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(wiremock::matchers::path_regex("^/v1/accounts/[^/]+/usageCosts:query$"))
        .respond_with(Costs)
        .mount(&server)
        .await;
    server
}

fn env(server: &MockServer, key: &str) -> TestEnv {
    TestEnv::new().var("LLMCOST_KEY_FIREWORKS_MY_TEAM", key).var("LLMCOST_FIREWORKS_BASE_URL", &server.uri())
}

#[tokio::test]
async fn rated_costs_per_day_and_model_are_exact() {
    let server = fake().await;
    let env = env(&server, KEY);
    let out = env.run(&["costs", "--provider", "fireworks", "--month", "--by", "model", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let per_day: Decimal = MODELS.iter().map(|(_, u, n)| u.parse::<Decimal>().unwrap() + Decimal::new(*n, 9)).sum();
    assert_eq!(doc["total"].as_str().unwrap().parse::<Decimal>().unwrap(), per_day * Decimal::from(22), "{doc:#}");
    let models: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["model"].as_str().unwrap()).collect();
    assert!(models.contains(&"llama-v3p1-70b-instruct") && models.contains(&"deepseek-v3"), "{models:?}");
    let asked = server.received_requests().await.unwrap().len();
    assert_eq!(asked, 2, "44 rows, 25 a page: two pages");
}

#[tokio::test]
async fn a_key_that_is_not_an_administrator_s_is_named() {
    let server = fake().await;
    let out = env(&server, "fw_notadmin0123456789").run(&["costs", "--provider", "fireworks", "--month"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("fireworks/my_team") && err.contains("administrator"), "{err}");
    assert!(!err.contains("fw_notadmin0123456789"), "{err}");
}

/// A team imported Fireworks' spend from files before llmcost read its API: that account keeps
/// its imported history, is never synced over, and shows complete; the API's spend is synced
/// under another workspace.
#[tokio::test]
async fn spend_imported_before_the_api_stays_apart() {
    let server = fake().await;
    let env = env(&server, KEY).var("LLMCOST_KEY_FIREWORKS_IMPORTED", KEY);
    // Import under a vendor id, then give the rows Fireworks' id, as a cache from before has them.
    let file = env.dir.path().join("fw.csv");
    std::fs::write(&file, "date,model,cost\n2026-11-03,llama-v3p1-70b-instruct,9.99\n").unwrap();
    expect_code(
        &env.run(&["import", file.to_str().unwrap(), "--provider", "fwold", "--workspace", "imported"]).await,
        0,
    );
    let db = rusqlite::Connection::open(&env.db).unwrap();
    for table in ["cost_buckets", "imports", "charge_sources"] {
        db.execute(&format!("UPDATE {table} SET provider = 'fireworks' WHERE provider = 'fwold'"), []).unwrap();
    }
    drop(db);
    let out =
        env.run(&["costs", "--provider", "fireworks", "--workspace", "imported", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!((doc["total"].as_str(), doc["complete"].as_bool()), (Some("9.99"), Some(true)), "{doc:#}");
    assert!(server.received_requests().await.unwrap().is_empty(), "never synced over");
    let out = env.run(&["costs", "--provider", "fireworks", "--month", "--by", "workspace", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(json(&out)["rows"].as_array().unwrap().len(), 2, "the API's spend beside the imported");
}
