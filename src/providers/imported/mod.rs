//! Vendors without a billing API (Groq, Together, Mistral below Enterprise, DeepSeek...): their
//! spend is imported from files (`llmcost import`), never fetched. Each imported vendor is a
//! `ProviderKind::Imported(id)`, so it shows next to the API providers in every view.

use std::collections::BTreeSet;
use std::sync::Mutex;

use super::http::{FailureKind, Http, ProviderError};
use super::info::{CredentialSource, ProviderInfo};
use super::{Credentials, DayBatch, Provider, ProviderKind};
use crate::domain::{DateRange, ProjectInfo};

const INFO: ProviderInfo = ProviderInfo {
    id: "imported",
    display: "Imported",
    key_kind: "no key (spend imported with 'llmcost import')",
    secret_name: "key",
    default_base_url: "",
    counts_requests: true,
    fetches_spend: false,
    resells_models: true,
    spend_limit: super::info::SpendLimit::Not("an imported vendor has no API llmcost can set a limit with"),
    credentials: CredentialSource::Imported,
    resolve_credentials: super::credentials::none_needed,
    // Imported vendors: their price list is their own id (ProviderKind::price_list); batch discounts vary.
    price_list: None,
    ..ProviderInfo::KEY_DEFAULTS
};

/// Known vendors' names for people; others show their id.
const NAMES: [(&str, &str); 10] = [
    ("groq", "Groq"),
    ("together", "Together AI"),
    ("mistral", "Mistral"),
    ("deepseek", "DeepSeek"),
    ("fireworks", "Fireworks AI"),
    ("perplexity", "Perplexity"),
    ("cohere", "Cohere"),
    ("replicate", "Replicate"),
    ("cerebras", "Cerebras"),
    ("azure-focus", "Azure (FOCUS import)"),
];

/// Imported ids live for the whole process (there are a handful): interned once each.
static IDS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

impl ProviderKind {
    /// The provider with this id: an API provider, else an imported vendor. An id is 1 to 32
    /// lower-case letters, digits, `-` or `_`.
    pub fn from_id(id: &str) -> Result<ProviderKind, String> {
        if let Ok(api) = id.parse::<ProviderKind>() {
            return Ok(api);
        }
        ProviderKind::imported(id)
    }

    /// An imported vendor; refuses the id of an API provider whose spend comes from its API
    /// (one whose API serves something else, DeepSeek's balance, imports its spend as before).
    pub fn imported(id: &str) -> Result<ProviderKind, String> {
        let id = id.trim();
        if let Ok(api) = id.parse::<ProviderKind>() {
            if !api.info().fetches_spend {
                return Ok(api);
            }
            return Err(format!(
                "'{id}' has a billing API that llmcost reads: add it with 'llmcost providers add {id}' instead of importing"
            ));
        }
        let valid = !id.is_empty()
            && id.len() <= 32
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !valid {
            let shown: String = id.chars().take(40).collect();
            return Err(format!(
                "'{shown}' is not a provider id: use 1-32 lower-case letters, digits, '-' or '_' (e.g. groq)"
            ));
        }
        // A poisoned lock only means another thread panicked mid-insert; the set is still valid.
        let mut ids = IDS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let interned: &'static str = if let Some(known) = ids.get(id) {
            known
        } else {
            let leaked: &'static str = Box::leak(id.to_string().into_boxed_str());
            ids.insert(leaked);
            leaked
        };
        Ok(ProviderKind::Imported(interned))
    }

    /// Whether the spend comes from files (`llmcost import`), never from a sync: a vendor without
    /// a billing API, or a provider whose API serves no spend (DeepSeek's serves its balance).
    pub fn is_imported(self) -> bool {
        !self.info().fetches_spend
    }

    /// The provider's list in the price table: the registry's, or an imported vendor's own id
    /// (`groq`, `mistral`, `deepseek`, `together`).
    pub fn price_list(self) -> Option<&'static str> {
        match self {
            ProviderKind::Imported(id) => Some(id),
            other => other.info().price_list,
        }
    }

    /// For people: `Groq`, `Together AI`, or the id.
    pub fn imported_name(id: &'static str) -> &'static str {
        NAMES.iter().find(|(k, _)| *k == id).map_or(id, |(_, name)| name)
    }
}

/// The client of an imported vendor: it has nothing to fetch.
pub struct Imported {
    http: Http,
}

impl Provider for Imported {
    const INFO: ProviderInfo = INFO;

    fn auth_headers(_credentials: &Credentials) -> reqwest::header::HeaderMap {
        reqwest::header::HeaderMap::new()
    }

    fn new(http: Http, _settings: &crate::config_workspace::WorkspaceConfig, _credentials: &Credentials) -> Self {
        Imported { http }
    }

    fn http(&self) -> &Http {
        &self.http
    }

    async fn check(&self) -> Result<Option<String>, ProviderError> {
        Ok(Some("imported from files: nothing to check".to_string()))
    }

    async fn projects(&self) -> Result<Option<Vec<ProjectInfo>>, ProviderError> {
        Ok(None)
    }

    async fn fetch_days(&self, _range: DateRange) -> Result<DayBatch, ProviderError> {
        Err(self.http.fail("(import)", FailureKind::Rejected(0), "imported spend is not fetched: run 'llmcost import'"))
    }
}
