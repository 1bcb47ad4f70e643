//! `llmcost teams`: the chargeback by team or cost centre from `[[teams]]` and
//! `[[shared_costs]]`, and `teams check` for rules that overlap or match nothing.

use clap::{Args, Subcommand, ValueEnum};

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs};
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

fn scope(app: &App, a: &ChargebackArgs) -> Result<crate::app::select::Scope> {
    super::args::scope(app, &a.scope, a.fresh, &a.currency)
}

fn chargeback(app: &App, a: ChargebackArgs) -> Result<()> {
    let by_cost_center = a.by.contains(&By::CostCenter);
    if by_cost_center && a.by.contains(&By::Team) {
        return Err(Error::Usage("--by takes team or cost-center, not both (add month to either)".into()));
    }
    let request = crate::app::teams::ChargebackRequest {
        scope: scope(app, &a)?,
        range: a.period.resolve(app.clock.today())?,
        by_cost_center,
        by_month: a.by.contains(&By::Month),
    };
    let answer = crate::app::teams::chargeback(app, &request)?;
    super::write_stdout(|out| crate::output::teams_out::render_all(&answer.view, a.format, out))?;
    answer.into_result()
}

fn check(app: &App, a: ChargebackArgs) -> Result<()> {
    let today = app.clock.today();
    let spec = if a.period.is_set() {
        a.period.spec()?
    } else {
        crate::domain::PeriodSpec::Last(crate::app::teams::CHECK_DAYS)
    };
    let range = spec.resolve(today).map_err(|e| Error::Usage(e.to_string()))?;
    let answer = crate::app::teams::check_rules(app, &scope(app, &a)?, range)?;
    let c = &answer.view;
    let mut out = vec![format!(
        "{} team(s), {} shared cost rule(s), checked against cached spend {} to {} (UTC days)",
        c.teams, c.shared_costs, c.range.since, c.range.until
    )];
    for d in &c.findings.dead {
        out.push(format!("dead rule: {d}"));
    }
    for o in &c.findings.overlaps {
        out.push(format!("overlap: {o}"));
    }
    let problems = c.findings.dead.len() + c.findings.overlaps.len();
    if problems == 0 {
        out.push("ok: every rule matches spend, and no spend is claimed twice".into());
    }
    super::write_stdout(|w: &mut dyn std::io::Write| {
        for line in &out {
            writeln!(w, "{}", crate::output::text::prose(&crate::sanitize::terminal(line)))?;
        }
        Ok(())
    })?;
    if problems > 0 { Err(Error::Problems { what: "teams check", count: problems }) } else { answer.into_result() }
}
