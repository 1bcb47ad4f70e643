//! LiteLLM's proxy: `GET /user/daily/activity?start_date=&end_date=&page=&page_size=` with the
//! master key (Bearer). Each `results[]` day has `metrics` and a `breakdown.models` map of the
//! same metrics per model (`spend` a float in USD, `failed_requests`,
//! `cache_read_input_tokens`); `metadata` has `page`, `total_pages` and `has_more`. Shapes from
//! LiteLLM's `SpendAnalyticsPaginatedResponse` (litellm/proxy/management_endpoints).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Observation, dollars};

#[derive(Debug, Deserialize)]
pub(crate) struct Page {
    pub results: Vec<Day>,
    #[serde(default)]
    pub metadata: Metadata,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Metadata {
    #[serde(default)]
    pub page: Option<u64>,
    #[serde(default)]
    pub total_pages: Option<u64>,
    #[serde(default)]
    pub has_more: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Day {
    pub date: String,
    #[serde(default)]
    pub breakdown: Breakdown,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Breakdown {
    #[serde(default)]
    pub models: BTreeMap<String, WithMetrics>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WithMetrics {
    pub metrics: Metrics,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Metrics {
    #[serde(default)]
    pub spend: serde_json::Value,
    #[serde(default)]
    pub api_requests: Option<u64>,
    #[serde(default)]
    pub successful_requests: Option<u64>,
    #[serde(default)]
    pub failed_requests: Option<u64>,
    #[serde(default)]
    pub cache_read_input_tokens: Option<u64>,
}

/// A page's observations. A model is `provider/model` when LiteLLM routed it so
/// (`azure/gpt-4o`); the provider is then told.
pub(crate) fn observations(page: &Page) -> Result<Vec<Observation>, String> {
    let mut out = Vec::new();
    for day in &page.results {
        let date = NaiveDate::parse_from_str(day.date.get(..10).unwrap_or(&day.date), "%Y-%m-%d")
            .map_err(|_| format!("a day dated {:?}", day.date))?;
        for (name, m) in &day.breakdown.models {
            let (provider, model) = match name.split_once('/') {
                Some((p, m)) if !p.is_empty() && !m.is_empty() => (Some(p.to_string()), m.to_string()),
                _ => (None, name.clone()),
            };
            let m = &m.metrics;
            let failed = m.failed_requests.unwrap_or(0);
            out.push(Observation {
                day: date,
                provider,
                model,
                cost: dollars(&m.spend, &format!("{date} {name} spend"))?,
                requests: m.api_requests.unwrap_or_else(|| m.successful_requests.unwrap_or(0) + failed),
                failed_requests: failed,
                cached_tokens: m.cache_read_input_tokens.unwrap_or(0),
            });
        }
    }
    Ok(out)
}

/// Whether another page follows.
pub(crate) fn has_more(page: &Page) -> bool {
    page.metadata.has_more || matches!((page.metadata.page, page.metadata.total_pages), (Some(p), Some(t)) if p < t)
}
