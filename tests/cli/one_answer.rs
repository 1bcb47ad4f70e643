//! One question, one answer: this month's spend and its forecast for all spend, asked of every
//! front end (the report, budgets, the exporter and the dashboard's data) on the demo at the
//! dates where a calendar bug would show (the 1st, the 6th, the 22nd, the last day of a month,
//! January 1st), must be the same figure to the cent; and so must each person's month.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use llmcost::app::dashboard;
use llmcost::demo::Demo;
use llmcost::domain::{Currency, DateRange, Money};
use llmcost::store::Store;
use rust_decimal::Decimal;

use crate::test_env::{TestEnv, expect_code, json, stdout};

fn cents(text: &str) -> Decimal {
    text.parse::<Decimal>().unwrap().round_dp(2)
}

fn last_of_month(day: NaiveDate) -> NaiveDate {
    let first_next = (day.with_day(1).unwrap() + chrono::Months::new(1)).with_day(1).unwrap();
    first_next - Days::new(1)
}

/// The dashboard's question for this month to date, in dollars, of `accounts`.
fn this_month(accounts: Vec<llmcost::domain::Account>, today: NaiveDate) -> dashboard::Query {
    dashboard::Query {
        currency: Currency::USD,
        accounts,
        project: None,
        range: DateRange::new(today.with_day(1).unwrap(), today),
        period_end: last_of_month(today),
        today,
        estimates: false,
        activity: vec![],
    }
}

#[tokio::test]
async fn the_month_and_its_forecast_are_the_same_in_every_front_end() {
    for at in ["2026-12-01", "2026-12-06", "2026-12-22", "2026-12-31", "2027-01-01"] {
        let now: DateTime<Utc> = format!("{at}T10:00:00Z").parse().unwrap();
        let today = now.date_naive();
        let env = TestEnv::new().var("LLMCOST_NOW", &now.to_rfc3339());

        // budgets: the demo's all-spend monthly budget.
        let out = env.run(&["--demo", "budgets", "--format", "json"]).await;
        let budgets = json(&out);
        let team = budgets["budgets"].as_array().unwrap().iter().find(|b| b["name"] == "team-monthly").unwrap();
        assert_eq!(team["period"], "month", "{at}");
        let (b_spent, b_forecast) = (cents(team["spent"].as_str().unwrap()), cents(team["forecast"].as_str().unwrap()));

        // report: this month.
        let out = env.run(&["--demo", "report", "--month", "--format", "json"]).await;
        expect_code(&out, 0);
        let report = json(&out);
        assert_eq!(cents(report["total"].as_str().unwrap()), b_spent, "{at}: report total vs budget spent");
        let r_forecast = report["forecast"]["total"].as_str().map(cents);
        assert_eq!(r_forecast, Some(b_forecast), "{at}: report forecast vs budget forecast");

        // costs: the same month.
        let out = env.run(&["--demo", "costs", "--month", "--format", "json"]).await;
        assert_eq!(cents(json(&out)["total"].as_str().unwrap()), b_spent, "{at}: costs total");

        // the exporter.
        let out = env.run(&["--demo", "metrics"]).await;
        expect_code(&out, 0);
        let text = stdout(&out);
        let metric = |name: &str| -> Decimal {
            let line = text.lines().find(|l| l.starts_with(&format!("{name}{{budget=\"team-monthly\"}}"))).unwrap();
            cents(line.rsplit(' ').next().unwrap())
        };
        assert_eq!(metric("llmcost_budget_spent_usd"), b_spent, "{at}: exporter spent");
        assert_eq!(metric("llmcost_budget_forecast_usd"), b_forecast, "{at}: exporter forecast");

        // the dashboard's data for this month.
        let demo = Demo::new(now).unwrap();
        let store = Store::open(&demo.db_path()).unwrap();
        let snapshot = dashboard::load(&store, &this_month(demo.accounts(), today)).unwrap();
        assert_eq!(snapshot.total.decimal().round_dp(2), b_spent, "{at}: dashboard total");
        assert_eq!(
            snapshot.forecast.map(|m: Money| m.decimal().round_dp(2)),
            Some(b_forecast),
            "{at}: dashboard forecast"
        );
    }
}

