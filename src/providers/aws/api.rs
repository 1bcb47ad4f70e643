//! Cost Explorer wire types (`../shared/docs/provider-apis.md` §5): JSON 1.1 over POST, amounts
//! as strings, errors as `{"__type": "...#Name", "Message"|"message": "..."}`.

use serde::Deserialize;

use crate::domain::lenient;

/// `GetDimensionValues`.
#[derive(Debug, Deserialize)]
pub(crate) struct DimensionValues {
    #[serde(rename = "DimensionValues")]
    pub values: Vec<DimensionValue>,
    #[serde(default, rename = "NextPageToken", deserialize_with = "lenient::opt_text")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DimensionValue {
    #[serde(rename = "Value")]
    pub value: String,
    #[serde(default, rename = "Attributes")]
    pub attributes: std::collections::BTreeMap<String, String>,
}

/// `GetCostAndUsage`.
#[derive(Debug, Deserialize)]
pub(crate) struct CostAndUsage {
    #[serde(rename = "ResultsByTime")]
    pub results_by_time: Vec<ResultByTime>,
    #[serde(default, rename = "DimensionValueAttributes")]
    pub dimension_value_attributes: Vec<DimensionValue>,
    #[serde(default, rename = "NextPageToken", deserialize_with = "lenient::opt_text")]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ResultByTime {
    #[serde(rename = "TimePeriod")]
    pub time_period: TimePeriod,
    #[serde(default, rename = "Groups")]
    pub groups: Vec<Group>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TimePeriod {
    #[serde(rename = "Start")]
    pub start: serde_json::Value,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Group {
    #[serde(rename = "Keys")]
    pub keys: Vec<String>,
    #[serde(rename = "Metrics")]
    pub metrics: std::collections::BTreeMap<String, Metric>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Metric {
    #[serde(rename = "Amount")]
    pub amount: serde_json::Value,
    #[serde(default, rename = "Unit", deserialize_with = "lenient::opt_text")]
    pub unit: Option<String>,
}

/// An error body; service errors say `Message`, front-door errors `message`.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorBody {
    #[serde(default, rename = "__type")]
    pub kind: Option<String>,
    #[serde(default, alias = "message", rename = "Message")]
    pub message: Option<String>,
}

impl ErrorBody {
    /// `LimitExceededException` from `com.amazon.ce#LimitExceededException`.
    pub(crate) fn name(&self) -> &str {
        self.kind.as_deref().map_or("", |k| k.rsplit('#').next().unwrap_or(k))
    }
}
