//! `providers add gcp`: the billing export table and where the credentials are (a key file stays
//! where it is; nothing secret is stored). One query checks the token, the roles and the table
//! before anything is written.

use crate::app::App;
use crate::config::{self, WorkspaceConfig};
use crate::domain::Account;
use crate::error::{Error, Result};
use crate::providers::Credentials;

use super::providers::{AddArgs, check_key_with};

pub(super) fn add(app: &App, account: &Account, args: &AddArgs) -> Result<()> {
    if args.profile.is_some() || args.tenant_id.is_some() || args.client_id.is_some() || args.scope.is_some() {
        return Err(Error::Usage(
            "--profile, --tenant-id, --client-id and --scope are for AWS and Azure; Google uses --billing-table and --credentials"
                .into(),
        ));
    }
    let Some(table) = args.billing_table.as_deref().map(str::trim) else {
        return Err(Error::Usage(
            "a Google workspace needs --billing-table project.dataset.gcp_billing_export_v1_... (Billing, Billing export, BigQuery export shows it)"
                .into(),
        ));
    };
    crate::providers::gcp::query::validate_table(table).map_err(|e| Error::Usage(format!("--billing-table {e}")))?;
    let credentials_path = args
        .credentials
        .as_deref()
        .map(|p| std::fs::canonicalize(p).map_or_else(|_| p.to_string(), |c| c.display().to_string()));
    let mut fields: Vec<(&str, &str)> = vec![("billing_table", table)];
    for (name, value) in [
        ("credentials", credentials_path.as_deref()),
        ("job_project", args.job_project.as_deref()),
        ("location", args.location.as_deref()),
    ] {
        if let Some(v) = value {
            fields.push((name, v));
        }
    }
    config::check_add_workspace(&app.config_path, account, &fields)?;
    if !args.no_check {
        let settings = WorkspaceConfig {
            billing_table: Some(table.to_string()),
            credentials: credentials_path.clone(),
            job_project: args.job_project.clone(),
            location: args.location.clone(),
            ..WorkspaceConfig::default()
        };
        let credentials = match &credentials_path {
            Some(path) => {
                let auth = crate::providers::gcp::credentials::load_key_file(std::path::Path::new(path))
                    .map_err(|e| Error::Config(format!("{account}: {e}")))?;
                Credentials::Gcp(crate::providers::gcp::GcpCredentials::new(auth, path.clone()))
            }
            None => {
                app.credentials_with(account, &settings).map(|(c, _)| c).map_err(|e| Error::Config(e.to_string()))?
            }
        };
        let note = check_key_with(app, account, &credentials, settings)
            .map_err(|e| e.not_added(super::providers::RECORD_ANYWAY))?;
        if let Some(note) = note {
            app.note(&format!("{account}: {note}"));
        }
    }
    config::add_workspace(&app.config_path, account, &fields)?;
    app.note(&format!(
        "Added {account} reading {table}: no secret stored, workspace recorded in {}.\nTry: llmcost costs --provider gcp --workspace {} --month",
        app.config_path.display(),
        account.workspace
    ));
    Ok(())
}
