//! A cost answer ready to render: grouped rows with shares and usage, the total, and provenance.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::allocated_rows::TeamScope;
use super::cost_row::Cell;
pub use super::cost_row::CostRow;
use super::cost_row::Labels;
use crate::budget::BudgetRow;
use crate::domain::{Account, Basis, DateRange, Dim, Money, ProviderKind};
use crate::error::Result;
use crate::store::{CostQuery, GroupKey, Store};

#[derive(Clone, Debug)]
pub struct CostView {
    pub accounts: Vec<Account>,
    /// Project filters as the user named them.
    pub project_filter: Vec<String>,
    pub model_filter: Vec<String>,
    pub range: DateRange,
    pub today: NaiveDate,
    pub group_by: Vec<Dim>,
    pub rows: Vec<CostRow>,
    pub total: Money,
    /// Token counts can be shown for this grouping.
    pub usage_shown: bool,
    /// The most recent fetch of any day in view.
    pub updated_at: Option<DateTime<Utc>>,
    /// Accounts with days in the period that were never fetched.
    pub missing_days: Vec<MissingDays>,
    /// Providers in view that never report today (OpenRouter), when the period includes it.
    pub today_not_reported: Vec<ProviderKind>,
    /// Budgets whose scope lies within this view, with their status.
    pub budgets: Vec<BudgetRow>,
    /// The currency every amount of the view is in.
    pub currency: crate::domain::Currency,
    /// The ECB rates used to convert amounts billed in other currencies.
    pub fx: Vec<crate::fx::FxUse>,
    /// `--team`: the one team whose allocated spend the view shows.
    pub team: Option<String>,
    /// Shared costs that could not be split between teams (shown as unallocated).
    pub allocation_notes: Vec<String>,
    /// With estimates: how much of `total` is estimated (rows with `basis` `estimate`).
    pub estimated: Option<Money>,
    /// With estimates: one line per estimated account and day, with its typical error.
    pub estimate_notes: Vec<String>,
}

/// Days of one account that the cache lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingDays {
    pub account: Account,
    pub days: u64,
    /// Of those, days the provider no longer serves: only the cache could have had them.
    pub unfillable: u64,
}

impl CostView {
    /// A view in US dollars; amounts billed in another currency need rates (see `build_in`).
    pub fn build(store: &Store, query: &CostQuery, today: NaiveDate, project_filter: Vec<String>) -> Result<CostView> {
        let rates = store.cached_rates(query, crate::domain::Currency::USD)?;
        CostView::build_in(store, query, today, project_filter, crate::domain::Currency::USD, &rates)
    }

    /// A view in `currency`, converting with `rates` what was billed in others.
    pub fn build_in(
        store: &Store,
        query: &CostQuery,
        today: NaiveDate,
        project_filter: Vec<String>,
        currency: crate::domain::Currency,
        rates: &crate::fx::Rates,
    ) -> Result<CostView> {
        CostView::build_with_teams(store, query, today, project_filter, currency, rates, None)
    }

    /// [`CostView::build_in`], allocating spend to teams when `teams` is given: needed for
    /// `--by team`/`cost_center` and `--team` (token counts are then not shown: a team's part of
    /// a shared account is money only).
    pub fn build_with_teams(
        store: &Store,
        query: &CostQuery,
        today: NaiveDate,
        project_filter: Vec<String>,
        currency: crate::domain::Currency,
        rates: &crate::fx::Rates,
        teams: Option<TeamScope<'_>>,
    ) -> Result<CostView> {
        let names = if query.group_by.contains(&Dim::Project) { store.project_names()? } else { HashMap::new() };
        let labels = Labels::new(names, today, query.range);
        // Teams first: allocated rows split by key themselves when the view asks for keys.
        let (mut rows, fx, usage_shown, notes) = if let Some(scope) = teams {
            let (rows, fx, notes) = super::allocated_rows::rows(store, query, currency, rates, scope, &labels)?;
            (rows, fx, false, notes)
        } else if query.group_by.iter().any(|d| d.is_key()) {
            let (rows, fx) = super::key_rows::rows(store, query, currency, rates, &labels)?;
            (rows, fx, false, Vec::new())
        } else {
            let (costs, fx) = store.aggregate_costs_in(query, currency, rates)?;
            // Grouped by currency: each group's own amount too, as billed, beside the converted one.
            let billed: HashMap<GroupKey, Money> = if query.group_by.contains(&Dim::Currency) {
                store.aggregate_costs(query)?.into_iter().collect()
            } else {
                HashMap::new()
            };
            let mut usage = store.aggregate_usage(query)?;
            let usage_shown = query.group_by.iter().all(|d| d.carries_usage());
            let rows = costs
                .into_iter()
                .map(|(key, cost)| {
                    let row_usage = if usage_shown { Some(usage.remove(&key).unwrap_or_default()) } else { None };
                    let row_billed = billed.get(&key).copied();
                    let GroupKey { values, owner } = key;
                    let cells = query
                        .group_by
                        .iter()
                        .zip(values)
                        .map(|(dim, value)| labels.cell(*dim, &value, owner.as_ref()))
                        .collect();
                    CostRow {
                        cells,
                        owner,
                        share: Decimal::ZERO,
                        cost,
                        usage: row_usage,
                        billed: row_billed,
                        in_cents: None,
                    }
                })
                .collect();
            (rows, fx, usage_shown, Vec::new())
        };
        let total: Money = rows.iter().map(|r| r.cost).sum();
        for row in &mut rows {
            row.share = row.cost.share_of(total);
        }

        sort_rows(&mut rows, &query.group_by);

        let (updated_at, missing_days, today_not_reported) = freshness(store, query, today)?;
        let estimated = query
            .estimates
            .then(|| rows.iter().filter(|r| r.value(Dim::Basis) == Basis::Estimate.as_str()).map(|r| r.cost).sum());
        Ok(CostView {
            accounts: query.accounts.clone(),
            project_filter,
            model_filter: query.models.clone(),
            range: query.range,
            today,
            group_by: query.group_by.clone(),
            rows,
            total,
            usage_shown,
            updated_at,
            missing_days,
            today_not_reported,
            budgets: Vec::new(),
            currency,
            fx,
            team: teams.and_then(|t| t.only.map(str::to_string)),
            allocation_notes: notes,
            estimated,
            estimate_notes: Vec::new(),
        })
    }

