//! Azure credentials, the way Azure's own tools find them: a service principal's client secret
//! (`LLMCOST_KEY_AZURE_<NAME>`, the keyring, else `AZURE_CLIENT_SECRET`) exchanged for a token at
//! Entra ID, else the Azure CLI's login (`az account get-access-token`). Tokens are kept until
//! shortly before they expire and are sent only to the management endpoint.

use std::time::Duration;

use super::api::TokenError;
use crate::providers::http::FailureKind;
use crate::providers::oauth::TokenResponse;
use crate::providers::token_cache::TokenCache;
use crate::secrets::Secret;

pub(crate) const DEFAULT_AUTHORITY: &str = "https://login.microsoftonline.com";
pub(crate) const MANAGEMENT_SCOPE: &str = "https://management.azure.com/.default";

/// How the token is obtained.
#[derive(Clone, Debug)]
pub enum Grant {
    /// Client credentials: a service principal's secret.
    ClientSecret { tenant_id: String, client_id: String, secret: Secret, authority: String },
    /// A token the Azure CLI handed out (`az login`), used as it is.
    CliToken(Secret),
}

/// An Azure workspace's credentials and its cached token (shared by the clones a sync makes).
#[derive(Clone, Debug)]
pub struct AzureCredentials {
    pub grant: Grant,
    /// Where they came from, for `providers` and `doctor`.
    pub source: String,
    token: TokenCache,
}

impl AzureCredentials {
    pub fn new(grant: Grant, source: String) -> Self {
        let token = match &grant {
            // The CLI's token lives about an hour; a sync is over long before.
            Grant::CliToken(t) => TokenCache::holding(t.clone(), Duration::from_secs(3000)),
            Grant::ClientSecret { .. } => TokenCache::default(),
        };
        AzureCredentials { grant, source, token }
    }

    /// The secrets to mask in anything echoed back.
    pub fn secrets(&self) -> Vec<&Secret> {
        match &self.grant {
            Grant::ClientSecret { secret, .. } => vec![secret],
            Grant::CliToken(t) => vec![t],
        }
    }

    /// `client 1111...aaaa` or `Azure CLI login`, for people.
    pub fn hint(&self) -> String {
        match &self.grant {
            Grant::ClientSecret { client_id, .. } => format!("client {}", Secret::new(client_id.clone()).hint()),
            Grant::CliToken(_) => "Azure CLI login".to_string(),
        }
    }

    /// The current token, if one is held and not about to expire.
    pub fn current(&self) -> Option<Secret> {
        self.token.current()
    }

    /// The token cache, shared with the request signer.
    pub fn token_cache(&self) -> &TokenCache {
        &self.token
    }

    /// A valid token: the held one, else a new one from Entra ID (client credentials).
    pub async fn token(
        &self,
        client: &reqwest::Client,
        policy: &crate::net::RetryPolicy,
    ) -> Result<Secret, (FailureKind, String)> {
        if let Some(t) = self.current() {
            return Ok(t);
        }
        let Grant::ClientSecret { tenant_id, client_id, secret, authority } = &self.grant else {
            return Err((
                FailureKind::InvalidKey,
                "the Azure CLI token has expired: run the command again (or 'az login')".to_string(),
            ));
        };
        let url = format!("{}/{tenant_id}/oauth2/v2.0/token", authority.trim_end_matches('/'));
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", client_id.as_str()),
            ("client_secret", secret.expose()),
            ("scope", MANAGEMENT_SCOPE),
        ];
        let host = reqwest::Url::parse(&url).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
        let (status, text) =
            crate::providers::oauth::post_form(client, policy, &url, &form, "Entra ID token endpoint").await?;
        let success = (200..300).contains(&status);
        if !success {
            return Err(token_error(status, &text, tenant_id));
        }
        let answer: TokenResponse = serde_json::from_str(&text)
            .map_err(|_| (FailureKind::Malformed, format!("Entra ID ({host}) answered without an access_token")))?;
        let token = Secret::new(answer.access_token);
        let lifetime = Duration::from_secs(answer.expires_in.unwrap_or(3599).min(86_400));
        self.token.set(token.clone(), lifetime);
        Ok(token)
    }
}

