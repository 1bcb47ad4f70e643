//! `llmcost limits`: budgets as code, enforced by the providers. A budget with
//! `enforce = "provider"` asks its provider to hold the amount as its own spend limit, so spend
//! stops at the provider even when nobody runs llmcost. `plan` shows each provider's limit next
//! to what the config asks, in the provider's units with the conversion; `apply` writes the ones
//! that differ (write keys, journaled like a brake, so `brake --undo N` restores them); `drift`
//! is the CI gate. What a provider cannot enforce is said, never faked.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::App;
use super::answer::Answer;
use super::brake::Clients;
use crate::budget::{Budget, BudgetPeriod};
use crate::domain::Account;
use crate::error::Result;
use crate::providers::info::SpendLimit;
use crate::providers::levers::Lever;

/// Whether the provider's limit is what the config asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    InLine,
    Differs,
    /// The provider cannot hold this budget, and why.
    Cannot(String),
}

/// One budget's limit at one provider.
#[derive(Clone, Debug)]
pub(crate) struct LimitRow {
    pub budget: String,
    pub account: Option<Account>,
    pub lever: Option<Lever>,
    /// The provider's setting now (`{"amount": "45000", "currency": "USD"}`), when read.
    pub now: Option<Value>,
    /// The setting the config asks (`{"amount": "50000"}`).
    pub wanted: Option<Value>,
    /// The budget's amount and its conversion to the provider's unit.
    pub asks: String,
    pub verdict: Verdict,
    /// After `apply`: `applied` or `failed: why`.
    pub outcome: Option<String>,
}

/// `$500.00` in whole cents, `"50000"` (a fraction of a cent is dropped, and said), and how
/// the provider's API takes it (`amount "50000" (minor units: cents)`).
fn minor_units(budget: &Budget, shown: fn(&str) -> String, step_cents: u64) -> (String, String) {
    let exact = budget.amount.decimal() * Decimal::from(100);
    let step = Decimal::from(step_cents.max(1));
    // Cut down to the provider's step (a cent, or GitHub's whole dollar): never above the budget.
    let cents = (exact / step).trunc() * step;
    let note = match (cents == exact, step_cents > 1) {
        (true, _) => "",
        (false, false) => ", a fraction of a cent dropped",
        (false, true) => ", cut to whole dollars",
    };
    let text = cents.normalize().to_string();
    (text.clone(), format!("{} = {} (cents{note})", budget.currency.format(budget.amount), shown(&text)))
}

fn cannot(budget: &Budget, account: Option<Account>, why: String) -> Box<LimitRow> {
    Box::new(LimitRow {
        budget: budget.name.clone(),
        account,
        lever: None,
        now: None,
        wanted: None,
        asks: budget.currency.format(budget.amount),
        verdict: Verdict::Cannot(why),
        outcome: None,
    })
}

/// The lever a budget maps to, or why none.
fn target(app: &App, budget: &Budget) -> std::result::Result<(Account, Lever, Value, String), Box<LimitRow>> {
    let s = &budget.scope;
    if s.team.is_some() || s.model.is_some() {
        return Err(cannot(
            budget,
            None,
            "a provider limit caps an account or a workspace, not a team or a model".into(),
        ));
    }
    let providers: Vec<String> = s.provider.iter().map(|p| p.id().to_string()).collect();
    let workspaces: Vec<String> = s.workspace.iter().cloned().collect();
    let accounts = app.select(&providers, &workspaces).map_err(|e| cannot(budget, None, e.to_string()))?;
    let [account] = accounts.as_slice() else {
        return Err(cannot(budget, None, format!("it covers {} accounts; a provider limit caps one", accounts.len())));
    };
    let limit = match account.provider.info().spend_limit {
        SpendLimit::Lever(limit) => limit,
        SpendLimit::Not(why) => return Err(cannot(budget, Some(account.clone()), why.to_string())),
    };
    if budget.period != BudgetPeriod::Month || budget.start_day != 1 {
        return Err(cannot(
            budget,
            Some(account.clone()),
            format!(
                "{}'s limits are calendar-monthly: a month budget starting on day 1",
                account.provider.display_name()
            ),
        ));
    }
    let (scope_name, scope_prefix) = limit.scope;
    let workspace = match &s.project {
        None => None,
        Some(p) if p.starts_with(scope_prefix) => Some(p.clone()),
        Some(p) => {
            let rows = super::budgets::status(app, std::slice::from_ref(budget))
                .map_err(|e| cannot(budget, None, e.to_string()))?;
            match rows.first().map(|r| r.projects.clone()).unwrap_or_default().as_slice() {
                [id] => Some(id.clone()),
                _ => {
                    return Err(cannot(
                        budget,
                        Some(account.clone()),
                        format!("project '{p}' is not one {} {scope_name}", account.provider.display_name()),
                    ));
                }
            }
        }
    };
    let lever = (limit.lever)(workspace.as_deref());
    let (cents, asks) = minor_units(budget, limit.shown, limit.step_cents);
    Ok((account.clone(), lever, json!({"amount": cents}), asks))
}

