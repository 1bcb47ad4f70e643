//! `llmcost balances`: OpenRouter's credits left (credits bought less used, from the fake's
//! `/credits`), the burn of the last 7 complete UTC days from the cache, and the runway; offline
//! it shows the last reading kept in the cache; the demo has one.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::fake_openrouter::{FakeOpenRouter, sample_account};
use crate::test_env::{TestEnv, code, expect_code, json, stderr};

const KEY: &str = "sk-or-v1-balances-0123456789abcdef";

#[tokio::test]
async fn the_balance_its_burn_and_the_day_it_runs_out() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let account = sample_account(KEY, today);
    // The billed spend of the 7 complete days before today, as the fake bills it.
    let burn = account
        .billed(NaiveDate::from_ymd_opt(2026, 11, 15).unwrap(), NaiveDate::from_ymd_opt(2026, 11, 21).unwrap())
        / Decimal::from(7);
    let fake = FakeOpenRouter::start(account).await;
    let env = TestEnv::new()
        .var("LLMCOST_NOW", "2026-11-22T10:00:00Z")
        .var("LLMCOST_KEY_OPENROUTER_PERSONAL", KEY)
        .var("LLMCOST_OPENROUTER_BASE_URL", &fake.base_url());
    expect_code(&env.run(&["sync", "--last", "10"]).await, 0);
    let out = env.run(&["balances", "--format", "json"]).await;
    expect_code(&out, 0);
    let row = &json(&out)["balances"][0];
    assert_eq!(row["workspace"], "personal");
    assert_eq!(row["balance"], "74.75", "100.5 bought less 25.75 used");
    let got: Decimal = row["burn_per_day"].as_str().unwrap().parse().unwrap();
    assert_eq!(got, burn.round_dp(6));
    let days = (Decimal::new(7475, 2) / got).round_dp(1);
    assert_eq!(row["runway_days"], days.to_string());
    let whole = rust_decimal::prelude::ToPrimitive::to_u64(&days.trunc()).unwrap();
    assert_eq!(row["runs_out_on"], (today + chrono::Days::new(whole)).to_string());

    // Offline: the reading kept, no request.
    let hits = fake.hits().await;
    let out = env.run(&["balances", "--offline", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(json(&out)["balances"][0]["balance"], "74.75");
    assert_eq!(fake.hits().await, hits, "offline asks nothing");
}

#[tokio::test]
async fn the_demo_has_a_prepaid_account_and_a_never_fetched_one_is_named() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T10:00:00Z");
    let out = env.run(&["--demo", "balances", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(json(&out)["balances"][0]["balance"], "87.42");

    let env = TestEnv::new().var("LLMCOST_KEY_OPENROUTER_PERSONAL", KEY).var("LLMCOST_NOW", "2026-11-22T10:00:00Z");
    let out = env.run(&["balances", "--offline"]).await;
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("no balance fetched yet"), "{}", stderr(&out));
}

/// xAI: a prepaid team's balance, in cents on the wire (`{"val": "1413"}`), is $14.13; a
/// postpaid team (the balance endpoint answers 404) is simply not listed, and is no failure.
#[tokio::test]
async fn an_xai_team_s_prepaid_balance_and_a_postpaid_one() {
    const XAI_KEY: &str = "xai-mgmt-0123456789abcdef0123";
    let fake = crate::fake_xai::FakeXai::start(crate::fake_xai::sample_team(XAI_KEY)).await;
    let env = TestEnv::new().var("LLMCOST_KEY_XAI_GROK", XAI_KEY).var("LLMCOST_XAI_BASE_URL", &fake.server.uri());
    let out = env.run(&["balances", "--provider", "xai", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(json(&out)["balances"][0]["balance"], "14.13", "cents, unwrapped");

    let postpaid = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path_regex("/prepaid/balance$"))
        .respond_with(
            wiremock::ResponseTemplate::new(404)
                .set_body_json(serde_json::json!({"code": 5, "message": "no prepaid balance"})),
        )
        .mount(&postpaid)
        .await;
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({"teamId": crate::fake_xai::TEAM})),
        )
        .mount(&postpaid)
        .await;
    let env = TestEnv::new().var("LLMCOST_KEY_XAI_GROK", XAI_KEY).var("LLMCOST_XAI_BASE_URL", &postpaid.uri());
    let out = env.run(&["balances", "--provider", "xai", "--format", "json"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json(&out)["balances"].as_array().unwrap().len(), 0);
}

/// DeepSeek: no spend API, so its spend is imported from files as before, and its key reads the
/// balance (`GET /user/balance`, strings, the dollar balance where both currencies are there);
/// the runway is taken over the imported spend, a floor alerts, and an imported-only DeepSeek
/// account without a key is no failure.
#[tokio::test]
async fn deepseek_reads_its_balance_and_imports_its_spend() {
    use wiremock::matchers::{header, method, path};
    const DS_KEY: &str = "sk-deepseek-0123456789abcdef";
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(method("GET"))
        .and(path("/user/balance"))
        .and(header("authorization", format!("Bearer {DS_KEY}").as_str()))
        .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "is_available": true,
            "balance_infos": [
                {"currency": "CNY", "total_balance": "110.00", "granted_balance": "10.00", "topped_up_balance": "100.00"},
                {"currency": "USD", "total_balance": "15.27", "granted_balance": "0.00", "topped_up_balance": "15.27"}
            ]
        })))
        .mount(&server)
        .await;
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-11-22T10:00:00Z");
    let csv: String = std::iter::once("date,model,cost\n".to_string())
        .chain((15..=21).map(|d| format!("2026-11-{d},deepseek-chat,2.00\n")))
        .collect();
    let file = env.dir.path().join("deepseek.csv");
    std::fs::write(&file, csv).unwrap();
    let out = env.run(&["import", file.to_str().unwrap(), "--provider", "deepseek", "--workspace", "lab"]).await;
    expect_code(&out, 0);
    // Imported only, no key: no balance to read, and no failure.
    let out = env.run(&["balances", "--format", "json"]).await;
    expect_code(&out, 0);

    let env = env.var("LLMCOST_KEY_DEEPSEEK_LAB", DS_KEY).var("LLMCOST_DEEPSEEK_BASE_URL", &server.uri());
    env.write_config("[[budgets]]\nname = \"deepseek-floor\"\nprovider = \"deepseek\"\nmin_balance = 20\n");
    let out = env.run(&["balances", "--format", "json"]).await;
    expect_code(&out, 0);
    let row = &json(&out)["balances"][0];
    assert_eq!((row["provider"].as_str(), row["balance"].as_str()), (Some("deepseek"), Some("15.27")), "{row}");
    assert_eq!(row["burn_per_day"], "2.00", "the imported week");
    assert_eq!(row["runway_days"], "7.6");
    let costs = json(&env.run(&["costs", "--provider", "deepseek", "--month", "--format", "json"]).await);
    assert_eq!((costs["total"].as_str(), costs["complete"].as_bool()), (Some("14.00"), Some(true)), "never synced");
    let check = env.run(&["budgets", "check", "--format", "json"]).await;
    expect_code(&check, 3);
    assert!(stderr(&check).is_empty() || !stderr(&check).contains(DS_KEY), "never the key");
}
