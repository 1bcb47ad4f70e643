//! The settings llmcost may change at a provider to stop spend (`llmcost brake`). Each lever is
//! reversible by construction: a key set inactive or disabled (never deleted or archived), a rate
//! limit lowered (its old values kept). A provider proposes its changes from what it reads now;
//! `app::brake` journals the value each replaces before writing, so an undo restores it exactly.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A rung of the brake's ladder, mildest first: slow every request down, refuse the expensive
/// models, stop the keys. Each is reversible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rung {
    /// Rate limits lowered to one (OpenAI's project rate limits).
    Throttle,
    /// The expensive models denied (OpenAI's project model permissions).
    DenyModels,
    /// API keys disabled or set inactive (Anthropic, OpenRouter).
    Keys,
}

impl Rung {
    pub const ALL: [Rung; 3] = [Rung::Throttle, Rung::DenyModels, Rung::Keys];

    /// As `--rung` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Rung::Throttle => "throttle",
            Rung::DenyModels => "deny-models",
            Rung::Keys => "keys",
        }
    }
}

/// A monthly spend limit's lever: the organization's (`None`), or one scope's below it (an
/// Anthropic workspace, an OpenAI project), for `SpendLimitLever::lever`.
pub(crate) fn spend_limit(scope: Option<&str>) -> Lever {
    let id = scope.unwrap_or("organization").to_string();
    Lever {
        kind: "spend_limit".into(),
        name: format!("monthly spend limit ({id})"),
        project: scope.map(str::to_string),
        id,
    }
}

/// One object a lever acts on and the setting it changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lever {
    /// What the object is: `api_key`, `rate_limit`.
    pub kind: String,
    /// The provider's id for it (a key id or hash, a rate limit id).
    pub id: String,
    /// The provider's name for it, for people (untrusted text: shown escaped).
    pub name: String,
    /// The project (OpenAI) or workspace (Anthropic) it belongs to, where the provider has them.
    pub project: Option<String>,
}

/// A lever's setting now and the value that stops spend: objects with the same fields
/// (`{"status": "active"}` and `{"status": "inactive"}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub lever: Lever,
    pub current: Value,
    pub braked: Value,
}

/// The fields of `value` that `like` has: what a read returns of a lever's setting, so a
/// comparison or an undo touches those fields and nothing else.
pub(crate) fn fields_of(value: &Value, like: &Value) -> Value {
    let Some(wanted) = like.as_object() else { return Value::Null };
    let picked = wanted.keys().map(|k| (k.clone(), value.get(k).cloned().unwrap_or(Value::Null))).collect();
    Value::Object(picked)
}

/// A list page of objects read as JSON (`data`, `has_more`, `last_id`): the key and rate-limit
/// lists levers are proposed from.
#[derive(Debug, Deserialize)]
pub(crate) struct ObjectPage {
    #[serde(default)]
    pub data: Vec<Value>,
    #[serde(default, deserialize_with = "crate::domain::lenient::flag")]
    pub has_more: bool,
    #[serde(default, deserialize_with = "crate::domain::lenient::opt_text")]
    pub last_id: Option<String>,
}

impl super::http::CursorPage for ObjectPage {
    fn next_page(&self) -> super::http::NextPage {
        let last = self.last_id.clone().or_else(|| self.data.last().and_then(|o| text(o, "id")));
        super::http::NextPage::from_parts(self.has_more, last)
    }
}

/// A text field of an object.
pub(crate) fn text(value: &Value, field: &str) -> Option<String> {
    value.get(field).and_then(Value::as_str).map(str::to_string)
}

/// `id` as one path segment: every byte but unreserved ones percent-encoded, so an id a
/// provider (or a hostile server) sends can never reach another path (`../`, `?`, `#`).
pub(crate) fn segment(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) && !(id == "." || id == "..") {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Values llmcost never writes, whatever a provider proposes: they cannot be undone (an
/// archived Anthropic key stays archived) or remove the object.
pub(crate) fn irreversible(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.values().any(|v| v.as_str().is_some_and(|s| ["archived", "deleted", "revoked"].contains(&s)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_is_the_fields_the_lever_changes() {
        let key = serde_json::json!({"id": "k1", "status": "active", "name": "ci"});
        assert_eq!(
            fields_of(&key, &serde_json::json!({"status": "inactive"})),
            serde_json::json!({"status": "active"})
        );
        let limit = serde_json::json!({"max_requests_per_1_minute": 600});
        let like = serde_json::json!({"max_requests_per_1_minute": 1, "max_tokens_per_1_minute": 1});
        assert_eq!(
            fields_of(&limit, &like),
            serde_json::json!({"max_requests_per_1_minute": 600, "max_tokens_per_1_minute": null})
        );
    }

    #[test]
    fn ids_stay_one_path_segment() {
        assert_eq!(segment("apikey_01Rj2N8SVvo6BePZj99NhmiT"), "apikey_01Rj2N8SVvo6BePZj99NhmiT");
        assert_eq!(segment("../admin?x#y"), "..%2Fadmin%3Fx%23y");
        assert_eq!(segment(".."), "%2E%2E");
        assert!(irreversible(&serde_json::json!({"status": "archived"})));
        assert!(!irreversible(&serde_json::json!({"status": "inactive"})));
    }
}
