//! `[[notify]]` channels in the config: where budget alerts go. A webhook URL is a credential:
//! it is read from the config or an environment variable, shown masked, never logged.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Slack,
    Teams,
    Discord,
    Pagerduty,
    Webhook,
}

impl Kind {
    /// Whether a message whose outcome was lost (a crash mid-send) is better lost than repeated:
    /// chat channels show a repeat; PagerDuty (dedup key) and webhooks (message id) drop one.
    pub fn at_most_once(self) -> bool {
        matches!(self, Kind::Slack | Kind::Teams | Kind::Discord)
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Slack => "slack",
            Kind::Teams => "teams",
            Kind::Discord => "discord",
            Kind::Pagerduty => "pagerduty",
            Kind::Webhook => "webhook",
        }
    }
}

/// The least serious event a channel hears about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MinLevel {
    Warning,
    Exceeded,
}

/// A `[[notify]]` entry as written.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChannel {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub url: Option<String>,
    pub url_env: Option<String>,
    pub budgets: Option<Vec<String>>,
    pub min_level: Option<String>,
    pub routing_key_env: Option<String>,
    pub secret_env: Option<String>,
}

/// A validated channel.
#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    pub name: String,
    pub kind: Kind,
    pub url: Option<String>,
    pub url_env: Option<String>,
    /// Empty: every budget.
    pub budgets: Vec<String>,
    pub min_level: MinLevel,
    pub routing_key_env: Option<String>,
    pub secret_env: Option<String>,
}

pub(crate) const PAGERDUTY_URL: &str = "https://events.pagerduty.com/v2/enqueue";

impl Channel {
    /// Where to POST: the configured URL, the variable it names, or (PagerDuty) the Events API.
    pub fn target(&self) -> std::result::Result<String, String> {
        if let Some(var) = &self.url_env {
            return std::env::var(var).map_err(|_| format!("{var} (url_env) is not set"));
        }
        if let Some(url) = &self.url {
            return Ok(url.clone());
        }
        if self.kind == Kind::Pagerduty {
            return Ok(std::env::var("LLMCOST_PAGERDUTY_URL").unwrap_or_else(|_| PAGERDUTY_URL.to_string()));
        }
        Err("no url or url_env".to_string())
    }

    /// A secret named by an `*_env` field.
    pub fn secret(&self, var: &Option<String>, field: &str) -> std::result::Result<Option<String>, String> {
        match var {
            None => Ok(None),
            Some(v) => std::env::var(v).map(Some).map_err(|_| format!("{v} ({field}) is not set")),
        }
    }

    pub fn wants(&self, budget: &str, exceeded: bool) -> bool {
        // A wildcard budget's verdicts (`per-person/ana@...`) go where the budget goes.
        (self.budgets.is_empty()
            || self
                .budgets
                .iter()
                .any(|b| b == budget || budget.strip_prefix(b.as_str()).is_some_and(|r| r.starts_with('/'))))
            && (self.min_level == MinLevel::Warning || exceeded)
    }
}

/// Validates every entry; errors name the file, the entry and the field.
pub(crate) fn validate_all(raw: &[RawChannel], budgets: &[String], path: &Path) -> Result<Vec<Channel>> {
    let mut out = Vec::new();
    let mut names = BTreeSet::new();
    for (i, r) in raw.iter().enumerate() {
        let at = |field: &str, msg: String| {
            let entry = r.name.clone().unwrap_or_else(|| format!("#{}", i + 1));
            Error::Config(format!("invalid config {}: [[notify]] {entry}: {field}: {msg}", path.display()))
        };
        let kind_text = r
            .kind
            .as_deref()
            .ok_or_else(|| at("kind", "missing (slack, teams, discord, pagerduty or webhook)".into()))?;
        let kind: Kind = toml::Value::String(kind_text.to_string())
            .try_into()
            .map_err(|_| at("kind", format!("'{kind_text}' is not slack, teams, discord, pagerduty or webhook")))?;
        let name = r.name.clone().unwrap_or_else(|| kind.name().to_string());
        if !names.insert(name.clone()) {
            return Err(at("name", format!("'{name}' is used twice: give each channel its own name")));
        }
        let min_level = match r.min_level.as_deref() {
            None | Some("warning") => MinLevel::Warning,
            Some("exceeded") => MinLevel::Exceeded,
            Some(other) => return Err(at("min_level", format!("'{other}' is not warning or exceeded"))),
        };
        if let Some(url) = &r.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(at("url", "not an http(s) URL".into()));
        }
        if r.url.is_some() && r.url_env.is_some() {
            return Err(at("url", "give url or url_env, not both".into()));
        }
        if kind == Kind::Pagerduty {
            if r.routing_key_env.is_none() {
                return Err(at(
                    "routing_key_env",
                    "missing: the variable holding the integration's routing key".into(),
                ));
            }
        } else {
            if r.url.is_none() && r.url_env.is_none() {
                return Err(at("url", "missing: give url, or url_env naming a variable that holds it".into()));
            }
            if r.routing_key_env.is_some() {
                return Err(at("routing_key_env", "only pagerduty channels have one".into()));
            }
        }
        if r.secret_env.is_some() && kind != Kind::Webhook {
            return Err(at("secret_env", "only webhook channels are signed".into()));
        }
        for b in r.budgets.iter().flatten() {
            if !budgets.contains(b) {
                return Err(at("budgets", format!("no budget named '{b}'")));
            }
        }
        out.push(Channel {
            name,
            kind,
            url: r.url.clone(),
            url_env: r.url_env.clone(),
            budgets: r.budgets.clone().unwrap_or_default(),
            min_level,
            routing_key_env: r.routing_key_env.clone(),
            secret_env: r.secret_env.clone(),
        });
    }
    Ok(out)
}
