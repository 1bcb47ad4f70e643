//! Query answer rows to cost records: columns found by name (their order differs between
//! scopes and API versions), `UsageDate` as the integer `YYYYMMDD`, money exact from the JSON
//! text, each row in its own currency; rows of one day, resource and meter add up across pages.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value;

use super::api::Properties;
use super::meter;
use crate::domain::day_lines::DayLines;
use crate::domain::money::money_from_json;
use crate::domain::{CostRecord, Currency, Money};

/// Rows gathered across pages.
pub(crate) struct Rows {
    by_resource_group: bool,
    merged: BTreeMap<(NaiveDate, String, String, Currency), Money>,
}

/// Where each column is, by name.
struct Columns {
    cost: usize,
    date: usize,
    meter: usize,
    resource: usize,
    currency: Option<usize>,
}

fn columns(props: &Properties) -> Result<Columns, String> {
    let find = |names: &[&str]| props.columns.iter().position(|c| names.iter().any(|n| c.name.eq_ignore_ascii_case(n)));
    let need = |names: &[&str]| find(names).ok_or_else(|| format!("no {} column in the answer", names[0]));
    Ok(Columns {
        // Never the `...USD` columns: Azure's own conversion, not the ECB's.
        cost: need(&["Cost", "PreTaxCost", "totalCost"])?,
        date: need(&["UsageDate"])?,
        meter: need(&["Meter"])?,
        resource: need(&["ResourceId"])?,
        currency: find(&["Currency"]),
    })
}

/// `20261101` (a number, or the same digits as text), or `2026-11-01T00:00:00`.
fn usage_date(v: &Value) -> Result<NaiveDate, String> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        other => return Err(format!("UsageDate {other} is not a date")),
    };
    let parsed = if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        NaiveDate::parse_from_str(&text, "%Y%m%d").ok()
    } else {
        text.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let shown: String = text.chars().take(40).collect();
    parsed.ok_or_else(|| format!("UsageDate {shown:?} is not a YYYYMMDD date"))
}

