//! `llmcost budgets`: define budgets in the config file and check them, in CI too.

use clap::{Args, Subcommand, ValueEnum};

use super::App;
use crate::budget::Level;
use crate::config_budgets::RawBudget;
use crate::error::{Error, Result};
use crate::output::budgets_out::{self, BudgetFormat};

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "\
Examples:
  llmcost budgets add team --amount 3000 --period month
  llmcost budgets add edugami-openai --amount 800 --period month \\
      --provider openai --workspace edugami --warn-at 50,80,100
  llmcost budgets add cycle --amount 500 --period month --start-day 15
      A billing cycle from the 15th
  llmcost budgets add per-person --amount 200 --period week --person '*'
      Each person's week, a verdict each
  llmcost budgets add credits --provider openrouter --min-balance 20
      A balance floor: fails below $20 of prepaid credits
  llmcost budgets
      Every budget and how it stands (from the cache)
  llmcost budgets check --format github
      In CI: exit 3 when a budget is exceeded"
)]
pub struct BudgetsArgs {
    #[command(subcommand)]
    pub action: Option<BudgetsAction>,
    /// Output format of the list
    #[arg(long, value_enum, default_value_t = BudgetFormat::Table)]
    pub format: BudgetFormat,
}

#[derive(Debug, Subcommand)]
pub enum BudgetsAction {
    /// Every budget and how it stands, from the cache (the default)
    #[command(after_help = "Examples:\n  llmcost budgets list\n  llmcost budgets list --format json")]
    List {
        #[arg(long, value_enum, default_value_t = BudgetFormat::Table)]
        format: BudgetFormat,
    },
    /// Add a budget to the config file
    #[command(after_help = "\
Examples:
  llmcost budgets add team-monthly --amount 4000 --period month
  llmcost budgets add edugami --amount 499.99 --period month --provider openai \\
      --workspace edugami --warn-at 50,80,100
  llmcost budgets add research-eur --amount 300 --currency EUR --period \\
      quarter --team research")]
    Add(BudgetSpec),
    /// Change some fields of a budget
    #[command(
        after_help = "Examples:\n  llmcost budgets edit team-monthly --amount 5000\n  llmcost budgets edit edugami --warn-at 80,100"
    )]
    Edit(BudgetSpec),
    /// Remove a budget from the config file
    #[command(after_help = "Examples:\n  llmcost budgets remove team-monthly")]
    Remove {
        /// The budget's name
        name: String,
    },
    /// Sync what the budgets need, evaluate them, and exit 3 when one fails
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct BudgetSpec {
    /// A name for the budget: letters, digits, '-', '_' or '.'
    pub name: String,
    /// The limit in US dollars, e.g. 500 or 499.99
    #[arg(long, value_name = "USD")]
    pub amount: Option<String>,
    /// day, week (ISO, Monday first), month, quarter or year: UTC calendar periods; or
    /// rolling-7d, rolling-30d: the last N UTC days
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// The day billing cycles start (1-28) for month, quarter and year budgets
    #[arg(long, value_name = "DAY")]
    pub start_day: Option<i64>,
    /// Only this provider's spend
    #[arg(long, value_name = "PROVIDER")]
    pub provider: Option<String>,
    /// Only this workspace's spend
    #[arg(long, short = 'w', value_name = "NAME")]
    pub workspace: Option<String>,
    /// Only this project's spend (id or exact name)
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,
    /// Only this model's spend
    #[arg(long, value_name = "MODEL")]
    pub model: Option<String>,
    /// Only this team's allocated spend (a [[teams]] name; see llmcost teams)
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
    /// Only this API key's share of the bill (its name or id; see costs --by key)
    #[arg(long, value_name = "KEY", conflicts_with = "person")]
    pub key: Option<String>,
    /// Only this person's share (a key owner, as costs --by person names them), or '*': every
    /// person against the amount, each a verdict of their own
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// A balance floor instead of a spend budget: the prepaid balance of --provider (openrouter,
    /// xai, deepseek) must stay above this amount; `budgets check` fails below it and warns a
    /// week ahead
    #[arg(long, value_name = "AMOUNT", conflicts_with_all = ["amount", "period", "key", "person", "team"])]
    pub min_balance: Option<String>,
    /// Percentages of the amount that raise a warning [default: 50,80,100]
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub warn_at: Option<Vec<i64>>,
    /// The currency of the amount (ISO 4217, e.g. EUR) [default: USD]; spend is converted into it
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// With add: replace a budget of the same name
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum FailOn {
    /// Spend so far is over a budget
    Exceeded,
    /// Spend, or the forecast to the period's end, is over a budget
    Forecast,
    /// Any warning threshold is crossed
    Warning,
}

impl FailOn {
    /// Whether `level` fails the gate as spend; missing data fails it as "could not check".
    fn fails(self, level: Level) -> bool {
        !level.is_unknown()
            && level
                >= match self {
                    FailOn::Exceeded => Level::Exceeded,
                    FailOn::Forecast => Level::ForecastExceeded,
                    FailOn::Warning => Level::Warning,
                }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "\
Exit codes: 0 every budget passes; 3 a budget fails the --fail-on condition; 1
the check could not be made (network, key, provider); 2 bad usage or config.

Examples:
  llmcost budgets check
  llmcost budgets check team --fail-on forecast
  llmcost --config budgets.toml budgets check --format github --fail-open
  llmcost budgets check --include-estimate --fail-on exceeded
      Today's estimate counts too: an hour-old runaway fails the same day")]
pub struct CheckArgs {
    /// Only these budgets [default: all]
    pub names: Vec<String>,
    #[arg(long, value_enum, default_value_t = BudgetFormat::Table)]
    pub format: BudgetFormat,
    /// Use the cache as it is: no network
    #[arg(long)]
    pub offline: bool,
    /// What fails the check (exit 3)
    #[arg(long, value_enum, default_value_t = FailOn::Exceeded)]
    pub fail_on: FailOn,
    /// When the check cannot be made because of an outage (network, timeout, a provider's 5xx or
    /// throttling), warn and exit 0 instead of 1; a wrong or missing key still fails
    #[arg(long)]
    pub fail_open: bool,
    /// Send each newly crossed threshold to the [[notify]] channels (once per budget period)
    #[arg(long)]
    pub notify: bool,
    /// With --notify: show what would be sent, send and record nothing
    #[arg(long, requires = "notify")]
    pub dry_run: bool,
    /// Brake each exceeded budget that has `brake = true` (its scope's keys and rate limits,
    /// with the write keys; see 'llmcost brake'); its alert carries the undo command
    #[arg(long)]
    pub enforce: bool,
    /// Count llmcost's estimate of the days whose bill has not arrived (as a budget's
    /// `include_estimate = true` does); the verdict says how much was estimated
    #[arg(long)]
    pub include_estimate: bool,
}

pub(super) fn run(app: &App, args: BudgetsArgs) -> Result<()> {
    match args.action {
        None => list(app, args.format),
        Some(BudgetsAction::List { format }) => list(app, format),
        Some(BudgetsAction::Add(spec)) => add(app, spec),
        Some(BudgetsAction::Edit(spec)) => edit(app, spec),
        Some(BudgetsAction::Remove { name }) => remove(app, &name),
        Some(BudgetsAction::Check(args)) => check(app, args),
    }
}

fn list(app: &App, format: BudgetFormat) -> Result<()> {
    if app.config.budgets.is_empty() {
        return Err(crate::app::budgets::no_budgets());
    }
    let rows = crate::app::budgets::status(app, &app.config.budgets)?;
    super::write_stdout(|out| budgets_out::render(&rows, app.clock.today(), format, out))
}

fn raw_from(spec: &BudgetSpec, base: Option<&RawBudget>) -> RawBudget {
    let mut raw = base.cloned().unwrap_or_default();
    raw.name = Some(spec.name.clone());
    // Keep exact decimals as strings; whole dollars as integers.
    let amount = |a: &String| match a.trim().parse::<i64>() {
        Ok(i) => toml::Value::Integer(i),
        Err(_) => toml::Value::String(a.trim().to_string()),
    };
    if let Some(a) = &spec.amount {
        raw.amount = Some(amount(a));
    }
    if let Some(a) = &spec.min_balance {
        raw.min_balance = Some(amount(a));
    }
    let set = |field: &mut Option<String>, value: &Option<String>| {
        if let Some(v) = value {
            *field = Some(v.clone()).filter(|v| !v.is_empty());
        }
    };
    set(&mut raw.period, &spec.period);
    set(&mut raw.provider, &spec.provider);
    set(&mut raw.workspace, &spec.workspace);
    set(&mut raw.project, &spec.project);
    set(&mut raw.model, &spec.model);
    set(&mut raw.team, &spec.team);
    set(&mut raw.key, &spec.key);
    set(&mut raw.person, &spec.person);
    if spec.start_day.is_some() {
        raw.start_day = spec.start_day;
    }
    if spec.warn_at.is_some() {
        raw.warn_at = spec.warn_at.clone();
    }
    if spec.currency.is_some() {
        raw.currency = spec.currency.clone();
    }
    raw
}

fn save(app: &App, raw: &RawBudget, replace: bool, verb: &str) -> Result<()> {
    if raw.min_balance.is_some() {
        let floor = crate::app::budget_file::save_floor_checked(app, raw, replace)?;
        let whose = match (&floor.provider, &floor.workspace) {
            (Some(p), Some(w)) => format!("{}/{w}", p.info().display),
            (Some(p), None) => p.info().display.to_string(),
            (None, _) => "every prepaid account".to_string(),
        };
        app.note(&format!(
            "{verb} balance floor '{}': {whose} at least {}, saved in {}",
            floor.name,
            floor.currency.format(floor.min),
            app.config_path.display()
        ));
        return Ok(());
    }
    let budget = crate::app::budget_file::save_checked(app, raw, replace)?;
    app.note(&format!(
        "{verb} budget '{}': {} per {}, saved in {}",
        budget.name,
        budget.currency.format(budget.amount),
        budget.period.name(),
        app.config_path.display()
    ));
    Ok(())
}

fn add(app: &App, spec: BudgetSpec) -> Result<()> {
    if spec.min_balance.is_none() && (spec.amount.is_none() || spec.period.is_none()) {
        return Err(Error::Usage(
            "budgets add needs --amount and --period (or --min-balance with --provider, for a balance floor)".into(),
        ));
    }
    let raw = raw_from(&spec, None);
    save(app, &raw, spec.force, "Added")
}

fn edit(app: &App, spec: BudgetSpec) -> Result<()> {
    let base = crate::app::budget_file::find_raw(&app.config, &spec.name)
        .ok_or_else(|| Error::Usage(format!("no budget named '{}': see 'llmcost budgets list'", spec.name)))?;
    let raw = raw_from(&spec, Some(base));
    save(app, &raw, true, "Updated")
}

fn remove(app: &App, name: &str) -> Result<()> {
    crate::app::budget_file::remove_named(app, name)?;
    app.note(&format!("Removed budget '{name}'."));
    Ok(())
}

fn check(app: &App, args: CheckArgs) -> Result<()> {
    let today = app.clock.today();
    let request = crate::app::budgets::CheckRequest {
        names: args.names.clone(),
        offline: args.offline,
        include_estimate: args.include_estimate,
    };
    let mut checked = crate::app::budgets::check(app, &request)?;
    let mut brake_failures = Vec::new();
    if args.enforce {
        for (budget, answer) in crate::app::brake::enforce(app, &mut checked.rows)? {
            brake_failures.extend(answer.failed.iter().map(|f| format!("brake for budget {budget}: {f}")));
            crate::output::tell(&crate::output::brake_out::enforced(&budget, &answer.view), true);
        }
    }
    let (notifications, mut channel_failures) = if args.notify {
        let (messages, failures) = notify(app, &checked.rows, &checked.floors, args.dry_run)?;
        (Some(messages), failures)
    } else {
        (None, Vec::new())
    };
    channel_failures.extend(brake_failures);
    super::write_stdout(|out| {
        budgets_out::render_with(&checked.rows, &checked.floors, today, args.format, notifications, out)
    })?;
    if args.format == BudgetFormat::Github {
        let summary = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty());
        budgets_out::append_step_summary(summary.as_deref(), &checked.rows, today)?;
    }
    verdict(app, &args, &checked, channel_failures)
}

/// Sends the alerts due (or says what would be sent, with `--dry-run`); returns the messages
/// for the JSON document and the channels that failed.
fn notify(
    app: &App,
    rows: &[crate::budget::BudgetRow],
    floors: &[crate::app::balances::FloorRow],
    dry_run: bool,
) -> Result<(Vec<serde_json::Value>, Vec<String>)> {
    if app.config.channels.is_empty() {
        return Err(Error::Config(
            "no [[notify]] channels in the config: add one (see 'llmcost budgets check --help' and docs/commands.md, 'Alerts')"
                .into(),
        ));
    }
    let mut log = crate::app::alerts::DeliveryLog::open(app)?;
    let mut messages = crate::notify::due(&app.config.channels, rows, &log, app.clock.now())?;
    messages.extend(crate::notify::floors::due(&app.config.channels, floors, &log, app.clock.now())?);
    if !dry_run && !messages.is_empty() {
        crate::notify::send_all(app, &app.config.channels, &mut messages, &mut log, true)?;
    }
    let mut failures = Vec::new();
    for m in &messages {
        match &m.outcome {
            Some(Err(e)) => failures.push(format!(
                "notify channel '{}': {} for budget {}: {e}",
                m.channel,
                m.event.name(),
                m.budget
            )),
            Some(Ok(())) => app.note(&format!(
                "notified '{}': budget {} {}",
                m.channel,
                m.budget,
                match m.event {
                    crate::notify::payload::Event::Crossed(t) => format!("crossed {t}%"),
                    _ => m.event.name().to_string(),
                }
            )),
            None => app.note(&format!("would notify '{}': budget {} ({})", m.channel, m.budget, m.event.name())),
        }
    }
    Ok((messages.iter().map(crate::notify::Message::to_json).collect(), failures))
}

/// The gate: exit 3 for a budget that fails `--fail-on`, else an error for what could not be
/// checked (outages pass with `--fail-open`; a setup problem or missing data never does unless
/// `--fail-open` says so for the data), else for channels that failed.
fn verdict(
    app: &App,
    args: &CheckArgs,
    checked: &crate::app::budgets::Checked,
    channel_failures: Vec<String>,
) -> Result<()> {
    let (failed, setup_failures) = (&checked.failed, &checked.setup_failures);
    if !failed.is_empty() {
        if !args.fail_open {
            return Err(Error::Accounts(failed.clone()));
        }
        if !setup_failures.is_empty() {
            app.note("--fail-open does not cover these: they are setup problems, not outages");
            return Err(Error::Accounts(setup_failures.clone()));
        }
        for f in failed {
            app.note(&format!("warning: could not check: {f}"));
        }
        app.note("warning: --fail-open: budgets were evaluated from the cache as it was");
    }
    // A budget whose spend was never fetched for its period is not "ok": it is unknown (the
    // verdict says so in every format; this says which accounts).
    let no_data = checked.no_data(args.offline);
    let failing: Vec<String> = checked
        .rows
        .iter()
        .filter(|r| args.fail_on.fails(r.status.level))
        .map(|r| format!("{} ({})", r.budget.name, r.status.level))
        .chain(
            checked
                .floors
                .iter()
                .filter(|f| args.fail_on.fails(f.level))
                .map(|f| format!("{} at {} ({})", f.floor.name, f.account, f.level)),
        )
        .collect();
    if !failing.is_empty() {
        for f in &channel_failures {
            app.note(&format!("error: {f}"));
        }
        return Err(Error::BudgetExceeded(format!(
            "{} budget(s) failed the check: {}",
            failing.len(),
            failing.join(", ")
        )));
    }
    if !no_data.is_empty() {
        if args.fail_open {
            for n in &no_data {
                app.note(&format!("warning: {n}"));
            }
        } else {
            return Err(Error::Accounts(no_data.into_iter().chain(channel_failures).collect()));
        }
    }
    if channel_failures.is_empty() { Ok(()) } else { Err(Error::Accounts(channel_failures)) }
}
