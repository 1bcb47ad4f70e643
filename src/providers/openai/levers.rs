//! OpenAI's levers. A project's rate limits, lowered to one request (and one token, image,
//! megabyte...) per period for every model, the old values journaled so an undo sets them back
//! (`GET /organization/projects/{id}/rate_limits`, `POST .../rate_limits/{rate_limit_id}`, as
//! OpenAI's OpenAPI spec has them). The organization's and each project's hard monthly spend
//! limit (`GET/POST/DELETE /organization[/projects/{id}]/spend_limit`, `threshold_amount` in
//! cents, as OpenAI's Python SDK has them): `limits` sets it, and an undo sets the old amount
//! back, or removes a limit there was none of before. OpenAI's Admin API can delete a project's
//! keys but not disable them, and archiving a project cannot be undone: llmcost uses neither.

use serde_json::{Map, Value, json};

use super::OpenAi;
use crate::providers::http::ProviderError;
use crate::providers::levers::{Change, Lever, ObjectPage, fields_of, segment, text};

/// The limits a rate limit object may carry; each present one is lowered to 1.
const LIMITS: [&str; 6] = [
    "max_requests_per_1_minute",
    "max_tokens_per_1_minute",
    "max_images_per_1_minute",
    "max_audio_megabytes_per_1_minute",
    "max_requests_per_1_day",
    "batch_1_day_max_input_tokens",
];

/// The spend limit's path: the organization's or the lever's project's.
fn spend_limit_path(lever: &Lever) -> String {
    match &lever.project {
        Some(p) => format!("/organization/projects/{}/spend_limit", segment(p)),
        None => "/organization/spend_limit".to_string(),
    }
}

/// A spend limit as levers speak of it: `{"amount": "50000", "currency": "USD"}`.
fn limit_value(limit: &Value) -> Value {
    let amount = match limit.get("threshold_amount") {
        Some(Value::Number(n)) => Value::String(n.to_string()),
        Some(Value::String(s)) => Value::String(s.clone()),
        _ => Value::Null,
    };
    json!({"amount": amount, "currency": limit.get("currency").cloned().unwrap_or(Value::Null)})
}

impl OpenAi {
    /// A lever's setting now: a rate limit's values, a spend limit's amount, or a project's
    /// model permissions.
    pub(super) async fn lever_now(&self, lever: &Lever, like: &Value) -> Result<Value, ProviderError> {
        match lever.kind.as_str() {
            "spend_limit" => self.spend_limit_read(lever).await,
            "model_permissions" => Ok(fields_of(&self.model_permissions_read(lever).await?, like)),
            _ => self.rate_limit_read(lever, like).await,
        }
    }

    /// Sets a lever: a rate limit's values, a spend limit's amount, or a project's model
    /// permissions.
    pub(super) async fn lever_set(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        match lever.kind.as_str() {
            "spend_limit" => self.spend_limit_write(lever, value).await,
            "model_permissions" => self.model_permissions_write(lever, value).await,
            _ => self.rate_limit_write(lever, value).await,
        }
    }

    /// The limit now; an `amount` of null where none is set (OpenAI answers 404).
    async fn spend_limit_read(&self, lever: &Lever) -> Result<Value, ProviderError> {
        match self.http.get_json::<Value>(&spend_limit_path(lever), &[]).await {
            Ok(limit) => Ok(limit_value(&limit)),
            Err(e) if e.kind == crate::providers::http::FailureKind::Rejected(404) => {
                Ok(json!({"amount": null, "currency": null}))
            }
            Err(e) => Err(e),
        }
    }

    /// Sets the limit to `value`'s amount (whole cents), or removes it for an amount of null
    /// (an undo of a limit there was none of before); the limit after, as OpenAI answers.
    async fn spend_limit_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let path = spend_limit_path(lever);
        let cents = match value.get("amount") {
            None | Some(Value::Null) => {
                let _: Value = self.http.send_json(reqwest::Method::DELETE, &path, &Value::Null, &[]).await?;
                return Ok(json!({"amount": null}));
            }
            Some(v) => v.as_str().and_then(|t| t.parse::<u64>().ok()).or_else(|| v.as_u64()),
        };
        let Some(cents) = cents else {
            return Err(self.malformed(&path, format!("a spend limit is whole cents, not {value}")));
        };
        let body = json!({"threshold_amount": cents, "currency": "USD", "interval": "month"});
        let limit: Value = self.http.send_json(reqwest::Method::POST, &path, &body, &[]).await?;
        Ok(fields_of(&limit_value(&limit), value))
    }

    /// Every model's rate limits in every active project, to be lowered to 1.
    pub(super) async fn rate_limit_changes(&self) -> Result<Vec<Change>, ProviderError> {
        let mut changes = Vec::new();
        for project in self.project_list().await?.into_iter().filter(|p| p.status == "active") {
            for limit in self.rate_limits(&project.id).await? {
                let Some(id) = text(&limit, "id") else { continue };
                let current: Map<String, Value> = LIMITS
                    .iter()
                    .filter_map(|f| limit.get(*f).filter(|v| v.is_u64()).map(|v| ((*f).to_string(), v.clone())))
                    .collect();
                if current.is_empty() || current.values().all(|v| v.as_u64() == Some(1)) {
                    continue;
                }
                let braked = current.keys().map(|k| (k.clone(), Value::from(1))).collect();
                let model = text(&limit, "model").unwrap_or_else(|| id.clone());
                changes.push(Change {
                    lever: Lever {
                        kind: "rate_limit".into(),
                        id,
                        name: format!("{} · {model}", project.name),
                        project: Some(project.id.clone()),
                    },
                    current: Value::Object(current),
                    braked: Value::Object(braked),
                });
            }
        }
        Ok(changes)
    }

    async fn rate_limits(&self, project: &str) -> Result<Vec<Value>, ProviderError> {
        let path = format!("/organization/projects/{}/rate_limits", segment(project));
        let pages: Vec<ObjectPage> = self.http.pages(&path, &[("limit", "100".to_string())], "after").await?;
        Ok(pages.into_iter().flat_map(|p| p.data).collect())
    }

    /// The rate limit's values now.
    pub(super) async fn rate_limit_read(&self, lever: &Lever, like: &Value) -> Result<Value, ProviderError> {
        let project = lever.project.as_deref().unwrap_or_default();
        let found = self.rate_limits(project).await?.into_iter().find(|l| text(l, "id").as_deref() == Some(&lever.id));
        match found {
            Some(limit) => Ok(fields_of(&limit, like)),
            None => Err(self.malformed(
                "/organization/projects/{id}/rate_limits",
                format!("rate limit {:?} is no longer listed in project {project:?}", lever.id),
            )),
        }
    }

    /// Sets the rate limit's values; its values after, as OpenAI answers.
    pub(super) async fn rate_limit_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let project = lever.project.as_deref().unwrap_or_default();
        let path = format!("/organization/projects/{}/rate_limits/{}", segment(project), segment(&lever.id));
        let limit: Value = self.http.send_json(reqwest::Method::POST, &path, value, &[]).await?;
        Ok(fields_of(&limit, value))
    }
}
