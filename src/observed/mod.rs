//! Spend as another system observed it: a gateway (LiteLLM's proxy), an observability tool
//! (Langfuse), or a CSV. What each says per UTC day and model, in USD, read leniently and
//! checked whole; `app::gateway` holds it against the bill.

pub(crate) mod csv_file;
pub(crate) mod langfuse;
pub(crate) mod litellm;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::Money;

/// One day and model as the other system saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Observation {
    pub day: NaiveDate,
    /// The provider when the system says it (`openai`, `anthropic`...), else `None`.
    pub provider: Option<String>,
    pub model: String,
    /// What the system priced it at, in USD.
    pub cost: Money,
    pub requests: u64,
    /// Requests that failed or timed out (LiteLLM counts them).
    pub failed_requests: u64,
    /// Input tokens read from a prompt cache.
    pub cached_tokens: u64,
}

/// The kinds of observed source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Litellm,
    Langfuse,
    Csv,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Litellm => "litellm",
            Kind::Langfuse => "langfuse",
            Kind::Csv => "csv",
        }
    }
}

/// `[[observed]]` in the config: a source to reconcile against.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservedSource {
    /// Names the source in `--observed NAME`, in its key variable
    /// (`LLMCOST_OBSERVED_KEY_<NAME>`) and in its keyring entry (`observed/<name>`).
    pub name: String,
    pub kind: Kind,
    /// The server's address (LiteLLM's proxy, Langfuse's host).
    #[serde(default)]
    pub base_url: Option<String>,
    /// A CSV's path (`kind = "csv"`).
    #[serde(default)]
    pub file: Option<std::path::PathBuf>,
}

impl ObservedSource {
    /// The environment variable its key is read from: `LLMCOST_OBSERVED_KEY_GATEWAY`.
    pub fn key_var(&self) -> String {
        let name: String =
            self.name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
        format!("LLMCOST_OBSERVED_KEY_{name}")
    }

    /// Its keyring entry (service `llmcost`): `observed/gateway`.
    pub fn keyring_user(&self) -> String {
        format!("observed/{}", self.name)
    }

    /// The config's rules: a name, a base URL for a server, a file for a CSV.
    pub(crate) fn validate(&self) -> Result<(), String> {
        crate::names::validate_workspace_name(&self.name).map_err(|e| format!("[[observed]] name: {e}"))?;
        match self.kind {
            Kind::Csv if self.file.is_none() => Err(format!("[[observed]] '{}': kind = \"csv\" needs file", self.name)),
            Kind::Litellm | Kind::Langfuse => match &self.base_url {
                None => Err(format!("[[observed]] '{}': kind = \"{}\" needs base_url", self.name, self.kind.name())),
                Some(url) => {
                    crate::net::validate_base_url(url).map_err(|e| format!("[[observed]] '{}': {e}", self.name))
                }
            },
            Kind::Csv => Ok(()),
        }
    }
}

/// A float the source sent as a dollar amount, exactly as written (`1.095e-05` included);
/// negative, NaN or absurd amounts are refused.
pub(crate) fn dollars(value: &serde_json::Value, what: &str) -> Result<Money, String> {
    let text = match value {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => return Ok(Money::ZERO),
        other => return Err(format!("{what}: {other} is not an amount")),
    };
    let m = Money::parse_dollars(&text).map_err(|e| format!("{what}: {e}"))?;
    if m.decimal().is_sign_negative() {
        return Err(format!("{what}: a negative spend ({text})"));
    }
    Ok(m)
}
