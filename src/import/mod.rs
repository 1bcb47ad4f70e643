//! Spend from files, for vendors without a billing API: llmcost's own CSV and FOCUS 1.x CSV
//! (`read`; llmcost's own FOCUS 1.2 export is `output::focus`). Parsing is all or nothing:
//! a malformed row names the file, line and column, and nothing of the file is imported.

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
                .map(|((day, project_id, model), totals)| UsageRecord {
                    day,
                    project_id,
                    model,
                    totals,
                    key_id: None,
                    billed: None,
                })
                .collect(),
            days,
            rows: self.rows,
            skipped,
            sources: BTreeMap::new(),
        }
    }
}

/// The largest file read as it is (an invoice export of a large organisation is tens of MiB).
pub(crate) const MAX_FILE_BYTES: u64 = 512 << 20;
/// The largest a gzip file may inflate to.
const MAX_INFLATED_BYTES: u64 = 1 << 30;

/// At most `max` bytes of `reader`; more is an error naming `what` (see `crate::capped`).
pub(crate) fn read_capped(reader: impl Read, max: u64, what: &str) -> std::result::Result<Vec<u8>, String> {
    crate::capped::read(reader, max).map_err(|e| e.describe(what))
}

/// A file's text: gzip is decompressed (by its magic bytes), a UTF-8 BOM dropped. Files over
/// 512 MiB, or gzip files inflating past 1 GiB, are refused whole.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| Error::Usage(format!("cannot read {shown}: {e}")))?;
    let refused = |e: String| Error::Usage(format!("{e} (nothing was imported)"));
    let bytes = read_capped(file, MAX_FILE_BYTES, &shown.to_string()).map_err(refused)?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        read_capped(
            flate2::read::GzDecoder::new(bytes.as_slice()),
            MAX_INFLATED_BYTES,
            &format!("{shown} once inflated"),
        )
        .map_err(|e| refused(format!("{shown}: not a valid gzip file, or too large: {e}")))?
    } else {
        bytes
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!("{shown}: not UTF-8 text (byte {}); save the file as UTF-8", e.utf8_error().valid_up_to()))
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// The days an import may hold: every view's period starts in `EARLIEST_YEAR` (2000) or later,
/// and none reaches 2100, so a day outside (a two-digit year read as year 26, a placeholder
/// 0001-01-01 or 9999-12-31) could never be shown.
pub(crate) fn importable_day(day: NaiveDate) -> std::result::Result<NaiveDate, String> {
    use chrono::Datelike;
    let first = crate::domain::period::EARLIEST_YEAR;
    if (first..=2099).contains(&day.year()) {
        Ok(day)
    } else {
        Err(format!("{day} is outside the years {first} to 2099 that llmcost shows (a two-digit year?)"))
    }
}

/// `file: line 3, column cost: ...`, exit 2.
pub(crate) fn row_error(file: &str, line: u64, column: &str, message: impl std::fmt::Display) -> Error {
    Error::Usage(format!("{file}: line {line}, column {column}: {message}; nothing was imported"))
}

/// The columns of a header row, matched by name (case and surrounding spaces ignored). A name
/// given twice is refused: which of the two holds the value would be a guess.
pub(crate) fn columns(header: &csv::StringRecord, file: &str) -> Result<BTreeMap<String, usize>> {
    let mut out = BTreeMap::new();
    for (i, h) in header.iter().enumerate() {
        let name = h.trim().to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if out.insert(name, i).is_some() {
            let shown: String = h.trim().chars().take(40).collect();
            return Err(row_error(file, 1, &shown, "this column is named twice in the header; keep one"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn a_file_past_the_cap_is_refused_never_truncated() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&b"date,model,cost\n2026-11-20,x,1.25\n".repeat(1000)).unwrap();
        let packed = gz.finish().unwrap();
        let inflated = read_capped(flate2::read::GzDecoder::new(packed.as_slice()), 34_000, "f").unwrap();
        assert_eq!(inflated.len(), 34_000);
        let err = read_capped(flate2::read::GzDecoder::new(packed.as_slice()), 33_999, "f").unwrap_err();
        assert!(err.contains("larger than"), "{err}");
        // An endless source stops at the cap.
        assert!(read_capped(std::io::repeat(0), 1 << 20, "/dev/zero").is_err());
    }

    #[test]
    fn days_no_view_can_show_are_refused() {
        for bad in ["0026-11-20", "0001-01-01", "9999-12-31", "1999-12-31"] {
            assert!(importable_day(bad.parse().unwrap()).is_err(), "{bad}");
        }
        assert!(importable_day("2026-11-20".parse().unwrap()).is_ok());
    }
}
