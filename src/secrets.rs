//! Admin keys: looked up in the environment first, then the OS keyring; never printed.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

use keyring_core::{CredentialStore, Entry};

use crate::domain::{Account, ProviderKind};

/// The keyring service name under which llmcost stores keys.
const SERVICE: &str = "llmcost";

/// An API key. `Debug` and `Display` show only a masked hint.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into().trim().to_string())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `sk-admin-...4f2a`: enough to tell keys apart, not enough to use one. Counted in
    /// characters, so a key with a pasted `–` or `€` cannot split a character (and panic).
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 12 {
            return "...".to_string();
        }
        // The prefix up to the second `-` (`sk-admin-`), at most 12 characters, ASCII only.
        let dashes: Vec<usize> =
            chars.iter().enumerate().filter(|(_, c)| **c == '-').map(|(i, _)| i + 1).take(2).collect();
        let prefix_len = dashes.last().copied().unwrap_or(0).min(12);
        let prefix: String = chars[..prefix_len].iter().take_while(|c| c.is_ascii_graphic()).collect();
        let tail: String =
            chars[chars.len() - 4..].iter().map(|c| if c.is_ascii_graphic() { *c } else { '?' }).collect();
        format!("{prefix}...{tail}")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.hint())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hint())
    }
}

/// Where a workspace's key was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeySource {
    Env(String),
    Keyring,
    /// Found by the provider's own chain: `AWS profile prod (~/.aws/credentials)`.
    Ambient(String),
}

impl fmt::Display for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeySource::Env(var) => write!(f, "environment ({var})"),
            KeySource::Keyring => f.write_str("keyring"),
            KeySource::Ambient(source) => f.write_str(source),
        }
    }
}

/// Why no key could be had.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("no key for {account}: run 'llmcost providers add {provider} --workspace {workspace}' or set {var}")]
    Missing { account: String, provider: String, workspace: String, var: String },
    /// The variable is there but empty: in CI, a secret that is not set.
    #[error(
        "no key for {account}: {var} is set but empty (in CI, is the secret it reads defined for this repository?)"
    )]
    Empty { account: String, var: String },
    #[error("the OS keyring is unavailable ({reason}); set {var} instead")]
    KeyringUnavailable { reason: String, var: String },
    /// Credentials a provider resolves itself (the AWS chain) could not be had.
    #[error("no credentials for {account}: {reason}")]
    Ambient { account: String, reason: String },
}

/// A name as it is spelt in an environment variable: upper case, any other character as `_`
/// (`claude-code` is `CLAUDE_CODE`).
pub fn env_word(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect()
}

/// `LLMCOST_KEY_OPENAI_EDUGAMI`, `LLMCOST_KEY_CLAUDE_CODE_MAIN`.
pub fn env_var_name(account: &Account) -> String {
    format!("LLMCOST_KEY_{}_{}", env_word(account.provider.id()), env_word(&account.workspace))
}

