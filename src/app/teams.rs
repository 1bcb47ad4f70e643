//! The chargeback: a period's spend, converted to one currency, allocated to the config's teams
//! (`crate::teams`), and the checks `teams check` runs over the rules.

use std::collections::{BTreeSet, HashMap};

use super::App;
use super::answer::Answer;
use super::select::{Prepared, Scope, prepare};
use super::views::ChargebackView;
use crate::domain::{Account, Currency, DateRange, Dim, Money};
use crate::error::Result;
use crate::fx::Rates;
use crate::store::{CostQuery, KeyValue, Store};
use crate::teams::allocate::{allocate, allocate_groups};
use crate::teams::{Line, SharedCost, Team};

/// The cached spend of `accounts` in `range`, one line per provider, workspace, project, model
/// and line item (and key, when `teams`' or `shared`'s rules look at keys or people), in
/// `currency`.
pub(crate) fn lines(
    store: &Store,
    accounts: &[Account],
    range: DateRange,
    currency: Currency,
    rates: &Rates,
    (teams, shared): (&[Team], &[SharedCost]),
) -> Result<Vec<(Line, Money)>> {
    let q = CostQuery::all(accounts.to_vec(), range, Line::DIMS.to_vec());
    if crate::teams::needs_keys(teams, shared) {
        let (lines, _) = super::views::key_rows::team_lines(store, &q, &[], currency, rates)?;
        return Ok(lines.into_iter().map(|(_, line, cost)| (line, cost)).collect());
    }
    let names = store.project_names()?;
    let (rows, _) = store.aggregate_costs_in(&q, currency, rates)?;
    Ok(rows.into_iter().filter_map(|(key, cost)| Some((line(&key.values, &names)?, cost))).collect())
}

/// A line from a group key's `provider, workspace, project, model, line_item`.
fn line(values: &[KeyValue], names: &HashMap<(String, String, String), String>) -> Option<Line> {
    let [provider, workspace, project, model, line_item] = values else { return None };
    Some(Line::from_key([provider, workspace, project, model, line_item].map(ToString::to_string), names))
}

/// A team's spend per UTC day, for team budgets and their forecasts. The days of `period` are
/// allocated as `costs --by team,day` allocates that period (shared accounts split in the
/// period's proportions within each day), so a budget's days are that command's rows; the days
/// before it (history for the run rate) are allocated in their own proportions. The last day
/// of the period takes the sub-cent remainder, so the period adds up to the cent to what
/// `llmcost teams` charges the team for it.
#[expect(
    clippy::too_many_arguments,
    reason = "the team split of a period needs its accounts, ranges, currency, rates and team"
)]
pub(crate) fn team_daily(
    app: &super::App,
    store: &Store,
    accounts: &[Account],
    range: DateRange,
    period: DateRange,
    currency: Currency,
    rates: &Rates,
    team: &str,
) -> Result<Vec<(chrono::NaiveDate, Money)>> {
    let q = CostQuery::all(accounts.to_vec(), range, [&[Dim::Day][..], &Line::DIMS].concat());
    let (teams, shared) = (&app.config.teams, &app.config.shared_costs);
    let (mut in_period, mut before) = (Vec::new(), Vec::new());
    let mut keep = |day: chrono::NaiveDate, line: Line, cost: Money| {
        if period.contains(day) { &mut in_period } else { &mut before }.push((day, line, cost));
    };
    if crate::teams::needs_keys(teams, shared) {
        for (group, line, cost) in super::views::key_rows::team_lines(store, &q, &[Dim::Day], currency, rates)?.0 {
            if let Some(KeyValue::Day(day)) = group.values.first() {
                keep(*day, line, cost);
            }
        }
    } else {
        let names = store.project_names()?;
        for (key, cost) in store.aggregate_costs_in(&q, currency, rates)?.0 {
            let Some((KeyValue::Day(day), rest)) = key.values.split_first() else { continue };
            let Some(line) = line(rest, &names) else { continue };
            keep(*day, line, cost);
        }
    }
    let mut daily: std::collections::BTreeMap<chrono::NaiveDate, Money> = std::collections::BTreeMap::new();
    for lines in [&before, &in_period] {
        for (day, _, _) in lines.iter() {
            daily.entry(*day).or_insert(Money::ZERO);
        }
        for (day, t, cost) in allocate_groups(teams, shared, lines).0 {
            if t == team {
                *daily.entry(day).or_insert(Money::ZERO) += cost;
            }
        }
    }
    let period_lines: Vec<(Line, Money)> = in_period.into_iter().map(|(_, l, m)| (l, m)).collect();
    let charged = allocate(teams, shared, &period_lines)
        .teams
        .iter()
        .find(|(t, _)| t == team)
        .map_or(Money::ZERO, |(_, s)| s.total());
    let days_sum: Money = daily.iter().filter(|(d, _)| period.contains(**d)).map(|(_, m)| *m).sum();
    if let Some((_, last)) = daily.iter_mut().rev().find(|(d, _)| period.contains(**d)) {
        *last += charged - days_sum;
    }
    Ok(daily.into_iter().collect())
}

/// What `teams check` finds: rules that match nothing, and lines more than one team's rules
/// match (the first team in the file has them).
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub dead: Vec<String>,
    pub overlaps: Vec<String>,
}

