//! The dashboard without a terminal: TestBackend snapshots, key sequences fed to `update`, and
//! a sync that never finishes while keys are still handled.

use std::path::PathBuf;
use std::sync::mpsc::channel;

use chrono::{DateTime, NaiveDate, Utc};
use llmcost::app::dashboard;
use llmcost::demo::Demo;
use llmcost::domain::{DateRange, ProviderKind};
use llmcost::store::Store;
use llmcost::tui::model::{Mode, Model, PeriodKind, SortBy};
use llmcost::tui::update::{Effect, Msg, init, update};
use llmcost::tui::{event_loop, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z").unwrap().with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn code(k: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(k, KeyModifiers::NONE))
}

/// A model over the demo organization, and its cache.
fn demo(online: bool) -> (Demo, Model) {
    let demo = Demo::new(now()).unwrap();
    // What the dashboard covers: the accounts with a bill (`App::select`).
    let billed = demo.accounts().into_iter().filter(|a| !a.provider.info().activity_only).collect();
    let model = Model::new(billed, now().date_naive(), online, false);
    (demo, model)
}

/// Runs a load effect the way the runner would, from the demo cache.
fn load(demo: &Demo, effect: &Effect) -> Msg {
    let Effect::Load { generation, query } = effect else { panic!("not a load: {effect:?}") };
    let store = Store::open(&demo.db_path()).unwrap();
    Msg::Loaded { generation: *generation, result: Box::new(dashboard::load(&store, query).map_err(|e| e.to_string())) }
}

fn loaded(demo: &Demo, model: &mut Model) {
    let effects = init(model);
    let msg = load(demo, &effects[0]);
    update(model, msg);
}

