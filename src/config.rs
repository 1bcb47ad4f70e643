//! The TOML config file: which workspaces exist and how the cache behaves. Never holds a key.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::budget::Budget;
use crate::config_budgets::RawBudget;
pub use crate::config_workspace::WorkspaceConfig;
use crate::domain::{Account, ProviderKind};
use crate::error::{Error, Result};
use crate::names::KEY_PREFIXES;
pub use crate::names::validate_workspace_name;

/// How fresh cached days must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CacheSettings {
    /// Days this close to today are still revised by providers and re-fetched when stale.
    pub trailing_days: u32,
    /// How long a fetched day inside the trailing window counts as fresh.
    pub ttl_minutes: u32,
}

impl Default for CacheSettings {
    fn default() -> Self {
        CacheSettings { trailing_days: 3, ttl_minutes: 5 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpSettings {
    pub timeout_seconds: u64,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings { timeout_seconds: 30 }
    }
}

/// `[serve]`: who may read the JSON API.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeSettings {
    /// Bearer tokens the API accepts; none: the API is off. Each token's value is read from its
    /// environment variable, never written in the file.
    #[serde(default)]
    pub tokens: Vec<ServeToken>,
}

/// One API token: a name for the logs, and the variable holding its value.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeToken {
    pub name: String,
    /// `LLMCOST_SERVE_TOKEN_CI`: an `LLMCOST_` variable (llmcost reads no other).
    pub env: String,
    /// Limits the token to one team's spend (`costs` and `report` as `--team NAME`).
    #[serde(default)]
    pub team: Option<String>,
    /// Limits the token to these workspaces (every command as `--workspace`).
    #[serde(default)]
    pub workspaces: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisplaySettings {
    /// ISO 4217 code amounts are shown in; others are converted with ECB rates.
    pub currency: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub cache: CacheSettings,
    /// `[display] currency = "CHF"`: the reporting currency (default USD).
    #[serde(default)]
    pub display: DisplaySettings,
    #[serde(default)]
    pub http: HttpSettings,
    /// `[workspaces.openai.edugami]`: provider id, then workspace name.
    #[serde(default)]
    pub workspaces: BTreeMap<String, BTreeMap<String, WorkspaceConfig>>,
    /// `[[budgets]]` as written; `budgets` holds them validated.
    #[serde(default, rename = "budgets")]
    pub raw_budgets: Vec<RawBudget>,
    #[serde(skip)]
    pub budgets: Vec<Budget>,
    /// The `[[budgets]]` entries with `min_balance`: prepaid balances that must not run low.
    #[serde(skip)]
    pub balance_floors: Vec<crate::budget::BalanceFloor>,
    /// `[[notify]]` as written; `channels` holds them validated.
    #[serde(default, rename = "notify")]
    pub raw_notify: Vec<crate::notify::channels::RawChannel>,
    #[serde(skip)]
    pub channels: Vec<crate::notify::channels::Channel>,
    /// `[[teams]]`: who pays for what (see `llmcost teams`).
    #[serde(default)]
    pub teams: Vec<crate::teams::Team>,
    /// `[people]` as written: a person's name, then the other names providers use for them.
    #[serde(default, rename = "people")]
    pub raw_people: BTreeMap<String, Vec<String>>,
    /// `[people]` checked: what `--by person`, person budgets and teams' person rules name.
    #[serde(skip)]
    pub people: crate::domain::People,
    /// `[[shared_costs]]`: scopes split between teams.
    #[serde(default)]
    pub shared_costs: Vec<crate::teams::SharedCost>,
    /// `[optimize]`: what `llmcost optimize` may assume.
    #[serde(default)]
    pub optimize: OptimizeSettings,
    #[serde(default)]
    pub serve: ServeSettings,
    /// `[[observed]]`: gateways and observability tools `reconcile --against` reads.
    #[serde(default)]
    pub observed: Vec<crate::observed::ObservedSource>,
}

/// `[optimize]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptimizeSettings {
    /// Projects (ids or names, `*` globs) whose traffic can wait for a batch API: named by
    /// the user, since daily spend cannot prove a workload is not interactive.
    #[serde(default)]
    pub batchable: Vec<String>,
}

