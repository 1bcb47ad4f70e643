//! Cursor's Admin API, wire types (`POST /teams/filtered-usage-events`, `GET /teams/members`,
//! as Cursor's Admin API reference has them). Read tolerantly: numbers or numeric strings,
//! unknown fields ignored.

use serde::Deserialize;

use crate::domain::lenient;

/// One page of usage events.
#[derive(Debug, Deserialize)]
pub(crate) struct EventsPage {
    #[serde(default, rename = "usageEvents")]
    pub usage_events: Option<Vec<UsageEvent>>,
    #[serde(default)]
    pub pagination: Option<Pagination>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Pagination {
    #[serde(default, rename = "hasNextPage", deserialize_with = "lenient::flag")]
    pub has_next_page: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UsageEvent {
    /// Epoch milliseconds, as a string (or a number).
    #[serde(default)]
    pub timestamp: serde_json::Value,
    #[serde(default, rename = "userEmail", deserialize_with = "lenient::opt_text")]
    pub user_email: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    /// The billing category: `Usage-based`, `Included in Business`...
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub kind: Option<String>,
    /// Whether the event is charged (on-demand); included usage is paid by the seat.
    #[serde(default, rename = "isChargeable")]
    pub is_chargeable: Option<bool>,
    /// Cents charged (fractional), the model's cost plus Cursor's token rate.
    #[serde(default, rename = "chargedCents")]
    pub charged_cents: serde_json::Value,
    #[serde(default, rename = "tokenUsage")]
    pub token_usage: Option<TokenUsage>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TokenUsage {
    #[serde(default, rename = "inputTokens", deserialize_with = "lenient::count")]
    pub input_tokens: u64,
    #[serde(default, rename = "outputTokens", deserialize_with = "lenient::count")]
    pub output_tokens: u64,
    #[serde(default, rename = "cacheWriteTokens", deserialize_with = "lenient::count")]
    pub cache_write_tokens: u64,
    #[serde(default, rename = "cacheReadTokens", deserialize_with = "lenient::count")]
    pub cache_read_tokens: u64,
}

/// `GET /teams/members`.
#[derive(Debug, Deserialize)]
pub(crate) struct Members {
    #[serde(default, rename = "teamMembers")]
    pub team_members: Option<Vec<Member>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Member {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
}
