//! Langfuse: `GET /api/public/metrics/daily?fromTimestamp=&toTimestamp=&page=&limit=` with the
//! project's public and secret keys (Basic auth). `data[]` days have `totalCost` (USD, a float)
//! and `usage[]` per model (`model` may be null; `totalCost`, `countObservations`); `meta` has
//! `page` and `totalPages`. Shapes from Langfuse's API definition (fern `metrics.yml`,
//! `GetDailyMetricsRequest`, `DailyMetrics`). Langfuse does not name the provider.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Observation, dollars};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Page {
    pub data: Vec<Day>,
    pub meta: Meta,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Meta {
    pub page: u64,
    pub total_pages: u64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Day {
    pub date: String,
    #[serde(default)]
    pub usage: Vec<Usage>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Usage {
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub total_cost: serde_json::Value,
    #[serde(default)]
    pub count_observations: Option<u64>,
}

/// A page's observations; usage without a model is kept as `(no model)`, never dropped.
pub(crate) fn observations(page: &Page) -> Result<Vec<Observation>, String> {
    let mut out = Vec::new();
    for day in &page.data {
        let date = NaiveDate::parse_from_str(day.date.get(..10).unwrap_or(&day.date), "%Y-%m-%d")
            .map_err(|_| format!("a day dated {:?}", day.date))?;
        for u in &day.usage {
            let model = u.model.clone().filter(|m| !m.is_empty()).unwrap_or_else(|| "(no model)".to_string());
            out.push(Observation {
                day: date,
                provider: None,
                cost: dollars(&u.total_cost, &format!("{date} {model} totalCost"))?,
                model,
                requests: u.count_observations.unwrap_or(0),
                failed_requests: 0,
                cached_tokens: 0,
            });
        }
    }
    Ok(out)
}

pub(crate) fn has_more(page: &Page) -> bool {
    page.meta.page < page.meta.total_pages
}