impl Config {
    /// Budgets and teams' rules that name a person by another of their names (a GitHub login)
    /// name them as `[people]` does, the name every view shows. Globs (`*@data.example.com`)
    /// are matched against that name as written.
    fn name_people(&mut self) {
        let people = &self.people;
        if people.is_empty() {
            return;
        }
        let named = |who: &mut Option<String>| {
            if let Some(w) = who.as_mut().filter(|w| !w.contains('*')) {
                *w = people.name(w).to_string();
            }
        };
        for b in &mut self.budgets {
            named(&mut b.scope.person);
        }
        for rule in self.teams.iter_mut().flat_map(|t| t.rules.iter_mut()) {
            named(&mut rule.person);
        }
    }

    /// Reads the file; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(Error::Config(format!("cannot read config {}: {e}", path.display())));
            }
        };
        Config::parse(&text, path)
    }

    /// Parses and validates; every error, whatever part of the config it names, has the keys
    /// pasted into the file masked (a key quoted as a budget name or a `base_url` included).
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        Config::parse_unmasked(text, path).map_err(|e| match e {
            Error::Config(message) => Error::Config(mask_pasted_keys(text, &message)),
            other => other,
        })
    }

    fn parse_unmasked(text: &str, path: &Path) -> Result<Config> {
        let mut config: Config = toml::from_str(text)
            .map_err(|e| Error::Config(format!("invalid config {}: {}", path.display(), e.to_string().trim_end())))?;
        config.validate(path)?;
        config.people = crate::domain::People::from_config(&config.raw_people)
            .map_err(|e| Error::Config(format!("invalid config {}: {e}", path.display())))?;
        config.budgets = crate::config_budgets::validate_all(&config.raw_budgets, path)?;
        config.name_people();
        config.balance_floors = crate::config_budgets::validate_floors(&config.raw_budgets, &config.budgets, path)?;
        let names: Vec<String> = config
            .budgets
            .iter()
            .map(|b| b.name.clone())
            .chain(config.balance_floors.iter().map(|f| f.name.clone()))
            .collect();
        config.channels = crate::notify::channels::validate_all(&config.raw_notify, &names, path)?;
        crate::teams::validate(&config.teams, &config.shared_costs)
            .map_err(|e| Error::Config(format!("invalid config {}: {e}", path.display())))?;
        for t in &config.serve.tokens {
            if let Some(team) = t.team.as_deref().filter(|team| !config.teams.iter().any(|x| x.name == *team)) {
                return Err(Error::Config(format!(
                    "invalid config {}: [serve] token '{}': team '{team}' is not one of the [[teams]]",
                    path.display(),
                    t.name
                )));
            }
            if !t.env.starts_with("LLMCOST_") || t.env.len() <= "LLMCOST_".len() {
                return Err(Error::Config(format!(
                    "invalid config {}: [serve] token '{}': env must name an LLMCOST_ variable (e.g. LLMCOST_SERVE_TOKEN_CI), not {:?}",
                    path.display(),
                    t.name,
                    t.env
                )));
            }
        }
        for (i, source) in config.observed.iter().enumerate() {
            source.validate().map_err(|e| Error::Config(format!("invalid config {}: {e}", path.display())))?;
            if config.observed[..i].iter().any(|o| o.name == source.name) {
                return Err(Error::Config(format!(
                    "invalid config {}: two [[observed]] named '{}'",
                    path.display(),
                    source.name
                )));
            }
        }
        for b in &config.budgets {
            if let Some(team) = b.scope.team.as_deref().filter(|t| !config.teams.iter().any(|x| x.name == *t)) {
                return Err(Error::Config(format!(
                    "invalid config {}: budget '{}': team: '{team}' is not one of the [[teams]]",
                    path.display(),
                    b.name
                )));
            }
        }
        Ok(config)
    }

    fn validate(&self, path: &Path) -> Result<()> {
        if let Some(c) = &self.display.currency {
            crate::app::fx::reporting_currency(None, Some(c))
                .map_err(|e| Error::Config(format!("invalid config {}: [display] currency: {e}", path.display())))?;
        }
        // Bounded so date arithmetic on them can never overflow.
        if self.cache.trailing_days > 366 {
            return Err(Error::Config(format!(
                "invalid config {}: [cache] trailing_days = {}: at most 366",
                path.display(),
                self.cache.trailing_days
            )));
        }
        for (provider, workspaces) in &self.workspaces {
            provider.parse::<ProviderKind>().map_err(|e| {
                Error::Config(format!("invalid config {}: [workspaces.{provider}]: {e}", path.display()))
            })?;
            let mut vars: std::collections::BTreeMap<String, &str> = std::collections::BTreeMap::new();
            for name in workspaces.keys() {
                let var = crate::secrets::env_var_name(&crate::domain::Account::new(
                    provider.parse::<ProviderKind>().unwrap_or(ProviderKind::OpenAi),
                    name,
                ));
                if let Some(other) = vars.insert(var.clone(), name) {
                    return Err(Error::Config(format!(
                        "invalid config {}: workspaces '{other}' and '{name}' of {provider} would share the key \
                         variable {var}: rename one",
                        path.display()
                    )));
                }
            }
            for (name, ws) in workspaces {
                validate_workspace_name(name).map_err(|e| {
                    Error::Config(format!("invalid config {}: [workspaces.{provider}.{name}]: {e}", path.display()))
                })?;
                if let Some(url) = &ws.base_url {
                    crate::net::validate_base_url(url).map_err(|e| {
                        Error::Config(format!(
                            "invalid config {}: [workspaces.{provider}.{name}] base_url: {e}",
                            path.display()
                        ))
                    })?;
                }
                let info = provider.parse::<ProviderKind>().map(super::providers::ProviderKind::info).ok();
                // `field` is empty when `why` names it already.
                let bad = |field: &str, why: &str| {
                    let field = if field.is_empty() { String::new() } else { format!("{field}: ") };
                    Error::Config(format!(
                        "invalid config {}: [workspaces.{provider}.{name}] {field}{why}",
                        path.display()
                    ))
                };
                // Which keys a workspace may have is each provider's own fact (`ProviderInfo::settings`).
                for field in ws.settings.keys().map(String::as_str) {
                    if !info.is_some_and(|i| i.settings.contains(&field)) {
                        let owners: Vec<&str> = ProviderKind::ALL
                            .iter()
                            .map(|p| p.info())
                            .filter(|i| i.settings.contains(&field))
                            .map(|i| i.display)
                            .collect();
                        return Err(bad(
                            field,
                            &if owners.is_empty() {
                                "no workspace has one (base_url and the provider's settings only)".to_string()
                            } else {
                                format!("only {} workspaces have one", owners.join(" and "))
                            },
                        ));
                    }
                }
                if let Some(info) = info {
                    (info.check_settings)(ws).map_err(|(field, why)| bad(field, &why))?;
                }
            }
        }
        Ok(())
    }

    /// The configured accounts, sorted.
    pub fn accounts(&self) -> Vec<Account> {
        let mut out = Vec::new();
        for (provider, workspaces) in &self.workspaces {
            if let Ok(kind) = provider.parse::<ProviderKind>() {
                out.extend(workspaces.keys().map(|w| Account::new(kind, w.clone())));
            }
        }
        out.sort();
        out
    }

    pub fn workspace(&self, account: &Account) -> Option<&WorkspaceConfig> {
        self.workspaces.get(account.provider.id())?.get(&account.workspace)
    }
}

