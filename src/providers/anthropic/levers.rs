//! Anthropic's lever: an API key's status. `inactive` stops a key and `active` restores it;
//! `archived` cannot be undone and is never sent (Admin API, `POST /v1/organizations/api_keys/{id}`
//! with `{"status": ...}`, as Anthropic's API reference and its Python SDK's
//! `organization.api_keys.update` have it). Admin keys are not API keys: llmcost's own key is
//! never among those it stops.

use serde_json::{Value, json};

use super::Anthropic;
use crate::providers::http::ProviderError;
use crate::providers::levers::{Change, Lever, ObjectPage, fields_of, segment, text};

const KEYS: &str = "/v1/organizations/api_keys";

impl Anthropic {
    /// Every active API key, to be set inactive.
    pub(super) async fn key_changes(&self) -> Result<Vec<Change>, ProviderError> {
        let q = [("limit", "100".to_string()), ("status", "active".to_string())];
        let pages: Vec<ObjectPage> = self.http.pages(KEYS, &q, "after_id").await?;
        Ok(pages
            .into_iter()
            .flat_map(|p| p.data)
            // The filter is the API's; a key it sends anyway in another state is left alone.
            .filter(|k| text(k, "status").as_deref() == Some("active"))
            .filter_map(|k| {
                let id = text(&k, "id")?;
                let name = text(&k, "name").unwrap_or_else(|| id.clone());
                let hint = text(&k, "partial_key_hint").map(|h| format!(" ({h})")).unwrap_or_default();
                Some(Change {
                    lever: Lever {
                        kind: "api_key".into(),
                        id,
                        name: format!("{name}{hint}"),
                        project: text(&k, "workspace_id"),
                    },
                    current: json!({"status": "active"}),
                    braked: json!({"status": "inactive"}),
                })
            })
            .collect())
    }

    /// The key's status now.
    pub(super) async fn key_read(&self, lever: &Lever, like: &Value) -> Result<Value, ProviderError> {
        let key: Value = self.http.get_json(&format!("{KEYS}/{}", segment(&lever.id)), &[]).await?;
        Ok(fields_of(&key, like))
    }

    /// Sets the key's status; its status after, as Anthropic answers.
    pub(super) async fn key_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let path = format!("{KEYS}/{}", segment(&lever.id));
        let key: Value = self.http.send_json(reqwest::Method::POST, &path, value, &[]).await?;
        Ok(fields_of(&key, value))
    }
}
