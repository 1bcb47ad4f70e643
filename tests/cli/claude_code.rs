//! Claude Code's analytics end to end: each person's activity and Anthropic's estimate, paged
//! per day, read beside the Anthropic organization's bill and never added to it; names from the
//! report escaped on screens and in Markdown; a wrong key named, never shown, the cache kept; a 429 waited out.

use rust_decimal::Decimal;

use crate::fake_anthropic::{self, FakeAnthropic};
use crate::fake_claude_code::{FakeClaudeCode, Org};
use crate::test_env::{TestEnv, expect_code, json, stderr, stdout};

const KEY: &str = "sk-ant-admin01-claudecode0123456789abcdef";

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(v: &serde_json::Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

fn org(throttle_first: usize) -> Org {
    Org { key: KEY.into(), first: day("2026-10-20"), last: day("2026-11-22"), page_size: 2, throttle_first }
}

fn env(base_url: &str, key: &str) -> TestEnv {
    TestEnv::new().var("LLMCOST_KEY_CLAUDE_CODE_ACME", key).var("LLMCOST_CLAUDE_CODE_BASE_URL", base_url)
}

#[tokio::test]
async fn the_estimate_per_person_adds_up_and_stays_out_of_the_bill() {
    // One organization: its bill and its Claude Code analytics on one server, one admin key.
    let anthropic = FakeAnthropic::start(fake_anthropic::sample_org(KEY)).await;
    FakeClaudeCode::mount(&anthropic.server, org(0)).await;
    let env = env(&anthropic.base_url(), KEY)
        .var("LLMCOST_KEY_ANTHROPIC_ACME", KEY)
        .var("LLMCOST_ANTHROPIC_BASE_URL", &anthropic.base_url());
    let (since, until) = (day("2026-11-01"), day("2026-11-22"));

    let out = env.run(&["activity", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(doc["cost_basis"], "estimate");
    assert_eq!(doc["days_synced"], 22);
    assert_eq!(dec(&doc["totals"][0]["estimated_cost"]), org(0).estimated(since, until, None), "{doc:#}");
    assert_eq!(doc["totals"][0]["work"]["sessions"], org(0).sessions(since, until));
    let row = |key: &str| doc["rows"].as_array().unwrap().iter().find(|r| r["key"] == key).cloned().unwrap();
    assert_eq!(dec(&row("ana@acme.dev")["estimated_cost"]), org(0).estimated(since, until, Some("ana@acme.dev")));
    // Text cents with a fraction stay exact: $12.345678 a day of Ben's Sonnet.
    assert_eq!(dec(&row("ben@acme.dev")["estimated_cost"]), org(0).estimated(since, until, Some("ben@acme.dev")));
    assert_eq!(row("ci-review")["actor_kind"], "api_key");
    let split: Decimal = doc["by_customer_type"].as_array().unwrap().iter().map(|p| dec(&p["estimated_cost"])).sum();
    assert_eq!(split, dec(&doc["totals"][0]["estimated_cost"]));
    // Four actors, two a page: two requests a day.
    assert_eq!(FakeClaudeCode::requests(&anthropic.server).await, 44);

    // The bill is Anthropic's cost report alone; the estimate is inside it, not added to it.
    let costs = json(&env.run(&["costs", "--month", "--format", "json"]).await);
    assert_eq!(
        dec(&costs["total"]),
        fake_anthropic::billed(&fake_anthropic::sample_org(KEY), "2026-11-01", "2026-11-22"),
        "{costs:#}"
    );
    assert!(costs["rows"].as_array().unwrap().iter().all(|r| r["provider"] != "claude-code"), "{costs:#}");
    let out = env.run(&["costs", "--provider", "claude-code", "--month"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("llmcost activity"), "{}", stderr(&out));

    // Cached: the same answer offline, by model, and no request more.
    let by_model = json(&env.run(&["activity", "--month", "--by", "model", "--offline", "--format", "json"]).await);
    let models: Decimal = by_model["rows"].as_array().unwrap().iter().map(|r| dec(&r["estimated_cost"])).sum();
    assert_eq!(models, org(0).estimated(since, until, None));
    assert!(by_model["rows"][0]["work"].is_null(), "a model has no sessions of its own");
    assert_eq!(FakeClaudeCode::requests(&anthropic.server).await, 44);

    // `[people]`: Ben's two addresses are one person; an API key named like a person is not one.
    env.write_config("[people]\n\"ana@acme.dev\" = [\"Ben@Acme.dev\", \"ci-review\"]\n");
    let people = json(&env.run(&["activity", "--month", "--offline", "--format", "json"]).await);
    let rows = people["rows"].as_array().unwrap();
    let ana = rows.iter().find(|r| r["key"] == "ana@acme.dev").unwrap();
    let (ana_alone, ben) =
        (org(0).estimated(since, until, Some("ana@acme.dev")), org(0).estimated(since, until, Some("ben@acme.dev")));
    assert_eq!(dec(&ana["estimated_cost"]), ana_alone + ben, "{people:#}");
    assert!(rows.iter().all(|r| r["key"] != "ben@acme.dev"), "{people:#}");
    assert!(rows.iter().any(|r| r["key"] == "ci-review" && r["actor_kind"] == "api_key"), "{people:#}");
    assert_eq!(people["totals"], doc["totals"], "the same total");
}

#[tokio::test]
async fn names_from_the_report_are_escaped() {
    let fake = FakeClaudeCode::start(org(0)).await;
    let env = env(&fake.server.uri(), KEY);
    for format in ["table", "markdown"] {
        let out = env.run(&["activity", "--month", "--format", format]).await;
        expect_code(&out, 0);
        let text = stdout(&out);
        let shown = if format == "table" { "eve\\x1b[31m@acme.dev" } else { "eve\\\\x1b\\[31m&#64;acme.dev" };
        assert!(text.contains(shown), "{format}: shown escaped: {text}");
        assert!(!text.contains('\u{1b}'), "{format}: a raw escape reached the output: {text:?}");
    }
    // CSV and JSON keep the exact text for the programs that read them (as every view's do).
    let out = env.run(&["activity", "--month", "--offline", "--format", "csv"]).await;
    assert!(stdout(&out).contains("eve\u{1b}[31m@acme.dev"), "CSV keeps the text");
}

#[tokio::test]
async fn a_wrong_key_is_named_never_shown_and_the_cache_is_kept() {
    let fake = FakeClaudeCode::start(org(0)).await;
    let good = env(&fake.server.uri(), KEY);
    let before = json(&good.run(&["activity", "--last", "3", "--format", "json"]).await);

    let wrong = "sk-ant-admin01-wrongwrongwrong0123456789";
    let bad = good.var("LLMCOST_KEY_CLAUDE_CODE_ACME", wrong);
    let out = bad.run(&["activity", "--last", "3", "--refresh", "--format", "json"]).await;
    expect_code(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("claude-code/acme") && err.contains("Admin"), "{err}");
    assert!(!err.contains(wrong) && !stdout(&out).contains(wrong), "{err}");
    // The cached answer still printed, as it was.
    assert_eq!(json(&out)["totals"], before["totals"]);
}

#[tokio::test]
async fn a_rate_limit_is_waited_out() {
    let fake = FakeClaudeCode::start(org(1)).await;
    let out = env(&fake.server.uri(), KEY).run(&["activity", "--today", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(
        dec(&json(&out)["totals"][0]["estimated_cost"]),
        org(1).estimated(day("2026-11-22"), day("2026-11-22"), None)
    );
}

#[tokio::test]
async fn no_activity_workspace_is_a_usage_error_and_nothing_synced_is_said() {
    let out = TestEnv::new().var("LLMCOST_KEY_OPENAI_ACME", "sk-admin-x").run(&["activity", "--offline"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("providers add claude-code"), "{}", stderr(&out));

    let fake = FakeClaudeCode::start(org(0)).await;
    let out = env(&fake.server.uri(), KEY).run(&["activity", "--offline"]).await;
    expect_code(&out, 0);
    assert!(stdout(&out).contains("No activity synced"), "{}", stdout(&out));
}

#[tokio::test]
async fn the_demo_shows_the_estimate_labelled() {
    let out = TestEnv::new().run(&["--demo", "activity", "--format", "markdown"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("| Person |") && text.contains("pr-review-bot (API key)"), "{text}");
    assert!(text.contains("not a bill") && text.contains("covered by seats"), "{text}");
}

/// One answer per question: the month's estimate and sessions per person are the same in
/// `activity`, the report's section, the dashboard's pane and the exporter's gauges.
#[tokio::test]
async fn every_front_end_gives_the_same_estimate() {
    let env = TestEnv::new();
    let activity = json(&env.run(&["--demo", "activity", "--month", "--format", "json"]).await);
    let report = json(&env.run(&["--demo", "report", "--month", "--format", "json"]).await);
    assert_eq!(report["activity"]["totals"], activity["totals"], "{report:#}");
    assert_eq!(report["activity"]["rows"], activity["rows"]);
    // The estimate is beside the bill: the report's total is the bill's.
    let costs = json(&env.run(&["--demo", "costs", "--month", "--format", "json"]).await);
    assert_eq!(report["total"], costs["total"]);

    // The dashboard's Claude Code pane, from the same cache the demo writes.
    let now: chrono::DateTime<chrono::Utc> = crate::test_env::NOW.parse().unwrap();
    let demo = llmcost::demo::Demo::new(now).unwrap();
    let store = llmcost::store::Store::open(&demo.db_path()).unwrap();
    let today = now.date_naive();
    let (billed, activity_accounts): (Vec<_>, Vec<_>) =
        demo.accounts().into_iter().partition(|a| !a.provider.info().activity_only);
    let query = llmcost::app::dashboard::Query {
        currency: llmcost::domain::Currency::USD,
        accounts: billed,
        project: None,
        range: llmcost::domain::DateRange::new(day("2026-11-01"), today),
        period_end: day("2026-11-30"),
        today,
        estimates: false,
        activity: activity_accounts,
    };
    let screen = llmcost::app::dashboard::load(&store, &query).unwrap();
    let pane: Vec<(String, String)> =
        screen.activity.iter().map(|a| (a.person.clone(), a.estimated.decimal().to_string())).collect();
    let cli: Vec<(String, String)> = activity["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap().to_string(), dec(&r["estimated_cost"]).to_string()))
        .collect();
    assert_eq!(pane, cli, "the dashboard's pane is activity's view");
    assert_eq!(dec(&costs["total"]), screen.total.decimal(), "the dashboard total is the bill");

    let metrics = stdout(&env.run(&["--demo", "metrics"]).await);
    let gauge = |name: &str, person: &str| -> Decimal {
        let line = metrics
            .lines()
            .find(|l| l.starts_with(name) && l.contains(&format!("person=\"{person}\"")))
            .unwrap_or_else(|| panic!("{name} {person}: {metrics}"));
        line.rsplit(' ').next().unwrap().parse().unwrap()
    };
    for row in activity["rows"].as_array().unwrap() {
        let person = row["key"].as_str().unwrap();
        assert_eq!(
            gauge("llmcost_activity_estimated_cost_month_to_date_usd{", person),
            dec(&row["estimated_cost"]),
            "{person}"
        );
        assert_eq!(
            gauge("llmcost_activity_sessions_month_to_date{", person),
            Decimal::from(row["work"]["sessions"].as_u64().unwrap())
        );
    }
}
