//! Teams and cost centres end to end: the chargeback's parts add up exactly to what `costs`
//! shows, rules match project ids and names with globs, shared spend is split to the cent, and
//! `teams check` finds dead rules.

use rust_decimal::Decimal;

use crate::fake_openai::{FakeOpenAi, sample_org};
use crate::test_env::{TestEnv, code, json, stderr, stdout};

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
    assert_eq!(code(&costs), 0, "{}", stderr(&costs));
    let bill: Decimal = json(&costs)["total"].as_str().unwrap().parse().unwrap();
    let out = env.run(&["teams", "--offline", "--format", "json"]).await;
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc = json(&out);
    let total: Decimal = doc["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(total, bill, "the chargeback is the bill");
    let rows = doc["rows"].as_array().unwrap();
    let sum: Decimal = rows.iter().map(|r| r["total"].as_str().unwrap().parse::<Decimal>().unwrap()).sum();
    assert_eq!(sum, bill, "the parts add up exactly");
    let names: Vec<&str> = rows.iter().map(|r| r["team"].as_str().unwrap()).collect();
    assert!(names.contains(&"(unallocated)"), "unclaimed spend is shown: {names:?}");
    // Shared parts: the smaller share is whole cents.
    let tutoring = rows.iter().find(|r| r["team"] == "tutoring").unwrap();
    let shared: Decimal = tutoring["shared"].as_str().unwrap().parse().unwrap();
    assert_eq!(shared, shared.round_dp(2), "{shared}");
    assert!(shared > Decimal::ZERO);

    let csv = env.run(&["teams", "--offline", "--by", "cost-center", "--format", "csv"]).await;
    assert_eq!(code(&csv), 0, "{}", stderr(&csv));
    let text = stdout(&csv);
    assert!(text.starts_with("period_start,period_end,cost_center,direct_usd,shared_usd,total_usd"), "{text}");
    assert!(text.contains("CC-100") && text.contains("CC-200"), "{text}");

    // A budget on a team: its allocated spend (direct and shared), the same figure as the chargeback's.
    let config = std::fs::read_to_string(&env.config).unwrap();
    env.write_config(&format!(
        "{config}\n[[budgets]]\nname = \"tutoring-monthly\"\namount = 1\nperiod = \"month\"\nteam = \"tutoring\"\n"
    ));
    let budgets = env.run(&["budgets", "check", "--offline", "--format", "json"]).await;
    assert_eq!(code(&budgets), 3, "{}", stderr(&budgets));
    let spent: Decimal = json(&budgets)["budgets"][0]["spent"].as_str().unwrap().parse().unwrap();
    let tutoring_total: Decimal = tutoring["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(spent, tutoring_total, "day-by-day allocation adds up to the period's (fixed weights)");
    env.write_config(&format!(
        "{config}\n[[budgets]]\nname = \"x\"\namount = 1\nperiod = \"month\"\nteam = \"nobody\"\n"
    ));
    let bad = env.run(&["budgets", "check", "--offline"]).await;
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("'nobody' is not one of the [[teams]]"), "{}", stderr(&bad));
    env.write_config(&config);

    // "Tutor chat" (grading's second rule) is claimed first by tutoring: an overlap.
    let check = env.run(&["teams", "check", "--offline"]).await;
    assert_eq!(code(&check), 1, "{}", stdout(&check));
    assert!(stdout(&check).contains("overlap") && stdout(&check).contains("tutoring, grading"), "{}", stdout(&check));
}

#[tokio::test]
async fn bad_team_config_is_named() {
    let env = TestEnv::new();
    env.write_config("[[teams]]\nname = \"a\"\nmatch = [ { workspace = \"x\" } ]\n\n[[shared_costs]]\nmatch = { workspace = \"y\" }\nsplit = { b = 50 }\n");
    let out = env.run(&["teams", "--offline"]).await;
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("split names \"b\", which is not a team"), "{}", stderr(&out));
    env.write_config("[[teams]]\nname = \"a\"\nmatch = [ { team = \"x\" } ]\n");
    assert_eq!(code(&env.run(&["teams", "--offline"]).await), 2);
    env.write_config("");
    let out = env.run(&["teams", "--offline"]).await;
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no teams defined"), "{}", stderr(&out));
}
