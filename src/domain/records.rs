//! Records as llmcost stores them, whatever provider they came from.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::Money;

pub use crate::providers::ProviderKind;

/// Shorthands for the facts every provider declares in its folder (`providers::ProviderInfo`).
impl ProviderKind {
    /// The identifier used on the command line, in config and in the cache.
    pub fn id(self) -> &'static str {
        match self {
            ProviderKind::Imported(id) => id,
            _ => self.info().id,
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            ProviderKind::Imported(id) => ProviderKind::imported_name(id),
            _ => self.info().display,
        }
    }

    /// What kind of key the billing API needs, for help and error messages.
    pub fn key_kind(self) -> &'static str {
        self.info().key_kind
    }

    /// The prefix admin keys usually have; a different one earns a warning, not a refusal.
    pub fn key_prefix(self) -> &'static str {
        self.info().key_prefix
    }

    /// How costs outside any project are labelled: each provider has its own name for it.
    pub fn default_project_label(self) -> &'static str {
        self.info().default_project_label
    }

    /// The days the billing API can serve on `today`: `(oldest, newest)`, `None` for no limit.
    pub fn servable_days(self, today: NaiveDate) -> (Option<NaiveDate>, NaiveDate) {
        self.info().servable_days(today)
    }
}

impl fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider '{0}': supported providers are: {ids}", ids = crate::providers::registry::ids())]
pub struct UnknownProvider(pub String);

impl FromStr for ProviderKind {
    type Err = UnknownProvider;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase();
        ProviderKind::ALL.iter().copied().find(|p| p.id() == key).ok_or_else(|| UnknownProvider(s.trim().to_string()))
    }
}

/// One account of a provider with its own admin key: an OpenAI organization, say.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Account {
    pub provider: ProviderKind,
    pub workspace: String,
}

impl Account {
    pub fn new(provider: ProviderKind, workspace: impl Into<String>) -> Self {
        Account { provider, workspace: workspace.into() }
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.provider, self.workspace)
    }
}

/// Billed cost for one UTC day, project and line item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostRecord {
    pub day: NaiveDate,
    /// `None` is the provider's default project (or cost not attributed to one).
    pub project_id: Option<String>,
    pub line_item: String,
    pub model: String,
    pub amount: Money,
    /// The billing currency of `amount` (ISO 4217; USD for every API provider but clouds).
    pub currency: super::currency::Currency,
}

/// Token and request counts for one UTC day, project and model (and API key, where the
/// provider reports usage per key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageRecord {
    pub day: NaiveDate,
    pub project_id: Option<String>,
    pub model: String,
    pub totals: UsageTotals,
    /// The API key that used the tokens: `None` where the provider does not say; `Some("")`
    /// for usage without a key (the console, a playground).
    pub key_id: Option<String>,
    /// What the key was billed on this line, where the provider bills per key (OpenRouter):
    /// its parts are then billed, not allocated by usage.
    pub billed: Option<crate::domain::Money>,
}

/// An API key as its provider lists it: never its secret, only the provider's redacted hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiKeyInfo {
    pub id: String,
    pub name: String,
    /// The person it belongs to (an email), or a service account's name.
    pub owner: Option<String>,
    /// `user` or `service_account` (empty: unknown).
    pub owner_kind: String,
    /// The provider's redacted form (`sk-proj-...abc1`, `sk-ant-api03-Ab1...xQAA`).
    pub hint: Option<String>,
    /// The project (OpenAI) or workspace (Anthropic) it belongs to.
    pub project_id: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UsageTotals {
    /// All input tokens, cached ones included.
    pub input_tokens: u64,
    pub cached_input_tokens: u64,
    pub output_tokens: u64,
    pub requests: u64,
}

impl UsageTotals {
    /// Anthropic's usage report counts tokens but not requests.
    pub fn requests_known(&self) -> bool {
        self.requests > 0 || self.input_tokens.saturating_add(self.output_tokens) == 0
    }

    /// What is left of these counts once `rhs` is taken out (never below zero).
    #[must_use]
    pub fn saturating_sub(self, rhs: Self) -> Self {
        UsageTotals {
            input_tokens: self.input_tokens.saturating_sub(rhs.input_tokens),
            cached_input_tokens: self.cached_input_tokens.saturating_sub(rhs.cached_input_tokens),
            output_tokens: self.output_tokens.saturating_sub(rhs.output_tokens),
            requests: self.requests.saturating_sub(rhs.requests),
        }
    }
}

impl std::ops::AddAssign for UsageTotals {
    /// Saturating: token counts from a hostile response must not panic or wrap (money, which
    /// matters, is checked instead).
    fn add_assign(&mut self, rhs: Self) {
        self.input_tokens = self.input_tokens.saturating_add(rhs.input_tokens);
        self.cached_input_tokens = self.cached_input_tokens.saturating_add(rhs.cached_input_tokens);
        self.output_tokens = self.output_tokens.saturating_add(rhs.output_tokens);
        self.requests = self.requests.saturating_add(rhs.requests);
    }
}

/// A project inside an account, as the provider names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectInfo {
    pub id: String,
    pub name: String,
    /// `active` or `archived`.
    pub status: String,
}
