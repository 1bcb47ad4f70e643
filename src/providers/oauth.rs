//! The token request of the cloud logins (Entra ID's client credentials, Google's JWT bearer and
//! refresh-token grants): one form POST, retried on 429 and 5xx with Retry-After honoured, never
//! following a redirect (the form carries a secret or a signed assertion), the answer capped.

use std::time::Duration;

use serde::Deserialize;

use super::http::FailureKind;
use crate::domain::lenient;

/// Largest token answer read; a real one is a few kilobytes.
const MAX_TOKEN_BODY: usize = 1024 * 1024;
const ATTEMPTS: u64 = 3;

/// A token endpoint's success answer.
#[derive(Debug, Deserialize)]
pub(crate) struct TokenResponse {
    pub access_token: String,
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub expires_in: Option<u64>,
}

/// POSTs `form` to `url` (`what` names the endpoint in errors): `(status, body)` of the last
/// answer, which the caller reads (each identity provider words its errors its own way).
pub(crate) async fn post_form(
    client: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
    what: &str,
) -> Result<(u16, String), (FailureKind, String)> {
    let host = reqwest::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut response = client.post(url).form(form).send().await.map_err(|e| {
            let why = if e.is_timeout() { "timed out" } else { "cannot connect" };
            (FailureKind::Unreachable, format!("{what} {host}: {why}"))
        })?;
        let status = response.status();
        if status.is_redirection() {
            return Err((
                FailureKind::Rejected(status.as_u16()),
                format!("{what} {host} answered with a redirect; not followed"),
            ));
        }
        let wait = super::http::retry_after(response.headers(), chrono::Utc::now());
        let mut body = Vec::new();
        while let Ok(Some(chunk)) = response.chunk().await {
            if body.len() + chunk.len() > MAX_TOKEN_BODY {
                return Err((
                    FailureKind::Malformed,
                    format!("{what} {host} sent more than 1 MiB; refusing to read it"),
                ));
            }
            body.extend_from_slice(&chunk);
        }
        if (status.as_u16() == 429 || status.is_server_error()) && attempt < ATTEMPTS {
            tokio::time::sleep(wait.unwrap_or(Duration::from_millis(500 * attempt)).min(Duration::from_secs(30))).await;
            continue;
        }
        return Ok((status.as_u16(), String::from_utf8_lossy(&body).into_owned()));
    }
}
