//! `llmcost import`: spend of vendors without a billing API, from llmcost's CSV or a FOCUS CSV.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::App;
use crate::domain::{Account, ProviderKind};
use crate::error::{Error, Result};
use crate::store::imports::Replace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ImportFormat {
    /// llmcost's CSV: date, model, cost, and optional project, currency, tokens, requests
    #[default]
    Csv,
    /// A FOCUS 1.x CSV (AWS Data Exports, Azure FocusCost, Google's FOCUS view); gzip accepted
    Focus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReplaceWhat {
    /// The days the file covers (a re-import never double counts)
    Days,
    /// The workspace's whole imported history
    All,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost import groq-november.csv --provider groq --workspace team
  llmcost import mistral.csv --provider mistral --workspace research \\
      --replace all
  llmcost import focus-export.csv.gz --format focus --provider azure-focus \\
      --workspace prod

The CSV has a header row; columns in any order: date (YYYY-MM-DD, UTC), model,
cost (required), project, provider, workspace, currency (USD), input_tokens,
output_tokens, requests (optional). A malformed row is exit 2 naming the line
and column, and nothing is imported.")]
pub struct ImportArgs {
    /// The file (UTF-8; a BOM is accepted; gzip-compressed files too)
    pub file: PathBuf,
    /// The vendor: any id that is not an API provider (groq, together, mistral, deepseek...)
    #[arg(long, value_name = "ID")]
    pub provider: String,
    /// The account at that vendor, e.g. the team's
    #[arg(long, short = 'w', value_name = "NAME")]
    pub workspace: String,
    /// The file's format
    #[arg(long, value_enum, default_value_t)]
    pub format: ImportFormat,
    /// FOCUS: keep these ServiceName values instead of ServiceCategory "AI and Machine Learning"
    #[arg(long, value_name = "NAME")]
    pub service: Vec<String>,
    /// What the import replaces
    #[arg(long, value_enum, default_value = "days")]
    pub replace: ReplaceWhat,
}

pub(super) fn run(app: &App, args: ImportArgs) -> Result<()> {
    if app.is_demo() {
        return Err(Error::Usage("the demo's data is built in: run import without --demo".into()));
    }
    let provider = ProviderKind::imported(&args.provider).map_err(Error::Usage)?;
    crate::config::validate_workspace_name(&args.workspace).map_err(Error::Usage)?;
    let account = Account::new(provider, args.workspace.clone());
    let text = crate::import::read_text(&args.file)?;
    let label = args.file.display().to_string();
    let parsed = match args.format {
        ImportFormat::Csv => crate::import::parse_csv(&text, &label, provider.id(), &account.workspace)?,
        ImportFormat::Focus => crate::import::parse_focus(&text, &label, &args.service)?,
    };
    if parsed.rows == 0 && args.replace == ReplaceWhat::Days {
        return Err(Error::Usage(format!(
            "{label}: no rows to import{}",
            match (parsed.skipped, args.service.is_empty()) {
                (0, _) => String::new(),
                (n, true) => format!(" ({n} row(s) were not AI services' usage; see --service)"),
                (n, false) => format!(" ({n} row(s) were not the --service chosen, or not usage)"),
            }
        )));
    }
    let replace = if args.replace == ReplaceWhat::All { Replace::All } else { Replace::FileDays };
    let file_name = args.file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or(label.clone());
    let mut store = app.open_store()?;
    let rows = crate::store::imports::ImportRows {
        costs: &parsed.costs,
        usage: &parsed.usage,
        days: &parsed.days,
        sources: &parsed.sources,
    };
    store.import_spend(&account, rows, replace, &file_name, app.clock.now())?;
    // Each currency summed apart and shown in its own unit: never added 1:1.
    let mut by_currency: std::collections::BTreeMap<crate::domain::Currency, crate::domain::Money> =
        std::collections::BTreeMap::new();
    for c in &parsed.costs {
        let sum = by_currency.entry(c.currency).or_default();
        *sum = sum.checked_add(c.amount).unwrap_or(*sum);
    }
    let total = if by_currency.is_empty() {
        crate::domain::Currency::USD.format(crate::domain::Money::ZERO)
    } else {
        by_currency.iter().map(|(c, m)| c.format(*m)).collect::<Vec<_>>().join(" + ")
    };
    let span = match (parsed.days.first(), parsed.days.last()) {
        (Some(a), Some(b)) => format!("{a} to {b} (UTC days)"),
        _ => "no days".to_string(),
    };
    app.note(&format!(
        "Imported {} row(s) for {account}: {} over {span}{}.\nTry: llmcost costs --provider {} --by model --since {}",
        parsed.rows,
        total,
        match (parsed.skipped, args.service.is_empty()) {
            (0, _) => String::new(),
            (n, true) => format!("; {n} row(s) left out (not AI services' usage)"),
            (n, false) => format!("; {n} row(s) left out (not the --service chosen, or not usage)"),
        },
        provider.id(),
        parsed.days.first().map_or_else(|| app.clock.today().to_string(), ToString::to_string)
    ));
    Ok(())
}