fn draw(model: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::render(model, f)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn snapshots_of_each_state_at_three_sizes() {
    let (demo, mut model) = demo(false);
    let mut loading = model.clone();
    init(&mut loading);
    insta::assert_snapshot!("tui_loading_80x24", draw(&loading, 80, 24));
    insta::assert_snapshot!("tui_loading_160x48", draw(&loading, 160, 48));
    loaded(&demo, &mut model);
    insta::assert_snapshot!("tui_populated_80x24", draw(&model, 80, 24));
    insta::assert_snapshot!("tui_populated_160x48", draw(&model, 160, 48));
    insta::assert_snapshot!("tui_populated_120x40", draw(&model, 120, 40));
    insta::assert_snapshot!("tui_populated_200x60", draw(&model, 200, 60));
    // Every line of every size fits, and the chart has dates under it.
    for (w, h) in [(80u16, 24u16), (120, 40), (200, 60)] {
        let screen = draw(&model, w, h);
        assert!(screen.contains("11-01") && screen.contains("11-22"), "{screen}");
        assert!(screen.contains("all providers (14 workspaces)"), "the header names the whole scope: {screen}");
        assert!(screen.contains("Models (36)"), "pane titles count rows: {screen}");
    }

    let mut failed = model.clone();
    update(
        &mut failed,
        Msg::Synced { failures: vec!["anthropic/edugami: GET /v1/organizations/cost_report: invalid key".into()] },
    );
    insta::assert_snapshot!("tui_error_80x24", draw(&failed, 80, 24));
    insta::assert_snapshot!("tui_error_160x48", draw(&failed, 160, 48));

    // A first run: nothing cached yet.
    let mut empty = model.clone();
    let query = llmcost::tui::update::query(&empty).unwrap();
    empty.snapshot = Some(dashboard::load(&Store::open_in_memory().unwrap(), &query).unwrap());
    insta::assert_snapshot!("tui_empty_80x24", draw(&empty, 80, 24));
    insta::assert_snapshot!("tui_empty_160x48", draw(&empty, 160, 48));

    let mut help = model.clone();
    update(&mut help, key('?'));
    insta::assert_snapshot!("tui_help_80x24", draw(&help, 80, 24));
}

#[test]
fn opening_loads_from_the_cache_then_syncs_only_when_online() {
    let (_demo, mut offline) = demo(false);
    let effects = init(&mut offline);
    assert!(matches!(effects.as_slice(), [Effect::Load { .. }]), "{effects:?}");
    let (_demo, mut online) = demo(true);
    let effects = init(&mut online);
    assert!(matches!(effects.as_slice(), [Effect::Load { .. }, Effect::Sync { refresh: false, .. }]), "{effects:?}");
    assert!(online.syncing && online.loading);
}

#[test]
fn stepping_periods() {
    let (demo, mut model) = demo(true);
    loaded(&demo, &mut model);
    let effects = update(&mut model, key('['));
    let Effect::Load { query, .. } = &effects[0] else { panic!("{effects:?}") };
    assert_eq!(query.range, DateRange::new(d("2026-10-01"), d("2026-10-31")));
    assert!(
        effects.len() == 1 && model.queued_sync.is_some(),
        "a new period syncs its stale days once the opening sync ends"
    );
    let effects = update(&mut model, Msg::Synced { failures: vec![] });
    assert!(matches!(effects.as_slice(), [Effect::Sync { .. }, Effect::Load { .. }]), "{effects:?}");
    update(&mut model, key(']'));
    assert_eq!(model.range(), DateRange::new(d("2026-11-01"), d("2026-11-30")));
    assert!(update(&mut model, key(']')).is_empty());
    assert_eq!(model.status.as_deref(), Some("Already at the latest period"));

    update(&mut model, key('t'));
    assert_eq!(model.period, PeriodKind::Year);
    update(&mut model, key('t'));
    assert!(matches!(model.mode, Mode::Range(_)));
    for c in "2026-11-30..2026-11-01".chars() {
        update(&mut model, key(c));
    }
    assert!(update(&mut model, code(KeyCode::Enter)).is_empty());
    assert!(model.error && matches!(model.mode, Mode::Range(_)), "a reversed range is refused, the prompt stays");
    for _ in 0.."2026-11-30..2026-11-01".len() {
        update(&mut model, code(KeyCode::Backspace));
    }
    for c in "2026-10-01..2026-10-10".chars() {
        update(&mut model, key(c));
    }
    let effects = update(&mut model, code(KeyCode::Enter));
    assert_eq!(model.period, PeriodKind::Custom(DateRange::new(d("2026-10-01"), d("2026-10-10"))));
    let Effect::Load { query, .. } = &effects[0] else { panic!("{effects:?}") };
    assert_eq!(query.range, DateRange::new(d("2026-10-01"), d("2026-10-10")));
    update(&mut model, key('['));
    assert_eq!(model.range(), DateRange::new(d("2026-09-21"), d("2026-09-30")));
}

#[test]
fn narrowing_the_scope() {
    let (demo, mut model) = demo(false);
    loaded(&demo, &mut model);
    let effects = update(&mut model, key('p'));
    assert_eq!(model.provider, Some(ProviderKind::OpenAi));
    let Effect::Load { query, .. } = &effects[0] else { panic!("{effects:?}") };
    assert!(query.accounts.iter().all(|a| a.provider == ProviderKind::OpenAi) && query.accounts.len() == 3);
    let msg = load(&demo, &effects[0]);
    update(&mut model, msg);
    update(&mut model, key('w'));
    assert_eq!(model.workspace.as_ref().map(|w| w.workspace.as_str()), Some("edugami"));

    // Pick a project in the projects pane.
    let effects = update(&mut model, key('w'));
    let msg = load(&demo, &effects[0]);
    update(&mut model, msg);
    update(&mut model, code(KeyCode::Tab));
    update(&mut model, key('j'));
    let picked = model.snapshot.as_ref().unwrap().projects[1].id.clone();
    let effects = update(&mut model, code(KeyCode::Enter));
    let Effect::Load { query, .. } = &effects[0] else { panic!("{effects:?}") };
    assert_eq!(query.project.as_deref(), Some(picked.as_str()));
    let msg = load(&demo, &effects[0]);
    update(&mut model, msg);
    assert!(model.scope_label().starts_with("openai/memoways › "), "{}", model.scope_label());
    // The selection stays on the narrowed project: a second enter clears the narrowing.
    let effects = update(&mut model, code(KeyCode::Enter));
    assert!(model.project.is_none(), "{:?}", model.project);
    let Effect::Load { query, .. } = &effects[0] else { panic!("{effects:?}") };
    assert!(query.project.is_none());
}

#[test]
fn sorting_filtering_and_export() {
    let (demo, mut model) = demo(false);
    loaded(&demo, &mut model);
    let costs: Vec<_> = model.model_rows().iter().map(|m| m.cost).collect();
    assert!(costs.windows(2).all(|w| w[0] >= w[1]), "cost, largest first");
    update(&mut model, key('s'));
    assert_eq!(model.sort, SortBy::Model);
    let names: Vec<_> = model.model_rows().iter().map(|m| m.model.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "names A to Z, ignoring case: {names:?}");
    update(&mut model, key('S'));
    let names: Vec<_> = model.model_rows().iter().map(|m| m.model.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] >= w[1]));

    update(&mut model, key('/'));
    for c in "claude".chars() {
        update(&mut model, key(c));
    }
    update(&mut model, code(KeyCode::Enter));
    assert_eq!(model.filter, "claude");
    assert!(
        model.model_rows().iter().all(|m| m.model.to_lowercase().contains("claude")) && !model.model_rows().is_empty()
    );

    assert!(draw(&model, 120, 40).contains("of 36"), "a filtered pane says how many rows of how many");

    let effects = update(&mut model, key('e'));
    let [Effect::Export { path, query, filter }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(path, &PathBuf::from("llmcost-all-2026-11-01-2026-11-22-filter-claude.csv"), "scope, period, filter");
    // Written where asked, never over an existing file; the header row first (the file name
    // says the scope, period and filter), as spreadsheets and CSV readers expect.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&demo.db_path()).unwrap();
    let view = dashboard::export_view(&store, query, filter).unwrap();
    let first = llmcost::tui::export::write(&view, dir.path().join(path)).unwrap();
    let second = llmcost::tui::export::write(&view, dir.path().join(path)).unwrap();
    assert_ne!(first, second, "the second export does not overwrite the first");
    assert!(second.to_string_lossy().ends_with("-filter-claude-2.csv"), "{second:?}");
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.starts_with("provider,model,cost_usd,"), "{text}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| r[1].to_lowercase().contains("claude")), "only the models shown: {text}");
    update(&mut model, Msg::Exported(Ok(path.clone())));
    assert!(model.status.as_deref().unwrap().starts_with("Exported to llmcost-all-"));

    // Esc clears the filter first, and quits only then.
    update(&mut model, code(KeyCode::Esc));
    assert!(model.filter.is_empty() && !model.quit);

    // The demo is offline: refresh says so instead of syncing.
    assert!(update(&mut model, key('r')).is_empty());
    assert!(model.status.as_deref().unwrap().starts_with("Offline"));
    update(&mut model, key('q'));
    assert!(model.quit);
}

