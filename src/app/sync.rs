//! Bringing the cache up to date for a set of accounts before a view answers: plans each
//! account's stale days, fetches accounts concurrently on one runtime, writes each in its own
//! transaction.

use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use tokio::task::JoinSet;

use super::App;
use crate::domain::{Account, DateRange};
use crate::error::Result;
use crate::store::Store;
use crate::sync::{self, AccountSync, Freshness};

/// Days a provider's answer about itself (a probe's) is trusted before it is asked again.
const FACTS_KEPT_DAYS: u64 = 30;

/// The runs of days each account needs fetched (stale or never fetched; all with `refresh`),
/// warning about days older than its provider still serves.
fn plan(
    app: &App,
    store: &Store,
    accounts: &[Account],
    range: DateRange,
    refresh: bool,
) -> Result<Vec<(Account, Vec<DateRange>)>> {
    let now = app.clock.now();
    let configured = Freshness::from(app.config.cache);
    let mut plans = Vec::new();
    // Imported spend is never fetched: what was imported is what there is (a vendor's spend
    // imported before llmcost read its billing API too: sync it under another workspace).
    for account in accounts.iter().filter(|a| !a.provider.is_imported()) {
        if store.holds_imports(account)? {
            continue;
        }
        let freshness = configured.for_provider(account.provider.info());
        let synced = store.synced_days(account.provider.id(), &account.workspace, range.since, range.until)?;
        let servable = account.provider.servable_days(app.clock.today());
        let plan = sync::plan(&synced, range, now, freshness, refresh, servable);
        if plan.unfillable > 0 {
            app.note(&format!(
                "warning: {account}: {} day(s) before {} were never synced and can no longer be fetched \
                 ({}; sync at least that often)",
                plan.unfillable,
                servable.0.map_or(String::new(), |d| d.to_string()),
                account.provider.info().history_limit().unwrap_or_default()
            ));
        }
        if !plan.runs.is_empty() {
            plans.push((account.clone(), plan.runs));
        }
    }
    Ok(plans)
}

/// A spinner on stderr for one account's fetch.
fn spinner(progress: &MultiProgress, account: &Account, days: u64) -> ProgressBar {
    let bar = progress.add(ProgressBar::new_spinner());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {elapsed}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(format!("{account}: fetching {days} day(s)"));
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Fetches the stale days of `range` for each account, concurrently, and writes each account in
/// its own transaction. Returns what happened to each account that needed fetching.
pub fn sync_accounts(
    app: &App,
    store: &mut Store,
    accounts: &[Account],
    range: DateRange,
    refresh: bool,
) -> Result<Vec<AccountSync>> {
    // Nothing fetched could be kept: say so before asking any provider.
    store.writable()?;
    let now = app.clock.now();
    let plans = plan(app, store, accounts, range, refresh)?;
    if plans.is_empty() {
        return Ok(Vec::new());
    }

    let recorder = app.recorder()?;
    let timeout = Duration::from_secs(app.config.http.timeout_seconds.max(1));
    let (runtime, client) = app.network.get(timeout)?;
    let progress = app.show_progress().then(MultiProgress::new);
    let mut outcomes = Vec::new();
    let mut tasks = JoinSet::new();
    for (account, runs) in plans {
        let credentials = match app.credentials(&account) {
            Ok((credentials, _)) => credentials,
            Err(e) => {
                outcomes.push(AccountSync {
                    account,
                    days_fetched: 0,
                    elapsed: Duration::ZERO,
                    error: Some(e.to_string()),
                    failure: Some(crate::sync::SyncFailure::NoCredentials),
                    warnings: Vec::new(),
                    requests: 0,
                });
                continue;
            }
        };
        // What the API answered about itself in the last 30 days is not asked again.
        let mut settings = app.config.workspace(&account).cloned().unwrap_or_default();
        settings.facts = store.provider_facts(&account, now - chrono::Days::new(FACTS_KEPT_DAYS))?;
        let provider =
            app.connect_with(&account, &credentials, client.clone(), app.retry_policy(), recorder.clone(), settings);
        let days: u64 = runs.iter().map(DateRange::len_days).sum();
        let bar = progress.as_ref().map(|m| spinner(m, &account, days));
        let started = Instant::now();
        tasks.spawn_on(
            async move {
                let result = sync::fetch(&provider, &runs, true).await;
                (account, result, started, bar, provider.requests_sent())
            },
            runtime.handle(),
        );
    }
    let fetched = runtime.block_on(async {
        let mut done = Vec::new();
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok(outcome) => done.push(outcome),
                // A task only ends without an outcome if it panicked (nothing cancels them): carry
                // the panic on, to the hook that prints no data.
                Err(e) => std::panic::resume_unwind(e.into_panic()),
            }
        }
        done
    });
    for (account, result, started, bar, requests) in fetched {
        let mut outcome = match result {
            Ok(batch) => sync::write(store, &account, &batch, now, started),
            Err(e) => AccountSync {
                account,
                days_fetched: 0,
                elapsed: started.elapsed(),
                failure: Some(crate::sync::SyncFailure::Provider(e.kind.clone())),
                error: Some(e.to_string()),
                warnings: Vec::new(),
                requests: 0,
            },
        };
        if let Some(bar) = bar {
            finish(&bar, &outcome);
        }
        outcome.requests = requests;
        tracing::info!("{}: {}", outcome.account, outcome.requests_text());
        for warning in &outcome.warnings {
            app.note(warning);
        }
        outcomes.push(outcome);
    }
    outcomes.sort_by(|a, b| a.account.cmp(&b.account));
    Ok(outcomes)
}

