//! xAI end to end: the management key, the team, spend per model and day, cut answers split and
//! asked again, and keys that cannot read billing.

use rust_decimal::Decimal;

use crate::fake_xai::{FakeXai, sample_team};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "xai-mgmt-0123456789abcdef0123";

fn env(fake: &FakeXai, key: &str) -> TestEnv {
    TestEnv::new().var("LLMCOST_KEY_XAI_GROK", key).var("LLMCOST_XAI_BASE_URL", &fake.server.uri())
}

#[tokio::test]
async fn spend_per_model_matches_the_usage_explorer() {
    let fake = FakeXai::start(sample_team(KEY)).await;
    let env = env(&fake, KEY);
    let out = env.run(&["costs", "--provider", "xai", "--month", "--by", "model", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, sample_team(KEY).billed("2026-11-01", "2026-11-22"));
    assert_eq!(doc["complete"], true);
    let models: Vec<&str> = doc["rows"].as_array().unwrap().iter().map(|r| r["model"].as_str().unwrap()).collect();
    assert!(models.contains(&"grok-4") && models.contains(&"grok-code-fast-1"), "{models:?}");
    // 22 days asked with at most 10 per answer: cut answers were split and asked again.
    assert!(fake.usage_requests().await >= 3, "the range was split");
    // Offline, the cache answers the same.
    let again = env.run(&["costs", "--provider", "xai", "--month", "--offline", "--format", "json"]).await;
    assert_eq!(json(&again)["total"], doc["total"]);
    let table = env.run(&["costs", "--provider", "xai", "--month", "--by", "model"]).await;
    assert!(stdout(&table).contains("grok-4"), "{}", stdout(&table));
}

#[tokio::test]
async fn keys_that_cannot_read_billing_are_named() {
    let fake = FakeXai::start(sample_team(KEY)).await;
    for (key, needle) in
        [("xai-inference-0123456789abcdef", "not an admin key"), ("xai-wrong-0123456789abc", "invalid key")]
    {
        let out = env(&fake, key).run(&["costs", "--provider", "xai", "--month"]).await;
        expect_code(&out, 1);
        let err = stderr(&out);
        assert!(err.contains("xai/grok") && err.contains(needle) && err.contains("management key"), "{err}");
        assert!(!err.contains(key), "{err}");
    }
    let out = env(&fake, KEY).run(&["providers", "test", "--provider", "xai"]).await;
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("xai/grok: ok") && stdout(&out).contains("prepaid balance $14.13"),
        "{}",
        stdout(&out)
    );
}

#[tokio::test]
async fn a_cut_answer_is_never_a_complete_total() {
    let mut team = sample_team(KEY);
    team.max_days = 0; // even one day is cut
    let fake = FakeXai::start(team).await;
    let env = env(&fake, KEY);
    let out = env.run(&["costs", "--provider", "xai", "--today", "--format", "json"]).await;
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(stderr(&out).contains("limitReached"), "{}", stderr(&out));
    let offline = env.run(&["costs", "--provider", "xai", "--today", "--offline", "--format", "json"]).await;
    assert_eq!(json(&offline)["complete"], false, "nothing was recorded as fetched");
}
