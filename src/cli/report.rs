//! `llmcost report`: the period's story, with comparisons, forecast, movers and anomalies.

use std::path::PathBuf;

use clap::Args;

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs, TeamArgs};
use crate::app::report::ReportView;
use crate::domain::Dim;
use crate::error::{Error, Result};
use crate::output::{self, report_out};

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
    /// The buckets beside the daily story: none for `day`.
    fn dim(self) -> Option<Dim> {
        match self {
            Bucket::Day => None,
            Bucket::Week => Some(Dim::Week),
            Bucket::Month => Some(Dim::Month),
        }
    }
}

pub(super) fn run(app: &App, args: ReportArgs) -> Result<()> {
    let today = app.clock.today();
    let (range, period_end) = if args.period.is_set() {
        (args.period.resolve(today)?, args.period.calendar_end(today)?)
    } else {
        let (range, end) = crate::app::report::default_period(today);
        (range, Some(end))
    };
    let request = crate::app::report::Request {
        scope: super::args::scope(app, &args.scope, args.fresh, &args.currency)?,
        projects: args.project.clone(),
        team: args.team.team.clone(),
        range,
        period_end,
        by: args.by.dim(),
        rows_only: args.format == Format::Csv,
    };
    let answer = crate::app::report::run(app, &request)?;
    let reported = &answer.view;
    for note in
        reported.current.allocation_notes.iter().cloned().chain(output::text::incomplete_notes(&reported.current))
    {
        app.note(&note);
    }
    let mut bytes = Vec::new();
    let failed_write = |e: std::io::Error| Error::Runtime(e.to_string());
    match (&reported.view, args.format) {
        (ReportView::Rows(rows), _) => output::render_costs(rows, Format::Csv, &mut bytes).map_err(failed_write)?,
        (ReportView::Story(r), Format::Table) => {
            report_out::render_table(r, &reported.accounts, &mut bytes).map_err(failed_write)?;
        }
        (ReportView::Story(r), Format::Markdown) => bytes = report_out::markdown(r, &reported.accounts).into_bytes(),
        (ReportView::Story(r), _) => {
            crate::output::json_out::write_doc(&report_out::json(r, &reported.accounts), &mut bytes)
                .map_err(|e| Error::io("cannot write the report as JSON", e))?;
        }
    }
    match &args.out {
        Some(path) => {
            crate::config::write_atomically(path, &bytes)?;
            app.note(&format!("Wrote {}", path.display()));
        }
        None => super::write_stdout(|out| out.write_all(&bytes))?,
    }
    answer.into_result()
}
