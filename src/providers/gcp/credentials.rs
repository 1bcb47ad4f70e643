//! Google credentials, in the order Google's own tools use: an access token given as the
//! workspace's key (`LLMCOST_KEY_GCP_<NAME>`, e.g. from `gcloud auth print-access-token`), else a
//! key file (the workspace's `credentials`, else `GOOGLE_APPLICATION_CREDENTIALS`, else gcloud's
//! application default credentials): a service account signs a JWT (RS256) exchanged at the
//! file's own `token_uri`; a gcloud user login exchanges its refresh token.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};

use super::api::KeyFile;
use crate::providers::http::FailureKind;
use crate::providers::oauth::TokenResponse;
use crate::providers::token_cache::TokenCache;
use crate::secrets::Secret;

pub(crate) const SCOPE: &str = "https://www.googleapis.com/auth/bigquery.readonly";
const DEFAULT_TOKEN_URI: &str = "https://oauth2.googleapis.com/token";

#[derive(Clone, Debug)]
pub enum GcpAuth {
    /// An access token, used as it is.
    Token(Secret),
    ServiceAccount {
        email: String,
        key_id: Option<String>,
        private_key: Secret,
        token_uri: String,
    },
    /// gcloud's `application_default_credentials.json` after `gcloud auth application-default login`.
    AuthorizedUser {
        client_id: String,
        client_secret: Secret,
        refresh_token: Secret,
        token_uri: String,
    },
}

#[derive(Clone, Debug)]
pub struct GcpCredentials {
    pub auth: GcpAuth,
    /// Where they came from, for `providers` and `doctor`.
    pub source: String,
    token: TokenCache,
}

/// A token URI a signed assertion may go to: HTTPS, or a loopback address (tests, emulators).
fn token_uri_allowed(uri: &str) -> bool {
    match reqwest::Url::parse(uri) {
        Ok(u) => u.scheme() == "https" || matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]")),
        Err(_) => false,
    }
}

/// Reads a key file: a service account's or an authorized user's. The path is named in errors,
/// never the contents.
pub(crate) fn load_key_file(path: &std::path::Path) -> Result<GcpAuth, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read the Google key file {shown}: {e}"))?;
    let file: KeyFile =
        serde_json::from_str(&text).map_err(|_| format!("{shown} is not a Google credentials JSON file"))?;
    let token_uri = file.token_uri.clone().unwrap_or_else(|| DEFAULT_TOKEN_URI.to_string());
    if !token_uri_allowed(&token_uri) {
        return Err(format!("{shown}: token_uri must be an https:// URL"));
    }
    match file.kind.as_str() {
        "service_account" => {
            let (Some(email), Some(key)) = (file.client_email, file.private_key) else {
                return Err(format!("{shown}: a service account file needs client_email and private_key"));
            };
            let private_key = Secret::new(key);
            pkcs8_der(&private_key).map_err(|e| format!("{shown}: private_key: {e}"))?;
            Ok(GcpAuth::ServiceAccount { email, key_id: file.private_key_id, private_key, token_uri })
        }
        "authorized_user" => {
            let (Some(client_id), Some(secret), Some(refresh)) =
                (file.client_id, file.client_secret, file.refresh_token)
            else {
                return Err(format!(
                    "{shown}: an authorized_user file needs client_id, client_secret and refresh_token"
                ));
            };
            Ok(GcpAuth::AuthorizedUser {
                client_id,
                client_secret: Secret::new(secret),
                refresh_token: Secret::new(refresh),
                token_uri,
            })
        }
        other => Err(format!(
            "{shown}: credentials of type {:?} are not supported (use a service account key or gcloud auth application-default login)",
            other.chars().take(40).collect::<String>()
        )),
    }
}

/// The DER of a PEM `PRIVATE KEY` (PKCS#8), checked to be an RSA key ring can sign with.
fn pkcs8_der(pem: &Secret) -> Result<Vec<u8>, String> {
    let body: String = pem
        .expose()
        .lines()
        .map(str::trim)
        .skip_while(|l| !l.starts_with("-----BEGIN PRIVATE KEY-----"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END"))
        .collect();
    let der = STANDARD.decode(body.as_bytes()).map_err(|_| "not a PEM PRIVATE KEY".to_string())?;
    RsaKeyPair::from_pkcs8(&der).map_err(|_| "not an RSA private key in PKCS#8 form".to_string())?;
    Ok(der)
}

/// The signed assertion of the JWT bearer grant (RFC 7523), valid for an hour from `now`.
pub(crate) fn assertion(
    email: &str,
    key_id: Option<&str>,
    private_key: &Secret,
    token_uri: &str,
    now: i64,
) -> Result<String, String> {
    let der = pkcs8_der(private_key)?;
    let pair = RsaKeyPair::from_pkcs8(&der).map_err(|_| "not an RSA private key".to_string())?;
    let mut header = serde_json::json!({ "alg": "RS256", "typ": "JWT" });
    if let Some(kid) = key_id {
        header["kid"] = serde_json::json!(kid);
    }
    let claims = serde_json::json!({ "iss": email, "scope": SCOPE, "aud": token_uri, "iat": now, "exp": now + 3600 });
    let signing_input =
        format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
    let mut signature = vec![0; pair.public().modulus_len()];
    pair.sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), signing_input.as_bytes(), &mut signature)
        .map_err(|_| "signing failed".to_string())?;
    Ok(format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature)))
}

