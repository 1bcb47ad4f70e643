//! The context every use case runs in: config, cache location, clock, keys, demo mode. Front
//! ends build it from their own options; nothing here knows about clap or the terminal UI.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::PathBuf;

use directories::ProjectDirs;

use crate::clock::Clock;
use crate::config::Config;
use crate::demo::Demo;
use crate::domain::{Account, ProviderKind};
use crate::error::{Error, Result};
use crate::secrets::{self, Keys};
use crate::store::Store;

/// What a front end decided about where and how to run (the command line's global flags).
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub config: Option<PathBuf>,
    pub db: Option<PathBuf>,
    pub demo: bool,
    pub quiet: bool,
    /// Seconds; overrides the config's `http.timeout_seconds`.
    pub timeout: Option<u64>,
    /// `--record DIR`.
    pub record: Option<PathBuf>,
    /// The command may create the config file (`providers add`, `budgets add`): a `--config`
    /// path that does not exist yet is where it goes, not a mistake.
    pub creates_config: bool,
}

pub struct App {
    pub config: Config,
    pub config_path: PathBuf,
    pub db_path: PathBuf,
    pub clock: Clock,
    pub keys: Keys,
    /// `LLMCOST_*` variables, read once.
    pub env: Vec<(String, String)>,
    pub demo: Option<Demo>,
    pub quiet: bool,
    /// `--record DIR`: where syncs write every response body.
    pub record_dir: Option<PathBuf>,
    /// The process's async runtime and HTTP client, made on first use and shared by every sync
    /// and check after it (the dashboard's refreshes reuse its connections).
    pub network: Network,
}

/// One async runtime and one HTTP client (one connection pool), made when first needed.
#[derive(Default)]
pub struct Network(std::sync::OnceLock<(tokio::runtime::Runtime, reqwest::Client)>);

impl Network {
    /// The runtime and the client, with `timeout` on each request if they are made now.
    pub(crate) fn get(&self, timeout: std::time::Duration) -> Result<(&tokio::runtime::Runtime, &reqwest::Client)> {
        if let Some((runtime, client)) = self.0.get() {
            return Ok((runtime, client));
        }
        let client = crate::providers::http::build_client(timeout)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::io("cannot start the async runtime", e))?;
        // Another thread may have made them meanwhile: theirs are kept, these dropped.
        let (runtime, client) = self.0.get_or_init(|| (runtime, client));
        Ok((runtime, client))
    }
}

