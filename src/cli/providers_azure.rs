//! `providers add azure`: a Cost Management scope and a service principal (its secret read like
//! a key and kept in the keyring) or the Azure CLI's login. The scope and role are checked with
//! one query before anything is written.

use crate::app::App;
use crate::config::{self, WorkspaceConfig};
use crate::domain::Account;
use crate::error::{Error, Result};
use crate::providers::Credentials;
use crate::providers::azure::credentials::{AzureCredentials, DEFAULT_AUTHORITY, Grant, cli_token};
use crate::secrets::Secret;

use super::providers::{AddArgs, check_key_with};

pub(super) fn add(app: &App, account: &Account, args: &AddArgs, secret: Option<Secret>) -> Result<()> {
    if args.profile.is_some() {
        return Err(Error::Usage("--profile is for AWS workspaces; Azure uses --tenant-id and --client-id".into()));
    }
    let Some(scope) = args.scope.as_deref().map(|s| s.trim().trim_matches('/')).filter(|s| !s.is_empty()) else {
        return Err(Error::Usage(
            "an Azure workspace needs --scope subscriptions/<subscription id> (or a resource group or billing account scope)"
                .into(),
        ));
    };
    if args.tenant_id.is_some() != args.client_id.is_some() {
        return Err(Error::Usage("--tenant-id and --client-id go together (or leave both out to use az login)".into()));
    }
    let mut fields: Vec<(&str, &str)> = vec![("scope", scope)];
    if let (Some(t), Some(c)) = (&args.tenant_id, &args.client_id) {
        fields.push(("tenant_id", t));
        fields.push(("client_id", c));
    }
    let settings = WorkspaceConfig {
        scope: Some(scope.to_string()),
        tenant_id: args.tenant_id.clone(),
        client_id: args.client_id.clone(),
        ..WorkspaceConfig::default()
    };
    // The edit (and the scope) is checked before the check call and before a secret is stored.
    config::check_add_workspace(&app.config_path, account, &fields)?;
    crate::providers::azure::settings::validate_scope(scope).map_err(|e| Error::Usage(format!("--scope: {e}")))?;
    if !args.no_check {
        let grant = match (&secret, &args.tenant_id, &args.client_id) {
            (Some(secret), Some(tenant_id), Some(client_id)) => Grant::ClientSecret {
                tenant_id: tenant_id.clone(),
                client_id: client_id.clone(),
                secret: secret.clone(),
                authority: app.env_value("AZURE_AUTHORITY_HOST").unwrap_or(DEFAULT_AUTHORITY).to_string(),
            },
            _ => Grant::CliToken(cli_token().map_err(|e| Error::Config(format!("{account}: {e}")))?),
        };
        let credentials = Credentials::Azure(AzureCredentials::new(grant, String::new()));
        let note = check_key_with(app, account, &credentials, settings)
            .map_err(|e| e.not_added("Nothing was stored. Use --no-check to store it anyway."))?;
        if let Some(note) = note {
            app.note(&format!("{account}: {note}"));
        }
    }
    if let Some(secret) = &secret {
        app.keys.store_key(account, secret)?;
    }
    config::add_workspace(&app.config_path, account, &fields)?;
    app.note(&format!(
        "Added {account} for {scope}: {}, workspace recorded in {}.\nTry: llmcost costs --provider azure --workspace {} --month",
        if secret.is_some() { "client secret stored in the OS keyring" } else { "using your az login, no secret stored" },
        app.config_path.display(),
        account.workspace
    ));
    Ok(())
}
