//! Spend from files, for vendors without a billing API: llmcost's own CSV and FOCUS 1.x CSV
//! (`read`), and llmcost's spend out as FOCUS 1.2 (`focus_export`). Parsing is all or nothing:
//! a malformed row names the file, line and column, and nothing of the file is imported.

pub(crate) mod focus_export;
mod focus_import;
mod llmcost_csv;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::{CostRecord, Currency, Money, UsageRecord, UsageTotals};
use crate::error::{Error, Result};

pub(crate) use focus_import::parse as parse_focus;

/// FOCUS's `ServiceCategory` for AI services.
pub(crate) fn focus_import_category() -> &'static str {
    focus_import::AI_CATEGORY
}
pub(crate) use llmcost_csv::parse as parse_csv;

/// What a file holds, summed per (day, project, model).
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub costs: Vec<CostRecord>,
    pub usage: Vec<UsageRecord>,
    /// The days the file covers: what a re-import replaces.
    pub days: BTreeSet<NaiveDate>,
    /// Data rows read (after filtering, for FOCUS).
    pub rows: usize,
    /// Rows left out (FOCUS rows that are not AI services, or not the `--service` chosen).
    pub skipped: usize,
    /// How a FOCUS file classified each line item, kept for a FOCUS export.
    pub sources: BTreeMap<String, crate::store::imports::ChargeSource>,
}

/// Rows of one file, summed as they are read.
#[derive(Default)]
pub(crate) struct Sums {
    costs: BTreeMap<(NaiveDate, Option<String>, String), (Money, Currency)>,
    usage: BTreeMap<(NaiveDate, Option<String>, String), UsageTotals>,
    rows: usize,
}

impl Sums {
    pub(crate) fn add(
        &mut self,
        day: NaiveDate,
        project: Option<String>,
        model: String,
        cost: Money,
        currency: Currency,
        usage: Option<UsageTotals>,
    ) -> std::result::Result<(), String> {
        let key = (day, project.filter(|p| !p.is_empty()), model);
        let entry = self.costs.entry(key.clone()).or_insert((Money::ZERO, currency));
        if entry.1 != currency {
            return Err(format!("{currency} and {} for the same day, project and model", entry.1));
        }
        entry.0 = entry.0.checked_add(cost).ok_or("the amounts overflow when summed")?;
        if let Some(u) = usage {
            *self.usage.entry(key).or_default() += u;
        }
        self.rows += 1;
        Ok(())
    }

    pub(crate) fn finish(self, skipped: usize) -> Parsed {
        let days = self.costs.keys().map(|(d, _, _)| *d).chain(self.usage.keys().map(|(d, _, _)| *d)).collect();
        Parsed {
            costs: self
                .costs
                .into_iter()
                .map(|((day, project_id, model), (amount, currency))| CostRecord {
                    day,
                    project_id,
                    line_item: model.clone(),
                    model,
                    amount,
                    currency,
                })
                .collect(),
            usage: self
                .usage
                .into_iter()
                .map(|((day, project_id, model), totals)| UsageRecord { day, project_id, model, totals })
                .collect(),
            days,
            rows: self.rows,
            skipped,
            sources: BTreeMap::new(),
        }
    }
}

/// A file's text: gzip is decompressed (by its magic bytes), a UTF-8 BOM dropped.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| Error::Usage(format!("cannot read {shown}: {e}")))?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        // Capped like a provider response: a file that inflates past 1 GiB is refused.
        flate2::read::GzDecoder::new(bytes.as_slice())
            .take(1 << 30)
            .read_to_end(&mut out)
            .map_err(|e| Error::Usage(format!("{shown}: not a valid gzip file: {e}")))?;
        out
    } else {
        bytes
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!("{shown}: not UTF-8 text (byte {}); save the file as UTF-8", e.utf8_error().valid_up_to()))
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// `file: line 3, column cost: ...`, exit 2.
pub(crate) fn row_error(file: &str, line: u64, column: &str, message: impl std::fmt::Display) -> Error {
    Error::Usage(format!("{file}: line {line}, column {column}: {message}; nothing was imported"))
}

/// The columns of a header row, matched by name (case and surrounding spaces ignored).
pub(crate) fn columns(header: &csv::StringRecord) -> BTreeMap<String, usize> {
    header.iter().enumerate().map(|(i, h)| (h.trim().to_ascii_lowercase(), i)).collect()
}