#[test]
fn stale_loads_are_dropped_and_sync_failures_show_in_the_status_line() {
    let (demo, mut model) = demo(true);
    let first = init(&mut model);
    update(&mut model, key('p')); // a newer load supersedes the first
    let stale = load(&demo, &first[0]);
    update(&mut model, stale);
    assert!(model.snapshot.is_none(), "a superseded load is ignored");
    let effects = update(&mut model, Msg::Synced { failures: vec!["openai/edugami: invalid key".into(), "x".into()] });
    assert!(!model.syncing && model.error);
    assert_eq!(model.status.as_deref(), Some("openai/edugami: invalid key (and 1 more)"));
    assert!(matches!(effects.as_slice(), [Effect::Load { .. }]), "the cache is shown as it is");
}

#[test]
fn one_sync_at_a_time_and_the_latest_request_wins() {
    let (_demo, mut model) = demo(true);
    let effects = init(&mut model);
    assert!(model.syncing && effects.iter().any(|e| matches!(e, Effect::Sync { .. })));
    // r (refresh), [ and ] (periods) while a sync runs: none starts a second one.
    for k in ['r', '[', ']', 'r'] {
        let effects = update(&mut model, key(k));
        assert!(!effects.iter().any(|e| matches!(e, Effect::Sync { .. })), "{k}: {effects:?}");
    }
    assert!(model.syncing, "the running sync is still shown");
    let effects = update(&mut model, Msg::Synced { failures: vec![] });
    let syncs: Vec<&Effect> = effects.iter().filter(|e| matches!(e, Effect::Sync { .. })).collect();
    assert!(matches!(syncs.as_slice(), [Effect::Sync { refresh: true, .. }]), "the last request runs: {effects:?}");
    assert!(model.syncing);
    update(&mut model, Msg::Synced { failures: vec![] });
    assert!(!model.syncing && model.queued_sync.is_none());
}

