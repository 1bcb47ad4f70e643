//! Wire types of Claude Code's analytics report (`GET /v1/organizations/usage_report/claude_code`),
//! as Anthropic's API reference has them: one record per actor, day, terminal and account type,
//! cursor pages (`has_more`, `next_page`). Read leniently where the reference and its own example
//! differ: `date` is `YYYY-MM-DD` or an RFC 3339 midnight, and counts or cents may come as text.

use serde::Deserialize;

use crate::domain::lenient;
use crate::providers::http::{CursorPage, NextPage};

#[derive(Debug, Deserialize)]
pub(crate) struct Page {
    #[serde(default)]
    pub data: Vec<Record>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub next_page: Option<String>,
}

impl CursorPage for Page {
    fn next_page(&self) -> NextPage {
        NextPage::from_parts(self.has_more, self.next_page.clone())
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct Record {
    pub date: serde_json::Value,
    pub actor: Actor,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub customer_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub subscription_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub terminal_type: Option<String>,
    #[serde(default)]
    pub core_metrics: CoreMetrics,
    #[serde(default)]
    pub tool_actions: std::collections::BTreeMap<String, ToolAction>,
    #[serde(default)]
    pub model_breakdown: Vec<ModelBreakdown>,
}

/// `{"type": "user_actor", "email_address": ...}` or `{"type": "api_actor", "api_key_name": ...}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Actor {
    #[serde(rename = "type", default, deserialize_with = "lenient::opt_text")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub email_address: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub api_key_name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CoreMetrics {
    #[serde(default, deserialize_with = "lenient::count")]
    pub num_sessions: u64,
    #[serde(default)]
    pub lines_of_code: LinesOfCode,
    #[serde(default, deserialize_with = "lenient::count")]
    pub commits_by_claude_code: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub pull_requests_by_claude_code: u64,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LinesOfCode {
    #[serde(default, deserialize_with = "lenient::count")]
    pub added: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub removed: u64,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ToolAction {
    #[serde(default, deserialize_with = "lenient::count")]
    pub accepted: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub rejected: u64,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ModelBreakdown {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    #[serde(default)]
    pub tokens: Tokens,
    pub estimated_cost: Option<EstimatedCost>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Tokens {
    #[serde(default, deserialize_with = "lenient::count")]
    pub input: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub output: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub cache_read: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub cache_creation: u64,
}

/// Minor units of `currency` (cents of USD), a number or a decimal string.
#[derive(Debug, Deserialize)]
pub(crate) struct EstimatedCost {
    #[serde(default)]
    pub amount: serde_json::Value,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub currency: Option<String>,
}
