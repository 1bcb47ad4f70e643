//! Today, live: against a two-phase fake (`fake_live`), today's view is an estimate from the
//! hourly usage report priced at list prices, labelled `basis: estimate`, never added to the
//! partial bill of the same day; a refresh asks only for the hours not yet known; when the
//! day's bill arrives every view shows the bill to the cent and the error is recorded.

use rust_decimal::Decimal;

use crate::fake_live::{DAY, FakeLive, HOURLY_ESTIMATE, next_day};
use crate::test_env::{TestEnv, expect_code, json, stdout};

pub(crate) const KEY: &str = "sk-ant-admin01-live-0123456789abcdef";

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}")).parse().unwrap()
}

fn hourly(hours: u32) -> Decimal {
    HOURLY_ESTIMATE.parse::<Decimal>().unwrap() * Decimal::from(hours)
}

fn env_at(env: TestEnv, now: &str) -> TestEnv {
    env.var("LLMCOST_NOW", now)
}

#[tokio::test]
async fn today_is_an_estimate_until_the_bill_replaces_it() {
    let fake = FakeLive::start().await;
    let env = TestEnv::new().var("LLMCOST_KEY_ANTHROPIC_LAB", KEY).var("LLMCOST_ANTHROPIC_BASE_URL", &fake.base_url());

    // 14:30: hours 00:00 to 14:00 (in progress) are known; the partial bill is not added.
    let env = env_at(env, &format!("{DAY}T14:30:00Z"));
    let out = env.run(&["costs", "--today", "--by", "model", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), hourly(15), "{doc:#}");
    assert_eq!(dec(&doc["estimated"]), hourly(15));
    assert!(doc["rows"].as_array().unwrap().iter().all(|r| r["basis"] == "estimate"), "{doc:#}");
    assert_eq!(doc["group_by"], serde_json::json!(["model", "basis"]));
    assert!(doc["estimate_notes"][0].as_str().unwrap().contains("anthropic/lab"), "{doc:#}");
    assert_eq!(fake.hourly_asked(), [(format!("{DAY}T00:00"), format!("{DAY}T14:30"))]);

    // The exporter's today gauges say the same, labelled.
    let out = env.run(&["metrics", "--offline"]).await;
    expect_code(&out, 0);
    let gauges: Vec<String> =
        stdout(&out).lines().filter(|l| l.starts_with("llmcost_spend_today_usd{")).map(str::to_string).collect();
    assert!(!gauges.is_empty() && gauges.iter().all(|l| l.contains("basis=\"estimate\"")), "{gauges:?}");
    let sum: Decimal = gauges.iter().map(|l| l.rsplit(' ').next().unwrap().parse::<Decimal>().unwrap()).sum();
    assert_eq!(sum, hourly(15));

    // A budget that opts in trips on the estimate the same day; one that does not sees $1.
    env.write_config(
        "[[budgets]]\nname = \"runaway\"\namount = 10\nperiod = \"day\"\nprovider = \"anthropic\"\ninclude_estimate = true\n\n\
         [[budgets]]\nname = \"billed\"\namount = 10\nperiod = \"day\"\nprovider = \"anthropic\"\n",
    );
    let out = env.run(&["budgets", "check", "--format", "json"]).await;
    expect_code(&out, 3);
    let doc = json(&out);
    let budget = |name: &str| doc["budgets"].as_array().unwrap().iter().find(|b| b["name"] == name).unwrap().clone();
    assert_eq!(budget("runaway")["level"], "exceeded", "{doc:#}");
    assert_eq!(dec(&budget("runaway")["estimated"]), hourly(15));
    assert_eq!(budget("billed")["level"], "ok");
    assert_eq!(budget("billed")["spent"], "1.00");
    let out = env.run(&["budgets", "check", "billed", "--include-estimate", "--format", "json"]).await;
    expect_code(&out, 3);
    env.write_config("");

    // The table marks it; the bill only (--billed-only) is the partial bill.
    let out = env.run(&["costs", "--today"]).await;
    expect_code(&out, 0);
    assert!(stdout(&out).contains("≈ estimate"), "{}", stdout(&out));
    let out = env.run(&["costs", "--today", "--billed-only", "--format", "json"]).await;
    assert_eq!(dec(&json(&out)["total"]), Decimal::ONE, "the partial bill: 100 cents");

    // Less than a minute later nothing is asked; at 16:10 only the hours from 14:00 on.
    let env = env_at(env, &format!("{DAY}T14:30:40Z"));
    expect_code(&env.run(&["costs", "--today"]).await, 0);
    assert_eq!(fake.hourly_asked().len(), 1, "within the minute: no request");
    let env = env_at(env, &format!("{DAY}T16:10:00Z"));
    let out = env.run(&["costs", "--today", "--by", "hour", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(fake.hourly_asked()[1], (format!("{DAY}T14:00"), format!("{DAY}T16:10")));
    let doc = json(&out);
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 17, "an hour a row, 00:00 to 16:00: {doc:#}");
    assert_eq!(rows[0]["hour"], "00:00");
    assert_eq!(dec(&doc["total"]), hourly(17));

    // After midnight, still no bill: yesterday's remaining hours are completed.
    let env = env_at(env, &format!("{}T00:30:00Z", next_day()));
    let out = env.run(&["costs", "--since", DAY, "--until", DAY, "--include-estimate", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(dec(&json(&out)["total"]), hourly(24), "the whole day, estimated");
    assert!(fake.hourly_asked().contains(&(format!("{DAY}T16:00"), format!("{}T00:00", next_day()))));

    // The bill arrives: the view shows it to the cent, labelled billed; the pair is kept.
    fake.bill_arrives();
    let env = env_at(env, &format!("{}T09:00:00Z", next_day()));
    let out = env.run(&["costs", "--since", DAY, "--until", DAY, "--include-estimate", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(dec(&doc["total"]), "21.6036".parse::<Decimal>().unwrap(), "the bill, exactly: {doc:#}");
    assert_eq!(dec(&doc["estimated"]), Decimal::ZERO);
    assert!(doc["rows"].as_array().unwrap().iter().all(|r| r["basis"] == "billed"), "{doc:#}");
    let plain = env.run(&["costs", "--since", DAY, "--until", DAY, "--format", "json", "--offline"]).await;
    assert_eq!(json(&plain)["total"], doc["total"], "with or without estimates: the bill");

    let out = env.run(&["estimates", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let all = &doc["accuracy"][0];
    assert_eq!((all["provider"].as_str(), all["model"].as_str()), (Some("anthropic"), None), "{doc:#}");
    assert_eq!(dec(&all["estimated"]), hourly(24));
    assert_eq!(dec(&all["billed"]), "21.6036".parse::<Decimal>().unwrap());
    // |21.18 - 21.6036| / 21.6036 = 1.96 %.
    assert_eq!(all["typical_error_percent"], "2.0");
    assert_eq!(all["days"], 1);
}

#[tokio::test]
async fn the_demo_shows_today_live_offline() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T14:30:00Z");
    let out = env.run(&["--demo", "costs", "--today", "--by", "provider", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let rows = doc["rows"].as_array().unwrap();
    let basis = |p: &str| rows.iter().find(|r| r["provider"] == p).map(|r| r["basis"].clone()).unwrap();
    assert_eq!(basis("openai"), "estimate");
    assert_eq!(basis("openrouter"), "estimate", "OpenRouter's live figure stands in for its missing today");
    assert_eq!(basis("aws"), "billed", "no live usage: the bill as far as it goes");
    let sum: Decimal = rows.iter().map(|r| dec(&r["cost"])).sum();
    assert_eq!(sum, dec(&doc["total"]));

    let out = env.run(&["--demo", "estimates", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert!(doc["accuracy"].as_array().unwrap().iter().any(|a| a["provider"] == "anthropic" && a["days"] == 30));
    assert_eq!(doc["open"].as_array().unwrap().len(), 6, "{doc:#}");
}

/// The dashboard's today moves without a restart: every minute (300 ticks) it syncs and
/// refreshes today's estimates, then loads; the Total card's figure grows with the hours.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_refreshes_today_every_minute() {
    use llmcost::tui::model::Model;
    use llmcost::tui::update::{Effect, LIVE_EVERY_TICKS, Msg, init, update};

    let fake = FakeLive::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("[workspaces.anthropic.lab]\nbase_url = \"{}\"\n", fake.base_url())).unwrap();
    let options = llmcost::app::Options {
        config: Some(config),
        db: Some(dir.path().join("cache.sqlite")),
        quiet: true,
        ..Default::default()
    };
    let at = |t: &str| llmcost::clock::Clock::pinned(t.parse().unwrap());
    let mut app = llmcost::app::App::from_options(&options).unwrap();
    app.env.push(("LLMCOST_KEY_ANTHROPIC_LAB".into(), KEY.into()));
    app.env.push(("LLMCOST_RETRY_BASE_MS".into(), "20".into()));
    // Never the OS keyring: the key is in the environment.
    app.keys = llmcost::secrets::Keys::new(app.env.clone(), true);
    app.clock = at(&format!("{DAY}T14:30:00Z"));
    let today = app.clock.today();

    // Effects run off the async runtime, as the dashboard runs them on their own threads.
    let run_all = |app: &llmcost::app::App, model: &mut Model, mut effects: Vec<Effect>| {
        while let Some(effect) = effects.pop() {
            let msg = std::thread::scope(|s| s.spawn(|| llmcost::tui::run_effect(app, effect)).join().unwrap());
            effects.extend(update(model, msg));
        }
    };
    let mut model = Model::new(app.select(&[], &[]).unwrap(), today, true, false);
    let first = init(&mut model);
    run_all(&app, &mut model, first);
    let card = model.snapshot.as_ref().unwrap().today.clone().unwrap();
    assert_eq!(card.with_estimates.decimal(), hourly(15), "{card:?}");

    app.clock = at(&format!("{DAY}T16:10:00Z"));
    let mut effects = Vec::new();
    for _ in 0..LIVE_EVERY_TICKS {
        effects.extend(update(&mut model, Msg::Tick));
    }
    assert!(matches!(effects.as_slice(), [Effect::Sync { .. }]), "one refresh a minute: {effects:?}");
    run_all(&app, &mut model, effects);
    let card = model.snapshot.as_ref().unwrap().today.clone().unwrap();
    assert_eq!(card.with_estimates.decimal(), hourly(17), "{card:?}");
    assert_eq!(card.estimated, card.with_estimates);
}

/// Not part of the suite: serves the fake OpenAI Admin API (costs and usage, hourly buckets
/// included) for OpenAI's official Python SDK (see `tests/sdk/openai_usage.py`, which runs this).
#[tokio::test]
#[ignore = "run by tests/sdk/openai_usage.py"]
async fn serve_openai_usage_for_sdk() {
    let fake = crate::fake_openai::FakeOpenAi::start(crate::fake_openai::sample_org("sk-admin-sdk-0123456789")).await;
    crate::test_env::serve_for_sdk(&fake.base_url()).await;
}

/// OpenRouter bills whole past days only: today is its live `usage_daily`, summed over every key
/// (a disabled one too: it spent before it was disabled), shown as an estimate that stands in
/// for the day OpenRouter has not billed yet.
#[tokio::test]
async fn openrouter_today_is_its_keys_usage_daily() {
    use crate::fake_levers::{FakeLevers, READ_KEY};
    let fake = crate::fake_openrouter::FakeOpenRouter::start(crate::fake_openrouter::sample_account(
        READ_KEY,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    ))
    .await;
    let keys = FakeLevers::openrouter_keys_on(&fake.server).await;
    keys.lock().unwrap().objects[1]["disabled"] = serde_json::json!(true);
    let env = TestEnv::new()
        .var("LLMCOST_KEY_OPENROUTER_PERSONAL", READ_KEY)
        .var("LLMCOST_OPENROUTER_BASE_URL", &fake.base_url());
    let out = env.run(&["costs", "--today", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(doc["total"], "2.50", "two keys' usage_daily of $1.25: {doc:#}");
    assert_eq!(doc["rows"][0]["model"], "(all models, live)");
    assert_eq!(doc["rows"][0]["basis"], "estimate");
    assert_eq!(doc["today_not_reported"], serde_json::json!([]), "today is in, through its live figure");
}
