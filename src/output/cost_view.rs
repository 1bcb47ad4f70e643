//! A cost answer ready to render: grouped rows with shares and usage, the total, and provenance.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::allocated_rows::TeamScope;
use super::budgets_out::BudgetRow;
use crate::domain::{Account, DateRange, Dim, Money, ProviderKind, UsageTotals};
use crate::error::Result;
use crate::store::{CostQuery, GroupKey, Store};

/// One grouping value: what the cache holds, and what a person reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub dim: Dim,
    /// The raw value: a project id (`""` for the default project), a day, a model...
    pub value: String,
    /// For people: a project's name, a day marked partial.
    pub label: String,
}

#[derive(Clone, Debug)]
pub struct CostRow {
    pub cells: Vec<Cell>,
    /// `(provider, workspace)` owning the project, when projects are grouped.
    pub owner: Option<(String, String)>,
    pub cost: Money,
    pub share: Decimal,
    pub usage: Option<UsageTotals>,
}

impl CostRow {
    /// The cell of grouping dimension `dim`, if the view groups by it.
    pub fn cell(&self, dim: Dim) -> Option<&Cell> {
        self.cells.iter().find(|c| c.dim == dim)
    }

    /// The raw value of `dim` (`""` when the view does not group by it).
    pub fn value(&self, dim: Dim) -> &str {
        self.cell(dim).map_or("", |c| c.value.as_str())
    }
}

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
        let rates = store.fx_rates(
            &store.currencies_seen(query)?.into_iter().chain([crate::domain::Currency::USD]).collect(),
            query.range.since,
            query.range.until,
        )?;
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
        let (mut rows, fx, usage_shown, notes) = if let Some(scope) = teams {
            let (mut rows, fx, notes) = super::allocated_rows::rows(store, query, currency, rates, scope)?;
            for row in &mut rows {
                for cell in row.cells.iter_mut().filter(|c| !c.dim.is_allocated()) {
                    cell.label = label(cell.dim, &cell.value, row.owner.as_ref(), &names, today, query.range);
                }
            }
            (rows, fx, false, notes)
        } else {
            let (costs, fx) = store.aggregate_costs_in(query, currency, rates)?;
            let mut usage = store.aggregate_usage(query)?;
            let usage_shown = query.group_by.iter().all(|d| d.carries_usage());
            let rows = costs
                .into_iter()
                .map(|(key, cost)| {
                    let row_usage = if usage_shown { Some(usage.remove(&key).unwrap_or_default()) } else { None };
                    let GroupKey { values, owner } = key;
                    let cells = query
                        .group_by
                        .iter()
                        .zip(values)
                        .map(|(dim, value)| {
                            let label = label(*dim, &value, owner.as_ref(), &names, today, query.range);
                            Cell { dim: *dim, value, label }
                        })
                        .collect();
                    CostRow { cells, owner, share: Decimal::ZERO, cost, usage: row_usage }
                })
                .collect();
            (rows, fx, usage_shown, Vec::new())
        };
        let total: Money = rows.iter().map(|r| r.cost).sum();
        for row in &mut rows {
            row.share = row.cost.share_of(total);
        }

        sort_rows(&mut rows, &query.group_by);

        let mut updated_at = None;
        let mut missing_days = Vec::new();
        let mut today_not_reported = Vec::new();
        for account in &query.accounts {
            let synced =
                store.synced_days(account.provider.id(), &account.workspace, query.range.since, query.range.until)?;
            updated_at = updated_at.max(synced.iter().map(|(_, at)| *at).max());
            // Imported spend has no missing days: what was imported is all there is.
            if account.provider.is_imported() {
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
        })
    }

    /// A cell as a person reads it: every workspace has a "Default project", so it names its
    /// workspace unless a workspace column does.
    pub fn shown(&self, row: &CostRow, cell: &Cell) -> String {
        match &row.owner {
            Some((_, workspace))
                if cell.dim == Dim::Project && cell.value.is_empty() && !self.group_by.contains(&Dim::Workspace) =>
            {
                format!("{} ({workspace})", cell.label)
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

/// "Default project", "Default workspace"...: what the provider calls costs outside any project.
pub(crate) fn default_project_label(provider_id: Option<&str>) -> &'static str {
    provider_id.and_then(|p| ProviderKind::from_id(p).ok()).unwrap_or(ProviderKind::OpenAi).default_project_label()
}

fn label(
    dim: Dim,
    value: &str,
    owner: Option<&(String, String)>,
    names: &HashMap<(String, String, String), String>,
    today: NaiveDate,
    range: DateRange,
) -> String {
    match dim {
        Dim::Project if value.is_empty() => default_project_label(owner.map(|(p, _)| p.as_str())).to_string(),
        Dim::Project => owner
            .and_then(|(p, w)| names.get(&(p.clone(), w.clone(), value.to_string())))
            .cloned()
            .unwrap_or_else(|| value.to_string()),
        Dim::Day if value == today.format("%Y-%m-%d").to_string() => format!("{value} (partial)"),
        // A week or month cut by the period's ends, or still running, is not a whole one.
        Dim::Week | Dim::Month => match span(dim, value) {
            Some(s) if s.since < range.since || s.until > range.until.min(today) || s.contains(today) => {
                format!("{value} (partial)")
            }
            _ => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The days of a `--by week` (`2026-W48`) or `--by month` (`2026-11`) value.
fn span(dim: Dim, value: &str) -> Option<DateRange> {
    match dim {
        Dim::Week => {
            let (year, week) = value.split_once("-W")?;
            let monday = NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, chrono::Weekday::Mon)?;
            Some(DateRange::new(monday, monday + chrono::Days::new(6)))
        }
        Dim::Month => {
            let first = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok()?;
            Some(DateRange::new(first, crate::domain::period::last_of_month(first)))
        }
        _ => None,
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
