//! Every provider in one view: OpenAI, Anthropic and OpenRouter fakes side by side.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::fake_anthropic::{self, FakeAnthropic};
use crate::fake_openai::{self, FakeOpenAi};
use crate::fake_openrouter::{FakeOpenRouter, sample_account};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const OPENAI_KEY: &str = "sk-admin-test-edugami-0000aaaa";
const ANTHROPIC_KEY: &str = "sk-ant-admin01-test-key-0000bbbb";
const OPENROUTER_KEY: &str = "sk-or-v1-management-test-0000cccc";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(v: &serde_json::Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("money is a string: {v}"))).unwrap()
}

struct Fakes {
    openai: FakeOpenAi,
    anthropic: FakeAnthropic,
    openrouter: FakeOpenRouter,
}

async fn setup() -> (Fakes, TestEnv) {
    let fakes = Fakes {
        openai: FakeOpenAi::start(fake_openai::sample_org(OPENAI_KEY)).await,
        anthropic: FakeAnthropic::start(fake_anthropic::sample_org(ANTHROPIC_KEY)).await,
        openrouter: FakeOpenRouter::start(sample_account(OPENROUTER_KEY, d("2026-11-22"))).await,
    };
    let env = TestEnv::new()
        .var("LLMCOST_KEY_OPENAI_EDUGAMI", OPENAI_KEY)
        .var("LLMCOST_KEY_ANTHROPIC_EDUGAMI", ANTHROPIC_KEY)
        .var("LLMCOST_KEY_OPENROUTER_PERSONAL", OPENROUTER_KEY)
        .var("LLMCOST_OPENAI_BASE_URL", &fakes.openai.base_url())
        .var("LLMCOST_ANTHROPIC_BASE_URL", &fakes.anthropic.base_url())
        .var("LLMCOST_OPENROUTER_BASE_URL", &fakes.openrouter.base_url());
    (fakes, env)
}

#[tokio::test]
async fn one_view_over_every_provider_matches_each_bill() {
    let (fakes, env) = setup().await;
    let openai = fake_openai::billed(&fake_openai::sample_org(OPENAI_KEY), "2026-11-01", "2026-11-22");
    let anthropic = fake_anthropic::billed(&fake_anthropic::sample_org(ANTHROPIC_KEY), "2026-11-01", "2026-11-22");
    // OpenRouter never reports today.
    let openrouter = sample_account(OPENROUTER_KEY, d("2026-11-22")).billed(d("2026-11-01"), d("2026-11-21"));

    let out = env.run(&["costs", "--month", "--by", "provider,model", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), openai + anthropic + openrouter);
    let rows = doc["rows"].as_array().unwrap();
    let per = |p: &str| -> Decimal { rows.iter().filter(|r| r["provider"] == p).map(|r| dec(&r["cost"])).sum() };
    assert_eq!(per("openai"), openai);
    assert_eq!(per("anthropic"), anthropic);
    assert_eq!(per("openrouter"), openrouter);
    assert_eq!(doc["complete"], true, "today is not missing for OpenRouter: it is never reported");
    assert_eq!(doc["today_not_reported"], serde_json::json!(["openrouter"]));

    // Anthropic rows: cents became dollars; a null model keeps its description; tokens are summed.
    let sonnet = rows.iter().find(|r| r["model"] == "claude-sonnet-4-20250514").unwrap();
    assert!(sonnet["input_tokens"].as_u64().unwrap() > 0);
    assert!(sonnet["requests"].is_null(), "Anthropic reports no request counts");
    assert!(rows.iter().any(|r| r["provider"] == "anthropic" && r["model"] == "Web Search Usage"));
    // OpenRouter rows: one per model, summed over upstream providers; free models stay.
    let gpt = rows.iter().find(|r| r["provider"] == "openrouter" && r["model"] == "openai/gpt-4.1").unwrap();
    assert_eq!(dec(&gpt["cost"]), Decimal::from_str("0.0201").unwrap() * Decimal::from(21));
    assert!(rows.iter().any(|r| r["model"] == "meta-llama/llama-3.3-70b-instruct:free"));

    // The second run is answered from the cache: no request to any provider.
    let before = (
        fakes.openai.total_hits().await,
        fakes.anthropic.server.received_requests().await.unwrap().len(),
        fakes.openrouter.hits().await,
    );
    let again = env.run(&["costs", "--month", "--by", "provider,model", "--format", "json"]).await;
    assert_eq!(json(&again)["total"], doc["total"]);
    let after = (
        fakes.openai.total_hits().await,
        fakes.anthropic.server.received_requests().await.unwrap().len(),
        fakes.openrouter.hits().await,
    );
    assert_eq!(before, after);
    assert_eq!(fakes.openrouter.activity_hits().await, 1, "one /activity call serves the whole sync");

    // Without --by provider, a mixed view still says which provider a model belongs to.
    let table = env.run(&["costs", "--month"]).await;
    let text = stdout(&table);
    assert!(text.contains("Provider") && text.contains("anthropic") && text.contains("openrouter"), "{text}");
    assert!(text.contains("OpenRouter reports whole UTC days only"), "{text}");
    let by_ws = json(&env.run(&["costs", "--month", "--by", "workspace", "--format", "json"]).await);
    assert_eq!(by_ws["rows"].as_array().unwrap().len(), 3, "openai/edugami and anthropic/edugami stay apart");
}