/// The project a resource id names: the resource (lower-cased, as Cost Management returns it),
/// or its resource group.
pub(crate) fn project(resource_id: &str, by_resource_group: bool) -> String {
    let parts: Vec<&str> = resource_id.split('/').filter(|p| !p.is_empty()).collect();
    let found = if by_resource_group {
        parts.iter().position(|p| p.eq_ignore_ascii_case("resourcegroups")).and_then(|i| parts.get(i + 1)).copied()
    } else {
        parts.last().copied()
    };
    found.unwrap_or("").to_ascii_lowercase()
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

impl Rows {
    pub(crate) fn new(by_resource_group: bool) -> Self {
        Rows { by_resource_group, merged: BTreeMap::new() }
    }

    pub(crate) fn add(&mut self, props: &Properties, page: usize) -> Result<(), String> {
        if props.rows.is_empty() {
            return Ok(());
        }
        let c = columns(props).map_err(|e| format!("page {page}: {e}"))?;
        for (i, row) in props.rows.iter().enumerate() {
            let at = format!("page {page}, rows[{i}]");
            let cell = |n: usize| row.get(n).ok_or_else(|| format!("{at}: only {} cells", row.len()));
            let amount = money_from_json(cell(c.cost)?).map_err(|e| format!("{at}: cost: {e}"))?;
            let day = usage_date(cell(c.date)?).map_err(|e| format!("{at}: {e}"))?;
            let currency = match c.currency.map(|n| text(row.get(n))).filter(|t| !t.is_empty()) {
                Some(code) => Currency::parse(&code).map_err(|e| format!("{at}: Currency: {e}"))?,
                None => Currency::USD,
            };
            let key =
                (day, project(&text(row.get(c.resource)), self.by_resource_group), text(row.get(c.meter)), currency);
            let sum = self.merged.entry(key).or_insert(Money::ZERO);
            *sum = sum.checked_add(amount).ok_or_else(|| format!("{at}: the day's amounts overflow"))?;
        }
        Ok(())
    }

    /// One record per (day, project, model, line item, currency): meters of different styles
    /// that name the same thing add up; two currencies stay two lines.
    pub(crate) fn finish(self) -> Result<Vec<CostRecord>, String> {
        let mut out = DayLines::default();
        for ((day, project, meter_name, currency), amount) in self.merged {
            let (model, item) = meter::parse(&meter_name);
            let line_item = if model == item { item } else { format!("{model}, {item}") };
            out.add((day, project, model, line_item), amount, currency)
                .map_err(|_| format!("{day}: the day's amounts overflow"))?;
        }
        Ok(out.into_records())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(json: &str) -> Properties {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn columns_are_read_by_name_whatever_their_order() {
        let a = props(
            r#"{"columns":[{"name":"Cost"},{"name":"UsageDate"},{"name":"ResourceId"},{"name":"Meter"},{"name":"Currency"}],
            "rows":[[3.52415,20261101,"/subscriptions/s/resourceGroups/RG-AI/providers/Microsoft.CognitiveServices/accounts/My-AOAI","gpt 4o 0513 Input global Tokens","EUR"]]}"#,
        );
        let b = props(
            r#"{"columns":[{"name":"Currency"},{"name":"Meter"},{"name":"ResourceId"},{"name":"UsageDate"},{"name":"Cost"}],
            "rows":[["EUR","gpt-4o-0513-Inp-glbl Tokens","/subscriptions/s/resourceGroups/RG-AI/providers/Microsoft.CognitiveServices/accounts/my-aoai",20261101,0.00000000000000000001]]}"#,
        );
        let mut rows = Rows::new(false);
        rows.add(&a, 1).unwrap();
        rows.add(&b, 2).unwrap();
        let records = rows.finish().unwrap();
        assert_eq!(records.len(), 1, "two meter styles, one model and line item");
        let r = &records[0];
        assert_eq!(
            (r.model.as_str(), r.line_item.as_str(), r.currency),
            ("gpt-4o-0513", "gpt-4o-0513, input (global)", Currency::EUR)
        );
        assert_eq!(r.project_id.as_deref(), Some("my-aoai"));
        assert_eq!(r.amount.exact(), "3.52415000000000000001");
        let mut by_rg = Rows::new(true);
        by_rg.add(&a, 1).unwrap();
        assert_eq!(by_rg.finish().unwrap()[0].project_id.as_deref(), Some("rg-ai"));
    }

    #[test]
    fn money_is_exact_and_bad_cells_name_their_place() {
        let p = props(
            r#"{"columns":[{"name":"PreTaxCost"},{"name":"UsageDate"},{"name":"Meter"},{"name":"ResourceId"},{"name":"Currency"}],
            "rows":[[0.1,20261102,"m Inp Tokens","/a","USD"],[0.2,20261102,"m Inp Tokens","/a","USD"]]}"#,
        );
        let mut rows = Rows::new(false);
        rows.add(&p, 1).unwrap();
        assert_eq!(rows.finish().unwrap()[0].amount.exact(), "0.30");
        let bad = props(
            r#"{"columns":[{"name":"Cost"},{"name":"UsageDate"},{"name":"Meter"},{"name":"ResourceId"}],"rows":[[1,"yesterday","m","/a"]]}"#,
        );
        let err = Rows::new(false).add(&bad, 3).unwrap_err();
        assert!(err.contains("page 3, rows[0]") && err.contains("UsageDate"), "{err}");
        let usd_only = props(
            r#"{"columns":[{"name":"CostUSD"},{"name":"UsageDate"},{"name":"Meter"},{"name":"ResourceId"}],"rows":[[1,20261101,"m","/a"]]}"#,
        );
        assert!(Rows::new(false).add(&usd_only, 1).unwrap_err().contains("no Cost column"));
    }
}
