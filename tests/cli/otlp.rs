//! `metrics --otlp`: the exporter's figures pushed as OTLP gauges to a collector on 127.0.0.1,
//! in JSON (checked here against the exposition) and protobuf (decoded with the official
//! definitions by `tests/sdk/otlp_decode.py`); a collector that fails is an error, exit 1.

use rust_decimal::Decimal;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::test_env::{TestEnv, code, expect_code, stderr, stdout};

#[tokio::test]
async fn the_gauges_reach_the_collector_with_the_expositions_values() {
    let collector = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/metrics"))
        .and(header("x-team", "fin ops"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&collector)
        .await;
    let env = TestEnv::new()
        .var("LLMCOST_NOW", "2026-12-06T10:00:00Z")
        .var("OTEL_EXPORTER_OTLP_ENDPOINT", &collector.uri())
        .var("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")
        .var("OTEL_EXPORTER_OTLP_HEADERS", "x-team=fin%20ops");
    let out = env.run(&["--demo", "metrics", "--otlp"]).await;
    expect_code(&out, 0);
    assert!(stdout(&out).is_empty(), "pushed, not printed");
    let requests = collector.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].headers["content-type"], "application/json");
    let doc: serde_json::Value = serde_json::from_slice(&requests[0].body).unwrap();
    let rm = &doc["resourceMetrics"][0];
    assert_eq!(
        rm["resource"]["attributes"][0],
        serde_json::json!({"key": "service.name", "value": {"stringValue": "llmcost"}})
    );
    let metrics = rm["scopeMetrics"][0]["metrics"].as_array().unwrap();
    let month = metrics.iter().find(|m| m["name"] == "llmcost.spend.month_to_date").unwrap();
    assert_eq!(month["unit"], "USD");
    let points = month["gauge"]["dataPoints"].as_array().unwrap();
    let pushed: f64 = points.iter().map(|p| p["asDouble"].as_f64().unwrap()).sum();
    let keys: Vec<&str> =
        points[0]["attributes"].as_array().unwrap().iter().map(|a| a["key"].as_str().unwrap()).collect();
    assert!(keys.contains(&"gen_ai.provider.name") && keys.contains(&"gen_ai.request.model"), "{keys:?}");

    let exposition = stdout(&env.run(&["--demo", "metrics"]).await);
    let printed: Decimal = exposition
        .lines()
        .filter(|l| l.starts_with("llmcost_spend_month_to_date_usd{"))
        .map(|l| l.rsplit(' ').next().unwrap().parse::<Decimal>().unwrap())
        .sum();
    assert!((pushed - printed.to_string().parse::<f64>().unwrap()).abs() < 1e-6, "{pushed} vs {printed}");
    // Gauges only: billed spend is revised, never a cumulative sum.
    assert!(metrics.iter().all(|m| m.get("gauge").is_some() && m.get("sum").is_none()));
}

#[tokio::test]
async fn a_failing_collector_or_grpc_is_an_error() {
    let collector = MockServer::start().await;
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(500)).mount(&collector).await;
    let env = TestEnv::new()
        .var("LLMCOST_NOW", "2026-12-06T10:00:00Z")
        .var("LLMCOST_RETRY_BASE_MS", "1")
        .var("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", &format!("{}/v1/metrics", collector.uri()));
    let out = env.run(&["--demo", "metrics", "--otlp"]).await;
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("answered HTTP 500"), "{}", stderr(&out));
    let requests = collector.received_requests().await.unwrap();
    assert_eq!(requests[0].headers["content-type"], "application/x-protobuf", "protobuf by default");
    let grpc = env.var("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").run(&["--demo", "metrics", "--otlp"]).await;
    assert_eq!(code(&grpc), 2);
    assert!(stderr(&grpc).contains("http/protobuf or http/json"), "{}", stderr(&grpc));
}
