//! `llmcost costs` against a fake OpenAI: totals, grouping, formats, caching, offline.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::fake_openai::{FakeOpenAi, billed, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

fn dec(v: &serde_json::Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("money is a string: {v}"))).unwrap()
}

async fn setup() -> (FakeOpenAi, TestEnv) {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    (fake, env)
}

#[tokio::test]
async fn month_total_matches_the_bill_in_every_format() {
    let (_fake, env) = setup().await;
    let expected = billed(&sample_org(KEY), "2026-11-01", "2026-11-22");

    let out =
        env.run(&["costs", "--provider", "openai", "--workspace", "edugami", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["currency"], "USD");
    assert_eq!(doc["period"]["since"], "2026-11-01");
    assert_eq!(doc["period"]["until"], "2026-11-22");
    assert_eq!(doc["period"]["timezone"], "UTC");
    assert_eq!(doc["period"]["partial_day"], "2026-11-22");
    assert_eq!(dec(&doc["total"]), expected);
    assert_eq!(doc["complete"], true);
    let rows = doc["rows"].as_array().unwrap();
    let sum: Decimal = rows.iter().map(|r| dec(&r["cost"])).sum();
    assert_eq!(sum, expected, "per-model rows sum to the total");
    let models: Vec<&str> = rows.iter().map(|r| r["model"].as_str().unwrap()).collect();
    for m in [
        "gpt-4o-2024-08-06",
        "gpt-4o-mini-2024-07-18",
        "gpt-5.6-sol",
        "web search tool calls",
        "Vector storage",
        "whisper-1",
    ] {
        assert!(models.contains(&m), "{m} in {models:?}");
    }
    let gpt4o = rows.iter().find(|r| r["model"] == "gpt-4o-2024-08-06").unwrap();
    assert!(gpt4o["input_tokens"].as_u64().unwrap() > 0);

    let table = env.run(&["costs", "--workspace", "edugami", "--month"]).await;
    expect_code(&table, 0);
    let text = stdout(&table);
    let cents = expected.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert!(text.contains(&format!("${cents}")) || text.contains(&format!("${}", group(cents))), "{text}");
    assert!(text.contains("UTC") && text.contains("2026-11-22 is today, partial"), "{text}");
    assert!(text.contains("Data updated 2026-11-22 10:00 UTC"), "{text}");

    let csv = env.run(&["costs", "--workspace", "edugami", "--month", "--format", "csv", "--by", "model,day"]).await;
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "model");
    assert_eq!(&headers[1], "day");
    assert_eq!(&headers[2], "cost_usd");
    let sum: Decimal = reader.records().map(|r| Decimal::from_str(&r.unwrap()[2]).unwrap()).sum();
    assert_eq!(sum, expected);

    let md = env.run(&["costs", "--workspace", "edugami", "--month", "--format", "markdown"]).await;
    let text = stdout(&md);
    assert!(text.starts_with("## LLM spend: OpenAI: edugami"), "{text}");
    assert!(text.contains("| Model | Cost (USD) | Share |"), "{text}");
}

fn group(d: Decimal) -> String {
    let s = d.to_string();
    let (whole, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

#[tokio::test]
async fn a_repeated_question_is_answered_from_the_cache() {
    let (fake, env) = setup().await;
    let first = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&first, 0);
    let after_first = fake.total_hits().await;
    assert!(after_first >= 3, "costs, usage and projects were fetched");
    let second = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&second, 0);
    assert_eq!(fake.total_hits().await, after_first, "no request on the second run");
    assert_eq!(json(&first)["total"], json(&second)["total"]);
    // A narrower question inside the cached period needs nothing either.
    let week = env.run(&["costs", "--since", "2026-11-03", "--until", "2026-11-09"]).await;
    expect_code(&week, 0);
    assert_eq!(fake.total_hits().await, after_first);
}

