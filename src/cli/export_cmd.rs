//! `llmcost export --format focus`: the cached spend as a FOCUS 1.2 (or 1.3) CSV for FinOps tools.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::App;
use super::args::{FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    /// FOCUS 1.2 CSV (FinOps Foundation), one row per UTC day x account x project x line item
    #[default]
    Focus,
    /// The same rows as Parquet, typed (DECIMAL costs, TIMESTAMP periods), for warehouses
    FocusParquet,
}

impl ExportFormat {
    /// The file a partition is written to.
    fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Focus => "focus.csv",
            ExportFormat::FocusParquet => "focus.parquet",
        }
    }

    fn render(
        self,
        view: &crate::app::views::focus::FocusView,
        version: crate::output::focus::FocusVersion,
    ) -> Result<(Vec<u8>, usize)> {
        let mut bytes = Vec::new();
        let rows = match self {
            ExportFormat::Focus => crate::output::focus::write(view, version, &mut bytes)?,
            ExportFormat::FocusParquet => crate::output::focus_parquet::write(view, version, &mut bytes)?,
        };
        Ok((bytes, rows))
    }
}

/// `--focus-version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FocusVersionArg {
    /// FOCUS 1.2 (checked with the FinOps Foundation's validator)
    #[default]
    #[value(name = "1.2")]
    V1_2,
    /// FOCUS 1.2's columns plus 1.3's ServiceProviderName and HostProviderName
    #[value(name = "1.3")]
    V1_3,
}

impl FocusVersionArg {
    fn version(self) -> crate::output::focus::FocusVersion {
        match self {
            FocusVersionArg::V1_2 => crate::output::focus::FocusVersion::V1_2,
            FocusVersionArg::V1_3 => crate::output::focus::FocusVersion::V1_3,
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost export --format focus --month --out llm-spend-focus.csv
  llmcost export --format focus --last 7 --partitioned warehouse/llm-focus
      One file per account and day; only changed days rewritten
  llmcost export --format focus --year --provider openai > openai-focus.csv
  llmcost export --format focus-parquet --month --out llm-spend.parquet
  llmcost export --format focus --month --focus-version 1.3
      With FOCUS 1.3's ServiceProviderName and HostProviderName
  llmcost export --format focus --month --by-key --out by-key.csv
      Each line split between the API keys that used it (x_Llmcost* columns)")]
pub struct ExportArgs {
    /// The format
    #[arg(long, value_enum, default_value_t)]
    pub format: ExportFormat,
    /// The FOCUS version written
    #[arg(long, value_enum, default_value_t, value_name = "VERSION")]
    pub focus_version: FocusVersionArg,
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Split each line between the API keys that used it, as `costs --by key` does, with
    /// the key, its owner and the basis in x_LlmcostApiKeyId, x_LlmcostApiKeyName,
    /// x_LlmcostPerson and x_LlmcostCostBasis
    #[arg(long)]
    pub by_key: bool,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, value_name = "FILE", conflicts_with = "partitioned")]
    pub out: Option<PathBuf>,
    /// Write one file per account and UTC day under DIR, hive-style
    /// (provider=P/workspace=W/day=D/focus.csv), rewriting only the partitions whose data
    /// changed and removing those left empty: load them with replace
    #[arg(long, value_name = "DIR")]
    pub partitioned: Option<PathBuf>,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
}

pub(super) fn run(app: &App, args: ExportArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    // FOCUS keeps each row in the currency it was billed in: nothing is converted.
    let scope = crate::app::select::Scope {
        providers: args.scope.provider.clone(),
        workspaces: args.scope.workspace.clone(),
        offline: args.fresh.offline,
        refresh: args.fresh.refresh,
        currency: None,
    };
    if let Some(dir) = &args.partitioned {
        return partitioned(app, &scope, range, dir, args.format, args.focus_version.version(), args.by_key);
    }
    if args.format == ExportFormat::FocusParquet
        && args.out.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(crate::error::Error::Usage(
            "Parquet is binary: write it with --out FILE (or pipe it to a file)".into(),
        ));
    }
    let answer = crate::app::export::focus(app, &scope, range, args.by_key)?;
    let version = args.focus_version.version();
    let (bytes, rows) = args.format.render(&answer.view, version)?;
    match &args.out {
        Some(path) => {
            crate::config::write_atomically(path, &bytes)?;
            app.note(&format!(
                "Wrote {rows} FOCUS {} row(s) to {} ({} to {}, UTC days).",
                version.name(),
                path.display(),
                range.since,
                range.until
            ));
        }
        None => super::write_stdout(|out| out.write_all(&bytes))?,
    }
    answer.into_result()
}

/// `--partitioned DIR`: each partition written only when its bytes change (a warehouse reloads
/// what was rewritten), an emptied one removed.
fn partitioned(
    app: &App,
    scope: &crate::app::select::Scope,
    range: crate::domain::DateRange,
    dir: &std::path::Path,
    format: ExportFormat,
    version: crate::output::focus::FocusVersion,
    by_key: bool,
) -> Result<()> {
    let answer = crate::app::export::focus_partitions(app, scope, range, by_key)?;
    let (mut written, mut unchanged, mut removed) = (0, 0, 0);
    for (key, view) in &answer.view.parts {
        let (bytes, _) = format.render(view, version)?;
        let path = dir.join(key.path()).join(format.file_name());
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            unchanged += 1;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| crate::error::Error::io(format!("cannot create {}", parent.display()), e))?;
        }
        crate::config::write_atomically(&path, &bytes)?;
        written += 1;
    }
    for key in answer.view.possible.iter().filter(|k| !answer.view.parts.contains_key(k)) {
        let path = dir.join(key.path()).join(format.file_name());
        if path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| crate::error::Error::io(format!("cannot remove {}", path.display()), e))?;
            let _ = std::fs::remove_dir(dir.join(key.path()));
            removed += 1;
        }
    }
    app.note(&format!(
        "FOCUS partitions in {}: {written} written, {unchanged} unchanged, {removed} removed ({} to {}, UTC days)",
        dir.display(),
        range.since,
        range.until
    ));
    answer.into_result()
}
