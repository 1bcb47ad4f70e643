//! `llmcost budgets`: a committed budget file, the CI gate's exit codes and formats.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::fake_openai::{FakeOpenAi, billed, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

/// A team's budget file with one budget of `amount` dollars this month.
fn budget_file(amount: &str, extra: &str) -> String {
    format!("[[budgets]]\nname = \"team\"\namount = \"{amount}\"\nperiod = \"month\"\n{extra}\n")
}

fn month_to_date() -> Decimal {
    billed(&sample_org(KEY), "2026-11-01", "2026-11-22")
}

async fn setup(amount: Decimal) -> (FakeOpenAi, TestEnv) {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    env.write_config(&budget_file(&amount.to_string(), ""));
    (fake, env)
}

#[tokio::test]
async fn within_budget_passes_and_over_budget_exits_3() {
    let spent = month_to_date();
    let (_fake, env) = setup(spent * Decimal::from(3)).await;
    let out = env.run(&["budgets", "check", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let team = &doc["budgets"][0];
    assert_eq!(team["level"], "ok");
    assert_eq!(Decimal::from_str(team["spent"].as_str().unwrap()).unwrap(), spent);
    assert_eq!(team["period_start"], "2026-11-01");
    assert_eq!(team["period_end"], "2026-11-30");

    env.write_config(&budget_file(&(spent / Decimal::from(2)).round_dp(2).to_string(), ""));
    let out = env.run(&["budgets", "check"]).await;
    expect_code(&out, 3);
    assert!(stdout(&out).contains("exceeded"), "{}", stdout(&out));
    assert!(stderr(&out).contains("1 budget(s) failed the check: team (exceeded)"), "{}", stderr(&out));
}

#[tokio::test]
async fn fail_on_forecast_and_warning() {
    // Just above what was spent: within budget, but the forecast is over it.
    let (_fake, env) = setup(month_to_date() + Decimal::new(1, 2)).await;
    let out = env.run(&["budgets", "check", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(json(&out)["budgets"][0]["level"], "forecast-exceeded");
    assert_eq!(code(&env.run(&["budgets", "check", "--fail-on", "forecast"]).await), 3);
    assert_eq!(code(&env.run(&["budgets", "check", "--fail-on", "warning"]).await), 3);

    env.write_config(&budget_file(&(month_to_date() * Decimal::from(100)).to_string(), "warn_at = [1]"));
    let out = env.run(&["budgets", "check", "--fail-on", "warning", "--format", "json"]).await;
    expect_code(&out, 3);
    assert_eq!(json(&out)["budgets"][0]["level"], "warning");
    assert_eq!(json(&out)["budgets"][0]["threshold"], 1);
}

#[tokio::test]
async fn github_format_annotates_and_writes_the_step_summary() {
    let (_fake, env) = setup(Decimal::from(1)).await;
    let summary = env.dir.path().join("summary.md");
    std::fs::write(&summary, "# Earlier step\n").unwrap();
    let mut cmd = env.cmd();
    cmd.args(["budgets", "check", "--format", "github"]).env("GITHUB_STEP_SUMMARY", &summary);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap();
    expect_code(&out, 3);
    let text = stdout(&out);
    assert!(text.starts_with("::error title=Budget exceeded%3A team::team: $"), "{text}");
    assert!(text.contains("of $1.00"), "{text}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("# Earlier step\n## LLM budgets on 2026-11-22 (UTC)"), "{md}");
    assert!(md.contains("| team | all spend |") && md.contains("❌ exceeded"), "{md}");
}

#[tokio::test]
async fn could_not_check_is_exit_1_unless_fail_open() {
    let env = TestEnv::new().openai("edugami", KEY, "http://127.0.0.1:9/v1");
    env.write_config(&budget_file("100", ""));
    let out = env.run(&["budgets", "check"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("cannot reach"), "{}", stderr(&out));
    let out = env.run(&["budgets", "check", "--fail-open"]).await;
    expect_code(&out, 0);
    assert!(stderr(&out).contains("warning: could not check"), "{}", stderr(&out));
    // Offline never reaches out; a budget whose period was never fetched is unknown, not ok.
    let out = env.run(&["budgets", "check", "--offline"]).await;
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stderr(&out).contains("no data for openai/edugami") && stderr(&out).contains("drop --offline"),
        "{}",
        stderr(&out)
    );
    assert_eq!(code(&env.run(&["budgets", "check", "--offline", "--fail-open"]).await), 0);

    // A wrong key is a setup problem, not an outage: --fail-open does not let it through.
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let wrong = TestEnv::new().openai("edugami", "sk-admin-wrong-key-000000", &fake.base_url());
    wrong.write_config(&budget_file("100", ""));
    let out = wrong.run(&["budgets", "check", "--fail-open"]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("setup problems, not outages"), "{}", stderr(&out));
}

#[tokio::test]
async fn bad_budget_files_are_exit_2_naming_entry_and_field() {
    let env = TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY);
    env.write_config("[[budgets]]\nname = \"ok\"\namount = 5\nperiod = \"month\"\n\n[[budgets]]\nname = \"team\"\namount = -5\nperiod = \"month\"\n");
    let out = env.run(&["budgets", "check"]).await;
    expect_code(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("config.toml") && err.contains("budget 'team' (entry 2): amount: -5 must be more than 0"),
        "{err}"
    );

    env.write_config("[[budgets]]\nname = \"team\"\namount = 5\nperiod = \"month\"\nworkspace = \"ghost\"\n");
    let out = env.run(&["budgets", "check"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("budget 'team': unknown workspace 'ghost'"), "{}", stderr(&out));

    env.write_config("");
    let out = env.run(&["budgets", "check"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("no budgets defined"), "{}", stderr(&out));
}

#[tokio::test]
async fn add_edit_list_remove() {
    let (_fake, env) = setup(Decimal::from(100)).await;
    let add = env
        .run(&[
            "budgets",
            "add",
            "edu",
            "--amount",
            "250.50",
            "--period",
            "quarter",
            "--start-day",
            "15",
            "--workspace",
            "edugami",
            "--warn-at",
            "75,90",
        ])
        .await;
    expect_code(&add, 0);
    let again = env.run(&["budgets", "add", "edu", "--amount", "1", "--period", "month"]).await;
    expect_code(&again, 2);
    assert!(stderr(&again).contains("already exists"), "{}", stderr(&again));
    let edit = env.run(&["budgets", "edit", "edu", "--amount", "300"]).await;
    expect_code(&edit, 0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(
        text.contains("name = \"edu\"") && text.contains("amount = 300") && text.contains("start_day = 15"),
        "{text}"
    );

    let list = json(&env.run(&["budgets", "list", "--format", "json"]).await);
    let edu = list["budgets"].as_array().unwrap().iter().find(|b| b["name"] == "edu").unwrap().clone();
    assert_eq!(edu["amount"], "300.00");
    assert_eq!(edu["period_start"], "2026-10-15", "quarters start in Jan, Apr, Jul, Oct");
    assert_eq!(edu["period_end"], "2027-01-14");
    assert_eq!(edu["warn_at"], serde_json::json!([75, 90]));

    let bad = env.run(&["budgets", "add", "x", "--amount", "ten", "--period", "month"]).await;
    expect_code(&bad, 2);
    assert!(stderr(&bad).contains("--amount"), "{}", stderr(&bad));
    let typo = env.run(&["budgets", "add", "x", "--amount", "10", "--period", "month", "--workspace", "edugamy"]).await;
    assert_eq!(code(&typo), 2, "a typo fails now, not in CI");

    assert_eq!(code(&env.run(&["budgets", "remove", "edu"]).await), 0);
    assert_eq!(code(&env.run(&["budgets", "remove", "edu"]).await), 2);

    // A person budget added by flag, then edited by hand and by `edit`: its person, its
    // estimate setting and its comments stay (an edit once rewrote the entry without them).
    let add = env.run(&["budgets", "add", "people", "--amount", "200", "--period", "week", "--person", "*"]).await;
    expect_code(&add, 0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(text.contains("person = \"*\""), "{text}");
    let text = text.replace("person = \"*\"", "person = \"*\" # not the service accounts");
    std::fs::write(
        &env.config,
        format!("{text}\n[[budgets]]\nname = \"est\"\namount = 100\nperiod = \"month\"\ninclude_estimate = true\n"),
    )
    .unwrap();
    expect_code(&env.run(&["budgets", "edit", "people", "--amount", "300"]).await, 0);
    expect_code(&env.run(&["budgets", "edit", "est", "--amount", "150"]).await, 0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(text.contains("person = \"*\" # not the service accounts") && text.contains("amount = 300"), "{text}");
    assert!(text.contains("include_estimate = true") && text.contains("amount = 150"), "{text}");
    let both =
        env.run(&["budgets", "add", "k", "--amount", "5", "--period", "month", "--key", "ci", "--person", "x"]).await;
    expect_code(&both, 2);

    // A balance floor by flag: written as min_balance, edited like the rest; a provider billed
    // after use has no balance to watch.
    let floor = env.run(&["budgets", "add", "credits", "--provider", "openrouter", "--min-balance", "25.50"]).await;
    expect_code(&floor, 0);
    assert!(stderr(&floor).contains("balance floor 'credits': OpenRouter at least $25.50"), "{}", stderr(&floor));
    expect_code(&env.run(&["budgets", "edit", "credits", "--min-balance", "30"]).await, 0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(text.contains("name = \"credits\"\nprovider = \"openrouter\"\nmin_balance = 30"), "{text}");
    let billed_after = env.run(&["budgets", "add", "x", "--provider", "openai", "--min-balance", "5"]).await;
    expect_code(&billed_after, 2);
    assert!(stderr(&billed_after).contains("no balance to watch"), "{}", stderr(&billed_after));

    // costs mentions a budget covering what it shows.
    let costs = env.run(&["costs", "--month"]).await;
    assert!(stdout(&costs).contains("Budget team: $"), "{}", stdout(&costs));
}

#[tokio::test]
async fn the_demo_has_an_exceeded_and_a_forecast_budget() {
    let env = TestEnv::new();
    let out = env.run(&["--demo", "budgets", "check", "--format", "json"]).await;
    expect_code(&out, 3);
    let doc = json(&out);
    let levels: Vec<&str> = doc["budgets"].as_array().unwrap().iter().map(|b| b["level"].as_str().unwrap()).collect();
    assert!(levels.contains(&"exceeded") && levels.contains(&"forecast-exceeded"), "{levels:?}");
    assert_eq!(doc["worst"], "exceeded");
}

/// A budget can be scoped to a vendor whose spend is imported from files; a vendor with neither
/// a workspace nor imports is an error naming the budget, never a silent $0 "ok".
#[tokio::test]
async fn a_budget_over_an_imported_vendor() {
    let env = TestEnv::new();
    let file = env.dir.path().join("groq.csv");
    std::fs::write(&file, "date,model,cost\n2026-11-20,llama-3.3-70b,60\n").unwrap();
    expect_code(&env.run(&["import", file.to_str().unwrap(), "--provider", "groq", "--workspace", "team"]).await, 0);
    let out =
        env.run(&["budgets", "add", "groq-cap", "--amount", "50", "--period", "month", "--provider", "groq"]).await;
    expect_code(&out, 0);
    let out = env.run(&["budgets", "check", "--offline", "--format", "json"]).await;
    expect_code(&out, 3);
    let doc = json(&out);
    let b = &doc["budgets"][0];
    assert_eq!((b["name"].as_str(), b["spent"].as_str()), (Some("groq-cap"), Some("60.00")), "{doc}");
    env.write_config("[[budgets]]\nname = \"typo\"\namount = 5\nperiod = \"month\"\nprovider = \"grok\"\n");
    let out = env.run(&["budgets", "check", "--offline"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("budget 'typo'") && stderr(&out).contains("grok"), "{}", stderr(&out));
}

/// Missing data is never "ok": a CI secret that is not set (an empty key variable) makes an
/// all-spend budget partial, an empty cache makes it no data, in every format (annotations,
/// step summary, JSON, the exporter), and the gate fails with exit 1 naming what is missing.
#[tokio::test]
async fn missing_data_is_never_ok_in_any_front_end() {
    let (_fake, env) = setup(Decimal::from(1_000_000)).await;
    let env = env.var("LLMCOST_KEY_ANTHROPIC_EDUGAMI", "");
    let summary = env.dir.path().join("summary.md");
    let mut cmd = env.cmd();
    cmd.args(["budgets", "check", "--format", "github"]).env("GITHUB_STEP_SUMMARY", &summary);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap();
    expect_code(&out, 1);
    let text = stdout(&out);
    assert!(
        !text.contains("::notice") && text.contains("::error title=Budget not checked (partial data)%3A team::"),
        "{text}"
    );
    assert!(
        text.contains("(openai/edugami, anthropic/edugami)") && text.contains("no data for anthropic/edugami"),
        "{text}"
    );
    assert!(stderr(&out).contains("LLMCOST_KEY_ANTHROPIC_EDUGAMI is set but empty"), "{}", stderr(&out));
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("partial data") && !md.contains("✅ ok"), "{md}");
    // --fail-open lets outages through, never a missing key.
    let out = env.run(&["budgets", "check", "--fail-open"]).await;
    expect_code(&out, 1);

    // An empty cache, offline: no data, not $0 ok.
    let empty = TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY);
    empty.write_config(&budget_file("100", ""));
    let out = empty.run(&["budgets", "check", "--offline", "--format", "json"]).await;
    expect_code(&out, 1);
    assert_eq!(json(&out)["budgets"][0]["level"], "no-data", "{}", stdout(&out));
    let out = empty.run(&["budgets", "check", "--offline", "--format", "github"]).await;
    assert!(stdout(&out).starts_with("::error title=Budget not checked (no data)"), "{}", stdout(&out));
    let out = empty.run(&["metrics", "--offline"]).await;
    let text = stdout(&out);
    assert!(text.contains("llmcost_budget_data_complete{budget=\"team\"} 0"), "{text}");
    assert!(!text.contains("llmcost_budget_spent_usd{budget=\"team\"}"), "no spend series, not 0: {text}");
    assert!(!text.contains("llmcost_budget_spent_ratio{budget=\"team\"}"), "{text}");
}

/// A confirmation says the amount in the budget's own currency.
#[tokio::test]
async fn a_budget_in_euros_is_confirmed_in_euros() {
    let env = TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY);
    let out = env.run(&["budgets", "add", "eu", "--amount", "400", "--period", "month", "--currency", "EUR"]).await;
    expect_code(&out, 0);
    assert!(stderr(&out).contains("€400.00 per month"), "{}", stderr(&out));
}