#[tokio::test]
async fn only_stale_trailing_days_are_refetched_after_the_ttl() {
    let (fake, env) = setup().await;
    assert_eq!(code(&env.run(&["costs", "--month"]).await), 0);
    let costs_before = fake.hits("/v1/organization/costs").await;
    let later = env.var("LLMCOST_NOW", "2026-11-22T10:06:00Z");
    let out = later.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(fake.hits("/v1/organization/costs").await, costs_before + 1);
    let requests = fake.server.received_requests().await.unwrap();
    let last = requests.iter().rev().find(|r| r.url.path() == "/v1/organization/costs").unwrap();
    let start = last.url.query_pairs().find(|(k, _)| k == "start_time").unwrap().1.to_string();
    // Trailing window of 3 days before today: 2026-11-19 00:00 UTC.
    assert_eq!(start, "1795046400", "{}", last.url);
    assert_eq!(dec(&json(&out)["total"]), billed(&sample_org(KEY), "2026-11-01", "2026-11-22"));
}

#[tokio::test]
async fn refresh_refetches_and_offline_never_touches_the_network() {
    let (fake, env) = setup().await;
    assert_eq!(code(&env.run(&["costs", "--month"]).await), 0);
    let hits = fake.total_hits().await;
    assert_eq!(code(&env.run(&["costs", "--month", "--refresh"]).await), 0);
    assert!(fake.total_hits().await > hits);

    let cold = TestEnv::new().openai("edugami", KEY, "http://127.0.0.1:9/v1");
    let out = cold.run(&["costs", "--month", "--offline", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(doc["complete"], false);
    assert_eq!(doc["missing_days"][0]["days"], 22);
    let table = cold.run(&["costs", "--month", "--offline"]).await;
    assert!(
        stdout(&table).contains("Incomplete: 22 day(s) of openai/edugami were never fetched"),
        "{}",
        stdout(&table)
    );
}

#[tokio::test]
async fn grouping_by_project_and_day_and_filtering_projects() {
    let (_fake, env) = setup().await;
    let org = sample_org(KEY);
    let out = env.run(&["costs", "--last", "10", "--by", "project,day", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert_eq!(doc["group_by"], serde_json::json!(["project", "day"]));
    let rows = doc["rows"].as_array().unwrap();
    let tutor = rows.iter().find(|r| r["project"] == "proj_tutor").unwrap();
    assert_eq!(tutor["project_name"], "Tutor chat");
    assert_eq!(tutor["workspace"], "edugami");
    let default = rows.iter().find(|r| r["project"].is_null()).unwrap();
    assert_eq!(default["project_name"], "Default project");
    let sum: Decimal = rows.iter().map(|r| dec(&r["cost"])).sum();
    assert_eq!(sum, billed(&org, "2026-11-13", "2026-11-22"));
    let days: Vec<&str> = rows.iter().map(|r| r["day"].as_str().unwrap()).collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "rows are in day order");

    let by_name = env.run(&["costs", "--last", "10", "--project", "Tutor chat", "--format", "json"]).await;
    let by_id = env.run(&["costs", "--last", "10", "--project", "proj_tutor", "--format", "json"]).await;
    assert_eq!(json(&by_name)["total"], json(&by_id)["total"]);
    let tutor_total: Decimal = org
        .lines
        .iter()
        .filter(|l| l.project == Some("proj_tutor") && l.day >= chrono::NaiveDate::from_ymd_opt(2026, 11, 13).unwrap())
        .map(super::fake_openai::Line::dollars)
        .sum();
    assert_eq!(dec(&json(&by_id)["total"]), tutor_total);

    let unknown = env.run(&["costs", "--project", "proj_nope"]).await;
    expect_code(&unknown, 2);
    assert!(
        stderr(&unknown).contains("unknown project 'proj_nope'") && stderr(&unknown).contains("proj_tutor"),
        "{}",
        stderr(&unknown)
    );

    let items = env.run(&["costs", "--yesterday", "--by", "line_item", "--format", "csv"]).await;
    let text = stdout(&items);
    assert!(text.starts_with("line_item,cost_usd\n"), "no token columns by line item: {text}");
}

#[tokio::test]
async fn several_organizations_add_up_and_pages_are_followed() {
    let edu = FakeOpenAi::start(sample_org(KEY)).await;
    let memo_key = "sk-admin-test-memoways-1111bbbb";
    let memo = FakeOpenAi::start(sample_org(memo_key)).await;
    let env = TestEnv::new().var("LLMCOST_KEY_OPENAI_EDUGAMI", KEY).var("LLMCOST_KEY_OPENAI_MEMOWAYS", memo_key);
    env.write_config(&format!(
        "[workspaces.openai.edugami]\nbase_url = \"{}\"\n\n[workspaces.openai.memoways]\nbase_url = \"{}\"\n",
        edu.base_url(),
        memo.base_url()
    ));
    let out = env.run(&["costs", "--year", "--by", "workspace", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let one = billed(&sample_org(KEY), "2026-01-01", "2026-11-22");
    assert_eq!(dec(&doc["total"]), one + one);
    assert_eq!(doc["rows"].as_array().unwrap().len(), 2);
    // 326 days: two costs pages of at most 180 buckets (after the one probe of
    // group_by=api_key_id, refused), eleven usage pages of at most 31.
    assert_eq!(edu.hits("/v1/organization/costs").await, 3);
    assert_eq!(edu.hits("/v1/organization/usage/completions").await, 11);
    assert_eq!(edu.hits("/v1/organization/projects").await, 2, "projects come two per page");

    let only = env.run(&["costs", "--year", "--workspace", "memoways", "--format", "json"]).await;
    assert_eq!(dec(&json(&only)["total"]), one);
}

#[tokio::test]
async fn projects_lists_archived_ones_with_their_spend() {
    let (_fake, env) = setup().await;
    let out = env.run(&["projects", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let projects = doc["projects"].as_array().unwrap();
    let archived = projects.iter().find(|p| p["id"] == "proj_archived").unwrap();
    assert_eq!(archived["status"], "archived");
    assert_eq!(archived["name"], "Old pilot");
    let sum: Decimal = projects.iter().map(|p| dec(&p["cost"])).sum();
    assert_eq!(sum, billed(&sample_org(KEY), "2026-11-01", "2026-11-22"));
    let table = env.run(&["projects"]).await;
    assert!(stdout(&table).contains("Essay grading"), "{}", stdout(&table));
}

#[tokio::test]
async fn the_demo_needs_no_key_and_no_network() {
    let env = TestEnv::new().var("LLMCOST_OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    let out = env.run(&["--demo", "costs", "--month", "--by", "workspace", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let rows = doc["rows"].as_array().unwrap();
    let accounts: Vec<String> =
        rows.iter().map(|r| format!("{}/{}", r["provider"], r["workspace"]).replace('"', "")).collect();
    assert_eq!(rows.len(), 14, "{accounts:?}");
    for account in [
        "openai/edugami",
        "openai/memoways",
        "openai/storygami",
        "anthropic/edugami",
        "openrouter/storygami",
        "xai/memoways",
        "aws/prod",
        "mistral/lab",
        "azure/contoso",
        "gcp/acme",
        "deepseek/storygami",
    ] {
        assert!(accounts.contains(&account.to_string()), "{account} in {accounts:?}");
    }
    assert!(dec(&doc["total"]) > Decimal::from(100));
    let again = env.run(&["--demo", "costs", "--month", "--by", "workspace", "--format", "json"]).await;
    assert_eq!(json(&again)["total"], doc["total"], "the demo is deterministic");
    for args in [
        vec!["--demo", "costs", "--year", "--by", "project"],
        vec!["--demo", "projects"],
        vec!["--demo", "providers"],
        vec!["--demo", "costs", "--last", "400", "--by", "day", "--format", "csv"],
    ] {
        let out = env.run(&args).await;
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    }
    assert!(!env.db.exists(), "the demo never writes the user's cache");
}

#[tokio::test]
async fn keys_stay_out_of_files_and_files_are_private() {
    let (_fake, env) = setup().await;
    assert_eq!(code(&env.run(&["costs", "--year"]).await), 0);
    let cache = std::fs::read(&env.db).unwrap();
    let needle = KEY.as_bytes();
    assert!(!cache.windows(needle.len()).any(|w| w == needle), "the key is not in the cache");
    for entry in std::fs::read_dir(env.dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&env.db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the cache is readable by its owner only");
    }
}

#[tokio::test]
async fn two_processes_can_sync_the_same_cache_at_once() {
    let (fake, env) = setup().await;
    let mut a = env.cmd();
    a.args(["costs", "--year", "--format", "json"]);
    let mut b = env.cmd();
    b.args(["sync", "--year"]);
    let (first, second) = tokio::join!(
        tokio::task::spawn_blocking(move || a.output().unwrap()),
        tokio::task::spawn_blocking(move || b.output().unwrap())
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    expect_code(&first, 0);
    expect_code(&second, 0);
    assert_eq!(dec(&json(&first)["total"]), billed(&sample_org(KEY), "2026-01-01", "2026-11-22"));
    let hits = fake.total_hits().await;
    let again = env.run(&["costs", "--year", "--format", "json"]).await;
    assert_eq!(json(&again)["total"], json(&first)["total"]);
    assert_eq!(fake.total_hits().await, hits, "both syncs left a complete cache");
}

#[tokio::test]
async fn a_project_the_provider_no_longer_lists_can_still_be_selected() {
    let mut org = sample_org(KEY);
    org.projects.retain(|p| p.0 != "proj_grading"); // deleted: only its costs remain
    let expected: Decimal = org
        .lines
        .iter()
        .filter(|l| l.project == Some("proj_grading") && l.day >= chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
        .map(super::fake_openai::Line::dollars)
        .sum();
    let fake = FakeOpenAi::start(org).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let out = env.run(&["costs", "--month", "--project", "proj_grading", "--format", "json"]).await;
    expect_code(&out, 0);
    assert_eq!(dec(&json(&out)["total"]), expected);
    let projects = json(&env.run(&["projects", "--format", "json"]).await);
    let grading = projects["projects"].as_array().unwrap().iter().find(|p| p["id"] == "proj_grading").unwrap().clone();
    assert_eq!(grading["status"], "unlisted");
}

#[tokio::test]
async fn models_are_found_by_prefix_and_typos_are_named() {
    let env = TestEnv::new();
    let out = env.run(&["--demo", "costs", "--month", "--model", "gpt-5.5", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    assert!(dec(&doc["total"]) > Decimal::ZERO, "a unique prefix finds the model");
    let typo = env.run(&["--demo", "costs", "--month", "--model", "gpt-5.6"]).await;
    expect_code(&typo, 2);
    assert!(stderr(&typo).contains("did you mean gpt-5.5-2026-04-23"), "{}", stderr(&typo));
    let ambiguous = env.run(&["--demo", "costs", "--month", "--model", "gpt"]).await;
    expect_code(&ambiguous, 2);
    assert!(stderr(&ambiguous).contains("ambiguous"), "{}", stderr(&ambiguous));

    // Projects the same way: a name's unambiguous prefix, a typo named, an ambiguity refused.
    let out = env.run(&["--demo", "costs", "--month", "--project", "essay", "--format", "json"]).await;
    expect_code(&out, 0);
    assert!(dec(&json(&out)["total"]) > Decimal::ZERO);
    let typo = env.run(&["--demo", "costs", "--month", "--project", "Tutr chat"]).await;
    expect_code(&typo, 2);
    assert!(stderr(&typo).contains("(did you mean Tutor chat?)"), "{}", stderr(&typo));
    let ambiguous = env.run(&["--demo", "costs", "--month", "--project", "tutor"]).await;
    expect_code(&ambiguous, 2);
    assert!(stderr(&ambiguous).contains("is ambiguous"), "{}", stderr(&ambiguous));
}