/// Adds (or keeps) `[workspaces.<provider>.<name>]`, preserving the rest of the file and its comments.
/// `fields` are the workspace's settings to write (`profile`, Azure's `scope`...).
pub fn add_workspace(path: &Path, account: &Account, fields: &[(&str, &str)]) -> Result<()> {
    let text = with_workspace(path, account, fields)?;
    write_atomically(path, text.as_bytes())
}

/// Whether `add_workspace` would succeed, without writing: checked before a key is stored, so
/// a config llmcost cannot edit never leaves an orphan key in the keyring.
pub fn check_add_workspace(path: &Path, account: &Account, fields: &[(&str, &str)]) -> Result<()> {
    with_workspace(path, account, fields).map(drop)
}

fn with_workspace(path: &Path, account: &Account, fields: &[(&str, &str)]) -> Result<String> {
    edited_text(path, |doc| {
        let workspaces = table_entry(doc.as_table_mut(), "workspaces", path)?;
        workspaces.set_implicit(true);
        let provider = table_entry(workspaces, account.provider.id(), path)?;
        provider.set_implicit(true);
        let ws = table_entry(provider, &account.workspace, path)?;
        for (field, value) in fields {
            ws.insert(field, toml_edit::value(*value));
        }
        Ok(())
    })
}