impl Drop for Network {
    /// The exporter's last reference to the app can go inside its own async runtime, where
    /// dropping a runtime the usual way (waiting for its tasks) would panic: this one is told to
    /// stop and left to finish in the background.
    fn drop(&mut self) {
        if let Some((runtime, _)) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

fn env_flag(env: &[(String, String)], name: &str) -> bool {
    env.iter().any(|(k, v)| k == name && matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"))
}

/// The `LLMCOST_*` variables, and the AWS chain's and Azure's. Others are never read here, so an unrelated variable that is not
/// UTF-8 changes nothing; one of llmcost's own that is not UTF-8 is refused without echoing it.
fn llmcost_env() -> Result<Vec<(String, String)>> {
    // The AWS chain reads these the way the AWS CLI does.
    const OTHERS: [&str; 13] = [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_CONFIG_FILE",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_COST_EXPLORER",
        // Azure's SDKs read these.
        "AZURE_CLIENT_SECRET",
        "AZURE_AUTHORITY_HOST",
        // Google's client libraries read these.
        "GOOGLE_APPLICATION_CREDENTIALS",
        "CLOUDSDK_CONFIG",
        "HOME",
    ];
    let mut env = Vec::new();
    for (key, value) in std::env::vars_os() {
        let Some(key) = key.to_str().filter(|k| k.starts_with("LLMCOST_") || OTHERS.contains(k)) else {
            continue;
        };
        let value = value.into_string().map_err(|_| {
            Error::Config(format!("{key} is not valid UTF-8 text (its value is not shown); set it again"))
        })?;
        env.push((key.to_string(), value));
    }
    Ok(env)
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "llmcost")
}

impl App {
    pub fn from_options(cli: &Options) -> Result<App> {
        match App::from_options_lenient(cli)? {
            (app, None) => Ok(app),
            (_, Some(config_error)) => Err(config_error),
        }
    }

    /// Like `from_cli`, but a config file that cannot be used gives an empty config and the
    /// error beside it, so `doctor` can still look at everything else.
    pub fn from_options_lenient(cli: &Options) -> Result<(App, Option<Error>)> {
        let env = llmcost_env()?;
        let get = |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let clock = Clock::from_env(get("LLMCOST_NOW"))?;
        let dirs = project_dirs();
        let config_path = cli
            .config
            .clone()
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().join("config.toml")))
            .ok_or_else(|| Error::Config("no home directory: pass --config PATH".into()))?;
        let db_path = cli
            .db
            .clone()
            .or_else(|| dirs.as_ref().map(|d| d.cache_dir().join("cache.sqlite")))
            .ok_or_else(|| Error::Config("no home directory: pass --db PATH".into()))?;
        let no_keyring = env_flag(&env, "LLMCOST_NO_KEYRING");
        if cli.demo {
            let app = App::demo_at(clock, config_path, cli.quiet)?;
            if let Some(demo) = &app.demo {
                demo.clean_up_on_signal();
            }
            return Ok((app, None));
        }
        // A file named explicitly (--config, LLMCOST_CONFIG) that is not there is a typo, not
        // an empty config: "no budgets defined" would hide it.
        if cli.config.is_some() && !cli.creates_config && !config_path.exists() {
            return Err(Error::Usage(format!(
                "config file not found: {} (check --config or LLMCOST_CONFIG; 'llmcost providers add' creates one)",
                config_path.display()
            )));
        }
        let (config, config_error) = match Config::load(&config_path) {
            Ok(config) => {
                tracing::info!(
                    "config {}: {} workspace(s), {} budget(s)",
                    config_path.display(),
                    config.accounts().len(),
                    config.budgets.len()
                );
                (config, None)
            }
            Err(e) => (Config::default(), Some(e)),
        };
        let mut config = config;
        if let Some(seconds) = cli.timeout {
            config.http.timeout_seconds = seconds;
        }
        let keys = Keys::new(env.clone(), no_keyring);
        let record_dir = cli.record.clone().filter(|d| !d.as_os_str().is_empty());
        Ok((
            App {
                config,
                config_path,
                db_path,
                clock,
                keys,
                env,
                demo: None,
                quiet: cli.quiet,
                record_dir,
                network: Network::default(),
            },
            config_error,
        ))
    }

    /// The recorder for `--record DIR`, if asked for; a directory that cannot be made is an error.
    pub fn recorder(&self) -> Result<Option<crate::providers::record::Recorder>> {
        self.record_dir
            .as_deref()
            .map(|dir| {
                crate::providers::record::Recorder::new(dir)
                    .map_err(|e| Error::usage(format!("--record {}: cannot create the directory: {e}", dir.display())))
            })
            .transpose()
    }

    /// Every known account: the config's, the demo's, and those with a key in the environment.
    pub fn accounts(&self) -> Vec<Account> {
        if let Some(demo) = &self.demo {
            return demo.accounts();
        }
        let mut all: BTreeSet<Account> = self.config.accounts().into_iter().collect();
        for provider in ProviderKind::ALL.iter().copied() {
            for ws in secrets::workspaces_in_env(provider, &self.env) {
                // `LLMCOST_KEY_OPENAI_EDU_GAMI` may belong to a configured `edu-gami`.
                let configured = all.iter().any(|a| {
                    a.provider == provider
                        && secrets::env_var_name(a) == secrets::env_var_name(&Account::new(provider, &ws))
                });
                if !configured {
                    all.insert(Account::new(provider, ws));
                }
            }
        }
        // Vendors whose spend was imported from files (`llmcost import`).
        if self.db_path.exists()
            && let Ok(store) = Store::open(&self.db_path)
            && let Ok(imports) = store.imports()
        {
            all.extend(imports.into_iter().map(|i| i.account));
        }
        all.into_iter().collect()
    }