impl GcpCredentials {
    pub fn new(auth: GcpAuth, source: String) -> Self {
        let token = match &auth {
            GcpAuth::Token(t) => TokenCache::holding(t.clone(), Duration::from_secs(3000)),
            _ => TokenCache::default(),
        };
        GcpCredentials { auth, source, token }
    }

    pub fn secrets(&self) -> Vec<&Secret> {
        match &self.auth {
            GcpAuth::Token(t) => vec![t],
            GcpAuth::ServiceAccount { private_key, .. } => vec![private_key],
            GcpAuth::AuthorizedUser { client_secret, refresh_token, .. } => vec![client_secret, refresh_token],
        }
    }

    pub fn hint(&self) -> String {
        match &self.auth {
            GcpAuth::Token(t) => t.hint(),
            GcpAuth::ServiceAccount { email, .. } => email.clone(),
            GcpAuth::AuthorizedUser { .. } => "gcloud user login".to_string(),
        }
    }

    pub fn current(&self) -> Option<Secret> {
        self.token.current()
    }

    /// The token cache, shared with the request signer.
    pub fn token_cache(&self) -> &TokenCache {
        &self.token
    }

    /// A valid access token: the held one, else a new one from the key file's token URI.
    pub async fn access_token(
        &self,
        client: &reqwest::Client,
        policy: &crate::net::RetryPolicy,
    ) -> Result<Secret, (FailureKind, String)> {
        if let Some(t) = self.current() {
            return Ok(t);
        }
        let (token_uri, form): (&str, Vec<(&str, String)>) = match &self.auth {
            GcpAuth::Token(_) => {
                return Err((FailureKind::InvalidKey, "the access token has expired: make a new one".into()));
            }
            GcpAuth::ServiceAccount { email, key_id, private_key, token_uri } => {
                let jwt =
                    assertion(email, key_id.as_deref(), private_key, token_uri, chrono::Utc::now().timestamp())
                        .map_err(|e| (FailureKind::InvalidKey, format!("the service account key cannot sign: {e}")))?;
                (
                    token_uri,
                    vec![("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer".into()), ("assertion", jwt)],
                )
            }
            GcpAuth::AuthorizedUser { client_id, client_secret, refresh_token, token_uri } => (
                token_uri,
                vec![
                    ("grant_type", "refresh_token".into()),
                    ("client_id", client_id.clone()),
                    ("client_secret", client_secret.expose().to_string()),
                    ("refresh_token", refresh_token.expose().to_string()),
                ],
            ),
        };
        let host =
            reqwest::Url::parse(token_uri).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, text) =
            crate::providers::oauth::post_form(client, policy, token_uri, &form, "token endpoint").await?;
        if !(200..300).contains(&status) {
            #[derive(serde::Deserialize)]
            struct OauthError {
                #[serde(default)]
                error: String,
                #[serde(default)]
                error_description: String,
            }
            let e: OauthError = serde_json::from_str(&text)
                .unwrap_or(OauthError { error: String::new(), error_description: String::new() });
            let said: String = format!("{} {}", e.error, e.error_description).trim().chars().take(160).collect();
            let kind = if status >= 500 { FailureKind::Rejected(status) } else { FailureKind::InvalidKey };
            return Err((
                kind,
                format!("{host} refused the credentials (HTTP {status}: {said}); check the key file or log in again"),
            ));
        }
        let answer: TokenResponse = serde_json::from_str(&text)
            .map_err(|_| (FailureKind::Malformed, format!("{host} answered without an access_token")))?;
        let token = Secret::new(answer.access_token);
        self.token.set(token.clone(), Duration::from_secs(answer.expires_in.unwrap_or(3599).min(86_400)));
        Ok(token)
    }
}

/// Google: an access token as the workspace's key, else the workspace's `credentials` file, else
/// `GOOGLE_APPLICATION_CREDENTIALS`, else gcloud's application default credentials.
pub(crate) fn from_context(
    ctx: &crate::providers::credentials::CredentialContext<'_>,
) -> crate::providers::credentials::Resolved {
    use crate::providers::Credentials;
    use crate::secrets::{KeySource, env_var_name};
    if let Ok((token, source)) = ctx.key() {
        return Ok((Credentials::Gcp(GcpCredentials::new(GcpAuth::Token(token), source.to_string())), source));
    }
    let adc = ctx
        .env_value("CLOUDSDK_CONFIG")
        .map(std::path::PathBuf::from)
        .or_else(|| ctx.env_value("HOME").map(|h| std::path::Path::new(h).join(".config").join("gcloud")))
        .map(|d| d.join("application_default_credentials.json"));
    let settings = super::settings::GcpSettings::of(ctx.settings);
    let (path, from) = if let Some(p) = &settings.credentials {
        (std::path::PathBuf::from(p), "the workspace's credentials file")
    } else if let Some(p) = ctx.env_value("GOOGLE_APPLICATION_CREDENTIALS").filter(|p| !p.is_empty()) {
        (std::path::PathBuf::from(p), "GOOGLE_APPLICATION_CREDENTIALS")
    } else if let Some(p) = adc.filter(|p| p.exists()) {
        (p, "gcloud application default credentials")
    } else {
        return Err(ctx.not_found(format!(
            "no access token ({}), no credentials file in the workspace, no GOOGLE_APPLICATION_CREDENTIALS and no \
             gcloud login (gcloud auth application-default login)",
            env_var_name(ctx.account)
        )));
    };
    let auth = load_key_file(&path).map_err(|e| ctx.not_found(e))?;
    let source = KeySource::Ambient(format!("{from} ({})", path.display()));
    Ok((Credentials::Gcp(GcpCredentials::new(auth, source.to_string())), source))
}
