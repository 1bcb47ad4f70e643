//! In-process tests of the use cases, on a pinned clock: the demo's cache for the questions
//! every front end asks (they must give one answer), and an empty cache of a user's own for
//! imports and for budgets with no data.

use chrono::{DateTime, Datelike, Utc};
use rust_decimal::Decimal;

use super::select::Scope;
use super::{App, budgets, costs, dashboard, export, metrics, report, teams};
use crate::budget::Level;
use crate::clock::Clock;
use crate::domain::{Currency, DateRange, Dim, Money};

fn demo_at(at: &str) -> (App, tempfile::TempDir) {
    let now: DateTime<Utc> = format!("{at}T10:00:00Z").parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = App::demo_at(Clock::pinned(now), dir.path().join("config.toml"), true).unwrap();
    (app, dir)
}

fn offline_usd() -> Scope {
    Scope { offline: true, currency: Some(Currency::USD), ..Scope::default() }
}

fn cents(m: Money) -> Decimal {
    m.decimal().round_dp(2)
}

/// This month and its forecast, asked of every use case, on the dates a calendar bug shows:
/// the same total, forecast and budget verdict to the cent.
#[test]
fn every_use_case_gives_one_answer_for_the_month() {
    for at in ["2026-12-01", "2026-12-06", "2026-12-22", "2026-12-31", "2027-01-01"] {
        let (app, _dir) = demo_at(at);
        let today = app.clock.today();
        let month = DateRange::new(today.with_day(1).unwrap(), today);
        let month_end = crate::domain::period::last_of_month(today);

        let request = costs::Request {
            scope: offline_usd(),
            projects: vec![],
            models: vec![],
            team: None,
            range: month,
            group_by: vec![Dim::Model],
            estimates: false,
        };
        let total = costs::run(&app, &request).unwrap().view.total;

        let budget = budgets::status(&app, &app.config.budgets).unwrap();
        let team_budget = budget.iter().find(|b| b.budget.name == "team-monthly").unwrap();
        assert_eq!(cents(team_budget.status.spent), cents(total), "{at}: budget spent vs costs");

        let asked = report::Request {
            scope: offline_usd(),
            projects: vec![],
            team: None,
            range: month,
            period_end: Some(month_end),
            by: None,
            rows_only: false,
        };
        let report::ReportView::Story(r) = report::run(&app, &asked).unwrap().view.view else { panic!("a story") };
        assert_eq!(cents(r.total), cents(total), "{at}: report total");
        let forecast = r.forecast.as_ref().map(|f| cents(f.total));
        assert_eq!(forecast, Some(cents(team_budget.status.forecast)), "{at}: report forecast vs budget's");

        let chargeback =
            teams::ChargebackRequest { scope: offline_usd(), range: month, by_cost_center: false, by_month: false };
        let views = teams::chargeback(&app, &chargeback).unwrap().view;
        assert_eq!(cents(views[0].total), cents(total), "{at}: chargeback total");

        let m = metrics::snapshot(&app, Currency::USD).unwrap();
        let spent: Money = m.spend_month.iter().map(|s| s.cost).sum();
        assert_eq!(cents(spent), cents(total), "{at}: exporter month to date");
        let exported = m.budgets.iter().find(|b| b.budget.name == "team-monthly").unwrap();
        assert_eq!(exported.status, team_budget.status, "{at}: exporter verdict");

        let q = dashboard::Query {
            currency: Currency::USD,
            accounts: app.accounts(),
            project: None,
            range: month,
            period_end: month_end,
            today,
            estimates: false,
            activity: Vec::new(),
        };
        let screen = dashboard::run(&app, &q).unwrap();
        assert_eq!(cents(screen.total), cents(total), "{at}: dashboard total");
        assert_eq!(screen.forecast.map(cents), forecast, "{at}: dashboard forecast");
        let card = screen.budgets.iter().find(|b| b.budget.name == "team-monthly").unwrap();
        assert_eq!(card.status, team_budget.status, "{at}: dashboard verdict");
        let teams_total: Money = screen.teams.iter().map(|t| t.cost).sum();
        assert_eq!(cents(teams_total), cents(total), "{at}: dashboard teams");

        // FOCUS keeps each row in its billing currency: per currency, what `costs --by
        // currency` says was billed in it.
        let focus = export::focus(&app, &Scope { currency: None, ..offline_usd() }, month, false).unwrap().view;
        let by_currency =
            costs::run(&app, &costs::Request { group_by: vec![Dim::Currency], ..request.clone() }).unwrap().view;
        for row in &by_currency.rows {
            let (currency, billed) = row.billed_in().unwrap();
            let lines: Money = focus.lines.iter().filter(|l| l.currency == currency).map(|l| l.cost).sum();
            assert_eq!(lines, billed, "{at}: FOCUS lines in {currency}");
        }
    }
}