    /// A cell as a person reads it: every workspace has a "Default project", so it names its
    /// workspace unless a workspace column does.
    pub fn shown(&self, row: &CostRow, cell: &Cell) -> String {
        match &row.owner {
            Some(owner)
                if cell.dim == Dim::Project && cell.value.is_empty() && !self.group_by.contains(&Dim::Workspace) =>
            {
                format!("{} ({})", cell.label, owner.workspace)
            }
            _ => cell.label.clone(),
        }
    }

    /// Whether the period includes today, whose spend is still growing.
    pub fn includes_today(&self) -> bool {
        self.range.contains(self.today)
    }

    /// Whether every day of every account in view has been fetched.
    pub fn complete(&self) -> bool {
        self.missing_days.is_empty()
    }
}

/// By time (oldest first) when days, weeks or months are grouped, then by cost, largest first;
/// ties by label.
fn sort_rows(rows: &mut [CostRow], dims: &[Dim]) {
    let day_index = dims.iter().position(|d| d.is_time());
    rows.sort_by(|a, b| {
        let by_day = match day_index {
            Some(i) => a.cells[i].value.cmp(&b.cells[i].value),
            None => std::cmp::Ordering::Equal,
        };
        by_day.then(b.cost.cmp(&a.cost)).then_with(|| {
            let la: Vec<&str> = a.cells.iter().map(|c| c.label.as_str()).collect();
            let lb: Vec<&str> = b.cells.iter().map(|c| c.label.as_str()).collect();
            la.cmp(&lb)
        })
    });
}

/// When the view's data was last fetched, the days of each account never fetched (and how many
/// of them can no longer be), and the providers that never report today.
#[expect(clippy::type_complexity, reason = "three facts of one pass over the accounts, named by the caller")]
fn freshness(
    store: &Store,
    query: &CostQuery,
    today: NaiveDate,
) -> Result<(Option<DateTime<Utc>>, Vec<MissingDays>, Vec<ProviderKind>)> {
    let mut updated_at = None;
    let mut missing_days = Vec::new();
    let mut today_not_reported = Vec::new();
    for account in &query.accounts {
        let synced =
            store.synced_days(account.provider.id(), &account.workspace, query.range.since, query.range.until)?;
        updated_at = updated_at.max(synced.iter().map(|(_, at)| *at).max());
        // Imported spend has no missing days: what was imported is all there is.
        if account.provider.is_imported() || store.holds_imports(account)? {
            continue;
        }
        let (oldest, newest) = account.provider.servable_days(today);
        if query.range.contains(today) && newest < today && !today_not_reported.contains(&account.provider) {
            today_not_reported.push(account.provider);
        }
        let fetched: HashSet<NaiveDate> = synced.into_iter().map(|(d, _)| d).collect();
        let missing: Vec<NaiveDate> = query.range.days().filter(|d| *d <= newest && !fetched.contains(d)).collect();
        if !missing.is_empty() {
            let unfillable = missing.iter().filter(|d| oldest.is_some_and(|o| **d < o)).count() as u64;
            missing_days.push(MissingDays { account: account.clone(), days: missing.len() as u64, unfillable });
        }
    }
    Ok((updated_at, missing_days, today_not_reported))
}
