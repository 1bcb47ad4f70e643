//! `llmcost report`: snapshots of each format on the demo, CSV round trips, the default period,
//! atomic `--out`, and totals against a fake provider.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::fake_openai::{FakeOpenAi, billed, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-test-edugami-0000aaaa";

#[tokio::test]
async fn demo_report_snapshots() {
    let env = TestEnv::new();
    for (format, name) in [("markdown", "report_markdown"), ("table", "report_table"), ("json", "report_json")] {
        let out = env.run(&["--demo", "report", "--month", "--format", format]).await;
        assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
        insta::assert_snapshot!(name, stdout(&out));
    }
    let csv = env.run(&["--demo", "report", "--last", "3", "--format", "csv"]).await;
    insta::assert_snapshot!("report_csv_last_3_days", stdout(&csv));
}

#[tokio::test]
async fn the_markdown_review_has_every_section() {
    let env = TestEnv::new();
    let text = stdout(&env.run(&["--demo", "report", "--month", "--format", "markdown"]).await);
    for heading in [
        "# LLM spend report",
        "- **Total: $",
        "- Previous period (2026-10-10 to 2026-10-31)",
        "- Forecast: $",
        "- Daily: `",
        "## By provider and workspace",
        "## By project (chargeback)",
        "## By model",
        "## Top movers against the previous period",
        "## Anomalies",
        "## Budgets",
    ] {
        assert!(text.contains(heading), "{heading} in\n{text}");
    }
    assert!(text.contains("| 2026-11-17 |") && text.contains("Essay grading (openai/edugami)"), "{text}");
}

#[tokio::test]
async fn csv_export_round_trips_and_sums_to_the_total() {
    let env = TestEnv::new();
    let path = env.dir.path().join("exports/spend.csv");
    let out = env.run(&["--demo", "report", "--last", "90", "--format", "csv", "--out", path.to_str().unwrap()]).await;
    expect_code(&out, 0);
    assert!(stdout(&out).is_empty(), "--out writes the file, not stdout");
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "day",
            "provider",
            "workspace",
            "project",
            "project_name",
            "project_workspace",
            "model",
            "cost_usd",
            "input_tokens",
            "cached_input_tokens",
            "output_tokens",
            "requests"
        ]
    );
    let mut sum = Decimal::ZERO;
    let mut keys = std::collections::HashSet::new();
    for record in reader.records() {
        let r = record.unwrap();
        sum += Decimal::from_str(&r[7]).unwrap();
        assert!(
            keys.insert((r[0].to_string(), r[1].to_string(), r[2].to_string(), r[3].to_string(), r[6].to_string())),
            "one row per key"
        );
    }
    let total = json(&env.run(&["--demo", "costs", "--last", "90", "--format", "json"]).await);
    assert_eq!(sum, Decimal::from_str(total["total"].as_str().unwrap()).unwrap());
}

#[tokio::test]
async fn out_is_written_atomically() {
    let env = TestEnv::new();
    // A directory where the file should go: the write fails, and nothing is left behind.
    let dir = env.dir.path().join("taken");
    std::fs::create_dir(&dir).unwrap();
    let out = env.run(&["--demo", "report", "--format", "json", "--out", dir.to_str().unwrap()]).await;
    expect_code(&out, 1);
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert!(dir.is_dir() && std::fs::read_dir(&dir).unwrap().next().is_none());
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(std::result::Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left: {leftovers:?}");
}

#[tokio::test]
async fn early_in_a_month_the_default_is_last_month() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-02T08:00:00Z");
    let doc = json(&env.run(&["--demo", "report", "--format", "json"]).await);
    assert_eq!(doc["period"]["since"], "2026-11-01");
    assert_eq!(doc["period"]["until"], "2026-11-30");
    assert!(doc["forecast"].is_null(), "a finished month has no forecast");
    let later = TestEnv::new().var("LLMCOST_NOW", "2026-12-04T08:00:00Z");
    let doc = json(&later.run(&["--demo", "report", "--format", "json"]).await);
    assert_eq!(doc["period"]["since"], "2026-12-01");
    assert_eq!(doc["forecast"]["period_end"], "2026-12-31");
}

#[tokio::test]
async fn report_totals_match_the_bill() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let out = env.run(&["report", "--month", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let dec = |v: &serde_json::Value| Decimal::from_str(v.as_str().unwrap()).unwrap();
    assert_eq!(dec(&doc["total"]), billed(&sample_org(KEY), "2026-11-01", "2026-11-22"));
    assert_eq!(doc["previous_period"]["since"], "2026-10-10");
    assert_eq!(dec(&doc["previous_total"]), billed(&sample_org(KEY), "2026-10-10", "2026-10-31"));
    let by_model: Decimal = doc["by_model"].as_array().unwrap().iter().map(|m| dec(&m["cost"])).sum();
    assert_eq!(by_model, dec(&doc["total"]));
    let daily: Decimal = doc["daily"].as_array().unwrap().iter().map(|d| dec(&d["cost"])).sum();
    assert_eq!(daily, dec(&doc["total"]));
    assert_eq!(doc["daily"].as_array().unwrap().len(), 22);
}

/// What a newcomer sees in an 80- and a 120-column terminal: no table wider than the window,
/// no amount split, and one line for the budgets.
#[tokio::test]
async fn tables_fit_80_and_120_columns() {
    for width in ["80", "120"] {
        let env = TestEnv::new().var("LLMCOST_TABLE_WIDTH", width);
        for (name, args) in [
            ("costs", &["--demo", "costs"][..]),
            ("costs_by_project", &["--demo", "costs", "--by", "project,model"][..]),
            ("budgets", &["--demo", "budgets"][..]),
            ("report", &["--demo", "report"][..]),
        ] {
            let out = env.run(args).await;
            expect_code(&out, 0);
            let text = stdout(&out);
            let limit: usize = width.parse().unwrap();
            for line in text.lines() {
                assert!(line.chars().count() <= limit, "{name} at {width}: {line:?}");
            }
            if name == "costs" {
                assert!(
                    text.contains("Budgets: 1 exceeded, 1 forecast to exceed, 3 ok (details: llmcost budgets)"),
                    "{text}"
                );
                assert!(!text.contains("Budget team-monthly"), "one line for the budgets on a terminal");
            }
            insta::assert_snapshot!(format!("fit_{name}_{width}"), text);
        }
    }
    // Piped, nothing is fitted: every column and every budget line.
    let env = TestEnv::new();
    let text = stdout(&env.run(&["--demo", "costs"]).await);
    assert!(text.contains("Cached input") && text.contains("Budget team-monthly"), "{text}");
    let quiet = stdout(&TestEnv::new().var("LLMCOST_TABLE_WIDTH", "80").run(&["--demo", "-q", "costs"]).await);
    assert!(!quiet.contains("Budgets:"), "-q hides the budget summary");
}
