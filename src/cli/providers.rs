//! `llmcost providers`: what is supported and configured; add, remove and test admin keys.

use std::io::{BufRead, IsTerminal};

use clap::{Args, Subcommand};

use super::App;
use super::args::ScopeArgs;
use crate::app::workspaces::NewWorkspace;
use crate::config;
use crate::domain::{Account, ProviderKind};
use crate::error::{Error, Result};

use crate::providers::http::FailureKind;

use crate::secrets::{KeyError, Secret, env_var_name};

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "\
Examples:
  llmcost providers
      What is configured, and where each key comes from
  llmcost providers add openai --workspace edugami
      Prompts for the admin key, checks it, stores it
  echo \"$KEY\" | llmcost providers add openai --workspace edugami --key-stdin
  llmcost providers add aws --workspace prod --profile billing
  llmcost providers add azure --workspace contoso --scope subscriptions/<id> \\
      --tenant-id <tenant> --client-id <app id>
      Prompts for the client secret
  llmcost providers add azure --workspace dev --scope subscriptions/<id>
      Uses your az login
  llmcost providers add gcp --workspace acme --billing-table \\
      acme.billing.gcp_billing_export_v1_X \\
      --credentials ~/keys/llmcost-reader.json
  llmcost providers test
      One cheap authenticated call per workspace
  llmcost providers remove openai --workspace edugami"
)]
pub struct ProvidersArgs {
    #[command(subcommand)]
    pub action: Option<ProvidersAction>,
    /// Output format of the list
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ProvidersAction {
    /// List supported providers and configured workspaces (the default)
    #[command(
        after_help = "Examples:\n  llmcost providers list\n  llmcost providers list --format json | jq '.workspaces[].key_source'"
    )]
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Add a workspace: read its admin key, check it, store it in the OS keyring
    #[command(after_help = "\
Examples:
  llmcost providers add openai --workspace edugami
      Prompts for the admin key (hidden)
  echo \"$KEY\" | llmcost providers add anthropic --workspace edugami --key-stdin
  llmcost providers add aws --workspace prod --profile billing
  llmcost providers add azure --workspace contoso --scope subscriptions/<id> \\
      --tenant-id <t> --client-id <c>
  llmcost providers add gcp --workspace acme --billing-table \\
      acme.billing.gcp_billing_export_v1_X --credentials key.json")]
    Add(AddArgs),
    /// Forget a workspace: delete its key from the keyring and its entry from the config
    #[command(after_help = "\
Examples:
  llmcost providers remove openai --workspace edugami
      Its cached spend stays in the cache")]
    Remove(RemoveArgs),
    /// Check each workspace's key with one cheap authenticated call
    #[command(
        after_help = "Examples:\n  llmcost providers test\n  llmcost providers test --provider openai --workspace edugami"
    )]
    Test {
        #[command(flatten)]
        scope: ScopeArgs,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(help = format!("The provider: {}", crate::providers::registry::ids()))]
    pub provider: String,
    /// A name for this account, e.g. the organization's: edugami
    #[arg(long, short = 'w', value_name = "NAME")]
    pub workspace: String,
    /// Read the key from standard input instead of a hidden prompt
    #[arg(long)]
    pub key_stdin: bool,
    /// Store the key without checking it against the provider
    #[arg(long)]
    pub no_check: bool,
    /// AWS: the profile whose credentials this workspace uses (in ~/.aws/credentials or
    /// ~/.aws/config); without it, the AWS chain (environment, AWS_PROFILE, default)
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Azure: the Entra ID tenant of the service principal (with --client-id; the secret is then
    /// read like a key). Without both, the Azure CLI's login (az login) is used
    #[arg(long, value_name = "ID")]
    pub tenant_id: Option<String>,
    /// Azure: the service principal's application (client) id
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Azure: the Cost Management scope: subscriptions/<id>, subscriptions/<id>/resourceGroups/<rg>,
    /// or providers/Microsoft.Billing/billingAccounts/<id>
    #[arg(long, value_name = "SCOPE")]
    pub scope: Option<String>,
    /// Google: the billing export table, project.dataset.gcp_billing_export_v1_...
    #[arg(long, value_name = "TABLE")]
    pub billing_table: Option<String>,
    /// Google: a service account key file (else GOOGLE_APPLICATION_CREDENTIALS, else your gcloud login)
    #[arg(long, value_name = "FILE")]
    pub credentials: Option<String>,
    /// Google: the project that runs the query (default: the table's)
    #[arg(long, value_name = "PROJECT")]
    pub job_project: Option<String>,
    /// Google: the dataset's location (US, EU, europe-west6...)
    #[arg(long, value_name = "LOCATION")]
    pub location: Option<String>,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[arg(help = format!("The provider: {}", crate::providers::registry::ids()))]
    pub provider: String,
    #[arg(long, short = 'w', value_name = "NAME")]
    pub workspace: String,
}