    /// The accounts a command's `--provider`/`--workspace` select. Unknown names are errors.
    /// The accounts a bill view covers: [`App::select_any`]'s, less those that report people's
    /// activity rather than a bill (Claude Code's analytics, `llmcost activity`). Naming only
    /// such accounts is an error that says where their figures are.
    pub fn select(&self, provider_names: &[String], workspace_names: &[String]) -> Result<Vec<Account>> {
        let any = self.select_any(provider_names, workspace_names)?;
        let (activity, billed): (Vec<Account>, Vec<Account>) =
            any.into_iter().partition(|a| a.provider.info().activity_only);
        if billed.is_empty() && !activity.is_empty() {
            let names: Vec<String> = activity.iter().map(ToString::to_string).collect();
            return Err(Error::Usage(format!(
                "{} report{} people's activity with an estimated cost, not a bill: see 'llmcost activity'",
                names.join(", "),
                if names.len() == 1 { "s" } else { "" }
            )));
        }
        Ok(billed)
    }

    /// The configured accounts `--provider` and `--workspace` name (all when none), whatever
    /// they report: what a sync and `providers test` cover.
    pub fn select_any(&self, provider_names: &[String], workspace_names: &[String]) -> Result<Vec<Account>> {
        let all = self.accounts();
        let mut providers = Vec::new();
        for p in provider_names {
            // An imported vendor is known once something was imported for it.
            let imported = all.iter().map(|a| a.provider).find(|k| k.is_imported() && k.id() == p.trim());
            providers.push(match imported {
                Some(k) => k,
                None => p.parse::<ProviderKind>().map_err(|e| Error::Usage(e.to_string()))?,
            });
        }
        if all.is_empty() {
            return Err(Error::Config(
                "no workspaces configured: run 'llmcost providers add openai --workspace NAME', \
                 set LLMCOST_KEY_OPENAI_<NAME>, or try the demo with 'llmcost --demo costs'"
                    .into(),
            ));
        }
        let in_providers: Vec<Account> =
            all.into_iter().filter(|a| providers.is_empty() || providers.contains(&a.provider)).collect();
        if in_providers.is_empty() {
            let names: Vec<&str> = providers.iter().map(|p| p.id()).collect();
            return Err(Error::Usage(format!(
                "no workspace is configured for {}: add one with 'llmcost providers add {} --workspace NAME'",
                names.join(", "),
                names[0]
            )));
        }
        if workspace_names.is_empty() {
            return Ok(in_providers);
        }
        let mut chosen = Vec::new();
        for name in workspace_names {
            let matches: Vec<&Account> =
                in_providers.iter().filter(|a| a.workspace.eq_ignore_ascii_case(name)).collect();
            if matches.is_empty() {
                let known: Vec<String> = in_providers.iter().map(std::string::ToString::to_string).collect();
                let provider = providers.first().map_or("openai", |p| p.id());
                return Err(Error::Usage(format!(
                    "unknown workspace '{name}': known workspaces are {}; add it with 'llmcost providers add {provider} --workspace {name}'",
                    known.join(", ")
                )));
            }
            for a in matches {
                if !chosen.contains(a) {
                    chosen.push(a.clone());
                }
            }
        }
        Ok(chosen)
    }

    pub fn open_store(&self) -> Result<Store> {
        let mut store = Store::open(&self.db_path)?;
        store.name_people(self.config.people.clone());
        if let Some(why) = store.read_only_reason() {
            self.note(&format!("warning: {why}"));
        }
        Ok(store)
    }

    /// The demo on `clock`'s day: its built-in organisation, budgets and teams, in a cache of
    /// its own. The demo never reads the user's config, cache or keys.
    pub fn demo_at(clock: Clock, config_path: PathBuf, quiet: bool) -> Result<App> {
        let demo = Demo::new(clock.now())?;
        let raw_people = crate::demo::people();
        Ok(App {
            config: Config {
                budgets: crate::demo::budgets(),
                balance_floors: crate::demo::balance_floors(),
                teams: crate::demo::teams(),
                shared_costs: crate::demo::shared_costs(),
                people: crate::domain::People::from_config(&raw_people).unwrap_or_default(),
                raw_people,
                optimize: crate::config::OptimizeSettings { batchable: vec!["Summaries".into()] },
                ..Config::default()
            },
            config_path,
            db_path: demo.db_path().clone(),
            clock,
            keys: Keys::new(vec![], true),
            env: vec![],
            demo: Some(demo),
            quiet,
            record_dir: None,
            network: Network::default(),
        })
    }

    pub fn is_demo(&self) -> bool {
        self.demo.is_some()
    }

