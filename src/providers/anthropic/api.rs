//! Anthropic Admin API wire types (`../shared/docs/provider-apis.md` §3), serde only.

use serde::Deserialize;

use crate::domain::lenient;
use crate::providers::http::{CursorPage, NextPage};

/// The envelope of `cost_report` and `usage_report/messages`.
#[derive(Debug, Deserialize)]
pub struct ReportPage<T> {
    pub data: Vec<Bucket<T>>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub next_page: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Bucket<T> {
    /// RFC 3339, snapped to a UTC day (read tolerantly: any form `day::parse_utc_day` reads).
    pub starting_at: serde_json::Value,
    /// `null` is empty.
    #[serde(default = "Option::default")]
    pub results: Option<Vec<T>>,
}

#[derive(Debug, Deserialize)]
pub struct CostResult {
    /// **Cents**, as a decimal string: `"41280.000000"` is $412.80.
    #[serde(default)]
    pub amount: serde_json::Value,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub currency: Option<String>,
    /// `null` is the Default workspace.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub workspace_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub description: Option<String>,
    /// `null` for web search, code execution and other non-model costs.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub context_window: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub service_tier: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct MessagesUsageResult {
    #[serde(default, deserialize_with = "lenient::count")]
    pub uncached_input_tokens: u64,
    /// Cache writes are nested here; there is no flat `cache_creation_input_tokens`.
    #[serde(default)]
    pub cache_creation: Option<CacheCreation>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub cache_read_input_tokens: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub output_tokens: u64,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub workspace_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    /// With `group_by[]=api_key_id`: the key (`null`: the Workbench, no key).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub api_key_id: Option<String>,
    /// With `group_by[]=service_tier`: `standard`, `batch`, `priority`...
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub service_tier: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CacheCreation {
    #[serde(default, deserialize_with = "lenient::count")]
    pub ephemeral_1h_input_tokens: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub ephemeral_5m_input_tokens: u64,
}

/// `/v1/organizations/workspaces`.
#[derive(Debug, Deserialize)]
pub struct WorkspacePage {
    pub data: Vec<Workspace>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Workspace {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub archived_at: Option<String>,
}

/// `/v1/organizations/api_keys`.
#[derive(Debug, Deserialize)]
pub struct KeyPage {
    pub data: Vec<ApiKey>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ApiKey {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
    /// `sk-ant-api03-R2D...igAA`: the API's hint, never the secret.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub partial_key_hint: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub workspace_id: Option<String>,
    #[serde(default)]
    pub created_by: Option<Actor>,
}

#[derive(Debug, Deserialize)]
pub struct Actor {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub id: Option<String>,
}

/// `/v1/organizations/users`.
#[derive(Debug, Deserialize)]
pub struct UserPage {
    pub data: Vec<User>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct User {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
}

impl CursorPage for KeyPage {
    fn next_page(&self) -> NextPage {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|k| k.id.clone()));
        NextPage::from_parts(self.has_more, last)
    }
}

impl CursorPage for UserPage {
    fn next_page(&self) -> NextPage {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|u| u.id.clone()));
        NextPage::from_parts(self.has_more, last)
    }
}

impl<T: serde::de::DeserializeOwned> CursorPage for ReportPage<T> {
    fn next_page(&self) -> NextPage {
        NextPage::from_parts(self.has_more, self.next_page.clone())
    }
}

impl CursorPage for WorkspacePage {
    fn next_page(&self) -> NextPage {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|w| w.id.clone()));
        NextPage::from_parts(self.has_more, last)
    }
}
