//! `llmcost teams`: the chargeback by team or cost centre from `[[teams]]` and
//! `[[shared_costs]]`, and `teams check` for rules that overlap or match nothing.

use clap::{Args, Subcommand, ValueEnum};

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::app::views::ChargebackView;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "\
Examples:
  llmcost teams
      This month's spend per team, shared costs split
  llmcost teams --last-month --by cost-center --format csv > chargeback.csv
  llmcost teams --this-quarter --by team,month --format csv
      One row per team and month
  llmcost teams --year --currency EUR --format markdown
  llmcost teams check
      Rules that overlap or match nothing in the cache

Teams are described once in the config:
  [[teams]]
  name = \"learning\"
  cost_center = \"CC-100\"
  match = [ { provider = \"openai\", workspace = \"edugami\", project = \\
      \"proj_edu_t*\" } ]

  [[shared_costs]]
  match = { provider = \"openai\", workspace = \"memoways\" }
  split = { learning = 60, media = 40 }        # or split = \"proportional\""
)]
pub struct TeamsArgs {
    #[command(subcommand)]
    pub action: Option<TeamsAction>,
    #[command(flatten)]
    pub view: ChargebackArgs,
}

#[derive(Debug, Subcommand)]
pub enum TeamsAction {
    /// Rules that match nothing in the cache, and spend more than one team's rules claim
    #[command(after_help = "\
Examples:
  llmcost teams check
  llmcost teams check --year     Look at a whole year of cached spend")]
    Check(ChargebackArgs),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum By {
    #[default]
    Team,
    /// Also written cost_center, as `costs --by` writes it
    #[value(alias = "cost_center")]
    CostCenter,
    /// Each calendar month of the period on its own (with team or cost-center)
    Month,
}

#[derive(Debug, Args)]
pub struct ChargebackArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// One row per team, or per cost centre; add month for each calendar month on its own
    /// (`--by team,month`)
    #[arg(long, value_enum, value_delimiter = ',', default_value = "team")]
    pub by: Vec<By>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
    #[command(flatten)]
    pub currency: CurrencyArgs,
}

pub(super) fn run(app: &App, args: TeamsArgs) -> Result<()> {
    if app.config.teams.is_empty() && app.config.shared_costs.is_empty() {
        return Err(Error::Usage(format!(
            "no teams defined: add [[teams]] to {} (see llmcost teams --help)",
            app.config_path.display()
        )));
    }
    match args.action {
        None => chargeback(app, args.view),
        Some(TeamsAction::Check(a)) => check(app, a),
    }
}

/// A period's lines in one currency.
struct Lines {
    lines: Vec<(crate::teams::Line, crate::domain::Money)>,
    range: crate::domain::DateRange,
}

/// Days `teams check` looks at without a period flag: a rule for a team that spends monthly
/// is not dead on the 6th because this month has no spend of it yet.
const CHECK_DAYS: u32 = 90;

fn lines_in(app: &App, a: &ChargebackArgs, range: crate::domain::DateRange) -> Result<Lines> {
    let p = prepare(app, a, range)?;
    let lines = crate::app::teams::lines(&p.store, &p.accounts, range, p.currency, &p.rates)?;
    Ok(Lines { lines, range })
}

/// The cache refreshed for `range` and the rates to show it in the reporting currency.
struct Prepared {
    store: crate::store::Store,
    accounts: Vec<crate::domain::Account>,
    rates: crate::fx::Rates,
    currency: crate::domain::Currency,
    failed: Vec<String>,
}

fn prepare(app: &App, a: &ChargebackArgs, range: crate::domain::DateRange) -> Result<Prepared> {
    let accounts = app.select(&a.scope.provider, &a.scope.workspace)?;
    let mut store = app.open_store()?;
    let failed =
        crate::app::select::refresh_for_view(app, &mut store, &accounts, range, a.fresh.offline, a.fresh.refresh)?;
    let currency = a.currency.resolve(app)?;
    let q = crate::store::CostQuery::all(accounts.clone(), range, vec![]);
    let rates = crate::app::fx::rates_for(app, &mut store, &q, currency, a.fresh.offline)?;
    Ok(Prepared { store, accounts, rates, currency, failed })
}

fn chargeback(app: &App, a: ChargebackArgs) -> Result<()> {
    let by_cost_center = a.by.contains(&By::CostCenter);
    if by_cost_center && a.by.contains(&By::Team) {
        return Err(Error::Usage("--by takes team or cost-center, not both (add month to either)".into()));
    }
    let range = a.period.resolve(app.clock.today())?;
    let Prepared { store, accounts, rates, currency, failed } = prepare(app, &a, range)?;
    // Each calendar month allocated on its own (shared costs split in that month's proportions),
    // so a month's chargeback is the same whatever period it is listed in.
    let months = if a.by.contains(&By::Month) { crate::domain::calendar::months_in(range) } else { vec![range] };
    let mut views: Vec<ChargebackView> = Vec::new();
    for m in months {
        let lines = crate::app::teams::lines(&store, &accounts, m, currency, &rates)?;
        let allocation = crate::teams::allocate::allocate(&app.config.teams, &app.config.shared_costs, &lines);
        views.push(ChargebackView::build(&app.config.teams, &allocation, m, currency, by_cost_center));
    }
    super::write_stdout(|out| crate::output::teams_out::render_all(&views, a.format, out))?;
    if !failed.is_empty() {
        return Err(Error::Accounts(failed));
    }
    Ok(())
}

fn check(app: &App, a: ChargebackArgs) -> Result<()> {
    let today = app.clock.today();
    let spec = if a.period.is_set() { a.period.spec()? } else { crate::domain::PeriodSpec::Last(CHECK_DAYS) };
    let range = spec.resolve(today).map_err(|e| Error::Usage(e.to_string()))?;
    let Lines { lines, range, .. } = lines_in(app, &a, range)?;
    let findings = crate::app::teams::check(&app.config.teams, &app.config.shared_costs, &lines);
    let mut out = vec![format!(
        "{} team(s), {} shared cost rule(s), checked against cached spend {} to {} (UTC days)",
        app.config.teams.len(),
        app.config.shared_costs.len(),
        range.since,
        range.until
    )];
    for d in &findings.dead {
        out.push(format!("dead rule: {d}"));
    }
    for o in &findings.overlaps {
        out.push(format!("overlap: {o}"));
    }
    let problems = findings.dead.len() + findings.overlaps.len();
    if problems == 0 {
        out.push("ok: every rule matches spend, and no spend is claimed twice".into());
    }
    super::write_stdout(|w: &mut dyn std::io::Write| {
        for line in &out {
            writeln!(w, "{}", crate::output::sanitize::terminal(line))?;
        }
        Ok(())
    })?;
    if problems > 0 { Err(Error::Problems { what: "teams check", count: problems }) } else { Ok(()) }
}