    /// Whether to stay off the network: `--offline` asked for it, or the demo, which never
    /// leaves its built-in data.
    pub fn offline(&self, requested: bool) -> bool {
        requested || self.is_demo()
    }

    /// Progress and notes go to stderr only for a person watching a terminal.
    pub fn show_progress(&self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// A note on stderr (warnings about incomplete data), unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            use std::io::Write;
            // Notes name accounts and projects: escaped like every provider text; a closed
            // stderr is ignored.
            let mut stderr = std::io::stderr().lock();
            // A person reads notes at a terminal: wrapped to it, no word cut in two.
            let width = if stderr.is_terminal() {
                ratatui::crossterm::terminal::size().ok().map(|(w, _)| usize::from(w).max(40))
            } else {
                None
            };
            for line in message.lines() {
                let line = crate::sanitize::terminal(line);
                let _ = match width {
                    Some(w) if line.chars().count() > w => writeln!(stderr, "{}", crate::wrap::wrap(&line, w, "")),
                    _ => writeln!(stderr, "{line}"),
                };
            }
        }
    }

    /// An account's credentials, found the way its provider finds them (`ProviderInfo`'s
    /// `resolve_credentials`): a key from the environment or the keyring, or the provider's own
    /// chain (AWS profiles, the Azure login, Google service accounts) with the workspace's settings.
    pub fn credentials(
        &self,
        account: &Account,
    ) -> std::result::Result<(crate::providers::Credentials, secrets::KeySource), secrets::KeyError> {
        let settings = self.config.workspace(account).cloned().unwrap_or_default();
        self.credentials_with(account, &settings)
    }

    /// [`App::credentials`] with the workspace's settings given (a workspace being added).
    pub fn credentials_with(
        &self,
        account: &Account,
        settings: &crate::config::WorkspaceConfig,
    ) -> std::result::Result<(crate::providers::Credentials, secrets::KeySource), secrets::KeyError> {
        let ctx =
            crate::providers::credentials::CredentialContext { account, settings, keys: &self.keys, env: &self.env };
        (account.provider.info().resolve_credentials)(&ctx)
    }

    /// A client for `account` with `credentials`, on the shared HTTP client.
    pub fn connect(
        &self,
        account: &Account,
        credentials: &crate::providers::Credentials,
        client: reqwest::Client,
        retry: crate::providers::http::RetryPolicy,
        recorder: Option<crate::providers::record::Recorder>,
    ) -> crate::providers::AnyProvider {
        let settings = self.config.workspace(account).cloned().unwrap_or_default();
        self.connect_with(account, credentials, client, retry, recorder, settings)
    }

    /// Like [`App::connect`], with settings not (yet) in the config: `providers add` checks first.
    pub fn connect_with(
        &self,
        account: &Account,
        credentials: &crate::providers::Credentials,
        client: reqwest::Client,
        retry: crate::providers::http::RetryPolicy,
        recorder: Option<crate::providers::record::Recorder>,
        settings: crate::config::WorkspaceConfig,
    ) -> crate::providers::AnyProvider {
        crate::providers::AnyProvider::connect(crate::providers::Connection {
            client,
            base_url: crate::providers::base_url(account.provider, settings.base_url.as_deref(), &self.env),
            account: account.clone(),
            credentials,
            retry,
            recorder,
            settings,
        })
    }

    /// How requests are retried. `LLMCOST_RETRY_BASE_MS` (undocumented for users, used by the test
    /// suite) shortens the first backoff; Retry-After is honoured whatever it says.
    pub fn retry_policy(&self) -> crate::providers::http::RetryPolicy {
        let mut policy = crate::providers::http::RetryPolicy::default();
        if let Some(ms) = self.env_value("LLMCOST_RETRY_BASE_MS").and_then(|v| v.trim().parse::<u64>().ok()) {
            policy.base_delay = std::time::Duration::from_millis(ms.min(60_000));
        }
        // The longest single wait, whatever a Retry-After asks (tests shorten it).
        if let Some(ms) = self.env_value("LLMCOST_RETRY_MAX_MS").and_then(|v| v.trim().parse::<u64>().ok()) {
            policy.max_delay = std::time::Duration::from_millis(ms.clamp(1, 60_000));
        }
        policy
    }

    pub fn env_value(&self, name: &str) -> Option<&str> {
        self.env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}
