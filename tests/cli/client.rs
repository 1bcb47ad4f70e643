//! The OpenAI client on its own, against recorded wire fixtures and misbehaving servers.

use std::time::Duration;

use llmcost::domain::{Account, DateRange, Money, ProviderKind};
use llmcost::providers::http::{FailureKind, RetryPolicy, build_client};
use llmcost::providers::{AnyProvider, Connection};
use llmcost::secrets::Secret;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/openai/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn provider(server: &MockServer, key: &Secret) -> AnyProvider {
    AnyProvider::connect(Connection {
        client: build_client(Duration::from_secs(5)).unwrap(),
        account: Account::new(ProviderKind::OpenAi, "edugami"),
        credentials: &llmcost::providers::Credentials::Key(key.clone()),
        base_url: format!("{}/v1", server.uri()),
        retry: RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_secs(2),
        },
        recorder: None,
        settings: Default::default(),
    })
}

/// The OpenAI client itself, to call one endpoint at a time.
fn openai(server: &MockServer, key: &Secret) -> llmcost::providers::openai::OpenAi {
    match provider(server, key) {
        AnyProvider::OpenAi(p) => p,
        _ => unreachable!("an OpenAI account"),
    }
}

fn nov(day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 11, day).unwrap()
}

#[tokio::test]
async fn parses_a_recorded_costs_page_with_every_quirk() {
    let server = MockServer::start().await;
    let key = Secret::new("sk-admin-fixture-key-abcd");
    Mock::given(method("GET"))
        .and(path("/v1/organization/costs"))
        .and(header("authorization", "Bearer sk-admin-fixture-key-abcd"))
        .and(query_param("bucket_width", "1d"))
        .and(query_param("limit", "180"))
        .and(query_param("start_time", "1761955200"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(fixture("costs_page.json"), "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let costs = openai(&server, &key).costs(DateRange::new(nov(1), nov(3))).await.unwrap().0;
    let total: Money = costs.iter().map(|c| c.amount).sum();
    // 0.13080438340307526 + 0.0031 + 1.5 (string) + 0.00001 (1e-05) + 2 x 0.5 (same key, summed) + 0.25
    assert_eq!(total.exact(), "2.88391438340307526");
    let batch = costs.iter().find(|c| c.line_item.starts_with("batch |")).unwrap();
    assert_eq!(batch.model, "gpt-4o-mini-2024-07-18");
    assert_eq!(batch.amount.exact(), "1.00", "duplicate results for one key are summed");
    let default = costs.iter().find(|c| c.line_item == "web search tool calls").unwrap();
    assert_eq!(default.project_id, None);
    assert_eq!(default.model, "web search tool calls");
    assert!(costs.iter().all(|c| c.day == nov(1) || c.day == nov(3)), "the empty 2 Nov bucket adds nothing");
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = MockServer::start().await;
    let key = Secret::new("sk-admin-fixture-key-abcd");
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(1)).to_rfc2822().replace("+0000", "GMT");
    Mock::given(method("GET"))
        .and(path("/v1/organization/projects"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", soon.as_str()))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/organization/projects"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"object": "list", "data": [], "has_more": false})),
        )
        .mount(&server)
        .await;
    provider(&server, &key).check().await.unwrap();
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn retries_are_bounded() {
    let server = MockServer::start().await;
    let key = Secret::new("sk-admin-fixture-key-abcd");
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(500)).mount(&server).await;
    let err = provider(&server, &key).check().await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Server(500));
    assert!(
        err.to_string().contains("openai/edugami: GET /organization/projects: server error 500 after 3 attempts"),
        "{err}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_repeating_cursor_is_an_error_not_a_loop() {
    let server = MockServer::start().await;
    let key = Secret::new("sk-admin-fixture-key-abcd");
    Mock::given(method("GET"))
        .and(path("/v1/organization/costs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "object": "page", "data": [], "has_more": true, "next_page": "page_same"
        })))
        .mount(&server)
        .await;
    let err = openai(&server, &key).costs(DateRange::new(nov(1), nov(2))).await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Malformed);
    assert!(err.to_string().contains("repeated"), "{err}");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = MockServer::start().await;
    let key = Secret::new("sk-admin-fixture-key-abcd");
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let p = AnyProvider::connect(Connection {
        client: build_client(Duration::from_millis(300)).unwrap(),
        account: Account::new(ProviderKind::OpenAi, "edugami"),
        credentials: &llmcost::providers::Credentials::Key(key.clone()),
        base_url: format!("{}/v1", server.uri()),
        retry: RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_secs(1),
        },
        recorder: None,
        settings: Default::default(),
    });
    let err = p.check().await.unwrap_err();
    assert_eq!(err.kind, FailureKind::Timeout);
    assert_eq!(server.received_requests().await.unwrap().len(), 2, "a hung server is retried once");
}
