//! Teams and cost centres end to end: the chargeback's parts add up exactly to what `costs`
//! shows, rules match project ids and names with globs, shared spend is split exactly and shown
//! in cents that add up, and
//! `teams check` finds dead rules.

use rust_decimal::Decimal;

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, code, expect_code, json, stderr, stdout};

const KEY: &str = "sk-admin-teams-0123456789";

#[tokio::test]
async fn the_chargeback_adds_up_to_the_bill() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    env.write_config(
        r#"[workspaces.openai.edugami]

[[teams]]
name = "tutoring"
cost_center = "CC-100"
match = [ { provider = "openai", project = "proj_tut*" } ]

[[teams]]
name = "grading"
cost_center = "CC-200"
match = [ { project = "Essay*" }, { project = "Tutor chat" } ]

[[shared_costs]]
match = { project = "proj_grading" }
split = { tutoring = 1, grading = 2 }
"#,
    );
    let costs = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&costs, 0);
    let bill: Decimal = json(&costs)["total"].as_str().unwrap().parse().unwrap();
    let out = env.run(&["teams", "--offline", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, bill, "the chargeback is the bill");
    let rows = doc["rows"].as_array().unwrap();
    let sum: Decimal = rows.iter().map(|r| r["total"].as_str().unwrap().parse::<Decimal>().unwrap()).sum();
    assert_eq!(sum, bill, "the parts add up exactly");
    let names: Vec<&str> = rows.iter().map(|r| r["team"].as_str().unwrap()).collect();
    assert!(names.contains(&"(unallocated)"), "unclaimed spend is shown: {names:?}");
    // Shared parts: split 1:2 exactly (to 10 places; tables round the split to cents).
    let shared_of = |t: &str| -> Decimal {
        rows.iter().find(|r| r["team"] == t).unwrap()["shared"].as_str().unwrap().parse().unwrap()
    };
    let (tutoring, grading) = (shared_of("tutoring"), shared_of("grading"));
    assert!(tutoring > Decimal::ZERO);
    assert!((grading - tutoring * Decimal::TWO).abs() <= Decimal::new(1, 9), "{tutoring} vs {grading}");

    let csv = env.run(&["teams", "--offline", "--by", "cost-center", "--format", "csv"]).await;
    expect_code(&csv, 0);
    let text = stdout(&csv);
    assert!(text.starts_with("period_start,period_end,cost_center,direct_usd,shared_usd,total_usd"), "{text}");
    assert!(text.contains("CC-100") && text.contains("CC-200"), "{text}");

    // A budget on a team: its allocated spend (direct and shared), the same figure as the chargeback's.
    let config = std::fs::read_to_string(&env.config).unwrap();
    env.write_config(&format!(
        "{config}\n[[budgets]]\nname = \"tutoring-monthly\"\namount = 1\nperiod = \"month\"\nteam = \"tutoring\"\n"
    ));
    let budgets = env.run(&["budgets", "check", "--offline", "--format", "json"]).await;
    expect_code(&budgets, 3);
    let spent: Decimal = json(&budgets)["budgets"][0]["spent"].as_str().unwrap().parse().unwrap();
    let tutoring_total: Decimal =
        rows.iter().find(|r| r["team"] == "tutoring").unwrap()["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(spent, tutoring_total, "day-by-day allocation adds up to the period's (fixed weights)");
    env.write_config(&format!(
        "{config}\n[[budgets]]\nname = \"x\"\namount = 1\nperiod = \"month\"\nteam = \"nobody\"\n"
    ));
    let bad = env.run(&["budgets", "check", "--offline"]).await;
    expect_code(&bad, 2);
    assert!(stderr(&bad).contains("'nobody' is not one of the [[teams]]"), "{}", stderr(&bad));
    env.write_config(&config);

    // "Tutor chat" (grading's second rule) is claimed first by tutoring: an overlap.
    let check = env.run(&["teams", "check", "--offline"]).await;
    assert_eq!(code(&check), 1, "{}", stdout(&check));
    // Without a period flag the last 90 days are checked, not this month alone.
    assert!(stdout(&check).contains("checked against cached spend 2026-08-25 to 2026-11-22"), "{}", stdout(&check));
    assert!(stdout(&check).contains("overlap") && stdout(&check).contains("tutoring, grading"), "{}", stdout(&check));
}

#[tokio::test]
async fn bad_team_config_is_named() {
    let env = TestEnv::new();
    env.write_config("[[teams]]\nname = \"a\"\nmatch = [ { workspace = \"x\" } ]\n\n[[shared_costs]]\nmatch = { workspace = \"y\" }\nsplit = { b = 50 }\n");
    let out = env.run(&["teams", "--offline"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("split names \"b\", which is not a team"), "{}", stderr(&out));
    env.write_config("[[teams]]\nname = \"a\"\nmatch = [ { team = \"x\" } ]\n");
    assert_eq!(code(&env.run(&["teams", "--offline"]).await), 2);
    env.write_config("");
    let out = env.run(&["teams", "--offline"]).await;
    expect_code(&out, 2);
    assert!(stderr(&out).contains("no teams defined"), "{}", stderr(&out));
}

/// `costs --by team` and `--team` against the fake: every grouping's parts add up to the bill,
/// one team's view equals its chargeback line, and unknown teams are usage errors.
#[tokio::test]
async fn costs_and_report_by_team_add_up_to_the_bill() {
    let fake = FakeOpenAi::start(sample_org(KEY)).await;
    let env = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    env.write_config(
        r#"[workspaces.openai.edugami]

[[teams]]
name = "tutoring"
cost_center = "CC-100"
match = [ { project = "proj_tut*" } ]

[[teams]]
name = "archive"
match = [ { project = "Old pilot" } ]

[[shared_costs]]
match = { project = "proj_grading" }
split = "proportional"
"#,
    );
    let plain = env.run(&["costs", "--month", "--format", "json"]).await;
    expect_code(&plain, 0);
    let bill: Decimal = json(&plain)["total"].as_str().unwrap().parse().unwrap();
    let sum = |doc: &serde_json::Value| -> Decimal {
        doc["rows"].as_array().unwrap().iter().map(|r| r["cost"].as_str().unwrap().parse::<Decimal>().unwrap()).sum()
    };
    for by in ["team", "cost_center", "team,day", "model,team", "team,project"] {
        let out = env.run(&["costs", "--offline", "--by", by, "--format", "json"]).await;
        assert_eq!(code(&out), 0, "--by {by}: {}", stderr(&out));
        let doc = json(&out);
        assert_eq!(doc["total"].as_str().unwrap().parse::<Decimal>().unwrap(), bill, "--by {by}");
        assert_eq!(sum(&doc), bill, "--by {by}: the rows add up to the bill");
    }
    let by_team = json(&env.run(&["costs", "--offline", "--by", "team,cost_center", "--format", "json"]).await);
    let rows = by_team["rows"].as_array().unwrap();
    let row = |t: &str| rows.iter().find(|r| r["team"] == t).unwrap_or_else(|| panic!("{t} in {rows:?}"));
    assert_eq!(row("tutoring")["cost_center"], "CC-100");
    assert_eq!(row("archive")["cost_center"], "(none)");
    assert_eq!(row("(unallocated)")["cost_center"], "(unallocated)");

    let chargeback = json(&env.run(&["teams", "--offline", "--format", "json"]).await);
    let charged = |t: &str| -> Decimal {
        let rows = chargeback["rows"].as_array().unwrap();
        rows.iter().find(|r| r["team"] == t).unwrap()["total"].as_str().unwrap().parse().unwrap()
    };
    for team in ["tutoring", "archive"] {
        let out = env.run(&["costs", "--offline", "--team", team, "--by", "model", "--format", "json"]).await;
        expect_code(&out, 0);
        let doc = json(&out);
        assert_eq!(doc["scope"]["team"], team);
        let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
        assert!((total - charged(team)).abs() <= Decimal::new(1, 2), "{team}: {total} vs {}", charged(team));
        assert!(doc["rows"][0].get("input_tokens").is_none(), "a team's part of shared spend has no token counts");
    }

    // A team budget with a proportional shared split: its days are `costs --by day --team`'s
    // rows (the period's proportions in each day), its total the chargeback to the cent.
    let config = std::fs::read_to_string(&env.config).unwrap();
    env.write_config(&format!(
        "{config}\n[[budgets]]\nname = \"tutoring\"\namount = 100000\nperiod = \"month\"\nteam = \"tutoring\"\n"
    ));
    let budgets = json(&env.run(&["budgets", "check", "--offline", "--format", "json"]).await);
    let spent: Decimal = budgets["budgets"][0]["spent"].as_str().unwrap().parse().unwrap();
    assert_eq!(spent, charged("tutoring"), "proportional shares, day by day, add up to the period's");
    let by_day = json(
        &env.run(&["costs", "--offline", "--month", "--team", "tutoring", "--by", "day", "--format", "json"]).await,
    );
    assert!((sum(&by_day) - spent).abs() <= Decimal::new(1, 2), "{} vs {spent}", sum(&by_day));
    env.write_config(&config);

    // The report: one team's month, and the chargeback section for everyone.
    let report =
        env.run(&["report", "--offline", "--month", "2026-11", "--team", "tutoring", "--format", "json"]).await;
    expect_code(&report, 0);
    let doc = json(&report);
    assert_eq!(doc["team"], "tutoring");
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    assert!((total - charged("tutoring")).abs() <= Decimal::new(1, 2), "{total} vs {}", charged("tutoring"));
    assert!(doc["chargeback"].is_null(), "one team's report has no chargeback of the others");
    let all = json(&env.run(&["report", "--offline", "--month", "2026-11", "--format", "json"]).await);
    assert_eq!(all["chargeback"]["total"], all["total"], "the chargeback section is the bill");
    let md = stdout(&env.run(&["report", "--offline", "--month", "2026-11", "--format", "markdown"]).await);
    assert!(md.contains("## Chargeback by team"), "{md}");

    let typo = env.run(&["costs", "--offline", "--team", "tutorin"]).await;
    expect_code(&typo, 2);
    assert!(stderr(&typo).contains("unknown team 'tutorin' (did you mean tutoring?)"), "{}", stderr(&typo));
    let env2 = TestEnv::new().openai("edugami", KEY, &fake.base_url());
    let none = env2.run(&["costs", "--offline", "--by", "team"]).await;
    expect_code(&none, 2);
    assert!(stderr(&none).contains("no [[teams]] in the config"), "{}", stderr(&none));
}

/// Finance's CSV: cents with two decimals in every money column, each row's direct and shared
/// adding up to its total and the totals to the bill; `--by team,month` lists each month as
/// `--month` would show it, under one header.
#[tokio::test]
async fn the_chargeback_csv_is_in_cents_that_add_up_and_by_month() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T10:00:00Z");
    let cents = |s: &str| -> i64 {
        let (whole, frac) = s.split_once('.').unwrap_or_else(|| panic!("{s}: no cents"));
        assert_eq!(frac.len(), 2, "{s}: two decimals");
        whole.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap()
    };
    let out = env.run(&["--demo", "teams", "--last-month", "--format", "csv"]).await;
    expect_code(&out, 0);
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut sum = 0;
    for r in &rows {
        assert_eq!(cents(&r[4]) + cents(&r[5]), cents(&r[6]), "{r:?}");
        sum += cents(&r[6]);
    }
    let bill = env.run(&["--demo", "costs", "--last-month", "--format", "json"]).await;
    let bill: Decimal = json(&bill)["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(Decimal::new(sum, 2), bill.round_dp(2), "the totals add up to the bill");

    let out = env.run(&["--demo", "teams", "--this-quarter", "--by", "team,month", "--format", "csv"]).await;
    expect_code(&out, 0);
    let monthly = stdout(&out);
    assert_eq!(monthly.lines().filter(|l| l.starts_with("period_start")).count(), 1, "{monthly}");
    for line in text.lines().skip(1) {
        assert!(monthly.contains(line), "November as --last-month shows it: {line}\n{monthly}");
    }
    assert!(monthly.contains("2026-10-01,2026-10-31,") && monthly.contains("2026-12-01,2026-12-06,"), "{monthly}");
}

/// One split, one answer: a team's month is the same figure in `teams --by team,month` and in
/// `costs --by month,team`, exactly in JSON and to the cent in their tables (both round the
/// month's split by the remainder rule).
#[tokio::test]
async fn teams_and_costs_by_month_and_team_agree_to_the_cent() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T10:00:00Z");
    let out = env.run(&["--demo", "teams", "--year", "--by", "team,month", "--format", "json"]).await;
    expect_code(&out, 0);
    let teams = json(&out);
    let out = env.run(&["--demo", "costs", "--year", "--by", "month,team", "--format", "json"]).await;
    expect_code(&out, 0);
    let costs = json(&out);
    let mut compared = 0;
    for period in teams["periods"].as_array().unwrap() {
        let month = &period["period"]["since"].as_str().unwrap()[..7];
        for row in period["rows"].as_array().unwrap() {
            let team = row["team"].as_str().unwrap();
            let exact: Decimal = row["total"].as_str().unwrap().parse().unwrap();
            let found = costs["rows"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["month"] == month && r["team"] == team)
                .map(|r| r["cost"].as_str().unwrap().parse::<Decimal>().unwrap());
            assert_eq!(found.unwrap_or_default(), exact, "{month} {team}");
            compared += 1;
        }
    }
    assert!(compared >= 40, "every month of the year, every team: {compared}");

    // The tables: January's rows read the same in both.
    let cb = stdout(&env.run(&["--demo", "teams", "--month", "2026-01"]).await);
    let by = stdout(&env.run(&["--demo", "costs", "--month", "2026-01", "--by", "team"]).await);
    for team in ["learning", "media", "research", "(unallocated)"] {
        let amount = |text: &str| {
            let line = text.lines().find(|l| l.contains(&format!(" {team} "))).unwrap().to_string();
            line.split_whitespace().rfind(|w| w.starts_with('$')).unwrap().to_string()
        };
        assert_eq!(amount(&cb), amount(&by), "{team}\n{cb}\n{by}");
    }
}
