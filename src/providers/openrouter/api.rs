//! OpenRouter wire types (`../shared/docs/provider-apis.md` §4), serde only.

use serde::Deserialize;

/// `GET /activity`: every row of the last 30 completed UTC days, no pagination.
#[derive(Debug, Deserialize)]
pub struct Activity {
    pub data: Vec<ActivityRow>,
}

#[derive(Debug, Deserialize)]
pub struct ActivityRow {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub model: String,
    #[serde(default)]
    pub provider_name: Option<String>,
    /// US dollars (OpenRouter credits), the billed figure.
    pub usage: serde_json::Value,
    #[serde(default)]
    pub requests: u64,
    #[serde(default)]
    pub prompt_tokens: u64,
    #[serde(default)]
    pub completion_tokens: u64,
}

/// `GET /credits`: needs a management key, so it doubles as the key check.
#[derive(Debug, Deserialize)]
pub struct Credits {
    pub data: serde_json::Value,
}
