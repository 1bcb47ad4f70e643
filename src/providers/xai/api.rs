//! xAI Management API wire types (`../shared/docs/provider-apis.md` §8). The usage response is
//! known from third-party clients, not a published spec: every field is read tolerantly (camel
//! and snake case, numbers or numeric strings), and unknown fields are ignored.

use serde::Deserialize;

use crate::domain::lenient;

/// `GET /auth/management-keys/validation`.
#[derive(Debug, Deserialize)]
pub(crate) struct KeyValidation {
    #[serde(default, alias = "team_id", rename = "teamId", deserialize_with = "lenient::opt_text")]
    pub team_id: Option<String>,
    /// The team a team-scoped key belongs to, when `teamId` is absent.
    #[serde(default, alias = "scope_id", rename = "scopeId", deserialize_with = "lenient::opt_text")]
    pub scope_id: Option<String>,
}

/// `POST /v1/billing/teams/{team}/usage`.
#[derive(Debug, Deserialize)]
pub(crate) struct UsageAnswer {
    #[serde(alias = "time_series", rename = "timeSeries")]
    pub time_series: Option<Vec<Series>>,
    /// The answer was cut at the API's cardinality cap: ask again for fewer days.
    #[serde(default, alias = "limit_reached", rename = "limitReached", deserialize_with = "lenient::flag")]
    pub limit_reached: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Series {
    #[serde(default, alias = "group_labels", rename = "groupLabels")]
    pub group_labels: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    pub group: Option<Vec<serde_json::Value>>,
    #[serde(default, alias = "data_points", rename = "dataPoints")]
    pub data_points: Option<Vec<DataPoint>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DataPoint {
    #[serde(default)]
    pub timestamp: serde_json::Value,
    /// One value per requested aggregation: `usd` summed, in dollars.
    #[serde(default)]
    pub values: Option<Vec<serde_json::Value>>,
}

/// `GET /v1/billing/teams/{team}/prepaid/balance`: cents, often wrapped as `{"val": "1413"}`.
#[derive(Debug, Deserialize)]
pub(crate) struct PrepaidBalance {
    #[serde(default)]
    pub total: serde_json::Value,
    #[serde(default)]
    pub balance: serde_json::Value,
}
