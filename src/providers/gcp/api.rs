//! BigQuery REST wire types (`../shared/docs/provider-apis.md` §7): `jobs.query` and
//! `jobs.getQueryResults` answer alike; every cell, `totalRows` and byte count is a string.

use serde::Deserialize;

use crate::domain::lenient;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct QueryResponse {
    #[serde(default)]
    pub schema: Option<Schema>,
    pub job_reference: Option<JobReference>,
    #[serde(default)]
    pub rows: Vec<Row>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub page_token: Option<String>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub job_complete: bool,
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub total_bytes_processed: Option<u64>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Schema {
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Field {
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JobReference {
    pub project_id: String,
    pub job_id: String,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub location: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Row {
    pub f: Vec<Cell>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Cell {
    /// A string, or null; nested records never appear in the query's flat aliases.
    #[serde(default)]
    pub v: serde_json::Value,
}

/// Google's error body: `{"error": {"code", "message", "errors": [{"reason"}], "status"}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ErrorDetail {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub message: Option<String>,
    #[serde(default)]
    pub errors: Vec<ErrorItem>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub status: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ErrorItem {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub reason: Option<String>,
}

/// A key file: a service account's, or gcloud's application default credentials.
#[derive(Debug, Deserialize)]
pub(crate) struct KeyFile {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub client_email: Option<String>,
    #[serde(default)]
    pub private_key: Option<String>,
    #[serde(default)]
    pub private_key_id: Option<String>,
    #[serde(default)]
    pub token_uri: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    #[serde(default)]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub refresh_token: Option<String>,
}