pub(crate) fn check(teams: &[Team], shared: &[SharedCost], lines: &[(Line, Money)]) -> Findings {
    let mut findings = Findings::default();
    for team in teams {
        for rule in &team.rules {
            if !lines.iter().any(|(l, _)| rule.matches(l)) {
                findings.dead.push(format!("team {}: {} matches nothing in the cache", team.name, rule.describe()));
            }
        }
    }
    for (i, s) in shared.iter().enumerate() {
        if !lines.iter().any(|(l, _)| s.rule.matches(l)) {
            findings.dead.push(format!("shared cost #{}: {} matches nothing in the cache", i + 1, s.rule.describe()));
        }
    }
    let mut seen = BTreeSet::new();
    for (line, _) in lines {
        if shared.iter().any(|s| s.rule.matches(line)) {
            continue;
        }
        let claimants: Vec<&str> =
            teams.iter().filter(|t| t.rules.iter().any(|r| r.matches(line))).map(|t| t.name.as_str()).collect();
        if claimants.len() > 1 {
            let project = if line.project_name.is_empty() { &line.project_id } else { &line.project_name };
            let what = format!(
                "{}/{} project {} is claimed by {} (the first, {}, has it)",
                line.provider,
                line.workspace,
                if project.is_empty() { "(default)" } else { project },
                claimants.join(", "),
                claimants[0]
            );
            if seen.insert(what.clone()) {
                findings.overlaps.push(what);
            }
        }
    }
    findings
}

/// The team scope of a view: `only` checked against the config's teams (exact, then any case,
/// else "did you mean"), and none at all when neither `only` nor a team dimension asks for one.
pub(crate) fn scope<'a>(
    teams: &'a [Team],
    shared: &'a [SharedCost],
    only: Option<&'a str>,
    dims: &[Dim],
) -> Result<Option<crate::app::views::allocated_rows::TeamScope<'a>>> {
    if only.is_none() && !dims.iter().any(|d| d.is_allocated()) {
        return Ok(None);
    }
    if teams.is_empty() {
        return Err(crate::error::Error::Usage(
            "no [[teams]] in the config: --team, --by team and --by cost_center need them \
             (see docs/commands.md, 'llmcost teams', or try them with --demo)"
                .into(),
        ));
    }
    let only = match only {
        None => None,
        Some(name) if name == crate::teams::UNALLOCATED || teams.iter().any(|t| t.name == name) => Some(name),
        Some(name) => {
            if let Some(t) = teams.iter().find(|t| t.name.eq_ignore_ascii_case(name)) {
                Some(t.name.as_str())
            } else {
                let known: Vec<String> = teams.iter().map(|t| t.name.clone()).collect();
                let near = super::models::nearest(name, &known);
                return Err(crate::error::Error::Usage(format!(
                    "unknown team '{}'{}; the config's teams are: {}",
                    crate::sanitize::terminal(name),
                    if near.is_empty() { String::new() } else { format!(" (did you mean {}?)", near.join(", ")) },
                    known.join(", ")
                )));
            }
        }
    };
    Ok(Some(crate::app::views::allocated_rows::TeamScope { teams, shared, only }))
}

/// What `llmcost teams` asks: the chargeback of a period, by team or by cost centre, as one
/// period or month by month.
#[derive(Clone, Debug)]
pub(crate) struct ChargebackRequest {
    pub scope: Scope,
    pub range: DateRange,
    pub by_cost_center: bool,
    pub by_month: bool,
}

/// The chargeback of `range` in the view's currency. Each calendar month is allocated on its
/// own when `by_month` (shared costs split in that month's proportions), so a month's chargeback
/// is the same whatever period it is listed in. The report's chargeback is this, in one piece.
pub(crate) fn chargeback_views(
    app: &App,
    p: &Prepared,
    range: DateRange,
    by_cost_center: bool,
    by_month: bool,
) -> Result<Vec<ChargebackView>> {
    let months = if by_month { crate::domain::calendar::months_in(range) } else { vec![range] };
    months
        .into_iter()
        .map(|m| chargeback_view(app, &p.store, &p.accounts, m, p.currency, &p.rates, by_cost_center))
        .collect()
}

/// One period's chargeback, allocated in that period's own proportions.
pub(crate) fn chargeback_view(
    app: &App,
    store: &Store,
    accounts: &[Account],
    range: DateRange,
    currency: Currency,
    rates: &Rates,
    by_cost_center: bool,
) -> Result<ChargebackView> {
    let (teams, shared) = (&app.config.teams, &app.config.shared_costs);
    let lines = lines(store, accounts, range, currency, rates, (teams, shared))?;
    let allocation = allocate(teams, shared, &lines);
    Ok(ChargebackView::build(&app.config.teams, &allocation, range, currency, by_cost_center))
}

/// Days `teams check` looks at without a period: a rule for a team that spends monthly is not
/// dead on the 6th because this month has no spend of it yet.
pub(crate) const CHECK_DAYS: u32 = 90;

pub(crate) fn chargeback(app: &App, req: &ChargebackRequest) -> Result<Answer<Vec<ChargebackView>>> {
    let p = prepare(app, &req.scope, req.range)?;
    let view = chargeback_views(app, &p, req.range, req.by_cost_center, req.by_month)?;
    Ok(Answer { view, failed: p.failed })
}

/// `teams check`'s answer: the rules, the period looked at, and what is wrong with them.
pub(crate) struct RuleCheck {
    pub range: DateRange,
    pub teams: usize,
    pub shared_costs: usize,
    pub findings: Findings,
}

pub(crate) fn check_rules(app: &App, scope: &Scope, range: DateRange) -> Result<Answer<RuleCheck>> {
    let p = prepare(app, scope, range)?;
    let lines =
        lines(&p.store, &p.accounts, range, p.currency, &p.rates, (&app.config.teams, &app.config.shared_costs))?;
    let findings = check(&app.config.teams, &app.config.shared_costs, &lines);
    let view =
        RuleCheck { range, teams: app.config.teams.len(), shared_costs: app.config.shared_costs.len(), findings };
    Ok(Answer { view, failed: p.failed })
}