/// A past period's view shows the budgets of that period, never this period's.
#[test]
fn a_past_month_shows_its_own_budget_verdicts() {
    let (app, _dir) = demo_at("2026-12-06");
    let november = DateRange::new("2026-11-01".parse().unwrap(), "2026-11-30".parse().unwrap());
    let request = costs::Request {
        scope: offline_usd(),
        projects: vec![],
        models: vec![],
        team: None,
        range: november,
        group_by: vec![Dim::Model],
        estimates: false,
    };
    let view = costs::run(&app, &request).unwrap().view;
    let team = view.budgets.iter().find(|b| b.budget.name == "team-monthly").unwrap();
    assert_eq!(team.status.period.since, november.since);
    assert_eq!(team.status.level, Level::Exceeded);
    assert_eq!(team.status.spent, view.total);
    assert!(view.budgets.iter().all(|b| b.status.period.until <= november.until));
}

/// A user's own app on an empty cache: one OpenAI workspace, no key.
fn empty_app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let config_path = dir.path().join("config.toml");
    let text = "[workspaces.openai.edugami]\n\n[[budgets]]\nname = \"all\"\namount = 100\nperiod = \"month\"\n";
    let app = App {
        config: crate::config::Config::parse(text, &config_path).unwrap(),
        config_path,
        db_path: dir.path().join("cache.sqlite"),
        clock: Clock::pinned("2026-12-06T10:00:00Z".parse().unwrap()),
        keys: crate::secrets::Keys::new(vec![], true),
        env: vec![],
        demo: None,
        quiet: true,
        record_dir: None,
        network: super::Network::default(),
    };
    (app, dir)
}

/// A budget over an account never fetched is `no data`, says why, and is never ok.
#[test]
fn a_budget_with_no_data_is_never_ok() {
    let (app, _dir) = empty_app();
    let checked =
        budgets::check(&app, &budgets::CheckRequest { names: vec![], offline: true, include_estimate: false }).unwrap();
    assert_eq!(checked.rows[0].status.level, Level::NoData);
    let why = checked.no_data(true);
    assert!(why.len() == 1 && why[0].contains("openai/edugami") && why[0].contains("drop --offline"), "{why:?}");
    let unknown = budgets::check(
        &app,
        &budgets::CheckRequest { names: vec!["nope".into()], offline: true, include_estimate: false },
    );
    assert!(unknown.is_err_and(|e| e.to_string().contains("budgets are all")));
}

/// An import lands in the cache once (a re-import replaces its days), in its own currency; a
/// bad file imports nothing.
#[test]
fn an_import_is_kept_once_in_its_own_currency() {
    let (app, dir) = empty_app();
    let file = dir.path().join("mistral.csv");
    std::fs::write(
        &file,
        "date,model,cost,currency\n2026-11-02,mistral-large,12.50,EUR\n2026-11-03,mistral-large,18.90,EUR\n",
    )
    .unwrap();
    let request = super::import::Request {
        file: file.clone(),
        provider: "mistral".into(),
        workspace: "lab".into(),
        format: super::import::FileFormat::Csv,
        services: vec![],
        replace_all: false,
    };
    for _ in 0..2 {
        let imported = super::import::run(&app, &request).unwrap();
        assert_eq!(imported.rows, 2);
        assert_eq!(imported.totals.get(&Currency::EUR).map(|m| m.exact()), Some("31.40".into()));
    }
    let store = app.open_store().unwrap();
    let account = crate::domain::Account::new(crate::domain::ProviderKind::imported("mistral").unwrap(), "lab");
    let q = crate::store::CostQuery::all(vec![account], DateRange::all_time(), vec![Dim::Currency]);
    let sums = store.aggregate_costs(&q).unwrap();
    assert_eq!(sums.len(), 1);
    assert_eq!(sums[0].1.exact(), "31.40", "imported twice, counted once");

    std::fs::write(&file, "date,model,cost\n2026-11-02,mistral-large,not-a-number\n").unwrap();
    assert!(super::import::run(&app, &request).is_err());
    assert_eq!(store.aggregate_costs(&q).unwrap()[0].1.exact(), "31.40", "a bad file changes nothing");
}

/// Today with estimates: `costs --today` and the dashboard's Total card give one figure, and
/// the estimate never adds to a bill of the same account and day.
#[test]
fn today_with_estimates_is_one_answer() {
    let (app, _dir) = demo_at("2026-12-06");
    let today = app.clock.today();
    let request = costs::Request {
        scope: offline_usd(),
        projects: vec![],
        models: vec![],
        team: None,
        range: DateRange::new(today, today),
        group_by: vec![Dim::Provider],
        estimates: true,
    };
    let view = costs::run(&app, &request).unwrap().view;
    assert_eq!(view.group_by, vec![Dim::Provider, Dim::Basis], "labelled by basis");
    let mut seen = std::collections::BTreeSet::new();
    for row in &view.rows {
        assert!(seen.insert(row.value(Dim::Provider).to_string()), "one basis per provider: {row:?}");
    }
    let q = dashboard::Query {
        currency: Currency::USD,
        accounts: app.accounts(),
        project: None,
        range: DateRange::new(today.with_day(1).unwrap(), today),
        period_end: crate::domain::period::last_of_month(today),
        today,
        estimates: true,
        activity: Vec::new(),
    };
    let card = dashboard::run(&app, &q).unwrap().today.unwrap();
    assert_eq!(card.with_estimates, view.total);
    assert_eq!(Some(card.estimated), view.estimated);
    assert!(card.estimated > crate::domain::Money::ZERO);
}