/// Every `enforce = "provider"` budget, its provider's limit read now.
pub(crate) fn plan(app: &App) -> Result<Answer<Vec<LimitRow>>> {
    rows(app, &mut Clients::new(app, false))
}

/// The rows, each provider's limit read on `clients` (read keys for a plan, write keys before
/// an apply).
fn rows(app: &App, clients: &mut Clients<'_>) -> Result<Answer<Vec<LimitRow>>> {
    let mut out = Vec::new();
    let mut failed = Vec::new();
    for budget in app.config.budgets.iter().filter(|b| b.enforce_by_provider) {
        let (account, lever, wanted, asks) = match target(app, budget) {
            Ok(t) => t,
            Err(row) => {
                out.push(*row);
                continue;
            }
        };
        let now = if app.is_demo() {
            Ok(crate::demo::spend_limit())
        } else {
            super::brake::read_lever(clients, &account, &lever, &wanted)
        };
        let now = match now {
            Ok(now) => now,
            Err(e) => {
                failed.push(e.to_string());
                continue;
            }
        };
        let currency = now.get("currency").and_then(Value::as_str).unwrap_or("USD");
        let verdict = if currency != budget.currency.as_str() {
            Verdict::Cannot(format!("the organization is billed in {currency}; the budget is in {}", budget.currency))
        } else if now.get("amount") == wanted.get("amount") {
            Verdict::InLine
        } else {
            Verdict::Differs
        };
        out.push(LimitRow {
            budget: budget.name.clone(),
            account: Some(account),
            lever: Some(lever),
            now: Some(now),
            wanted: Some(wanted),
            asks,
            verdict,
            outcome: None,
        });
    }
    Ok(Answer { view: out, failed })
}

/// Writes each limit that differs, journaled first; the plan with each outcome.
pub(crate) fn apply(app: &App) -> Result<Answer<Vec<LimitRow>>> {
    if app.is_demo() {
        return Err(crate::error::Error::Usage("the demo writes nothing: run 'llmcost --demo limits plan'".into()));
    }
    let mut clients = Clients::new(app, true);
    let mut answer = rows(app, &mut clients)?;
    let mut store = app.open_store()?;
    let run = store.next_brake()?;
    for row in answer.view.iter_mut().filter(|r| r.verdict == Verdict::Differs) {
        let (Some(account), Some(lever), Some(now), Some(wanted)) = (&row.account, &row.lever, &row.now, &row.wanted)
        else {
            continue;
        };
        let old = json!({"amount": now.get("amount").cloned().unwrap_or(Value::Null)});
        let outcome =
            super::brake::write_lever(&mut store, &mut clients, (run, "limit"), account, lever, (&old, wanted));
        if let Some(why) = outcome.strip_prefix("failed: ") {
            answer.failed.push(format!("{account}: {}: {why}", lever.id));
        }
        row.outcome = Some(if outcome.starts_with("applied") {
            format!("{outcome} (undo: llmcost brake --undo {run} --apply)")
        } else {
            outcome
        });
    }
    Ok(answer)
}
