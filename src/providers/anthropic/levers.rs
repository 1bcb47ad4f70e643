//! Anthropic's levers: an API key's status, and a monthly spend limit. `inactive` stops a key and `active` restores it;
//! `archived` cannot be undone and is never sent (Admin API, `POST /v1/organizations/api_keys/{id}`
//! with `{"status": ...}`, as Anthropic's API reference and its Python SDK's
//! `organization.api_keys.update` have it). Admin keys are not API keys: llmcost's own key is
//! never among those it stops.

use serde_json::{Value, json};

use super::Anthropic;
use crate::providers::http::ProviderError;
use crate::providers::levers::{Change, Lever, ObjectPage, fields_of, segment, text};

const KEYS: &str = "/v1/organizations/api_keys";
const LIMITS: &str = "/v1/organizations/spend_limits";
/// Reading spend limits is a beta: Anthropic's SDK sends this with every list.
const LIMITS_BETA: &str = "spend-limit-reads-2026-09-26";
/// Pages of spend limits read at most.
const MAX_LIMIT_PAGES: usize = 50;

/// The scope object of a spend limit lever.
fn scope_of(lever: &Lever) -> Value {
    match &lever.project {
        Some(w) => json!({"type": "workspace", "workspace_id": w}),
        None => json!({"type": "organization"}),
    }
}

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

    /// A lever's setting now: a key's status, or a spend limit's `{"amount", "currency"}`.
    pub(super) async fn lever_now(&self, lever: &Lever, like: &Value) -> Result<Value, ProviderError> {
        if lever.kind == "spend_limit" { self.spend_limit_read(lever).await } else { self.key_read(lever, like).await }
    }

    /// Sets a lever: a key's status, or a monthly spend limit (`amount` in minor units).
    pub(super) async fn lever_set(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        if lever.kind == "spend_limit" {
            self.spend_limit_write(lever, value).await
        } else {
            self.key_write(lever, value).await
        }
    }

    /// The monthly limit of the lever's scope: `{"amount": "50000", "currency": "USD"}`, or an
    /// `amount` of null where none is set.
    async fn spend_limit_read(&self, lever: &Lever) -> Result<Value, ProviderError> {
        let scope = scope_of(lever);
        let mut q = vec![("limit", "100".to_string()), ("scope_type[]", text(&scope, "type").unwrap_or_default())];
        if let Some(w) = &lever.project {
            q.push(("workspace_id", w.clone()));
        }
        let mut found: Option<Value> = None;
        let mut page: Option<String> = None;
        for _ in 0..MAX_LIMIT_PAGES {
            let mut query = q.clone();
            if let Some(p) = &page {
                query.push(("page", p.clone()));
            }
            let answer: Value = self.http.get_json_with(LIMITS, &query, &[("anthropic-beta", LIMITS_BETA)]).await?;
            let data = answer.get("data").and_then(Value::as_array).cloned().unwrap_or_default();
            found = found.or_else(|| {
                data.into_iter()
                    .find(|l| l.get("scope") == Some(&scope) && text(l, "period").as_deref() == Some("monthly"))
            });
            page = text(&answer, "next_page").filter(|p| !p.is_empty());
            if found.is_some() || page.is_none() {
                break;
            }
        }
        Ok(match found {
            Some(l) => {
                json!({"amount": l.get("amount").cloned().unwrap_or(Value::Null), "currency": l.get("currency").cloned().unwrap_or(Value::Null)})
            }
            None => json!({"amount": null, "currency": null}),
        })
    }

    /// Sets the monthly limit of the lever's scope (an upsert); the limit as Anthropic answers.
    async fn spend_limit_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let body = json!({"amount": value.get("amount").cloned().unwrap_or(Value::Null), "scope": scope_of(lever), "period": "monthly"});
        let limit: Value = self.http.send_json(reqwest::Method::POST, LIMITS, &body, &[]).await?;
        Ok(fields_of(&limit, value))
    }

    /// The key's status now.
    async fn key_read(&self, lever: &Lever, like: &Value) -> Result<Value, ProviderError> {
        let key: Value = self.http.get_json(&format!("{KEYS}/{}", segment(&lever.id)), &[]).await?;
        Ok(fields_of(&key, like))
    }

    /// Sets the key's status; its status after, as Anthropic answers.
    async fn key_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let path = format!("{KEYS}/{}", segment(&lever.id));
        let key: Value = self.http.send_json(reqwest::Method::POST, &path, value, &[]).await?;
        Ok(fields_of(&key, value))
    }
}
