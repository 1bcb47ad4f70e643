//! OpenRouter wire types (`../shared/docs/provider-apis.md` §4), serde only.

use serde::Deserialize;

use crate::domain::lenient;

/// `GET /activity`: every row of the last 30 completed UTC days, no pagination.
#[derive(Debug, Deserialize)]
pub(crate) struct Activity {
    pub data: Vec<ActivityRow>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ActivityRow {
    /// The UTC day: documented as `YYYY-MM-DD`, sent live as `"2026-08-23 00:00:00"`.
    #[serde(default)]
    pub date: serde_json::Value,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    /// Set when `model` is missing.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model_permaslug: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub provider_name: Option<String>,
    /// US dollars (OpenRouter credits), the billed figure. `byok_usage_inference` is paid to the
    /// upstream provider with the user's own key, not to OpenRouter, and is not counted.
    #[serde(default)]
    pub usage: serde_json::Value,
    #[serde(default, deserialize_with = "lenient::count")]
    pub requests: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub prompt_tokens: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub completion_tokens: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub cached_tokens: u64,
}

/// `GET /credits`: needs a management key, so it doubles as the key check.
#[derive(Debug, Deserialize)]
pub(crate) struct Credits {
    pub data: serde_json::Value,
}
