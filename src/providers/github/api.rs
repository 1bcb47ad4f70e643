//! GitHub's enhanced billing platform, wire types (`GET /organizations/{org}/settings/billing/usage`,
//! REST API version 2022-11-28, as github/rest-api-description has it): every metered product's
//! usage per day and SKU, with its gross, discount and net amounts in US dollars. Read
//! tolerantly: numbers or numeric strings, unknown fields ignored.

use serde::Deserialize;

use crate::domain::lenient;

/// The usage report of one period.
#[derive(Debug, Deserialize)]
pub(crate) struct UsageReport {
    #[serde(default, rename = "usageItems")]
    pub usage_items: Option<Vec<UsageItem>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UsageItem {
    /// The UTC day: `2026-11-03` or `2026-11-03T00:00:00Z`.
    #[serde(default)]
    pub date: serde_json::Value,
    /// `copilot`, `actions`, `packages`, `models`... (its case varies between reports).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub product: Option<String>,
    /// `Copilot Business`, `Copilot Premium Request`, `Actions Linux`...
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub sku: Option<String>,
    /// Set on premium requests: the model they were made with.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    /// US dollars billed after discounts (included usage is discounted to 0): the bill.
    #[serde(default, rename = "netAmount")]
    pub net_amount: serde_json::Value,
}
