//! Projects of the accounts in view, with their spend in a period.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Account, DateRange, Money};
use crate::error::Result;
use crate::store::Store;

#[derive(Clone, Debug)]
pub struct ProjectRow {
    pub account: Account,
    /// `""` for the default project.
    pub id: String,
    pub name: String,
    /// `active`, `archived`, or `unlisted` for ids the provider no longer lists.
    pub status: String,
    pub cost: Money,
}

#[derive(Clone, Debug)]
pub struct ProjectsView {
    pub accounts: Vec<Account>,
    pub range: DateRange,
    pub today: NaiveDate,
    pub rows: Vec<ProjectRow>,
    pub total: Money,
    pub updated_at: Option<DateTime<Utc>>,
    /// Budgets whose scope lies within this view, with their status.
    pub budgets: Vec<crate::budget::BudgetRow>,
    /// The currency every amount is in.
    pub currency: crate::domain::Currency,
}

impl ProjectsView {
    pub fn build(store: &Store, accounts: &[Account], range: DateRange, today: NaiveDate) -> Result<ProjectsView> {
        ProjectsView::build_in(store, accounts, range, today, crate::domain::Currency::USD, None)
    }

    /// In `currency`, converting with `rates` (else the cached ECB rates).
    pub fn build_in(
        store: &Store,
        accounts: &[Account],
        range: DateRange,
        today: NaiveDate,
        currency: crate::domain::Currency,
        rates: Option<&crate::fx::Rates>,
    ) -> Result<ProjectsView> {
        let spend = store.project_spend_in(accounts, range, currency, rates)?;
        // "unlisted" means the provider's project list no longer has it: only an account with a
        // list can say so (Azure resources and imported projects have none: "-").
        let with_list: std::collections::HashSet<&Account> =
            spend.iter().filter(|p| p.listed).map(|p| &p.account).collect();
        let with_list: std::collections::HashSet<Account> = with_list.into_iter().cloned().collect();
        let mut rows: Vec<ProjectRow> = spend
            .into_iter()
            .map(|p| ProjectRow {
                status: if p.listed {
                    p.info.status
                } else if p.info.id.is_empty() {
                    "default".to_string()
                } else if with_list.contains(&p.account) {
                    "unlisted".to_string()
                } else {
                    "-".to_string()
                },
                name: if p.info.id.is_empty() {
                    p.account.provider.default_project_label().to_string()
                } else if p.info.name.is_empty() {
                    p.info.id.clone()
                } else {
                    p.info.name
                },
                id: p.info.id,
                account: p.account,
                cost: p.cost,
            })
            .collect();
        rows.sort_by(|a, b| a.account.cmp(&b.account).then(b.cost.cmp(&a.cost)).then(a.name.cmp(&b.name)));
        let total = rows.iter().map(|r| r.cost).sum();
        let mut updated_at = None;
        for a in accounts {
            updated_at = updated_at.max(store.last_sync(a.provider.id(), &a.workspace)?);
        }
        Ok(ProjectsView {
            accounts: accounts.to_vec(),
            range,
            today,
            rows,
            total,
            updated_at,
            budgets: Vec::new(),
            currency,
        })
    }
}
