//! Bad input and provider faults: a clear message, the documented exit code, the cache intact.

use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::fake_openai::{FakeOpenAi, billed, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

#[tokio::test]
async fn a_wrong_key_is_exit_1_and_never_printed() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let wrong = "sk-admin-wrong-key-9999zzzz";
    let env = TestEnv::new().openai("edugami", wrong, &fake.base_url());
    let out = env.run(&["costs", "--month"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("openai/edugami") && err.contains("invalid key") && err.contains("sk-admin-"), "{err}");
    assert!(!err.contains(wrong) && !stdout(&out).contains(wrong), "the key leaked: {err}");

    let project_key = "sk-proj-abcdefghijklmnop1234";
    let env = TestEnv::new().openai("edugami", project_key, &fake.base_url());
    let out = env.run(&["costs", "--month"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("not an admin key"), "{}", stderr(&out));
    assert!(!stderr(&out).contains(project_key));
}

#[tokio::test]
async fn bad_input_is_exit_2_with_the_fix() {
    let env =
        TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY).var("LLMCOST_OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    let cases: &[(&[&str], &str)] = &[
        (&["costs", "--workspace", "nope"], "unknown workspace 'nope'"),
        (&["costs", "--provider", "gemini"], "unknown provider 'gemini'"),
        (&["costs", "--month", "2026-13"], "'2026-13' is not a valid month"),
        (&["costs", "--since", "2026-02-30"], "'2026-02-30' is not a valid date"),
        (&["costs", "--since", "2026-11-10", "--until", "2026-11-01"], "is after --until"),
        (&["costs", "--month", "2026-12"], "after today"),
        (&["costs", "--by", "model,colour"], "unknown --by dimension 'colour'"),
        (&["costs", "--last", "0"], "at least 1 day"),
        (&["costs", "--today", "--week"], "cannot be used with"),
        (&["costs", "--format", "xml"], "invalid value 'xml'"),
        (&["costs", "--until", "2026-11-01"], "--since"),
    ];
    for (args, needle) in cases {
        let out = env.run(args).await;
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert!(!env.db.exists(), "bad input touches no cache");
}

#[tokio::test]
async fn config_problems_are_exit_2_and_name_the_file() {
    let env = TestEnv::new();
    let out = env.run(&["costs"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("no workspaces configured") && stderr(&out).contains("--demo"), "{}", stderr(&out));

    env.write_config("[workspaces.openai.edugami\n");
    let out = env.run(&["costs"]).await;
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("config.toml") && err.contains("line 1"), "{err}");

    env.write_config("[workspaces.openai.edugami]\nbase_url = \"ftp://x\"\n");
    let out = env.run(&["costs"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("base_url"), "{}", stderr(&out));

    let env = TestEnv::new().var("LLMCOST_NOW", "yesterday");
    let out = env.run(&["--demo", "costs"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("LLMCOST_NOW"), "{}", stderr(&out));
}

#[tokio::test]
async fn rate_limits_and_server_errors_are_retried() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    Mock::given(method("GET"))
        .and(path("/v1/organization/costs"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_json(serde_json::json!({"error": {"message": "Rate limit reached", "type": "requests"}})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&fake.server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/organization/usage/completions"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let started = std::time::Instant::now();
    let out = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    assert!(started.elapsed() >= std::time::Duration::from_secs(1), "Retry-After was honoured");
    let total: rust_decimal::Decimal = json(&out)["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, billed(&sample_org(KEY), "2026-11-01", "2026-11-22"));
    // The probe of group_by=api_key_id: 429, retried, refused; then the costs.
    assert_eq!(fake.hits("/v1/organization/costs").await, 3);
    assert_eq!(fake.hits("/v1/organization/usage/completions").await, 3);
}

#[tokio::test]
async fn a_failed_sync_keeps_the_cache_as_it_was() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let first = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&first, 0);

    // A day later the Costs API is down: the account fails and its cache stays as it was.
    Mock::given(method("GET"))
        .and(path("/v1/organization/costs"))
        .respond_with(ResponseTemplate::new(503).set_body_json(serde_json::json!({"error": {"message": "overloaded"}})))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let later = env.var("LLMCOST_NOW", "2026-11-23T10:00:00Z");
    let out = later.run(&["costs", "--month", "2026-11", "--format", "json"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("openai/edugami") && err.contains("/organization/costs") && err.contains("503"), "{err}");
    // The previous answer is still printed from the cache, and the cache still holds it.
    assert_eq!(json(&out)["total"], json(&first)["total"]);
    let offline = later.run(&["costs", "--month", "2026-11", "--offline", "--format", "json"]).await;
    assert_eq!(json(&offline)["total"], json(&first)["total"]);
}

#[tokio::test]
async fn a_usage_failure_keeps_the_costs_and_says_so() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    Mock::given(method("GET"))
        .and(path("/v1/organization/usage/completions"))
        .respond_with(ResponseTemplate::new(503).set_body_json(serde_json::json!({"error": {"message": "overloaded"}})))
        .with_priority(1)
        .mount(&fake.server)
        .await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let out = env.run(&["costs", "--month", "--by", "model", "--format", "json"]).await;
    assert_eq!(code(&out), 0, "costs are the truth and were fetched: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("token counts could not be fetched") && err.contains("503"), "{err}");
    let total: rust_decimal::Decimal = json(&out)["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, billed(&sample_org(KEY), "2026-11-01", "2026-11-22"));
}

#[tokio::test]
async fn malformed_responses_are_errors_not_zero() {
    for (body, needle) in [
        ("{not json", "unexpected response"),
        (r#"{"object":"page","has_more":false}"#, "missing field `data`"),
        (
            r#"{"object":"page","data":[{"start_time":1763596800,"results":[{"amount":{"value":"lots","currency":"usd"}}]}],"has_more":false}"#,
            "'lots' is not a decimal amount",
        ),
    ] {
        let fake = FakeOpenAi::start(sample_org(KEY)).await;
        Mock::given(method("GET"))
            .and(path("/v1/organization/costs"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
            .with_priority(1)
            .mount(&fake.server)
            .await;
        let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
        let out = env.run(&["costs", "--today"]).await;
        assert_eq!(code(&out), 1, "{body}");
        assert!(stderr(&out).contains(needle), "{body}: {}", stderr(&out));
        let offline = env.run(&["costs", "--today", "--offline", "--format", "json"]).await;
        assert_eq!(json(&offline)["complete"], false, "nothing was cached as $0");
    }
}

#[tokio::test]
async fn an_unreachable_provider_is_exit_1() {
    let env = TestEnv::new().openai("edugami", KEY, "http://127.0.0.1:9/v1");
    let out = env.run(&["sync", "--today"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("cannot reach http://127.0.0.1:9/v1"), "{}", stderr(&out));
}

#[tokio::test]
async fn an_explicit_config_that_does_not_exist_is_named() {
    let env = TestEnv::new();
    std::fs::remove_file(&env.config).unwrap();
    for args in [&["budgets", "check", "--offline"][..], &["costs", "--offline"][..]] {
        let out = env.run(args).await;
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stderr(&out).contains("config file not found:"), "{}", stderr(&out));
    }
    // The demo never reads it.
    assert_eq!(code(&env.run(&["--demo", "costs"]).await), 0);
}

#[tokio::test]
async fn answers_without_data_say_so() {
    let env = TestEnv::new().openai("edugami", KEY, "http://127.0.0.1:9/v1");
    let out = env.run(&["costs", "--offline"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("No data for this period: run 'llmcost sync'"), "{text}");
    assert!(!text.contains("No spend"), "never fetched is not 'no spend': {text}");

    // A two-digit year is a typo, not the year 26 (a sync of it would record 730,000 days).
    let out = env.run(&["costs", "--offline", "--since", "26-11-01"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("before 2000"), "{}", stderr(&out));
    let out = env.run(&["sync", "--since", "0026-11-01"]).await;
    expect_code(&out, 2);

    // Nothing to look at is not "nothing to save".
    for cmd in ["optimize", "reconcile"] {
        let out = env.run(&[cmd, "--offline"]).await;
        expect_code(&out, 0);
        assert!(stdout(&out).contains("No data for this period"), "{cmd}: {}", stdout(&out));
        let doc = json(&env.run(&[cmd, "--offline", "--format", "json"]).await);
        assert_eq!(doc["no_data"], true, "{cmd}");
    }
}

#[tokio::test]
async fn a_day_that_is_not_a_date_in_the_cache_is_one_clear_error_everywhere() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let out = env.run(&["costs", "--month"]).await;
    expect_code(&out, 0);
    // A hand edit: one day's cost rows get a day that is no date, with an escape sequence.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let changed = conn
        .execute("UPDATE cost_buckets SET day = '2026-11-1x' || char(27) || '[2J' WHERE day = (SELECT max(day) FROM cost_buckets)", [])
        .unwrap();
    assert!(changed >= 1);
    drop(conn);
    let cache_before = std::fs::read(&env.db).unwrap();
    for args in [
        &["costs", "--offline", "--since", "2026-11-01", "--by", "day"][..],
        &["costs", "--offline", "--since", "2026-11-01", "--by", "week", "--format", "json"],
        &["report", "--offline", "--since", "2026-11-01"],
        &["export", "--offline", "--since", "2026-11-01", "--format", "focus"],
    ] {
        let out = env.run(args).await;
        let err = stderr(&out);
        assert_eq!(code(&out), 1, "{args:?}: not a panic (101) and not a silent success: {err}");
        assert!(stdout(&out).is_empty(), "{args:?}: nothing half-written: {}", stdout(&out));
        assert!(err.contains("day that is not a date") && err.contains("move the cache aside"), "{args:?}: {err}");
        assert!(!err.contains('\u{1b}'), "{args:?}: the cache's text is shown escaped: {err}");
    }
    assert_eq!(std::fs::read(&env.db).unwrap(), cache_before, "reading never changes the cache");
}
