//! BigQuery rows to cost records: cells found through the schema's field names, all of them
//! strings; net cost = cost + credits (credits are negative), exact; rows of one day, project,
//! model and line item add up.

use std::collections::BTreeMap;

use super::api::QueryResponse;
use super::sku;
use crate::domain::day::day_from_json;
use crate::domain::day_lines::DayLines;
use crate::domain::money::money_from_json;
use crate::domain::{CostRecord, Currency, Money, ProjectInfo};

#[derive(Default)]
pub(crate) struct Rows {
    merged: DayLines,
    names: BTreeMap<String, String>,
}

impl Rows {
    pub(crate) fn add(&mut self, page: &QueryResponse, number: usize) -> Result<(), String> {
        if page.rows.is_empty() {
            return Ok(());
        }
        let fields: Vec<&str> =
            page.schema.as_ref().map(|s| s.fields.iter().map(|f| f.name.as_str()).collect()).unwrap_or_default();
        let find = |name: &str| fields.iter().position(|f| f.eq_ignore_ascii_case(name));
        let need =
            |name: &str| find(name).ok_or_else(|| format!("page {number}: the query returns no `{name}` column"));
        let (day_at, cost_at, sku_at) = (need("day")?, need("cost")?, need("sku")?);
        let (project_at, name_at, credits_at, currency_at) =
            (find("project_id"), find("project_name"), find("credits"), find("currency"));
        for (i, row) in page.rows.iter().enumerate() {
            let at = format!("page {number}, rows[{i}]");
            let cell = |n: usize| row.f.get(n).map(|c| &c.v);
            let text = |n: Option<usize>| match n.and_then(cell) {
                Some(serde_json::Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            let day = day_from_json(cell(day_at).unwrap_or(&serde_json::Value::Null))
                .map_err(|e| format!("{at}: day: {e}"))?;
            let cost = money_from_json(cell(cost_at).unwrap_or(&serde_json::Value::Null))
                .map_err(|e| format!("{at}: cost: {e}"))?;
            let credits = match credits_at.and_then(cell) {
                None | Some(serde_json::Value::Null) => Money::ZERO,
                Some(v) => money_from_json(v).map_err(|e| format!("{at}: credits: {e}"))?,
            };
            let net = cost.checked_add(credits).ok_or_else(|| format!("{at}: the amounts overflow"))?;
            let currency = match text(currency_at) {
                c if c.is_empty() => Currency::USD,
                c => Currency::parse(&c).map_err(|e| format!("{at}: currency: {e}"))?,
            };
            let project = text(project_at);
            let name = text(name_at);
            if !project.is_empty() && !name.is_empty() {
                self.names.insert(project.clone(), name);
            }
            let (model, item) = sku::parse(&text(Some(sku_at)));
            let line_item = if model.to_lowercase() == item { item } else { format!("{model}, {item}") };
            self.merged
                .add((day, project, model, line_item), net, currency)
                .map_err(|_| format!("{at}: the day's amounts overflow"))?;
        }
        Ok(())
    }

    /// The records and the project names learnt with them.
    pub(crate) fn finish(self) -> (Vec<CostRecord>, Vec<ProjectInfo>) {
        let costs = self.merged.into_records();
        let names =
            self.names.into_iter().map(|(id, name)| ProjectInfo { id, name, status: "active".to_string() }).collect();
        (costs, names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_netted_exactly_and_scientific_text_parses() {
        let page: QueryResponse = serde_json::from_str(r#"{
            "schema": {"fields": [{"name":"sku"},{"name":"day"},{"name":"cost"},{"name":"credits"},{"name":"currency"},{"name":"project_id"},{"name":"project_name"}]},
            "jobComplete": true,
            "rows": [
              {"f": [{"v":"Gemini 2.5 Flash Input Tokens"},{"v":"2026-11-01"},{"v":"5.0E-6"},{"v":"0"},{"v":"USD"},{"v":"acme-prod"},{"v":"Acme Prod"}]},
              {"f": [{"v":"Gemini 2.5 Flash Input Tokens"},{"v":"2026-11-01"},{"v":"12.345678901"},{"v":"-2.5"},{"v":"USD"},{"v":"acme-prod"},{"v":"Acme Prod"}]}
            ]}"#).unwrap();
        let mut rows = Rows::default();
        rows.add(&page, 1).unwrap();
        let (costs, names) = rows.finish();
        assert_eq!(costs.len(), 1);
        assert_eq!(costs[0].amount.exact(), "9.845683901");
        assert_eq!(
            (costs[0].model.as_str(), costs[0].line_item.as_str()),
            ("Gemini 2.5 Flash", "Gemini 2.5 Flash, input tokens")
        );
        assert_eq!(names[0].name, "Acme Prod");
    }
}
