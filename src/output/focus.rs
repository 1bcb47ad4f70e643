//! llmcost's cached spend as a FOCUS 1.2 CSV (FinOps Foundation's open cost and usage format):
//! one row per UTC day x account x project x model x line item, the columns FOCUS requires typed
//! as it says, and llmcost's own dimensions in `x_Llmcost*` columns.
//!
//! Billing APIs report billed cost only, so `ListCost`, `ContractedCost` and `EffectiveCost`
//! equal `BilledCost`. They report money per line item, not the quantity priced, so each row is
//! priced as what it is, one line item's charge for one UTC day: `PricingQuantity` and
//! `ConsumedQuantity` 1 in `Days`, `ListUnitPrice` the day's cost, so that FOCUS's products hold
//! (`ListUnitPrice x PricingQuantity = ListCost`). A negative amount (a refund) is a `Credit`,
//! whose quantities and unit prices FOCUS wants null. Rows imported from another FOCUS file keep
//! that file's classification (service, category, provider, publisher, invoice issuer). Text from
//! providers is guarded against spreadsheet formulas like every other CSV llmcost writes.

use std::io::Write;

use chrono::{Datelike, Days, NaiveDate};

use crate::app::views::focus::ChargeSource;
use crate::app::views::focus::{FocusLine, FocusView};
use crate::domain::Money;
use crate::output::csv_out::safe_text;

/// The columns written, in order: FOCUS 1.2's, then llmcost's own.
pub(crate) const COLUMNS: [&str; 44] = [
    "BilledCost",
    "BillingAccountId",
    "BillingAccountName",
    "BillingCurrency",
    "BillingPeriodEnd",
    "BillingPeriodStart",
    "ChargeCategory",
    "ChargeClass",
    "ChargeDescription",
    "ChargeFrequency",
    "ChargePeriodEnd",
    "ChargePeriodStart",
    "ConsumedQuantity",
    "ConsumedUnit",
    "ContractedCost",
    "EffectiveCost",
    "InvoiceIssuerName",
    "ListCost",
    "ListUnitPrice",
    "PricingCategory",
    "PricingCurrency",
    "PricingCurrencyContractedUnitPrice",
    "PricingCurrencyEffectiveCost",
    "PricingCurrencyListUnitPrice",
    "PricingQuantity",
    "PricingUnit",
    "ProviderName",
    "PublisherName",
    "ServiceCategory",
    "ServiceName",
    "ServiceSubcategory",
    "SkuId",
    "SkuMeter",
    "SkuPriceDetails",
    "SkuPriceId",
    "SubAccountId",
    "SubAccountName",
    "SubAccountType",
    "x_LlmcostProvider",
    "x_LlmcostWorkspace",
    "x_LlmcostProjectId",
    "x_LlmcostModel",
    "x_LlmcostLineItem",
    "x_LlmcostQuantityBasis",
];

/// FOCUS 1.3's provider columns, written before llmcost's own with `--focus-version 1.3`. 1.3
/// keeps `ProviderName` and `PublisherName` (deprecated), so a 1.3 file has both.
const COLUMNS_1_3: [&str; 2] = ["HostProviderName", "ServiceProviderName"];
/// Where llmcost's own columns start.
const OWN_COLUMNS_AT: usize = 38;
/// The columns an export split by key adds at the end (`export --by-key`).
pub(crate) const KEY_COLUMNS: [&str; 4] =
    ["x_LlmcostApiKeyId", "x_LlmcostApiKeyName", "x_LlmcostPerson", "x_LlmcostCostBasis"];

/// The FOCUS version a file is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum FocusVersion {
    /// The version checked with the FinOps Foundation's validator.
    #[default]
    V1_2,
    /// 1.2's columns plus 1.3's `ServiceProviderName` and `HostProviderName`.
    V1_3,
}

impl FocusVersion {
    pub(crate) fn name(self) -> &'static str {
        match self {
            FocusVersion::V1_2 => "1.2",
            FocusVersion::V1_3 => "1.3",
        }
    }

    /// The header row (with the key columns when the export is split by key).
    pub(crate) fn columns(self, by_key: bool) -> Vec<&'static str> {
        let mut columns = COLUMNS.to_vec();
        if self == FocusVersion::V1_3 {
            columns.splice(OWN_COLUMNS_AT..OWN_COLUMNS_AT, COLUMNS_1_3);
        }
        if by_key {
            columns.extend(KEY_COLUMNS);
        }
        columns
    }
}

/// The unit a row is priced in: one line item's charge for one UTC day (see the module's note).
pub(crate) const PRICING_UNIT: &str = "Days";

