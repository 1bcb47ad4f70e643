//! llmcost's cached spend as a FOCUS 1.2 CSV (FinOps Foundation's open cost and usage format):
//! one row per UTC day x account x project x line item, the columns FOCUS requires typed as it
//! says, and llmcost's own dimensions in `x_Llmcost*` columns.
//!
//! Billing APIs report billed cost only, so `ListCost`, `ContractedCost` and `EffectiveCost`
//! equal `BilledCost`; quantities are not reported per line item and are left null.

use std::collections::HashMap;
use std::io::Write;

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::{Dim, Money};
use crate::store::{CostQuery, KeyValue, Store};

/// The columns written, in order: FOCUS 1.2's, then llmcost's own.
pub(crate) const COLUMNS: [&str; 32] = [
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
    "PricingQuantity",
    "PricingUnit",
    "ProviderName",
    "PublisherName",
    "ServiceCategory",
    "ServiceName",
    "ServiceSubcategory",
    "SkuId",
    "SubAccountId",
    "SubAccountName",
    "x_LlmcostProvider",
    "x_LlmcostWorkspace",
    "x_LlmcostProjectId",
    "x_LlmcostModel",
];

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

/// Writes the FOCUS CSV of `query`'s accounts and period (its grouping is ignored).
pub(crate) fn write(store: &Store, query: &CostQuery, out: &mut dyn Write) -> crate::error::Result<usize> {
    // Each row in its own billing currency (FOCUS's BillingCurrency), never converted.
    let dims = vec![Dim::Day, Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model, Dim::LineItem, Dim::Currency];
    let q = CostQuery { group_by: dims, ..query.clone() };
    let rows = store.aggregate_costs(&q)?;
    let names: HashMap<(String, String, String), String> = store.project_names()?;
    let io = |e: csv::Error| crate::error::Error::Runtime(format!("cannot write the FOCUS file: {e}"));
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS).map_err(io)?;
    let mut written = 0;
    for (key, cost) in rows {
        let [
            KeyValue::Day(day),
            KeyValue::Provider(kind),
            KeyValue::Text(workspace),
            KeyValue::Text(project),
            KeyValue::Text(model),
            KeyValue::Text(line_item),
            KeyValue::Currency(currency),
        ] = key.values.as_slice()
        else {
            continue;
        };
        let (day, provider, currency) = (*day, kind.id().to_string(), currency.as_str().to_string());
        let display = kind.display_name();
        let project_name = if project.is_empty() {
            kind.default_project_label().to_string()
        } else {
            names
                .get(&(provider.clone(), workspace.clone(), project.clone()))
                .cloned()
                .unwrap_or_else(|| project.clone())
        };
        let amount = cost_text(cost);
        let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
        let record: [String; 32] = [
            amount.clone(),
            format!("{provider}/{workspace}"),
            workspace.clone(),
            currency.clone(),
            at_midnight(first_of_next_month(day)),
            at_midnight(first_of_month(day)),
            "Usage".into(),
            String::new(),
            line_item.clone(),
            "Usage-Based".into(),
            at_midnight(next),
            at_midnight(day),
            String::new(),
            String::new(),
            amount.clone(),
            amount.clone(),
            display.to_string(),
            amount,
            String::new(),
            String::new(),
            display.to_string(),
            display.to_string(),
            crate::import::focus_import_category().into(),
            format!("{display} API"),
            "Generative AI".into(),
            model.clone(),
            if project.is_empty() { format!("{provider}/{workspace}/default") } else { project.clone() },
            project_name,
            provider.clone(),
            workspace.clone(),
            project.clone(),
            model.clone(),
        ];
        w.write_record(&record).map_err(io)?;
        written += 1;
    }
    w.flush().map_err(|e| crate::error::Error::Runtime(format!("cannot write the FOCUS file: {e}")))?;
    Ok(written)
}

/// Decimal text as FOCUS wants it: plain digits, no exponent.
fn cost_text(m: Money) -> String {
    m.decimal().normalize().to_string()
}
