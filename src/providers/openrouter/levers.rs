//! OpenRouter's lever: an API key's `disabled` flag (`PATCH /keys/{hash}` with
//! `{"disabled": true}`, a management key required, as OpenRouter's API reference has it).
//! Disabling is undone by `{"disabled": false}`; llmcost never deletes a key.

use serde::Deserialize;
use serde_json::{Value, json};

use super::OpenRouter;
use crate::providers::http::ProviderError;
use crate::providers::levers::{Change, Lever, fields_of, segment, text};

/// Pages read at most (100 keys a page): a list that never ends is an error, not a loop.
const MAX_PAGES: usize = 100;

/// `{"data": [...]}` or `{"data": {...}}`.
#[derive(Debug, Deserialize)]
struct Data<T> {
    data: T,
}

impl OpenRouter {
    /// Every key (with the disabled ones when asked), as OpenRouter lists them, 100 a page.
    pub(super) async fn keys(&self, include_disabled: bool) -> Result<Vec<Value>, ProviderError> {
        let mut keys: Vec<Value> = Vec::new();
        for page in 0..MAX_PAGES {
            let q = [("offset", (page * 100).to_string()), ("include_disabled", include_disabled.to_string())];
            let batch: Data<Vec<Value>> = self.http.get_json("/keys", &q).await?;
            if batch.data.is_empty() {
                break;
            }
            keys.extend(batch.data);
            if page + 1 == MAX_PAGES {
                return Err(self.malformed(format!("/keys: more than {MAX_PAGES} pages of keys; refusing to read on")));
            }
        }
        Ok(keys)
    }

    /// Every enabled key, to be disabled.
    pub(super) async fn key_changes(&self) -> Result<Vec<Change>, ProviderError> {
        Ok(self
            .keys(false)
            .await?
            .into_iter()
            .filter(|k| k.get("disabled").and_then(Value::as_bool) == Some(false))
            .filter_map(|k| {
                let hash = text(&k, "hash")?;
                let name = text(&k, "name").or_else(|| text(&k, "label")).unwrap_or_else(|| hash.clone());
                let label = text(&k, "label").filter(|l| *l != name).map(|l| format!(" ({l})")).unwrap_or_default();
                Some(Change {
                    lever: Lever { kind: "api_key".into(), id: hash, name: format!("{name}{label}"), project: None },
                    current: json!({"disabled": false}),
                    braked: json!({"disabled": true}),
                })
            })
            .collect())
    }

    /// The key's flag now.
    pub(super) async fn key_read(&self, lever: &Lever, like: &Value) -> Result<Value, ProviderError> {
        let key: Data<Value> = self.http.get_json(&format!("/keys/{}", segment(&lever.id)), &[]).await?;
        Ok(fields_of(&key.data, like))
    }

    /// Sets the key's flag; the flag after, as OpenRouter answers.
    pub(super) async fn key_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let path = format!("/keys/{}", segment(&lever.id));
        let key: Data<Value> = self.http.send_json(reqwest::Method::PATCH, &path, value, &[]).await?;
        Ok(fields_of(&key.data, value))
    }
}
