//! Selecting what a view covers: bringing its days up to date, whether the cache has anything
//! for it, and turning project names into ids.

use super::App;
use crate::domain::{Account, DateRange};
use crate::error::{Error, Result};
use crate::store::Store;

/// Like [`refresh`], for a view: when every account failed and the cache has nothing for the
/// period, there is nothing to show, so that is the error (nothing goes to stdout), the same for
/// every command.
pub(crate) fn refresh_for_view(
    app: &App,
    store: &mut Store,
    accounts: &[Account],
    range: DateRange,
    offline: bool,
    refresh_all: bool,
) -> Result<Vec<String>> {
    let failed = refresh(app, store, accounts, range, offline, refresh_all)?;
    if !failed.is_empty() && failed.len() == accounts.len() && !has_any_data(store, accounts, range)? {
        return Err(Error::Accounts(failed));
    }
    Ok(failed)
}

/// Syncs stale days unless offline (or the demo); returns the failed accounts' messages.
pub(crate) fn refresh(
    app: &App,
    store: &mut Store,
    accounts: &[Account],
    range: DateRange,
    offline: bool,
    refresh: bool,
) -> Result<Vec<String>> {
    if app.offline(offline) {
        // Nothing is fetched now: say when a provider's rolling window is about to lose days.
        for warning in super::sync::overdue(app, store, accounts)? {
            app.note(&warning);
        }
        return Ok(Vec::new());
    }
    // A full disk: nothing fetched could be kept, so the view answers from the cache as it is
    // (opening the cache already warned).
    if store.read_only_reason().is_some() {
        return Ok(Vec::new());
    }
    let outcomes = super::sync::sync_accounts(app, store, accounts, range, refresh)?;
    Ok(super::sync::failures(&outcomes))
}

pub(crate) fn has_any_data(store: &Store, accounts: &[Account], range: DateRange) -> Result<bool> {
    for a in accounts {
        if !store.synced_days(a.provider.id(), &a.workspace, range.since, range.until)?.is_empty() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Turns `--project` names or ids into ids; an unknown project is an error, not an empty answer.
pub(crate) fn resolve_projects(store: &Store, accounts: &[Account], wanted: &[String]) -> Result<Vec<String>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let known = store.project_spend(accounts, DateRange::all_time())?;
    let mut ids = Vec::new();
    let listed: Vec<&crate::store::ProjectSpend> = known.iter().filter(|p| !p.info.id.is_empty()).collect();
    for w in wanted {
        // An id or a name, exactly (names in any case); else an unambiguous prefix of a name.
        let mut hits: Vec<&str> = listed
            .iter()
            .filter(|p| p.info.id == *w || p.info.name.eq_ignore_ascii_case(w))
            .map(|p| p.info.id.as_str())
            .collect();
        if hits.is_empty() {
            let lower = w.to_lowercase();
            let prefixed: Vec<&&crate::store::ProjectSpend> =
                listed.iter().filter(|p| !w.is_empty() && p.info.name.to_lowercase().starts_with(&lower)).collect();
            let mut names: Vec<&str> = prefixed.iter().map(|p| p.info.name.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            match names.as_slice() {
                [_] => hits = prefixed.iter().map(|p| p.info.id.as_str()).collect(),
                [] => {}
                many => {
                    return Err(Error::Usage(format!(
                        "project '{w}' is ambiguous: it starts {} ({}); give more of the name, or its id",
                        many.len(),
                        many.join(", ")
                    )));
                }
            }
        }
        if hits.is_empty() {
            let mut names: Vec<String> = listed
                .iter()
                .map(|p| {
                    if p.info.name.is_empty() { p.info.id.clone() } else { format!("{} ({})", p.info.id, p.info.name) }
                })
                .collect();
            names.sort();
            names.dedup();
            let candidates: Vec<String> = listed
                .iter()
                .flat_map(|p| [p.info.id.clone(), p.info.name.clone()])
                .filter(|n| !n.is_empty())
                .collect();
            let near = super::models::nearest(w, &candidates);
            let list =
                if names.is_empty() { "none known yet (run 'llmcost sync')".to_string() } else { names.join(", ") };
            return Err(Error::Usage(format!(
                "unknown project '{w}' in the selected workspaces{}; known projects: {list}",
                if near.is_empty() { String::new() } else { format!(" (did you mean {}?)", near.join(", ")) }
            )));
        }
        ids.extend(hits.into_iter().map(String::from));
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Whose spend a view shows and how fresh: what `--provider`, `--workspace`, `--offline`,
/// `--refresh` and `--currency` say, the same for every use case.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scope {
    pub providers: Vec<String>,
    pub workspaces: Vec<String>,
    pub offline: bool,
    pub refresh: bool,
    /// The reporting currency (resolved from the flag and the config); `None` when the view
    /// keeps every amount in the currency it was billed in, so no rates are needed.
    pub currency: Option<crate::domain::Currency>,
}

/// A view's cache, brought up to date for its days, with the rates that show it in the
/// reporting currency: the steps every view takes before it is built.
pub(crate) struct Prepared {
    pub store: Store,
    pub accounts: Vec<Account>,
    pub currency: crate::domain::Currency,
    pub rates: crate::fx::Rates,
    /// Accounts that could not be refreshed (the view answers from the cache for them).
    pub failed: Vec<String>,
}

/// Selects the accounts, refreshes `fetch` (the view's days and any it compares with), and
/// loads the rates for them. Fails when nothing could be fetched and the cache has nothing.
pub(crate) fn prepare(app: &App, scope: &Scope, fetch: DateRange) -> Result<Prepared> {
    let accounts = app.select(&scope.providers, &scope.workspaces)?;
    prepare_for(app, scope, accounts, fetch)
}

/// [`prepare`] for accounts already selected.
pub(crate) fn prepare_for(app: &App, scope: &Scope, accounts: Vec<Account>, fetch: DateRange) -> Result<Prepared> {
    let mut store = app.open_store()?;
    let failed = refresh_for_view(app, &mut store, &accounts, fetch, scope.offline, scope.refresh)?;
    let (currency, rates) = match scope.currency {
        Some(currency) => {
            let query = crate::store::CostQuery::all(accounts.clone(), fetch, vec![]);
            (currency, super::fx::rates_for(app, &mut store, &query, currency, scope.offline)?)
        }
        None => (crate::domain::Currency::USD, crate::fx::Rates::default()),
    };
    Ok(Prepared { store, accounts, currency, rates, failed })
}