/// `2026-11-01T00:00:00Z`
fn at_midnight(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn first_of_next_month(day: NaiveDate) -> NaiveDate {
    first_of_month(day).checked_add_months(chrono::Months::new(1)).unwrap_or(day)
}

/// How llmcost classifies an API provider's charges: the provider sells them and bills them;
/// the model's publisher published them (the provider itself for anything but a model).
fn api_source(display: &str, publisher: Option<&str>) -> ChargeSource {
    ChargeSource {
        service_category: crate::import::focus_import_category().into(),
        service_subcategory: "Generative AI".into(),
        service_name: format!("{display} API"),
        provider_name: display.into(),
        publisher_name: publisher.unwrap_or(display).into(),
        invoice_issuer_name: display.into(),
    }
}

/// A source's classification with FOCUS's required columns filled where the file left them empty.
fn completed(source: &ChargeSource, display: &str) -> ChargeSource {
    let or = |value: &str, fallback: &str| if value.is_empty() { fallback.to_string() } else { value.to_string() };
    let category = or(&source.service_category, "Other");
    ChargeSource {
        service_subcategory: or(&source.service_subcategory, &format!("Other ({category})")),
        service_name: or(&source.service_name, display),
        provider_name: or(&source.provider_name, display),
        publisher_name: or(&source.publisher_name, &or(&source.provider_name, display)),
        invoice_issuer_name: or(&source.invoice_issuer_name, &or(&source.provider_name, display)),
        service_category: category,
    }
}

/// Writes the FOCUS CSV of a view in `version`; returns how many rows were written.
pub(crate) fn write(view: &FocusView, version: FocusVersion, out: &mut dyn Write) -> crate::error::Result<usize> {
    let io = |e: csv::Error| crate::error::Error::Runtime(format!("cannot write the FOCUS file: {e}"));
    let mut w = csv::Writer::from_writer(out);
    w.write_record(version.columns(view.by_key)).map_err(io)?;
    for line in &view.lines {
        w.write_record(cells(line, version, view.by_key, safe_text)).map_err(io)?;
    }
    w.flush().map_err(|e| crate::error::Error::Runtime(format!("cannot write the FOCUS file: {e}")))?;
    Ok(view.lines.len())
}

/// One line's cells in `version`'s columns (`FocusVersion::columns`); `text` writes each text
/// cell (the CSV guards them against spreadsheet formulas, Parquet keeps them as sent).
pub(crate) fn cells(line: &FocusLine, version: FocusVersion, by_key: bool, text: fn(&str) -> String) -> Vec<String> {
    let (record, provider_name) = record(line, text);
    let mut cells = record.to_vec();
    if version == FocusVersion::V1_3 {
        // The provider sells the service; where it runs is not the customer's to pick or
        // know from the bill, so FOCUS wants the service provider as the host too.
        cells.splice(OWN_COLUMNS_AT..OWN_COLUMNS_AT, [provider_name.clone(), provider_name]);
    }
    if by_key {
        match &line.key {
            Some(k) => cells.extend([text(&k.id), text(&k.name), text(&k.person), k.basis.as_str().to_string()]),
            None => cells.extend([String::new(), String::new(), String::new(), String::new()]),
        }
    }
    cells
}

/// One line's FOCUS 1.2 cells, in `COLUMNS` order, and its provider's name (for 1.3's columns).
fn record(line: &FocusLine, text: fn(&str) -> String) -> ([String; 44], String) {
    let FocusLine {
        day,
        kind,
        workspace,
        project,
        project_name,
        model,
        line_item,
        currency,
        cost,
        source,
        publisher,
        ..
    } = line;
    let (day, cost, provider, currency) = (*day, *cost, kind.id().to_string(), currency.as_str().to_string());
    let display = kind.display_name();
    let project_name = if project.is_empty() { kind.default_project_label().to_string() } else { project_name.clone() };
    let source = match source {
        Some(s) => completed(s, display),
        None => api_source(display, *publisher),
    };
    let amount = cost_text(cost);
    let usage = cost.decimal() >= rust_decimal::Decimal::ZERO;
    // Usage rows are priced as one day of the line item; credits carry no quantity or price.
    let (category, quantity, unit, unit_price) = if usage {
        ("Usage", "1.0".to_string(), PRICING_UNIT.to_string(), amount.clone())
    } else {
        ("Credit", String::new(), String::new(), String::new())
    };
    let sku_price = format!("{model} | {line_item}");
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    let t = text;
    let record: [String; 44] = [
        amount.clone(),
        t(&format!("{provider}/{workspace}")),
        t(workspace),
        currency.clone(),
        at_midnight(first_of_next_month(day)),
        at_midnight(first_of_month(day)),
        category.into(),
        String::new(),
        t(line_item),
        "Usage-Based".into(),
        at_midnight(next),
        at_midnight(day),
        quantity.clone(),
        unit.clone(),
        amount.clone(),
        amount.clone(),
        t(&source.invoice_issuer_name),
        amount.clone(),
        unit_price.clone(),
        if usage { "Standard" } else { "" }.into(),
        currency,
        unit_price.clone(),
        amount.clone(),
        unit_price,
        quantity,
        unit,
        t(&source.provider_name),
        t(&source.publisher_name),
        t(&source.service_category),
        t(&source.service_name),
        t(&source.service_subcategory),
        t(model),
        t(line_item),
        String::new(),
        t(&sku_price),
        t(&if project.is_empty() { format!("{provider}/{workspace}/default") } else { project.clone() }),
        t(&project_name),
        "Project".into(),
        provider.clone(),
        t(workspace),
        t(project),
        t(model),
        t(line_item),
        if usage { "one line item for one UTC day" } else { "" }.into(),
    ];
    let provider_name = t(&source.provider_name);
    (record, provider_name)
}

/// Decimal text as FOCUS wants it: plain digits, no exponent.
fn cost_text(m: Money) -> String {
    m.decimal().normalize().to_string()
}

#[cfg(test)]
mod version_tests {
    use super::*;

    #[test]
    fn the_1_3_columns_go_before_llmcost_s_own() {
        assert_eq!(COLUMNS[OWN_COLUMNS_AT], "x_LlmcostProvider");
        assert!(COLUMNS[..OWN_COLUMNS_AT].iter().all(|c| !c.starts_with("x_")));
        let columns = FocusVersion::V1_3.columns(false);
        assert_eq!(columns.len(), COLUMNS.len() + 2);
        assert_eq!(
            &columns[OWN_COLUMNS_AT..OWN_COLUMNS_AT + 3],
            ["HostProviderName", "ServiceProviderName", "x_LlmcostProvider"]
        );
    }
}