/// Removes `[workspaces.<provider>.<name>]`; returns whether it was there.
pub fn remove_workspace(path: &Path, account: &Account) -> Result<bool> {
    if !path.exists() {
        return Ok(false);
    }
    let mut removed = false;
    edit(path, |doc| {
        if let Some(provider) = doc
            .get_mut("workspaces")
            .and_then(|w| w.as_table_mut())
            .and_then(|w| w.get_mut(account.provider.id()))
            .and_then(|p| p.as_table_mut())
        {
            removed = provider.remove(&account.workspace).is_some();
        }
        Ok(())
    })?;
    Ok(removed)
}

fn table_entry<'a>(table: &'a mut toml_edit::Table, key: &str, path: &Path) -> Result<&'a mut toml_edit::Table> {
    table.entry(key).or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new())).as_table_mut().ok_or_else(
        || {
            Error::Config(format!(
                "cannot edit {}: '{key}' is written inline (key = {{ ... }}); write it as a [section] so llmcost \
             can add to it, or edit the file by hand",
                path.display()
            ))
        },
    )
}

pub(crate) fn edit(path: &Path, change: impl FnOnce(&mut toml_edit::DocumentMut) -> Result<()>) -> Result<()> {
    let text = edited_text(path, change)?;
    write_atomically(path, text.as_bytes())
}

/// The config's text after `change`, validated, not written.
fn edited_text(path: &Path, change: impl FnOnce(&mut toml_edit::DocumentMut) -> Result<()>) -> Result<String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Error::Config(format!("cannot read config {}: {e}", path.display())));
        }
    };
    // Refuse to rewrite a file that does not parse: the user's edits come first.
    Config::parse(&text, path)?;
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e| Error::Config(format!("invalid config {}: {e}", path.display())))?;
    change(&mut doc)?;
    let text = doc.to_string();
    // Never write a file that would not load again.
    Config::parse(&text, path)?;
    Ok(text)
}

/// Writes through a temporary file and a rename, owner-only, so a crash never leaves half a file.
/// A symlinked file (a dotfiles repository) is written through the link: the link's target is
/// replaced atomically in its own directory, and the link stays a link.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| Error::Runtime(format!("cannot write {}: {e}", path.display()));
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = std::fs::canonicalize(path).map_err(fail)?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = parent_dir(path);
    std::fs::create_dir_all(&dir).map_err(fail)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// TOML errors quote the offending line; a key pasted into the config (`api_key = "sk-..."`)