#[test]
fn a_slow_sync_does_not_block_keys_or_drawing() {
    let (demo, mut model) = demo(true);
    let (tx, rx) = channel();
    let (release, wait) = channel::<()>();
    let wait = std::sync::Mutex::new(Some(wait));
    let tx_effects = tx.clone();
    // Loads answer at once; the sync waits until the test releases it, long after the loop ends.
    let runner = |effect: Effect| match &effect {
        Effect::Load { .. } => tx_effects.send(load(&demo, &effect)).unwrap(),
        Effect::Sync { .. } => {
            let wait = wait.lock().unwrap().take().expect("one sync");
            let tx = tx_effects.clone();
            std::thread::spawn(move || {
                let _ = wait.recv();
                let _ = tx.send(Msg::Synced { failures: vec![] });
            });
        }
        Effect::Export { .. } => {}
    };
    for effect in init(&mut model) {
        runner(effect);
    }
    tx.send(key('s')).unwrap();
    tx.send(Msg::Tick).unwrap();
    tx.send(key('q')).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    event_loop(&mut terminal, &mut model, &rx, &runner).unwrap();
    assert!(model.syncing, "the sync is still running");
    assert_eq!(model.sort, SortBy::Model, "keys were handled meanwhile");
    assert!(model.snapshot.is_some(), "the cache was shown meanwhile");
    let screen = terminal.backend().to_string();
    assert!(screen.contains("syncing") && screen.contains("Total"), "{screen}");
    release.send(()).unwrap();
}

#[test]
fn the_teams_pane_shows_the_chargeback_of_the_scope() {
    let (demo, mut model) = demo(false);
    let effects = init(&mut model);
    let Effect::Load { generation, query } = &effects[0] else { panic!("not a load") };
    let store = Store::open(&demo.db_path()).unwrap();
    let mut snapshot = dashboard::load(&store, query).unwrap();
    snapshot.teams = dashboard::teams(&store, query, &llmcost::demo::teams(), &llmcost::demo::shared_costs()).unwrap();
    let total: llmcost::domain::Money = snapshot.teams.iter().map(|t| t.cost).sum();
    assert_eq!(total, snapshot.total, "the teams' parts add up to the scope's total");
    assert_eq!(snapshot.teams.last().unwrap().name, "(unallocated)", "unallocated spend is shown, last");
    update(&mut model, Msg::Loaded { generation: *generation, result: Box::new(Ok(snapshot)) });
    update(&mut model, code(KeyCode::Tab));
    update(&mut model, code(KeyCode::Tab));
    let screen = draw(&model, 120, 40);
    assert!(screen.contains("Teams (4)") && screen.contains("learning · CC-100"), "{screen}");
    // The demo reports keys: the people pane comes next, with each person's allocated spend.
    let people_total: llmcost::domain::Money = model.snapshot.as_ref().unwrap().people.iter().map(|p| p.cost).sum();
    assert_eq!(people_total, model.snapshot.as_ref().unwrap().total, "the people add up to the scope's total");
    update(&mut model, code(KeyCode::Tab));
    let screen = draw(&model, 120, 40);
    assert!(screen.contains("People (allocated by key)") && screen.contains("ben@edugami.org"), "{screen}");
    update(&mut model, code(KeyCode::Tab));
    update(&mut model, code(KeyCode::Tab));
    assert!(draw(&model, 120, 40).contains("Projects"), "tab cycles back through models");
}

#[test]
fn the_cost_column_is_headed_with_the_currency_shown() {
    let (demo, mut model) = demo(false);
    model.currency = llmcost::domain::Currency::EUR;
    loaded(&demo, &mut model);
    let screen = draw(&model, 120, 40);
    assert!(screen.contains("Cost (EUR)") && !screen.contains("Cost (USD)"), "{screen}");
}

