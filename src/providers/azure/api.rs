//! Cost Management Query wire types (`../shared/docs/provider-apis.md` §6): rows are positional
//! and must be read through `columns[].name`; money is a JSON number in the row's currency.

use serde::Deserialize;

use crate::domain::lenient;

/// `POST {scope}/providers/Microsoft.CostManagement/query`.
#[derive(Debug, Deserialize)]
pub(crate) struct QueryResult {
    pub properties: Properties,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Properties {
    #[serde(default, rename = "nextLink", deserialize_with = "lenient::opt_text")]
    pub next_link: Option<String>,
    pub columns: Vec<Column>,
    #[serde(default)]
    pub rows: Vec<Vec<serde_json::Value>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Column {
    pub name: String,
}

/// ARM's error body: `{"error": {"code", "message"}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ErrorDetail {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub code: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub message: Option<String>,
}

/// The Entra ID token endpoint's error: `{"error", "error_description", "error_codes"}`.
#[derive(Debug, Deserialize)]
pub(crate) struct TokenError {
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub error_description: String,
    #[serde(default)]
    pub error_codes: Vec<u64>,
}
