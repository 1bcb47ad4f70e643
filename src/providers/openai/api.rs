//! OpenAI Admin API wire types (`../shared/docs/provider-apis.md` §2), serde only.
//! Unknown fields are ignored; a missing `data` array is an error, never a silent $0.

use serde::Deserialize;

use crate::domain::lenient;
use crate::providers::http::{CursorPage, NextPage};

/// The envelope of `/organization/costs` and `/organization/usage/*`.
#[derive(Debug, Deserialize)]
pub struct BucketPage<T> {
    pub data: Vec<Bucket<T>>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub next_page: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Bucket<T> {
    /// Unix seconds, inclusive (a number; read tolerantly, as the live API also adds
    /// `start_time_iso` with and without an offset, which llmcost ignores).
    pub start_time: serde_json::Value,
    /// The 2024-12 spec called this `result`; the live API says `results`. `null` is empty.
    #[serde(alias = "result", default = "Option::default")]
    pub results: Option<Vec<T>>,
}

#[derive(Debug, Deserialize)]
pub struct CostResult {
    pub amount: Option<Amount>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub line_item: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub project_id: Option<String>,
    /// With `group_by=api_key_id` (where the API takes it): the key billed (`null`: none).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub api_key_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Amount {
    /// Dollars: a JSON number per the spec; the live API sends numeric strings such as
    /// `"0E-6176"` and `"0.000004500000000000000000000000000000000"`.
    #[serde(default)]
    pub value: serde_json::Value,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub currency: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CompletionsUsageResult {
    #[serde(default, deserialize_with = "lenient::count")]
    pub input_tokens: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub output_tokens: u64,
    #[serde(default, deserialize_with = "lenient::count")]
    pub num_model_requests: u64,
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub input_cached_tokens: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub project_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub model: Option<String>,
    /// With `group_by=api_key_id`: the key that made the requests (`null`: none, the playground).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub api_key_id: Option<String>,
    /// With `group_by=batch`: whether the requests went through the Batch API.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub batch: bool,
}

/// `/organization/projects`.
#[derive(Debug, Deserialize)]
pub struct ProjectPage {
    pub data: Vec<Project>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Project {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub status: Option<String>,
    #[serde(default)]
    pub archived_at: Option<serde_json::Value>,
}

/// `/organization/projects/{id}/api_keys`.
#[derive(Debug, Deserialize)]
pub struct KeyPage {
    pub data: Vec<ProjectKey>,
    #[serde(default, deserialize_with = "lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ProjectKey {
    pub id: String,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
    /// `sk-abc...def`: what the API shows of the secret, never the secret.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub redacted_value: Option<String>,
    #[serde(default)]
    pub owner: Option<KeyOwner>,
}

#[derive(Debug, Deserialize)]
pub struct KeyOwner {
    #[serde(default)]
    pub user: Option<Person>,
    #[serde(default)]
    pub service_account: Option<Person>,
}

#[derive(Debug, Deserialize)]
pub struct Person {
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub email: Option<String>,
}

impl CursorPage for KeyPage {
    fn next_page(&self) -> NextPage {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|k| k.id.clone()));
        NextPage::from_parts(self.has_more, last)
    }
}

impl<T: serde::de::DeserializeOwned> CursorPage for BucketPage<T> {
    fn next_page(&self) -> NextPage {
        NextPage::from_parts(self.has_more, self.next_page.clone())
    }
}

impl CursorPage for ProjectPage {
    fn next_page(&self) -> NextPage {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|p| p.id.clone()));
        NextPage::from_parts(self.has_more, last)
    }
}