/// The budget card evaluates the budget over the period on view: November seen on 6 December
/// shows November's verdict, not December's; a week on view has no monthly budget period.
#[test]
fn the_budget_card_shows_the_period_on_view() {
    let now: DateTime<Utc> = "2026-12-06T10:00:00Z".parse().unwrap();
    let app =
        llmcost::app::App::demo_at(llmcost::clock::Clock::pinned(now), PathBuf::from("unused.toml"), true).unwrap();
    let mut model = Model::new(app.select(&[], &[]).unwrap(), now.date_naive(), false, false);
    let run = |model: &mut Model, effect: Effect| {
        let msg = llmcost::tui::run_effect(&app, effect);
        update(model, msg);
    };
    let first = init(&mut model).remove(0);
    run(&mut model, first);
    let december = draw(&model, 120, 40);
    assert!(december.contains("31% of $4,000.00") && december.contains("forecast-exceeded"), "{december}");
    let effects = update(&mut model, key('['));
    run(&mut model, effects.into_iter().next().unwrap());
    let november = draw(&model, 120, 40);
    assert!(november.contains("132% of $4,000.00") && november.contains("exceeded"), "{november}");
    assert!(!november.contains("│31% of"), "{november}");
}

/// At any width an amount is shown whole or not at all: the models pane drops columns and
/// shortens names first, and says how wide it needs to be when even that is not enough.
#[test]
fn amounts_are_never_cut_at_any_width() {
    let (demo, mut model) = demo(false);
    loaded(&demo, &mut model);
    let snapshot = model.snapshot.clone().unwrap();
    for w in [60u16, 64, 68, 72, 80, 100, 120] {
        let screen = draw(&model, w, 40);
        let lines: Vec<&str> = screen.lines().collect();
        // The first visible model rows (sorted by cost) each show their amount whole.
        for m in snapshot.models.iter().take(5) {
            let amount = llmcost::domain::Currency::USD.format(m.cost);
            assert!(
                lines.iter().any(|l| l.contains(&format!(" {amount} ")) || l.contains(&format!(" {amount}│"))),
                "{w} columns: {amount} cut or missing:\n{screen}"
            );
        }
        assert!(screen.contains(&llmcost::domain::Currency::USD.format(snapshot.total)), "{w}: the total");
    }
    let screen = draw(&model, 40, 30);
    let flat: String = screen.chars().filter(|c| !c.is_whitespace() && *c != '"').collect();
    assert!(flat.contains("needsawindowatleast56columns"), "{screen}");
}

/// The header says which period is shown at every width: the dates give way to a short form
/// (`month 2026-11`), never to nothing.
#[test]
fn the_header_names_the_period_at_any_width() {
    let (demo, mut model) = demo(false);
    loaded(&demo, &mut model);
    for w in [60u16, 64, 80, 120] {
        let screen = draw(&model, w, 30);
        let header = screen.lines().next().unwrap();
        assert!(header.contains("month 2026-11"), "{w} columns: {header}");
    }
}

/// With a Claude Code account, its pane follows the people: each person's sessions and
/// Anthropic's estimate, labelled, in USD whatever the dashboard's currency, and the Total card
/// is the bill alone. Narrowed to one provider, the pane is gone.
#[test]
fn the_claude_code_pane_shows_the_estimate_beside_the_bill() {
    let (demo, mut model) = demo(false);
    let (_, activity): (Vec<_>, Vec<_>) = demo.accounts().into_iter().partition(|a| !a.provider.info().activity_only);
    model.activity_accounts = activity;
    model.currency = llmcost::domain::Currency::EUR;
    let (_, mut bill_only) = self::demo(false);
    bill_only.currency = llmcost::domain::Currency::EUR;
    loaded(&demo, &mut model);
    loaded(&demo, &mut bill_only);
    let snapshot = model.snapshot.as_ref().unwrap();
    assert!(!snapshot.activity.is_empty());
    assert_eq!(snapshot.total, bill_only.snapshot.as_ref().unwrap().total, "the estimate is not in the total");
    for _ in 0..3 {
        update(&mut model, code(KeyCode::Tab));
    }
    let screen = draw(&model, 120, 40);
    assert!(screen.contains("Claude Code est. (5)"), "{screen}");
    assert!(screen.contains("≈$") && screen.contains("pr-review-bot"), "in the estimate's own currency: {screen}");
    update(&mut model, code(KeyCode::Tab));
    assert!(draw(&model, 120, 40).contains("Projects"), "tab cycles back");
}