/// A view of a past period ends with the budgets of that period: November seen on 6 December
/// says November's team budget was exceeded, and shows no budget whose period is still running.
#[tokio::test]
async fn a_past_period_shows_its_own_budgets() {
    let env = TestEnv::new().var("LLMCOST_NOW", "2026-12-06T10:00:00Z");
    let out = env.run(&["--demo", "costs", "--month", "2026-11", "--format", "json"]).await;
    expect_code(&out, 0);
    let doc = json(&out);
    let budgets = doc["budgets"].as_array().unwrap();
    let team = budgets.iter().find(|b| b["name"] == "team-monthly").unwrap();
    assert_eq!((team["period_start"].as_str(), team["level"].as_str()), (Some("2026-11-01"), Some("exceeded")));
    assert_eq!(team["spent"], doc["total"], "the budget's spend is the view's total");
    assert!(budgets.iter().all(|b| b["period_end"].as_str().unwrap() <= "2026-11-30"), "{budgets:?}");
}

/// Who spent it, one answer: each person's month (the demo's `[people]` name three GitHub seat
/// holders by their e-mails) is the same figure in `costs --by person`, the report's By person,
/// the exporter's per-person gauges and the dashboard's people, and no front end shows a
/// person's other name.
#[tokio::test]
async fn each_person_is_the_same_in_every_front_end() {
    use std::collections::BTreeMap;
    let now: DateTime<Utc> = "2026-12-06T10:00:00Z".parse().unwrap();
    let today = now.date_naive();
    let env = TestEnv::new().var("LLMCOST_NOW", &now.to_rfc3339());
    let sum = |rows: Vec<(String, Decimal)>| -> BTreeMap<String, Decimal> {
        let mut out = BTreeMap::new();
        for (person, cost) in rows {
            *out.entry(person).or_default() += cost;
        }
        out.into_iter().map(|(p, c): (String, Decimal)| (p, c.round_dp(2))).collect()
    };
    let dec = |v: &serde_json::Value| v.as_str().unwrap().parse::<Decimal>().unwrap();

    let costs = json(&env.run(&["--demo", "costs", "--month", "--by", "person", "--format", "json"]).await);
    let costs =
        sum(costs["rows"].as_array().unwrap().iter().map(|r| (r["person"].to_string(), dec(&r["cost"]))).collect());
    let report = json(&env.run(&["--demo", "report", "--month", "--format", "json"]).await);
    let report = sum(report["by_person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["person"].to_string(), dec(&r["cost"])))
        .collect());
    let metrics = stdout(&env.run(&["--demo", "metrics"]).await);
    let metrics = sum(metrics
        .lines()
        .filter(|l| l.starts_with("llmcost_spend_month_to_date_by_person_usd{"))
        .map(|l| {
            let person = l.split("person=").nth(1).unwrap().split(',').next().unwrap().to_string();
            (person, l.rsplit(' ').next().unwrap().parse::<Decimal>().unwrap())
        })
        .collect());
    let app = llmcost::app::App::demo_at(llmcost::clock::Clock::pinned(now), std::env::temp_dir(), true).unwrap();
    let screen = dashboard::run(&app, &this_month(app.demo.as_ref().unwrap().accounts(), today)).unwrap();
    let dashboard =
        sum(screen.people.iter().map(|p| (format!("{:?}", p.person), p.cost.decimal())).collect::<Vec<_>>());

    let ana = "\"ana@edugami.org\"";
    assert!(costs.get(ana).is_some_and(|c| *c > Decimal::ZERO), "{costs:?}");
    for (front_end, people) in [("report", &report), ("exporter", &metrics), ("dashboard", &dashboard)] {
        for person in ["\"ana@edugami.org\"", "\"ben@edugami.org\""] {
            assert_eq!(people.get(person), costs.get(person), "{front_end}: {person}: {people:?} vs {costs:?}");
        }
        assert!(!people.keys().any(|p| p.contains("-edugami")), "{front_end} shows another name: {people:?}");
    }
    assert!(!costs.keys().any(|p| p.contains("-edugami")), "{costs:?}");
}