/// Entra ID's error, by its AADSTS code; the description is cut (it carries trace ids, never the secret).
fn token_error(status: u16, body: &str, tenant_id: &str) -> (FailureKind, String) {
    let e: TokenError = serde_json::from_str(body).unwrap_or(TokenError {
        error: String::new(),
        error_description: String::new(),
        error_codes: vec![],
    });
    let code = e.error_codes.first().copied().unwrap_or(0);
    let said: String = e.error_description.lines().next().unwrap_or("").chars().take(160).collect();
    match code {
        7_000_215 | 7_000_222 => (
            FailureKind::InvalidKey,
            format!(
                "Entra ID refused the client secret (AADSTS{code}: invalid or expired); create a new one with 'az ad sp credential reset' and store it with 'llmcost providers add azure'"
            ),
        ),
        700_016 => (
            FailureKind::InvalidKey,
            format!("no application with this client_id in tenant {tenant_id} (AADSTS700016): check client_id"),
        ),
        90_002 | 900_023 => {
            (FailureKind::InvalidKey, format!("tenant {tenant_id} not found (AADSTS{code}): check tenant_id"))
        }
        _ if status == 429 => {
            (FailureKind::RateLimited, "Entra ID throttled the token request; try again later".to_string())
        }
        _ => (
            if status >= 500 { FailureKind::Rejected(status) } else { FailureKind::InvalidKey },
            format!(
                "Entra ID refused the token request (HTTP {status}{}{})",
                if e.error.is_empty() { "" } else { ", " },
                if said.is_empty() { e.error } else { said }
            ),
        ),
    }
}

/// The Azure CLI's token for the management endpoint, when `az` is installed and logged in.
pub(crate) fn cli_token(limit: std::time::Duration) -> Result<Secret, String> {
    let mut az = std::process::Command::new("az");
    az.args(["account", "get-access-token", "--resource", "https://management.azure.com/", "--output", "json"]);
    let output = crate::providers::helper::run(az, limit).map_err(|e| match e {
        crate::providers::helper::HelperError::Start(_) => "the Azure CLI (az) is not installed".to_string(),
        crate::providers::helper::HelperError::TimedOut(t) => {
            format!("the Azure CLI did not answer within {} s and was stopped (run 'az login')", t.as_secs())
        }
    })?;
    if !output.status.success() {
        return Err("the Azure CLI is not logged in (run 'az login')".to_string());
    }
    #[derive(serde::Deserialize)]
    struct CliToken {
        #[serde(rename = "accessToken")]
        access_token: String,
    }
    let token: CliToken =
        serde_json::from_slice(&output.stdout).map_err(|_| "the Azure CLI's answer had no accessToken".to_string())?;
    Ok(Secret::new(token.access_token))
}

/// Azure: the service principal's secret (key variable, keyring, `AZURE_CLIENT_SECRET`) when
/// the workspace names a tenant and client, else the Azure CLI's login (never with
/// `LLMCOST_NO_AZ_CLI`, which the tests set so they cannot reach a developer's real login).
pub(crate) fn from_context(
    ctx: &crate::providers::credentials::CredentialContext<'_>,
) -> crate::providers::credentials::Resolved {
    use crate::providers::Credentials;
    use crate::secrets::{KeySource, Secret, env_var_name};
    let settings = super::settings::AzureSettings::of(ctx.settings);
    if let (Some(tenant_id), Some(client_id)) = (&settings.tenant_id, &settings.client_id) {
        let found = match ctx.key() {
            Ok(found) => Some(found),
            Err(_) => ctx
                .env_value("AZURE_CLIENT_SECRET")
                .filter(|v| !v.trim().is_empty())
                .map(|v| (Secret::new(v), KeySource::Env("AZURE_CLIENT_SECRET".into()))),
        };
        if let Some((secret, source)) = found {
            let authority = ctx.env_value("AZURE_AUTHORITY_HOST").unwrap_or(DEFAULT_AUTHORITY).to_string();
            let grant =
                Grant::ClientSecret { tenant_id: tenant_id.clone(), client_id: client_id.clone(), secret, authority };
            return Ok((Credentials::Azure(AzureCredentials::new(grant, source.to_string())), source));
        }
    }
    if ctx.env_flag("LLMCOST_NO_AZ_CLI") {
        return Err(ctx.not_found(format!(
            "no client secret ({}, the keyring or AZURE_CLIENT_SECRET) and the Azure CLI is turned off",
            env_var_name(ctx.account)
        )));
    }
    match cli_token(crate::providers::helper::timeout(ctx.env)) {
        Ok(token) => {
            let source = KeySource::Ambient("Azure CLI login (az account get-access-token)".into());
            Ok((Credentials::Azure(AzureCredentials::new(Grant::CliToken(token), source.to_string())), source))
        }
        Err(why) => Err(ctx.not_found(format!(
            "no client secret ({}, the keyring or AZURE_CLIENT_SECRET{}) and {why}",
            env_var_name(ctx.account),
            if settings.tenant_id.is_none() { "; the workspace has no tenant_id/client_id" } else { "" }
        ))),
    }
}
