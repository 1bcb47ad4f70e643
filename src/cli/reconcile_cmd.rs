//! `llmcost reconcile`: the bill against the price list, model by model, with the likely
//! reason for each difference.

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

Examples:
  llmcost --demo reconcile
  llmcost reconcile --last-month --tolerance 5%
  llmcost reconcile --provider anthropic --format csv > reconcile.csv")]
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