/// Ends an account's spinner with what happened.
fn finish(bar: &ProgressBar, outcome: &AccountSync) {
    match &outcome.error {
        None => bar.finish_with_message(format!(
            "✓ {}: {} day(s) in {:.1}s",
            outcome.account,
            outcome.days_fetched,
            outcome.elapsed.as_secs_f64()
        )),
        Some(_) => bar.finish_with_message(format!("✗ {}: failed", outcome.account)),
    }
}

/// The error lines of failed accounts.
pub fn failures(outcomes: &[AccountSync]) -> Vec<String> {
    outcomes.iter().filter_map(|o| o.error.clone()).collect()
}

/// The failures `--fail-open` may let through (`SyncFailure::is_transient`), and the others.
pub fn split_transient(outcomes: &[AccountSync]) -> (Vec<String>, Vec<String>) {
    let (transient, other): (Vec<&AccountSync>, Vec<&AccountSync>) = outcomes
        .iter()
        .filter(|o| o.error.is_some())
        .partition(|o| o.failure.as_ref().is_some_and(crate::sync::SyncFailure::is_transient));
    let messages = |v: Vec<&AccountSync>| v.into_iter().filter_map(|o| o.error.clone()).collect();
    (messages(transient), messages(other))
}

/// `llmcost sync`: the days of `range` not yet cached (all of them with `refresh`) for the
/// selected accounts. Returns the accounts and the outcome of each that had something to fetch.
pub(crate) fn run(
    app: &App,
    providers: &[String],
    workspaces: &[String],
    range: DateRange,
    refresh: bool,
) -> Result<(Vec<Account>, Vec<AccountSync>)> {
    let accounts = app.select_any(providers, workspaces)?;
    if app.is_demo() {
        return Ok((accounts, Vec::new()));
    }
    let mut store = app.open_store()?;
    let outcomes = sync_accounts(app, &mut store, &accounts, range, refresh)?;
    Ok((accounts, outcomes))
}

/// Accounts of providers that keep only a rolling window (OpenRouter, Cursor) whose last sync is
/// half that window ago or more: days are about to become unfetchable, and the cache is their
/// only record. One warning each, saying how long is left.
pub(crate) fn overdue(app: &App, store: &Store, accounts: &[Account]) -> Result<Vec<String>> {
    let today = app.clock.today();
    let mut out = Vec::new();
    for account in accounts {
        let info = account.provider.info();
        let crate::providers::History::LastDays(window) = info.history else { continue };
        let Some(last) = store.last_sync(account.provider.id(), &account.workspace)? else { continue };
        let age = (today - last.date_naive()).num_days().max(0);
        let window = i64::from(window);
        if age * 2 < window {
            continue;
        }
        let left = window - age;
        out.push(if left > 0 {
            format!(
                "warning: {account} last synced {age} day(s) ago and {}: sync within {left} day(s) or the days \
                 since are lost ('llmcost sync', or run the exporter, which syncs hourly)",
                info.history_limit().unwrap_or_default()
            )
        } else {
            format!(
                "warning: {account} last synced {age} day(s) ago and {}: days since {} can no longer be \
                 fetched; sync now to keep the rest",
                info.history_limit().unwrap_or_default(),
                last.date_naive()
            )
        });
    }
    Ok(out)
}

/// `doctor`'s look at the cache: the overdue warnings of every account.
pub(crate) fn overdue_all(app: &App) -> Result<Vec<String>> {
    let accounts = app.accounts();
    if accounts.is_empty() || !app.db_path.exists() {
        return Ok(Vec::new());
    }
    overdue(app, &app.open_store()?, &accounts)
}
