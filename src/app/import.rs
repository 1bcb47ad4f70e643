//! The import use case: a file's spend for a vendor without a billing API, read whole (a bad row
//! imports nothing) and written over the days it covers, or over the workspace's whole history.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::App;
use crate::domain::{Account, Currency, Money, ProviderKind};
use crate::error::{Error, Result};
use crate::store::imports::Replace;

/// The file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileFormat {
    /// llmcost's own CSV.
    Csv,
    /// A FOCUS 1.x CSV, keeping AI services (or the `services` named).
    Focus,
}

/// What `llmcost import` asks.
#[derive(Clone, Debug)]
pub(crate) struct Request {
    pub file: PathBuf,
    pub provider: String,
    pub workspace: String,
    pub format: FileFormat,
    /// FOCUS `ServiceName`s to keep instead of the AI service category.
    pub services: Vec<String>,
    /// The workspace's whole imported history, not only the file's days.
    pub replace_all: bool,
}

/// What was imported.
#[derive(Clone, Debug)]
pub(crate) struct Imported {
    pub account: Account,
    pub rows: usize,
    /// Rows left out (not AI services' usage, or not the services asked for).
    pub skipped: usize,
    /// Each currency summed apart: never added 1:1.
    pub totals: BTreeMap<Currency, Money>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

pub(crate) fn run(app: &App, req: &Request) -> Result<Imported> {
    if app.is_demo() {
        return Err(Error::Usage("the demo's data is built in: run import without --demo".into()));
    }
    let provider = ProviderKind::imported(&req.provider).map_err(Error::Usage)?;
    crate::config::validate_workspace_name(&req.workspace).map_err(Error::Usage)?;
    let account = Account::new(provider, req.workspace.clone());
    let text = crate::import::read_text(&req.file)?;
    let label = req.file.display().to_string();
    let parsed = match req.format {
        FileFormat::Csv => crate::import::parse_csv(&text, &label, provider.id(), &account.workspace)?,
        FileFormat::Focus => crate::import::parse_focus(&text, &label, &req.services)?,
    };
    if parsed.rows == 0 && !req.replace_all {
        return Err(Error::Usage(format!(
            "{label}: no rows to import{}",
            match (parsed.skipped, req.services.is_empty()) {
                (0, _) => String::new(),
                (n, true) => format!(" ({n} row(s) were not AI services' usage; see --service)"),
                (n, false) => format!(" ({n} row(s) were not the --service chosen, or not usage)"),
            }
        )));
    }
    let replace = if req.replace_all { Replace::All } else { Replace::FileDays };
    let file_name = req.file.file_name().map_or(label.clone(), |f| f.to_string_lossy().into_owned());
    let mut store = app.open_store()?;
    let rows = crate::store::imports::ImportRows {
        costs: &parsed.costs,
        usage: &parsed.usage,
        days: &parsed.days,
        sources: &parsed.sources,
    };
    store.import_spend(&account, rows, replace, &file_name, app.clock.now())?;
    let mut totals: BTreeMap<Currency, Money> = BTreeMap::new();
    for c in &parsed.costs {
        let sum = totals.entry(c.currency).or_default();
        *sum = sum.checked_add(c.amount).unwrap_or(*sum);
    }
    Ok(Imported {
        account,
        rows: parsed.rows,
        skipped: parsed.skipped,
        totals,
        first_day: parsed.days.first().copied(),
        last_day: parsed.days.last().copied(),
    })
}