pub(super) fn run(app: &App, args: ProvidersArgs) -> Result<()> {
    match args.action {
        None => list(app, args.format),
        Some(ProvidersAction::List { format }) => list(app, format),
        Some(ProvidersAction::Add(a)) => add(app, a),
        Some(ProvidersAction::Remove(r)) => remove(app, r),
        Some(ProvidersAction::Test { scope }) => test(app, &scope),
    }
}

fn list(app: &App, format: ListFormat) -> Result<()> {
    let mut rows = Vec::new();
    let imports = crate::app::cache::imports(app)?;
    let accounts = app.accounts();
    let last_syncs = crate::app::cache::last_syncs(app, &accounts)?;
    for (account, last) in accounts.into_iter().zip(last_syncs) {
        let import = imports.iter().find(|i| i.account == account);
        let (source, hint) = if app.is_demo() {
            ("built-in demo".to_string(), "-".to_string())
        } else if let Some(i) = import {
            (format!("imported, last file {} on {}", i.file, i.at.format("%Y-%m-%d")), "-".to_string())
        } else {
            match app.credentials(&account) {
                Ok((credentials, source)) => (source.to_string(), credentials.hint()),
                Err(KeyError::Missing { .. }) => ("missing".to_string(), "-".to_string()),
                Err(KeyError::Empty { var, .. }) => (format!("missing ({var} is empty)"), "-".to_string()),
                Err(KeyError::KeyringUnavailable { .. }) => ("keyring unavailable".to_string(), "-".to_string()),
                Err(KeyError::Ambient { .. }) => ("no credentials".to_string(), "-".to_string()),
            }
        };
        rows.push((account, source, hint, last));
    }
    super::write_stdout(|out| match format {
        ListFormat::Json => {
            let doc = ProvidersDoc {
                schema_version: crate::output::json_out::SCHEMA_VERSION,
                providers: ProviderKind::ALL
                    .iter()
                    .map(|p| ProviderDoc { id: p.id(), name: p.display_name(), key: p.key_kind() })
                    .collect(),
                workspaces: rows
                    .iter()
                    .map(|(a, source, hint, last)| WorkspaceDoc {
                        provider: a.provider.id(),
                        workspace: &a.workspace,
                        key_source: source,
                        key_hint: hint,
                        env_var: env_var_name(a),
                        last_sync: last.map(crate::output::json_out::rfc3339),
                    })
                    .collect(),
            };
            crate::output::json_out::write_doc(&doc, out)
        }
        ListFormat::Table => {
            writeln!(out, "Supported providers:")?;
            for p in ProviderKind::ALL.iter().copied() {
                let line = format!("  {:<10} {}", p.id(), p.key_kind());
                writeln!(out, "{}", crate::output::text::hanging(&line, 13))?;
            }
            writeln!(out)?;
            if rows.is_empty() {
                writeln!(out, "No workspaces yet. Add one with 'llmcost providers add openai --workspace NAME',")?;
                return writeln!(out, "or set LLMCOST_KEY_OPENAI_<NAME>. Try the demo: 'llmcost --demo costs'.");
            }
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|(a, source, hint, last)| {
                    vec![
                        a.provider.id().to_string(),
                        a.workspace.clone(),
                        source.clone(),
                        hint.clone(),
                        last.map_or("never".to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string()),
                    ]
                })
                .collect();
            let header = ["Provider", "Workspace", "Key from", "Key", "Last sync (UTC)"];
            let t = crate::output::table::fitted(&header, body, &[2, 3, 1], &[3], &[]);
            writeln!(out, "{t}")
        }
    })
}

/// `providers --format json`.
#[derive(serde::Serialize)]
struct ProvidersDoc<'a> {
    schema_version: u32,
    providers: Vec<ProviderDoc>,
    workspaces: Vec<WorkspaceDoc<'a>>,
}

