//! OpenAI's lever: a project's rate limits, lowered to one request (and one token, image,
//! megabyte...) per period for every model, the old values journaled so an undo sets them back
//! (`GET /organization/projects/{id}/rate_limits`, `POST .../rate_limits/{rate_limit_id}`, as
//! OpenAI's OpenAPI spec has them). OpenAI's Admin API can delete a project's keys but not
//! disable them, and archiving a project cannot be undone: llmcost uses neither.

use serde_json::{Map, Value};

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

impl OpenAi {
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