#[tokio::test]
async fn anthropic_workspaces_are_projects_and_cents_are_dollars() {
    let (fakes, env) = setup().await;
    let org = fake_anthropic::sample_org(ANTHROPIC_KEY);
    let out = env
        .run(&[
            "costs",
            "--provider",
            "anthropic",
            "--since",
            "2026-10-01",
            "--until",
            "2026-10-31",
            "--by",
            "project",
            "--format",
            "json",
        ])
        .await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), fake_anthropic::billed(&org, "2026-10-01", "2026-10-31"));
    let rows = doc["rows"].as_array().unwrap();
    let tutor = rows.iter().find(|r| r["project"] == "wrkspc_tutor").unwrap();
    assert_eq!(tutor["project_name"], "Tutor");
    let default = rows.iter().find(|r| r["project"].is_null()).unwrap();
    assert_eq!(default["project_name"], "Default workspace");
    // 31 days at most per page: October is one page of each report.
    assert_eq!(fakes.anthropic.hits("/v1/organizations/cost_report").await, 1);
    assert_eq!(fakes.anthropic.hits("/v1/organizations/workspaces").await, 2, "workspaces are paginated");

    let projects =
        json(&env.run(&["projects", "--provider", "anthropic", "--month", "2026-10", "--format", "json"]).await);
    let research =
        projects["projects"].as_array().unwrap().iter().find(|p| p["id"] == "wrkspc_research").unwrap().clone();
    assert_eq!(research["status"], "archived");

    // Fractional cents add up exactly: one day with every row.
    let day = json(
        &env.run(&[
            "costs",
            "--provider",
            "anthropic",
            "--since",
            "2026-10-04",
            "--until",
            "2026-10-04",
            "--format",
            "json",
        ])
        .await,
    );
    assert_eq!(dec(&day["total"]), fake_anthropic::billed(&org, "2026-10-04", "2026-10-04"));
}

