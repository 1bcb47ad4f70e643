//! The FOCUS export as Parquet, for warehouses: the CSV's columns and rows, typed. Costs, unit
//! prices and quantities are DECIMAL(38, 12) (exact: no float ever holds money), the charge
//! and billing periods TIMESTAMP (milliseconds, UTC), everything else UTF-8 text written as the
//! provider sent it (the CSV's spreadsheet-formula guard is for spreadsheets only); a cell the
//! CSV leaves empty is null. Snappy-compressed, one row group per file.

use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, FixedLenByteArray, FixedLenByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use rust_decimal::Decimal;

use super::focus::{FocusVersion, cells};
use crate::app::views::focus::FocusView;
use crate::error::{Error, Result};

/// The decimal columns' scale: twelve places keep any real amount exact far below a cent.
pub(crate) const SCALE: u32 = 12;

const DECIMALS: [&str; 10] = [
    "BilledCost",
    "ContractedCost",
    "EffectiveCost",
    "ListCost",
    "ListUnitPrice",
    "PricingCurrencyContractedUnitPrice",
    "PricingCurrencyEffectiveCost",
    "PricingCurrencyListUnitPrice",
    "PricingQuantity",
    "ConsumedQuantity",
];
const TIMESTAMPS: [&str; 4] = ["BillingPeriodEnd", "BillingPeriodStart", "ChargePeriodEnd", "ChargePeriodStart"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Decimal,
    Timestamp,
    Text,
}

fn kind(column: &str) -> Kind {
    if DECIMALS.contains(&column) {
        Kind::Decimal
    } else if TIMESTAMPS.contains(&column) {
        Kind::Timestamp
    } else {
        Kind::Text
    }
}

/// The Parquet schema of `columns`, every column optional (null where the CSV is empty).
fn schema(columns: &[&str]) -> String {
    let fields: Vec<String> = columns
        .iter()
        .map(|c| match kind(c) {
            Kind::Decimal => format!("OPTIONAL FIXED_LEN_BYTE_ARRAY (16) {c} (DECIMAL(38,{SCALE}));"),
            Kind::Timestamp => format!("OPTIONAL INT64 {c} (TIMESTAMP(MILLIS,true));"),
            Kind::Text => format!("OPTIONAL BYTE_ARRAY {c} (UTF8);"),
        })
        .collect();
    format!("message focus {{ {} }}", fields.join(" "))
}

/// `12.5` as DECIMAL(38, 12): the unscaled value, big-endian two's complement in 16 bytes.
fn decimal_cell(text: &str) -> Result<FixedLenByteArray> {
    let d =
        crate::domain::money::parse_decimal(text).map_err(|e| Error::Runtime(format!("cannot write {text:?}: {e}")))?;
    let mut d: Decimal = d.round_dp(SCALE);
    d.rescale(SCALE);
    Ok(FixedLenByteArray::from(d.mantissa().to_be_bytes().to_vec()))
}

/// `2026-11-01T00:00:00Z` as milliseconds since the epoch.
fn timestamp_cell(text: &str) -> Result<i64> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp_millis())
        .map_err(|e| Error::Runtime(format!("cannot write the time {text:?}: {e}")))
}

/// Writes the view as one Parquet file; returns how many rows.
pub(crate) fn write(view: &FocusView, version: FocusVersion, out: &mut Vec<u8>) -> Result<usize> {
    let pq = |e: parquet::errors::ParquetError| Error::Runtime(format!("cannot write the Parquet file: {e}"));
    let columns = version.columns(view.by_key);
    let rows: Vec<Vec<String>> =
        view.lines.iter().map(|line| cells(line, version, view.by_key, str::to_string)).collect();
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema(&columns)).map_err(pq)?);
    let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(pq)?;
    let mut group = writer.next_row_group().map_err(pq)?;
    let mut index = 0;
    while let Some(mut column) = group.next_column().map_err(pq)? {
        let name = columns.get(index).copied().unwrap_or_default();
        let cells: Vec<&str> = rows.iter().map(|r| r.get(index).map_or("", String::as_str)).collect();
        let defined: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_empty())).collect();
        let present = cells.iter().filter(|c| !c.is_empty());
        match kind(name) {
            Kind::Decimal => {
                let values = present.map(|c| decimal_cell(c)).collect::<Result<Vec<_>>>()?;
                column.typed::<FixedLenByteArrayType>().write_batch(&values, Some(&defined), None).map_err(pq)?;
            }
            Kind::Timestamp => {
                let values = present.map(|c| timestamp_cell(c)).collect::<Result<Vec<_>>>()?;
                column.typed::<Int64Type>().write_batch(&values, Some(&defined), None).map_err(pq)?;
            }
            Kind::Text => {
                let values: Vec<ByteArray> = present.map(|c| ByteArray::from(*c)).collect();
                column.typed::<ByteArrayType>().write_batch(&values, Some(&defined), None).map_err(pq)?;
            }
        }
        column.close().map_err(pq)?;
        index += 1;
    }
    group.close().map_err(pq)?;
    writer.close().map_err(pq)?;
    Ok(rows.len())
}
