//! Anthropic Admin API wire types (`../shared/docs/provider-apis.md` §3), serde only.

use serde::Deserialize;

use crate::providers::http::CursorPage;

/// The envelope of `cost_report` and `usage_report/messages`.
#[derive(Debug, Deserialize)]
pub struct ReportPage<T> {
    pub data: Vec<Bucket<T>>,
    #[serde(default)]
    pub has_more: bool,
    #[serde(default)]
    pub next_page: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Bucket<T> {
    /// RFC 3339, snapped to a UTC day.
    pub starting_at: String,
    pub results: Vec<T>,
}

#[derive(Debug, Deserialize)]
pub struct CostResult {
    /// **Cents**, as a decimal string: `"41280.000000"` is $412.80.
    pub amount: serde_json::Value,
    #[serde(default)]
    pub currency: Option<String>,
    /// `null` is the Default workspace.
    #[serde(default)]
    pub workspace_id: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// `null` for web search, code execution and other non-model costs.
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub context_window: Option<String>,
    #[serde(default)]
    pub service_tier: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct MessagesUsageResult {
    #[serde(default)]
    pub uncached_input_tokens: u64,
    /// Cache writes are nested here; there is no flat `cache_creation_input_tokens`.
    #[serde(default)]
    pub cache_creation: Option<CacheCreation>,
    #[serde(default)]
    pub cache_read_input_tokens: u64,
    #[serde(default)]
    pub output_tokens: u64,
    #[serde(default)]
    pub workspace_id: Option<String>,
    #[serde(default)]
    pub model: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CacheCreation {
    #[serde(default)]
    pub ephemeral_1h_input_tokens: u64,
    #[serde(default)]
    pub ephemeral_5m_input_tokens: u64,
}

/// `/v1/organizations/workspaces`.
#[derive(Debug, Deserialize)]
pub struct WorkspacePage {
    pub data: Vec<Workspace>,
    #[serde(default)]
    pub has_more: bool,
    #[serde(default)]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Workspace {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub archived_at: Option<String>,
}

impl<T: serde::de::DeserializeOwned> CursorPage for ReportPage<T> {
    fn next_cursor(&self) -> Option<String> {
        self.next_page.clone().filter(|_| self.has_more)
    }
}

impl CursorPage for WorkspacePage {
    fn next_cursor(&self) -> Option<String> {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|w| w.id.clone()));
        last.filter(|_| self.has_more)
    }
}