#[derive(serde::Serialize)]
struct ProviderDoc {
    id: &'static str,
    name: &'static str,
    key: &'static str,
}

/// A configured workspace: where its key comes from (never the key; a hint of it).
#[derive(serde::Serialize)]
struct WorkspaceDoc<'a> {
    provider: &'static str,
    workspace: &'a str,
    key_source: &'a str,
    key_hint: &'a str,
    env_var: String,
    last_sync: Option<String>,
}

fn parse_account(provider: &str, workspace: &str) -> Result<Account> {
    let provider: ProviderKind =
        provider.parse().map_err(|e: crate::domain::records::UnknownProvider| Error::Usage(e.to_string()))?;
    config::validate_workspace_name(workspace).map_err(Error::Usage)?;
    Ok(Account::new(provider, workspace))
}

pub(super) fn read_key(account: &Account, from_stdin: bool) -> Result<Secret> {
    let key = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| Error::io("cannot read the key from stdin", e))?;
        line
    } else if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!(
            "{} {} for {account} (input hidden): ",
            account.provider.display_name(),
            account.provider.info().secret_name
        ))
        .map_err(|e| Error::io("cannot read the key", e))?
    } else {
        return Err(Error::Usage("no terminal to prompt for the key: pipe it in with --key-stdin".into()));
    };
    let key = Secret::new(key);
    if key.expose().is_empty() {
        return Err(Error::Usage("the key is empty".into()));
    }
    Ok(key)
}

fn add(app: &App, args: AddArgs) -> Result<()> {
    if app.is_demo() {
        return Err(Error::Usage("the demo has no keys to add: run without --demo".into()));
    }
    let account = parse_account(&args.provider, &args.workspace)?;
    let given = [
        ("profile", &args.profile),
        ("tenant_id", &args.tenant_id),
        ("client_id", &args.client_id),
        ("scope", &args.scope),
        ("billing_table", &args.billing_table),
        ("credentials", &args.credentials),
        ("job_project", &args.job_project),
        ("location", &args.location),
    ];
    let settings = given.into_iter().filter_map(|(key, value)| Some((key, value.clone()?))).collect();
    let new = NewWorkspace { account: account.clone(), settings, check: !args.no_check, secret_given: args.key_stdin };
    let done = crate::app::workspaces::add(app, new, || read_key(&account, args.key_stdin))?;
    app.note(&done);
    Ok(())
}

fn remove(app: &App, args: RemoveArgs) -> Result<()> {
    if app.is_demo() {
        return Err(Error::Usage("the demo's workspaces are built in: run without --demo".into()));
    }
    let account = parse_account(&args.provider, &args.workspace)?;
    let in_config = app.config.workspace(&account).is_some();
    let key_deleted = match app.keys.delete_key(&account) {
        Ok(deleted) => deleted,
        Err(e) if in_config => {
            app.note(&format!("warning: {e}"));
            false
        }
        Err(_) => false,
    };
    if !in_config && !key_deleted {
        return Err(Error::Usage(format!(
            "unknown workspace '{}' for {}: nothing to remove",
            account.workspace, account.provider
        )));
    }
    config::remove_workspace(&app.config_path, &account)?;
    app.note(&format!(
        "Removed {account}{}. Its cached spend stays in the cache.",
        if key_deleted { " and its key" } else { "" }
    ));
    if app.env.iter().any(|(k, _)| *k == env_var_name(&account)) {
        app.note(&format!("note: {} is still set in the environment", env_var_name(&account)));
    }
    Ok(())
}