/// Workspaces whose key variable is in the environment: `LLMCOST_KEY_OPENAI_EDUGAMI` gives
/// `edugami`. An empty variable counts: it declares the account (a CI secret that is not set
/// reads as empty), whose missing key is then an error, never silently less spend.
pub fn workspaces_in_env(provider: ProviderKind, vars: &[(String, String)]) -> BTreeSet<String> {
    let prefix = format!("LLMCOST_KEY_{}_", env_word(provider.id()));
    vars.iter()
        .filter_map(|(k, _)| k.strip_prefix(&prefix))
        .filter(|rest| !rest.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// How the keyring is reached: lazily (the first lookup connects), never, or a given store.
pub struct Keys {
    env: Vec<(String, String)>,
    keyring: KeyringAccess,
}

enum KeyringAccess {
    Disabled,
    Lazy(OnceLock<Result<Arc<CredentialStore>, String>>),
    Given(Arc<CredentialStore>),
}

impl Keys {
    /// Environment snapshot plus the platform keyring, unless `no_keyring`.
    pub fn new(env: Vec<(String, String)>, no_keyring: bool) -> Self {
        let keyring = if no_keyring { KeyringAccess::Disabled } else { KeyringAccess::Lazy(OnceLock::new()) };
        Keys { env, keyring }
    }

    /// With a specific credential store (an in-memory mock in tests).
    pub fn with_store(env: Vec<(String, String)>, store: Arc<CredentialStore>) -> Self {
        Keys { env, keyring: KeyringAccess::Given(store) }
    }

    pub fn env(&self) -> &[(String, String)] {
        &self.env
    }

    fn store(&self) -> Result<Arc<CredentialStore>, String> {
        match &self.keyring {
            KeyringAccess::Disabled => Err("disabled by LLMCOST_NO_KEYRING".to_string()),
            KeyringAccess::Given(store) => Ok(store.clone()),
            KeyringAccess::Lazy(cell) => cell.get_or_init(platform_store).clone(),
        }
    }

    fn entry(&self, account: &Account) -> Result<Entry, String> {
        let store = self.store()?;
        store.build(SERVICE, &account.to_string(), None).map_err(|e| e.to_string())
    }

    /// Finds the key: the environment variable first, then the keyring.
    pub fn lookup(&self, account: &Account) -> Result<(Secret, KeySource), KeyError> {
        let var = env_var_name(account);
        if let Some((_, value)) = self.env.iter().find(|(k, v)| *k == var && !v.trim().is_empty()) {
            let key = Secret::new(value.clone());
            tracing::debug!("key for {account} from {var}: {}", key.hint());
            return Ok((key, KeySource::Env(var)));
        }
        let declared_empty = self.env.iter().any(|(k, _)| *k == var);
        let missing = || {
            if declared_empty {
                KeyError::Empty { account: account.to_string(), var: var.clone() }
            } else {
                KeyError::Missing {
                    account: account.to_string(),
                    provider: account.provider.id().to_string(),
                    workspace: account.workspace.clone(),
                    var: var.clone(),
                }
            }
        };
        if matches!(self.keyring, KeyringAccess::Disabled) {
            return Err(missing());
        }
        let entry = self.entry(account).map_err(|reason| KeyError::KeyringUnavailable { reason, var: var.clone() })?;
        match entry.get_password() {
            Ok(key) if !key.trim().is_empty() => Ok((Secret::new(key), KeySource::Keyring)),
            Ok(_) | Err(keyring_core::Error::NoEntry) => Err(missing()),
            Err(e) => Err(KeyError::KeyringUnavailable { reason: e.to_string(), var }),
        }
    }

    /// A key that belongs to no provider account (an `[[observed]]` source's): the variable
    /// `var` first, then the keyring entry `user` of llmcost's service. `Ok(None)`: in neither.
    pub fn lookup_named(&self, user: &str, var: &str) -> Result<Option<Secret>, String> {
        if let Some((_, value)) = self.env.iter().find(|(k, v)| k == var && !v.trim().is_empty()) {
            return Ok(Some(Secret::new(value.trim().to_string())));
        }
        if matches!(self.keyring, KeyringAccess::Disabled) {
            return Ok(None);
        }
        let entry = self.store()?.build(SERVICE, user, None).map_err(|e| e.to_string())?;
        match entry.get_password() {
            Ok(key) if !key.trim().is_empty() => Ok(Some(Secret::new(key.trim().to_string()))),
            Ok(_) | Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Whether the keyring can be used: `Ok(vendor)` or `Err(why not)`.
    pub fn keyring_status(&self) -> Result<String, String> {
        self.store().map(|s| s.vendor())
    }

    /// Whether `LLMCOST_NO_KEYRING` turned the keyring off.
    pub fn keyring_disabled(&self) -> bool {
        matches!(self.keyring, KeyringAccess::Disabled)
    }

    /// Stores a key in the keyring.
    pub fn store_key(&self, account: &Account, key: &Secret) -> Result<(), KeyError> {
        let var = env_var_name(account);
        let unavailable = |reason: String| KeyError::KeyringUnavailable { reason, var: var.clone() };
        let entry = self.entry(account).map_err(unavailable)?;
        entry.set_password(key.expose()).map_err(|e| unavailable(e.to_string()))
    }

    /// Removes a key from the keyring; `Ok(false)` if there was none.
    pub fn delete_key(&self, account: &Account) -> Result<bool, KeyError> {
        let var = env_var_name(account);
        let unavailable = |reason: String| KeyError::KeyringUnavailable { reason, var: var.clone() };
        let entry = self.entry(account).map_err(unavailable)?;
        match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(unavailable(e.to_string())),
        }
    }
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    zbus_secret_service_keyring_store::Store::new()
        .map(|s| s as Arc<CredentialStore>)
        .map_err(|e| format!("no Secret Service on this session: {e}"))
}

#[cfg(target_os = "macos")]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    apple_native_keyring_store::keychain::Store::new().map(|s| s as Arc<CredentialStore>).map_err(|e| e.to_string())
}

#[cfg(target_os = "windows")]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    windows_native_keyring_store::Store::new().map(|s| s as Arc<CredentialStore>).map_err(|e| e.to_string())
}

#[cfg(not(any(unix, target_os = "windows")))]
fn platform_store() -> Result<Arc<CredentialStore>, String> {
    Err("no OS keyring is supported on this platform".to_string())
}

#[cfg(test)]
mod hint_tests {
    use super::Secret;

    #[test]
    fn hints_never_split_characters_or_show_the_key() {
        for key in ["sk–admin–€€€€€€€€€€€€abcd", "€€€€€€€€€€€€€€€€", "sk-admin-0123456789abcdef", "ключ-ключ-ключ-ключ"]
        {
            let hint = Secret::new(key).hint();
            assert!(hint.len() < 24, "{hint}");
            let half: String = key.chars().skip(key.chars().count() / 2).collect();
            assert!(!hint.contains(&half), "{hint}");
        }
        assert_eq!(Secret::new("sk-admin-0123456789abcdef").hint(), "sk-admin-...cdef");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> Account {
        Account::new(ProviderKind::OpenAi, "edu-gami")
    }

    #[test]
    fn hint_masks_the_key() {
        let key = Secret::new("sk-admin-abcdefghijklmnop4f2a");
        assert_eq!(key.hint(), "sk-admin-...4f2a");
        assert_eq!(format!("{key:?}"), "Secret(sk-admin-...4f2a)");
        assert!(!format!("{key}").contains("abcdefgh"));
        assert_eq!(Secret::new("short").hint(), "...");
    }

    #[test]
    fn env_names_are_upper_case_with_underscores() {
        assert_eq!(env_var_name(&account()), "LLMCOST_KEY_OPENAI_EDU_GAMI");
    }

    #[test]
    fn finds_workspaces_from_env() {
        let vars = vec![
            ("LLMCOST_KEY_OPENAI_EDUGAMI".to_string(), "sk-admin-x".to_string()),
            ("LLMCOST_KEY_OPENAI_EMPTY".to_string(), " ".to_string()),
            ("OTHER".to_string(), "x".to_string()),
        ];
        // An empty variable declares its account (a CI secret that is not set): it is listed,
        // and its lookup says the variable is empty.
        let found = workspaces_in_env(ProviderKind::OpenAi, &vars);
        assert_eq!(found.into_iter().collect::<Vec<_>>(), vec!["edugami".to_string(), "empty".to_string()]);
        let keys = Keys::new(vars, true);
        let err = keys.lookup(&Account::new(ProviderKind::OpenAi, "empty")).unwrap_err().to_string();
        assert!(err.contains("LLMCOST_KEY_OPENAI_EMPTY is set but empty"), "{err}");
    }

    #[test]
    fn env_wins_over_keyring_and_keyring_round_trips() {
        let store: Arc<CredentialStore> = keyring_core::mock::Store::new().unwrap();
        let keys = Keys::with_store(vec![], store.clone());
        assert!(matches!(keys.lookup(&account()), Err(KeyError::Missing { .. })));
        keys.store_key(&account(), &Secret::new("sk-admin-from-keyring-1234")).unwrap();
        let (key, source) = keys.lookup(&account()).unwrap();
        assert_eq!((key.expose(), source), ("sk-admin-from-keyring-1234", KeySource::Keyring));

        let env = vec![("LLMCOST_KEY_OPENAI_EDU_GAMI".to_string(), "sk-admin-from-env-9999".to_string())];
        let keys = Keys::with_store(env, store.clone());
        let (key, source) = keys.lookup(&account()).unwrap();
        assert_eq!(key.expose(), "sk-admin-from-env-9999");
        assert_eq!(source, KeySource::Env("LLMCOST_KEY_OPENAI_EDU_GAMI".into()));

        assert!(keys.delete_key(&account()).unwrap());
        assert!(!keys.delete_key(&account()).unwrap());
    }

    #[test]
    fn a_named_key_comes_from_its_variable_then_the_keyring() {
        let store: Arc<CredentialStore> = keyring_core::mock::Store::new().unwrap();
        let keys = Keys::with_store(vec![], store.clone());
        assert_eq!(keys.lookup_named("observed/gw", "LLMCOST_OBSERVED_KEY_GW").unwrap(), None);
        store.build(SERVICE, "observed/gw", None).unwrap().set_password("sk-litellm-keyring").unwrap();
        let found = keys.lookup_named("observed/gw", "LLMCOST_OBSERVED_KEY_GW").unwrap().unwrap();
        assert_eq!(found.expose(), "sk-litellm-keyring");
        let env = vec![("LLMCOST_OBSERVED_KEY_GW".to_string(), " sk-litellm-env ".to_string())];
        let found = Keys::with_store(env, store).lookup_named("observed/gw", "LLMCOST_OBSERVED_KEY_GW").unwrap();
        assert_eq!(found.unwrap().expose(), "sk-litellm-env", "the variable wins, trimmed");
    }

    #[test]
    fn disabled_keyring_never_connects_and_names_the_variable() {
        let keys = Keys::new(vec![], true);
        let err = keys.lookup(&account()).unwrap_err().to_string();
        assert!(err.contains("LLMCOST_KEY_OPENAI_EDU_GAMI"), "{err}");
        assert!(err.contains("llmcost providers add openai --workspace edu-gami"), "{err}");
        assert!(matches!(keys.store_key(&account(), &Secret::new("k")), Err(KeyError::KeyringUnavailable { .. })));
    }
}
