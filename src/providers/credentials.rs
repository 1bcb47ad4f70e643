//! What a provider's credential resolution may look at — the account, its workspace settings,
//! the key store and the environment llmcost read — and the resolvers every key provider shares.
//! Each provider names its resolver in its `ProviderInfo`; the app never special-cases one.

use super::Credentials;
use crate::config_workspace::WorkspaceConfig;
use crate::domain::Account;
use crate::secrets::{KeyError, KeySource, Keys, Secret};

/// A provider's credentials and where they came from, or why none were found.
pub(crate) type Resolved = Result<(Credentials, KeySource), KeyError>;

pub struct CredentialContext<'a> {
    pub account: &'a Account,
    pub settings: &'a WorkspaceConfig,
    pub keys: &'a Keys,
    /// The variables llmcost reads (its own, and the AWS, Azure and Google ones), read once.
    pub env: &'a [(String, String)],
}

impl CredentialContext<'_> {
    /// The account's key: its variable, then the keyring.
    pub fn key(&self) -> Result<(Secret, KeySource), KeyError> {
        self.keys.lookup(self.account)
    }

    pub fn env_value(&self, name: &str) -> Option<&str> {
        self.env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// `1`, `true`, `yes` or `on`.
    pub fn env_flag(&self, name: &str) -> bool {
        self.env_value(name)
            .is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"))
    }

    /// No credentials from the provider's own chain, and why.
    pub fn not_found(&self, reason: String) -> KeyError {
        KeyError::Ambient { account: self.account.to_string(), reason }
    }
}

/// An API key from the account's variable or the keyring (OpenAI, Anthropic, OpenRouter, xAI).
pub(crate) fn api_key(ctx: &CredentialContext<'_>) -> Resolved {
    ctx.key().map(|(k, s)| (Credentials::Key(k), s))
}

/// Imported spend needs none.
pub(crate) fn none_needed(_: &CredentialContext<'_>) -> Resolved {
    Ok((Credentials::Key(Secret::new("")), KeySource::Ambient("imported from files".to_string())))
}