fn test(app: &App, scope: &ScopeArgs) -> Result<()> {
    let accounts = app.select_any(&scope.provider, &scope.workspace)?;
    let mut failed = Vec::new();
    let mut lines = Vec::new();
    for account in accounts {
        if app.is_demo() {
            lines.push(format!("{account}: ok (built-in demo)"));
            continue;
        }
        let (key, source) = match app.credentials(&account) {
            Ok(found) => found,
            Err(e) => {
                lines.push(format!("{account}: no key"));
                failed.push(e.to_string());
                continue;
            }
        };
        match crate::app::workspaces::check(app, &account, &key) {
            Ok(note) => lines.push(format!(
                "{account}: ok (admin key {} from {source}{})",
                key.hint(),
                note.map(|n| format!("; {}", crate::sanitize::terminal(&n))).unwrap_or_default()
            )),
            Err(e) => {
                let verdict = match e.failure_kind() {
                    Some(FailureKind::InvalidKey) => "invalid key",
                    Some(FailureKind::NotAdmin) => "not an admin key",
                    Some(FailureKind::Timeout | FailureKind::Unreachable) => "unreachable",
                    _ => "failed",
                };
                lines.push(format!("{account}: {verdict} (key {} from {source})", key.hint()));
                failed.push(e.to_string());
            }
        }
    }
    super::write_stdout(|out| lines.iter().try_for_each(|l| writeln!(out, "{l}")))?;
    if failed.is_empty() { Ok(()) } else { Err(Error::Accounts(failed)) }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::clock::Clock;
    use crate::config::Config;
    use crate::secrets::{KeySource, Keys};

    fn app(dir: &std::path::Path, store: Arc<keyring_core::CredentialStore>) -> App {
        App {
            config: Config::default(),
            config_path: dir.join("config.toml"),
            db_path: dir.join("cache.sqlite"),
            clock: Clock::system(),
            keys: Keys::with_store(vec![], store),
            env: vec![],
            demo: None,
            quiet: true,
            record_dir: None,
            network: Default::default(),
        }
    }

    /// `providers add openai --no-check` with `key` as the typed-in key.
    fn add_key(app: &App, account: &Account, key: &Secret) -> Result<String> {
        let new = NewWorkspace { account: account.clone(), settings: vec![], check: false, secret_given: true };
        crate::app::workspaces::add(app, new, || Ok(key.clone()))
    }

    #[test]
    fn every_setting_add_takes_is_a_flag_of_providers_add() {
        use clap::CommandFactory;
        let cli = crate::cli::Cli::command();
        let add = cli.find_subcommand("providers").and_then(|p| p.find_subcommand("add")).unwrap();
        for key in crate::app::workspaces::ADD_FLAGS {
            let flag = key.replace('_', "-");
            assert!(add.get_arguments().any(|a| a.get_long() == Some(flag.as_str())), "--{flag}");
        }
    }

    #[test]
    fn add_stores_the_key_in_the_keyring_and_only_the_name_in_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<keyring_core::CredentialStore> = keyring_core::mock::Store::new().unwrap();
        let app = app(dir.path(), store.clone());
        let account = Account::new(ProviderKind::OpenAi, "edugami");
        let key = Secret::new("sk-admin-secret-value-7777abcd");
        add_key(&app, &account, &key).unwrap();

        let config = std::fs::read_to_string(&app.config_path).unwrap();
        assert!(config.contains("[workspaces.openai.edugami]"), "{config}");
        assert!(!config.contains("secret-value"), "the key never reaches the config");
        let (found, source) = app.keys.lookup(&account).unwrap();
        assert_eq!((found.expose(), source), (key.expose(), KeySource::Keyring));

        // Remove deletes both.
        let app = App { config: Config::load(&app.config_path).unwrap(), ..app };
        remove(&app, RemoveArgs { provider: "openai".into(), workspace: "edugami".into() }).unwrap();
        assert!(app.keys.lookup(&account).is_err());
        assert!(Config::load(&app.config_path).unwrap().accounts().is_empty());
    }

    #[test]
    fn a_config_llmcost_cannot_edit_leaves_no_orphan_key() {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<keyring_core::CredentialStore> = keyring_core::mock::Store::new().unwrap();
        let app = app(dir.path(), store);
        std::fs::write(&app.config_path, "workspaces = { openai = { edugami = {} } }\n").unwrap();
        let account = Account::new(ProviderKind::OpenAi, "memoways");
        let err = add_key(&app, &account, &Secret::new("sk-admin-secret-value-7777abcd")).unwrap_err();
        assert!(err.to_string().contains("written inline"), "{err}");
        assert!(app.keys.lookup(&account).is_err(), "no key was stored");
        // Colliding key variables are refused the same way.
        std::fs::write(&app.config_path, "[workspaces.openai.\"a.b\"]\n").unwrap();
        let err = add_key(&app, &Account::new(ProviderKind::OpenAi, "a-b"), &Secret::new("sk-admin-x-0123456789"))
            .unwrap_err();
        assert!(err.to_string().contains("share the key variable"), "{err}");
        assert!(app.keys.lookup(&Account::new(ProviderKind::OpenAi, "a-b")).is_err());
    }
}