/// must not be printed with it. Every quoted value of a `key`/`secret`/`token`-like setting, and
/// anything that looks like an API key, is replaced by its masked hint.
fn mask_pasted_keys(text: &str, message: &str) -> String {
    let mut out = message.to_string();
    // Anything shaped like a known provider's key, wherever it stands in the message.
    for word in text.split(|c: char| c.is_whitespace() || "\"'=,[]{}|".contains(c)) {
        if word.len() >= 12 && KEY_PREFIXES.iter().any(|p| word.starts_with(p)) && out.contains(word) {
            out = out.replace(word, &crate::secrets::Secret::new(word).hint());
        }
    }
    for line in text.lines() {
        let Some((name, value)) = line.split_once('=') else { continue };
        let name = name.trim().to_ascii_lowercase();
        let secret_name = ["key", "secret", "token", "password"].iter().any(|w| name.contains(w));
        let value = value.trim().trim_matches(['"', '\'', ' ']);
        let looks_like_key = value.starts_with("sk-") || value.starts_with("xai-") || value.len() >= 32;
        if value.len() >= 8 && (secret_name || looks_like_key) && out.contains(value) {
            out = out.replace(value, &crate::secrets::Secret::new(value).hint());
        }
    }
    out
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_masked_wherever_the_config_error_quotes_it() {
        let key = "sk-admin-THISISASECRETKEY0123456789abcdef";
        for text in [
            format!("{key}\n"),
            format!("[[budgets]]\nname = \"team\"\namount = \"{key}\"\nperiod = \"month\"\n"),
            format!("[[budgets]]\nname = \"{key}\"\namount = 1\nperiod = \"month\"\n"),
            format!("[workspaces.openai.edugami]\nbase_url = \"{key}\"\n"),
            format!("[workspaces.openai.\"{key}\"]\n"),
            format!("[[notify]]\nkind = \"{key}\"\nurl = \"https://x\"\n"),
        ] {
            let Err(err) = Config::parse(&text, Path::new("c.toml")).map(|_| ()) else { panic!("accepted: {text}") };
            let err = err.to_string();
            assert!(!err.contains("THISISASECRET"), "{text}: {err}");
        }
    }

    #[test]
    fn a_key_pasted_into_a_broken_config_is_not_echoed() {
        let key = "sk-admin-THISISASECRETKEY0123456789abcdef";
        let text = format!("[workspaces.openai.edugami]\napi_key = \"{key}\" oops\n");
        let err = Config::parse(&text, Path::new("c.toml")).unwrap_err().to_string();
        assert!(!err.contains("THISISASECRET"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_config_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("dotfiles-config.toml");
        std::fs::write(&target, "[cache]\nttl_minutes = 10\n").unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"[cache]\nttl_minutes = 20\n").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "[cache]\nttl_minutes = 20\n");
    }

    #[test]
    fn empty_config_has_defaults() {
        let c = Config::parse("", Path::new("c.toml")).unwrap();
        assert_eq!(c.cache, CacheSettings { trailing_days: 3, ttl_minutes: 5 });
        assert_eq!(c.http.timeout_seconds, 30);
        assert!(c.accounts().is_empty());
    }

    #[test]
    fn each_provider_reads_its_own_settings_and_names_a_bad_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let load = |text: &str| {
            std::fs::write(&path, text).unwrap();
            Config::load(&path)
        };
        let ok = load("[workspaces.aws.p]\nprofile = \"prod\"\n[workspaces.azure.a]\nscope = \"subscriptions/x\"\nservices = [\"Foundry Models\"]\n").unwrap();
        let aws = ok.workspace(&Account::new(ProviderKind::Aws, "p")).unwrap();
        assert_eq!(aws.settings.get("profile").and_then(toml::Value::as_str), Some("prod"));
        for (text, needle) in [
            (
                "[workspaces.aws.p]\nprofile = 5\n",
                "[workspaces.aws.p] profile: invalid type: integer `5`, expected a string",
            ),
            ("[workspaces.aws.p]\nprofil = \"x\"\n", "[workspaces.aws.p] profil: no workspace has one"),
            ("[workspaces.openai.p]\nscope = \"x\"\n", "scope: only Azure OpenAI workspaces have one"),
            ("[workspaces.azure.a]\nscope = \"subscriptions/x\"\nservices = \"one\"\n", "services: invalid type"),
        ] {
            let err = load(text).unwrap_err().to_string();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }

    #[test]
    fn reads_workspaces_and_settings() {
        let text = "[cache]\ntrailing_days = 5\n[workspaces.openai.edugami]\n[workspaces.openai.memoways]\nbase_url = \"http://127.0.0.1:9\"\n";
        let c = Config::parse(text, Path::new("c.toml")).unwrap();
        assert_eq!(c.cache.trailing_days, 5);
        assert_eq!(c.cache.ttl_minutes, 5);
        let names: Vec<_> = c.accounts().into_iter().map(|a| a.to_string()).collect();
        assert_eq!(names, vec!["openai/edugami", "openai/memoways"]);
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let err = Config::parse("[workspaces.gemini.x]\n", Path::new("team.toml")).unwrap_err().to_string();
        assert!(err.contains("team.toml") && err.contains("unknown provider 'gemini'"), "{err}");
        let err = Config::parse("[cache]\nttl = 3\n", Path::new("team.toml")).unwrap_err().to_string();
        assert!(err.contains("unknown field `ttl`"), "{err}");
        let err = Config::parse("[cache\n", Path::new("team.toml")).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
        let err = Config::parse("[workspaces.openai.\"a b\"]\n", Path::new("t.toml")).unwrap_err().to_string();
        assert!(err.contains("not a valid workspace name"), "{err}");
    }

    #[test]
    fn add_and_remove_keep_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\n[cache]\nttl_minutes = 10 # short\n").unwrap();
        let acct = Account::new(ProviderKind::OpenAi, "edugami");
        add_workspace(&path, &acct, &[]).unwrap();
        add_workspace(&path, &acct, &[]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("# my settings") && text.contains("# short"), "{text}");
        assert_eq!(Config::load(&path).unwrap().accounts(), vec![acct.clone()]);
        assert!(remove_workspace(&path, &acct).unwrap());
        assert!(!remove_workspace(&path, &acct).unwrap());
        assert!(Config::load(&path).unwrap().accounts().is_empty());
    }

    // Budgets as the config file holds them.
    mod budgets {
        use super::super::*;
        use crate::domain::ProviderKind;

        fn parse(text: &str) -> Result<Config> {
            Config::parse(text, Path::new("team.toml"))
        }

        #[test]
        fn reads_budgets_with_defaults() {
            let c = parse("[[budgets]]\nname = \"team\"\namount = 500\nperiod = \"month\"\n\n[[budgets]]\nname = \"edu\"\namount = \"99.50\"\nperiod = \"quarter\"\nstart_day = 15\nprovider = \"openai\"\nworkspace = \"edugami\"\nwarn_at = [90, 75]\n").unwrap();
            assert_eq!(c.budgets.len(), 2);
            assert_eq!(c.budgets[0].amount.exact(), "500.00");
            assert_eq!(c.budgets[0].warn_at, vec![50, 80, 100]);
            assert_eq!(c.budgets[1].amount.exact(), "99.50");
            assert_eq!(c.budgets[1].start_day, 15);
            assert_eq!(c.budgets[1].warn_at, vec![75, 90]);
            assert_eq!(c.budgets[1].scope.provider, Some(ProviderKind::OpenAi));
        }

        #[test]
        fn bad_entries_name_the_file_the_entry_and_the_field() {
            let cases = [
                (
                    "name = \"a\"\namount = -5\nperiod = \"month\"",
                    "budget 'a' (entry 1): amount: -5 must be more than 0",
                ),
                (
                    "name = \"a\"\namount = 5\nperiod = \"fortnight\"",
                    "budget 'a' (entry 1): period: 'fortnight' is not a period",
                ),
                (
                    "name = \"a\"\namount = 5\nperiod = \"month\"\nprovider = \"Gemini API!\"",
                    "budget 'a' (entry 1): provider: unknown provider 'Gemini API!'",
                ),
                ("amount = 5\nperiod = \"month\"", "budget entry 1: name: is missing"),
                ("name = \"a\"\nperiod = \"month\"", "budget 'a' (entry 1): amount: is missing"),
                ("name = \"a\"\namount = 5\nperiod = \"week\"\nstart_day = 3", "start_day: only applies"),
                ("name = \"a\"\namount = 5\nperiod = \"month\"\nstart_day = 31", "start_day: 31 must be from 1 to 28"),
                ("name = \"a\"\namount = 5\nperiod = \"month\"\nwarn_at = [0]", "warn_at: percentages"),
                ("name = \"a\"\namount = 5\nperiod = \"month\"\ncolour = \"red\"", "unknown field `colour`"),
            ];
            for (entry, needle) in cases {
                let err = parse(&format!("[[budgets]]\n{entry}\n")).unwrap_err().to_string();
                assert!(err.contains("team.toml") && err.contains(needle), "{needle}: {err}");
            }
            let dup = "[[budgets]]\nname = \"a\"\namount = 1\nperiod = \"day\"\n[[budgets]]\nname = \"a\"\namount = 2\nperiod = \"day\"\n";
            assert!(parse(dup).unwrap_err().to_string().contains("used by another budget"));
        }
    }
}
