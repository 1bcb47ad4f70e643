//! FOCUS 1.x CSV in (as AWS Data Exports, Azure Cost Management's FocusCost and Google's FOCUS
//! view write it): only AI services' usage is kept, and FOCUS's columns map to llmcost's:
//! `ChargePeriodStart` the UTC day, `BilledCost` the cost in `BillingCurrency`, the model from
//! `x_LlmcostModel` (llmcost's own export), `SkuId`, `ChargeDescription` or `ServiceName`, and
//! the project from `x_LlmcostProjectId`, `SubAccountName` or `ResourceName`.

use super::{Parsed, Sums, columns, row_error};
use crate::domain::Money;
use crate::domain::day::parse_utc_day;
use crate::error::Result;
use crate::store::imports::ChargeSource;

pub(super) const AI_CATEGORY: &str = "AI and Machine Learning";

pub(crate) fn parse(text: &str, file: &str, services: &[String]) -> Result<Parsed> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| row_error(file, 1, "-", e))?.clone();
    let cols = columns(&header, file)?;
    for required in ["billedcost", "chargeperiodstart"] {
        if !cols.contains_key(required) {
            return Err(row_error(file, 1, required, "this FOCUS column is missing from the header"));
        }
    }
    let mut sums = Sums::default();
    let mut sources = std::collections::BTreeMap::new();
    let mut skipped = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| row_error(file, line, "-", e))?;
        // Exports written by SQL engines spell a missing value `NULL` (the FinOps Foundation's sample does).
        let get = |name: &str| {
            let value = cols.get(&name.to_ascii_lowercase()).and_then(|&c| record.get(c)).map_or("", str::trim);
            if value == "NULL" { "" } else { value }
        };
        let service = get("ServiceName");
        let ai = if services.is_empty() {
            get("ServiceCategory") == AI_CATEGORY
        } else {
            services.iter().any(|s| s == service)
        };
        let usage = matches!(get("ChargeCategory"), "" | "Usage");
        if !ai || !usage {
            skipped += 1;
            continue;
        }
        let day = parse_utc_day(get("ChargePeriodStart"))
            .map_err(|e| e.to_string())
            .and_then(super::importable_day)
            .map_err(|e| row_error(file, line, "ChargePeriodStart", e))?;
        let cost = Money::parse_dollars(get("BilledCost")).map_err(|e| row_error(file, line, "BilledCost", e))?;
        let currency = match get("BillingCurrency") {
            "" => crate::domain::Currency::USD,
            c => crate::domain::Currency::parse(c).map_err(|e| row_error(file, line, "BillingCurrency", e))?,
        };
        let first = |names: &[&str]| names.iter().map(|n| get(n)).find(|v| !v.is_empty()).unwrap_or("").to_string();
        let model = first(&["x_LlmcostModel", "SkuId", "ChargeDescription", "ServiceName"]);
        if model.is_empty() {
            return Err(row_error(file, line, "SkuId", "no model: SkuId, ChargeDescription and ServiceName are empty"));
        }
        let project = if cols.contains_key("x_llmcostprojectid") {
            get("x_LlmcostProjectId").to_string()
        } else {
            first(&["SubAccountName", "ResourceName"])
        };
        if !get("ServiceName").is_empty() && get("x_LlmcostModel").is_empty() {
            sources.entry(model.clone()).or_insert_with(|| ChargeSource {
                service_category: get("ServiceCategory").to_string(),
                service_subcategory: get("ServiceSubcategory").to_string(),
                service_name: get("ServiceName").to_string(),
                provider_name: get("ProviderName").to_string(),
                publisher_name: get("PublisherName").to_string(),
                invoice_issuer_name: get("InvoiceIssuerName").to_string(),
            });
        }
        sums.add(day, Some(project), model, cost, currency, None)
            .map_err(|m| row_error(file, line, "BilledCost", m))?;
    }
    let mut parsed = sums.finish(skipped);
    parsed.sources = sources;
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn only_ai_usage_is_kept() {
        let text = "BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ServiceCategory,ServiceName,SkuId,SubAccountName\n\
                    12.5,USD,Usage,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,AI and Machine Learning,Azure OpenAI,gpt-4o,prod\n\
                    3,USD,Usage,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,Compute,Virtual Machines,D2s,prod\n\
                    -1,USD,Credit,2026-11-01T00:00:00Z,2026-11-02T00:00:00Z,AI and Machine Learning,Azure OpenAI,gpt-4o,prod\n\
                    0.25,USD,Usage,2026-11-02T00:00:00Z,2026-11-03T00:00:00Z,AI and Machine Learning,Azure OpenAI,gpt-4o,prod\n";
        let p = parse(text, "focus.csv", &[]).unwrap();
        assert_eq!((p.rows, p.skipped), (2, 2));
        let total: crate::domain::Money = p.costs.iter().map(|c| c.amount).sum();
        assert_eq!(total.exact(), "12.75");
        assert_eq!(p.costs[0].project_id.as_deref(), Some("prod"));
        let only_vms = parse(text, "focus.csv", &["Virtual Machines".to_string()]).unwrap();
        assert_eq!(only_vms.rows, 1);
    }
}