#[tokio::test]
async fn openrouter_history_lives_on_in_the_cache() {
    let first = FakeOpenRouter::start(sample_account(OPENROUTER_KEY, d("2026-11-22"))).await;
    let env = TestEnv::new().var("LLMCOST_KEY_OPENROUTER_PERSONAL", OPENROUTER_KEY);
    env.write_config(&format!("[workspaces.openrouter.personal]\nbase_url = \"{}\"\n", first.base_url()));

    // Asking for 60 days: only 30 can still be fetched, and the sync says so.
    let out = env.run(&["costs", "--since", "2026-09-23", "--format", "json"]).await;
    expect_code(&out, 0);
    assert!(stderr(&out).contains("can no longer be fetched"), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["complete"], false);
    assert_eq!(doc["missing_days"][0]["unfillable"], 30);
    let acct = sample_account(OPENROUTER_KEY, d("2026-11-22"));
    assert_eq!(dec(&doc["total"]), acct.billed(d("2026-10-23"), d("2026-11-21")));

    // Ten days later upstream has forgotten late October, but the cache has not.
    let later = FakeOpenRouter::start(sample_account(OPENROUTER_KEY, d("2026-12-02"))).await;
    env.write_config(&format!("[workspaces.openrouter.personal]\nbase_url = \"{}\"\n", later.base_url()));
    let env = env.var("LLMCOST_NOW", "2026-12-02T09:00:00Z");
    let out = env.run(&["costs", "--since", "2026-10-23", "--until", "2026-12-01", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), acct.billed(d("2026-10-23"), d("2026-12-01")));
    assert_eq!(doc["complete"], true);
    assert_eq!(later.activity_hits().await, 1);
    let today = env.run(&["costs", "--today", "--billed-only", "--format", "json"]).await;
    assert_eq!(json(&today)["total"], "0.00", "today is never billed by OpenRouter");
    assert_eq!(later.activity_hits().await, 1);
}

#[tokio::test]
async fn provider_keys_are_checked_with_clear_verdicts() {
    let (fakes, _) = setup().await;
    let env = TestEnv::new()
        .var("LLMCOST_ANTHROPIC_BASE_URL", &fakes.anthropic.base_url())
        .var("LLMCOST_OPENROUTER_BASE_URL", &fakes.openrouter.base_url())
        .var("LLMCOST_KEY_ANTHROPIC_GOOD", ANTHROPIC_KEY)
        .var("LLMCOST_KEY_ANTHROPIC_WORKSPACEKEY", "sk-ant-api03-inference-key-1234")
        .var("LLMCOST_KEY_ANTHROPIC_WRONG", "sk-ant-admin01-wrong-0000")
        .var("LLMCOST_KEY_OPENROUTER_GOOD", OPENROUTER_KEY)
        .var("LLMCOST_KEY_OPENROUTER_INFERENCE", "sk-or-v1-inference-key-5678");
    let out = env.run(&["providers", "test"]).await;
    expect_code(&out, 1);
    let text = stdout(&out);
    assert!(text.contains("credits left $74.75 of $100.50"), "OpenRouter says the credits left: {text}");
    for line in [
        "anthropic/good: ok",
        "anthropic/workspacekey: not an admin key",
        "anthropic/wrong: invalid key",
        "openrouter/good: ok",
        "openrouter/inference: not an admin key",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    let err = stderr(&out);
    assert!(
        err.contains("Anthropic Admin API key (sk-ant-admin01-...)") && err.contains("OpenRouter management key"),
        "{err}"
    );
    assert!(!err.contains("inference-key"), "keys never leak: {err}");
}

#[tokio::test]
async fn one_failing_account_keeps_the_others() {
    let (fakes, env) = setup().await;
    let env = env.var("LLMCOST_KEY_ANTHROPIC_EDUGAMI", "sk-ant-admin01-revoked-9999");
    let out = env.run(&["costs", "--month", "--by", "provider", "--format", "json"]).await;
    assert_eq!(code(&out), 1, "a failed account is exit 1");
    assert!(stderr(&out).contains("anthropic/edugami") && stderr(&out).contains("invalid key"), "{}", stderr(&out));
    let doc = json(&out);
    let providers: Vec<&str> =
        doc["rows"].as_array().unwrap().iter().map(|r| r["provider"].as_str().unwrap()).collect();
    assert!(providers.contains(&"openai") && providers.contains(&"openrouter"), "{providers:?}");
    assert_eq!(doc["complete"], false);
    assert!(fakes.openai.total_hits().await > 0);
}
