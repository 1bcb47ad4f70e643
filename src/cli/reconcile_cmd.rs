//! `llmcost reconcile`: the bill against the price list, model by model, with the likely
//! reason for each difference; with `--against`, the bill against what a gateway (LiteLLM), an
//! observability tool (Langfuse) or a CSV observed.

use clap::Args;
use rust_decimal::Decimal;

use super::App;
use super::args::{Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::error::{Error, Result};
use crate::output::savings_out::{ReconcileView, render_reconcile};

#[derive(Debug, Args)]
#[command(after_help = "\
Each row: billed cost, the same tokens at the list price of each day (llmcost
prices), the difference in dollars and percent, and the likely reason (a batch
or negotiated discount, a price change inside the period, long-context tiers,
line items without tokens, usage not reported). Models the price table does not
know are said to be missing, never priced at 0. Amounts are in USD; the billed
column adds up to what 'llmcost costs' shows.

With --against, each row is a UTC day, provider and model: billed, observed, the
gap, the coverage (observed over billed) and the likely cause: traffic that
bypasses the gateway, failed calls billed without usage, a missing cache
discount, stale prices, a day not billed yet. --fail-below makes it a CI gate
(exit 3 when the share of the bill observed is lower).

Examples:
  llmcost --demo reconcile
  llmcost reconcile --last-month --tolerance 5%
  llmcost reconcile --provider anthropic --format csv > reconcile.csv
  llmcost --demo reconcile --against litellm --last 7
  llmcost reconcile --against langfuse --last-month --fail-below 95%
  llmcost reconcile --against csv --file gateway-spend.csv")]
pub struct ReconcileArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Flag rows whose billed cost is off the list-price cost by more than this, e.g. 2% or 0.5
    #[arg(long, value_name = "PERCENT", default_value = "2%")]
    pub tolerance: String,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
    /// Hold the bill against what this system observed: an [[observed]] source of the config
    /// (litellm, langfuse), or a CSV
    #[arg(long, value_enum, value_name = "SOURCE")]
    pub against: Option<Against>,
    /// --against: the [[observed]] source by name, when there are several of its kind
    #[arg(long, value_name = "NAME", requires = "against")]
    pub observed: Option<String>,
    /// --against csv: the file (columns day, model, cost; optional provider, requests)
    #[arg(long, value_name = "FILE", requires = "against")]
    pub file: Option<std::path::PathBuf>,
    /// --against: exit 3 when less than this share of the bill was observed, e.g. 95%
    #[arg(long, value_name = "PERCENT", requires = "against")]
    pub fail_below: Option<String>,
}

/// `--against`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Against {
    /// LiteLLM's proxy (/user/daily/activity)
    Litellm,
    /// Langfuse (/api/public/metrics/daily)
    Langfuse,
    /// A CSV (--file, or an [[observed]] entry)
    Csv,
}

/// `2%`, `2`, `0.5 %`: a percentage between 0 and 100.
pub(super) fn parse_tolerance(text: &str) -> Result<Decimal> {
    let bad = || Error::Usage(format!("--tolerance {text:?} is not a percentage: use e.g. 2% or 0.5"));
    let number = text.trim().trim_end_matches('%').trim();
    let value: Decimal = number.parse().map_err(|_| bad())?;
    if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        return Err(bad());
    }
    Ok(value.normalize())
}

pub(super) fn run(app: &App, args: ReconcileArgs) -> Result<()> {
    let tolerance = parse_tolerance(&args.tolerance)?;
    let range = args.period.resolve(app.clock.today())?;
    if let Some(against) = args.against {
        return against_observed(app, &args, against, range, tolerance);
    }
    let accounts = app.select(&args.scope.provider, &args.scope.workspace)?;
    let found = crate::app::savings::analyse(app, &accounts, range, args.fresh.offline, args.fresh.refresh, |input| {
        crate::savings::reconcile::reconcile(input, tolerance)
    })?;
    let view = ReconcileView {
        range,
        no_data: found.no_data,
        rows: found.answer,
        tolerance_percent: tolerance,
        prices: found.prices,
    };
    super::write_stdout(|out| render_reconcile(&view, args.format, out))?;
    super::accounts_result(found.failed)
}

/// `reconcile --against`: the bill against another system's daily spend.
fn against_observed(
    app: &App,
    args: &ReconcileArgs,
    against: Against,
    range: crate::domain::DateRange,
    tolerance: Decimal,
) -> Result<()> {
    use crate::observed::Kind;
    let fail_below = args
        .fail_below
        .as_deref()
        .map(|t| {
            parse_tolerance(t)
                .map_err(|_| Error::Usage(format!("--fail-below {t:?} is not a percentage: use e.g. 95%")))
        })
        .transpose()?;
    let request = crate::app::gateway::Request {
        scope: crate::app::select::Scope {
            providers: args.scope.provider.clone(),
            workspaces: args.scope.workspace.clone(),
            offline: args.fresh.offline,
            refresh: args.fresh.refresh,
            currency: Some(crate::domain::Currency::USD),
        },
        range,
        against: match against {
            Against::Litellm => Kind::Litellm,
            Against::Langfuse => Kind::Langfuse,
            Against::Csv => Kind::Csv,
        },
        name: args.observed.clone(),
        file: args.file.clone(),
        tolerance_percent: tolerance,
    };
    let answer = crate::app::gateway::run(app, &request)?;
    super::write_stdout(|out| crate::output::gateway_out::render(&answer.view, args.format, out))?;
    if let (Some(floor), Some(coverage)) = (fail_below, answer.view.coverage) {
        let seen = coverage * Decimal::ONE_HUNDRED;
        if seen < floor {
            return Err(Error::BudgetExceeded(format!(
                "{} observed {:.1}% of the bill, below --fail-below {floor}%",
                answer.view.source, seen
            )));
        }
    }
    answer.into_result()
}

#[cfg(test)]
mod tests {
    use super::parse_tolerance;

    #[test]
    fn tolerances() {
        assert_eq!(parse_tolerance("2%").unwrap().to_string(), "2");
        assert_eq!(parse_tolerance(" 0.5 % ").unwrap().to_string(), "0.5");
        assert!(parse_tolerance("-1").is_err() && parse_tolerance("abc").is_err() && parse_tolerance("101%").is_err());
    }
}
