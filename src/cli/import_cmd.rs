//! `llmcost import`: spend of vendors without a billing API, from llmcost's CSV or a FOCUS CSV.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::App;
use crate::error::Result;

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
    let request = crate::app::import::Request {
        file: args.file,
        provider: args.provider,
        workspace: args.workspace,
        format: match args.format {
            ImportFormat::Csv => crate::app::import::FileFormat::Csv,
            ImportFormat::Focus => crate::app::import::FileFormat::Focus,
        },
        services: args.service,
        replace_all: args.replace == ReplaceWhat::All,
    };
    let imported = crate::app::import::run(app, &request)?;
    let total = if imported.totals.is_empty() {
        crate::domain::Currency::USD.format(crate::domain::Money::ZERO)
    } else {
        imported.totals.iter().map(|(c, m)| c.format(*m)).collect::<Vec<_>>().join(" + ")
    };
    let span = match (imported.first_day, imported.last_day) {
        (Some(a), Some(b)) => format!("{a} to {b} (UTC days)"),
        _ => "no days".to_string(),
    };
    app.note(&format!(
        "Imported {} row(s) for {}: {} over {span}{}.\nTry: llmcost costs --provider {} --by model --since {}",
        imported.rows,
        imported.account,
        total,
        match (imported.skipped, request.services.is_empty()) {
            (0, _) => String::new(),
            (n, true) => format!("; {n} row(s) left out (not AI services' usage)"),
            (n, false) => format!("; {n} row(s) left out (not the --service chosen, or not usage)"),
        },
        imported.account.provider.id(),
        imported.first_day.map_or_else(|| app.clock.today().to_string(), |d| d.to_string())
    ));
    Ok(())
}
