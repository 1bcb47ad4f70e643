//! `llmcost report`: the period's story, with comparisons, forecast, movers and anomalies.

use std::path::PathBuf;

use chrono::{Datelike, Days};
use clap::Args;

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs, TeamArgs};
use crate::domain::period::{first_of_month, last_of_month};
use crate::domain::{DateRange, Dim};
use crate::error::{Error, Result};
use crate::output::{self, CostView, report_out};
use crate::report;
use crate::store::{CostQuery, Store};

/// On the first days of a month, the default report is the month just ended.
const LAST_MONTH_UNTIL_DAY: u32 = 3;

#[derive(Debug, Args)]
#[command(after_help = "\
Default period: the last complete month when run on the 1st to 3rd of a month,
otherwise this month to date.

Examples:
  llmcost report
      This month so far (or last month, early on)
  llmcost report --month 2026-10 --format markdown
      October's review, ready for an email
  llmcost report --last 90 --format csv --out spend.csv
      One row per day x provider x workspace x project x model
  llmcost report --workspace edugami --format json
  llmcost report --year --by month --format csv
      One row per month x provider x workspace x project x model
  llmcost report --last-month --team learning
      One team's month (shared parts included)

With [[teams]] in the config, the report ends with the chargeback by team and
cost centre.")]
pub struct ReportArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Only this project (repeatable): its id or its exact name
    #[arg(long, value_name = "ID")]
    pub project: Vec<String>,
    #[command(flatten)]
    pub team: TeamArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Output format (csv is the tidy per-day table)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Write to FILE (atomically: never half a file) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
    #[command(flatten)]
    pub currency: CurrencyArgs,
    /// Time buckets of the CSV's rows and of a "By week"/"By month" section: day, week (ISO), month
    #[arg(long, value_enum, default_value_t = Bucket::Day)]
    pub by: Bucket,
}

/// `report --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Bucket {
    Day,
    Week,
    Month,
}

impl Bucket {
    fn dim(self) -> Dim {
        match self {
            Bucket::Day => Dim::Day,
            Bucket::Week => Dim::Week,
            Bucket::Month => Dim::Month,
        }
    }
}

/// The range to report and the end of its calendar period.
fn period(app: &App, args: &PeriodArgs) -> Result<(DateRange, Option<chrono::NaiveDate>)> {
    let today = app.clock.today();
    if !args.is_set() && today.day() <= LAST_MONTH_UNTIL_DAY {
        let last_month = first_of_month(today) - Days::new(1);
        let range = DateRange::new(first_of_month(last_month), last_of_month(last_month));
        return Ok((range, Some(range.until)));
    }
    Ok((args.resolve(today)?, args.calendar_end(today)?))
}

pub(super) fn run(app: &App, args: ReportArgs) -> Result<()> {
    let (range, period_end) = period(app, &args.period)?;
    let today = app.clock.today();
    let accounts = app.select(&args.scope.provider, &args.scope.workspace)?;
    let teams = args.team.resolve(app, &[])?;
    let mut store: Store = app.open_store()?;
    let window = DateRange::new(report::window_start(range), range.until);
    let failed = crate::app::projects::refresh_for_view(
        app,
        &mut store,
        &accounts,
        window,
        args.fresh.offline,
        args.fresh.refresh,
    )?;
    let projects = crate::app::projects::resolve_projects(&store, &accounts, &args.project)?;
    let query = |r: DateRange| CostQuery {
        accounts: accounts.clone(),
        projects: projects.clone(),
        models: vec![],
        range: r,
        group_by: crate::app::report::FACT_DIMS.to_vec(),
    };
    let currency = args.currency.resolve(app)?;
    let rates = crate::app::fx::rates_for(app, &mut store, &query(window), currency, args.fresh.offline)?;
    let current =
        CostView::build_with_teams(&store, &query(range), today, args.project.clone(), currency, &rates, teams)?;
    for note in &current.allocation_notes {
        app.note(note);
    }
    for note in output::text::incomplete_notes(&current) {
        app.note(&note);
    }

    let mut bytes = Vec::new();
    if args.format == Format::Csv {
        let csv_view = match args.by {
            Bucket::Day => current,
            other => {
                let mut q = query(range);
                q.group_by[0] = other.dim();
                CostView::build_with_teams(&store, &q, today, args.project.clone(), currency, &rates, teams)?
            }
        };
        output::render_costs(&csv_view, Format::Csv, &mut bytes).map_err(|e| Error::Runtime(e.to_string()))?;
    } else {
        let r = crate::app::report::build(
            app,
            &mut store,
            &crate::app::report::Request {
                accounts: &accounts,
                projects: &projects,
                range,
                window,
                period_end,
                current,
                currency,
                rates: &rates,
                teams,
                by_week: (args.by != Bucket::Day).then_some(args.by == Bucket::Week),
                offline: args.fresh.offline,
            },
        )?;
        match args.format {
            Format::Table => {
                report_out::render_table(&r, &accounts, &mut bytes).map_err(|e| Error::Runtime(e.to_string()))?;
            }
            Format::Markdown => bytes = report_out::markdown(&r, &accounts).into_bytes(),
            Format::Json => {
                crate::output::json_out::write_doc(&report_out::json(&r, &accounts), &mut bytes)
                    .map_err(|e| Error::io("cannot write the report as JSON", e))?;
            }
            Format::Csv => unreachable!("handled above"),
        }
    }
    match &args.out {
        Some(path) => {
            crate::config::write_atomically(path, &bytes)?;
            app.note(&format!("Wrote {}", path.display()));
        }
        None => super::write_stdout(|out| out.write_all(&bytes))?,
    }
    if !failed.is_empty() {
        return Err(Error::Accounts(failed));
    }
    Ok(())
}
