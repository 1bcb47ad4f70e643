//! Adding a workspace (`providers add`), for every provider alike: its settings are checked by
//! the provider's own rules, its credentials found by the provider's own resolver and tried with
//! one cheap call, and only then is anything stored or recorded. No provider is special-cased:
//! what differs is in its `ProviderInfo` (settings, credential source, resolver, wrong keys).

use std::time::Duration;

use super::App;
use crate::config::{self, WorkspaceConfig};
use crate::domain::Account;
use crate::error::{Error, Result};
use crate::providers::Credentials;
use crate::providers::credentials::CredentialContext;
use crate::providers::http::RetryPolicy;
use crate::secrets::{Keys, Secret, env_var_name};

/// A workspace to add: its account, the settings given on the command line (`--scope`,
/// `--profile`...) as config keys and values, and whether to try the credentials first.
pub(crate) struct NewWorkspace {
    pub account: Account,
    pub settings: Vec<(&'static str, String)>,
    pub check: bool,
    /// The secret is typed or piped in (`--key-stdin`) even when the environment holds one.
    pub secret_given: bool,
}

/// Settings that name a file: recorded as an absolute path, so the config means the same file
/// wherever llmcost runs from.
const PATH_SETTINGS: [&str; 2] = ["credentials", "query_file"];

/// Adds `new`, reading its secret with `read_secret` when the provider needs one. Returns what
/// to tell the user. Nothing is stored or recorded unless every step succeeds.
pub(crate) fn add(app: &App, new: NewWorkspace, read_secret: impl FnOnce() -> Result<Secret>) -> Result<String> {
    let NewWorkspace { account, settings, check, secret_given } = new;
    let info = account.provider.info();
    let settings = settings_for(&account, settings)?;
    let workspace = WorkspaceConfig::with_settings(settings.iter().map(|(k, v)| (*k, v.as_str())));
    (info.check_settings)(&workspace)
        .map_err(|(key, why)| Error::Usage(if key.is_empty() { why } else { format!("--{}: {why}", flag(key)) }))?;
    let fields: Vec<(&str, &str)> = settings.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // The config edit is checked before the secret is asked for, the check call made, or
    // anything stored: a config llmcost cannot edit must not leave a stored key behind.
    config::check_add_workspace(&app.config_path, &account, &fields)?;
    // A secret already in the account's variable (a CI secret, a server's environment file) is
    // used where it is and never copied into a keyring: only the settings are recorded.
    let var = env_var_name(&account);
    let in_env = !secret_given
        && info.credentials.reads_secret(&workspace)
        && app.env_value(&var).is_some_and(|v| !v.trim().is_empty());
    let needs_secret = info.credentials.reads_secret(&workspace) && !in_env;
    let secret = if needs_secret { Some(read_secret()?) } else { None };
    if let Some(key) = &secret {
        refuse_wrong_key(&account, key)?;
        if !key.expose().starts_with(info.key_prefix) {
            app.note(&format!(
                "warning: this key ({}) does not look like {}; keys for applications cannot read billing",
                key.hint(),
                info.key_kind
            ));
        }
    }
    if check {
        let advice = if secret.is_some() {
            "Nothing was stored. Use --no-check to store the key anyway."
        } else {
            "Nothing was recorded. Use --no-check to record the workspace anyway."
        };
        let (credentials, source) = new_credentials(app, &account, &workspace, secret.as_ref())?;
        // The new secret reached the resolver as the account's variable; it was typed or piped in.
        let source = if secret.is_some() { "the key given".to_string() } else { source.to_string() };
        let note = check_with(app, &account, &credentials, workspace).map_err(|e| e.not_added(advice))?;
        app.note(&format!(
            "{account}: credentials from {source} accepted{}",
            note.map(|n| format!(" ({})", crate::sanitize::terminal(&n))).unwrap_or_default()
        ));
    }
    if let Some(key) = &secret {
        app.keys.store_key(&account, key)?;
    }
    config::add_workspace(&app.config_path, &account, &fields)?;
    let kept = match &secret {
        Some(key) => format!("key {} stored in the OS keyring", key.hint()),
        None if in_env => format!("no secret stored (it stays in {var}, where llmcost reads it)"),
        None => format!("no secret stored ({})", info.credentials.without_secret()),
    };
    let shown: Vec<String> = settings.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    Ok(format!(
        "Added {account}{}: {kept}, workspace recorded in {}.\nTry: llmcost costs --provider {} --workspace {} --month",
        if shown.is_empty() { String::new() } else { format!(" ({})", shown.join(", ")) },
        app.config_path.display(),
        account.provider,
        account.workspace
    ))
}

/// The given settings, each one the provider reads, trimmed, and paths made absolute.
fn settings_for(account: &Account, given: Vec<(&'static str, String)>) -> Result<Vec<(&'static str, String)>> {
    let info = account.provider.info();
    let mut out = Vec::with_capacity(given.len());
    for (key, value) in given {
        if !info.settings.contains(&key) {
            let takes: Vec<String> =
                info.settings.iter().filter(|s| ADD_FLAGS.contains(s)).map(|s| format!("--{}", flag(s))).collect();
            return Err(Error::Usage(if takes.is_empty() {
                format!("--{} is not for {} workspaces: {} uses a key", flag(key), info.display, info.display)
            } else {
                format!("--{} is not for {} workspaces; they take {}", flag(key), info.display, takes.join(", "))
            }));
        }
        let value = value.trim().to_string();
        if value.is_empty() {
            return Err(Error::Usage(format!("--{} is empty", flag(key))));
        }
        let value = if PATH_SETTINGS.contains(&key) {
            std::fs::canonicalize(&value).map_or(value, |p| p.display().to_string())
        } else {
            value
        };
        out.push((key, value));
    }
    Ok(out)
}

/// The settings `providers add` has a flag for (`--billing-table` is `billing_table`).
pub(crate) const ADD_FLAGS: [&str; 8] =
    ["profile", "tenant_id", "client_id", "scope", "billing_table", "credentials", "job_project", "location"];

fn flag(key: &str) -> String {
    key.replace('_', "-")
}

/// Key prefixes that prove a key cannot read billing are refused before any network call.
fn refuse_wrong_key(account: &Account, key: &Secret) -> Result<()> {
    let info = account.provider.info();
    match info.wrong_keys.iter().find(|(prefix, _)| key.expose().starts_with(prefix)) {
        Some((prefix, what)) => Err(Error::Usage(format!(
            "this key ({prefix}...) is {what}: billing needs {}. Nothing was stored.",
            info.key_kind
        ))),
        None => Ok(()),
    }
}

/// The credentials the workspace will run with, found by the provider's resolver, with the
/// new secret in place of any stored one (it is not stored yet).
fn new_credentials(
    app: &App,
    account: &Account,
    settings: &WorkspaceConfig,
    secret: Option<&Secret>,
) -> Result<(Credentials, crate::secrets::KeySource)> {
    let resolved = match secret {
        Some(secret) => {
            let mut env = app.env.clone();
            env.retain(|(k, _)| *k != env_var_name(account));
            env.push((env_var_name(account), secret.expose().to_string()));
            let keys = Keys::new(env.clone(), true);
            (account.provider.info().resolve_credentials)(&CredentialContext {
                account,
                settings,
                keys: &keys,
                env: &env,
            })
        }
        None => app.credentials_with(account, settings),
    };
    // The provider's chain found nothing usable (no such AWS profile, no key file): a setup
    // problem the user fixes in their settings.
    resolved.map_err(|e| Error::Config(e.to_string()))
}

/// Makes one cheap authenticated call with the workspace's configured settings; the provider's
/// note (what it saw) on success.
pub(crate) fn check(app: &App, account: &Account, credentials: &Credentials) -> Result<Option<String>> {
    check_with(app, account, credentials, app.config.workspace(account).cloned().unwrap_or_default())
}

/// [`check`] with settings not yet in the config (a workspace being added).
fn check_with(
    app: &App,
    account: &Account,
    credentials: &Credentials,
    settings: WorkspaceConfig,
) -> Result<Option<String>> {
    if app.is_demo() {
        return Ok(None);
    }
    let (runtime, client) = app.network.get(Duration::from_secs(app.config.http.timeout_seconds.max(1)))?;
    let provider = app.connect_with(
        account,
        credentials,
        client.clone(),
        RetryPolicy { max_attempts: 2, ..app.retry_policy() },
        app.recorder().ok().flatten(),
        settings,
    );
    Ok(runtime.block_on(provider.check())?)
}
