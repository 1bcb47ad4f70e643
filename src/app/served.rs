//! The dashboard as the team server serves it (`tui --remote`): the same use case as the local
//! dashboard's, asked for the accounts a token may see. A token limited to workspaces sees
//! those accounts only, and only the budgets that cover nothing else.

use crate::app::App;
use crate::app::dashboard::{Query, Snapshot};
use crate::app::remote::{DASHBOARD_SCHEMA_VERSION, DashboardStart};
use crate::app::views::CostView;
use crate::domain::Account;
use crate::error::{Error, Result};

/// The accounts a token limited to `workspaces` may see (every account when it is not).
fn allowed(app: &App, workspaces: &[String]) -> Result<Vec<Account>> {
    let mut accounts = app.select(&[], &[])?;
    if !workspaces.is_empty() {
        accounts.retain(|a| workspaces.contains(&a.workspace));
    }
    Ok(accounts)
}

/// The activity accounts (Claude Code) a token limited to `workspaces` may see.
fn allowed_activity(app: &App, workspaces: &[String]) -> Vec<Account> {
    let mut accounts = crate::app::activity::configured(app);
    if !workspaces.is_empty() {
        accounts.retain(|a| workspaces.contains(&a.workspace));
    }
    accounts
}

/// `q` narrowed to what the token may see: no accounts asked is all it may see; an account it
/// may not see is refused by name.
fn narrowed(app: &App, mut q: Query, workspaces: &[String]) -> Result<(Query, Vec<Account>)> {
    let allowed = allowed(app, workspaces)?;
    if let Some(other) = q.accounts.iter().find(|a| !allowed.contains(a)) {
        return Err(Error::Usage(format!("this token may not see {other}")));
    }
    let activity = allowed_activity(app, workspaces);
    if let Some(other) = q.activity.iter().find(|a| !activity.contains(a)) {
        return Err(Error::Usage(format!("this token may not see {other}")));
    }
    if q.accounts.is_empty() {
        q.accounts.clone_from(&allowed);
    }
    Ok((q, allowed))
}

/// The accounts to start with, and the server's today.
pub(crate) fn start(app: &App, workspaces: &[String]) -> Result<DashboardStart> {
    Ok(DashboardStart {
        schema_version: DASHBOARD_SCHEMA_VERSION,
        today: app.clock.today(),
        accounts: allowed(app, workspaces)?,
        activity_accounts: allowed_activity(app, workspaces),
    })
}

/// One screen, as `dashboard::run` loads it for the local dashboard.
pub(crate) fn load(app: &App, q: Query, workspaces: &[String]) -> Result<Snapshot> {
    let (q, allowed) = narrowed(app, q, workspaces)?;
    let mut snapshot = crate::app::dashboard::run(app, &q)?;
    if !workspaces.is_empty() {
        snapshot.budgets.retain(|b| b.accounts.iter().all(|a| allowed.contains(a)));
    }
    Ok(snapshot)
}

/// The dashboard's export, as `dashboard::export` computes it for the local dashboard.
pub(crate) fn export(app: &App, q: Query, filter: &str, workspaces: &[String]) -> Result<CostView> {
    let (q, _) = narrowed(app, q, workspaces)?;
    crate::app::dashboard::export(app, &q, filter)
}
