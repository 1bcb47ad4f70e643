//! OpenAI Admin API wire types (`../shared/docs/provider-apis.md` §2), serde only.
//! Unknown fields are ignored; a missing `data` array is an error, never a silent $0.

use serde::Deserialize;

use crate::providers::http::CursorPage;

/// The envelope of `/organization/costs` and `/organization/usage/*`.
#[derive(Debug, Deserialize)]
pub struct BucketPage<T> {
    pub data: Vec<Bucket<T>>,
    #[serde(default)]
    pub has_more: bool,
    #[serde(default)]
    pub next_page: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Bucket<T> {
    /// Unix seconds, inclusive.
    pub start_time: i64,
    /// The 2024-12 spec called this `result`; the live API says `results`.
    #[serde(alias = "result")]
    pub results: Vec<T>,
}

#[derive(Debug, Deserialize)]
pub struct CostResult {
    pub amount: Option<Amount>,
    #[serde(default)]
    pub line_item: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Amount {
    /// Dollars: a JSON number per the spec, a numeric string in some responses.
    pub value: serde_json::Value,
    #[serde(default)]
    pub currency: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CompletionsUsageResult {
    #[serde(default)]
    pub input_tokens: u64,
    #[serde(default)]
    pub output_tokens: u64,
    #[serde(default)]
    pub num_model_requests: u64,
    #[serde(default)]
    pub input_cached_tokens: Option<u64>,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub model: Option<String>,
}

/// `/organization/projects`.
#[derive(Debug, Deserialize)]
pub struct ProjectPage {
    pub data: Vec<Project>,
    #[serde(default)]
    pub has_more: bool,
    #[serde(default)]
    pub last_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Project {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub archived_at: Option<i64>,
}

impl<T: serde::de::DeserializeOwned> CursorPage for BucketPage<T> {
    fn next_cursor(&self) -> Option<String> {
        self.next_page.clone().filter(|_| self.has_more)
    }
}

impl CursorPage for ProjectPage {
    fn next_cursor(&self) -> Option<String> {
        let last = self.last_id.clone().or_else(|| self.data.last().map(|p| p.id.clone()));
        last.filter(|_| self.has_more)
    }
}
