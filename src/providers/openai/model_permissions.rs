//! OpenAI's deny-models lever: a project's model permissions (`GET/POST/DELETE
//! /organization/projects/{id}/model_permissions`, `{"mode": "allow_list" | "deny_list",
//! "model_ids": [...]}`, 404 where none is set, as OpenAI's Python SDK 3.x has them). The brake
//! adds the expensive models to a deny list (or takes them out of an allow list); the journal
//! keeps the policy it replaced, and an undo writes it back, or removes a policy there was none
//! of before.

use serde_json::{Value, json};

use super::OpenAi;
use crate::providers::http::{FailureKind, ProviderError};
use crate::providers::levers::{Change, Lever, fields_of, segment};

fn path(project: &str) -> String {
    format!("/organization/projects/{}/model_permissions", segment(project))
}

/// A policy as levers speak of it: `{"mode": ..., "model_ids": [...]}`, nulls where none is set.
fn policy(answer: &Value) -> Value {
    json!({
        "mode": answer.get("mode").cloned().unwrap_or(Value::Null),
        "model_ids": answer.get("model_ids").cloned().unwrap_or(Value::Null),
    })
}

/// The policy that refuses `deny` on top of `current`; `None` when it already does (or when
/// only an empty allow list would, which would refuse every model: not this rung's to do).
fn braked(current: &Value, deny: &[String]) -> Option<Value> {
    let ids: Vec<String> = current
        .get("model_ids")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    match current.get("mode").and_then(Value::as_str) {
        Some("allow_list") => {
            let kept: Vec<String> = ids.iter().filter(|m| !deny.contains(m)).cloned().collect();
            (kept.len() < ids.len() && !kept.is_empty()).then(|| json!({"mode": "allow_list", "model_ids": kept}))
        }
        Some("deny_list") => {
            let mut all = ids.clone();
            all.extend(deny.iter().filter(|m| !ids.contains(m)).cloned());
            (all.len() > ids.len()).then(|| json!({"mode": "deny_list", "model_ids": all}))
        }
        _ => (!deny.is_empty()).then(|| json!({"mode": "deny_list", "model_ids": deny})),
    }
}

impl OpenAi {
    /// Every active project's policy, with `deny` refused.
    pub(super) async fn model_permission_changes(&self, deny: &[String]) -> Result<Vec<Change>, ProviderError> {
        let mut changes = Vec::new();
        for project in self.project_list().await?.into_iter().filter(|p| p.status == "active") {
            let lever = Lever {
                kind: "model_permissions".into(),
                id: project.id.clone(),
                name: project.name.clone(),
                project: Some(project.id.clone()),
            };
            let current = self.model_permissions_read(&lever).await?;
            if let Some(braked) = braked(&current, deny) {
                changes.push(Change { lever, current, braked });
            }
        }
        Ok(changes)
    }

    /// The project's policy now; nulls where none is set (OpenAI answers 404).
    pub(super) async fn model_permissions_read(&self, lever: &Lever) -> Result<Value, ProviderError> {
        let project = lever.project.as_deref().unwrap_or(&lever.id);
        match self.http.get_json::<Value>(&path(project), &[]).await {
            Ok(answer) => Ok(policy(&answer)),
            Err(e) if e.kind == FailureKind::Rejected(404) => Ok(json!({"mode": null, "model_ids": null})),
            Err(e) => Err(e),
        }
    }

    /// Sets the project's policy, or removes it for a `mode` of null (an undo of a policy
    /// there was none of before); the policy after, as OpenAI answers.
    pub(super) async fn model_permissions_write(&self, lever: &Lever, value: &Value) -> Result<Value, ProviderError> {
        let project = lever.project.as_deref().unwrap_or(&lever.id);
        if value.get("mode").is_none_or(Value::is_null) {
            let _: Value = self.http.send_json(reqwest::Method::DELETE, &path(project), &Value::Null, &[]).await?;
            return Ok(json!({"mode": null, "model_ids": null}));
        }
        let answer: Value = self.http.send_json(reqwest::Method::POST, &path(project), value, &[]).await?;
        Ok(fields_of(&policy(&answer), value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expensive_models_are_added_never_more() {
        let deny = vec!["o1-pro".to_string(), "gpt-4.5-preview".to_string()];
        let none = json!({"mode": null, "model_ids": null});
        assert_eq!(
            braked(&none, &deny),
            Some(json!({"mode": "deny_list", "model_ids": ["o1-pro", "gpt-4.5-preview"]}))
        );
        let denied = json!({"mode": "deny_list", "model_ids": ["o1-pro"]});
        assert_eq!(
            braked(&denied, &deny),
            Some(json!({"mode": "deny_list", "model_ids": ["o1-pro", "gpt-4.5-preview"]}))
        );
        let all = json!({"mode": "deny_list", "model_ids": ["gpt-4.5-preview", "o1-pro"]});
        assert_eq!(braked(&all, &deny), None, "already refused");
        let allowed = json!({"mode": "allow_list", "model_ids": ["gpt-4o-mini", "o1-pro"]});
        assert_eq!(braked(&allowed, &deny), Some(json!({"mode": "allow_list", "model_ids": ["gpt-4o-mini"]})));
        let only = json!({"mode": "allow_list", "model_ids": ["o1-pro"]});
        assert_eq!(braked(&only, &deny), None, "an empty allow list would refuse every model");
    }
}
